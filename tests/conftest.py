"""The only place fixtures live (house style): shared paths, the example article, fresh stores,
the sample articles and clients of the API and web tests, and the feeds of the store tests.

Constants and helpers that a test module needs as well are imported from here
(``from conftest import WRITER_TOKEN``).
"""

from __future__ import annotations

import hashlib
import http.server
import json
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import marsad
from marsad.core.document import Actor, DateMention, Document, Entity, EntityType, Event, Span
from marsad.core.pipeline import load_pipeline
from marsad.core.settings import Settings
from marsad.shells.server import create_app
from marsad.stages.entities import assemble, find_entities, find_mentions
from marsad.stages.entities import kb as kbmod
from marsad.store import Store, open_store
from marsad.store.search import term

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "cnn-putin-north-korea.ar.txt"
EXAMPLE_PUBLISHED = "2024-06-17"
#: A PostgreSQL server for the store suite (scripts/test.sh starts one); its cases skip without it.
PG_URL = os.environ.get("MARSAD_TEST_PG")


# --- paths and the example article -------------------------------------------------------------

@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout; tests that need it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


# --- fresh stores ------------------------------------------------------------------------------

@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    """A fresh empty database per test: an SQLite file, or a new PostgreSQL database on the
    server named by MARSAD_TEST_PG (start one with `bash scripts/pg_test_server.sh`)."""
    if request.param == "sqlite":
        yield str(tmp_path / "marsad.db")
        return
    if not PG_URL:
        pytest.skip("MARSAD_TEST_PG is not set; start a server with scripts/pg_test_server.sh")
    import psycopg

    # A schema per test: as separate as a database, and much faster to make.
    name = f"marsad_t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {name}")
    yield f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{name}"
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {name} CASCADE")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


@pytest.fixture()
def memory_store() -> Iterator[Store]:
    """A fresh empty in-memory SQLite store."""
    with open_store(":memory:") as fresh:
        yield fresh


# --- sample articles for the API and the web UI ------------------------------------------------

#: (title, published, text, entities, quotes, events).  Entities: (type, name_en, name_ar,
#: wikidata, country, mention texts).  Quotes: (speaker text, speaker entity, cue, content,
#: kind).  Events: (type, mode, trigger, source entities, target entities, date).
SAMPLE_ARTICLES: list[tuple[Any, ...]] = [
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
    return [annotated(*article) for article in SAMPLE_ARTICLES]


@pytest.fixture(scope="module")
def docs() -> list[dict[str, Any]]:
    """The sample articles as contract documents."""
    return sample_documents()


@pytest.fixture()
def filled_store(store_url: str, docs: list[dict[str, Any]]) -> Iterator[Store]:
    """A fresh store on every backend holding the sample articles."""
    with open_store(store_url) as fresh:
        for doc in docs:
            fresh.add(doc)
        yield fresh


@pytest.fixture()
def filled_memory_store(docs: list[dict[str, Any]]) -> Iterator[Store]:
    """A fresh in-memory SQLite store holding the sample articles."""
    with open_store(":memory:") as fresh:
        for doc in docs:
            fresh.add(doc)
        yield fresh


# --- API clients -------------------------------------------------------------------------------

#: The write token of the ``writer`` client.
WRITER_TOKEN = "s3cret-token"
#: The write token of the ``error_client``.
ERROR_CLIENT_TOKEN = "t0ken-for-tests"
#: A small article limit for the ``error_client``, so the size tests send little data.
SMALL_INPUT_BYTES = 2_000


@pytest.fixture()
def api_client(filled_store: Store) -> TestClient:
    """A read-only client over the sample articles, on every backend."""
    return TestClient(create_app(filled_store, Settings()))


@pytest.fixture()
def analyser() -> Iterator[TestClient]:
    """A client over an empty in-memory store, for routes that only analyse; it may fetch URLs of
    the test's own HTTP server on 127.0.0.1 (api_private_urls)."""
    with open_store(":memory:") as empty:
        yield TestClient(create_app(empty, Settings(api_private_urls=True)))


@pytest.fixture()
def public_analyser() -> Iterator[TestClient]:
    """The same with default settings: URLs on non-public addresses are refused."""
    with open_store(":memory:") as empty:
        yield TestClient(create_app(empty, Settings()))


@pytest.fixture()
def writer(filled_store: Store) -> TestClient:
    """A client over the sample articles that accepts writes with WRITER_TOKEN."""
    return TestClient(create_app(filled_store, Settings(api_token=WRITER_TOKEN)))


@pytest.fixture()
def error_client(memory_store: Store) -> TestClient:
    """A client over ``memory_store`` with a small input limit that answers server errors as JSON."""
    settings = Settings(max_input_bytes=SMALL_INPUT_BYTES, api_token=ERROR_CLIENT_TOKEN)
    return TestClient(create_app(memory_store, settings), raise_server_exceptions=False)


PAGE = """<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>الأردن يرحب بالهدنة</title></head><body><article><h1>الأردن يرحب بالهدنة</h1>
<p>رحب وزير الخارجية الأردني أيمن الصفدي يوم الخميس بإعلان الهدنة، وقال إن بلاده ستواصل
العمل مع شركائها من أجل إيصال المساعدات الإنسانية إلى المدنيين في القطاع.</p>
<p>وأضاف الصفدي في مؤتمر صحفي في عمان أن الهدنة يجب أن تكون خطوة نحو وقف دائم لإطلاق النار،
مشيرا إلى أن المجتمع الدولي مطالب بتحمل مسؤولياته.</p></article></body></html>"""


@pytest.fixture()
def page_url() -> Iterator[str]:
    """An article page served on a free loopback port for the duration of a test."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/news/1.html"
    finally:
        server.shutdown()
        server.server_close()


# --- ingest readers ----------------------------------------------------------------------------

READER_ARTICLE = ("موسكو - قال المتحدث باسم الكرملين دميتري بيسكوف إن الرئيس الروسي سيزور بيونغ يانغ "
                  "الأسبوع المقبل.\nوأضاف أن الزيارة ستتناول التعاون الاقتصادي بين البلدين.\n")

READER_HTML = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>بوتين يزور كوريا الشمالية | الأخبار</title>
<meta property="og:site_name" content="الأخبار"><meta name="author" content="سارة علي">
</head><body><nav>الرئيسية | سياسة | اقتصاد</nav><article><h1>بوتين يزور كوريا الشمالية</h1>
<p>قال المتحدث باسم الكرملين دميتري بيسكوف إن الرئيس الروسي فلاديمير بوتين سيزور كوريا الشمالية
الأسبوع المقبل في أول زيارة له منذ أربعة وعشرين عاما، وإن الزيارة ستتناول التعاون الاقتصادي.</p>
<p>وأضاف بيسكوف في تصريحات للصحفيين أن الجانبين سيوقعان عددا من الاتفاقيات خلال الزيارة، دون أن
يقدم تفاصيل إضافية عن مضمونها أو عن الوفد المرافق للرئيس.</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


@pytest.fixture()
def http_root(tmp_path: Path) -> Iterator[str]:
    """A local HTTP server with a text article, an HTML page and a big text file."""
    (tmp_path / "a.txt").write_text(READER_ARTICLE, encoding="utf-8")
    (tmp_path / "page.html").write_text(READER_HTML, encoding="utf-8")
    (tmp_path / "big.txt").write_text(READER_ARTICLE * 400, encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(tmp_path), **kwargs)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


# --- store feeds: the store commands and resumed ingests ---------------------------------------

#: (published, text) of the articles in ``feed_with_bad_lines``.
CLI_SENTENCES = [
    ("2024-03-02", "قال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار مع واشنطن."),
    ("2024-04-10", "وصل الرئيس الفرنسي إيمانويل ماكرون إلى القاهرة في زيارة رسمية."),
    ("2024-05-20", "أعلن الكرملين أن الرئيس فلاديمير بوتين سيزور كوريا الشمالية."),
]


@pytest.fixture
def feed_with_bad_lines(tmp_path: Path) -> Path:
    """A JSONL feed of analysed articles, one with a quote by Lavrov, and one broken line."""
    lines = []
    for published, text in CLI_SENTENCES:
        rec = marsad.analyze(text, published, stages=("clean", "segment")).to_dict()
        lines.append(json.dumps(rec, ensure_ascii=False))
    first = json.loads(lines[0])
    t = first["text"]
    s, c = t.index("سيرغي لافروف"), t.index("موسكو مستعدة")
    first["quotes"] = [{"kind": "indirect", "cue": None, "via": None, "date": None,
                        "speaker": {"text": "سيرغي لافروف", "start": s, "end": s + 12, "entity": None},
                        "content": {"text": t[c:-1], "start": c, "end": len(t) - 1}}]
    lines[0] = json.dumps(first, ensure_ascii=False)
    path = tmp_path / "feed.jsonl"
    no_text = json.dumps({"schema": "marsad.document/1", "text": ""})
    path.write_text("\n".join([*lines[:2], '{"schema": "marsad.document/1", "text": ', no_text, lines[2]])
                    + "\n", encoding="utf-8")
    return path


#: How many articles ``big_feed`` holds.
RESUME_ARTICLES = 1500
RESUME_SENTENCES = [
    "قال وزير الخارجية الروسي إن موسكو مستعدة للحوار مع واشنطن حول الأمن الأوروبي.",
    "وصل الرئيس الفرنسي إلى القاهرة في زيارة رسمية تستغرق يومين.",
    "عقد مجلس الأمن الدولي جلسة طارئة لبحث الوضع الإنساني في غزة.",
    "حذرت كوريا الجنوبية من تعاون عسكري بين موسكو وبيونغ يانغ.",
    "استضافت طهران محادثات إقليمية حول أمن الخليج بمشاركة وزراء خارجية من عُمان وقطر.",
    "أعلنت وزارة الصحة ارتفاع عدد الإصابات إلى أكثر من ألف حالة.",
    "وأكد المتحدث باسم الحكومة أن الاتفاق سيُوقع الأسبوع المقبل.",
    "ارتفعت أسعار النفط بنسبة ثلاثة في المئة بعد قرار أوبك خفض الإنتاج.",
]


@pytest.fixture(scope="module")
def big_feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JSONL file of analysed articles (contract dicts), each with one quote."""
    pipe = load_pipeline(Settings(stages=("clean", "segment")))
    rng = random.Random(5)
    path = tmp_path_factory.mktemp("feed") / "articles.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number in range(RESUME_ARTICLES):
            body = " ".join([*rng.sample(RESUME_SENTENCES, 4), f"({number})"])
            rec = marsad.analyze(body, "2024-01-02", pipeline=pipe).to_dict()
            first = rec["sentences"][0]
            rec["quotes"] = [{"kind": "indirect", "content": first, "cue": None, "via": None,
                              "date": None, "speaker": {**first, "entity": None}}]
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


# --- store search: the example among 2,000 generated articles ----------------------------------

def speaker_quote(rec: dict[str, Any], speaker: str, content: str) -> dict[str, Any]:
    """``rec`` with a quote of ``content`` by ``speaker`` (both found in its text)."""
    t = rec["text"]
    s, c = t.index(speaker), t.index(content)
    rec["quotes"] = [{"kind": "indirect", "speaker": {"text": speaker, "entity": None, "start": s,
                                                      "end": s + len(speaker)},
                      "content": {"text": content, "start": c, "end": c + len(content)},
                      "cue": None, "via": None, "date": rec["published"]}]
    return rec


SEARCH_CORPUS_SIZE = 2000
#: Quotes by other speakers given to generated articles, so a search by speaker must pick.
OTHER_QUOTES = [
    ("سيرغي لافروف", "وقال سيرغي لافروف إن موسكو مستعدة للحوار مع واشنطن.", "موسكو مستعدة للحوار"),
    ("ماكرون", "وقال ماكرون إن فرنسا تدعم وقف إطلاق النار في غزة.", "فرنسا تدعم وقف إطلاق النار"),
    ("ديمتري بيسكوف", "وأكد ديمتري بيسكوف أن الزيارة ستعزز التعاون.", "الزيارة ستعزز التعاون"),
]


@pytest.fixture(scope="module")
def example_record(example_text: str) -> dict[str, Any]:
    """The example, cleaned and segmented, with one of its quotes annotated by hand."""
    rec = marsad.analyze(example_text, "2024-06-17", stages=("clean", "segment")).to_dict()
    return speaker_quote(rec, "يوري أوشاكوف", "رحلة بوتين إلى كوريا الشمالية ستكون مليئة بالأحداث")


@pytest.fixture(scope="module")
def generated(example_record: dict[str, Any]) -> list[dict[str, Any]]:
    """2,000 articles recombined from the example's sentences, each with a quote by someone
    else; sentences with the searched word (الكرملين) are left out, so only the example has it."""
    text = example_record["text"]
    pool = [s["text"] for s in example_record["sentences"]
            if "كرملين" not in {term(w) for w in s["text"].split()}]
    pipe = load_pipeline(Settings(stages=("clean", "segment")))
    rng = random.Random(17)
    out = []
    for number in range(SEARCH_CORPUS_SIZE):
        speaker, sentence, content = OTHER_QUOTES[number % len(OTHER_QUOTES)]
        body = " ".join([*rng.sample(pool, rng.randint(3, 8)), sentence, f"({number})"])
        day = f"2023-{1 + number % 12:02d}-{1 + number % 28:02d}"
        rec = marsad.analyze(body, day, pipeline=pipe).to_dict()
        rec["title"] = f"{rng.choice(pool)[:40]} {number}"
        out.append(speaker_quote(rec, speaker, content))
    assert text not in {r["text"] for r in out}
    return out


# --- web UI pages ------------------------------------------------------------------------------

@pytest.fixture()
def web_client(filled_memory_store: Store) -> TestClient:
    """A client over the sample articles in memory, for the web pages."""
    return TestClient(create_app(filled_memory_store, Settings()))


#: Outlets of the sample articles in the library (the third has none), and of the copies.
SAMPLE_OUTLETS = ["الأهرام", "أخبار الأمم المتحدة", None]
COPY_OUTLETS = ["الأهرام", "الشرق الأوسط", "سبق"]
#: Copies of the first sample article in the library: more than one page of a list (100 rows).
LIBRARY_COPIES = 102


def library_documents() -> list[dict[str, Any]]:
    """The sample articles with outlets, and LIBRARY_COPIES copies of the first one (entities only,
    no quotes or events, so event counts stay those of the samples), each with its own id, title,
    outlet and day."""
    samples = sample_documents()
    out = []
    for doc, outlet in zip(samples, SAMPLE_OUTLETS, strict=True):
        out.append({**doc, "source": outlet})
    first = samples[0]
    for number in range(LIBRARY_COPIES):
        # A stored document must carry the id its text gives: each copy ends with its own line.
        text = f"{first['text']}\nنسخة رقم {number:03d}."
        out.append({**first, "text": text, "id": hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
                    "title": f"نسخة رقم {number:03d}", "source": COPY_OUTLETS[number % len(COPY_OUTLETS)],
                    "published": f"2024-04-{1 + number % 28:02d}", "quotes": [], "events": []})
    return out


@pytest.fixture()
def library_client() -> Iterator[TestClient]:
    """A client over the library (105 articles from three outlets and one without) in memory."""
    with open_store(":memory:") as fresh:
        fresh.ingest(library_documents())
        yield TestClient(create_app(fresh, Settings()))


# --- web UI in a real browser (test_web_browser.py skips without Playwright or Chromium) -------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
#: Seconds to wait for the server to answer before the tests give up.
STARTUP_SECONDS = 30


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
    command = [sys.executable, "-c", "from marsad.shells.cli.web import serve; serve()",
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
def base_url(docs: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real ``marsad serve`` process over the sample articles."""
    db = tmp_path_factory.mktemp("web") / "marsad.db"
    with open_store(str(db)) as store:
        for doc in docs:
            store.add(doc)
    yield from serve(db)


@pytest.fixture(scope="module")
def library_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real ``marsad serve`` process over the library (more than a page of articles)."""
    db = tmp_path_factory.mktemp("library") / "marsad.db"
    with open_store(str(db)) as store:
        store.ingest(library_documents())
    yield from serve(db)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nscreenshots in {folder}")
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    # Imported here: Playwright is optional, and the browser tests skip without it.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as play:
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


# --- HTML: the text and highlighted elements of a rendered fragment (web tests) ---

class Collector(HTMLParser):
    """Plain text of an HTML fragment, and the text inside each element that has a class."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.open: list[tuple[str, dict[str, str | None], list[str]]] = []
        self.elements: list[tuple[str, dict[str, str | None], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append((tag, dict(attrs), []))

    def handle_endtag(self, tag: str) -> None:
        name, attrs, inner = self.open.pop()
        assert name == tag, f"<{name}> closed by </{tag}>"
        self.elements.append((name, attrs, "".join(inner)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for _name, _attrs, inner in self.open:
            inner.append(data)


def parse(html: str) -> Collector:
    collector = Collector()
    collector.feed(html)
    collector.close()
    assert not collector.open, "unclosed elements"
    return collector


def kb_reading(text: str, published: str | None = "2024-06-17") -> Document:
    """``text`` cleaned and segmented, with the entities of the knowledge base's reading alone
    (no tagger: its output has its own tests)."""
    doc = marsad.analyze(text, published, stages=("clean", "segment"))
    doc.entities = find_entities(doc, use_tagger=False)
    return doc


def tagged_reading(text: str, tagged: list[tuple[str, str]], published: str = "2015-08-01") -> Document:
    """Entities of ``text`` with the tagger's reading given as (words, label) pairs (the tagger has
    its own tests)."""
    doc = marsad.analyze(text, published, stages=("clean", "segment"))
    spans = []
    for words, label in tagged:
        start = doc.text.index(words)
        spans.append((Span(start, start + len(words)), label))
    kb = kbmod.load()
    doc.entities = assemble(doc, kb, find_mentions(doc, kb, spans))
    return doc


def entity_by_mention(doc: Document) -> dict[str, Entity]:
    """Each mention's text → its entity."""
    return {doc.span_text(m): e for e in doc.entities for m in e.mentions}


# --- stories: wire copies and reports of one event -------------------------------------------
#: (record id, outlet, published, title, text). The first six are SaudiNewsNet articles (CC BY-NC-SA
#: 4.0, the first sentences only): one Passports report reprinted by four papers (almadina's with an
#: inline dateline added, since its text is otherwise identical to alweeam's and would be one stored
#: article; a dateline on a line of its own is furniture that clean takes out),
#: and one civil-defence report reprinted by two. The last two were written for marsad: an arrest
#: and a new law in Kuwait a day apart, sharing their background paragraph.
STORY_ARTICLES: list[tuple[str, str, str, str, str]] = [
    ('snn-d9e260ace38b', 'alweeam', '2015-07-21', 'الجوازات : ( 354863 ) شخصاً تم تصحيح أوضاعهم من اليمنيين حتى اليوم',
     'بدأت المديرية العامة للجوازات اليوم الاثنين العمل على تصحيح أوضاع الأشقاء أبناء الجمهورية '
     'اليمنية المقيمين في المملكة بطريقة غير نظامية في جميع مراكز التصحيح بكافة مناطق المملكة بعد '
     'إجازة عيد الفطر المبارك , وذلك إنفاذاً للتوجيه السامي الكريم بتمديد فترة تصحيح أوضاع الأخوة '
     'اليمنيين حتى 1436/10/30 هـ .\n وأوضحت الجوازات أن عدد المصحح وضعهم من اليمنيين في كافة مراكز '
     'التصحيح بمناطق المملكة حتى الساعة 5:30 مساء هذا اليوم الاثنين الموافق 10/4 / 1436هـ بلغ ( '
     '354863 ) شخصا'),
    ('snn-2654205710ea', 'aljazirah', '2015-07-21', 'الجوازات تصحح أوضاع 354 ألف يمني',
     'بدأت المديرية العامة للجوازات أمس الاثنين العمل على تصحيح أوضاع الأشقاء أبناء الجمهورية '
     'اليمنية المقيمين في المملكة بطريقة غير نظامية في جميع مراكز التصحيح بكافة مناطق المملكة بعد '
     'إجازة عيد الفطر المبارك، وذلك إنفاذاً للتوجيه السامي الكريم بتمديد فترة تصحيح أوضاع الأخوة '
     'اليمنيين حتى 1436/10/30هـ. وأوضحت الجوازات أن عدد المصحح وضعهم من اليمنيين في كافة مراكز '
     'التصحيح بمناطق المملكة حتى الساعة 5:30 مساء أمس الاثنين الموافق 10/4/ 1436هـ بلغ (354863) شخصا.'),
    ('snn-d329fb86442f', 'almadina', '2015-07-21', 'الجوازات: 354 ألف تم تصحيح أوضاعهم من الأشقاء اليمنيين حتى اليوم',
     'جدة - واس: بدأت المديرية العامة للجوازات اليوم الاثنين العمل على تصحيح أوضاع الأشقاء أبناء '
     'الجمهورية اليمنية المقيمين في المملكة بطريقة غير نظامية في جميع مراكز التصحيح بكافة مناطق '
     'المملكة بعد إجازة عيد الفطر المبارك , وذلك إنفاذاً للتوجيه السامي الكريم بتمديد فترة تصحيح '
     'أوضاع الأخوة اليمنيين حتى 1436/10/30 هـ .\n وأوضحت الجوازات أن عدد المصحح وضعهم من اليمنيين في '
     'كافة مراكز التصحيح بمناطق المملكة حتى الساعة 5:30 مساء هذا اليوم الاثنين الموافق 10/4 / 1436هـ '
     'بلغ ( 354863 ) شخصا'),
    ('snn-1e7c407c9d92', 'alyaum', '2015-07-22', 'استئناف تصحيح أوضاع الأشقاء اليمنيين بـ «جوازات» المناطق',
     'استأنفت المديرية العامة للجوازات أمس "الاثنين" العمل على تصحيح أوضاع الأشقاء أبناء الجمهورية '
     'اليمنية المقيمين في المملكة بطريقة غير نظامية في جميع مراكز التصحيح بكافة مناطق المملكة بعد '
     'إجازة عيد الفطر المبارك، إنفاذاً للتوجيه السامي الكريم بتمديد فترة تصحيح أوضاع الأخوة اليمنيين '
     'حتى 1436/10/30 هـ . وأوضحت الجوازات أن عدد المصحح وضعهم من اليمنيين في كافة مراكز التصحيح '
     'بمناطق المملكة حتى الساعة 5:30 مساء أمس بلغ " 354863 " شخصا.'),
    ('snn-b3dd3b6008c9', 'alweeam', '2015-07-21',
     'الدفاع المدني بالعاصمة المقدسة يسيطر على حريق نشب بمستودع لقطع الغيار',
     'تمكنت تسع فرق إطفاء وإنقاذ من إدارة الدفاع المدني بالعاصمة المقدسة من المساهمة في إخماد حريق '
     'شب بمستودع لقطع الغيار.\n وأوضح المتحدث باسم الدفاع المدني بمنطقة مكة المكرمة العقيد سعيد سرحان '
     'أن بلاغًا وررد لمركز التحكم والسيطرة يفيد بنشوب حريق بمستودع على طريق الخواجات جنوب شرق '
     'العاصمة المقدسة ، وعملت فرق الدفاع المدني على مكافحة الحريق من عدت جهات مستخدمة مادة الرغاوي '
     'في عمليات الإطفاء وأن سيارة السلالم شاركت في المكافحة من ارتفاعات مختلفة بهدف تسليط المياه على '
     'مواقع محددة بوسط الحريق.\n وأفاد أن مساحة الحريق تصل أبعادها الى25 في 84م2 ، مبينًا أن المواد '
     'المخزنة في المستودع تحتوي على قطع غيار ومواد بلاستيكية ودهان ، مما ساعد على انتشار الحريق '
     'وتصاعد سحب كثيفة من الأدخنة في سماء منطقة الحادث.'),
    ('snn-7b89df971b6c', 'aleqtisadiya', '2015-07-21', '"مدني مكة" يسيطر على حريق نشب بمستودع لقطع الغيار',
     'تمكنت تسع فرق إطفاء وإنقاذ من إدارة الدفاع المدني بالعاصمة المقدسة من المساهمة في إخماد حريق '
     'شب بمستودع لقطع الغيار. وأوضح المتحدث باسم الدفاع المدني بمنطقة مكة المكرمة العقيد سعيد سرحان '
     'أن بلاغًا وررد لمركز التحكم والسيطرة يفيد بنشوب حريق بمستودع على طريق الخواجات جنوب شرق '
     'العاصمة المقدسة ، وعملت فرق الدفاع المدني على مكافحة الحريق من عدت جهات مستخدمة مادة الرغاوي '
     'في عمليات الإطفاء وأن سيارة السلالم شاركت في المكافحة من ارتفاعات مختلفة بهدف تسليط المياه على '
     'مواقع محددة بوسط الحريق. وأفاد أن مساحة الحريق تصل أبعادها الى25 في 84م2 ، مبينًا أن المواد '
     'المخزنة في المستودع تحتوي على قطع غيار ومواد بلاستيكية ودهان ، مما ساعد على انتشار الحريق '
     'وتصاعد سحب كثيفة من الأدخنة في سماء منطقة الحادث.'),
    ('kw-arrest', 'alqabas', '2024-03-10', 'القبض على ثلاثة متهمين بغسل الأموال في الكويت',
     'الكويت - اعتقلت الشرطة الكويتية يوم الأحد ثلاثة أشخاص بتهمة غسل الأموال والاحتيال عبر منصات '
     'تداول وهمية، وفق ما أعلنت وزارة الداخلية. وقالت الوزارة في بيان إن المتهمين استولوا على أموال '
     'أكثر من مئتي مواطن وأحيلوا إلى النيابة العامة.\n\nوتشهد الكويت منذ مطلع العام حملة واسعة على '
     'الجرائم المالية، بعد أن كشفت تقارير رسمية عن تنامي عمليات الاحتيال الإلكتروني التي كلفت '
     'المواطنين ملايين الدنانير خلال العامين الماضيين. وكان مجلس الوزراء قد شكل في يناير لجنة '
     'لمراجعة التشريعات الخاصة بمكافحة غسل الأموال وتمويل الإرهاب، على أن ترفع توصياتها قبل نهاية '
     'دور الانعقاد الحالي لمجلس الأمة.'),
    ('kw-law', 'alrai', '2024-03-11', 'مجلس الوزراء الكويتي يقر قانون الدفع الإلكتروني',
     'الكويت - أقر مجلس الوزراء الكويتي يوم الاثنين مشروع قانون جديد ينظم عمل شركات الدفع الإلكتروني '
     'ويفرض غرامات تصل إلى مئة ألف دينار على الشركات المخالفة. وأوضح وزير التجارة والصناعة أن '
     'القانون يلزم هذه الشركات بالحصول على ترخيص مسبق من بنك الكويت المركزي.\n\nوتشهد الكويت منذ مطلع '
     'العام حملة واسعة على الجرائم المالية، بعد أن كشفت تقارير رسمية عن تنامي عمليات الاحتيال '
     'الإلكتروني التي كلفت المواطنين ملايين الدنانير خلال العامين الماضيين. وكان مجلس الوزراء قد شكل '
     'في يناير لجنة لمراجعة التشريعات الخاصة بمكافحة غسل الأموال وتمويل الإرهاب، على أن ترفع '
     'توصياتها قبل نهاية دور الانعقاد الحالي لمجلس الأمة.'),
]

@pytest.fixture(scope="session")
def story_docs() -> list[dict[str, Any]]:
    """STORY_ARTICLES analysed by the whole default pipeline, as contract dicts."""
    pipe = load_pipeline(Settings())
    docs = []
    for record_id, outlet, published, title, text in STORY_ARTICLES:
        doc = marsad.analyze(text, published, pipeline=pipe).to_dict()
        docs.append({**doc, "record_id": record_id, "source": outlet, "title": title})
    return docs


# --- documents with hand-given entities and dates, for the events tests -------------------------

EventEnts = tuple[tuple[str, str, str | None], ...]


def events_doc(text: str, ents: EventEnts = (), dates: tuple[tuple[str, str], ...] = (), *,
               published: str = "2024-06-17", longest_first: bool = False) -> Document:
    """A cleaned, segmented document with the given entity mentions (surface, type, country) and
    resolved dates (surface, value). ``longest_first``: longer names first, and a shorter one never
    inside a longer one's mention (as the entities stage does)."""
    doc = marsad.analyze(text, published, stages=("clean", "segment"))
    taken: list[Span] = []
    for surface, etype, country in (sorted(ents, key=lambda e: -len(e[0])) if longest_first else ents):
        spans = []
        i = doc.text.find(surface)
        while i >= 0:
            span = Span(i, i + len(surface))
            if not (longest_first and any(span.overlaps(t) for t in taken)):
                spans.append(span)
                taken.append(span)
            i = doc.text.find(surface, i + 1)
        if spans:
            doc.entities.append(Entity(etype, tuple(spans), name_ar=surface, country=country))  # type: ignore[arg-type]
    for surface, value in dates:
        i = doc.text.index(surface)
        doc.dates.append(DateMention(Span(i, i + len(surface)), value))
    return doc


def rule_events(doc: Document, trigger: str) -> list[Event]:
    """The events the rules find (no learned filter) whose trigger holds ``trigger``."""
    from marsad.stages.events import find_events
    return [e for e in find_events(doc, learned_filter=False) if trigger in doc.span_text(e.trigger)]


def actor_countries(doc: Document, actors: tuple[Actor, ...]) -> set[str | None]:
    """The country each actor of a side stands for (None for an actor with none)."""
    from marsad.stages.events.args import actor_country
    return {actor_country(doc, a) for a in actors}


def side_codes(doc: Document, actors: tuple[Actor, ...]) -> set[str]:
    """The entity names (Arabic) and countries a side of an event stands for."""
    out: set[str] = set()
    for a in actors:
        if a.entity is not None:
            ent = doc.entities[a.entity]
            out |= {v for v in (ent.name_ar, ent.country) if v}
    return out


def named_doc(text: str, entities: list[tuple[EntityType, str]], published: str) -> Document:
    """``text`` cleaned and segmented, with one entity per (type, mention) at the mention's first
    place: the quote tests give entities by hand, as the entities stage would find them."""
    doc = marsad.analyze(text, published, stages=("clean", "segment"))
    doc.entities = [Entity(kind, (Span(doc.text.index(m), doc.text.index(m) + len(m)),))
                    for kind, m in entities]
    return doc


def spoken(doc: Document) -> list[tuple[str, str, str | None]]:
    """(content, speaker text, speaker's English name) of every quote of an analysed document, in
    text order."""
    out = []
    for q in doc.quotes:
        ent = doc.entities[q.speaker.entity] if q.speaker.entity is not None else None
        out.append((doc.span_text(q.content), doc.span_text(q.speaker.span), ent.name_en if ent else None))
    return out


def quoted(doc: Document) -> list[tuple[str, str, int | None]]:
    """(content, speaker text, speaker entity) of every quote the quote rules find, in text order."""
    from marsad.stages.quotes import find_quotes

    return [(doc.span_text(q.content), doc.span_text(q.speaker.span), q.speaker.entity)
            for q in find_quotes(doc)]
