"""The one tokeniser: words, numbers, Latin words, punctuation and symbols with their matching keys.

Every stage reads these tokens (``Document.tokens``, set by segment) or, for a text without a
document, :func:`find_tokens` itself; :mod:`marsad.text.words` builds the folded word view that
the dates and quantities stages read from them.
"""

from __future__ import annotations

import itertools
import operator
import re

from marsad.core.document import Token
from marsad.text import keys as textkeys

try:  # built by pip from _speedups.c; without a C compiler the same scan runs in Python
    from marsad.text._speedups import scan_tokens as _compiled_scan
except ImportError:  # pragma: no cover - depends on how the package was built
    _compiled_scan = None  # type: ignore[assignment]

LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff"
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
#: Latin letters with accents (Latin-1 Supplement to Latin Extended-B), but not × and ÷, which
#: are signs: 200×200 متر is two numbers, not a number glued to a word.
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
TOKEN_RE = re.compile(
    rf"(?P<number>[{_DIGITS}]+(?:[.,\u066b\u066c][{_DIGITS}]+)*)"
    rf"|(?P<word>[{LETTERS}][{LETTERS}{_MARKS}]*)"
    rf"|(?P<latin>[{_LATIN}][{_LATIN}'’-]*[{_LATIN}]|[{_LATIN}])"
    r"|(?P<punct>[.,،؛;:!?؟…\"'«»“”„‟″‘’()\[\]{}<>/\\|—–\-‐_*•·])"
    r"|(?P<symbol>\S)"
)

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
