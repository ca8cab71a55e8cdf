"""Amounts as wire copy and notices write them, and numbers that only look like amounts."""

from __future__ import annotations

import pytest

from marsad.stages.quantities import quantities_of_dates, singular
from marsad.stages.temporal import find_dates

Row = tuple[str, float, str, str | None]
CASES: list[tuple[str, list[Row]]] = [
    # dpa and KUNA write the decimals first, joined by ر.
    ("وبلغ عدد المشتركين 5ر12 مليون مشترك", [("5ر12 مليون مشترك", 12.5e6, "exact", "مشترك")]),
    ("وتراجع معدل البطالة بنسبة 4ر0 بالمئة", [("4ر0 بالمئة", 0.4, "exact", "%")]),
    # A figure in brackets with its noun after them, and an approximator before the bracket.
    ("على أن يتم الرد خلال مدة أقصاها (15) يوما", [("أقصاها (15) يوما", 15, "at_most", "يوم")]),
    ("ويحق للموظف إجازة (عشرة) أيام", [("(عشرة) أيام", 10, "exact", "يوم")]),
    # Approximators written as past verbs or "up to".
    ("وفي الرياض بلغت الحرارة أمس درجة قياسية تجاوزت 48 درجة مئوية", [("تجاوزت 48 درجة مئوية", 48, "more_than", "°C")]),
    ("وعدد الزوار ناهز 90 ألف زائر", [("ناهز 90 ألف زائر", 9e4, "about", "زائر")]),
    ("ويستوعب الملعب ما يصل إلى 60 ألف متفرج", [("ما يصل إلى 60 ألف متفرج", 6e4, "at_most", "متفرج")]),
    # Speeds, ranges ended by number words, and plurals in ات of masculine nouns.
    ("وتهب الرياح بسرعة 20-40 كم/ساعة", [("20-40 كم/ساعة", 20, "at_least", "km/h")]),
    ("ويتراوح السعر من مائة إلى ألف ريال سعودي", [("مائة إلى ألف ريال سعودي", 100, "at_least", "SAR")]),
    ("وارتفعت أسهم سبعة قطاعات", [("سبعة قطاعات", 7, "exact", "قطاع")]),
    ("وسلمت الوزارة 12 مشروعات جديدة", [("12 مشروعات", 12, "exact", "مشروع")]),
    ("وحضر المباراة عشرة آلاف متفرج", [("عشرة آلاف متفرج", 1e4, "exact", "متفرج")]),
    # Negated bounds in the feminine, a half after the noun, a bare unit after غضون.
    ("وتعاقب المنشأة بغرامة لا تقل عن خمسة آلاف ريال سعودي",
     [("لا تقل عن خمسة آلاف ريال سعودي", 5000, "at_least", "SAR")]),
    ("ولمدة لا تزيد على 60 يوما", [("لا تزيد على 60 يوما", 60, "at_most", "يوم")]),
    ("وبقي في منصبه ثلاث سنوات ونصف", [("ثلاث سنوات ونصف", 3.5, "exact", "سنة")]),
    ("وسيكتمل المشروع في غضون عام", [("عام", 1, "exact", "عام")]),
    ("وبلغ عدد المستفيدين ( 12500 ) مستفيد", [("( 12500 ) مستفيد", 12500, "exact", "مستفيد")]),
    ("وتنخفض الحرارة إلى قرابة ال 18 درجة مئوية ليلا", [("قرابة ال 18 درجة مئوية", 18, "about", "°C")]),
    ("ويصرف الدواء بجرعة 20 mg يوميا", [("20 mg", 20, "exact", "mg")]),
    ("وأدرج اسمه في قائمة الـ(47) بتاريخ أمس", []),
    # Not amounts: a list of positions, items numbered in a list, "one of", an ordinal after a noun,
    # a score, a phone number, a postcode, a day of the month, an edition's ordinal, the Taliban, the
    # tail of an ordinal.
    ("ويجيد اللعب في مركز 2 و3 و4", []),
    ("والمتهمون هم: 1 - خالد سعد، 2- ناصر علي", []),
    ("ويعد الجسر واحدا من أطول الجسور في المنطقة", []),
    ("وافتتح معرض الرياض للكتاب الـ9 أبوابه للزوار", []),
    ("وأجلت مباراة الأسبوع الـ 12 من الدوري", []),
    ("وخسر الفريق أمام ضيفه 0/ 3 في المباراة الودية", []),
    ("للحجز يرجى الاتصال على 011 4567 8910", []),
    ("ويقع المطعم في London W1D 4RB", []),
    ("ويواجه الفريق الوحدة يوم 23 ثم الأهلي يوم 27", []),
    ("وتنطلق بطولة الأندية الخليجية الـ30 الشهر المقبل", []),
    ("وقتل عدد من عناصر طالبان في الغارة", []),
    ("وتبدأ المباراة في الساعة الثانية عشرة ظهرا", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_wire_amounts(sentence: str, expected: list[Row]) -> None:
    found = quantities_of_dates(sentence, find_dates(sentence, None))
    assert [(sentence[q.span.start:q.span.end], q.value, q.approx, q.unit) for q in found] == expected


@pytest.mark.parametrize(("plural", "one"), [("قطاعات", "قطاع"), ("قرارات", "قرار"), ("حاويات", "حاوية"),
                                             ("عمليات", "عملية"), ("مقاتلات", "مقاتلة")])
def test_plurals_in_at_reduce_to_the_commoner_singular(plural: str, one: str) -> None:
    assert singular(plural) == one
