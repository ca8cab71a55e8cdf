"""A readable, right-to-left-safe terminal view of a Document (rich)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from marsad.core.document import Document
from marsad.shells.cli.views import dates_view, entities_table, events_view, quantities_view, quotes_view

# Unicode isolates keep Arabic runs and the numbers beside them in order in any terminal.
RLI, LRI, PDI = "\u2067", "\u2066", "\u2069"


def rtl(text: str) -> str:
    """Wrap Arabic text in a right-to-left isolate so mixed lines render in the right order."""
    return f"{RLI}{text}{PDI}"


def ltr(text: str) -> str:
    return f"{LRI}{text}{PDI}"


def document_view(doc: Document) -> Group:
    header = Text()
    header.append("marsad ", style="bold")
    header.append(ltr(f"id {doc.id}  published {doc.published or '-'}  "
                      f"{len(doc.sentences)} sentences  {len(doc.tokens)} tokens"))
    parts: list[Table | Text] = [header]
    if doc.title:
        parts.append(Text(rtl(doc.title), style="bold"))
    sentences = Table(show_header=True, header_style="bold", box=None, expand=True)
    sentences.add_column("#", justify="right", no_wrap=True)
    sentences.add_column("sentence")
    for i, span in enumerate(doc.sentences):
        sentences.add_row(str(i), rtl(doc.span_text(span)))
    parts.append(sentences)
    if doc.removed:
        removed = Table(title="removed", show_header=True, header_style="bold", expand=True)
        removed.add_column("line", justify="right")
        removed.add_column("reason")
        removed.add_column("text")
        for r in doc.removed:
            removed.add_row(str(r.line), r.reason, rtl(r.text))
        parts.append(removed)
    if doc.repairs:
        repairs = Table(title="repaired", show_header=True, header_style="bold", expand=True)
        repairs.add_column("offset", justify="right")
        repairs.add_column("before")
        repairs.add_column("after")
        for rp in doc.repairs:
            repairs.add_row(str(rp.start), rtl(rp.before), rtl(rp.after))
        parts.append(repairs)
    parts.extend(_stage_views(doc))
    return Group(*parts)


def _stage_views(doc: Document) -> list[Table]:
    """Tables of what the later stages found: who is mentioned, who said what, who did what to
    whom, when and how much."""
    views: list[Table] = []
    if doc.entities:
        views.append(entities_table(doc))
    if doc.quotes:
        views.append(quotes_view(doc))
    if doc.unattributed:
        views.append(quotes_view(doc, unattributed=True))
    if doc.events:
        views.append(events_view(doc))
    if doc.dates:
        views.append(dates_view(doc))
    if doc.quantities:
        views.append(quantities_view(doc))
    return views


def print_document(doc: Document, console: Console) -> None:
    console.print(document_view(doc))
