"""Pair quotation marks, tolerating the mixed and odd marks of machine-translated text.

Guillemets, curly and straight quotes are paired within one paragraph.  An opening mark is
taken as opening whatever its shape (translated text opens with ” as often as with “), a mark
closes the open quotation when it can close, and a quotation never crosses a paragraph break or
grows past :data:`MAX_QUOTE` characters: an unmatched mark is simply left alone, so one stray
mark cannot swallow the rest of the article.
"""

from __future__ import annotations

#: Marks that may open a quotation, and marks that may close one.
OPENERS = "«“”„\"″‹"
CLOSERS = "»”“\"″›"
#: Longest quotation trusted, in characters (a long speech quoted whole stays under this).
MAX_QUOTE = 2000


def pair_marks(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of every paired quotation in ``text``, in text order, not nested."""
    pairs: list[tuple[int, int]] = []
    start = 0
    for paragraph in text.split("\n"):
        pairs.extend((start + a, start + b) for a, b in _pair_paragraph(paragraph))
        start += len(paragraph) + 1
    return pairs


def _pair_paragraph(par: str) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    i, n = 0, len(par)
    while i < n:
        if par[i] in OPENERS and _opens(par, i):
            close = _close_of(par, i)
            if close is not None:
                pairs.append((i, close))
                i = close + 1
                continue
        i += 1
    return pairs


def _opens(par: str, i: int) -> bool:
    """A mark opens when a word follows it (not a space or the end of the paragraph)."""
    return i + 1 < len(par) and not par[i + 1].isspace() and par[i + 1] not in ".،,؛:"


def _close_of(par: str, i: int) -> int | None:
    opener = par[i]
    limit = min(len(par), i + MAX_QUOTE)
    for j in range(i + 1, limit):
        ch = par[j]
        if opener == "«" and ch == "«" and _opens(par, j):
            return None  # guillemets do not nest: a second one opens after this one was left open
        if ch not in CLOSERS:
            continue
        if opener == "«" and ch in "“„" and _opens(par, j):
            return None  # a new quotation opens inside an unclosed guillemet: give up on it
        if opener in "“”" and ch == "“" and par[j - 1].isspace() and _opens(par, j):
            continue  # “… الفعل. “هذه …”: a quotation that goes on re-opens with “ and closes once
        if j == i + 1:
            continue
        return j
    return None


def inside(pairs: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The pair whose marks enclose ``offset`` (strictly), if any."""
    for a, b in pairs:
        if a < offset < b:
            return (a, b)
        if a > offset:
            break
    return None
