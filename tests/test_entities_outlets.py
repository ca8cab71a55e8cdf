"""News outlets named by their context, not read as the place or word of the same name."""

from __future__ import annotations

import pytest

from conftest import entity_by_mention, kb_reading


@pytest.mark.parametrize(("text", "mention", "kb_id"), [
    ("وأكد مسؤول لـ«الرياض» أن المشروع سيكتمل قريبا.", "الرياض", "alriyadh"),
    ('وقال المتحدث لـ"الشرق الأوسط" إن الاتفاق قريب.', "الشرق الأوسط", "asharq"),
    ("ونقلت صحيفة عكاظ عن مصادر أن القرار صدر.", "عكاظ", "okaz"),
    ('وذكرت جريدة "الحياة" أن الوفد وصل.', "الحياة", "alhayat"),
    # an interview: the quoted name after مع or the verb that conducted it
    ("وقال جعجع، خلال حوار أجرته معه «الشرق الأوسط»، إن إيران تعطل الانتخابات.", "الشرق الأوسط", "asharq"),
    ('وأوضح الوزير في مقابلة مع "الرياض" أن المشروع سيكتمل.', "الرياض", "alriyadh"),
    # an agency's initials in a credit
    ("وقالت المصادر (د ب أ) إن الطائرات قصفت المواقع.", "د ب أ", "dpa"),
    # a quoted outlet after «بحسب»
    ('وبحسب "الفرنسية" يهدف تشغيل القناة إلى زيادة الدخل.', "الفرنسية", "afp"),
])
def test_outlet_in_context_is_the_outlet(text: str, mention: str, kb_id: str) -> None:
    entity = entity_by_mention(kb_reading(text))[mention]
    assert (entity.type, entity.kb_id) == ("ORG", kb_id)


def test_an_unquoted_name_after_ma_is_still_the_place() -> None:
    doc = kb_reading("وبحث الوزير التعاون مع الرياض في مجال الطاقة.")
    assert [e.kb_id for e in doc.entities if e.type == "ORG"] == []


def test_same_name_outside_an_outlet_context_is_the_place() -> None:
    doc = kb_reading("ووصل الوفد إلى الرياض أمس، وقال رئيسه لـ«الرياض» إن الزيارة ناجحة.")
    places = [e for e in doc.entities if e.kb_id == "place:riyadh"]
    outlets = [e for e in doc.entities if e.kb_id == "alriyadh"]
    assert len(places) == 1 and len(outlets) == 1
    assert places[0].mentions[0].start < outlets[0].mentions[0].start


def test_quoted_unknown_name_after_a_class_noun_is_an_unlinked_outlet() -> None:
    doc = kb_reading('ونشرت صحيفة "المرصد" تقريرا عن الحادث.')
    entity = entity_by_mention(doc)["المرصد"]
    assert (entity.type, entity.kb_id) == ("ORG", None)


@pytest.mark.parametrize(("text", "mention", "kb_id"), [
    ("وتفاعل المغردون على موقع «تويتر» مع الخبر منذ الصباح.", "تويتر", "twitter"),
    ("ونشرت الوزارة المقطع على موقع “يوتيوب” مساء أمس.", "يوتيوب", "youtube"),
])
def test_quoted_platform_after_a_class_noun_is_the_known_organisation(text: str, mention: str, kb_id: str) -> None:
    # موقع «X» marks an outlet's name; a platform the knowledge base lists keeps its link.
    entity = entity_by_mention(kb_reading(text))[mention]
    assert (entity.type, entity.kb_id) == ("ORG", kb_id)


def test_quoted_word_after_li_that_is_no_outlet_is_left_alone() -> None:
    doc = kb_reading('وقال لـ"الجميع" إن الوضع صعب.')
    assert "الجميع" not in entity_by_mention(doc)


@pytest.mark.parametrize(("text", "mention", "kb_id"), [
    ('وقال مصدر عسكري "للرياض" إن القوات تقدمت نحو المدينة.', "للرياض", "alriyadh"),
    ('وأوضح المدير «لعكاظ» أن المشروع سيفتتح الشهر المقبل.', "عكاظ", "okaz"),
])
def test_outlet_quoted_with_the_preposition_inside_the_quotes(text: str, mention: str, kb_id: str) -> None:
    entity = entity_by_mention(kb_reading(text))[mention]
    assert (entity.type, entity.kb_id) == ("ORG", kb_id)


def test_quoted_word_with_li_that_names_no_outlet_is_no_outlet() -> None:
    doc = kb_reading('وقال المسؤول "للجميع" إن الوضع صعب في الرياض.')
    assert all(e.kb_id != "alriyadh" for e in doc.entities)
    assert "للجميع" not in entity_by_mention(doc)


@pytest.mark.parametrize(("text", "name"), [
    ("وكتبت صحيفة صباح الموالية للحكومة في افتتاحيتها أن الهجوم عمل انتقامي.", "صباح"),
    ("وقالت صحيفة حرييت، إن الحكومة تدرس القرار.", "حرييت"),
])
def test_an_unquoted_paper_name_after_a_press_noun_is_an_outlet(text: str, name: str) -> None:
    entity = entity_by_mention(kb_reading(text))[name]
    assert (entity.type, entity.kb_id) == ("ORG", None)


@pytest.mark.parametrize("text", [
    "وذكرت صحيفة محلية أن الهجوم وقع أمس.",          # a nisba adjective
    "وتصدر الشركة أيضا مجلة أزياء تسمى «لائقة».",   # a listed common noun
    "واحتلت جريدة عرب نيوز المركز الأول.",           # a name of several words, left to the tagger
])
def test_a_press_noun_before_an_adjective_or_a_longer_name_makes_no_one_word_outlet(text: str) -> None:
    doc = kb_reading(text)
    assert all(len(doc.text[m.start:m.end].split()) != 1 or e.type != "ORG" or e.kb_id is not None
               for e in doc.entities for m in e.mentions)
