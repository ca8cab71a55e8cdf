"""Units read from the words around a bare number, and numbers that are no amounts (issue #15)."""

from __future__ import annotations

import pytest

from marsad.stages.quantities import quantities_of_dates
from marsad.stages.temporal import find_dates

Row = tuple[str, float, str, str | None]
CASES: list[tuple[str, list[Row]]] = [
    # The counted noun named before the count, in a partitive after it, or people after a casualty verb.
    ("عقد النواب البالغ عددهم 550 جلستهم الأولى", [("550", 550, "exact", "نائب")]),
    ("وصل المراقبون وعددهم 12 إلى المدينة", [("12", 12, "exact", "مراقب")]),
    ("قتل ثلاثة من رجال الشرطة في الهجوم", [("ثلاثة", 3, "exact", "رجل")]),
    ("قتل 5 وأصيب 31 في الانفجار", [("5", 5, "exact", "قتيل"), ("31", 31, "exact", "جريح")]),
    ("وأصيب 31 بجروح متفاوتة", [("31", 31, "exact", "جريح")]),
    ("ونفذت السلطات حكم الإعدام وأعدم 3 بتهمة التهريب", [("3", 3, "exact", "شخص")]),
    # A group is no counted noun: its men are counted by the verb; a plural in construct is one.
    ("قتل سبعة من ميليشيات المعارضة في الغارة", [("سبعة", 7, "exact", "قتيل")]),
    ("وقالت مصادر إن نحو 40 من عناصر التنظيم قتلوا في القصف", [("نحو 40", 40, "about", "عنصر")]),
    ("وأفاد الشهود بأن نحو 25 من قوات النظام لقوا حتفهم", [("نحو 25", 25, "about", "قتيل")]),
    ("وسلم ستة من مقاتلي الفصيل أنفسهم للجيش", [("ستة", 6, "exact", "مقاتل")]),
    ("ونزح 1.3 مليون آخرين من منازلهم", [("1.3 مليون آخرين", 1.3e6, "exact", "شخص")]),
    ("قتل 5 جنود في كمين", [("5 جنود", 5, "exact", "جندي")]),
    # عدد and its plural earlier in the clause name what a bare number counts.
    ("وارتفع عدد المصابين بالحمى في المحافظة إلى 87", [("87", 87, "exact", "مصاب")]),
    ("وبلغ عدد المتقدمين للوظائف 4300", [("4300", 4300, "exact", "متقدم")]),
    ("وبلغ عدد من المتقدمين 40", [("40", 40, "exact", None)]),
    # A verb of measure, its subject, then the figure.
    ("ويشترط ألا تتجاوز أعمارهم 30 عاما", [("تتجاوز أعمارهم 30 عاما", 30, "more_than", "عام")]),
    ("ويناهز عددهم 300 شخص", [("يناهز عددهم 300 شخص", 300, "about", "شخص")]),
    # After a verb of change, من X إلى Y is two amounts sharing a unit, not a range.
    ("ارتفع سعر الدولار من 214 ريالا إلى 236 للدولار الواحد",
     [("214 ريالا", 214, "exact", "ريال"), ("236", 236, "exact", "ريال")]),
    ("وتراجع عدد الزوار من 400 إلى 250 زائرا",
     [("400", 400, "exact", "زائر"), ("250 زائرا", 250, "exact", "زائر")]),
    ("يتراوح العدد من 10 إلى 20 شخصا", [("10 إلى 20 شخصا", 10, "at_least", "شخص")]),
    # Approximators.
    ("بخسائر تزيد على 500 مليون دولار", [("تزيد على 500 مليون دولار", 5e8, "more_than", "USD")]),
    ("يمنع تشغيل من هم ما دون 18 عاما", [("ما دون 18 عاما", 18, "less_than", "عام")]),
    ("شارك قرابة 40 ألف متظاهر", [("قرابة 40 ألف متظاهر", 4e4, "about", "متظاهر")]),
    ("وفر زهاء 200 فرصة عمل", [("زهاء 200 فرصة", 200, "about", "فرصة")]),
    # A half of the scale written with the scale again.
    ("بلغت الخسائر مليون ونصف المليون يورو", [("مليون ونصف المليون يورو", 1.5e6, "exact", "EUR")]),
    # No amounts: a season or fiscal year, a group's name, an idiom, a tournament.
    ("في ميزانية العام المالي 2014 - 2015", []),
    ("واستأنفت مجموعة (5+1) المفاوضات", []),
    ("واستأنفت مجموعة خمسة زائد واحد المفاوضات", []),
    ("وصلت الوفود في وقت واحد", []),
    ("وتستضيف الكويت بطولة خليجي 24", []),
]


def _found(sentence: str) -> list[Row]:
    quantities = quantities_of_dates(sentence, find_dates(sentence, None))
    return [(sentence[q.span.start:q.span.end], q.value, q.approx, q.unit) for q in quantities]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_context_units(sentence: str, expected: list[Row]) -> None:
    assert _found(sentence) == expected


MORE: list[tuple[str, list[Row]]] = [
    # The noun after the figure wins over the one before a count clause, unless it is possessed.
    ("وفتحت الدوائر البالغ عددها 77 مركزا أبوابها", [("77 مركزا", 77, "exact", "مركز")]),
    # Participles spelt like duals are no counts; a bracketed score is no amount.
    ("وخرج المتظاهرون هاتفين بشعارات ضد الحكومة", []),
    ("وأصدر الوزراء بيانا معبرين عن قلقهم", []),
    ("وفاز المنتخب على ضيفه (61) مقابل هدف", []),
]


@pytest.mark.parametrize(("sentence", "expected"), MORE, ids=[c[0][:30] for c in MORE])
def test_more_context(sentence: str, expected: list[Row]) -> None:
    assert _found(sentence) == expected
