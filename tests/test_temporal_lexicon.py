"""The date vocabulary in data/dates.yaml is complete and unambiguous."""

from __future__ import annotations

from collections import defaultdict

import pytest

from marsad.stages.temporal import date_words
from marsad.text.keys import fold
from marsad.text.resources import load_yaml

DATA = load_yaml("dates.yaml")


@pytest.mark.parametrize(("key", "size"), [("months", 12), ("hijri_months", 12), ("weekdays", 7),
                                           ("day_ordinals", 31)])
def test_numbered_groups_are_complete(key: str, size: int) -> None:
    groups = DATA[key]
    assert sorted(int(k) for k in groups) == list(range(1, size + 1))
    assert all(isinstance(v, list) and v and all(isinstance(f, str) and f.strip() for f in v)
               for v in groups.values())


@pytest.mark.parametrize("key", ["months", "hijri_months", "weekdays", "relative_days", "day_ordinals"])
def test_no_form_means_two_things(key: str) -> None:
    meanings: dict[str, set[int]] = defaultdict(set)
    for value, forms in DATA[key].items():
        for form in forms:
            meanings[fold(form, keep_madda=True)].add(int(value))
    assert {f: v for f, v in meanings.items() if len(v) > 1} == {}


def test_ambiguous_months_are_month_names() -> None:
    names = {fold(f, keep_madda=True) for forms in DATA["months"].values() for f in forms}
    assert {fold(f, keep_madda=True) for f in DATA["ambiguous_months"]} <= names


def test_units_have_all_three_numbers() -> None:
    for unit, groups in DATA["units"].items():
        assert set(groups) == {"singular", "dual", "plural"}, unit


def test_august_stays_apart_from_father() -> None:
    words = date_words()
    assert words.months.get(fold("آب", keep_madda=True)) == 8
    assert words.months.get(fold("أب", keep_madda=True)) is None
