"""The web UI's pages: right to left, highlights from offsets, filters, and nothing unescaped."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

import marsad
from conftest import parse
from marsad.core.settings import Settings
from marsad.shells.server import create_app
from marsad.store import Store

# Fixtures live in tests/conftest.py: docs (the sample articles) and web_client (a client over
# them in an in-memory store).


def body_of(html: str) -> str:
    """The highlighted article text block of an article page."""
    match = re.search(r'<div class="text" id="text">(.*?)</div>', html, re.S)
    assert match, "no article text on the page"
    return match.group(1)


@pytest.mark.parametrize("path", ["/", "/ui/entities", "/ui/entities/Q1049", "/ui/quotes", "/ui/events",
                                  "/ui/search", "/ui/search?q=السودان", "/docs"])
def test_every_page_is_right_to_left_and_self_contained(web_client: TestClient, path: str) -> None:
    page = web_client.get(path)
    assert page.status_code == 200
    assert '<html dir="rtl" lang="ar">' in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    # Nothing is loaded from another host (links to other sites are fine: they load nothing).
    assert not re.search(r'\ssrc="(https?:)?//', page.text)
    assert not re.search(r'<link[^>]+href="(https?:)?//', page.text)


def test_article_page_highlights_entities_quotes_and_events(web_client: TestClient,
                                                             docs: list[dict[str, Any]]) -> None:
    doc = docs[0]
    html = web_client.get(f"/ui/articles/{doc['id']}").text
    found = parse(body_of(html))
    assert "".join(found.text) == doc["text"]
    inner = {(attrs.get("class"), text) for _tag, attrs, text in found.elements}
    assert ("ent ent-PER", "عبد الفتاح السيسي") in inner
    assert ("ent ent-GPE", "القاهرة") in inner
    assert ("ent ent-ORG", "الأمم المتحدة") in inner
    assert ("quote quote-direct", "سيعملان معا لوقف القتال في السودان") in inner
    assert ("ev ev-CONSULT", "استقبل") in inner
    hrefs = {attrs.get("href") for tag, attrs, _t in found.elements if tag == "a"}
    assert {"/ui/entities/Q53707", "/ui/entities/Q85", "/ui/entities/Q1049"} <= hrefs
    titles = {attrs.get("title") for _tag, attrs, _t in found.elements}
    assert any(t and "Abdel Fattah el-Sisi" in t for t in titles)


def test_links_from_the_article_page_work(web_client: TestClient, docs: list[dict[str, Any]]) -> None:
    html = web_client.get(f"/ui/articles/{docs[0]['id']}").text
    for href in sorted(set(re.findall(r'href="(/[^"#]*)', html))):
        assert web_client.get(href).status_code == 200, href


def test_script_in_an_article_shows_as_text(web_client: TestClient, docs: list[dict[str, Any]]) -> None:
    doc = docs[2]
    html = web_client.get(f"/ui/articles/{doc['id']}").text
    assert "<script>alert" not in html and "<b>خط" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(" in html  # the title and the text show the markup as text
    assert "".join(parse(body_of(html)).text) == doc["text"]
    home = web_client.get("/").text
    assert "<script>alert" not in home and "&lt;script&gt;alert(" in home
    search = web_client.get("/ui/search", params={"q": "وسم"}).text
    assert "<script>alert" not in search and "<mark>" in search


def test_entity_page(web_client: TestClient) -> None:
    html = web_client.get("/ui/entities/Q1049").text
    assert "Sudan" in html and "السودان" in html
    assert html.count('<rect class="bar"') == 3  # 5, 6 and 7 May: the empty day shows
    assert "ACCUSE" in html and "AID" in html  # events with Sudan as target
    assert "#m" in html  # mentions link to their place in the article


def test_quotes_page_filters_by_speaker(web_client: TestClient) -> None:
    everyone = web_client.get("/ui/quotes").text
    assert "سيعملان معا" in everyone and "استهداف المدنيين" in everyone
    one = web_client.get("/ui/quotes", params={"speaker": "غوتيريش"}).text
    assert "استهداف المدنيين" in one and "سيعملان معا" not in one
    assert 'value="غوتيريش"' in one


def test_events_page_filters_and_chart(web_client: TestClient) -> None:
    html = web_client.get("/ui/events").text
    assert html.count('<rect class="bar"') == 3
    assert re.search(r'data-day="2024-05-05" data-count="2"', html)
    filtered = web_client.get("/ui/events", params={"type": "ACCUSE", "country": "", "from": "", "to": ""}).text
    assert "ev-ACCUSE" in filtered and "ev-CONSULT\"" not in filtered.split("<table")[1]
    assert '<option value="ACCUSE" selected title="ACCUSE">اتهام وإدانة</option>' in filtered


def test_search_page_highlights_hits(web_client: TestClient) -> None:
    html = web_client.get("/ui/search", params={"q": "وبالقاهرة"}).text
    assert "<mark>القاهرة</mark>" in html
    assert "السيسي يستقبل البرهان في القاهرة" in html


@pytest.mark.parametrize(("path", "status"), [
    ("/ui/articles/nope", 404), ("/ui/entities/nope", 404), ("/ui/events?from=yesterday", 422),
    ("/ui/events?type=HUG", 422), ("/ui/search?country=Egypt", 422),
])
def test_page_errors_are_pages(web_client: TestClient, path: str, status: int) -> None:
    page = web_client.get(path)
    assert page.status_code == status
    assert page.headers["content-type"].startswith("text/html")
    assert '<html dir="rtl" lang="ar">' in page.text and 'class="error"' in page.text


def test_lists_page_forward_and_back_keeping_filters(web_client: TestClient,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.shells.web.pages

    monkeypatch.setattr(marsad.shells.web.pages, "PAGE_ROWS", 2)
    first = web_client.get("/ui/events", params={"country": ""}).text
    assert first.count("<tr>") - 1 == 2  # the header row and two events
    following = re.search(r'<a rel="next" href="([^"]+)"', first)
    assert following and "offset=2" in following.group(1) and "country=" in following.group(1)
    second = web_client.get(following.group(1).replace("&amp;", "&")).text
    assert second.count("<tr>") - 1 == 1 and 'rel="prev"' in second and 'rel="next"' not in second


def test_article_page_lists_unattributed_quotes_apart(memory_store: Store) -> None:
    doc = marsad.analyze("وقال شهود عيان إن الانفجار وقع قرب سوق شعبية مكتظة.", "2015-08-04")
    memory_store.add(doc.to_dict())
    html = TestClient(create_app(memory_store, Settings())).get(f"/ui/articles/{doc.id}").text
    assert "أقوال مصادر غير مسماة (1)" in html and "الاقتباسات (0)" in html
    assert "شهود عيان" in html.split("أقوال مصادر غير مسماة", 1)[1]
