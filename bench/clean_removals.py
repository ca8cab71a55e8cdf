"""How many lines each cleaning rule removes across SaudiNewsNet, and a random sample to read.

    python bench/clean_removals.py [--limit N] [--sample 50] [--seed 7]

Prints, per removal reason, the number of lines removed and the share of articles touched, then
``--sample`` removed lines drawn at random (with their article's outlet) for reading by hand:
the issue's bar is at most 1 body line in 50.  Reads ../shared/data/news/saudinewsnet.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import random
import sys
import time
from pathlib import Path

from marsad.stages.clean import clean_text

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/data/news/saudinewsnet/saudinewsnet.jsonl.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="articles to read (0: all)")
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"{CORPUS} is missing", file=sys.stderr)
        return 1
    per_reason: collections.Counter[str] = collections.Counter()
    touched: collections.Counter[str] = collections.Counter()
    removed: list[tuple[str, str, str]] = []
    articles = 0
    start = time.perf_counter()
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            articles += 1
            cleaned = clean_text(record["text"], has_title=bool(record.get("title")))
            for reason in {r.reason for r in cleaned.removed}:
                touched[reason] += 1
            for r in cleaned.removed:
                per_reason[r.reason] += 1
                removed.append((r.reason, record.get("outlet", "?"), r.text))
            if args.limit and articles >= args.limit:
                break
    elapsed = time.perf_counter() - start
    print(f"{articles:,} articles in {elapsed:.1f} s; {len(removed):,} lines removed")
    for reason, count in per_reason.most_common():
        print(f"  {reason:12} {count:7,} lines in {touched[reason]:6,} articles ({touched[reason] / articles:.1%})")
    rng = random.Random(args.seed)
    print(f"\nsample of {args.sample} removed lines (reason, outlet, text):")
    for reason, outlet, text in rng.sample(removed, min(args.sample, len(removed))):
        print(f"  {reason:11} {outlet:13} {text[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
