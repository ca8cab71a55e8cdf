"""What a sentence is about: the subject of a verb that opens it («وأدى الأمير فيصل الصلاة»), or of
the verb after كان («وكانت الوزارة قد أكدت»), which a later dropped subject («وأضاف أن») continues."""

from __future__ import annotations

from marsad.core.document import Actor
from marsad.stages.quotes.context import Context
from marsad.stages.quotes.phrases import has_form, is_title
from marsad.stages.quotes.speakers import is_pronoun, stems_of
from marsad.stages.quotes.subjects import (
    MAX_KANA_SUBJECT,
    may_speak,
    opens_with_bare_verb,
    opens_with_verb,
    past_dateline,
    past_opening_adjunct,
    speaker_actor,
    speaker_end_at,
    titled_at,
    verb_like,
)

#: Entity types that a sentence can be about, for a later dropped subject ("وأضاف أن").
TOPIC_TYPES = ("PER", "ORG")


def topic(ctx: Context, s: int) -> Actor | None:
    """The actor a sentence that opens with a verb is about ("وأدى الأمير فيصل الصلاة").

    Only a person or body counts, named, titled or by honorific pronoun: "وشهدت المدينة" or
    "ونقل التعازي" (an object after a dropped subject) leave the last actor in place.
    """
    limit = ctx.sent_limit[s]
    first = past_opening_adjunct(ctx, past_dateline(ctx, s), limit)
    particle = (first + 1 < limit and has_form(ctx.words[first], ctx.cues.lead_particles)
                and ctx.words[first].key not in ctx.cues.words("fronting_verbs"))
    first += particle  # "كما أشاد الصباغ بالمتابعة": the verb after the particle opens the clause
    found = _verb_topic(ctx, first, particle, limit)
    if found is None and not particle and ctx.words[first].key in ctx.cues.words("fronting_verbs"):
        found = _pluperfect_topic(ctx, first, limit)
    return found


def _verb_topic(ctx: Context, first: int, particle: bool, limit: int) -> Actor | None:
    """The subject after the verb at word ``first`` (after a particle when ``particle``)."""
    w = ctx.words[first]
    # "وعبر الطالب سعود الزيد عن …": عبر is a preposition too, but a conjoined word before a
    # titled or named subject is its verb.
    named_next = titled_at(ctx, first + 1) or any(
        x < limit and ctx.words[x].token.start in ctx.names for x in (first + 1, first + 2))
    conjoined = ((particle or w.conj_end > w.token.start) and not is_title(w, ctx.cues)
                 and (verb_like(ctx, w, True) or (w.is_word and not w.prep and named_next)))
    if first + 1 >= limit or not (conjoined or opens_with_verb(ctx, first)
                                  or opens_with_bare_verb(ctx, first)):
        return None
    lead = ctx.words[first + 1]
    if (lead.prep or lead.conj_end > lead.token.start) and lead.token.start not in ctx.names:
        return None  # "قال لـ"الاقتصادية" …", "وأضاف ويفر": no subject opens with a preposition or و
    end = speaker_end_at(ctx, first + 1, limit)
    if end == first + 1 or not may_speak(ctx, first, end):
        return None  # "وأكد دعم الجمعية لجهود الوزارة": an object after a dropped subject
    return _topic_actor(ctx, first + 1, end, has_form(w, ctx.cues.verbs))


def _pluperfect_topic(ctx: Context, first: int, limit: int) -> Actor | None:
    """"وكانت قوات الدفاع الشعبي (قد) دانت …": the subject between كان and its verb is what the
    sentence is about, as the subject after a verb is."""
    end = speaker_end_at(ctx, first + 1, limit)
    # "وكانت القوات النظامية توصلت …": a word with no article after a definite one is no genitive
    # nor adjective of it; it is the verb, and the subject ends before it.
    end = next((k for k in range(first + 2, end) if ctx.words[k - 1].key.startswith("ال")
                and verb_like(ctx, ctx.words[k], True) and ctx.words[k].token.start not in ctx.names), end)
    if end == first + 1 or end >= limit:
        return None
    verb = end
    # "وكانت قوات الدفاع الشعبي الجناح العسكري لحزب العمال دانت": a definite apposition or a
    # phrase with a preposition may stand between the subject and its verb.
    while verb < min(limit, end + MAX_KANA_SUBJECT) and ctx.words[verb].is_word and (
            ctx.words[verb].key.startswith("ال") or ctx.words[verb].prep):
        verb += 1
    verb += verb < limit and ctx.words[verb].key in ctx.cues.words("perfect_particle")
    if verb >= limit or not verb_like(ctx, ctx.words[verb], True) or ctx.words[verb].token.start in ctx.names:
        return None  # "وكان الهدف الرئيسي للزيارة …": no verb after the noun, no subject told
    return _topic_actor(ctx, first + 1, end, has_form(ctx.words[verb], ctx.cues.verbs))


def _topic_actor(ctx: Context, start: int, end: int, speaking: bool) -> Actor | None:
    """The subject phrase ``start .. end`` of a sentence's opening verb as its topic: an entity
    of a topic type, or a title, honorific pronoun, body or a speaker named before; a state's body
    told by its common noun only when the verb is one of saying (``speaking``: «ورفضت الحكومة
    تقريرا …» is about the report's words, not hers)."""
    phrase = ctx.words[start:end]
    who = speaker_actor(ctx, start, end)
    if who.entity is not None and ctx.doc.entities[who.entity].type in TOPIC_TYPES:
        return who
    # "وأكدت الحكومة …", "وقالت السلطات …": a state's body told by its common noun.
    body = speaking and phrase[0].key.startswith("ال") and has_form(phrase[0], ctx.cues.anonymous["state_agents"])
    named = (is_title(phrase[0], ctx.cues) or is_pronoun(phrase, ctx.cues) or body
             or has_form(phrase[0], ctx.cues.title_complements))  # وزارة، هيئة، مجلس
    # "وأوضح الصباغ أن … . كما أشاد الصباغ بـ…": a speaker named before, though no entity links it.
    stems = frozenset(stems_of(phrase))
    lead = phrase[0]  # a subject never opens with و or a preposition ("وأضاف ويفر": و is the name's)
    known = (bool(stems) and lead.conj_end == lead.token.start and not lead.prep
             and any(stems <= n.stems for n in ctx.discourse.named))
    return who if named or known else None
