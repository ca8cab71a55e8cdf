"""A bare ريال، جنيه or دينار takes the code of the country its sentence or story is about (issue #15)."""

from __future__ import annotations

import pytest

from marsad.stages.quantities import find_quantities
from marsad.stages.quantities.currency import StoryPlaces, local_code

CASES: list[tuple[str, StoryPlaces, str | None]] = [
    # A country named earlier in the sentence wins over the dateline.
    ("ارتفع سعر الدولار في صنعاء من 214 ريالا", StoryPlaces(((20, "YEM"),), "SAU", ("SAU",)), "YER"),
    ("وقال الوزير إن العجز بلغ 35 مليار جنيه", StoryPlaces((), "EGY", ("EGY",)), "EGP"),
    ("وستستثمر الشركة 50 مليون ريال", StoryPlaces((), None, ("USA", "SAU")), "SAR"),
    # A country named in another sentence is not this sentence's: the dateline decides.
    ("زار الوفد عمان. وبلغت الصفقة 9 ملايين دينار", StoryPlaces(((11, "JOR"),), "KWT", ()), "KWD"),
    # No country that uses the name: no code rather than a guess.
    ("بلغ الدين 5 ملايين دينار", StoryPlaces((), "FRA", ("FRA",)), None),
]


@pytest.mark.parametrize(("sentence", "places", "code"), CASES, ids=[c[0][:30] for c in CASES])
def test_bare_currency_by_country(sentence: str, places: StoryPlaces, code: str | None) -> None:
    quantities = find_quantities(sentence, [], None, places)
    assert quantities[-1].unit == (code or quantities[-1].unit)
    assert (quantities[-1].value_usd is not None) == (code is not None)
    if code is None:
        assert quantities[-1].unit is not None and not quantities[-1].unit.isupper()


def test_only_shared_names_are_looked_up() -> None:
    assert local_code("دولار", "", 0, StoryPlaces((), "SAU", ("SAU",))) is None


YEMEN = StoryPlaces((), "YEM", ("YEM",))
EGYPT = StoryPlaces((), "EGY", ("EGY",))
PRICES: list[tuple[str, StoryPlaces, list[str | None]]] = [
    # The price of a foreign currency is written in the story's own.
    ("وارتفع سعر الريال السعودي من 60 إلى 65 في السوق السوداء", YEMEN, ["YER", "YER"]),
    ("وبلغ سعر صرف الدولار في السوق الموازية 8.5", EGYPT, ["EGP"]),
    # The story's own currency priced, or a price of no currency: no code.
    ("وبلغ سعر الجنيه 8.5", EGYPT, [None]),
    ("وارتفع سعر برميل النفط إلى 50", EGYPT, [None]),
    ("وبلغ سعر صرف اليورو 1.1", StoryPlaces((), "FRA", ("FRA",)), [None]),
]


@pytest.mark.parametrize(("sentence", "places", "units"), PRICES, ids=[c[0][:30] for c in PRICES])
def test_prices_of_currencies_are_in_the_local_one(sentence: str, places: StoryPlaces,
                                                    units: list[str | None]) -> None:
    assert [q.unit for q in find_quantities(sentence, [], None, places)] == units
