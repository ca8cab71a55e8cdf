"""The Arabic event GSR (openeventdata/arabic_event_gsr): judged sentences, one per CSV row.

Shared by ``bench/events_gsr.py`` (scores) and ``scripts/build_event_filter.py`` (trains the
filter).  Ids are LDC Gigaword ids such as ``AAW_ARB_20071026.0026-2``: outlet, publication date,
document number, sentence number.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from marsad.text.keys import fold

#: The judgement file of each event type in the data set's folder.
FILES = {"ASSAULT": "assault_dev.csv", "PROTEST": "protest_dev.csv"}
#: The stages the events stage reads from, run before it on each sentence.
STAGES = ("clean", "segment", "entities", "temporal")
_ID_DATE = re.compile(r"_(\d{8})\.")


class Judged(NamedTuple):
    id: str
    text: str
    label: str  # yes, easy no or difficult no
    accept: int = 0  # how many annotators accepted the sentence
    total: int = 0  # how many judged it

    @property
    def positive(self) -> bool:
        """``yes`` (all annotators accept) against ``easy no`` / ``difficult no``."""
        return self.label == "yes"

    @property
    def share(self) -> float:
        """The share of annotators who accepted: 1 for ``yes``, 0 for ``easy no``, between for
        ``difficult no`` (one or more dissents: 2 of 4 is common)."""
        return self.accept / self.total if self.total else float(self.positive)


def published(record_id: str) -> dt.date | None:
    """The publication date written in a sentence id, if it has a valid one."""
    m = _ID_DATE.search(record_id)
    if not m:
        return None
    try:
        return dt.datetime.strptime(m.group(1), "%Y%m%d").date()
    except ValueError:
        return None


def document_id(record_id: str) -> str:
    """The article a GSR sentence comes from: its id without the sentence number."""
    return re.split(r"[-_](?=\d+$)", record_id)[0]


def judged(path: Path) -> Iterator[Judged]:
    """The scored rows of one file; ``ambiguous`` rows (too few labels) are left out, as its README says."""
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["label"] != "ambiguous":
                yield Judged(row["id"], row["text"], row["label"], _count(row.get("accept")),
                             _count(row.get("total")))


def _count(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0


def span_words(text: str) -> set[str]:
    """Folded content words of an annotated span, without clitics and the article: an actor matches
    a gold span when they share one (bench/events_args.py, training/argmodel.py)."""
    out: set[str] = set()
    for w in fold(text).split():
        for lead in ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف"):
            if w.startswith(lead) and len(w) - len(lead) >= 3:
                w = w[len(lead):]
                break
        if len(w) >= 2:
            out.add(w)
    return out
