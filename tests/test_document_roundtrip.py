"""A stored or exported analysis reads back into the model: ``Document.from_dict(doc.to_dict())``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import marsad
from marsad.core.errors import RecordError


def test_every_field_round_trips_on_the_example(example_path: Path) -> None:
    doc = marsad.analyze(example_path, dt.date(2024, 6, 17))
    back = marsad.Document.from_dict(doc.to_dict())
    assert back.to_dict() == doc.to_dict()
    for field in ("sentences", "tokens", "removed", "repairs", "entities", "quotes", "events", "dates",
                  "quantities", "dateline", "published", "title"):
        assert getattr(back, field) == getattr(doc, field), field
    assert back.id == doc.id


def test_a_dateline_taken_out_of_the_body_round_trips() -> None:
    doc = marsad.analyze("موسكو 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس\nالتقى وزير الخارجية اليوم "
                         "في موسكو نظيره الروسي سيرجي لافروف، وجرى خلال اللقاء بحث العلاقات الثنائية.",
                         dt.date(2015, 8, 11))
    back = marsad.Document.from_json(doc.to_json())
    assert back.dateline == doc.dateline and back.dateline is not None and back.dateline.date == "2015-08-11"


@pytest.mark.parametrize("bad", ['{"schema": "other/1", "text": ""}', '{"schema": "marsad.document/1"}', "[1, 2"])
def test_what_is_not_a_document_is_one_line_error(bad: str) -> None:
    with pytest.raises(RecordError) as info:
        marsad.Document.from_json(bad)
    assert "\n" not in str(info.value)
