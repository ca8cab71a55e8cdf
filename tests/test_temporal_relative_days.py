"""Days named relative to the publication week, month or another dated day (issue #15)."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.stages.temporal import find_dates

PUBLISHED = dt.date(2015, 7, 31)  # a Friday

CASES: list[tuple[str, list[tuple[str, str | None, str]]]] = [
    # اليوم with a weekday: the day of that name in the publication's week, not the publication day.
    ("وقال المتحدث باسم الخارجية اليوم الأربعاء إن الوفد وصل", [("اليوم الأربعاء", "2015-07-29", "point")]),
    ("وأعلنت الوزارة اليوم (الخميس) عن خطة جديدة", [("اليوم (الخميس)", "2015-07-30", "point")]),
    ("وقال الرئيس اليوم الجمعة إن الحوار مستمر", [("اليوم الجمعة", "2015-07-31", "point")]),
    # اليوم after a verb of state or a noun it qualifies is "nowadays"; after a verb of an event it is today.
    ("وقال الوزير: نواجه اليوم تحديا جديدا في المنطقة", []),
    ("ويعيش العالم اليوم أزمة اقتصادية خانقة", []),
    ("ويعقد مجلس الوزراء اليوم جلسته الأسبوعية", [("اليوم", "2015-07-31", "point")]),
    # A day and month without a year: a future tense is only a cue, so a date a few weeks before
    # publication stays in this year (the plan was told before); a past tense is a bound.
    ("وقال إن المملكة ستقدم يوم 14 يوليو خطتها", [("14 يوليو", "2015-07-14", "point")]),
    ("وكان الوفد قد وصل في 20 أغسطس", [("20 أغسطس", "2014-08-20", "point")]),
    ("وسيصل الوفد في 20 يونيو", [("20 يونيو", "2016-06-20", "point")]),
    # A day of a month counted from publication.
    ("وتبدأ المحادثات في 14 من الشهر الحالي في جنيف", [("14 من الشهر الحالي", "2015-07-14", "point")]),
    ("وكان قد توفي في 3 من الشهر الماضي", [("3 من الشهر الماضي", "2015-06-03", "point")]),
    ("على أن تنتهي في العاشر من الشهر المقبل", [("العاشر من الشهر المقبل", "2015-08-10", "point")]),
    # The day after (before) the last dated day of the same sentence; with none, no date.
    ("وصل الوفد يوم الاثنين 13 يوليو وبدأت المحادثات في اليوم التالي",
     [("يوم الاثنين 13 يوليو", "2015-07-13", "point"), ("اليوم التالي", "2015-07-14", "point")]),
    ("وبدأت المحادثات في اليوم التالي دون تأخير", []),
    ("وصل الوفد في 5 يوليو. وفي اليوم التالي بدأت المحادثات", [("5 يوليو", "2015-07-05", "point")]),
    # أمس before a definite object is yesterday; after في or بـ it is a superlative (most in need).
    ("واستقبل ولي العهد أمس السفير الأمريكي في جدة", [("أمس", "2015-07-30", "point")]),
    ("إن اليمن في أمس الحاجة إلى المساعدات", []),
    ("والمنطقة بأمس الحاجة إلى الاستقرار", []),
    # A bare year after the noun of an event or period.
    ("تراجعت السياحة منذ أحداث 2011 في البلاد", [("2011", "2011", "point")]),
    ("وفاز الحزب في انتخابات 2012 الرئاسية", [("2012", "2012", "point")]),
]


def _found(sentence: str) -> list[tuple[str, str | None, str]]:
    return [(sentence[m.span.start:m.span.end], m.value, m.kind) for m in find_dates(sentence, PUBLISHED)]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_relative_days(sentence: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert _found(sentence) == expected
