"""Place names read in the story's context: the reading of a state the article names, the level
its class noun gives, and no confident link to a far-off place the story does not support.

Many place names are ambiguous: الرباط is Morocco's capital and a district of Yemen, صعدة a
governorate and its seat, كارولينا a town of Puerto Rico and the two Carolinas.  The knowledge
base's first reading (a hand-listed place, else the most populous) is right for a story on its
state, and wrong elsewhere.  After every place mention is found, each is read again:

1. a reading in a state the other mentions name (places, states, persons and bodies with a
   state; not the ambiguous places themselves) wins, the most named state first, over one that
   is neither hand-listed nor populous (a nationality adjective after the name decides first:
   مدينة لورد الفرنسية);
2. after a class noun of a first-level division (محافظة، ولاية) the division's reading wins over
   its seat's, within the chosen state, where the division is linked;
3. when no reading fits the story, a place named only (no coordinates) and a city after a class
   noun of a small place (قرية، مديرية، منطقة: a district is no foreign capital) keep their name but
   take the story's state, when one state dominates the story, else none; they are not linked.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from marsad.core.document import Document
from marsad.stages.entities.kb import (
    KnowledgeBase,
    NameKey,
    PlaceReading,
    name_key,
    place_readings,
    read_table,
    region_states,
)
from marsad.stages.entities.link import Mention
from marsad.stages.entities.match import first_word_keys, longest_at, surface_keys, table_matches
from marsad.stages.entities.outlets import QUOTES
from marsad.text.keys import fold

#: Times the story must name a state for a hand-listed or populous place after a small place's
#: noun to be read as a place of that state (one mention is too often itself a misreading).
PROMINENT_MIN_NAMED = 2
#: Mention types read as places.
PLACE_TYPES = frozenset({"GPE", "LOC"})
#: Knowledge-base kinds of entries that a place mention may be re-read from.
PLACE_KINDS = frozenset({"place", "gazetteer"})


@dataclass(frozen=True, slots=True)
class HeadLevel:
    """What the class nouns before a name's mentions say: a division (region), a small place."""

    region: bool = False
    small: bool = False


@lru_cache(maxsize=1)
def head_levels() -> dict[str, HeadLevel]:
    """Folded class noun → its level (``place_heads.tsv``)."""
    return {fold(r["word"]): HeadLevel(r["region"] == "yes", r["small"] == "yes")
            for r in read_table("place_heads.tsv")}


def _head_before(doc: Document, start: int) -> HeadLevel | None:
    """The class noun right before a mention starting at ``start``, if one (with its proclitics:
    بمحافظة، ومنطقة)."""
    words = doc.text[max(0, start - 30):start].split()
    if not words or not doc.text[:start].endswith((" ", "\u00a0")):
        return None
    levels = head_levels()
    return next((levels[k] for k, _ in first_word_keys(words[-1]) if k in levels), None)


def _place_key(doc: Document, m: Mention) -> NameKey:
    """The name key of a place mention; a span kept whole after لل reads with ال."""
    key = name_key(doc.span_text(m.span))
    if key and key[0].startswith("لل"):
        key = ("ال" + key[0][2:], *key[1:])
    return key


def _is_rereadable(kb: KnowledgeBase, m: Mention) -> bool:
    if m.type not in PLACE_TYPES or m.source not in ("kb", "tagger", "place"):
        return False
    return m.kb_id is None or kb.entries[m.kb_id].kind in PLACE_KINDS


def _current(m: Mention, readings: list[PlaceReading]) -> PlaceReading | None:
    """The reading the mention has now (an unlinked one: the gazetteer's first place named only)."""
    if m.kb_id is not None:
        return next((r for r in readings if r.kb_id == m.kb_id), None)
    return next((r for r in readings if r.kb_id is None), None)


def dominant_state(states: Counter[str]) -> str | None:
    """The state the story names most, when no other is named as often."""
    top = states.most_common(2)
    if not top or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    return top[0][0]


def choose_reading(current: PlaceReading | None, readings: list[PlaceReading], states: Counter[str],
                   head: HeadLevel, prominent: bool = False) -> PlaceReading | None:
    """The reading a place mention should take in a story naming ``states``; None to keep its own.
    A ``prominent`` current reading (a hand-listed or populous place: فيينا، القاهرة) gives way
    only after a small place's class noun: a story naming the United States does not make Vienna
    a town of Virginia."""
    fits_story = current is not None and (current.country is None or current.country in states)
    if current is not None and (fits_story or (prominent and not head.small)):
        if head.region and not current.region:
            # Only a linked division: its English name agrees with Natural Earth's division (the
            # subdivision list names some by other words: الحديدة as "Western Coast").
            return next((r for r in readings if r.region and r.kb_id and r.country == current.country), None)
        return None
    if prominent:
        # A famous place gives way only to a state the story names twice or more.
        states = Counter({c: n for c, n in states.items() if n >= PROMINENT_MIN_NAMED})
        if not states:
            return None
    fits = [(i, r) for i, r in enumerate(readings) if r.country in states]
    if fits:
        _, best = min(fits, key=lambda p: (-states[p[1].country or ""], not (head.region and p[1].region),
                                          p[1].kb_id is None, p[0]))
        return best
    if current is None or not states or not (current.kb_id is None or (head.small and current.city)):
        return None
    return PlaceReading(None, current.name_en, dominant_state(states))


def story_states(doc: Document, kb: KnowledgeBase, mentions: list[Mention],
                 ambiguous: set[int]) -> Counter[str]:
    """How often the article names each state: mentions with a state that are not ambiguous
    places, and names of first-level divisions of one state (حضرموت places a story in Yemen)."""
    states: Counter[str] = Counter(m.country for m in mentions if m.country and id(m) not in ambiguous)
    states.update(division_states(doc, kb))
    return states


def named_states(doc: Document) -> Counter[str]:
    """How many place and nationality mentions of the article's entities each state has."""
    counts: Counter[str] = Counter()
    for e in doc.entities:
        if e.type in ("GPE", "NORP") and e.country:
            counts[e.country] += len(e.mentions)
    return counts


def leading_state(counts: Counter[str], least: int, lead: float) -> str | None:
    """The state with the most mentions when it has ``least`` of them and ``lead`` times as many
    as the next one (else None: a close second leaves the story's state in doubt)."""
    top = counts.most_common(2)
    if not top or top[0][1] < least or (len(top) > 1 and top[0][1] < lead * top[1][1]):
        return None
    return top[0][0]


def division_states(doc: Document, kb: KnowledgeBase) -> list[str]:
    """The state of each first-level division the article names (``kb.region_states``)."""
    table = region_states(kb)
    if not table:
        return []
    return [table[key] for _, _, _, key in table_matches(doc, kb, table)]


def reread_places(doc: Document, kb: KnowledgeBase, mentions: list[Mention]) -> None:
    """Give each ambiguous place mention the reading the story supports (module docstring)."""
    places = [(m, _place_key(doc, m)) for m in mentions if _is_rereadable(kb, m)]
    if not places:
        return
    readings = {key: place_readings(kb, key) for _, key in places}
    ambiguous = {id(m) for m, key in places
                 if m.kb_id is None or len({r.country for r in readings[key]}) > 1}
    states = story_states(doc, kb, mentions, ambiguous)
    heads = _heads(doc, places)
    for m, key in places:
        adjective = _nationality_after(doc, kb, m)
        if adjective is not None:
            # مدينة لورد الفرنسية: the adjective names the state.
            pick = _of_state(_current(m, readings[key]), readings[key], adjective)
        else:
            # The name's own mentions say nothing of the story's state.
            own = Counter(o.country for o, k in places if k == key and o.country and id(o) not in ambiguous)
            pick = choose_reading(_current(m, readings[key]), readings[key], states - own, heads[key],
                                  _prominent(kb, m, key))
        if pick is not None:
            m.kb_id, m.country, m.name_en = pick.kb_id, pick.country, pick.name_en


def _heads(doc: Document, places: list[tuple[Mention, NameKey]]) -> dict[NameKey, HeadLevel]:
    """Per name: a division's class noun before every mention, a small place's before any (the
    mentions of one name make one entity)."""
    region: dict[NameKey, bool] = {}
    small: dict[NameKey, bool] = {}
    for m, key in places:
        head = _head_before(doc, m.span.start) or HeadLevel()
        region[key] = region.get(key, True) and head.region
        small[key] = small.get(key, False) or head.small
    return {key: HeadLevel(region[key], small[key]) for key in region}


def _prominent(kb: KnowledgeBase, m: Mention, key: NameKey) -> bool:
    """A hand-listed place or a populous one (``kb.local_places``)."""
    if m.kb_id is None:
        return False
    return kb.entries[m.kb_id].kind == "place" or kb.local_places.get(key) == m.kb_id


def _nationality_after(doc: Document, kb: KnowledgeBase, m: Mention) -> str | None:
    """The state of a nationality adjective right after the mention (هامبورغ الألمانية)."""
    i = bisect.bisect_left([t.start for t in doc.tokens], m.span.end)
    if i < len(doc.tokens) and doc.text[doc.tokens[i].start:doc.tokens[i].end] in QUOTES:
        i += 1  # مدينة «لورد» الفرنسية
    if i >= len(doc.tokens):
        return None
    hit = longest_at(doc, kb, kb.demonyms, surface_keys(doc), i)
    return kb.demonyms[hit[2]] if hit is not None and hit[1] == 0 else None


def _of_state(current: PlaceReading | None, readings: list[PlaceReading], state: str) -> PlaceReading | None:
    """The reading of ``state``; else the name only, in that state."""
    if current is not None and current.country == state:
        return None
    own = next((r for r in readings if r.country == state), None)
    if own is not None:
        return own
    return PlaceReading(None, current.name_en, state) if current is not None else None
