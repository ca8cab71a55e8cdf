"""Read an event's source, target and location from the actors around its trigger.

Actors are entity mentions (from the ``entities`` stage) and generic agents (الشرطة، المتظاهرون)
from ``data/events/agents.tsv``.  Arabic news clauses are verb-subject-object or subject-verb-
object: the subject is the first bare actor right after the verb, else the actors just before
it; the target is the object or the actor after the trigger's preposition (زار X، هاجم X، إلى X).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache

from marsad.core.document import Actor, Document, Span
from marsad.stages.events import lexicon
from marsad.stages.events.detect import Candidate, needed_word, surface
from marsad.stages.events.forms import after_preposition_noun, object_suffix, plural_verb
from marsad.stages.events.groups import (
    counterpart_named,
    group_backward,
    group_forward,
    is_comma,
    titled_subject,
)
from marsad.stages.events.lexicon import cue_words
from marsad.stages.events.mentions import (
    INCLUSION_REACH,
    NON_ACTOR_TYPES,
    PLACE_TYPES,
    Mention,
    completes_title,
    is_construct_head,
    is_party,
    prep_before,
    token_at,
    word_keys_in,
)
from marsad.stages.events.merge import actor_key
from marsad.text.keys import fold

#: Most tokens between a verb and its subject (a time adverb may sit between: «استضافت موسكو الأسبوع الماضي»).
SUBJECT_GAP = 3
#: Most tokens between a verbal noun and the subject of its light verb before it (شنت إسرائيل غارة).
NOUN_SUBJECT_GAP = 3
#: Most tokens between تعرض and the noun it undergoes (a long name may stand between: «تعرض المرجع
#: الشيعي آية الله علي السيستاني لمحاولة اغتيال»).
SUFFER_REACH = 10
#: Most tokens between a verbal noun and its object (زيارة رسمية بكين).
NOUN_OBJECT_GAP = 2
#: Most tokens after a trigger in which its target is looked for.
TARGET_WINDOW = 10
#: Most tokens from a sentence's start to the subject of its opening verb («وبحث رئيس الوزراء …»).
OPENING_SUBJECT = 3
#: Most tokens between a verb and the punctuation that cuts its clause before its object
#: («طلبت إريتريا اليوم (السبت)، من الأمم المتحدة»): room for a subject and a time frame only.
WIDEN_GAP = 4
#: Most tokens from the noun a verb needs (سراح) to the name completing it («سراح الصيادين المصريين»).
NEED_GENITIVE = 2
#: Most tokens between an office's last name and its holder's name (a courtesy title: «المهندس»).
TITLE_HOLDER_GAP = 2


def referents(doc: Document, actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The actors of one side, a title or body noun that no entity names taking the entity it
    stands for (``doc.references``): «الوزير» → the minister named before, «الحكومة» → its state.
    Not when the side names a person: a title beside the name is that person's («للأمير خالد»)."""
    if any(a.entity is not None and doc.entities[a.entity].type == "PER" for a in actors):
        return actors
    return tuple(referent(doc, a) for a in actors)


def referent(doc: Document, actor: Actor) -> Actor:
    """The actor with the entity a title or body noun at its span refers to, if none names it."""
    if actor.entity is not None:
        return actor
    ref = doc.reference_at(actor.span)
    return actor if ref is None else Actor(actor.span, ref.entity)



@dataclass(frozen=True, slots=True)
class Arguments:
    source: tuple[Mention, ...]
    target: tuple[Mention, ...]
    location: Mention | None
    #: The clause names a subject that no entity or agent covers (ويحمّل التقرير …): the source is
    #: unknown, not dropped, so no earlier subject or speaker stands in for it.
    unnamed: bool = False
    #: The subject undergoes the event (تعرض لـ) and no doer is named: whoever tells it did not do it.
    suffered: bool = False


def find_arguments(doc: Document, cand: Candidate, mentions: list[Mention], c_lo: int, c_hi: int
                   ) -> Arguments:
    """Source, target and location of a trigger whose clause spans tokens ``[c_lo, c_hi)``."""
    after = [_genitive(doc, cand, m) for m in mentions if cand.last <= m.first < c_hi]
    before = [m for m in mentions if c_lo <= m.first and m.last <= cand.first]
    unnamed = _unnamed_subject(doc, cand, after)
    resumed = object_suffix(doc, cand)
    source = [] if unnamed else _subject(doc, cand, before, after, c_lo, resumed)
    used = {m.span for m in source}
    # The object follows the subject in VSO: the window opens after the subject's titles.
    opens = source[-1].last if source and source[0] in after else cand.last
    rest = [m for m in after if m.span not in used and cand.last <= m.first and m.first - opens <= TARGET_WINDOW]
    if source and source[0] in after:
        rest = [m for m in rest if m.first >= source[-1].last]
        if rest and completes_title(doc, source[-1], rest[0]):
            # «انتقد رئيس مجلس شيوخ عشائر الأنبار، …»: the title's office, not its object; the
            # holder's name right after it is the subject's («دعا رئيس إقليم كاتالونيا ارثور ماس»).
            holder = [m for m in rest[1:2] if m.etype == "PER" and not m.agent and m.prep is None
                      and 0 <= m.first - rest[0].last <= TITLE_HOLDER_GAP]
            source = [*source, *holder]
            used |= {m.span for m in holder}
            rest = rest[1 + len(holder):]
        elif _posted_holder(source[-1], rest):
            # «دعا المبعوث الدولي إلى اليمن إسماعيل ولد الشيخ أحمد إلى …»: the place an envoy is
            # posted to belongs to the post, and the name after it is the holder's.
            source = [*source, rest[1]]
            used |= {rest[0].span, rest[1].span}
            rest = rest[2:]
    # (a verb carrying its object pronoun has no object after it: «استهدفها تنظيم الدولة»; the
    # object is told first, a bare actor right before the verb when one is named)
    target = _object(doc, cand, source, after, rest, opens) if not resumed else [
        m for m in before[-1:] if m.prep is None and cand.first - m.last <= 1 and source and source[0] in after]
    if not target and cand.trigger.type in STATEMENT_TYPES:
        # «أدانت الرابطة التصريحات التي صدرت عن نوري المالكي»: whoever made the statements is condemned.
        target = _statement_author(doc, cand, [m for m in mentions if m.first >= cand.last], c_hi)
    if source and source[0] in before and victims(doc, cand, source[0]):
        # «إن ستة مدنيين قتلوا في هجوم»: victims before a killing verb are its patients (the
        # verb is passive, قُتلوا), not its doers.
        source, target = [], source
    if target and all(m.agent and m.entity is None for m in target):
        target += _members(doc, rest, target[-1].last, c_hi)
    doer = _doer(doc, cand, after)
    sufferer = _sufferer(doc, cand, mentions, c_lo)
    if sufferer:
        # «تعرضت دورية للشرطة لهجوم»: the subject of تعرض undergoes the event; the doer, if
        # named, is its source.
        source, target = doer, sufferer
    elif doer and not any(m.span in {d.span for d in doer} for m in source):
        # «قتل الجندي على يد مسلحين»: the verb is passive; its subject is the target.
        source, target = doer, (source or [m for m in target if m.span not in {d.span for d in doer}]
                                or _topic(doc, cand, mentions))
    sender = _sender(doc, cand, mentions, after, c_lo)
    if sender:
        # «تلقى الأمير اتصالا هاتفيا من الرئيس»: the caller acts, the receiver is its target.
        source, target = sender, (source or _receiver(doc, before, c_lo))
    if not source and cand.trigger.kind == "N":
        # «هجوم انتحاري نفذته امرأة», «الضربات الجوية الأميركية»: the noun's doer told after it.
        source = _noun_doer(doc, cand, after) or _sufferer(doc, cand, mentions, c_lo, "perform")
        target = [m for m in target if m.span not in {s.span for s in source}]
    # A square or region named where the subject stands («يشهد ميدان الحبوبي مظاهرة») is where it
    # happens, not who acts.
    # (an agent owned by a region still acts: «دول الخليج العربية»، «شعوب المنطقة»)
    source = [m for m in source if (m.etype not in NON_ACTOR_TYPES or m.agent) and m.concept not in PLACE_CONCEPTS]
    used = {m.span for m in (*source, *target)}
    after_target = [m.first for m in target if m.first >= cand.last]
    stop = _relative_after(doc, cand, c_hi)
    location = _location(cand, mentions, c_lo, c_hi if stop is None else stop, used,
                         min(after_target) if after_target else None)
    return Arguments(tuple(source), tuple(target), location, unnamed and not source, bool(sufferer) and not source)


#: Types of stance nouns whose doer من introduces right after them («انتقادات من …», «رفض من …»,
#: «ترحيب من …»); after a warning or a request من names its object instead (تحذير من، طلب من).
ORIGIN_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})
#: Entity types a verbal noun's genitive does it as (a place after it is where or what: «زيارة مصر»).
DOER_TYPES = frozenset({"PER", "ORG", "NORP"})


def _genitive(doc: Document, cand: Candidate, m: Mention) -> Mention:
    """A person or body named right after a verbal noun completes it: it does not take the
    preposition before the noun («إلى زيارة بوتين»: بوتين is the visit's doer, not a visit "to" him);
    nor does an official's title there («من زيارة وزير الدفاع الأمريكي أشتون كارتر»)."""
    doer = m.etype in DOER_TYPES if not m.agent else m.concept == "officials"
    if (cand.trigger.kind == "N" and m.first == cand.last and m.prep is not None and doer
            and prep_before(doc, m.first) is None):
        return dataclasses.replace(m, prep=None)
    return m


def _subject(doc: Document, cand: Candidate, before: list[Mention], after: list[Mention], c_lo: int,
             carries_object: bool = False) -> list[Mention]:
    """The trigger's subject: the bare actor after a verb (VSO) or right before it (SVO), or the
    subject of the light verb before a verbal noun; ``carries_object``: the verb carries its
    object pronoun (:func:`object_suffix`)."""
    verb = cand.trigger.kind == "V"
    bare = [k for k, m in enumerate(before) if m.prep is None]
    # A bare actor right before a verb is a subject-verb-object subject (أمريكا … تتهم كوريا الشمالية).
    topic = bool(bare) and verb and cand.first - before[bare[-1]].last <= 1 and bare[-1] == len(before) - 1
    # A verb carrying its object pronoun has a bare actor after it for subject: what stands before
    # it is the object, told first and resumed by the pronoun («المدارس استهدفها تنظيم الدولة»).
    resumed = verb and carries_object and bool(after) and after[0].prep is None
    topic = topic and not resumed
    gap = SUBJECT_GAP if verb else 1
    titled = None if topic else titled_subject(doc, cand, after)
    if titled is not None:
        return after[:titled] + group_forward(doc, after, titled)
    if verb and not topic and plural_verb(doc, cand):
        # «إن متمردي الحزب … هاجموا عناصر من قوات الأمن»: a verb agreeing in the plural has its
        # subject before it (the clause's topic); the bare actor after it is its object.
        opening = bare and before[bare[0]].first - c_lo <= 1
        return group_forward(doc, before, bare[0]) if opening else []
    if (not topic and after and after[0].prep is None and _words_between(doc, cand.last, after[0].first) <= gap
            and not _listed_object(doc, after[0]) and not after_preposition_noun(doc, cand, after[0])
            and not _counted(doc, cand, after[0]) and not _owns_object(doc, cand, after[0])
            and not _completes_need(doc, cand, after[0]) and not (verb and counterpart_named(doc, after[0]))
            and (verb or not (governed(doc, cand) or _patient_genitive(cand)))):
        if verb and not resumed and _unnamed_topic(doc, cand, before):
            return []  # «أن المملكة ستدعم اليمن»: a subject no entity covers; اليمن is the object
        if not verb and _town(doc, after[0]):
            return []  # «مباحثات القاهرة»: a town after a verbal noun is where it happens, not who acts
        return _partitive_owner(doc, after) or group_forward(doc, after, 0)
    if bare and not verb and prep_before(doc, cand.first) is None:
        # «شنت طائرات التحالف الذي تقوده المملكة غارات», «نفذت العشرات من الأسر … وفلول صالح وقفة
        # احتجاجية»: the light verb's subject did it, not the last name of a long subject phrase.
        light = _light_subject(doc, before, bare)
        if light or _in_relative(doc, before[bare[-1]]):
            return light
    if bare and (verb or (cand.first - before[bare[-1]].last <= NOUN_SUBJECT_GAP
                          and prep_before(doc, cand.first) is None)):
        # A noun inside a prepositional phrase («وقال الكرملين في زيارة») is not the object of the
        # verb before it, so that verb's subject is not its source.
        return group_backward(doc, before, bare[-1])
    return []


#: Types whose object may be statements, whose author is then the target (condemning, rejecting them).
STATEMENT_TYPES = frozenset({"ACCUSE", "REJECT"})
#: Most tokens from the trigger to the statement noun, and from it to its author's name.
STATEMENT_REACH = 6


def _statement_author(doc: Document, cand: Candidate, after: list[Mention], c_hi: int) -> list[Mention]:
    """The author of the statements a condemnation or rejection takes as its object: the name right
    after the statement noun (تصريحات المالكي, one adjective may stand between) or after عن/من in a
    clause of issuing (التي صدرت عن …، التي أدلى بها …); so too the doer of a violent deed told by a
    doer verb («الهجوم الذي نفذه تنظيم داعش»); [] when none."""
    nouns, issued = cue_words("statements") | cue_words("condemned_deeds"), _issuing_words()
    # (the statement noun is in the trigger's clause; its relative clause of issuing may run past it)
    stop = min(cand.last + STATEMENT_REACH, c_hi, len(doc.tokens))
    noun = next((k for k in range(cand.last, stop) if doc.tokens[k].kind == "word"
                 and word_keys_in(doc, k, nouns)), None)
    if noun is None:
        return []
    issue = next((k for k in range(noun + 1, min(noun + STATEMENT_REACH, len(doc.tokens)))
                  if doc.tokens[k].kind == "word" and word_keys_in(doc, k, issued)), None)
    for i, m in enumerate(after):
        genitive = m.prep is None and 1 <= m.first - noun <= 2
        by = issue is not None and m.prep in ("عن", "من", "ب", None) and 1 <= m.first - issue <= 3
        if genitive or by:
            return [dataclasses.replace(g, prep=None) for g in group_forward(doc, after, i)]
    return []


#: Most tokens between a relative pronoun and the name that is the subject of its clause (الذي تقوده المملكة).
RELATIVE_REACH = 2


def _in_relative(doc: Document, m: Mention) -> bool:
    """Whether a name is the subject of a relative clause right before it: «شنت طائرات التحالف الذي
    تقوده المملكة غارات» (the kingdom leads the coalition; the coalition's planes did the raids)."""
    relatives = lexicon.status_cues()["relatives"]
    return any(k >= 0 and doc.tokens[k].kind == "word" and word_keys_in(doc, k, relatives)
               for k in range(m.first - RELATIVE_REACH, m.first))


#: Event types whose object may be what a party owns (its positions, camps, vehicles).
ATTACK_TYPES = frozenset({"ASSAULT", "COERCE"})


def _owns_object(doc: Document, cand: Candidate, m: Mention) -> bool:
    """A name in the genitive of what a party owns and an attack hits («مواقع الحوثيين»): the owner
    of the attack's object, not its subject («استقبل مركز حمدان …» is the centre receiving)."""
    head = m.first - 1
    return (cand.trigger.type in ATTACK_TYPES and head >= 0 and doc.tokens[head].kind == "word"
            and word_keys_in(doc, head, cue_words("owned_objects")))


def _light_subject(doc: Document, before: list[Mention], bare: list[int]) -> list[Mention]:
    """The bare actor right after a light verb (شن، نفذ) that a relative clause describes, with its
    apposed names; [] when none opens the clause that way."""
    verbs = lexicon.noun_context()["support_verbs"]
    for k in reversed(bare):
        m = before[k]
        v = m.first - 1
        if v > 1 and surface(doc, doc.tokens[v]) == "من" and word_keys_in(doc, v - 1, lexicon.partitives()):
            v -= 2  # «نفذت العشرات من الأسر اليمنية وقفة»: the group counted
        if v >= 0 and doc.tokens[v].kind == "word" and word_keys_in(doc, v, verbs):
            return [g for g in group_forward(doc, before, k) if not _in_relative(doc, g)]
    return []


def _patient_genitive(cand: Candidate) -> bool:
    """Whether the name right after a verbal noun is its object: nouns whose target is first the
    direct object (اغتيال الأمين العام، اعتقال الصحفي، قصف المدينة), unlike زيارة بوتين."""
    return cand.trigger.kind == "N" and cand.trigger.target[:1] == ("obj",)


@lru_cache(maxsize=1)
def _issuing_words() -> frozenset[str]:
    """Verbs of issuing a statement and one-word doer verbs (نفذه، شنته): the name after either is
    the author or doer of the noun before them."""
    return cue_words("issued_by") | frozenset(words[0] for words in lexicon.doer_verbs() if len(words) == 1)


def _town(doc: Document, m: Mention) -> bool:
    """Whether a mention names a place that is not a state (a capital, a town): it cannot act."""
    return m.etype == "GPE" and not m.agent and not is_party(doc, m.entity)


def _listed_object(doc: Document, m: Mention) -> bool:
    """Whether a mention opens a list after an accusative «كلاً من»: the verb's object («استقبل
    كلاً من محافظ صنعاء ومحافظ عدن»), not its subject."""
    k = m.first - 2
    return k >= 0 and surface(doc, doc.tokens[k + 1]) == "من" and word_keys_in(doc, k, cue_words("object_lists"))


def _words_between(doc: Document, start: int, end: int) -> int:
    """Tokens in ``[start, end)`` other than numbers and number words: a count stands between a verb
    and its subject without parting them («تظاهر أمس نحو مائتي شخص»)."""
    return sum(1 for k in range(start, end) if doc.tokens[k].kind != "number"
               and surface(doc, doc.tokens[k]).lstrip("و") not in lexicon.number_words())


def _partitive_owner(doc: Document, after: list[Mention]) -> list[Mention]:
    """The group a counting subject is taken from: «تظاهر مئات من أعضاء الحزب» → the party
    («من» right after a partitive such as مئات، عشرات); [] when the subject counts no named group."""
    head = after[0]
    if (len(after) < 2 or head.last - head.first != 1 or head.last >= len(doc.tokens)
            or surface(doc, doc.tokens[head.last]) != "من"
            or surface(doc, doc.tokens[head.first]).lstrip("و") not in lexicon.partitives()
            or not 1 <= after[1].first - head.last <= 2):
        return []  # (the name after «مئات من» has no preposition of its own: see _prep_of)
    return group_forward(doc, after, 1)


def _relative_after(doc: Document, cand: Candidate, end: int) -> int | None:
    """The first relative pronoun after the trigger, before token ``end``: names after it sit in a
    clause describing the object («أدانت الهجوم الذي استهدف مقر الشرطة في كابول»), so they are
    neither the trigger's target nor where it happened."""
    relatives = lexicon.status_cues()["relatives"]
    return next((k for k in range(cand.last, end) if word_keys_in(doc, k, relatives)), None)


def governed(doc: Document, cand: Candidate) -> bool:
    """Whether a verbal noun stands right after a light verb («استهدف هجوم انتحاري مقر الشرطة»,
    «وقع انفجار»): it is that verb's subject or object, and the name after it is not its doer."""
    k = cand.first - 1
    return k >= 0 and doc.tokens[k].kind == "word" and word_keys_in(doc, k, lexicon.noun_context()["support_verbs"])


def _unnamed_subject(doc: Document, cand: Candidate, after: list[Mention]) -> bool:
    """A definite noun right after a verb that no mention covers, with a name right after it, is
    the verb's subject and the name its object (verb-subject-object): «ويحمّل التقرير الحكومة
    الإريترية مسؤولية», «وزار الوفد بغداد».  Not when the name is a nisba of the noun (الوفد السعودي)."""
    k = cand.last
    if (cand.trigger.kind == "V" and after and k < len(doc.tokens) and doc.tokens[k].kind == "word"
            and word_keys_in(doc, k, cue_words("unnamed_subjects")) and after[0].prep is None
            and not after[0].conj and after[0].first - k <= 2):
        return True  # «ودعا آخرون دولة الإمارات إلى …», «اتهم آخرون صالح»: "others" did it to the name
    if _described_subject(doc, cand, after):
        return True  # «اتهمت منظمة دولية قوات جيش جنوب السودان»: an unnamed subject described
    if (cand.trigger.kind != "V" or not after or after[0].first != k + 1 or after[0].prep is not None
            or after[0].conj or (after[0].etype in ("NORP", "PER") and not after[0].agent)
            or doc.tokens[k].kind != "word"):
        # (a definite noun before a person's name is a title: «فقتلت المدرس هاني نعيم»)
        return False
    word = surface(doc, doc.tokens[k]).lstrip("وف")
    if _adjective_in_phrase(doc, k):
        return False  # «وللمرة الأولى هاجمت قوات …»: the adjective of a noun inside a prepositional phrase
    skip = lexicon.noun_context()["time_words"] | lexicon.status_cues()["relatives"] | lexicon.honorifics()
    return (word.startswith("ال") and len(word) > 4 and word not in skip and not word_keys_in(doc, k, skip)
            and not word.endswith(("ي", "يه")))


def _described_subject(doc: Document, cand: Candidate, after: list[Mention]) -> bool:
    """An indefinite feminine noun and its relational adjective right after a verb, covered by no
    mention, with a name right after them: the verb's subject, and the name its object
    (verb-subject-object: «اتهمت منظمة دولية قوات جيش جنوب السودان», «انتقدت صحيفة أمريكية
    الحكومة»); the agreement in ة tells the adjective from a noun in construct («إدارة نادي»)."""
    k = cand.last
    if (cand.trigger.kind != "V" or not after or after[0].first != k + 2 or after[0].prep is not None
            or after[0].conj or k + 1 >= len(doc.tokens)
            or any(doc.tokens[j].kind != "word" for j in (k, k + 1))):
        return False
    noun, adjective = surface(doc, doc.tokens[k]), surface(doc, doc.tokens[k + 1])
    skip = lexicon.noun_context()["time_words"] | lexicon.status_cues()["relatives"]
    return (not noun.startswith(("ال", "و", "ف")) and not adjective.startswith("ال") and len(noun) > 3
            and noun.endswith("ه") and adjective.endswith("يه") and len(adjective) > 3  # (folded: ة is ه)
            and noun not in skip and not word_keys_in(doc, k, skip) and not word_keys_in(doc, k + 1, skip))


def _adjective_in_phrase(doc: Document, k: int) -> bool:
    """Whether token ``k`` follows a definite noun that carries or follows a preposition («للمرة
    الأولى», «في المرة الأولى»): the noun's adjective, inside that prepositional phrase."""
    return (k > 0 and doc.tokens[k - 1].kind == "word" and prep_before(doc, k - 1) is not None
            and surface(doc, doc.tokens[k - 1]).lstrip("وف").startswith(("ال", "لل", "بال", "كال")))


def _unnamed_topic(doc: Document, cand: Candidate, before: list[Mention]) -> bool:
    """A definite noun right before the verb, opening its clause and covered by no mention, is its
    subject (subject-verb-object): the actor after the verb is then its object."""
    k = cand.first - 1
    if k < 0 or doc.tokens[k].kind != "word" or any(m.first <= k < m.last for m in before):
        return False
    if any(d.span.start <= doc.tokens[k].start < d.span.end for d in doc.dates):
        return False  # «وفي يناير كانون الثاني انتقد أردوغان …»: the end of a date, not a subject
    word = surface(doc, doc.tokens[k]).lstrip("وف")
    if _adjective_in_phrase(doc, k):
        return False  # «وللمرة الأولى هاجمت قوات …»: the adjective of a noun inside a prepositional phrase
    skip = lexicon.noun_context()["time_words"] | lexicon.status_cues()["relatives"]
    # (a noun inside a prepositional phrase is no subject: «في السياق سيطرت قوات المعارضة على …»)
    return (word.startswith("ال") and word not in skip and not word_keys_in(doc, k, skip)
            and prep_before(doc, k) is None)


def _object(doc: Document, cand: Candidate, source: list[Mention], after: list[Mention],
            rest: list[Mention], opens: int) -> list[Mention]:
    """The first actor the trigger's target specs (direct object, prepositions) allow; a verb's
    direct object comes within TARGET_WINDOW tokens of ``opens`` (after the verb or its subject)."""
    verb = cand.trigger.kind == "V"
    # A noun's object is the name right after it (زيارة بكين), not a later one.
    obj_reach = TARGET_WINDOW if verb else NOUN_OBJECT_GAP + (source[-1].last - cand.last if source
                                                             and source[0] in after else 0)
    start = opens if verb else cand.last
    stop = _relative_after(doc, cand, rest[-1].first if rest else cand.last)
    rest = [m for m in rest if stop is None or m.first < stop]
    for spec in cand.trigger.target:
        want = None if spec == "obj" else fold(spec)
        hit = next((k for k, m in enumerate(rest)
                    if (m.prep == want or (want is None and _owner_of_object(doc, m, start)))
                    and (want or m.first - start <= obj_reach)), None)
        if hit is not None:
            # («قتل 19 شخصا من قوات الأمن»: the group the count is taken from is the target)
            return _partitive_owner(doc, rest[hit:]) or group_forward(doc, rest, hit)
    return []


def _owner_of_object(doc: Document, m: Mention, start: int) -> bool:
    """A name after ل owning the indefinite object right after the verb or its subject (a word of
    the subject's phrase may stand between): «قصفت مواقع للحوثيين», «هاجموا مركزا للشرطة» (the
    owner is the target)."""
    head = m.first - 1
    # (or right after the comma that closes the verb's time frame: «رفضت في مطلع يونيو (حزيران)،
    # تقريرا للأمم المتحدة»; see widened)
    near = 0 <= head - start <= 1 or (head - start > 1 and head > 0 and is_comma(doc, head - 1))
    return (m.prep == "ل" and near and doc.tokens[head].kind == "word"
            and is_construct_head(doc, head))


def _doer(doc: Document, cand: Candidate, after: list[Mention]) -> list[Mention]:
    """The actors an agentive phrase (على يد، من قبل) after the trigger introduces."""
    cues = lexicon.agentive_cues()
    firsts = {cue[0] for cue in cues}
    for k in range(cand.last, min(cand.last + TARGET_WINDOW, len(doc.tokens))):
        if surface(doc, doc.tokens[k]).lstrip("و") not in firsts:
            continue
        for cue in cues:
            end = k + len(cue)
            if end > len(doc.tokens) or tuple(surface(doc, doc.tokens[j]).lstrip("و")
                                               for j in range(k, end)) != cue:
                continue
            hit = next((i for i, m in enumerate(after) if m.first == end), None)
            return [] if hit is None else group_forward(doc, after, hit)
    return _operation_doer(doc, cand, after)


def _operation_doer(doc: Document, cand: Candidate, after: list[Mention]) -> list[Mention]:
    """The doer of the armed operation a verb says it happened in (في/ب + operation noun, the
    first one within TARGET_WINDOW tokens): «قتل القيادي في غارة لطائرات التحالف» (its owner after ل,
    one adjective may stand between), «… في عملية نادرة نفذتها قوات خاصة» (a doer verb)."""
    if cand.trigger.kind != "V":
        return []
    ops = cue_words("operations")
    for k in range(cand.last, min(cand.last + TARGET_WINDOW, len(doc.tokens))):
        if doc.tokens[k].kind != "word" or not word_keys_in(doc, k, ops):
            continue
        if prep_before(doc, k) not in ("في", "ب"):
            return []
        owner = next((i for i, m in enumerate(after) if m.prep == "ل" and 1 <= m.first - k <= 2), None)
        if owner is not None:
            return [dataclasses.replace(m, prep=None) for m in group_forward(doc, after, owner)]
        return _noun_doer(doc, dataclasses.replace(cand, first=k, last=k + 1), after)
    return []


#: Most tokens between an event noun and the verb that says who did it (an adjective, الذي/التي).
DOER_VERB_GAP = 3


def _noun_doer(doc: Document, cand: Candidate, after: list[Mention]) -> list[Mention]:
    """The doer of an event noun told after it: the nationality qualifying it («الغارات
    الإسرائيلية», one adjective may stand between: «ضربة جوية أميركية»), or the subject of a
    verb pointing back to it (DOER_VERB_GAP tokens on, data ``doer_verbs``: «هجوم نفذته امرأة»,
    «الهجوم الذي شنته طائرات التحالف»)."""
    near = [m for m in after if m.first - cand.last <= 1 and not m.agent and m.etype == "NORP" and not m.conj]
    if near:
        return [near[0]]
    origin = next((k for k, m in enumerate(after) if m.first == cand.last + 1 and m.prep == "من"), None)
    if origin is not None and cand.trigger.type in ORIGIN_TYPES and after[origin].etype in DOER_TYPES:
        # «قوبل القرار بانتقادات من أسقف كنيسة إنجلترا», «وسط ترحيب من الأمم المتحدة»: the stance
        # comes from the one named after من.
        return [dataclasses.replace(m, prep=None) for m in group_forward(doc, after, origin)]
    cues = lexicon.doer_verbs()
    firsts = {cue[0] for cue in cues}
    for k in range(cand.last, min(cand.last + DOER_VERB_GAP + 1, len(doc.tokens))):
        if doc.tokens[k].kind != "word" or surface(doc, doc.tokens[k]).lstrip("و") not in firsts:
            continue
        for cue in cues:
            end = k + len(cue)
            if end <= len(doc.tokens) and tuple(surface(doc, doc.tokens[j]).lstrip("و")
                                                for j in range(k, end)) == cue:
                hit = next((i for i, m in enumerate(after) if (m.first == end and m.prep is None)
                            or _counted_from(doc, m, end)), None)
                return [] if hit is None else [dataclasses.replace(m, prep=None)
                                               for m in group_forward(doc, after, hit)]
    return []


def _counted_from(doc: Document, m: Mention, end: int) -> bool:
    """Whether mention ``m`` is the group a partitive at token ``end`` counts from: «نفذتها وحدة
    من القوات الخاصة» (the forces did it)."""
    # (word keys, not a stripped و: وحدة starts with one of its own)
    return (m.first == end + 2 and m.prep == "من" and doc.tokens[end].kind == "word"
            and word_keys_in(doc, end, lexicon.partitives()))


def light_verb(doc: Document, cand: Candidate, verbs: frozenset[str], lo: int) -> int | None:
    """The token of the nearest of ``verbs`` before a trigger, at most SUFFER_REACH tokens back
    and not before token ``lo``: the verb that does or undergoes a verbal noun (قام بـ، تعرض لـ)."""
    return next((k for k in range(cand.first - 1, max(lo, cand.first - SUFFER_REACH) - 1, -1)
                 if doc.tokens[k].kind == "word" and word_keys_in(doc, k, verbs)), None)


def _sufferer(doc: Document, cand: Candidate, mentions: list[Mention], c_lo: int, key: str = "suffer"
              ) -> list[Mention]:
    """For a verbal noun after a verb such as تعرض (``key`` suffer) or قام بـ (perform), the actor
    that verb's subject names."""
    if cand.trigger.kind != "N":
        return []
    verb = light_verb(doc, cand, lexicon.actor_verbs()[key], c_lo)
    if verb is None:
        return []
    # (the doer of قام بـ is bare; what تعرض befalls may be owned: «تعرضت دورية للشرطة لهجوم»)
    between = [m for m in mentions if verb < m.first and m.last <= cand.first
               and (key == "suffer" or m.prep is None)]
    if between:
        return [between[0]]
    ahead = [m for m in mentions if c_lo <= m.first and m.last <= verb and m.prep is None]
    return [ahead[-1]] if ahead and verb - ahead[-1].last <= 1 else []


#: Most tokens between a received noun and the من that names its sender («اتصالا هاتفيا أمس من»).
SENDER_GAP = 3


def _sender(doc: Document, cand: Candidate, mentions: list[Mention], after: list[Mention], c_lo: int
            ) -> list[Mention]:
    """The actor a verbal noun was received from, when a verb of receiving (data ``receive``: تلقى)
    stands before it in its clause and من names the sender right after it; [] otherwise."""
    if cand.trigger.kind == "V":
        return []
    # (anywhere in the clause before it: a receiver's titles may be long, «تلقى صاحب السمو الملكي
    # الأمير … ولي ولي العهد وزير الدفاع اتصالا»)
    if _receiving_verb(doc, c_lo, cand.first) is None:
        return []
    hit = next((i for i, m in enumerate(after) if m.prep == "من" and m.first - cand.last <= SENDER_GAP), None)
    return [] if hit is None else [dataclasses.replace(m, prep=None) for m in group_forward(doc, after, hit)]


#: Prepositions (folded) that name the place a post is held at or posted to (المبعوث إلى اليمن،
#: السفير لدى مصر، مدير الشرطة في جدة).
POST_PREPS = frozenset({"الي", "لدي", "في"})
#: Most tokens between a post's title and the place it is held at (a relational adjective: الأممي).
POST_PLACE_GAP = 2


def _posted_holder(title: Mention, rest: list[Mention]) -> bool:
    """Whether an official's title is followed by the place of the post, told with إلى/لدى/في,
    and right after it by a person's name: «المبعوث الدولي إلى اليمن إسماعيل ولد الشيخ أحمد»."""
    if len(rest) < 2 or not (title.agent and title.concept == "officials"):
        return False
    place, name = rest[0], rest[1]
    return (place.prep is not None and fold(place.prep) in POST_PREPS and place.etype in ("GPE", "LOC")
            and place.first - title.last <= POST_PLACE_GAP and name.etype == "PER" and name.prep is None
            and not name.conj and name.first == place.last)


def _receiver(doc: Document, before: list[Mention], c_lo: int) -> list[Mention]:
    """The subject of the verb of receiving before a received noun: the actors between the verb
    and the noun («تلقى الرئيس المصري عبد الفتاح السيسي برقية تهنئة من …» → the president)."""
    verb = _receiving_verb(doc, c_lo, before[-1].first) if before else None
    return [] if verb is None else [m for m in before if m.first > verb and m.prep is None]


def _receiving_verb(doc: Document, lo: int, stop: int) -> int | None:
    """The first verb of receiving (data ``receive``: تلقى) among tokens ``[lo, stop)``."""
    receive = lexicon.actor_verbs()["receive"]
    return next((k for k in range(lo, stop) if doc.tokens[k].kind == "word" and word_keys_in(doc, k, receive)), None)


def _members(doc: Document, rest: list[Mention], start: int, c_hi: int) -> list[Mention]:
    """Named members after a generic actor: «وزراء خارجية دول من بينها الصين وإيران» → الصين، إيران."""
    cues = lexicon.inclusion_cues()
    firsts = {cue[0] for cue in cues}
    for k in range(start, min(start + INCLUSION_REACH, c_hi)):
        if surface(doc, doc.tokens[k]) not in firsts:
            continue
        for cue in cues:
            end = k + len(cue)
            if end > c_hi or tuple(surface(doc, doc.tokens[j]) for j in range(k, end)) != cue:
                continue
            hit = next((i for i, m in enumerate(rest) if m.first == end), None)
            if hit is None:
                return []
            return [dataclasses.replace(m, prep=None) for m in group_forward(doc, rest, hit)]
    return []


#: Agent concepts that are places standing for the people living there (homes, residential districts):
#: a target when hit, never a source («شهدت الأحياء السكنية مظاهرات» names where, not who).
PLACE_CONCEPTS = frozenset({"dwellings"})
#: Agent concepts that name people attacks befall (CAMEO civilians), not who attacks.
VICTIM_CONCEPTS = frozenset({"civilians"})


def victims(doc: Document, cand: Candidate, m: Mention) -> bool:
    """Whether the subject before an attack verb is its victims: civilians, or a group counted by
    a number right before it («جنديين عراقيين قتلا»، «ان شخصا قتل»)."""
    if cand.trigger.type != "ASSAULT" or cand.trigger.kind != "V":
        return False
    k = m.first - 1
    counted = k >= 0 and (doc.tokens[k].kind == "number"
                          or surface(doc, doc.tokens[k]).lstrip("و") in lexicon.number_words())
    return counted or m.concept in VICTIM_CONCEPTS or _dual_noun(doc, m)


def _dual_noun(doc: Document, m: Mention) -> bool:
    """A bare agent in the dual (جنديين، شرطيين) counts its members as a number would."""
    word = surface(doc, doc.tokens[m.first])
    return m.agent and m.concept in ("army", "police") and m.last - m.first == 1 and word.endswith("يين")


#: Types whose verb, read passive before a counted group, has that group as its patient.
COUNTED_PATIENT_TYPES = frozenset({"ASSAULT", "COERCE"})


def _completes_need(doc: Document, cand: Candidate, m: Mention) -> bool:
    """Whether a name completes the noun a verb needs, right after the verb (a noun it qualifies may
    stand between): «أطلقت سراح الصيادين المصريين» (the fishermen are freed, the verb's object; its
    subject is dropped or told before)."""
    if cand.trigger.kind != "V" or not cand.trigger.needs or not 1 <= m.first - cand.last <= NEED_GENITIVE:
        return False
    need = needed_word(doc, cand, m.first + 1)
    return need == cand.last and is_construct_head(doc, need)


def _counted(doc: Document, cand: Candidate, m: Mention) -> bool:
    """A counted group right after an attack or arrest verb is its victims, the verb being passive
    (قُتل 21 شخصا، أصيب ثلاثة جنود، اعتُقل تسعة مواطنين): a number stands between the verb and the noun."""
    patient = cand.trigger.type == "ASSAULT" or (cand.trigger.type in COUNTED_PATIENT_TYPES
                                                 and cand.trigger.kind == "V")
    return patient and (any(
        doc.tokens[k].kind == "number" or surface(doc, doc.tokens[k]).lstrip("و") in lexicon.number_words()
        for k in range(cand.last, m.first)) or _counted_dual(doc, m))


def _counted_dual(doc: Document, m: Mention) -> bool:
    """A group counted by its own form: a one-word nisba dual (حوثيان، جنديان: the ان of the dual
    after the nisba ي) or a noun with the number two right after it («حوثيين اثنين»)."""
    if m.last < len(doc.tokens) and surface(doc, doc.tokens[m.last]) in cue_words("dual_numbers"):
        return True
    # (a nationality may follow the dual: «قتل جنديان تركيان»)
    return (m.last - m.first == 1 or m.agent) and surface(doc, doc.tokens[m.first]).lstrip("و").endswith("يان")


def _location(cand: Candidate, mentions: list[Mention], c_lo: int, c_hi: int, used: set[Span],
              target_start: int | None = None) -> Mention | None:
    """The place the clause puts the event in (في/بـ + place), after the trigger first."""
    places = [m for m in mentions if c_lo <= m.first < c_hi and m.span not in used
              and m.etype in PLACE_TYPES and m.prep in ("في", "ب")]
    # A place after the target belongs to the object's phrase («… سياسات النظام في إيران»), not to
    # where the event happened, unless no other place is named.
    own = [m for m in places if not target_start or m.first < target_start] or places
    later = [m for m in own if m.first >= cand.last]
    pick = later or own
    return pick[0] if pick else None


def to_actors(m: Mention) -> tuple[Actor, ...]:
    """The actors a mention stands for: a dual noun gives one actor per state it refers to."""
    if m.refs:
        return tuple(Actor(m.span, e) for e in m.refs)
    return (Actor(m.span, m.entity),)


def actor_country(doc: Document, actor: Actor) -> str | None:
    """The ISO3 code an actor acts for: its entity's country (a person's state, a city's country)."""
    if actor.entity is not None and 0 <= actor.entity < len(doc.entities):
        return doc.entities[actor.entity].country
    return None


def actor_ids(doc: Document, actor: Actor) -> set[str]:
    """What an actor is, to tell whether two sides share a party: its key (entity or words) and the
    state it acts for, if any (a minister and his state are one side)."""
    country = actor_country(doc, actor)
    return {actor_key(doc, actor)} | ({country} if country else set())


#: Most tokens between a sentence-opening كان and the verb whose topic it introduces.
TOPIC_REACH = 20


def _topic(doc: Document, cand: Candidate, mentions: list[Mention]) -> list[Mention]:
    """The topic a sentence opens with after كان («وكان القيادي … قد قتل في غارة لـ…»): the
    subject of a passive verb told later in the sentence (TOPIC_REACH tokens at most), which
    undergoes it."""
    sent = doc.sentences[cand.sentence]
    lo = token_at([t.start for t in doc.tokens], sent.start)
    if cand.first - lo > TOPIC_REACH or doc.tokens[lo].kind != "word" or not word_keys_in(
            doc, lo, cue_words("topic_verbs")):
        return []
    first = [m for m in mentions if m.first == lo + 1 and m.prep is None and m.last <= cand.first]
    return [m for m in first if m.etype not in NON_ACTOR_TYPES]
