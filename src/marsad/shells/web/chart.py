"""A bar chart of counts per day, laid out for inline SVG (nothing is loaded from the internet)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

#: Drawing area of the chart in SVG user units; the SVG scales to the page width.
WIDTH = 720
HEIGHT = 160
#: Room below the bars for the first and last day labels.
LABEL_ROOM = 22
#: Widest slot per day, so a few days do not draw a wall of colour.
MAX_SLOT = 40


@dataclass(frozen=True)
class Bar:
    day: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    width: int
    height: int
    peak: int
    first: str
    last: str

    @property
    def empty(self) -> bool:
        return not self.bars


def fill_days(points: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """Counts for every day from the first to the last, zero where nothing happened, so the
    gaps show; days that are not ISO dates are left out."""
    counts: dict[dt.date, int] = {}
    for day, count in points:
        try:
            when = dt.date.fromisoformat(str(day)[:10])
        except ValueError:
            continue
        counts[when] = counts.get(when, 0) + int(count)
    if not counts:
        return []
    first, last = min(counts), max(counts)
    span = (last - first).days
    if span > 3660:  # over ten years of days would draw hair-thin bars: keep the days seen
        return [(d.isoformat(), counts[d]) for d in sorted(counts)]
    return [((first + dt.timedelta(days=i)).isoformat(), counts.get(first + dt.timedelta(days=i), 0))
            for i in range(span + 1)]


def bar_chart(points: Sequence[tuple[str, int]]) -> Chart:
    """Bars for ``(day, count)`` points, scaled to the chart's drawing area."""
    days = fill_days(points)
    if not days:
        return Chart((), WIDTH, HEIGHT, 0, "", "")
    peak = max(c for _d, c in days) or 1
    slot = min(WIDTH / len(days), MAX_SLOT)
    usable = HEIGHT - LABEL_ROOM
    bars = []
    for i, (day, count) in enumerate(days):
        h = usable * count / peak
        # Right to left: the first day is drawn at the right edge, as an Arabic reader expects.
        x = WIDTH - (i + 1) * slot
        bars.append(Bar(day, count, round(x + slot * 0.1, 2), round(usable - h, 2),
                        round(max(slot * 0.8, 0.5), 2), round(h, 2)))
    return Chart(tuple(bars), WIDTH, HEIGHT, peak, days[0][0], days[-1][0])
