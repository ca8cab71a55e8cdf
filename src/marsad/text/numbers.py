"""Reading Arabic numbers on a word view: digits, number words, scale words, vague amounts and duals.

Shared by the quantities stage (amounts) and the temporal stage (منذ ثلاثة أيام، قبل عقدين).  The
vocabulary lives in ``data/numbers.yaml`` and ``data/plurals.tsv``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from marsad.text.keys import fold
from marsad.text.resources import load_yaml, read_tsv
from marsad.text.words import Lexicon, Word, definite, invert, strip_proclitic

#: Digits of a number word view: thousands separators dropped, the Arabic decimal comma read as a point.
_DIGIT_TABLE = str.maketrans({",": "", "٬": "", "٫": "."})
#: Longest digit run read as a number. News never writes more digits than this for an amount or a date,
#: and int() or Decimal over thousands of digits is slow or refused (a run of 4,301 digits raised).
MAX_DIGITS = 24


@dataclass(frozen=True, slots=True)
class NumberRead:
    """A number read over words ``[i, j)``: its value, a proclitic on the first word, and flags."""

    i: int
    j: int
    prefix: int
    value: float
    vague: bool = False  # عشرات، مئات: "more than" the value
    ambiguous: bool = False  # a lone ست، سبع، عشر، واحد: a number only before a counted noun
    dual_of: str | None = None  # يومين: the singular noun counted twice


@dataclass(frozen=True)
class NumberWords:
    cardinals: Lexicon[int]
    ambiguous: frozenset[str]
    teens: frozenset[str]
    ordinal_units: frozenset[str]
    scale_single: Lexicon[int]
    scale_dual: Lexicon[int]
    scale_plural: Lexicon[int]
    vague: Lexicon[int]
    fractions: Lexicon[float]
    singulars: dict[str, str]  # folded plural → singular as written
    nouns: dict[str, str]  # folded singular → as written; their duals are read as two
    not_duals: frozenset[str]


def _scale_groups(data: dict[str, Any], key: str) -> dict[str, int]:
    return {form: int(v) for v, forms in data["scales"].items() for form in forms[key]}


def read_plurals() -> dict[str, str]:
    """``data/plurals.tsv`` as ``{folded plural: singular}``."""
    return {fold(plural, keep_madda=True): singular
            for plural, singular in read_tsv("plurals.tsv", ("plural", "singular"))}


@lru_cache(maxsize=1)
def number_words() -> NumberWords:
    data = load_yaml("numbers.yaml")
    singulars = read_plurals()
    cardinals = {form: int(v) for v, forms in data["cardinals"].items() for form in forms}
    return NumberWords(
        cardinals=Lexicon(cardinals),
        ambiguous=frozenset(fold(w, keep_madda=True) for w in data["ambiguous_cardinals"]),
        teens=frozenset(fold(w, keep_madda=True) for w in data["teen_words"]),
        ordinal_units=frozenset(fold(w, keep_madda=True) for w in data["ordinal_units"]),
        scale_single=Lexicon(_scale_groups(data, "singular")),
        scale_dual=Lexicon(_scale_groups(data, "dual")),
        scale_plural=Lexicon(_scale_groups(data, "plural")),
        vague=Lexicon(invert({int(k): v for k, v in data["vague"].items()})),
        fractions=Lexicon(invert({float(k): v for k, v in data["fractions"].items()})),
        singulars=singulars,
        nouns={fold(s, keep_madda=True): s for s in singulars.values()},
        not_duals=frozenset(fold(w, keep_madda=True) for w in data["not_duals"]),
    )


#: A thousands or decimal separator inside a number token.
_SEPARATORS = re.compile("[.,٫٬]")


def digits_value(form: str) -> Decimal | None:
    """The value of digits as written (3,500.5، ٣٫٥، 2,4، 1.311.017), exact so that 2.3 مليون is 2300000.

    A token of several separators is one number only when they group thousands (1.311.017 or
    5,715,969, with a decimal part after another separator: 1.500.000,5); else it is several
    numbers (a version 5.1.1, extensions 2354,2340,5721) and has no value (None); so has a run
    longer than :data:`MAX_DIGITS` or one that is no number (2,137٫2 has two decimal marks).
    """
    if len(form) > MAX_DIGITS:
        return None
    seps = _SEPARATORS.findall(form)
    if len(seps) > 1:
        groups = _SEPARATORS.split(form)
        thousands = seps[:-1] if seps[-1] != seps[0] else seps
        if len(set(thousands)) != 1 or not 1 <= len(groups[0]) <= 3 or any(
                len(g) != 3 for g in groups[1:len(thousands) + 1]):
            return None
        whole = "".join(groups[:len(thousands) + 1])
        decimal = groups[-1] if len(thousands) < len(seps) else ""
        form = f"{whole}.{decimal}" if decimal else whole
    else:
        head, comma, tail = form.rpartition(",")
        if comma and "." not in tail and len(tail) != 3:
            form = f"{head}.{tail}"  # 2,4: a decimal comma, not a thousands separator
    try:
        return Decimal(form.translate(_DIGIT_TABLE))
    except InvalidOperation:
        return None  # 2,137٫2: two decimal marks


def digits_int(form: str) -> int | None:
    """Plain digits (no separator) as an int, ``None`` past :data:`MAX_DIGITS` or for other characters."""
    if len(form) > MAX_DIGITS or not form.isdecimal():
        return None
    return int(form)


def _scale_after(words: Sequence[Word], j: int, nw: NumberWords) -> tuple[int, int]:
    """A scale word at ``j`` (ألف، ملايين) as ``(multiplier, words used)``, else ``(1, 0)``."""
    if j >= len(words) or words[j].kind != "word":
        return 1, 0
    form = words[j].form
    for lex in (nw.scale_single, nw.scale_plural):
        value = lex.get(form)
        if value is not None:
            return value, 1
    return 1, 0


def _fraction_join(words: Sequence[Word], j: int, nw: NumberWords) -> tuple[float, int]:
    """The fraction joined by و after a scale word at ``j`` (مليون ونصف): ``(value, words used)``."""
    if j < len(words) and words[j].kind == "word" and words[j].form.startswith("و"):
        m = nw.fractions.match(words, j)
        if m is not None and m.prefix == 1:
            return m.value, m.n
    return 0.0, 0


def _wire_decimal(words: Sequence[Word], i: int) -> Decimal | None:
    """3ر42 is 42.3: wire copy (dpa, KUNA) writes the decimals first, joined to the whole by ر."""
    if i + 2 >= len(words) or words[i + 1].form != "ر" or not (words[i + 1].glued and words[i + 2].glued):
        return None
    whole, decimals = words[i + 2].form, words[i].form
    if words[i + 2].kind != "num" or not whole.isdecimal() or not decimals.isdecimal():
        return None
    return Decimal(f"{int(whole)}.{decimals}")


def read_digits(words: Sequence[Word], i: int) -> NumberRead | None:
    """Digits at ``i`` with the scale words after them (500 ألف، 1.5 مليار، 3ر42 مليون)."""
    if words[i].kind != "num":
        return None
    nw = number_words()
    wire = _wire_decimal(words, i)
    value = wire if wire is not None else digits_value(words[i].form)
    if value is None:
        return None
    j = i + 3 if wire is not None else i + 1
    while True:
        scale, used = _scale_after(words, j, nw)
        if not used:
            break
        value *= scale
        j += used
    if not math.isfinite(float(value)):
        return None  # مليار repeated hundreds of times: no amount, and no Infinity in the output
    return NumberRead(i, j, 0, float(value))


def _cardinal_at(words: Sequence[Word], k: int, nw: NumberWords, first: bool) -> tuple[int, int, int] | None:
    """A cardinal word (or teen pair) at ``k``: ``(value, words used, prefix)``.

    After the first word only a و-joined part (وخمسمئة، وعشرين) continues the number.
    """
    if words[k].kind != "word":
        return None
    m = nw.cardinals.match(words, k)
    if m is None or (not first and not (m.prefix == 1 and words[k].form.startswith("و"))):
        return None
    value, used = m.value, m.n
    if value < 10 and k + used < len(words) and words[k + used].form in nw.teens:
        value, used = value + 10, used + 1  # خمسة عشر
    return value, used, m.prefix


def _read_scale_words(words: Sequence[Word], i: int, nw: NumberWords) -> NumberRead | None:
    """A number led by a scale or vague word: عشرات الآلاف، مليونين، مليون ونصف، نصف مليون."""
    vague = nw.vague.match(words, i)
    if vague is not None:
        value = float(vague.value)
        j = i + vague.n
        scale_m = nw.vague.match(words, j, proclitic=False)
        if scale_m is not None and definite(words[j].form):
            value *= scale_m.value  # عشرات الآلاف
            j += scale_m.n
        return NumberRead(i, j, vague.prefix, value, vague=True)
    dual = nw.scale_dual.match(words, i)
    if dual is not None:
        return NumberRead(i, i + dual.n, dual.prefix, 2.0 * dual.value)
    single = nw.scale_single.match(words, i)
    if single is not None and single.prefix in (0, 1):
        frac, used = _fraction_join(words, i + single.n, nw)
        return NumberRead(i, i + single.n + used, single.prefix, single.value * (1 + frac))
    fraction = nw.fractions.match(words, i)
    if fraction is not None and i + fraction.n < len(words):
        scale, used = _scale_after(words, i + fraction.n, nw)
        if used:  # نصف مليون
            return NumberRead(i, i + fraction.n + used, fraction.prefix, round(fraction.value * scale, 6))
    return None


def read_words(words: Sequence[Word], i: int) -> NumberRead | None:
    """Number words from ``i``: ثلاثة، خمسة وعشرين، ثلاثة آلاف وخمسمئة، مليونين، عشرات الآلاف."""
    if words[i].kind != "word" or words[i].form.startswith(("ك", "وك", "فك")):
        return None  # كمية is not ك + مئة: "like a hundred" is no amount
    nw = number_words()
    led = _read_scale_words(words, i, nw)
    if led is not None:
        return led
    if words[i].form in nw.teens and i > 0 and words[i - 1].form in nw.ordinal_units:
        return None  # الثانية عشرة: the tail of an ordinal
    total = 0.0
    current = 0.0
    k = i
    prefix = 0
    while k < len(words):
        part = _cardinal_at(words, k, nw, first=(k == i))
        if part is not None:
            value, used, pre = part
            if k == i:
                prefix = pre
            current += value
            k += used
            continue
        if k > i:
            scale, used = _scale_after(words, k, nw)
            if used and current:
                total += current * scale
                current = 0.0
                k += used
                continue
        break
    if k == i:
        return None
    lone = k == i + 1 and words[i].form[prefix:] in nw.ambiguous
    if lone and prefix:
        return None  # لست is "I am not", not ل + ست
    return NumberRead(i, k, prefix, total + current, ambiguous=lone)


def read_dual(words: Sequence[Word], i: int) -> NumberRead | None:
    """An indefinite dual noun (يومين، ساعتين، دولتين) as two of its singular."""
    w = words[i]
    if w.kind != "word":
        return None
    nw = number_words()
    for prefix, form in strip_proclitic(w.form):
        if form.startswith("ال") or len(form) < 4 or form in nw.singulars or form in nw.not_duals:
            continue  # بلدان، معتمرين: plurals that are spelt like duals
        # Not ـي: مسلحي الحوثي is a plural in construct and أسرتي "my family".
        for ending in ("ين", "ان"):
            if not form.endswith(ending):
                continue
            stem = form[: -len(ending)]
            for cand in (stem, stem[:-1] + "ه" if stem.endswith("ت") else None):
                if cand and cand in nw.nouns:
                    return NumberRead(i, i + 1, prefix, 2.0, dual_of=nw.nouns[cand])
    return None


def read_number(words: Sequence[Word], i: int) -> NumberRead | None:
    """Any number starting at word ``i``: digits, number words or a dual noun."""
    if words[i].kind == "num":
        return read_digits(words, i)
    return read_words(words, i) or read_dual(words, i)
