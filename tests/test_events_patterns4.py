"""Events stage: patterns read on set F of the held-apart articles (issue 14), each on sentences
written for these tests: words that name sport only when nothing else reads them, and a verb whose
subject, the name apposed to it and a time frame are each set off by commas before its object;
judgements with a condemning predicate, protest notes, tanween and shadda telling nouns from
verbs, nisba adjectives after a definite noun, and the imperfect of fighting."""

from __future__ import annotations

import functools

import pytest

from conftest import actor_countries as countries
from conftest import events_doc
from conftest import rule_events as events_on
from marsad.stages.events import find_events

build = functools.partial(events_doc, published="2015-07-25", longest_first=True)


@pytest.mark.parametrize("text", [
    # a round of talks, not of a league
    "وأعلن المتحدث أن الجولة الثانية من المحادثات بين الحكومة الأردنية والمعارضة ستعقد في عمان.",
    # «بهدف»: with the aim of, not by a goal
    "والتقى الوزير الأردني نظيره العراقي في عمان، وذلك بهدف تعزيز التعاون بين البلدين.",
    # «الدوري»: the periodic meeting
    "وعقد مجلس الوزراء الأردني اجتماعه الدوري مع وفد عراقي في عمان.",
])
def test_words_of_aims_rounds_and_periods_are_no_sport(text: str) -> None:
    doc = build(text, (("الأردنية", "NORP", "JOR"), ("الأردني", "NORP", "JOR"), ("العراقي", "NORP", "IRQ"),
                       ("عراقي", "NORP", "IRQ"), ("عمان", "GPE", "JOR")))
    assert any(ev.type == "CONSULT" for ev in find_events(doc))


def test_a_match_is_still_no_meeting() -> None:
    doc = build("وخسر المنتخب الأردني اللقاء الودي أمام نظيره العراقي في مباراة كرة القدم أمس.",
                (("الأردني", "NORP", "JOR"), ("العراقي", "NORP", "IRQ")))
    assert not any(ev.type == "CONSULT" for ev in find_events(doc))


def test_the_object_follows_a_time_frame_the_subject_and_its_name_each_set_off_by_commas() -> None:
    doc = build("اجتمع صباح أمس، وزير الخارجية الأردني، أيمن الصفدي، بنائب رئيس الوزراء العراقي في بغداد.",
                (("الأردني", "NORP", "JOR"), ("أيمن الصفدي", "PER", "JOR"), ("العراقي", "NORP", "IRQ"),
                 ("بغداد", "GPE", "IRQ")))
    [ev] = events_on(doc, "اجتمع")
    assert ev.type == "CONSULT"
    # a meeting names both parties on both sides
    assert {"JOR", "IRQ"} <= countries(doc, ev.source) and {"JOR", "IRQ"} <= countries(doc, ev.target)


KUWAIT_IRAN = (("الكويت", "GPE", "KWT"), ("الكويتية", "NORP", "KWT"), ("الكويتي", "NORP", "KWT"),
               ("الإيراني", "NORP", "IRN"), ("جواد ظريف", "PER", "IRN"))


def test_a_judgement_with_a_condemning_predicate_accuses_the_author_of_what_it_judges() -> None:
    doc = build("واعتبرت الكويت ما صدر عن جواد ظريف تدخلاً سافراً في شؤونها الداخلية.", KUWAIT_IRAN)
    events = find_events(doc, learned_filter=False)
    # «سافراً» (blatant) carries tanween: no verb («سافرا», they travelled), so no visit.
    assert [ev.type for ev in events] == ["ACCUSE"]
    assert countries(doc, events[0].source) == {"KWT"} and countries(doc, events[0].target) == {"IRN"}
    # «شؤونها الداخلية» are internal affairs, not the interior ministry
    assert all(doc.span_text(a.span) != "الداخلية" for ev in events for a in (*ev.source, *ev.target))


def test_deemed_with_a_shadda_is_no_promise() -> None:
    doc = build("وعدّ الوزير الكويتي هذه التصريحات الاستفزازية تدخلا في شؤون المنطقة.", KUWAIT_IRAN)
    assert [ev.type for ev in find_events(doc, learned_filter=False)] == ["ACCUSE"]


def test_a_protest_note_handed_to_an_envoy_accuses_his_state() -> None:
    doc = build("وسلمت الخارجية الكويتية السفير الإيراني مذكرة احتجاج رسمية.", KUWAIT_IRAN)
    [ev] = events_on(doc, "وسلمت")
    assert ev.type == "ACCUSE" and "KWT" in countries(doc, ev.source)


def test_a_participle_listed_as_written_keeps_its_tanween() -> None:
    doc = build("وأشاد الوزير الكويتي بالمبادرة، مثمّناً دعم المملكة للشعب اليمني.", KUWAIT_IRAN)
    assert "SUPPORT" in {ev.type for ev in events_on(doc, "مثمّناً")}


def test_the_imperfect_of_fighting_is_an_assault() -> None:
    doc = build("وتقاتل قوات الجيش والشرطة الأفغانية حركة طالبان لوحدها في ولاية هلمند.",
                (("الأفغانية", "NORP", "AFG"), ("حركة طالبان", "ORG", None), ("هلمند", "GPE", "AFG")))
    [ev] = events_on(doc, "وتقاتل")
    assert ev.type == "ASSAULT"
    assert "AFG" in countries(doc, ev.source)
    assert {doc.span_text(a.span) for a in ev.target} == {"حركة طالبان"}


def test_feminine_and_critical_participles_accuse() -> None:
    doc = build("وأصدرت الخارجية الكويتية بيانا أمس، منتقدة تصريحات جواد ظريف الأخيرة.", KUWAIT_IRAN)
    assert "ACCUSE" in {ev.type for ev in events_on(doc, "منتقدة")}


def test_an_agreement_told_in_the_passive_takes_the_parties_of_the_talks_before_it() -> None:
    doc = build("والتقى وزير الخارجية الكويتي نظيره الإيراني جواد ظريف في الكويت أمس. "
                "وتم الاتفاق على تشكيل لجنة مشتركة بين البلدين.", KUWAIT_IRAN)
    [ev] = [ev for ev in find_events(doc) if ev.type == "AGREE"]
    assert ev.sentence == 1
    assert {"KWT", "IRN"} <= countries(doc, ev.source) and {"KWT", "IRN"} <= countries(doc, ev.target)


@pytest.mark.parametrize("text", [
    # a career, not a march
    "وقال إن مسيرته مع الفريق امتدت عشر سنوات.",
    # parades at a festival
    "وشهد المهرجان مسيرات شعبية جابت شوارع الرياض.",
    # blocking a rapprochement, not a road
    "ومن ذلك أيضا قطع الطريق على تقارب إيراني روسي وثيق.",
])
def test_careers_parades_and_blocked_rapprochements_are_no_protests(text: str) -> None:
    doc = build(text, (("الرياض", "GPE", "SAU"), ("إيراني", "NORP", "IRN"), ("روسي", "NORP", "RUS")))
    assert not any(ev.type == "PROTEST" for ev in find_events(doc, learned_filter=False))


def test_their_march_is_still_a_protest() -> None:
    doc = build("وواصل المتظاهرون مسيرتهم نحو مقر البرلمان في بغداد أمس.", (("بغداد", "GPE", "IRQ"),))
    assert any(ev.type == "PROTEST" for ev in find_events(doc, learned_filter=False))


def test_the_pronoun_after_an_accusation_is_the_accused() -> None:
    ents = (("الجيش الأوكراني", "ORG", "UKR"), ("الانفصاليين", "NORP", None), ("دونيتسك", "GPE", "UKR"))
    doc = build("واتهم الجيش الأوكراني الانفصاليين بأنهم قصفوا مناطق سكنية في دونيتسك.", ents)
    [ev] = events_on(doc, "قصفوا")
    assert {doc.span_text(a.span) for a in ev.source} == {"الانفصاليين"}
    # the «أنها» of another verb after the accusation stays that verb's subject's
    doc = build("واتهم الجيش الأوكراني الانفصاليين بقصف دونيتسك، وأكد أنه هاجم مواقعهم.", ents)
    [ev] = events_on(doc, "هاجم")
    assert {doc.span_text(a.span) for a in ev.source} == {"الجيش الأوكراني"}


def test_a_condemned_attack_names_its_doer_as_the_target() -> None:
    doc = build("وأدانت الكويت بشدة التفجير الإرهابي الذي تبناه تنظيم داعش في أبها.",
                (("الكويت", "GPE", "KWT"), ("تنظيم داعش", "ORG", None), ("أبها", "GPE", "SAU")))
    [ev] = events_on(doc, "وأدانت")
    assert ev.type == "ACCUSE" and countries(doc, ev.source) == {"KWT"}
    assert {doc.span_text(a.span) for a in ev.target} == {"تنظيم داعش"}


def test_the_verbal_noun_of_attacking_takes_its_genitive_as_the_target() -> None:
    doc = build("وتمكن المسلحون من مهاجمة مواقع الجيش السوري في ريف حلب.",
                (("الجيش السوري", "ORG", "SYR"), ("حلب", "GPE", "SYR")))
    [ev] = events_on(doc, "مهاجمة")
    assert ev.type == "ASSAULT" and "SYR" in countries(doc, ev.target)


def test_repelling_an_attack_fights_the_attackers() -> None:
    doc = build("وصدت القوات النيجيرية هجوما لجماعة بوكو حرام على بلدة باما.",
                (("النيجيرية", "NORP", "NGA"), ("جماعة بوكو حرام", "ORG", None), ("باما", "GPE", "NGA")))
    [ev] = events_on(doc, "وصدت")
    assert ev.type == "ASSAULT" and "NGA" in countries(doc, ev.source)
    assert {doc.span_text(a.span) for a in ev.target} == {"جماعة بوكو حرام"}
