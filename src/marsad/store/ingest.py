"""Ingest orchestration: read inputs, analyse what is not stored yet, store it, once each.

Already-analysed contract files (JSON or JSONL of ``marsad.document/1`` records) are stored as
they are; anything else is read, analysed (on ``settings.jobs`` processes) and stored. Every item
yields ``(status, origin)``: status is ``added``, ``present`` or the one-line error that skipped
it, so a shell can count, show progress and report without knowing how ingest works.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.core.document import SCHEMA, Document
from marsad.core.errors import InputError, MarsadError, RecordError
from marsad.core.settings import Settings
from marsad.scale.batch import Failure, analyse_mapped
from marsad.stages.ingest.feeds import too_deep
from marsad.stages.ingest.readers import Article, read_inputs, walk, walk_items
from marsad.store.base import BATCH, IngestReport, Store

Labelled = tuple[str, "dict[str, Any] | MarsadError"]


def _contract_records(path: Path) -> Iterator[Labelled] | None:
    """Already-analysed contract dicts in a .json/.jsonl file, each labelled with where it is
    (``FILE[i]`` in a JSON array, ``FILE:LINE`` in JSONL); None if the file holds raw records.

    A file that cannot be read or parsed here is left to the readers, which report it per item.
    """
    try:
        return _contract_records_in(path)
    except (OSError, RecursionError):
        return None


def _contract_records_in(path: Path) -> Iterator[Labelled] | None:
    if path.suffix.lower() not in {".json", ".jsonl", ".ndjson"} or not path.is_file():
        return None
    with path.open(encoding="utf-8", errors="replace") as handle:
        first = handle.readline()
    try:
        head = json.loads(first)
    except json.JSONDecodeError:
        head = None
    if path.suffix.lower() == ".json" and not (isinstance(head, dict) and head.get("schema") == SCHEMA):
        try:
            head = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            return None
        items = head if isinstance(head, list) else [head]
        if items and isinstance(items[0], dict) and items[0].get("schema") == SCHEMA:
            return ((f"{path}[{i}]", item) for i, item in enumerate(items))
        return None
    if isinstance(head, dict) and head.get("schema") == SCHEMA:
        return _jsonl_contracts(path)
    return None


def _jsonl_contracts(path: Path) -> Iterator[Labelled]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                yield where, json.loads(line)
            except json.JSONDecodeError as exc:
                yield where, RecordError(f"is not valid JSON ({exc.msg})", source=where)
            except RecursionError:
                yield where, too_deep(where)


def _expand(inputs: tuple[str, ...]) -> Iterator[str | Path | InputError]:
    """Inputs with directories opened up, so contract files inside them are found too; a file in
    them that cannot be read comes as its error."""
    for name in inputs:
        path = Path(name)
        if "://" not in name and _is_dir(path):
            yield from walk_items(path)
        else:
            yield name if "://" in name or name == "-" else path


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False  # the readers report it


def ingest_items(store: Store, inputs: tuple[str, ...], settings: Settings
                 ) -> Iterator[tuple[str, str]]:
    """Store every article named by ``inputs``; yields ``(status, origin)`` per item, where
    status is ``added``, ``present`` or an error line."""
    for item in _expand(inputs):
        if isinstance(item, InputError):
            yield str(item), item.source or ""
            continue
        records = _contract_records(item) if isinstance(item, Path) else None
        if records is not None:
            yield from _store_contracts(store, records)
        else:
            yield from _analyse_and_store(store, str(item), settings)


def _store_contracts(store: Store, records: Iterator[Labelled]) -> Iterator[tuple[str, str]]:
    """Store already-analysed records through one ``ingest_iter`` (BATCH per transaction, one
    batch written while the next is built; a killed ingest loses at most the uncommitted
    batches, which the rerun stores)."""
    wheres: list[str] = []
    unreadable: list[tuple[str, str]] = []

    def readable() -> Iterator[dict[str, Any]]:
        for where, record in records:
            if isinstance(record, MarsadError):
                unreadable.append((str(record), where))
                continue
            wheres.append(where)
            yield record

    outcome = IngestReport()
    told = 0
    for added in store.ingest_iter(readable(), outcome, BATCH, source=wheres.__getitem__):
        yield from _drain(unreadable)
        yield from ((error, "") for error in outcome.errors[told:])
        told = len(outcome.errors)
        yield ("added" if added else "present"), ""
    yield from _drain(unreadable)
    yield from ((error, "") for error in outcome.errors[told:])


def _drain(items: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    while items:
        yield items.pop(0)


def stored_form(doc: Document) -> tuple[dict[str, Any], str, str | None]:
    """What a worker sends back to be stored: the contract dict, the raw input, the origin."""
    return doc.to_dict(), doc.raw, doc.origin


def _analyse_and_store(store: Store, name: str, settings: Settings) -> Iterator[tuple[str, str]]:
    seen: list[str] = []

    def fresh() -> Iterator[Article | InputError]:
        # Skip analysis of inputs already stored, so a rerun after a crash resumes quickly.
        for art in read_inputs([name], settings):
            if isinstance(art, Article) and store.has_raw(art.raw):
                seen.append(art.origin)
                continue
            yield art

    for result in analyse_mapped(fresh(), settings, settings.published, stored_form):
        while seen:
            yield "present", seen.pop(0)
        if isinstance(result, Failure):
            yield str(result.error), result.error.source or name
            continue
        record, raw, origin = result
        added = store.add(record, raw=raw)
        yield ("added" if added else "present"), origin or name
    while seen:
        yield "present", seen.pop(0)


#: Feed suffixes whose records are counted one per non-empty line.
_LINE_FEEDS = (".jsonl", ".ndjson")


def count_items(inputs: tuple[str, ...]) -> int | None:
    """How many items ``ingest_items`` will yield, when that is cheap to know (files in folders,
    lines of JSONL feeds); None when some input cannot be counted ahead (a URL, stdin, a JSON
    array, an unreadable file), so a progress bar shows no false total."""
    total = 0
    for name in inputs:
        path = Path(name)
        if "://" in name or name == "-":
            return None
        try:
            files = walk(path) if path.is_dir() else [path]
            for file in files:
                if file.suffix.lower() in _LINE_FEEDS:
                    with file.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                elif file.suffix.lower() == ".json":
                    return None
                else:
                    total += 1
        except OSError:
            return None
    return total
