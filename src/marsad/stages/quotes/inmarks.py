"""Names in quotation marks around a verb of saying: the subject written in marks («وأفادت
«الفرنسية» أن», «وقال "تجمع أهالي المعتقلين" في بيان إن») and a body's name in marks after a post
(«رئيسة «اتحاد جمعيات الصحافيين الإسبان»»), none of which is the speech."""

from __future__ import annotations

from marsad.core.document import Actor, Span
from marsad.stages.quotes.content import seek_content
from marsad.stages.quotes.context import Context, char, inner, pair_at
from marsad.stages.quotes.marks import OPENERS
from marsad.stages.quotes.phrases import is_stop, is_title

#: Longest name in quotation marks taken as a source ("بحسب «الفرنسية»"), in words.
MAX_QUOTED_NAME = 4
#: Most words of a body's name in marks after a post («رئيسة «اتحاد جمعيات الصحافيين الإسبان»»).
MAX_MARKED_BODY = 8


def _marks_at(ctx: Context, j: int, limit: int, most: int | None = None) -> tuple[int, tuple[int, int]] | None:
    """The quotation marks that open at word ``j`` (with at most ``most`` words inside, when given):
    the index of the first word past them, and the pair; None when none opens there."""
    if j >= limit or char(ctx, j) not in OPENERS:
        return None
    pair = pair_at(ctx, ctx.words[j].token.start)
    if pair is None or (most is not None and len(ctx.text[pair[0] + 1:pair[1]].split()) > most):
        return None
    k = j + 1
    while k < limit and ctx.words[k].token.start <= pair[1]:
        k += 1
    return k, pair


def past_marked_body(ctx: Context, j: int, end: int, limit: int) -> int:
    """"أعلنت رئيسة «اتحاد جمعيات الصحافيين الإسبان» يوم الثلاثاء أن": a post without the article
    is annexed to the body named in marks right after it; the name belongs to the speaker's
    phrase (index past it), not to the speech."""
    if end <= j or end >= limit:
        return end
    post = ctx.words[end - 1]
    if not is_title(post, ctx.cues) or post.key.startswith("ال"):
        return end
    marks = _marks_at(ctx, end, limit, MAX_MARKED_BODY)
    return marks[0] if marks is not None and marks[0] < limit and ctx.words[marks[0]].is_word else end


def quoted_source(ctx: Context, j: int, limit: int) -> tuple[int, Span] | None:
    """"بحسب «الفرنسية»": a short name in quotation marks; (index past it, the name)."""
    marks = _marks_at(ctx, j, limit, MAX_QUOTED_NAME)
    return (marks[0], inner(ctx, marks[1])) if marks is not None else None


def opens_speech_or_adjunct(ctx: Context, k: int) -> bool:
    """Whether word ``k``, after a short name in marks right after a verb of saying, shows the
    name to be the verb's subject: إن/أن or an adjunct follows ("وأفادت «الفرنسية» أن"), not the
    rest of an object ("ادعى «شرعية» استهداف الأراضي")."""
    w = ctx.words[k]
    return w.is_word and (ctx.cues.is_complementiser(w.key) or w.prep or is_stop(w, ctx.cues)
                          or w.conj_end > w.token.start)


def named_in_marks(ctx: Context, j: int, limit: int) -> tuple[int, Span] | None:
    """«وقال "تجمع أهالي المعتقلين في سجون غزة" في بيان إن …»: a longer name in quotation marks
    right after the verb, followed by an adjunct (في، خلال، لـ) and then إن/أن, is the subject, not
    the speech; (index past it, the name)."""
    marks = _marks_at(ctx, j, limit)
    if marks is None:
        return None
    k, pair = marks
    if k >= limit or not ctx.words[k].is_word or not (ctx.words[k].prep or is_stop(ctx.words[k], ctx.cues)):
        return None
    opener, _, _ = seek_content(ctx, k, limit)
    if opener < 0 or not ctx.cues.is_complementiser(ctx.words[opener].key):
        return None
    return k, inner(ctx, pair)


def in_marks_actor(ctx: Context, name: Span) -> Actor:
    """The speaker named in marks: the entity whose mention opens the name, if any (not one named
    inside it: «تجمع أهالي المعتقلين في سجون حماس» is no Hamas)."""
    ent = next((k for k, e in enumerate(ctx.doc.entities) for m in e.mentions if m.start == name.start), None)
    return Actor(name, ent)
