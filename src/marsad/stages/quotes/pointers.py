"""Attributions that point back: at the sentence before them, or through a pronoun.

Saudi and wire copy often states a fact first and names its source in the next sentence: «تستعد
الوزارة لافتتاح ثلاثة مستشفيات. قال ذلك لـ«الرياض» وزير الصحة خالد الفالح».  The verb opens its
sentence, a demonstrative («ذلك», ``grammar.sentence_pointers``) stands where the content would
be, and the speaker follows, after an adjunct or the outlet spoken to.  The content is the whole
sentence before.  «وتنفي إيران التدخل لكنها تقول إن …»: «لكن» with a pronoun
(``grammar.but_pronouns``) gives the verb after it the actor its clause named first.
"""

from __future__ import annotations

import bisect

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


#: Most words before the subject of the verb that opens a clause: the verb and a particle («لم يصدر»).
MAX_VERB_WORDS = 2


def but_subject(ctx: Context, i: int) -> tuple[int, int] | None:
    """Words of the actor «لكنه/لكنها» before the verb at ``i`` refers to, in the sentence before
    it: the first person named there, not after a preposition, else an organisation or state that
    is the subject of the verb opening the sentence («وتنفي إيران التدخل»; «جولة الخرطوم» names
    a place, no actor)."""
    if i == 0 or ctx.words[i - 1].key not in ctx.cues.words("but_pronouns"):
        return None
    first = ctx.sent_first[ctx.sent_of[i]]
    lo, hi = ctx.words[first].token.start, ctx.words[i - 1].token.start
    found: list[tuple[int, int, int]] = []  # (rank, first word, past the last word)
    for e in ctx.doc.entities:
        for m in e.mentions:
            if e.type not in ("PER", "ORG", "GPE") or not lo <= m.start < m.end <= hi:
                continue
            a = bisect.bisect_left(ctx.starts, m.start)
            if a >= len(ctx.words) or ctx.words[a].token.start != m.start or ctx.words[a].prep:
                continue
            if e.type == "PER" or a - first <= MAX_VERB_WORDS:
                found.append((0 if e.type == "PER" else 1, a, bisect.bisect_left(ctx.starts, m.end)))
    if not found:
        return None
    _, a, b = min(found, key=lambda x: (x[0], x[1]))
    return a, b


__all__ = ["but_subject", "pointed_back"]
