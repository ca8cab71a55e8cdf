"""Tables for the terminal (``--format text``): entities grouped by type, and events."""

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


def events_view(doc: Document) -> Table:
    """A who-did-what-to-whom table for ``--format text``."""
    table = Table(title="events", show_header=True, header_style="bold", expand=True)
    for name in ("#", "date", "who", "did", "to whom", "where", "status"):
        table.add_column(name)
    rtl, pdi = "\u2067", "\u2069"  # right-to-left isolates keep Arabic names in order
    for ev in doc.events:
        row = event_row(doc, ev)
        did = ev.type + (f"/{ev.mode}" if ev.mode else "") + f" «{rtl}{doc.span_text(ev.trigger)}{pdi}»"
        table.add_row(",".join(str(s) for s in ev.sentences or (ev.sentence,)), row["date"] or "-",
                      f"{rtl}{row['source'] or '-'}{pdi}", did, f"{rtl}{row['target'] or '-'}{pdi}",
                      f"{rtl}{row['location'] or '-'}{pdi}", ev.status)
    return table
