"""A statement, report or letter as the speaker: the body that issued it speaks.

«وأوضح بيان للتحالف أن …», «وذكر تقرير صادر عن المنظمة أن …», «وقالت رسالة من الوزارة إن …»:
the document is only the channel; its issuer (the لـ / من / صادر عن phrase after it, or the
definite noun an indefinite document is annexed to, «بيان الوزارة») is who speaks.  A definite
document told alone («وبحسب البيان ستتوقف …», «وأضاف البيان أن …») is the one told last with
the same noun, and speaks for its issuer.  The document nouns are ``grammar.statement_documents``
in ``data/quote_cues.yaml``.
"""

from __future__ import annotations

from marsad.core.document import Actor
from marsad.stages.quotes.context import Context
from marsad.stages.quotes.subjects import speaker_actor, speaker_end_at

#: How far back, in words, a definite document («البيان») looks for the one it refers to
#: («بيان للتحالف»): a few sentences of wire copy.
LOOKBACK_WORDS = 150


def is_document(ctx: Context, k: int) -> bool:
    """Whether word ``k`` is a statement document noun (بيان، تقرير، رسالة، بلاغ)."""
    return ctx.words[k].key in ctx.cues.words("statement_documents")


def issuer_at(ctx: Context, k: int, limit: int) -> tuple[int, int] | None:
    """Words of the issuer of the document at word ``k``: «بيان للتحالف», «بيان صادر عن
    الوزارة», «رسالة من الأمين العام», «بيان الوزارة» (an indefinite document annexed to a
    definite noun); None when the document names no issuer."""
    words, c = ctx.words, ctx.cues
    j = k + 1
    if j >= limit:
        return None
    paper = words[k]
    if words[j].key in c.words("issued_by") and j + 1 < limit and words[j + 1].key in c.words("relay_from"):
        j += 2  # بيان صادر عن الوزارة
    elif words[j].key in c.words("issued_from") and not words[j].prep:
        j += 1  # رسالة من الأمين العام
    elif not (words[j].prep or (not paper.key.startswith("ال") and words[j].key.startswith("ال"))):
        return None
    if j < limit and words[j].key == "ل" and j + 1 < limit:
        j += 1  # لـ الوزارة, written apart
    if j >= limit or not words[j].is_word:
        return None
    end = speaker_end_at(ctx, j, limit)
    return (j, end) if end > j else None


def told_before(ctx: Context, k: int) -> Actor | None:
    """The issuer of the last document told before word ``k`` with the same noun («بيان
    للتحالف» for a later «البيان»)."""
    bare = ctx.words[k].bare
    for m in range(k - 1, max(-1, k - LOOKBACK_WORDS), -1):
        if ctx.words[m].bare != bare or not is_document(ctx, m):
            continue
        found = issuer_at(ctx, m, ctx.sent_limit[ctx.sent_of[m]])
        if found is not None:
            return speaker_actor(ctx, *found)
    return None


def document_speaker(ctx: Context, k: int, limit: int, last: Actor | None) -> tuple[Actor, int] | None:
    """The speaker of a document at word ``k`` and the index past the words that named it: its
    issuer, or for a definite document alone the issuer of the one it refers to (else the last
    actor named); None when word ``k`` is no document or nothing can be said of it."""
    if not is_document(ctx, k):
        return None
    found = issuer_at(ctx, k, limit)
    if found is not None:
        return speaker_actor(ctx, *found), found[1]
    if not ctx.words[k].key.startswith("ال"):
        return None
    earlier = told_before(ctx, k) or last
    return (earlier, k + 1) if earlier is not None else None


__all__ = ["document_speaker", "is_document", "issuer_at"]
