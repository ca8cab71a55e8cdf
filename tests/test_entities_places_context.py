"""Ambiguous names read in the story's context: a place of the states the article names, a
division after محافظة, no foreign city after a small-place noun, a club of the story's state."""

from __future__ import annotations

from collections import Counter

from conftest import entity_by_mention, kb_reading, tagged_reading
from marsad.stages.entities import kb as kbmod
from marsad.stages.entities.kb import PlaceReading
from marsad.stages.entities.places import HeadLevel, choose_reading, division_states, dominant_state


def test_a_district_of_the_storys_state_is_not_a_foreign_capital() -> None:
    doc = kb_reading("وشنت طائرات التحالف غارات على منطقة الرباط شرق صنعاء وقتل عدد من المسلحين الحوثيين.")
    rabat = entity_by_mention(doc)["الرباط"]
    assert rabat.country == "YEM" and rabat.kb_id is None


def test_the_capital_keeps_its_reading_in_a_story_on_its_state() -> None:
    doc = kb_reading("ووصل وزير الخارجية إلى الرباط في زيارة رسمية إلى المغرب تستمر يومين.")
    assert entity_by_mention(doc)["الرباط"].kb_id == "place:rabat"


def test_a_small_foreign_town_takes_the_storys_state() -> None:
    # كارولينا is a town of Puerto Rico in the gazetteer; in a story on the United States it is
    # one of the Carolinas: named, with the story's state, not linked.
    doc = tagged_reading("وقال حاكم كارولينا إن الفيضانات أغرقت مئات المنازل، فيما أعلن الرئيس الأمريكي باراك "
                       "أوباما حالة الطوارئ في الولايات المتحدة.", [("كارولينا", "GPE")])
    carolina = entity_by_mention(doc)["كارولينا"]
    assert (carolina.name_en, carolina.country, carolina.kb_id) == ("Carolina", "USA", None)


def test_a_governorate_after_its_class_noun_is_the_division_not_its_seat() -> None:
    doc = kb_reading("وقصفت الطائرات مواقع للمتمردين في محافظة صعدة شمال اليمن.")
    assert entity_by_mention(doc)["صعدة"].kb_id == "geo:YEM:Saada"


def test_a_division_the_subdivision_list_misnames_keeps_the_city() -> None:
    doc = kb_reading("وتقدمت القوات نحو محافظة الحديدة غرب اليمن.")
    assert entity_by_mention(doc)["الحديدة"].name_en == "Hodeidah"


def test_a_governorate_places_a_context_only_name_in_its_state() -> None:
    # المقاومة الشعبية is Yemen's only in a story on Yemen: Hadhramaut says so.
    doc = kb_reading("وقال قائد في المقاومة الشعبية إن المعارك مستمرة في حضرموت منذ أسبوع.")
    assert entity_by_mention(doc)["المقاومة الشعبية"].kb_id == "popular_resistance_yem"


def test_common_words_are_no_divisions() -> None:
    doc = kb_reading("وقال إن المنطقة الوسطى تشهد ارتفاعا في درجات الحرارة وإن العاصمة هادئة.")
    assert division_states(doc, kbmod.load()) == []


def test_a_club_name_of_two_states_takes_the_storys_state() -> None:
    saudi = kb_reading("وعقد مدرب الفريق الأول بالنادي الأهلي مؤتمرا صحفيا قبل مواجهة الهلال في جدة.")
    assert entity_by_mention(saudi)["النادي الأهلي"].kb_id == "al_ahli_sau"
    egypt = kb_reading("وأعلن مجلس إدارة النادي الأهلي المصري رفضه قرار اتحاد الكرة.")
    assert entity_by_mention(egypt)["النادي الأهلي"].kb_id == "al_ahly"


def test_a_cup_named_after_an_office_names_no_holder() -> None:
    doc = kb_reading("وتأهل الفريق إلى دور الستة عشر من بطولة كأس ولي العهد السعودي بعد فوزه أمس.", "2015-08-01")
    assert not [e for e in doc.entities if e.type == "PER"]


def test_the_storys_state_is_the_one_named_most() -> None:
    assert dominant_state(Counter({"YEM": 3, "SAU": 1})) == "YEM"
    assert dominant_state(Counter({"YEM": 2, "SAU": 2})) is None


def test_with_no_reading_in_the_story_a_linked_place_without_a_head_stays() -> None:
    rabat = PlaceReading("place:rabat", "Rabat", "MAR", city=True)
    assert choose_reading(rabat, [rabat], Counter({"USA": 2}), HeadLevel()) is None
    unlinked = choose_reading(rabat, [rabat], Counter({"USA": 2}), HeadLevel(small=True))
    assert unlinked == PlaceReading(None, "Rabat", "USA")


def test_a_famous_city_keeps_its_reading_in_a_story_naming_another_state() -> None:
    # فيينا is also a town of the United States in the gazetteer: a story naming the United
    # States does not move Vienna there.
    doc = kb_reading("ووقعت إيران والولايات المتحدة الاتفاق النووي في فيينا بعد مفاوضات طويلة.")
    assert entity_by_mention(doc)["فيينا"].kb_id == "place:vienna"


def test_a_nationality_adjective_after_a_place_names_its_state() -> None:
    doc = tagged_reading("ويقيم الفريق معسكرا إعداديا في مدينة لورد الفرنسية قبل عودته إلى الرياض.",
                       [("لورد", "GPE")])
    assert entity_by_mention(doc)["لورد"].country == "FRA"


def test_a_famous_city_gives_way_only_to_a_state_named_twice() -> None:
    rabat = PlaceReading("place:rabat", "Rabat", "MAR", city=True)
    district = PlaceReading(None, "Marbat", "YEM")
    small = HeadLevel(small=True)
    assert choose_reading(rabat, [rabat, district], Counter({"YEM": 1}), small, prominent=True) is None
    assert choose_reading(rabat, [rabat, district], Counter({"YEM": 2}), small, prominent=True) == district
