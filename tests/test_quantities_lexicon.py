"""The number, unit, plural and rate tables behind the quantities stage are well formed."""

from __future__ import annotations

import re

from marsad.stages.quantities import read_rates, read_units, singular
from marsad.text.numbers import read_plurals
from marsad.text.resources import load_yaml

ISO_4217 = re.compile(r"[A-Z]{3}")


def test_cardinals_are_numbers_with_forms() -> None:
    data = load_yaml("numbers.yaml")
    for value, forms in data["cardinals"].items():
        assert int(value) > 0 and forms and all(isinstance(f, str) for f in forms)


def test_approximators_use_the_contract_values() -> None:
    data = load_yaml("numbers.yaml")
    allowed = {"about", "more_than", "less_than", "at_least", "at_most"}
    assert set(data["approx_before"]) <= allowed
    assert set(data["approx_after"]) <= allowed


def test_units_are_iso_codes_or_measures() -> None:
    units = read_units()
    assert units
    for form, unit in units.items():
        assert unit.kind in ("currency", "measure"), form
        if unit.kind == "currency":
            assert ISO_4217.fullmatch(unit.code), form


def test_rates_are_positive_and_dollar_is_one() -> None:
    rates = read_rates()
    assert rates["USD"] == 1.0
    assert all(ISO_4217.fullmatch(code) and rate > 0 for code, rate in rates.items())


def test_plurals_reduce_to_their_singular() -> None:
    plurals = read_plurals()
    assert len(plurals) > 100
    for plural, single in (("مناطق", "منطقة"), ("حاويات", "حاوية"), ("قتلى", "قتيل"), ("جنود", "جندي")):
        assert singular(plural) == single
    assert singular("قتيلاً") == "قتيل"  # tamyiz with tanween


def test_tables_have_no_repeated_forms() -> None:
    from marsad.text.resources import data_path

    for name in ("plurals.tsv", "units.tsv", "currency_rates.tsv"):
        rows = [line.split("\t")[0] for line in data_path(name).read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")]
        assert len(rows) == len(set(rows)), name
