"""A definite number after the plural it counts (الدول الخمس، السنوات الـ15), and الـN before a noun."""

from __future__ import annotations

import pytest

from marsad.stages.quantities import quantities_of_dates
from marsad.stages.temporal import find_dates

CASES = [
    ("اجتمع وزراء خارجية الدول الخمس الكبرى في جنيف", [("الدول الخمس", 5, "دولة")]),
    ("أفرجت الجماعة عن الرهائن الثلاثة أمس", [("الرهائن الثلاثة", 3, "رهينة")]),
    ("تسلمت القوات الجوية طائرات الرافال الأربع من فرنسا", [("طائرات الرافال الأربع", 4, "طائرة")]),
    ("شاركت مقاتلات إف-15 العشر في المناورة", [("مقاتلات إف-15 العشر", 10, "مقاتلة")]),
    ("ارتفعت الصادرات خلال السنوات الـ10 الماضية", [("السنوات الـ10", 10, "سنة")]),
    ("تراجع الإنتاج في الـ12 شهرا الأخيرة", [("12 شهرا", 12, "شهر")]),
    # Ordinals and labels: a الـN after a singular, a day name.
    ("افتتحت الدورة الـ17 للمهرجان في الرياض", []),
    ("تعقد القمة العربية الـ26 في شرم الشيخ", []),
    ("عقد المجلس جلسته يوم الاثنين", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_definite_counts(sentence: str, expected: list[tuple[str, float, str]]) -> None:
    found = quantities_of_dates(sentence, find_dates(sentence, None))
    assert [(sentence[q.span.start:q.span.end], q.value, q.unit) for q in found] == expected


def test_digits_far_after_a_plural_number_something_else() -> None:
    sentence = "وقدم البنك هدايا لزوار مهرجان الرياض للتسوق ال12 في الحديقة"
    assert quantities_of_dates(sentence, find_dates(sentence, None)) == []
