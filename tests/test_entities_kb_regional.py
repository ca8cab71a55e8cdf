"""The knowledge base knows the region's coalitions, armed groups, parties, state bodies,
companies and outlets (curated in data/kb/organisations.tsv, bodies.tsv and outlets.tsv)."""

from __future__ import annotations

import pytest

from conftest import entity_by_mention, kb_reading


@pytest.mark.parametrize(("text", "mention", "kb_id"), [
    ("وشنت مقاتلات التحالف العربي غارات على مواقع المتمردين في صعدة.", "التحالف العربي", "saudi_led_coalition"),
    ("وقصفت طائرات التحالف الدولي مواقع التنظيم قرب الرقة.", "التحالف الدولي", "global_coalition_isis"),
    ("وباشرت قوات الطوارئ الخاصة تأمين محيط الموقع بعد البلاغ.", "قوات الطوارئ الخاصة", "sef_sau"),
    ("وأصدرت هيئة كبار العلماء بيانا يدين الهجوم.", "هيئة كبار العلماء", "senior_scholars_sau"),
    ("وقالت المنظمة الدولية للهجرة إن آلاف المهاجرين عبروا البحر.", "المنظمة الدولية للهجرة", "iom"),
    ("ونشر المقطع على موقع يوتيوب وحصد آلاف المشاهدات.", "يوتيوب", "youtube"),
    ("وأعلنت شركة موبايلي نتائجها المالية للربع الثاني.", "موبايلي", "mobily"),
    ("وقال مؤسس الجيش السوري الحر إن المعارك مستمرة.", "الجيش السوري الحر", "fsa"),
])
def test_regional_organisation_is_linked(text: str, mention: str, kb_id: str) -> None:
    entity = entity_by_mention(kb_reading(text, "2015-09-01"))[mention]
    assert (entity.type, entity.kb_id) == ("ORG", kb_id)


def test_a_name_that_is_also_a_phrase_needs_its_state() -> None:
    # المقاومة الشعبية ("popular resistance") is Yemen's only in an article on Yemen.
    yemen = kb_reading("وسيطرت المقاومة الشعبية على مدينة عدن جنوب اليمن.", "2015-08-01")
    assert entity_by_mention(yemen)["المقاومة الشعبية"].kb_id == "popular_resistance_yem"
    elsewhere = kb_reading("وتحدث الكاتب عن المقاومة الشعبية في تاريخ الشعوب.", "2015-08-01")
    assert "المقاومة الشعبية" not in entity_by_mention(elsewhere)


def test_a_news_agency_by_its_short_name_in_an_outlet_context() -> None:
    doc = kb_reading("وقال المسؤول لـ«الفرنسية» إن المحادثات ستستأنف.", "2015-08-01")
    assert entity_by_mention(doc)["الفرنسية"].kb_id == "afp"


@pytest.mark.parametrize(("text", "published", "title", "kb_id"), [
    ("واستقبل وزير الدفاع السعودي نظيره الفرنسي في جدة.", "2015-08-01", "وزير الدفاع السعودي", "mbs"),
    ("وأكد وزير الخارجية التركي أن بلاده لن تتدخل.", "2015-01-10", "وزير الخارجية التركي", "cavusoglu"),
    ("وقال وزير الدفاع الأمريكي إن القوات ستبقى.", "2016-03-01", "وزير الدفاع الأمريكي", "ash_carter"),
    ("وأعلن رئيس الوزراء اليمني عودة الحكومة إلى عدن.", "2015-09-20", "رئيس الوزراء اليمني", "bahah"),
])
def test_a_title_links_the_holder_on_the_publication_date(text: str, published: str, title: str, kb_id: str) -> None:
    assert entity_by_mention(kb_reading(text, published))[title].kb_id == kb_id


@pytest.mark.parametrize(("text", "mention", "name_en"), [
    ("وقاتل المسلحون الأكراد القوات الحكومية قرب الحدود.", "الأكراد", "Kurds"),
    ("وفر آلاف الإيزيديين من جبل سنجار.", "الإيزيديين", "Yazidis"),
])
def test_a_people_without_a_state_is_norp_not_an_organisation(text: str, mention: str, name_en: str) -> None:
    entity = entity_by_mention(kb_reading(text))[mention]
    assert (entity.type, entity.name_en) == ("NORP", name_en)
