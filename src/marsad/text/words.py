"""A folded word view of a text, and phrase lexicons matched on it, for the dates and quantities stages.

Both stages read words as keys (diacritics and tatweel dropped, letter variants folded, Eastern Arabic
digits read as Western ones) but must report spans of the text as written.  :func:`view` turns the
text's tokens (the one tokeniser, :mod:`marsad.text.tokens`) into :class:`Word` items carrying
original offsets and folded forms; :class:`Lexicon` matches multi-word phrases from the data files
on them, allowing a proclitic (و ف ب ل ك) on the first word.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, Literal, NamedTuple, TypeVar

from marsad.core.document import Token
from marsad.text.keys import BEFORE_ELIDED_ARTICLE, PARTICLE_PROCLITICS, fold
from marsad.text.tokens import find_tokens

V = TypeVar("V")

#: Punctuation that ends a sentence for the tense window.
SENTENCE_END = frozenset(".!?؟;؛")


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


#: The view's kind of each token kind: Latin words are words; symbols read as punctuation.
_KINDS: dict[str, Literal["word", "num", "punct"]] = {
    "word": "word", "latin": "word", "number": "num", "punct": "punct", "symbol": "punct"}


class _FormCache(dict[str, str]):
    """The folded form of each token text (a dict hit is cheaper than a translate per token)."""

    def __missing__(self, text: str) -> str:
        form = self[text] = fold(text, keep_madda=True)
        return form


_FORMS = _FormCache()
#: Distinct token texts whose forms are kept (as for the tokeniser's own cache).
MAX_CACHED_FORMS = 400_000


def view(text: str, tokens: Sequence[Token] | None = None) -> list[Word]:
    """The word view of ``text`` built from its tokens (``Document.tokens``, else :func:`find_tokens`).

    A token of diacritics or tatweel alone has no folded form: it is left out, and when it touches
    the word before it, that word's span takes it in.
    """
    if tokens is None:
        tokens = find_tokens(text)
    if len(_FORMS) > MAX_CACHED_FORMS:
        _FORMS.clear()
    forms = _FORMS
    words: list[Word] = []
    append = words.append
    make = tuple.__new__  # Word(...) without the generated __new__: this is the stages' hot loop
    prev_end = -1
    for start, end, kind, _key, _pieces in tokens:
        form = forms[text[start:end]]
        if not form:
            if start == prev_end and words:
                words[-1] = words[-1]._replace(end=end)
                prev_end = end
            continue
        append(make(Word, (start, end, form, _KINDS[kind], start == prev_end,
                           prev_end >= 0 and "\n" in text[prev_end:start])))
        prev_end = end
    return words


#: Folded words that start like the article but are particles (إلى، إلا).
_NOT_ARTICLE = frozenset({"الي", "الا"})


def definite(form: str) -> bool:
    """Does the folded word carry the article ال (and is not إلى or إلا folded)?"""
    return form.startswith("ال") and form not in _NOT_ARTICLE


@lru_cache(maxsize=131_072)
def strip_proclitic(form: str) -> tuple[tuple[int, str], ...]:
    """The word itself, then each proclitic reading ``(prefix length, rest)`` (cached: words repeat)."""
    out = [(0, form)]
    for p in PARTICLE_PROCLITICS:
        if form.startswith(p) and len(form) - len(p) >= 2:
            out.append((len(p), form[len(p):]))
    # لل is ل + ال with the article's alef elided (للعام → ل + العام).
    for p in BEFORE_ELIDED_ARTICLE:
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
            self._table[tuple(fold(w, keep_madda=True) for w in phrase.split())] = value
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
