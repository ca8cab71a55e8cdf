"""Turn an article's annotations into nested, escaped HTML marks over its text.

Find, then annotate: :func:`find_marks` lists what to highlight (entity mentions, quotes, event
triggers) from the contract offsets, :func:`nest` arranges the marks into a tree (a mark that
crosses another is cut at the boundary, so the HTML stays well-formed) and :func:`render` writes
it out.  Every piece of article text and every attribute goes through ``markupsafe.escape``, so
an article containing ``<script>`` shows as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote as url_quote

from markupsafe import Markup, escape

from marsad.shells.web.display import isolate, label

#: Order of marks that start and end at the same offsets: the first is the outermost.
KIND_ORDER = {"quote": 0, "event": 1, "entity": 2}


@dataclass(frozen=True)
class Mark:
    """One highlight: ``[start, end)`` in the text, its kind and its HTML attributes."""

    start: int
    end: int
    kind: str
    css: str
    title: str
    href: str | None = None
    anchor: str | None = None
    data: tuple[tuple[str, str], ...] = ()

    def cut(self, start: int, end: int) -> Mark:
        """The part of this mark inside ``[start, end)``; only the first part keeps the anchor."""
        return Mark(start, end, self.kind, self.css, self.title, self.href,
                    self.anchor if start == self.start else None, self.data)


@dataclass
class Node:
    mark: Mark
    children: list[Node] = field(default_factory=list)


def _entity_label(entity: dict[str, Any]) -> str:
    names = [entity.get("name_en"), entity.get("name_ar")]
    label = " · ".join(str(n) for n in names if n)
    extra = [str(entity.get("type") or ""), str(entity.get("country") or "")]
    return f"{label} ({' '.join(e for e in extra if e)})" if label else " ".join(e for e in extra if e)


def _span(value: Any, length: int) -> tuple[int, int] | None:
    """``(start, end)`` of a contract span when it is well-formed and inside the text."""
    if not isinstance(value, dict):
        return None
    start, end = value.get("start"), value.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length:
        return start, end
    return None


def entity_marks(analysis: dict[str, Any], entity_ids: Sequence[str], link: str) -> list[Mark]:
    length = len(analysis.get("text", ""))
    marks = []
    for index, entity in enumerate(analysis.get("entities", [])):
        eid = entity_ids[index] if index < len(entity_ids) else None
        href = link.format(url_quote(eid, safe="")) if eid else None
        for mention in entity.get("mentions", []):
            span = _span(mention, length)
            if span:
                marks.append(Mark(span[0], span[1], "entity", f"ent ent-{entity.get('type', 'MISC')}",
                                  _entity_label(entity), href, f"m{span[0]}", (("entity", eid or ""),)))
    return marks


def quote_marks(analysis: dict[str, Any]) -> list[Mark]:
    length = len(analysis.get("text", ""))
    marks = []
    for index, quote in enumerate(analysis.get("quotes", [])):
        span = _span(quote.get("content"), length)
        if not span:
            continue
        speaker = (quote.get("speaker") or {}).get("text") or "?"
        via = (quote.get("via") or {}).get("text")
        title = f"{speaker} ({label(quote.get('kind'), 'quote_kind')})" + (f" عبر {via}" if via else "")
        marks.append(Mark(span[0], span[1], "quote", f"quote quote-{quote.get('kind', 'direct')}",
                          title, None, f"q{index}", (("speaker", speaker),)))
        cue = _span(quote.get("cue"), length)
        if cue:
            marks.append(Mark(cue[0], cue[1], "quote", "cue", f"فعل القول في اقتباس عن {speaker}"))
    return marks


def event_marks(analysis: dict[str, Any]) -> list[Mark]:
    length = len(analysis.get("text", ""))
    marks = []
    for index, event in enumerate(analysis.get("events", [])):
        span = _span(event.get("trigger"), length)
        if not span:
            continue
        kind = str(event.get("type", ""))
        detail = [f"{label(kind, 'event_type')} ({kind})", label(event.get("mode"), "event_mode"),
                  label(event.get("status"), "event_status"), isolate(event.get("date"))]
        marks.append(Mark(span[0], span[1], "event", f"ev ev-{kind}", " · ".join(d for d in detail if d),
                          None, f"e{index}", (("type", kind),)))
    return marks


def find_marks(analysis: dict[str, Any], entity_ids: Sequence[str],
               entity_link: str = "/ui/entities/{}") -> list[Mark]:
    """Every highlight of an analysed article, in no particular order."""
    return [*quote_marks(analysis), *event_marks(analysis),
            *entity_marks(analysis, entity_ids, entity_link)]


def nest(marks: Sequence[Mark]) -> list[Node]:
    """Arrange marks into a forest; a mark crossing an enclosing mark's end is cut in two."""
    pending = sorted(marks, key=lambda m: (m.start, -m.end, KIND_ORDER.get(m.kind, 9)))
    roots: list[Node] = []
    stack: list[Node] = []
    while pending:
        mark = pending.pop(0)
        while stack and stack[-1].mark.end <= mark.start:
            stack.pop()
        if stack and mark.end > stack[-1].mark.end:
            # Crossing: keep the part inside the open mark, queue the rest after it.
            outer_end = stack[-1].mark.end
            rest = mark.cut(outer_end, mark.end)
            mark = mark.cut(mark.start, outer_end)
            _insert_sorted(pending, rest)
        node = Node(mark)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def _insert_sorted(pending: list[Mark], mark: Mark) -> None:
    key = (mark.start, -mark.end, KIND_ORDER.get(mark.kind, 9))
    index = 0
    while index < len(pending) and (pending[index].start, -pending[index].end,
                                    KIND_ORDER.get(pending[index].kind, 9)) <= key:
        index += 1
    pending.insert(index, mark)


def _open_tag(mark: Mark) -> str:
    attrs = [f'class="{escape(mark.css)}"', f'title="{escape(mark.title)}"']
    if mark.anchor:
        attrs.append(f'id="{escape(mark.anchor)}"')
    attrs += [f'data-{escape(k)}="{escape(v)}"' for k, v in mark.data]
    if mark.href:
        return f'<a href="{escape(mark.href)}" ' + " ".join(attrs) + ">"
    return "<span " + " ".join(attrs) + ">"


def _write(text: str, nodes: list[Node], start: int, end: int, out: list[str]) -> None:
    pos = start
    for node in nodes:
        out.append(str(escape(text[pos:node.mark.start])))
        out.append(_open_tag(node.mark))
        _write(text, node.children, node.mark.start, node.mark.end, out)
        out.append("</a>" if node.mark.href else "</span>")
        pos = node.mark.end
    out.append(str(escape(text[pos:end])))


def render(text: str, marks: Sequence[Mark]) -> Markup:
    """The text as HTML with every mark wrapped around its exact slice."""
    out: list[str] = []
    _write(text, _tidy(nest(marks), False, set()), 0, len(text), out)
    return Markup("".join(out))


def _tidy(nodes: list[Node], inside_link: bool, anchors: set[str]) -> list[Node]:
    """HTML forbids a link inside a link (inner marks lose their href, keeping the title) and
    two elements with one id (only the first mark at an offset keeps its anchor)."""
    fixed = []
    for node in nodes:
        mark = node.mark
        href = None if inside_link else mark.href
        anchor = mark.anchor if mark.anchor not in anchors else None
        if anchor:
            anchors.add(anchor)
        mark = Mark(mark.start, mark.end, mark.kind, mark.css, mark.title, href, anchor, mark.data)
        fixed.append(Node(mark, _tidy(node.children, inside_link or bool(href), anchors)))
    return fixed


def mark_hits(text: str, spans: Sequence[Sequence[int]]) -> Markup:
    """A search snippet with each hit wrapped in ``<mark>``, the rest escaped."""
    out, pos = [], 0
    for start, end in sorted((int(s[0]), int(s[1])) for s in spans):
        if start < pos or end > len(text):
            continue
        out += [str(escape(text[pos:start])), "<mark>", str(escape(text[start:end])), "</mark>"]
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))
