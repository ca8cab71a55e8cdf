"""False-split rate of the glued-word repair on real scraped Arabic news (SaudiNewsNet).

    python bench/glued_words.py [--limit N] [--show 40]

Every split the repair makes on this corpus is counted against it (an upper bound on false
splits: a few may be real glued words); the target is under 1 split in 10,000 words.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from marsad.stages.clean import normalise_line, repair_line

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/data/news/saudinewsnet/saudinewsnet.jsonl.gz"
TARGET = 1e-4


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=0, help="articles to read (0 = all)")
    ap.add_argument("--show", type=int, default=30, help="splits to print as a sample")
    a = ap.parse_args()
    if not a.corpus.exists():
        print(f"corpus not found: {a.corpus}", file=sys.stderr)
        return 1
    words = articles = 0
    splits: Counter[tuple[str, str]] = Counter()
    t0 = time.perf_counter()
    with gzip.open(a.corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for para in rec["text"].splitlines():
                para = normalise_line(para)
                words += len(re.findall(r"\S+", para))
                _, repairs = repair_line(para, 0)
                for r in repairs:
                    splits[(r.before, r.after)] += 1
            articles += 1
            if a.limit and articles >= a.limit:
                break
    total = sum(splits.values())
    rate = total / max(words, 1)
    print(f"articles {articles:,}  words {words:,}  splits {total:,}  distinct {len(splits):,}")
    print(f"split rate {rate * 1e4:.2f} per 10,000 words (target < {TARGET * 1e4:.0f}); "
          f"ratio to target {rate / TARGET:.2f}; {time.perf_counter() - t0:.0f} s")
    for (before, after), n in splits.most_common(a.show):
        print(f"{n:5d}  {before} -> {after}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
