"""Counts written as a definite number after the noun they count, for the quantities stage.

Arabic puts a definite cardinal after a definite plural as an adjective: الدول الخمس (the five
states), طائرات الرافال الثلاث (the three Rafale aircraft), السنوات الـ15 (the 15 years).  The
noun counted is the nearest plural before the number, a few words back at most (a name may stand
between: طائرات إف-16 الثماني).  A الـN after a singular is an ordinal (الدورة الـ17: the 17th
session) and no amount.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from marsad.text.keys import fold, frequency, strip_diacritics
from marsad.text.numbers import digits_value, number_words
from marsad.text.resources import load_yaml
from marsad.text.words import Word, strip_proclitic
from marsad.text.words import definite as is_definite

#: How many words before a definite number its plural noun may stand (طائرات إف - 16 الثماني).
PLURAL_REACH = 4
#: How far back the plural of a الـN may stand: one word between at most (قطاعات السوق ال15); further
#: back the digits number something else (لزوار مهرجان أبها للتسوق ال17: the 17th festival).
DIGITS_PLURAL_REACH = 2
#: The smallest count read from a definite cardinal word: الاثنين is also Monday and الواحد "the one".
MIN_DEFINITE_CARDINAL = 3


def definite_cardinal(words: Sequence[Word], k: int) -> int | None:
    """The value of a definite cardinal word at ``k`` (الثلاث، الخمسة، والعشرة), else None."""
    w = words[k]
    return _definite_cardinal_form(w.form) if w.kind == "word" else None


@lru_cache(maxsize=1)
def definite_cardinal_firsts() -> frozenset[str]:
    """Every folded word ``definite_cardinal`` may read, with or without a proclitic (والخمسة)."""
    cardinals = load_yaml("numbers.yaml")["cardinals"]
    forms = {"ال" + fold(form, keep_madda=True) for value, group in cardinals.items()
             if MIN_DEFINITE_CARDINAL <= int(value) for form in group if " " not in form}
    return frozenset(forms | {p + f for f in forms for p in ("و", "ف", "ب", "ل", "وب", "ول")})


@lru_cache(maxsize=65_536)
def _definite_cardinal_form(form: str) -> int | None:
    """``definite_cardinal`` of one folded word (cached: the stage asks it of every word)."""
    if "ال" not in form[:4]:
        return None
    cardinals = number_words().cardinals
    for _, reading in strip_proclitic(form):
        if is_definite(reading) and len(reading) > 3:
            value = cardinals.get(reading[2:])
            if value is not None and MIN_DEFINITE_CARDINAL <= value:
                return value
    return None


def definite_digits(words: Sequence[Word], k: int) -> int | None:
    """The value of الـN at ``k`` (the article written apart with a tatweel, glued to digits), else None."""
    if words[k].form != "ال" or k + 1 >= len(words) or words[k + 1].kind != "num" or not words[k + 1].glued:
        return None
    value = digits_value(words[k + 1].form)
    return int(value) if value is not None and value == int(value) and value > 0 else None


def _is_plural(form: str) -> bool:
    """Is the folded ``form`` (without the article) a plural: listed, or a sound plural of a known word?"""
    nw = number_words()
    if form in nw.singulars:
        return True
    if len(form) > 4 and form.endswith("ات"):
        return True
    return len(form) > 4 and form.endswith(("ين", "ون")) and frequency(form[:-2]) > 0


def plural_before(text: str, words: Sequence[Word], k: int, singular: Callable[[str], str],
                  reach: int = PLURAL_REACH) -> tuple[int, str] | None:
    """The nearest plural noun before word ``k``: ``(its index, its singular)``, else None.

    Only names and words glued by a hyphen may stand between (الرافال، إف-16); a sentence mark,
    a comma or a preposition ends the search.
    """
    for p in range(k - 1, max(-1, k - 1 - reach), -1):
        w = words[p]
        if w.kind == "punct" and w.form != "-":
            return None
        if w.kind != "word":
            continue
        for prefix, form in reversed(strip_proclitic(w.form)):  # وطائرات: the reading without و first
            bare = form[2:] if is_definite(form) else form
            if _is_plural(bare):
                written = strip_diacritics(text[w.start + prefix:w.end])
                if is_definite(fold(written, keep_madda=True)):
                    written = written[2:]
                return p, singular(written)
        if w.form in ("في", "من", "الى", "على", "عن", "مع", "بين"):
            return None
    return None
