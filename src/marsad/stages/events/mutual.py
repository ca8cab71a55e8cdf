"""Mutual events: talks and agreements told again without naming their parties.

A report of talks names the parties once («استقبل الرئيس المصري نظيره الفرنسي أمس») and then goes
on about the same meeting («وجرى خلال اللقاء بحث العلاقات الثنائية»، «وأكد الجانبان توافق وجهات
النظر»، «واتفق الرئيسان على …»).  PLOVER codes one event per type per sentence, and a meeting or an
agreement is mutual: each such sentence is a CONSULT or AGREE between the meeting's parties, all of
them on both sides.  Two steps, find then annotate:

- :func:`anaphor_candidates` adds a CONSULT trigger for a definite meeting noun («اللقاء»،
  «المباحثات») that its sentence does not otherwise report as an event, when talks were told
  within MEETING_REACH sentences before;
- :func:`inherit` gives the parties of the meeting told last (within MEETING_REACH sentences) to
  a mutual event whose sides name no party of their own: such an anaphoric noun, a dual noun
  (الوزيران، الجانبان، البلدين) or a shared-view phrase («توافق وجهات النظر») told bare.
  An added anaphor that finds no meeting to name is dropped.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache

from marsad.core.document import Actor, Document, Event, Span
from marsad.core.errors import DataError
from marsad.stages.entities import kb
from marsad.stages.events import lexicon
from marsad.stages.events.actors import foreign_words, mutual_concepts
from marsad.stages.events.detect import Candidate, sentence_tokens, surface, variants, word_keys
from marsad.text.keys import fold, folded_words
from marsad.text.resources import load_yaml

__all__ = ["ANAPHOR", "anaphor_candidates", "cues", "inherit", "meeting_parties"]

MUTUAL = "events/mutual.yaml"
#: Event types two parties do with each other; only these inherit or pass on a meeting's parties.
MUTUAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: Most sentences between a meeting (or the last sentence that went on about it) and a sentence
#: naming it again: a report of talks goes on about them in the next few sentences; further on, or
#: after other talks were told, «الاجتماع» is another meeting.  Set by hand on SaudiNewsNet and SPA
#: reports of meetings outside the devset.
MEETING_REACH = 3
#: Concept given to the CONSULT triggers this module adds: a definite meeting noun naming talks again.
ANAPHOR = "meeting_anaphor"
#: The trigger concept whose coding an anaphoric meeting noun takes (CONSULT 040, parties after مع/ب).
MEETING_CONCEPT = "meeting"
#: Possessive pronouns a meeting noun may carry when it names talks again (لقاؤهما، مباحثاته).
POSSESSIVES = ("ه", "ها", "هما", "هم")
#: Most words between a meeting noun and a relative pronoun describing it (اللقاء الثلاثي الذي …).
RELATIVE_REACH = 2


@dataclass(frozen=True, slots=True)
class Cues:
    """The word lists of ``data/events/mutual.yaml``, folded."""

    anaphors: frozenset[str]  # folded forms of a definite or possessed meeting noun (اللقاء، لقايهما)
    duals: frozenset[str]  # dual nouns standing for the two parties (الجانبان، الوزيرين)
    fresh: frozenset[str]  # words after a meeting noun that make it another meeting (المقبل)
    shared: frozenset[str]  # trigger concepts naming an act two parties share (views_agree)
    retold: frozenset[str]  # trigger concepts of talks told again (وتم بحث): dropped with no meeting to name


def _anaphor_forms(noun: str) -> set[str]:
    """Folded forms of a meeting noun that name talks already told: with ال, or with a possessive
    (a final hamza sits on ي before it: لقاء → لقائهما, folded لقايهما)."""
    f = fold(noun)
    stems = {f[:-1] + "ت" if f.endswith("ه") else f}
    if f.endswith("اء"):
        stems.add(f[:-1] + "ي")
        stems.add(f[:-1] + "و")
    return {"ال" + f} | {s + p for s in stems for p in POSSESSIVES}


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue lists, checked: every list of words present, shared concepts known triggers."""
    raw = load_yaml(MUTUAL)
    nouns = folded_words(raw, "meeting_nouns", MUTUAL)
    known = {t.concept for t in lexicon.triggers()}
    shared, retold = (_concept_list(raw, key, known) for key in ("shared_concepts", "retold_concepts"))
    return Cues(anaphors=frozenset(form for n in nouns for form in _anaphor_forms(n)),
                duals=folded_words(raw, "party_duals", MUTUAL), fresh=folded_words(raw, "fresh", MUTUAL),
                shared=shared, retold=retold)


def _concept_list(raw: dict[str, object], key: str, known: set[str]) -> frozenset[str]:
    """A list of trigger concepts of ``data/events/mutual.yaml``, each a concept of triggers.tsv."""
    value = raw.get(key)
    if not isinstance(value, list) or not all(isinstance(c, str) and c in known for c in value):
        raise DataError(f"data file marsad/data/{MUTUAL}: {key!r} must list concepts of {lexicon.TRIGGERS}")
    return frozenset(value)


def _meeting_trigger() -> lexicon.Trigger:
    trig = next((t for t in lexicon.triggers() if t.concept == MEETING_CONCEPT), None)
    if trig is None:
        raise DataError(f"data file marsad/data/{lexicon.TRIGGERS}: the concept {MEETING_CONCEPT!r} is missing")
    return dataclasses.replace(trig, concept=ANAPHOR)


def _is_anaphor(doc: Document, k: int, hi: int) -> bool:
    """Whether token ``k`` is a definite or possessed meeting noun not made a new one by the word
    after it («الاجتماع المقبل»)."""
    tok = doc.tokens[k]
    if tok.kind != "word" or not {v for v, _ in variants(surface(doc, tok))} & cues().anaphors:
        return False
    after = [surface(doc, doc.tokens[j]) for j in range(k + 1, min(k + 1 + RELATIVE_REACH, hi))
             if doc.tokens[j].kind == "word"]
    return not _another_meeting(after)


def _another_meeting(after: list[str]) -> bool:
    """Whether the folded words after a meeting noun make it a meeting other than the one told:
    a word such as المقبل right after it, or a relative clause describing it within RELATIVE_REACH
    words («المباحثات التي أجراها الأمير مع …»، «اللقاء الثلاثي الذي جمع …»)."""
    if after and {v for v, _ in variants(after[0])} & cues().fresh:
        return True
    relatives = lexicon.status_cues()["relatives"]
    return any({v for v, _ in variants(w)} & relatives for w in after[:RELATIVE_REACH])


def _vetoed(doc: Document, lo: int, hi: int) -> bool:
    """Whether the sentence's words give CONSULT another sense (a match: «اللقاء الودي»)."""
    veto = lexicon.senses().vetoes.get("CONSULT", frozenset())
    return any(doc.tokens[k].kind == "word" and word_keys(doc, doc.tokens[k]) & veto for k in range(lo, hi))


def anaphor_candidates(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """The trigger candidates with a CONSULT added on the first definite meeting noun of each
    sentence that has no CONSULT of its own and comes at most MEETING_REACH sentences after talks
    or an agreement (the text is still telling them) in an article that tells talks."""
    talks = sorted({c.sentence for c in cands if c.trigger.type in MUTUAL_TYPES})
    consults = {c.sentence for c in cands if c.trigger.type == "CONSULT"}
    if not consults:
        return cands
    named = {(m.start, m.end) for e in doc.entities for m in e.mentions}
    trig = _meeting_trigger()
    added: list[Candidate] = []
    for s, (lo, hi) in enumerate(sentence_tokens(doc)):
        if s in consults or not any(0 < s - t <= MEETING_REACH for t in talks):
            continue
        k = next((k for k in range(lo, hi) if _is_anaphor(doc, k, hi)), None)
        if k is None or _vetoed(doc, lo, hi):
            continue
        tok = doc.tokens[k]
        if any(a <= tok.start < b for a, b in named):
            continue  # part of a name («مجلس الحوار الوطني»)
        added.append(Candidate(trig, k, k + 1, Span(tok.start, tok.end), s, False, False))
    return sorted([*cands, *added], key=lambda c: c.first) if added else cands


def _is_dual(doc: Document, actor: Actor) -> bool:
    """Whether an actor is a dual noun standing for two parties (الجانبان، وللبلدين)."""
    words = fold(doc.span_text(actor.span)).split()
    return bool(words) and bool({v for v, _ in variants(words[0])} & cues().duals)


def party(doc: Document, actor: Actor) -> str | None:
    """What makes an actor a party of its own: its state, else its entity (a person and the state
    they act for are one party); None for an actor no entity names.  An organisation of the
    knowledge base's own list (a movement, an armed group, a party: Taliban, Hamas) is its own
    party though it has a state: «محادثات بين الحكومة الأفغانية وحركة طالبان» has two."""
    if actor.entity is None or not 0 <= actor.entity < len(doc.entities):
        return None
    entity = doc.entities[actor.entity]
    if entity.kb_id is not None and _own_party(entity.kb_id):
        return f"entity:{actor.entity}"
    return entity.country or f"entity:{actor.entity}"


def _own_party(kb_id: str) -> bool:
    entry = kb.load().entries.get(kb_id)
    return entry is not None and entry.kind == "organisations"


def meeting_parties(doc: Document, ev: Event) -> tuple[Actor, ...]:
    """The named actors of a mutual event that names a party on each side, when they make two
    parties or more (a visitor and the state they visit, two ministers), each entity once; ()
    otherwise («اتفاقيتي تعاون مع جامعتين» names no one who met them)."""
    if _unnamed(doc, ev.source) or _unnamed(doc, ev.target):
        return ()
    seen: set[int] = set()
    out: list[Actor] = []
    for a in (*ev.source, *ev.target):
        if a.entity is not None and a.entity not in seen and not _is_dual(doc, a):
            seen.add(a.entity)
            out.append(a)
    return tuple(out) if len({party(doc, a) for a in out}) >= 2 else ()


def _unnamed(doc: Document, side: tuple[Actor, ...]) -> bool:
    """Whether a side names no party of its own: empty, generic words, or dual nouns only."""
    return all(a.entity is None or _is_dual(doc, a) for a in side)


def _words_after(doc: Document, ev: Event) -> list[str]:
    """The folded words right after an event's trigger (RELATIVE_REACH of them)."""
    return [fold(w) for w in doc.text[ev.trigger.end:ev.trigger.end + 60].split()[:RELATIVE_REACH]]


def _names_talks_again(doc: Document, ev: Event) -> bool:
    """Whether a CONSULT's trigger is a definite or possessed meeting noun (وخلال اللقاء) that the
    words after it do not make another meeting."""
    words = doc.text[ev.trigger.start:ev.trigger.end].split()
    if ev.type != "CONSULT" or len(words) != 1:
        return False
    if not {v for v, _ in variants(fold(words[0]))} & cues().anaphors:
        return False
    return not _another_meeting(_words_after(doc, ev))


def _wants_parties(doc: Document, ev: Event, concept: str) -> bool:
    """Whether a mutual event tells a meeting or agreement whose parties it leaves (at least in
    part) to the text before: an anaphoric meeting noun or a shared-view phrase («توافق وجهات
    النظر»، «قرار مشترك») whoever tells it, or talks or an agreement (اتفق، بحث) with a side that
    names no party (الجانبان، نظيره, or none).  :func:`inherit` checks that the parties it does
    name are the meeting's."""
    if concept == ANAPHOR or concept in cues().shared or _names_talks_again(doc, ev):
        return True
    if _another_meeting(_words_after(doc, ev)):
        return False  # «عقد الاجتماع المقبل»، «المحادثات التي ستجري …»: other talks
    if concept not in mutual_concepts() and not any(_is_dual(doc, a) for a in (*ev.source, *ev.target)):
        return False
    # A title of its own («التقى بالزعيم الراحل») names the other party well enough; a dropped
    # subject, a dual noun or a counterpart («مع نظيره») leaves it to the meeting told before.
    return any(all(_is_dual(doc, a) or _counterpart(doc, a) for a in side) for side in (ev.source, ev.target))


def _counterpart(doc: Document, actor: Actor) -> bool:
    """Whether an actor no entity names is a counterpart word (نظيره، نظراؤه)."""
    words = fold(doc.span_text(actor.span)).split()
    return actor.entity is None and bool(words) and bool({v for v, _ in variants(words[0])} & foreign_words())


def _joined(doc: Document, parties: tuple[Actor, ...], ev: Event) -> tuple[Actor, ...]:
    """The meeting's parties and the named actors the event adds (the host's president, named
    in «يلتقي خلالها الرئيس المصري» after a visit to Egypt), each entity once."""
    seen = {a.entity for a in parties}
    out = list(parties)
    for a in (*ev.source, *ev.target):
        if a.entity is not None and a.entity not in seen and not _is_dual(doc, a):
            seen.add(a.entity)
            out.append(a)
    return tuple(out)


def _requested(doc: Document, ev: Event, before: list[Event]) -> Event:
    """A CONSULT asked for (طلبت تركيا من الحلف عقد اجتماع) is between the one asking and the one
    asked: naming only its source, it takes the target of the request of that source told just
    before it in its sentence."""
    if ev.type != "CONSULT" or ev.mode is not None or ev.target or not ev.source or not before:
        return ev  # (a visit asked for goes to a place the request does not name)
    req = before[-1]
    if req.type != "REQUEST" or req.sentence != ev.sentence or not req.target:
        return ev
    asking, asked = {party(doc, a) for a in req.source}, {party(doc, a) for a in req.target}
    if asking != {party(doc, a) for a in ev.source} or None in asked or asked & asking:
        return ev  # another asker, or one asked that is no party apart from the one asking
    return dataclasses.replace(ev, target=req.target)


def _within_parties(doc: Document, ev: Event, parties: tuple[Actor, ...]) -> bool:
    """Whether the parties an event names itself are among the meeting's (so it is the same talks)."""
    mine = {party(doc, a) for a in (*ev.source, *ev.target) if not _is_dual(doc, a)} - {None}
    return mine <= {party(doc, a) for a in parties}


def inherit(doc: Document, events: list[Event], anaphoric: list[bool], concepts: list[str]
            ) -> tuple[list[Event], list[bool]]:
    """Events with the meeting's parties given to the mutual events that name none (see the module
    docstring), and whether each is still an anaphoric noun to fold into an earlier event.  Any
    other mutual event with named actors starts a new meeting (or, naming one party, ends the last)."""
    out: list[Event] = []
    back: list[bool] = []
    last: tuple[int, tuple[Actor, ...], str | None] | None = None  # sentence, parties, date
    for ev, ana, concept in zip(events, anaphoric, concepts, strict=True):
        if ev.type not in MUTUAL_TYPES:
            out.append(ev)
            back.append(ana)
            continue
        ev = _requested(doc, ev, out)
        near = last is not None and 0 <= ev.sentence - last[0] <= MEETING_REACH
        if near and last is not None and _wants_parties(doc, ev, concept) and _within_parties(doc, ev, last[1]):
            parties = _joined(doc, last[1], ev)
            ev = dataclasses.replace(ev, source=parties, target=parties, date=ev.date or last[2])
            last = (ev.sentence, parties, last[2])
            ana = False
        elif (concept == ANAPHOR or concept in cues().retold) and not meeting_parties(doc, ev):
            # Added on the chance of naming talks told before, or talks told again with no party
            # of their own («تم استعراض الخطة» at a ministry's own meeting), and it names none.
            continue
        elif _unnamed(doc, (*ev.source, *ev.target)):
            pass  # a bare mutual noun neither starts nor ends the talks being told
        else:
            parties = meeting_parties(doc, ev)
            last = (ev.sentence, parties, ev.date) if parties else None
        out.append(ev)
        back.append(ana)
    return out, back
