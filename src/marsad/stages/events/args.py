"""Read an event's source, target and location from the actors around its trigger.

Actors are entity mentions (from the ``entities`` stage) and generic agents (الشرطة، المتظاهرون)
from ``data/events/agents.tsv``.  Arabic news clauses are verb-subject-object or subject-verb-
object: the subject is the first bare actor right after the verb, else the actors just before
it; the target is the object or the actor after the trigger's preposition (زار X، هاجم X، إلى X).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from marsad.core.document import Actor, Document, Span
from marsad.stages.entities import kb
from marsad.stages.events import lexicon
from marsad.stages.events.detect import Candidate, surface, variants, word_keys
from marsad.text.keys import fold, folded_words
from marsad.text.resources import load_yaml

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
#: How many sentences back a dual noun (الزعيمان) looks for the two states it refers to.
PAIR_LOOKBACK = 2
#: Most tokens between a generic actor and the cue naming its members (وزراء خارجية دول من بينها).
INCLUSION_REACH = 4
#: Standalone prepositions that may introduce an actor (folded).
PREPOSITIONS = frozenset(fold(p) for p in (
    "إلى", "على", "مع", "ضد", "في", "من", "عن", "بين", "باتجاه", "نحو", "لدى", "عبر", "تجاه", "حول", "بشأن",
    "ضمن", "عند", "مقابل", "بحق", "داخل", "قرب", "أمام"))
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
#: Entity types that are places only: a square or a region never acts (a state, GPE, may).
NON_ACTOR_TYPES = frozenset({"LOC", "FAC"})
STATE_TYPES = frozenset({"GPE", "NORP"})


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention: where it is, which entity it is (if any), and the preposition before it."""

    span: Span
    first: int  # first token index
    last: int  # index past the last token
    entity: int | None
    etype: str | None
    prep: str | None
    conj: bool  # starts with و: coordinated with the actor before it
    agent: bool = False  # a generic agent or title (الشرطة، الرئيس المصري), not a named entity
    refs: tuple[int, ...] = ()  # entities a dual noun (الزعيمان، البلدين) stands for
    concept: str | None = None  # the generic agent's concept (officials, police…)


@lru_cache(maxsize=16)
def cue_words(key: str) -> frozenset[str]:
    """The folded word list ``key`` of data/events/actor_cues.yaml."""
    return folded_words(load_yaml(lexicon.ACTOR_CUES), key, lexicon.ACTOR_CUES)


def _token_at(starts: list[int], offset: int) -> int:
    k = bisect.bisect_right(starts, offset) - 1
    return max(k, 0)


def _prep_of(doc: Document, first: int, span: Span, nisba: bool = False) -> tuple[str | None, bool]:
    """The preposition introducing a mention (clitic or standalone) and whether it starts with و;
    a ``nisba`` adjective takes the one of the definite noun it qualifies (بالهجمات التركية: ب)."""
    tok = doc.tokens[first]
    word = surface(doc, tok)
    # Clitics left outside the mention, else those the tokenizer split off inside it.
    lead = fold(doc.text[tok.start:span.start]) or "".join(
        word[a:b] for a, b, role in tok.pieces if role in ("conj", "prep"))
    conj = lead[:1] in ("و", "ف")
    clitic = lead.lstrip("وف")
    if clitic[:1] in ("ب", "ل", "ك"):
        return clitic[:1], conj
    prep = _prep_before(doc, first, own_clitic=False)  # the mention's own clitics are read above
    if prep == "من" and first >= 2 and surface(doc, doc.tokens[first - 2]).lstrip("وف") in lexicon.partitives():
        # «استنكر عدد من المسؤولين»: the group counted is the subject, not a "from" phrase; after
        # a preposition it is that preposition's («أطلق النار على عناصر من الشرطة»: على).
        return _prep_before(doc, first - 2), conj or surface(doc, doc.tokens[first - 2])[:1] in ("و", "ف")
    if prep is None and nisba and not conj and _qualifies(doc, first):
        # «رحب بالهجمات التركية»: the state whose attacks are welcomed is the object.
        return _prep_before(doc, first - 1), conj
    head = _place_head(doc, first)
    if prep is None and head is not None:
        # «في العاصمة البلجيكية بروكسل»: the name takes the preposition of the noun it explains.
        return _prep_before(doc, head), conj
    if (prep is not None or first < 2 or not _is_construct_head(doc, first - 1)
            or word_keys_in(doc, first - 1, lexicon.status_cues()["complementizers"])):
        # «إضافة إلى أن كيري بحث»: أن is no noun a name completes, so إلى is not the name's.
        return prep, conj
    # A name completing a prepositional phrase is introduced by its preposition: «بسلف كيم» (ب).
    # (كـ is left out: the tokenizer reads the ك of verbs such as وكانت as one.)
    prep = _prep_before(doc, first - 1)
    return (None if prep == "ك" else prep), conj


def _qualifies(doc: Document, first: int) -> bool:
    """Whether a nationality at token ``first`` qualifies the definite noun right before it, that
    noun carrying or following a preposition («بالهجمات التركية»، «على المواقع الإسرائيلية»)."""
    if first < 1 or doc.tokens[first - 1].kind != "word":
        return False
    word = surface(doc, doc.tokens[first - 1]).lstrip("وف")
    # (not after من: «نخبة من الفنانين المغاربة» counts a group, which may be the object)
    return word.startswith(("ال", "بال", "لل", "كال")) and _prep_before(doc, first - 1) not in (None, "من")


def _place_head(doc: Document, first: int) -> int | None:
    """The place noun a name stands in apposition to («العاصمة (البلجيكية) بروكسل»), if any."""
    heads = lexicon.place_heads()
    for back in (1, 2):
        k = first - back
        if k < 1 or doc.tokens[k].kind != "word":
            return None
        word = surface(doc, doc.tokens[k]).lstrip("وف")
        if word in heads:
            return k
        if back == 2 or not word.endswith(("ي", "يه")):
            return None
    return None


def _is_construct_head(doc: Document, k: int) -> bool:
    """Whether token ``k`` is an indefinite noun that a following name completes (سلف، شرق)."""
    tok = doc.tokens[k]
    # A noun with ال or a pronoun suffix (بنظيره) cannot be completed by a following name.
    return (tok.kind == "word" and not surface(doc, tok).lstrip("وف").startswith(("ال", "لل"))
            and not any(role == "pron" for _, _, role in tok.pieces))


def construct_agent(doc: Document, k: int) -> bool:
    """Whether agent word ``k`` heads a construct another agent completes (وزير الداخلية): an
    indefinite noun without the dual or plural ن, which a construct head drops."""
    return _is_construct_head(doc, k) and not surface(doc, doc.tokens[k]).endswith(("ون", "ان", "ين"))


def _prep_before(doc: Document, first: int, own_clitic: bool = True) -> str | None:
    """The preposition on (``own_clitic``) or just before token ``first``: a clitic ب/ل/ك or a
    standalone word."""
    tok = doc.tokens[first]
    word = surface(doc, tok)
    clitic = "".join(word[a:b] for a, b, role in tok.pieces if role == "prep") if own_clitic else ""
    if clitic[:1] in ("ب", "ل", "ك"):
        return clitic[:1]
    if first > 0 and doc.tokens[first - 1].kind == "word":
        prev = surface(doc, doc.tokens[first - 1])
        bare = prev[1:] if prev[:1] in ("و", "ف") and prev[1:] in PREPOSITIONS else prev
        if bare in PREPOSITIONS:
            # «كل من موسكو وبيونغ يانغ» is "both Moscow and Pyongyang", not "from Moscow".
            if bare == "من" and first > 1 and surface(doc, doc.tokens[first - 2]) in ("كل", "وكل"):
                return None
            return bare
    return None


def _entity_mentions(doc: Document) -> list[Mention]:
    out: list[Mention] = []
    starts = [t.start for t in doc.tokens]
    for idx, ent in enumerate(doc.entities):
        for span in ent.mentions:
            first = _token_at(starts, span.start)
            last = _token_at(starts, max(span.end - 1, span.start)) + 1
            prep, conj = _prep_of(doc, first, span, nisba=ent.type == "NORP")
            etype = "FAC" if _after_facility(doc, first, span) else ent.type
            out.append(Mention(span, first, last, idx, etype, prep, conj))
    return out


def _after_facility(doc: Document, first: int, span: Span) -> bool:
    """Whether a name follows a noun naming a square, street or building (ميدان التحرير، شارع
    الرشيد): it is that place, whatever type the entities stage gave it (a person's name often
    names a square)."""
    tok = doc.tokens[first]
    if span.start > tok.start:
        return False  # the name is glued to a clitic of its own token (بالحبوبي): no head before it
    return first > 0 and doc.tokens[first - 1].kind == "word" and word_keys_in(
        doc, first - 1, cue_words("facility_heads"))


def _agent_at(doc: Document, i: int) -> tuple[int, str] | None:
    """Index past the last token of a generic agent starting at token ``i`` and its concept, or None."""
    index = lexicon.agent_index()
    best: tuple[int, str] | None = None
    for form, _ in variants(surface(doc, doc.tokens[i])):
        for words, agent in index.get(form, ()):
            j = i + 1
            for w in words[1:]:
                if j >= len(doc.tokens) or surface(doc, doc.tokens[j]) != w:
                    break
                j += 1
            else:
                if best is None or j > best[0]:
                    best = (j, agent.concept)
    return best


def _pair_refs(doc: Document, ents: list[Mention], start: int) -> tuple[int, ...]:
    """The two states named last before ``start`` (within PAIR_LOOKBACK sentences) that a dual noun
    such as «الزعيمان» or «البلدين» stands for; () when there are not two."""
    here = doc.sentence_of(start) or 0
    first_offset = doc.sentences[max(here - PAIR_LOOKBACK, 0)].start if doc.sentences else 0
    seen: dict[str, int] = {}
    for m in sorted(ents, key=lambda m: -m.span.start):
        if m.span.start >= start or m.span.start < first_offset or m.entity is None:
            continue
        country = doc.entities[m.entity].country
        if country and country not in seen:
            seen[country] = m.entity
            if len(seen) == 2:
                return tuple(seen.values())
    return ()


def _clitic_length(doc: Document, i: int) -> int:
    """Characters of conjunction and preposition clitics at the start of token ``i`` (ودول → 1):
    an actor's span starts at its noun."""
    tok = doc.tokens[i]
    word = surface(doc, tok)
    if word.lstrip("وف").startswith("لل"):
        # ل + ال drops the article's alef: cutting ل would leave a broken word (لحكومة).
        return len(word) - len(word.lstrip("وف"))
    if tok.pieces:
        return sum(b - a for a, b, role in tok.pieces if role in ("conj", "prep"))
    for form, _ in variants(word):
        if form in lexicon.agent_index() and word.endswith(form):
            return len(word) - len(form)
    return 0


def _state_after(doc: Document, i: int, end: int, by_first: dict[int, Mention], office: bool = False
                 ) -> Mention | None:
    """A demonym or state mention right after a generic agent (الشرطة العراقية، قوات الاحتلال الإسرائيلي),
    or any name completing an indefinite one (قوات الحوثيين، قادة الحوثيين، أنصار صالح)."""
    m = by_first.get(end)
    if m is None and _bare_nisba(doc, end):
        # A nisba no entity covers may stand between the agent and its state: «السلطات الكردية
        # العراقية» (the Kurdish authorities of Iraq).
        nxt = by_first.get(end + 1)
        return nxt if nxt is not None and nxt.etype in STATE_TYPES and nxt.prep is None and not nxt.conj else None
    if (m is None and office and end - i == 1 and _is_construct_head(doc, i) and _is_construct_head(doc, end)
            and not surface(doc, doc.tokens[end]).endswith(("ى", "ي"))):
        # An office completed by its department and then its state: «وزير خارجية روسيا» (not an
        # adjective: «دول أخرى إسرائيل»).
        m = by_first.get(end + 1)
        return m if m is not None and m.etype == "GPE" and not m.conj and m.prep is None else None
    if m is not None and office and m.prep == "ل" and m.etype == "ORG" and not m.conj:
        return m  # the office of an organisation: «الأمين العام للأمم المتحدة»
    if m is None or _prep_before(doc, m.first) is not None or _definite_before_name(doc, end - 1, m):
        return None
    construct = end - i == 1 and _is_construct_head(doc, i)
    return m if m.etype in STATE_TYPES or (construct and not m.conj) else None


def _nisba_state(doc: Document, end: int, covered: set[int]) -> Mention | None:
    """The state a nationality adjective right after a generic agent names when the entities stage
    left it untagged («قوات الأمن التركية»، «السلطات الكردية العراقية»: one stateless nisba may
    stand between), as a mention of the entity that stands for that state in the article; None
    when the article names no such state."""
    for k in (end, end + 1):
        if k >= len(doc.tokens) or k in covered or not _bare_nisba(doc, k):
            return None
        iso3 = kb.load().demonyms.get(kb.name_key(surface(doc, doc.tokens[k])))
        if iso3 is not None:
            ent = _state_of(doc, iso3)
            tok = doc.tokens[k]
            return None if ent is None else Mention(Span(tok.start, tok.end), k, k + 1, ent,
                                                    doc.entities[ent].type, None, False)
    return None


def _state_of(doc: Document, iso3: str) -> int | None:
    """The entity standing for state ``iso3`` in the article: the state itself, else a mention
    of its nationality."""
    ranked = sorted((e.kb_id != iso3, e.type != "GPE", k) for k, e in enumerate(doc.entities)
                    if e.type in STATE_TYPES and e.country == iso3)
    return ranked[0][2] if ranked else None


def _bare_nisba(doc: Document, k: int) -> bool:
    """Whether token ``k`` is a definite nisba adjective (الكردية، المحلي)."""
    if k >= len(doc.tokens) or doc.tokens[k].kind != "word":
        return False
    word = surface(doc, doc.tokens[k])
    return word.startswith("ال") and word.endswith(("ي", "ية", "يه")) and len(word) > 5


def _definite_before_name(doc: Document, k: int, m: Mention) -> bool:
    """Whether a definite agent word (الوزير) stands before a state's name rather than its nisba
    adjective: «اتهم الوزير إيران» is subject and object, «الشرطة العراقية» one actor."""
    word = surface(doc, doc.tokens[k]).lstrip("وف")
    name = surface(doc, doc.tokens[m.first]).lstrip("وف")
    return (m.etype == "GPE" and word.startswith(("ال", "لل"))
            and not name.endswith(("ي", "ية", "يه", "يين", "يون")))


def find_mentions(doc: Document) -> list[Mention]:
    """Entity mentions and generic agents of the document, in text order, without overlaps."""
    ents = _entity_mentions(doc)
    covered = {k for m in ents for k in range(m.first, m.last)}
    by_first = {m.first: m for m in ents}
    out = list(ents)
    i = 0
    while i < len(doc.tokens):
        if doc.tokens[i].kind != "word" or i in covered:
            i += 1
            continue
        found = _agent_at(doc, i)
        if found is None or any(k in covered for k in range(i, found[0])):
            i += 1
            continue
        end, concept = found
        # An agent qualified by another of its kind is one actor («مفجر انتحاري»، «مسلحون مجهولون»),
        # and so is an indefinite one completed by another («وزير الداخلية»، «قائد الشرطة»).
        while end < len(doc.tokens) and end not in covered and doc.tokens[end].kind == "word":
            more = _agent_at(doc, end)
            if more is None or surface(doc, doc.tokens[end])[:1] in "وف" \
                    or any(k in covered for k in range(end, more[0])) \
                    or not (more[1] == concept or construct_agent(doc, end - 1)):
                break
            end = more[0]
        # A generic agent acts for the state named right after it: the actor spans both and points
        # to that state's entity, so its country is reachable («الشرطة العراقية» → IRQ).
        state = _state_after(doc, i, end, by_first, office=concept == "officials")
        if state is None and concept != "pair":
            state = _nisba_state(doc, end, covered)
        span_end = state.span.end if state else doc.tokens[end - 1].end
        last = state.last if state else end
        span = Span(doc.tokens[i].start + _clitic_length(doc, i), span_end)
        prep, conj = _prep_of(doc, i, span)
        refs = _pair_refs(doc, ents, span.start) if concept == "pair" and state is None else ()
        out.append(Mention(span, i, last, state.entity if state else None,
                           state.etype if state else None, prep, conj, agent=True, refs=refs,
                           concept=concept))
        if state is not None and state in out:
            out.remove(state)
        i = last
    starts = [t.start for t in doc.tokens]
    out.extend(_reference_mentions(doc, {k for m in out for k in range(m.first, m.last)}, starts))
    out.sort(key=lambda m: (m.span.start, -m.span.end))
    return _apposed_preps(doc, out)


def _apposed_preps(doc: Document, ms: list[Mention]) -> list[Mention]:
    """A name apposed to a title after a preposition is in that phrase too: «الموالي للرئيس هادي»,
    «مع الرئيس السيسي» (not a bare subject)."""
    for k in range(len(ms) - 1):
        head, nxt = ms[k], ms[k + 1]
        # (only a preposition on or right before the title: «في حضور وزير الخارجية X» puts the
        # title in a construct, and X may still be the subject of a relative clause after it)
        if (head.agent and head.prep is not None and nxt.prep is None
                and _prep_before(doc, head.first) is not None and apposition(doc, head, nxt)):
            ms[k + 1] = dataclasses.replace(nxt, prep=head.prep)
    return ms


def _reference_mentions(doc: Document, covered: set[int], starts: list[int]) -> list[Mention]:
    """Titles, honorific pronouns and body nouns (``doc.references``) that no entity or agent
    covers, as actors of the entity they stand for: «وأكد معاليه …», «وأعلنت الوزارة …».  A title
    or body noun is an agent (a name may follow it in apposition); a pronoun is the person."""
    out: list[Mention] = []
    for ref in doc.references:
        first = _token_at(starts, ref.span.start)
        last = _token_at(starts, max(ref.span.end - 1, ref.span.start)) + 1
        if any(k in covered for k in range(first, last)) or not 0 <= ref.entity < len(doc.entities):
            continue
        prep, conj = _prep_of(doc, first, ref.span)
        out.append(Mention(ref.span, first, last, ref.entity, doc.entities[ref.entity].type, prep, conj,
                           agent=ref.kind != "pronoun"))
    return out


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


def apposition(doc: Document, head: Mention, nxt: Mention) -> bool:
    """A title followed by the name it introduces: «الرئيس المصري عبد الفتاح السيسي»; one nisba
    adjective (ending in ي/ية: الفرنسي، الروسية) may sit between them when no entity covers it."""
    if not (head.agent and not nxt.agent and nxt.etype in ("PER", "ORG") and nxt.prep in (None, head.prep)
            and not nxt.conj) or _agent_at(doc, nxt.first) is not None:
        # A name that opens with a title of its own («الرئيس الفرنسي») is the next actor, not
        # the name of the title before it («خادم الحرمين الشريفين»).
        return False
    gap = head.last
    # Courtesy words part a title from its name: «وزير الخارجية الأستاذ عادل الجبير».
    while gap < nxt.first and surface(doc, doc.tokens[gap]) in lexicon.honorifics():
        gap += 1
    if nxt.first == gap:
        return True
    return nxt.first == gap + 1 and surface(doc, doc.tokens[gap]).endswith(("ي", "يه"))


def _described(group: list[Mention], nxt: Mention) -> Mention | None:
    """The person an office right after the group describes, without a state of its own:
    «الأمير محمد بن نايف ولي العهد وزير الداخلية» (the titles are his, not the verb's object)."""
    person = next((m for m in reversed(group) if m.etype == "PER" and m.entity is not None), None)
    if person is None or not (nxt.agent and nxt.entity is None and nxt.concept == "officials"
                              and nxt.prep is None and not nxt.conj and nxt.first == group[-1].last):
        return None
    return person if group[-1] is person or group[-1].entity == person.entity else None


def _group_forward(doc: Document, ms: list[Mention], k: int) -> list[Mention]:
    """Mention ``k``, its apposed name, the offices describing it, and the mentions coordinated
    after it by و (موسكو وبيونغ يانغ)."""
    group = [ms[k]]
    while k + 1 < len(ms):
        nxt = ms[k + 1]
        person = _described(group, nxt)
        # An office followed by a name of its own is the next person («… وزير الخارجية جون كيري»).
        if person is not None and not (k + 2 < len(ms) and apposition(doc, nxt, ms[k + 2])):
            k += 1
            group.append(dataclasses.replace(nxt, entity=person.entity, etype="PER"))
            continue
        if not (apposition(doc, group[-1], nxt) or (nxt.conj and nxt.prep is None
                                                 and nxt.first - group[-1].last <= 2)):
            break
        k += 1
        group.append(nxt)
    return group


def _group_backward(ms: list[Mention], k: int) -> list[Mention]:
    """Mention ``k`` and the mentions coordinated before it (أمريكا وكوريا الجنوبية ودول أخرى)."""
    group = [ms[k]]
    while k > 0 and group[0].conj and ms[k - 1].prep is None and group[0].first - ms[k - 1].last <= 2:
        k -= 1
        group.insert(0, ms[k])
    return group


@dataclass(frozen=True, slots=True)
class Arguments:
    source: tuple[Mention, ...]
    target: tuple[Mention, ...]
    location: Mention | None
    #: The clause names a subject that no entity or agent covers (ويحمّل التقرير …): the source is
    #: unknown, not dropped, so no earlier subject or speaker stands in for it.
    unnamed: bool = False


def find_arguments(doc: Document, cand: Candidate, mentions: list[Mention], c_lo: int, c_hi: int
                   ) -> Arguments:
    """Source, target and location of a trigger whose clause spans tokens ``[c_lo, c_hi)``."""
    after = [m for m in mentions if cand.last <= m.first < c_hi]
    before = [m for m in mentions if c_lo <= m.first and m.last <= cand.first]
    unnamed = _unnamed_subject(doc, cand, after)
    source = [] if unnamed else _subject(doc, cand, before, after, c_lo)
    used = {m.span for m in source}
    # The object follows the subject in VSO: the window opens after the subject's titles.
    opens = source[-1].last if source and source[0] in after else cand.last
    rest = [m for m in after if m.span not in used and cand.last <= m.first and m.first - opens <= TARGET_WINDOW]
    if source and source[0] in after:
        rest = [m for m in rest if m.first >= source[-1].last]
    target = _object(doc, cand, source, after, rest, opens)
    if source and source[0] in before and _victims(doc, cand, source[0]):
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
        source, target = doer, (source or [m for m in target if m.span not in {d.span for d in doer}])
    if not source and cand.trigger.kind == "N":
        # «هجوم انتحاري نفذته امرأة», «الضربات الجوية الأميركية»: the noun's doer told after it.
        source = _noun_doer(doc, cand, after) or _sufferer(doc, cand, mentions, c_lo, "perform")
        target = [m for m in target if m.span not in {s.span for s in source}]
    # A square or region named where the subject stands («يشهد ميدان الحبوبي مظاهرة») is where it
    # happens, not who acts.
    source = [m for m in source if m.etype not in NON_ACTOR_TYPES]
    used = {m.span for m in (*source, *target)}
    after_target = [m.first for m in target if m.first >= cand.last]
    stop = _relative_after(doc, cand, c_hi)
    location = _location(cand, mentions, c_lo, c_hi if stop is None else stop, used,
                         min(after_target) if after_target else None)
    return Arguments(tuple(source), tuple(target), location, unnamed and not source)


def _subject(doc: Document, cand: Candidate, before: list[Mention], after: list[Mention], c_lo: int
             ) -> list[Mention]:
    """The trigger's subject: the bare actor after a verb (VSO) or right before it (SVO), or the
    subject of the light verb before a verbal noun."""
    verb = cand.trigger.kind == "V"
    bare = [k for k, m in enumerate(before) if m.prep is None]
    # A bare actor right before a verb is a subject-verb-object subject (أمريكا … تتهم كوريا الشمالية).
    topic = bool(bare) and verb and cand.first - before[bare[-1]].last <= 1 and bare[-1] == len(before) - 1
    gap = SUBJECT_GAP if verb else 1
    if verb and not topic and _plural_verb(doc, cand):
        # «إن متمردي الحزب … هاجموا عناصر من قوات الأمن»: a verb agreeing in the plural has its
        # subject before it (the clause's topic); the bare actor after it is its object.
        opening = bare and before[bare[0]].first - c_lo <= 1
        return _group_forward(doc, before, bare[0]) if opening else []
    if (not topic and after and after[0].prep is None and _words_between(doc, cand.last, after[0].first) <= gap
            and not _counted(doc, cand, after[0])
            and (verb or not (governed(doc, cand) or _patient_genitive(cand)))):
        if verb and _unnamed_topic(doc, cand, before):
            return []  # «أن المملكة ستدعم اليمن»: a subject no entity covers; اليمن is the object
        return _partitive_owner(doc, after) or _group_forward(doc, after, 0)
    if bare and (verb or (cand.first - before[bare[-1]].last <= NOUN_SUBJECT_GAP
                          and _prep_before(doc, cand.first) is None)):
        # A noun inside a prepositional phrase («وقال الكرملين في زيارة») is not the object of the
        # verb before it, so that verb's subject is not its source.
        return _group_backward(before, bare[-1])
    return []


def _patient_genitive(cand: Candidate) -> bool:
    """Whether the name right after a verbal noun is its object: nouns whose target is first the
    direct object (اغتيال الأمين العام، اعتقال الصحفي، قصف المدينة), unlike زيارة بوتين."""
    return cand.trigger.kind == "N" and cand.trigger.target[:1] == ("obj",)


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
    return _group_forward(doc, after, 1)


def _plural_verb(doc: Document, cand: Candidate) -> bool:
    """Whether a verb trigger carries a plural or dual subject suffix (هاجموا، يهاجمون، هاجمتا):
    Arabic puts a verb in the plural or dual only when its subject stands before it or is a pronoun."""
    if cand.last - cand.first != 1:
        return False
    word = surface(doc, doc.tokens[cand.first])
    # The suffix must sit on a listed form: يتعاون ends in ون but is singular (يتعا+ون is no verb).
    forms = {fold(f) for f in cand.trigger.forms}
    return any((form.endswith(("وا", "ون", "تا", "ان")) and form[:-2] in forms)
               or (form.endswith("ا") and len(form) > 4 and form[:-1] in forms) for form, _ in variants(word))


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
    if (cand.trigger.kind != "V" or not after or after[0].first != k + 1 or after[0].prep is not None
            or after[0].conj or (after[0].etype in ("NORP", "PER") and not after[0].agent)
            or doc.tokens[k].kind != "word"):
        # (a definite noun before a person's name is a title: «فقتلت المدرس هاني نعيم»)
        return False
    word = surface(doc, doc.tokens[k]).lstrip("وف")
    skip = lexicon.noun_context()["time_words"] | lexicon.status_cues()["relatives"] | lexicon.honorifics()
    return (word.startswith("ال") and len(word) > 4 and word not in skip and not word_keys_in(doc, k, skip)
            and not word.endswith(("ي", "يه")))


def _unnamed_topic(doc: Document, cand: Candidate, before: list[Mention]) -> bool:
    """A definite noun right before the verb, opening its clause and covered by no mention, is its
    subject (subject-verb-object): the actor after the verb is then its object."""
    k = cand.first - 1
    if k < 0 or doc.tokens[k].kind != "word" or any(m.first <= k < m.last for m in before):
        return False
    word = surface(doc, doc.tokens[k]).lstrip("وف")
    skip = lexicon.noun_context()["time_words"] | lexicon.status_cues()["relatives"]
    return word.startswith("ال") and word not in skip and not word_keys_in(doc, k, skip)


def word_keys_in(doc: Document, k: int, words: frozenset[str]) -> bool:
    """Whether token ``k``, clitics off, is one of ``words``."""
    return not words.isdisjoint(word_keys(doc, doc.tokens[k]))


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
            return _group_forward(doc, rest, hit)
    return []


def _owner_of_object(doc: Document, m: Mention, start: int) -> bool:
    """A name after ل owning the indefinite object right after the verb or its subject (a word of
    the subject's phrase may stand between): «قصفت مواقع للحوثيين», «هاجموا مركزا للشرطة» (the
    owner is the target)."""
    head = m.first - 1
    # (or right after the comma that closes the verb's time frame: «رفضت في مطلع يونيو (حزيران)،
    # تقريرا للأمم المتحدة»; see widened)
    near = 0 <= head - start <= 1 or (head - start > 1 and head > 0 and _comma(doc, head - 1))
    return (m.prep == "ل" and near and doc.tokens[head].kind == "word"
            and _is_construct_head(doc, head))


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
            return [] if hit is None else _group_forward(doc, after, hit)
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
    cues = lexicon.doer_verbs()
    firsts = {cue[0] for cue in cues}
    for k in range(cand.last, min(cand.last + DOER_VERB_GAP + 1, len(doc.tokens))):
        if doc.tokens[k].kind != "word" or surface(doc, doc.tokens[k]).lstrip("و") not in firsts:
            continue
        for cue in cues:
            end = k + len(cue)
            if end <= len(doc.tokens) and tuple(surface(doc, doc.tokens[j]).lstrip("و")
                                                for j in range(k, end)) == cue:
                hit = next((i for i, m in enumerate(after) if m.first == end and m.prep is None), None)
                return [] if hit is None else _group_forward(doc, after, hit)
    return []


def _sufferer(doc: Document, cand: Candidate, mentions: list[Mention], c_lo: int, key: str = "suffer"
              ) -> list[Mention]:
    """For a verbal noun after a verb such as تعرض (``key`` suffer) or قام بـ (perform), the actor
    that verb's subject names."""
    if cand.trigger.kind != "N":
        return []
    suffer = lexicon.actor_verbs()[key]
    verb = next((k for k in range(cand.first - 1, max(c_lo, cand.first - SUFFER_REACH) - 1, -1)
                 if doc.tokens[k].kind == "word" and word_keys_in(doc, k, suffer)), None)
    if verb is None:
        return []
    # (the doer of قام بـ is bare; what تعرض befalls may be owned: «تعرضت دورية للشرطة لهجوم»)
    between = [m for m in mentions if verb < m.first and m.last <= cand.first
               and (key == "suffer" or m.prep is None)]
    if between:
        return [between[0]]
    ahead = [m for m in mentions if c_lo <= m.first and m.last <= verb and m.prep is None]
    return [ahead[-1]] if ahead and verb - ahead[-1].last <= 1 else []


def find_speakers(doc: Document, mentions: list[Mention], ranges: list[tuple[int, int]]
                  ) -> list[list[tuple[int, tuple[Mention, ...]]]]:
    """Per sentence, each speech verb (قال، أكد…) with its speaker: the bare actor after it (VSO) or
    right before it; a speech verb without one («وأضاف أن…») keeps the speaker told last."""
    speech = lexicon.actor_verbs()["speech"]
    firsts = [m.first for m in mentions]
    out: list[list[tuple[int, tuple[Mention, ...]]]] = []
    last: tuple[Mention, ...] = ()
    for lo, hi in ranges:
        found: list[tuple[int, tuple[Mention, ...]]] = []
        for k in range(lo, hi):
            if doc.tokens[k].kind != "word" or not word_keys_in(doc, k, speech):
                continue
            near = mentions[bisect.bisect_left(firsts, max(lo, k - SUBJECT_GAP * 4)):
                            bisect.bisect_left(firsts, min(k + 2 + SUBJECT_GAP, hi))]
            ahead = [m for m in near if k < m.first]
            behind = [m for m in near if lo <= m.first and m.last <= k and k - m.last <= 1]
            if ahead and ahead[0].prep is None and ahead[0].first - k - 1 <= SUBJECT_GAP:
                last = tuple(_group_forward(doc, ahead, 0))
            elif behind and behind[-1].prep is None:
                last = (behind[-1],)
            found.append((k, last))
        out.append(found)
    return out


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
            return [dataclasses.replace(m, prep=None) for m in _group_forward(doc, rest, hit)]
    return []


#: Agent concepts that name people attacks befall (CAMEO civilians), not who attacks.
VICTIM_CONCEPTS = frozenset({"civilians"})


def _victims(doc: Document, cand: Candidate, m: Mention) -> bool:
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


def _counted(doc: Document, cand: Candidate, m: Mention) -> bool:
    """A counted group right after an attack verb is its victims, the verb being passive
    (قُتل 21 شخصا، أصيب ثلاثة جنود): a number stands between the verb and the noun."""
    return cand.trigger.type == "ASSAULT" and any(
        doc.tokens[k].kind == "number" or surface(doc, doc.tokens[k]).lstrip("و") in lexicon.number_words()
        for k in range(cand.last, m.first))


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


def opening_subject(doc: Document, mentions: list[Mention], lo: int, stop: int) -> list[Mention]:
    """The subject of the verb opening a sentence (VSO: «وبحث رئيس الوزراء التركي أحمد داود أوغلو
    … في اتصال هاتفي مع …»): the bare actor within OPENING_SUBJECT tokens of its start, with its
    titles and coordinated names, ending before token ``stop``."""
    before = [m for m in mentions if lo <= m.first and m.last <= stop]
    if not before or before[0].prep is not None or before[0].first - lo > OPENING_SUBJECT:
        return []
    if before[0].first == lo or doc.tokens[lo].kind != "word":
        return []  # a sentence opening with a name is SVO; its verb comes later
    return _group_forward(doc, before, 0)


def widened(doc: Document, cand: Candidate, c_hi: int, hi: int, boundary: Callable[[int], bool]) -> int:
    """Where a verb's clause ends once a parenthesis and a comma right after its subject and time
    frame are passed over: «طلبت إريتريا اليوم (السبت)، من الأمم المتحدة التحقيق …» (the object
    follows the comma).  ``c_hi`` when the clause already holds more than that."""
    if cand.trigger.kind != "V" or c_hi - cand.last > WIDEN_GAP:
        return c_hi
    k = c_hi
    if k < hi and "(" in doc.text[doc.tokens[k].start:doc.tokens[k].end]:
        while k < hi and ")" not in doc.text[doc.tokens[k].start:doc.tokens[k].end]:
            k += 1
        k += 1
    if k < hi and doc.text[doc.tokens[k].start:doc.tokens[k].end] in ("،", ","):
        k += 1
    end = k
    while end < hi and not boundary(end):
        end += 1
    return end if end > k else c_hi


#: How many sentences back a plural pronoun (يدعمهم) looks for the group it stands for.
PRONOUN_LOOKBACK = 2
#: Agent concepts that name groups of people (a plural pronoun may stand for them however they are
#: written: الأهالي، السكان).
GROUP_CONCEPTS = frozenset({"protesters", "civilians"})
#: Endings of Arabic sound plurals (المتظاهرون، الحوثيين، القوات).
PLURAL_ENDINGS = ("ون", "ين", "ات")


def _plural_suffix(doc: Document, k: int) -> bool:
    """Whether token ``k`` carries a plural pronoun suffix (يدعمهم، مطالبهم)."""
    if k >= len(doc.tokens) or doc.tokens[k].kind != "word":
        return False
    tok = doc.tokens[k]
    word = surface(doc, tok)
    pron = "".join(word[a:b] for a, b, role in tok.pieces if role == "pron")
    return pron in cue_words("plural_pronouns")


def _group(doc: Document, m: Mention) -> bool:
    """Whether a mention names a group of people a plural pronoun can stand for."""
    if m.etype in ("PER", "GPE", "LOC", "FAC") or m.refs:
        return False
    if m.agent and m.concept in GROUP_CONCEPTS:
        return True
    return surface(doc, doc.tokens[m.last - 1]).endswith(PLURAL_ENDINGS)


def pronoun_target(doc: Document, cand: Candidate, mentions: list[Mention], source: tuple[Mention, ...]
                   ) -> list[Mention]:
    """The group a plural pronoun on a verb trigger («يدعمهم»، «استقبلهم») or on the object right
    after it («يؤيد مطالبهم») stands for, as the verb's target: the last group told before it,
    within PRONOUN_LOOKBACK sentences, other than the verb's own subject."""
    if cand.trigger.kind != "V" or "obj" not in cand.trigger.target:
        return []
    if not (_plural_suffix(doc, cand.last - 1) or _plural_suffix(doc, cand.last)):
        return []
    if not _pronoun_free(doc, cand, mentions):
        return []
    here = doc.sentence_of(cand.span.start) or 0
    floor = doc.sentences[max(here - PRONOUN_LOOKBACK, 0)].start if doc.sentences else 0
    spans = {m.span for m in source}
    ents = {m.entity for m in source if m.entity is not None}
    for m in reversed(mentions):
        if m.span.start >= cand.span.start or m.span in spans or (m.entity is not None and m.entity in ents):
            continue
        if m.span.start < floor:
            break
        if _group(doc, m):
            return [m]
    return []


def _pronoun_free(doc: Document, cand: Candidate, mentions: list[Mention]) -> bool:
    """Whether the word before a verb leaves its pronoun free to point back past it: a mention
    (its subject), a particle (أنه، لا، قد), punctuation or nothing; a bare noun right before
    it is the antecedent of a relative clause («أسرى تحتجزهم»)."""
    k = cand.first - 1
    if k < 0 or doc.tokens[k].kind != "word" or any(m.first <= k < m.last for m in mentions):
        return True
    word = surface(doc, doc.tokens[k])
    particles = cue_words("verb_particles") | cue_words("self_pronouns") | cue_words("continuations")
    return word in particles or word.lstrip("وف") in particles


#: Commas (Arabic and Latin) that open and close a parenthetical clause.
COMMAS = frozenset({"،", ","})


def _comma(doc: Document, k: int) -> bool:
    return doc.text[doc.tokens[k].start:doc.tokens[k].end] in COMMAS


def parenthesis_subject(doc: Document, cand: Candidate, mentions: list[Mention], lo: int, c_lo: int
                        ) -> list[Mention]:
    """The subject a plural verb left behind a parenthetical clause: «إن مقاتلي الحركة، الذين
    يسيطرون على …، هاجموا …» — the verb agrees with a subject before it, its clause opens right
    after the closing comma, and the subject is the bare actor right after the complementizer
    (OPENING_SUBJECT tokens at most) before the opening comma."""
    if cand.trigger.kind != "V" or c_lo != cand.first or c_lo < 2 or not _comma(doc, c_lo - 1):
        return []
    if not _plural_verb(doc, cand):
        return []
    opening = next((k for k in range(c_lo - 2, lo - 1, -1) if _comma(doc, k)), None)
    if opening is None:
        return []
    comps = lexicon.status_cues()["complementizers"]
    start = next((k + 1 for k in range(opening - 1, lo - 1, -1) if word_keys_in(doc, k, comps)), None)
    if start is None:
        return []
    before = [m for m in mentions if start <= m.first and m.last <= opening]
    if not before or before[0].prep is not None or before[0].conj or before[0].first - start > OPENING_SUBJECT:
        return []
    return [m for m in _group_forward(doc, before, 0) if m.etype not in NON_ACTOR_TYPES]
