"""Entities stage: nationality adjectives after nouns of forces, craft, strikes, aid and envoys are
mentions of that state's people (marsad.stages.entities.nationality), and events take them as the
doer of the noun they qualify.  Sentences written for these tests in the style of wire reports."""

from __future__ import annotations

import pytest

import marsad
from marsad.core.document import Document

PUBLISHED = "2015-07-27"


def peoples(doc: Document) -> dict[str, list[str]]:
    return {e.country or "": [doc.span_text(m) for m in e.mentions] for e in doc.entities if e.type == "NORP"}


@pytest.mark.parametrize(("text", "country", "adjective"), [
    ("قتل 14 جنديا على الأقل في غارة أمريكية على حاجز للجيش.", "USA", "أمريكية"),
    ("وقصفت مقاتلات روسية مواقع للمعارضة في ريف إدلب.", "RUS", "روسية"),
    ("ووصلت طائرة سعودية محملة بالمساعدات إلى مطار عدن.", "SAU", "سعودية"),
    ("وغادرت أولى طائرات الجسر الجوي القطري متجهة إلى صنعاء.", "QAT", "القطري"),
    ("وقال مسؤولون إن مروحيتين أمريكيتين هاجمتا حاجزا للشرطة.", "USA", "أمريكيتين"),
])
def test_a_nationality_after_a_force_craft_or_strike_is_its_states_people(
        text: str, country: str, adjective: str) -> None:
    doc = marsad.analyze(text, published=PUBLISHED)
    assert adjective in peoples(doc).get(country, [])


def test_a_nationality_after_other_nouns_is_no_mention() -> None:
    # (the adjective of an economy or a film is no actor: only the listed heads make one)
    doc = marsad.analyze("وتراجع الاقتصاد الأمريكي خلال الربع الثاني، وعرض فيلم فرنسي في المهرجان.",
                         published=PUBLISHED)
    assert not peoples(doc)


def test_the_nationality_of_a_raid_is_the_doer_of_the_killing_it_tells() -> None:
    doc = marsad.analyze("كابول - وكالات: قتل 14 جنديا أفغانيا على الأقل صباح أمس في غارة أمريكية على "
                         "حاجز للجيش في ولاية لوغار.", published=PUBLISHED)
    (ev,) = [e for e in doc.events if doc.span_text(e.trigger) == "قتل"]
    assert {doc.entities[a.entity].country for a in ev.source if a.entity is not None} == {"USA"}
    assert {doc.entities[a.entity].country for a in ev.target if a.entity is not None} == {"AFG"}


def test_a_nationality_qualifying_a_noun_after_a_preposition_is_not_the_subject() -> None:
    # «لقوات المارينز الأميركية»: the adjective takes the ل of the phrase it qualifies
    doc = marsad.analyze("وكان المسلح أطلق النار على مكتب للتجنيد لقوات المارينز الأميركية في المدينة.",
                         published=PUBLISHED)
    for ev in doc.events:
        assert not any(doc.span_text(a.span) == "الأميركية" for a in ev.source)


@pytest.mark.parametrize(("text", "trigger", "giver", "receiver"), [
    ("عدن - وكالات: توجهت طائرة سعودية ثانية محملة بالمواد الإغاثية إلى عدن أمس.", "محملة", "SAU", "YEM"),
    ("الدوحة - قنا: غادرت صباح أمس أولى طائرات الجسر الجوي القطري إلى اليمن.", "الجسر الجوي", "QAT", "YEM"),
])
def test_a_craft_loaded_with_aid_or_an_air_bridge_is_aid_from_its_nationality(
        text: str, trigger: str, giver: str, receiver: str) -> None:
    doc = marsad.analyze(text, published=PUBLISHED)
    (ev,) = [e for e in doc.events if e.type == "AID" and doc.span_text(e.trigger).startswith(trigger)]
    assert {doc.entities[a.entity].country for a in ev.source if a.entity is not None} == {giver}
    assert {doc.entities[a.entity].country for a in ev.target if a.entity is not None} == {receiver}


def test_a_loaded_truck_going_nowhere_is_no_delivery() -> None:
    doc = marsad.analyze("واحتجز الحوثيون 16 شاحنة محملة بمساعدات إنسانية تابعة لبرنامج الأغذية العالمي.",
                         published=PUBLISHED)
    assert not [e for e in doc.events if e.type == "AID"]
