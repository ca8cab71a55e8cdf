"""Amounts in news sentences: spans, values, approximators, units and values in US dollars."""

from __future__ import annotations

import pytest

from marsad.core.document import Quantity
from marsad.stages.quantities import quantities_of_dates, read_rates
from marsad.stages.temporal import find_dates


def quantities_of(text: str) -> list[Quantity]:
    """The quantities stage's finder, given the dates the temporal stage finds (as the pipeline does)."""
    return quantities_of_dates(text, find_dates(text, None))

RUB, EUR, SAR, EGP = (read_rates()[c] for c in ("RUB", "EUR", "SAR", "EGP"))

Row = tuple[str, float, str, str | None, float | None]
CASES: list[tuple[str, list[Row]]] = [
    # Money: ISO 4217 codes and a value in US dollars.
    ("قدم الغرب 50 مليار دولار لأوكرانيا", [("50 مليار دولار", 5e10, "exact", "USD", 5e10)]),
    ("بلغت الخسائر زهاء 40 مليار يورو", [("زهاء 40 مليار يورو", 4e10, "about", "EUR", 4e10 * EUR)]),
    ("دفعت الحكومة 300 مليون روبل", [("300 مليون روبل", 3e8, "exact", "RUB", 3e8 * RUB)]),
    ("أعلن صندوقا بقيمة 20 مليار ريال سعودي", [("20 مليار ريال سعودي", 2e10, "exact", "SAR", 2e10 * SAR)]),
    ("خصص البنك 500 مليون جنيه مصري للدعم", [("500 مليون جنيه مصري", 5e8, "exact", "EGP", 5e8 * EGP)]),
    ("تبرع بمبلغ 5 آلاف دولار", [("5 آلاف دولار", 5000, "exact", "USD", 5000)]),
    ("بلغ الدين ١٬٢٥٠ مليار دولار", [("١٬٢٥٠ مليار دولار", 1.25e12, "exact", "USD", 1.25e12)]),
    ("بلغت ميزانية الدفاع 886 مليار دولار أمريكي",
     [("886 مليار دولار أمريكي", 8.86e11, "exact", "USD", 8.86e11)]),
    ("دفع مليار دولار للشركة", [("مليار دولار", 1e9, "exact", "USD", 1e9)]),
    ("رصدت الوزارة نصف مليون دولار للمشروع", [("نصف مليون دولار", 5e5, "exact", "USD", 5e5)]),
    ("يبلغ عدد سكان المدينة مليون ونصف نسمة", [("مليون ونصف نسمة", 1.5e6, "exact", "نسمة", None)]),
    ("تتراوح الكلفة 3-5 ملايين دولار", [("3-5 ملايين دولار", 3e6, "at_least", "USD", 3e6)]),
    # Approximators before and after.
    ("حضرت أكثر من 100 دولة ومنظمة", [("أكثر من 100 دولة", 100, "more_than", "دولة", None)]),
    ("أرسلت بيونغ يانغ نحو 6700 حاوية إلى روسيا", [("نحو 6700 حاوية", 6700, "about", "حاوية", None)]),
    ("تستوعب أكثر من 3 ملايين قذيفة مدفعية", [("أكثر من 3 ملايين قذيفة", 3e6, "more_than", "قذيفة", None)]),
    ("أو أكثر من 500 ألف طلقة", [("أكثر من 500 ألف طلقة", 5e5, "more_than", "طلقة", None)]),
    ("أصيب ما يزيد على 1.5 مليون شخص", [("ما يزيد على 1.5 مليون شخص", 1.5e6, "more_than", "شخص", None)]),
    ("ارتفع عدد القتلى إلى 120 قتيلا على الأقل", [("120 قتيلا على الأقل", 120, "at_least", "قتيل", None)]),
    ("نسبة البطالة أقل من 10 في المئة", [("أقل من 10 في المئة", 10, "less_than", "%", None)]),
    ("قتل ما لا يقل عن 30 شخصا في الهجوم", [("ما لا يقل عن 30 شخصا", 30, "at_least", "شخص", None)]),
    ("يعيش حوالي 2.3 مليون نسمة في القطاع", [("حوالي 2.3 مليون نسمة", 2.3e6, "about", "نسمة", None)]),
    ("فر قرابة 200 ألف لاجئ عبر الحدود", [("قرابة 200 ألف لاجئ", 2e5, "about", "لاجئ", None)]),
    ("وصل أزيد من 600 مهاجر إلى الجزيرة", [("أزيد من 600 مهاجر", 600, "more_than", "مهاجر", None)]),
    ("أطلقت إيران أكثر من 300 صاروخ ومسيرة", [("أكثر من 300 صاروخ", 300, "more_than", "صاروخ", None)]),
    ("يضم الوفد 40 دبلوماسيا تقريبا", [("40 دبلوماسيا تقريبا", 40, "about", "دبلوماسي", None)]),
    # Measures and percentages.
    ("قذائف مدفعية عيار 152 ملم", [("152 ملم", 152, "exact", "mm", None)]),
    ("يبلغ طول الجدار 700 كيلومتر", [("700 كيلومتر", 700, "exact", "km", None)]),
    ("تبلغ مساحة الأرض 400 كيلومتر مربع", [("400 كيلومتر مربع", 400, "exact", "km2", None)]),
    ("ارتفعت درجات الحرارة إلى 45 درجة مئوية", [("45 درجة مئوية", 45, "exact", "°C", None)]),
    ("صدرت الشركة مليوني برميل يوميا", [("مليوني برميل", 2e6, "exact", "bbl", None)]),
    ("ارتفع التضخم إلى 3٫5 في المئة", [("3٫5 في المئة", 3.5, "exact", "%", None)]),
    ("انخفضت الأسعار بنسبة 12%", [("12%", 12, "exact", "%", None)]),
    ("ارتفعت الأسهم 2.5 بالمئة", [("2.5 بالمئة", 2.5, "exact", "%", None)]),
    # Number words, duals and the counted noun in its singular.
    ("انسحاب القوات من أربع مناطق محتلة جزئيا", [("أربع مناطق", 4, "exact", "منطقة", None)]),
    ("قتل خمسة جنود في الكمين", [("خمسة جنود", 5, "exact", "جندي", None)]),
    ("وصل ثلاثة آلاف وخمسمئة جندي", [("ثلاثة آلاف وخمسمئة جندي", 3500, "exact", "جندي", None)]),
    ("قتل سبعة عشر شخصا", [("سبعة عشر شخصا", 17, "exact", "شخص", None)]),
    ("أصيب تسعة وعشرين طفلا", [("تسعة وعشرين طفلا", 29, "exact", "طفل", None)]),
    ("زار الوزير ست دول", [("ست دول", 6, "exact", "دولة", None)]),
    ("تستغرق الزيارة يومين", [("يومين", 2, "exact", "يوم", None)]),
    ("هذه أول زيارة منذ أكثر من عقدين", [("أكثر من عقدين", 2, "more_than", "عقد", None)]),
    ("انتظر الركاب ساعتين في المطار", [("ساعتين", 2, "exact", "ساعة", None)]),
    ("ستنقسم الشركة إلى قسمين مستقلين", [("قسمين", 2, "exact", "قسم", None)]),
    ("وأصيب شرطيان بجروح طفيفة", [("شرطيان", 2, "exact", "شرطي", None)]),
    ("وقع انفجاران قرب السفارة", [("انفجاران", 2, "exact", "انفجار", None)]),
    ("اعتقلت الدورية شرطيين اثنين", [("شرطيين اثنين", 2, "exact", "شرطي", None)]),
    ("احتج عشرات الشرطيين أمام الوزارة", []),
    ("ارتفع عدد القتلى إلى عشرة", [("عشرة", 10, "exact", "قتيل", None)]),
    ("رفض العرض قبل يوم واحد من الاجتماع", [("يوم واحد", 1, "exact", "يوم", None)]),
    ("يسكن المدينة مليون شخص", [("مليون شخص", 1e6, "exact", "شخص", None)]),
    ("فاز الحزب بـ 45 مقعدا في البرلمان", [("45 مقعدا", 45, "exact", "مقعد", None)]),
    ("نقلت السفينة ٢٠ حاوية", [("٢٠ حاوية", 20, "exact", "حاوية", None)]),
    ("خسر الجيش 15 دبابة و8 طائرات", [("15 دبابة", 15, "exact", "دبابة", None),
                                       ("8 طائرات", 8, "exact", "طائرة", None)]),
    ("قتل بين 10 و20 شخصا", [("10 و20 شخصا", 10, "at_least", "شخص", None)]),
    ("سجلت الشركة العام الماضي 2,4 مليار يورو", [("2,4 مليار يورو", 2.4e9, "exact", "EUR", 2.4e9 * EUR)]),
    # Numbers that are not amounts: dates, names, labels, scores.
    ("أصيب أكثر من 40 ألف شخص بفيروس كوفيد-19", [("أكثر من 40 ألف شخص", 4e4, "more_than", "شخص", None)]),
    ("تسلمت كييف طائرات إف-16 الأمريكية", []),
    ("عقدت قمة مجموعة السبع في إيطاليا", []),
    ("وافق مجلس الأمن على القرار 2254", []),
    ("شهدت المنطقة في عام 2022 موجة جفاف", []),
    ("بعث برسالة إلى بوتين في 12 يونيو", []),
    ("وقعت الوثائق في الأعوام 1961 و2000 و2001", []),
    ("فاز الفريق على ضيفه ميلان الإيطالي 2-1 وديا", []),
    ("للاستفسار الاتصال على الرقم 0117220776", []),
    ("تأهل المنتخب إلى نهائيات كأس العالم 2018 في روسيا", []),
    ("أية كمية من الأموال ستخصص للمشروع", []),
    ("حصلت على المرتبة عشرين عالميا", []),
    ("لأني لست أفهم ما تقول", []),
    # Vague plurals give no figure: not amounts.
    ("قتل عشرات المدنيين في القصف", []),
    ("اعتقلت الشرطة مئات المتظاهرين", []),
    ("نزح عشرات الآلاف من السكان", []),
    ("تتكلف المركبات مليارات الدولارات", []),
    ("خرج آلاف المحتجين إلى الشوارع للمطالبة بالإصلاح", []),
    ("وعاد مع أسرتي إلى المدينة", []),
]


def _found(sentence: str) -> list[Row]:
    return [(sentence[q.span.start:q.span.end], q.value, q.approx, q.unit, q.value_usd)
            for q in quantities_of(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_quantities(sentence: str, expected: list[Row]) -> None:
    found = _found(sentence)
    assert [(t, a, u) for t, _, a, u, _ in found] == [(t, a, u) for t, _, a, u, _ in expected]
    for (_, value, _, _, usd), (_, want, _, _, want_usd) in zip(found, expected, strict=True):
        assert value == pytest.approx(want)
        assert (usd is None) == (want_usd is None)
        if usd is not None:
            assert usd == pytest.approx(want_usd)


RANGES = [
    ("قتل بين 10 و20 شخصا", "10 و20 شخصا", 10, 20, None),
    ("تتراوح الكلفة 3-5 ملايين دولار", "3-5 ملايين دولار", 3e6, 5e6, 5e6),
    ("أصيب من 30 إلى 40 آخرين في الهجوم", "30 إلى 40 آخرين", 30, 40, None),
    ("قدرت الأضرار بما بين 2 و4 مليارات يورو", "2 و4 مليارات يورو", 2e9, 4e9, 4e9 * EUR),
]


@pytest.mark.parametrize(("sentence", "text", "low", "high", "high_usd"), RANGES, ids=[r[1] for r in RANGES])
def test_ranges_keep_both_ends(sentence: str, text: str, low: float, high: float, high_usd: float | None) -> None:
    (q,) = quantities_of(sentence)
    assert sentence[q.span.start:q.span.end] == text and q.approx == "at_least"
    assert (q.value, q.value_max) == (pytest.approx(low), pytest.approx(high))
    assert q.value_max_usd == (None if high_usd is None else pytest.approx(high_usd))


def test_single_figures_have_no_upper_end() -> None:
    (q,) = quantities_of("أرسلت بيونغ يانغ نحو 6700 حاوية إلى روسيا")
    assert q.value_max is None and q.value_max_usd is None


def test_rates_table_has_every_currency_unit() -> None:
    from marsad.stages.quantities import read_units
    rates = read_rates()
    missing = {u.code for u in read_units().values() if u.kind == "currency"} - set(rates)
    assert not missing


def test_odd_input_does_not_crash() -> None:
    for text in ("", "5", "أكثر من", "نحو", "بين 10 و", "عشرات", "3-", "٫", "ال17", "ألف"):
        for q in quantities_of(text):
            assert text[q.span.start:q.span.end]


CONVERSIONS = [
    ("بلغت الإيرادات 8 مليارات دولار (نحو 7.2 مليار يورو) العام الماضي", ["8 مليارات دولار"]),
    ("رصدت الحكومة 500 مليون ريال سعودي (133 مليون دولار) للمشروع", ["500 مليون ريال سعودي"]),
    ("يمتد خط الأنابيب 120 كيلومترا (75 ميلا) عبر الصحراء", ["120 كيلومترا"]),
    # Not conversions: a figure of another kind, or an aside that is no amount of the same kind.
    ("اشترت الشركة 20 طائرة (بقيمة 3 مليارات دولار)", ["20 طائرة", "3 مليارات دولار"]),
    ("قتل شاب (17 عاما) في الحادث", ["17 عاما"]),
]


@pytest.mark.parametrize(("sentence", "kept"), CONVERSIONS, ids=[c[0][:30] for c in CONVERSIONS])
def test_conversions_in_brackets_are_not_counted_again(sentence: str, kept: list[str]) -> None:
    assert [sentence[q.span.start:q.span.end] for q in quantities_of(sentence)] == kept


def test_a_bare_number_after_a_name_ends_the_name() -> None:
    import marsad
    text = "وأكد الوزير التمسك بمبادئ جنيف 1 وبقرار مجلس الأمن، وقال إن 3 وزراء سيحضرون."
    doc = marsad.analyze(text, "2015-08-11")
    assert any(doc.span_text(m) == "جنيف" for e in doc.entities for m in e.mentions)
    assert [(doc.span_text(q.span), q.value) for q in doc.quantities] == [("3 وزراء", 3)]
