"""The segment stage: sentences, tokens with matching keys, clitic parts, and the dateline.

Sentences break at Arabic and Latin end punctuation and at paragraph ends, but not inside a
quotation that closes within the paragraph, after an abbreviation such as د. or inside a number.
An unclosed quotation mark protects nothing, so odd quotes cannot swallow the article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import textkeys
from .document import Document, Part, Span, Token
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


def quote_ranges(paragraph: str) -> list[tuple[int, int]]:
    """Quotations that open and close within ``paragraph``, as (open, close) offsets.

    Curly and guillemet quotes pair with their own closer or, as machine-translated text mixes
    them, with any closing mark; straight quotes pair with the next straight quote.
    """
    ranges: list[tuple[int, int]] = []
    i = 0
    n = len(paragraph)
    while i < n:
        ch = paragraph[i]
        if ch in _OPENERS or ch in _STRAIGHT:
            close = _find_close(paragraph, i)
            if close is not None and close - i <= MAX_PROTECTED_QUOTE:
                ranges.append((i, close))
                i = close + 1
                continue
        i += 1
    return ranges


def _find_close(paragraph: str, start: int) -> int | None:
    opener = paragraph[start]
    wanted = _OPENERS.get(opener)
    for j in range(start + 1, len(paragraph)):
        ch = paragraph[j]
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
    if ch == ".":
        word = re.search(rf"([{_LETTERS}A-Za-z.]+)$", paragraph[:i])
        if word and textkeys.fold(word.group(1)) in _abbreviations():
            return False
    return True


def _sentence_ends(paragraph: str) -> list[int]:
    """Offsets just past each sentence end inside one paragraph."""
    protected = quote_ranges(paragraph)
    ends: list[int] = []
    i = 0
    n = len(paragraph)
    while i < n:
        if _is_break(paragraph, i, protected):
            j = i + 1
            while j < n and (paragraph[j] in _TERMINATORS or paragraph[j] in _CLOSERS_AFTER_END):
                j += 1
            ends.append(j)
            i = j
        else:
            i += 1
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
        for a, b in zip(cuts, cuts[1:], strict=False):
            piece = paragraph[a:b]
            stripped = piece.strip()
            if stripped:
                start = offset + a + (len(piece) - len(piece.lstrip()))
                spans.append(Span(start, start + len(stripped)))
        offset += len(paragraph) + 1
    return spans


@lru_cache(maxsize=262_144)
def _word_analysis(word: str) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    return textkeys.fold(textkeys.lookup_form(word)), textkeys.analyse(word)


def find_tokens(text: str) -> list[Token]:
    """Tokens of ``text`` with their kind, matching key and (for Arabic words) clitic parts."""
    tokens: list[Token] = []
    for m in TOKEN_RE.finditer(text):
        kind = m.lastgroup or "symbol"
        start, end = m.span()
        value = m.group()
        if kind == "word":
            key, pieces = _word_analysis(value)
            parts = tuple(Part(Span(start + a, start + b), role) for a, b, role in pieces)  # type: ignore[arg-type]
            tokens.append(Token(Span(start, end), "word", key, parts if len(parts) > 1 else ()))
        elif kind == "number":
            tokens.append(Token(Span(start, end), "number", textkeys.fold(value)))
        elif kind == "latin":
            tokens.append(Token(Span(start, end), "latin", value.casefold()))
        else:
            tokens.append(Token(Span(start, end), kind, value))  # type: ignore[arg-type]
    return tokens


@register(SEGMENT, requires=(TEXT,), provides=(SENTENCES, TOKENS))
def segment(doc: Document, settings: Settings) -> None:
    """Split the text into sentences and tokens; find the dateline."""
    doc.dateline = find_dateline(doc.text)
    doc.sentences = find_sentences(doc.text, doc.dateline)
    doc.tokens = find_tokens(doc.text)
