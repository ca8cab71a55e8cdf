"""The REST API answers with what the store holds, and analyses articles on request.

Spec: three short Arabic news items are analysed (clean and segment) and annotated with the
entities, quotes and events a reader finds in them, at their exact offsets; the API must
return them, filter them and search them the way a newsroom analyst asks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

import marsad
from marsad.api import create_app
from marsad.contract import problems
from marsad.settings import Settings
from marsad.store import Store, open_store

TOKEN = "s3cret-token"

#: (title, published, text, entities, quotes, events).  Entities: (type, name_en, name_ar,
#: wikidata, country, mention texts).  Quotes: (speaker text, speaker entity, cue, content,
#: kind).  Events: (type, mode, trigger, source entities, target entities, date).
ARTICLES: list[tuple[Any, ...]] = [
    ("السيسي يستقبل البرهان في القاهرة", "2024-05-05",
     "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة يوم الأحد رئيس مجلس السيادة السوداني "
     "عبد الفتاح البرهان.\n\nوقال السيسي للصحفيين إن البلدين «سيعملان معا لوقف القتال في السودان».\n\n"
     "وأعلنت الأمم المتحدة أنها سترسل مساعدات إنسانية إلى الخرطوم.",
     [("PER", "Abdel Fattah el-Sisi", "عبد الفتاح السيسي", "Q53707", "EGY", ["عبد الفتاح السيسي", "السيسي"]),
      ("PER", "Abdel Fattah al-Burhan", "عبد الفتاح البرهان", "Q62093353", "SDN", ["عبد الفتاح البرهان"]),
      ("GPE", "Cairo", "القاهرة", "Q85", "EGY", ["القاهرة"]),
      ("GPE", "Sudan", "السودان", "Q1049", "SDN", ["السودان"]),
      ("ORG", "United Nations", "الأمم المتحدة", "Q1065", None, ["الأمم المتحدة"])],
     [("السيسي", 0, "قال", "سيعملان معا لوقف القتال في السودان", "direct")],
     [("CONSULT", "host", "استقبل", [0], [1], "2024-05-05"),
      ("AID", "humanitarian", "سترسل", [4], [3], None)]),
    ("الأمم المتحدة تدين القصف", "2024-05-07",
     "أدان الأمين العام للأمم المتحدة أنطونيو غوتيريش القصف الذي استهدف مخيما للنازحين في السودان.\n\n"
     "وقال غوتيريش إن استهداف المدنيين يعد انتهاكا للقانون الدولي.",
     [("PER", "António Guterres", "أنطونيو غوتيريش", "Q311440", "PRT", ["أنطونيو غوتيريش", "غوتيريش"]),
      ("GPE", "Sudan", "السودان", "Q1049", "SDN", ["السودان"])],
     [("غوتيريش", 0, "قال", "استهداف المدنيين يعد انتهاكا للقانون الدولي", "indirect")],
     [("ACCUSE", None, "أدان", [0], [1], "2024-05-07")]),
    ("<script>alert('x')</script> عنوان مريب", "2024-05-07",
     "نص فيه وسم <script>alert('x')</script> و<b>خط عريض</b> لا يجوز أن ينفذ في المتصفح.",
     [("MISC", "<img src=x onerror=alert(1)>", None, None, None, ["خط عريض"])], [], []),
]


def _span(text: str, needle: str, start: int = 0) -> dict[str, Any]:
    at = text.index(needle, start)
    return {"start": at, "end": at + len(needle), "text": needle}


def _mentions(text: str, needle: str) -> list[dict[str, Any]]:
    """Every occurrence of ``needle`` that ends a word (proclitics before it are allowed)."""
    return [{"start": m.start(), "end": m.end(), "text": needle}
            for m in re.finditer(re.escape(needle) + r"(?!\w)", text)]


def _actor(text: str, doc: dict[str, Any], index: int) -> dict[str, Any]:
    mention = doc["entities"][index]["mentions"][0]
    return {"text": mention["text"], "entity": index, "start": mention["start"], "end": mention["end"]}


def annotated(title: str, published: str, text: str, entities: list[Any], quotes: list[Any],
              events: list[Any]) -> dict[str, Any]:
    """A contract document: the real clean and segment stages, plus the given annotations."""
    doc = marsad.analyze(text, published, stages=("clean", "segment")).to_dict()
    doc["title"] = title
    clean = doc["text"]
    doc["entities"] = []
    for kind, name_en, name_ar, wikidata, country, names in entities:
        mentions = sorted((m for n in names for m in _mentions(clean, n)), key=lambda m: m["start"])
        # A short name inside a longer one ("السيسي" in "عبد الفتاح السيسي") is one mention.
        kept = [m for m in mentions if not any(
            o is not m and o["start"] <= m["start"] and m["end"] <= o["end"] for o in mentions)]
        doc["entities"].append({"type": kind, "name_en": name_en, "name_ar": name_ar, "wikidata": wikidata,
                                "country": country, "kb_id": None, "mentions": kept})
    doc["quotes"] = []
    for speaker, entity, cue, content, kind in quotes:
        said = _span(clean, content)
        cue_span = _span(clean, cue)
        who = _span(clean, speaker, cue_span["start"])
        doc["quotes"].append({"kind": kind, "content": said, "cue": cue_span, "via": None, "date": None,
                              "speaker": {**who, "entity": entity}})
    doc["events"] = []
    for kind, mode, trigger, sources, targets, date in events:
        span = _span(clean, trigger)
        doc["events"].append({"type": kind, "mode": mode, "cameo": None, "status": "asserted",
                              "trigger": span, "sentence": 0, "date": date, "location": None,
                              "source": [_actor(clean, doc, i) for i in sources],
                              "target": [_actor(clean, doc, i) for i in targets]})
    return doc


def sample_documents() -> list[dict[str, Any]]:
    return [annotated(*article) for article in ARTICLES]


def fill(store: Store) -> list[dict[str, Any]]:
    docs = sample_documents()
    for doc in docs:
        assert store.add(doc)
    return docs


@pytest.fixture(scope="module")
def docs() -> list[dict[str, Any]]:
    return sample_documents()


# store_url (a fresh SQLite or PostgreSQL store per test) is in tests/conftest.py.


@pytest.fixture()
def store(store_url: str, docs: list[dict[str, Any]]) -> Iterator[Store]:
    with open_store(store_url) as fresh:
        for doc in docs:
            fresh.add(doc)
        yield fresh


@pytest.fixture()
def client(store: Store) -> TestClient:
    return TestClient(create_app(store, Settings()))


@pytest.fixture()
def analyser() -> Iterator[TestClient]:
    """A client over an empty in-memory store, for routes that only analyse."""
    with open_store(":memory:") as empty:
        yield TestClient(create_app(empty, Settings()))


@pytest.fixture()
def writer(store: Store) -> TestClient:
    return TestClient(create_app(store, Settings(api_token=TOKEN)))


def test_sample_documents_keep_the_contract(docs: list[dict[str, Any]]) -> None:
    for doc in docs:
        assert problems(doc) == []


def test_articles_list_newest_first(client: TestClient, docs: list[dict[str, Any]]) -> None:
    body = client.get("/articles").json()
    assert body["count"] == 3
    assert [a["published"] for a in body["items"]] == ["2024-05-07", "2024-05-07", "2024-05-05"]
    assert {a["id"] for a in body["items"]} == {d["id"] for d in docs}


def test_article_has_text_and_analysis(client: TestClient, docs: list[dict[str, Any]]) -> None:
    doc = docs[0]
    body = client.get(f"/articles/{doc['id']}").json()
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
def test_entities_filters(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    body = client.get("/entities", params=params).json()
    assert {e["id"] for e in body["items"]} == expected


def test_entity_across_articles(client: TestClient) -> None:
    sudan = client.get("/entities/Q1049").json()
    assert sudan["name_en"] == "Sudan"
    assert {m["article"] for m in sudan["mentions"]} and len(sudan["mentions"]) == 2
    assert [t["day"] for t in sudan["timeline"]] == ["2024-05-05", "2024-05-07"]
    assert [e["type"] for e in sudan["events_as_target"]] == ["ACCUSE", "AID"]
    sisi = client.get("/entities/Q53707").json()
    assert [q["content"] for q in sisi["quotes"]] == ["سيعملان معا لوقف القتال في السودان"]
    assert [e["type"] for e in sisi["events_as_source"]] == ["CONSULT"]


@pytest.mark.parametrize(("params", "contents"), [
    ({"speaker": "غوتيريش"}, ["استهداف المدنيين يعد انتهاكا للقانون الدولي"]),
    ({"speaker": "Abdel Fattah el-Sisi"}, ["سيعملان معا لوقف القتال في السودان"]),
    ({"speaker": "والسيسي"}, ["سيعملان معا لوقف القتال في السودان"]),  # a proclitic does not matter
    ({"q": "القانون"}, ["استهداف المدنيين يعد انتهاكا للقانون الدولي"]),
    ({"speaker": "بوتين"}, []),
])
def test_quotes_by_speaker_and_words(client: TestClient, params: dict[str, str], contents: list[str]) -> None:
    body = client.get("/quotes", params=params).json()
    assert [q["content"] for q in body["items"]] == contents


@pytest.mark.parametrize(("params", "types"), [
    ({}, ["ACCUSE", "AID", "CONSULT"]),
    ({"type": "consult"}, ["CONSULT"]),
    ({"country": "PRT"}, ["ACCUSE"]),
    ({"from": "2024-05-06"}, ["ACCUSE"]),
    ({"to": "2024-05-05"}, ["AID", "CONSULT"]),
])
def test_events_filters(client: TestClient, params: dict[str, str], types: list[str]) -> None:
    body = client.get("/events", params=params).json()
    assert sorted(e["type"] for e in body["items"]) == types


def test_events_per_day(client: TestClient) -> None:
    body = client.get("/events/per-day").json()
    assert body["items"] == [{"day": "2024-05-05", "events": 2}, {"day": "2024-05-07", "events": 1}]


@pytest.mark.parametrize(("query", "title", "word"), [
    ("وبالقاهرة", "السيسي يستقبل البرهان في القاهرة", "القاهرة"),  # conjunction, preposition, article
    ("بالمدنيين", "الأمم المتحدة تدين القصف", "المدنيين"),
    ("غوتيريش", "الأمم المتحدة تدين القصف", "غوتيريش"),
])
def test_search_is_arabic_aware(client: TestClient, query: str, title: str, word: str) -> None:
    body = client.get("/search", params={"q": query}).json()
    if not body["items"] or body["items"][0]["title"] != title:
        pytest.fail(f"{query!r} did not find {title!r}: {body}")
    hit = body["items"][0]
    assert any(word in hit["snippet"][s:e] or hit["snippet"][s:e] in word for s, e in hit["highlights"])


def test_search_filters_by_speaker(client: TestClient) -> None:
    body = client.get("/search", params={"q": "السودان", "speaker": "غوتيريش"}).json()
    assert [h["title"] for h in body["items"]] == ["الأمم المتحدة تدين القصف"]


def test_analyze_returns_a_contract_document(analyser: TestClient) -> None:
    text = "قال وزير الخارجية الأردني أيمن الصفدي يوم الخميس إن بلاده تدعم وقف إطلاق النار."
    body = analyser.post("/analyze", json={"text": text, "published": "2024-03-14", "title": "الصفدي"}).json()
    assert problems(body) == []
    assert body["text"] == text and body["published"] == "2024-03-14" and body["title"] == "الصفدي"


def test_analyze_reads_text_as_text_never_as_a_server_file(analyser: TestClient) -> None:
    body = analyser.post("/analyze", json={"text": "/etc/hostname"}).json()
    assert body["text"] == "/etc/hostname"


def test_writes_need_the_token(writer: TestClient, client: TestClient) -> None:
    item = {"text": "أعلنت وزارة الصحة الفلسطينية ارتفاع عدد الضحايا.", "published": "2024-05-08"}
    assert client.post("/articles", json=item).status_code == 403  # no token configured: read-only
    assert writer.post("/articles", json=item).status_code == 401
    wrong = writer.post("/articles", json=item, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = writer.post("/articles", json=item, headers=auth)
    assert first.status_code == 201 and first.json()["added"] is True
    again = writer.post("/articles", json=item, headers=auth)
    assert again.status_code == 200 and again.json() == {"id": first.json()["id"], "added": False}
    assert writer.get(f"/articles/{first.json()['id']}").json()["published"] == "2024-05-08"


def test_post_an_analysed_document(writer: TestClient) -> None:
    doc = annotated("خبر", "2024-06-01", "وصل وزير الخارجية التركي إلى الدوحة مساء السبت.", [], [], [])
    auth = {"Authorization": f"Bearer {TOKEN}"}
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


PAGE = """<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>الأردن يرحب بالهدنة</title></head><body><article><h1>الأردن يرحب بالهدنة</h1>
<p>رحب وزير الخارجية الأردني أيمن الصفدي يوم الخميس بإعلان الهدنة، وقال إن بلاده ستواصل
العمل مع شركائها من أجل إيصال المساعدات الإنسانية إلى المدنيين في القطاع.</p>
<p>وأضاف الصفدي في مؤتمر صحفي في عمان أن الهدنة يجب أن تكون خطوة نحو وقف دائم لإطلاق النار،
مشيرا إلى أن المجتمع الدولي مطالب بتحمل مسؤولياته.</p></article></body></html>"""


@pytest.fixture()
def page_url() -> Iterator[str]:
    """An article page served on a free loopback port for the duration of a test."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/news/1.html"
    finally:
        server.shutdown()
        server.server_close()


def test_analyze_a_url(analyser: TestClient, page_url: str) -> None:
    body = analyser.post("/analyze", json={"url": page_url, "published": "2024-03-14"}).json()
    assert problems(body) == []
    assert body["url"] == page_url and "أيمن الصفدي" in body["text"]


def test_unreachable_url_is_a_bad_gateway(analyser: TestClient) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once the socket is closed
    answer = analyser.post("/analyze", json={"url": f"http://127.0.0.1:{port}/x.html"})
    assert answer.status_code == 502 and answer.json()["error"]["code"] == "E106"
