"""Words glued by a lost hyperlink are split again; real words, names included, never are."""

from __future__ import annotations

import pytest

import marsad
from marsad.stages.clean import clean_text, split_glued


@pytest.mark.parametrize(("glued", "left", "right"), [
    ("الماضيوسافر", "الماضي", "وسافر"),
    ("بكينوهناك", "بكين", "وهناك"),
    ("الحكومةالجديدة", "الحكومة", "الجديدة"),
    ("الرئيسالأمريكي", "الرئيس", "الأمريكي"),
    ("المتحدةوالاتحاد", "المتحدة", "والاتحاد"),
])
def test_glued_words_are_split(glued: str, left: str, right: str) -> None:
    assert split_glued(glued) == (left, right)


@pytest.mark.parametrize("word", [
    "بوتين", "بيونغ", "والانتخابات", "وبالكرملين", "للمفاوضات", "فسيكتبونها", "الاستراتيجية",
    "المستشفيات", "وزارة", "استقبلتهم", "الأوكرانيين", "كالمعتاد", "ميدفيديف", "شويغو", "لافروف",
    "زيلينسكي", "بيسكوف", "الإسرائيليون", "سيناقشان", "بالمسيرات", "ومنظماتها", "الكوريتين",
])
def test_real_words_and_names_are_never_split(word: str) -> None:
    assert split_glued(word) is None


def test_each_split_is_recorded_with_its_offset_in_the_text() -> None:
    raw = "وصل الرئيس إلى العاصمة الأسبوع الماضيوسافر بعدها إلى بكينوهناك التقى نظيره."
    cleaned = clean_text(raw)
    assert cleaned.text == "وصل الرئيس إلى العاصمة الأسبوع الماضي وسافر بعدها إلى بكين وهناك التقى نظيره."
    assert [(r.before, r.after) for r in cleaned.repairs] == [("الماضيوسافر", "الماضي وسافر"),
                                                              ("بكينوهناك", "بكين وهناك")]
    for repair in cleaned.repairs:
        assert cleaned.text[repair.start:repair.start + len(repair.after)] == repair.after


def test_splitting_can_be_switched_off() -> None:
    assert "الماضيوسافر" in clean_text("عاد الأسبوع الماضيوسافر", split_words=False).text


def test_repairs_on_the_example_article(example_text: str) -> None:
    doc = marsad.analyze(example_text, "2024-06-17")
    assert {(r.before, r.after) for r in doc.repairs} == {("الماضيوسافر", "الماضي وسافر"),
                                                         ("بكينوهناك", "بكين وهناك")}
