"""``--format text`` shows everything a reader asks first (who, who said what, who did what to whom,
when, how much), readable at 80 columns and right-to-left safe."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.cells import cell_len
from rich.console import Console

import marsad
from marsad.shells.cli.render import print_document

RLI, PDI = "\u2067", "\u2069"


def _rendered(doc: marsad.Document, width: int = 80) -> str:
    console = Console(width=width, record=True, color_system=None)
    print_document(doc, console)
    return console.export_text()


def test_the_text_view_shows_quotes_events_dates_and_quantities(example_path: Path) -> None:
    doc = marsad.analyze(example_path, dt.date(2024, 6, 17))
    out = _rendered(doc)
    for title in ("entities", "quotes", "events", "dates", "quantities"):
        assert title in out.split()
    assert "Yuri Ushakov" in out  # a speaker by its English name
    assert "Vladimir Putin" in out and "→" in out  # who → whom
    assert "2024-06-19" in out  # a resolved date
    assert "6,700" in out  # a quantity's value
    # Isolates and diacritics take no cell: measure what a terminal shows.
    assert max(cell_len(line) for line in out.splitlines()) <= 80


def test_arabic_cells_are_isolated_right_to_left() -> None:
    doc = marsad.analyze("قال الرئيس المصري عبد الفتاح السيسي أمس إن بلاده سترسل 500 طن من المساعدات.",
                         dt.date(2024, 6, 17))
    out = _rendered(doc, width=100)
    assert f"{RLI}«" in out and f"»{PDI}" in out  # the quoted words
    assert f"{RLI}أمس{PDI}" in out


def test_quotes_of_unnamed_speakers_have_a_table_of_their_own() -> None:
    doc = marsad.analyze("وقال شهود عيان إن الانفجار وقع قرب سوق شعبية مكتظة.", dt.date(2015, 8, 4))
    out = _rendered(doc)
    assert "unattributed" in out and "quotes" not in out.split()
    assert "شهود عيان" in out
