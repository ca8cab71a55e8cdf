"""Exports: articles, mentions (which entity each article names, where), entities, quotes and
events as JSONL, CSV or Parquet, and a GDELT-like events table (one row per event with dyadic actor
columns, as GDELT 1.0 event files have). Events name their actors in English as ``marsad events``
does; in Parquet, whole days are dates, not text."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.store.base import Row, Store, StoreError

TABLES = ("articles", "mentions", "entities", "quotes", "events", "gdelt")
#: Columns holding a whole day (YYYY-MM-DD) or none: typed as dates in Parquet.
DATE_COLUMNS = frozenset({"published", "day", "first_date", "last_date"})
FORMATS = ("jsonl", "csv", "parquet")

#: Columns of the GDELT-like table, in order (names follow GDELT 1.0 where a column matches).
GDELT_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "Actor1Name", "Actor1CountryCode", "Actor2Name",
                 "Actor2CountryCode", "EventCode", "EventRootCode", "PLOVERType", "PLOVERMode",
                 "Status", "ActionGeo_FullName", "DATEADDED", "SOURCEURL", "ArticleID", "Trigger",
                 "StoryID", "NumArticles", "NumSources")


def _first_code(codes: str | None) -> str | None:
    parts = (codes or "").split()
    return parts[0] if parts else None


def _english(ids: str | None, names: dict[str, str]) -> str | None:
    """The English names of an event side's linked entities (as `marsad events` names actors)."""
    found = [names[i] for i in (ids or "").split() if i in names]
    return "; ".join(dict.fromkeys(found)) or None


def gdelt_row(event: Row, number: int, names: dict[str, str] | None = None) -> Row:
    """One event as a GDELT-like row; actors named as ``marsad events`` names them (stored with the
    event; for events stored before that, the English names of their entities, ``names``: entity
    id → English name, else their words in the text)."""
    cameo = event.get("cameo") or None
    day = event.get("day") or ""
    names = names or {}
    return {
        "GLOBALEVENTID": number, "SQLDATE": day.replace("-", "") or None,
        "Actor1Name": event.get("source_names") or _english(event.get("source_entities"), names)
        or event.get("source") or None,
        "Actor1CountryCode": _first_code(event.get("source_countries")),
        "Actor2Name": event.get("target_names") or _english(event.get("target_entities"), names)
        or event.get("target") or None,
        "Actor2CountryCode": _first_code(event.get("target_countries")),
        "EventCode": cameo, "EventRootCode": cameo[:2] if cameo else None,
        "PLOVERType": event.get("type"), "PLOVERMode": event.get("mode"), "Status": event.get("status"),
        "ActionGeo_FullName": event.get("location"),
        "DATEADDED": (event.get("published") or "").replace("-", "") or None,
        "SOURCEURL": event.get("url"), "ArticleID": event.get("article"), "Trigger": event.get("trigger"),
        # GDELT's NumArticles and NumSources: the reports of the event's story, and their outlets.
        "StoryID": event.get("story_id"), "NumArticles": event.get("num_articles"),
        "NumSources": event.get("num_sources"),
    }


def english_names(store: Store) -> dict[str, str]:
    """Entity id → English name, for naming event actors."""
    return {str(e["id"]): str(e["name_en"]) for e in store.iter_table("entities") if e.get("name_en")}


def rows(store: Store, table: str) -> Iterator[Row]:
    """Rows of one export table."""
    if table == "gdelt":
        names = english_names(store)
        for number, event in enumerate(store.iter_table("events"), start=1):
            yield gdelt_row(event, number, names)
        return
    names = english_names(store) if table == "events" else {}
    for row in store.iter_table(table):
        flat = {k: _flat(v) for k, v in row.items()}
        if table == "events":  # the actors as `marsad events` and the GDELT table name them
            flat["source_names"] = (row.get("source_names") or _english(row.get("source_entities"), names)
                                    or flat.get("source"))
            flat["target_names"] = (row.get("target_names") or _english(row.get("target_entities"), names)
                                    or flat.get("target"))
        yield flat


def _flat(value: Any) -> Any:
    """Padded lists (`` RUS PRK ``) become plain space-separated text for spreadsheets."""
    return value.strip() if isinstance(value, str) and value.startswith(" ") else value


def export_table(store: Store, table: str, fmt: str, path: Path) -> int:
    """Write ``table`` to ``path`` in ``fmt``; returns the number of rows written."""
    if table not in TABLES:
        raise StoreError(f"unknown export table {table!r}; use one of {', '.join(TABLES)}")
    if fmt == "jsonl":
        return _jsonl(rows(store, table), path)
    if fmt == "csv":
        return _csv(rows(store, table), path, table)
    if fmt == "parquet":
        return _parquet(rows(store, table), path)
    raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def _jsonl(items: Iterator[Row], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for row in items:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def _csv(items: Iterator[Row], path: Path, table: str) -> int:
    count = 0
    # utf-8-sig: spreadsheet programs read Arabic CSV correctly only with the BOM.
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer: csv.DictWriter[str] | None = None
        for row in items:
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
            count += 1
        if writer is None and table == "gdelt":
            csv.writer(out).writerow(GDELT_COLUMNS)
    return count


#: Rows per Parquet row group: large exports are written in pieces, never held whole.
PARQUET_CHUNK = 10_000


def _parquet(items: Iterator[Row], path: Path) -> int:
    try:
        import pyarrow as pa  # type: ignore[import-untyped]
        import pyarrow.parquet as pq  # type: ignore[import-untyped]
    except ImportError:
        raise StoreError("Parquet export needs pyarrow; install it with `pip install pyarrow`") from None
    count = 0
    writer: Any = None
    schema: Any = None
    try:
        for chunk in _chunks(items, PARQUET_CHUNK):
            if schema is None:
                # Columns empty in the first chunk have no type yet: text is the safe guess.
                guessed = pa.Table.from_pylist(_typed_days(chunk)).schema
                schema = pa.schema([pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f
                                    for f in guessed])
                writer = pq.ParquetWriter(str(path), schema)
            writer.write_table(pa.Table.from_pylist(_typed_days(chunk), schema=schema))
            count += len(chunk)
        if writer is None:
            pq.write_table(pa.table({}), str(path))
    finally:
        if writer is not None:
            writer.close()
    return count


def _typed_days(chunk: list[Row]) -> list[Row]:
    """Whole-day columns as dates (a value that is not a whole day stays None rather than text)."""
    typed = []
    for row in chunk:
        row = dict(row)
        for name in DATE_COLUMNS & row.keys():
            value = row[name]
            if isinstance(value, str):
                try:
                    row[name] = dt.date.fromisoformat(value) if len(value) == 10 else None
                except ValueError:
                    row[name] = None
        typed.append(row)
    return typed


def _chunks(items: Iterator[Row], size: int) -> Iterator[list[Row]]:
    chunk: list[Row] = []
    for row in items:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
