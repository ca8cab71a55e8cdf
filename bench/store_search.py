"""Store search latency: p50/p95 of Store.search over a large generated store.

    python bench/store_search.py [--articles 100000] [--db PATH_OR_URL] [--queries 300]

Fills a fresh store (SQLite in a temporary folder unless --db names one; an existing store
with enough articles is reused as it is) with generated analysed articles
(bench/store_corpus.py), then times searches of single words (common and rare, with and
without clitics), two words, phrases and filtered searches, 20 hits each with snippets.
Target (issue 7): p95 at most 50 ms on 100,000 articles.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_corpus import articles, sentences

from marsad.store import Filters, Store, open_store
from marsad.store.search import WORD_RE

TARGET_P95_MS = 50.0
CLITICS = ("و", "ب", "وب", "ل", "ف")


def queries(pool: list[str], count: int, rng: random.Random) -> list[tuple[str, Filters]]:
    """A mix of query shapes over the words of the corpus (frequent words favoured)."""
    counts = Counter(w for s in pool for w in WORD_RE.findall(s) if len(w) > 3)
    common = [w for w, _n in counts.most_common(200)]
    rare = [w for w, n in counts.items() if n <= 2]
    out: list[tuple[str, Filters]] = []
    for number in range(count):
        shape = number % 6
        if shape == 0:
            out.append((rng.choice(common), Filters()))
        elif shape == 1:
            out.append((rng.choice(rare), Filters()))
        elif shape == 2:
            out.append((rng.choice(CLITICS) + rng.choice(common), Filters()))
        elif shape == 3:
            out.append((f"{rng.choice(common)} {rng.choice(common)}", Filters()))
        elif shape == 4:
            words = WORD_RE.findall(rng.choice(pool))
            start = rng.randrange(max(1, len(words) - 2))
            out.append(('"' + " ".join(words[start:start + 2]) + '"', Filters()))
        else:
            year = 2015 + rng.randrange(10)
            out.append((rng.choice(common), Filters(date_from=f"{year}-01-01", date_to=f"{year}-06-30")))
    return out


def fill(store: Store, count: int, pool: list[str]) -> float:
    """Add articles until the store holds ``count``; articles/s of the ingest (0 if none)."""
    have = store.count()
    if have >= count:
        return 0.0
    t0 = time.perf_counter()
    report = store.ingest(articles(count, pool))
    return report.added / (time.perf_counter() - t0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--db", help="database (default: a fresh SQLite file in a temporary folder)")
    ap.add_argument("--queries", type=int, default=300)
    a = ap.parse_args()
    source, pool = sentences()
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        db = a.db or str(Path(tmp) / "bench.db")
        with open_store(db) as store:
            rate = fill(store, a.articles, pool)
            work = queries(pool, a.queries, rng)
            for text, filters in work[:20]:  # warm the caches and the page cache
                store.search(text, filters)
            times, hits = [], 0
            for text, filters in work:
                t0 = time.perf_counter()
                hits += len(store.search(text, filters, limit=20))
                times.append((time.perf_counter() - t0) * 1000)
            total = store.count()
            dialect = store.dialect
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"store {dialect}: {total:,} articles from {source} sentences"
          + (f" (ingested at {rate:,.0f} articles/s)" if rate else ""))
    print(f"{len(times)} searches, {hits / len(times):.1f} hits each: p50 {statistics.median(times):.1f} ms, "
          f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms")
    print(f"ratio of p95 to target {TARGET_P95_MS:.0f} ms: {p95 / TARGET_P95_MS:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
