"""The web UI in a real browser (Chromium from Debian, driven by Playwright).

A real ``marsad serve`` process serves a store on a free 127.0.0.1 port; the tests look at the
pages as a person does: right-to-left text, coloured highlights, hover titles, links that lead
somewhere, forms that filter, and an article's ``<script>`` shown as text and never run.
Screenshots go to a temporary folder (printed with ``-s``).  The tests skip cleanly when
Playwright or /usr/bin/chromium is missing.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from marsad import registry
from marsad.settings import Settings
from marsad.store import open_store
from test_api_routes import sample_documents

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
#: Seconds to wait for the server to answer before the tests give up.
STARTUP_SECONDS = 30

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not CHROMIUM.exists():
    pytest.skip("chromium is not installed at /usr/bin/chromium (apt-get install chromium)",
                allow_module_level=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"marsad serve exited with {server.returncode}: "
                               f"{server.stderr.read().decode() if server.stderr else ''}")
        try:
            with urllib.request.urlopen(url + "/health", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"marsad serve did not answer on {url} within {STARTUP_SECONDS}s")


def serve(db: Path) -> Iterator[str]:
    """Run ``marsad serve --db DB`` in a subprocess on a free port; yields its base URL."""
    port = free_port()
    command = [sys.executable, "-c", "from marsad.cli_web import serve; serve()",
               "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    env = {k: v for k, v in os.environ.items() if k != "MARSAD_API_TOKEN"}
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, server)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="module")
def docs() -> list[dict[str, Any]]:
    return sample_documents()


@pytest.fixture(scope="module")
def base_url(docs: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("web") / "marsad.db"
    with open_store(str(db)) as store:
        for doc in docs:
            store.add(doc)
    yield from serve(db)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nscreenshots in {folder}")
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as play:
        chromium = play.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    tab = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        # An alert() from an article would mean its script ran: record it, close it.
        dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    tab.dialogs = dialogs
    yield tab
    context.close()


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
    assert rows.count() == 1 and "ACCUSE" in rows.first.inner_text()
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
