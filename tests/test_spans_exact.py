"""Offsets are the truth: every span the spine makes slices the document text to its text."""

from __future__ import annotations

import gzip
import json
from itertools import islice, pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import marsad
from marsad.core.document import Document

ARABIC_WORDS = ["قال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "إن", "بلاده", "ستعزز", "علاقاتها",
                "مع", "كوريا", "الشمالية", "وبالكرملين", "للأمم", "المتحدة", "٢٠٢٤", "3.5", "د.", "أ.",
                "«", "»", "\"", "“", "”", ".", "،", "؟", "!", "—", "الماضيوسافر", "مُحَمَّد", "ـــ",
                "Reuters", "سي إن إن", "\u200f", "\ufeff", "ﻻ", "\n", "\n\n", "  ", "\t"]


def check_spans(doc: Document) -> None:
    text = doc.text
    previous_end = 0
    for sent in doc.sentences:
        assert 0 <= sent.start < sent.end <= len(text)
        assert sent.start >= previous_end, "sentences are in order and do not overlap"
        assert text[sent.start:sent.end] == text[sent.start:sent.end].strip()
        previous_end = sent.end
    for tok in doc.tokens:
        assert 0 <= tok.start < tok.end <= len(text)
        assert not text[tok.start:tok.end].isspace()
        covered = [p.span for p in tok.parts]
        if covered:
            assert covered[0].start == tok.start and covered[-1].end == tok.end
            assert all(a.end == b.start for a, b in pairwise(covered))
        assert doc.sentence_of(tok.start) is not None or not doc.sentences
    if doc.dateline and doc.dateline.span:
        span = doc.dateline.span
        assert text[span.start:span.end] == doc.to_dict()["dateline"]["text"]
    for repair in doc.repairs:
        assert text[repair.start:repair.start + len(repair.after)] == repair.after
    payload = doc.to_dict()
    for sent in payload["sentences"]:
        assert text[sent["start"]:sent["end"]] == sent["text"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ARABIC_WORDS), min_size=1, max_size=60).map(" ".join))
def test_spans_exact_on_generated_arabic(text: str) -> None:
    if not text.strip():
        return
    try:
        doc = marsad.analyze(text, "2024-06-17")
    except marsad.core.errors.EmptyInputError:
        return  # only invisible characters: refused with a clear error, which is right
    check_spans(doc)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=300))
def test_any_unicode_is_analysed_or_refused_cleanly(text: str) -> None:
    try:
        doc = marsad.analyze(text)
    except marsad.core.errors.MarsadError:
        return
    check_spans(doc)


def test_spans_exact_on_example(example_text: str) -> None:
    check_spans(marsad.analyze(example_text, "2024-06-17"))


def test_spans_exact_on_real_news(shared_dir):  # type: ignore[no-untyped-def]
    corpus = shared_dir / "data/news/saudinewsnet/saudinewsnet.jsonl.gz"
    if not corpus.exists():
        pytest.skip("saudinewsnet corpus absent")
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in islice(fh, 0, 4000, 20):
            text = json.loads(line)["text"]
            if text.strip():
                check_spans(marsad.analyze(text))
