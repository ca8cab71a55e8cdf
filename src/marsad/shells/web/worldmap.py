"""A world map of counts per country, drawn as inline SVG from shipped outlines (no tile server).

``data/world_map.tsv`` holds each country's outline already projected to SVG path data
(scripts/build_world_map.py makes it from Natural Earth); this module only shades the countries by
their counts and names them in Arabic (``data/kb/countries.tsv``) for the tooltips.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.resources import data_path

MAP_FILE = "world_map.tsv"
COUNTRY_NAMES = "kb/countries.tsv"
#: The frame of the projected outlines (see the header of data/world_map.tsv).
WIDTH = 1000
HEIGHT = 392
NORTH = 83.0
#: Shades of the legend, lightest first; a country with no count is left unshaded.
SHADES = 5
#: Most places drawn as points (the most mentioned): more would hide the countries under them.
MAX_POINTS = 300


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    path: str
    count: int
    shade: int  # 0 = no count, 1..SHADES


@dataclass(frozen=True)
class Point:
    """A place with coordinates, drawn as a dot."""

    name: str
    x: float
    y: float
    count: int
    href: str
    r: float


@dataclass(frozen=True)
class LegendStep:
    shade: int
    low: int
    high: int


@dataclass(frozen=True)
class WorldMap:
    countries: tuple[Country, ...]
    legend: tuple[LegendStep, ...]
    points: tuple[Point, ...]
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def shaded(self) -> int:
        return sum(1 for c in self.countries if c.count)


def _tsv(name: str) -> list[list[str]]:
    text = data_path(name).read_text(encoding="utf-8")
    rows = csv.reader((line for line in text.splitlines() if line and not line.startswith("#")),
                      delimiter="\t")
    return list(rows)[1:]  # the column names


@lru_cache(maxsize=1)
def outlines() -> tuple[tuple[str, str, str], ...]:
    """(code, English name, SVG path) of every country of the map file."""
    return tuple((row[0], row[1], row[2]) for row in _tsv(MAP_FILE))


@lru_cache(maxsize=1)
def arabic_names() -> dict[str, str]:
    """ISO alpha-3 → the first Arabic name of the knowledge base."""
    return {row[0]: row[3].split("|")[0] for row in _tsv(COUNTRY_NAMES) if len(row) > 3 and row[3]}


def thresholds(counts: Sequence[int]) -> tuple[LegendStep, ...]:
    """SHADES steps on a log scale from 1 to the largest count (news counts are very skewed:
    a linear scale would leave all but one country in the lightest shade)."""
    peak = max(counts, default=0)
    if peak <= 0:
        return ()
    steps = min(SHADES, peak)
    edges = [round(math.exp(math.log(peak) * i / steps)) for i in range(steps + 1)]
    legend = []
    low = 1
    for shade, high in enumerate(edges[1:], start=1):
        high = max(high, low)
        legend.append(LegendStep(shade, low, high))
        low = high + 1
        if low > peak:
            break
    return tuple(legend)


def shade_of(count: int, legend: Sequence[LegendStep]) -> int:
    for step in legend:
        if count <= step.high:
            return step.shade if count >= 1 else 0
    return legend[-1].shade if legend and count > 0 else 0


def project(lon: float, lat: float) -> tuple[float, float]:
    """The map file's projection, for points."""
    scale = WIDTH / 360.0
    return round((lon + 180.0) * scale, 1), round((NORTH - lat) * scale, 1)


def draw(counts: Mapping[str, int], points: Sequence[tuple[str, float, float, int, str]] = ()) -> WorldMap:
    """Every country shaded by its count; ``points`` are (name, lat, lon, count, link) of places
    that have coordinates (drawn only when there are any)."""
    legend = thresholds([c for c in counts.values() if c > 0])
    names = arabic_names()
    countries = tuple(Country(code, names.get(code, name_en), path, int(counts.get(code, 0)),
                              shade_of(int(counts.get(code, 0)), legend))
                      for code, name_en, path in outlines())
    kept = sorted(points, key=lambda p: -p[3])[:MAX_POINTS]
    most = max((p[3] for p in kept), default=1) or 1
    dots = tuple(Point(name, *project(lon, lat), count, href, round(2 + 4 * math.sqrt(count / most), 1))
                 for name, lat, lon, count, href in kept)
    return WorldMap(countries, legend, dots)
