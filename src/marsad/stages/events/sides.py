"""The sides of a war report: who fights whom, read off the events that name both, lends the other
side to a fight that names only one.

A report of fighting names both sides once or twice («شنت طائرات التحالف غارات على مواقع
الحوثيين») and then tells deeds of one side alone: «وسيطرت المقاومة على عدة مواقع» is a seizure
from the side the Resistance fights, «سقط عشرات بين قتيل وجريح في المواجهات» a clash between the
story's two sides, «في مواجهات عنيفة مع المقاومة» a clash whose other side is the Resistance's
enemy.  A coder of PLOVER names that implied party; so does this module, from the article alone:

- :func:`enemies` counts, per pair of named parties, the hostile events (ASSAULT, or COERCE
  seizing territory) told with one on each side, or a clash between the two of them;
- :func:`lend_sides` gives a fight (CAMEO 19x, or destroying military objects) that names one
  side the enemy that side was told fighting most (ties: all of them), and a clash that names
  neither the story's one leading pair; the lent actors are marked ``implied`` and point at the
  enemy's mention nearest before the trigger.  An air raid takes as its doer only an enemy
  the story told raiding from the air: the side a ground force fights need not own aircraft.

Only parties a knowledge-base entity names count (organisations, people, peoples, states);
places are not sides.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable

from marsad.core.document import Actor, Document, Event
from marsad.stages.events.actors import fight_concepts
from marsad.stages.events.mentions import is_party

__all__ = ["enemies", "lend_sides"]

#: CAMEO codes of fighting: 19x (fight: attack, occupy territory, firearms, artillery, air raids)
#: and 1712 (destroy property: military objects in PLOVER's ASSAULT destroy).
FIGHT_CAMEOS = ("19", "1712")
#: The CAMEO code of an air raid: its doer is a side the story told raiding from the air.
AERIAL = "195"
#: Entity types that stand for a state as a whole: the state itself and its people.
STATE_TYPES = frozenset({"GPE", "NORP"})


def _fight(ev: Event) -> bool:
    return ev.cameo is not None and ev.cameo.startswith(FIGHT_CAMEOS)


def _hostile(ev: Event) -> bool:
    """Whether an event sets its sides against each other: any assault, or a fight."""
    return ev.type == "ASSAULT" or _fight(ev)


def _parties(doc: Document, side: Iterable[Actor]) -> frozenset[int]:
    return frozenset(a.entity for a in side if a.entity is not None and is_party(doc, a.entity))


def _one_state(doc: Document, a: int, b: int) -> bool:
    """Whether two parties both stand for one state (the state and its people: «الشاب الأميركي»
    attacking «جنود» placed in the United States is no war between them)."""
    ea, eb = doc.entities[a], doc.entities[b]
    return ea.type in STATE_TYPES and eb.type in STATE_TYPES and ea.country is not None and ea.country == eb.country


def enemies(doc: Document, events: list[Event]) -> Counter[frozenset[int]]:
    """Per pair of parties (entity indices), how many hostile events the article tells with one of
    them on each side; events whose sides share a party (mutual clashes) tell nothing of who is
    whose enemy, nor do events not told as happening."""
    pairs: Counter[frozenset[int]] = Counter()
    for ev in events:
        if not _hostile(ev) or ev.status not in ("asserted", "reported"):
            continue
        src, tgt = _parties(doc, ev.source), _parties(doc, ev.target)
        if src == tgt and len(src) == 2:
            # a clash told between two parties («مواجهات بين الجيش والحوثيين») sets them against
            # each other; one with more on both sides does not say who is on which
            pairs[src] += 1
            continue
        if src & tgt:
            continue
        for pair in {frozenset((s, t)) for s in src for t in tgt if not _one_state(doc, s, t)}:
            pairs[pair] += 1
    return pairs


def _enemies_of(side: frozenset[int], pairs: Counter[frozenset[int]],
                allowed: frozenset[int] | None = None) -> list[int]:
    """The parties the side was told fighting most often (all of them on a tie), none of its own."""
    scores: Counter[int] = Counter()
    for pair, n in pairs.items():
        if pair & side:
            for other in pair - side:
                if allowed is None or other in allowed:
                    scores[other] += n
    if not scores:
        return []
    top = max(scores.values())
    return sorted(k for k, n in scores.items() if n == top)


def _leading_pair(pairs: Counter[frozenset[int]]) -> frozenset[int] | None:
    """The story's one most told pair of enemies; None when two pairs tie."""
    best = pairs.most_common(2)
    if not best or (len(best) > 1 and best[1][1] == best[0][1]):
        return None
    return best[0][0]


def _nearest(doc: Document, entity: int, at: int) -> Actor:
    """The entity's mention nearest before offset ``at`` (else its first one), as an implied actor."""
    spans = sorted(doc.entities[entity].mentions, key=lambda s: s.start)
    before = [s for s in spans if s.end <= at]
    return Actor(before[-1] if before else spans[0], entity, implied=True)


def _raiders(doc: Document, events: list[Event]) -> frozenset[int]:
    """The parties the article tells raiding from the air."""
    return frozenset().union(*[_parties(doc, ev.source) for ev in events if ev.cameo == AERIAL])


def _lend(doc: Document, ev: Event, concept: str, pairs: Counter[frozenset[int]],
          raiders: frozenset[int]) -> Event:
    src, tgt = _parties(doc, ev.source), _parties(doc, ev.target)
    at = ev.trigger.start
    if src and not tgt:
        # (a target that names no party, only a place — «سيطرت المقاومة على حي صبر», «قصفت مواقع في
        # صنعاء» — is where the enemy was hit or lost ground: the enemy joins it)
        found = _enemies_of(src, pairs)
        lent = tuple(_nearest(doc, k, at) for k in found)
        return dataclasses.replace(ev, target=(*ev.target, *lent)) if found else ev
    if tgt and not ev.source:
        found = _enemies_of(tgt, pairs, raiders if ev.cameo == AERIAL else None)
        if not found:
            return ev
        lent = tuple(_nearest(doc, k, at) for k in found)
        if concept in fight_concepts():
            # a clash told with one side («مواجهات مع المقاومة») is mutual: both sides on both sides
            both = (*lent, *ev.target)
            return dataclasses.replace(ev, source=both, target=both)
        return dataclasses.replace(ev, source=lent)
    if not ev.source and not ev.target and concept in fight_concepts():
        pair = _leading_pair(pairs)
        if pair is not None:
            both = tuple(_nearest(doc, k, at) for k in sorted(pair))
            return dataclasses.replace(ev, source=both, target=both)
    return ev


def lend_sides(doc: Document, events: list[Event], concepts: list[str]) -> list[Event]:
    """The events, with each fight that names one side or none given the other from the article's
    enemies (see the module docstring); one event out for each event in."""
    pairs = enemies(doc, events)
    if not pairs:
        return events
    raiders = _raiders(doc, events)
    return [_lend(doc, ev, concept, pairs, raiders) if _fight(ev) else ev
            for ev, concept in zip(events, concepts, strict=True)]
