"""Load the data files shipped in ``marsad/data`` (one lexicon per file, cached)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from marsad.core.errors import DataError


def data_path(name: str) -> resources.abc.Traversable:
    return resources.files("marsad") / "data" / name


@lru_cache(maxsize=64)
def load_yaml(name: str) -> dict[str, Any]:
    """Load ``marsad/data/<name>`` as a YAML mapping, or raise a DataError naming the file."""
    path = data_path(name)
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"data file marsad/data/{name} is missing; reinstall marsad") from None
    except yaml.YAMLError as exc:
        raise DataError(f"data file marsad/data/{name} is not valid YAML: {exc}".splitlines()[0]) from None
    if not isinstance(loaded, dict):
        raise DataError(f"data file marsad/data/{name} must hold a mapping at the top")
    return loaded


def string_list(name: str, key: str) -> tuple[str, ...]:
    """A list of strings under ``key`` in a YAML data file."""
    values = load_yaml(name).get(key)
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise DataError(f"data file marsad/data/{name}: {key!r} must be a list of strings")
    return tuple(values)
