"""The date vocabulary of ``data/dates.yaml``, loaded once into lexicons for the temporal stage."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from marsad.text.keys import fold
from marsad.text.numbers import number_words
from marsad.text.resources import load_yaml
from marsad.text.words import Lexicon, invert, strip_proclitic


@dataclass(frozen=True)
class DateWords:
    months: Lexicon[int]
    ambiguous_months: frozenset[str]
    hijri: Lexicon[int]
    hijri_era: Lexicon[bool]
    gregorian_era: Lexicon[bool]
    weekdays: Lexicon[int]
    day_word: frozenset[str]
    not_weekday_after: frozenset[str]
    day_ordinals: Lexicon[int]
    relative_days: Lexicon[int]
    relative_day_not_after: frozenset[str]
    next_day_words: frozenset[str]
    generic_today_after: frozenset[str]
    previous_day_words: frozenset[str]
    units: Lexicon[tuple[str, int]]  # form → (unit, count: 1 singular, 2 dual, 0 plural)
    definite_units: Lexicon[str]
    weekend: Lexicon[bool]
    year_parts: Lexicon[tuple[int, int]]  # form → (first month, number of months)
    seasons: Lexicon[int]  # form → first month
    season_openers: Lexicon[bool]
    past: frozenset[str]
    future: frozenset[str]
    current: frozenset[str]
    this: frozenset[str]
    ago: frozenset[str]
    later: frozenset[str]
    year_words: Lexicon[bool]
    year_preps: frozenset[str]
    year_after_nouns: frozenset[str]
    range_open: frozenset[str]
    range_close: frozenset[str]
    future_cues: frozenset[str]
    past_cues: frozenset[str]
    ya_nouns: frozenset[str]
    duration_frames: frozenset[str]


def _forms(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(fold(str(w), keep_madda=True) for w in data[key])


def _flag(data: dict[str, Any], key: str) -> Lexicon[bool]:
    return Lexicon(dict.fromkeys(data[key], True))


def _month_pair(key: str) -> tuple[int, int]:
    first, count = key.split()
    return int(first), int(count)


@lru_cache(maxsize=1)
def date_words() -> DateWords:
    data = load_yaml("dates.yaml")
    units: dict[str, tuple[str, int]] = {}
    for unit, groups in data["units"].items():
        for number, count in (("singular", 1), ("dual", 2), ("plural", 0)):
            units.update(dict.fromkeys(groups[number], (unit, count)))
    return DateWords(
        months=Lexicon(invert({int(k): v for k, v in data["months"].items()})),
        ambiguous_months=_forms(data, "ambiguous_months"),
        hijri=Lexicon(invert({int(k): v for k, v in data["hijri_months"].items()})),
        hijri_era=_flag(data, "hijri_era"),
        gregorian_era=_flag(data, "gregorian_era"),
        weekdays=Lexicon(invert({int(k): v for k, v in data["weekdays"].items()})),
        day_word=_forms(data, "day_word"),
        not_weekday_after=_forms(data, "not_weekday_after"),
        day_ordinals=Lexicon(invert({int(k): v for k, v in data["day_ordinals"].items()})),
        relative_days=Lexicon(invert({int(k): v for k, v in data["relative_days"].items()})),
        relative_day_not_after=_forms(data, "relative_day_not_after"),
        next_day_words=_forms(data, "next_day_words"),
        generic_today_after=_forms(data, "generic_today_after"),
        previous_day_words=_forms(data, "previous_day_words"),
        units=Lexicon(units),
        definite_units=Lexicon(invert(data["definite_units"])),
        weekend=_flag(data, "weekend"),
        year_parts=Lexicon(invert({_month_pair(k): v for k, v in data["year_parts"].items()})),
        seasons=Lexicon(invert({int(k): v for k, v in data["seasons"].items()})),
        season_openers=_flag(data, "season_openers"),
        past=_forms(data, "past_words"),
        future=_forms(data, "future_words"),
        current=_forms(data, "current_words"),
        this=_forms(data, "this_words"),
        ago=_forms(data, "ago_words"),
        later=_forms(data, "later_words"),
        year_words=_flag(data, "year_words"),
        year_preps=_forms(data, "year_preps"),
        year_after_nouns=_forms(data, "year_after_nouns"),
        range_open=_forms(data, "range_open"),
        range_close=_forms(data, "range_close"),
        future_cues=_forms(data, "future_cues") | _forms(data, "future_verbs"),
        past_cues=_forms(data, "past_cues") | _forms(data, "past_verbs"),
        ya_nouns=_forms(data, "ya_nouns"),
        duration_frames=_forms(data, "duration_words") | _forms(data, "duration_verbs"),
    )


@lru_cache(maxsize=1)
def relevant_words() -> frozenset[str]:
    """Every word a date expression can start with: other words are skipped without matching."""
    dw = date_words()
    nw = number_words()
    lexicons: tuple[Lexicon[Any], ...] = (
        dw.months, dw.hijri, dw.weekdays, dw.relative_days, dw.units, dw.definite_units, dw.weekend,
        dw.day_ordinals, dw.year_parts, dw.seasons, dw.season_openers,
        dw.year_words, nw.cardinals, nw.scale_single, nw.scale_dual, nw.vague)
    firsts: set[str] = {"ال"} | dw.day_word | dw.this | dw.ago | dw.later
    for lex in lexicons:
        firsts |= lex.firsts
    return frozenset(firsts)


@lru_cache(maxsize=65_536)
def may_start(form: str) -> bool:
    """Can a date expression start with this word?  Most words of an article cannot."""
    relevant = relevant_words()
    return any(f in relevant for _, f in strip_proclitic(form))


@lru_cache(maxsize=1)
def approximators() -> Lexicon[str]:
    data = load_yaml("numbers.yaml")
    return Lexicon(invert(data["approx_before"]))
