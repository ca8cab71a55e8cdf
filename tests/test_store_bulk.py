"""A batch is written at once (PostgreSQL: COPY and INSERT … SELECT): the same rows as article
by article, a second copy of an article in one batch counted as already stored."""

from __future__ import annotations

from typing import Any

from marsad.store import IngestReport, Store


def test_a_batch_with_a_repeated_article_stores_it_once(store: Store, docs: list[dict[str, Any]]) -> None:
    batch = [docs[0], docs[1], docs[0], docs[2]]
    report = store.ingest(batch, batch=10)
    assert (report.added, report.present, report.errors) == (3, 1, [])
    assert store.count("articles") == 3
    assert store.count("mentions") == sum(len(e["mentions"]) for d in docs for e in d["entities"])
    assert store.count("events") == sum(len(d["events"]) for d in docs)
    assert store.count("quotes") == sum(len(d["quotes"]) for d in docs)
    again = store.ingest(batch, batch=10)
    assert (again.added, again.present) == (0, 4)


def test_entities_shared_by_articles_of_one_batch_are_one_row(store: Store, docs: list[dict[str, Any]]) -> None:
    store.ingest(docs, batch=10)
    sudan = [e for e in store.entities(name="السودان") if e["id"] == "Q1049"]
    assert sudan and sudan[0]["articles"] == 2
    stored = store.get_article(docs[0]["id"])
    assert stored is not None and stored["analysis"]["text"] == docs[0]["text"]
    assert [h.id for h in store.search("غوتيريش")] == [docs[1]["id"]]


def test_a_batch_that_fails_to_write_stops_ingest_after_the_batches_before(
        store: Store, docs: list[dict[str, Any]], monkeypatch: Any) -> None:
    """Batches are written on a thread while the next is built: a failed write still ends the
    ingest with its error, the batches before it stay stored and nothing of it does."""
    from marsad.store import StoreError

    assert len(docs) >= 3
    real = store._insert_articles
    calls: list[int] = []

    def second_fails(new: Any) -> None:
        calls.append(len(new))
        if len(calls) == 2:
            raise StoreError("disk full")
        real(new)

    monkeypatch.setattr(store, "_insert_articles", second_fails)
    seen: list[bool] = []
    try:
        for added in store.ingest_iter(docs, IngestReport(), batch=1):
            seen.append(added)
    except StoreError as exc:
        assert "disk full" in str(exc)
    else:
        raise AssertionError("the failed write was not reported")
    assert seen == [True] and store.count("articles") == 1
    assert store.count("mentions") == sum(len(e["mentions"]) for e in docs[0]["entities"])


def test_a_contract_feed_is_stored_in_batches_with_each_bad_line_named(
        memory_store: Store, docs: list[dict[str, Any]], tmp_path: Any, monkeypatch: Any) -> None:
    import json

    from marsad.core.settings import Settings
    from marsad.store import ingest

    monkeypatch.setattr(ingest, "BATCH", 2)
    lines = [json.dumps(d, ensure_ascii=False) for d in docs]
    lines.insert(2, "{not json")
    lines.insert(4, json.dumps({**docs[0], "id": "not-its-id"}, ensure_ascii=False))
    feed = tmp_path / "analysed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    statuses = list(ingest.ingest_items(memory_store, (str(feed),), Settings()))
    assert [s for s, _where in statuses].count("added") == len(docs)
    errors = [(s, where) for s, where in statuses if s not in {"added", "present"}]
    assert len(errors) == 2
    assert errors[0][1] == f"{feed}:3"
    assert errors[1][0].startswith("E105 not-its-id:")
    assert memory_store.count("articles") == len(docs)
