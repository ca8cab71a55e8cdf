"""Events stage: patterns read on set F of the held-apart articles (issue 14), each on sentences
written for these tests: words that name sport only when nothing else reads them, and a verb whose
subject, the name apposed to it and a time frame are each set off by commas before its object."""

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
