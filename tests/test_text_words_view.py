"""The one tokeniser gives the word view the dates and quantities stages read: its offsets are
the document's tokens, its forms are the one fold (keeping آ), and no stage re-tokenises."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from marsad.core.analyze import to_document
from marsad.core.pipeline import load_pipeline
from marsad.core.settings import Settings
from marsad.stages.ingest.readers import from_text
from marsad.stages.quantities import amount_free, find_quantities
from marsad.stages.temporal import find_dates
from marsad.text.keys import fold
from marsad.text.numbers import digits_value
from marsad.text.tokens import find_tokens
from marsad.text.words import view

NEWS = [
    "وقال الرئيس الروسي فلاديمير بوتين إن بلاده ستوقع اتفاقية مع كوريا الشمالية في 19 يونيو 2024.",
    "بلغ عدد الحجاج القادمين من خارج المملكة خلال العام الماضي 1.311.017 حاجا، وقدم منهم 1.234.611 حاجا.",
    "اندلع حريق في مساحة 200×200 متر بسبب الألعاب النارية، وأُخمد بعد ساعتين.",
    "وصلت قيمة المشروع إلى ٣٫٥ مليار ريال، وتستغرق المرحلة الأولى ثلاث سنوات (1437ـ1441هـ).",
    "يعمل الهاتف بنظام أندرويد إصدار 5.1.1، وقد أعلنت Samsung-Electronics عنه في آب الماضي.",
]


@pytest.mark.parametrize("text", NEWS)
def test_view_is_the_documents_tokens(text: str) -> None:
    pipe = load_pipeline(Settings(stages=("clean", "segment")))
    doc = pipe(to_document(from_text(text, "view")))
    words = view(doc.text, doc.tokens)
    starts = {t.start for t in doc.tokens}
    ends = {t.end for t in doc.tokens}
    assert words == view(doc.text)  # the same tokeniser without a segmented document
    for w in words:
        assert w.start in starts and w.end in ends
        assert w.form == fold(doc.text[w.start:w.end], keep_madda=True)


@pytest.mark.parametrize("text", NEWS)
def test_stages_read_the_same_view_with_or_without_a_document(text: str) -> None:
    tokens = find_tokens(text)
    published = dt.date(2024, 6, 17)
    dates = find_dates(text, published, tokens)
    assert dates == find_dates(text, published)
    assert find_quantities(text, amount_free(dates), tokens) == find_quantities(text, amount_free(dates))


def test_view_keeps_madda_and_reads_eastern_digits() -> None:
    words = view("في آب ٢٠٢٤")
    assert [(w.form, w.kind) for w in words] == [("في", "word"), ("آب", "word"), ("2024", "num")]


@pytest.mark.parametrize(("form", "value"), [
    ("1.311.017", Decimal(1311017)),  # dots group thousands
    ("5,715,969", Decimal(5715969)),
    ("1.500.000,5", Decimal("1500000.5")),
    ("3,500.5", Decimal("3500.5")),
    ("2,4", Decimal("2.4")),  # a decimal comma: 2,4 مليار
    ("٣٫٥", Decimal("3.5")),
    ("5.1.1", None),  # a version
    ("2354,2340,5721", None),  # telephone extensions
])
def test_number_tokens_read_as_one_number_or_none(form: str, value: Decimal | None) -> None:
    assert digits_value(form) == value


@pytest.mark.parametrize(("text", "found"), [
    ("بلغ عدد الحجاج 1.311.017 حاجا", [("1.311.017 حاجا", 1311017.0, "حاج")]),
    ("حريق في مساحة 200×200 متر", [("200", 200.0, None), ("200 متر", 200.0, "m")]),
    ("يعمل بنظام أندرويد إصدار 5.1.1، مع واجهة جديدة", []),
])
def test_amounts_read_from_the_one_tokeniser(text: str, found: list[tuple[str, float, str | None]]) -> None:
    got = [(text[q.span.start:q.span.end], q.value, q.unit) for q in find_quantities(text, [])]
    assert got == found


def test_times_and_divide_signs_are_symbols_not_latin_letters() -> None:
    text = "مساحة 200×200 متر و6÷3"
    assert [(text[t.start:t.end], t.kind) for t in find_tokens(text)] == [
        ("مساحة", "word"), ("200", "number"), ("×", "symbol"), ("200", "number"), ("متر", "word"),
        ("و", "word"), ("6", "number"), ("÷", "symbol"), ("3", "number")]
