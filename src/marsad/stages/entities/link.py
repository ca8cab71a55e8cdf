"""Link mentions to the knowledge base and merge them into one entity per real-world referent.

Resolution rules, in order of trust:
1. a full name with one knowledge-base reading links to it;
2. a short form (بوتين, كيم) links to the person whose full name the article uses, else to the
   one candidate in office on the publication date, else (only one candidate, and the form is
   not a common word) to that candidate;
3. a title (الرئيس الروسي, وزير الخارجية الأمريكي, المتحدث باسم الكرملين) links to the single
   holder of the role on the publication date, and is not linked when there is no date;
4. a tagger mention the knowledge base does not know keeps its text as ``name_ar``, gets a
   romanised ``name_en`` and no ids; a one-word person mention merges with a fuller one that
   ends (or, for East Asian names, starts) with it.

Demonym adjectives (الروسي, الكورية الشمالية) are not mentions of their state: they modify
another noun ("the Russian army"), and the shared gold files list only names of states.  They
serve to resolve titles and ministries instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from marsad.core.document import Document, Entity, EntityType, Span
from marsad.stages.entities.kb import KbEntry, KnowledgeBase, Name, name_key, read_table, unlinked_place
from marsad.stages.entities.match import NameMatch, TitleMatch
from marsad.stages.entities.romanise import romanise
from marsad.text.keys import fold

#: Least rapidfuzz ratio for a tagger mention to take a knowledge-base name with another
#: spelling (زيلنسكي / زيلينسكي); checked on the transliteration cases of tests/test_entities_link.py.
#: The default of ``settings.entities.fuzzy_min``.
FUZZY_MIN = 88.0
#: Leader roles a state's "leader" column may name, and the offices each stands for.
ROLE_CHAIN: dict[str, tuple[str, ...]] = {
    "head_of_state": ("president", "monarch", "leader"),
    "leader": ("leader", "president"),
}


@dataclass
class Mention:
    """A span with what it refers to: a knowledge-base id, or only its type when unknown."""

    span: Span
    type: EntityType
    kb_id: str | None = None
    country: str | None = None
    source: str = "kb"
    #: A knowledge-base person matched by a short form only (a surname: بوتين، عبد العاطي), whom
    #: the article does not name in full: the form may belong to another person's name.
    short: bool = False
    #: The person's mention a title or honorific pronoun points back to (source ``coref``).
    antecedent: Mention | None = None
    #: An English name composed for an unlinked mention (a facility: Aden Airport).
    name_en: str | None = None


@dataclass
class Resolver:
    """Resolve matches against the knowledge base for one document."""

    kb: KnowledgeBase
    day: dt.date | None
    full_ids: set[str] = field(default_factory=set)

    def note_full_names(self, matches: list[NameMatch]) -> None:
        """Remember which entries the article names in full (to resolve short forms)."""
        for m in matches:
            full = [n.kb_id for n in m.names if not n.short and not n.context]
            if len(full) == 1:
                self.full_ids.add(full[0])

    def in_office(self, kb_id: str) -> bool:
        return self.day is not None and self.kb.in_office(kb_id, self.day)

    def resolve_name(self, match: NameMatch) -> str | None:
        # The surname of a person the article names in full beats a place of that name
        # (أوستن after لويد أوستن is the minister, not the city).
        named = [n.kb_id for n in match.names if n.short and n.kb_id in self.full_ids]
        if len(named) == 1:
            return named[0]
        full = [n for n in match.names if not n.short and not n.context]
        if full:
            return self._pick(full)
        return self._resolve_short(list(match.names))

    def _pick(self, names: list[Name]) -> str:
        if len(names) == 1:
            return names[0].kb_id
        ids = [n.kb_id for n in names]
        for pool in ([i for i in ids if i in self.full_ids], [i for i in ids if self.in_office(i)]):
            if pool:
                return pool[0]
        return ids[0]  # the hand-listed entry comes first (kb.load order)

    def _resolve_short(self, names: list[Name]) -> str | None:
        ids = [n.kb_id for n in names]
        named = [i for i in ids if i in self.full_ids]
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            current = [i for i in named if self.in_office(i)]
            return current[0] if len(current) == 1 else None
        current = [i for i in ids if self.in_office(i)]
        if len(current) == 1:
            return current[0]
        return ids[0] if len(ids) == 1 else None

    def resolve_title(self, title: TitleMatch) -> str | None:
        """The one holder of the title on the publication date, if the date is known."""
        if self.day is None:
            return None
        roles: tuple[str, ...] = (title.role,)
        if title.role == "leader" and title.kind != "body":
            own = self.kb.leader_role.get(title.of, "leader")
            roles = (*ROLE_CHAIN.get(own, (own,)), "leader")
        for role in roles:
            holders = self.kb.holders(role, title.of, self.day)
            if len(holders) == 1:
                return holders[0]
            if holders:
                return None
        return None


def fuzzy_entry(kb: KnowledgeBase, text: str, type_: EntityType, fuzzy_min: float = FUZZY_MIN) -> str | None:
    """A knowledge-base entry of the same type spelt a little differently (زيلنسكي / زيلينسكي)."""
    choices = _fuzzy_choices(kb, type_)
    if not choices:
        return None
    best = process.extractOne(" ".join(name_key(text)), list(choices), scorer=fuzz.ratio,
                              score_cutoff=fuzzy_min)
    return choices[best[0]] if best else None


_FUZZY_CACHE: dict[tuple[int, str], dict[str, str]] = {}


def _fuzzy_choices(kb: KnowledgeBase, type_: EntityType) -> dict[str, str]:
    cache_key = (id(kb), type_)
    if cache_key not in _FUZZY_CACHE:
        table: dict[str, str] = {}
        for key, names in kb.names.items():
            full = [n for n in names if not n.short and kb.entries[n.kb_id].type == type_
                    and kb.entries[n.kb_id].kind != "ministry"]
            # Only distinctive names: a short key is too easily near another word.  Composed
            # ministries (ministry words × every state, kb._load_ministries) are left out: they
            # differ in one state adjective, so a near miss is another state's ministry (وزارة
            # الدفاع الكورية read as the Cuban one), and they were two thirds of the choices.
            if len(full) == 1 and sum(len(w) for w in key) >= 6:
                table[" ".join(key)] = full[0].kb_id
        _FUZZY_CACHE[cache_key] = table
    return _FUZZY_CACHE[cache_key]


def to_entity(kb: KnowledgeBase, kb_id: str | None, type_: EntityType, mentions: list[Span],
              text: str, country: str | None, name_en: str | None = None) -> Entity:
    """An Entity from merged mentions: linked fields from the knowledge base when known."""
    spans = tuple(sorted(set(mentions)))
    if kb_id is not None and kb_id in kb.entries:
        entry: KbEntry = kb.entries[kb_id]
        return Entity(entry.type, spans, entry.name_en, entry.name_ar, entry.wikidata,
                      entry.country, entry.kb_id, entry.lat, entry.lon)
    if type_ in ("GPE", "LOC", "FAC") and name_en is None:
        # A place the gazetteer names without coordinates: its English name, not linked.
        known = unlinked_place(name_key(text))
        if known is not None:
            return Entity(type_, spans, known[0], text, None, country or known[1] or None, None)
    return Entity(type_, spans, name_en or romanise(text, country if type_ == "PER" else None), text, None,
                  country, None)


def surname_owner(words: tuple[str, ...], fuller: dict[str, tuple[str, ...]]) -> str | None:
    """The one fuller person name in the article that ends (or starts) with ``words``: قصير of
    سمير قصير, بن صقر of عبد العزيز بن صقر; a known person's (key ``kb:``) only by its end, and
    not by a father's name after بن (سلمان of محمد بن سلمان)."""
    n = len(words)
    owners = [name for name, full in fuller.items() if len(full) > n and _ends_or_starts(words, full, name)]
    return owners[0] if len(owners) == 1 else None


def _ends_or_starts(words: tuple[str, ...], full: tuple[str, ...], name: str) -> bool:
    n = len(words)
    if name.startswith("kb:"):
        return full[-n:] == words and full[-n - 1] not in lineage_particles()
    return full[-n:] == words or (n == 1 and full[0] == words[0])


@lru_cache(maxsize=1)
def lineage_particles() -> frozenset[str]:
    """Folded words joining a person to the father (بن، ابن، بنت)."""
    return frozenset(fold(r["particle"]) for r in read_table("name_particles.tsv") if r["lineage"] == "yes")


def merge_key(doc: Document, m: Mention) -> str:
    return "kb:" + m.kb_id if m.kb_id else f"{m.type}:" + " ".join(name_key(doc.span_text(m.span)))


def group_unknown_persons(doc: Document, mentions: list[Mention]) -> dict[int, str]:
    """Merge keys for unlinked one-word person mentions that shorten a fuller one in the article:
    an unknown person's, or a known person's named in full (صالح after علي عبدالله صالح, a surname
    the knowledge base does not list alone, being a common word and given name)."""
    fuller: dict[str, tuple[str, ...]] = {}
    for m in mentions:
        if m.type == "PER" and m.source not in ("title", "coref"):
            words = name_key(doc.span_text(m.span))
            if len(words) > 1:
                fuller.setdefault(merge_key(doc, m), words)
    out: dict[int, str] = {}
    for i, m in enumerate(mentions):
        if m.kb_id is None and m.type == "PER":
            owner = surname_owner(name_key(doc.span_text(m.span)), fuller)
            if owner is not None and owner != merge_key(doc, m):
                out[i] = owner
    return out
