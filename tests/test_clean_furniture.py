"""Agency and site furniture: datelines and bylines on their own line, end markers, time stamps,
link and tag lines, and captions told from the story by what they say (issue: clean bodies)."""

from __future__ import annotations

import datetime as dt

import pytest

import marsad
from marsad.stages.clean import clean_text, split_dateline

BODY = ("التقى وزير الخارجية اليوم في العاصمة نظيره الروسي، وجرى خلال اللقاء استعراض العلاقات "
        "الثنائية بين البلدين وسبل تعزيزها في المجالات كافة.")
BODY2 = "وأضاف الوزير أن الجانبين بحثا الأوضاع في المنطقة والجهود المبذولة لتوفير المساعدات الإنسانية."


@pytest.mark.parametrize(("line", "place", "agency", "author"), [
    ("الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس", "الرياض", "واس", None),
    ("جدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس", "جدة", "واس", None),
    ("عين اليوم – الرياض", "الرياض", "عين اليوم", None),
    ("بيروت – أ ف ب", "بيروت", "أ ف ب", None),
    ("محمد السريعي – عين اليوم", None, "عين اليوم", "محمد السريعي"),
])
def test_a_dateline_on_its_own_line_is_taken_out_and_kept_as_the_dateline(
        line: str, place: str | None, agency: str, author: str | None) -> None:
    cleaned = clean_text(f"{line}\n{BODY}\n{BODY2}", has_title=True)
    assert [(r.text, r.reason, r.line) for r in cleaned.removed] == [(line, "byline", 1)]
    assert cleaned.text == f"{BODY}\n{BODY2}"
    assert cleaned.dateline is not None and cleaned.dateline.span is None
    assert (cleaned.dateline.place, cleaned.dateline.agency, cleaned.dateline.author) == (place, agency, author)


def test_the_dateline_keeps_the_day_it_names_in_the_document() -> None:
    doc = marsad.analyze(f"موسكو 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس\n{BODY}\n{BODY2}",
                         published=dt.date(2015, 8, 11))
    dateline = doc.to_dict()["dateline"]
    assert dateline["place"] == "موسكو" and dateline["agency"] == "واس" and dateline["date"] == "2015-08-11"
    assert "واس" not in doc.text and doc.removed[0].reason == "byline"


@pytest.mark.parametrize("title", [
    "مؤتمر جنيف 2 يبدأ 22 يناير",
    "قال مسؤول لرويترز إن المحادثات مستمرة.",
    "الرياض تستضيف القمة الخليجية",
])
def test_titles_and_sentences_are_no_datelines(title: str) -> None:
    assert split_dateline(title) is None


@pytest.mark.parametrize(("line", "reason"), [
    ("// انتهى //", "boilerplate"),
    ("//انتهى//", "boilerplate"),
    ("// يتبع //", "boilerplate"),
    ("16:31 ت م", "boilerplate"),
    ("...المزيد", "boilerplate"),
    ("رابط الخبر بصحيفة الوئام: أسعار النفط تغلق على تراجع في ختام تعاملات الأسبوع", "boilerplate"),
    ("شارك من خلال تويتر فيسبوك واتساب", "boilerplate"),
    ("تابعونا على @marsad", "boilerplate"),
])
def test_agency_and_site_furniture_inside_the_body(line: str, reason: str) -> None:
    cleaned = clean_text(f"{BODY}\n{line}\n{BODY2}", has_title=True)
    assert [(r.text, r.reason) for r in cleaned.removed] == [(line, reason)]
    assert line not in cleaned.text


def test_tags_at_the_end_on_their_own_line_or_glued_to_the_last_paragraph() -> None:
    alone = clean_text(f"{BODY}\n{BODY2}\nسمات الطاقة المتجددة الرياض", has_title=True)
    assert [(r.text, r.reason) for r in alone.removed] == [("سمات الطاقة المتجددة الرياض", "boilerplate")]
    glued = clean_text(f"{BODY}\n{BODY2} سمات الطاقة المتجددة الرياض", has_title=True)
    assert [(r.text, r.reason) for r in glued.removed] == [("سمات الطاقة المتجددة الرياض", "boilerplate")]
    assert glued.text == f"{BODY}\n{BODY2}"


def test_a_tag_word_inside_the_story_stays() -> None:
    text = f"{BODY}\nسمات المرحلة المقبلة كثيرة كما قال الوزير في ختام حديثه للصحفيين في الرياض.\n{BODY2}"
    assert clean_text(text, has_title=True).removed == []


@pytest.mark.parametrize("line", [
    "تحرير تعز من الميليشيات بات مسألة وقت",
    "كتب في العديد من الصحف والمجلات المحلية في مجالات متعددة.",
    "صورة مع التحية: لكل من يهمه الأمر.",
    "الصورة من هذه الزاوية تبدو معقولة كمنطق سياسي متجرد يراقب المصالح من جهة أخرى.",
    "شارك في العديد من الندوات والمؤتمرات الصحفية والأدبية داخل المملكة وخارجها.",
    "إعلان التعاقد مع الشركات الراعية",
])
def test_body_lines_that_start_like_furniture_stay(line: str) -> None:
    cleaned = clean_text(f"{BODY}\n{line}\n{BODY2}", has_title=True)
    assert cleaned.removed == [] and line in cleaned.text


def test_after_a_credit_the_story_goes_on_and_a_caption_goes() -> None:
    story = "أعلنت وزارة الداخلية اليوم القبض على خلية من ثمانية أشخاص في المنطقة الشرقية"
    kept = clean_text(f"{BODY}\nرويترز\n{story}\n{BODY2}", has_title=True)
    assert [r.reason for r in kept.removed] == ["credit"] and story in kept.text
    caption = "الرئيس الروسي ونظيره الصيني خلال قمة شنغهاي في يونيو 2024"
    gone = clean_text(f"{BODY}\nرويترز\n{caption}\n{BODY2}", has_title=True)
    assert [r.reason for r in gone.removed] == ["credit", "caption"] and caption not in gone.text


def test_a_title_in_quotation_marks_is_a_title() -> None:
    cleaned = clean_text(f"«الجبير يلتقي لافروف في موسكو»\n{BODY}\n{BODY2}")
    assert cleaned.title == "الجبير يلتقي لافروف في موسكو"
    assert cleaned.text == f"{BODY}\n{BODY2}"


def test_html_entities_in_a_feed_title_are_decoded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "' + BODY + '", "title": "&quot;الحوثيون&quot; يقصفون عدن"}\n', encoding="utf-8")
    doc = marsad.analyze(feed)
    assert doc.title == '"الحوثيون" يقصفون عدن'
