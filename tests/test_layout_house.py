"""The house's shape: what sits where, and what the library may not lean on (HOUSE_STYLE.md, Layout)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import marsad

SRC = Path(marsad.__file__).resolve().parent
ROOT = SRC.parents[1]

#: The shells' and servers' stacks: analysing an article must not need any of them.
SHELL_STACKS = ("fastapi", "starlette", "uvicorn", "psycopg", "pyspark", "jinja2", "click", "rich")

_BLOCKED_ANALYSIS = """
import importlib.abc, sys
BLOCK = set(sys.argv[1].split(","))
class Blocker(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in BLOCK:
            raise ImportError(f"{name} is blocked for this test")
        return None
sys.meta_path.insert(0, Blocker())
import marsad
doc = marsad.analyze(sys.argv[2], published="2024-06-17")
print(len(doc.entities), len(doc.quotes), len(doc.events))
"""


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_the_public_face_is_importable_from_the_root() -> None:
    from marsad import Document, Settings, analyze, load_pipeline  # noqa: F401


def test_at_most_four_modules_sit_at_the_package_root() -> None:
    root = sorted(p.name for p in SRC.glob("*.py"))
    assert len(root) <= 4, root
    assert {p.name for p in SRC.iterdir() if p.is_dir() and not p.name.startswith("_")} >= {
        "core", "text", "stages", "store", "scale", "shells", "data"}


def test_analysing_the_example_needs_no_shell_stack(example_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", _BLOCKED_ANALYSIS, ",".join(SHELL_STACKS), str(example_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    entities, quotes, events = map(int, proc.stdout.split())
    assert entities > 10 and quotes > 3 and events > 3


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_library_code_never_imports_training_stacks_or_reads_shared(path: Path) -> None:
    imports = _imports(path)
    assert not {m for m in imports if m.split(".")[0] in ("torch", "training", "gensim")}
    assert "../shared" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("layer", ["core", "text", "stages", "store", "scale"])
def test_lower_layers_never_import_the_shells(layer: str) -> None:
    for path in (SRC / layer).rglob("*.py"):
        shells = {m for m in _imports(path) if m.startswith("marsad.shells")}
        assert not shells, f"{path.relative_to(SRC)} imports {sorted(shells)}"


@pytest.mark.parametrize(("shell", "other"), [("api", "web"), ("web", "api")])
def test_api_and_web_share_through_store_not_each_other(shell: str, other: str) -> None:
    for path in (SRC / "shells" / shell).rglob("*.py"):
        assert not {m for m in _imports(path) if m.startswith(f"marsad.shells.{other}")}, path


def test_stages_hold_no_display_code() -> None:
    for path in (SRC / "stages").rglob("*.py"):
        assert not {m for m in _imports(path) if m.split(".")[0] in ("rich", "click")}, path


def test_training_code_lives_outside_the_package() -> None:
    assert (ROOT / "training" / "ner_corpus.py").exists()
    assert not list(SRC.rglob("ner_corpus.py")) and not list(SRC.rglob("gsr.py"))
