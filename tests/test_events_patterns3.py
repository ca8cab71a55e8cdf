"""Events stage: patterns read on set D of the held-apart articles (issue 14), each on sentences
written for these tests: an office set between commas after a person's name, lists opened by
«كلا من», visits named by an official's title, nationalities after relief craft, and war-report,
relief and appeal wordings."""

from __future__ import annotations

import functools

from conftest import events_doc
from marsad.core.document import Document, Event
from marsad.stages.events import find_events
from marsad.stages.events.args import actor_country

build = functools.partial(events_doc, published="2024-06-17", longest_first=True)


def events_on(doc: Document, trigger: str) -> list[Event]:
    """The events (rules only, no learned filter) whose trigger holds ``trigger``."""
    return [e for e in find_events(doc, learned_filter=False) if trigger in doc.span_text(e.trigger)]


def countries(doc: Document, actors: tuple[object, ...]) -> set[str | None]:
    return {actor_country(doc, a) for a in actors}  # type: ignore[arg-type]


def test_an_office_between_commas_is_the_subjects_and_the_object_follows_it() -> None:
    doc = build("حمّل وليد جنبلاط، رئيس الحزب التقدمي الاشتراكي، سوريا مسؤولية اغتيال الصحفي.",
                (("وليد جنبلاط", "PER", "LBN"), ("الحزب التقدمي الاشتراكي", "ORG", "LBN"),
                 ("سوريا", "GPE", "SYR")))
    [ev] = events_on(doc, "حمّل")
    assert ev.type == "ACCUSE"
    assert countries(doc, ev.source) - {None} == {"LBN"}
    assert countries(doc, ev.target) == {"SYR"}


def test_an_office_phrase_longer_than_its_title_word_still_closes_at_its_comma() -> None:
    doc = build("واستقبل الرئيس عبد ربه منصور هادي، رئيس الجمهورية، وزير الخارجية البريطاني في الرياض.",
                (("عبد ربه منصور هادي", "PER", "YEM"), ("البريطاني", "NORP", "GBR"), ("الرياض", "GPE", "SAU")))
    [ev] = events_on(doc, "واستقبل")
    assert "YEM" in countries(doc, ev.source)
    assert "GBR" in countries(doc, ev.target)


def test_an_office_without_a_closing_comma_keeps_the_names_completing_it() -> None:
    doc = build("وثمن السفير أحمد قطان، سفير المملكة العربية السعودية في مصر دعم الشركة للصندوق.",
                (("أحمد قطان", "PER", "SAU"), ("المملكة العربية السعودية", "GPE", "SAU"), ("مصر", "GPE", "EGY")))
    [ev] = events_on(doc, "وثمن")
    assert "المملكة العربية السعودية" not in {doc.span_text(a.span) for a in ev.target}
