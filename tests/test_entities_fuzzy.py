"""Near spellings of knowledge-base names link (link.fuzzy_entry), but never across states."""

from __future__ import annotations

import pytest

from marsad.stages.entities.kb import load
from marsad.stages.entities.link import fuzzy_entry


@pytest.mark.parametrize(("text", "type_", "kb_id"), [
    ("فولوديمير زيلنسكي", "PER", "zelensky"),  # زيلينسكي without its yā'
    ("مجلس التعاون الخليجي العربي", "ORG", "gcc"),  # for مجلس التعاون لدول الخليج العربية
])
def test_near_spellings_link(text: str, type_: str, kb_id: str) -> None:
    assert fuzzy_entry(load(), text, type_) == kb_id  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    "وزارة الدفاع الكورية",  # two Koreas: was the Cuban ministry (الكوبية), one letter off
    "وزارة الخارجية النمساوية",  # a state's ministry is composed and found exactly, never near
    "المصرف المركزي الأوروبي",  # was Ethiopia's central bank (الإثيوبي)
])
def test_composed_ministries_are_not_near_matches(text: str) -> None:
    found = fuzzy_entry(load(), text, "ORG")
    assert found is None or "@" not in found
