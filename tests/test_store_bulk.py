"""A batch is written at once (PostgreSQL: COPY and INSERT … SELECT): the same rows as article
by article, a second copy of an article in one batch counted as already stored."""

from __future__ import annotations

from typing import Any

from marsad.store import Store


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
