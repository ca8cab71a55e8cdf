"""How many entities of ordinary news the knowledge base links, and which unlinked names recur.

    python bench/kb_linked.py --first 28000 --last 28499            # linked share per type
    python bench/kb_linked.py --first 24000 --last 27999 --dump out.jsonl --top 60

Runs the default pipeline on a range of SaudiNewsNet records (file order, 0-based, both ends
included) and counts, per entity type, the entities linked to the knowledge base (``kb_id``), and
of them those acting in an event or speaking a quote (the actors issue 14 scores).  ``--top`` lists
the unlinked names found in the most articles, with the English name marsad gave them; ``--dump``
writes one line per entity (for checking English names by hand).  Articles of the development
set and of the held-apart sets (every record id bench/heldout/README.md names) are skipped: they
are for measuring the whole pipeline, not for choosing what the knowledge base lists.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from marsad.core.analyze import to_document
from marsad.core.document import Document
from marsad.core.pipeline import load_pipeline
from marsad.core.settings import Settings
from marsad.stages.ingest.readers import from_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "data" / "news" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
DEVSET = SHARED / "devset" / "articles"
HELDOUT = ROOT / "bench" / "heldout" / "README.md"
TYPES = ("PER", "ORG", "GPE", "LOC", "FAC", "NORP")


def devset_openings() -> set[str]:
    """The first 80 characters of every development article, to skip them in the corpus."""
    if not DEVSET.is_dir():
        return set()
    return {" ".join(p.read_text(encoding="utf-8").split())[:80] for p in DEVSET.glob("*.txt")}


def heldout_ids() -> set[str]:
    """Record ids of the held-apart gold sets, read from their selection record only."""
    return set(re.findall(r"snn-[0-9a-f]{12}", HELDOUT.read_text(encoding="utf-8"))) if HELDOUT.exists() else set()


def records(first: int, last: int) -> list[dict[str, str]]:
    skip, held = devset_openings(), heldout_ids()
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i > last:
                break
            if i >= first:
                rec = json.loads(line)
                if " ".join(rec["text"].split())[:80] not in skip and rec["id"] not in held:
                    out.append(rec)
    return out


def actor_entities(doc: Document) -> set[int]:
    """Indices of the entities that act in an event or speak a quote."""
    found = {a.entity for e in doc.events for a in (*e.source, *e.target) if a.entity is not None}
    found |= {q.speaker.entity for q in doc.quotes if q.speaker.entity is not None}
    return found


def entity_rows(doc: Document, rec_id: str) -> list[dict[str, object]]:
    actors = actor_entities(doc)
    return [{"doc": rec_id, "type": e.type, "name_ar": e.name_ar, "name_en": e.name_en, "kb_id": e.kb_id,
             "country": e.country, "actor": i in actors,
             "mentions": [doc.span_text(m) for m in e.mentions]}
            for i, e in enumerate(doc.entities)]


def run(recs: list[dict[str, str]]) -> list[dict[str, object]]:
    pipe = load_pipeline(Settings())
    rows: list[dict[str, object]] = []
    t0 = time.time()
    for n, rec in enumerate(recs, 1):
        doc = pipe(to_document(from_text(rec["text"], rec["id"]), dt.date.fromisoformat(rec["date"])))
        rows += entity_rows(doc, rec["id"])
        if n % 250 == 0:
            print(f"  {n}/{len(recs)} articles, {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    return rows


def share(rows: list[dict[str, object]]) -> str:
    linked = sum(1 for r in rows if r["kb_id"])
    return f"{linked / len(rows):.3f} of {len(rows)}" if rows else "-"


def report(rows: list[dict[str, object]], top: int) -> None:
    for type_ in TYPES:
        of_type = [r for r in rows if r["type"] == type_]
        acting = [r for r in of_type if r["actor"]]
        print(f"{type_:5} linked {share(of_type):>16}   as actors {share(acting):>16}")
    print(f"all   linked {share(rows):>16}   as actors {share([r for r in rows if r['actor']]):>16}")
    if top:
        articles: dict[tuple[str, str], set[str]] = defaultdict(set)
        english: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for r in rows:
            if not r["kb_id"]:
                key = (str(r["type"]), str(r["name_ar"]))
                articles[key].add(str(r["doc"]))
                english[key][str(r["name_en"])] += 1
        ranked = sorted(articles, key=lambda k: -len(articles[k]))[:top]
        for key in ranked:
            print(f"{len(articles[key]):4} {key[0]:5} {key[1]}  →  {english[key].most_common(1)[0][0]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--first", type=int, default=28000)
    ap.add_argument("--last", type=int, default=28499)
    ap.add_argument("--top", type=int, default=0, help="list the N unlinked names in most articles")
    ap.add_argument("--dump", type=Path, help="write one JSON line per entity here")
    args = ap.parse_args()
    rows = run(records(args.first, args.last))
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    report(rows, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
