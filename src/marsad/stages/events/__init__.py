"""The ``events`` stage: PLOVER events (who did what to whom, when and where) coded from Arabic.

Find, then annotate: :func:`find_events` returns the events of a document without touching it,
and the registered stage stores them on ``doc.events``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from marsad.core.document import Actor, Document, Event, Span
from marsad.core.registry import (
    ATTR_DATES,
    ATTR_ENTITIES,
    ATTR_EVENTS,
    ATTR_QUOTES,
    ATTR_REFERENCES,
    EVENTS,
    ORIGIN,
    PUBLISHED,
    SENTENCES,
    TEXT,
    TOKENS,
    URL,
    register,
)
from marsad.core.settings import Settings
from marsad.stages.events import argmodel, lexicon
from marsad.stages.events.actors import (
    affiliations,
    continuations,
    criminal_case,
    demonstratives,
    domestic,
    faced,
    fight_concepts,
    first_singular,
    home_country,
    mutual_concepts,
    party_concepts,
    passive_custody,
    recent_place,
    self_pronouns,
    state_entity,
    target_concepts,
    with_bodies,
)

# (aliased: the submodule events.mutual, imported below, takes the name «mutual» in this package)
from marsad.stages.events.actors import mutual as clause_parties
from marsad.stages.events.args import (
    SUBJECT_GAP,
    Arguments,
    actor_country,
    actor_ids,
    find_arguments,
    governed,
    referents,
    to_actors,
)
from marsad.stages.events.context import (
    apposed_clause_start,
    coordinated_subject,
    find_speakers,
    opening_subject,
    parenthesis_subject,
    pronoun_target,
    received,
    relay_occasion,
    sent_by,
    truce_party,
    widened,
)
from marsad.stages.events.detect import (
    Candidate,
    after_during_prep,
    clause_bounds,
    find_triggers,
    is_boundary,
    ordered,
    possessed_noun,
    sentence_tokens,
    surface,
)
from marsad.stages.events.evaluative import evaluations
from marsad.stages.events.filter import (
    ARTICLE_SENTENCES,
    ARTICLE_THRESHOLDS,
    FILTERED,
    FILTERED_STATUSES,
    THRESHOLDS,
    keep,
    sentence_features,
)
from marsad.stages.events.forms import participle
from marsad.stages.events.groups import office_words
from marsad.stages.events.mentions import PREPOSITIONS, Mention, find_mentions
from marsad.stages.events.merge import actor_key, collapse, group_key, same_parties
from marsad.stages.events.mutual import anaphor_candidates, inherit, party
from marsad.stages.events.sides import lend_sides
from marsad.stages.events.status import declared, find_status, punct_bounds
from marsad.text.keys import fold

__all__ = ["candidate_features", "find_events", "stage"]

#: Verbal events (PLOVER's verbal cooperation and conflict): said by someone, so a speaker is their source.
VERBAL = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
#: Material easings that, announced or planned, are verbal concessions (PLOVER manual: CONCEDE covers
#: "the promise of future concessions such as easing of administrative or legal restrictions").
#: Declaring a ceasefire is CONCEDE too (manual: "declarations (but not implementations) of ceasefires");
#: observing one is RETREAT.
PROMISES: dict[tuple[str, str | None], tuple[str, str | None, str]] = {
    ("RETREAT", "ease"): ("CONCEDE", None, "081"), ("RETREAT", "ceasefire"): ("CONCEDE", None, "0871")}
#: Agent concepts (agents.tsv) that are a state's authorities: they bring charges themselves.
AUTHORITY_CONCEPTS = frozenset({"police", "judiciary", "government"})
#: Event types that, naming no target, are directed at a state's government (CAMEO 14: protests).
AGAINST_STATE = frozenset({"PROTEST"})
#: Event types that a group does with itself when no other target is named (PLOVER codes both ways).
RECIPROCAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})
#: Statuses of events that happened: an undated one may retell an earlier dated one of its type.
RETOLD_STATUSES = frozenset({"asserted", "reported"})
#: Most words of a sentence-opening time frame («وفي الشهر الماضي، …»).
OPENING_TOKENS = 4
#: Most sentences between an accusation and the denial answering it: a denial 25 sentences on
#: answers something else (issue 14: «an accusation 25 sentences earlier»).
DENIAL_REACH = 3
#: Most tokens between a complementizer carrying the speaker (أنه، إننا) and and the trigger it is the subject of.
SELF_REACH = 2
#: Date mention kinds that can date an event (a duration such as «يومين» cannot).
DATING_KINDS = frozenset({"point", "range"})


def _precision(value: str) -> int:
    """How finely a date value pins a time: a day (2024-06-12) beats a week or month, then a year."""
    if "/" in value:
        return 1
    return 3 if len(value) == 10 and value[4] == "-" and value[7] == "-" else 2 if len(value) > 4 else 1


def _date(doc: Document, cand: Candidate, bounds: list[tuple[int, int]]) -> str | None:
    """The most precise, then nearest, resolved date mention in the trigger's clause, else in its
    punctuation clause, else in its sentence (news Arabic puts «أمس» wherever the verb leaves room:
    «وقال الوزير، في مؤتمر صحفي عقده أمس، إن …»); a date opening the sentence frames it too."""
    for lo, hi in bounds:
        if hi <= lo:
            continue
        region = Span(doc.tokens[lo].start, doc.tokens[hi - 1].end)
        found = [d for d in doc.dates if d.value and d.kind in DATING_KINDS and region.contains(d.span)]
        if found:
            best = min(found, key=lambda d: (-_precision(d.value or ""),
                                             min(abs(d.span.start - cand.span.end),
                                                 abs(cand.span.start - d.span.end))))
            return best.value
    return _opening_date(doc, cand)


def _opening_date(doc: Document, cand: Candidate) -> str | None:
    """A resolved date among the first OPENING_TOKENS tokens of the sentence, before a comma."""
    sent = doc.sentences[cand.sentence]
    lead = doc.text[sent.start:cand.span.start]
    comma = min((i for i in (lead.find("،"), lead.find(",")) if i >= 0), default=-1)
    if comma < 0 or len(lead[:comma].split()) > OPENING_TOKENS:
        return None
    frame = Span(sent.start, sent.start + comma)
    found = [d for d in doc.dates if d.value and d.kind in DATING_KINDS and frame.contains(d.span)]
    return found[0].value if found else None


def _definite(doc: Document, cand: Candidate) -> bool:
    """A verbal noun with ال or a possessive (الزيارة، زيارته) names an event already told."""
    if cand.trigger.kind != "N" or cand.last - cand.first != 1:
        return False
    word = surface(doc, doc.tokens[cand.first]).lstrip("وف")
    return word.startswith(("ال", "لل", "بال")) or possessed_noun(doc, cand.first)


def _promised(doc: Document, cand: Candidate, status: str, lo: int, hi: int) -> tuple[str, str | None, str]:
    """Type, mode and CAMEO code of a trigger as told: an easing or ceasefire announced or planned
    but not yet done is a promise, which the PLOVER manual codes CONCEDE (CAMEO 081), not RETREAT."""
    trig = cand.trigger
    # A truce's terms are told in the imperfect («هدنة … تتوقف فيها الأعمال العسكرية»): not yet done.
    terms = trig.mode == "ceasefire" and trig.kind == "V" and cand.imperfect
    if (trig.type, trig.mode) in PROMISES and (status == "planned" or terms or declared(doc, cand, lo, hi)):
        return PROMISES[(trig.type, trig.mode)]
    return trig.type, trig.mode, trig.cameo


def _occasion(doc: Document) -> str | None:
    """The day the lead sentence announces (يدشن الرئيس غدا …), when it lies after publication: an
    article about a coming occasion lists what is planned for it (guests, security) without
    repeating its date, so an undated planned event happens on that day."""
    if not doc.sentences or doc.published is None:
        return None
    lead = doc.sentences[0]
    days = [d.value for d in doc.dates if d.value and d.kind == "point" and len(d.value) == 10
            and lead.contains(d.span)]
    return next((v for v in days if v > doc.published.isoformat()), None)


def _speaker(speakers: list[list[tuple[int, tuple[Mention, ...]]]], cand: Candidate
             ) -> tuple[Mention, ...]:
    """Who says a verbal event that names no subject: the speaker of the last speech verb before it
    in its sentence, else the one told last in the sentence before («وقال الوزير … . وطالب بـ…»)."""
    here = [who for k, who in speakers[cand.sentence] if k < cand.first]
    if here:
        return here[-1]
    if cand.sentence > 0 and speakers[cand.sentence - 1]:
        return speakers[cand.sentence - 1][-1][1]
    return ()


def _quoted(doc: Document, cand: Candidate, inside: bool = False) -> Actor | None:
    """Who says the event: the speaker of the quote whose content holds the trigger, else (unless
    ``inside``) of the last quote whose cue comes before it in its sentence (the quotes stage has
    already resolved titles and pronouns: «وأضاف معاليه» → the minister)."""
    for q in doc.quotes:
        if q.content.start <= cand.span.start < q.content.end:
            return q.speaker
    if inside:
        return None
    sent = doc.sentences[cand.sentence]
    cued = [q for q in doc.quotes if q.cue is not None and sent.start <= q.cue.start < cand.span.start]
    return cued[-1].speaker if cued else None


def _person_speaks(doc: Document, cand: Candidate) -> bool:
    """Whether the quotes stage gives the trigger's sentence a person speaking before it, though the
    events stage's own speaker reading names no actor there («أشار العاني إلى …، داعيا …»: a
    surname the entities stage linked only through the quotes stage)."""
    speaker = _quoted(doc, cand)
    return speaker is not None and speaker.entity is not None and doc.entities[speaker.entity].type == "PER"


def _own_stance(doc: Document, cand: Candidate, source: tuple[Actor, ...]) -> bool:
    """Whether the speaker who tells a verbal event is its source, or speaks for its source's state
    (a minister's «بلادي تدعم»)."""
    speaker = _quoted(doc, cand)
    if speaker is None or speaker.entity is None or not source:
        return False
    mine = actor_ids(doc, speaker)
    return all(actor_ids(doc, a) & mine for a in source)


def _points_back(doc: Document, cand: Candidate, c_hi: int) -> bool:
    """Whether a demonstrative follows the trigger in its clause («ونفت موسكو عمليات النقل هذه»):
    the denial names what was told before, so a far accusation is still the one it answers."""
    words = demonstratives()
    return any(doc.tokens[k].kind == "word" and surface(doc, doc.tokens[k]) in words
               for k in range(cand.last, min(c_hi, len(doc.tokens))))


def _self_reference(doc: Document, cand: Candidate, c_lo: int, charge: bool = False) -> bool:
    """Whether the trigger's clause opens with «أنه/إنها/أننا» right before it (SELF_REACH tokens):
    «وأكد كيري أنه أجرى محادثات مع …» — the speaker did it.  With ``charge``, only the «بأنه/بأنهم»
    that completes a verb of accusing («اتهمه بأنه …»), not the «أنها» of another verb after it."""
    for k in range(max(c_lo - 1, 0), cand.first):
        word = surface(doc, doc.tokens[k])
        if charge and not word.lstrip("و").startswith("ب"):
            continue
        if cand.first - k <= SELF_REACH and word.lstrip("وب") in self_pronouns():
            return True
    return False


def _first_person(doc: Document, cand: Candidate) -> bool:
    """A verb in the first person (نتظاهر، تظاهرنا، أدعو): in a quote, its subject is the speaker."""
    if cand.trigger.kind != "V":
        return False
    tok = doc.tokens[cand.first]
    word = surface(doc, tok)
    core = word[1:] if word[:1] in ("و", "ف") and len(word) > 4 else word
    # (ن opens the first person only in the imperfect: نفت، نقل، نشر are perfect verbs of their own;
    # the suffix is read as written, since folding makes «هنأ» end in نا)
    raw = doc.text[tok.start:tok.end]
    return ((cand.imperfect and core.startswith(("ن", "سن"))) or (raw.endswith("نا") and len(core) > 3)
            or core in first_singular())


def _accused(doc: Document, denier: tuple[Actor, ...], accused: tuple[Actor, ...]) -> bool:
    """Whether the denier was among the accused (same entity or same state): only then does a
    denial without an object answer the accusation (told at most DENIAL_REACH sentences back)."""
    def ids(actors: tuple[Actor, ...]) -> set[str]:
        return set().union(*(actor_ids(doc, a) for a in actors))
    return bool(denier) and bool(ids(denier) & ids(accused))


def _parties_of(doc: Document, actors: tuple[Actor, ...]) -> int:
    """How many named parties a side holds: a person and the state they act for are one («رئيس
    الوزراء الإيطالي ماتيو رينزي»: the title's state and the person are Italy's one party), and
    a word no entity names beside a name is that name's («مستشفى الملك سعود»)."""
    return len({party(doc, a) for a in actors if a.entity is not None})


def _other_side(doc: Document, source: tuple[Actor, ...], target: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The target without the source's own actor: an event does not name one actor as its whole
    source and whole target («أكد الوزير … الوزير»); a mutual event between two or more parties
    (two ministers meeting, an agreement) names them all on both sides and is kept."""
    if not source or not target:
        return target
    src, tgt = group_key(doc, source), group_key(doc, target)
    if _parties_of(doc, source) > 1 and src == tgt:
        return target
    rest = tuple(a for a in target if actor_key(doc, a) not in src)
    named = [a for a in rest if a.entity is not None]
    # A title beside the source's name is the same person («الرئيس … السيسي»), not a target.
    return rest if named or not any(a.entity is not None for a in target) else ()


def _other_fighter(doc: Document, cand: Candidate, mentions: list[Mention], lo: int,
                   target: tuple[Actor, ...]) -> Actor | None:
    """The armed party nearest before a clash noun in its clause (a body, a people, or an agent
    acting for one) other than the side named after مع; None when the clause names none (the
    speaker who reports the clashes, «ذكر الجيش أن …», is outside it)."""
    taken = {a.entity for a in target}
    for m in reversed([m for m in mentions if lo <= m.first and m.last <= cand.first]):
        if m.entity is None or m.entity in taken:
            continue
        if m.etype in ("ORG", "NORP") or (m.agent and m.concept):
            return to_actors(m)[0]
    return None


def _protested_state(doc: Document, cand: Candidate, source: tuple[Actor, ...], country: str | None
                     ) -> tuple[Actor, ...]:
    """Whom a protest naming no target is against: the protesters' own state (CAMEO and PLOVER
    code a demonstration against no named party as directed at the government), else the state
    where it happens.  The actor is that state's mention nearest the trigger; () when none."""
    own = {c for a in source if (c := actor_country(doc, a))}
    state_code = next(iter(own)) if len(own) == 1 else country if not own else None
    return _state_actor(doc, cand, state_code) if state_code else ()


def _charges(doc: Document, cand: Candidate, source: tuple[Actor, ...], target: tuple[Actor, ...],
             bounds: tuple[int, int, int], state: str | None) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """Source and target of charges someone faces («ويواجه الموقوفون اتهامات بالتزوير»): the subject
    of يواجه is the accused, so the target; in a criminal case the police or prosecutors of ``state``
    (where the accused were arrested, else the story's state) brought them, so it is the source."""
    c_lo, lo, hi = bounds
    clause = doc.tokens[c_lo].start
    accused = tuple(a for a in source if clause <= a.span.start < cand.span.start)
    # A subject from before the clause (a speaker, the last sentence's) neither faces nor brings them.
    rest = tuple(a for a in source if a.span.start >= cand.span.end)
    if state and criminal_case(doc, cand, (lo, hi)):
        rest = _state_actor(doc, cand, state)
    return rest, _other_side(doc, rest, target or accused)


def _authority(actors: tuple[Actor, ...], agents: dict[tuple[int, int], Mention]) -> bool:
    """Whether a source is already a state authority (police, judiciary, government) told as a
    generic agent: «قالت الشرطة إن خمسة … يواجهون اتهامات» keeps the police as the accuser."""
    return any((m := agents.get((a.span.start, a.span.end))) is not None and m.concept in AUTHORITY_CONCEPTS
               for a in actors)


def _arresting_state(doc: Document, events: list[Event]) -> str | None:
    """The state of the last arrest told with a state's actor as its source: whoever faces charges
    later in the story was most likely charged by the state whose police seized them."""
    return next((c for ev in reversed(events) if ev.type == "COERCE" and ev.mode == "arrest"
                 for a in ev.source if (c := actor_country(doc, a))), None)


def _state_actor(doc: Document, cand: Candidate, country: str) -> tuple[Actor, ...]:
    """A state as an actor: its entity's mention nearest the trigger; () when the article names none."""
    state = state_entity(doc, country)
    if state is None:
        return ()
    near = min(doc.entities[state].mentions, key=lambda m: abs(m.start - cand.span.start))
    return (Actor(near, state),)


def _actors(mentions: tuple[object, ...]) -> tuple[Actor, ...]:
    return tuple(a for m in mentions for a in to_actors(m))  # type: ignore[arg-type]


def _parties(doc: Document, cand: Candidate, args: Arguments, verbal: bool,
             speakers: list[list[tuple[int, tuple[Mention, ...]]]], c_lo: int
             ) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """Source and target from the clause's arguments: a first-person verb in a quote («نتظاهر»)
    and a clause opening with أنه are the speaker's, a verbal event without a subject is its
    speaker's (the quotes stage's, else the sentence's), and a mutual event names both parties
    on both sides."""
    told = [who for k, who in speakers[cand.sentence] if k < cand.first]
    if participle(doc, cand) and ((told and any(m.etype == "PER" or m.concept == "officials" for m in told[-1]))
                                  or _person_speaks(doc, cand)):
        # «وأكد المعلمي أن التحالف لا يستهدف المدنيين، محملا الحوثيين مسؤولية …»: a participle tells
        # what the main clause's subject did, the speaker, not the subject of the clause he reports.
        # (an outlet only reports: «أفادت صحيفة … أن الوزير شن هجوما …، متهما إياه» is the minister's)
        args = dataclasses.replace(args, source=(), unnamed=False,
                                   target=tuple(m for m in args.target if not told or m not in told[-1]))
    # «وتعرض الصحفيون للتهديد» in a statement: the journalists were threatened, not by the speaker.
    dropped = not args.source and not args.unnamed and not args.suffered
    first = _first_person(doc, cand)
    if first and not args.target and args.source and args.source[0].first >= cand.last:
        # «ندعو السلطات إلى …»: the verb's subject is "we", so the actor after it is its object.
        args = dataclasses.replace(args, source=(), target=args.source)
        dropped = not args.unnamed
    said = (_quoted(doc, cand, inside=True) if first
            or (dropped and _self_reference(doc, cand, c_lo))
            else _quoted(doc, cand) if dropped and verbal else None)
    if said is None and dropped and verbal:
        args = dataclasses.replace(args, source=_speaker(speakers, cand))
    elif said is None and dropped and _during(doc, cand, c_lo, mutual_concepts() | DURING_CONCEPTS):
        # «وأضاف خلال زيارة إلى ماليزيا»: the speaker of the sentence made the visit (a named one).
        said = _quoted(doc, cand)
        said = said if said is not None and said.entity is not None else None
    source, target = ((said,) if said else _actors(args.source)), _actors(args.target)
    both = clause_parties(doc, cand.trigger.concept, source, args.target)
    if both is not None:
        source = target = both
    # A title or body noun («الوزير»، «الحكومة») acts for the entity it refers to.
    return referents(doc, source), referents(doc, target)


def _continues(doc: Document, cand: Candidate, lo: int, mentions: list[Mention]) -> bool:
    """Whether a verb opens its sentence (after its own و/ف or a continuation word such as كما)
    with no actor right after it: its subject is the one the sentence before told.  A bare actor
    after the verb is its subject, or its patient when the verb is passive (كما قتل ثلاثة جنود)."""
    lead = [k for k in range(lo, cand.first) if doc.tokens[k].kind == "word"]
    if any(surface(doc, doc.tokens[k]).lstrip("وف") not in continuations() for k in lead) or len(lead) > 1:
        return False
    nxt = next((m for m in mentions if m.first >= cand.last), None)
    return nxt is None or nxt.prep is not None or nxt.first - cand.last > SUBJECT_GAP


def _inside_names(mentions: list[Mention]) -> frozenset[int]:
    """Tokens a clause boundary may not fall on: inside a mention, or opening a bare named one."""
    # A name right after another mention (a title it is apposed to: «مع الأمين العام … بان كي مون»)
    # continues that phrase too.
    after_mention = {m.last for m in mentions}
    return frozenset({k for m in mentions for k in range(m.first + 1, m.last)}
                     | {m.first for m in mentions if (m.prep is None or m.first in after_mention)
                        and not m.conj and m.entity is not None})


#: Opening and closing quotation marks around a name.
NAME_MARKS = ("«»", '""', "“”")


def _past_marked_name(doc: Document, cand: Candidate, mentions: list[Mention], k: int) -> int | None:
    """Index past the closing mark when token ``k`` opens quotation marks around one mention
    and nothing else, after the head noun it names («منظمة «هيومان رايتس ووتش»»), else None.
    Not right after the trigger («ويدعم "داعش"»: subject or object, the marks leave it open) nor
    after a preposition («رفع الحظر عن "الحرس الثوري"»: no subject)."""
    if k + 1 >= len(doc.tokens) or k <= cand.last or doc.tokens[k - 1].kind != "word" \
            or fold(surface(doc, doc.tokens[k - 1])) in PREPOSITIONS:
        return None
    opener = doc.text[doc.tokens[k].start:doc.tokens[k].end]
    m = next((m for m in mentions if m.first == k + 1), None)
    if m is None or m.last >= len(doc.tokens):
        return None
    closer = doc.text[doc.tokens[m.last].start:doc.tokens[m.last].end]
    return m.last + 1 if any(opener == pair[0] and closer == pair[1] for pair in NAME_MARKS) else None


def _arguments(doc: Document, cand: Candidate, mentions: list[Mention], sent: tuple[int, int],
               clause: tuple[int, int], inside: frozenset[int]) -> Arguments:
    """The trigger's arguments from its clause; a verb whose clause stops after its subject and
    time frame reads its object past the comma, and a meeting or call told in a phrase after the
    verb («… في اتصال هاتفي مع …») has that verb's subject as its source."""
    (lo, hi), (c_lo, c_hi) = sent, clause
    comps = lexicon.status_cues()["complementizers"]
    while c_hi < hi:
        # A name that reads as a complementizer (بان كي مون: بأن) does not end the clause, nor
        # does a name in quotation marks («دانت منظمة «هيومان رايتس ووتش» الحقوقية أمس قصف …»).
        past = _past_marked_name(doc, cand, mentions, c_hi)
        if c_hi not in inside and past is None:
            break
        c_hi = c_hi + 1 if past is None else past
        while c_hi < hi and not is_boundary(doc, c_hi, comps):
            c_hi += 1
    args = find_arguments(doc, cand, mentions, c_lo, c_hi)
    end, opened = c_hi, _subject_end(doc, cand, args, c_hi)
    for _ in range(APPOSED_COMMAS):
        if args.target:
            break
        wide = widened(doc, cand, end, hi, lambda k: is_boundary(doc, k, comps), opened)
        if wide == end:
            break
        more = find_arguments(doc, cand, mentions, c_lo, wide)
        # (a subject that grows past the comma is a name apposed to it: «نقيب المحامين، سامح عاشور،»;
        # its object may then follow the next comma: «حمّل سمير جعجع، رئيس حزب …، إيران»)
        if more.target:
            args = more
            break
        if len(more.source) <= len(args.source):
            break
        args, end, opened = more, wide, _subject_end(doc, cand, more, wide)
    if not args.source and not args.unnamed:
        args = dataclasses.replace(args, source=tuple(parenthesis_subject(doc, cand, mentions, lo, c_lo)))
    start = None if args.source else apposed_clause_start(
        doc, cand, c_lo, lo, lambda k: is_boundary(doc, k, comps), APPOSED_COMMAS + 1)
    if start is not None:
        # «عقد وزير الخارجية السعودي، عادل الجبير، اجتماعاً مع …»: the support verb's subject
        more = find_arguments(doc, cand, mentions, start, c_hi)
        if more.source and more.source[0].first == start + 1 and all(m.last <= cand.first for m in more.source):
            args = dataclasses.replace(args, source=more.source)
    framing = _during(doc, cand, lo, DURING_CONCEPTS)
    if framing and (possessed_noun(doc, cand.first) or any(m.last == cand.first - 1 for m in args.source)):
        # «… خلال زيارتهم للمركز»: the pronoun stands for the clause's subject, who made the visit
        # (a name between is no visitor: «ثمن مسؤولون دعم المملكة … خلال زيارتهم»); nor is the
        # name right before the frame: «وصف كارتر القوات بأنها نموذج لهزيمة داعش أثناء زيارة …»
        opener = opening_subject(doc, mentions, lo, cand.first)
        return dataclasses.replace(args, source=tuple(opener)) if opener else args
    if _during(doc, cand, lo, mutual_concepts()) and (not args.source or possessed_noun(doc, cand.first)):
        # «ودعا الرئيس اليمني خلال لقائه أمس مبعوث الأمين العام …»: the pronoun is the clause's
        # subject, who met the one named after the noun
        host = tuple(opening_subject(doc, mentions, lo, cand.first))
        args = dataclasses.replace(args, source=host + tuple(m for m in args.source if m not in host))
    if not args.source and cand.trigger.kind == "N" and ordered(doc, cand.first, lo):
        # «وأمر الرئيس سانتوس، أمس، بوقف الغارات»: whoever ordered the act does it.
        args = dataclasses.replace(args, source=tuple(opening_subject(doc, mentions, lo, cand.first)))
    if received(doc, cand, c_lo) and cand.trigger.concept not in mutual_concepts():
        # «وتلقى الكعبي طلبا من مسؤول في التنظيم»: the receiving verb's subject is the one the act is
        # aimed at; the one after من does it.
        sender = sent_by(doc, cand, mentions, c_hi)
        by = {m.span for m in sender}  # (the argument finder may hold the sender without its من)
        receiver = tuple(m for m in args.source if m.span not in by)
        args = dataclasses.replace(args, source=tuple(sender), target=receiver or args.target, unnamed=False)
    return args


def _subject_end(doc: Document, cand: Candidate, args: Arguments, c_hi: int) -> int:
    """Where the room for a time frame before a comma starts: after a subject told after the verb
    (however long its name); at the comma when only an office's words stand before it (its holder is
    named after the comma); else right after the verb."""
    after = [m.last for m in args.source if m.first >= cand.last]
    if after:
        return max(after)
    return c_hi if not args.source and office_words(doc, cand, c_hi) else cand.last


#: How many commas a verb's clause is read past for its object: one after a time frame set off after
#: the verb, one after its subject, one more after a title or name set between commas beside the
#: subject («التقى مساء أمس، وزير الخارجية المصري، سامح شكري، بنائب رئيس الوزراء …»).
APPOSED_COMMAS = 3


#: Verbal noun concepts that, after في/خلال, frame what the speaker of their sentence says: the speaker
#: made the visit («وأضاف خلال زيارة إلى ماليزيا …»), as the subject of a verb holds talks told so
#: («وبحث الوزير … في اتصال هاتفي مع …», the mutual concepts).
DURING_CONCEPTS = frozenset({"visit_noun", "host_noun"})
def _during(doc: Document, cand: Candidate, lo: int, concepts: frozenset[str]) -> bool:
    """Whether a noun of ``concepts`` right after في/خلال/لدى (``during_preps``) frames the act of its sentence."""
    return cand.trigger.kind != "V" and cand.trigger.concept in concepts and after_during_prep(doc, cand.first, lo)


def _retells(doc: Document, events: list[Event], ev: Event) -> bool:
    """Whether an event of this type and mode with the same named parties was told before."""
    return bool(ev.source) and any(prev.type == ev.type and prev.mode == ev.mode and same_parties(doc, ev, prev)
                                   for prev in events)


def _raw_events(doc: Document) -> tuple[list[Event], list[bool], list[set[str]], list[str]]:
    """Every triggered event before filtering and merging, whether it is an anaphoric noun, the
    learned filter's features for the filtered types, and the trigger concept of each."""
    ranges = sentence_tokens(doc)
    mentions = find_mentions(doc)
    speakers = find_speakers(doc, mentions, ranges)
    affil = affiliations(doc, mentions)
    agents = {(m.span.start, m.span.end): m for m in mentions if m.agent}
    home = home_country(doc)
    inside = _inside_names(mentions)
    events: list[Event] = []
    anaphoric: list[bool] = []
    feats: list[set[str]] = []
    concepts: list[str] = []
    named = [m for m in mentions if m.agent and m.entity is not None and m.concept]
    located: list[tuple[int, str | None]] = []
    told: dict[int, tuple[Mention, ...]] = {}  # per sentence, the last subject an event of it named
    charged: tuple[int, tuple[Mention, ...]] = (-1, ())  # the last accusation's sentence and accused
    last_verb: tuple[int, Arguments, str | None] = (-1, Arguments((), (), None), None)
    accusation: tuple[tuple[Actor, ...], tuple[Actor, ...], int] = ((), (), -DENIAL_REACH - 1)
    occasion = _occasion(doc)
    # A meeting noun naming talks told just before («وجرى خلال اللقاء …») is a trigger too.
    for cand in anaphor_candidates(doc, find_triggers(doc)):
        lo, hi = ranges[cand.sentence]
        if relay_occasion(doc, cand, hi):
            continue  # «في اتصال هاتفي مع "الوطن"»: how the paper got the words, no talks
        c_lo, c_hi = clause_bounds(doc, cand.first, lo, hi)
        args = _arguments(doc, cand, mentions, (lo, hi), (c_lo, c_hi), inside)
        p_lo, p_hi = punct_bounds(doc, cand, lo, hi)
        date = _date(doc, cand, [(c_lo, c_hi), (p_lo, p_hi), (lo, hi)])
        verb = cand.trigger.kind == "V"
        if (not args.source and not args.unnamed and charged[0] == cand.sentence
                and _self_reference(doc, cand, c_lo, charge=True)):
            # «اتهمت الحكومة الحوثيين بأنهم قصفوا …»: the pronoun opening a clause after an
            # accusation stands for the accused, who did what the clause tells.
            args = dataclasses.replace(args, source=charged[1])
        elif ((verb or (governed(doc, cand) and not any(m.span.overlaps(cand.span) for m in last_verb[1].source)))
                and not args.source and not args.unnamed and last_verb[0] == cand.sentence):
            # Arabic drops a repeated subject, and the clause shares the first one's time:
            # «عندما زار بوتين كوريا الشمالية في عام 2000، التقى بسلف كيم»; a verbal noun after a
            # light verb is done by that verb's subject («وشنت الطائرات غارة على …»).
            args = dataclasses.replace(args, source=last_verb[1].source)
            date = date or last_verb[2]
        elif (verb and not args.source and not args.unnamed and last_verb[0] == cand.sentence - 1
              and _continues(doc, cand, lo, mentions)):
            # «… وشنت طائرات التحالف غارات. كما استهدفت مخزنا للأسلحة»: the new sentence goes on
            # with the last one's subject (its own time may differ, so no date is taken).
            args = dataclasses.replace(args, source=last_verb[1].source)
            last_verb = (cand.sentence, args, date)
        elif (verb and not args.source and not args.unnamed and told.get(cand.sentence - 1)
              and _continues(doc, cand, lo, mentions)):
            # The same with a subject the sentence before gave an event noun («وشنت الطائرات
            # غارات على … . وقد استهدفت …»).
            args = dataclasses.replace(args, source=told[cand.sentence - 1])
        elif verb and args.source:
            last_verb = (cand.sentence, args, date)
        elif verb and not args.source and not args.unnamed and not args.suffered:
            # «إن الخرطوم تعاملت بشفافية، وأطلقت سراح الصيادين»: a verb joined by و shares the subject
            # of the clause it goes on, though that clause's verb is no event.
            args = dataclasses.replace(args, source=tuple(coordinated_subject(doc, cand, mentions, lo)))
        status = find_status(doc, cand, lo, hi)
        etype, mode, cameo = _promised(doc, cand, status, lo, hi)
        told_date = date
        if date is None and cand.trigger.kind == "N" and status in RETOLD_STATUSES:
            # An undated verbal noun of a type already told with a date retells that event (the lead
            # gives «سلمت … أول من أمس», a later sentence «وقالت الوزارة إنه تم تسليمها»); a new
            # verb (وقد اعتقلت) may tell another event, so it takes no date from before.
            date = next((ev.date for ev in reversed(events)
                         if ev.type == etype and ev.date and ev.status in RETOLD_STATUSES), None)
        if date is None and status == "planned":
            date = occasion
        if args.source:
            told[cand.sentence] = args.source
        if cand.trigger.type == "ACCUSE" and args.target:
            charged = (cand.sentence, args.target)
        source, target = _parties(doc, cand, args, etype in VERBAL, speakers, c_lo)
        if not source and target and args.target and args.target[0].prep == "مع" \
                and cand.trigger.concept in fight_concepts():
            # «قتل … من الحوثيين في مواجهات مع المقاومة»: fighting told with one side after مع has
            # the other among the clause's armed parties before it; both are on both sides.
            other = _other_fighter(doc, cand, mentions, c_lo, target)
            if other is not None:
                source = target = (other, *target)
        # A speaker span holding the trigger («وبحسب البيان ستتوقف …» read as one speaker) is no actor.
        source = tuple(a for a in source if not a.span.overlaps(cand.span))
        if not target and not args.target:
            # «وأكد المرجع أنه يدعمهم»: the pronoun on the verb or its object names the target.
            target = _actors(tuple(pronoun_target(doc, cand, mentions, args.source)))
        if not target and _parties_of(doc, source) > 1 and cand.trigger.type in RECIPROCAL:
            # «الزعيمان يعتزمان توقيع شراكة»: each party acts on the other.
            target = source
        if (cand.trigger.mode == "deny" and not target and _accused(doc, source, accusation[1])
                and (cand.sentence - accusation[2] <= DENIAL_REACH or _points_back(doc, cand, c_hi))):
            # A denial by the accused answers the accusation: its target is the accuser.
            target = accusation[0]
        # Where rules and their fallbacks stop, the learned finder may name a side still empty.
        learned = argmodel.complete(doc, cand, mentions, (c_lo, c_hi), args, source, target)
        filled = (not source and bool(learned[0]), not target and bool(learned[1]))
        source, target = learned
        if cand.trigger.type == "ACCUSE" and source and target:
            accusation = (source, target, cand.sentence)
        if not (source == target and cand.trigger.concept in fight_concepts()):
            # (clashes told between parties keep them all on both sides, named or not)
            target = _other_side(doc, source, target)
        location = to_actors(args.location)[0] if args.location else None
        # Where the event happened decides; a place of unknown country leaves agents stateless.
        country = actor_country(doc, location) if location else None
        if location:
            located.append((cand.sentence, country))
        else:
            # An event told without a place happens where the story's last placed event did.
            near, country = recent_place(located, cand.sentence)
            country = country if near and country else home
        if cand.trigger.mode == "ceasefire" and source and not target:
            # A truce is declared towards the other side of the fighting, when the sentence names it.
            own = frozenset(a.entity for a in source if a.entity is not None)
            target = _actors(tuple(truce_party(doc, cand, mentions, hi, own)))
        if cand.trigger.type == "ACCUSE" and not _authority(source, agents) and faced(doc, cand, c_lo):
            source, target = _charges(doc, cand, source, target, (c_lo, lo, hi),
                                      _arresting_state(doc, events) or home or country)
        held_by = country or home
        if not source and held_by and passive_custody(doc, cand):
            source = _state_actor(doc, cand, held_by)  # «تم اعتقال أحد قياديي بوكو حرام»: the state's
        source = with_bodies(doc, domestic(doc, source, agents, country, named), affil)
        target = with_bodies(doc, domestic(doc, target, agents, country, named), affil)
        if status == "reported" and etype in VERBAL and _own_stance(doc, cand, source):
            # A stance told in its holder's own words («قال كيري إن واشنطن ملتزمة بدعم …») is the
            # speech act itself, not a report of another's deed.
            status = "asserted"
        if cand.trigger.concept in target_concepts() and not any(a.entity is not None for a in target):
            continue  # «يجب على الجميع …»: an obligation on no named party demands nothing of anyone
        if cand.trigger.concept in party_concepts() and not target:
            continue  # «طلب التأشيرة», «وطلب عدم نشر اسمه»: an ask of no one
        ev = Event(type=etype, trigger=cand.span, sentence=cand.sentence,
                   status=status, source=source, target=target,
                   mode=mode, cameo=cameo, date=date, location=location,
                   sentences=(cand.sentence,))
        # The rules' own sides, before the argument finder filled one: a definite noun they give no
        # actor retells an event told before, and the learned filter was trained on them.
        ruled = dataclasses.replace(ev, source=() if filled[0] else ev.source, target=() if filled[1] else ev.target)
        # A verbal noun naming again, undated, an event told before with the same parties («زيارة
        # بوتين لكوريا الشمالية» after the visit was reported) is that event, not another.
        anaphoric.append((not ruled.source and not ruled.target and _definite(doc, cand))
                         or (cand.trigger.kind == "N" and told_date is None and _retells(doc, events, ev)))
        # The learned filter was trained on events as told, before a protest's default target.
        feats.append(sentence_features(doc, ruled, cand, lo, hi) if ev.type in FILTERED else set())
        if etype in AGAINST_STATE and not target:
            # Protesters who act for their state itself (no people entity is named) get no target:
            # the state is not its own target.
            ev = dataclasses.replace(ev, target=_other_side(doc, source, _protested_state(doc, cand, source, country)))
        events.append(ev)
        concepts.append(cand.trigger.concept)
    return events, anaphoric, feats, concepts


def _grouped(events: list[Event], feats: list[set[str]]) -> dict[tuple[int, str], set[str]]:
    """Per (sentence, type), the filter's features of its ASSAULT/PROTEST events told as having
    happened (asserted or reported); negated, hypothetical and planned ones keep their status."""
    grouped: dict[tuple[int, str], set[str]] = {}
    for ev, f in zip(events, feats, strict=True):
        if ev.type in FILTERED and ev.status in FILTERED_STATUSES:
            grouped.setdefault((ev.sentence, ev.type), set()).update(f)
    return grouped


def candidate_features(doc: Document) -> tuple[dict[tuple[int, str], set[str]], set[tuple[int, str]]]:
    """What scripts/build_event_filter.py trains on: the filter's features per (sentence, type),
    and the (sentence, type) pairs that also hold events the filter never drops."""
    events, _, feats, _ = _raw_events(doc)
    unfiltered = {(ev.sentence, ev.type) for ev in events
                  if ev.type in FILTERED and ev.status not in FILTERED_STATUSES}
    return _grouped(events, feats), unfiltered


def find_events(doc: Document, *, learned_filter: bool = True,
                thresholds: Mapping[str, float] = THRESHOLDS,
                article_thresholds: Mapping[str, float] = ARTICLE_THRESHOLDS) -> list[Event]:
    """Every event of the document, repeated reports collapsed, in order of first mention.

    With ``learned_filter`` (the default) ASSAULT and PROTEST events survive only in sentences
    the model of :mod:`marsad.stages.events.filter` reads as reporting one with a probability
    of at least their type's ``thresholds`` (``article_thresholds`` in a text of ARTICLE_SENTENCES
    sentences or more)."""
    events, anaphoric, feats, concepts = _raw_events(doc)
    least = article_thresholds if len(doc.sentences) >= ARTICLE_SENTENCES else thresholds
    accepted = {key for key, f in _grouped(events, feats).items()
                if not learned_filter or keep(key[1], f, least)}
    idx = [k for k, ev in enumerate(events)
           if ev.type not in FILTERED or ev.status not in FILTERED_STATUSES
           or (ev.sentence, ev.type) in accepted]
    kept_concepts = [concepts[k] for k in idx]
    # A fight that names one side takes the other from the article's enemies.
    lent = lend_sides(doc, [events[k] for k in idx], kept_concepts)
    # Talks told again without their parties (الجانبان، خلال اللقاء) take those of the meeting told last.
    kept, back = inherit(doc, lent, [anaphoric[k] for k in idx], kept_concepts)
    # A named speaker's condemning words accuse whoever the statement names.
    said = evaluations(doc, kept)
    if said:
        order = sorted(zip([*kept, *said], [*back, *([False] * len(said))], strict=True),
                       key=lambda pair: pair[0].trigger.start)
        kept, back = [ev for ev, _ in order], [b for _, b in order]
    # The sides lent and the parties inherited above may name the source again as the target:
    # an event never names one actor as its whole source and its whole target.
    kept = [dataclasses.replace(ev, target=()) if _self_aimed(doc, ev) else ev for ev in kept]
    return collapse(doc, kept, back)


def _self_aimed(doc: Document, ev: Event) -> bool:
    """Whether an event names one and the same actor (one entity, or the same words where no entity
    names it) as its whole source and its whole target; a clash or meeting between two actors on
    both sides is mutual, and two actors of one state (its police, its journalists) are two."""
    src = {_identity(doc, a) for a in ev.source}
    return len(src) == 1 and src == {_identity(doc, a) for a in ev.target}


def _identity(doc: Document, actor: Actor) -> tuple[object, ...]:
    """The entity an actor names by one of its mentions, else its folded words with the entity it
    stands for (a generic agent only borrows the entity of its state or place: «الشرطة» and
    «المتظاهرين» in Basra are two; a dual «الزعيمين» stands for two)."""
    if actor.entity is not None and actor.span in doc.entities[actor.entity].mentions:
        return ("entity", actor.entity)
    return ("words", fold(doc.span_text(actor.span)), actor.entity)


@register(EVENTS, requires=(TEXT, SENTENCES, TOKENS, ATTR_ENTITIES, ATTR_REFERENCES, ATTR_DATES, ATTR_QUOTES,
                            PUBLISHED, ORIGIN, URL),
          provides=(ATTR_EVENTS,))
def stage(doc: Document, settings: Settings) -> None:
    """PLOVER events with actors, status, date and location."""
    ev = settings.events
    doc.events = find_events(doc, learned_filter=ev.learned_filter,
                             thresholds={"ASSAULT": ev.assault_threshold, "PROTEST": ev.protest_threshold},
                             article_thresholds={"ASSAULT": ev.article_assault_threshold,
                                                 "PROTEST": ev.article_protest_threshold})
