"""Tables for the terminal (``--format text``): entities, quotes, events, dates and quantities."""

from __future__ import annotations

from rich.table import Table

from marsad.core.document import Document, Entity
from marsad.stages.events.table import event_row

#: Display order of the types; any other type follows in name order.
TYPE_ORDER = ("PER", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "MISC")
RLI, PDI = "\u2067", "\u2069"  # right-to-left isolate: Arabic names stay in order in any terminal


def _link(entity: Entity) -> str:
    parts = [p for p in (entity.country, entity.wikidata) if p]
    return " ".join(parts) or "-"


def grouped(doc: Document) -> list[tuple[str, list[Entity]]]:
    """Entities by type in :data:`TYPE_ORDER`, most-mentioned first within a type."""
    types = sorted({e.type for e in doc.entities},
                   key=lambda t: (TYPE_ORDER.index(t) if t in TYPE_ORDER else len(TYPE_ORDER), t))
    return [(t, sorted((e for e in doc.entities if e.type == t),
                       key=lambda e: (-len(e.mentions), e.mentions[0].start))) for t in types]


def entities_table(doc: Document) -> Table:
    """A table of the document's entities: type, English and Arabic names, mentions, links."""
    table = Table(title="entities", show_header=True, header_style="bold", expand=True)
    for column in ("type", "name", "arabic", "mentions", "links"):
        table.add_column(column, justify="right" if column == "mentions" else "left")
    for type_, entities in grouped(doc):
        for entity in entities:
            arabic = entity.name_ar or doc.span_text(entity.mentions[0])
            table.add_row(type_, entity.name_en or "-", f"{RLI}{arabic}{PDI}",
                          str(len(entity.mentions)), _link(entity))
    return table


#: Longest quote content shown in the terminal; the JSON output has it whole.
QUOTE_CHARS = 160


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def events_view(doc: Document) -> Table:
    """Who did what to whom, one row per event, narrow enough for 80 columns (cells wrap)."""
    table = Table(title="events", show_header=True, header_style="bold", expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("what")
    table.add_column("who → whom")
    for ev in doc.events:
        row = event_row(doc, ev)
        what = ev.type + (f"/{ev.mode}" if ev.mode else "") + (f" {ev.cameo}" if ev.cameo else "")
        what += f"\n{ev.status}" + (f" {row['date']}" if row["date"] else "")
        what += f"\n«{RLI}{doc.span_text(ev.trigger)}{PDI}»"
        who = f"{RLI}{row['source'] or '-'}{PDI} → {RLI}{row['target'] or '-'}{PDI}"
        if row["location"]:
            who += f"\nin {RLI}{row['location']}{PDI}"
        table.add_row(",".join(str(s) for s in ev.sentences or (ev.sentence,)), what, who)
    return table


def _speaker_name(doc: Document, index: int | None, fallback: str) -> str:
    if index is not None and 0 <= index < len(doc.entities) and doc.entities[index].name_en:
        return doc.entities[index].name_en or fallback
    return fallback


def quotes_view(doc: Document, unattributed: bool = False) -> Table:
    """Who said what: the speaker (English name when linked), then the words, kind and relay;
    ``unattributed``: the quotes of unnamed speakers who speak for nobody named."""
    title = "unattributed (unnamed speakers)" if unattributed else "quotes"
    table = Table(title=title, show_header=True, header_style="bold", expand=True)
    table.add_column("speaker")
    table.add_column("said")
    for q in doc.unattributed if unattributed else doc.quotes:
        speaker = _speaker_name(doc, q.speaker.entity, f"{RLI}{doc.span_text(q.speaker.span)}{PDI}")
        kind = q.kind + (f", via {RLI}{doc.span_text(q.via.span)}{PDI}" if q.via else "")
        kind += f", citing {RLI}{doc.span_text(q.citing.span)}{PDI}" if q.citing else ""
        kind += f", {q.date}" if q.date else ""
        said = f"{RLI}«{_short(doc.span_text(q.content), QUOTE_CHARS)}»{PDI}\n({kind})"
        table.add_row(speaker, said)
    return table


def dates_view(doc: Document) -> Table:
    """Each date expression and what it resolves to against the publication date."""
    table = Table(title="dates", show_header=True, header_style="bold", expand=True)
    table.add_column("text")
    table.add_column("value", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    for d in doc.dates:
        table.add_row(f"{RLI}{doc.span_text(d.span)}{PDI}", d.value or "-", d.kind)
    return table


def quantities_view(doc: Document) -> Table:
    """Each figure: its words, value (a range as low–high), unit, approximator and US dollars."""
    table = Table(title="quantities", show_header=True, header_style="bold", expand=True)
    table.add_column("text")
    table.add_column("value", justify="right")
    table.add_column("unit")
    table.add_column("approx", no_wrap=True)
    for q in doc.quantities:
        value = f"{q.value:,.10g}" + (f"–{q.value_max:,.10g}" if q.value_max is not None else "")
        if q.value_usd is not None:
            value += f"\n≈ ${q.value_usd:,.0f}"
        unit = f"{RLI}{q.unit}{PDI}" if q.unit else "-"
        table.add_row(f"{RLI}{doc.span_text(q.span)}{PDI}", value, unit, q.approx)
    return table
