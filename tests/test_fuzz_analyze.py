"""Fuzzing ``analyze``: whatever the text, only marsad's own errors come out, and every span of
every kind lies within the text and slices to its stated text.

The quick runs are part of the suite; the long run (10,000 inputs, ``-m slow``) is recorded in
docs/benchmarks.md.  The time checks hold the issue #17 promise: 100 KB of one repeated word
analyses in linear time.
"""

from __future__ import annotations

import math
import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import marsad
from conftest import EXAMPLE
from marsad.core.contract import problems
from marsad.core.document import Document
from marsad.core.errors import MarsadError, StageError

EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")

# Arabic letters, diacritics and tatweel, both digit sets, Arabic and Latin punctuation, quotes,
# bidi and zero-width marks, presentation forms, spaces and line breaks, with some Latin.
ARABIC_HEAVY = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0621, max_codepoint=0x0652),
        st.characters(min_codepoint=0x0660, max_codepoint=0x0669),
        st.sampled_from(list("0123456789.,٫٬،؛؟!:«»\"“”()-–—/%$ \n\t\u200f\u200e\u202b\u202c\u200b\ufeffﻻﷲ")),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    ),
    min_size=1, max_size=400,
)
WORDS = ["قال", "الرئيس", "بوتين", "إن", "مليار", "مليون", "ألف", "دولار", "يومين", "قبل", "منذ", "سنة", "عام",
         "يونيو", "حزيران", "2024", "٢٠٢٤", "أكثر", "من", "نحو", "وقال", "«", "»", ".", "،", ":", "-", "/",
         "كوريا", "الشمالية", "وزارة", "الخارجية", "وزير", "استقبل", "الشرطة", "قوات",
         "الأمم", "المتحدة", "الماضيوسافر", "3-5", "10:30", "١٢٫٥",
         "<p>", "</p>", "<b>", "&amp;", "<script>x</script>", "\u200f", "\u202e", "\n", "\n\n"]
DIGIT_RUNS = st.builds(lambda d, n: d * n, st.sampled_from(["9", "1", "٩", "0", "1,000", "2,137٫2e"]),
                       st.one_of(st.integers(1, 40), st.integers(20, 600)))
WORD_SOUP = st.lists(st.one_of(st.sampled_from(WORDS), DIGIT_RUNS), min_size=1, max_size=50).map(" ".join)
#: Longest window of the example that is mutated (the whole article is slow to fuzz 10,000 times;
#: windows starting anywhere cover all of it).
WINDOW = 1500


@st.composite
def mutated_example(draw: st.DrawFn) -> str:
    """A window of the bundled article with a few random edits: inserts, cuts, repeats, digit runs,
    marks, tags."""
    begin = draw(st.integers(0, len(EXAMPLE_TEXT) - 1))
    text = EXAMPLE_TEXT[begin:begin + draw(st.integers(1, WINDOW))]
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "cut", "repeat", "digits", "mark", "tag"]))
        if kind == "insert":
            text = text[:at] + draw(ARABIC_HEAVY) + text[at:]
        elif kind == "cut":
            text = text[:at] + text[at + draw(st.integers(1, 500)):]
        elif kind == "repeat":
            piece = text[at:at + draw(st.integers(1, 60))]
            text = text[:at] + piece * draw(st.integers(2, 20)) + text[at:]
        elif kind == "digits":
            text = text[:at] + draw(DIGIT_RUNS) + text[at:]
        elif kind == "mark":
            text = text[:at] + draw(st.sampled_from(["\u200f", "\u202e", "\u200b", "\ufeff", "\u0640"])) + text[at:]
        else:
            text = text[:at] + draw(st.sampled_from(["<p>", "</div>", "<br/>", "<a href='x'>", "&nbsp;"])) + text[at:]
    return text


ANY_INPUT = st.one_of(ARABIC_HEAVY, WORD_SOUP, mutated_example())


def _walk(node: Any, path: str = "") -> list[tuple[str, Any]]:
    """Every (path, value) below ``node``."""
    out = [(path, node)]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += _walk(value, f"{path}/{index}")
    return out


def check_document(doc: Document) -> None:
    """Every span within the text and equal to its stated text; no NaN or Infinity; the contract holds."""
    text = doc.text
    for tok in doc.tokens:
        assert 0 <= tok.start < tok.end <= len(text)
        for part in tok.parts:
            assert tok.start <= part.span.start <= part.span.end <= tok.end
    payload = doc.to_dict()
    for path, node in _walk({k: v for k, v in payload.items() if k != "text"}):
        if isinstance(node, float):
            assert math.isfinite(node), path
        if isinstance(node, dict) and isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            assert 0 <= node["start"] <= node["end"] <= len(text), path
            if "text" in node and "before" not in node:
                assert text[node["start"]:node["end"]] == node["text"], path
        if isinstance(node, dict) and isinstance(node.get("entity"), int):
            assert 0 <= node["entity"] < len(payload["entities"]), path
    assert problems(payload) == []


def analyse_or_refuse(text: str) -> None:
    """``analyze`` gives a sound Document or refuses the input with a MarsadError, never anything
    else; a stage failing (StageError, "please report it") is a bug, not a refusal."""
    try:
        doc = marsad.analyze(text, "2024-06-17")
    except StageError:
        raise
    except MarsadError:
        return
    check_document(doc)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(ARABIC_HEAVY)
def test_fuzz_arabic_heavy_text(text: str) -> None:
    analyse_or_refuse(text)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(WORD_SOUP)
def test_fuzz_words_digit_runs_and_tags(text: str) -> None:
    analyse_or_refuse(text)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutated_example())
def test_fuzz_mutated_example(text: str) -> None:
    analyse_or_refuse(text)


#: Inputs of the long run, recorded in docs/benchmarks.md.
LONG_RUN = 10_000
_counted = [0]


@pytest.mark.slow
@settings(max_examples=LONG_RUN, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(ANY_INPUT)
def test_fuzz_long_run(text: str) -> None:
    _counted[0] += 1
    analyse_or_refuse(text)


@pytest.mark.slow
def test_fuzz_long_run_count() -> None:
    """Runs after the long run (same module, file order) and prints how many inputs it tried."""
    print(f"\nfuzz long run: {_counted[0]} inputs, no raw exception, no bad span")


@pytest.mark.parametrize("text", [
    "قبل " + "9" * 400 + " سنة",  # OverflowError in temporal
    "قال " + "1" * 4301,  # int() over 4,300 digits
    "2,137٫2e",  # decimal.InvalidOperation
    "قال " + "مليار " * 400 + "دولار",  # a value past a float's range
    "قبل 99999999999 سنة",  # a year past 9999
])
def test_fuzz_reproductions_analyse_cleanly(text: str) -> None:
    doc = marsad.analyze(text, "2024-06-17")
    check_document(doc)
    assert all(d.value is None or not d.value.startswith("-") for d in doc.dates)


#: News sentences every word-prefix of which must analyse: a text may stop anywhere, and a rule
#: that looks at the word after a cue must not run past the last token.
PREFIXED = [
    "وقال وزير الخارجية السعودي عادل الجبير في مؤتمر صحفي إن المملكة ستواصل دعم اليمن.",
    "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في الرياض أمس سفير روسيا لدى المملكة.",
    "أطلقت قوات الأمن العراقية النار على متظاهرين في البصرة، وفق ما قال شهود عيان للوكالة.",
]


@pytest.mark.parametrize("sentence", PREFIXED)
def test_every_word_prefix_of_a_sentence_analyses(sentence: str) -> None:
    words = sentence.split()
    for n in range(1, len(words) + 1):
        check_document(marsad.analyze(" ".join(words[:n]), "2024-06-17"))


def _seconds(word: str, size: int) -> float:
    """CPU seconds (not wall time: the test machine is shared) to analyse ``size`` bytes of ``word``."""
    unit = word + " "
    text = unit * (size // len(unit.encode("utf-8")))
    start = time.process_time()
    analyse_or_refuse(text)
    return time.process_time() - start


@pytest.mark.parametrize("word", ["بوتين", "ب" * 20000])
def test_repeated_word_is_linear(word: str) -> None:
    marsad.analyze("قال بوتين", "2024-06-17")  # models loaded before timing
    small = _seconds(word, 25_000)
    large = _seconds(word, 100_000)
    assert large < 10.0, f"100 KB took {large:.1f} s"
    assert large < 6 * small + 1.0, f"25 KB {small:.1f} s, 100 KB {large:.1f} s: not linear"


def test_a_failing_stage_is_a_one_line_marsad_error() -> None:
    from marsad.core.errors import StageError
    from marsad.core.pipeline import Pipeline
    from marsad.core.registry import Stage
    from marsad.core.settings import Settings

    def broken(doc: Document, settings: Settings) -> None:
        raise ZeroDivisionError("division by zero")

    pipe = Pipeline((Stage("broken", broken, frozenset(), frozenset(), "fails"),), Settings())
    with pytest.raises(StageError) as caught:
        pipe(Document(raw="قال بوتين", origin="<text>"))
    assert str(caught.value) == ("E301 <text>: stage broken failed (ZeroDivisionError: division by zero); "
                                 "please report it with the article")
