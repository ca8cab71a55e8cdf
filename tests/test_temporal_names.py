"""A weekday or month inside a person's name is no date (أحمد الخميس، عبدالله الجمعة)."""

from __future__ import annotations

import pytest

import marsad
from marsad.core.document import DateMention, Entity, Span
from marsad.stages.temporal import outside_names

STAGES = ("clean", "segment", "entities", "temporal")

NAMES = [
    ("وقال المتحدث باسم الوزارة أحمد الخميس إن الاجتماع سيعقد الأسبوع المقبل.", "الخميس", "الأسبوع المقبل"),
    ("وأوضح الدكتور عبدالله الجمعة أن المستشفى استقبل المصابين أمس.", "الجمعة", "أمس"),
]


@pytest.mark.parametrize(("text", "name_word", "date"), NAMES, ids=[n[1] for n in NAMES])
def test_weekday_in_a_name_is_no_date(text: str, name_word: str, date: str) -> None:
    doc = marsad.analyze(text, "2015-08-11", stages=STAGES)
    dates = [doc.span_text(d.span) for d in doc.dates]
    assert name_word not in dates
    assert date in dates  # the sentence's real date stays


def test_weekday_outside_a_name_stays() -> None:
    doc = marsad.analyze("وصل الوزير أحمد إلى الرياض يوم الخميس الماضي.", "2015-08-11", stages=STAGES)
    assert [d.value for d in doc.dates] == ["2015-08-06"]


def test_outside_names_keeps_dates_of_other_entities() -> None:
    text = "سافر الوفد إلى الجمعة"
    date = DateMention(Span(15, 21), "2015-08-07")
    place = Entity("GPE", (Span(15, 21),))
    person = Entity("PER", (Span(15, 21),))
    assert outside_names([date], [place]) == [date]
    assert outside_names([date], [person]) == []
    assert text[15:21] == "الجمعة"
