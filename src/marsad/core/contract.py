"""The ``marsad.document/1`` contract: the JSON schema shipped with the package, and checks."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from marsad.core.errors import InputError
from marsad.text.resources import data_path


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(data_path("document.schema.json").read_text(encoding="utf-8"))
    return loaded


def problems(document: Any) -> list[str]:
    """Every way ``document`` breaks the contract, plus any span whose text is not its slice."""
    validator = jsonschema.Draft202012Validator(schema())
    found = [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
             for e in validator.iter_errors(document)]
    if not found and isinstance(document, dict):
        found += span_problems(document)
    return found


def _spans(node: Any, path: str) -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int) and "text" in node:
            out.append((path, node))
        for k, v in node.items():
            out += _spans(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _spans(v, f"{path}/{i}")
    return out


def span_problems(document: dict[str, Any]) -> list[str]:
    text = document.get("text", "")
    found = []
    for path, span in _spans({k: v for k, v in document.items() if k != "text"}, ""):
        start, end = span["start"], span["end"]
        if not 0 <= start <= end <= len(text):
            # Checked first: a reversed span, or one past the text, slices to "" and would pass below.
            found.append(f"{path.lstrip('/')}: offsets [{start}:{end}] are not 0 <= start <= end <= "
                         f"{len(text)} (the text's length)")
        elif text[start:end] != span["text"]:
            found.append(f"{path.lstrip('/')}: text {span['text']!r} is not the slice [{span['start']}:{span['end']}]")
    return found


def validate_file(path: Path) -> list[str]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("does not exist", source=str(path)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return [f"not JSON: {exc}"]
    except RecursionError:
        return ["not a document: JSON nested too deeply"]
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", source=str(path)) from None
    return problems(document)


@lru_cache(maxsize=1)
def event_types() -> tuple[str, ...]:
    """PLOVER event types of the contract (``events[].type``)."""
    values = schema()["properties"]["events"]["items"]["properties"]["type"]["enum"]
    return tuple(str(v) for v in values)


@lru_cache(maxsize=1)
def entity_types() -> tuple[str, ...]:
    """Entity types of the contract (``entities[].type``)."""
    values = schema()["properties"]["entities"]["items"]["properties"]["type"]["enum"]
    return tuple(str(v) for v in values)
