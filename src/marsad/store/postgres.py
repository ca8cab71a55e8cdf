"""PostgreSQL store for a team: the same tables as SQLite, full-text search with the ``arabic``
text search configuration over our normalised terms (clitics off, letters folded), and one
writer per database through a session advisory lock."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from marsad.store.base import (
    ARTICLE_COLUMNS,
    SEARCH_CANDIDATES,
    Row,
    Store,
    StoreBusyError,
    StoreError,
    conflict_clause,
)
from marsad.store.rows import ArticleRows
from marsad.store.search import Query, tsquery_text

#: The text search configuration: PostgreSQL's Snowball ``arabic`` stemmer and stop words,
#: applied to terms that :func:`marsad.store.search.term` has already normalised.
TS_CONFIG = "arabic"
#: Advisory lock held by the one writer of a store: keyed by database and schema, so stores in
#: two schemas of one database (``?options=-csearch_path%3DNAME``) are two stores.
WRITER_LOCK = "hashtextextended('marsad/' || current_database() || '/' || current_schema(), 0)"
CONNECT_TIMEOUT_S = 10
#: Bulk writes go through these session temp tables (COPY in, INSERT … SELECT out), emptied at
#: each commit.
STAGING_TABLES = (
    "CREATE TEMP TABLE IF NOT EXISTS ingest_articles (pk BIGINT, id TEXT, title TEXT, source TEXT, "
    "url TEXT, published TEXT, raw_sha TEXT, added_at TEXT, n_entities INTEGER, n_quotes INTEGER, "
    "n_events INTEGER, story_id BIGINT, copy_of TEXT, record_id TEXT, title_terms TEXT, body_terms TEXT) "
    "ON COMMIT DELETE ROWS",
    *(f"CREATE TEMP TABLE IF NOT EXISTS ingest_{table} (LIKE {table}) ON COMMIT DELETE ROWS"
      for table in ("entities", "entity_aliases", "stories")),
)

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

    def _next_pks(self, count: int) -> list[int]:
        found = self._rows("SELECT nextval(pg_get_serial_sequence('articles', 'pk')) AS pk "
                           "FROM generate_series(1, ?)", (count,))
        return sorted(int(r["pk"]) for r in found)

    def _insert_articles(self, new: list[ArticleRows]) -> None:
        """COPY the article rows into a session temp table, then one INSERT … SELECT that makes
        their search vectors: a multi-row VALUES of 2,400 parameters cost more to build and
        parse than the insert itself."""
        self._staging()
        self._copy("ingest_articles", (*ARTICLE_COLUMNS, "title_terms", "body_terms"),
                   [(r.pk, *(r.article[c] for c in ARTICLE_COLUMNS[1:]), r.title_terms, r.body_terms)
                    for r in new])
        names = ", ".join(ARTICLE_COLUMNS)
        self._exec(f"INSERT INTO articles ({names}, search) SELECT {names}, "
                   f"setweight(to_tsvector('{TS_CONFIG}', title_terms), 'A') || "
                   f"to_tsvector('{TS_CONFIG}', body_terms) FROM ingest_articles")

    def _insert_rows(self, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        self._copy(table, columns, rows)

    def _insert_missing(self, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]],
                        key: tuple[str, ...], update: bool = False) -> None:
        """COPY into a temp table, then one INSERT … ON CONFLICT (COPY alone cannot skip or
        update the rows already there)."""
        if not rows:
            return
        self._staging()
        self._copy(f"ingest_{table}", columns, rows)
        names = ", ".join(columns)
        self._exec(f"INSERT INTO {table} ({names}) SELECT {names} FROM ingest_{table} "
                   + conflict_clause(columns, key, update))

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
