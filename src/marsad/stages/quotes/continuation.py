"""Speech that goes on past its sentence: «وقال بايبر إن هدم الممتلكات … يعتبر عملا محظورا. إنني
أدعو السلطات الإسرائيلية إلى …», «وقال إنه … فإننا نبحث دائما عن طرق … . وبالطبع لدينا سبب آخر …».

A sentence in the same paragraph that opens in the first person (``grammar.first_person_openers``,
after at most a discourse adverb) and holds no attribution of its own is the speaker's still: the
quotation before it, which ran to its sentence's end, takes it in.
"""

from __future__ import annotations

from marsad.core.document import Span
from marsad.stages.quotes.context import Context, Draft, trim
from marsad.stages.quotes.marks import CLOSERS
from marsad.text.keys import fold

#: Most sentences a quotation is carried into.
MAX_CONTINUED = 3


def continue_speech(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` with each quotation that ends its sentence carried into the sentences after it
    that go on in its speaker's first person."""
    told = {ctx.doc.sentence_of(d.region) for d in drafts} | {
        ctx.doc.sentence_of(d.cue.start) for d in drafts if d.cue is not None}
    for d in drafts:
        for _ in range(MAX_CONTINUED):
            nxt = _next_sentence(ctx, d.content)
            if nxt is None or nxt in told or not _first_person(ctx, nxt):
                break
            sent = ctx.doc.sentences[nxt]
            a, b = trim(ctx.text, d.content.start, sent.end)
            d.content = Span(a, b)
    return drafts


def _next_sentence(ctx: Context, content: Span) -> int | None:
    """The sentence after the one ``content`` ends, when the content runs to that sentence's end,
    is no quotation closed by its marks, and the next sentence opens in the same paragraph."""
    s = ctx.doc.sentence_of(max(content.start, content.end - 1))
    if s is None or s + 1 >= len(ctx.doc.sentences):
        return None
    sent, nxt = ctx.doc.sentences[s], ctx.doc.sentences[s + 1]
    rest = trim(ctx.text, content.end, sent.end)
    if rest[0] < rest[1] or ctx.text[content.end:content.end + 1] in CLOSERS:
        return None  # the speech stops before the sentence does, or its marks close it
    return s + 1 if "\n" not in ctx.text[sent.end:nxt.start] else None


def _first_person(ctx: Context, s: int) -> bool:
    """Whether sentence ``s`` opens in the first person, after at most one discourse adverb."""
    first, limit = ctx.sent_first[s], ctx.sent_limit[s]
    openers, adverbs = ctx.cues.words("first_person_openers"), ctx.cues.words("continuation_adverbs")
    for k in range(first, min(limit, first + 2)):
        w = ctx.words[k]
        whole, bare = fold(ctx.text[w.token.start:w.token.end]), fold(ctx.text[w.conj_end:w.token.end])
        if w.key in openers or whole in openers or bare in openers:
            return True
        if not (w.key in adverbs or whole in adverbs or bare in adverbs):
            return False
    return False
