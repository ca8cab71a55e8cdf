"""Entities for the terminal (``--format text``): grouped by type, with mention counts and links."""

from __future__ import annotations

from rich.table import Table

from marsad.core.document import Document, Entity

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
