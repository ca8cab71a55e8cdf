"""Generated analysed articles (contract dicts) for the store benchmarks, made without analysis.

Sentences come from SaudiNewsNet in ../shared when present (the example article otherwise) and
are recombined into articles; each article gets a few entities, a quote and an event pointing at
its own words, so ingest writes the child rows a real analysis would.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared/data/news/saudinewsnet/saudinewsnet.jsonl.gz"
EXAMPLE = ROOT / "examples/cnn-putin-north-korea.ar.txt"
SENTENCE_RE = re.compile(r"[^.!؟?\n]{20,300}[.!؟?]")
TYPES = ("PER", "ORG", "GPE")
EVENT_TYPES = ("CONSULT", "ACCUSE", "AID", "PROTEST", "ASSAULT", "COOPERATE")
COUNTRIES = ("SAU", "EGY", "RUS", "USA", "FRA", "IRN", "TUR", "ARE")


def sentences(limit_articles: int = 5000) -> tuple[str, list[str]]:
    """(source name, distinct sentences) to build articles from."""
    texts: list[str] = []
    source = "example"
    if NEWS.exists():
        source = "saudinewsnet"
        with gzip.open(NEWS, "rt", encoding="utf-8") as fh:
            for line in fh:
                texts.append(json.loads(line)["text"])
                if len(texts) >= limit_articles:
                    break
    else:
        texts.append(EXAMPLE.read_text(encoding="utf-8"))
    found = {m.group().strip() for t in texts for m in SENTENCE_RE.finditer(t)}
    return source, sorted(found)


def _text_id(text: str) -> str:
    """The id a store accepts: the content hash of the text (as Document.id)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end]}


def article(number: int, pool: list[str], rng: random.Random) -> dict[str, Any]:
    """One contract dict made of 4 to 12 sentences of ``pool``."""
    parts = rng.sample(pool, rng.randint(4, 12))
    text = " ".join(parts)
    spans, pos = [], 0
    for part in parts:
        spans.append(_span(text, pos, pos + len(part)))
        pos += len(part) + 1
    words = [m.span() for m in re.finditer(r"\S{4,}", text)]
    picked = sorted(rng.sample(words, min(3, len(words))))
    entities = [{"type": rng.choice(TYPES), "name_en": None, "name_ar": text[s:e], "wikidata": None,
                 "kb_id": None, "country": rng.choice(COUNTRIES), "mentions": [_span(text, s, e)]}
                for s, e in picked]
    actor = {**_span(text, *picked[0]), "entity": 0}
    day = f"20{15 + number % 10}-{1 + number % 12:02d}-{1 + number % 28:02d}"
    return {
        "schema": "marsad.document/1", "id": _text_id(text), "record_id": None,
        "title": parts[0][:80], "source": "bench", "url": None, "published": day, "language": "ar",
        "text": text, "dateline": None, "sentences": spans, "tokens": len(words), "removed": [],
        "repairs": [], "entities": entities,
        "quotes": [{"kind": "indirect", "content": spans[-1], "speaker": actor, "cue": None,
                    "via": None, "date": day}],
        "events": [{"type": rng.choice(EVENT_TYPES), "mode": None, "cameo": "040", "source": [actor],
                    "target": [{**_span(text, *picked[-1]), "entity": len(picked) - 1}],
                    "status": "asserted", "date": day, "location": None,
                    "trigger": spans[0] | {"end": spans[0]["start"] + 3,
                                           "text": text[spans[0]["start"]:spans[0]["start"] + 3]},
                    "sentence": 0, "sentences": [0]}],
        "dates": [], "quantities": []}


def articles(count: int, pool: list[str], seed: int = 11) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    for number in range(count):
        yield article(number, pool, rng)
