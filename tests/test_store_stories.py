"""Wire copies and stories at ingest: copies of one report from different outlets share a
story; two reports sharing a background paragraph do not; unrelated reports do not merge."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.store import Store
from marsad.store.export import rows
from marsad.store.stories import get_story, list_stories

PASSPORTS = ("snn-d9e260ace38b", "snn-2654205710ea", "snn-d329fb86442f", "snn-1e7c407c9d92")
FIRE = ("snn-b3dd3b6008c9", "snn-7b89df971b6c")


def _story_of(store: Store) -> dict[str, Any]:
    """record id → (story id, copy_of) of every stored article."""
    found = store._rows("SELECT record_id, story_id, copy_of FROM articles")
    return {r["record_id"]: (r["story_id"], r["copy_of"]) for r in found}


@pytest.mark.parametrize("batch", [1, 50], ids=["one-by-one", "one-batch"])
def test_wire_copies_share_a_story_and_different_reports_do_not(
        store: Store, story_docs: list[dict[str, Any]], batch: int) -> None:
    report = store.ingest(story_docs, batch=batch)
    assert report.added == len(story_docs)
    stories = _story_of(store)
    passports = {stories[r][0] for r in PASSPORTS}
    fire = {stories[r][0] for r in FIRE}
    assert len(passports) == 1 and len(fire) == 1 and passports != fire
    assert stories["kw-arrest"][0] != stories["kw-law"][0]
    assert not ({stories["kw-arrest"][0], stories["kw-law"][0]} & (passports | fire))
    # The first stored report is the original; its near-identical reprints name it.
    first = story_docs[0]["id"]
    assert stories["snn-d9e260ace38b"][1] is None
    assert stories["snn-2654205710ea"][1] == first and stories["snn-d329fb86442f"][1] == first
    assert stories["snn-7b89df971b6c"][1] == story_docs[4]["id"]
    assert stories["kw-law"][1] is None


def test_a_story_lists_its_articles_sources_and_events(store: Store, story_docs: list[dict[str, Any]]) -> None:
    store.ingest(story_docs)
    story = get_story(store, _story_of(store)["snn-d9e260ace38b"][0])
    assert story is not None
    assert [a["record_id"] for a in story["articles"]] == list(PASSPORTS)
    assert story["sources"] == ["aljazirah", "almadina", "alweeam", "alyaum"]
    assert (story["n_articles"], story["n_sources"]) == (4, 4)
    assert (story["first_date"], story["last_date"]) == ("2015-07-21", "2015-07-22")
    assert story["title"] == story_docs[0]["title"]
    listed = list_stories(store, date_from="2015-07-22", date_to="2015-07-22")
    assert [s["id"] for s in listed] == [story["id"]]
    assert {s["n_articles"] for s in list_stories(store, date_from="2024-03-01")} == {1}


def test_events_carry_their_story_counts_into_exports(store: Store, story_docs: list[dict[str, Any]]) -> None:
    store.ingest(story_docs)
    events = list(rows(store, "gdelt"))
    assert events, "the reports have events"
    assert all({"StoryID", "NumArticles", "NumSources"} <= set(e) for e in events)
    stories = _story_of(store)
    by_article = {d["id"]: stories[d["record_id"]][0] for d in story_docs}
    for event in events:
        assert event["StoryID"] == by_article[event["ArticleID"]]


def test_cli_stories_prints_each_story_with_its_articles(tmp_path: Any, story_docs: list[dict[str, Any]]) -> None:
    import json
    import subprocess
    import sys

    from marsad.store import open_store

    db = tmp_path / "stories.db"
    with open_store(str(db)) as store:
        store.ingest(story_docs)
    run = [sys.executable, "-m", "marsad", "stories", "--db", str(db), "--min-articles", "2"]
    listed = json.loads(subprocess.run([*run, "--format", "json"], capture_output=True, text=True,
                                       check=True).stdout)
    assert sorted(s["n_articles"] for s in listed) == [2, 4]
    passports = next(s for s in listed if s["n_articles"] == 4)
    assert [a["record_id"] for a in passports["articles"]] == list(PASSPORTS)
    text = subprocess.run([*run, "--to", "2015-07-21"], capture_output=True, text=True, check=True).stdout
    assert "record snn-2654205710ea" in text and f"copy of {story_docs[0]['id']}" in text
    bad = subprocess.run([*run, "--from", "yesterday"], capture_output=True, text=True)
    assert bad.returncode == 1 and bad.stderr.startswith("marsad: E") and len(bad.stderr.splitlines()) == 1


def test_api_serves_stories(memory_store: Store, story_docs: list[dict[str, Any]]) -> None:
    from fastapi.testclient import TestClient

    from marsad.core.settings import Settings
    from marsad.shells.server import create_app

    memory_store.ingest(story_docs)
    client = TestClient(create_app(memory_store, Settings()))
    listed = client.get("/stories", params={"min_articles": 2}).json()
    assert listed["count"] == 2
    story_id = next(s["id"] for s in listed["items"] if s["n_articles"] == 4)
    one = client.get(f"/stories/{story_id}").json()
    assert one["sources"] == ["aljazirah", "almadina", "alweeam", "alyaum"]
    missing = client.get("/stories/999999")
    assert missing.status_code == 404 and missing.json()["error"]["code"]


def test_web_stories_page_lists_a_story_with_its_copies(memory_store: Store, story_docs: list[dict[str, Any]]) -> None:
    from fastapi.testclient import TestClient

    from marsad.core.settings import Settings
    from marsad.shells.server import create_app

    memory_store.ingest(story_docs)
    client = TestClient(create_app(memory_store, Settings()))
    html = client.get("/ui/stories", params={"min_articles": 2, "from": "2015-07-01"}).text
    assert story_docs[0]["title"] in html and "نسخة من" in html and "4 مصادر" in html
    assert "alqabas" not in html  # a story of one article is below --min-articles 2
    assert client.get("/ui/stories", params={"from": "not-a-date"}).status_code == 422


def _partition(store: Store) -> set[frozenset[str]]:
    """The stories as sets of record ids (story ids are pks, which differ from store to store)."""
    groups: dict[int, set[str]] = {}
    for record, (story, _copy) in _story_of(store).items():
        groups.setdefault(story, set()).add(record)
    return {frozenset(g) for g in groups.values()}


def test_a_failed_batch_leaves_no_article_and_no_story(store: Store, story_docs: list[dict[str, Any]],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.store import StoreError, open_store
    from marsad.store import stories as stories_module

    def broken(*_args: Any) -> None:
        raise StoreError("disk full")

    monkeypatch.setattr(stories_module, "write_summaries", broken)
    with pytest.raises(StoreError):
        store.ingest(story_docs, batch=50)
    for table in ("articles", "mentions", "events"):
        assert store.count(table) == 0
    assert store._rows("SELECT COUNT(*) AS n FROM story_keys")[0]["n"] == 0
    assert store._rows("SELECT COUNT(*) AS n FROM stories")[0]["n"] == 0
    monkeypatch.undo()
    assert store.ingest(story_docs, batch=50).added == len(story_docs)
    with open_store(":memory:") as fresh:
        fresh.ingest(story_docs, batch=50)
        assert _partition(store) == _partition(fresh)


def test_a_linker_that_drops_old_days_groups_the_same(store: Store, story_docs: list[dict[str, Any]],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.store import open_store
    from marsad.store import stories as stories_module

    with open_store(":memory:") as whole:
        whole.ingest(story_docs, batch=1)
        expected = _partition(whole)
    # A window of one article: every batch drops the days it does not need, and reads them back
    # from the store when a later article needs them again (2015 and 2024 reports alternate).
    monkeypatch.setattr(stories_module, "MAX_WINDOW", 1)
    old = [d for d in story_docs if d["published"] < "2020"]
    new = [d for d in story_docs if d["published"] >= "2020"]
    mixed = [d for pair in zip(old, new, strict=False) for d in pair] + old[len(new):]
    assert len(mixed) == len(story_docs)
    store.ingest(mixed, batch=1)
    assert _partition(store) == expected


def _forget_stories(store: Store) -> None:
    """The store as one written before stories existed: articles without story or keys."""
    with store._lock, store._transaction():
        store._exec("DELETE FROM story_keys")
        store._exec("DELETE FROM stories")
        store._exec("UPDATE articles SET story_id = NULL, copy_of = NULL")


def _consistent(store: Store) -> None:
    """Every article has a story, and every story row counts its articles."""
    members: dict[int, int] = {}
    for r in store._rows("SELECT story_id FROM articles"):
        assert r["story_id"] is not None
        members[r["story_id"]] = members.get(r["story_id"], 0) + 1
    rows = {r["id"]: r["n_articles"] for r in store._rows("SELECT id, n_articles FROM stories")}
    assert rows == members


def test_backfill_places_articles_stored_before_stories_existed(
        store: Store, story_docs: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.store import StoreError
    from marsad.store import backfill as backfill_module

    store.ingest(story_docs, batch=50)
    expected, copies = _partition(store), {r: c for r, (_s, c) in _story_of(store).items()}
    _forget_stories(store)
    real = backfill_module._place
    calls: list[int] = []

    def second_batch_fails(s: Store, todo: list[Any]) -> None:
        calls.append(len(todo))
        if len(calls) == 2:
            raise StoreError("disk full")
        real(s, todo)

    monkeypatch.setattr(backfill_module, "_place", second_batch_fails)
    with pytest.raises(StoreError):
        backfill_module.backfill(store, batch=3)
    assert store._rows("SELECT COUNT(*) AS n FROM story_keys")[0]["n"] == 3  # the first batch stays
    monkeypatch.undo()
    assert store.backfill_stories() == len(story_docs) - 3  # goes on where it stopped
    assert store.backfill_stories() == 0
    _consistent(store)
    assert _partition(store) == expected
    assert {r: c for r, (_s, c) in _story_of(store).items()} == copies


def test_rebuild_from_a_date_regroups_later_articles_only(
        store: Store, story_docs: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.store import stories as stories_module

    store.ingest(story_docs, batch=50)
    before = _story_of(store)
    # A stricter grouping setting: only wire copies share a story now.
    monkeypatch.setattr(stories_module, "STORY_MIN", 2.0)
    later = {d["record_id"] for d in story_docs if d["published"] >= "2015-07-22"}
    assert store.rebuild_stories("2015-07-22") == len(later) == 3
    after = _story_of(store)
    assert {r: after[r] for r in before if r not in later} == {r: before[r] for r in before if r not in later}
    pks = {r["record_id"]: r["pk"] for r in store._rows("SELECT record_id, pk FROM articles")}
    by_id = {d["id"]: d["record_id"] for d in story_docs}
    for record in later:
        story, copy_of = after[record]
        assert story == (pks[record] if copy_of is None else after[by_id[copy_of]][0])
    _consistent(store)
    # Everything again by the stricter setting: wire copies still share their original's story.
    store.rebuild_stories()
    _consistent(store)
    again = _story_of(store)
    for record, (story, copy_of) in again.items():
        assert story == (pks[record] if copy_of is None else again[by_id[copy_of]][0])
    assert len({again[r][0] for r in FIRE}) == 1


def test_cli_stories_backfill_and_rebuild(tmp_path: Any, story_docs: list[dict[str, Any]]) -> None:
    import subprocess
    import sys

    from marsad.store import open_store

    db = tmp_path / "old.db"
    with open_store(str(db)) as store:
        store.ingest(story_docs)
        _forget_stories(store)
    run = [sys.executable, "-m", "marsad", "stories", "--db", str(db), "--min-articles", "4"]
    done = subprocess.run([*run, "--backfill"], capture_output=True, text=True, check=True)
    assert f"{len(story_docs)} articles placed" in done.stderr and "record snn-1e7c407c9d92" in done.stdout
    bad = subprocess.run([*run, "--rebuild", "--to", "2015-07-22"], capture_output=True, text=True)
    assert bad.returncode == 1 and "--to" in bad.stderr and len(bad.stderr.splitlines()) == 1
    again = subprocess.run([*run, "--rebuild", "--from", "2015-07-22"], capture_output=True, text=True,
                           check=True)
    assert "articles placed" in again.stderr and "record snn-1e7c407c9d92" in again.stdout
