"""CSV and JSON downloads of the web UI's list pages (``?format=csv`` or ``?format=json``)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from fastapi import HTTPException, Request
from fastapi.responses import Response

FORMATS = ("csv", "json")
#: Rows of one download: the list from the page's offset on, as many as the store returns at once.
DOWNLOAD_ROWS = 1000
#: Spreadsheet programs run a cell starting with one of these as a formula; article text is not
#: trusted, so such cells get a leading apostrophe (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def format_arg(value: str | None) -> str | None:
    """``csv`` or ``json`` for a download, None for the HTML page."""
    value = (value or "").strip().lower()
    if not value or value == "html":
        return None
    if value not in FORMATS:
        raise HTTPException(422, f"format {value!r} is not one of html, {', '.join(FORMATS)}")
    return value


def columns_of(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Every key of the rows, in first-seen order."""
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def to_csv(rows: Sequence[dict[str, Any]]) -> str:
    out = io.StringIO()
    # A byte-order mark, so spreadsheet programs read the Arabic as UTF-8.
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=columns_of(rows), extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
    return out.getvalue()


def download(rows: Sequence[dict[str, Any]], name: str, fmt: str) -> Response:
    """The rows as an attachment ``marsad-NAME.csv`` or ``.json``."""
    headers = {"Content-Disposition": f'attachment; filename="marsad-{name}.{fmt}"',
               "X-Content-Type-Options": "nosniff"}
    if fmt == "csv":
        return Response(to_csv(rows), media_type="text/csv; charset=utf-8", headers=headers)
    body = json.dumps(list(rows), ensure_ascii=False, indent=1, default=str)
    return Response(body, media_type="application/json", headers=headers)


def download_links(request: Request) -> dict[str, str]:
    """Links to this list as CSV and JSON, with the same filters and offset."""
    params = dict(request.query_params)
    return {fmt: f"{request.url.path}?{urlencode({**params, 'format': fmt})}" for fmt in FORMATS}
