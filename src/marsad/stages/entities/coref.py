"""Titles, honorific pronouns and body nouns that point back to an entity the article names.

Arabic news names an official once and then calls them by title («وزير الخارجية»، «الوزير»،
«معالي وزير الخارجية») or by an honorific pronoun («معاليه»، «سموه»، «فخامته»), and a body once
in full («وزارة الدفاع الأميركية») and then by its head noun («الوزارة»).  Each such phrase becomes
a :class:`~marsad.core.document.Reference` to the entity it stands for, kept apart from the entity
mentions (an NER corpus counts names, not «معاليه»); quotes and events read the references.

A bare title points to, in order: the person the article named with the same title (right after
it, over ranks such as الأستاذ, or right before it in apposition); a person of the knowledge base
the article names who holds the role on the publication date; the one holder of the role on that
date in the one state the article names (:func:`title_holders` makes that holder an entity mention
when the article does not name them, as titles with a nationality are).  A pronoun points to the
person last introduced with its honorific noun («معالي» for «معاليه»), else to a person of the
knowledge base named in the nearest sentence before it whose office fits (see
:func:`_antecedent`).  A body noun points to the last body named with that head noun.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from marsad.core.document import Document, Reference, Span
from marsad.core.errors import DataError
from marsad.stages.entities.kb import KnowledgeBase, NameKey, Office, name_heads, name_key, read_table
from marsad.stages.entities.link import Mention
from marsad.stages.entities.match import first_word_keys, longest_at, surface_keys
from marsad.text.keys import fold, folded_words
from marsad.text.resources import load_yaml

#: Role that stands for every role of its kind (الوزير: any minister).
ANY_MINISTER = "minister"
#: How far back (characters) a pronoun looks for its person: about a paragraph.
PRONOUN_REACH = 1500
#: How far back (characters) a body noun looks for the body: bodies are called back from afar.
BODY_REACH = 4000
#: Fewest letters of a definite relational adjective, article and ending included (العربي).
MIN_DESCRIPTION_LETTERS = 5
#: Entity types a body noun can stand for (a nationality stands for its state).
BODY_TYPES = ("ORG", "GPE", "FAC", "NORP")
REFERENCES_FILE = "references.yaml"


@dataclass(frozen=True, slots=True)
class Honorific:
    """An honorific pronoun, the roles of the persons it is used for (empty: anyone) and the
    honorific nouns that introduce them (folded)."""

    form: str
    roles: frozenset[str]
    nouns: frozenset[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """``data/references.yaml``, folded."""

    honorific_nouns: dict[str, frozenset[str]]
    fillers: frozenset[str]
    honorific_reach: int
    body_heads: frozenset[str]
    description_endings: tuple[str, ...]
    relatives: frozenset[str]
    state_heads: frozenset[str]
    state_titles: dict[NameKey, str]
    kb_name_heads: frozenset[str]

    @property
    def all_nouns(self) -> frozenset[str]:
        return frozenset(n for nouns in self.honorific_nouns.values() for n in nouns)


def _folded_list(data: dict[str, object], key: str) -> frozenset[str]:
    return folded_words(data, key, REFERENCES_FILE)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_yaml(REFERENCES_FILE)
    nouns = data.get("honorific_nouns")
    reach = data.get("honorific_reach")
    states = data.get("state_titles")
    if not isinstance(nouns, dict) or not isinstance(reach, int) or not isinstance(states, dict):
        raise DataError(f"data file marsad/data/{REFERENCES_FILE}: 'honorific_nouns' and 'state_titles' "
                        "must be mappings and 'honorific_reach' a number of words")
    return Lexicon({fold(k): _folded_list(nouns, k) for k in nouns}, _folded_list(data, "name_fillers"),
                   reach, _folded_list(data, "body_heads"), tuple(_folded_list(data, "description_endings")),
                   _folded_list(data, "relatives"),
                   _folded_list(data, "state_heads"), {name_key(k): str(v) for k, v in states.items()},
                   _folded_list(data, "kb_name_heads"))


@lru_cache(maxsize=1)
def honorifics() -> dict[str, Honorific]:
    """``data/kb/honorifics.tsv`` by folded form, with the nouns of ``references.yaml``."""
    out = {}
    nouns = lexicon().honorific_nouns
    for row in read_table("honorifics.tsv"):
        roles = frozenset(r for r in row["roles"].split("|") if r)
        key = fold(row["form"])
        out[key] = Honorific(row["form"], roles, nouns.get(key, frozenset()))
    return out


@lru_cache(maxsize=1)
def bare_titles() -> dict[NameKey, str]:
    """Titles used without a nationality (الوزير، وزير الخارجية، ولي العهد) → role."""
    return {name_key(r["form"]): r["role"] for r in read_table("bare_titles.tsv")}


#: Offices by person, built once per document (the knowledge base lists a few hundred).
OfficesOf = dict[str, list[Office]]


def offices_of(kb: KnowledgeBase) -> OfficesOf:
    out: OfficesOf = defaultdict(list)
    for office in kb.offices:
        out[office.person].append(office)
    return out


def _fits(offices: OfficesOf, person: str | None, roles: frozenset[str], day: dt.date | None) -> bool:
    """Does ``person`` hold (on ``day``, or ever when no date is known) one of ``roles``?"""
    if person is None:
        return False
    for office in offices.get(person, ()):
        if day is not None and not office.holds(day):
            continue
        if office.role in roles or (ANY_MINISTER in roles and office.role.endswith("_minister")):
            return True
    return False


def _may_fit(offices: OfficesOf, person: str | None, roles: frozenset[str], day: dt.date | None) -> bool:
    """False only when the knowledge base lists offices of ``person`` and none of ``roles`` (any
    minister's for :data:`ANY_MINISTER`) is theirs on ``day``: an unknown office may fit."""
    if person is None or day is None or person not in offices:
        return True
    return _fits(offices, person, roles, day)


def _holder(kb: KnowledgeBase, role: str, state: str | None, day: dt.date | None) -> str | None:
    if state is None or day is None:
        return None
    roles = [role] if role != ANY_MINISTER else []
    holders = {p for r in roles for p in kb.holders(r, state, day)}
    return holders.pop() if len(holders) == 1 else None


def _word(doc: Document, i: int) -> str:
    token = doc.tokens[i]
    return doc.text[token.start:token.end]


def _keys_of(doc: Document, i: int) -> set[str]:
    """Folded forms of token ``i``, whole and with a conjunction or preposition taken off."""
    return {key for key, _ in first_word_keys(_word(doc, i))}


@dataclass(frozen=True, slots=True)
class TitleHit:
    """A title of ``bare_titles.tsv`` at tokens ``first..last``; ``after`` is the token after it
    and the ranks that follow it, ``honoured`` whether an honorific noun stands right before it."""

    span: Span
    role: str
    first: int
    last: int
    after: int
    demonym: bool
    honoured: frozenset[str]
    state: str | None = None  # the one state whose office holder the title names


def title_hits(doc: Document, kb: KnowledgeBase) -> list[TitleHit]:
    """Every title without a nationality in ``doc``, longest first, not overlapping."""
    keys = surface_keys(doc)
    table = bare_titles()
    lex = lexicon()
    out: list[TitleHit] = []
    i = 0
    while i < len(doc.tokens):
        hit = longest_at(doc, kb, table, keys, i)
        if hit is None:
            i += 1
            continue
        last, offset, key = hit
        nxt = last + 1
        demonym = longest_at(doc, kb, kb.demonyms, keys, nxt) if nxt < len(doc.tokens) else None
        if demonym is not None:
            nxt = demonym[0] + 1  # وزير الخارجية الإيراني محمد جواد ظريف
        while nxt < len(doc.tokens) and _keys_of(doc, nxt) & lex.fillers:
            nxt += 1  # وزير الخارجية الأستاذ عادل الجبير
        before = _keys_of(doc, i - 1) & lex.all_nouns if i > 0 else set()
        out.append(TitleHit(Span(doc.tokens[i].start + offset, doc.tokens[last].end), table[key], i, last,
                            nxt, demonym is not None, frozenset(before), lex.state_titles.get(key)))
        i = last + 1
    return out


#: A person's mention as coreference sees it: its span, knowledge-base id and entity index.
Person = tuple[Span, "str | None", int]


class _Persons:
    """Person mentions in text order, indexed so that every look-up is a bisection."""

    def __init__(self, doc: Document, persons: list[Person]) -> None:
        self.doc = doc
        self.items: list[Person] = sorted(persons, key=lambda p: p[0].start)
        self.starts = [p[0].start for p in self.items]
        self.by_end: dict[int, Person] = {}
        for p in self.items:
            self.by_end.setdefault(p[0].end, p)

    def add(self, person: Person) -> None:
        k = bisect.bisect_right(self.starts, person[0].start)
        self.items.insert(k, person)
        self.starts.insert(k, person[0].start)
        self.by_end.setdefault(person[0].end, person)

    def starting(self, index: int) -> Person | None:
        """The person whose mention starts in token ``index`` (after a proclitic, too)."""
        if index >= len(self.doc.tokens):
            return None
        token = self.doc.tokens[index]
        k = bisect.bisect_left(self.starts, token.start)
        return self.items[k] if k < len(self.items) and self.starts[k] < token.end else None

    def after(self, hit: TitleHit) -> Person | None:
        """The person named right after the title, past the ranks that follow it (a mention may
        start at a rank: «خادم الحرمين الشريفين | الملك سلمان»)."""
        for index in range(hit.last + 1, hit.after + 1):
            found = self.starting(index)
            if found is not None:
                return found
        return None

    def ending(self, hit: TitleHit) -> Person | None:
        """The person whose mention ends right before the title: the title is in apposition
        («محمد بن سلمان ولي ولي العهد»، «فلان، وزير الخارجية،»).  After a comma, only a title set
        off by a comma on its other side too: «استقبل فلان، وزير الخارجية فلان» lists two people."""
        doc = self.doc
        k = hit.first - 1
        if k >= 0 and _is_comma(doc, k):
            if not (hit.last + 1 < len(doc.tokens) and _is_comma(doc, hit.last + 1)):
                return None
            k -= 1
        return self.by_end.get(doc.tokens[k].end) if k >= 0 else None

    def fitting_before(self, offices: OfficesOf, role: str, offset: int, day: dt.date | None) -> list[Person]:
        """Persons named before ``offset`` who hold ``role`` on ``day``."""
        roles = frozenset({role})
        fits: dict[str | None, bool] = {}
        out = []
        for p in self.items[:bisect.bisect_left(self.starts, offset)]:
            if p[1] not in fits:
                fits[p[1]] = _fits(offices, p[1], roles, day)
            if fits[p[1]]:
                out.append(p)
        return out


class _Spans:
    """Spans that may overlap one another, for "does this span overlap any" in log time."""

    def __init__(self, spans: list[Span]) -> None:
        ordered = sorted(spans)
        self.starts = [s.start for s in ordered]
        self.reach: list[int] = []  # the farthest end among the spans up to each one
        far = -1
        for s in ordered:
            far = max(far, s.end)
            self.reach.append(far)

    def overlap(self, span: Span) -> bool:
        k = bisect.bisect_left(self.starts, span.end)  # spans starting before ``span`` ends
        return k > 0 and self.reach[k - 1] > span.start


def _is_comma(doc: Document, k: int) -> bool:
    return doc.tokens[k].kind == "punct" and _word(doc, k) in ("،", ",")


def _main_state(countries: list[str | None]) -> str | None:
    """The one state the article's mentions belong to, if they belong to only one."""
    states = {c for c in countries if c}
    return states.pop() if len(states) == 1 else None


def title_holders(doc: Document, kb: KnowledgeBase, mentions: list[Mention]) -> list[Mention]:
    """Mentions for bare titles whose holder the article does not name: the one holder of the
    role on the publication date in the one state the article names (as titles with a
    nationality are resolved).  Titles that point back to a named person become references
    (:func:`find_references`), not mentions."""
    if doc.published is None:
        return []
    persons = _Persons(doc, [(m.span, m.kb_id, 0) for m in mentions if m.type == "PER"])
    taken = _Spans([m.span for m in mentions])
    offices = offices_of(kb)
    state = _main_state([m.country for m in mentions])
    named: set[str] = set()
    out: list[Mention] = []
    for hit in title_hits(doc, kb):
        if persons.after(hit) or persons.ending(hit):
            named |= {hit.role, ANY_MINISTER} if hit.role.endswith("_minister") else {hit.role}
            continue
        if hit.demonym or hit.role in named or taken.overlap(hit.span):
            continue
        if persons.fitting_before(offices, hit.role, hit.span.start, doc.published):
            continue  # a named person holds the role: the title refers to them
        holder = _holder(kb, hit.role, state, doc.published)
        if holder is not None:
            out.append(Mention(hit.span, "PER", holder, kb.entries[holder].country, "title"))
            persons.add((hit.span, holder, 0))  # a later bare title refers back to this one
    return out


@dataclass(frozen=True, slots=True)
class _Named:
    """A person named or referred to, as a candidate antecedent for a pronoun."""

    span: Span
    entity: int
    sentence: int
    nouns: frozenset[str]  # honorific nouns that introduced it («معالي»)


class _Resolver:
    """Walks one assembled document in text order, resolving titles, pronouns and body nouns."""

    def __init__(self, doc: Document, kb: KnowledgeBase) -> None:
        self.doc, self.kb = doc, kb
        self.lex = lexicon()
        self.offices = offices_of(kb)
        self.persons = _Persons(doc, [(m, e.kb_id, idx) for idx, e in enumerate(doc.entities)
                                      if e.type == "PER" for m in e.mentions])
        self.in_name = _tokens_in(doc, [p[0] for p in self.persons.items])
        self.named: list[_Named] = [_Named(span, idx, self._sentence(span), self._introduced(span))
                                    for span, _, idx in self.persons.items]
        self.named_starts = [n.span.start for n in self.named]
        self.after_title: dict[str, tuple[Span, int]] = {}
        self.state = _main_state([e.country for e in doc.entities])
        self.taken = _Spans([m for e in doc.entities for m in e.mentions])
        self.bodies = _BodyIndex(doc, self.lex, name_heads(kb))

    def _sentence(self, span: Span) -> int:
        found = self.doc.sentence_of(span.start)
        return -1 if found is None else found

    def _introduced(self, span: Span) -> frozenset[str]:
        """Honorific nouns among the few words before a name, in its sentence («معالي … فلان»)."""
        doc = self.doc
        nouns = self.lex.all_nouns
        i = _token_at(doc, span.start)
        sentence = self._sentence(span)
        found: set[str] = set()
        for k in range(i - 1, max(-1, i - 1 - self.lex.honorific_reach), -1):
            if self.in_name[k] or self._sentence(doc.tokens[k].span) != sentence:
                break  # another person's name, or another sentence: the honorific is not this one's
            found |= _keys_of(doc, k) & nouns
        return frozenset(found)

    def title(self, hit: TitleHit) -> Reference | None:
        following = self.persons.after(hit)
        if following is not None:
            self._remember(hit, following)  # وزير الخارجية عادل الجبير: the name is the mention
            return None
        before = self.persons.ending(hit)
        if before is not None:
            self._remember(hit, before)
            return self._note(Reference(hit.span, before[2], "title", before[0]), hit.honoured)
        if hit.demonym or self.taken.overlap(hit.span):
            return None  # a title with a nationality: the entities stage resolved it, or nobody
        target = self._title_target(hit)
        return self._note(target, hit.honoured) if target is not None else None

    def _remember(self, hit: TitleHit, person: Person) -> None:
        """Note who was named with a title, unless the knowledge base knows their offices and
        none is this role on the publication date («الملك فيصل» in a 2015 story is history)."""
        if not _may_fit(self.offices, person[1], frozenset({hit.role}), self.doc.published):
            return
        self.after_title[hit.role] = (person[0], person[2])
        if hit.role.endswith("_minister"):
            self.after_title[ANY_MINISTER] = (person[0], person[2])

    def _title_target(self, hit: TitleHit) -> Reference | None:
        day = self.doc.published
        earlier = self.after_title.get(hit.role) if hit.state is None else None
        if earlier is not None:
            return Reference(hit.span, earlier[1], "title", earlier[0])
        if day is None:
            return None  # who held an office is a question of date
        if hit.state is None:
            fitting = {p[2]: p[0] for p in self.persons.fitting_before(self.offices, hit.role, hit.span.start, day)}
            if len(fitting) == 1:
                idx, span = next(iter(fitting.items()))
                return Reference(hit.span, idx, "title", span)
        # «خادم الحرمين الشريفين» names its state's holder whoever was named before.
        holder = _holder(self.kb, hit.role, hit.state or self.state, day)
        known = next((i for i, e in enumerate(self.doc.entities) if holder and e.kb_id == holder), None)
        return Reference(hit.span, known, "title") if known is not None else None

    def _note(self, ref: Reference | None, nouns: frozenset[str]) -> Reference | None:
        """Keep ``ref`` as a candidate antecedent for later pronouns."""
        if ref is not None:
            k = bisect.bisect_right(self.named_starts, ref.span.start)
            self.named.insert(k, _Named(ref.span, ref.entity, self._sentence(ref.span), nouns))
            self.named_starts.insert(k, ref.span.start)
        return ref

    def pronoun(self, span: Span, honorific: Honorific) -> Reference | None:
        lo = bisect.bisect_left(self.named_starts, span.start - PRONOUN_REACH - MAX_NAME_CHARS)
        hi = bisect.bisect_left(self.named_starts, span.start)
        found = _antecedent(self.offices, self.doc, self.named[lo:hi], span, honorific)
        if found is None:
            return None
        return self._note(Reference(span, found.entity, "pronoun", found.span), honorific.nouns)

    def body(self, i: int) -> Reference | None:
        """«الوزارة» after «وزارة الدفاع الأميركية»: the last body named with that head noun."""
        doc = self.doc
        head = next((k[2:] for k in _keys_of(doc, i) if k.startswith("ال") and k[2:] in self.lex.body_heads),
                    None)
        if head is None:
            return None
        following = fold(_word(doc, i + 1)) if i + 1 < len(doc.tokens) else ""
        # (إلى folds to الي, which looks like one: a nisba has a stem of three letters at least)
        if (following.startswith("ال") and len(following) >= MIN_DESCRIPTION_LETTERS
                and following.endswith(self.lex.description_endings) and following not in self.lex.relatives):
            return None  # «الحكومة العراقية»: a description that names its own body
        span = _body_span(doc, i)
        if self.taken.overlap(span):
            return None
        found = self.bodies.last(head, span)
        return Reference(span, found[0], "body", found[1]) if found is not None else None


#: Longest person's mention counted on when a pronoun looks back (characters).
MAX_NAME_CHARS = 200


def _tokens_in(doc: Document, spans: list[Span]) -> list[bool]:
    """For each token, whether it lies inside one of ``spans`` (sorted by start), in one sweep."""
    flags = [False] * len(doc.tokens)
    k = 0
    for i, token in enumerate(doc.tokens):
        while k < len(spans) and spans[k].end <= token.start:
            k += 1
        flags[i] = k < len(spans) and spans[k].start <= token.start < spans[k].end
    return flags


def _token_at(doc: Document, offset: int) -> int:
    lo, hi = 0, len(doc.tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc.tokens[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _body_span(doc: Document, i: int) -> Span:
    """The token from its article on («وقالت الوزارة»، «للوزارة» has its ل before the article)."""
    token = doc.tokens[i]
    for a, _, role in token.pieces:
        if role == "det":
            return Span(token.start + a, token.end)
    return token.span


class _BodyIndex:
    """Mentions of bodies by the head noun that names them: their name opens with it («وزارة
    الدفاع») or, for a state, follows a government head («حكومة إريتريا»)."""

    def __init__(self, doc: Document, lex: Lexicon, known_heads: dict[str, frozenset[str]]) -> None:
        self.doc = doc
        found: dict[str, list[tuple[int, int, Span]]] = defaultdict(list)
        for idx, ent in enumerate(doc.entities):
            if ent.type not in BODY_TYPES:
                continue
            # («عناصر من داعش … التنظيم»: the knowledge base names it «تنظيم داعش»)
            named_with = known_heads.get(ent.kb_id, frozenset()) & lex.kb_name_heads if ent.kb_id else frozenset()
            for m in ent.mentions:
                heads = {fold(doc.text[m.start:m.end].split(" ", 1)[0]).removeprefix("ال")} | named_with
                i = _token_at(doc, m.start)
                if i > 0 and ent.type in ("GPE", "ORG"):
                    before = _keys_of(doc, i - 1)
                    heads |= before & (lex.state_heads if ent.type == "GPE" else lex.body_heads)
                for head in heads & lex.body_heads:
                    found[head].append((m.end, idx, m))
        self.by_head = {head: sorted(v, key=lambda x: x[0]) for head, v in found.items()}

    def last(self, head: str, span: Span) -> tuple[int, Span] | None:
        """The last body named with ``head`` that ends before ``span``, within reach; a
        nationality stands for its state («الحكومة الإريترية … الحكومة»)."""
        items = self.by_head.get(head, [])
        k = bisect.bisect_right(items, span.start, key=lambda x: x[0])
        while k > 0 and items[k - 1][2].start >= span.start:
            k -= 1
        if k == 0 or span.start - items[k - 1][0] > BODY_REACH:
            return None
        _, idx, m = max(items[max(0, k - MAX_OVERLAPPING):k], key=lambda x: x[2].start)
        ent = self.doc.entities[idx]
        if ent.type == "NORP" and ent.country:
            state = next((j for j, e in enumerate(self.doc.entities) if e.kb_id == ent.country), None)  # ISO3
            return (state, m) if state is not None else (idx, m)
        return idx, m


#: Mentions ending at the same place that are weighed for the latest start (ends sort them).
MAX_OVERLAPPING = 4


def find_references(doc: Document, kb: KnowledgeBase) -> list[Reference]:
    """Every title, honorific pronoun and body noun of ``doc`` (with entities) that stands for one
    of its entities, in text order."""
    if not doc.entities:
        return []
    resolver = _Resolver(doc, kb)
    hits = {h.first: h for h in title_hits(doc, kb)}
    out: list[Reference] = []
    i = 0
    while i < len(doc.tokens):
        ref: Reference | None = None
        hit = hits.get(i)
        if hit is not None:
            ref = resolver.title(hit)
            i = hit.last + 1
        else:
            pronoun = _pronoun(doc, i)
            if pronoun is not None:
                ref = resolver.pronoun(*pronoun)
            elif doc.tokens[i].kind == "word":
                ref = resolver.body(i)
            i += 1
        if ref is not None:
            out.append(ref)
    return out


def _pronoun(doc: Document, i: int) -> tuple[Span, Honorific] | None:
    """An honorific pronoun at token ``i``, possibly after a conjunction or preposition (ومعاليه)."""
    word = _word(doc, i)
    for key, offset in first_word_keys(word):
        found = honorifics().get(key)
        if found is not None:
            token = doc.tokens[i]
            return Span(token.start + offset, token.end), found
    return None


def _antecedent(offices: OfficesOf, doc: Document, named: list[_Named], span: Span,
                honorific: Honorific) -> _Named | None:
    """The person a pronoun stands for, among ``named`` (those just before it).

    First the person last introduced with the pronoun's honorific noun, or referred to by a title
    or pronoun that bears it: «التقى معالي الوزير فلان … الأمير علان … وأكد معاليه» is the
    minister.  Otherwise, in the nearest sentence before it (or its own) that names a person of the
    knowledge base whose known offices may fit, the first one whose office fits, else the first one
    (Arabic news names the subject first: «استقبل الوزير فلان نظيره فلان. وأكد معاليه» is the host).
    """
    before = [n for n in named if n.span.end <= span.start and span.start - n.span.end <= PRONOUN_REACH]
    honoured = [n for n in before if n.nouns & honorific.nouns]
    if honoured:
        sentence = honoured[-1].sentence
        return next(n for n in honoured if n.sentence == sentence)
    # Only persons the knowledge base knows: an honorific is given to officials and royals, and
    # an unknown name before it is as likely the wrong antecedent as the right one.  A person
    # whose known offices do not fit is not meant either (معاليه is no king's).
    day = doc.published
    known = [n for n in before if doc.entities[n.entity].kb_id is not None
             and (not honorific.roles or _may_fit(offices, doc.entities[n.entity].kb_id, honorific.roles, day))]
    if not known:
        return None
    sentence = known[-1].sentence
    nearest = [n for n in known if n.sentence == sentence]
    if honorific.roles:
        fitting = [n for n in nearest if _fits(offices, doc.entities[n.entity].kb_id, honorific.roles, day)]
        if fitting:
            return fitting[0]
    return nearest[0]


__all__ = [
    "Honorific",
    "TitleHit",
    "bare_titles",
    "find_references",
    "honorifics",
    "lexicon",
    "offices_of",
    "title_hits",
    "title_holders",
]
