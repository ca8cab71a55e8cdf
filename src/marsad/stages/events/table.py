"""Flat event tables: one row per event, as the event files analysts already use (CSV/TSV)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from marsad.core.document import Actor, Document, Event
from marsad.stages.events.args import actor_country

COLUMNS = ("date", "source", "source_country", "type", "mode", "cameo", "target", "target_country",
           "location", "status", "sentence", "url")


def actor_label(text: str, name_en: str | None, entity_type: str | None) -> str:
    """How every event table names an actor (this view, ``marsad export`` and the GDELT-like
    table): its entity's English name when linked, else its words in the text.  A nationality's
    English name is its people ("Turks" for «الشرطة التركية»), so such an actor keeps its words."""
    if name_en and entity_type != "NORP":
        return name_en
    return " ".join(text.split())


def actor_name(doc: Document, actor: Actor) -> str:
    """An actor's name in event tables (:func:`actor_label`)."""
    ent = doc.entities[actor.entity] if actor.entity is not None and 0 <= actor.entity < len(doc.entities) else None
    return actor_label(doc.span_text(actor.span), ent.name_en if ent else None, ent.type if ent else None)


def join_names(values: Iterable[str | None]) -> str:
    """One side's actor names, each once, in order, separated by ``;``."""
    seen: list[str] = []
    for v in values:
        if v and v not in seen:
            seen.append(v)
    return ";".join(seen)


def event_row(doc: Document, ev: Event) -> dict[str, str]:
    """One event as a flat row of strings (empty string for a missing value)."""
    return {
        "date": ev.date or "",
        "source": join_names(actor_name(doc, a) for a in ev.source),
        "source_country": join_names(actor_country(doc, a) for a in ev.source),
        "type": ev.type,
        "mode": ev.mode or "",
        "cameo": ev.cameo or "",
        "target": join_names(actor_name(doc, a) for a in ev.target),
        "target_country": join_names(actor_country(doc, a) for a in ev.target),
        "location": actor_name(doc, ev.location) if ev.location else "",
        "status": ev.status,
        "sentence": " ".join(doc.span_text(doc.sentences[ev.sentence]).split()) if doc.sentences else "",
        "url": doc.url or doc.origin or "",
    }


def event_rows(doc: Document) -> list[dict[str, str]]:
    return [event_row(doc, ev) for ev in doc.events]


def write_rows(rows: Iterable[dict[str, str]], out: IO[str], delimiter: str = ",",
               header: bool = True) -> None:
    """Write rows as CSV (or TSV with ``delimiter='\\t'``); tabs and newlines in cells become spaces."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter=delimiter, lineterminator="\n",
                            quoting=csv.QUOTE_MINIMAL)
    if header:
        writer.writeheader()
    for row in rows:
        writer.writerow({k: v.replace("\t", " ").replace("\n", " ") for k, v in row.items()})
