"""Stores for analysed articles: SQLite by default (one file), PostgreSQL for a team.

The public API (everything else in this package is internal)::

    store = open_store("marsad.db")             # or ":memory:" or "postgresql://USER@HOST:PORT/DB"
    report = store.ingest(docs)                 # Documents or contract dicts -> IngestReport
    store.add(doc)                              # one article -> True if new, False if present
    store.get_article(id)                       # dict with text, raw, analysis, entity_ids | None
    store.list_articles(Filters(...), limit, offset)
    store.entities(name=, type=, country=)      # canonical entities with mention counts
    store.entity(id)                            # aliases, mentions, quotes, events, timeline | None
    store.quotes(speaker=, q=, entity=, article=)
    store.events(type=, country=, date_from=, date_to=); store.events_per_day(...)
    store.search(q, Filters(...), limit, offset) -> list[Hit]  (id, title, snippet, highlights)
    store.count(table); store.close()           # or use the store as a context manager

Rows are plain dicts; dates are ``YYYY-MM-DD`` strings.  Every error is a :class:`StoreError`
(a MarsadError with a one-line message).  A store writes through one connection and holds the
writer lock from its first write until it is closed (or ``store.release_writer()``, as the API
server does after each write), so a second writer fails at once (StoreBusyError).
"""

from __future__ import annotations

import os

from marsad.store.base import Filters, Hit, IngestReport, Store, StoreError

__all__ = ["Filters", "Hit", "IngestReport", "Store", "StoreError", "open_store"]

_PG_PREFIXES = ("postgresql://", "postgres://")


def open_store(url: str | os.PathLike[str]) -> Store:
    """Open (and migrate) the store at ``url``: a file path, ``:memory:``, ``sqlite:///PATH``
    or ``postgresql://USER@HOST/DB``."""
    url = os.fspath(url)
    if url.startswith(_PG_PREFIXES):
        from marsad.store.postgres import PostgresStore

        store: Store = PostgresStore(url)
    else:
        from marsad.store.sqlite import SQLiteStore

        path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url
        if "://" in path:
            raise StoreError(f"unknown database URL {url!r}; use a file path, sqlite:///PATH "
                             "or postgresql://USER@HOST/DB")
        store = SQLiteStore(path)
    try:
        store.migrate()
    except BaseException:
        store.close()
        raise
    return store
