"""Stories in the Spark job, grouped as an ingest groups them.

Executors work out each article's story keys (terms of its lead, actors, places, event
families, the MinHash of its words: the costly part) with its rows.  The driver then reads the
keys oldest first (by day, then article id), one partition at a time, numbers the articles in
that order and places each with :func:`marsad.store.stories.place_in_order`: the stories and
their ids are those an ingest of the articles in that order into an empty store gives (a story's
id is the number of its first article).  The driver keeps a few days of keys and one small
record per article; the assignments go back to the executors as a DataFrame joined with the
articles and events.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from marsad.store.stories import SUMMARY_COLUMNS, keys_from_record, keys_from_row, keys_record, story_summary

#: Month of a story: that of its first report.
NO_MONTH = "unknown"


def partition_keys(store: Any) -> Iterator[str]:
    """The story keys of every article of a partition's store, as JSON lines."""
    for r in store._rows(
            "SELECT k.article_pk, a.id, a.source, a.story_id, a.copy_of, a.record_id, a.title, a.published, "
            "k.day, k.lead, k.actors, k.places, k.families, k.minhash "
            "FROM story_keys k JOIN articles a ON a.pk = k.article_pk"):
        yield json.dumps(keys_record(keys_from_row(r), title=r["title"], published=r["published"]),
                         ensure_ascii=False)


def place(key_lines: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(story of each article id, stories) from the RDD of :func:`partition_keys` lines."""
    from marsad.store.stories import place_in_order

    ordered = key_lines.map(json.loads).sortBy(lambda r: (r["day"] or "", r["id"]))
    members: dict[int, dict[str, Any]] = {}

    def numbered() -> Iterator[Any]:
        seen: set[str] = set()
        for record in ordered.toLocalIterator():
            if record["id"] in seen:  # the same text twice in the input: one article, as in a store
                continue
            seen.add(record["id"])
            record["pk"] = len(members) + 1
            members[record["pk"]] = {"pk": record["pk"], "id": record["id"], "title": record["title"],
                                     "source": record["source"], "published": record["published"]}
            yield keys_from_record(record)

    for k in place_in_order(numbered()):
        members[k.pk].update(story_id=k.story, copy_of=k.copy_of)
    by_story: dict[int, list[dict[str, Any]]] = {}
    for m in members.values():
        by_story.setdefault(m["story_id"], []).append(m)
    stories = [_story_row(story, group) for story, group in by_story.items()]
    counts = {s["id"]: (s["n_articles"], s["n_sources"]) for s in stories}
    assigned = [{"id": m["id"], "story_id": m["story_id"], "copy_of": m["copy_of"],
                 "num_articles": counts[m["story_id"]][0], "num_sources": counts[m["story_id"]][1]}
                for m in members.values()]
    return assigned, stories


def _story_row(story: int, group: list[dict[str, Any]]) -> dict[str, Any]:
    row = dict(zip(SUMMARY_COLUMNS, story_summary(story, group), strict=True))
    row["sources"] = row["sources"].split("|") if row["sources"] else []
    first = row["first_date"]
    return {"id": row["id"], **{c: row[c] for c in SUMMARY_COLUMNS if c != "id"},
            "month": str(first)[:7] if first else NO_MONTH}


def with_stories(frame: Any, assigned: Any, table: str) -> Any:
    """``frame`` (articles or events) with the story columns taken from ``assigned`` (a
    DataFrame of :func:`place`'s assignments), in the frame's own column order."""
    order = list(frame.columns)
    if table == "articles":
        joined = frame.drop("story_id", "copy_of").join(
            assigned.select("id", "story_id", "copy_of"), on="id", how="left")
    else:
        stories = assigned.select(assigned["id"].alias("article"), "story_id", "num_articles", "num_sources")
        joined = frame.drop("story_id", "num_articles", "num_sources").join(stories, on="article", how="left")
    return joined.select(*order, *(c for c in joined.columns if c not in order))
