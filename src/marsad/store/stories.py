"""Wire copies and stories, computed at ingest, one batch at a time.

A **wire copy** is an article whose words are nearly those of one stored before it (one SPA
report printed by four papers): MinHash over shingles of its normalised terms, candidates from
datasketch's LSH index, kept when the estimated Jaccard similarity reaches :data:`COPY_MIN`;
``articles.copy_of`` names the first stored article of the group.

A **story** groups the articles that report one real-world event.  A new article joins the
story of a wire copy it is, else the story of the most related article published within
:data:`WINDOW_DAYS` days, else starts a story of its own (whose id is the article's pk).
Related means: the lead events fall in the same family (data/events/families.yaml) when both
have lead events, and a weighted sum of lead-word overlap, shared actors, a shared place and
the same event family reaches :data:`STORY_MIN`.  Only the lead (title and first sentences)
is compared word by word: two reports often share their background paragraphs.
"""

from __future__ import annotations

import base64
import datetime as dt
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from marsad.store.rows import ArticleRows
from marsad.store.search import index_text
from marsad.text.resources import load_yaml

if TYPE_CHECKING:
    from marsad.store.base import Row, Store

#: Days between two articles of one story (a report and its follow-ups next day).
WINDOW_DAYS = 2
#: Estimated Jaccard similarity of shingle sets above which an article is a copy of another
#: (agencies' reports reprinted with a different dateline or a sentence cut stay above it).
COPY_MIN = 0.6
#: Words per shingle, and MinHash permutations (128: ±0.04 error on the Jaccard estimate).
SHINGLE = 4
NUM_PERM = 128
#: datasketch's hashing scheme, named so that stored signatures stay comparable across versions.
SCHEME = "affine32"
#: Relatedness at which a new article joins a story, and the weights of what is compared.
STORY_MIN = 0.45
WEIGHTS = {"lead": 0.5, "actors": 0.25, "place": 0.1, "family": 0.15}
#: The lead: the title and the body's first terms, and the characters in which its entities
#: are mentioned; its events are those of the first sentences.
LEAD_TERMS = 60
LEAD_CHARS = 400
LEAD_SENTENCES = 2
#: Lead terms shorter than this are particles and pronouns, not what a report is about.
MIN_TERM = 3
#: Candidates for a story share an actor or a place, or this many lead terms; terms found in
#: more than COMMON_SHARE of the window's articles (and more than COMMON_MIN) are not evidence.
LEAD_SHARED = 3
#: Articles the linker keeps in memory (about 5 kB each) before it drops the days a batch does
#: not need.
MAX_WINDOW = 20_000
COMMON_SHARE = 0.1
COMMON_MIN = 20
ACTOR_TYPES = {"PER", "ORG", "NORP"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}


@dataclass
class Keys:
    """What an article is compared on."""

    pk: int
    article_id: str
    day: str | None
    source: str | None
    lead: frozenset[str]
    actors: frozenset[str]
    places: frozenset[str]
    families: frozenset[str]
    minhash: np.ndarray[Any, np.dtype[np.uint64]]
    story: int | None = None
    copy_of: str | None = None
    record_id: str | None = None
    #: The signature as datasketch's LSH takes it (see _as_minhash).
    sketch: Any = None


@lru_cache(maxsize=1)
def families() -> dict[str, str]:
    """PLOVER type → family."""
    out: dict[str, str] = {}
    for family, types in load_yaml("events/families.yaml")["families"].items():
        for kind in types:
            out[str(kind)] = str(family)
    return out


@lru_cache(maxsize=1)
def _template() -> Any:
    """An empty MinHash: making one draws its permutations, which costs more than hashing an
    article, so every other one copies them from here."""
    from datasketch import MinHash

    # CRC-32 of each shingle: stable across processes (stored signatures stay comparable) and a
    # fifth of SHA-1's cost; the MinHash permutations do the mixing.
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashfunc=zlib.crc32)


def minhash(terms: list[str]) -> np.ndarray[Any, np.dtype[np.uint64]]:
    mh = _template().copy()
    grams = {" ".join(terms[i:i + SHINGLE]) for i in range(max(1, len(terms) - SHINGLE + 1))}
    mh.update_batch([g.encode("utf-8") for g in grams])
    return np.asarray(mh.hashvalues, dtype=np.uint64)


def similarity(a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]) -> float:
    """Estimated Jaccard similarity of two MinHash signatures."""
    return float(np.mean(a == b))


def article_keys(pk: int, rows: ArticleRows) -> Keys:
    """The keys of one article from the rows the store writes for it."""
    a = rows.article
    body = rows.body_terms.split()
    lead = {t for t in [*rows.title_terms.split(), *body[:LEAD_TERMS]] if len(t) >= MIN_TERM}
    first: dict[str, int] = {}
    for m in rows.mentions:
        first[m["entity_id"]] = min(first.get(m["entity_id"], m["start_char"]), m["start_char"])
    in_lead = {e["id"]: e["type"] for e in rows.entities if first.get(e["id"], LEAD_CHARS) < LEAD_CHARS}
    lead_events = [e for e in rows.events if (e.get("sentence") or 0) < LEAD_SENTENCES]
    actors = {i for i, kind in in_lead.items() if kind in ACTOR_TYPES}
    for ev in lead_events:
        actors |= set(ev["source_entities"].split()) | set(ev["target_entities"].split())
    places = {i for i, kind in in_lead.items() if kind in PLACE_TYPES}
    places |= {index_text(ev["location"]) for ev in lead_events if ev.get("location")}
    kinds = families()
    fams = {kinds[ev["type"]] for ev in lead_events if ev.get("type") in kinds}
    return Keys(pk, a["id"], a["published"], a["source"], frozenset(lead), frozenset(actors),
                frozenset(places - {""}), frozenset(fams), minhash(body), record_id=a.get("record_id"))


def _keys_of(rows: ArticleRows) -> Keys:
    """The article's keys (made when its rows were built, else now), with its pk."""
    if rows.story_keys is None:
        return article_keys(rows.pk, rows)
    rows.story_keys.pk = rows.pk
    return rows.story_keys


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def relatedness(a: Keys, b: Keys) -> float:
    """0 to 1: how likely ``a`` and ``b`` report the same event (0 when their lead events
    are of different families)."""
    if a.families and b.families and not a.families & b.families:
        return 0.0
    lead = len(a.lead & b.lead) / len(a.lead | b.lead) if a.lead and b.lead else 0.0
    # Lead overlap between two different wordings of one report rarely passes 0.5.
    lead = min(1.0, 2 * lead)
    return (WEIGHTS["lead"] * lead + WEIGHTS["actors"] * _overlap(a.actors, b.actors)
            + WEIGHTS["place"] * bool(a.places & b.places)
            + WEIGHTS["family"] * bool(a.families & b.families))


def _ordinal(day: str | None) -> int | None:
    return dt.date.fromisoformat(day).toordinal() if day else None


@lru_cache(maxsize=1)
def _lsh_params() -> tuple[int, int]:
    """datasketch's bands and rows for COPY_MIN, worked out once (it integrates to find them,
    which costs more than a day's index)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=COPY_MIN, num_perm=NUM_PERM)
    return lsh.b, lsh.r


class _Day:
    """The articles of one publication day, with an inverted index over their actors, places
    and lead terms."""

    def __init__(self) -> None:
        self.keys: list[Keys] = []
        self.postings: dict[str, list[Keys]] = {}

    def add(self, k: Keys) -> None:
        self.keys.append(k)
        for key in _index_keys(k):
            self.postings.setdefault(key, []).append(k)


class _Window:
    """The articles a new one is compared with: one LSH index over all of them (for copies),
    and their lead terms, actors and places by day, so that each new article is scored only
    against those of the days around its own that share something with it (a day of a busy
    desk holds thousands of reports).  Days no longer needed can be dropped."""

    def __init__(self) -> None:
        from datasketch import MinHashLSH

        self.lsh = MinHashLSH(num_perm=NUM_PERM, params=_lsh_params())
        self.by_pk: dict[int, Keys] = {}
        self.days: dict[int | None, _Day] = {}

    def add(self, k: Keys) -> None:
        self.by_pk[k.pk] = k
        self.lsh.insert(k.pk, _as_minhash(k))
        day = _ordinal(k.day)
        if day not in self.days:
            self.days[day] = _Day()
        self.days[day].add(k)

    def keep(self, days: set[int | None]) -> None:
        """Drop the days not in ``days`` (articles without a date stay)."""
        for day in [d for d in self.days if d is not None and d not in days]:
            for k in self.days.pop(day).keys:
                del self.by_pk[k.pk]
                self.lsh.remove(k.pk)

    def near(self, k: Keys) -> list[_Day]:
        """The days within WINDOW_DAYS of ``k``'s (every day when either has none)."""
        day = _ordinal(k.day)
        if day is None:
            return list(self.days.values())
        found = [self.days.get(d) for d in (*range(day - WINDOW_DAYS, day + WINDOW_DAYS + 1), None)]
        return [d for d in found if d is not None]

    def copies(self, k: Keys) -> list[Keys]:
        """Articles of the near days whose signatures LSH finds close to ``k``'s."""
        day = _ordinal(k.day)
        found = [self.by_pk[p] for p in self.lsh.query(_as_minhash(k))]
        if day is None:
            return found
        return [c for c in found if (other := _ordinal(c.day)) is None or abs(other - day) <= WINDOW_DAYS]

    def candidates(self, k: Keys) -> list[Keys]:
        """Articles of the near days sharing an actor or a place with ``k``, or LEAD_SHARED lead
        terms other than the commonest of those days."""
        near = self.near(k)
        common = max(COMMON_MIN, COMMON_SHARE * sum(len(d.keys) for d in near))
        shared: dict[int, int] = {}
        for key in _index_keys(k):
            postings = [d.postings[key] for d in near if key in d.postings]
            weight = 1 if key.startswith("t:") else LEAD_SHARED
            if weight == 1 and sum(map(len, postings)) > common:
                continue
            for posting in postings:
                for other in posting:
                    shared[other.pk] = shared.get(other.pk, 0) + weight
        return [self.by_pk[p] for p, n in shared.items() if n >= LEAD_SHARED]


def _index_keys(k: Keys) -> list[str]:
    return [*(f"t:{t}" for t in k.lead), *(f"a:{a}" for a in k.actors), *(f"p:{p}" for p in k.places)]


def _shift(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


class StoryLinker:
    """Assigns each new article of a batch its wire original and its story (:meth:`place`, before
    the batch is written), then writes their keys and the stories' summaries (:meth:`write`),
    all in the store's open write transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store
        # Kept from batch to batch while this store stays the writer (a date-sorted feed reads
        # each day from the store once); the store drops the linker when it stops writing or
        # a transaction rolls back.
        self.window = _Window()
        self.loaded: set[str] = set()

    def place(self, new: list[ArticleRows]) -> list[Keys]:
        """Set ``story_id`` and ``copy_of`` on each new article (its ``pk`` already given),
        oldest first; their keys, for :meth:`write`."""
        keys = sorted((_keys_of(rows) for rows in new), key=lambda k: (k.day or "", k.pk))
        if not keys:
            return keys
        days = {_shift(k.day, d) for k in keys if k.day for d in range(-WINDOW_DAYS, WINDOW_DAYS + 1)}
        if len(self.window.by_pk) > MAX_WINDOW:
            # Only the days around this batch stay (a long date-sorted feed needs no more); when
            # even they are too many (articles without dates pile up), start afresh.
            self.window.keep({_ordinal(d) for d in days})
            self.loaded &= days
            if len(self.window.by_pk) > MAX_WINDOW:
                self.window, self.loaded = _Window(), set()
        for k in self._stored(sorted(days - self.loaded)):
            if k.pk not in self.window.by_pk:
                self.window.add(k)
        self.loaded |= days
        for k in keys:
            _place(k, self.window)
            self.window.add(k)
        by_pk = {k.pk: k for k in keys}
        for rows in new:
            k = by_pk[rows.pk]
            rows.article["story_id"], rows.article["copy_of"] = k.story, k.copy_of
        return keys

    def _stored(self, days: list[str]) -> list[Keys]:
        """Stored articles published on ``days``."""
        found: list[Keys] = []
        for start in range(0, len(days), 500):
            chunk = days[start:start + 500]
            found += [keys_from_row(r) for r in self.store._rows(
                "SELECT k.article_pk, a.id, a.source, a.story_id, a.copy_of, k.day, k.lead, k.actors, "
                "k.places, k.families, k.minhash FROM story_keys k JOIN articles a ON a.pk = k.article_pk "
                f"WHERE k.day IN ({', '.join('?' * len(chunk))}) ORDER BY k.article_pk", chunk)]
        return found

    def write(self, keys: list[Keys]) -> None:
        """Store the keys of the placed articles (once they are written) and bring the summary
        of every story they joined up to date."""
        self.store._insert_rows("story_keys", KEY_COLUMNS, [_key_row(k) for k in keys])
        write_summaries(self.store, sorted({k.story for k in keys if k.story is not None}))


def _place(k: Keys, window: _Window) -> None:
    """Set ``k``'s original (a wire copy's) and story from the articles of the window."""
    copies = [(similarity(k.minhash, c.minhash), -c.pk, c) for c in window.copies(k)]
    copies = [c for c in copies if c[0] >= COPY_MIN]
    if copies:
        _score, _pk, original = max(copies, key=lambda t: (t[0], t[1]))
        k.copy_of = original.copy_of or original.article_id
        k.story = original.story
        return
    scored = [(relatedness(k, c), -c.pk, c) for c in window.candidates(k)]
    best = max(scored, key=lambda t: (t[0], t[1]), default=None)
    k.story = best[2].story if best is not None and best[0] >= STORY_MIN else k.pk


def place_in_order(keys: Iterable[Keys]) -> Iterator[Keys]:
    """Place articles given oldest first (by day, then pk), as an ingest of them in that order
    into an empty store does, keeping only the days still needed once the window is full: the
    Spark job streams a whole corpus through this."""
    window = _Window()
    for k in keys:
        day = _ordinal(k.day)
        if len(window.by_pk) > MAX_WINDOW and day is not None:
            window.keep(set(range(day - WINDOW_DAYS, day + WINDOW_DAYS + 1)))
        _place(k, window)
        window.add(k)
        yield k


def keys_record(k: Keys, **extra: Any) -> dict[str, Any]:
    """``k`` as a JSON-ready dict (the MinHash as base64), with ``extra`` fields."""
    return {"pk": k.pk, "id": k.article_id, "day": k.day, "source": k.source, "record_id": k.record_id,
            "lead": sorted(k.lead), "actors": sorted(k.actors), "places": sorted(k.places),
            "families": sorted(k.families), "minhash": base64.b64encode(k.minhash.tobytes()).decode("ascii"),
            **extra}


def keys_from_record(r: dict[str, Any]) -> Keys:
    """The Keys of a :func:`keys_record` dict."""
    return Keys(int(r["pk"]), r["id"], r["day"], r["source"], frozenset(r["lead"]), frozenset(r["actors"]),
                frozenset(r["places"]), frozenset(r["families"]),
                np.frombuffer(base64.b64decode(r["minhash"]), dtype=np.uint64).copy(), record_id=r["record_id"])


KEY_COLUMNS = ("article_pk", "day", "lead", "actors", "places", "families", "minhash")
SUMMARY_COLUMNS = ("title", "first_date", "last_date", "n_articles", "n_sources", "sources", "id")


def _key_row(k: Keys) -> tuple[Any, ...]:
    return (k.pk, k.day, " ".join(sorted(k.lead)), " ".join(sorted(k.actors)), "|".join(sorted(k.places)),
            " ".join(sorted(k.families)), k.minhash.tobytes())


def write_summaries(store: Store, stories: list[int]) -> None:
    """Recompute the stories rows of ``stories`` from their articles (one upsert per chunk);
    a story left without articles (by a rebuild) goes."""
    for start in range(0, len(stories), 500):
        chunk = stories[start:start + 500]
        members = store._rows("SELECT story_id, pk, title, source, published FROM articles "
                              f"WHERE story_id IN ({', '.join('?' * len(chunk))}) ORDER BY story_id", chunk)
        grouped: dict[int, list[Row]] = {}
        for m in members:
            grouped.setdefault(int(m["story_id"]), []).append(m)
        store._insert_missing("stories", SUMMARY_COLUMNS,
                              [story_summary(story, grouped[story]) for story in chunk if story in grouped],
                              ("id",), update=True)
        empty = [(story,) for story in chunk if story not in grouped]
        if empty:
            store._exec_many("DELETE FROM stories WHERE id = ?", empty)


def story_summary(story: int, members: list[Row]) -> tuple[Any, ...]:
    """The stories row of ``story`` from its articles: title of the first report, dates, counts."""
    first = min(members, key=lambda m: (m["published"] or "9999", m["pk"]))
    days = [m["published"] for m in members if m["published"]]
    sources = sorted({m["source"] for m in members if m["source"]})
    return (first["title"], min(days, default=None), max(days, default=None), len(members),
            len(sources), "|".join(sources), story)


def _as_minhash(k: Keys) -> Any:
    """``k``'s signature as a datasketch MinHash, made once."""
    if k.sketch is None:
        from datasketch import LeanMinHash

        k.sketch = LeanMinHash(seed=1, hashvalues=k.minhash, scheme=SCHEME)
    return k.sketch


def _split(text: str | None, sep: str = " ") -> frozenset[str]:
    return frozenset(t for t in (text or "").split(sep) if t)


def keys_from_row(r: Row) -> Keys:
    """The Keys of a stored article (a story_keys row joined with its article's id, source,
    story_id and copy_of)."""
    return Keys(int(r["article_pk"]), r["id"], r["day"], r["source"], _split(r["lead"]), _split(r["actors"]),
                _split(r["places"], "|"), _split(r["families"]),
                np.frombuffer(bytes(r["minhash"]), dtype=np.uint64).copy(),
                story=r["story_id"], copy_of=r["copy_of"], record_id=r.get("record_id"))


# --- reading ------------------------------------------------------------------------------------

STORY_COLUMNS = "id, title, first_date, last_date, n_articles, n_sources, sources"


def list_stories(store: Store, date_from: str | None = None, date_to: str | None = None,
                 min_articles: int = 1, limit: int = 50, offset: int = 0) -> list[Row]:
    """Stories that overlap ``[date_from, date_to]``, latest first, each with its articles and
    events (see :func:`get_story`)."""
    from marsad.store.base import Filters, _limit

    Filters(date_from=date_from, date_to=date_to)  # the same date checks as everywhere
    clauses = ["n_articles >= ?"]
    params: list[Any] = [min_articles]
    if date_from:
        clauses.append("last_date >= ?")
        params.append(date_from)
    if date_to:
        clauses.append("first_date <= ?")
        params.append(date_to)
    with store._lock:
        rows = store._rows(f"SELECT {STORY_COLUMNS} FROM stories WHERE {' AND '.join(clauses)} "
                           "ORDER BY last_date DESC, id DESC LIMIT ? OFFSET ?",
                           [*params, _limit(limit), max(0, offset)])
        return [_fill(store, row) for row in rows]


def get_story(store: Store, story_id: int) -> Row | None:
    """One story: id, title, first and last date, counts, its sources (outlets), its articles
    (id, record_id, title, source, published, copy_of) and their events."""
    with store._lock:
        rows = store._rows(f"SELECT {STORY_COLUMNS} FROM stories WHERE id = ?", (story_id,))
        return _fill(store, rows[0]) if rows else None


def _fill(store: Store, row: Row) -> Row:
    row["sources"] = row["sources"].split("|") if row.get("sources") else []
    row["articles"] = store._rows(
        "SELECT id, record_id, title, source, url, published, copy_of FROM articles WHERE story_id = ? "
        "ORDER BY published, pk", (row["id"],))
    row["events"] = store._rows(
        "SELECT a.id AS article, e.idx, e.type, e.mode, e.cameo, e.status, e.day, "
        "e.source_text AS source, e.target_text AS target, e.location, e.trigger_text AS trigger "
        "FROM events e JOIN articles a ON a.pk = e.article_pk WHERE a.story_id = ? "
        "ORDER BY a.published, a.pk, e.idx", (row["id"],))
    return row
