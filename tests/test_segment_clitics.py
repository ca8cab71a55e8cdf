"""Tokens, clitic pieces with offsets, matching keys and numbers; names are never cut."""

from __future__ import annotations

import pytest

from marsad.text.keys import fold, key
from marsad.text.tokens import find_tokens


def pieces(word: str) -> list[tuple[str, str]]:
    (token,) = find_tokens(word)
    return [(word[p.span.start:p.span.end], p.role) for p in token.parts] or [(word, "stem")]


@pytest.mark.parametrize(("word", "expected"), [
    ("والرئيس", [("و", "conj"), ("ال", "det"), ("رئيس", "stem")]),
    ("وبالكرملين", [("و", "conj"), ("ب", "prep"), ("ال", "det"), ("كرملين", "stem")]),
    ("للأمم", [("ل", "prep"), ("ل", "det"), ("أمم", "stem")]),
    ("فالحكومة", [("ف", "conj"), ("ال", "det"), ("حكومة", "stem")]),
    ("وسيزور", [("و", "conj"), ("س", "fut"), ("يزور", "stem")]),
    ("بلاده", [("بلاد", "stem"), ("ه", "pron")]),
    ("حكومته", [("حكومت", "stem"), ("ه", "pron")]),
    ("وقال", [("و", "conj"), ("قال", "stem")]),
    ("وبكين", [("و", "conj"), ("بكين", "stem")]),        # و + بكين, not و + ب + كين
    ("وبيونغ", [("و", "conj"), ("بيونغ", "stem")]),
    ("وبذلك", [("و", "conj"), ("ب", "prep"), ("ذلك", "stem")]),
])
def test_clitic_pieces(word: str, expected: list[tuple[str, str]]) -> None:
    assert pieces(word) == expected


@pytest.mark.parametrize("name", ["بوتين", "بيونغ", "وليد", "فلاديمير", "لافروف", "كيم", "بكين",
                                  "ولي", "فرنسا", "لبنان", "بلجيكا", "كندا", "سوريا", "فيينا"])
def test_names_are_left_whole(name: str) -> None:
    assert pieces(name) == [(name, "stem")]


def test_parts_have_exact_offsets_in_a_sentence() -> None:
    text = "وقال وزير الخارجية وبالكرملين اليوم"
    for tok in find_tokens(text):
        for part in tok.parts:
            assert tok.start <= part.span.start < part.span.end <= tok.end
        assert "".join(text[p.span.start:p.span.end] for p in tok.parts) in ("", text[tok.start:tok.end])


@pytest.mark.parametrize(("a", "b"), [
    ("أحمد", "احمد"), ("إسرائيل", "اسرائيل"), ("مصطفى", "مصطفي"), ("الجامعة", "الجامعه"),
    ("مُحَمَّد", "محمد"), ("الـــرئيس", "الرئيس"), ("آمال", "امال"),
])
def test_keys_fold_spelling_variants(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_key_drops_proclitics_but_keeps_the_article() -> None:
    assert key("وبالكرملين") == key("الكرملين") == "الكرملين"
    assert key("وروسيا") == key("روسيا")


@pytest.mark.parametrize(("text", "value"), [("٢٠٢٤", "2024"), ("١٢٫٥", "12٫5"), ("3,000", "3,000"),
                                             ("۱۴۰۳", "1403")])
def test_eastern_digits_are_numbers(text: str, value: str) -> None:
    (token,) = find_tokens(text)
    assert token.kind == "number" and token.key == value


def test_token_kinds() -> None:
    kinds = [(t.kind) for t in find_tokens("قال Putin إن 25 شخصا قتلوا، $")]
    assert kinds == ["word", "latin", "word", "number", "word", "word", "punct", "symbol"]
