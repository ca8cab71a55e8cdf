"""The subject of the clause a participle of saying continues («…، وهو ما أكده شكري بدوره، قائلا
إن», «تحدث الحرفي عبدالله القفاص عن هوايته، مؤكدا»): the speaker named right after the nearest
verb before it."""

from __future__ import annotations

from collections.abc import Callable

from marsad.core.document import Actor
from marsad.stages.quotes.context import Context, char
from marsad.stages.quotes.phrases import has_form, is_title
from marsad.stages.quotes.subjects import speaker_actor, speaker_end_at, titled_at, verb_like

#: Farthest a participle looks back, in words, for the clause it continues (a run-on sentence
#: of hundreds of words has no subject that far back that a reader would take).
MAX_CLAUSE_WORDS = 40


def cue_subject(ctx: Context, lo: int, i: int,
                reported: Callable[[int], bool] = lambda k: False) -> tuple[Actor, int] | None:
    """"…، وهو ما أكده شكري بدوره، قائلا إن": the speaker named right after the nearest verb of
    saying between words ``lo`` and ``i`` (a person's name or a title), with the offset where
    that clause opens (the content before it ends there).  A verb for which ``reported`` holds
    is part of what someone else is reported to say, and opens no clause of its own."""
    words, c = ctx.words, ctx.cues
    for k in range(i - 2, max(lo, i - MAX_CLAUSE_WORDS) - 1, -1):
        w, nxt = words[k], words[k + 1]
        if not has_form(w, c.verbs) or w.prep or reported(k):
            continue
        if not (nxt.token.start in ctx.names or titled_at(ctx, k + 1)):
            continue
        end = speaker_end_at(ctx, k + 1, i)
        if end == k + 1:
            continue
        r = k
        while r - 1 > lo and (words[r - 1].key in c.words("clause_links")
                              or words[r - 1].bare in c.words("clause_links")):
            r -= 1
        return speaker_actor(ctx, k + 1, end), words[r].token.start
    return None


def inner_subject(ctx: Context, i: int) -> Actor | None:
    """"ومن بين الحرفيين، تحدث الحرفي عبدالله القفاص عن هوايته، مؤكدا": the subject of the
    nearest verb before ``i`` that opens a clause (after a comma or with و) and is followed by a
    title or a person's name."""
    words = ctx.words
    first = ctx.sent_first[ctx.sent_of[i]]
    for k in range(i - 1, max(first, i - MAX_CLAUSE_WORDS) - 1, -1):
        w = words[k]
        opens = k == first or char(ctx, k - 1) in ("،", ",") or w.conj_end > w.token.start
        if not opens or k + 1 >= i or not verb_like(ctx, w, True) or is_title(w, ctx.cues):
            continue
        named = any(words[x].token.start in ctx.names for x in range(k + 1, min(k + 3, i)))
        if not (titled_at(ctx, k + 1) or named):
            continue  # "الحرفي عبدالله القفاص": a description may stand before the name
        end = speaker_end_at(ctx, k + 1, i)
        if end > k + 1:
            return speaker_actor(ctx, k + 1, end)
    return None
