"""One of each: no module under src/marsad but text/ defines a proclitic list, a fold table or
a tokeniser, and no stage re-tokenises a text that segment has tokenised."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import marsad
from marsad.text.keys import PROCLITICS

SRC = Path(marsad.__file__).resolve().parent
OUTSIDE_TEXT = sorted(p for p in SRC.rglob("*.py") if "text" not in p.relative_to(SRC).parts[:1])
PROCLITIC_FORMS = {form for form, _ in PROCLITICS}
#: Letters a fold table maps to their base letter (hamza on alef, alef maqsura, ta marbuta...).
FOLDED_LETTERS = set("أإآٱىةؤئ")


def _strings(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _module_constants(tree: ast.Module) -> list[tuple[str, ast.AST]]:
    out: list[tuple[str, ast.AST]] = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and node.value is not None:
            out += [(ast.unparse(t), node.value) for t in node.targets]
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            out.append((ast.unparse(node.target), node.value))
    return out


@pytest.mark.parametrize("path", OUTSIDE_TEXT, ids=lambda p: p.relative_to(SRC).as_posix())
def test_no_proclitic_list_or_fold_table_outside_text(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for name, value in _module_constants(tree):
        if isinstance(value, (ast.Tuple, ast.List, ast.Set)):
            items = _strings(value)
            clitic_like = all(0 < len(s) <= 4 and set(s) <= set("وفبلكسا") for s in items)
            assert not (clitic_like and len(set(items) & PROCLITIC_FORMS) >= 3), \
                f"{name} is a proclitic list: use marsad.text.keys (data/clitics.tsv)"
        if isinstance(value, ast.Dict):
            keys = [k for k in value.keys if k is not None]
            folded = {s for k in keys for s in _strings(k) if s in FOLDED_LETTERS}
            assert len(folded) < 3, f"{name} is a fold table: use marsad.text.keys.fold"
    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
        if ast.unparse(call.func).endswith("maketrans"):
            assert not FOLDED_LETTERS & set("".join(_strings(call))), \
                f"{path.name} builds a fold table: use marsad.text.keys.fold"


@pytest.mark.parametrize("path", OUTSIDE_TEXT, ids=lambda p: p.relative_to(SRC).as_posix())
def test_no_second_tokeniser_outside_text(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert "TOKEN_RE = " not in source and "scan_tokens" not in source, \
        f"{path.name} tokenises: use marsad.text.tokens"
    assert "scan_cached" not in source


@pytest.mark.parametrize("stage", ["temporal", "quantities"])
def test_dates_and_quantities_read_the_documents_tokens(stage: str) -> None:
    source = (SRC / "stages" / stage / "__init__.py").read_text(encoding="utf-8")
    assert "doc.tokens" in source
