"""Amounts the finder reads that are not amounts of the story, dropped after finding.

A bare number right after a name ends the name (جنيف 1: the Geneva communiqué).

A conversion in brackets repeats the amount before it in another unit (5.3 مليار دولار (نحو 4.7
مليار يورو), 110 كلم (68 ميلا)): news annotators count the amount once, as written first.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from marsad.core.document import Quantity, Span
from marsad.stages.quantities.currency import currency_countries
from marsad.text.resources import read_tsv

_OPEN, _CLOSE = "([", ")]"


@lru_cache(maxsize=1)
def unit_kinds() -> dict[str, str]:
    """Unit code → ``currency`` or ``measure``, from ``data/units.tsv`` and ``currency_countries.tsv``."""
    kinds = {code: kind for _, code, kind in read_tsv("units.tsv", ("form", "unit", "kind"))}
    for codes in currency_countries().values():
        kinds.update(dict.fromkeys(codes.values(), "currency"))
    return kinds


def _converts(text: str, before: Quantity, q: Quantity) -> bool:
    """Is ``q`` alone in brackets right after ``before``, in a unit of the same kind?"""
    opening = text[before.span.end:q.span.start].strip()
    if len(opening) != 1 or opening not in _OPEN or text[q.span.end:].lstrip()[:1] not in _CLOSE:
        return False
    kinds = unit_kinds()
    kind = kinds.get(before.unit or "")
    return kind is not None and kinds.get(q.unit or "") == kind


def drop_conversions(text: str, found: Sequence[Quantity]) -> list[Quantity]:
    """The amounts of ``found`` without the conversions in brackets that follow one of them."""
    out: list[Quantity] = []
    for n, q in enumerate(found):
        if n > 0 and _converts(text, found[n - 1], q):
            continue
        out.append(q)
    return out


def drop_name_numbers(text: str, found: Sequence[Quantity], names: Sequence[Span]) -> list[Quantity]:
    """The amounts of ``found`` without the bare numbers that end a name (جنيف 1، مينسك 2، أستانا 3).

    A number with no unit written right after a named entity names a conference, a round or an
    edition of it, not an amount.
    """
    ends = {span.end for span in names}
    out: list[Quantity] = []
    for q in found:
        window = text[max(0, q.span.start - 8):q.span.start]
        gap = len(window) - len(window.rstrip(" "))
        if q.unit is None and q.approx == "exact" and gap > 0 and q.span.start - gap in ends:
            continue  # a space or two between the name and the number, no line break
        out.append(q)
    return out
