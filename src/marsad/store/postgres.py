"""PostgreSQL store for a team: the same tables as SQLite, full-text search with the ``arabic``
text search configuration over our normalised terms (clitics off, letters folded), and one
writer per database through a session advisory lock."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from marsad.store.base import SEARCH_CANDIDATES, Row, Store, StoreBusyError, StoreError
from marsad.store.rows import ArticleRows
from marsad.store.search import Query, tsquery_text

#: The text search configuration: PostgreSQL's Snowball ``arabic`` stemmer and stop words,
#: applied to terms that :func:`marsad.store.search.term` has already normalised.
TS_CONFIG = "arabic"
#: Advisory lock held by the one writer of a store: keyed by database and schema, so stores in
#: two schemas of one database (``?options=-csearch_path%3DNAME``) are two stores.
WRITER_LOCK = "hashtextextended('marsad/' || current_database() || '/' || current_schema(), 0)"
CONNECT_TIMEOUT_S = 10
#: Bulk writes go through these session temp tables (COPY in, INSERT … SELECT out).
ARTICLE_STAGING = ("n", "id", "title", "source", "url", "published", "raw_sha", "added_at", "n_entities",
                   "n_quotes", "n_events", "title_terms", "body_terms")
STAGING_TABLES = (
    "CREATE TEMP TABLE IF NOT EXISTS ingest_articles (n INTEGER, id TEXT, title TEXT, source TEXT, "
    "url TEXT, published TEXT, raw_sha TEXT, added_at TEXT, n_entities INTEGER, n_quotes INTEGER, "
    "n_events INTEGER, title_terms TEXT, body_terms TEXT) ON COMMIT DELETE ROWS",
    "CREATE TEMP TABLE IF NOT EXISTS ingest_entities (id TEXT, type TEXT, name_en TEXT, name_ar TEXT, "
    "wikidata TEXT, country TEXT, key TEXT) ON COMMIT DELETE ROWS",
    "CREATE TEMP TABLE IF NOT EXISTS ingest_entity_aliases (entity_id TEXT, alias TEXT) "
    "ON COMMIT DELETE ROWS",
)
ENTITY_COLUMNS = ("id", "type", "name_en", "name_ar", "wikidata", "country", "key")
CHILD_TABLES = ("mentions", "quotes", "events", "dates", "quantities")

_PASSWORD_RE = re.compile(r"(://[^:/@]+):[^@]*@")


def redact(url: str) -> str:
    """``url`` without its password, for messages."""
    return _PASSWORD_RE.sub(r"\1:***@", url)


@lru_cache(maxsize=512)
def to_pyformat(sql: str) -> str:
    """Shared SQL (``?`` placeholders) in psycopg's format; literal ``%`` is doubled first."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(Store):
    dialect = "postgres"

    def __init__(self, url: str) -> None:
        super().__init__()
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError:
            raise StoreError("PostgreSQL stores need psycopg; install it with "
                             "`pip install 'psycopg[binary]'`") from None
        self._psycopg = psycopg
        self.url = redact(url)
        self._writer = False
        self._staged = False
        try:
            # autocommit: statements outside _transaction() (reads, the migrations table) run
            # on their own; writes are grouped by conn.transaction() blocks.
            # prepare_threshold=None: no server-side prepared statements, whose generic plans
            # do not see the search words and walked the whole table for rare ones (p95 of
            # bench/store_search.py on 20k articles went from 121 ms to 27 ms).
            self._conn: Any = psycopg.connect(url, autocommit=True, row_factory=dict_row,
                                              connect_timeout=CONNECT_TIMEOUT_S,
                                              prepare_threshold=None)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {self.url} ({_first_line(exc)}); check that the "
                             "server runs and the URL is postgresql://USER@HOST:PORT/DB") from None

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[Row]:
        try:
            cur = self._conn.execute(to_pyformat(sql), tuple(params))
            return list(cur.fetchall()) if cur.description else []
        except self._psycopg.Error as exc:
            raise StoreError(f"{self.url}: {_first_line(exc)}") from None

    def _exec(self, sql: str, params: Iterable[Any] = ()) -> None:
        self._rows(sql, params)

    def _exec_many(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        try:
            with self._conn.cursor() as cur:
                cur.executemany(to_pyformat(sql), rows)
        except self._psycopg.Error as exc:
            raise StoreError(f"{self.url}: {_first_line(exc)}") from None

    @contextmanager
    def _outer_transaction(self) -> Iterator[None]:
        try:
            with self._conn.transaction():
                yield
        except BaseException as exc:
            self._staged = False  # a rolled-back transaction takes the temp tables it made with it
            if isinstance(exc, self._psycopg.Error):
                raise StoreError(f"{self.url}: {_first_line(exc)}") from None
            raise

    def _take_writer_lock(self) -> None:
        """One writer per database: a second process writing to it fails at once."""
        if self._writer:
            return
        got = self._rows(f"SELECT pg_try_advisory_lock({WRITER_LOCK}) AS ok")[0]["ok"]
        if not got:
            raise StoreBusyError(f"another marsad process is writing to {self.url}; "
                             "wait for it to finish (one writer per store)")
        self._writer = True

    def _release_writer_lock(self) -> None:
        if self._writer and not self._conn.closed:
            self._rows(f"SELECT pg_advisory_unlock({WRITER_LOCK}) AS ok")
        self._writer = False

    def _insert_article(self, rows: ArticleRows) -> int | None:
        a = rows.article
        found = self._rows(
            "INSERT INTO articles (id, title, source, url, published, raw_sha, added_at, n_entities, "
            "n_quotes, n_events, search) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            f"setweight(to_tsvector('{TS_CONFIG}', ?), 'A') || to_tsvector('{TS_CONFIG}', ?)) "
            "ON CONFLICT (id) DO NOTHING RETURNING pk",
            (a["id"], a["title"], a["source"], a["url"], a["published"], a["raw_sha"], a["added_at"],
             a["n_entities"], a["n_quotes"], a["n_events"], rows.title_terms, rows.body_terms))
        if not found:
            return None
        pk = int(found[0]["pk"])
        self._insert_text(pk, rows)
        return pk

    def _write_rows(self, batch: list[ArticleRows]) -> list[bool]:
        """The whole batch in a few statements: one multi-row INSERT for the articles (their pks
        come back), one for entities and aliases, and COPY for texts and child rows.  One
        round trip per statement per article held ingest near 200 articles/s."""
        first: dict[str, ArticleRows] = {}
        for rows in batch:
            first.setdefault(rows.article["id"], rows)
        pks = self._insert_articles(list(first.values()))
        new = [(pks[i], rows) for i, rows in first.items() if i in pks]
        self._copy("article_texts", ("pk", "raw", "text", "analysis"),
                   [(pk, r.article["raw"], r.article["text"], r.article["analysis"]) for pk, r in new])
        entities = {e["id"]: e for _pk, r in new for e in r.entities}
        self._insert_many("entities", ENTITY_COLUMNS, [tuple(e[c] for c in ENTITY_COLUMNS)
                                                       for e in entities.values()], "id")
        aliases = list(dict.fromkeys(a for _pk, r in new for a in r.aliases))
        self._insert_many("entity_aliases", ("entity_id", "alias"), aliases, "entity_id, alias")
        for table in CHILD_TABLES:
            items = [(pk, item) for pk, r in new for item in getattr(r, table)]
            if items:
                columns = tuple(items[0][1])
                self._copy(table, ("article_pk", *columns),
                           [(pk, *(item[c] for c in columns)) for pk, item in items])
        added: set[int] = set()
        flags = []
        for rows in batch:  # a second copy of an article in the same batch is "already stored"
            pk = pks.get(rows.article["id"])
            flags.append(pk is not None and pk not in added)
            if pk is not None:
                added.add(pk)
        return flags

    def _insert_articles(self, batch: list[ArticleRows]) -> dict[str, int]:
        """Insert the article rows (with their search vectors); the pk of each new one, by id.
        COPY into a session temp table, then one INSERT … SELECT: a multi-row VALUES of 2,400
        parameters cost more to build and parse than the insert itself."""
        self._staging()
        self._copy("ingest_articles", ARTICLE_STAGING, [
            (n, *(rows.article[c] for c in ARTICLE_STAGING[1:-2]), rows.title_terms, rows.body_terms)
            for n, rows in enumerate(batch)])
        found = self._rows(
            "INSERT INTO articles (id, title, source, url, published, raw_sha, added_at, n_entities, "
            "n_quotes, n_events, search) SELECT id, title, source, url, published, raw_sha, added_at, "
            f"n_entities, n_quotes, n_events, setweight(to_tsvector('{TS_CONFIG}', title_terms), 'A') || "
            f"to_tsvector('{TS_CONFIG}', body_terms) FROM ingest_articles ORDER BY n "
            "ON CONFLICT (id) DO NOTHING RETURNING pk, id")
        return {str(r["id"]): int(r["pk"]) for r in found}

    def _insert_many(self, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]],
                     key: str) -> None:
        """COPY into a temp table, then INSERT … ON CONFLICT DO NOTHING (COPY alone cannot
        skip the rows already there)."""
        if not rows:
            return
        self._staging()
        self._copy(f"ingest_{table}", columns, rows)
        names = ", ".join(columns)
        self._exec(f"INSERT INTO {table} ({names}) SELECT {names} FROM ingest_{table} "
                   f"ON CONFLICT ({key}) DO NOTHING")

    def _staging(self) -> None:
        """The session's staging tables for bulk writes, emptied at each commit."""
        if self._staged:
            return
        for statement in STAGING_TABLES:
            self._exec(statement)
        self._staged = True

    def _copy(self, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        try:
            with self._conn.cursor() as cur, cur.copy(
                    f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        except self._psycopg.Error as exc:
            raise StoreError(f"{self.url}: {_first_line(exc)}") from None

    def _search_rows(self, query: Query, where: str, params: list[Any], limit: int, offset: int
                     ) -> list[Row]:
        # Rank only the candidates: ts_rank over every match of a common word is the slow part.
        return self._rows(
            f"WITH q AS (SELECT to_tsquery('{TS_CONFIG}', ?) AS q), "
            f"c AS (SELECT a.pk FROM articles a, q WHERE a.search @@ q.q AND {where} "
            "ORDER BY a.pk DESC LIMIT ?) "
            "SELECT a.id, a.title, a.source, a.url, a.published, t.text FROM c "
            "JOIN articles a ON a.pk = c.pk JOIN article_texts t ON t.pk = c.pk, q "
            "ORDER BY ts_rank(a.search, q.q) DESC, c.pk DESC LIMIT ? OFFSET ?",
            [tsquery_text(query), *params, max(SEARCH_CANDIDATES, limit + offset), limit, offset])

    def close(self) -> None:
        with self._lock:
            if not self._conn.closed:
                # Release the lock first: the closing session's backend takes a while to go
                # (dropping its staging tables), and a writer waiting for the lock must not.
                try:
                    self._release_writer_lock()
                except StoreError:
                    pass  # a broken connection: closing it releases the lock anyway
                self._conn.close()
            self._writer = False


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
