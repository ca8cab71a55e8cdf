"""The compiled scans (``_speedups.c``) and their Python versions agree: tokens of segment, long
words of clean's glued-word check."""

from __future__ import annotations

import gzip
import json
from itertools import islice
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.stages import clean
from marsad.stages.clean import clean_text
from marsad.text import tokens
from marsad.text.tokens import TOKEN_RE, find_tokens, scan_tokens

compiled = pytest.mark.skipif(tokens._compiled_scan is None,
                              reason="marsad.text._speedups was not built (no C compiler at install time)")

SENTENCES = [
    ("وقال الرئيس الروسي فلاديمير بوتين إن بلاده ستعزز علاقاتها مع بيونغ يانغ.",
     ["وقال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "إن", "بلاده", "ستعزز", "علاقاتها", "مع", "بيونغ",
      "يانغ", "."]),
    ("ارتفع التضخم إلى ٣٫٥٪ في أيار/مايو 2024، بحسب «رويترز».",
     ["ارتفع", "التضخم", "إلى", "٣٫٥", "٪", "في", "أيار", "/", "مايو", "2024", "،", "بحسب", "«", "رويترز",
      "»", "."]),
    ("نقلت شبكة CNN عن مسؤولين في Kim Jong-un’s إدارة أنّ الاجتماع سيُعقد غدًا.",
     ["نقلت", "شبكة", "CNN", "عن", "مسؤولين", "في", "Kim", "Jong-un’s", "إدارة", "أنّ", "الاجتماع", "سيُعقد",
      "غدًا", "."]),
    ("بلغت الخسائر 1,250.75 مليون دولار — أي نحو 3.5 مليار ريال؟!",
     ["بلغت", "الخسائر", "1,250.75", "مليون", "دولار", "—", "أي", "نحو", "3.5", "مليار", "ريال", "؟", "!"]),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_tokens_of_news_sentences(text: str, expected: list[str]) -> None:
    tokens = find_tokens(text)
    assert [text[t.start:t.end] for t in tokens] == expected
    assert [t.kind for t in tokens] == [TOKEN_RE.fullmatch(w).lastgroup for w in expected]  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_python_scan_agrees(text: str, expected: list[str]) -> None:
    assert [text[t.start:t.end] for t in scan_tokens(text)] == expected


@compiled
@pytest.mark.parametrize("text", [
    "3.5.", "٣٫٥٬", "1,", ".5", "Putin’s-", "a-b-", "x'", "A", "é", "ــبـ", "\u064bب", "😀 تجربة", "e\u0301",
    "  ", "", "ab\u00a0cd\u2003ef", "قال\u200fبوتين", "ﻻ", "ا\u0654", "\x1c", "«»“”", "Jean-Pierre’",
])
def test_compiled_scan_matches_python_on_edge_cases(text: str) -> None:
    assert find_tokens(text) == scan_tokens(text)


ALPHABET = st.sampled_from(list("قالرئيسوبتنمـًٌٍَُِّْٰۖ٠١٩0123456789.,٫٬'’-AzÀɏ «»\"“”،؛؟!…()/—_*•\n\t\u00a0\u200f%$😀"))


@compiled
@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=60))
def test_compiled_scan_matches_python(text: str) -> None:
    assert find_tokens(text) == scan_tokens(text)


@compiled
def test_compiled_scan_matches_python_on_news(shared_dir: Path) -> None:
    path = shared_dir / "data/news/saudinewsnet/saudinewsnet.jsonl.gz"
    if not path.exists():
        pytest.skip("SaudiNewsNet is not in ../shared")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        texts = [clean_text(json.loads(line)["text"]).text for line in islice(fh, 200)]
    for text in texts:
        assert find_tokens(text) == scan_tokens(text)


long_words_compiled = pytest.mark.skipif(clean._compiled_long_words is None,
                                         reason="marsad.text._speedups was not built (no C compiler at install time)")


@long_words_compiled
@pytest.mark.parametrize(("text", "expected"), [
    ("وصل الوفد إلى العاصمةوقال إن المفاوضات مستمرة", ["العاصمةوقال", "المفاوضات", "مستمرة"]),
    ("أعلنت وزارةالصحة، والمستشفيات في «غزة» مكتظة.", ["وزارةالصحة", "والمستشفيات"]),
    ("مُحَمَّدالرسول", ["دالرسول"]),
    ("ـالعاصمةـ 2024 abcdefgh", ["العاصمة"]),
    ("", []),
])
def test_long_words_of_the_glued_word_check(text: str, expected: list[str]) -> None:
    assert clean.long_words(text) == expected
    assert clean._ARABIC_WORD.findall(text) == expected


@long_words_compiled
@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=80))
def test_compiled_long_words_match_the_regex(text: str) -> None:
    assert clean.long_words(text) == clean._ARABIC_WORD.findall(text)
