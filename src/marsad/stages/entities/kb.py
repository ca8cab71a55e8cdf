"""The knowledge base: states, places, organisations, outlets, state bodies, persons and offices.

Everything lives in ``marsad/data/kb/*.tsv`` (each file names its sources in its header).  This
module loads those files once into :class:`KnowledgeBase`, which indexes every Arabic name by its
matching key (one folded word per name word) and answers "who held this office on this date".
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import get_args

from marsad.core.cache import cached
from marsad.core.document import EntityType
from marsad.core.errors import DataError
from marsad.text.keys import fold, frequency
from marsad.text.resources import read_tsv, read_tsv_dicts

KB_DIR = "kb"
ENTITY_TYPES: frozenset[str] = frozenset(get_args(EntityType))

#: Files of named entries sharing the columns id, name_en, type, country, wikidata, names_ar.
ENTRY_FILES = ("organisations.tsv", "outlets.tsv", "bodies.tsv")
#: Columns each file must have, in order (the validator test checks the same table).
COLUMNS: dict[str, tuple[str, ...]] = {
    "countries.tsv": ("iso3", "name_en", "wikidata", "names_ar", "demonym", "plural", "adj_en",
                      "leader"),
    "places.tsv": ("name_en", "type", "country", "wikidata", "names_ar"),
    "organisations.tsv": ("id", "name_en", "type", "country", "wikidata", "names_ar"),
    "outlets.tsv": ("id", "name_en", "type", "country", "wikidata", "names_ar"),
    "bodies.tsv": ("id", "name_en", "type", "country", "wikidata", "names_ar"),
    "ministries.tsv": ("key", "name_en", "names_ar", "mention"),
    "people.tsv": ("id", "name_en", "wikidata", "country", "names_ar", "short"),
    "offices.tsv": ("person", "role", "of", "start", "end"),
    "titles.tsv": ("role", "adjective", "construct"),
    "body_titles.tsv": ("role", "forms"),
    "name_particles.tsv": ("particle", "lineage"),
    "title_modifiers.tsv": ("position", "word"),
    "descriptors.tsv": ("position", "word", "when"),
    "gazetteer.tsv": ("name_en", "type", "country", "wikidata", "lat", "lon", "population", "match",
                      "level", "names_ar"),
    "coordinates.tsv": ("key", "lat", "lon"),
    "actors.tsv": ("id", "name_en", "country", "names_ar"),
    "name_tokens.tsv": ("token", "latin", "egypt", "maghreb"),
    "honorifics.tsv": ("form", "roles"),
    "bare_titles.tsv": ("form", "role"),
    "outlet_cues.tsv": ("word", "kind"),
    "not_persons.tsv": ("word",),
    "common_noun_cues.tsv": ("word",),
    "place_heads.tsv": ("word", "region", "small"),
    "nationality_heads.tsv": ("word",),
    "family_names.tsv": ("country", "family"),
    "facility_heads.tsv": ("head", "adjective", "english"),
    "org_heads.tsv": ("head", "adjective", "english"),
    "name_titles.tsv": ("word", "english"),
    "cued_names.tsv": ("name", "kb_id", "before", "partners"),
}

NameKey = tuple[str, ...]


_ABD = re.compile(r"(?<!\S)عبد(?: (?=ال)|(?=ال))")


def abd_variant(form: str) -> str:
    """The other spelling of عبد + a definite name: عبد العزيز ↔ عبدالعزيز."""
    return _ABD.sub(lambda m: "عبد" if m.group(0).endswith(" ") else "عبد ", form)


def name_key(text: str) -> NameKey:
    """The matching key of a name: its words, each folded (hamza, ya, ta marbuta, diacritics)."""
    return tuple(fold(w) for w in text.split())


@dataclass(frozen=True, slots=True)
class KbEntry:
    """One real-world entity the knowledge base knows."""

    kb_id: str
    type: EntityType
    name_en: str
    name_ar: str
    wikidata: str | None = None
    country: str | None = None
    kind: str = "org"
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Office:
    """A term of office: ``person`` held ``role`` in ``of`` (a state's ISO3 or a body id)."""

    person: str
    role: str
    of: str
    start: dt.date
    end: dt.date | None

    def holds(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Name:
    """One Arabic form of an entry.

    ``short`` forms (surnames) need the article to single the person out; ``context`` forms are
    also common words (سيول "floods", Seoul) and need the article to mention the entry's state, or
    one of the states listed in ``where``: the theatre where a bare short name means the body
    (التحالف: the Saudi-led coalition in a story about Yemen, the coalition against the Islamic
    State in one about Iraq or Syria).
    """

    kb_id: str
    form: str
    short: bool = False
    context: bool = False
    #: A spelling the loader derived (عبدالعزيز for عبد العزيز), not one a data file lists.
    variant: bool = False
    where: frozenset[str] = frozenset()


#: Kinds of entries generated from large public lists (gazetteer.tsv, actors.tsv): the trained
#: tagger never saw their names among its inputs, so they stay out of them.
GENERATED_KINDS = frozenset({"gazetteer", "actor"})

#: Marks a form, in the data files, as a common word too (see ``Name.context``).
CONTEXT_MARK = "~"
#: Separates a context form from the states where it names the entry (``~التحالف@YEM``), and
#: those states from each other (``@IRQ,SYR``): see ``Name.where``.
WHERE_MARK = "@"
#: Marks an outlet's form that names it only where the context says outlet (see find_outlets).
OUTLET_MARK = "="


@dataclass
class KnowledgeBase:
    """All entries with their names indexed by :func:`name_key`, plus offices and titles."""

    entries: dict[str, KbEntry] = field(default_factory=dict)
    names: dict[NameKey, list[Name]] = field(default_factory=lambda: defaultdict(list))
    longest: dict[str, int] = field(default_factory=dict)
    offices: list[Office] = field(default_factory=list)
    #: Definite demonym adjectives (الروسي، الكورية الشمالية) → ISO3.
    demonyms: dict[NameKey, str] = field(default_factory=dict)
    #: Raw Arabic names and demonyms (masculine, feminine) per ISO3, for composing ministries.
    country_forms: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    demonym_forms: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    #: Which role "the leader of X" means, per ISO3.
    leader_role: dict[str, str] = field(default_factory=dict)
    #: Composed ministry ids that a hand-listed body stands for (defence@USA → pentagon).
    aliases: dict[str, str] = field(default_factory=dict)
    title_adjective: dict[NameKey, str] = field(default_factory=dict)
    title_construct: dict[NameKey, str] = field(default_factory=dict)
    body_titles: dict[NameKey, str] = field(default_factory=dict)
    #: Common nouns that with a nationality adjective describe a state's institution (الجيش،
    #: الحكومة): the composed form is not a name, its adjective is a NORP mention.
    description_heads: set[NameKey] = field(default_factory=set)
    #: Ministries named without their state (وزارة الداخلية): name key → the ministries.tsv key
    #: (interior), composed with the state the article tells (entities/ministries.py).
    bare_ministries: dict[NameKey, str] = field(default_factory=dict)
    #: The English name of a ministry of no named state, per ministries.tsv key (Ministry of Interior).
    ministry_names: dict[str, str] = field(default_factory=dict)
    #: Gazetteer places whose names are matched only on a span the tagger found (small places
    #: share names with villages, families and words): name key → entry ids, most populous first.
    tagged_places: dict[NameKey, list[str]] = field(default_factory=dict)
    #: Populous gazetteer places whose names are no common word (column ``match``): matched in
    #: text on their own where the article names their state.  Name key → entry id.
    local_places: dict[NameKey, str] = field(default_factory=dict)
    #: The states those places are in.
    local_states: set[str] = field(default_factory=set)
    #: Linked gazetteer entries that are first-level divisions (governorates, provinces).
    regions: set[str] = field(default_factory=set)
    #: Persons of generated lists by full name, linking a person the tagger found.
    tagged_persons: dict[NameKey, str] = field(default_factory=dict)
    #: Organisations by the core of a listed name, without its class noun or nationality (الهلال
    #: of نادي الهلال, ليفربول of ليفربول الإنجليزي): they link an organisation the tagger found.
    tagged_orgs: dict[NameKey, list[str]] = field(default_factory=dict)
    #: Names of news outlets where the context says outlet (صحيفة الرياض، لـ«الشرق الأوسط»).
    outlet_forms: dict[NameKey, str] = field(default_factory=dict)

    def add_name(self, form: str, kb_id: str, *, short: bool = False, derived: bool = False) -> None:
        """Index ``form`` for ``kb_id``; ``derived`` forms were composed by the loader."""
        context = form.startswith(CONTEXT_MARK)
        form, _, states = form.removeprefix(CONTEXT_MARK).partition(WHERE_MARK)
        where = frozenset(s for s in states.split(",") if s) if context else frozenset()
        # عبد + a name of God is written both joined and apart (عبدالعزيز, عبد العزيز).
        self._add(Name(kb_id, form, short, context, derived, where))
        other = abd_variant(form) if "عبد" in form else form
        if other != form:
            self._add(Name(kb_id, other, short, context, True, where))

    def _add(self, name: Name) -> None:
        key = name_key(name.form)
        if not key:
            return
        bucket = self.names[key]
        for i, n in enumerate(bucket):
            if n.kb_id == name.kb_id:
                if n.variant and not name.variant:  # a data file lists the derived spelling too
                    bucket[i] = name
                return
        bucket.append(name)
        self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))

    def lookup(self, key: NameKey) -> list[Name]:
        return self.names.get(key, [])

    def holders(self, role: str, of: str, day: dt.date) -> list[str]:
        """Persons holding ``role`` in ``of`` on ``day`` (several when the data says so)."""
        ofs = {of, self.aliases.get(of, of)} | {k for k, v in self.aliases.items() if v == of}
        return sorted({o.person for o in self.offices if o.role == role and o.of in ofs and o.holds(day)})

    def in_office(self, person: str, day: dt.date) -> bool:
        return any(o.person == person and o.holds(day) for o in self.offices)

    def ever_held(self, person: str) -> bool:
        return any(o.person == person for o in self.offices)


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of ``data/kb/<name>`` as dicts, checking the column line against :data:`COLUMNS`."""
    return read_tsv_dicts(f"{KB_DIR}/{name}", COLUMNS[name])


@lru_cache(maxsize=1)
def title_modifiers() -> dict[str, frozenset[str]]:
    """Folded words of title_modifiers.tsv by position: ``before`` a title they make it a deputy's
    or an aide's (نائب، مساعد), ``after`` it a former or future holder's (السابق، المنتخب)."""
    rows = read_table("title_modifiers.tsv")
    return {pos: frozenset(fold(r["word"]) for r in rows if r["position"] == pos) for pos in ("before", "after")}


@cache
def head_patterns(name: str) -> dict[str, dict[str, str]]:
    """Folded head noun → {folded closing adjective or "-": English pattern}, from a table of
    ``head, adjective, english`` rows (org_heads.tsv: جامعة … → "{} University"; facility_heads.tsv)."""
    out: dict[str, dict[str, str]] = {}
    for row in read_table(name):
        adjective = row["adjective"] if row["adjective"] == "-" else fold(row["adjective"])
        out.setdefault(fold(row["head"]), {})[adjective] = row["english"]
    return out


def split_forms(cell: str) -> list[str]:
    return [f.strip() for f in cell.split("|") if f.strip()]


def display_form(forms: list[str]) -> str:
    """The name to show: the first form that is not only a common word."""
    plain = [f for f in forms if not f.startswith((CONTEXT_MARK, OUTLET_MARK))]
    return (plain or forms)[0].lstrip(CONTEXT_MARK + OUTLET_MARK)


def _entity_type(value: str, file: str) -> EntityType:
    if value not in ENTITY_TYPES:
        raise DataError(f"data file marsad/data/kb/{file}: unknown entity type {value!r}")
    return value  # type: ignore[return-value]


def _date(value: str, file: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DataError(f"data file marsad/data/kb/{file}: bad date {value!r}, use YYYY-MM-DD") from None


def spelling_variants(form: str) -> list[str]:
    """A foreign person's name with g written غ and, as in Egyptian usage, ج (غوتيريش, جوتيريش)."""
    if "غ" in form:
        return [form, form.replace("غ", "ج")]
    return [form]


#: Most wordfreq frequency (Zipf 4.3) of a word with غ taken for a foreign name's (بوينغ،
#: الكونغرس): commoner ones are Arabic words whose غ is no g (الغرب، الغذاء، المغرب، الغد).
FOREIGN_WORD_MAX_FREQ = 2e-5


def foreign_g_variants(form: str) -> list[str]:
    """An organisation's name with the g of its foreign words written ج too (شركة بوينغ → شركة
    بوينج); Arabic words keep their غ (الغرب is not الجرب "scabies")."""
    words = form.split()
    varied = [w.replace("غ", "ج") if "غ" in w and _rare(w) else w for w in words]
    return [form, " ".join(varied)] if varied != words else [form]


def _rare(word: str) -> bool:
    return frequency(word.lstrip(CONTEXT_MARK + OUTLET_MARK)) < FOREIGN_WORD_MAX_FREQ


def adjective_forms(demonym: str) -> list[str]:
    """Definite masculine and feminine forms of a demonym: كوري شمالي → الكوري الشمالي, الكورية الشمالية."""
    words = demonym.split()
    masc = " ".join("ال" + w for w in words)
    fem = " ".join("ال" + w + "ة" for w in words)
    return [masc, fem]


def _load_countries(kb: KnowledgeBase) -> None:
    for row in read_table("countries.tsv"):
        iso3 = row["iso3"]
        forms = split_forms(row["names_ar"])
        kb.entries[iso3] = KbEntry(iso3, "GPE", row["name_en"], display_form(forms), row["wikidata"] or None,
                                   iso3, "country")
        for form in forms:
            kb.add_name(form, iso3)
        kb.country_forms[iso3] = [f.removeprefix(CONTEXT_MARK) for f in forms]
        for demonym in split_forms(row["demonym"]):
            masc, fem = adjective_forms(demonym)
            kb.demonym_forms[iso3].append((masc, fem))
            for adj in (masc, fem):
                kb.demonyms.setdefault(name_key(adj), iso3)
        if row["leader"]:
            kb.leader_role[iso3] = row["leader"]
        _load_people_of(kb, row)


def _load_people_of(kb: KnowledgeBase, row: dict[str, str]) -> None:
    """The people of a state named as a group (الروس، الأمريكيون) or by the nationality adjective of
    a described institution (the السودانية of الحكومة السودانية): NORP, acting for the state."""
    plural, demonyms = split_forms(row["plural"]), split_forms(row["demonym"])
    if not row["adj_en"] or not (plural or demonyms):
        return
    iso3 = row["iso3"]
    display = plural[0] if plural else adjective_forms(demonyms[0])[0]
    people = people_id(iso3)
    kb.entries[people] = KbEntry(people, "NORP", f"{row['adj_en']} people", display, None, iso3, "people")
    for form in plural:
        kb.add_name(form, people)


def people_id(iso3: str) -> str:
    """The knowledge-base id of a state's people (NORP)."""
    return f"people@{iso3}"


def _load_places(kb: KnowledgeBase) -> None:
    for row in read_table("places.tsv"):
        forms = split_forms(row["names_ar"])
        kb_id = "place:" + row["name_en"].casefold().replace(" ", "_")
        kb.entries[kb_id] = KbEntry(kb_id, _entity_type(row["type"], "places.tsv"), row["name_en"],
                                    display_form(forms), row["wikidata"] or None, row["country"] or None,
                                    "place")
        for form in forms:
            kb.add_name(form, kb_id)


def _load_named(kb: KnowledgeBase, file: str) -> None:
    for row in read_table(file):
        forms = split_forms(row["names_ar"])
        if file == "outlets.tsv":
            # Every form names the outlet after صحيفة/وكالة/قناة or in quotes after ل; a form
            # marked = (الرياض, the newspaper) only there, being another entry's name too.
            for form in forms:
                kb.outlet_forms.setdefault(name_key(form.lstrip(CONTEXT_MARK + OUTLET_MARK)), row["id"])
            forms = [f for f in forms if not f.startswith(OUTLET_MARK)]
        kb.entries[row["id"]] = KbEntry(row["id"], _entity_type(row["type"], file), row["name_en"],
                                        display_form(forms), row["wikidata"] or None,
                                        row["country"] or None, file.removesuffix(".tsv"))
        for form in forms:
            # A foreign name's g is written غ and ج (بوينغ، بوينج), as in persons' names.
            for variant in foreign_g_variants(form):
                kb.add_name(variant, row["id"], derived=variant != form)
                # (a theatre form names the body only where its states are told, never by itself)
                if row["type"] == "ORG" and file != "outlets.tsv" and WHERE_MARK not in variant:
                    _add_org_core(kb, variant.lstrip(CONTEXT_MARK), row["id"])


#: Fewest letters of an organisation's core name: shorter ones (الرائد) are too often a word.
MIN_CORE_LETTERS = 4


def org_core(form: str, demonyms: dict[NameKey, str]) -> NameKey | None:
    """The name inside an organisation's listed form: after its class noun (نادي الهلال → الهلال)
    or before a closing nationality adjective (ليفربول الإنجليزي → ليفربول); None when neither."""
    key = name_key(form)
    if len(key) < 2:
        return None
    heads = head_patterns("org_heads.tsv")
    if key[0] in heads:
        core = key[1:]
    elif key[-1:] in demonyms:
        core = key[:-1]
    else:
        return None
    return core if sum(len(w) for w in core) >= MIN_CORE_LETTERS else None


def _add_org_core(kb: KnowledgeBase, form: str, kb_id: str) -> None:
    core = org_core(form, kb.demonyms)
    if core is not None and kb_id not in kb.tagged_orgs.setdefault(core, []):
        kb.tagged_orgs[core].append(kb_id)


def with_family(forms: list[str], families: list[str]) -> list[str]:
    """Forms with بن that lack the ruling family's name, with it added (… بن عبد العزيز آل سعود)."""
    extra = [f"{form} {family}" for form in forms if " بن " in form
             for family in families if not form.endswith(family)]
    return [*forms, *(e for e in extra if e not in forms)]


def _load_people(kb: KnowledgeBase) -> None:
    families: dict[str, list[str]] = defaultdict(list)
    for row in read_table("family_names.tsv"):
        families[row["country"]].append(row["family"])
    for row in read_table("people.tsv"):
        forms = split_forms(row["names_ar"])
        kb.entries[row["id"]] = KbEntry(row["id"], "PER", row["name_en"], display_form(forms),
                                        row["wikidata"] or None, row["country"] or None, "person")
        for form in forms:
            for variant in spelling_variants(form):
                kb.add_name(variant, row["id"])
        for form in split_forms(row["short"]):
            for variant in spelling_variants(form):
                kb.add_name(variant, row["id"], short=True)
        for form in with_family(forms, families.get(row["country"], []))[len(forms):]:
            kb.add_name(form, row["id"], derived=True)
    for row in read_table("offices.tsv"):
        end = _date(row["end"], "offices.tsv") if row["end"] else None
        kb.offices.append(Office(row["person"], row["role"], row["of"],
                                 _date(row["start"], "offices.tsv"), end))


def _load_ministries(kb: KnowledgeBase) -> None:
    """Compose ministry words with every state: وزارة الدفاع + الكورية الجنوبية, وزارة دفاع + روسيا."""
    countries = [e for e in kb.entries.values() if e.kind == "country"]
    for row in read_table("ministries.tsv"):
        if row["mention"] not in ("name", "description"):
            raise DataError(f"data file marsad/data/kb/ministries.tsv: unknown mention {row['mention']!r}")
        if row["mention"] == "description":
            kb.description_heads.update(name_key(f) for f in split_forms(row["names_ar"]))
        elif not row["key"].endswith("/short"):
            kb.bare_ministries.update((name_key(f), row["key"]) for f in split_forms(row["names_ar"]))
            kb.ministry_names[row["key"]] = row["name_en"].replace(" ({country})", "")
        for country in countries:
            iso3 = country.kb_id
            kb_id = f"{row['key'].removesuffix('/short')}@{iso3}"
            forms: list[str] = []
            for base in split_forms(row["names_ar"]):
                words = base.split()
                # The adjective agrees with the head noun: وزارة الدفاع الروسية, الجيش الروسي.
                # A */short key drops the head وزارة (الخارجية الروسية), so only the feminine
                # agrees; "الدفاع الأمريكي" is the tail of "وزير الدفاع الأمريكي", not a body.
                short = row["key"].endswith("/short")
                feminine = short or words[0].endswith(("ة", "ات"))
                for masc, fem in kb.demonym_forms[iso3]:
                    forms += [f"{base} {fem}"] if short else (
                        [f"{base} {fem}", f"{base} {masc}"] if feminine else [f"{base} {masc}"])
                if len(words) > 1 and words[-1].startswith("ال"):
                    construct = " ".join([*words[:-1], words[-1][2:]])
                    forms += [construct + " " + f for f in kb.country_forms[iso3]]
            fresh = [f for f in forms if not kb.lookup(name_key(f))]
            known = [n.kb_id for f in forms for n in kb.lookup(name_key(f))]
            if kb_id in kb.entries:
                known.append(kb_id)  # a /short row adds forms to the ministry of its full row
            if known:
                # A hand-listed body (البنتاغون for وزارة الدفاع الأمريكية) takes the other forms.
                kb.aliases[kb_id] = known[0]
                for form in fresh:
                    kb.add_name(form, known[0])
                continue
            if not fresh:
                continue
            kb.entries[kb_id] = KbEntry(kb_id, "ORG", row["name_en"].format(country=country.name_en),
                                        fresh[0], None, iso3, "ministry")
            for form in fresh:
                kb.add_name(form, kb_id)


def _load_titles(kb: KnowledgeBase) -> None:
    for row in read_table("titles.tsv"):
        for form in split_forms(row["adjective"]):
            kb.title_adjective[name_key(form)] = row["role"]
        for form in split_forms(row["construct"]):
            kb.title_construct[name_key(form)] = row["role"]
    for row in read_table("body_titles.tsv"):
        for form in split_forms(row["forms"]):
            kb.body_titles[name_key(form)] = row["role"]


def _load_actors(kb: KnowledgeBase) -> None:
    """Persons of the UniversalPetrarch dictionary, below the curated people: they link a person
    the tagger found by the same full name (``tagged_persons``); a name the knowledge base knows
    already keeps its reading."""
    for row in read_table("actors.tsv"):
        forms = [f for f in split_forms(row["names_ar"]) if not kb.lookup(name_key(f))]
        if not forms:
            continue
        kb.entries[row["id"]] = KbEntry(row["id"], "PER", row["name_en"], forms[0], None,
                                        row["country"] or None, "actor")
        for form in forms:
            kb.tagged_persons.setdefault(name_key(form), row["id"])
            if "عبد" in form:
                kb.tagged_persons.setdefault(name_key(abd_variant(form)), row["id"])


def _load_gazetteer(kb: KnowledgeBase) -> None:
    """Places of GeoNames and the subdivision lists that have coordinates, as linked entries (a
    hand-listed place with the same Wikidata id takes the coordinates); names of populous places
    are matched in text, the others only name tagger spans.  Places without coordinates are
    read on demand by :func:`unlinked_place`."""
    by_wikidata = {e.wikidata: e.kb_id for e in kb.entries.values() if e.wikidata and e.kind == "place"}
    for row in _gazetteer_rows(linked=True):
        key = tuple(fold(row["names_ar"]).split())  # one fold per name: the file is long
        lat, lon = float(row["lat"]), float(row["lon"])
        # A province has its seat's point but no Wikidata id: its state and name make its id.
        own = row["wikidata"] or f"{row['country']}:{row['name_en']}"
        kb_id = by_wikidata.get(row["wikidata"]) or "geo:" + own
        entry = kb.entries.get(kb_id)
        if entry is None:
            entry = KbEntry(kb_id, _entity_type(row["type"], "gazetteer.tsv"), row["name_en"], row["names_ar"],
                            row["wikidata"] or None, row["country"] or None, "gazetteer", lat, lon)
        elif entry.lat is None:
            entry = replace(entry, lat=lat, lon=lon)
        kb.entries[kb_id] = entry
        if row["level"] == "region":
            kb.regions.add(kb_id)
        # Every gazetteer name links a place the tagger found, or one after a class noun (مدينة
        # الهفوف): matched on their own, even populous places' names cost ANERcorp LOC and ORG
        # precision (bench/ner_eval.py --mode stage), being parts of other names and words.
        if kb_id not in kb.tagged_places.setdefault(key, []):
            kb.tagged_places[key].append(kb_id)
        if row["match"] == "yes":
            kb.local_places.setdefault(key, kb_id)
            kb.local_states.add(row["country"])


def _gazetteer_rows(*, linked: bool) -> list[dict[str, str]]:
    """Rows of gazetteer.tsv with coordinates (``linked``) or without; the others are not made
    into dicts, which keeps loading the knowledge base under a second."""
    want = COLUMNS["gazetteer.tsv"]
    lat = want.index("lat")
    return [dict(zip(want, cells, strict=True)) for cells in read_tsv(f"{KB_DIR}/gazetteer.tsv", want)
            if bool(cells[lat]) == linked]


@lru_cache(maxsize=1)
def _unlinked_places() -> dict[NameKey, list[tuple[str, str, str]]]:
    """Name key → (English name, state, level) of every gazetteer place without coordinates."""
    out: dict[NameKey, list[tuple[str, str, str]]] = {}
    for row in _gazetteer_rows(linked=False):
        out.setdefault(tuple(fold(row["names_ar"]).split()), []).append(
            (row["name_en"], row["country"], row["level"]))
    return out


@lru_cache(maxsize=1)
def _any_place_table(kb_id: int) -> dict[NameKey, str]:
    kb = load()
    table = dict.fromkeys(_unlinked_places(), "")
    table.update({key: ids[0] for key, ids in kb.tagged_places.items() if ids})
    return table


def any_place(kb: KnowledgeBase) -> dict[NameKey, str]:
    """Every gazetteer place name (small places too) → the most populous linked entry's id, or ""
    for a place without coordinates; built on first use."""
    return _any_place_table(id(kb)) if kb is load() else dict.fromkeys(_unlinked_places(), "")


def unlinked_place(key: NameKey) -> tuple[str, str] | None:
    """English name and state of a gazetteer place without coordinates (named, not linked)."""
    rows = _unlinked_places().get(key)
    return rows[0][:2] if rows else None


@dataclass(frozen=True, slots=True)
class PlaceReading:
    """One place a name may stand for: a linked entry (``kb_id``) or a gazetteer place named only."""

    kb_id: str | None
    name_en: str
    country: str | None
    #: A first-level division (governorate, province), not a town.
    region: bool = False
    #: A town or city the knowledge base links (hand-listed, or with coordinates).
    city: bool = False


def place_readings(kb: KnowledgeBase, key: NameKey) -> list[PlaceReading]:
    """Every place ``key`` may name: hand-listed places first, then the gazetteer's linked places
    (most populous first), then its places without coordinates."""
    ids = [n.kb_id for n in kb.lookup(key) if not n.short and kb.entries[n.kb_id].kind == "place"]
    ids += [i for i in kb.tagged_places.get(key, []) if i not in ids]
    out = [PlaceReading(i, kb.entries[i].name_en, kb.entries[i].country, i in kb.regions,
                        i not in kb.regions and kb.entries[i].type == "GPE") for i in ids]
    out += [PlaceReading(None, name, country or None, level == "region")
            for name, country, level in _unlinked_places().get(key, [])]
    return out


#: Most wordfreq frequency (Zipf 4.4) of a division's name that counts as naming its state: more
#: frequent ones are words too (الوسطى "central", العاصمة "the capital", البيضاء "white").
REGION_WORD_MAX_FREQ = 10**-4.6
#: Most frequency (Zipf 3.7) of the name with the article added or removed (شمالية / الشمالية).
REGION_OTHER_FORM_MAX_FREQ = 10**-5.3


@lru_cache(maxsize=1)
def _region_states(kb_id: int) -> dict[NameKey, str]:
    kb = load()
    want = COLUMNS["gazetteer.tsv"]
    level, names = want.index("level"), want.index("names_ar")
    out: dict[NameKey, str] = {}
    for cells in read_tsv(f"{KB_DIR}/gazetteer.tsv", want):
        if cells[level] != "region":
            continue
        name = cells[names]  # as written: a folded form of a common word may be rare (الوسطي)
        key = name_key(name)
        states = {r.country for r in place_readings(kb, key)}
        other = name[2:] if name.startswith("ال") else "ال" + name
        # A name of several words needs one rare word: المنطقة الوسطى is "the central region".
        rare = min(frequency(w) for w in name.split()) < REGION_WORD_MAX_FREQ
        if len(states) == 1 and None not in states and rare \
                and (" " in name or frequency(other) < REGION_OTHER_FORM_MAX_FREQ):
            out[key] = next(iter(states))  # type: ignore[assignment]
    return out


@lru_cache(maxsize=1)
def _name_heads(kb_id: int) -> dict[str, frozenset[str]]:
    kb = load()
    heads: dict[str, set[str]] = defaultdict(set)
    for key, names in kb.names.items():
        for n in names:
            if len(key) > 1 and kb.entries[n.kb_id].type == "ORG":
                heads[n.kb_id].add(key[0].removeprefix("ال"))
    return {kb_id: frozenset(words) for kb_id, words in heads.items()}


def name_heads(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """The first words of every name of each organisation (folded, without the article): «تنظيم»
    of «تنظيم داعش», so a later «التنظيم» can stand for it though the story wrote «داعش»."""
    return _name_heads(id(kb)) if kb is load() else {}


def region_states(kb: KnowledgeBase) -> dict[NameKey, str]:
    """Names of first-level divisions (حضرموت، البقاع، ذي قار) that are no common word and name
    places of one state only → that state: naming one places the article in its state."""
    return _region_states(id(kb)) if kb is load() else {}


def _load_coordinates(kb: KnowledgeBase) -> None:
    """Coordinates of hand-listed places (by Wikidata id) and states (their capital's)."""
    points = {r["key"]: (float(r["lat"]), float(r["lon"])) for r in read_table("coordinates.tsv")}
    for kb_id, entry in kb.entries.items():
        if entry.kind not in ("place", "country") or entry.lat is not None:
            continue
        point = points.get(entry.kb_id if entry.kind == "country" else entry.wikidata or "") \
            or points.get(entry.kb_id)
        if point is not None:
            kb.entries[kb_id] = replace(entry, lat=point[0], lon=point[1])


@lru_cache(maxsize=1)
def load() -> KnowledgeBase:
    """The shipped knowledge base, loaded once per process (from the on-disk cache when it is
    current: building it folds every name, a third of a second of each command's start)."""
    return cached("kb", build, codec="pickle")


def build() -> KnowledgeBase:
    """The knowledge base read from the shipped data files."""
    kb = KnowledgeBase()
    _load_countries(kb)
    # Hand-edited entries before generated places: on a shared name the first entry is preferred.
    for file in ENTRY_FILES:
        _load_named(kb, file)
    _load_people(kb)
    _load_places(kb)
    _load_coordinates(kb)
    _load_actors(kb)
    _load_gazetteer(kb)
    _load_ministries(kb)
    _load_titles(kb)
    return kb
