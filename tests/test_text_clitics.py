"""The one clitic inventory (data/clitics.tsv) loads with its roles and gives every reader the
same proclitics: the clitic analysis, the word view's readings and knowledge-base names."""

from __future__ import annotations

import pytest

from marsad.stages.entities.match import first_word_keys, proclitics
from marsad.text import keys
from marsad.text.resources import read_tsv
from marsad.text.words import strip_proclitic


def test_inventory_loads_with_roles_longest_first() -> None:
    rows = read_tsv(keys.CLITICS_FILE, ("proclitic", "roles"))
    assert len(rows) == len(keys.PROCLITICS) == 25
    assert dict(keys.PROCLITICS)["وبال"] == ("conj", "prep", "det")
    assert dict(keys.PROCLITICS)["لل"] == ("prep", "det")
    assert dict(keys.PROCLITICS)["وس"] == ("conj", "fut")
    assert all(set(roles) <= set(keys.ROLES) for _, roles in keys.PROCLITICS)
    sizes = [len(form) for form, _ in keys.PROCLITICS]
    assert sizes == sorted(sizes, reverse=True)


def test_derived_lists() -> None:
    assert set(keys.PARTICLE_PROCLITICS) == {"وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك"}
    assert set(keys.BEFORE_ELIDED_ARTICLE) == {"ل", "ول", "فل"}
    assert set(keys.SINGLE_PROCLITICS) == {"و", "ف", "ب", "ل", "ك", "س", "ال"}


@pytest.mark.parametrize(("word", "pieces"), [
    ("وبالرياض", [("و", "conj"), ("ب", "prep"), ("ال", "det"), ("رياض", "stem")]),
    ("للعام", [("ل", "prep"), ("ل", "det"), ("عام", "stem")]),
    ("وسيزور", [("و", "conj"), ("س", "fut"), ("يزور", "stem")]),
    ("فالحكومة", [("ف", "conj"), ("ال", "det"), ("حكومة", "stem")]),
    ("بوتين", [("بوتين", "stem")]),  # a name is not ب + وتين
])
def test_analysis_reads_the_inventory(word: str, pieces: list[tuple[str, str]]) -> None:
    assert [(word[a:b], role) for a, b, role in keys.analyse(word)] == pieces


@pytest.mark.parametrize(("form", "reading"), [
    ("للعام", (1, "العام")),  # ل + ال with the alef not written
    ("وللعام", (2, "العام")),
    ("وبيونيو", (2, "يونيو")),
    ("فمارس", (1, "مارس")),
])
def test_word_view_readings(form: str, reading: tuple[int, str]) -> None:
    assert reading in strip_proclitic(form)


def test_names_read_the_same_inventory() -> None:
    pairs = dict(proclitics())
    assert pairs["لل"] == pairs["ولل"] == "ال"
    assert all(pairs[p] == "" for p in keys.PARTICLE_PROCLITICS)
    assert ("الولايات", 0) in first_word_keys("للولايات")
    assert ("الكرملين", 2) in first_word_keys("وبالكرملين")
