"""Events stage: patterns from the studied half of the held-apart set (issue 14), each on sentences
written for these tests: declared truces, seizures with ضبط, charges, apposed titles, civilian
places hit, and victims counted in the dual."""

from __future__ import annotations

import functools

import pytest

from conftest import actor_countries as countries
from conftest import events_doc
from conftest import rule_events as events_on
from marsad.stages.events import find_events
from marsad.stages.events.actors import criminal_case, faced
from marsad.stages.events.detect import find_triggers, sentence_tokens

build = functools.partial(events_doc, published="2024-06-17", longest_first=True)


def test_a_declared_truce_is_a_concession() -> None:
    doc = build("وأعلن الجيش السوداني بدء هدنة لمدة ثلاثة أيام في ولاية الخرطوم.",
                (("السوداني", "NORP", "SDN"), ("ولاية الخرطوم", "GPE", "SDN")))
    [ev] = events_on(doc, "هدنة")
    assert ev.type == "CONCEDE"
    assert countries(doc, ev.source) == {"SDN"}


def test_a_promised_halt_to_fighting_is_a_concession() -> None:
    doc = build("وقال المتحدث باسم الجيش السوداني إنه ستتوقف العمليات العسكرية في المدينة خلال العيد.",
                (("السوداني", "NORP", "SDN"),))
    [ev] = events_on(doc, "ستتوقف")
    assert (ev.type, ev.status) == ("CONCEDE", "planned")


def test_an_observed_truce_stays_a_retreat() -> None:
    doc = build("وتوقفت المعارك في أحياء مدينة الأبيض صباح أمس بعد وساطة قادها زعماء القبائل.",
                (("مدينة الأبيض", "GPE", "SDN"),))
    assert [e.type for e in events_on(doc, "وتوقفت")] == ["RETREAT"]


def test_police_seizing_people_is_an_arrest() -> None:
    doc = build("وضبطت الشرطة المغربية، يوم الثلاثاء، امرأتين بحوزتهما كمية من المخدرات في طنجة.",
                (("المغربية", "NORP", "MAR"), ("طنجة", "GPE", "MAR")))
    [ev] = events_on(doc, "وضبطت")
    assert (ev.type, ev.mode) == ("COERCE", "arrest")
    assert countries(doc, ev.source) == {"MAR"}


def test_restraint_and_price_control_are_no_arrests() -> None:
    doc = build("ودعا الوزير الأطراف إلى ضبط النفس، فيما تعهدت الحكومة بضبط الأسعار ومراقبة الأسواق.")
    assert [e.type for e in find_events(doc, learned_filter=False) if e.type == "COERCE"] == []


def test_charges_faced_are_brought_by_the_state_of_the_story() -> None:
    doc = build("واعتقلت الشرطة التونسية في مدينة صفاقس أربعة شبان ينتمون إلى تنظيم داعش. "
                "ويواجه الموقوفون الآن اتهامات بالانتماء إلى تنظيم إرهابي.",
                (("التونسية", "NORP", "TUN"), ("مدينة صفاقس", "GPE", "TUN"), ("تنظيم داعش", "ORG", None)))
    [ev] = events_on(doc, "اتهامات")
    assert ev.type == "ACCUSE"
    assert countries(doc, ev.source) == {"TUN"}
    assert "تنظيم داعش" not in {doc.span_text(a.span) for a in ev.source}


def test_a_name_between_commas_is_the_title_before_it() -> None:
    doc = build("واستنكر نقيب المحامين، سامح عاشور، في بيان له أمس الهجوم الإرهابي على المسجد.",
                (("نقيب المحامين", "PER", "EGY"), ("سامح عاشور", "PER", "EGY")))
    [ev] = events_on(doc, "واستنكر")
    assert ev.type == "ACCUSE"
    assert {doc.span_text(a.span) for a in ev.source} == {"نقيب المحامين", "سامح عاشور"}
    assert "سامح عاشور" not in {doc.span_text(a.span) for a in ev.target}


def test_victims_counted_in_the_dual_are_the_target() -> None:
    for text in ("وفي محافظة البيضاء، قتل حوثيان وأصيب ثلاثة آخرون في هجوم لرجال القبائل على حاجز للمتمردين.",
                 "وفي محافظة البيضاء، قتل حوثيين اثنين في هجوم لرجال القبائل على حاجز للمتمردين."):
        name = "حوثيان" if "حوثيان" in text else "حوثيين"
        doc = build(text, (("محافظة البيضاء", "GPE", "YEM"), (name, "ORG", None)))
        [ev] = [e for e in events_on(doc, "قتل") if e.type == "ASSAULT"]
        assert name not in {doc.span_text(a.span) for a in ev.source}
        assert name in {doc.span_text(a.span) for a in ev.target}


def test_homes_hit_by_shelling_stand_for_the_civilians_of_the_place() -> None:
    doc = build("وقصف المتمردون أحياء سكنية في مدينة تعز بقذائف الهاون مساء أمس.",
                (("مدينة تعز", "GPE", "YEM"),))
    [ev] = [e for e in events_on(doc, "وقصف") if e.type == "ASSAULT"]
    assert [doc.span_text(a.span) for a in ev.target] == ["أحياء سكنية"]
    assert countries(doc, ev.target) == {"YEM"}


def test_homes_are_never_a_source() -> None:
    doc = build("وشهدت الأحياء السكنية في مدينة تعز اشتباكات عنيفة بين المتمردين والقوات الحكومية.",
                (("مدينة تعز", "GPE", "YEM"),))
    for ev in find_events(doc, learned_filter=False):
        assert "الأحياء السكنية" not in {doc.span_text(a.span) for a in ev.source}


def test_a_halt_told_in_the_imperfect_is_the_truce_promised() -> None:
    doc = build("وأعلن الجيش هدنة لمدة يومين في ولاية الخرطوم، تتوقف خلالها العمليات العسكرية في الأحياء.",
                (("ولاية الخرطوم", "GPE", "SDN"),))
    assert {e.type for e in events_on(doc, "تتوقف")} == {"CONCEDE"}


@pytest.mark.parametrize(("text", "legal"), [
    ("ويواجه الموقوفون الخمسة اتهامات بالتزوير قد تصل عقوبتها إلى السجن عشر سنوات.", True),
    ("ويواجه رئيس الوزراء اتهامات من معارضيه بأنه أضعف الاقتصاد بعد اعتقال أنصاره.", False),
    ("ويواجه رئيس الوزراء اتهامات بإضعاف الاقتصاد وزيادة البطالة.", False),
])
def test_only_criminal_charges_with_no_accuser_named_are_the_states(text: str, legal: bool) -> None:
    doc = build(text)
    [cand] = [c for c in find_triggers(doc) if c.trigger.type == "ACCUSE"]
    lo, hi = sentence_tokens(doc)[cand.sentence]
    assert faced(doc, cand, lo)
    assert criminal_case(doc, cand, (lo, hi)) is legal


def test_police_who_tell_of_charges_stay_their_source() -> None:
    doc = build("وقالت الشرطة الهندية إن ثلاثة رجال ألقي القبض عليهم ويواجهون اتهامات بالاحتيال في مدينة مومباي.",
                (("الهندية", "NORP", "IND"), ("مدينة مومباي", "GPE", "IND")))
    [ev] = [e for e in events_on(doc, "اتهامات") if e.type == "ACCUSE"]
    assert [doc.span_text(a.span) for a in ev.source] == ["الشرطة الهندية"]


def test_who_faces_charges_is_their_target_not_their_source() -> None:
    doc = build("ويواجه رئيس الوزراء الإيطالي اتهامات من معارضيه بإضعاف الاقتصاد.", (("الإيطالي", "NORP", "ITA"),))
    [ev] = [e for e in events_on(doc, "اتهامات") if e.type == "ACCUSE"]
    assert "رئيس الوزراء الإيطالي" not in {doc.span_text(a.span) for a in ev.source}
    assert "رئيس الوزراء الإيطالي" in {doc.span_text(a.span) for a in ev.target}


def test_no_source_holds_its_own_trigger() -> None:
    import marsad

    doc = marsad.analyze("وأعلن الجيش هدنة في الإقليم. وبحسب البيان ستتوقف الأعمال العسكرية فوق القرى، "
                         "باستثناء الرد على أي خرق للهدنة.", "2024-06-17")
    for ev in doc.events:
        assert not any(a.span.overlaps(ev.trigger) for a in ev.source)


def test_describing_an_attack_as_cowardly_condemns_it() -> None:
    doc = build("ووصف الوزير الهجوم على المسجد بالجبان والخسيس. ووصف التقرير الحالة الصحية للمصابين بالمستقرة.")
    assert [(e.type, doc.span_text(e.trigger)) for e in find_events(doc, learned_filter=False)
            if e.type == "ACCUSE"] == [("ACCUSE", "ووصف")]


def test_a_truce_is_declared_towards_the_other_side_the_sentence_names() -> None:
    doc = build("وأعلن الجيش السوداني بدء هدنة لمدة ثلاثة أيام في ولاية الخرطوم، محذرا من أي خرق لها من "
                "قوات الدعم السريع.",
                (("السوداني", "NORP", "SDN"), ("ولاية الخرطوم", "GPE", "SDN"), ("قوات الدعم السريع", "ORG", None)))
    [ev] = events_on(doc, "هدنة")
    assert ev.type == "CONCEDE"
    assert [doc.span_text(a.span) for a in ev.target] == ["قوات الدعم السريع"]
