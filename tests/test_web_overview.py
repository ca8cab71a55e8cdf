"""The overview pages (article list, world map, actor network, comparison), downloads, Arabic
labels, dates that never read reversed, and the drawing helpers behind them."""

from __future__ import annotations

import csv
import importlib.util
import io
import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from conftest import LIBRARY_COPIES, ROOT, SHARED
from marsad.shells.web.chart import MAX_DAY_LABELS, bar_chart, compare_chart, nice_step
from marsad.shells.web.display import is_noise, label
from marsad.shells.web.download import csv_cell
from marsad.shells.web.network import layout
from marsad.shells.web.worldmap import draw, outlines, thresholds
from marsad.store import Store

# Fixtures live in tests/conftest.py: web_client (the three sample articles), library_client (the
# samples with outlets and 102 copies of the first), filled_memory_store.

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ISOLATED = re.compile(r'<bdi dir="ltr" class="date">[^<]*</bdi>')


def visible_text(html: str) -> str:
    """The page's text outside isolated dates and SVG drawings (drawn left to right), without
    tags, attributes, scripts or the head."""
    html = html.split("<body>", 1)[-1]
    html = ISOLATED.sub(" ", html)
    html = re.sub(r"<svg.*?</svg>", " ", html, flags=re.S)
    return re.sub(r"<[^>]*>", " ", html)


# --- dates and labels --------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/ui/articles", "/ui/entities/Q1049", "/ui/quotes", "/ui/events",
                                  "/ui/search?q=السودان", "/ui/compare?a=Q1049&b=Q53707", "/ui/map",
                                  "/ui/network"])
def test_no_date_is_left_to_the_bidi_algorithm(web_client: TestClient, path: str) -> None:
    html = web_client.get(path).text
    assert not DATE.findall(visible_text(html)), f"a date on {path} is not in <bdi dir=ltr>"


def test_article_page_dates_are_isolated(web_client: TestClient, docs: list[dict[str, Any]]) -> None:
    html = web_client.get(f"/ui/articles/{docs[0]['id']}").text
    # Dates inside the article's own text are the article's words; the rest are isolated.
    outside = re.sub(r'<div class="text" id="text">.*?</div>', " ", html, flags=re.S)
    assert '<bdi dir="ltr" class="date">2024-05-05</bdi>' in outside
    assert not DATE.findall(visible_text(outside))


@pytest.mark.parametrize(("code", "kind", "arabic"), [
    ("CONSULT", "event_type", "تشاور ولقاء"), ("asserted", "event_status", "مؤكد"),
    ("reported", "event_status", "منقول"), ("direct", "quote_kind", "مباشر"),
    ("indirect", "quote_kind", "غير مباشر"), ("host", "event_mode", "استضافة"),
    ("GPE", "entity_type", "دولة أو مدينة"), ("a-new-mode", "event_mode", "a-new-mode"),
])
def test_codes_have_arabic_labels(code: str, kind: str, arabic: str) -> None:
    assert label(code, kind) == arabic


def test_every_contract_code_has_an_arabic_label() -> None:
    from marsad.core.contract import entity_types, event_types, schema

    events = schema()["properties"]["events"]["items"]["properties"]
    quotes = schema()["properties"]["quotes"]["items"]["properties"]
    for kind, codes in [("event_type", event_types()), ("entity_type", entity_types()),
                        ("event_status", events["status"]["enum"]), ("quote_kind", quotes["kind"]["enum"])]:
        assert all(label(code, kind) != code for code in codes), kind


def test_lists_show_arabic_labels_with_the_code_as_tooltip(web_client: TestClient) -> None:
    events = web_client.get("/ui/events").text
    assert '<span class="ev ev-CONSULT" title="CONSULT">تشاور ولقاء</span>' in events
    assert '<span title="asserted">مؤكد</span>' in events and '<span title="host">استضافة</span>' in events
    quotes = web_client.get("/ui/quotes").text
    assert '<span title="direct">مباشر</span>' in quotes and '<span title="indirect">غير مباشر</span>' in quotes
    for html in (events, quotes):
        shown = visible_text(html)
        assert not re.search(r"\b(asserted|reported|direct|indirect|CONSULT|ACCUSE)\b", shown)


# --- most mentioned and the entity page --------------------------------------------------------

@pytest.mark.parametrize(("entity", "noise"), [
    ({"id": "x-1", "name_ar": "اللَّهِ", "type": "MISC"}, True),   # a common word, not linked
    ({"id": "x-2", "name_ar": "الخبر", "type": "ORG"}, True),
    ({"id": "x-3", "name_ar": "ريال", "type": "MISC"}, True),      # a currency
    ({"id": "x-4", "name_ar": "دولار أمريكي", "type": "MISC"}, True),
    ({"id": "x-5", "name_ar": "عسير", "type": "GPE"}, False),      # a rarer word: a name
    ({"id": "x-6", "name_ar": "مجلس الشورى", "type": "ORG"}, False),
    ({"id": "Q79", "name_ar": "مصر", "type": "GPE"}, False),       # linked: never noise
])
def test_common_words_are_not_among_the_most_mentioned(entity: dict[str, Any], noise: bool) -> None:
    assert is_noise(entity) is noise


def test_most_mentioned_ranks_by_articles(filled_memory_store: Store, web_client: TestClient) -> None:
    ranked = filled_memory_store.entities_by_articles()
    assert ranked[0]["id"] == "Q1049" and ranked[0]["articles"] == 2  # Sudan: in two articles
    sisi = next(r for r in ranked if r["id"] == "Q53707")
    assert (sisi["articles"], sisi["mentions"]) == (1, 2)
    home = web_client.get("/").text
    assert home.index("/ui/entities/Q1049") < home.index("/ui/entities/Q53707")


def test_entity_page_has_one_row_per_article(web_client: TestClient, docs: list[dict[str, Any]]) -> None:
    html = web_client.get("/ui/entities/Q53707").text
    table = html.split('class="rows mentions"')[1].split("</table>")[0]
    assert table.count("<tr>") == 2  # the header and the one article naming him twice
    assert f'href="/ui/articles/{docs[0]["id"]}#m' in table and "<td>2</td>" in table
    assert 'action="/ui/compare"' in html


# --- the article list ------------------------------------------------------------------------------

def rows_of(html: str) -> list[str]:
    body = html.split('<table class="rows articles">')[1].split("</tbody>")[0]
    return re.findall(r'<tr>\s*<td><a href="/ui/articles/([^"]+)">', body)


def test_articles_page_pages_through_everything(library_client: TestClient) -> None:
    total = LIBRARY_COPIES + 3
    first = library_client.get("/ui/articles").text
    assert len(rows_of(first)) == 100 and f"من {total}" in first
    following = re.search(r'<a rel="next" href="([^"]+)"', first)
    assert following
    second = library_client.get(following.group(1).replace("&amp;", "&")).text
    assert len(rows_of(second)) == total - 100 and not set(rows_of(first)) & set(rows_of(second))


def test_articles_facets_count_outlets_and_filter(library_client: TestClient) -> None:
    html = library_client.get("/ui/articles").text
    facets = dict(re.findall(r'data-outlet="([^"]+)"[^>]*>[^<]*</a> <small>(\d+)</small>', html))
    assert facets == {"الأهرام": "35", "الشرق الأوسط": "34", "سبق": "34", "أخبار الأمم المتحدة": "1", "-": "1"}
    one = library_client.get("/ui/articles", params={"outlet": "سبق"}).text
    assert len(rows_of(one)) == 34 and "من 34" in one
    none = library_client.get("/ui/articles", params={"outlet": "-"}).text
    assert len(rows_of(none)) == 1 and "عنوان مريب" in none


def test_articles_sort_by_title_and_outlet(library_client: TestClient) -> None:
    html = library_client.get("/ui/articles", params={"sort": "title", "order": "asc", "outlet": "سبق"}).text
    titles = re.findall(r">(نسخة رقم \d+)</a>", html)
    assert titles == sorted(titles) and len(titles) == 34
    down = library_client.get("/ui/articles", params={"sort": "title", "order": "desc", "outlet": "سبق"}).text
    assert re.findall(r">(نسخة رقم \d+)</a>", down) == titles[::-1]
    # The header of the current sort links to the other order, keeping the outlet.
    assert re.search(r'data-sort="title" href="[^"]*order=desc', html) and "▲" in html
    newest = library_client.get("/ui/articles").text
    days = re.findall(r'<bdi dir="ltr" class="date">([^<]+)</bdi>', newest.split("<tbody>")[1])
    assert days == sorted(days, reverse=True)


@pytest.mark.parametrize("query", ["sort=length", "order=up", "format=xml"])
def test_articles_page_refuses_bad_values(library_client: TestClient, query: str) -> None:
    page = library_client.get(f"/ui/articles?{query}")
    assert page.status_code == 422 and 'class="error"' in page.text


# --- downloads -----------------------------------------------------------------------------------

def test_lists_download_as_csv_and_json(library_client: TestClient) -> None:
    got = library_client.get("/ui/articles", params={"outlet": "سبق", "format": "csv"})
    assert got.headers["content-type"].startswith("text/csv")
    assert 'filename="marsad-articles.csv"' in got.headers["content-disposition"]
    assert got.text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(got.text.lstrip("\ufeff"))))
    assert len(rows) == 34 and {r["source"] for r in rows} == {"سبق"}
    events = library_client.get("/ui/events", params={"type": "ACCUSE", "format": "json"})
    assert [e["trigger"] for e in json.loads(events.text)] == ["أدان"]
    quotes = json.loads(library_client.get("/ui/quotes", params={"format": "json"}).text)
    assert {q["kind"] for q in quotes} == {"direct", "indirect"}
    entities = library_client.get("/ui/entities", params={"type": "PER", "format": "csv"}).text
    assert "Abdel Fattah el-Sisi" in entities


def test_list_pages_link_their_downloads(web_client: TestClient) -> None:
    for path in ("/ui/articles", "/ui/entities", "/ui/quotes", "/ui/events?type=AID"):
        html = web_client.get(path).text
        assert "format=csv" in html and "format=json" in html, path
    assert "type=AID&amp;format=csv" in web_client.get("/ui/events?type=AID").text


@pytest.mark.parametrize(("value", "written"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("السيسي", "السيسي"), (3, 3),
])
def test_csv_cells_never_run_as_formulas(value: Any, written: Any) -> None:
    assert csv_cell(value) == written


# --- the world map -------------------------------------------------------------------------------

def country_title(html: str, code: str) -> str:
    found = re.search(rf'data-code="{code}" data-count="(\d+)"><title>([^<]*)</title>', html)
    assert found, f"no {code} on the map"
    return found.group(2)


def test_map_shades_countries_with_events(web_client: TestClient) -> None:
    html = web_client.get("/ui/map").text
    assert html.count("<path class=\"country") >= 170
    # Events: CONSULT Egypt → Sudan, AID UN → Sudan, ACCUSE Guterres (Portugal) → Sudan.
    assert country_title(html, "SDN") == "السودان (SDN): 3"
    assert country_title(html, "EGY") == "مصر (EGY): 1"
    assert country_title(html, "PRT") == "البرتغال (PRT): 1"
    assert country_title(html, "FRA").endswith("(FRA): 0")  # ISO_A3 is -99 for France
    assert 'href="/ui/events?country=SDN"' in html and "map-legend" in html
    only = web_client.get("/ui/map", params={"type": "ACCUSE"}).text
    assert country_title(only, "EGY").endswith(": 0") and country_title(only, "SDN").endswith(": 1")


def test_map_counts_articles_by_country(web_client: TestClient) -> None:
    html = web_client.get("/ui/map", params={"measure": "articles"}).text
    assert country_title(html, "SDN") == "السودان (SDN): 2"
    assert 'href="/ui/search?country=SDN"' in html
    assert web_client.get("/ui/map", params={"measure": "tweets"}).status_code == 422


def test_map_shades_on_a_log_scale() -> None:
    legend = thresholds([1, 3, 40, 1000])
    assert legend[0].low == 1 and legend[-1].high == 1000 and len(legend) == 5
    assert all(a.high < b.low for a, b in itertools.pairwise(legend))
    shaded = {c.code: c.shade for c in draw({"SDN": 1000, "EGY": 1}).countries}
    assert shaded["SDN"] == 5 and shaded["EGY"] == 1 and shaded["FRA"] == 0


def test_map_data_has_one_outline_per_country() -> None:
    codes = [code for code, _name, _path in outlines()]
    assert len(codes) == len(set(codes)) >= 170
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert {"FRA", "NOR", "EGY", "SDN", "RUS", "USA"} <= set(codes) and "ATA" not in codes
    assert all(path.startswith("M") and path.endswith("Z") for _c, _n, path in outlines())


def test_map_data_regenerates_from_natural_earth() -> None:
    source = SHARED / "data" / "maps" / "ne_110m_admin_0_countries.geojson"
    if not source.exists():
        pytest.skip(f"{source} is not here")
    spec = importlib.util.spec_from_file_location("build_world_map", ROOT / "scripts" / "build_world_map.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    shipped = (ROOT / "src" / "marsad" / "data" / "world_map.tsv").read_text(encoding="utf-8")
    assert script.build(source) == shipped, "run python scripts/build_world_map.py"


# --- the actor network ---------------------------------------------------------------------------

def test_network_draws_who_acts_on_whom(web_client: TestClient) -> None:
    html = web_client.get("/ui/network").text
    assert re.search(r'data-source="Q53707" data-target="Q62093353" data-count="1">'
                     r"<title>عبد الفتاح السيسي ← عبد الفتاح البرهان: 1</title>", html)
    assert '<g class="node ent-PER" data-entity="Q311440">' in html
    assert "<title>السودان: 2</title>" in html  # the target of AID and ACCUSE
    accuse = web_client.get("/ui/network", params={"type": "ACCUSE"}).text
    assert accuse.count('<line class="link"') == 1 and 'data-source="Q311440" data-target="Q1049"' in accuse
    later = web_client.get("/ui/network", params={"from": "2024-05-06"}).text
    assert 'data-source="Q53707"' not in later and 'data-source="Q311440"' in later
    empty = web_client.get("/ui/network", params={"type": "ASSAULT"}).text
    assert "<svg" not in empty.split("<main>")[1] and "لا أحداث" in empty


def test_network_layout_is_deterministic_and_keeps_nodes_apart() -> None:
    links = {(f"a{i}", f"a{(i * 7) % 30}"): 1 + i % 4 for i in range(30) if i != (i * 7) % 30}
    first = layout(links, {})
    assert first == layout(links, {})
    nodes = first.nodes
    gaps = [((a.x - b.x) ** 2 + (a.y - b.y) ** 2) ** 0.5 for i, a in enumerate(nodes) for b in nodes[i + 1:]]
    assert min(gaps) >= 40
    assert all(0 <= n.x <= first.width and 0 <= n.y <= first.height for n in nodes)


# --- charts and comparison -----------------------------------------------------------------------

@pytest.mark.parametrize(("peak", "step"), [(1, 1), (5, 1), (6, 2), (19, 5), (82, 20), (1000, 200)])
def test_y_axis_steps_are_round(peak: int, step: int) -> None:
    assert nice_step(peak) == step


def test_chart_labels_a_few_days_first_and_last() -> None:
    chart = bar_chart([(f"2024-05-{d:02d}", d) for d in range(1, 32)])
    days = [t.text for t in chart.x_labels]
    assert len(days) <= MAX_DAY_LABELS and days[0] == "2024-05-01" and days[-1] == "2024-05-31"
    xs = [t.at for t in chart.x_labels]
    assert xs == sorted(xs, reverse=True)  # right to left
    assert chart.y_ticks[0].text == "0" and int(chart.y_ticks[-1].text) >= 31


def test_compare_chart_draws_a_line_per_entity(web_client: TestClient) -> None:
    chart = compare_chart([("أ", [("2024-05-01", 2)]), ("ب", [("2024-05-03", 4)])])
    assert [line.name for line in chart.lines] == ["أ", "ب"] and chart.first == "2024-05-01"
    html = web_client.get("/ui/compare", params={"a": "Q1049", "b": "السيسي"}).text
    assert html.count('<polyline class="line') == 2
    assert 'data-series="السودان"' in html and 'data-series="عبد الفتاح السيسي"' in html


def test_docs_describe_the_web_pages() -> None:
    text = (Path(ROOT) / "docs" / "web.md").read_text(encoding="utf-8")
    assert "format=csv" in text and "ADM0_A3" in text


def test_places_with_coordinates_are_points(memory_store: Store, docs: list[dict[str, Any]]) -> None:
    from marsad.core.settings import Settings
    from marsad.shells.server import create_app

    doc = json.loads(json.dumps(docs[0]))
    doc["entities"][2].update(lat=30.04, lon=31.24)   # القاهرة
    doc["entities"][3].update(lat=float("nan"), lon=30.0)  # no valid coordinates: no point
    memory_store.add(doc)
    places = memory_store.places_with_coordinates()
    assert [(p["id"], p["articles"]) for p in places] == [("Q85", 1)]
    html = TestClient(create_app(memory_store, Settings())).get("/ui/map").text
    point = re.search(r'<a href="/ui/entities/Q85"><circle class="place" cx="([\d.]+)" cy="([\d.]+)"', html)
    assert point and "<title>القاهرة: 1</title>" in html
    # Cairo is in the east of Egypt's box on the map's projection.
    assert 580 < float(point.group(1)) < 600 and 140 < float(point.group(2)) < 150


def test_no_points_without_coordinates(web_client: TestClient) -> None:
    assert 'class="place"' not in web_client.get("/ui/map").text


def test_overview_queries_on_every_backend(filled_store: Store) -> None:
    """The same answers from SQLite and PostgreSQL (the pages above use SQLite in memory)."""
    assert [r["id"] for r in filled_store.article_list("title", False)][:1] == [
        min((r["title"], r["id"]) for r in filled_store.article_list())[1]]
    assert filled_store.article_total() == 3 and filled_store.article_total("") == 3
    assert filled_store.outlets() == [{"source": "", "articles": 3}]
    ranked = filled_store.entities_by_articles(3)
    assert ranked[0]["id"] == "Q1049" and ranked[0]["articles"] == 2
    assert [(r["mentions"], r["published"]) for r in filled_store.entity_articles("Q53707")] == [(2, "2024-05-05")]
    assert [(r["day"], r["mentions"]) for r in filled_store.mentions_per_day("Q1049")] == [
        ("2024-05-05", 1), ("2024-05-07", 1)]
    assert filled_store.events_by_country() == {"SDN": 3, "EGY": 1, "PRT": 1}
    assert filled_store.events_by_country("ACCUSE", "2024-05-07", "2024-05-07") == {"SDN": 1, "PRT": 1}
    assert filled_store.articles_by_country()["SDN"] == 2
    assert filled_store.actor_links() == {("Q53707", "Q62093353"): 1, ("Q1065", "Q1049"): 1,
                                          ("Q311440", "Q1049"): 1}
    assert set(filled_store.entity_names(["Q1049", "nope"])) == {"Q1049"}
    assert filled_store.places_with_coordinates() == []
