"""The REST API answers with what the store holds, and analyses articles on request.

Spec: three short Arabic news items are analysed (clean and segment) and annotated with the
entities, quotes and events a reader finds in them, at their exact offsets; the API must
return them, filter them and search them the way a newsroom analyst asks.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from conftest import WRITER_TOKEN, annotated
from marsad.core.contract import problems
from marsad.store import Store, open_store

# Fixtures live in tests/conftest.py: docs (the sample articles), filled_store (them in a fresh
# SQLite or PostgreSQL store), and api_client, analyser and writer (clients over the stores).


def test_sample_documents_keep_the_contract(docs: list[dict[str, Any]]) -> None:
    for doc in docs:
        assert problems(doc) == []


def test_articles_list_newest_first(api_client: TestClient, docs: list[dict[str, Any]]) -> None:
    body = api_client.get("/articles").json()
    assert body["count"] == 3
    assert [a["published"] for a in body["items"]] == ["2024-05-07", "2024-05-07", "2024-05-05"]
    assert {a["id"] for a in body["items"]} == {d["id"] for d in docs}


def test_article_has_text_and_analysis(api_client: TestClient, docs: list[dict[str, Any]]) -> None:
    doc = docs[0]
    body = api_client.get(f"/articles/{doc['id']}").json()
    assert body["text"] == doc["text"]
    assert body["analysis"]["entities"] == doc["entities"]
    assert body["entity_ids"][0] == "Q53707"
    for entity in body["analysis"]["entities"]:
        for m in entity["mentions"]:
            assert body["text"][m["start"]:m["end"]] == m["text"]


@pytest.mark.parametrize(("params", "expected"), [
    ({"type": "per"}, {"Q53707", "Q62093353", "Q311440"}),
    ({"country": "sdn"}, {"Q62093353", "Q1049"}),
    ({"name": "غوتيريش"}, {"Q311440"}),
])
def test_entities_filters(api_client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    body = api_client.get("/entities", params=params).json()
    assert {e["id"] for e in body["items"]} == expected


def test_entity_across_articles(api_client: TestClient) -> None:
    sudan = api_client.get("/entities/Q1049").json()
    assert sudan["name_en"] == "Sudan"
    assert {m["article"] for m in sudan["mentions"]} and len(sudan["mentions"]) == 2
    assert [t["day"] for t in sudan["timeline"]] == ["2024-05-05", "2024-05-07"]
    assert [e["type"] for e in sudan["events_as_target"]] == ["ACCUSE", "AID"]
    sisi = api_client.get("/entities/Q53707").json()
    assert [q["content"] for q in sisi["quotes"]] == ["سيعملان معا لوقف القتال في السودان"]
    assert [e["type"] for e in sisi["events_as_source"]] == ["CONSULT"]


@pytest.mark.parametrize(("params", "contents"), [
    ({"speaker": "غوتيريش"}, ["استهداف المدنيين يعد انتهاكا للقانون الدولي"]),
    ({"speaker": "Abdel Fattah el-Sisi"}, ["سيعملان معا لوقف القتال في السودان"]),
    ({"speaker": "والسيسي"}, ["سيعملان معا لوقف القتال في السودان"]),  # a proclitic does not matter
    ({"q": "القانون"}, ["استهداف المدنيين يعد انتهاكا للقانون الدولي"]),
    ({"speaker": "بوتين"}, []),
])
def test_quotes_by_speaker_and_words(api_client: TestClient, params: dict[str, str], contents: list[str]) -> None:
    body = api_client.get("/quotes", params=params).json()
    assert [q["content"] for q in body["items"]] == contents


@pytest.mark.parametrize(("params", "types"), [
    ({}, ["ACCUSE", "AID", "CONSULT"]),
    ({"type": "consult"}, ["CONSULT"]),
    ({"country": "PRT"}, ["ACCUSE"]),
    ({"from": "2024-05-06"}, ["ACCUSE"]),
    ({"to": "2024-05-05"}, ["AID", "CONSULT"]),
])
def test_events_filters(api_client: TestClient, params: dict[str, str], types: list[str]) -> None:
    body = api_client.get("/events", params=params).json()
    assert sorted(e["type"] for e in body["items"]) == types


def test_events_per_day(api_client: TestClient) -> None:
    body = api_client.get("/events/per-day").json()
    assert body["items"] == [{"day": "2024-05-05", "events": 2}, {"day": "2024-05-07", "events": 1}]


@pytest.mark.parametrize(("query", "title", "word"), [
    ("وبالقاهرة", "السيسي يستقبل البرهان في القاهرة", "القاهرة"),  # conjunction, preposition, article
    ("بالمدنيين", "الأمم المتحدة تدين القصف", "المدنيين"),
    ("غوتيريش", "الأمم المتحدة تدين القصف", "غوتيريش"),
])
def test_search_is_arabic_aware(api_client: TestClient, query: str, title: str, word: str) -> None:
    body = api_client.get("/search", params={"q": query}).json()
    if not body["items"] or body["items"][0]["title"] != title:
        pytest.fail(f"{query!r} did not find {title!r}: {body}")
    hit = body["items"][0]
    assert any(word in hit["snippet"][s:e] or hit["snippet"][s:e] in word for s, e in hit["highlights"])


def test_search_filters_by_speaker(api_client: TestClient) -> None:
    body = api_client.get("/search", params={"q": "السودان", "speaker": "غوتيريش"}).json()
    assert [h["title"] for h in body["items"]] == ["الأمم المتحدة تدين القصف"]


def test_analyze_returns_a_contract_document(analyser: TestClient) -> None:
    text = "قال وزير الخارجية الأردني أيمن الصفدي يوم الخميس إن بلاده تدعم وقف إطلاق النار."
    body = analyser.post("/analyze", json={"text": text, "published": "2024-03-14", "title": "الصفدي"}).json()
    assert problems(body) == []
    assert body["text"] == text and body["published"] == "2024-03-14" and body["title"] == "الصفدي"


def test_analyze_reads_text_as_text_never_as_a_server_file(analyser: TestClient) -> None:
    body = analyser.post("/analyze", json={"text": "/etc/hostname"}).json()
    assert body["text"] == "/etc/hostname"


def test_writes_need_the_token(writer: TestClient, api_client: TestClient) -> None:
    item = {"text": "أعلنت وزارة الصحة الفلسطينية ارتفاع عدد الضحايا.", "published": "2024-05-08"}
    assert api_client.post("/articles", json=item).status_code == 403  # no token configured: read-only
    assert writer.post("/articles", json=item).status_code == 401
    wrong = writer.post("/articles", json=item, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    auth = {"Authorization": f"Bearer {WRITER_TOKEN}"}
    first = writer.post("/articles", json=item, headers=auth)
    assert first.status_code == 201 and first.json()["added"] is True
    again = writer.post("/articles", json=item, headers=auth)
    assert again.status_code == 200 and again.json() == {"id": first.json()["id"], "added": False}
    assert writer.get(f"/articles/{first.json()['id']}").json()["published"] == "2024-05-08"


def test_the_server_lets_other_writers_in_between_requests(writer: TestClient, filled_store: Store) -> None:
    auth = {"Authorization": f"Bearer {WRITER_TOKEN}"}
    item = {"text": "أعلنت وزارة الصحة الفلسطينية ارتفاع عدد الضحايا.", "published": "2024-05-08"}
    assert writer.post("/articles", json=item, headers=auth).status_code == 201
    with open_store(filled_store.url) as other:  # `marsad ingest` on the same store
        assert other.add(annotated("خبر", "2024-06-01", "وصل وزير الخارجية التركي إلى الدوحة مساء السبت.",
                                   [], [], []))
        busy = writer.post("/articles", json={**item, "text": "وصل الرئيس إلى القاهرة."}, headers=auth)
        assert busy.status_code == 503 and busy.json()["error"]["code"] == "E501"
    assert writer.post("/articles", json={**item, "text": "وصل الرئيس إلى القاهرة."}, headers=auth).status_code == 201


def test_post_an_analysed_document(writer: TestClient) -> None:
    doc = annotated("خبر", "2024-06-01", "وصل وزير الخارجية التركي إلى الدوحة مساء السبت.", [], [], [])
    auth = {"Authorization": f"Bearer {WRITER_TOKEN}"}
    assert writer.post("/articles", json=doc, headers=auth).json() == {"id": doc["id"], "added": True}
    broken = {**doc, "entities": [{"type": "PER", "mentions": [{"start": 0, "end": 3, "text": "xyz"}]}]}
    answer = writer.post("/articles", json=broken, headers=auth)
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "E105"


def test_openapi_lists_every_route(analyser: TestClient) -> None:
    paths = analyser.get("/openapi.json").json()["paths"]
    for path in ("/analyze", "/articles", "/articles/{article_id}", "/entities", "/entities/{entity_id}",
                 "/quotes", "/events", "/search"):
        assert path in paths
    assert "security" in paths["/articles"]["post"]
    docs = analyser.get("/docs")
    assert docs.status_code == 200 and "/entities/{entity_id}" in docs.text
    assert "cdn" not in docs.text.lower()


def test_analyze_a_url(analyser: TestClient, page_url: str) -> None:
    body = analyser.post("/analyze", json={"url": page_url, "published": "2024-03-14"}).json()
    assert problems(body) == []
    assert body["url"] == page_url and "أيمن الصفدي" in body["text"]


def test_urls_on_private_addresses_are_refused_by_default(public_analyser: TestClient, page_url: str) -> None:
    answer = public_analyser.post("/analyze", json={"url": page_url})
    assert answer.status_code == 403
    error = answer.json()["error"]
    assert error["code"] == "E107" and "127.0.0.1" in error["message"] and "api_private_urls" in error["message"]


def test_unreachable_url_is_a_bad_gateway(analyser: TestClient) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once the socket is closed
    answer = analyser.post("/analyze", json={"url": f"http://127.0.0.1:{port}/x.html"})
    assert answer.status_code == 502 and answer.json()["error"]["code"] == "E106"
