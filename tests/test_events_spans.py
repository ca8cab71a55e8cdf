"""Events on a whole article: every span is exact, and the stage works without entities or dates."""

from __future__ import annotations

import marsad
from marsad.core.document import Document
from marsad.stages.events import find_events
from marsad.stages.events.lexicon import PLOVER_TYPES


def _spans_exact(doc: Document) -> None:
    for ev in doc.events:
        assert ev.type in PLOVER_TYPES
        assert doc.text[ev.trigger.start : ev.trigger.end] == doc.span_text(ev.trigger)
        assert doc.sentences[ev.sentence].contains(ev.trigger)
        assert ev.sentence in ev.sentences
        actors = [*ev.source, *ev.target, *([ev.location] if ev.location else [])]
        for a in actors:
            assert 0 <= a.span.start < a.span.end <= len(doc.text)
            assert doc.span_text(a.span).strip() == doc.span_text(a.span)
            assert a.entity is None or 0 <= a.entity < len(doc.entities)


def test_example_without_entities_or_dates(example_text: str) -> None:
    doc = marsad.analyze(example_text, "2024-06-17", stages=("clean", "segment"))
    doc.events = find_events(doc)
    assert doc.events
    _spans_exact(doc)
    assert all(ev.date is None for ev in doc.events)  # no date mentions: no guessed dates
    # a planned visit is never told as one that happened
    planned = [ev for ev in doc.events if ev.mode == "visit" and ev.status == "planned"]
    assert planned
    assert doc.to_dict()["events"][0]["trigger"]["text"] == doc.span_text(doc.events[0].trigger)


def test_empty_article() -> None:
    doc = marsad.analyze("مرحبا.", "2024-06-17", stages=("clean", "segment"))
    assert find_events(doc) == []
