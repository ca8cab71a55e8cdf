"""Reading a ``marsad.document/1`` dict back into a :class:`~marsad.core.document.Document`.

The inverse of ``Document.to_dict`` (spaCy's ``Doc.from_json``): a stored or exported analysis
becomes the model again, so library code can work on it without re-analysing. The contract keeps
no raw input and only the token count: ``raw`` is the cleaned text, and tokens are found again by
the same tokeniser, which gives the same tokens for the same text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, cast

# Document imports this module only inside from_dict, so importing it here makes no cycle.
from marsad.core.document import (
    SCHEMA,
    Actor,
    Dateline,
    DateMention,
    Document,
    Entity,
    Event,
    Quantity,
    Quote,
    Reference,
    Removal,
    Repair,
    Span,
)
from marsad.core.errors import RecordError

Row = Mapping[str, Any]


def document_from_dict(data: Row) -> Document:
    """The Document a contract dict describes; a malformed one raises a one-line RecordError."""
    if not isinstance(data, Mapping) or data.get("schema") != SCHEMA:
        got = data.get("schema") if isinstance(data, Mapping) else type(data).__name__
        raise RecordError(f"is not a {SCHEMA} document (schema {got!r})")
    try:
        text = str(data["text"])
        doc = Document(raw=text, text=text, published=_date(data.get("published")), title=data.get("title"),
                       source=data.get("source"), url=data.get("url"), record_id=data.get("record_id"),
                       language=data.get("language") or "ar")
        doc.dateline = _dateline(data.get("dateline"))
        doc.sentences = [_span(s) for s in data.get("sentences", [])]
        doc.tokens = _tokens(text) if data.get("tokens") else []
        doc.removed = [Removal(text=r["text"], reason=r["reason"], line=int(r.get("line") or 0))
                       for r in data.get("removed", [])]
        doc.repairs = [Repair(before=r["before"], after=r["after"], start=int(r["start"]),
                              kind=r.get("kind") or "glued-words") for r in data.get("repairs", [])]
        doc.entities = [_entity(e) for e in data.get("entities", [])]
        doc.references = [_reference(r) for r in data.get("references", [])]
        doc.quotes = [_quote(q) for q in data.get("quotes", [])]
        doc.unattributed = [_quote(q) for q in data.get("unattributed", [])]
        doc.events = [_event(e) for e in data.get("events", [])]
        doc.dates = [_date_mention(d) for d in data.get("dates", [])]
        doc.quantities = [_quantity(q) for q in data.get("quantities", [])]
    except (KeyError, TypeError, ValueError) as exc:
        raise RecordError(f"is not a well-formed {SCHEMA} document ({type(exc).__name__}: {exc})") from None
    return doc


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def _span(row: Row) -> Span:
    return Span(int(row["start"]), int(row["end"]))


def _tokens(text: str) -> list[Any]:
    from marsad.text.tokens import find_tokens  # the one tokeniser: same text, same tokens

    return cast(list[Any], find_tokens(text))


def _dateline(row: Row | None) -> Dateline | None:
    if not row:
        return None
    span = _span(row) if row.get("start") is not None else None
    return Dateline(text=row["text"], place=row.get("place"), agency=row.get("agency"), date=row.get("date"),
                    span=span, author=row.get("author"))


def _actor(row: Row | None) -> Actor | None:
    if row is None:
        return None
    entity = row.get("entity")
    return Actor(_span(row), None if entity is None else int(entity), implied=bool(row.get("implied")))


def _entity(row: Row) -> Entity:
    return Entity(type=row["type"], mentions=tuple(_span(m) for m in row["mentions"]), name_en=row.get("name_en"),
                  name_ar=row.get("name_ar"), wikidata=row.get("wikidata"), country=row.get("country"),
                  kb_id=row.get("kb_id"), lat=row.get("lat"), lon=row.get("lon"))


def _reference(row: Row) -> Reference:
    antecedent = row.get("antecedent")
    return Reference(span=_span(row), entity=int(row["entity"]), kind=row["kind"],
                     antecedent=_span(antecedent) if antecedent else None)


def _quote(row: Row) -> Quote:
    speaker = _actor(row["speaker"])
    assert speaker is not None  # the contract requires a speaker
    return Quote(kind=row["kind"], content=_span(row["content"]), speaker=speaker,
                 cue=_span(row["cue"]) if row.get("cue") else None, via=_actor(row.get("via")), date=row.get("date"),
                 citing=_actor(row.get("citing")))


def _event(row: Row) -> Event:
    actors = [a for a in (_actor(r) for r in row.get("source", [])) if a is not None]
    targets = [a for a in (_actor(r) for r in row.get("target", [])) if a is not None]
    sentence = int(row["sentence"])
    sentences = tuple(int(s) for s in row.get("sentences") or ())
    return Event(type=row["type"], trigger=_span(row["trigger"]), sentence=sentence, status=row["status"],
                 source=tuple(actors), target=tuple(targets), mode=row.get("mode"), cameo=row.get("cameo"),
                 date=row.get("date"), location=_actor(row.get("location")),
                 sentences=sentences)


def _date_mention(row: Row) -> DateMention:
    return DateMention(span=_span(row), value=row.get("value"), kind=row.get("kind") or "point")


def _quantity(row: Row) -> Quantity:
    return Quantity(span=_span(row), value=float(row["value"]), approx=row.get("approx") or "exact",
                    unit=row.get("unit"), value_usd=row.get("value_usd"), value_max=row.get("value_max"),
                    value_max_usd=row.get("value_max_usd"))
