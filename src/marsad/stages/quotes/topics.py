"""What a sentence is about: the subject of a verb that opens it («وأدى الأمير فيصل الصلاة»), or of
the verb after كان («وكانت الوزارة قد أكدت»), which a later dropped subject («وأضاف أن») continues."""

from __future__ import annotations

from marsad.core.document import Actor
from marsad.stages.quotes.context import Context, char
from marsad.stages.quotes.phrases import has_form, is_title
from marsad.stages.quotes.speakers import is_pronoun, stems_of
from marsad.stages.quotes.subjects import (
    MAX_KANA_SUBJECT,
    MAX_OPENING_ADJUNCT,
    QUOTE_MARKS,
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
#: Most words of a subordinate clause opening a sentence, up to the comma before its main clause.
MAX_SUBORDINATE_CLAUSE = 40


def topic(ctx: Context, s: int) -> Actor | None:
    """The actor a sentence that opens with a verb is about ("وأدى الأمير فيصل الصلاة").

    Only a person or body counts, named, titled or by honorific pronoun: "وشهدت المدينة" or
    "ونقل التعازي" (an object after a dropped subject) leave the last actor in place.
    """
    limit = ctx.sent_limit[s]
    first = past_opening_adjunct(ctx, past_dateline(ctx, s), limit)
    main = _main_clause(ctx, first, limit)
    if main is not None:
        found = _verb_topic(ctx, main, False, limit)
        if found is not None:
            return found
    particle = (first + 1 < limit and has_form(ctx.words[first], ctx.cues.lead_particles)
                and ctx.words[first].key not in ctx.cues.words("fronting_verbs"))
    first += particle  # "كما أشاد الصباغ بالمتابعة": the verb after the particle opens the clause
    found = _verb_topic(ctx, first, particle, limit)
    if found is None and not particle and ctx.words[first].key in ctx.cues.words("fronting_verbs"):
        found = _pluperfect_topic(ctx, first, limit)
    return found


def _main_clause(ctx: Context, first: int, limit: int) -> int | None:
    """The verb opening the main clause after a subordinate clause that opens the sentence
    («وبينما أفادت مصادر أمنية بـ…، حذر النائب …», «وفي ديالى وبعد أن …، قال»), else None: the
    main clause's subject, not the subordinate one's, is what the sentence is about."""
    sub = _subordinator_at(ctx, first, limit)
    if sub is None:
        return None
    for k in range(sub + 1, min(limit - 1, sub + MAX_SUBORDINATE_CLAUSE)):
        w = ctx.words[k]
        if not w.is_word and char(ctx, k) in (",", "،"):
            after = k + 1
            return after if opens_with_verb(ctx, after) or opens_with_bare_verb(ctx, after) else None
        if not w.is_word and (char(ctx, k) in QUOTE_MARKS or char(ctx, k) == ":"):
            return None  # the clause runs into speech: no main clause is told before it
    return None


def _subordinator_at(ctx: Context, first: int, limit: int) -> int | None:
    """The word that opens a subordinate clause at ``first`` or after a short prepositional
    adjunct with no mark in it («وفي محافظة ديالى وبينما …»)."""
    grammar = ctx.cues.words
    for k in range(first, min(limit - 1, first + MAX_OPENING_ADJUNCT + 1)):
        w = ctx.words[k]
        if not w.is_word:
            return None
        if w.key in grammar("subordinators") or w.bare in grammar("subordinators"):
            return k
        if w.key in grammar("subordinating_an_heads") and ctx.cues.is_complementiser(ctx.words[k + 1].key):
            return k + 1
        if k == first and not (w.prep or w.key in grammar("adjunct_openers")):
            return None  # the sentence opens with neither a subordinator nor an adjunct
    return None


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
