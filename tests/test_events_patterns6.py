"""Events stage: patterns of the tenth session (issue 14), each on sentences written for these
tests: a name after a noun carrying a preposition (بدور، باتفاق) is that noun's genitive, not the
verb's subject; a trigger's needed noun may carry a possessive pronoun (أرسلت قطر مساعداتها)."""

from __future__ import annotations

import pytest

import marsad
from conftest import rule_events as events_on
from marsad.core.document import Actor, Document


def _texts(doc: Document, actors: tuple[Actor, ...]) -> set[str]:
    return {doc.span_text(a.span) for a in actors}


@pytest.mark.parametrize(("text", "trigger", "target"), [
    ("وقال وزير الداخلية اليمني عبده الحذيفي إن المدينة تعود إلى الحياة. وأشاد بدور قوات التحالف العربي.",
     "وأشاد", "قوات التحالف العربي"),
    ("التقى الرئيس المصري عبد الفتاح السيسي وفدا من رجال الأعمال. ورحب باستثمارات المملكة العربية السعودية.",
     "ورحب", "المملكة العربية السعودية"),
])
def test_a_name_after_a_prepositional_noun_is_no_subject(text: str, trigger: str, target: str) -> None:
    doc = marsad.analyze(text, "2015-07-25")
    (event,) = events_on(doc, trigger)
    assert target not in _texts(doc, event.source)
    assert target in _texts(doc, event.target)


@pytest.mark.parametrize(("text", "trigger", "source"), [
    # an adverb with a preposition on it stands between the verb and its subject
    ("وأدان بشدة الاتحاد الأوروبي الهجوم على المسجد.", "وأدان", "الاتحاد الأوروبي"),
    # a noun that only looks like ب + a word (بيان) is the subject's head: its author acts
    ("وندد بيان الخارجية المصرية بالهجوم على المسجد.", "وندد", "الخارجية المصرية"),
])
def test_an_adverb_or_a_plain_noun_before_the_subject_keeps_it(text: str, trigger: str, source: str) -> None:
    doc = marsad.analyze(text, "2015-07-25")
    (event,) = events_on(doc, trigger)
    assert source in _texts(doc, event.source)


@pytest.mark.parametrize(("text", "trigger"), [
    ("وأرسلت قطر مساعداتها إلى اليمن.", "وأرسلت"),
    ("وبدأت دولة قطر بتسيير أولى مساعداتها الإغاثية إلى عدن.", "بتسيير"),
])
def test_a_needed_noun_may_carry_a_possessive(text: str, trigger: str) -> None:
    doc = marsad.analyze(text, "2015-08-02")
    (event,) = events_on(doc, trigger)
    assert event.type == "AID"
    assert _texts(doc, event.source) == {"قطر"}


def test_a_needed_preposition_with_a_pronoun_is_not_its_object() -> None:
    # «التوقيع عليها»: the pronoun stands for a contract of the clause, not a party signing with one
    doc = marsad.analyze("وترتفع شحنات النفط عبر عقود يتم التوقيع عليها للشهور المقبلة.", "2015-07-25")
    assert [e.type for e in events_on(doc, "التوقيع")] == []


def test_a_call_with_a_verbal_noun_of_purpose_is_a_request() -> None:
    doc = marsad.analyze("ودعت بريطانيا وفرنسا الأحد دولا أخرى في الاتحاد الأوروبي لمساعدتهما في أزمة المهاجرين.",
                         "2015-08-03")
    (event,) = events_on(doc, "ودعت")
    assert event.type == "REQUEST"
    assert _texts(doc, event.source) == {"بريطانيا", "فرنسا"}


@pytest.mark.parametrize("text", [
    "ودعا الإمام الله للمرضى بالشفاء.",    # a prayer
    "والأهالي يدعون للوطن بالنصر والعزة.",  # praying for, ل right after the verb
])
def test_a_prayer_is_no_call_of_purpose(text: str) -> None:
    assert [e.type for e in events_on(marsad.analyze(text, "2015-08-03"), "")] == []


def test_li_inside_the_callers_name_is_no_purpose() -> None:
    # «للجوازات» belongs to the directorate's name: no purpose is told («دعا» also means invited).
    doc = marsad.analyze("ودعت المديرية العامة للجوازات المقيمين في حفل أقامته أمس.", "2015-08-03")
    assert [e.type for e in events_on(doc, "ودعت")] == []


def test_a_stance_noun_takes_its_doer_from_min() -> None:
    doc = marsad.analyze("وقوبل رد الفعل الرسمي تجاه الأزمة الأحد بانتقادات من تريفور ويلموت أسقف كنيسة إنجلترا.",
                         "2015-08-03")
    (event,) = events_on(doc, "بانتقادات")
    assert (event.type, _texts(doc, event.source)) == ("ACCUSE", {"تريفور ويلموت"})


def test_an_order_to_halt_air_raids_is_a_ceasefire_by_whoever_ordered_it() -> None:
    doc = marsad.analyze("وأمر الرئيس الكولومبي خوان مانويل سانتوس، أمس، بوقف الغارات الجوية على معسكرات فارك.",
                         "2015-07-27")
    (event,) = events_on(doc, "بوقف")
    assert (event.type, event.mode) == ("RETREAT", "ceasefire")
    assert "خوان مانويل سانتوس" in _texts(doc, event.source)
    assert {doc.entities[a.entity].name_en for a in event.target if a.entity is not None} == {"FARC"}


@pytest.mark.parametrize("text", [
    "وطالبت المنظمة بوقف الغارات على المدنيين.",  # a demand, not a halt
    "وأمر الوزير بوقف الموظف عن العمل.",          # no attacks halted
])
def test_halted_raids_are_no_attack_and_other_halts_no_ceasefire(text: str) -> None:
    types = [e.type for e in events_on(marsad.analyze(text, "2015-07-27"), "")]
    assert "ASSAULT" not in types and "RETREAT" not in types


def test_a_verb_joined_to_a_reported_clause_shares_its_subject() -> None:
    doc = marsad.analyze("وقال المصدر إن الخرطوم تعاملت بشفافية مع الأمر، وأطلقت سراح الصيادين المصريين.", "2015-07-31")
    (event,) = events_on(doc, "وأطلقت")
    assert (event.type, _texts(doc, event.source)) == ("RETREAT", {"الخرطوم"})


def test_a_verb_after_the_sentence_opening_clause_takes_no_subject_from_it() -> None:
    # «والقي القبض» is passive: the man questioned did not arrest anyone.
    doc = marsad.analyze("وخضع تشافيز لاستجواب دام 8 ساعات، والقي القبض أيضا على أمين عام الاتحاد البرتو لوسادا.",
                         "2015-07-31")
    assert all("تشافيز" not in _texts(doc, e.source) for e in events_on(doc, "القبض"))


@pytest.mark.parametrize(("text", "trigger"), [
    ("ولكن مسؤولين سودانيين قالوا إن طلب التأشيرة الأمريكي كان معلقا.", "طلب"),  # an application
    ("وقال مسؤول كبير في الإدارة وطلب عدم نشر اسمه إن الهدف واضح.", "وطلب"),   # anonymity asked
    ("وحذر بيان صادر عن وزارة الخارجية من التعامل مع القرار.", "صادر"),       # issued, not confiscated
])
def test_an_ask_needs_a_named_party_and_issued_is_no_seizure(text: str, trigger: str) -> None:
    assert events_on(marsad.analyze(text, "2015-07-25"), trigger) == []


def test_praise_of_a_named_party_is_still_support() -> None:
    doc = marsad.analyze("وأشاد الوزير بدور المملكة العربية السعودية في دعم اليمن.", "2015-07-25")
    (event,) = events_on(doc, "وأشاد")
    assert (event.type, _texts(doc, event.target)) == ("SUPPORT", {"المملكة العربية السعودية"})


def test_an_ask_of_a_counterpart_named_by_title_is_still_a_request() -> None:
    doc = marsad.analyze("وطلب الرئيس الفرنسي من المستشارة الألمانية دعم المبادرة.", "2015-07-25")
    assert [e.type for e in events_on(doc, "وطلب")] == ["REQUEST"]
