"""value_usd at the rate of the publication day (issue #15): ECB reference rates, dollar pegs, or none."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.stages.quantities import find_quantities
from marsad.stages.quantities.rates import usd_rate

RATES: list[tuple[str, dt.date, float | None]] = [
    ("EUR", dt.date(2015, 8, 5), 1.0883),  # the ECB's fixing of that day
    ("GBP", dt.date(2008, 10, 1), None),  # filled in below from the euro cross: only checked not None
    ("SAR", dt.date(2015, 8, 5), 0.26666667),  # 3.75 riyals to the dollar since 1986
    ("QAR", dt.date(1999, 1, 1), None),  # before the peg was decreed
    ("EGP", dt.date(2015, 8, 5), None),  # no reference rate: no value rather than a wrong one
    ("EUR", dt.date(1995, 1, 1), None),  # before the euro
    ("USD", dt.date(2015, 8, 5), 1.0),
]


@pytest.mark.parametrize(("code", "day", "rate"), RATES, ids=[f"{c}-{d}" for c, d, _ in RATES])
def test_rate_of_the_day(code: str, day: dt.date, rate: float | None) -> None:
    found = usd_rate(code, day)
    if code == "GBP":
        assert found is not None and 1.5 < found < 2.0  # sterling before its 2008 fall
    elif rate is None:
        assert found is None
    else:
        assert found == pytest.approx(rate, rel=1e-6)


def test_dated_text_converts_at_its_day() -> None:
    text = "بلغت قيمة الصفقة 11.7 مليار يورو و35 مليار جنيه مصري"
    euros, pounds = find_quantities(text, [], published=dt.date(2015, 8, 5))
    assert euros.value_usd == pytest.approx(11.7e9 * 1.0883)
    assert pounds.unit == "EGP" and pounds.value_usd is None
