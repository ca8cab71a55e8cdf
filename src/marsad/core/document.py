"""The document model: cleaned text plus annotations that point into it by offsets.

Every annotation holds :class:`Span` objects, half-open Python string indices into
``Document.text``; an annotation's text is always ``doc.text[span.start:span.end]``, never a
copy, so offsets cannot drift from what they point at (spaCy ``Span.start_char``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

SCHEMA = "marsad.document/1"

EntityType = Literal["PER", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "MISC"]
RemovalReason = Literal["byline", "credit", "caption", "boilerplate", "duplicate", "other"]
QuoteKind = Literal["direct", "indirect", "mixed"]
EventStatus = Literal["asserted", "planned", "negated", "hypothetical", "reported"]
Approx = Literal["exact", "about", "more_than", "less_than", "at_least", "at_most"]
ReferenceKind = Literal["title", "pronoun", "body"]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open character offsets ``[start, end)`` into ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def to_json(self, doc_text: str) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": doc_text[self.start : self.end]}


@dataclass(frozen=True, slots=True)
class Part:
    """One piece of a token's clitic analysis: a proclitic, the stem or a suffix."""

    span: Span
    role: Literal["conj", "prep", "fut", "det", "stem", "pron"]


class Token(NamedTuple):
    """A word, number or punctuation mark at ``[start, end)``, with its matching key.

    A named tuple rather than a dataclass: articles have thousands of tokens and segmentation
    must run at several MB/s.  ``pieces`` is the clitic analysis relative to ``start``.
    """

    start: int
    end: int
    kind: Literal["word", "number", "latin", "punct", "symbol"]
    key: str
    pieces: tuple[tuple[int, int, str], ...] = ()

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def parts(self) -> tuple[Part, ...]:
        """The clitic pieces (conjunction, preposition, article, stem, pronoun) as spans."""
        return tuple(Part(Span(self.start + a, self.start + b), role)  # type: ignore[arg-type]
                     for a, b, role in self.pieces)

    @property
    def has_pronoun(self) -> bool:
        """Whether a pronoun suffix is attached (زيارته، بنظيره، شؤونها)."""
        return any(role == "pron" for _, _, role in self.pieces)

    @property
    def stem(self) -> Span:
        for a, b, role in self.pieces:
            if role == "stem":
                return Span(self.start + a, self.start + b)
        return self.span


@dataclass(frozen=True, slots=True)
class Removal:
    """A line taken out of the body by ``clean``; ``line`` is its 1-based line in the raw text."""

    text: str
    reason: RemovalReason
    line: int


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where and when the story was filed, and by which agency (``موسكو 11 أغسطس 2015 م واس``).

    ``span`` locates it in ``Document.text`` when it opens the body (``الرياض (رويترز) -``); a
    dateline on a line of its own is taken out of the body (``removed``, reason ``byline``) and
    has no span.  ``date`` is the ISO day it names, if any (no publication date is needed)."""

    text: str
    place: str | None = None
    agency: str | None = None
    date: str | None = None
    span: Span | None = None
    #: The reporter a byline names (عمر إبراهيم – عين اليوم).
    author: str | None = None

    def to_json(self, doc_text: str) -> dict[str, Any]:
        where = self.span.to_json(doc_text) if self.span else {"text": self.text}
        return {**where, "place": self.place, "agency": self.agency, "date": self.date, "author": self.author}


@dataclass(frozen=True, slots=True)
class Repair:
    """An edit made by ``clean``; ``start`` indexes the repaired form in ``Document.text``."""

    before: str
    after: str
    start: int
    kind: str = "glued-words"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who speaks or acts: a span of the text, pointing to an entity when one matches."""

    span: Span
    entity: int | None = None
    #: Named elsewhere in the article, not in the event's own words: the side a fight implies
    #: (:mod:`marsad.stages.events.sides`); its span is that entity's nearest mention.
    implied: bool = False

    def to_json(self, doc_text: str) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.span.text(doc_text), "entity": self.entity,
                               "start": self.span.start, "end": self.span.end}
        if self.implied:
            out["implied"] = True
        return out


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity with all its mentions in the article."""

    type: EntityType
    mentions: tuple[Span, ...]
    name_en: str | None = None
    name_ar: str | None = None
    wikidata: str | None = None
    country: str | None = None
    kb_id: str | None = None
    #: Coordinates of a place the knowledge base links (extra contract fields, only when known).
    lat: float | None = None
    lon: float | None = None

    def to_json(self, doc_text: str) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "name_en": self.name_en, "name_ar": self.name_ar,
                               "wikidata": self.wikidata, "country": self.country, "kb_id": self.kb_id,
                               "mentions": [m.to_json(doc_text) for m in self.mentions]}
        if self.lat is not None and self.lon is not None:
            out["lat"], out["lon"] = self.lat, self.lon
        return out


@dataclass(frozen=True, slots=True)
class Reference:
    """A title, honorific pronoun or body noun that stands for an entity named elsewhere.

    «وزير الخارجية» or «معاليه» after «وزير الخارجية عادل الجبير», «الوزارة» after «وزارة الدفاع
    الأميركية»: ``span`` is the referring words and ``entity`` the index in ``Document.entities``
    of what they stand for; ``antecedent`` is the mention they were resolved through (None for an
    office holder the knowledge base gives).  These are not entity mentions (an NER corpus does not
    count «معاليه» as a name): quotes and events read them to name the actor at a span
    (``Document.reference_at``).  ``kind``: ``title`` (a title without a name), ``pronoun`` (an
    honorific pronoun) or ``body`` (a definite head noun for an organisation or state).
    """

    span: Span
    entity: int
    kind: ReferenceKind
    antecedent: Span | None = None

    def to_json(self, doc_text: str) -> dict[str, Any]:
        return {**self.span.to_json(doc_text), "entity": self.entity, "kind": self.kind,
                "antecedent": self.antecedent.to_json(doc_text) if self.antecedent else None}


@dataclass(frozen=True, slots=True)
class Quote:
    kind: QuoteKind
    content: Span
    speaker: Actor
    cue: Span | None = None
    via: Actor | None = None
    date: str | None = None
    #: The unnamed sources or officials a named outlet cites when it speaks on record («نقلت صحيفة
    #: الخبر عن مصادر عسكرية»: the outlet is the speaker, the sources are cited).
    citing: Actor | None = None

    def to_json(self, doc_text: str) -> dict[str, Any]:
        out = {"kind": self.kind, "content": self.content.to_json(doc_text),
               "speaker": self.speaker.to_json(doc_text),
               "cue": self.cue.to_json(doc_text) if self.cue else None,
               "via": self.via.to_json(doc_text) if self.via else None, "date": self.date}
        if self.citing is not None:
            out["citing"] = self.citing.to_json(doc_text)
        return out


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    trigger: Span
    sentence: int
    status: EventStatus
    source: tuple[Actor, ...] = ()
    target: tuple[Actor, ...] = ()
    mode: str | None = None
    cameo: str | None = None
    date: str | None = None
    location: Actor | None = None
    sentences: tuple[int, ...] = ()

    def to_json(self, doc_text: str) -> dict[str, Any]:
        return {"type": self.type, "mode": self.mode, "cameo": self.cameo,
                "source": [a.to_json(doc_text) for a in self.source],
                "target": [a.to_json(doc_text) for a in self.target],
                "status": self.status, "date": self.date,
                "location": self.location.to_json(doc_text) if self.location else None,
                "trigger": self.trigger.to_json(doc_text), "sentence": self.sentence,
                "sentences": list(self.sentences or (self.sentence,))}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression and its ISO value resolved against the publication date."""

    span: Span
    value: str | None
    kind: Literal["point", "range", "duration", "set"] = "point"

    def to_json(self, doc_text: str) -> dict[str, Any]:
        return {**self.span.to_json(doc_text), "value": self.value, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Quantity:
    span: Span
    value: float
    approx: Approx = "exact"
    unit: str | None = None
    value_usd: float | None = None
    #: Upper end of a range (بين 10 و20، من 3 إلى 5 ملايين): ``value`` is the lower end and
    #: ``approx`` is at_least; None for a single figure.
    value_max: float | None = None
    value_max_usd: float | None = None

    def to_json(self, doc_text: str) -> dict[str, Any]:
        return {**self.span.to_json(doc_text), "value": self.value, "unit": self.unit,
                "approx": self.approx, "value_usd": self.value_usd, "value_max": self.value_max,
                "value_max_usd": self.value_max_usd}


@dataclass
class Document:
    """One article: raw input, cleaned ``text`` and the annotation lists the stages fill."""

    raw: str
    text: str = ""
    published: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None
    record_id: str | None = None
    language: str = "ar"
    dateline: Dateline | None = None
    sentences: list[Span] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    #: Titles, honorific pronouns and body nouns resolved to an entity (see :class:`Reference`).
    references: list[Reference] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    #: Quotations of unnamed speakers who speak for no state or organisation the text names
    #: («مصادر مطلعة», «شهود عيان»): kept apart from ``quotes`` (quotes settings put them back).
    unattributed: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    done: set[str] = field(default_factory=set)

    @property
    def id(self) -> str:
        """Stable content hash of the cleaned text (falls back to the raw text before cleaning)."""
        body = self.text or self.raw
        return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def sentence_of(self, offset: int) -> int | None:
        """Index of the sentence that contains ``offset``, by binary search."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            sent = self.sentences[mid]
            if offset < sent.start:
                hi = mid - 1
            elif offset >= sent.end:
                lo = mid + 1
            else:
                return mid
        return None

    def reference_at(self, span: Span) -> Reference | None:
        """The reference that overlaps ``span`` most (the first on a tie), if any."""
        best: Reference | None = None
        most = 0
        for ref in self.references:
            if ref.span.start >= span.end:
                break  # references are in text order
            overlap = min(ref.span.end, span.end) - max(ref.span.start, span.start)
            if overlap > most:
                best, most = ref, overlap
        return best

    def to_dict(self) -> dict[str, Any]:
        """The contract (``marsad.document/1``) as a plain dict."""
        t = self.text
        return {
            "schema": SCHEMA,
            "id": self.id,
            "record_id": self.record_id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "text": t,
            "dateline": self.dateline.to_json(t) if self.dateline else None,
            "sentences": [s.to_json(t) for s in self.sentences],
            "tokens": len(self.tokens),
            "removed": [{"text": r.text, "reason": r.reason, "line": r.line} for r in self.removed],
            "repairs": [{"before": r.before, "after": r.after, "start": r.start, "kind": r.kind}
                        for r in self.repairs],
            "entities": [e.to_json(t) for e in self.entities],
            # An extra field of the contract (its schema allows them): see Reference.
            "references": [r.to_json(t) for r in self.references],
            "quotes": [q.to_json(t) for q in self.quotes],
            # An extra field too: quotes of unnamed speakers who speak for nobody named.
            "unattributed": [q.to_json(t) for q in self.unattributed],
            "events": [e.to_json(t) for e in self.events],
            "dates": [d.to_json(t) for d in self.dates],
            "quantities": [q.to_json(t) for q in self.quantities],
        }

    def to_json(self, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """The Document a ``marsad.document/1`` dict describes (``doc.to_dict()`` read back)."""
        from marsad.core.serial import document_from_dict

        return document_from_dict(data)

    @classmethod
    def from_json(cls, text: str) -> Document:
        """The Document a ``marsad.document/1`` JSON string describes."""
        from marsad.core.errors import RecordError

        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RecordError(f"is not valid JSON ({exc.msg} at line {exc.lineno})") from None
        return cls.from_dict(data)
