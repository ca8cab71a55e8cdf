"""Accusations made by condemning words in a named speaker's statement (events/evaluative.py), on
sentences written for these tests."""

from __future__ import annotations

import marsad
from marsad.core.document import Document, Event
from marsad.stages.events.evaluative import condemning


def accusations(doc: Document) -> list[Event]:
    return [e for e in doc.events if e.type == "ACCUSE"]


def names(doc: Document, actors: tuple[object, ...]) -> set[str]:
    return {doc.span_text(a.span) for a in actors}  # type: ignore[attr-defined]


def test_condemning_words_in_a_statement_accuse_the_party_it_names() -> None:
    doc = marsad.analyze("وقال رئيس الوزراء الفلسطيني رامي الحمد الله إن هذه التشريعات عنصرية وتعبر عن سياسة "
                         "إسرائيل تجاه الأسرى.", published="2015-07-21")
    [ev] = accusations(doc)
    assert ev.mode == "disapprove" and ev.status == "asserted"
    assert "رامي الحمد الله" in names(doc, ev.source)
    assert names(doc, ev.target) == {"إسرائيل"}


def test_a_statement_naming_no_party_or_only_the_scene_accuses_no_one() -> None:
    doc = marsad.analyze("وقال مدير شرطة جدة العميد محمد الغامدي إن الجريمة وقعت في حي الصفا مساء أمس.",
                         published="2015-07-21")
    assert accusations(doc) == []
    # (a narrated crime is no one's statement)
    doc = marsad.analyze("وشهدت مدينة الرياض جريمة قتل مروعة أمس.", published="2015-07-21")
    assert accusations(doc) == []


def test_the_word_list_reads_phrases_as_well_as_words() -> None:
    single, phrases = condemning()
    assert "عنصريه" in single or "عنصرية" in single
    assert any(len(p) == 2 for p in phrases)
