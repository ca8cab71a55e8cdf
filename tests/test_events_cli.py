"""`marsad events` and the flat event table (CSV/TSV, one row per event)."""

from __future__ import annotations

import contextlib
import csv
import importlib
import io
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import marsad
from marsad.core import registry
from marsad.core.document import Document, Entity, Span
from marsad.shells.cli.events import add_commands, event_stages
from marsad.shells.cli.views import events_view
from marsad.stages.events import find_events
from marsad.stages.events.table import COLUMNS, event_rows, write_rows

# The entities and temporal stages register on import until they join registry.BUILTIN_MODULES.
for _module in ("marsad.stages.entities", "marsad.stages.temporal"):
    with contextlib.suppress(ImportError):
        importlib.import_module(_module)

TEXT = "وفرضت الولايات المتحدة عقوبات جديدة على إيران أمس. واعتقلت الشرطة التركية عشرات الصحفيين في إسطنبول."


def _doc() -> Document:
    doc = marsad.analyze(TEXT, "2024-06-17", stages=("clean", "segment"))
    doc.url = "https://example.org/a"
    for surface, etype, country, name in (
        ("الولايات المتحدة", "GPE", "USA", "United States"),
        ("إيران", "GPE", "IRN", "Iran"),
        ("التركية", "NORP", "TUR", "Turks"),
        ("إسطنبول", "GPE", "TUR", "Istanbul"),
    ):
        i = doc.text.index(surface)
        doc.entities.append(Entity(etype, (Span(i, i + len(surface)),), name_en=name, country=country))  # type: ignore[arg-type]
    doc.events = find_events(doc)
    return doc


def _cli() -> click.Group:
    @click.group()
    def cli() -> None:
        """test group"""

    add_commands(cli)
    return cli


def test_rows_have_the_analyst_columns() -> None:
    rows = event_rows(_doc())
    assert [r["type"] for r in rows] == ["SANCTION", "COERCE"]
    first, second = rows
    assert (first["source"], first["source_country"], first["target"], first["target_country"]) == (
        "United States",
        "USA",
        "Iran",
        "IRN",
    )
    assert (first["status"], first["cameo"], first["url"]) == ("asserted", "163", "https://example.org/a")
    assert first["sentence"].startswith("وفرضت")
    assert (second["source_country"], second["mode"], second["location"]) == ("TUR", "arrest", "Istanbul")


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_table_round_trips(delimiter: str) -> None:
    rows = event_rows(_doc())
    out = io.StringIO()
    write_rows(rows, out, delimiter)
    back = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter=delimiter))
    assert tuple(back[0]) == COLUMNS
    assert back == rows


def test_text_view_lists_every_event() -> None:
    doc = _doc()
    assert events_view(doc).row_count == len(doc.events)


def test_events_stage_is_added_last() -> None:
    stages = event_stages(("clean", "segment"))
    assert stages[0] == "clean" and stages[-1] == "events"


def test_bad_published_date_is_one_line_error(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(_cli(), ["events", str(article), "--published", "yesterday"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.strip().count("\n") == 0 and "--published" in result.output


@pytest.mark.skipif(
    not {"entities", "temporal"} <= set(registry.all_stages()),
    reason="the entities and temporal stages are not registered yet",
)
@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_events_command_prints_one_row_per_event(tmp_path: Path, fmt: str, delimiter: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(
        _cli(), ["events", str(article), "--published", "2024-06-17", "--format", fmt]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output), delimiter=delimiter))
    assert {r["type"] for r in rows} >= {"SANCTION", "COERCE"}
