"""Whether the phrase after «بحسب»/«وفقا لـ» names a source: «بحسب مصادر أمنية», «وفقا لبيانات رسمية»,
«حسبما ذكرت الوكالة» report something; «وفقا للقانون», «وفقا للأداء الجيد لهم» and «بحسب انسجام ذلك
مع توجهاتها» are a measure or a manner, and make no quote.
"""

from __future__ import annotations

import bisect

from marsad.core.document import Actor, Span
from marsad.stages.quotes.context import Context, char, words_in
from marsad.stages.quotes.documents import is_document
from marsad.stages.quotes.phrases import entity_of, has_form, is_title


def is_source(ctx: Context, j: int, i: int, end: int) -> bool:
    """Whether the phrase at ``j`` after "بحسب" at ``i`` reports something (not "وفقا للقانون")."""
    w = ctx.words[j]
    if has_form(w, ctx.cues.according_not_sources):
        return False
    told = j > i + 1 and has_form(ctx.words[i + 1], ctx.cues.verbs | ctx.cues.relay_verbs)
    if (w.token.has_pronoun and not has_form(w, ctx.cues.speech_nouns)
            and not told):
        return False  # "بحسب إمكاناتهم": a measure, not a source ("حسبما أعلن مكتبه" is one)
    if not told and not names_source(ctx, j, end):
        return False  # "وفقا للأداء الجيد لهم": a measure, no one who speaks («بحسب ما أعلنت …» tells a source)
    first = ctx.sent_first[ctx.sent_of[i]]
    # A source is set off by a comma, opens or closes the sentence, or is named after a verb
    # (حسبما ذكرت); in mid-clause "وفق" is "in line with".
    limit = ctx.sent_limit[ctx.sent_of[i]]
    closes = all(not ctx.words[k].is_word for k in range(end, limit))
    # «… حسب بيان اللجنة، فإنها تناشد»: set off by a comma after it, before the main clause;
    # «"…" وفق بيان للأمم المتحدة اشار الى …»: a statement described by what it said.
    # (a statement only: «وفقا للائحة، …» and «بحسب الإحصاءات، …» are a measure or background)
    document = end < limit and is_document(ctx, j)
    set_off = document and char(ctx, end) in ("،", ",")
    described = document and has_form(ctx.words[end], ctx.cues.verbs)
    return i == first or closes or set_off or described or char(ctx, i - 1) in ("،", ",") or told


def names_source(ctx: Context, a: int, b: int) -> bool:
    """Whether words ``a..b`` after "بحسب" name one who can be a source: a definite noun (a body: «بحسب
    المرصد») unless a pronoun after it makes it a measure («وفقا للأداء الجيد لهم»), or a title or body
    noun, a plural of people, an outlet, document or body of figures («وفقا لبيانات رسمية»), a person's
    name or an entity (not «بحسب انسجام ذلك مع توجهاتها»)."""
    c = ctx.cues
    head = ctx.words[a]
    if not head.is_word:
        return True  # «بحسب «الفرنسية»»: a name in marks
    if head.key.startswith("ال") and not any(ctx.words[k].key in c.words("measure_pronouns")
                                           for k in range(a, min(b + 1, len(ctx.words)))):
        return True  # "بحسب المرصد", "وفقا للأمم المتحدة": a definite body; not "وفقا للأداء الجيد لهم"
    for k in range(a, b):
        w = ctx.words[k]
        if not w.is_word:
            continue
        if (is_title(w, c) or (k == a and has_form(w, c.title_complements)) or has_form(w, c.group_nouns)
                or has_form(w, c.outlet_heads) or is_document(ctx, k)
                or w.bare in c.words("figure_sources")
                or w.token.start in ctx.names
                or entity_of(ctx.doc.entities, Span(w.token.start, w.token.end)) is not None
                or any(w.bare in n.own for n in ctx.discourse.named)):  # «وحسب مموزيني»: a surname told before
            return True
    return False


__all__ = ["is_source", "names_source"]


def outlet_on_record(ctx: Context, speaker: Actor, via: Actor | None) -> bool:
    """Whether ``speaker`` is an unnamed source, official or witness whom a named outlet relays
    («نقلت صحيفة «الخبر» عن مصادر عسكرية أن», «قالت صحيفة وول ستريت جورنال نقلا عن مسؤولين»): the
    outlet then speaks on record and the unnamed speaker is what it cites (bench/heldout/README.md,
    set O's conventions; a named person relayed speaks for himself)."""
    if via is None or via.entity is None or ctx.doc.entities[via.entity].type != "ORG":
        return False
    # Only one the outlet cites («عن مصادر»): an official speaking to it («وقال المسؤول لوكالة فرانس
    # برس», «قال لـ«الاقتصادية» مصدر») speaks himself.
    first = bisect.bisect_left(ctx.starts, speaker.span.start)
    if first == 0 or first >= len(ctx.words) or ctx.words[first - 1].key not in ctx.cues.words("relay_from"):
        return False
    # (sources and officials only: one of the story's people the outlet interviewed, «عن إحداهن»، «عن
    # شهود عيان», says what she saw, and speaks for nobody named)
    words = words_in(ctx, ctx.phrases.get(speaker.span, speaker.span))
    return bool(words) and any(has_form(words[0], ctx.cues.anonymous[kind]) for kind in ("sources", "officials"))
