"""Parts of a year: quarters and halves (الربع الثاني من العام، النصف الأول من 2015) and seasons
(أوائل الخريف، فصل الصيف المقبل), read for the temporal stage.

A quarter or half resolves to a range of days; a season, whose bounds differ between the
astronomical and the meteorological reckoning and between hemispheres, only to its year.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from marsad.stages.temporal.lexicon import DateWords
from marsad.stages.temporal.resolve import Direction, Expr
from marsad.text.words import Word

#: A year written as digits after a year part (من عام 2015) is read within these bounds.
YEAR_MIN, YEAR_MAX = 1900, 2100


def _year(words: Sequence[Word], k: int) -> int | None:
    if k >= len(words) or words[k].kind != "num" or len(words[k].form) != 4 or not words[k].form.isdigit():
        return None
    value = int(words[k].form)
    return value if YEAR_MIN <= value <= YEAR_MAX else None


def _year_of(words: Sequence[Word], k: int, dw: DateWords) -> tuple[str, int, int] | None:
    """The year a part belongs to, written at ``k``: ``(how, year or offset, words used)``.

    ``how`` is ``abs`` (2015، عام 2015، من العام 2015) or ``rel`` (من العام الماضي، من هذا العام).
    """
    used = 1 if k < len(words) and words[k].form == "من" else 0
    yw = dw.year_words.match(words, k + used, proclitic=False)
    after_word = used + (yw.n if yw else 0)
    year = _year(words, k + after_word)
    if year is not None:
        return "abs", year, after_word + 1
    if not used:
        return None
    k += used
    if k < len(words) and words[k].form in dw.this:
        unit = dw.definite_units.match(words, k + 1, proclitic=False)
        return ("rel", 0, used + 1 + unit.n) if unit is not None and unit.value == "year" else None
    unit = dw.definite_units.match(words, k, proclitic=False)
    if unit is None or unit.value != "year":
        return None
    nxt = words[k + unit.n].form if k + unit.n < len(words) else ""
    offset = -1 if nxt in dw.past else 1 if nxt in dw.future else 0 if nxt in dw.current else None
    if offset is None:
        return "rel", 0, used + unit.n  # من العام: the year of publication
    return "rel", offset, used + unit.n + 1


def year_part(words: Sequence[Word], i: int, dw: DateWords,
              tense: Callable[[int, int], Direction]) -> tuple[int, int, Expr] | None:
    """A quarter or half of a year at word ``i``: ``(words used, prefix, expression)``.

    With من after it, only a year may follow (النصف الأول من الشهر، من القرن is no part of a year).
    """
    m = dw.year_parts.match(words, i)
    if m is None:
        return None
    first, months = m.value
    end = i + m.n
    year = _year_of(words, end, dw)
    if year is None:
        if end < len(words) and words[end].form == "من":
            return None
        return m.n, m.prefix, Expr("year_part", m=first, n=months, direction=tense(i, end))
    how, value, used = year
    expr = Expr("year_part", m=first, n=months, y=value if how == "abs" else 0, d=0 if how == "abs" else value,
                unit=how)
    return m.n + used, m.prefix, expr


def season(words: Sequence[Word], i: int, dw: DateWords,
           tense: Callable[[int, int], Direction]) -> tuple[int, int, Expr] | None:
    """أوائل الخريف، فصل الصيف، الشتاء المقبل، صيف 2015: ``(words used, prefix, expression)``.

    A season word alone is too often something else (الربيع العربي، ربيع العمر), so it needs an
    opener before it (فصل، أوائل، منتصف...), or a direction word or year after it.
    """
    k = i
    prefix = 0
    opener = dw.season_openers.match(words, i)
    if opener is not None:
        k, prefix = i + opener.n, opener.prefix
    m = dw.seasons.match(words, k, proclitic=opener is None)
    if m is None:
        return None
    if opener is None:
        prefix = m.prefix
    end = k + m.n
    nxt = words[end].form if end < len(words) else ""
    if nxt in dw.past or nxt in dw.future:
        direction: Direction = "last" if nxt in dw.past else "next"
        return end + 1 - i, prefix, Expr("season", m=m.value, direction=direction)
    year = _year_of(words, end, dw)
    if year is not None:
        how, value, used = year
        return end + used - i, prefix, Expr("season", m=m.value, y=value if how == "abs" else 0,
                                              d=0 if how == "abs" else value, unit=how)
    if opener is None or (nxt.startswith("ال") and nxt not in dw.current):
        return None  # فصل الربيع العربي: an adjective makes it a name
    return end - i, prefix, Expr("season", m=m.value, direction=tense(i, end))
