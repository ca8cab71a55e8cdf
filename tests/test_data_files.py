"""Every packaged data file loads and starts with a header naming its source and licence."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import yaml

import marsad
from marsad.text.resources import header_problem

DATA = Path(marsad.__file__).resolve().parent / "data"
LEXICONS = sorted(p for p in DATA.rglob("*") if p.suffix in (".yaml", ".yml", ".tsv") and p.is_file())


@pytest.mark.parametrize("path", LEXICONS, ids=lambda p: p.relative_to(DATA).as_posix())
def test_lexicon_has_a_source_header_and_loads(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    problem = header_problem(text)  # the check the one loader (read_tsv) makes on every file it reads
    assert problem is None, f"{path.name} {problem}"
    if path.suffix == ".tsv":
        rows = [r for r in csv.reader((line for line in text.splitlines() if line and not line.startswith("#")),
                                      delimiter="\t")]
        assert rows, f"{path.name} has no rows"
        width = len(rows[0])
        bad = [i for i, r in enumerate(rows) if len(r) != width]
        assert not bad, f"{path.name}: rows {bad[:5]} do not have {width} columns"
    else:
        loaded = yaml.safe_load(text)
        assert isinstance(loaded, dict) and loaded, f"{path.name} is not a non-empty mapping"


def test_clean_lexicon_lists_are_strings() -> None:
    loaded = yaml.safe_load((DATA / "clean_lines.yaml").read_text(encoding="utf-8"))
    for key, values in loaded.items():
        assert isinstance(values, list) and all(isinstance(v, str) and v.strip() for v in values), key


def test_packaged_schema_is_json() -> None:
    for name in ("document.schema.json", "document.extensions.schema.json"):
        assert json.loads((DATA / name).read_text(encoding="utf-8"))["$schema"]
