"""Events stage: the sides of a war report (marsad.stages.events.sides), and visits named by their
visitor.  A fight that names one side takes the other from the enemies the article told fighting
it; a clash naming neither takes the story's leading pair; the lent actors are marked implied and
point at a real mention.  Sentences written for these tests, in the style of SaudiNewsNet's
reports (outside every held-apart set)."""

from __future__ import annotations

import json

import marsad
from marsad.core.document import Actor, Document, Event

PUBLISHED = "2015-07-27"
LEAD = "عدن - وكالات: قالت مصادر في الحكومة اليمنية إن المعارك تتواصل في عدة محافظات. "
STRIKES = "وشنت طائرات التحالف العربي غارات على مواقع الحوثيين في محافظة لحج. "
HOUTHIS = "Houthis"
COALITION = "Saudi-led coalition"


def on(doc: Document, trigger: str) -> list[Event]:
    return [e for e in doc.events if trigger in doc.span_text(e.trigger)]


def names(doc: Document, actors: tuple[Actor, ...]) -> set[str | None]:
    return {doc.entities[a.entity].name_en if a.entity is not None else None for a in actors}


def test_a_seizure_told_with_its_doer_alone_is_from_the_doers_enemy() -> None:
    doc = marsad.analyze(LEAD + STRIKES + "وقالت المصادر إن قوات التحالف سيطرت على عدة مواقع قرب قاعدة العند.",
                         published=PUBLISHED)
    (ev,) = on(doc, "سيطرت")
    assert COALITION in names(doc, ev.source)
    assert names(doc, ev.target) == {HOUTHIS}
    assert all(a.implied for a in ev.target)
    # the lent actor is the enemy's mention nearest before the trigger, so its span is exact
    for a in ev.target:
        assert doc.span_text(a.span) in doc.text[:ev.trigger.start]


def test_without_a_fight_naming_both_sides_nothing_is_lent() -> None:
    doc = marsad.analyze(LEAD + "وقالت المصادر إن قوات التحالف سيطرت على عدة مواقع قرب قاعدة العند.",
                         published=PUBLISHED)
    (ev,) = on(doc, "سيطرت")
    assert not ev.target


def test_a_clash_naming_no_side_is_between_the_leading_pair() -> None:
    doc = marsad.analyze(LEAD + STRIKES + "وسقط عشرات القتلى والجرحى في المواجهات التي دارت أمس.",
                         published=PUBLISHED)
    (ev,) = on(doc, "المواجهات")
    assert names(doc, ev.source) == names(doc, ev.target) == {HOUTHIS, COALITION}
    assert all(a.implied for a in (*ev.source, *ev.target))


def test_an_air_raid_takes_as_doer_only_a_side_told_raiding_from_the_air() -> None:
    # the Houthis' enemy in this story is told fighting on the ground only: a raid on them has no
    # doer the article gives
    ground = (LEAD + "وقالت المصادر إن قوات الحكومة هاجمت مواقع الحوثيين في لحج. "
              "وقصفت طائرات غارات على مواقع الحوثيين في تعز.")
    doc = marsad.analyze(ground, published=PUBLISHED)
    for ev in on(doc, "غارات"):
        assert not any(a.implied for a in ev.source)


def test_implied_actors_are_marked_in_json_and_read_back() -> None:
    doc = marsad.analyze(LEAD + STRIKES + "وقالت المصادر إن قوات التحالف سيطرت على عدة مواقع قرب قاعدة العند.",
                         published=PUBLISHED)
    data = json.loads(doc.to_json())
    lent = [a for e in data["events"] for a in e["target"] if a.get("implied")]
    assert lent and all(data["text"][a["start"]:a["end"]] == a["text"] for a in lent)
    back = Document.from_json(doc.to_json())
    assert [a.implied for e in back.events for a in e.target] == [a.implied for e in doc.events for a in e.target]
    # actors stated in the text carry no mark at all
    assert all("implied" not in a for e in data["events"] for a in e["source"])


def test_the_owner_of_an_attacked_position_is_the_target_not_the_subject() -> None:
    doc = marsad.analyze(LEAD + "واستهدفت غارات جوية مواقع الحوثيين في تعز.", published=PUBLISHED)
    (ev,) = on(doc, "استهدفت")
    assert HOUTHIS not in names(doc, ev.source)
    assert names(doc, ev.target) == {HOUTHIS}


def test_a_centre_that_receives_guests_is_still_its_subject() -> None:
    # (owned objects matter to attacks only: «استقبل مركز حمدان بن محمد السياح» is the centre hosting)
    doc = marsad.analyze("وفي الإمارات، استقبل مركز حمدان بن محمد لإحياء التراث الزوار بباقة من الفعاليات.",
                         published=PUBLISHED)
    for ev in on(doc, "استقبل"):
        assert not any(doc.span_text(a.span).startswith("حمدان") for a in ev.target)


def test_a_visit_named_by_its_visitor_is_an_event_and_its_visitor_the_source() -> None:
    # «بعد زيارة وزير الدفاع الأمريكي أشتون كارتر لإسرائيل»: a person named right after the noun
    doc = marsad.analyze("وجاءت تصريحات نتنياهو بعد زيارة وزير الدفاع الأمريكي أشتون كارتر لإسرائيل.",
                         published=PUBLISHED)
    (ev,) = [e for e in doc.events if e.type == "CONSULT"]
    assert "Ash Carter" in names(doc, ev.source)
    assert "ISR" in {doc.entities[a.entity].country for a in ev.target if a.entity is not None}


def test_visits_as_a_topic_are_no_event() -> None:
    doc = marsad.analyze("وتحدث الكاتب عن أهمية الزيارات المتبادلة بين الشعوب.", published=PUBLISHED)
    assert not [e for e in doc.events if e.type == "CONSULT"]


def test_the_genitive_of_a_visit_noun_after_a_preposition_is_its_doer() -> None:
    doc = marsad.analyze("ونظر المراقبون إلى زيارة بوتين لكوريا الشمالية باعتبارها فرصة لتعزيز العلاقات.",
                         published=PUBLISHED)
    (ev,) = [e for e in doc.events if e.type == "CONSULT"]
    assert names(doc, ev.source) == {"Vladimir Putin"}


def test_a_visit_named_again_with_its_parties_is_the_visit_told_before() -> None:
    doc = marsad.analyze("زار الرئيس الروسي فلاديمير بوتين كوريا الشمالية أمس. "
                         "ويرى محللون في زيارة بوتين لكوريا الشمالية فرصة لتعزيز العلاقات.",
                         published=PUBLISHED)
    visits = [e for e in doc.events if e.type == "CONSULT" and e.mode == "visit"]
    assert len(visits) == 1 and visits[0].sentences == (0, 1)


def test_the_owner_of_a_counted_object_is_the_target() -> None:
    # «عددا من مواقع التنظيم»: the من is the count's; the owner of the positions is the target
    doc = marsad.analyze("الموصل - وكالات: قال مسؤولون إن تنظيم داعش أعدم عشرة أشخاص. ودمرت طائرات "
                         "التحالف الدولي عددا من مواقع التنظيم في الموصل.", published=PUBLISHED)
    (ev,) = [e for e in doc.events if doc.span_text(e.trigger) == "ودمرت"]
    assert [doc.span_text(a.span) for a in ev.target] == ["التنظيم"]


def test_a_perfect_verb_opening_with_nun_is_not_the_first_person() -> None:
    # «نفت» (she denied) inside a relayed clause is the ministry's, not the relaying speaker's «we»
    doc = marsad.analyze("وخطفت جبهة النصرة ثمانية عناصر من الفرقة 30 مساء الأربعاء، بحسب ما ذكر المرصد السوري "
                         "لحقوق الإنسان، إلا أن وزارة الدفاع الأمريكية نفت الأمر.", published=PUBLISHED)
    (ev,) = [e for e in doc.events if e.type == "REJECT"]
    assert {doc.entities[a.entity].country for a in ev.source if a.entity is not None} == {"USA"}


def test_states_of_a_region_act() -> None:
    # «دول الخليج العربية»: an agent owned by a region (the Gulf, a place) is still who accuses
    doc = marsad.analyze("وتتهم أغلب دول الخليج العربية طهران بالتدخل في الشؤون العربية.", published=PUBLISHED)
    (ev,) = [e for e in doc.events if e.type == "ACCUSE"]
    assert [doc.span_text(a.span) for a in ev.source] == ["دول الخليج العربية"]


def test_a_seizure_of_a_named_place_is_from_the_doers_enemy_too() -> None:
    doc = marsad.analyze(LEAD + STRIKES + "وقالت المصادر إن قوات التحالف سيطرت على مدينة زنجبار أمس.",
                         published=PUBLISHED)
    (ev,) = on(doc, "سيطرت")
    assert HOUTHIS in names(doc, ev.target)
    assert any(a.implied for a in ev.target) and not all(a.implied for a in ev.target)
