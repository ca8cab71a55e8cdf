"""Attributions that point back at the sentence before them.

Saudi and wire copy often states a fact first and names its source in the next sentence: «تستعد
الوزارة لافتتاح ثلاثة مستشفيات. قال ذلك لـ«الرياض» وزير الصحة خالد الفالح».  The verb opens its
sentence, a demonstrative («ذلك», ``grammar.sentence_pointers``) stands where the content would
be, and the speaker follows, after an adjunct or the outlet spoken to.  The content is the whole
sentence before.
"""

from __future__ import annotations

from marsad.core.document import QuoteKind, Span
from marsad.stages.quotes.context import Context, Draft, trim
from marsad.stages.quotes.phrases import is_title
from marsad.stages.quotes.subjects import speaker_actor, speaker_end_at

#: Most words between the demonstrative and the speaker: an adjunct or the outlet spoken to
#: («في اتصال هاتفي مع «الرياض»»).
MAX_POINTER_GAP = 6


def pointed_back(ctx: Context, i: int, drafts: list[Draft]) -> Draft | None:
    """The quotation of «قال ذلك … الوزير» at verb ``i``: the sentence before, said by the
    titled or named speaker after the demonstrative; none when that sentence already holds a
    quotation (its own attribution is the better one)."""
    words = ctx.words
    s = ctx.sent_of[i]
    j = i + 1
    if s == 0 or i != ctx.sent_first[s] or j >= ctx.sent_limit[s]:
        return None
    if words[j].key not in ctx.cues.words("sentence_pointers") or any(d.sentence == s - 1 for d in drafts):
        return None
    limit = ctx.sent_limit[s]
    k = next((x for x in range(j + 1, min(limit, j + 1 + MAX_POINTER_GAP))
              if is_title(words[x], ctx.cues) or words[x].token.start in ctx.names), None)
    if k is None:
        return None
    end = speaker_end_at(ctx, k, limit)
    if end == k:
        return None
    first, last = words[ctx.sent_first[s - 1]], words[ctx.sent_limit[s - 1] - 1]
    a, b = trim(ctx.text, first.conj_end, last.token.end)
    if b <= a:
        return None
    kind: QuoteKind = "mixed" if any(a <= p and q < b for p, q in ctx.pairs) else "indirect"
    return Draft(kind, Span(a, b), speaker_actor(ctx, k, end), Span(words[i].conj_end, words[i].token.end),
                 None, words[i].token.start, s)


__all__ = ["pointed_back"]
