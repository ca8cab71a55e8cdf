"""CLI commands over the store: ``ingest``, ``search`` and ``export``.

:func:`add_commands` attaches them to the main group; each only calls library functions and
turns every MarsadError into one line on stderr, exit 1.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from marsad.core.document import SCHEMA
from marsad.core.errors import InputError, MarsadError, RecordError
from marsad.core.settings import Settings
from marsad.shells.cli.common import command_settings, one_line_errors, report
from marsad.store import Filters, IngestReport, Store, open_store
from marsad.store.base import BATCH

DB_HELP = "database: a file (SQLite, created if missing) or postgresql://USER@HOST/DB"
DEFAULT_DB = "marsad.db"


@dataclass
class Tally:
    added: int = 0
    present: int = 0
    skipped: int = 0


# --- ingest -----------------------------------------------------------------------------------

Labelled = tuple[str, "dict[str, Any] | MarsadError"]


def _contract_records(path: Path) -> Iterator[Labelled] | None:
    """Already-analysed contract dicts in a .json/.jsonl file, each labelled with where it is
    (``FILE[i]`` in a JSON array, ``FILE:LINE`` in JSONL); None if the file holds raw records."""
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


def _expand(inputs: tuple[str, ...]) -> Iterator[str | Path]:
    """Inputs with directories opened up, so contract files inside them are found too."""
    from marsad.stages.ingest.readers import walk

    for name in inputs:
        path = Path(name)
        if "://" not in name and path.is_dir():
            yield from walk(path)
        else:
            yield name if "://" in name or name == "-" else path


def ingest_items(store: Store, inputs: tuple[str, ...], settings: Settings
                 ) -> Iterator[tuple[str, str]]:
    """Store every article named by ``inputs``; yields ``(status, origin)`` per item, where
    status is ``added``, ``present`` or an error line."""
    for item in _expand(inputs):
        records = _contract_records(item) if isinstance(item, Path) else None
        if records is not None:
            yield from _store_contracts(store, records)
        else:
            yield from _analyse_and_store(store, str(item), settings)


def _store_contracts(store: Store, records: Iterator[Labelled]) -> Iterator[tuple[str, str]]:
    """Store already-analysed records, BATCH per transaction (fast, and a killed ingest loses
    at most one uncommitted batch, which the rerun stores)."""
    batch: list[tuple[str, dict[str, Any]]] = []
    for where, record in records:
        if isinstance(record, MarsadError):
            yield str(record), where
            continue
        batch.append((where, record))
        if len(batch) >= BATCH:
            yield from _store_batch(store, batch)
            batch = []
    if batch:
        yield from _store_batch(store, batch)


def _store_batch(store: Store, batch: list[tuple[str, dict[str, Any]]]) -> Iterator[tuple[str, str]]:
    outcome = IngestReport()
    records = [record for _where, record in batch]
    for added in store.ingest_iter(records, outcome, source=lambda n: batch[n][0]):
        yield ("added" if added else "present"), ""
    for error in outcome.errors:
        yield error, ""


def _analyse_and_store(store: Store, name: str, settings: Settings) -> Iterator[tuple[str, str]]:
    from marsad.scale.batch import Failure, analyse_items
    from marsad.stages.ingest.readers import Article, read_inputs

    seen: list[str] = []

    def fresh() -> Iterator[Article | InputError]:
        # Skip analysis of inputs already stored, so a rerun after a crash resumes quickly.
        for art in read_inputs([name], settings):
            if isinstance(art, Article) and store.has_raw(art.raw):
                seen.append(art.origin)
                continue
            yield art

    for result in analyse_items(fresh(), settings, settings.published):
        while seen:
            yield "present", seen.pop(0)
        if isinstance(result, Failure):
            yield str(result.error), result.error.source or name
            continue
        added = store.add(result.to_dict(), raw=result.raw)
        yield ("added" if added else "present"), result.origin or name
    while seen:
        yield "present", seen.pop(0)


def _progress(results: Iterator[tuple[str, str]], tally: Tally) -> None:
    """Drain ``results``, counting them, with a progress line (articles/s) on a terminal."""
    console = Console(stderr=True)
    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.fields[rate]} articles/s"))
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("ingest", total=None, rate="-")
        start = time.monotonic()
        for status, origin in results:
            if status == "added":
                tally.added += 1
            elif status == "present":
                tally.present += 1
            else:
                tally.skipped += 1
                # Error lines name their input already, unless it is a whole file.
                report(f"skipped {status}" if origin in status else f"skipped {origin}: {status}")
            done = tally.added + tally.present
            elapsed = time.monotonic() - start
            bar.update(task, advance=1, rate=f"{done / elapsed:.0f}" if elapsed else "-")


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--published", help="publication date (YYYY-MM-DD) for inputs that carry none")
@click.option("--jobs", type=int, default=1, show_default=True, help="analysis processes (0 = one per core)")
@one_line_errors
def ingest(inputs: tuple[str, ...], db: str, published: str | None, jobs: int) -> None:
    """Analyse articles (files, folders, URLs, JSONL feeds) and store them in DB, once each."""
    settings = command_settings(published, jobs)
    tally = Tally()
    with open_store(db) as store:
        _progress(ingest_items(store, inputs, settings), tally)
    click.echo(f"stored {tally.added} new, {tally.present} already stored, {tally.skipped} skipped",
               err=True)


# --- search -----------------------------------------------------------------------------------

@click.command()
@click.argument("query", default="")
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--entity", help="only articles mentioning this entity (name or id)")
@click.option("--speaker", help="only articles quoting this speaker")
@click.option("--type", "event_type", help="only articles with an event of this PLOVER type")
@click.option("--country", help="only articles about this country (ISO alpha-3, e.g. RUS)")
@click.option("--from", "date_from", help="published on or after YYYY-MM-DD")
@click.option("--to", "date_to", help="published on or before YYYY-MM-DD")
@click.option("--limit", type=int, default=20, show_default=True)
@click.option("--quotes", "quotes_only", is_flag=True, help="search quotes (what SPEAKER said about QUERY)")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@one_line_errors
def search(query: str, db: str, entity: str | None, speaker: str | None, event_type: str | None,
           country: str | None, date_from: str | None, date_to: str | None, limit: int,
           quotes_only: bool, fmt: str) -> None:
    """Search stored articles; Arabic clitics, hamza forms and diacritics do not matter."""
    _check_db_exists(db)
    with open_store(db) as store:
        if quotes_only:
            found: list[dict[str, Any]] = store.quotes(speaker=speaker, q=query, limit=limit)
            _print_quotes(found, fmt)
            return
        filters = Filters(entity, speaker, event_type, country, date_from, date_to)
        hits = store.search(query, filters, limit=limit)
    if fmt == "json":
        click.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=1))
        return
    for hit in hits:
        click.echo(f"{hit.id}  {hit.published or '-'}  {hit.title or ''}")
        click.echo(f"    {_marked(hit.snippet, hit.highlights)}")
    if not hits:
        click.echo("no articles found", err=True)


def _marked(text: str, highlights: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for start, end in highlights:
        out += [text[pos:start], "[", text[start:end], "]"]
        pos = end
    return "".join([*out, text[pos:]])


def _print_quotes(found: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=1))
        return
    for q in found:
        click.echo(f"{q['article']}  {q['published'] or '-'}  {q['speaker']}: «{q['content']}»")


def _check_db_exists(db: str) -> None:
    if "://" not in db and db != ":memory:" and not Path(db).exists():
        raise InputError("does not exist; create it with `marsad ingest PATH --db DB`", source=db)


# --- export -----------------------------------------------------------------------------------

@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl",
              show_default=True)
@click.option("--table", "tables", multiple=True,
              type=click.Choice(["articles", "entities", "quotes", "events", "gdelt"]),
              help="what to export (repeatable; default: all five)")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="folder for the files (TABLE.FORMAT)")
@one_line_errors
def export(db: str, fmt: str, tables: tuple[str, ...], out_dir: Path) -> None:
    """Export articles, entities, quotes, events and a GDELT-like events table."""
    from marsad.store.export import TABLES, export_table

    _check_db_exists(db)
    out_dir.mkdir(parents=True, exist_ok=True)
    with open_store(db) as store:
        for table in tables or TABLES:
            path = out_dir / f"{table}.{fmt}"
            count = export_table(store, table, fmt, path)
            click.echo(f"{path}: {count} rows", err=True)


COMMANDS = (ingest, search, export)


def add_commands(cli: click.Group) -> None:
    """Attach ``ingest``, ``search`` and ``export`` to the main command group."""
    for command in COMMANDS:
        cli.add_command(command)


if __name__ == "__main__":  # pragma: no cover - `python -m marsad.shells.cli.store CMD`, used by tests
    group = click.Group(commands={c.name or "": c for c in COMMANDS})
    group(prog_name="marsad", args=sys.argv[1:])
