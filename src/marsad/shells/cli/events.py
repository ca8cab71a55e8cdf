"""``marsad events FILE...``: analyse articles and print one row per event (CSV or TSV).

``cli.py`` adds it to the CLI with ``add_commands(main)``; the command is a thin shell over
:func:`marsad.stages.events.table.event_rows`.
"""

from __future__ import annotations

import sys

import click

from marsad.core import registry
from marsad.core.pipeline import load_pipeline
from marsad.core.settings import DEFAULT_STAGES
from marsad.scale.batch import Failure, analyse_mapped
from marsad.shells.cli.common import command_settings, one_line_errors, set_option
from marsad.stages.events.table import event_rows, write_rows
from marsad.stages.ingest.readers import read_inputs

#: The pipeline order; ``events`` runs after every stage it can use.
ORDER = DEFAULT_STAGES


def event_stages(stages: tuple[str, ...]) -> tuple[str, ...]:
    """The configured stages with ``events`` added last, plus the registered stages it reads."""
    known = registry.all_stages()
    wanted = set(stages) | {"clean", "segment", "entities", "temporal", "events"}
    return tuple(s for s in ORDER if s in wanted and (s in known or s == "events")) + tuple(
        s for s in stages if s not in ORDER)


def add_commands(cli: click.Group) -> None:
    """Add the ``events`` command to ``cli``."""

    @cli.command("events")
    @click.argument("inputs", nargs=-1, required=True)
    @click.option("--published", help="publication date (YYYY-MM-DD) for inputs that carry none")
    @click.option("--format", "fmt", type=click.Choice(["csv", "tsv"]), default="csv", show_default=True)
    @click.option("--jobs", type=int, default=1, show_default=True,
                  help="worker processes (0 = one per core)")
    @set_option
    @one_line_errors
    def events(inputs: tuple[str, ...], published: str | None, fmt: str, jobs: int,
               assignments: tuple[str, ...]) -> None:
        """Print a flat events table (date, source, type, target, status, …) for articles."""
        failures = _run(inputs, published, fmt, jobs, assignments)
        if failures:
            sys.exit(1)


def _run(inputs: tuple[str, ...], published: str | None, fmt: str, jobs: int,
         assignments: tuple[str, ...] = ()) -> int:
    settings = command_settings(published, jobs, assignments=assignments)
    settings = settings.replace(stages=event_stages(settings.stages))
    load_pipeline(settings)  # check the stages fit before reading any article
    items = list(read_inputs(inputs, settings))
    failures = 0
    first = True
    for result in analyse_mapped(items, settings, settings.published, event_rows):
        if isinstance(result, Failure):
            failures += 1
            click.echo(f"marsad: {result.error}", err=True)
            continue
        write_rows(result, sys.stdout, "\t" if fmt == "tsv" else ",", header=first)
        first = False
    if first:
        write_rows([], sys.stdout, "\t" if fmt == "tsv" else ",")
    return failures
