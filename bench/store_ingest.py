"""Store ingest throughput: articles/s written to a store, analysis excluded.

    python bench/store_ingest.py [--articles 5000] [--db PATH_OR_URL] [--batch 200]

Articles are generated analysed records (bench/store_corpus.py), built before the clock starts;
the figure is wall time of Store.ingest into a fresh SQLite file (or the given database).
Target (issue 7): at least 500 articles/s on SQLite.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_corpus import articles, sentences

from marsad.store import open_store

TARGET_PER_S = 500.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--db", help="database (default: a fresh SQLite file in a temporary folder)")
    ap.add_argument("--batch", type=int, default=200)
    a = ap.parse_args()
    source, pool = sentences()
    docs = list(articles(a.articles, pool))
    size = sum(len(d["text"].encode("utf-8")) for d in docs)
    with tempfile.TemporaryDirectory() as tmp:
        db = a.db or str(Path(tmp) / "bench.db")
        with open_store(db) as store:
            t0 = time.perf_counter()
            report = store.ingest(docs, batch=a.batch)
            elapsed = time.perf_counter() - t0
            t1 = time.perf_counter()
            again = store.ingest(docs, batch=a.batch)
            recheck = time.perf_counter() - t1
    rate = report.added / elapsed
    print(f"corpus {source} sentences: {len(docs):,} articles, {size / 1e6:.1f} MB; store {store.dialect}; "
          f"batch {a.batch}")
    print(f"ingest: {rate:,.0f} articles/s ({elapsed:.1f} s); re-ingest (all present): "
          f"{again.present / recheck:,.0f} articles/s")
    print(f"ratio to target {TARGET_PER_S:.0f} articles/s: {rate / TARGET_PER_S:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
