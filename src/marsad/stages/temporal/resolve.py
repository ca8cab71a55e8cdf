"""Calendar arithmetic for the temporal stage: resolve a found expression against the publication date.

Values are ISO 8601 strings: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Www``, a ``START/END`` range,
or a ``PnY``/``PnM``/``PnW``/``PnD``/``PTnH`` duration.  A relative expression with no publication
date resolves to ``None``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from hijridate import Hijri

Direction = Literal["past", "future", "last", "next"] | None
#: How far ahead a month or day with no tense cue may be read as the coming one (set by reading
#: SaudiNewsNet articles: beyond a quarter, an untensed month name is mostly a past one).
FUTURE_REACH_DAYS = 92
#: How far before publication a day and month in a future clause may lie and still be read as this
#: year's (a tense, unlike المقبل, is only a cue): a month, set
#: by reading SaudiNewsNet copy, where a wire story is often published days after it was written.
SOFT_TENSE_SLACK_DAYS = 31
#: Ordinal of 1 Muharram 1 AH (16 July 622 Julian, 19 July 622 proleptic Gregorian) minus one.
_HIJRI_EPOCH = dt.date(622, 7, 19).toordinal() - 1


@dataclass(frozen=True, slots=True)
class Expr:
    """A date expression found in text, before resolution.

    ``kind`` says how to read ``y``/``m``/``d``/``n``: ``ymd``, ``ym``, ``y`` (absolute), ``md``, ``m``
    (year from the publication date and ``direction``), ``m_rel`` (month ``m`` of the year ``n``
    years from publication), ``day_of_month`` (day ``d`` of the month ``n`` months from publication),
    ``wd`` (weekday ``d``), ``day`` (``n`` days away), ``unit`` (the
    ``unit`` ``n`` units away: week, month, year), ``shift`` (``n`` units from publication),
    ``duration``, ``weekend``, ``hijri_ymd``, ``hijri_ym``, ``hijri_y``, ``hijri_md`` and ``hijri_m``
    (Hijri year from the publication date and ``direction``), ``year_part`` (``n`` months from month
    ``m``) and ``season`` (starting in month ``m``), and ``range`` of ``parts``.
    """

    kind: str
    y: int = 0
    m: int = 0
    d: int = 0
    n: int = 0
    unit: str = ""
    direction: Direction = None
    parts: tuple[Expr, ...] = ()


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """The Umm al-Qura calendar (Saudi Arabia's official one, via hijridate) for 1343–1500 AH,
    the tabular (arithmetic) calendar outside it or for a day it does not have; countries that
    follow the sighting of the moon may be a day off either."""
    try:
        return dt.date(*Hijri(year, month, day).to_gregorian().datetuple())
    except (OverflowError, ValueError):
        return _tabular_hijri(year, month, day)


def _tabular_hijri(year: int, month: int, day: int) -> dt.date:
    days = day + -(-(295 * (month - 1)) // 10) + (year - 1) * 354 + (3 + 11 * year) // 30
    return dt.date.fromordinal(_HIJRI_EPOCH + days)


def gregorian_to_hijri_year(day: dt.date) -> int:
    """The Hijri year that contains ``day``."""
    year = int((day.toordinal() - _HIJRI_EPOCH) / 354.367) + 1
    while hijri_to_gregorian(year + 1, 1, 1) <= day:
        year += 1
    while hijri_to_gregorian(year, 1, 1) > day:
        year -= 1
    return year


def _hijri_pick(pub: dt.date, month: int, day: int, direction: Direction) -> int:
    """The Hijri year of a Hijri day and month given without one, as :func:`_pick_year` does."""
    here = gregorian_to_hijri_year(pub)
    if direction in ("past", "last"):
        return here if hijri_to_gregorian(here, month, day) <= pub else here - 1
    if direction in ("future", "next"):
        return here if hijri_to_gregorian(here, month, day) >= pub else here + 1
    return min((here - 1, here, here + 1), key=lambda y: abs((hijri_to_gregorian(y, month, day) - pub).days))


def _hijri_month_len(year: int, month: int) -> int:
    nxt = (year + 1, 1) if month == 12 else (year, month + 1)
    return (hijri_to_gregorian(*nxt, 1) - hijri_to_gregorian(year, month, 1)).days


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _week(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _pick_year(pub: dt.date, month: int, day: int | None, direction: Direction) -> int:
    """The year of a month (and day) given without one: before or after ``pub``, else the nearest."""
    key = (month, day or 0)
    here = (pub.month, pub.day if day else 0)
    if direction == "future" and day and _valid(pub.year, month, day) and \
            0 < (pub - dt.date(pub.year, month, day)).days <= SOFT_TENSE_SLACK_DAYS:
        # A future tense is a soft cue: وستقدم يوم 14 يوليو in a paper of the 31st reports a plan
        # announced before publication (copy runs late), not one for next year.  A past tense is
        # not: nothing has happened after publication.
        return pub.year
    if direction == "past":
        return pub.year if key <= here else pub.year - 1
    if direction == "last":
        return pub.year if key < here else pub.year - 1
    if direction == "future":
        return pub.year if key >= here else pub.year + 1
    if direction == "next":
        return pub.year if key > here else pub.year + 1
    # No tense: news reports what happened, so the last occurrence, unless the next one is both
    # nearer and within FUTURE_REACH_DAYS (في 30 يونيو written on 17 June is the coming one).
    last = pub.year if key <= here else pub.year - 1
    nxt = last + 1
    if not (_valid(last, month, day or 1) and _valid(nxt, month, day or 1)):
        return last
    back = (pub - dt.date(last, month, day or 1)).days
    ahead = (dt.date(nxt, month, day or 1) - pub).days
    return nxt if ahead < back and ahead <= FUTURE_REACH_DAYS else last


def _weekday(pub: dt.date, weekday: int, direction: Direction) -> dt.date:
    back = (pub.isoweekday() - weekday) % 7
    ahead = (weekday - pub.isoweekday()) % 7
    if direction in ("future", "next"):
        return pub + dt.timedelta(days=ahead or (7 if direction == "next" else 0))
    return pub - dt.timedelta(days=back or (7 if direction == "last" else 0))


def _shift(pub: dt.date, unit: str, n: int) -> str | None:
    if unit == "day":
        return (pub + dt.timedelta(days=n)).isoformat()
    if unit == "hour":
        return pub.isoformat()
    if unit == "week":
        return _week(pub + dt.timedelta(weeks=n))
    if unit == "month":
        day = _add_months(pub, n)
        return _ym(day.year, day.month)
    years = {"year": 1, "decade": 10, "century": 100}.get(unit)
    return f"{pub.year + n * years:04d}" if years else None


def shift_from(days: tuple[str, str], expr: Expr) -> str | None:
    """An ``anchored`` expression from its anchor's first and last day (before: first, after: last)."""
    try:
        anchor = dt.date.fromisoformat(days[0] if expr.n < 0 else days[1])
        return _shift(anchor, expr.unit, expr.n)
    except (ValueError, OverflowError):
        return None


def duration(unit: str, n: int) -> str:
    if unit == "hour":
        return f"PT{n}H"
    letter = {"day": "D", "week": "W", "month": "M", "year": "Y"}.get(unit)
    if letter:
        return f"P{n}{letter}"
    return f"P{n * (10 if unit == 'decade' else 100)}Y"


def _anchor_past(expr: Expr) -> Expr:
    """A range start given without a year: the last occurrence on or before the range end."""
    if expr.kind in ("md", "m"):
        return Expr(expr.kind, m=expr.m, d=expr.d, direction="past")
    return expr


def _end_date(value: str) -> dt.date | None:
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return dt.date.fromisoformat(value)
        if len(parts) == 2 and not parts[1].startswith("W"):
            year, month = int(parts[0]), int(parts[1])
            return dt.date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:
        return None
    return None


def safe_resolve(expr: Expr, pub: dt.date | None) -> str | None:
    """:func:`resolve`, with ``None`` for a date outside the calendar (قبل 10000 شهر، 31 من أبريل)."""
    try:
        value = resolve(expr, pub)
    except (ValueError, OverflowError):
        return None
    if value and (value.startswith("-") or (len(value) > 4 and value[:5].isdigit())):
        return None  # قبل 99999999999 سنة: a year before 0 or after 9999 is no ISO date
    return value


def resolve(expr: Expr, pub: dt.date | None) -> str | None:
    """The ISO value of ``expr`` given the publication date (``None`` when it cannot be known)."""
    kind = expr.kind
    if kind == "ymd":
        return dt.date(expr.y, expr.m, expr.d).isoformat() if _valid(expr.y, expr.m, expr.d) else None
    if kind == "ym":
        return _ym(expr.y, expr.m)
    if kind == "y":
        return f"{expr.y:04d}"
    if kind == "duration":
        return duration(expr.unit, expr.n)
    if kind in ("hijri_md", "hijri_m"):
        if pub is None:
            return None
        year = _hijri_pick(pub, expr.m, expr.d or 1, expr.direction)
        return _resolve_hijri(Expr("hijri_ymd" if kind == "hijri_md" else "hijri_ym", y=year, m=expr.m, d=expr.d))
    if kind.startswith("hijri"):
        return _resolve_hijri(expr)
    if kind == "range":
        return _resolve_range(expr, pub)
    if kind in ("year_part", "season"):
        return _resolve_year_part(expr, pub)
    if pub is None:
        return None
    if kind == "md":
        year = _pick_year(pub, expr.m, expr.d, expr.direction)
        return dt.date(year, expr.m, expr.d).isoformat() if _valid(year, expr.m, expr.d) else None
    if kind == "m":
        return _ym(_pick_year(pub, expr.m, None, expr.direction), expr.m)
    if kind == "day_of_month":
        month = _add_months(pub.replace(day=1), expr.n)
        return dt.date(month.year, month.month, expr.d).isoformat()
    if kind == "m_rel":
        return _ym(pub.year + expr.n, expr.m)
    if kind == "wd":
        return _weekday(pub, expr.d, expr.direction).isoformat()
    if kind == "day":
        return (pub + dt.timedelta(days=expr.n)).isoformat()
    if kind in ("unit", "shift"):
        return _shift(pub, expr.unit, expr.n)
    if kind == "weekend":
        saturday = _weekday(pub, 6, expr.direction)
        return f"{saturday.isoformat()}/{(saturday + dt.timedelta(days=1)).isoformat()}"
    return None


def _resolve_hijri(expr: Expr) -> str | None:
    if expr.kind == "hijri_ymd":
        if not 1 <= expr.m <= 12 or not 1 <= expr.d <= 30:
            return None
        return hijri_to_gregorian(expr.y, expr.m, expr.d).isoformat()
    months = (expr.m, expr.m) if expr.kind == "hijri_ym" else (1, 12)
    first = hijri_to_gregorian(expr.y, months[0], 1)
    last = hijri_to_gregorian(expr.y, months[1], _hijri_month_len(expr.y, months[1]))
    return f"{first.isoformat()}/{last.isoformat()}"


def _resolve_range(expr: Expr, pub: dt.date | None) -> str | None:
    start, end = expr.parts
    end_value = resolve(end, pub)
    if end_value is None:
        return None
    anchor = _end_date(end_value)
    if anchor is not None and start.kind in ("md", "m"):
        # بين أغسطس وفبراير: the start is the last August on or before the February that ends it.
        start_value = resolve(_anchor_past(start), anchor)
    elif start.kind == "wd" and anchor is not None:
        start_value = _weekday(anchor, start.d, "past").isoformat()  # من الخميس إلى الأحد
    elif start.kind == "day_of" and anchor is not None:
        start_value = dt.date(anchor.year, anchor.month, start.d).isoformat()
    else:
        start_value = resolve(start, pub)
    if start_value is None:
        return None
    return f"{start_value}/{end_value}"


def _resolve_year_part(expr: Expr, pub: dt.date | None) -> str | None:
    """A quarter or half as a range of days; a season as its year (see ``periods``).

    ``unit`` says where the year comes from: ``abs`` (``y``), ``rel`` (``d`` years from
    publication), else the tense (``direction``) as for a bare month.
    """
    if expr.unit == "abs":
        year = expr.y
    elif pub is None:
        return None
    elif expr.unit == "rel":
        year = pub.year + expr.d
    else:
        year = _pick_year(pub, expr.m, None, expr.direction)
    if expr.kind == "season":
        return f"{year:04d}"
    last = expr.m + expr.n - 1
    end = dt.date(year, last, calendar.monthrange(year, last)[1])
    return f"{dt.date(year, expr.m, 1).isoformat()}/{end.isoformat()}"
