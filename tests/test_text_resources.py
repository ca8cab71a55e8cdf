"""The one data loader: read_tsv checks the source header, the column line and every row's
width, and a malformed file is a one-line DataError naming the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.core.errors import DataError
from marsad.text.resources import read_tsv, read_tsv_dicts

HEADER = "# Units after a number.\n# Source: ISO 4217.  Licence: Apache-2.0 (same as marsad).\n"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "units.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_rows_after_the_column_line(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "form\tunit\tkind\nدولار\tUSD\tcurrency\n\nمتر\tm\tlength\n")
    assert read_tsv(path, ("form", "unit", "kind")) == [["دولار", "USD", "currency"], ["متر", "m", "length"]]
    assert read_tsv_dicts(path, ("form", "unit", "kind"))[1] == {"form": "متر", "unit": "m", "kind": "length"}


@pytest.mark.parametrize(("text", "message"), [
    (HEADER + "form\tunit\tkind\nدولار\tUSD\tcurrency\nمتر\tm\n", "line 5: 2 tab-separated cells, expected 3"),
    (HEADER + "form\tunit\nدولار\tUSD\n", "line 3: the column line must be form unit kind"),
    ("form\tunit\tkind\nدولار\tUSD\tcurrency\n", "has no '#' header"),
    ("# Units after a number.  Licence: Apache-2.0.\nform\tunit\tkind\n", "names no source"),
    ("# Units.  Source: ISO 4217.\nform\tunit\tkind\n", "names no licence"),
])
def test_malformed_file_is_one_line_error_naming_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(DataError) as err:
        read_tsv(path, ("form", "unit", "kind"))
    assert message in str(err.value)
    assert str(path) in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_packaged_file_says_what_to_do() -> None:
    with pytest.raises(DataError, match=r"marsad/data/nothing\.tsv is missing; reinstall marsad"):
        read_tsv("nothing.tsv", ("a", "b"))


def test_folded_words_checks_and_folds_a_yaml_word_list() -> None:
    from marsad.text.keys import folded_words

    assert folded_words({"heads": ["الوزارة", "إدارة"]}, "heads", "x.yaml") == {"الوزاره", "اداره"}
    with pytest.raises(DataError, match=r"marsad/data/x.yaml: 'heads' must be a list of words"):
        folded_words({"heads": "الوزارة"}, "heads", "x.yaml")
