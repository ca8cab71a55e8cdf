"""Quarters, halves and seasons of a year (issue #15): quarters and halves are ranges of days,
a season only its year."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.stages.temporal import find_dates

PUBLISHED = dt.date(2015, 8, 2)

CASES: list[tuple[str, list[tuple[str, str | None, str]]]] = [
    ("ارتفعت أرباح الشركة خلال الربع الثاني من العام الجاري بنسبة كبيرة",
     [("الربع الثاني من العام الجاري", "2015-04-01/2015-06-30", "range")]),
    ("وتراجعت الصادرات في النصف الأول من عام 2014",
     [("النصف الأول من عام 2014", "2014-01-01/2014-06-30", "range")]),
    ("مقارنة بالربع الأول من العام الماضي", [("الربع الأول من العام الماضي", "2014-01-01/2014-03-31", "range")]),
    ("وحققت الشركة في الربع الثاني أرباحا صافية", [("الربع الثاني", "2015-04-01/2015-06-30", "range")]),
    ("في الربع الأخير من 2014", [("الربع الأخير من 2014", "2014-10-01/2014-12-31", "range")]),
    # النصف الأول من الشهر / من القرن is no part of a year.
    ("وتراجعت الأسعار في النصف الأول من الشهر", []),
    ("في النصف الأول من القرن العشرين", []),
    # Seasons need an opener, a direction word or a year; الربيع العربي is a name.
    ("وقال إن الحوار سيستأنف في أوائل الخريف", [("أوائل الخريف", "2015", "point")]),
    ("ويبدأ تشغيل المحطة في فصل الصيف المقبل", [("فصل الصيف المقبل", "2016", "point")]),
    ("منذ اندلاع ثورات الربيع العربي", []),
    ("اشتدت المعارك في صيف 2014", [("صيف 2014", "2014", "point")]),
]


def _found(sentence: str) -> list[tuple[str, str | None, str]]:
    return [(sentence[m.span.start:m.span.end], m.value, m.kind) for m in find_dates(sentence, PUBLISHED)]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_year_parts(sentence: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert _found(sentence) == expected
