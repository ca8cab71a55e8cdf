"""Events stage: patterns read on set I of the held-apart articles (issue 14), each on sentences
written for these tests: a verb carrying its object pronoun (استهدفها، قتلهم) has its subject
after it and its object told before it, and a bare «التحالف» acts for the coalition of the war the
story tells."""

from __future__ import annotations

import pytest

import marsad
from conftest import rule_events as events_on
from marsad.core.document import Actor, Document


def _texts(doc: Document, actors: tuple[Actor, ...]) -> set[str]:
    return {doc.span_text(a.span) for a in actors}


def _types(text: str) -> set[str]:
    """The types of the events the rules find in ``text``."""
    return {e.type for e in events_on(marsad.analyze(text, "2015-07-25"), "")}


@pytest.mark.parametrize(("text", "trigger", "source"), [
    ("وقال المسؤول إن غالبية هذه المدارس استهدفها بشكل مباشر تنظيم الدولة الإسلامية.", "استهدفها",
     "تنظيم الدولة الإسلامية"),
    ("وأضاف أن الجنود قتلهم مسلحون في كمين قرب الحدود.", "قتلهم", "مسلحون"),
])
def test_a_verb_with_its_object_pronoun_has_the_actor_after_it_for_subject(
        text: str, trigger: str, source: str) -> None:
    doc = marsad.analyze(text, "2015-08-04")
    (event,) = events_on(doc, trigger)
    assert _texts(doc, event.source) == {source}
    assert source not in _texts(doc, event.target)


def test_the_object_told_before_a_resumed_verb_is_its_target() -> None:
    doc = marsad.analyze("وقال المتحدث إن الحوثيين قتلهم مسلحون في عدن.", "2015-08-04")
    (event,) = events_on(doc, "قتلهم")
    assert (_texts(doc, event.source), _texts(doc, event.target)) == ({"مسلحون"}, {"الحوثيين"})


def test_a_resumed_verb_still_takes_a_prepositions_object() -> None:
    doc = marsad.analyze("وتسلمت مصر أمس أول ثلاث من 24 طائرة رافال طلبتها في فبراير من فرنسا.", "2015-07-20")
    (event,) = events_on(doc, "طلبتها")
    assert "فرنسا" in _texts(doc, event.target)


def test_a_plain_verb_keeps_its_object_after_it() -> None:
    doc = marsad.analyze("واستهدفت الطائرات مواقع الحوثيين في صنعاء.", "2015-08-04")
    (event,) = events_on(doc, "واستهدفت")
    assert "الحوثيين" in _texts(doc, event.target)


def test_coalition_aircraft_act_for_the_coalition_of_the_story() -> None:
    doc = marsad.analyze("وشنت طائرات التحالف صباح أمس غارات على مواقع الحوثيين في صنعاء شمال اليمن.",
                         "2015-08-04")
    (event,) = events_on(doc, "وشنت")
    names = {doc.entities[a.entity].name_en for a in event.source if a.entity is not None}
    assert names == {"Saudi-led coalition"}


def test_special_and_security_units_act_for_the_story_state() -> None:
    doc = marsad.analyze("أعلنت وزارة الداخلية في تونس اعتقال عناصر في بنزرت وسوسة والقيروان. وفي عملية أخرى، "
                         "اعتقلت وحدات خاصة ثلاثة عناصر إرهابية في مدينة بنزرت شمال تونس.", "2015-07-25")
    (event,) = events_on(doc, "اعتقلت")
    assert _texts(doc, event.source) == {"وحدات خاصة"}
    assert {doc.entities[a.entity].country for a in event.source if a.entity is not None} == {"TUN"}


def test_a_participle_after_a_statement_is_the_speakers_act() -> None:
    # «محملا» goes with the ambassador who speaks, not with the coalition his clause is about.
    doc = marsad.analyze("وأكد السفير عبدالله المعلمي أن التحالف العربي لا يستهدف المدنيين في اليمن، محملا "
                         "مليشيات الحوثي مسؤولية فشل الهدنة الإنسانية.", "2015-07-31")
    (event,) = events_on(doc, "محملا")
    assert "عبدالله المعلمي" in _texts(doc, event.source)
    assert "التحالف العربي" not in _texts(doc, event.source)


def test_a_participle_after_an_outlets_report_is_not_the_outlets_act() -> None:
    doc = marsad.analyze("أفادت صحيفة «آس» الإسبانية أن وزير الداخلية الإسباني شن هجوما قويا على المدرب "
                         "جوزيب غوارديولا، متهما إياه بأنه لعب للمنتخب من أجل المال.", "2015-07-31")
    (event,) = events_on(doc, "متهما")
    assert not any("صحيفة" in t or "آس" in t for t in _texts(doc, event.source))


@pytest.mark.parametrize("text", [
    "وطالب الرئيس هادي المليشيات الحوثية باحترام الهدنة الإنسانية.",
    "وانهارت هدنة كان يلتزمها الطرفان منذ 2013 في نزاع أوقع آلاف القتلى.",
    "وتبادل الطرفان الاتهامات بقصف مناطق سكنية على الرغم من وقف لإطلاق النار أمس.",
])
def test_a_truce_respected_broken_or_agreed_on_is_no_ceasefire_declared_there(text: str) -> None:
    assert "RETREAT" not in _types(text)


def test_a_truce_declared_is_still_an_event() -> None:
    doc = marsad.analyze("ودخلت هدنة إنسانية حيز التنفيذ في اليمن منتصف ليل أمس.", "2015-07-25")
    assert [e.type for e in events_on(doc, "هدنة")] == ["RETREAT"]


@pytest.mark.parametrize("text", [
    # who holds a place, not a seizure
    "ودمرت طائرات التحالف معسكرا يسيطر عليه الحوثيون في صنعاء.",
    "وتسيطر كل من الحكومتين على مساحات محدودة من الأراضي في ليبيا.",
    # a no-fly zone and an arms embargo named, not a ban enacted
    "وتدعو تركيا منذ فترة طويلة إلى إقامة منطقة حظر طيران في شمال سوريا.",
    "وتصاعدت الضغوط على مجلس الأمن أمس لرفع حظر السلاح إلى ليبيا.",
])
def test_control_held_and_bans_named_are_no_coercion(text: str) -> None:
    assert "COERCE" not in _types(text)


def test_a_seizure_and_a_ban_enacted_are_still_coercion() -> None:
    doc = marsad.analyze("وسيطرت قوات المقاومة على المطار أمس. وحظرت السلطات المصرية التظاهر في القاهرة.", "2015-07-25")
    assert [e.type for e in events_on(doc, "") if e.type == "COERCE"] == ["COERCE", "COERCE"]


@pytest.mark.parametrize("text", [
    'وقال المتحدث باسم المقاومة في عدن في اتصال هاتفي مع "الوطن" إن الثوار عثروا على الجثث.',
    "وقال محافظ عدن نايف البكري في اتصال هاتفي لـ«الشرق الأوسط» إن الوضع مستقر.",
    "وأشار الوزير في لقاء مع قناة «روسيا اليوم» إلى أن الخطر الحقيقي يكمن في الفساد.",
])
def test_a_call_or_interview_with_the_outlet_is_no_talks(text: str) -> None:
    assert "CONSULT" not in _types(text)


def test_a_call_between_leaders_is_still_talks() -> None:
    doc = marsad.analyze("وأجرى الملك سلمان اتصالا هاتفيا مع الرئيس الأمريكي باراك أوباما أمس.", "2015-07-25")
    assert [e.type for e in events_on(doc, "اتصالا")] == ["CONSULT"]
