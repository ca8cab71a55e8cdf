"""The store: analysed articles and what they mention, queryable across articles.

:class:`Store` holds all the SQL both backends share (written with ``?`` placeholders); the
SQLite and PostgreSQL subclasses supply connections, transactions, the full-text index and the
one-writer lock.  Every write of an article happens in one transaction, keyed by the article's
content hash, so re-ingesting changes nothing and a killed ingest never leaves half an article.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from marsad.core.document import Document
from marsad.core.errors import InputError, MarsadError, RecordError
from marsad.store import migrations
from marsad.store.names import is_name_query, knowledge_base_forms, name_key
from marsad.store.overview import Overview
from marsad.store.rows import ArticleRows, build_rows, day_of, entity_id, raw_hash
from marsad.store.search import Query, parse_query, snippet

if TYPE_CHECKING:
    from marsad.store.stories import StoryLinker

#: Articles written per transaction by :meth:`Store.ingest`: a commit per article would cost
#: more than the writing; larger batches only lengthen what a crash throws away (and a rerun
#: stores again).
BATCH = 200
#: A search ranks (bm25 / ts_rank) the most recently stored matching articles, this many at
#: most: ranking every match of a common word costs 300 ms on 100k articles, ranking 200 a few
#: ms (bench/store_search.py).  Rare words have fewer matches, so all of them are ranked.
SEARCH_CANDIDATES = 200
#: Most rows any list call returns, whatever the caller asks for.
MAX_LIMIT = 1000
#: Largest paging offset the shells accept: past any real store, and far below SQLite's 64-bit
#: integers (an offset of 2**63 answered 500).
MAX_OFFSET = 10_000_000

Row = dict[str, Any]

#: Characters of context on each side of the mention in a snippet of a hit found by name.
NAME_SNIPPET_CHARS = 80
ENTITY_COLUMNS = ("id", "type", "name_en", "name_ar", "wikidata", "country", "key", "skeleton")
CHILD_TABLES = ("mentions", "quotes", "events", "dates", "quantities")
#: Columns of the article row a store writes (PostgreSQL adds the search vector).
ARTICLE_COLUMNS = ("pk", "id", "title", "source", "url", "published", "raw_sha", "added_at", "n_entities",
                   "n_quotes", "n_events", "story_id", "copy_of", "record_id")
ARTICLE_LIST_COLUMNS = "a.id, a.title, a.source, a.url, a.published, a.added_at, " \
                       "a.n_entities, a.n_quotes, a.n_events"


class StoreError(MarsadError):
    """A store that cannot be opened, migrated or written."""

    code = "E500"


class StoreBusyError(StoreError):
    """Another process holds the store's writer lock: try again when it has finished."""

    code = "E501"


@dataclass(frozen=True)
class Filters:
    """Restrictions shared by search and the list views; ``None`` means no restriction."""

    entity: str | None = None
    speaker: str | None = None
    type: str | None = None
    country: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    def __post_init__(self) -> None:
        # Dates are compared as text in SQL, so anything but YYYY-MM-DD would filter silently wrong.
        for name, label in (("date_from", "from"), ("date_to", "to")):
            value = getattr(self, name)
            if value is not None and day_of(value) != value:
                raise InputError(f"the {label} date {value!r} is not a date; use YYYY-MM-DD, e.g. 2024-06-17")
        # Unknown values would find nothing, silently: refuse them with the allowed ones.
        if self.type:
            object.__setattr__(self, "type", event_type_code(self.type))
        if self.country:
            object.__setattr__(self, "country", country_code(self.country))


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """ISO alpha-3 code by its own folded code and by the folded English name, read once."""
    from marsad.stages.entities.kb import read_table  # the knowledge base's country table

    codes: dict[str, str] = {}
    for row in read_table("countries.tsv"):
        codes.setdefault(row["iso3"].casefold(), row["iso3"])  # the first row wins, as a scan would
        codes.setdefault(row["name_en"].casefold(), row["iso3"])
    return codes


def event_type_code(value: str) -> str:
    """A PLOVER event type (any case), or an InputError listing them."""
    from marsad.core.contract import event_types

    if value.upper() not in event_types():
        raise InputError(f"event type {value!r} is not a PLOVER type; use one of {', '.join(event_types())}")
    return value.upper()


def country_code(value: str) -> str:
    """An ISO 3166-1 alpha-3 code from a code or an English name (Yemen → YEM), or an InputError."""
    code = _country_codes().get(value.strip().casefold())
    if code is not None:
        return code
    raise InputError(f"country {value!r} is not known; give an ISO 3166-1 alpha-3 code (YEM) or an English "
                     "name (Yemen)")


@dataclass(frozen=True)
class Hit:
    id: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    snippet: str
    highlights: list[tuple[int, int]]
    #: Set when the article was found because it mentions an entity the query names in another
    #: spelling (بيونغيانغ finds بيونغ يانغ): that entity's name.
    via_entity: str | None = None

    def to_dict(self) -> Row:
        return asdict(self)


@dataclass
class IngestReport:
    """What :meth:`Store.ingest` did: counts, and one line per bad item that was skipped."""

    added: int = 0
    present: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return len(self.errors)


def _like(value: str) -> str:
    """A LIKE pattern matching ``value``'s terms as whole, consecutive terms of a padded key."""
    from marsad.store.search import index_text

    return f"% {index_text(value)} %"


def _limit(limit: int) -> int:
    return max(0, min(int(limit), MAX_LIMIT))


class Store(Overview, ABC):
    """Shared logic; see :mod:`marsad.store.sqlite` and :mod:`marsad.store.postgres`."""

    dialect = "sqlite"
    url = ""

    def __init__(self) -> None:
        # One connection per store, used by one thread at a time (the API runs handlers in threads).
        self._lock = threading.RLock()
        self._depth = 0  # open write transactions; nested ones (a migration inside migrate()) join the outer
        self._linker: StoryLinker | None = None  # stories: kept while this store is the writer

    # --- backend hooks -------------------------------------------------------------------
    @abstractmethod
    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[Row]: ...

    @abstractmethod
    def _exec(self, sql: str, params: Iterable[Any] = ()) -> None: ...

    @abstractmethod
    def _exec_many(self, sql: str, rows: list[tuple[Any, ...]]) -> None: ...

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """A write transaction; takes the writer lock first.  A nested one joins the outer
        transaction, which alone commits or rolls back."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._take_writer_lock()
            self._depth = 1
            try:
                with self._outer_transaction():
                    yield
            finally:
                self._depth = 0

    @abstractmethod
    def _outer_transaction(self) -> AbstractContextManager[None]:
        """Begin, then commit on success or roll back on any exception (the writer lock is held)."""

    @abstractmethod
    def _take_writer_lock(self) -> None:
        """One writer per store: fail at once when another process is writing."""

    @abstractmethod
    def _next_pks(self, count: int) -> list[int]:
        """``count`` unused article pks, ascending (inside the write transaction)."""

    @abstractmethod
    def _insert_articles(self, new: list[ArticleRows]) -> None:
        """Insert the article rows (pk, story and copy already set) and their index entries."""

    def _insert_rows(self, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        """Insert new rows (PostgreSQL: COPY)."""
        if rows:
            self._exec_many(f"INSERT INTO {table} ({', '.join(columns)}) "
                            f"VALUES ({', '.join('?' * len(columns))})", rows)

    def _insert_missing(self, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]],
                        key: tuple[str, ...], update: bool = False) -> None:
        """Insert rows whose ``key`` is not stored yet; the others are left as they are, or
        replaced by the new values when ``update``."""
        if not rows:
            return
        self._exec_many(f"INSERT INTO {table} ({', '.join(columns)}) "
                        f"VALUES ({', '.join('?' * len(columns))}) {conflict_clause(columns, key, update)}", rows)

    @abstractmethod
    def _search_rows(self, query: Query, where: str, params: list[Any], limit: int, offset: int
                     ) -> list[Row]:
        """Hits (id, title, source, url, published, text) best ranked first, among the
        ``max(SEARCH_CANDIDATES, limit + offset)`` most recently stored matches."""

    @abstractmethod
    def _release_writer_lock(self) -> None: ...

    def wait_for_writer(self, seconds: float, poll: float = 0.2) -> None:
        """Take the writer lock, queueing up to ``seconds`` behind another writer (then StoreBusyError)."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                with self._lock:
                    self._take_writer_lock()
                return
            except StoreBusyError:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(poll)

    def release_writer(self) -> None:
        """Let other processes write again (a server between two requests); the next write takes
        the writer lock anew.  A no-op inside a write transaction."""
        with self._lock:
            if not self._depth:
                self._release_writer_lock()
                self._linker = None  # another writer may add articles before our next write

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- migrations ----------------------------------------------------------------------
    def migrate(self) -> list[int]:
        """Apply every pending migration, each in its own transaction; the versions applied."""
        with self._lock:
            self._exec(migrations.RECORD_TABLE)
            done = {int(r["version"]) for r in self._rows("SELECT version FROM migrations")}
            applied = []
            for step in migrations.pending(done):
                with self._transaction():
                    for statement in step.fn(self.dialect):
                        self._exec(statement)
                    if step.data is not None:
                        step.data(self)
                    self._exec("INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                               (step.version, step.name, _now()))
                applied.append(step.version)
            # Opening a store to read it must not keep other writers out.
            self._release_writer_lock()
            return applied

    def applied_migrations(self) -> list[Row]:
        return self._rows("SELECT version, name, applied_at FROM migrations ORDER BY version")

    # --- writing -------------------------------------------------------------------------
    def ingest(self, docs: Iterable[Document | Row], batch: int = BATCH) -> IngestReport:
        """Store many articles (Documents or contract dicts), ``batch`` per transaction.

        Articles already stored are counted as present and left unchanged; a malformed record
        is reported in ``errors`` and skipped, and the others are still stored.
        """
        report = IngestReport()
        for added in self.ingest_iter(docs, report, batch):
            if added:
                report.added += 1
            else:
                report.present += 1
        return report

    def ingest_iter(self, docs: Iterable[Document | Row], report: IngestReport,
                    batch: int = BATCH, source: Callable[[int], str] = "item {}".format
                    ) -> Iterator[bool]:
        """Like :meth:`ingest`, yielding True (new) or False (already stored) per good article
        once its batch is committed, for progress bars; bad items go to ``report.errors``,
        named by ``source(index)``."""
        # One batch is written (on a thread of its own, which mostly waits for the database)
        # while the next one is built: building rows is Python work, writing them is the
        # database's, and the two overlap.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="marsad-store-writer") as writer:
            writing: Future[list[bool]] | None = None
            pending: list[ArticleRows] = []
            for number, doc in enumerate(docs):
                try:
                    pending.append(_build(*_record(doc, None)))
                except RecordError as exc:
                    if exc.source is None:
                        exc.source = source(number)
                    report.errors.append(str(exc))
                    continue
                if len(pending) >= batch:
                    if writing is not None:
                        yield from writing.result()
                    writing, pending = writer.submit(self._write_batch, pending), []
            if writing is not None:
                yield from writing.result()
        if pending:
            yield from self._write_batch(pending)

    def add(self, doc: Document | Row, raw: str | None = None) -> bool:
        """Store one analysed article; False when it was already stored."""
        return self._write_batch([_build(*_record(doc, raw))])[0]

    def _write_batch(self, batch: list[ArticleRows]) -> list[bool]:
        """Write a batch in one transaction: True for each article new to the store (a second
        copy of an article in the batch is already stored)."""
        with self._lock:
            try:
                with self._transaction():
                    new, flags = self._new_in(batch)
                    if new:
                        for rows, pk in zip(new, self._next_pks(len(new)), strict=True):
                            rows.pk = pk
                        # Stories are placed before anything is written, so the article rows go in
                        # once, with their story (an UPDATE afterwards rewrote every row and its
                        # indexes: a fifth of PostgreSQL ingest time).
                        linker = self._story_linker()
                        keys = linker.place(new)
                        self._write_rows(new)
                        linker.write(keys)
                    return flags
            except BaseException:
                self._linker = None  # its window may hold articles that were rolled back
                raise

    def _new_in(self, batch: list[ArticleRows]) -> tuple[list[ArticleRows], list[bool]]:
        """The articles of ``batch`` not stored yet (each once), and a new/present flag for each item."""
        ids = list(dict.fromkeys(rows.article["id"] for rows in batch))
        stored: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            stored.update(r["id"] for r in self._rows(
                f"SELECT id FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk))
        new: list[ArticleRows] = []
        flags = []
        for rows in batch:
            fresh = rows.article["id"] not in stored
            stored.add(rows.article["id"])
            flags.append(fresh)
            if fresh:
                new.append(rows)
        return new, flags

    def _story_linker(self) -> StoryLinker:
        """The linker that marks wire copies and puts articles in stories (:mod:`marsad.store.stories`),
        kept while this store stays the writer."""
        from marsad.store.stories import StoryLinker

        if self._linker is None:
            self._linker = StoryLinker(self)
        return self._linker

    def _write_rows(self, new: list[ArticleRows]) -> None:
        """Write the rows of new articles (pks and stories set) inside the open transaction, a
        table at a time: one statement (PostgreSQL: one COPY) per table and batch."""
        self._insert_articles(new)
        self._insert_rows("article_texts", ("pk", "raw", "text", "analysis"),
                          [(r.pk, r.article["raw"], r.article["text"], r.article["analysis"]) for r in new])
        entities = {e["id"]: e for r in new for e in r.entities}
        self._insert_missing("entities", ENTITY_COLUMNS,
                             [tuple(e[c] for c in ENTITY_COLUMNS) for e in entities.values()], ("id",))
        self._insert_missing("entity_aliases", ("entity_id", "alias", "skeleton"),
                             list(dict.fromkeys(a for r in new for a in r.aliases)), ("entity_id", "alias"))
        for table in CHILD_TABLES:
            items = [(r.pk, item) for r in new for item in getattr(r, table)]
            if items:
                columns = tuple(items[0][1])
                self._insert_rows(table, ("article_pk", *columns),
                                  [(pk, *(item[c] for c in columns)) for pk, item in items])

    def has_raw(self, raw: str) -> bool:
        """True when an article read from exactly this raw input is stored (skip re-analysis)."""
        with self._lock:
            return bool(self._rows("SELECT 1 AS x FROM articles WHERE raw_sha = ? LIMIT 1",
                                   (raw_hash(raw),)))

    # --- articles ------------------------------------------------------------------------
    def count(self, table: str = "articles") -> int:
        if table not in {"articles", "entities", "mentions", "quotes", "events", "dates", "quantities"}:
            raise StoreError(f"unknown table {table!r}")
        with self._lock:
            return int(self._rows(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"])

    def list_articles(self, filters: Filters = Filters(), limit: int = 50, offset: int = 0
                      ) -> list[Row]:
        """Articles (no text), newest first, restricted by ``filters``."""
        where, params = self._where(filters)
        with self._lock:
            return self._rows(f"SELECT {ARTICLE_LIST_COLUMNS} FROM articles a WHERE {where} "
                              "ORDER BY a.published DESC, a.pk DESC LIMIT ? OFFSET ?",
                              [*params, _limit(limit), max(0, offset)])

    def get_article(self, article_id: str) -> Row | None:
        """One article with its raw and cleaned text, its analysis (the contract dict) and
        ``entity_ids``: the store id of each entity of the analysis, by index."""
        with self._lock:
            found = self._rows(f"SELECT {ARTICLE_LIST_COLUMNS}, t.raw, t.text, t.analysis, a.pk "
                               "FROM articles a JOIN article_texts t ON t.pk = a.pk WHERE a.id = ?",
                               (article_id,))
        if not found:
            return None
        row = found[0]
        row["analysis"] = json.loads(row["analysis"])
        row.pop("pk")
        # The canonical id of each entity of the analysis, by index, for links from the text.
        row["entity_ids"] = [entity_id(e) for e in row["analysis"].get("entities", [])]
        return row

    # --- entities ------------------------------------------------------------------------
    def entities(self, name: str | None = None, type: str | None = None, country: str | None = None,
                 limit: int = 50, offset: int = 0) -> list[Row]:
        clauses, params = ["1=1"], []
        if name:
            clauses.append("e.id IN (SELECT entity_id FROM mentions WHERE key LIKE ?) OR e.key LIKE ?")
            params += [_like(name), _like(name)]
        if type:
            clauses.append("e.type = ?")
            params.append(type)
        if country:
            clauses.append("e.country = ?")
            params.append(country.upper())
        where = " AND ".join(f"({c})" for c in clauses)
        with self._lock:
            return self._rows(
                "SELECT e.id, e.type, e.name_en, e.name_ar, e.wikidata, e.country, "
                "(SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions, "
                "(SELECT COUNT(DISTINCT m.article_pk) FROM mentions m WHERE m.entity_id = e.id) AS articles "
                f"FROM entities e WHERE {where} ORDER BY mentions DESC, e.id LIMIT ? OFFSET ?",
                [*params, _limit(limit), max(0, offset)])

    def entity(self, entity_id: str, limit: int = 200) -> Row | None:
        """One entity with aliases, mentions, quotes by it, events as source/target and a timeline."""
        with self._lock:
            found = self._rows("SELECT id, type, name_en, name_ar, wikidata, country FROM entities "
                               "WHERE id = ?", (entity_id,))
            if not found:
                return None
            row = found[0]
            row["aliases"] = [r["alias"] for r in self._rows(
                "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias", (entity_id,))]
            row["mentions"] = self._rows(
                "SELECT a.id AS article, a.title, a.published, m.text, m.start_char AS start, "
                "m.end_char AS \"end\" FROM mentions m JOIN articles a ON a.pk = m.article_pk "
                "WHERE m.entity_id = ? ORDER BY a.published DESC, a.pk, m.start_char LIMIT ?",
                (entity_id, _limit(limit)))
            row["quotes"] = self.quotes(entity=entity_id, limit=limit)
            pad = f"% {entity_id} %"
            row["events_as_source"] = self._events_where("e.source_entities LIKE ?", [pad], limit, 0)
            row["events_as_target"] = self._events_where("e.target_entities LIKE ?", [pad], limit, 0)
            row["timeline"] = self._rows(
                "SELECT a.published AS day, COUNT(*) AS mentions FROM mentions m "
                "JOIN articles a ON a.pk = m.article_pk WHERE m.entity_id = ? AND a.published IS NOT NULL "
                "GROUP BY a.published ORDER BY a.published", (entity_id,))
            return row

    # --- quotes and events ---------------------------------------------------------------
    def quotes(self, speaker: str | None = None, q: str | None = None, entity: str | None = None,
               article: str | None = None, limit: int = 50, offset: int = 0,
               unattributed: bool = False) -> list[Row]:
        """Quotes across articles: "what did X (speaker) say about Y (q)".

        ``unattributed``: also the quotes of unnamed speakers («مصدر مطلع»), flagged in the
        rows' ``unattributed`` field."""
        clauses, params = ["1=1"], []
        if not unattributed:
            clauses.append("q.unattributed = 0")
        if speaker:
            clauses.append("q.speaker_key LIKE ?")
            params.append(_like(speaker))
        if entity:
            clauses.append("q.speaker_entity = ?")
            params.append(entity)
        if article:
            clauses.append("a.id = ?")
            params.append(article)
        for t in parse_query(q or "").all_terms:
            clauses.append("q.content_key LIKE ?")
            params.append(f"% {t} %")
        with self._lock:
            found = self._rows(
                "SELECT a.id AS article, a.title, a.published, q.idx, q.kind, q.speaker_text AS speaker, "
                "q.speaker_entity, q.content, q.cue, q.start_char AS start, q.end_char AS \"end\", q.date, "
                "q.unattributed "
                f"FROM quotes q JOIN articles a ON a.pk = q.article_pk WHERE {' AND '.join(clauses)} "
                "ORDER BY a.published DESC, a.pk, q.idx LIMIT ? OFFSET ?",
                [*params, _limit(limit), max(0, offset)])
        for row in found:
            row["unattributed"] = bool(row["unattributed"])
        return found

    def events(self, type: str | None = None, country: str | None = None, date_from: str | None = None,
               date_to: str | None = None, limit: int = 50, offset: int = 0) -> list[Row]:
        where, params = self._event_where(type, country, date_from, date_to)
        with self._lock:
            return self._events_where(where, params, limit, offset)

    def _event_where(self, type: str | None, country: str | None, date_from: str | None,
                     date_to: str | None) -> tuple[str, list[Any]]:
        Filters(date_from=date_from, date_to=date_to)  # the same date checks as searches
        clauses, params = ["1=1"], []
        if type:
            clauses.append("e.type = ?")
            params.append(type.upper())
        if country:
            clauses.append("(e.source_countries LIKE ? OR e.target_countries LIKE ?)")
            params += [f"% {country.upper()} %"] * 2
        if date_from:
            clauses.append("e.day >= ?")
            params.append(date_from)
        if date_to:
            clauses.append("e.day <= ?")
            params.append(date_to)
        return " AND ".join(clauses), params

    def _events_where(self, where: str, params: list[Any], limit: int, offset: int) -> list[Row]:
        return self._rows(
            "SELECT a.id AS article, a.title, a.url, a.published, e.idx, e.type, e.mode, e.cameo, e.status, "
            "e.date, e.day, e.source_text AS source, e.target_text AS target, e.source_countries, "
            "e.target_countries, e.source_entities, e.target_entities, e.source_names, e.target_names, "
            "e.location, "
            "e.trigger_text AS trigger, e.start_char AS start, e.end_char AS \"end\", e.sentence, "
            "a.story_id, s.n_articles AS num_articles, s.n_sources AS num_sources "
            "FROM events e JOIN articles a ON a.pk = e.article_pk LEFT JOIN stories s ON s.id = a.story_id "
            f"WHERE {where} "
            "ORDER BY e.day DESC, a.pk, e.idx LIMIT ? OFFSET ?",
            [*params, _limit(limit), max(0, offset)])

    def events_per_day(self, type: str | None = None, country: str | None = None,
                       date_from: str | None = None, date_to: str | None = None) -> list[Row]:
        where, params = self._event_where(type, country, date_from, date_to)
        with self._lock:
            return self._rows(f"SELECT e.day, COUNT(*) AS events FROM events e WHERE {where} "
                              "AND e.day IS NOT NULL GROUP BY e.day ORDER BY e.day", params)

    # --- stories -------------------------------------------------------------------------
    def stories(self, date_from: str | None = None, date_to: str | None = None, min_articles: int = 1,
                limit: int = 50, offset: int = 0) -> list[Row]:
        """Stories overlapping the dates, latest first, with their articles, sources and events."""
        from marsad.store.stories import list_stories

        return list_stories(self, date_from, date_to, min_articles, limit, offset)

    def backfill_stories(self) -> int:
        """Place the articles stored without a story (:mod:`marsad.store.backfill`); how many."""
        from marsad.store.backfill import backfill

        return backfill(self)

    def rebuild_stories(self, date_from: str | None = None) -> int:
        """Group the articles from ``date_from`` on (all when None) into stories again."""
        from marsad.store.backfill import rebuild

        return rebuild(self, date_from)

    def story(self, story_id: int) -> Row | None:
        from marsad.store.stories import get_story

        return get_story(self, story_id)

    # --- search --------------------------------------------------------------------------
    def search(self, text: str, filters: Filters = Filters(), limit: int = 20, offset: int = 0
               ) -> list[Hit]:
        """Articles matching ``text`` (clitics, hamza, diacritics folded) and ``filters``."""
        query = parse_query(text)
        where, params = self._where(filters)
        with self._lock:
            if query.empty:
                found = self._rows(f"SELECT {ARTICLE_LIST_COLUMNS}, t.text FROM articles a "
                                   "JOIN article_texts t ON t.pk = a.pk "
                                   f"WHERE {where} ORDER BY a.published DESC, a.pk DESC LIMIT ? OFFSET ?",
                                   [*params, _limit(limit), max(0, offset)])
            else:
                found = self._search_rows(query, where, params, _limit(limit), max(0, offset))
        hits = []
        for row in found:
            snip = snippet(row["text"], query)
            hits.append(Hit(row["id"], row["title"], row["published"], row["source"], row["url"],
                            snip.text, list(snip.highlights)))
        if not query.empty and len(hits) < limit:
            hits += self._hits_by_name(text, where, params, {h.id for h in hits}, limit - len(hits))
        return hits

    def _hits_by_name(self, text: str, where: str, params: list[Any], seen: set[str], limit: int
                      ) -> list[Hit]:
        """Articles mentioning an entity the query names in another spelling (store/names.py)."""
        if not is_name_query(text):
            return []
        with self._lock:
            key = name_key(text)
            ids = {r["entity_id"] for r in self._rows(
                "SELECT entity_id FROM entity_aliases WHERE skeleton = ? UNION "
                "SELECT id FROM entities WHERE skeleton = ?", (key, key))} if key else set()
            ids |= {r["id"] for r in self._rows(
                "SELECT id FROM entities WHERE id IN (" + ",".join("?" * len(kb)) + ")", kb)} \
                if (kb := knowledge_base_forms(text)) else set()
            if not ids:
                return []
            marks = ",".join("?" * len(ids))
            rows = self._rows(
                f"SELECT {ARTICLE_LIST_COLUMNS}, t.text, n.name_en, n.name_ar, m.start_char, m.end_char "
                "FROM articles a "
                "JOIN article_texts t ON t.pk = a.pk JOIN mentions m ON m.article_pk = a.pk "
                f"JOIN entities n ON n.id = m.entity_id WHERE m.entity_id IN ({marks}) AND {where} "
                "ORDER BY a.published DESC, a.id LIMIT ?", [*sorted(ids), *params, limit + len(seen)])
        hits: list[Hit] = []
        for row in rows:
            if row["id"] in seen or len(hits) >= limit:
                continue
            seen.add(row["id"])
            text, at, end = row["text"], int(row["start_char"]), int(row["end_char"])
            left = max(0, text.rfind(" ", 0, max(0, at - NAME_SNIPPET_CHARS)) + 1)
            right = text.find(" ", min(len(text), end + NAME_SNIPPET_CHARS))
            right = len(text) if right < 0 else right
            hits.append(Hit(row["id"], row["title"], row["published"], row["source"], row["url"],
                            text[left:right], [(at - left, end - left)], via_entity=row["name_en"] or row["name_ar"]))
        return hits

    def _where(self, f: Filters) -> tuple[str, list[Any]]:
        """SQL restricting articles (alias ``a``) to ``f``."""
        clauses, params = ["1=1"], []
        if f.date_from:
            clauses.append("a.published >= ?")
            params.append(f.date_from)
        if f.date_to:
            clauses.append("a.published <= ?")
            params.append(f.date_to)
        if f.entity:
            clauses.append("a.pk IN (SELECT m.article_pk FROM mentions m WHERE m.entity_id = ? "
                           "OR m.key LIKE ? OR m.entity_id IN (SELECT id FROM entities WHERE key LIKE ?))")
            params += [f.entity, _like(f.entity), _like(f.entity)]
        if f.speaker:
            clauses.append("a.pk IN (SELECT q.article_pk FROM quotes q WHERE q.speaker_key LIKE ?)")
            params.append(_like(f.speaker))
        if f.type:
            clauses.append("a.pk IN (SELECT e.article_pk FROM events e WHERE e.type = ?)")
            params.append(f.type.upper())
        if f.country:
            code = f.country.upper()
            clauses.append("(a.pk IN (SELECT e.article_pk FROM events e WHERE e.source_countries LIKE ? "
                           "OR e.target_countries LIKE ?) OR a.pk IN (SELECT m.article_pk FROM mentions m "
                           "JOIN entities n ON n.id = m.entity_id WHERE n.country = ?))")
            params += [f"% {code} %", f"% {code} %", code]
        return " AND ".join(clauses), params

    # --- export --------------------------------------------------------------------------
    def iter_table(self, name: str, page: int = 1000) -> Iterator[Row]:
        """Every row of an export view (articles, mentions, entities, quotes, events), in pages."""
        offset = 0
        while True:
            if name == "articles":
                with self._lock:
                    rows = self._rows(f"SELECT {ARTICLE_LIST_COLUMNS}, a.record_id, a.story_id, a.copy_of, "
                                      "t.text FROM articles a JOIN article_texts t ON t.pk = a.pk "
                                      "ORDER BY a.pk LIMIT ? OFFSET ?", (page, offset))
            elif name == "entities":
                rows = self._entities_export(page, offset)
            elif name == "quotes":
                rows = self.quotes(limit=page, offset=offset, unattributed=True)
            elif name == "events":
                rows = self.events(limit=page, offset=offset)
            elif name == "mentions":
                with self._lock:
                    rows = self._rows(
                        "SELECT a.id AS article, a.published, m.entity_id, m.start_char AS start, "
                        "m.end_char AS \"end\", m.text FROM mentions m JOIN articles a ON a.pk = m.article_pk "
                        "ORDER BY a.pk, m.start_char LIMIT ? OFFSET ?", (page, offset))
            else:
                raise StoreError(f"unknown export table {name!r}; use articles, mentions, entities, quotes "
                                 "or events")
            yield from rows
            if len(rows) < page:
                return
            offset += page

    def _entities_export(self, page: int, offset: int) -> list[Row]:
        with self._lock:
            rows = self._rows("SELECT id, type, name_en, name_ar, wikidata, country FROM entities "
                              "ORDER BY id LIMIT ? OFFSET ?", (page, offset))
            for row in rows:
                row["aliases"] = " | ".join(r["alias"] for r in self._rows(
                    "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias", (row["id"],)))
        return rows


def conflict_clause(columns: tuple[str, ...], key: tuple[str, ...], update: bool) -> str:
    if not update:
        return f"ON CONFLICT ({', '.join(key)}) DO NOTHING"
    return (f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key))


def _record(doc: Document | Row, raw: str | None) -> tuple[Row, str | None]:
    """The contract dict and raw input of a Document or of a contract dict."""
    if isinstance(doc, Document):
        return doc.to_dict(), raw if raw is not None else doc.raw
    if raw is None and isinstance(doc, dict) and isinstance(doc.get("raw"), str):
        raw = doc["raw"]
    return doc, raw


def _build(doc: Row, raw: str | None) -> ArticleRows:
    """The rows of one record; any malformed part becomes a one-line RecordError."""
    from marsad.store.stories import article_keys

    try:
        rows = build_rows(doc, raw, _now())
        # What stories compare, worked out with the rows (while the batch before is written).
        rows.story_keys = article_keys(0, rows)
        return rows
    except RecordError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        where = doc.get("id") if isinstance(doc, dict) else None
        raise RecordError(f"record is malformed ({type(exc).__name__}: {exc}); "
                          "expected a marsad.document/1 dict", source=where) from None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
