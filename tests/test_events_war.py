"""Events stage: patterns of the held-apart set's half B (studied on 2026-12-06, mostly war reports), on
sentences of SaudiNewsNet articles outside the held-apart sets or written for these tests: doers
of verbal nouns after verbs of managing (تمكن من، نجح في) and light verbs with words between,
their negation, armed bodies shortened to their head noun (المقاومة، التحالف) as actors and as
owners of an agent (طائرات التحالف), seizures (استولى على، حرر), destruction of military
objects, and calls received (تلقى … من: the caller is the source)."""

from __future__ import annotations

import pytest

import marsad
from marsad.core.document import Document, Event

PUBLISHED = "2015-07-27"


def events_on(doc: Document, trigger: str) -> list[Event]:
    return [e for e in doc.events if trigger in doc.span_text(e.trigger)]


def names(doc: Document, actors: tuple[object, ...]) -> set[str | None]:
    return {doc.entities[a.entity].name_en if a.entity is not None else None  # type: ignore[attr-defined]
            for a in actors}


#: A lead naming the story's state, as war reports do: the KB links «المقاومة الشعبية» only in a
#: story about Yemen (its Arabic names are context forms).
LEAD = "عدن - وكالات: قالت مصادر في الحكومة اليمنية إن المعارك تتواصل في عدة محافظات. "
RESISTANCE = "Popular Resistance (Yemen)"
COALITION = "Saudi-led coalition"


@pytest.mark.parametrize(("text", "trigger"), [
    # SaudiNewsNet record 2147 (okaz, 2015): the subject of نجح is the doer of السيطرة.
    (LEAD + "وقال الناطق باسم مجلس قيادة المقاومة الشعبية علي الأحمدي لوكالة فرانس برس إن «مقاتلي "
     "المقاومة نجحوا في السيطرة على معظم حي التواهي ومنشآته الحيوية».", "السيطرة"),
    (LEAD + "وتمكنت المقاومة الشعبية من السيطرة على مواقع في محافظة لحج أمس.", "السيطرة"),
])
def test_the_subject_of_a_verb_of_managing_does_the_noun(text: str, trigger: str) -> None:
    doc = marsad.analyze(text, PUBLISHED)
    [ev] = events_on(doc, trigger)
    assert (ev.type, ev.mode) == ("COERCE", "seize")
    assert names(doc, ev.source) == {RESISTANCE}


def test_a_negated_verb_of_managing_negates_the_noun() -> None:
    doc = marsad.analyze("وقالت المقاومة الشعبية في عدن إن الحوثيين لم يتمكنوا من السيطرة على المطار.",
                         PUBLISHED)
    [ev] = events_on(doc, "السيطرة")
    assert ev.status == "negated"


def test_a_body_shortened_to_its_head_noun_acts() -> None:
    # SaudiNewsNet record 2309 (2015): المقاومة after المقاومة الشعبية.
    doc = marsad.analyze("أعلنت المقاومة الشعبية في عدن تحرير المدينة. وكانت المقاومة قد سيطرت على مباني "
                         "الإذاعة والتلفزيون والأمن السياسي وقيادة المنطقة العسكرية الرابعة.", PUBLISHED)
    [ev] = events_on(doc, "سيطرت")
    assert names(doc, ev.source) == {RESISTANCE}


@pytest.mark.parametrize("text", [
    "أعلن التحالف العربي بدء عملية جديدة. وقصفت طائرات التحالف مواقع الحوثيين في صنعاء.",
    "أعلن التحالف العربي بدء عملية جديدة. وشنت طائرات التحالف صباح اليوم سلسلة غارات على مواقع الحوثيين.",
])
def test_the_aircraft_of_a_body_named_before_act_for_it(text: str) -> None:
    doc = marsad.analyze(text, PUBLISHED)
    [ev] = [e for e in doc.events if e.type == "ASSAULT"]
    assert names(doc, ev.source) == {COALITION}
    assert COALITION not in names(doc, ev.target)


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    (LEAD + "واستولت قوات المقاومة الشعبية على حي صبر بعد معارك عنيفة.", "واستولت", ("COERCE", "seize")),
    (LEAD + "وحررت المقاومة الشعبية مديرية المسيمير في محافظة لحج.", "وحررت", ("COERCE", "seize")),
    ("ودمرت طائرات التحالف العربي معسكرا لقوات صالح في صنعاء.", "ودمرت", ("ASSAULT", "destroy")),
])
def test_seizing_and_destroying_in_war(text: str, trigger: str, kind: tuple[str, str]) -> None:
    doc = marsad.analyze(text, PUBLISHED)
    [ev] = events_on(doc, trigger)
    assert (ev.type, ev.mode) == kind
    assert names(doc, ev.source) & {RESISTANCE, COALITION}


@pytest.mark.parametrize(("text", "trigger"), [
    ("ودمرت السيول عشرات المنازل في القرية.", "ودمرت"),  # a flood destroys no military object
    ("وحرر المحضر ضابط الشرطة في المركز.", "وحرر"),  # writing up a report frees no place
])
def test_no_war_event_without_its_object(text: str, trigger: str) -> None:
    doc = marsad.analyze(text, PUBLISHED)
    assert not events_on(doc, trigger)


@pytest.mark.parametrize(("text", "caller", "receiver"), [
    ("تلقى صاحب السمو الملكي الأمير محمد بن نايف ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية "
     "اتصالا هاتفيا مساء أمس من وزير الخارجية الأمريكي جون كيري.", "John Kerry", "Mohammed bin Nayef"),
    ("وتلقى الملك سلمان اتصالا هاتفيا من الرئيس الأمريكي باراك أوباما.", "Barack Obama", "Salman of Saudi Arabia"),
])
def test_a_call_received_is_made_by_the_caller(text: str, caller: str, receiver: str) -> None:
    doc = marsad.analyze(text, PUBLISHED)
    [ev] = [e for e in doc.events if e.type == "CONSULT"]
    assert caller in names(doc, ev.source)
    assert receiver in names(doc, ev.target)


def test_battles_between_parties_are_mutual() -> None:
    doc = marsad.analyze(LEAD + "وذكرت مصادر عسكرية أن المعارك تستمر بين القوات الموالية لحكومة هادي "
                         "والحوثيين في حي خور مكسر.", PUBLISHED)
    [ev] = events_on(doc, "المعارك")
    assert ev.type == "ASSAULT"
    assert names(doc, ev.source) == names(doc, ev.target) == {"Abdrabbuh Mansur Hadi", "Houthis"}


@pytest.mark.parametrize(("text", "trigger", "source", "target"), [
    # loyal to / part of a body after ل
    ("وهاجمت الميليشيات الموالية لإيران القوات التابعة للحكومة العراقية قرب بغداد.", "وهاجمت",
     "Iran", "Iraqi people"),
    # drawn from a body after من
    ("وقتل مسلحون من تنظيم داعش ثلاثة من عناصر الشرطة العراقية في الأنبار.", "وقتل", "Islamic State", None),
])
def test_agents_act_for_the_body_they_are_loyal_to_or_drawn_from(text: str, trigger: str, source: str,
                                                                target: str | None) -> None:
    doc = marsad.analyze(text, PUBLISHED)
    [ev] = events_on(doc, trigger)
    assert names(doc, ev.source) == {source}
    if target is not None:
        assert target in names(doc, ev.target)


def test_fighters_from_a_state_are_no_members_of_it() -> None:
    from marsad.stages.events.mentions import find_mentions

    doc = marsad.analyze("وعبر الحدود مقاتلون من روسيا إلى سوريا.", PUBLISHED)
    [agent] = [m for m in find_mentions(doc) if m.agent]
    assert doc.span_text(agent.span) == "مقاتلون" and agent.entity is None


@pytest.mark.parametrize(("text", "linked"), [
    ("تتواصل المعارك في اليمن. وقالت مصادر إن المقاومة سيطرت على مواقع قرب قاعدة العند.", True),
    ("عدن - وكالات: قالت مصادر إن المقاومة سيطرت على مواقع قرب قاعدة العند.", True),
    # In a story that does not name Yemen, «المقاومة» is no Yemeni body.
    ("قال الأمين العام لحزب الله إن المقاومة لن تتراجع في لبنان.", False),
])
def test_the_resistance_of_a_yemeni_story_is_the_popular_resistance(text: str, linked: bool) -> None:
    doc = marsad.analyze(text, PUBLISHED)
    assert (RESISTANCE in {e.name_en for e in doc.entities}) is linked


def test_fighting_with_one_side_after_ma3a_takes_the_other_from_the_sentence() -> None:
    # SaudiNewsNet record 3303 (2015) has «… قتل ١٠ من الحوثيين وقوات صالح في مواجهات مع المقاومة».
    doc = marsad.analyze(LEAD + "وقتل عشرة من الحوثيين في مواجهات عنيفة مع المقاومة الشعبية في تعز.", PUBLISHED)
    [ev] = events_on(doc, "مواجهات")
    assert names(doc, ev.source) == names(doc, ev.target) == {"Houthis", RESISTANCE}
