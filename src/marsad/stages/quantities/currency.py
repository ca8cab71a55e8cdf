"""Which country's ريال, جنيه or دينار a bare currency name means, from the places of the story.

35 مليار جنيه in a story from Cairo is EGP; 214 ريالا in one about Sanaa is YER.  The country is the
nearest one named earlier in the sentence that uses the name, else the dateline's, else the one the
story names most; with none that uses the name, no code is given (a wrong one would be worse).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from marsad.core.document import Document
from marsad.text.keys import fold
from marsad.text.resources import read_tsv
from marsad.text.words import Word, strip_proclitic

#: Where a sentence ends: a country named in an earlier sentence is not the sentence's own.
_SENTENCE_BREAK = re.compile(r"[.!?؟\n]")


@lru_cache(maxsize=1)
def currency_countries() -> dict[str, dict[str, str]]:
    """``data/currency_countries.tsv`` as ``{folded name: {country: ISO 4217 code}}``."""
    table: dict[str, dict[str, str]] = {}
    for name, country, code in read_tsv("currency_countries.tsv", ("name", "country", "code")):
        table.setdefault(fold(name, keep_madda=True), {})[country] = code
    return table


@dataclass(frozen=True)
class StoryPlaces:
    """The countries a story names: each mention's ``(start, country)``, the dateline's, and all by count."""

    mentions: tuple[tuple[int, str], ...] = ()
    dateline: str | None = None
    ranked: tuple[str, ...] = ()


def story_places(doc: Document) -> StoryPlaces:
    """The countries of the document's entities (GPE, LOC, FAC) and of its dateline place."""
    mentions: list[tuple[int, str]] = []
    counts: Counter[str] = Counter()
    dateline: str | None = None
    place = fold(doc.dateline.place, keep_madda=True) if doc.dateline and doc.dateline.place else None
    for entity in doc.entities:
        if entity.country is None or entity.type not in ("GPE", "LOC", "FAC"):
            continue
        for span in entity.mentions:
            mentions.append((span.start, entity.country))
        counts[entity.country] += len(entity.mentions)
        names = {fold(n, keep_madda=True) for n in (entity.name_ar, *(doc.text[s.start:s.end] for s in entity.mentions))
                 if n}
        if place is not None and place in names:
            dateline = entity.country
    return StoryPlaces(tuple(sorted(mentions)), dateline, tuple(c for c, _ in counts.most_common()))


def local_code(name: str, text: str, offset: int, places: StoryPlaces) -> str | None:
    """The ISO 4217 code of the bare currency ``name`` (folded singular) written at ``offset``."""
    codes = currency_countries().get(name)
    if not codes:
        return None
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, 0, offset)]
    sentence_start = breaks[-1] if breaks else 0
    for start, country in reversed(places.mentions):
        if sentence_start <= start < offset and country in codes:
            return codes[country]
    if places.dateline in codes:
        return codes[places.dateline]
    return next((codes[c] for c in places.ranked if c in codes), None)


#: How many words before a bare number the price of a currency may be named (ارتفع سعر الريال
#: السعودي في السوق من 58 إلى 61).
PRICE_REACH = 8
_PRICE_WORDS = frozenset({"سعر", "صرف"})


def story_currency(places: StoryPlaces) -> str | None:
    """The code of the currency of the story's country (its dateline's, else its most named one)."""
    country = places.dateline or (places.ranked[0] if places.ranked else None)
    if country is None:
        return None
    return next((codes[country] for codes in currency_countries().values() if country in codes), None)


def priced_in_local(words: Sequence[Word], k: int, places: StoryPlaces,
                    code_of: Callable[[str], str | None]) -> str | None:
    """The story's currency when the bare number at ``k`` is the price of a foreign one, else None.

    ارتفع سعر الريال السعودي من 58 إلى 61 in a story from Yemen: 58 and 61 are Yemeni rials.
    ``code_of`` gives the ISO code of a currency name (its singular, folded), if it has one of its own.
    """
    local = story_currency(places)
    if local is None:
        return None
    for p in range(k - 1, max(0, k - 1 - PRICE_REACH), -1):
        if words[p].kind == "punct":
            return None
        if not any(f in _PRICE_WORDS for _, f in strip_proclitic(words[p].form)) or p + 1 >= k:
            continue
        q = p + 1 + (words[p + 1].form == "صرف")
        name = _bare(words[q].form)
        adjective = _bare(words[q + 1].form) if q + 1 < k else ""
        code = code_of(f"{name} {adjective}") or code_of(name)
        if code is None and name in currency_countries():
            code = local  # a bare ريال in a Yemeni story is its own currency: no price of another
        return local if code is not None and code != local else None
    return None


def _bare(form: str) -> str:
    return form[2:] if form.startswith("ال") and len(form) > 3 else form
