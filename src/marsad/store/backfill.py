"""Stories for articles stored without them, and stories computed again.

:func:`backfill` places every stored article that has no story keys yet (stored before stories
existed, or reset by a rebuild), oldest first, a batch per transaction, exactly as ingest
places new articles: their keys are worked out again from the stored analysis, and each joins
a story of the articles around its day that are placed already.  A crash loses at most the
batch in progress, and running it again goes on where it stopped.

:func:`rebuild` first resets the stories of every article published on or after a date (all
articles without one), in one transaction, then backfills them: after a change of the grouping
settings, or to group an archive again in date order.  Articles before the date keep their
stories and are the context of the first days.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from marsad.store.rows import ArticleRows, build_rows
from marsad.store.stories import write_summaries

if TYPE_CHECKING:
    from marsad.store.base import Row, Store

#: Articles placed per transaction.
BATCH = 200


def backfill(store: Store, batch: int = BATCH) -> int:
    """Place every article without story keys, oldest first; how many were placed."""
    placed = 0
    with store._lock:
        store._linker = None  # its window may predate a reset
        while True:
            with store._transaction():
                todo = store._rows(
                    "SELECT a.pk, a.added_at, t.raw, t.analysis FROM articles a "
                    "JOIN article_texts t ON t.pk = a.pk LEFT JOIN story_keys k ON k.article_pk = a.pk "
                    "WHERE k.article_pk IS NULL ORDER BY COALESCE(a.published, ''), a.pk LIMIT ?", (batch,))
                if not todo:
                    return placed
                _place(store, [_stored_rows(r) for r in todo])
            placed += len(todo)


def rebuild(store: Store, date_from: str | None = None, batch: int = BATCH) -> int:
    """Reset the stories of the articles published on or after ``date_from`` (every article
    when None), then :func:`backfill` them; how many were placed."""
    from marsad.store.base import Filters

    Filters(date_from=date_from)  # the same date check as everywhere
    where, params = ("a.published >= ?", [date_from]) if date_from else ("1=1", [])
    with store._lock, store._transaction():
        store._linker = None
        old = [int(r["story_id"]) for r in store._rows(
            f"SELECT DISTINCT a.story_id FROM articles a WHERE {where} AND a.story_id IS NOT NULL", params)]
        store._exec(f"DELETE FROM story_keys WHERE article_pk IN (SELECT a.pk FROM articles a WHERE {where})",
                    params)
        store._exec(f"UPDATE articles SET story_id = NULL, copy_of = NULL WHERE pk IN "
                    f"(SELECT a.pk FROM articles a WHERE {where})", params)
        write_summaries(store, old)  # stories shared with earlier articles shrink, the others go
    return backfill(store, batch)


def _stored_rows(r: Row) -> ArticleRows:
    """The rows of a stored article, built again from its stored analysis."""
    rows = build_rows(json.loads(r["analysis"]), r["raw"], str(r["added_at"]))
    rows.pk = int(r["pk"])
    return rows


def _place(store: Store, todo: list[ArticleRows]) -> None:
    linker = store._story_linker()
    keys = linker.place(todo)
    store._exec_many("UPDATE articles SET story_id = ?, copy_of = ? WHERE pk = ?",
                     [(k.story, k.copy_of, k.pk) for k in keys])
    linker.write(keys)
