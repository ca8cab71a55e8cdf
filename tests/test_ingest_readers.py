"""Each reader turns its input into the same article: encodings, HTML, records, URLs, stdin, dirs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import marsad
from conftest import READER_ARTICLE, READER_HTML
from marsad.core.errors import InputError, NonPublicURLError
from marsad.core.settings import Settings
from marsad.stages.ingest.readers import Article, check_public, decode, read_inputs, walk

# Fixtures: http_root (a local HTTP server of READER_ARTICLE and READER_HTML) lives in tests/conftest.py.


def articles(items: list[Article | InputError]) -> list[Article]:
    assert all(isinstance(i, Article) for i in items), items
    return [i for i in items if isinstance(i, Article)]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256"])
def test_plain_text_in_common_encodings(tmp_path: Path, encoding: str) -> None:
    data = READER_ARTICLE.encode(encoding)  # UTF-16 without a BOM is told by its NUL pattern
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    (article,) = articles(list(read_inputs([str(path)])))
    assert article.raw.strip() == READER_ARTICLE.strip()
    assert article.origin == str(path)


def test_decode_reports_the_encoding_it_found() -> None:
    assert decode(READER_ARTICLE.encode("cp1256"), "x.txt")[1].replace("-", "").lower() in ("cp1256", "windows1256")
    assert decode(READER_ARTICLE.encode("utf-8-sig"), "x.txt") == (READER_ARTICLE, "utf_8_sig")


def test_html_main_text_title_author_site_and_no_furniture(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(READER_HTML, encoding="utf-8")
    (article,) = articles(list(read_inputs([str(path)])))
    assert "دميتري بيسكوف" in article.raw
    assert "الرئيسية | سياسة" not in article.raw and "جميع الحقوق" not in article.raw
    assert article.title is not None and "بوتين يزور كوريا الشمالية" in article.title
    assert article.author == "سارة علي"
    assert article.source == "الأخبار"


def test_html_date_from_metadata(tmp_path: Path) -> None:
    page = READER_HTML.replace(
        "<head>", '<head><meta property="article:published_time" content="2024-06-17T08:00:00Z">')
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    (article,) = articles(list(read_inputs([str(path)])))
    assert article.published == dt.date(2024, 6, 17)


def test_jsonl_records_keep_ids_and_metadata(tmp_path: Path) -> None:
    rows = [{"id": "a1", "text": READER_ARTICLE, "title": "بوتين", "published": "2024-06-17",
             "url": "https://example.org/a1", "source": "وكالة"},
            {"id": "a2", "text": "وقال وزير الخارجية إن بلاده ترفض العقوبات."}]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    first, second = articles(list(read_inputs([str(path)])))
    assert (first.record_id, first.title, first.published, first.url, first.source) == (
        "a1", "بوتين", dt.date(2024, 6, 17), "https://example.org/a1", "وكالة")
    assert second.record_id == "a2"


def test_json_array_of_records(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"text": READER_ARTICLE}, {"text": "نص آخر عن الاقتصاد."}], ensure_ascii=False))
    assert len(articles(list(read_inputs([str(path)])))) == 2


def test_jsonl_bad_line_is_reported_with_its_number_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"id": "1", "text": READER_ARTICLE}, ensure_ascii=False) + "\n{not json\n"
                    + json.dumps({"id": "3", "text": READER_ARTICLE}, ensure_ascii=False) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Article) and isinstance(items[2], Article)
    assert isinstance(items[1], InputError) and f"{path}:2" in str(items[1])


def test_directory_is_read_recursively_in_stable_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.txt", "a/b.txt", "c.md", ".hidden/x.txt", "notes.bin"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(READER_ARTICLE, encoding="utf-8")
    names = [p.relative_to(tmp_path).as_posix() for p in walk(tmp_path)]
    assert names == ["a/b.txt", "a/z.txt", "b.txt", "c.md"]
    assert [a.origin for a in articles(list(read_inputs([str(tmp_path)])))] == [
        str(tmp_path / n) for n in names]


def test_url_text_and_html_from_a_local_server(http_root: str) -> None:
    text, page = articles(list(read_inputs([f"{http_root}/a.txt", f"{http_root}/page.html"])))
    assert text.raw.strip() == READER_ARTICLE.strip() and text.url == f"{http_root}/a.txt"
    assert "بيسكوف" in page.raw and page.title and page.url == f"{http_root}/page.html"


def test_url_over_the_size_limit_and_missing_page(http_root: str) -> None:
    small = Settings(url_max_bytes=1000)
    (too_big,) = list(read_inputs([f"{http_root}/big.txt"], small))
    assert isinstance(too_big, InputError) and "url_max_bytes" in str(too_big)
    (missing,) = list(read_inputs([f"{http_root}/nope.txt"]))
    assert isinstance(missing, InputError) and "404" in str(missing)


def test_unreachable_url_is_one_clear_error() -> None:
    (item,) = list(read_inputs(["http://127.0.0.1:9/article"], Settings(url_timeout=2)))
    assert isinstance(item, InputError) and "cannot be reached" in str(item)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8000/article", "http://localhost/article", "http://10.1.2.3/", "http://192.168.1.10/x",
    "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://0.0.0.0/",
])
def test_public_only_fetch_refuses_non_public_hosts(url: str) -> None:
    with pytest.raises(NonPublicURLError, match="non-public address"):
        check_public(url)


def test_public_hosts_pass_the_check() -> None:
    check_public("http://8.8.8.8/news")  # an address literal: nothing is resolved or fetched
    check_public("https://[2001:4860:4860::8888]/news")


def test_a_redirect_to_a_private_address_is_refused() -> None:
    import urllib.request

    from marsad.stages.ingest.readers import _PublicRedirects

    request = urllib.request.Request("http://8.8.8.8/news")
    with pytest.raises(NonPublicURLError, match=r"127\.0\.0\.1"):
        _PublicRedirects().redirect_request(request, None, 302, "Found", {}, "http://127.0.0.1/admin")


def test_the_command_line_still_fetches_local_urls(http_root: str) -> None:
    (text,) = articles(list(read_inputs([f"{http_root}/a.txt"])))  # only the REST API is public-only
    assert text.url == f"{http_root}/a.txt"


@pytest.mark.parametrize(("fields", "published", "source"), [
    ({"date": "2015-07-21", "outlet_name": "Al-Weeam"}, "2015-07-21", "Al-Weeam"),
    ({"pubDate": "Tue, 21 Jul 2015 10:00:00 GMT", "site_name": "سبق"}, "2015-07-21", "سبق"),
    ({"datePublished": "2015-07-21T09:30:00+03:00", "outlet": "alyaum"}, "2015-07-21", "alyaum"),
])
def test_feed_records_name_their_date_and_outlet_as_feeds_do(tmp_path: Path, fields: dict[str, str],
                                                            published: str, source: str) -> None:
    """SaudiNewsNet, RSS and schema.org feeds: the date resolves أمس, the outlet is the source."""
    feed = tmp_path / "feed.jsonl"
    record = {"text": "قال وزير الخارجية أمس إن المملكة تدعم الحل السياسي.", "headline": "عنوان الخبر", **fields}
    feed.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    doc = marsad.analyze(feed)
    assert doc.published is not None and doc.published.isoformat() == published
    assert doc.source == source and doc.title == "عنوان الخبر"
    assert [d.value for d in doc.dates] == ["2015-07-20"]


def test_a_feed_without_dates_is_warned_about_once(tmp_path: Path) -> None:
    import subprocess
    import sys

    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "قال الرئيس أمس إن الحكومة ستستقيل."}\n{"text": "أعلنت الوزارة أمس عن خطة."}\n',
                    encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "marsad", "analyze", str(feed), "--format", "jsonl"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0
    warned = [line for line in proc.stderr.splitlines() if "warning" in line]
    assert len(warned) == 1 and "2 of 2 records carry no publication date" in warned[0]
    dated = subprocess.run([sys.executable, "-m", "marsad", "analyze", str(feed), "--format", "jsonl",
                            "--published", "2015-07-21"], capture_output=True, text=True, timeout=120)
    assert "warning" not in dated.stderr
