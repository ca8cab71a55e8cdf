"""Who an actor acts for: the organisation or state behind a person, and the state behind a
generic agent (الشرطة، الجيش، المتظاهرون) that names none.

PLOVER and CAMEO code an official by the body they act for (a minister acts for its state, the
president of the ICRC for the ICRC) and an unnamed domestic agent by the state where it acts
(«فرقت الشرطة المتظاهرين في بغداد» → IRQ police, IRQ civilians).  The entities stage knows a
person's country only when its knowledge base does; the article itself often says more, in the
title standing beside the name («بيتر مورار رئيس اللجنة الدولية للصليب الأحمر»).
"""

from __future__ import annotations

from functools import lru_cache

from marsad.core.document import Actor, Document
from marsad.core.errors import DataError
from marsad.stages.entities import kb
from marsad.stages.entities.coref import offices_of
from marsad.stages.entities.places import leading_state, named_states
from marsad.stages.events import lexicon
from marsad.stages.events.args import to_actors
from marsad.stages.events.detect import Candidate, surface, word_keys
from marsad.stages.events.mentions import (
    PREPOSITIONS,
    Mention,
    allegiance,
    apposition,
    construct_agent,
    state_of,
    word_keys_in,
)
from marsad.text.keys import fold, folded_words
from marsad.text.resources import load_yaml

#: Entity types an office can stand for: an organisation, or a state (by name or nationality).
BODY_TYPES = frozenset({"ORG", "GPE", "NORP"})
#: CAMEO agent codes of groups that act for no state (unidentified armed forces, rebels).
STATELESS_CODES = frozenset({"UAF", "REB"})
#: Agents that are a state's people, not its state (CAMEO civilians, students, labour, media): they
#: act for the people's entity when the article has one (العراقيون), so that protesters and the
#: government they protest against are two actors.
PEOPLE_CODES = frozenset({"CVL", "EDU", "LAB", "MED"})
#: How many times more mentions the home state needs than the next state (a Putin-in-Pyongyang
#: story has none), and how many at least; set by hand on SaudiNewsNet articles outside the devset.
HOME_LEAD = 1.5
HOME_MIN = 2


@lru_cache(maxsize=1)
def foreign_words() -> frozenset[str]:
    """Folded titles that name an official of another state (نظيره): never given the home state."""
    return _words("foreign")


def _foreign_after(doc: Document, m: Mention) -> bool:
    """Whether the word right after an agent says it is of other states (الوزراء الأوروبيين، القوات
    الدولية، الخبراء الأجانب): it does not act for the state where the event happens."""
    k = m.last
    return (k < len(doc.tokens) and doc.tokens[k].kind == "word"
            and bool(word_keys(doc, doc.tokens[k]) & foreign_words()))


def _concepts(key: str) -> frozenset[str]:
    """The trigger concepts listed under ``key`` in data/events/actor_cues.yaml, each checked
    against events/triggers.tsv."""
    raw = load_yaml(lexicon.ACTOR_CUES).get(key)
    known = {t.concept for t in lexicon.triggers()}
    if not isinstance(raw, list) or not all(isinstance(v, str) and v in known for v in raw):
        raise DataError(f"data file marsad/data/{lexicon.ACTOR_CUES}: {key!r} must list concepts of "
                        "events/triggers.tsv")
    return frozenset(raw)


@lru_cache(maxsize=1)
def mutual_concepts() -> frozenset[str]:
    """Trigger concepts two parties do with each other (meet, agree, negotiate)."""
    return _concepts("mutual")


@lru_cache(maxsize=1)
def fight_concepts() -> frozenset[str]:
    """Trigger concepts of fighting between parties (clashes), mutual only when told with بين."""
    return _concepts("fights")


@lru_cache(maxsize=1)
def target_concepts() -> frozenset[str]:
    """Trigger concepts that are an event only with a named target (يجب على إيران …, not على الجميع)."""
    return _concepts("needs_target")


@lru_cache(maxsize=1)
def party_concepts() -> frozenset[str]:
    """Trigger concepts that are an event only with a target told, named or not (طلب من نظيره …)."""
    return _concepts("needs_party")


#: Prepositions (folded) that introduce the other party of a mutual event; None is the direct object.
PARTY_PREPS = frozenset({"مع", "ب", "بين", None})


def mutual(doc: Document, concept: str, source: tuple[Actor, ...], target: tuple[Mention, ...]
           ) -> tuple[Actor, ...] | None:
    """Both parties of a mutual event (a meeting, an agreement, clashes) when the clause names the
    other one after مع/ب or as the object, or names them all after بين with no subject: each acts
    on the other, so both are source and target.  None
    when the event is not mutual or the other party is not a named entity (نظيره stays a target)."""
    if not target or concept not in mutual_concepts() | fight_concepts():
        return None
    if not source:
        # «اشتباكات بين قوات الأمن والمسلحين»: the parties after بين are both sides.
        parties = tuple(a for m in target for a in to_actors(m))
        return parties if target[0].prep == "بين" and len(parties) > 1 else None
    if concept not in mutual_concepts():
        return None
    if any(m.prep not in PARTY_PREPS for m in target):
        return None  # «اتفقا على …»: after على comes what they agreed on, not a party
    mine = {a.entity for a in source if a.entity is not None}
    if not any(m.entity is not None and m.entity not in mine for m in target):
        return None
    return (*source, *(a for m in target for a in to_actors(m) if a.entity is None or a.entity not in mine))


def _words(key: str) -> frozenset[str]:
    return folded_words(load_yaml(lexicon.ACTOR_CUES), key, lexicon.ACTOR_CUES)


@lru_cache(maxsize=1)
def first_singular() -> frozenset[str]:
    """Folded first-person singular verbs of the trigger list (أدعو، أطالب، أدين)."""
    return _words("first_singular")


@lru_cache(maxsize=1)
def demonstratives() -> frozenset[str]:
    """Folded demonstratives (هذه، تلك) that point a phrase back to something told before."""
    return _words("demonstratives")


@lru_cache(maxsize=1)
def face_charges() -> frozenset[str]:
    """Folded verbs of facing legal charges (يواجه، تواجه)."""
    return _words("face_charges")


@lru_cache(maxsize=1)
def legal_context() -> frozenset[str]:
    """Folded words that tell a criminal case (police, courts, prison)."""
    return _words("legal_context")


def faced(doc: Document, cand: Candidate, c_lo: int) -> bool:
    """Whether an accusation noun is a charge someone faces: a face_charges verb before it in its
    clause («ويواجه الموقوفون اتهامات بالتزوير»)."""
    return cand.trigger.kind == "N" and _any_word(doc, range(c_lo, cand.first), face_charges())


def criminal_case(doc: Document, cand: Candidate, sent: tuple[int, int]) -> bool:
    """Whether charges are told as a criminal case: police, courts or prison in the sentence
    (legal_context), and no accuser right after the noun («اتهامات من معارضيه» names who accuses)."""
    if cand.last < sent[1] and surface(doc, doc.tokens[cand.last]) == "من":
        return False
    return _any_word(doc, range(*sent), legal_context())


def _any_word(doc: Document, ks: range, words: frozenset[str]) -> bool:
    return any(doc.tokens[k].kind == "word" and word_keys(doc, doc.tokens[k]) & words for k in ks)


@lru_cache(maxsize=1)
def continuations() -> frozenset[str]:
    """Folded words (كما، ثم) that open a sentence going on with the last sentence's subject."""
    return _words("continuations")


@lru_cache(maxsize=1)
def self_pronouns() -> frozenset[str]:
    """Folded complementizers carrying the speaker as pronoun (أنه، إننا)."""
    return _words("self_pronouns")


@lru_cache(maxsize=1)
def agent_states() -> dict[str, str]:
    """Agent concepts that act for one fixed state (ISO3), wherever the event happens (الاحتلال → ISR)."""
    raw = load_yaml(lexicon.ACTOR_CUES).get("agent_states")
    known = {agent.concept for agent in lexicon.agents()}
    if not isinstance(raw, dict) or not all(k in known and isinstance(v, str) and len(v) == 3
                                            for k, v in raw.items()):
        raise DataError(f"data file marsad/data/{lexicon.ACTOR_CUES}: 'agent_states' must map concepts of "
                        "events/agents.tsv to ISO3 codes")
    return dict(raw)


@lru_cache(maxsize=1)
def _agent_codes() -> dict[str, str]:
    return {agent.concept: agent.code for agent in lexicon.agents()}


def _body(doc: Document, title: Mention, person: Mention) -> int | None:
    """The body an office beside a person names («رئيس اللجنة الدولية»، «الرئيس الفرنسي»)."""
    if not (title.agent and title.concept == "officials" and title.entity is not None
            and title.entity != person.entity and title.etype in BODY_TYPES):
        return None
    return title.entity


def affiliations(doc: Document, mentions: list[Mention]) -> dict[int, int]:
    """Per person entity, the body that an office apposed to one of its mentions names: the title
    after the name («بيتر مورار رئيس اللجنة الدولية للصليب الأحمر») or before it («وزير خارجية
    روسيا سيرجي لافروف»).  The first one told wins: it is how the article introduces the person."""
    out: dict[int, int] = {}
    for k, m in enumerate(mentions):
        if m.agent or m.etype != "PER" or m.entity is None or m.entity in out:
            continue
        body = None
        if k + 1 < len(mentions):
            nxt = mentions[k + 1]
            # (a word making the office someone's deputy or adviser may open it: «موسى أبو مرزوق
            # نائب رئيس المكتب السياسي لحماس» acts for Hamas all the same)
            if (nxt.first == m.last or (nxt.first == m.last + 1 and _office_modifier(doc, m.last))) \
                    and nxt.prep is None and not nxt.conj and not _holder_follows(mentions, k + 1):
                body = _body(doc, nxt, m)
        if body is None and k > 0 and apposition(doc, mentions[k - 1], m):
            body = _body(doc, mentions[k - 1], m)
        if body is not None:
            out[m.entity] = body
    for person, body in _office_bodies(doc).items():
        out.setdefault(person, body)
    for org, body in _parent_bodies(doc, mentions).items():
        out.setdefault(org, body)
    return out


def _parent_bodies(doc: Document, mentions: list[Mention]) -> dict[int, int]:
    """Per body the knowledge base does not place, the body an allegiance word after one of its
    mentions ties it to («خلية الصقور الاستخبارية التابعة لوزارة الداخلية العراقية», «منظمة حقوق
    الإنسان التابعة للأمم المتحدة»): it acts for that body too, as an office's holder does."""
    by_first = {m.first: m for m in mentions}
    out: dict[int, int] = {}
    for m in mentions:
        if m.agent or m.etype != "ORG" or m.entity is None or m.entity in out:
            continue
        ent = doc.entities[m.entity]
        if ent.kb_id is not None or ent.country:
            continue
        parent = allegiance(doc, m.last, by_first)
        if parent is not None and parent.entity is not None and parent.entity != m.entity:
            out[m.entity] = parent.entity
    return out


def _holder_follows(mentions: list[Mention], k: int) -> bool:
    """Whether the office at mention ``k`` is followed right away by its own holder's name: in
    «انتقد أردوغان رئيس الوزراء الإسرائيلي بنيامين نتنياهو» the office is Netanyahu's, not the
    post of the name before it."""
    return (k + 1 < len(mentions) and mentions[k + 1].etype == "PER" and not mentions[k + 1].agent
            and mentions[k + 1].first == mentions[k].last and mentions[k + 1].prep is None)


def _office_modifier(doc: Document, k: int) -> bool:
    """Whether token ``k`` is a word that makes an office someone's deputy or aide (نائب، مساعد)."""
    tok = doc.tokens[k] if k < len(doc.tokens) else None
    return tok is not None and tok.kind == "word" and bool(word_keys(doc, tok) & kb.title_modifiers()["before"])


def _office_bodies(doc: Document) -> dict[int, int]:
    """Per known person, the body the knowledge base has them in office for on the publication day
    (offices.tsv: Mogherini for the EU, Ban Ki-moon for the UN), when the article names that body:
    news tells the office once, or not at all, and goes on with the surname."""
    if doc.published is None:
        return {}
    offices = offices_of(kb.load())
    by_kb = {e.kb_id: k for k, e in enumerate(doc.entities) if e.kb_id is not None and e.type in BODY_TYPES}
    out: dict[int, int] = {}
    for k, e in enumerate(doc.entities):
        if e.type != "PER" or e.kb_id is None:
            continue
        held = [o.of for o in offices.get(e.kb_id, ()) if o.holds(doc.published)]
        # (a state the person already carries as country adds nothing)
        body = next((by_kb[of] for of in held if of in by_kb and of != e.country), None)
        if body is not None:
            out[k] = body
    return out


#: Modes of COERCE whose passive («تم اعتقال», «تم ضبط») the state's authorities do.
CUSTODY_MODES = frozenset({"arrest", "seize"})


def passive_custody(doc: Document, cand: Candidate) -> bool:
    """«تم اعتقال أحد قياديي بوكو حرام», «كما تم ضبط (67) حالة اشتباه»: an arrest or seizure told in
    the passive (تم، جرى before the verbal noun), which the authorities of the state where it
    happens carry out."""
    if cand.trigger.type != "COERCE" or cand.trigger.mode not in CUSTODY_MODES:
        return False
    k = cand.first - 1
    if k > 0 and word_keys_in(doc, k, _words("gap_adverbs") | _words("passive_adverbs")):
        k -= 1  # «وتم أيضا اعتقال»
    return k >= 0 and word_keys_in(doc, k, _words("passive_auxiliaries"))


def with_bodies(doc: Document, actors: tuple[Actor, ...], affil: dict[int, int]) -> tuple[Actor, ...]:
    """The actors, each person followed by the body it acts for when the article names one that
    its entity does not already carry (an organisation, or a state for a person of no known country)."""
    out: list[Actor] = []
    have = {a.entity for a in actors if a.entity is not None}
    for a in actors:
        out.append(a)
        body = affil.get(a.entity) if a.entity is not None else None
        if body is None or body in have:
            continue
        person, org = doc.entities[a.entity], doc.entities[body]  # type: ignore[index]
        if org.type == "ORG" or not person.country or person.country != org.country:
            out.append(Actor(a.span, body))
            have.add(body)
    return tuple(out)


def home_country(doc: Document) -> str | None:
    """The state an article is mostly about: the country most of its place and nationality
    mentions belong to (a Saudi paper's «المملكة» and «الجهات المعنية» are Saudi); a close second
    leaves no home: guessing would give half the agents the wrong state."""
    return leading_state(named_states(doc), HOME_MIN, HOME_LEAD)


def state_entity(doc: Document, country: str) -> int | None:
    """The entity that stands for a state: the state itself when the article names it, else its
    most mentioned place (its country field carries the state)."""
    places = [(k, e) for k, e in enumerate(doc.entities) if e.type == "GPE" and e.country == country]
    for k, e in places:
        if e.kb_id == country:
            return k
    return max(places, key=lambda p: len(p[1].mentions))[0] if places else None


def people_entity(doc: Document, country: str) -> int | None:
    """The entity that stands for a state's people (NORP: العراقيون، الشعب المصري), if named."""
    return next((k for k, e in enumerate(doc.entities) if e.type == "NORP" and e.country == country), None)


def _owned(doc: Document, m: Mention) -> bool:
    """Whether an agent is an indefinite noun completed by words no entity covers («وزراء خارجية
    دول»، «طائرات التحالف»): its owner is named, just not resolved, so it is not the home state's."""
    nxt = m.last
    if nxt >= len(doc.tokens) or doc.tokens[nxt].kind != "word":
        return False
    word = surface(doc, doc.tokens[nxt])
    # (a count after it opens the verb's object: «اعتقلت وحدات خاصة ثلاثة عناصر»)
    return (word not in PREPOSITIONS and word.lstrip("و") not in lexicon.number_words()
            and construct_agent(doc, nxt - 1))


#: How many sentences back a generic agent looks for the same agent told with its state
#: («قوات الأمن التركية … قوات الأمن»), and an event told with no place for the place of the
#: last event placed before it.
LOCAL_REACH = 3


def recent_place(located: list[tuple[int, str | None]], sentence: int) -> tuple[bool, str | None]:
    """Whether an event placed within LOCAL_REACH sentences before ``sentence`` exists, and the
    country of the last one (None when its place has no known country): a story that moves to
    another state («إلى ذلك، قتل … قرب بلدة شيلوبي») goes on there until it names another place."""
    for at, country in reversed(located):
        if sentence - at > LOCAL_REACH:
            break
        return True, country
    return False, None


def _told_state(doc: Document, m: Mention, named: list[Mention]) -> int | None:
    """The state a generic agent was last told acting for, within LOCAL_REACH sentences: the same
    agent named with its state before it («قوات الأمن التركية … عناصر من قوات الأمن»)."""
    here = doc.sentence_of(m.span.start) or 0
    words = fold(doc.span_text(m.span))
    for other in reversed(named):
        # The same words, not just the same kind: «الاحتلال البريطاني» is no earlier «الجيش».
        if (other.span.start >= m.span.start or other.concept != m.concept or other.entity is None
                or not fold(doc.span_text(other.span)).startswith(words + " ")):
            continue
        if here - (doc.sentence_of(other.span.start) or 0) > LOCAL_REACH:
            return None
        if doc.entities[other.entity].country:
            return other.entity
    return None


def domestic(doc: Document, actors: tuple[Actor, ...], agents: dict[tuple[int, int], Mention],
             country: str | None, named: list[Mention] | None = None) -> tuple[Actor, ...]:
    """Generic agents that name no state (الشرطة، المتظاهرون، الحكومة) act for the state the same
    agent was just told with (``named``: agents with their state, in text order), else for
    ``country`` (where the event happened, else the article's home state); armed groups of no
    state and titles of another state's official (نظيره) keep none."""
    state = state_entity(doc, country) if country is not None else None
    codes = _agent_codes()
    # A title beside a named person is that person's («الرئيس … ماكرون»): the person gives the state.
    person = any(a.entity is not None and doc.entities[a.entity].type == "PER" for a in actors)
    out: list[Actor] = []
    for a in actors:
        m = agents.get((a.span.start, a.span.end))
        if (a.entity is None and m is not None and m.concept is not None and not m.refs
                and not (person and m.concept == "officials")
                and codes.get(m.concept) not in STATELESS_CODES and not _owned(doc, m)
                and not foreign_words() & set(fold(doc.span_text(a.span)).split()) and not _foreign_after(doc, m)):
            fixed = agent_states().get(m.concept)
            owner = (state_of(doc, fixed) if fixed else _told_state(doc, m, named) if named else None)
            if owner is None and fixed is None and state is not None and country is not None:
                people = people_entity(doc, country) if codes.get(m.concept) in PEOPLE_CODES else None
                owner = state if people is None else people
            if owner is not None:
                a = Actor(a.span, owner)
        out.append(a)
    return tuple(out)
