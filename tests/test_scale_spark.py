"""``marsad spark`` on a small local[1] run: Parquet datasets partitioned by month with the
columns of ``marsad export``, and a failed record as a row in errors, never a failed job."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import STORY_ARTICLES
from marsad.store import open_store
from marsad.store.export import rows

pytest.importorskip("pyspark", reason="pip install 'marsad[spark]'")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java (apt-get install default-jre-headless)", allow_module_level=True)
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture(scope="module")
def spark_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """STORY_ARTICLES as a JSONL feed (SaudiNewsNet field names), plus two bad records, through
    ``marsad spark`` on local[1], in three partitions."""
    base = tmp_path_factory.mktemp("spark")
    feed = base / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for record_id, outlet, published, title, text in STORY_ARTICLES:
            out.write(json.dumps({"id": record_id, "outlet": outlet, "date": published, "title": title,
                                  "text": text}, ensure_ascii=False) + "\n")
        out.write(json.dumps({"id": "empty-1", "text": "  "}) + "\n")
        out.write("{not json\n")
    done = subprocess.run([sys.executable, "-m", "marsad", "spark", str(feed), "--out", str(base / "out"),
                           "--master", "local[1]", "--partitions", "3"],  # stories span partitions
                          capture_output=True, text=True, timeout=900)
    return base / "out", done


def _table(out: Path, name: str) -> list[dict[str, Any]]:
    return list(pq.read_table(out / name).to_pylist())


def test_spark_writes_every_dataset_by_month_and_bad_records_as_errors(
        spark_run: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    out, done = spark_run
    assert done.returncode == 0, done.stderr[-2000:]
    assert "2 records failed" in done.stderr
    for name in ("articles", "mentions", "entities", "quotes", "events", "stories"):
        months = {p.name for p in (out / name).iterdir() if p.name.startswith("month=")}
        assert months and months <= {"month=2015-07", "month=2024-03"}, name
        if name in ("articles", "mentions", "entities", "stories"):
            assert months == {"month=2015-07", "month=2024-03"}, name
    articles = _table(out, "articles")
    assert sorted(a["title"] for a in articles) == sorted(a[3] for a in STORY_ARTICLES)
    assert {a["source"] for a in articles} >= {"alweeam", "aljazirah", "alqabas"}
    errors = _table(out, "errors")
    assert {e["record_id"] for e in errors} == {"empty-1", None}
    assert all(e["error"].startswith("E1") for e in errors)


def test_spark_columns_and_rows_match_marsad_export(spark_run: tuple[Path, Any],
                                                    story_docs: list[dict[str, Any]]) -> None:
    out, _done = spark_run
    with open_store(":memory:") as store:
        store.ingest(story_docs)
        for name in ("articles", "quotes", "events", "entities"):
            exported = list(rows(store, name))
            written = _table(out, name)
            assert [c for c in pq.read_table(out / name).schema.names if c != "month"] == list(exported[0]), name
            if name != "entities":
                assert len(written) == len(exported), name
    mentions = _table(out, "mentions")
    assert len(mentions) == sum(len(e["mentions"]) for d in story_docs for e in d["entities"])
    assert all(m["text"] for m in mentions)


def test_spark_stories_are_those_of_an_ingest_in_date_order(spark_run: tuple[Path, Any],
                                                             story_docs: list[dict[str, Any]]) -> None:
    """Stories span partitions: the job groups the whole corpus as an ingest of it, oldest
    first, into an empty store does, with the same story ids, copies and counts."""
    out, _done = spark_run
    ordered = sorted(story_docs, key=lambda d: (d["published"], d["id"]))
    with open_store(":memory:") as store:
        store.ingest(ordered)
        stored = {r["id"]: r for r in store._rows("SELECT id, story_id, copy_of FROM articles")}
        expected = {s["id"]: s for s in store.stories(limit=100)}
    articles = _table(out, "articles")
    assert {a["id"]: (a["story_id"], a["copy_of"]) for a in articles} == \
        {i: (r["story_id"], r["copy_of"]) for i, r in stored.items()}
    stories = _table(out, "stories")
    assert len(stories) == len(expected) < len(articles)
    for story in stories:
        want = expected[story["id"]]
        assert (story["title"], story["first_date"], story["n_articles"], story["n_sources"]) == \
            (want["title"], want["first_date"], want["n_articles"], want["n_sources"])
        assert story["sources"] == want["sources"]
        assert story["month"] == story["first_date"][:7]
    counts = {s["id"]: (s["n_articles"], s["n_sources"]) for s in stories}
    by_article = {a["id"]: a["story_id"] for a in articles}
    events = _table(out, "events")
    assert events and all(e["story_id"] == by_article[e["article"]] for e in events)
    assert all((e["num_articles"], e["num_sources"]) == counts[e["story_id"]] for e in events)
