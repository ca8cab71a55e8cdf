"""Light stems of folded Arabic words: the light10 stemmer of Larkey, Ballesteros and Connell.

A light stem drops the conjunction و, the article and a few plural, dual, feminine and pronoun
endings (``data/light_stems.tsv``), so «المتظاهرين» and «متظاهرون» share one key.  It is no
morphological analysis: it conflates some unrelated words and keeps broken plurals apart, which
is what a bag-of-words model over a few hundred sentences wants (the learned event filter).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from marsad.core.errors import DataError
from marsad.text.resources import read_tsv

STEMS_FILE = "light_stems.tsv"
KINDS = ("conj", "article", "suffix")


class Affixes(NamedTuple):
    """light10's affixes with the least letters each must leave, in the order they are tried."""

    conj: tuple[tuple[str, int], ...]
    articles: tuple[tuple[str, int], ...]
    suffixes: tuple[tuple[str, int], ...]


@lru_cache(maxsize=1)
def affixes() -> Affixes:
    """The affixes of ``data/light_stems.tsv``, by kind, in file order."""
    by_kind: dict[str, list[tuple[str, int]]] = {kind: [] for kind in KINDS}
    for affix, kind, keep in read_tsv(STEMS_FILE, ("affix", "kind", "keep")):
        if kind not in by_kind or not keep.isdigit():
            raise DataError(f"data file marsad/data/{STEMS_FILE}: bad row {affix!r} {kind!r} {keep!r}")
        by_kind[kind].append((affix, int(keep)))
    return Affixes(tuple(by_kind["conj"]), tuple(by_kind["article"]), tuple(by_kind["suffix"]))


@lru_cache(maxsize=65536)
def light_stem(word: str) -> str:
    """The light10 stem of a folded word (``Token.key``): «والاحتجاجات» → «احتجاج»."""
    table = affixes()
    for affix, keep in table.conj:
        if word.startswith(affix) and len(word) - len(affix) >= keep:
            word = word[len(affix):]
    for affix, keep in table.articles:
        if word.startswith(affix) and len(word) - len(affix) >= keep:
            word = word[len(affix):]
            break
    # light10 tries every suffix once, in order, so «اتها» loses ها and then ات.
    for affix, keep in table.suffixes:
        if word.endswith(affix) and len(word) - len(affix) >= keep:
            word = word[: -len(affix)]
    return word


__all__ = ["Affixes", "affixes", "light_stem"]
