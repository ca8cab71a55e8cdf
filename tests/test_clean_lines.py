"""The clean stage takes non-body lines out, each recorded with its reason, and keeps the story."""

from __future__ import annotations

import pytest

from marsad.stages.clean import clean_text, normalise_line

BODY = ("قال وزير الخارجية السعودي في مؤتمر صحفي بالرياض إن المملكة تدعم الحل السياسي للأزمة "
        "وتدعو جميع الأطراف إلى ضبط النفس.")
BODY2 = "وأضاف أن الاجتماع المقبل سيعقد في جنيف بمشاركة ممثلين عن الأمم المتحدة والاتحاد الأوروبي."


@pytest.mark.parametrize(("line", "reason"), [
    ("بقلم: محمد علي", "byline"),
    ("كتب - أحمد حسن", "byline"),
    ("سي إن إن", "byline"),
    ("بي بي سي عربي", "byline"),
])
def test_bylines_at_the_head(line: str, reason: str) -> None:
    cleaned = clean_text(f"{line}\n{BODY}\n{BODY2}")
    assert [(r.text, r.reason, r.line) for r in cleaned.removed] == [(line, reason, 1)]
    assert cleaned.text == f"{BODY}\n{BODY2}"


@pytest.mark.parametrize(("line", "reason"), [
    ("تصوير: أحمد حسن", "credit"),
    ("أ ف ب / غيتي إيميجز", "credit"),
    ("رويترز", "credit"),
    ("اقرأ أيضا: السعودية تستضيف قمة عربية طارئة", "boilerplate"),
    ("شارك هذا المقال", "boilerplate"),
    ("اشترك في النشرة البريدية", "boilerplate"),
])
def test_furniture_inside_the_body(line: str, reason: str) -> None:
    cleaned = clean_text(f"{BODY}\n{line}\n{BODY2}")
    assert [(r.text, r.reason) for r in cleaned.removed] == [(line, reason)]
    assert line not in cleaned.text


def test_caption_after_a_photo_credit() -> None:
    caption = "الرئيس الروسي فلاديمير بوتين خلال لقائه نظيره الكوري الشمالي في بيونغ يانغ"
    cleaned = clean_text(f"{BODY}\nسبوتنيك / رويترز\n{caption}\n{BODY2}")
    assert [(r.text, r.reason) for r in cleaned.removed] == [("سبوتنيك / رويترز", "credit"), (caption, "caption")]
    assert cleaned.text == f"{BODY}\n{BODY2}"


def test_body_paragraph_after_a_credit_is_kept_when_it_continues_the_story() -> None:
    cleaned = clean_text(f"{BODY}\nرويترز\n{BODY2}")
    assert BODY2 in cleaned.text


def test_duplicated_paragraph_is_removed_once() -> None:
    cleaned = clean_text(f"{BODY}\n{BODY2}\n{BODY}")
    assert [(r.reason, r.line) for r in cleaned.removed] == [("duplicate", 3)]
    assert cleaned.text.count(BODY) == 1


def test_long_line_starting_like_furniture_is_body_text() -> None:
    long = "شارك " + BODY + " " + BODY2
    assert long in clean_text(f"{BODY}\n{long}").text


def test_separator_line_is_removed_as_other() -> None:
    cleaned = clean_text(f"{BODY}\n—\n{BODY2}")
    assert [(r.text, r.reason) for r in cleaned.removed] == [("—", "other")]


def test_title_line_is_recognised() -> None:
    cleaned = clean_text(f"السعودية تدعو إلى ضبط النفس\n{BODY}\n{BODY2}")
    assert cleaned.title == "السعودية تدعو إلى ضبط النفس"
    assert cleaned.text.startswith("قال وزير")


@pytest.mark.parametrize(("raw", "expected"), [
    ("قال\u200f الوزير\u200b إن", "قال الوزير إن"),              # invisible controls dropped
    ("\ufefb\ufef7 \ufee3\ufeb8\ufedc\ufee0\ufe94", "لالأ مشكلة"),  # presentation forms unfolded
    ("الوزير  ,  قال  :  نعم", "الوزير, قال: نعم"),                 # spacing before punctuation
    ("مُحَمَّدٌ", "مُحَمَّدٌ"),                                      # diacritics kept in the text
    ("قا\u0644\u064e", "قالَ"),                                        # NFC keeps composed form
])
def test_normalise_only_what_must_be(raw: str, expected: str) -> None:
    assert normalise_line(raw) == expected


def test_removed_lines_keep_their_raw_line_numbers() -> None:
    cleaned = clean_text(f"بقلم: سارة محمود\n\n{BODY}\n\nتصوير: علي\n\n{BODY2}")
    assert [(r.reason, r.line) for r in cleaned.removed] == [("byline", 1), ("credit", 5)]


def test_removal_can_be_switched_off() -> None:
    cleaned = clean_text(f"بقلم: سارة محمود\n{BODY}", remove_lines=False)
    assert cleaned.removed == [] and cleaned.text.startswith("بقلم")
