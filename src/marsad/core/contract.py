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


@lru_cache(maxsize=1)
def extensions() -> dict[str, Any]:
    """The schema of the extra fields marsad writes (``references``), which the contract allows."""
    loaded: dict[str, Any] = json.loads(data_path("document.extensions.schema.json").read_text(encoding="utf-8"))
    return loaded


def problems(document: Any) -> list[str]:
    """Every way ``document`` breaks the contract or its extensions, plus any span whose text is
    not its slice."""
    found = [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
             for s in (schema(), extensions()) for e in jsonschema.Draft202012Validator(s).iter_errors(document)]
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


#: A problem is one short line: jsonschema quotes the whole offending value, which may be an article.
MAX_PROBLEM_CHARS = 160


def validate_file(path: Path) -> list[str]:
    """Every contract problem in a file ``marsad analyze`` may have written: one document (JSON),
    a JSON list of documents, or JSONL with one document, or one ``{"id", "error"}`` record of an
    input that failed, per line. Each problem is one short line naming where it is."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("does not exist", source=str(path)) from None
    except UnicodeDecodeError:
        return ["not JSON: not UTF-8 text"]
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", source=str(path)) from None
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as exc:
        if "\n" not in text.strip():
            return [f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"]
        return _jsonl_problems(text)  # JSONL: one value per line
    except RecursionError:
        return ["not JSON: nested too deeply"]
    if isinstance(whole, list):
        return [f"[{i}] {p}" for i, item in enumerate(whole) for p in _record_problems(item)]
    return _record_problems(whole)


def _jsonl_problems(text: str) -> list[str]:
    found: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            found.append(f"line {number}: not JSON ({getattr(exc, 'msg', 'nested too deeply')})")
            continue
        found += [f"line {number}: {p}" for p in _record_problems(record)]
    return found


def _record_problems(record: Any) -> list[str]:
    """A document's problems; none for the error record of an input that failed."""
    if isinstance(record, dict) and set(record) <= {"id", "error", "origin", "record_id"} and "error" in record:
        return []
    return [_short(p) for p in problems(record)]


def _short(problem: str) -> str:
    return problem if len(problem) <= MAX_PROBLEM_CHARS else problem[: MAX_PROBLEM_CHARS - 1] + "…"


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
