"""The ``marsad`` command line: a thin shell over the library.

Every :class:`~marsad.core.errors.MarsadError` becomes one line on stderr and exit status 1; in a
batch the bad item is reported and the others are still processed.
"""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, TextIO

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from marsad.core import registry
from marsad.core.document import Document
from marsad.core.errors import MarsadError, MarsadWarning
from marsad.core.pipeline import load_pipeline
from marsad.scale.batch import Failure, analyse_mapped, same, to_json_line, to_record
from marsad.shells.cli.common import MAX_INPUT_BYTES_HELP, command_settings, one_line_errors, report, set_option
from marsad.shells.cli.render import print_document
from marsad.stages.ingest.readers import read_inputs


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="marsad")
def main() -> None:
    """marsad (مرصد): structured knowledge from Arabic news, offline."""
    warnings.showwarning = _one_line_warning


def _one_line_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                      file: TextIO | None = None, line: str | None = None) -> None:
    """marsad's own warnings as one ``marsad: warning: …`` line on stderr; others as Python shows them."""
    if issubclass(category, MarsadWarning):
        click.echo(f"marsad: warning: {message}", err=True)
    else:
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


#: What a worker sends back for each output format: the finished JSON line, the contract dict,
#: or the Document itself for the human-readable text.
CONVERT: dict[str, Callable[[Document], Any]] = {"jsonl": to_json_line, "json": to_record, "text": same}

Result = Any  # str (jsonl), dict (json), Document (text) or Failure


def _with_progress(results: Iterator[Result], total: int | None) -> Iterator[Result]:
    """Show a progress bar with articles/s on stderr when it is a terminal."""
    console = Console(stderr=True)
    if not console.is_terminal or (total is not None and total < 2):
        yield from results
        return
    columns = (TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.fields[rate]} articles/s"))
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("analyse", total=total, rate="-")
        for result in results:
            progress.advance(task)
            elapsed = progress.tasks[0].elapsed or 0.0
            done = progress.tasks[0].completed
            progress.update(task, rate=f"{done / elapsed:.1f}" if elapsed else "-")
            yield result


def _emit(results: Iterator[Result], fmt: str, out: IO[str]) -> int:
    failures = 0
    documents: list[dict[str, Any]] = []
    console = Console(file=out, soft_wrap=False) if fmt == "text" else None
    for result in results:
        if isinstance(result, Failure):
            failures += 1
            report(str(result.error))
            if fmt == "jsonl":
                out.write(json.dumps({"id": result.record_id, "error": str(result.error)}, ensure_ascii=False) + "\n")
            continue
        if fmt == "jsonl":
            out.write(result + "\n")
        elif fmt == "json":
            documents.append(result)
        else:
            assert console is not None
            print_document(result, console)
        out.flush()
    if fmt == "json" and documents:
        payload: Any = documents[0] if len(documents) == 1 and failures == 0 else documents
        out.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    return failures


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", help="publication date (YYYY-MM-DD) for inputs that carry none")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]), default="json", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="write here instead of stdout")
@click.option("--jobs", type=int, default=1, show_default=True, help="worker processes (0 = one per core)")
@click.option("--stages", help="comma-separated stage names (default: all built-in stages)")
@click.option("--max-input-bytes", type=int, help=MAX_INPUT_BYTES_HELP)
@set_option
@one_line_errors
def analyze(inputs: tuple[str, ...], published: str | None, fmt: str, out: Path | None, jobs: int,
            stages: str | None, max_input_bytes: int | None, assignments: tuple[str, ...]) -> None:
    """Analyse articles: files, directories, URLs or - for stdin."""
    settings = command_settings(published, jobs, stages, assignments, max_input_bytes)
    load_pipeline(settings)  # check the stages fit before reading any article
    items = list(read_inputs(inputs, settings))
    results = _with_progress(analyse_mapped(items, settings, settings.published, CONVERT[fmt]), len(items))
    failures = _write(results, fmt, out)
    if failures:
        sys.exit(1)


def _write(results: Iterator[Result], fmt: str, out: Path | None) -> int:
    if out is None:
        return _emit(results, fmt, sys.stdout)
    tmp = out.with_name(out.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            failures = _emit(results, fmt, fh)
    except OSError as exc:
        raise MarsadError(f"cannot be written ({exc.strerror})", source=str(out)) from None
    tmp.replace(out)  # a reader never sees a half-written file
    return failures


@main.command("stages")
@one_line_errors
def list_stages() -> None:
    """List the registered stages in pipeline order, with what they need and provide."""
    for number, (name, stage) in enumerate(registry.all_stages().items(), start=1):
        click.echo(f"{number}. {name}: {stage.doc}")
        click.echo(f"   needs    {', '.join(sorted(stage.requires)) or '-'}")
        click.echo(f"   provides {', '.join(sorted(stage.provides)) or '-'}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@one_line_errors
def validate(files: tuple[Path, ...]) -> None:
    """Check JSON documents against the marsad.document/1 contract."""
    from marsad.core.contract import validate_file

    bad = 0
    for path in files:
        problems = validate_file(path)
        for problem in problems:
            report(f"{path}: {problem}")
        bad += bool(problems)
        if not problems:
            click.echo(f"{path}: valid marsad.document/1")
    if bad:
        sys.exit(1)


def run_document(doc: Document) -> str:
    return doc.to_json()


def _add_shell_commands() -> None:
    """The events table, the store (ingest, search, export, stories), the server (serve) and
    Spark (spark)."""
    from marsad.shells.cli import events as cli_events
    from marsad.shells.cli import spark as cli_spark
    from marsad.shells.cli import store as cli_store
    from marsad.shells.cli import web as cli_web

    for module in (cli_events, cli_store, cli_web, cli_spark):
        module.add_commands(main)


_add_shell_commands()
