"""Sentences: Arabic and Latin punctuation, quotes across full stops, abbreviations, datelines."""

from __future__ import annotations

import pytest

import marsad
from marsad.stages.segment import find_dateline, find_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_sentences(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("وصل الوفد إلى القاهرة. وبدأت المحادثات مساء اليوم.",
     ["وصل الوفد إلى القاهرة.", "وبدأت المحادثات مساء اليوم."]),
    ("هل ستنجح المفاوضات؟ لا أحد يعرف! لكن الأمل قائم.",
     ["هل ستنجح المفاوضات؟", "لا أحد يعرف!", "لكن الأمل قائم."]),
    ("قال د. محمد البرادعي إن الاتفاق مهم. وأضاف أن التنفيذ أهم.",
     ["قال د. محمد البرادعي إن الاتفاق مهم.", "وأضاف أن التنفيذ أهم."]),
    ("ألقى أ. د. سامي كلمة في الافتتاح. ثم غادر القاعة.",
     ["ألقى أ. د. سامي كلمة في الافتتاح.", "ثم غادر القاعة."]),
    ("بلغ النمو 3.5 في المئة العام الماضي. وهو أعلى معدل.",
     ["بلغ النمو 3.5 في المئة العام الماضي.", "وهو أعلى معدل."]),
    ("وقال الوزير: «لن نقبل بذلك. هذا خط أحمر». ثم غادر.",
     ["وقال الوزير: «لن نقبل بذلك. هذا خط أحمر».", "ثم غادر."]),
    ("وقال: “الأطراف تعمل على الاتفاق. القرار لم يتخذ بعد”. وأضاف أنه متفائل.",
     ["وقال: “الأطراف تعمل على الاتفاق. القرار لم يتخذ بعد”.", "وأضاف أنه متفائل."]),
    ("قال المتحدث \"سنرد قريبا. الرد سيكون قاسيا\" وفق الوكالة. انتهى المؤتمر.",
     ["قال المتحدث \"سنرد قريبا. الرد سيكون قاسيا\" وفق الوكالة.", "انتهى المؤتمر."]),
    ("He said the talks ended. They will resume on Monday.",
     ["He said the talks ended.", "They will resume on Monday."]),
    ("انتظروا النتائج... ثم أعلنوا الفوز.", ["انتظروا النتائج...", "ثم أعلنوا الفوز."]),
])
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_unbalanced_quote_does_not_swallow_the_rest() -> None:
    text = "قال الوزير «لن نقبل بذلك. ثم غادر القاعة. وانتهى الاجتماع. وعاد الوفد إلى بلاده."
    assert len(sentences(text)) == 4


def test_list_items_are_sentences_of_their_own() -> None:
    text = "وتشمل الاتفاقية:\n- التعاون العسكري\n- التبادل التجاري\n- التعليم"
    assert sentences(text) == ["وتشمل الاتفاقية:", "- التعاون العسكري", "- التبادل التجاري", "- التعليم"]


def test_paragraph_without_final_punctuation_is_a_sentence() -> None:
    assert sentences("عنوان بلا نقطة\nنص الفقرة الأولى.") == ["عنوان بلا نقطة", "نص الفقرة الأولى."]


@pytest.mark.parametrize(("text", "dateline"), [
    ("الرياض (رويترز) - أعلنت وزارة الطاقة السعودية اليوم عن خفض الإنتاج.", "الرياض (رويترز) - "),
    ("القاهرة - قال مسؤول مصري إن المحادثات مستمرة.", "القاهرة - "),
    ("بيروت – أ ف ب: شهدت العاصمة اللبنانية احتجاجات.", "بيروت – أ ف ب: "),
])
def test_dateline(text: str, dateline: str) -> None:
    span = find_dateline(text)
    assert span is not None and text[span.start:span.end] == dateline


def test_no_dateline_in_an_ordinary_sentence() -> None:
    assert find_dateline("قال الرئيس إن الحكومة ستستقيل - بحسب مصادر مطلعة.") is None


def test_example_sentences_cover_the_text(example_text: str) -> None:
    doc = marsad.analyze(example_text, "2024-06-17")
    assert len(doc.sentences) > 20
    joined = "".join(doc.text[s.start:s.end] for s in doc.sentences)
    assert joined.replace(" ", "") == doc.text.replace(" ", "").replace("\n", "")


@pytest.mark.parametrize(("text", "expected"), [
    # scraping lost the space after the full stop
    ("قتل تسعة في هجوم على قرية شمالي الكاميرون.وأصيب 11 شخصا آخرين.",
     ["قتل تسعة في هجوم على قرية شمالي الكاميرون.", "وأصيب 11 شخصا آخرين."]),
    # ... or after the closing quotation mark
    ("وقال الحاكم إنه «لم يحدث تبادل لإطلاق النار».وذكر باكاري إن قوات الأمن تحقق.",
     ["وقال الحاكم إنه «لم يحدث تبادل لإطلاق النار».", "وذكر باكاري إن قوات الأمن تحقق."]),
    # acronyms and abbreviations spelled with full stops are no sentence ends
    ("وقال أوباما في مقابلة مع بي.بي.سي إن الاتفاق جيد.", ["وقال أوباما في مقابلة مع بي.بي.سي إن الاتفاق جيد."]),
    ("وقال داود أوغلو لقناة (ايه.تي.في) التركية إن الغارات مستمرة.",
     ["وقال داود أوغلو لقناة (ايه.تي.في) التركية إن الغارات مستمرة."]),
    ("وحضر د.محمد الاجتماع.", ["وحضر د.محمد الاجتماع."]),
])
def test_a_full_stop_glued_to_the_next_word_ends_a_sentence(text: str, expected: list[str]) -> None:
    assert [text[s.start:s.end] for s in find_sentences(text)] == expected
