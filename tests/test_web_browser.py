"""The web UI in a real browser (Chromium from Debian, driven by Playwright).

A real ``marsad serve`` process serves a store on a free 127.0.0.1 port; the tests look at the
pages as a person does: right-to-left text, coloured highlights, hover titles, links that lead
somewhere, forms that filter, and an article's ``<script>`` shown as text and never run.
Screenshots go to a temporary folder (printed with ``-s``).  The tests skip cleanly when
Playwright or /usr/bin/chromium is missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import CHROMIUM, serve
from marsad.core import registry
from marsad.core.settings import Settings
from marsad.store import open_store

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not CHROMIUM.exists():
    pytest.skip("chromium is not installed at /usr/bin/chromium (apt-get install chromium)",
                allow_module_level=True)

# Fixtures live in tests/conftest.py: docs (the sample articles), base_url (a marsad serve
# process over them), shots (the screenshot folder), browser and page (a Chromium tab).


def test_article_page_reads_right_to_left_with_highlights(page: Any, base_url: str, shots: Path,
                                                          docs: list[dict[str, Any]]) -> None:
    page.goto(f"{base_url}/ui/articles/{docs[0]['id']}")
    page.screenshot(path=str(shots / "article.png"), full_page=True)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    text = page.locator("#text")
    assert text.evaluate("el => getComputedStyle(el).direction") == "rtl"
    # The title sits at the right edge of the page, as Arabic does.
    heading = page.locator("h1").bounding_box()
    main = page.locator("main").bounding_box()
    assert heading["x"] + heading["width"] > main["x"] + main["width"] * 0.8
    assert text.locator(".ent").count() >= 5
    assert text.locator(".quote").count() == 1
    assert text.locator(".ev").count() == 2
    person = text.locator(".ent-PER").first
    assert person.inner_text() == "عبد الفتاح السيسي"
    assert "Abdel Fattah el-Sisi" in person.get_attribute("title")
    # Each entity type has its own colour.
    colours = {text.locator(f".ent-{t}").first.evaluate("el => getComputedStyle(el).backgroundColor")
               for t in ("PER", "GPE", "ORG")}
    assert len(colours) == 3
    quote = text.locator(".quote").first
    assert quote.inner_text() == "سيعملان معا لوقف القتال في السودان"
    assert quote.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"


def test_hover_outlines_every_mention_and_link_leads_to_the_entity(page: Any, base_url: str, shots: Path,
                                                                    docs: list[dict[str, Any]]) -> None:
    page.goto(f"{base_url}/ui/articles/{docs[0]['id']}")
    mentions = page.locator('#text [data-entity="Q53707"]')
    assert mentions.count() == 2  # عبد الفتاح السيسي ... السيسي
    mentions.first.hover()
    assert page.locator('#text [data-entity="Q53707"].active').count() == 2  # our script runs
    mentions.first.click()
    page.wait_for_url("**/ui/entities/Q53707")
    page.screenshot(path=str(shots / "entity.png"), full_page=True)
    assert "عبد الفتاح السيسي" in page.locator("h1").inner_text()
    assert page.locator("svg rect.bar").count() >= 1
    assert "سيعملان معا" in page.locator("table.quotes").inner_text()


def test_script_in_an_article_is_shown_not_run(page: Any, base_url: str, shots: Path,
                                               docs: list[dict[str, Any]]) -> None:
    page.goto(f"{base_url}/ui/articles/{docs[2]['id']}")
    page.screenshot(path=str(shots / "hostile.png"), full_page=True)
    assert "<script>alert('x')</script>" in page.locator("#text").inner_text()
    assert "<script>alert('x')</script>" in page.locator("h1").inner_text()
    assert page.locator("#text b").count() == 0 and page.locator("img").count() == 0
    assert page.dialogs == []


def test_events_filter_and_chart(page: Any, base_url: str, shots: Path) -> None:
    page.goto(f"{base_url}/ui/events")
    assert page.locator("svg rect.bar").count() == 3
    page.select_option("select[name=type]", "ACCUSE")
    page.click("form.filters button")
    page.wait_for_url("**type=ACCUSE**")
    page.screenshot(path=str(shots / "events.png"), full_page=True)
    rows = page.locator("table.events tbody tr")
    # The type reads in Arabic; its PLOVER code is the tooltip.
    assert rows.count() == 1 and "اتهام وإدانة" in rows.first.inner_text()
    assert rows.first.locator("span.ev").get_attribute("title") == "ACCUSE"
    rows.first.locator("a").click()
    page.wait_for_url("**/ui/articles/**#e0")
    assert page.locator("#e0").inner_text() == "أدان"


def test_search_from_the_header(page: Any, base_url: str, shots: Path) -> None:
    page.goto(base_url)
    page.fill("header input[name=q]", "وبالقاهرة")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/ui/search?q=**")
    page.screenshot(path=str(shots / "search.png"), full_page=True)
    assert page.locator("ol.hits mark").first.inner_text() == "القاهرة"
    page.locator("ol.hits a").first.click()
    assert page.locator("h1").inner_text() == "السيسي يستقبل البرهان في القاهرة"


def test_quotes_filtered_by_speaker(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/ui/quotes")
    page.fill("input[name=speaker]", "غوتيريش")
    page.click("form.filters button")
    page.wait_for_url("**speaker=**")
    said = page.locator("table.quotes tbody").inner_text()
    assert "استهداف المدنيين" in said and "سيعملان" not in said


def test_example_article_in_the_browser(page: Any, shots: Path, example_text: str,
                                        tmp_path_factory: pytest.TempPathFactory) -> None:
    """The issue's bar: the example's page shows its entities and quotes highlighted, RTL."""
    import marsad

    stages = Settings().stages
    if registry.ENTITIES not in stages or registry.QUOTES not in stages:
        pytest.skip("the entities and quotes stages are not in the default pipeline yet")
    doc = marsad.analyze(example_text, "2024-06-17")
    db = tmp_path_factory.mktemp("example") / "marsad.db"
    with open_store(str(db)) as store:
        store.add(doc)
    for url in serve(db):
        page.goto(f"{url}/ui/articles/{doc.id}")
        page.screenshot(path=str(shots / "example.png"), full_page=True)
        assert page.evaluate("document.documentElement.dir") == "rtl"
        assert_example_highlights(page, doc)


def assert_example_highlights(page: Any, doc: Any) -> None:
    """Every entity and quote of ``doc`` is highlighted on the page at its own words."""
    assert doc.entities and doc.quotes
    assert page.locator("#text .ent").count() >= sum(len(e.mentions) for e in doc.entities)
    for index, quote in enumerate(doc.quotes):
        mark = page.locator(f"#q{index}")
        assert mark.count() == 1, f"quote {index} is not highlighted"
        # A quote crossing another mark is cut in two; its first piece starts the quote.
        assert quote.content.text(doc.text).startswith(mark.inner_text())
    shown = page.locator("#text .ent").all_inner_texts()
    assert any("بوتين" in name for name in shown)


# --- overview pages: the article list, the map, the network, comparison ------------------------

#: For each isolated date on the page: its text, and whether its first character is drawn to
#: the left of its last one (a date read left to right, 2024-05-05 and not 05-05-2024).
DATE_ORDER = """() => [...document.querySelectorAll('bdi.date')].map(el => {
  const node = el.firstChild, range = document.createRange();
  range.setStart(node, 0); range.setEnd(node, 1);
  const first = range.getBoundingClientRect().left;
  range.setStart(node, node.length - 1); range.setEnd(node, node.length);
  return [el.textContent, first < range.getBoundingClientRect().left];
})"""


def test_dates_read_left_to_right_in_arabic_text(page: Any, base_url: str) -> None:
    for path in ("/ui/events", "/ui/quotes", "/"):
        page.goto(base_url + path)
        order = page.evaluate(DATE_ORDER)
        assert order, f"no dates on {path}"
        assert all(ok for _text, ok in order), f"reversed dates on {path}: {order}"


def test_articles_page_pages_sorts_and_filters_by_outlet(page: Any, library_url: str, shots: Path) -> None:
    page.goto(f"{library_url}/ui/articles")
    page.screenshot(path=str(shots / "articles.png"), full_page=False)
    rows = page.locator("table.articles tbody tr")
    assert rows.count() == 100
    assert "من 105" in page.locator("#shown").inner_text()
    page.click("a[rel=next]")
    page.wait_for_url("**offset=100**")
    assert rows.count() == 5
    page.click('.facets a[data-outlet="سبق"]')
    page.wait_for_url("**outlet=**")
    assert rows.count() == 34 and "offset" not in page.url
    page.click('a.sort[data-sort="title"]')
    page.wait_for_url("**sort=title**")
    titles = page.locator("table.articles tbody tr td:first-child").all_inner_texts()
    assert titles == sorted(titles) and len(titles) == 34
    page.screenshot(path=str(shots / "articles-sorted.png"), full_page=False)


def test_map_shades_countries_with_tooltips(page: Any, base_url: str, shots: Path) -> None:
    page.goto(f"{base_url}/ui/map")
    page.screenshot(path=str(shots / "map.png"), full_page=True)
    svg = page.locator("figure.worldmap svg")
    assert svg.count() == 1 and svg.bounding_box()["width"] > 800
    sudan = page.locator('path[data-code="SDN"]')
    assert sudan.locator("title").text_content() == "السودان (SDN): 3"
    fill = sudan.evaluate("el => getComputedStyle(el).fill")
    assert fill != page.locator('path[data-code="FRA"]').evaluate("el => getComputedStyle(el).fill")
    assert page.locator(".map-legend .swatch").count() >= 2
    sudan.click()
    page.wait_for_url("**/ui/events?country=SDN")
    assert page.locator("table.events tbody tr").count() == 3


def test_network_draws_actors_and_leads_to_them(page: Any, base_url: str, shots: Path) -> None:
    page.goto(f"{base_url}/ui/network")
    page.screenshot(path=str(shots / "network.png"), full_page=True)
    assert page.locator("figure.network svg line.link").count() == 3
    node = page.locator('g.node[data-entity="Q53707"]')
    assert node.locator("title").text_content() == "عبد الفتاح السيسي: 1"
    assert node.locator("text").text_content() == "عبد الفتاح السيسي"
    page.select_option("select[name=type]", "ACCUSE")
    page.click("form.filters button")
    page.wait_for_url("**type=ACCUSE**")
    assert page.locator("svg line.link").count() == 1
    page.locator('g.node[data-entity="Q311440"] circle').click()
    page.wait_for_url("**/ui/entities/Q311440")
    assert "غوتيريش" in page.locator("h1").inner_text()


def test_compare_two_entities_on_one_chart(page: Any, base_url: str, shots: Path) -> None:
    page.goto(f"{base_url}/ui/entities/Q1049")
    page.fill("input[name=b]", "السيسي")
    page.click("form.inline button")
    page.wait_for_url("**/ui/compare?**")
    page.screenshot(path=str(shots / "compare.png"), full_page=True)
    assert page.locator("svg polyline.line").count() == 2
    assert page.locator("svg text.tick").count() >= 2  # a y-axis with ticks
