"""Where one quotation's content ends because another attribution starts inside it («… وقال»,
«لكنه أضاف أن»), unless that attribution is what the outer speaker reports («وبين الصباغ أن
الربيعة أكد …»); and whether a content that is one whole quotation is direct speech.

Split from ``finder`` (which reads the drafts these cut)."""

from __future__ import annotations

import bisect

from marsad.core.document import Span
from marsad.stages.quotes.context import Context, Draft, inner, trim, words_in
from marsad.stages.quotes.marks import inside
from marsad.text import keys as textkeys


def nested(inner: Draft, outer: Draft, opened_at: int | None = None) -> bool:
    """Whether ``inner``'s attribution opens ``outer``'s content ("وبين الصباغ أن الربيعة أكد"):
    what the outer speaker reports is that the inner one spoke.  ``opened_at``: where the outer
    content opens past its own complementiser, when it keeps one (see :func:`_reported_start`)."""
    start = outer.content.start if opened_at is None else opened_at
    return start >= inner.region and (inner.cue is None or start < inner.cue.start)


def _reported_start(ctx: Context, d: Draft) -> int:
    """Where a content's reported clause opens: past إن/أن when the content keeps it, as after a
    colon ("وقال خامنئي …: إن الرئيس أوباما ادعى بأنه"), else at the content's start."""
    words = words_in(ctx, d.content)
    if len(words) > 1 and words[0].token.start <= d.content.start and ctx.cues.is_complementiser(words[0].key):
        return words[1].token.start
    return d.content.start


def clause_starts(ctx: Context) -> list[int]:
    """Offsets of "وقال"/"وأضاف"...: a conjoined verb of saying opens a new attribution."""
    return [w.token.start for w in ctx.words
            if w.conj_end > w.token.start and w.key in ctx.cues.verbs]


def cut_overlaps(ctx: Context, drafts: list[Draft], clauses: list[int]) -> list[Draft]:
    """End each content where a later attribution inside it starts; drop what becomes empty."""
    kept: list[Draft] = []
    # Every place an attribution starts, with the draft it belongs to (-1: a clause), in order.
    points = sorted([(o.region, k) for k, o in enumerate(drafts)]
                    + [(o.cue.start, k) for k, o in enumerate(drafts) if o.cue is not None]
                    + [(c, -1) for c in clauses])
    offsets = [r for r, _ in points]
    for k, d in enumerate(drafts):
        x = bisect.bisect_right(offsets, d.content.start)
        while x < len(points) and points[x][0] < d.content.end:
            r, owner = points[x]
            x += 1
            if owner == k or (inside(ctx.pairs, r) is not None and d.kind != "indirect"):
                continue
            if owner >= 0 and nested(drafts[owner], d) and d.kind == "indirect":
                continue  # "وبين الصباغ أن الربيعة أكد …": the nested attribution is what is reported
            if owner >= 0 and nested(drafts[owner], d, _reported_start(ctx, d)) and not inside(ctx.pairs, r):
                continue  # "وقال خامنئي: إن الرئيس أوباما ادعى بأنه …": the same, after a colon
            a, b = _without_link(ctx, *trim(ctx.text, d.content.start, r))
            d.content = Span(a, b)
        if d.content.end > d.content.start:
            _settle_kind(ctx, d)
            # Reported speech of one word is a fragment left by a cut, not a statement.
            if d.kind == "direct" or len(ctx.text[d.content.start:d.content.end].split()) >= 2:
                kept.append(d)
    return kept


def _without_link(ctx: Context, a: int, b: int) -> tuple[int, int]:
    """A content cut before the next attribution, without the "و" or "، فيما" that joins them."""
    links = ctx.cues.words("clause_links")
    while b > a:
        if ctx.text[b - 1] == "و" and (b - 1 == a or ctx.text[b - 2] == " "):
            a, b = trim(ctx.text, a, b - 1)  # a bare "و" before the next cue
            continue
        last = ctx.text.rfind(" ", a, b) + 1 or a
        word = textkeys.fold(ctx.text[last:b])
        if last > a and (word in links or (word[:1] in "وف" and ctx.cues.is_complementiser(word[1:]))):
            a, b = trim(ctx.text, a, last)
            continue
        break
    return a, b


def _settle_kind(ctx: Context, d: Draft) -> None:
    """A content that is one whole quotation is direct speech; marks inside make it mixed."""
    a, b = d.content.start, d.content.end
    for p, q in ctx.pairs:
        if p == a and q == b - 1:
            d.kind, d.content = "direct", inner(ctx, (p, q))
            return
    if d.kind != "direct":
        d.kind = "mixed" if any(a <= p and q < b for p, q in ctx.pairs) else "indirect"
