"""The quote cue lexicon loads, is documented, and its sections do not contradict each other."""

from __future__ import annotations

import pytest

from marsad.stages.quotes.lexicon import CUES_FILE, cues
from marsad.text.resources import data_path, load_yaml

SECTIONS = ["verbs", "relay_verbs", "participles", "complementisers", "speech_nouns", "according",
            "outlet_heads", "outlet_names", "titles", "speaker_stops", "grammar"]


def test_quote_cues_header_names_source_and_licence() -> None:
    head = data_path(CUES_FILE).read_text(encoding="utf-8").splitlines()[:6]
    assert head[0].startswith("#")
    assert any("Source:" in line for line in head)
    assert any("Licence:" in line for line in head)


@pytest.mark.parametrize("section", SECTIONS)
def test_quote_cues_section_present(section: str) -> None:
    assert load_yaml(CUES_FILE).get(section)


def test_quote_cues_do_not_contradict() -> None:
    c = cues()
    # A verb of saying can never end a speaker phrase or be a title, or speakers get cut short.
    assert not c.verbs & c.speaker_stops
    assert not c.verbs & c.titles
    assert not c.complementisers & c.titles
    assert {"قال", "اكد", "اضاف", "اشار", "اوضح", "شدد", "اعتبر", "اعلن"} <= c.verbs
    assert {"ان", "انه", "انها"} <= c.complementisers
