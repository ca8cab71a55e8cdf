"""A folded word view of a text, and phrase lexicons matched on it, for the dates and quantities stages.

Both stages read words as keys (diacritics and tatweel dropped, letter variants folded, Eastern Arabic
digits read as Western ones) but must report spans of the text as written.  :func:`scan` splits a
text into :class:`Word` items carrying original offsets and folded forms; :class:`Lexicon` matches
multi-word phrases from the data files on them, allowing a proclitic (و ف ب ل ك) on the first word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, Literal, NamedTuple, TypeVar

from marsad.text.keys import fold

V = TypeVar("V")

# Digits with thousands separators (, or Arabic ٬, groups of three) and a decimal part (. or Arabic ٫,
# or a comma before other than three digits: 2,4 مليار); then letters; then any other visible character.
_WORD_RE = re.compile(r"(\d+(?:(?:[,٬]\d{3})+(?!\d))?(?:[.٫,]\d+)?)|([^\W\d_]+)|(\S)")
#: Punctuation that ends a sentence for the tense window.
SENTENCE_END = frozenset(".!?؟;؛")
#: One-letter proclitics and their pairs, longest first (و ف ب ل ك).
PROCLITICS = ("وب", "ول", "فب", "فل", "وك", "فك", "و", "ف", "ب", "ل", "ك")


class Word(NamedTuple):
    """A word, number or punctuation mark: original offsets, folded form and layout flags.

    A named tuple: an article has thousands of them and a frozen dataclass is slow to build.
    """

    start: int
    end: int
    form: str
    kind: Literal["word", "num", "punct"]
    glued: bool  # touches the previous item with no space between
    newline: bool  # a line break separates it from the previous item


def fold_form(text: str) -> str:
    """The folded form used by the view: textkeys.fold, keeping آ (آب is August, أب is father)."""
    return text.translate(_view_table())


def _view(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the offset it came from."""
    view = text.translate(_view_table())
    if len(view) == len(text):
        return view, list(range(len(text)))
    dropped = _dropped()
    return view, [i for i, ch in enumerate(text) if ch not in dropped]


@lru_cache(maxsize=1)
def _view_table() -> dict[int, str | None]:
    # textkeys.fold's table, read back character by character, with آ kept apart.
    table: dict[int, str | None] = {}
    for cp in [*range(0x0600, 0x0700), *range(0x06F0, 0x06FA)]:
        folded = fold(chr(cp))
        if folded != chr(cp) and cp != ord("آ"):
            table[cp] = folded or None
    return table


@lru_cache(maxsize=1)
def _dropped() -> frozenset[str]:
    return frozenset(chr(cp) for cp, v in _view_table().items() if v is None)


_KINDS: dict[int, Literal["word", "num", "punct"]] = {1: "num", 2: "word", 3: "punct"}


def scan(text: str) -> list[Word]:
    """Split ``text`` into words, numbers and punctuation with original offsets."""
    view, offsets = _view(text)
    dropped = _dropped() if len(view) != len(text) else frozenset()
    words: list[Word] = []
    append = words.append
    make = tuple.__new__  # Word(...) without the generated __new__: scanning is the stage's hot loop
    size = len(text)
    prev_end = -1
    for m in _WORD_RE.finditer(view):
        a, b = m.span()
        start = offsets[a]
        end = offsets[b - 1] + 1
        # Keep diacritics written after the last letter inside the span.
        while end < size and text[end] in dropped:
            end += 1
        append(make(Word, (start, end, m.group(), _KINDS[m.lastindex or 3], start == prev_end,
                           prev_end >= 0 and "\n" in text[prev_end:start])))
        prev_end = end
    return words


#: Folded words that start like the article but are particles (إلى، إلا).
_NOT_ARTICLE = frozenset({"الي", "الا"})


def definite(form: str) -> bool:
    """Does the folded word carry the article ال (and is not إلى or إلا folded)?"""
    return form.startswith("ال") and form not in _NOT_ARTICLE


@lru_cache(maxsize=4)
def scan_cached(text: str) -> list[Word]:
    """:func:`scan`, kept for the last few texts: the temporal and quantities stages read the same one.

    Callers must not modify the returned list.
    """
    return scan(text)


@lru_cache(maxsize=131_072)
def strip_proclitic(form: str) -> tuple[tuple[int, str], ...]:
    """The word itself, then each proclitic reading ``(prefix length, rest)`` (cached: words repeat)."""
    out = [(0, form)]
    for p in PROCLITICS:
        if form.startswith(p) and len(form) - len(p) >= 2:
            out.append((len(p), form[len(p):]))
    # لل is ل + ال with the article's alef elided (للعام → ل + العام).
    for p in ("ل", "ول", "فل"):
        if form.startswith(p + "ل") and len(form) - len(p) >= 3:
            out.append((len(p), "ا" + form[len(p):]))
    return tuple(out)


def any_reading_in(form: str, forms: frozenset[str] | set[str]) -> bool:
    return any(f in forms for _, f in strip_proclitic(form))


@dataclass(frozen=True, slots=True)
class Match(Generic[V]):
    """A lexicon phrase found at word ``i`` spanning ``n`` words; ``prefix`` letters are a proclitic."""

    i: int
    n: int
    prefix: int
    value: V

    def start(self, words: Sequence[Word]) -> int:
        return words[self.i].start + self.prefix

    def end(self, words: Sequence[Word]) -> int:
        return words[self.i + self.n - 1].end


class Lexicon(Generic[V]):
    """Phrases (one or more words) mapped to values, matched on folded words."""

    def __init__(self, entries: Mapping[str, V]) -> None:
        self._table: dict[tuple[str, ...], V] = {}
        for phrase, value in entries.items():
            self._table[tuple(fold_form(w) for w in phrase.split())] = value
        self._longest = max((len(k) for k in self._table), default=0)
        self.firsts = frozenset(k[0] for k in self._table)

    def __contains__(self, form: str) -> bool:
        return (form,) in self._table

    def get(self, form: str) -> V | None:
        return self._table.get((form,))

    def match(self, words: Sequence[Word], i: int, *, proclitic: bool = True) -> Match[V] | None:
        """The longest phrase starting at word ``i`` (its first word may carry a proclitic)."""
        if i >= len(words) or words[i].kind == "num":
            return None
        options = strip_proclitic(words[i].form) if proclitic else ((0, words[i].form),)
        best: Match[V] | None = None
        for prefix, first in options:
            if first not in self.firsts:
                continue
            for n in range(min(self._longest, len(words) - i), 0, -1):
                key = (first, *(w.form for w in words[i + 1 : i + n]))
                if key in self._table and (best is None or n > best.n):
                    best = Match(i, n, prefix, self._table[key])
                    break
        return best


def invert(groups: Mapping[V, Sequence[str]]) -> dict[str, V]:
    """``{value: [forms]}`` from a data file as ``{form: value}``."""
    return {form: value for value, forms in groups.items() for form in forms}
