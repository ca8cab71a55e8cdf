"""Turn one contract dict (``marsad.document/1``) into the rows every store writes.

Pure functions only (house style: find, then annotate): the stores insert what these return,
so SQLite and PostgreSQL hold exactly the same records for the same article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from marsad.core.document import SCHEMA
from marsad.core.errors import RecordError
from marsad.stages.events.table import actor_label, join_names
from marsad.store.names import skeleton
from marsad.store.search import index_text, padded_key

if TYPE_CHECKING:
    from marsad.store.stories import Keys

_SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,80}$")


@dataclass
class ArticleRows:
    """Everything one article adds to a store; ``pk`` and the article's ``story_id`` and
    ``copy_of`` are filled in by the store."""

    article: dict[str, Any]
    title_terms: str
    body_terms: str
    entities: list[dict[str, Any]] = field(default_factory=list)
    aliases: list[tuple[str, str, str]] = field(default_factory=list)  # entity id, alias, skeleton
    mentions: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    quantities: list[dict[str, Any]] = field(default_factory=list)
    pk: int = 0
    story_keys: Keys | None = None


#: An item of a per-entity list (the article's entity dicts, or their store ids).
T = TypeVar("T")


def raw_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def text_hash(text: str) -> str:
    """The same content hash as ``Document.id``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def check_contract(doc: Any) -> None:
    """Raise a one-line RecordError unless ``doc`` looks like a contract dict."""
    if not isinstance(doc, dict):
        raise RecordError("record is not a JSON object; expected a marsad.document/1 dict")
    if doc.get("schema") != SCHEMA:
        raise RecordError(f"record has schema {doc.get('schema')!r}; expected {SCHEMA!r}")
    if not isinstance(doc.get("text"), str) or not doc["text"].strip():
        raise RecordError("record has no text; run `marsad analyze` on the article first")
    for name in ("entities", "quotes", "unattributed", "events", "dates", "quantities"):
        if not isinstance(doc.get(name, []), list):
            raise RecordError(f"record field {name!r} must be a list")


def entity_id(entity: dict[str, Any]) -> str:
    """One id per real-world entity across articles: KB id, else Wikidata id, else a name hash."""
    for name in ("kb_id", "wikidata"):
        value = entity.get(name)
        if isinstance(value, str) and _SAFE_ID.match(value):
            return value
    name = entity.get("name_en") or entity.get("name_ar") or _longest_mention(entity)
    basis = f"{entity.get('type')}|{index_text(str(name)) or name}"
    return "x-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]


def _longest_mention(entity: dict[str, Any]) -> str:
    texts = [m.get("text", "") for m in entity.get("mentions", [])]
    return max(texts, key=len, default="")


def day_of(value: Any) -> str | None:
    """``YYYY-MM-DD`` when ``value`` starts with a full ISO date, else None."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def build_rows(doc: dict[str, Any], raw: str | None, now: str) -> ArticleRows:
    """All rows for one analysed article."""
    check_contract(doc)
    text: str = doc["text"]
    article_id = text_hash(text)
    given = doc.get("id")
    if given is not None and str(given) != article_id:
        # Ids key the store: a document under another text's id (or a path like ../x) would hide
        # that article or be stored where no one can reach it.
        raise RecordError(f"id {str(given)[:40]!r} is not the id its text gives ({article_id}); "
                          "send the id of the text or none", source=str(given)[:40])
    published = day_of(doc.get("published"))
    ents = doc.get("entities", [])
    ids = [entity_id(e) for e in ents]
    rows = ArticleRows(
        article={"id": article_id, "title": doc.get("title"), "source": doc.get("source"),
                 "url": doc.get("url"), "published": published, "raw": raw, "text": text,
                 "analysis": json.dumps(doc, ensure_ascii=False, separators=(",", ":")),
                 "raw_sha": raw_hash(raw) if raw is not None else None, "added_at": now,
                 "n_entities": len(ents), "n_quotes": len(doc.get("quotes", [])),
                 "n_events": len(doc.get("events", [])),
                 "record_id": str(doc["record_id"]) if doc.get("record_id") is not None else None,
                 "story_id": None, "copy_of": None},
        title_terms=index_text(doc.get("title") or ""),
        body_terms=index_text(text))
    _entity_rows(rows, ents, ids)
    _quote_rows(rows, doc, ents, ids)
    _event_rows(rows, doc, ents, ids, published)
    _misc_rows(rows, doc)
    return rows


def _entity_rows(rows: ArticleRows, ents: list[dict[str, Any]], ids: list[str]) -> None:
    seen: set[str] = set()
    for ent, eid in zip(ents, ids, strict=True):
        if eid not in seen:
            seen.add(eid)
            rows.entities.append({
                "id": eid, "type": ent.get("type"), "name_en": ent.get("name_en"),
                "name_ar": ent.get("name_ar") or _longest_mention(ent),
                "wikidata": ent.get("wikidata"), "country": ent.get("country"),
                "key": padded_key(ent.get("name_ar"), ent.get("name_en"), _longest_mention(ent))})
            rows.entities[-1]["skeleton"] = skeleton(rows.entities[-1]["name_ar"] or "") or None
        names = {m.get("text", "") for m in ent.get("mentions", [])} | {ent.get("name_en") or ""}
        rows.aliases += [(eid, n, skeleton(n)) for n in sorted(names) if n]
        for m in ent.get("mentions", []):
            rows.mentions.append({"entity_id": eid, "start_char": m["start"], "end_char": m["end"],
                                  "text": m.get("text", ""), "key": padded_key(m.get("text"))})


def _actor_entity(actor: dict[str, Any] | None, items: list[T]) -> T | None:
    """What ``items`` (the article's entities, or their store ids) holds for the actor's entity."""
    index = actor.get("entity") if actor else None
    return items[index] if isinstance(index, int) and 0 <= index < len(items) else None


def _actor_names(actor: dict[str, Any] | None, ents: list[dict[str, Any]]) -> list[str | None]:
    """The actor's own text plus every name of its entity, so a search by any of them finds it."""
    if not actor:
        return []
    names: list[str | None] = [actor.get("text")]
    ent = _actor_entity(actor, ents)
    if ent is not None:
        names += [ent.get("name_ar"), ent.get("name_en")]
        names += [m.get("text") for m in ent.get("mentions", [])]
    return names


def _quote_rows(rows: ArticleRows, doc: dict[str, Any], ents: list[dict[str, Any]],
                ids: list[str]) -> None:
    rows.quotes.extend(quote_rows(doc, ents, ids))


def quote_rows(doc: dict[str, Any], ents: list[dict[str, Any]], ids: list[str]) -> list[dict[str, Any]]:
    """The quotes table's rows of ``doc``: its quotes, then those of unnamed speakers (the
    document's ``unattributed`` list), numbered on after them and flagged, so a search for what
    "a source" said finds them too while speaker searches leave them out by default."""
    quotes = doc.get("quotes") or []
    unnamed = doc.get("unattributed") or []
    out = []
    for i, q in enumerate([*quotes, *unnamed]):
        speaker = q.get("speaker") or {}
        content = q.get("content") or {}
        cue = q.get("cue") or {}
        out.append({
            "idx": i, "kind": q.get("kind"), "speaker_text": speaker.get("text"),
            "speaker_entity": _actor_entity(speaker, ids),
            "speaker_key": padded_key(*_actor_names(speaker, ents)),
            "content": content.get("text", ""), "content_key": padded_key(content.get("text")),
            "cue": cue.get("text"), "start_char": content.get("start"), "end_char": content.get("end"),
            "date": q.get("date"), "unattributed": int(i >= len(quotes))})
    return out


def _countries(actors: list[dict[str, Any]], ents: list[dict[str, Any]]) -> str:
    codes = []
    for actor in actors:
        ent = _actor_entity(actor, ents)
        if ent is not None and ent.get("country"):
            codes.append(str(ent["country"]))
    return " " + " ".join(dict.fromkeys(codes)) + " "


def _side_names(actors: list[dict[str, Any]], ents: list[dict[str, Any]]) -> str:
    """An event side's actors named as ``marsad events`` names them (English when linked)."""
    labels = []
    for actor in actors:
        ent = _actor_entity(actor, ents) or {}
        labels.append(actor_label(actor.get("text") or "", ent.get("name_en"), ent.get("type")))
    return join_names(labels)


def _event_rows(rows: ArticleRows, doc: dict[str, Any], ents: list[dict[str, Any]],
                ids: list[str], published: str | None) -> None:
    for i, ev in enumerate(doc.get("events", [])):
        source, target = ev.get("source") or [], ev.get("target") or []
        trigger = ev.get("trigger") or {}
        location = ev.get("location") or None
        rows.events.append({
            "idx": i, "type": ev.get("type"), "mode": ev.get("mode"), "cameo": ev.get("cameo"),
            "status": ev.get("status"), "date": ev.get("date"),
            "day": day_of(ev.get("date")) or published,
            "source_text": " / ".join(a.get("text", "") for a in source),
            "target_text": " / ".join(a.get("text", "") for a in target),
            "source_entities": " " + " ".join(filter(None, (_actor_entity(a, ids) for a in source))) + " ",
            "target_entities": " " + " ".join(filter(None, (_actor_entity(a, ids) for a in target))) + " ",
            "source_countries": _countries(source, ents), "target_countries": _countries(target, ents),
            "source_names": _side_names(source, ents), "target_names": _side_names(target, ents),
            "location": location.get("text") if location else None,
            "trigger_text": trigger.get("text", ""), "start_char": trigger.get("start"),
            "end_char": trigger.get("end"), "sentence": ev.get("sentence")})


def _misc_rows(rows: ArticleRows, doc: dict[str, Any]) -> None:
    for i, d in enumerate(doc.get("dates", [])):
        rows.dates.append({"idx": i, "start_char": d.get("start"), "end_char": d.get("end"),
                           "text": d.get("text", ""), "value": d.get("value"), "kind": d.get("kind")})
    for i, q in enumerate(doc.get("quantities", [])):
        rows.quantities.append({"idx": i, "start_char": q.get("start"), "end_char": q.get("end"),
                                "text": q.get("text", ""), "value": q.get("value"), "unit": q.get("unit"),
                                "approx": q.get("approx"), "value_usd": q.get("value_usd"),
                                "value_max": q.get("value_max"), "value_max_usd": q.get("value_max_usd")})
