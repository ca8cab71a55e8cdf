"""The segment stage: sentences, tokens with matching keys, clitic parts, and the dateline.

Sentences break at Arabic and Latin end punctuation and at paragraph ends, but not inside a
quotation that closes within the paragraph, after an abbreviation such as د. or inside a number.
An unclosed quotation mark protects nothing, so odd quotes cannot swallow the article.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from marsad.core.document import Dateline, Document, Span
from marsad.core.registry import DATELINE, SEGMENT, SENTENCES, TEXT, TOKENS, register
from marsad.core.settings import Settings
from marsad.text import keys as textkeys
from marsad.text.resources import string_list
from marsad.text.tokens import LETTERS, find_tokens

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
    rf"^(?P<place>[{LETTERS}]+(?: [{LETTERS}]+){{0,2}})(?: ?[(（](?P<agency>[^()\n]{{2,40}})[)）])?"
    rf"(?: ?[-–—:] ?[{LETTERS} ]{{0,25}}?)? ?[-–—:]\s+"
)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(textkeys.fold(a) for a in string_list("clean_lines.yaml", "abbreviations"))


def find_dateline(text: str) -> Span | None:
    """The dateline at the start of the text (``الرياض (رويترز) -``), if there is one."""
    found = inline_dateline(text)
    return found.span if found is not None else None


def inline_dateline(text: str) -> Dateline | None:
    """The dateline opening the body, with its place and the agency in brackets, if any."""
    m = _DATELINE.match(text)
    if not m or m.end() >= len(text):
        return None
    return Dateline(text=text[: m.end()], place=m.group("place"), agency=m.group("agency"), span=Span(0, m.end()))


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


def _after_abbreviation(paragraph: str, i: int) -> bool:
    """True when the full stop at ``i`` ends an abbreviation such as د. or أ."""
    if i == 0 or paragraph[i - 1] == " ":
        return False
    start = max(paragraph.rfind(" ", 0, i), paragraph.rfind("(", 0, i)) + 1
    return i - start <= MAX_ABBREVIATION and textkeys.fold(paragraph[start:i]) in _abbreviations()


#: A terminator that can end a sentence: followed by a space, a closing quote or bracket, another
#: terminator or the end of the paragraph (so not the point of 3.5 or of a URL).
_END_RE = re.compile(f"[{re.escape(_TERMINATORS)}](?=[ \n{re.escape(_CLOSERS_AFTER_END + _TERMINATORS)}]|\\Z)")


#: Closing quotation marks a glued full stop may follow.
_GLUED_CLOSERS = "»”\""
#: A full stop glued to the Arabic word after it, where scraping lost the space («… الكاميرون.وأصيب»,
#: «… في القرية».وذكر»): after a word of two letters or more, or after a closing quotation mark.
_GLUED_END_RE = re.compile(f"(?:(?<=[\u0621-\u064a][\u0621-\u064a])|(?<=[{re.escape(_GLUED_CLOSERS)}]))"
                           "\\.(?=[\u0621-\u064a])")


#: Fewest letters of the word before a glued full stop: shorter ones spell out an acronym (بي.بي.سي،
#: ايه.تي.في) or an abbreviation (د.محمد).
MIN_GLUED_WORD = 4


def _glued_ends(paragraph: str) -> list[re.Match[str]]:
    """Full stops glued to the next word that end a sentence (not an abbreviation or acronym)."""
    return [m for m in _GLUED_END_RE.finditer(paragraph)
            if paragraph[m.start() - 1] in _GLUED_CLOSERS
            or (_word_before(paragraph, m.start()) >= MIN_GLUED_WORD and not _after_abbreviation(paragraph, m.start()))]


def _word_before(paragraph: str, i: int) -> int:
    """Length of the word ending at offset ``i``, back to a space, a bracket or another full stop."""
    start = i
    while start > 0 and not (paragraph[start - 1].isspace() or paragraph[start - 1] in "(."):
        start -= 1
    return i - start


def _sentence_ends(paragraph: str) -> list[int]:
    """Offsets just past each sentence end inside one paragraph."""
    protected = quote_ranges(paragraph) if any(q in paragraph for q in "«“„‹\"″") else []
    ends: list[int] = []
    n = len(paragraph)
    last = -1
    found = list(_END_RE.finditer(paragraph))
    if "." in paragraph:
        found = sorted(found + _glued_ends(paragraph), key=lambda m: m.start())
    for m in found:
        i = m.start()
        if i < last or (protected and any(a < i < b for a, b in protected)):
            continue
        if paragraph[i] == "." and _after_abbreviation(paragraph, i):
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


@register(SEGMENT, requires=(TEXT, DATELINE), provides=(SENTENCES, TOKENS, DATELINE))
def segment(doc: Document, settings: Settings) -> None:
    """Split the text into sentences and tokens; find a dateline opening the body."""
    if doc.dateline is None:  # clean found none on a line of its own
        doc.dateline = inline_dateline(doc.text)
    doc.sentences = find_sentences(doc.text, doc.dateline.span if doc.dateline else None)
    doc.tokens = find_tokens(doc.text, settings.segment.prep_ratio)
