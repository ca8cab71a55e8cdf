"""Wall time of the full pipeline on SaudiNewsNet with --jobs 1 and --jobs N, in one run.

    python bench/parallel.py [--articles 600] [--jobs 2]

Times :func:`marsad.scale.batch.analyse_mapped` with the JSON-line converter (what
``marsad analyze --format jsonl --jobs N`` does), each run including its own pipeline load,
and checks that both runs give the same lines in the same order.  Wall time, not CPU time:
the point is what extra processes buy.  Other load on the machine lowers the speed-up, so the
machine's load average is printed beside it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

from marsad.core.settings import Settings
from marsad.scale.batch import Failure, analyse_mapped, to_json_line
from marsad.stages.ingest.readers import Article

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/data/news/saudinewsnet/saudinewsnet.jsonl.gz"


def corpus(limit: int) -> list[Article]:
    items: list[Article] = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("text", "").strip():
                items.append(Article(raw=rec["text"], origin=f"saudinewsnet#{rec['id']}",
                                     title=rec.get("title"), source=rec.get("outlet"),
                                     record_id=str(rec["id"])))
            if len(items) >= limit:
                break
    return items


def _comparable(result: object) -> object:
    """A result as compared across runs: a Failure by its error's type and message (exceptions
    never compare equal to another instance)."""
    if isinstance(result, Failure):
        return ("failure", type(result.error).__name__, str(result.error), result.record_id)
    return result


def timed(items: list[Article], jobs: int) -> tuple[float, list[object]]:
    t0 = time.perf_counter()
    out = list(analyse_mapped(items, Settings(jobs=jobs), None, to_json_line))
    return time.perf_counter() - t0, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    if not CORPUS.exists():
        print(f"needs {CORPUS}", file=sys.stderr)
        return 1
    items = corpus(a.articles)
    size = sum(len(i.raw.encode("utf-8")) for i in items)
    print(f"corpus saudinewsnet: {len(items):,} articles, {size / 1e6:.1f} MB; {os.cpu_count()} cores; "
          f"load average before {os.getloadavg()[0]:.2f}")
    one, first = timed(items, 1)
    many, second = timed(items, a.jobs)
    print(f"--jobs 1: {one:.1f} s ({len(items) / one:.1f} articles/s)")
    print(f"--jobs {a.jobs}: {many:.1f} s ({len(items) / many:.1f} articles/s); "
          f"speed-up {one / many:.2f}x; load average after {os.getloadavg()[0]:.2f}")
    same = [_comparable(x) for x in first] == [_comparable(x) for x in second]
    print(f"outputs identical, in order: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
