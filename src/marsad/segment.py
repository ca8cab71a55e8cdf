"""The segment stage: sentences, tokens with matching keys, clitic parts, and the dateline.

Sentences break at Arabic and Latin end punctuation and at paragraph ends, but not inside a
quotation that closes within the paragraph, after an abbreviation such as د. or inside a number.
An unclosed quotation mark protects nothing, so odd quotes cannot swallow the article.
"""

from __future__ import annotations

import gc
import itertools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from . import textkeys
from .document import Document, Span, Token
from .lexicons import string_list
from .registry import SEGMENT, SENTENCES, TEXT, TOKENS, register
from .settings import Settings

_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff"
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
TOKEN_RE = re.compile(
    rf"(?P<number>[{_DIGITS}]+(?:[.,\u066b\u066c][{_DIGITS}]+)*)"
    rf"|(?P<word>[{_LETTERS}][{_LETTERS}{_MARKS}]*)"
    rf"|(?P<latin>[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’-]*[A-Za-z\u00c0-\u024f]|[A-Za-z\u00c0-\u024f])"
    r"|(?P<punct>[.,،؛;:!?؟…\"'«»“”„‟″‘’()\[\]{}<>/\\|—–\-‐_*•·])"
    r"|(?P<symbol>\S)"
)
_TERMINATORS = ".!?؟…"
_OPENERS = {"«": "»", "“": "”", "„": "“", "‹": "›"}
_CLOSERS_AFTER_END = "»”\"’)]›″"
_STRAIGHT = "\"″"
#: A quotation longer than this within one paragraph is not trusted to protect its full stops.
MAX_PROTECTED_QUOTE = 1500
#: Longest abbreviation in the lexicon, in characters (ق.م، Prof).
MAX_ABBREVIATION = 5
#: A dateline is a place (and an agency in brackets) before a dash at the start of a paragraph.
_DATELINE = re.compile(
    rf"^(?P<place>[{_LETTERS}]+(?: [{_LETTERS}]+){{0,2}})(?: ?[(（][^()\n]{{2,40}}[)）])?"
    rf"(?: ?[-–—:] ?[{_LETTERS} ]{{0,25}}?)? ?[-–—:]\s+"
)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(textkeys.fold(a) for a in string_list("clean_lines.yaml", "abbreviations"))


def find_dateline(text: str) -> Span | None:
    """The dateline at the start of the text (``الرياض (رويترز) -``), if there is one."""
    m = _DATELINE.match(text)
    if not m:
        return None
    return Span(0, m.end()) if m.end() < len(text) else None


#: Every character that opens or closes a quotation: the scan jumps between these only.
_QUOTE_MARKS = re.compile("[" + re.escape("".join({*_OPENERS, *_OPENERS.values(), *_STRAIGHT, "»", "”"})) + "]")


def quote_ranges(paragraph: str) -> list[tuple[int, int]]:
    """Quotations that open and close within ``paragraph``, as (open, close) offsets.

    Curly and guillemet quotes pair with their own closer or, as machine-translated text mixes
    them, with any closing mark; straight quotes pair with the next straight quote.
    """
    marks = [(m.start(), m.group()) for m in _QUOTE_MARKS.finditer(paragraph)]
    ranges: list[tuple[int, int]] = []
    k = 0
    while k < len(marks):
        start, ch = marks[k]
        if ch in _OPENERS or ch in _STRAIGHT:
            close = _find_close(marks, k)
            if close is not None and marks[close][0] - start <= MAX_PROTECTED_QUOTE:
                ranges.append((start, marks[close][0]))
                k = close + 1
                continue
        k += 1
    return ranges


def _find_close(marks: list[tuple[int, str]], k: int) -> int | None:
    """Index in ``marks`` of the mark closing the quotation opened at ``marks[k]``."""
    opener = marks[k][1]
    wanted = _OPENERS.get(opener)
    for j in range(k + 1, len(marks)):
        ch = marks[j][1]
        if ch == wanted or ch in "»”" or (opener in _STRAIGHT and ch in _STRAIGHT):
            return j
        if ch in _OPENERS and opener not in _STRAIGHT:
            return None  # a new quotation opens first: this one never closed
    return None


def _is_break(paragraph: str, i: int, protected: list[tuple[int, int]]) -> bool:
    ch = paragraph[i]
    if ch not in _TERMINATORS:
        return False
    if any(a < i < b for a, b in protected):
        return False
    nxt = paragraph[i + 1] if i + 1 < len(paragraph) else " "
    if ch == "." and nxt.isdigit() and i > 0 and paragraph[i - 1].isdigit():
        return False  # 3.5
    if nxt not in " \n" and nxt not in _CLOSERS_AFTER_END and nxt not in _TERMINATORS:
        return False
    if ch == "." and i > 0 and paragraph[i - 1] != " ":
        start = max(paragraph.rfind(" ", 0, i), paragraph.rfind("(", 0, i)) + 1
        if i - start <= MAX_ABBREVIATION and textkeys.fold(paragraph[start:i]) in _abbreviations():
            return False
    return True


_TERMINATOR_RE = re.compile(f"[{re.escape(_TERMINATORS)}]")


def _sentence_ends(paragraph: str) -> list[int]:
    """Offsets just past each sentence end inside one paragraph."""
    protected = quote_ranges(paragraph) if any(q in paragraph for q in "«“„‹\"″") else []
    ends: list[int] = []
    n = len(paragraph)
    last = -1
    for m in _TERMINATOR_RE.finditer(paragraph):
        i = m.start()
        if i < last or not _is_break(paragraph, i, protected):
            continue
        j = i + 1
        while j < n and (paragraph[j] in _TERMINATORS or paragraph[j] in _CLOSERS_AFTER_END):
            j += 1
        ends.append(j)
        last = j
    return ends


def find_sentences(text: str, dateline: Span | None = None) -> list[Span]:
    """Sentence spans covering ``text`` in order, trimmed of surrounding space."""
    spans: list[Span] = []
    offset = 0
    for paragraph in text.split("\n"):
        cuts = [0]
        if dateline is not None and offset == dateline.start:
            cuts.append(dateline.end)
        cuts += [e for e in _sentence_ends(paragraph) if e > cuts[-1]]
        cuts.append(len(paragraph))
        for a, b in itertools.pairwise(cuts):
            piece = paragraph[a:b]
            stripped = piece.strip()
            if stripped:
                start = offset + a + (len(piece) - len(piece.lstrip()))
                spans.append(Span(start, start + len(stripped)))
        offset += len(paragraph) + 1
    return spans


@lru_cache(maxsize=262_144)
def _word_analysis(word: str) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    pieces = textkeys.analyse(word)
    return textkeys.fold(textkeys.lookup_form(word)), pieces if len(pieces) > 1 else ()


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while allocating many small acyclic tuples.

    Tokens hold no reference cycles, yet each allocation burst triggers collections that walk
    every live container; pausing it doubled tokenising speed (bench/throughput.py).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def find_tokens(text: str) -> list[Token]:
    """Tokens of ``text`` with their kind, matching key and (for Arabic words) clitic pieces."""
    with _gc_paused():
        return _scan_tokens(text)


#: TOKEN_RE with the whitespace before each token: ``findall`` then yields plain strings and the
#: offsets follow by adding lengths, as tokens and whitespace partition the text.  No match
#: objects are made, which bench/throughput.py measured as the main cost of tokenising.
_SPACED_TOKEN_RE = re.compile(r"(\s*)(?:" + TOKEN_RE.pattern + ")")


def _scan_tokens(text: str) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    analysis = _word_analysis
    fold = textkeys.fold
    # tuple.__new__ skips the generated NamedTuple constructor: a third of the tokenising time.
    make = tuple.__new__
    pos = 0
    for space, number, word, latin, punct, symbol in _SPACED_TOKEN_RE.findall(text):
        pos += len(space)
        if word:
            end = pos + len(word)
            key, pieces = analysis(word)
            append(make(Token, (pos, end, "word", key, pieces)))
        elif number:
            end = pos + len(number)
            append(make(Token, (pos, end, "number", fold(number), ())))
        elif latin:
            end = pos + len(latin)
            append(make(Token, (pos, end, "latin", latin.casefold(), ())))
        elif punct:
            end = pos + 1
            append(make(Token, (pos, end, "punct", punct, ())))
        else:
            end = pos + len(symbol)
            append(make(Token, (pos, end, "symbol", symbol, ())))
        pos = end
    return tokens


@register(SEGMENT, requires=(TEXT,), provides=(SENTENCES, TOKENS))
def segment(doc: Document, settings: Settings) -> None:
    """Split the text into sentences and tokens; find the dateline."""
    doc.dateline = find_dateline(doc.text)
    doc.sentences = find_sentences(doc.text, doc.dateline)
    doc.tokens = find_tokens(doc.text)
