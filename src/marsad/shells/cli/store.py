"""CLI commands over the store: ``ingest``, ``search``, ``export`` and ``stories``.

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

from marsad.core.errors import InputError
from marsad.shells.cli.common import MAX_INPUT_BYTES_HELP, command_settings, one_line_errors, report, set_option
from marsad.store import Filters, Store, open_store
from marsad.store.base import StoreBusyError
from marsad.store.ingest import count_items, ingest_items

DB_HELP = "database: a file (SQLite, created if missing) or postgresql://USER@HOST/DB"
DEFAULT_DB = "marsad.db"


@dataclass
class Tally:
    added: int = 0
    present: int = 0
    skipped: int = 0


# --- ingest -----------------------------------------------------------------------------------

def _progress(results: Iterator[tuple[str, str]], tally: Tally, total: int | None = None) -> None:
    """Drain ``results``, counting them, with a progress line (articles/s) on a terminal."""
    console = Console(stderr=True)
    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.fields[rate]} articles/s"))
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("ingest", total=total, rate="-")
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


def _open_writer(db: str, wait: float | None) -> Store:
    """The store, opened (and migrated) and, with ``--wait``, its writer lock taken once free."""
    if wait is None:
        return open_store(db)
    deadline = time.monotonic() + wait
    while True:
        try:
            store = open_store(db)  # migrating a new store writes, so opening may find it busy too
        except StoreBusyError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.2)
            continue
        try:
            store.wait_for_writer(max(0.0, deadline - time.monotonic()))
        except StoreBusyError:
            store.close()
            raise
        return store


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--published", help="publication date (YYYY-MM-DD) for inputs that carry none")
@click.option("--jobs", type=int, default=1, show_default=True, help="analysis processes (0 = one per core)")
@click.option("--max-input-bytes", type=int, help=MAX_INPUT_BYTES_HELP)
@click.option("--wait", type=click.FloatRange(min=0), metavar="SECONDS",
              help="queue up to SECONDS behind another process writing to DB instead of failing at once (E501)")
@set_option
@one_line_errors
def ingest(inputs: tuple[str, ...], db: str, published: str | None, jobs: int, max_input_bytes: int | None,
           wait: float | None, assignments: tuple[str, ...]) -> None:
    """Analyse articles (files, folders, URLs, JSONL feeds) and store them in DB, once each.

    Exits 1 when any item was skipped, so a script notices a feed that was not stored whole.
    """
    settings = command_settings(published, jobs, assignments=assignments, max_input_bytes=max_input_bytes)
    tally = Tally()
    with _open_writer(db, wait) as store:
        # Counting reads each feed once more: only worth it when a progress bar shows the total.
        total = count_items(inputs) if sys.stderr.isatty() else None
        _progress(ingest_items(store, inputs, settings), tally, total)
    click.echo(f"stored {tally.added} new, {tally.present} already stored, {tally.skipped} skipped",
               err=True)
    if tally.skipped:
        sys.exit(1)


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
@click.option("--unattributed", is_flag=True,
              help="with --quotes: also quotes of unnamed speakers (a source, an official)")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@one_line_errors
def search(query: str, db: str, entity: str | None, speaker: str | None, event_type: str | None,
           country: str | None, date_from: str | None, date_to: str | None, limit: int,
           quotes_only: bool, unattributed: bool, fmt: str) -> None:
    """Search stored articles; Arabic clitics, hamza forms and diacritics do not matter."""
    _check_db_exists(db)
    if unattributed and not quotes_only:
        raise InputError("--unattributed needs --quotes", source="marsad search")
    with open_store(db) as store:
        if quotes_only:
            found: list[dict[str, Any]] = store.quotes(speaker=speaker, q=query, limit=limit,
                                                       unattributed=unattributed)
            _print_quotes(found, fmt)
            return
        filters = Filters(entity, speaker, event_type, country, date_from, date_to)
        hits = store.search(query, filters, limit=limit)
    if fmt == "json":
        click.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=1))
        return
    for hit in hits:
        click.echo(f"{hit.id}  {hit.published or '-'}  {hit.title or ''}")
        if hit.via_entity:
            click.echo(f"    (mentions {hit.via_entity}, which the query names in another spelling)")
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
        speaker = q["speaker"] or "-"
        if q.get("unattributed"):
            speaker += " (unnamed)"
        click.echo(f"{q['article']}  {q['published'] or '-'}  {speaker}: «{q['content']}»")
    if not found:
        click.echo("no quotes found", err=True)


def _check_db_exists(db: str) -> None:
    if "://" not in db and db != ":memory:" and not Path(db).exists():
        raise InputError("does not exist; create it with `marsad ingest PATH --db DB`", source=db)


# --- export -----------------------------------------------------------------------------------

@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl",
              show_default=True)
@click.option("--table", "tables", multiple=True,
              type=click.Choice(["articles", "mentions", "entities", "quotes", "events", "gdelt"]),
              help="what to export (repeatable; default: all six)")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="folder for the files (TABLE.FORMAT)")
@one_line_errors
def export(db: str, fmt: str, tables: tuple[str, ...], out_dir: Path) -> None:
    """Export articles, mentions, entities, quotes, events and a GDELT-like events table."""
    from marsad.store.export import TABLES, export_table

    _check_db_exists(db)
    out_dir.mkdir(parents=True, exist_ok=True)
    with open_store(db) as store:
        for table in tables or TABLES:
            path = out_dir / f"{table}.{fmt}"
            count = export_table(store, table, fmt, path)
            click.echo(f"{path}: {count} rows", err=True)


# --- stories ----------------------------------------------------------------------------------

@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--from", "date_from", help="stories still running on or after YYYY-MM-DD")
@click.option("--to", "date_to", help="stories begun on or before YYYY-MM-DD")
@click.option("--min-articles", type=int, default=1, show_default=True,
              help="only stories with at least this many articles")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--backfill", is_flag=True,
              help="first put the articles stored without a story (before stories existed) in stories")
@click.option("--rebuild", is_flag=True,
              help="first group the articles from --from on (all without it) into stories again")
@one_line_errors
def stories(db: str, date_from: str | None, date_to: str | None, min_articles: int, limit: int,
            fmt: str, backfill: bool, rebuild: bool) -> None:
    """Print stories: the stored reports of one event, with their sources and events."""
    _check_db_exists(db)
    if rebuild and date_to:
        raise InputError("--rebuild groups every article from --from on; --to does not apply to it")
    with open_store(db) as store:
        if rebuild or backfill:
            placed = store.rebuild_stories(date_from) if rebuild else store.backfill_stories()
            click.echo(f"{db}: {placed} articles placed in stories", err=True)
        found = store.stories(date_from, date_to, min_articles, limit)
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=1))
        return
    for story in found:
        click.echo(f"story {story['id']}  {story['first_date'] or '-'} … {story['last_date'] or '-'}  "
                   f"{story['n_articles']} articles, {story['n_sources']} sources  {story['title'] or ''}")
        click.echo(f"    sources: {', '.join(story['sources']) or '-'}")
        for art in story["articles"]:
            copy = f"  copy of {art['copy_of']}" if art["copy_of"] else ""
            click.echo(f"    {art['id']}  record {art['record_id'] or '-'}  {art['published'] or '-'}  "
                       f"{art['source'] or '-'}{copy}")
        for ev in story["events"]:
            click.echo(f"    event {ev['type']} {ev['day'] or '-'}: {ev['source'] or '-'} → {ev['target'] or '-'}")
    if not found:
        click.echo("no stories found", err=True)


COMMANDS = (ingest, search, export, stories)


def add_commands(cli: click.Group) -> None:
    """Attach ``ingest``, ``search``, ``export`` and ``stories`` to the main command group."""
    for command in COMMANDS:
        cli.add_command(command)


if __name__ == "__main__":  # pragma: no cover - `python -m marsad.shells.cli.store CMD`, used by tests
    group = click.Group(commands={c.name or "": c for c in COMMANDS})
    group(prog_name="marsad", args=sys.argv[1:])
