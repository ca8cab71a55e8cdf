"""Events stage: talks and agreements told again without their parties (events/mutual.py).

After «استقبل X Y» a report goes on «وجرى خلال اللقاء …», «وأكد الجانبان توافق وجهات النظر»,
«واتفق الوزيران على …»: each such sentence is a CONSULT or AGREE between the meeting's parties,
all of them on both sides.  A meeting noun that is another meeting (المقبل، التي أجراها …), a
match, or talks told too far back take no parties.

Sentences are written by hand in the style of SaudiNewsNet and SPA reports; entities are given by
hand (surface, type, ISO3 country), as in test_events_arguments.py.
"""

from __future__ import annotations

import functools

import pytest

from conftest import events_doc
from marsad.core.document import Actor, Document, Event
from marsad.stages.events import find_events
from marsad.stages.events.mutual import MEETING_REACH, cues

build = functools.partial(events_doc, published="2015-08-05")

ENTS = (("عبدالله الثاني", "PER", "JOR"), ("ماتيو رينزي", "PER", "ITA"), ("عمان", "GPE", "JOR"))
MEETING = "استقبل الملك عبدالله الثاني في عمان أمس رئيس الوزراء الإيطالي ماتيو رينزي. "


def names(doc: Document, actors: tuple[Actor, ...]) -> set[str]:
    return {doc.entities[a.entity].name_ar or "" for a in actors if a.entity is not None}


def in_sentence(doc: Document, etype: str, sentence: int) -> list[Event]:
    return [e for e in find_events(doc, learned_filter=False) if e.type == etype and e.sentence == sentence]


@pytest.mark.parametrize("follow", [
    "وجرى خلال اللقاء استعراض العلاقات الثنائية وسبل تعزيزها.",
    "وتناولت المباحثات تطورات الأوضاع في ليبيا.",
    "وقال مصدر مطلع إن المحادثات كانت صريحة وبناءة.",
])
def test_a_meeting_noun_told_again_is_a_consult_between_the_meeting_parties(follow: str) -> None:
    doc = build(MEETING + follow, ENTS)
    (talks,) = in_sentence(doc, "CONSULT", 1)
    assert names(doc, talks.source) == names(doc, talks.target) == {"عبدالله الثاني", "ماتيو رينزي"}


@pytest.mark.parametrize("follow", [
    "وأكد الزعيمان توافق وجهات النظر حيال القضايا الإقليمية.",
    "واتفق الجانبان على تعزيز التعاون في مجال الطاقة.",
    "وقد اتخذ قرار مشترك بفتح خط جوي مباشر بين البلدين.",
])
def test_an_agreement_of_the_two_sides_is_mutual_between_the_meeting_parties(follow: str) -> None:
    doc = build(MEETING + follow, ENTS)
    (agree,) = in_sentence(doc, "AGREE", 1)
    assert names(doc, agree.source) == names(doc, agree.target) == {"عبدالله الثاني", "ماتيو رينزي"}


def test_the_talks_date_carries_to_the_sentences_going_on_about_them() -> None:
    doc = build(MEETING + "وجرى خلال اللقاء بحث الأوضاع في المنطقة.", ENTS, (("أمس", "2015-08-04"),))
    (talks,) = in_sentence(doc, "CONSULT", 1)
    assert talks.date == "2015-08-04"


@pytest.mark.parametrize("follow", [
    # another meeting: a coming one, and one its own relative clause describes
    "ومن المقرر عقد الاجتماع المقبل للجنة المشتركة في روما.",
    "وأشار إلى أن المباحثات التي أجراها وزير الخارجية في بغداد الشهر الماضي كانت مثمرة.",
    # a match is not talks
    "وفي الرياضة خسر المنتخب اللقاء الودي أمام الفريق الضيف بهدفين.",
])
def test_a_meeting_noun_naming_another_meeting_takes_no_parties(follow: str) -> None:
    doc = build(MEETING + follow, ENTS)
    assert all(not names(doc, e.source) & {"عبدالله الثاني", "ماتيو رينزي"}
               for e in in_sentence(doc, "CONSULT", 1))


def test_talks_told_too_far_back_lend_no_parties() -> None:
    filler = "وتشهد المنطقة موجة حر شديدة هذا الأسبوع. " * (MEETING_REACH + 1)
    doc = build(MEETING + filler + "وجرى خلال اللقاء بحث الأوضاع.", ENTS)
    assert all(not e.source and not e.target for e in in_sentence(doc, "CONSULT", MEETING_REACH + 2))


def test_a_meeting_asked_for_is_between_the_one_asking_and_the_one_asked() -> None:
    doc = build("طلبت الحكومة الأردنية من جامعة الدول العربية عقد اجتماع طارئ لبحث الوضع في غزة. "
                "وأوضح المتحدث أن من المرجح عقد الاجتماع غدا في القاهرة.",
                (("الحكومة الأردنية", "ORG", "JOR"), ("جامعة الدول العربية", "ORG", None),
                 ("القاهرة", "GPE", "EGY")))
    (asked,) = in_sentence(doc, "CONSULT", 0)
    assert names(doc, asked.target) == {"جامعة الدول العربية"}
    (again,) = in_sentence(doc, "CONSULT", 1)
    assert names(doc, again.source) == names(doc, again.target) == {"الحكومة الأردنية", "جامعة الدول العربية"}


def test_no_mutual_event_names_one_actor_as_its_whole_source_and_target() -> None:
    doc = build(MEETING + "وجرى خلال اللقاء بحث العلاقات. واتفق الجانبان على تبادل الزيارات.", ENTS)
    for ev in find_events(doc, learned_filter=False):
        assert not (len(ev.source) == 1 and ev.source == ev.target)


def test_mutual_cues_load_folded() -> None:
    assert "اللقاء" in cues().anaphors and "الجانبان" in cues().duals
    assert "views_agree" in cues().shared


@pytest.mark.parametrize("follow", [
    # one party tells a shared view or a joint decision: it is the meeting's
    "وقال الملك عبدالله الثاني إن هناك توافقا حيال أهمية الحل السياسي في سوريا.",
    # one party named, the other only as a counterpart
    "وأشار الملك عبدالله الثاني إلى أنه بحث مع نظيره الإيطالي ملف اللاجئين.",
])
def test_a_party_telling_the_talks_again_names_the_whole_meeting(follow: str) -> None:
    doc = build(MEETING + follow, ENTS)
    found = [e for e in find_events(doc, learned_filter=False) if e.sentence == 1 and e.type in ("AGREE", "CONSULT")]
    assert found and all(names(doc, e.source) == names(doc, e.target) == {"عبدالله الثاني", "ماتيو رينزي"}
                         for e in found)


def test_talks_told_from_one_side_only_lend_no_parties() -> None:
    # «اتفاقيتي تعاون مع …» names who signed with whom no one: no meeting to go on about.
    doc = build("ووقعت الجامعة اتفاقيتي تعاون مع جامعة هارفارد وجامعة ستانفورد. وتناول اللقاء مشاريع البحث.",
                (("جامعة هارفارد", "ORG", "USA"), ("جامعة ستانفورد", "ORG", "USA")))
    assert all(not e.source for e in in_sentence(doc, "CONSULT", 1))


def test_talks_during_a_visit_join_the_host_named_to_the_visit_parties() -> None:
    doc = build("يتوجه الملك عبدالله الثاني اليوم إلى إيطاليا في زيارة رسمية يلتقي خلالها رئيس الوزراء "
                "الإيطالي ماتيو رينزي.",
                (("عبدالله الثاني", "PER", "JOR"), ("إيطاليا", "GPE", "ITA"), ("ماتيو رينزي", "PER", "ITA")))
    meets = [e for e in find_events(doc, learned_filter=False)
             if e.type == "CONSULT" and doc.span_text(e.trigger) == "يلتقي"]
    assert meets and all({"عبدالله الثاني", "ماتيو رينزي"} <= names(doc, e.source) == names(doc, e.target)
                         for e in meets)


def test_a_meeting_asked_of_its_own_side_takes_no_target() -> None:
    # The one asked is the asker's own state: no second party, so not one state on both sides.
    doc = build("وطالبت الحكومة الأردنية الأردن بعقد اجتماع عاجل.",
                (("الحكومة الأردنية", "ORG", "JOR"), ("الأردن", "GPE", "JOR")))
    (request,) = in_sentence(doc, "REQUEST", 0)
    assert names(doc, request.target) == {"الأردن"}
    (meeting,) = in_sentence(doc, "CONSULT", 0)
    assert not meeting.target


@pytest.mark.parametrize("follow", [
    # a dual subject after a discussion verb, and before it (the verb in the dual)
    "وناقش الجانبان تطورات الأوضاع في ليبيا.",
    "وقال بيان إن الزعيمين ناقشا أيضا تعميق التعاون في مكافحة الإرهاب.",
    # talks told in the passive
    "وتم بحث الأوضاع في اليمن وسبل تعزيز العلاقات الثنائية.",
    "كما جرى استعراض التعاون بين البلدين في مجال الطاقة.",
])
def test_talks_told_with_a_dual_or_in_the_passive_are_between_the_meeting_parties(follow: str) -> None:
    doc = build(MEETING + follow, ENTS)
    (talks,) = in_sentence(doc, "CONSULT", 1)
    assert names(doc, talks.source) == names(doc, talks.target) == {"عبدالله الثاني", "ماتيو رينزي"}


def test_talks_in_the_passive_with_no_meeting_told_are_no_event() -> None:
    # A body's own meeting: nobody met anybody, so there is no CONSULT to code.
    doc = build("وتم استعراض الخطة الإعلامية وما وصلت إليه من التنفيذ والتقارير اليومية.", ())
    assert not [e for e in find_events(doc, learned_filter=False) if e.type == "CONSULT"]


def test_searching_is_no_discussion() -> None:
    # «بحثا عن» is a verbal noun of searching, not two parties discussing.
    doc = build(MEETING + "وخرج آلاف الشباب بحثا عن عمل في المدن الكبرى.", ENTS)
    assert not in_sentence(doc, "CONSULT", 1)


def test_retold_concepts_are_known_triggers() -> None:
    assert cues().retold == {"discussed"}


def test_a_phone_call_between_two_names_them_both() -> None:
    # «جرى اتصال هاتفي بين X وY»: no subject, the parties after بين are both sides.
    doc = build("جرى اتصال هاتفي اليوم بين الملك عبدالله الثاني ورئيس الوزراء الإيطالي ماتيو رينزي.", ENTS)
    (call,) = in_sentence(doc, "CONSULT", 0)
    assert names(doc, call.source) == names(doc, call.target) == {"عبدالله الثاني", "ماتيو رينزي"}
