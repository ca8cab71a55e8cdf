"""Wall time of ``marsad spark`` on local[1] and local[N] over the same SaudiNewsNet articles, in one run.

    python bench/spark_local.py [--articles 5000] [--cores 2] [--partitions 8]

Writes the first ARTICLES SaudiNewsNet records to a JSONL feed in a temporary folder, then runs
:func:`marsad.scale.spark.run` on it twice (each run starts its own JVM and loads the pipeline
in every Python worker), and checks that both wrote as many article rows, and the same stories,
as went in.  Wall time: other load on the machine lowers the speed-up, so the load average is
printed beside each figure.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from marsad.scale.spark import SparkReport, run

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/data/news/saudinewsnet/saudinewsnet.jsonl.gz"


def write_feed(path: Path, limit: int) -> int:
    written = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh, path.open("w", encoding="utf-8") as out:
        for line in fh:
            if json.loads(line).get("text", "").strip():
                out.write(line if line.endswith("\n") else line + "\n")
                written += 1
            if written >= limit:
                break
    return written


def timed(feed: Path, out: Path, master: str, partitions: int) -> tuple[float, SparkReport]:
    t0 = time.perf_counter()
    report = run(str(feed), out, master=master, partitions=partitions)
    return time.perf_counter() - t0, report


def stories(out: Path) -> set[tuple[int, int]]:
    import pyarrow.parquet as pq

    return {(r["id"], r["n_articles"]) for r in pq.read_table(out / "stories").to_pylist()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--cores", type=int, default=2)
    ap.add_argument("--partitions", type=int, default=8)
    a = ap.parse_args()
    if not CORPUS.exists():
        print(f"needs {CORPUS}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        count = write_feed(feed, a.articles)
        print(f"corpus saudinewsnet: {count:,} articles, {feed.stat().st_size / 1e6:.1f} MB; "
              f"{os.cpu_count()} cores; {a.partitions} partitions")
        results = {}
        for cores in (1, a.cores):
            load = os.getloadavg()[0]
            out = Path(tmp) / f"out{cores}"
            wall, report = timed(feed, out, f"local[{cores}]", a.partitions)
            results[cores] = (wall, report, stories(out))
            print(f"local[{cores}]: {wall:.1f} s ({count / wall:.1f} articles/s); rows {report.rows}; "
                  f"{report.errors} errors; load average before {load:.2f}, after {os.getloadavg()[0]:.2f}")
            if cores == 1:
                shutil.rmtree(out / "articles", ignore_errors=True)
        one, many = results[1][0], results[a.cores][0]
        print(f"speed-up local[{a.cores}] / local[1]: {one / many:.2f}x")
        same = all(r[1].rows["articles"] + r[1].errors == count for r in results.values()) \
            and results[1][2] == results[a.cores][2]
        print(f"every article written, same stories in both runs: {same}")
        return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
