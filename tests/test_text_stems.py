"""The light10 stemmer (marsad.text.stems): one key for the inflected forms of news words."""

from __future__ import annotations

import pytest

from marsad.text.keys import key
from marsad.text.stems import affixes, light_stem


@pytest.mark.parametrize(
    ("words", "stem"),
    [
        # plural endings and the article
        (("المتظاهرين", "متظاهرون", "والمتظاهرون", "متظاهر"), "متظاهر"),
        (("الاحتجاجات", "احتجاجات", "احتجاج"), "احتجاج"),
        # the feminine ending (folded to ه) and a pronoun
        (("الشرطة", "شرطة"), "شرط"),
        (("هجماتها", "الهجمات"), "هجم"),
    ],
)
def test_inflected_forms_share_a_stem(words: tuple[str, ...], stem: str) -> None:
    assert {light_stem(key(w)) for w in words} == {stem}


@pytest.mark.parametrize("word", ["قتل", "ولد", "بين", "وزن"])
def test_short_words_keep_their_letters(word: str) -> None:
    # و is taken off only when three letters remain, the endings only when two do.
    assert light_stem(word) == word


def test_conjunction_needs_three_letters_left() -> None:
    assert light_stem("وقع") == "وقع"
    assert light_stem("وقتل") == "قتل"


def test_affixes_load_in_file_order() -> None:
    table = affixes()
    assert table.conj == (("و", 3),)
    assert table.articles[0] == ("وال", 2) and ("ال", 2) in table.articles
    assert [a for a, _ in table.suffixes][:3] == ["ها", "ان", "ات"]
