"""Lengths of time are amounts: bare units in a duration, after a duration frame, and the time elapsed."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.stages.quantities import quantities_of_dates
from marsad.stages.temporal import find_dates

PUBLISHED = dt.date(2015, 8, 10)

CASES = [
    ("تحاصر القوات المدينة منذ نحو أسبوع", [("نحو أسبوع", 1, "about", "أسبوع")]),
    ("وبعد تحقيق استمر سنة، نشرت اللجنة تقريرها", [("سنة", 1, "exact", "سنة")]),
    ("أغلقت السلطات المعبر لمدة شهر", [("شهر", 1, "exact", "شهر")]),
    ("افتتح الجسر قبل 40 عاما", [("40 عاما", 40, "exact", "عام")]),
    ("وصل الوفد إلى الرياض منذ ثلاثة أيام", [("ثلاثة أيام", 3, "exact", "يوم")]),
    ("ستعلن النتائج بعد أسبوعين", [("أسبوعين", 2, "exact", "أسبوع")]),
    # A point placed by another event, a year or a day is no length of time.
    ("عقد الوزراء اجتماعهم يوم الأحد ووقعوا الاتفاق بعد يومين من الاجتماع", []),
    ("تعمل الشركة في المملكة منذ عام 2013", []),
    ("انتظر الوفد يوما كاملا", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_lengths_of_time(sentence: str, expected: list[tuple[str, float, str, str]]) -> None:
    found = quantities_of_dates(sentence, find_dates(sentence, PUBLISHED))
    assert [(sentence[q.span.start:q.span.end], q.value, q.approx, q.unit) for q in found] == expected


def test_the_elapsed_point_keeps_its_date() -> None:
    sentence = "افتتح الجسر قبل 40 عاما"
    assert [d.value for d in find_dates(sentence, PUBLISHED)] == ["1975"]
