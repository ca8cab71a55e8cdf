"""SQLite store: one file, no server; full-text search on FTS5 over normalised Arabic terms."""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from marsad.store.base import ARTICLE_COLUMNS, SEARCH_CANDIDATES, Row, Store, StoreBusyError, StoreError
from marsad.store.rows import ArticleRows
from marsad.store.search import Query, fts5_match

MEMORY = ":memory:"


class SQLiteStore(Store):
    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.url = path
        self._lockfile: IO[str] | None = None
        if path != MEMORY and not Path(path).parent.is_dir():
            raise StoreError(f"folder of database {path} does not exist; create it first")
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a transaction is exactly
            # what _transaction() wraps (the sqlite3 module would otherwise open them implicitly).
            self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA foreign_keys = ON")
            if path != MEMORY:
                # WAL lets readers (search, the web UI) go on while an ingest writes.
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")
                self._conn.execute("PRAGMA busy_timeout = 5000")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open {path} as an SQLite database ({exc}); "
                             "give a new file name or a marsad database") from None

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[Row]:
        try:
            return [dict(r) for r in self._conn.execute(sql, tuple(params))]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: {exc}") from None

    def _exec(self, sql: str, params: Iterable[Any] = ()) -> None:
        try:
            self._conn.execute(sql, tuple(params))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: {exc}") from None

    def _exec_many(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            self._conn.executemany(sql, rows)

    @contextmanager
    def _outer_transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")

    def _take_writer_lock(self) -> None:
        """One writer per store: a second process writing the same file fails at once."""
        if self._lockfile is not None or self.path == MEMORY:
            return
        handle = open(self.path + ".lock", "w", encoding="utf-8")  # held open until close()
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise StoreBusyError(f"another marsad process is writing to {self.path}; "
                             "wait for it to finish (one writer per store)") from None
        handle.write(str(os.getpid()))
        handle.flush()
        self._lockfile = handle

    def _release_writer_lock(self) -> None:
        if self._lockfile is not None:
            self._lockfile.close()
            self._lockfile = None

    def _next_pks(self, count: int) -> list[int]:
        # BEGIN IMMEDIATE holds the write lock, so no one else takes these before we commit.
        top = int(self._rows("SELECT COALESCE(MAX(pk), 0) AS top FROM articles")[0]["top"])
        return list(range(top + 1, top + 1 + count))

    def _insert_articles(self, new: list[ArticleRows]) -> None:
        self._insert_rows("articles", ARTICLE_COLUMNS,
                          [(r.pk, *(r.article[c] for c in ARTICLE_COLUMNS[1:])) for r in new])
        self._insert_rows("article_fts", ("rowid", "title", "body"),
                          [(r.pk, r.title_terms, r.body_terms) for r in new])

    def _search_rows(self, query: Query, where: str, params: list[Any], limit: int, offset: int
                     ) -> list[Row]:
        # CROSS JOIN keeps the index first: matches are read newest first and the filters
        # checked on each, until enough candidates are found (the planner would otherwise
        # start from a date index and probe the index once per article).
        return self._rows(
            "SELECT a.id, a.title, a.source, a.url, a.published, t.text FROM "
            "(SELECT f.rowid AS pk, f.rank AS rank FROM article_fts f CROSS JOIN articles a "
            f"ON a.pk = f.rowid WHERE article_fts MATCH ? AND {where} ORDER BY f.rowid DESC LIMIT ?) c "
            "JOIN articles a ON a.pk = c.pk JOIN article_texts t ON t.pk = c.pk "
            "ORDER BY c.rank, c.pk DESC LIMIT ? OFFSET ?",
            [fts5_match(query), *params, max(SEARCH_CANDIDATES, limit + offset), limit, offset])

    def close(self) -> None:
        with self._lock:
            self._conn.close()
            self._release_writer_lock()
