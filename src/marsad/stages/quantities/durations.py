"""Lengths of time as amounts, for the quantities stage.

News annotators count durations as quantities (ثلاث سنوات، منذ نحو أسبوع، تحقيق استمر سنة، قبل 146
عاما).  Most carry a number the finder reads; these helpers add the ones it cannot see:

- a duration the temporal stage found whose unit stands alone (منذ نحو أسبوع: one week, about);
- a bare unit after a duration frame (تحقيق استمر سنة، لمدة شهر: one of it);
- the time elapsed in a date counted back or forward from the story (قبل 146 عاما، منذ 3 أيام): the
  date is a point, and its count is also an amount.  An offset between two events (قبل يوم واحد من
  الاجتماع) is not: it only places the event.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import cast

from marsad.core.document import Approx, DateMention, Quantity, Span
from marsad.stages.temporal.lexicon import date_words
from marsad.text.keys import fold, strip_diacritics
from marsad.text.words import Lexicon, Word, strip_proclitic

#: An ISO 8601 duration of one unit as the temporal stage writes it (P1W, PT11H, P146Y).
_ISO_DURATION = re.compile(r"PT?(\d+)[YMWDH]")


def _in(word: Word, forms: frozenset[str]) -> bool:
    return word.kind == "word" and any(f in forms for _, f in strip_proclitic(word.form))


def elapsed(text: str, mention: DateMention) -> bool:
    """Is ``mention`` a point counted from the story by a length of time (قبل 146 عاما، منذ 3 أيام)?"""
    if mention.kind != "point":
        return False
    words = text[mention.span.start:mention.span.end].split()
    if len(words) < 2:
        return False
    dw = date_words()
    head = fold(strip_diacritics(words[0]), keep_madda=True)
    if not any(f in dw.ago | dw.later for _, f in strip_proclitic(head)):
        return False
    last = fold(strip_diacritics(words[-1]), keep_madda=True)
    if last in ("واحد", "واحده") and len(words) > 2:
        last = fold(strip_diacritics(words[-2]), keep_madda=True)
    if dw.units.get(last) is None:
        return False  # منذ عام 2013، بعد 12 يونيو: a year or a day, no length of time
    return text[mention.span.end:].lstrip().split(" ", 1)[0] != "من"  # قبل يوم من الاجتماع: an offset


def _word_range(words: Sequence[Word], span: Span) -> tuple[int, int]:
    starts = [w.start for w in words]
    return bisect_left(starts, span.start), bisect_right(starts, span.end - 1)


def lone_units(text: str, words: Sequence[Word], durations: Sequence[DateMention], taken: Sequence[Span],
               approx_before: Lexicon[str], singular: Callable[[str], str]) -> list[Quantity]:
    """The durations with no number the finder read (منذ نحو أسبوع) as amounts of their unit."""
    out: list[Quantity] = []
    for mention in durations:
        m = _ISO_DURATION.fullmatch(mention.value or "")
        if m is None or any(mention.span.overlaps(t) for t in taken):
            continue
        i, j = _word_range(words, mention.span)
        if j <= i:
            continue
        am = approx_before.match(words, i)
        approx = cast(Approx, am.value) if am is not None else "exact"
        unit = strip_diacritics(text[words[j - 1].start:words[j - 1].end])
        out.append(Quantity(mention.span, float(m.group(1)), approx, singular(unit)))
    return out


def framed_units(text: str, words: Sequence[Word], skip: set[int], singular: Callable[[str], str]
                 ) -> list[Quantity]:
    """تحقيق استمر سنة، لمدة أسبوع: a bare singular unit after a duration frame is one of it."""
    dw = date_words()
    out: list[Quantity] = []
    for k in range(1, len(words)):
        w = words[k]
        unit = dw.units.get(w.form) if w.kind == "word" else None
        if unit is None or unit[1] != 1 or k in skip or not _in(words[k - 1], dw.duration_frames):
            continue  # a plural needs a number
        if k + 1 < len(words) and words[k + 1].form in ("واحد", "واحده"):
            continue  # يوم واحد is read by the finder
        written = strip_diacritics(text[w.start:w.end])
        out.append(Quantity(Span(w.start, w.end), 1.0, "exact", singular(written)))
    return out

