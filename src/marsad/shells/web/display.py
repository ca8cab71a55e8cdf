"""How codes, dates and names are shown on the Arabic pages.

Codes of the contract (PLOVER types, modes, status, quote kinds, entity types) are shown with the
Arabic labels of ``data/web_labels.yaml`` and keep the code in a tooltip.  ISO dates are wrapped
in ``<bdi dir="ltr">``: inside right-to-left text the Unicode bidi algorithm would otherwise lay
the digit groups of 2015-07-31 out right to left, and a reader sees 31-07-2015.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from typing import Any

from markupsafe import Markup

from marsad.text.keys import fold, frequency, strip_diacritics
from marsad.text.resources import data_path, load_yaml

LABELS = "web_labels.yaml"
#: Label groups of the data file, by the name templates use.
KINDS = ("entity_type", "event_type", "event_status", "quote_kind", "event_mode")
#: An entity that is not linked to the knowledge base and whose name is a word at least this
#: frequent in general Arabic (wordfreq) is a common word the tagger took for a name (الله،
#: الخبر، تويتر، ريال), left out of "most mentioned".  Tuned by eye on 300 SaudiNewsNet articles:
#: it drops those and keeps عسير (1.2e-5), الطائف (1.9e-5) and السعوديون.
COMMON_WORD = 3e-5
#: Store ids of entities the knowledge base did not link start with this prefix.
UNLINKED_PREFIX = "x-"


@lru_cache(maxsize=1)
def labels() -> dict[str, dict[str, str]]:
    loaded = load_yaml(LABELS)
    return {kind: {str(k): str(v) for k, v in (loaded.get(kind) or {}).items()} for kind in KINDS}


def label(code: object, kind: str) -> str:
    """The Arabic label of ``code`` (a code missing from the data file is shown as it is)."""
    if code is None or code == "":
        return ""
    return labels()[kind].get(str(code), str(code))


def tag(code: object, kind: str, css: str = "") -> Markup:
    """``<span title="CODE">Arabic label</span>``; empty for no code."""
    if code is None or code == "":
        return Markup("")
    classes = Markup(' class="{}"').format(css) if css else Markup("")
    return Markup('<span{} title="{}">{}</span>').format(classes, code, label(code, kind))


def day(value: object) -> Markup:
    """A date (or timestamp) isolated left to right, so it never reads reversed in Arabic text."""
    if value is None or value == "":
        return Markup("")
    return Markup('<bdi dir="ltr" class="date">{}</bdi>').format(value)


def isolate(value: object) -> str:
    """Plain text (a tooltip) with a date isolated left to right by Unicode LRI ... PDI."""
    if value is None or value == "":
        return ""
    return f"\u2066{value}\u2069"


@lru_cache(maxsize=1)
def unit_words() -> frozenset[str]:
    """Folded Arabic forms of the currencies and units marsad reads (``data/units.tsv``)."""
    text = data_path("units.tsv").read_text(encoding="utf-8")
    rows = csv.reader((line for line in text.splitlines() if line and not line.startswith("#")), delimiter="\t")
    return frozenset(fold(row[0]) for row in rows if row and row[0] != "form")


def is_noise(entity: dict[str, Any]) -> bool:
    """True for an unlinked "entity" that is really a common word, a currency or a unit."""
    if not str(entity.get("id", "")).startswith(UNLINKED_PREFIX):
        return False
    name = strip_diacritics(str(entity.get("name_ar") or entity.get("name_en") or ""))
    if fold(name) in unit_words():
        return True
    return " " not in name and frequency(name) >= COMMON_WORD


def notable(entities: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` entities that are not noise."""
    return [e for e in entities if not is_noise(e)][:limit]


def install(env: Any) -> None:
    """Register the filters and globals of this module in a Jinja environment."""
    env.filters["day"] = day
    env.filters["label"] = label
    env.globals["tag"] = tag
