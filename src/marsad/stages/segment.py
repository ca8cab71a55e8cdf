"""The segment stage: sentences, tokens with matching keys, clitic parts, and the dateline.

Sentences break at Arabic and Latin end punctuation and at paragraph ends, but not inside a
quotation that closes within the paragraph, after an abbreviation such as د. or inside a number.
An unclosed quotation mark protects nothing, so odd quotes cannot swallow the article.
"""

from __future__ import annotations

import itertools
import operator
import re
from functools import lru_cache

from marsad.core.document import Dateline, Document, Span, Token
from marsad.core.registry import DATELINE, SEGMENT, SENTENCES, TEXT, TOKENS, register
from marsad.core.settings import Settings
from marsad.text import keys as textkeys
from marsad.text.resources import string_list

try:  # built by pip from _speedups.c; without a C compiler the same scan runs in Python
    from marsad.text._speedups import scan_tokens as _compiled_scan
except ImportError:  # pragma: no cover - depends on how the package was built
    _compiled_scan = None  # type: ignore[assignment]

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
    rf"^(?P<place>[{_LETTERS}]+(?: [{_LETTERS}]+){{0,2}})(?: ?[(（](?P<agency>[^()\n]{{2,40}})[)）])?"
    rf"(?: ?[-–—:] ?[{_LETTERS} ]{{0,25}}?)? ?[-–—:]\s+"
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


def _sentence_ends(paragraph: str) -> list[int]:
    """Offsets just past each sentence end inside one paragraph."""
    protected = quote_ranges(paragraph) if any(q in paragraph for q in "«“„‹\"″") else []
    ends: list[int] = []
    n = len(paragraph)
    last = -1
    for m in _END_RE.finditer(paragraph):
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


#: What a token's text alone says about it: (kind, key, clitic pieces).
TokenInfo = tuple[str, str, tuple[tuple[int, int, str], ...]]


def token_info(text: str, prep_ratio: float = textkeys.PREP_RATIO) -> TokenInfo:
    """Kind, matching key and (for a word of several pieces) clitic pieces of one token's text
    (``prep_ratio``: see ``text.keys.PREP_RATIO``)."""
    kind = _kind_of(text)
    if kind == "word":
        if prep_ratio == textkeys.PREP_RATIO:  # the shared cache entries of the default
            pieces, form = textkeys.analyse(text), textkeys.lookup_form(text)
        else:
            pieces, form = textkeys.analyse(text, prep_ratio), textkeys.lookup_form(text, prep_ratio)
        return kind, textkeys.fold(form), pieces if len(pieces) > 1 else ()
    if kind == "number":
        return kind, textkeys.fold(text), ()
    if kind == "latin":
        return kind, text.casefold(), ()
    return kind, text, ()


#: Token kind by first character: each TOKEN_RE alternative starts with its own character class,
#: so a token's first character decides which one matched it.
_KIND_BY_FIRST: dict[str, str] = {}


def _kind_of(text: str) -> str:
    kind = _KIND_BY_FIRST.get(text[0])
    if kind is None:
        m = TOKEN_RE.match(text[0])
        kind = _KIND_BY_FIRST[text[0]] = m.lastgroup if m is not None and m.lastgroup is not None else "symbol"
    return kind


class _TokenInfoCache(dict[str, TokenInfo]):
    """``token_info`` per token text, looked up in C (``map(cache.__getitem__, ...)``).

    A plain dict hit costs a tenth of an ``lru_cache`` hit, which keeps a recency list; the
    cache is emptied when it outgrows ``MAX_CACHED_TOKENS`` instead.  One cache per
    ``prep_ratio``, as the ratio changes the analysis.
    """

    def __init__(self, prep_ratio: float = textkeys.PREP_RATIO) -> None:
        super().__init__()
        self.prep_ratio = prep_ratio

    def __missing__(self, text: str) -> TokenInfo:
        info = self[text] = token_info(text, self.prep_ratio)
        return info


#: Distinct token texts kept between documents (a few hundred MB of news has about this many).
MAX_CACHED_TOKENS = 400_000
_TOKEN_INFO = _TokenInfoCache()
#: Caches for other ``segment.prep_ratio`` values than the default.
_OTHER_TOKEN_INFO: dict[float, _TokenInfoCache] = {}


def _token_info_cache(prep_ratio: float) -> _TokenInfoCache:
    if prep_ratio == textkeys.PREP_RATIO:
        return _TOKEN_INFO
    if prep_ratio not in _OTHER_TOKEN_INFO:
        _OTHER_TOKEN_INFO.clear()  # one other value at a time is what a run uses
        _OTHER_TOKEN_INFO[prep_ratio] = _TokenInfoCache(prep_ratio)
    return _OTHER_TOKEN_INFO[prep_ratio]


#: Each token with the whitespace before it, as two strings: tokens and whitespace partition
#: the text, so offsets are running sums of lengths.
_SPACED_TOKEN_RE = re.compile(r"(\s*)(" + re.sub(r"\(\?P<\w+>", "(?:", TOKEN_RE.pattern) + ")")


def find_tokens(text: str, prep_ratio: float = textkeys.PREP_RATIO) -> list[Token]:
    """Tokens of ``text`` with their kind, matching key and (for Arabic words) clitic pieces.

    The compiled scan (``_speedups.c``) is used when the package was built with a C compiler;
    ``scan_tokens`` is the same scan in Python.  Python code runs only for a token text not
    seen before (``token_info``).
    """
    cache = _token_info_cache(prep_ratio)
    if len(cache) > MAX_CACHED_TOKENS:
        cache.clear()
    if _compiled_scan is not None:
        return _compiled_scan(text, cache, Token)
    return scan_tokens(text, prep_ratio)


def scan_tokens(text: str, prep_ratio: float = textkeys.PREP_RATIO) -> list[Token]:
    """``find_tokens`` in Python: every step runs in C-level builtins over the whole text
    (findall, map, accumulate, zip), as a Python loop over tokens was most of the spine's time."""
    pairs = _SPACED_TOKEN_RE.findall(text)
    if not pairs:
        return []
    # Offsets: running sum of the lengths of space, token, space, token...; even entries are the
    # ends of spaces (token starts), odd ones the ends of tokens.
    bounds = list(itertools.accumulate(map(len, itertools.chain.from_iterable(pairs))))
    texts = map(operator.itemgetter(1), pairs)
    spans = zip(bounds[0::2], bounds[1::2], strict=True)
    rows = map(operator.add, spans, map(_token_info_cache(prep_ratio).__getitem__, texts))
    # tuple.__new__ skips the generated NamedTuple constructor, which checks nothing here.
    return list(map(tuple.__new__, itertools.repeat(Token), rows))


@register(SEGMENT, requires=(TEXT, DATELINE), provides=(SENTENCES, TOKENS, DATELINE))
def segment(doc: Document, settings: Settings) -> None:
    """Split the text into sentences and tokens; find a dateline opening the body."""
    if doc.dateline is None:  # clean found none on a line of its own
        doc.dateline = inline_dateline(doc.text)
    doc.sentences = find_sentences(doc.text, doc.dateline.span if doc.dateline else None)
    doc.tokens = find_tokens(doc.text, settings.segment.prep_ratio)
