"""Dates written in Latin script inside Arabic copy (``June 18, 2015``، ``18 juin 2015``), read by dateparser.

dateparser is right for these: absolute dates in European languages.  The Arabic layer in
:mod:`marsad.stages.temporal` handles everything else, since dateparser misses Arabic weekday direction
and reads numbers such as كوفيد-19 as dates.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.stages.temporal.resolve import Expr
from marsad.text.resources import string_list

_LATIN_WORD = re.compile("[A-Za-z]{3}")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = sorted(string_list("dates.yaml", "latin_months"), key=len, reverse=True)
    month = "|".join(re.escape(n) for n in names)
    # 18 June 2015 / June 18, 2015 / June 2015: the day group tells how precise the value is.
    return re.compile(rf"\b(?:(?P<d1>\d{{1,2}})\s+)?(?P<month>{month})\.?(?:\s+(?P<d2>\d{{1,2}}))?,?\s+"
                      rf"(?P<year>\d{{4}})\b", re.IGNORECASE)


def find_latin(text: str) -> list[tuple[int, int, Expr]]:
    """Latin-script dates in ``text`` as ``(start, end, expression)``; the text has Latin letters."""
    if not _LATIN_WORD.search(text):
        return []
    out: list[tuple[int, int, Expr]] = []
    for m in _pattern().finditer(text):
        parsed = _parse(m.group())
        if parsed is None:
            continue
        day = m.group("d1") or m.group("d2")
        expr = Expr("ymd", y=parsed[0], m=parsed[1], d=int(day)) if day else Expr("ym", y=parsed[0], m=parsed[1])
        out.append((m.start(), m.end(), expr))
    return out


def _parse(phrase: str) -> tuple[int, int] | None:
    import dateparser  # imported on first use: most Arabic articles have no Latin-script date

    parsed = dateparser.parse(phrase, languages=["en", "fr"])
    return (parsed.year, parsed.month) if parsed is not None else None
