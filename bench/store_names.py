"""Latency of searches by a name in another spelling (store/names.py), on a store of generated articles.

    python bench/store_names.py [--articles 3000]

Ingests generated analysed articles (bench/store_corpus.py) into a fresh SQLite file, then times
name queries whose spelling no article has (so every one goes through the name lookup); prints
the median and the slowest (the first loads the knowledge base).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_corpus import articles, sentences

from marsad.store import open_store

QUERIES = ("بيونج يانج", "جونج أون", "كيم جونج", "واشنطون")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=3000)
    a = ap.parse_args()
    _source, pool = sentences()
    docs = list(articles(a.articles, pool))
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "names.db")) as store:
        store.ingest(docs)
        aliases = store._rows("SELECT COUNT(*) AS n FROM entity_aliases")[0]["n"]
        times = []
        for query in QUERIES * 5:
            t0 = time.perf_counter()
            store.search(query)
            times.append(time.perf_counter() - t0)
    print(f"{len(docs):,} articles, {aliases:,} aliases: name query median {1000 * statistics.median(times):.1f} ms, "
          f"slowest {1000 * max(times):.0f} ms; load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
