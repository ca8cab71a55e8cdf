"""Charts of counts per day, laid out for inline SVG (nothing is loaded from the internet).

Time runs right to left, as an Arabic reader expects: the first day is at the right edge, next
to the y-axis and its ticks.  Day labels are ISO dates inside an SVG drawn left to right, so they
never read reversed.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

#: Drawing area of the chart in SVG user units; the SVG scales to the page width.
WIDTH = 1000
HEIGHT = 200
#: Room below the plot for the day labels, at the right for the y-axis ticks, above for the top tick.
LABEL_ROOM = 22
AXIS_ROOM = 36
TOP_ROOM = 8
#: Widest slot per day, so a few days do not draw a wall of colour.
MAX_SLOT = 40
#: At most this many ticks on the y-axis and day labels under the plot (more would overlap).
MAX_TICKS = 5
MAX_DAY_LABELS = 6
#: Half the width of a day label (10 digits at the labels' font size): labels stay this far in.
LABEL_HALF = 32


@dataclass(frozen=True)
class Bar:
    day: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Tick:
    """A mark on an axis: its position (y for the count axis, x for days) and its text."""

    at: float
    text: str


@dataclass(frozen=True)
class Line:
    """One series of a comparison chart: a polyline, its name and its colour class."""

    name: str
    points: str
    css: str
    total: int


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    width: int
    height: int
    peak: int
    first: str
    last: str
    y_ticks: tuple[Tick, ...] = ()
    x_labels: tuple[Tick, ...] = ()
    lines: tuple[Line, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.bars and not self.lines

    @property
    def plot_right(self) -> int:
        return self.width - AXIS_ROOM

    @property
    def base(self) -> int:
        return self.height - LABEL_ROOM


def fill_days(points: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """Counts for every day from the first to the last, zero where nothing happened, so the
    gaps show; days that are not ISO dates are left out."""
    counts = _by_day(points)
    if not counts:
        return []
    return [(d.isoformat(), counts.get(d, 0)) for d in _day_range(min(counts), max(counts), counts)]


def _by_day(points: Sequence[tuple[str, int]]) -> dict[dt.date, int]:
    counts: dict[dt.date, int] = {}
    for day, count in points:
        try:
            when = dt.date.fromisoformat(str(day)[:10])
        except ValueError:
            continue
        counts[when] = counts.get(when, 0) + int(count)
    return counts


def _day_range(first: dt.date, last: dt.date, seen: dict[dt.date, int]) -> list[dt.date]:
    span = (last - first).days
    if span > 3660:  # over ten years of days would draw hair-thin bars: keep the days seen
        return sorted(seen)
    return [first + dt.timedelta(days=i) for i in range(span + 1)]


def nice_step(peak: int) -> int:
    """A step of 1, 2 or 5 times a power of ten giving at most MAX_TICKS ticks above zero."""
    if peak <= MAX_TICKS:
        return 1
    rough = peak / MAX_TICKS
    power = 10 ** math.floor(math.log10(rough))
    for factor in (1, 2, 5, 10):
        if factor * power >= rough:
            return int(factor * power)
    return int(10 * power)


def y_ticks(peak: int, top: float, usable: float) -> tuple[int, tuple[Tick, ...]]:
    """The axis maximum (a multiple of the step, at least ``peak``) and its ticks."""
    step = nice_step(max(peak, 1))
    highest = step * math.ceil(max(peak, 1) / step)
    ticks = tuple(Tick(round(top + usable - usable * v / highest, 2), str(v))
                  for v in range(0, highest + 1, step))
    return highest, ticks


def day_labels(days: Sequence[str], centre: Sequence[float]) -> tuple[Tick, ...]:
    """At most MAX_DAY_LABELS evenly spaced days, always the first and the last."""
    if not days:
        return ()
    count = len(days)
    if count <= MAX_DAY_LABELS:
        picks = list(range(count))
    else:
        picks = sorted({round(i * (count - 1) / (MAX_DAY_LABELS - 1)) for i in range(MAX_DAY_LABELS)})
    return tuple(Tick(round(min(max(centre[i], LABEL_HALF), WIDTH - AXIS_ROOM), 2), days[i]) for i in picks)


def bar_chart(points: Sequence[tuple[str, int]]) -> Chart:
    """Bars for ``(day, count)`` points, scaled to the chart's drawing area, with axes."""
    days = fill_days(points)
    if not days:
        return Chart((), WIDTH, HEIGHT, 0, "", "")
    peak = max(c for _d, c in days)
    plot = WIDTH - AXIS_ROOM
    slot = min(plot / len(days), MAX_SLOT)
    usable = HEIGHT - LABEL_ROOM - TOP_ROOM
    highest, ticks = y_ticks(peak, TOP_ROOM, usable)
    bars = []
    for i, (day, count) in enumerate(days):
        h = usable * count / highest
        # Right to left: the first day is drawn at the right edge, next to the axis.
        x = plot - (i + 1) * slot
        bars.append(Bar(day, count, round(x + slot * 0.1, 2), round(TOP_ROOM + usable - h, 2),
                        round(max(slot * 0.8, 0.5), 2), round(h, 2)))
    labels = day_labels([d for d, _c in days], [b.x + b.width / 2 for b in bars])
    return Chart(tuple(bars), WIDTH, HEIGHT, peak, days[0][0], days[-1][0], ticks, labels)


def compare_chart(series: Sequence[tuple[str, Sequence[tuple[str, int]]]]) -> Chart:
    """One line per named series of ``(day, count)`` points, over the days of all of them."""
    per_series = [(name, _by_day(points)) for name, points in series]
    seen: dict[dt.date, int] = {}
    for _name, counts in per_series:
        seen.update(counts)
    if not seen:
        return Chart((), WIDTH, HEIGHT, 0, "", "")
    days = _day_range(min(seen), max(seen), seen)
    plot = WIDTH - AXIS_ROOM
    step = plot / max(len(days) - 1, 1)
    usable = HEIGHT - LABEL_ROOM - TOP_ROOM
    peak = max(max(counts.values(), default=0) for _n, counts in per_series)
    highest, ticks = y_ticks(peak, TOP_ROOM, usable)
    xs = [plot - i * step if len(days) > 1 else plot / 2 for i in range(len(days))]
    lines = []
    for number, (name, counts) in enumerate(per_series):
        points = " ".join(f"{round(x, 2)},{round(TOP_ROOM + usable - usable * counts.get(d, 0) / highest, 2)}"
                          for x, d in zip(xs, days, strict=True))
        lines.append(Line(name, points, f"series{number % 4}", sum(counts.values())))
    labels = day_labels([d.isoformat() for d in days], xs)
    return Chart((), WIDTH, HEIGHT, peak, days[0].isoformat(), days[-1].isoformat(), ticks, labels,
                 tuple(lines))
