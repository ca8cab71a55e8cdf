"""Time of each stage per article, one core, and what the later stages cost the pipeline.

    python bench/stages.py [--limit 300]

Runs the default pipeline on SaudiNewsNet articles (generated Arabic text when the corpus is
absent), timing each stage's own CPU time.  Prints articles/s per stage, the whole pipeline's
articles/s, and for temporal, quantities, quotes and events the ratio of the pipeline's speed
with them to its speed without them (the issues ask that none of them halve it: ratio > 0.5).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import corpus_texts

from marsad.core.analyze import to_document
from marsad.core.pipeline import load_pipeline
from marsad.core.settings import Settings
from marsad.stages.ingest.readers import from_text

LATER = ("temporal", "quantities", "quotes", "events")


def stage_seconds(texts: list[str]) -> dict[str, float]:
    pipe = load_pipeline(Settings())
    pipe(to_document(from_text(texts[0], "warm-up")))  # load models and lexicons before timing
    spent: dict[str, float] = defaultdict(float)
    for i, text in enumerate(texts):
        doc = to_document(from_text(text, f"#{i}"))
        for stage in pipe.stages:
            t0 = time.process_time()
            stage.fn(doc, pipe.settings)
            spent[stage.name] += time.process_time() - t0
            doc.done.add(stage.name)
    return dict(spent)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args()
    texts = [t for t in corpus_texts(args.limit) if t.strip()]
    spent = stage_seconds(texts)
    n = len(texts)
    total = sum(spent.values())
    for name, seconds in spent.items():
        print(f"{name:12} {n / seconds:10,.0f} articles/s   {1000 * seconds / n:7.2f} ms/article")
    print(f"{'pipeline':12} {n / total:10,.1f} articles/s per core ({n} articles)")
    for name in LATER:
        without = total - spent.get(name, 0.0)
        print(f"with {name:11} the pipeline runs at {without / total:.2f} of its speed without it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
