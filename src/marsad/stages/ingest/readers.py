"""Readers: turn files, directories, URLs, stdin and JSON records into raw articles.

Each reader yields :class:`Article` objects or, for an input that cannot be read, an
:class:`~marsad.core.errors.InputError` in its place, so a batch reports the bad item and goes on.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import http.client
import ipaddress
import json
import os
import re
import socket
import ssl
import stat
import sys
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.core.errors import (
    DecodeError,
    EmptyInputError,
    FetchError,
    InputError,
    MarsadWarning,
    NonPublicURLError,
    NotFoundError,
    RecordError,
    SettingsError,
    TooLargeError,
)
from marsad.core.settings import Settings, parse_published
from marsad.stages.ingest.feeds import json_array_records, jsonl_records, too_deep

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
#: Files of many records, where ``max_input_bytes`` applies to each record (see ``feeds.py``).
FEED_SUFFIXES = JSON_SUFFIXES | JSONL_SUFFIXES
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
RECORD_FIELDS = ("text", "title", "published", "url", "source", "id")
_URL = re.compile(r"^https?://", re.I)
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)
#: Encodings tried for bytes that are not UTF-8, in order (Arabic legacy code pages first).
FALLBACK_ENCODINGS = ("cp1256", "iso8859_6", "cp720")
#: Share of letters that must be Arabic for a legacy-encoding guess to be accepted.
MIN_ARABIC_SHARE = 0.5


@dataclass
class Article:
    """One raw article and what its container says about it."""

    raw: str
    origin: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    record_id: str | None = None
    author: str | None = None
    encoding: str | None = None
    fmt: str = "text"

    def __post_init__(self) -> None:
        # Feeds and scrapers leave HTML entities in titles (&quot;الحوثيون&quot;).
        if self.title is not None and "&" in self.title:
            self.title = html.unescape(self.title)


Item = Article | InputError


# --- decoding ---------------------------------------------------------------------------------

def _arabic_share(text: str) -> float:
    """Share of letters that are core Arabic letters (ء to ي).

    Persian and Urdu letters do not count: any byte string decodes under Windows-1256, and
    garbage comes out as پ چ ڈ گ, which Arabic text rarely uses.
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum("\u0621" <= c <= "\u064a" for c in letters) / len(letters)


def _looks_utf16(data: bytes) -> str | None:
    """Name a UTF-16 byte order when a BOM-less text has NULs in every other byte."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    # Arabic UTF-16 has 0x06 high bytes, Latin has 0x00: look for a regular high-byte column.
    high_even = sum(b in (0, 6) for b in sample[0::2]) / (len(sample) / 2)
    high_odd = sum(b in (0, 6) for b in sample[1::2]) / (len(sample) / 2)
    if odd > 0.2 or (high_odd > 0.9 and odd > 0):
        return "utf_16_le"
    if even > 0.2 or (high_even > 0.9 and even > 0):
        return "utf_16_be"
    return None


def decode(data: bytes, origin: str) -> tuple[str, str]:
    """Decode bytes to text and name the encoding; never guesses silently.

    BOMs are honoured, then strict UTF-8, then UTF-16 without a BOM, then the Arabic legacy code
    pages, accepted only when the result reads as Arabic.  Anything else is an error.
    """
    boms = ((b"\xef\xbb\xbf", "utf_8_sig"), (b"\xff\xfe\x00\x00", "utf_32"), (b"\x00\x00\xfe\xff", "utf_32"),
            (b"\xff\xfe", "utf_16"), (b"\xfe\xff", "utf_16"))
    for bom, enc in boms:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {enc} byte-order mark but is not valid {enc}: {exc.reason}",
                                  source=origin) from None
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise DecodeError("is a binary file, not text (it contains NUL bytes)", source=origin)
    try:
        return data.decode("utf-8"), "utf_8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, origin)


def _decode_legacy(data: bytes, origin: str) -> tuple[str, str]:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data, cp_isolation=list(FALLBACK_ENCODINGS)).best()
    candidates = ([best.encoding] if best is not None else []) + list(FALLBACK_ENCODINGS)
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if _reads_as_arabic(text):
            return text, enc
    raise DecodeError("cannot be decoded: it is neither UTF-8, UTF-16 nor an Arabic code page "
                      "(Windows-1256, ISO-8859-6); convert it to UTF-8", source=origin)


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f]")
#: Longest average run of characters between spaces in real text; single-byte code pages decode
#: any bytes, and garbage shows as one endless "word".
MAX_MEAN_WORD = 20


def _reads_as_arabic(text: str) -> bool:
    words = text.split()
    if not words or len(text.replace(" ", "")) / len(words) > MAX_MEAN_WORD:
        return False
    return _arabic_share(text) >= MIN_ARABIC_SHARE and not _CONTROL_CHARS.search(text)


# --- one article from text, HTML or a record ----------------------------------------------------

# Whitespace and invisible format characters (bidi marks, zero-width spaces, BOM, soft hyphen).
_VISIBLE = re.compile(r"[^\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def check_text(text: str, origin: str) -> None:
    if not _VISIBLE.search(text):
        raise EmptyInputError("is empty or only whitespace; give an article with text", source=origin)


def from_text(text: str, origin: str, *, encoding: str | None = None) -> Article:
    check_text(text, origin)
    return Article(raw=text, origin=origin, encoding=encoding)


def from_html(html: str, origin: str, *, url: str | None = None) -> Article:
    """Main text and metadata of a web page (trafilatura), with a visible Arabic date as fallback."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                            favor_precision=True)
    meta: dict[str, Any] = _metadata(extracted)
    text = meta.get("text") or ""
    if not text.strip():
        raise EmptyInputError("has no article text that could be extracted from its HTML", source=origin)
    published = _parse_date(meta.get("date")) or visible_date(html)
    return Article(raw=text, origin=origin, title=meta.get("title") or None, published=published,
                   url=url or meta.get("url") or None, source=meta.get("sitename") or None,
                   author=meta.get("author") or None, fmt="html")


def _metadata(extracted: object) -> dict[str, Any]:
    """trafilatura returns a Document (2.x) or a dict (older) or None: a plain dict either way."""
    if extracted is None:
        return {}
    as_dict = getattr(extracted, "as_dict", None)
    if callable(as_dict):
        return dict(as_dict())
    return dict(extracted) if isinstance(extracted, dict) else {}


def _parse_date(value: object) -> dt.date | None:
    if not value:
        return None
    try:
        return parse_published(value)
    except SettingsError:
        return None


_TAG = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]+>", re.S | re.I)


def visible_date(html: str) -> dt.date | None:
    """The first full date written in the page's visible text (``3 مارس 2025``), if any."""
    from marsad.stages.temporal import find_dates  # here, not at the top: only HTML pages without a date need it

    visible = _TAG.sub(" ", html)
    for mention in find_dates(visible[:20_000], None):
        value = mention.value or ""
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
    return None


#: Fields that feeds use for each piece of metadata, in order of preference (RSS, schema.org,
#: Open Graph, SaudiNewsNet's own records, the usual scraper outputs).
PUBLISHED_FIELDS = ("published", "date", "pubDate", "published_at", "publishedAt", "datePublished",
                    "publish_date", "pub_date", "date_published")
SOURCE_FIELDS = ("source", "outlet_name", "outlet", "site_name", "siteName", "publisher")
TITLE_FIELDS = ("title", "headline")


def from_record(record: object, origin: str) -> Article:
    """An article from a JSON record with ``text`` and optional metadata fields."""
    if not isinstance(record, dict):
        raise RecordError("is not a JSON object with a \"text\" field", source=origin)
    text = record.get("text")
    if not isinstance(text, str):
        raise RecordError("has no \"text\" string field", source=origin)
    check_text(text, origin)
    rid = record.get("id")
    return Article(raw=text, origin=origin, title=_first_str(record, TITLE_FIELDS),
                   published=_record_date(record, origin), url=_str_or_none(record.get("url")),
                   source=_first_str(record, SOURCE_FIELDS), record_id=None if rid is None else str(rid),
                   fmt="json")


def _first_str(record: dict[str, Any], fields: tuple[str, ...]) -> str | None:
    for name in fields:
        value = _str_or_none(record.get(name))
        if value is not None:
            return value.strip()
    return None


def _record_date(record: dict[str, Any], origin: str) -> dt.date | None:
    """The record's publication date from the first date field it has: ISO dates and timestamps,
    or RFC 822 as RSS writes them (``Tue, 21 Jul 2015 10:00:00 GMT``)."""
    for name in PUBLISHED_FIELDS:
        value = record.get(name)
        if not value:
            continue
        try:
            return parse_published(value)
        except SettingsError:
            pass
        try:
            return email.utils.parsedate_to_datetime(str(value)).date()
        except (TypeError, ValueError, IndexError):
            raise RecordError(f"has a bad {name!r} value {str(value)[:40]!r}; use YYYY-MM-DD",
                              source=origin) from None
    return None


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


# --- containers -------------------------------------------------------------------------------

def check_size(size: int, settings: Settings, source: str) -> None:
    """The one input-size check: raise TooLargeError when ``size`` bytes exceed max_input_bytes."""
    if size > settings.max_input_bytes:
        raise TooLargeError(f"is {size:,} bytes, over the limit of {settings.max_input_bytes:,} "
                            "(raise max_input_bytes to accept it)", source=source)


def os_error(exc: OSError, origin: str) -> InputError:
    """One line for any failure of the operating system on an input (ELOOP, EACCES, EIO…)."""
    if isinstance(exc, FileNotFoundError):
        return NotFoundError("does not exist", source=origin)
    if isinstance(exc, IsADirectoryError):
        return NotFoundError("is a directory", source=origin)
    if isinstance(exc, PermissionError):
        return NotFoundError("cannot be read (permission denied)", source=origin)
    return InputError(f"cannot be read ({exc.strerror or exc})", source=origin)


def read_bytes(path: Path, settings: Settings) -> bytes:
    """The bytes of a file, refused over ``max_input_bytes``.

    A regular file is refused by its size; anything else (a FIFO, /dev/zero, a character device)
    has no size to trust and is read up to the limit and one byte more.
    """
    origin = str(path)
    limit = settings.max_input_bytes
    try:
        with path.open("rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISREG(info.st_mode):
                check_size(info.st_size, settings, origin)
            data = handle.read(limit + 1)
    except OSError as exc:
        raise os_error(exc, origin) from None
    if len(data) > limit:  # a FIFO or device: no size to trust, so read up to the limit and one byte more
        raise TooLargeError(f"holds more than the limit of {limit:,} bytes "
                            "(raise max_input_bytes to accept it)", source=origin)
    return data


def items_from_bytes(data: bytes, origin: str, suffix: str, settings: Settings,
                     url: str | None = None) -> Iterator[Item]:
    """Articles in one blob of bytes, by format (JSON, JSONL, HTML or plain text)."""
    try:
        check_size(len(data), settings, origin)
    except TooLargeError as exc:
        yield exc
        return
    try:
        text, encoding = decode(data, origin)
    except InputError as exc:
        yield exc
        return
    if suffix in JSONL_SUFFIXES:
        yield from _warn_undated(items_from_jsonl(text, origin), origin, settings)
    elif suffix in JSON_SUFFIXES:
        yield from _warn_undated(items_from_json(text, origin), origin, settings)
    elif suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _HTML_START.match(data[:200])):
        yield _guard(lambda: from_html(text, origin, url=url))
    else:
        yield _guard(lambda: from_text(text, origin, encoding=encoding))


def _warn_undated(items: Iterator[Item], origin: str, settings: Settings) -> Iterator[Item]:
    """Pass a feed's items on; warn once, at its end, when its records carry no date (relative
    dates such as أمس then stay unresolved) and no default was given."""
    undated = total = 0
    for item in items:
        if isinstance(item, Article):
            total += 1
            undated += item.published is None
        yield item
    if undated and settings.published is None:
        warnings.warn(f"{origin}: {undated:,} of {total:,} records carry no publication date (read from "
                      f"{', '.join(PUBLISHED_FIELDS)}); relative dates stay unresolved: give --published",
                      MarsadWarning, stacklevel=2)


def _guard(make: Any) -> Item:
    try:
        article: Article = make()
        return article
    except InputError as exc:
        return exc


def items_from_jsonl(text: str, origin: str) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RecordError(f"is not valid JSON ({exc.msg} at column {exc.colno})", source=where)
            continue
        except RecursionError:
            yield too_deep(where)
            continue
        yield _guard_record(record, where)


def _guard_record(record: object, where: str) -> Item:
    """The article in one record, or its error carrying the record's ``id``."""
    item = _guard(lambda: from_record(record, where))
    if isinstance(item, InputError) and isinstance(record, dict) and record.get("id") is not None:
        item.record_id = str(record["id"])
    return item


def items_from_json(text: str, origin: str) -> Iterator[Item]:
    try:
        loaded = json.loads(text)
    except json.JSONDecodeError as exc:
        yield RecordError(f"is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})",
                          source=origin)
        return
    except RecursionError:
        yield too_deep(origin)
        return
    records = loaded if isinstance(loaded, list) else [loaded]
    for index, record in enumerate(records):
        where = f"{origin}[{index}]" if isinstance(loaded, list) else origin
        yield _guard_record(record, where)


def fetch(url: str, settings: Settings, *, public_only: bool = False) -> tuple[bytes, str]:
    """GET ``url`` with a timeout and a size limit; returns the body and its content type.

    ``public_only`` refuses hosts that resolve to a loopback, private, link-local or otherwise
    non-public address, also after a redirect: a server that fetches URLs for its clients must
    not become their way into the network it runs in.
    """
    request = urllib.request.Request(url, headers={"User-Agent": "marsad/0.1 (+news analysis)"})
    opener = (urllib.request.build_opener(_PublicRedirects, _PinnedHandler) if public_only
              else urllib.request.build_opener())
    try:
        if public_only:
            check_public(url)
        with opener.open(request, timeout=settings.url_timeout) as response:
            body: bytes = response.read(settings.url_max_bytes + 1)
            ctype = response.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        raise FetchError(f"answered HTTP {exc.code} {exc.reason}", source=url) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"cannot be reached ({reason})", source=url) from None
    if len(body) > settings.url_max_bytes:
        raise TooLargeError(f"sent more than {settings.url_max_bytes:,} bytes (url_max_bytes)", source=url)
    return body, ctype


def check_public(url: str) -> str:
    """Raise NonPublicURLError unless every address the URL's host resolves to is public; return
    one of them, for the connection to use (resolving again could give another address)."""
    host = urllib.parse.urlsplit(url).hostname
    if not host:
        raise FetchError("has no host name", source=url)
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except OSError as exc:
        raise FetchError(f"cannot be reached ({exc.strerror or exc})", source=url) from None
    addresses = []
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        if not address.is_global:
            raise NonPublicURLError(f"points at a non-public address ({address}); the server fetches "
                                    "public addresses only unless api_private_urls is set", source=url)
        addresses.append(str(address))
    if not addresses:
        raise FetchError("cannot be reached (its name has no address)", source=url)
    return addresses[0]


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to the address ``check_public`` checked, not to a fresh lookup (DNS rebinding)."""

    def connect(self) -> None:
        address = check_public(f"http://{_bracketed(self.host)}/")
        self.sock = socket.create_connection((address, self.port), self.timeout, getattr(self, "source_address", None))


class _PinnedHTTPS(http.client.HTTPSConnection):
    """:class:`_PinnedHTTP` over TLS; the certificate is still checked against the host name."""

    def connect(self) -> None:
        address = check_public(f"https://{_bracketed(self.host)}/")
        sock = socket.create_connection((address, self.port), self.timeout, getattr(self, "source_address", None))
        context = getattr(self, "_context", None) or ssl.create_default_context()  # set by HTTPSConnection
        self.sock = context.wrap_socket(sock, server_hostname=self.host)


class _PinnedHandler(urllib.request.HTTPHandler, urllib.request.HTTPSHandler):
    def http_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(_PinnedHTTP, req)

    def https_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(_PinnedHTTPS, req, context=getattr(self, "_context", None))


class _PublicRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to a public address (see ``fetch``)."""

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> urllib.request.Request | None:
        check_public(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def items_from_url(url: str, settings: Settings, *, public_only: bool = False) -> Iterator[Item]:
    try:
        body, ctype = fetch(url, settings, public_only=public_only)
    except InputError as exc:
        yield exc
        return
    suffix = {"text/html": ".html", "application/xhtml+xml": ".html", "application/json": ".json",
              "application/x-ndjson": ".jsonl", "text/plain": ".txt"}.get(ctype, Path(url).suffix.lower())
    for item in items_from_bytes(body, url, suffix, settings, url=url):
        if isinstance(item, Article) and item.url is None:
            item.url = url
        yield item


def walk(directory: Path) -> list[Path]:
    """Article files under ``directory``, recursively, in a stable (sorted) order."""
    return [p for p in walk_items(directory) if isinstance(p, Path)]


def walk_items(directory: Path) -> list[Path | InputError]:
    """:func:`walk` with an error in place of each folder or article file that cannot be read.

    A symlink loop, a dangling link or an unreadable folder is reported, never skipped silently;
    FIFOs and devices are reported too, since reading one could block the whole batch.
    """
    found: list[tuple[str, Path | InputError]] = []

    def place(path: Path) -> str:
        return path.relative_to(directory).as_posix()

    def failed(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else directory
        found.append((place(where), os_error(exc, str(where))))

    for root, dirs, files in os.walk(directory, onerror=failed):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = Path(root, name)
            if name.startswith(".") or path.suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            try:
                regular = stat.S_ISREG(path.stat().st_mode)
            except OSError as exc:
                found.append((place(path), os_error(exc, str(path))))
                continue
            found.append((place(path), path if regular else
                          InputError("is not a regular file; skipped in a folder", source=str(path))))
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def read_inputs(inputs: Iterable[str], settings: Settings | None = None) -> Iterator[Item]:
    """Every article named by ``inputs`` (paths, directories, URLs or ``-``), in order."""
    settings = settings or Settings()
    for name in inputs:
        if name == "-":
            data = sys.stdin.buffer.read(settings.max_input_bytes + 1)
            yield from items_from_bytes(data, "<stdin>", "", settings)
        elif _URL.match(name):
            yield from items_from_url(name, settings)
        else:
            yield from items_from_path(Path(name), settings)


def items_from_path(path: Path, settings: Settings) -> Iterator[Item]:
    try:
        info = path.stat()
    except OSError as exc:
        yield os_error(exc, str(path))
        return
    if stat.S_ISDIR(info.st_mode):
        found = walk_items(path)
        if not found:
            yield EmptyInputError("is a directory with no article files (" +
                                  ", ".join(sorted(ARTICLE_SUFFIXES)) + ")", source=str(path))
        for file in found:
            yield from items_from_path(file, settings) if isinstance(file, Path) else [file]
        return
    suffix = path.suffix.lower()
    if stat.S_ISREG(info.st_mode) and info.st_size > settings.max_input_bytes and suffix in FEED_SUFFIXES:
        yield from items_from_feed(path, settings)
        return
    try:
        data = read_bytes(path, settings)
    except InputError as exc:
        yield exc
        return
    yield from items_from_bytes(data, str(path), suffix, settings)


def items_from_feed(path: Path, settings: Settings) -> Iterator[Item]:
    """The records of a JSON or JSON Lines feed over ``max_input_bytes``, each within the limit."""
    origin, limit = str(path), settings.max_input_bytes
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            with path.open("rb") as handle:
                yield from _feed_items(jsonl_records(handle, origin, limit))
            return
        with path.open(encoding="utf-8-sig", errors="strict") as text:
            records = json_array_records(text, origin, limit)
            if records is None:
                yield TooLargeError(f"is {path.stat().st_size:,} bytes, over the limit of {limit:,}, and not "
                                    "an array of records (raise max_input_bytes to accept it)", source=origin)
                return
            yield from _feed_items(records)
    except UnicodeDecodeError:
        yield DecodeError("is not UTF-8 (a feed over max_input_bytes is read as UTF-8)", source=origin)
    except OSError as exc:
        yield os_error(exc, origin)


def _feed_items(records: Iterator[tuple[str, object]]) -> Iterator[Item]:
    for where, record in records:
        yield record if isinstance(record, InputError) else _guard_record(record, where)
