"""Load the data files shipped in ``marsad/data``: the one loader every lexicon is read with.

Every data file starts with ``#`` comment lines naming its source and licence.  A TSV file then has
a column line (unless its reader says it has none) and rows of exactly as many tab-separated cells;
anything else is a one-line :class:`DataError` naming the file and the line.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from marsad.core.errors import DataError


def data_path(name: str) -> Traversable:
    return resources.files("marsad") / "data" / name


#: libyaml's safe loader when PyYAML was built with it (ten times faster: the data files are a
#: fifth of a cold start), else the pure-Python one; both read the same documents.
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=64)
def load_yaml(name: str) -> dict[str, Any]:
    """Load ``marsad/data/<name>`` as a YAML mapping, or raise a DataError naming the file."""
    path = data_path(name)
    try:
        text = path.read_text(encoding="utf-8")
        loaded = yaml.load(text, Loader=_SAFE_LOADER)
    except FileNotFoundError:
        raise DataError(f"data file marsad/data/{name} is missing; reinstall marsad") from None
    except yaml.YAMLError as exc:
        raise DataError(f"data file marsad/data/{name} is not valid YAML: {exc}".splitlines()[0]) from None
    if not isinstance(loaded, dict):
        raise DataError(f"data file marsad/data/{name} must hold a mapping at the top")
    problem = header_problem(text)
    if problem:
        raise DataError(f"data file marsad/data/{name} {problem}")
    return loaded


def string_list(name: str, key: str) -> tuple[str, ...]:
    """A list of strings under ``key`` in a YAML data file."""
    values = load_yaml(name).get(key)
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise DataError(f"data file marsad/data/{name}: {key!r} must be a list of strings")
    return tuple(values)


#: Words of which one must appear in a data file's header (tests/test_data_files.py checks them too).
LICENCE_WORDS = ("licen", "apache", "cc by", "cc-by", "cc0", "mit", "public domain", "gpl", "odbl")
#: The header is looked for in this many first lines.
HEADER_LINES = 12


def header_problem(text: str) -> str | None:
    """What is wrong with a data file's ``#`` header (no header, no source, no licence), else None."""
    header = "\n".join(line for line in text.splitlines()[:HEADER_LINES] if line.startswith("#")).lower()
    if not header:
        return "has no '#' header naming its source and licence"
    if "source" not in header:
        return "has a '#' header that names no source"
    if not any(word in header for word in LICENCE_WORDS):
        return "has a '#' header that names no licence"
    return None


def read_tsv(source: str | Traversable | Path, columns: Sequence[str], *, column_line: bool = True,
             missing: str = "reinstall marsad") -> list[list[str]]:
    """Rows of a tab-separated data file, each a list of ``len(columns)`` cells.

    ``source`` is a name under ``marsad/data`` or a file elsewhere (lexicons a training script
    built).  The file must start with its source header and, when ``column_line``, a line naming
    exactly ``columns``; blank lines and ``#`` lines are skipped.  A malformed file is a one-line
    DataError naming the file and its line; a missing one says what to do (``missing``).
    """
    path = data_path(source) if isinstance(source, str) else source
    where = f"data file marsad/data/{source}" if isinstance(source, str) else f"data file {source}"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{where} is missing; {missing}") from None
    problem = header_problem(text)
    if problem:
        raise DataError(f"{where} {problem}")
    rows: list[list[str]] = []
    want = len(columns)
    seen_columns = not column_line
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not seen_columns:
            if tuple(cells) != tuple(columns):
                raise DataError(f"{where} line {number}: the column line must be {' '.join(columns)}")
            seen_columns = True
            continue
        if len(cells) != want:
            raise DataError(f"{where} line {number}: {len(cells)} tab-separated cells, expected {want} "
                            f"({' '.join(columns)})")
        rows.append(cells)
    if not seen_columns:
        raise DataError(f"{where} has no column line ({' '.join(columns)})")
    return rows


def read_tsv_dicts(source: str | Traversable | Path, columns: Sequence[str]) -> list[dict[str, str]]:
    """:func:`read_tsv` with each row as ``{column: cell}``."""
    return [dict(zip(columns, cells, strict=True)) for cells in read_tsv(source, columns)]
