"""The name inside a mention: descriptors, epithets and nationality adjectives left out (the
conventions of ANERcorp and OntoNotes), described institutions as their nationality (NORP)."""

from __future__ import annotations

import pytest

import marsad
from conftest import entity_by_mention, kb_reading
from marsad.core.document import Span
from marsad.stages.entities import assemble, find_mentions
from marsad.stages.entities import kb as kbmod
from marsad.stages.entities.core import tagged_core


@pytest.mark.parametrize(("text", "mention", "name_en"), [
    # A class noun before a name in its own right: the entity is still the whole phrase's.
    ("وقصفت الطائرات قطاع غزة ليلا.", "غزة", "Gaza Strip"),
    ("وزار الوفد دولة قطر الأسبوع الماضي.", "قطر", "Qatar"),
    ("ونقلت صحيفة هآرتس عن مصادر أمنية أن الهجوم أحبط.", "هآرتس", "Haaretz"),
    ("ورفضت حركة حماس الاقتراح الجديد.", "حماس", "Hamas"),
    # With a conjunction or preposition on the descriptor.
    ("وقال مسؤول لصحيفة هآرتس إن المفاوضات توقفت.", "هآرتس", "Haaretz"),
    # An epithet after the name.
    ("وصل الحجاج إلى مكة المكرمة أمس.", "مكة", "Mecca"),
    ("واقتحمت القوات مدنا في الضفة الغربية المحتلة.", "الضفة الغربية", "West Bank"),
    # A nationality adjective that only modifies an organisation's name.
    ("وقال حزب الله اللبناني إنه قصف مواقع عسكرية.", "حزب الله", "Hezbollah"),
    ("وصوت الكونغرس الأمريكي على الميزانية.", "الكونغرس", "United States Congress"),
    # A descriptor that is another form of the same entry only.
    ("وقالت وكالة الأونروا إن المساعدات توقفت.", "الأونروا", "UNRWA"),
])
def test_descriptors_stay_out_of_the_mention(text: str, mention: str, name_en: str) -> None:
    entity = entity_by_mention(kb_reading(text))[mention]
    assert entity.name_en == name_en


@pytest.mark.parametrize(("text", "mention"), [
    # The adjective or the class noun is part of the name itself.
    ("وقالت منظمة التحرير الفلسطينية إنها ترفض القرار.", "منظمة التحرير الفلسطينية"),
    ("وصل الوزير إلى الولايات المتحدة الأمريكية أمس.", "الولايات المتحدة الأمريكية"),
    ("وعبرت السفن قناة السويس بعد توقف.", "قناة السويس"),
    ("وبثت قناة الجزيرة المقابلة كاملة.", "قناة الجزيرة"),
    ("وقالت وزارة الدفاع الكورية الجنوبية إن الصاروخ سقط في البحر.", "وزارة الدفاع الكورية الجنوبية"),
    ("ووصلت الوفود إلى الرياض.", "الرياض"),
])
def test_names_that_hold_such_words_stay_whole(text: str, mention: str) -> None:
    assert mention in entity_by_mention(kb_reading(text))


@pytest.mark.parametrize(("text", "adjective", "country"), [
    ("وقال الجيش اللبناني إن التحقيق جار.", "اللبناني", "LBN"),
    ("وأعلنت الحكومة السودانية رفضها للاتفاق.", "السودانية", "SDN"),
    ("وقصف الجيش الإسرائيلي مواقع عسكرية ليلا.", "الإسرائيلي", "ISR"),
    ("واعتقلت الشرطة العراقية خمسة أشخاص.", "العراقية", "IRQ"),
    ("وانتشرت القوات المسلحة السودانية في المدينة.", "السودانية", "SDN"),
    ("وأكد الجيش الكوري الشمالي جاهزيته.", "الكوري الشمالي", "PRK"),
])
def test_described_institutions_are_their_nationality(text: str, adjective: str, country: str) -> None:
    doc = kb_reading(text)
    found = entity_by_mention(doc)
    assert list(found) == [adjective]
    assert (found[adjective].type, found[adjective].country) == ("NORP", country)


def test_the_nationality_of_an_institution_merges_with_its_people() -> None:
    doc = kb_reading("وقال الجيش الروسي إن الروس يدعمون العملية.")
    found = entity_by_mention(doc)
    assert found["الروسي"] is found["الروس"]
    assert found["الروس"].name_en == "Russian people"


def test_actors_of_described_institutions_act_for_their_state() -> None:
    doc = marsad.analyze("وقال الجيش الإسرائيلي إن قواته قصفت مواقع لحزب الله في جنوب لبنان.",
                         "2024-01-01")
    speaker = doc.quotes[0].speaker
    assert speaker is not None and doc.span_text(speaker.span) == "الجيش الإسرائيلي"
    assert speaker.entity is not None and doc.entities[speaker.entity].country == "ISR"


@pytest.mark.parametrize(("text", "span", "core"), [
    ("ونقلت صحيفة يديعوت أحرونوت الخبر.", "صحيفة يديعوت أحرونوت", "يديعوت أحرونوت"),
    ("وقالت شركة نيسان إن مبيعاتها ارتفعت.", "شركة نيسان", "نيسان"),
    ("وقال مسؤول في منطقة الخليل إن الطرق أغلقت.", "منطقة الخليل", "الخليل"),
    # An alias-only descriptor stays on a tagger span: the whole may be the name.
    ("وقالت وكالة الأنباء القطرية إن الأمير وصل.", "وكالة الأنباء القطرية", "وكالة الأنباء القطرية"),
    ("ونقلت صحيفة هآرتس الخبر.", "هآرتس", "هآرتس"),
])
def test_tagger_spans_lose_their_descriptor(text: str, span: str, core: str) -> None:
    doc = marsad.analyze(text, "2024-01-01", stages=("clean", "segment"))
    start = doc.text.index(span)
    trimmed = tagged_core(doc, Span(start, start + len(span)))
    assert doc.span_text(trimmed) == core


def test_tagger_span_with_a_descriptor_links_through_the_stage() -> None:
    doc = marsad.analyze("ونقلت صحيفة يديعوت أحرونوت عن مصادر أن الاتفاق قريب.", "2024-01-01",
                         stages=("clean", "segment"))
    start = doc.text.index("صحيفة")
    span = Span(start, start + len("صحيفة يديعوت أحرونوت"))
    kb = kbmod.load()
    doc.entities = assemble(doc, kb, find_mentions(doc, kb, [(span, "ORG")]))
    assert [doc.span_text(m) for e in doc.entities for m in e.mentions] == ["يديعوت أحرونوت"]
