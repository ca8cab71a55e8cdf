"""Throughput of read + clean + segment (the spine) per core.

    python bench/throughput.py [--limit 2000] [--warmup 0] [--stages clean,segment] [--stream]

Reads SaudiNewsNet from ../shared when present (generated Arabic text otherwise), runs the
pipeline on one core and prints MB/s (UTF-8 bytes of raw text) and articles/s, with the ratio
to the spine's target of 5 MB/s per core.  The first article only loads the lexicons.

Per-word caches (clitic analysis, glued-word checks) fill as a process meets new word forms,
so a process's first articles run slower than later ones.  ``--stream`` times the next
``--limit`` articles too, as a long-running process (a news stream, a Spark executor) sees
them: caches filled by the first ``--limit`` articles, none of the timed ones seen before.
``--warmup N`` runs N other articles before the timed ones.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import sys
import time
from pathlib import Path

from marsad.core.analyze import to_document
from marsad.core.pipeline import Pipeline, load_pipeline
from marsad.core.settings import Settings
from marsad.stages.ingest.readers import from_text
from marsad.text import tokens

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/data/news/saudinewsnet/saudinewsnet.jsonl.gz"
TARGET_MB_S = 5.0
WORDS = ("قال", "الرئيس", "وزير", "الخارجية", "في", "مؤتمر", "صحفي", "إن", "الحكومة", "ستعمل", "على",
         "تعزيز", "العلاقات", "مع", "روسيا", "والصين", "خلال", "الأسبوع", "المقبل", "بعد", "زيارة", "إلى")


def corpus_texts(limit: int) -> list[str]:
    if CORPUS.exists():
        texts = []
        with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
            for line in fh:
                texts.append(json.loads(line)["text"])
                if len(texts) >= limit:
                    break
        return texts
    rng = random.Random(7)
    return ["\n".join(" ".join(rng.choice(WORDS) for _ in range(25)) + "." for _ in range(12))
            for _ in range(limit)]


def timed_run(pipe: Pipeline, texts: list[str]) -> tuple[float, int]:
    """CPU time of this process to run ``texts`` through ``pipe``, and the tokens made.

    CPU time, not wall time: "per core" figures that other load on the machine cannot inflate.
    """
    t0 = time.process_time()
    tokens = 0
    for i, text in enumerate(texts):
        doc = pipe(to_document(from_text(text, f"#{i}")))
        tokens += len(doc.tokens)
    return time.process_time() - t0, tokens


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--warmup", type=int, default=0)
    ap.add_argument("--stages", default="clean,segment")
    ap.add_argument("--stream", action="store_true",
                    help="also time the next --limit articles, with the caches the first ones filled")
    a = ap.parse_args()
    every = [t for t in corpus_texts(a.warmup + a.limit * (2 if a.stream else 1) + 1) if t.strip()]
    warm, texts = every[:a.warmup], every[a.warmup:a.warmup + a.limit]
    later = every[a.warmup + a.limit:a.warmup + 2 * a.limit] if a.stream else []
    first = every[-1]
    pipe = load_pipeline(Settings(stages=tuple(a.stages.split(","))))
    for i, text in enumerate([first, *warm]):  # load lexicons (and fill caches) before timing
        pipe(to_document(from_text(text, f"warm-up #{i}")))
    source = "saudinewsnet" if CORPUS.exists() else "generated"
    scanner = "compiled" if tokens._compiled_scan is not None else "Python"
    print(f"corpus {source}; stages {a.stages}; {scanner} tokeniser")
    label = f"after {len(warm):,} warm-up articles" if warm else "first articles of the process"
    report(label, pipe, texts)
    if later:
        report(f"next articles, after {len(warm) + len(texts):,}", pipe, later)
    return 0


def report(label: str, pipe: Pipeline, texts: list[str]) -> None:
    size = sum(len(t.encode("utf-8")) for t in texts)
    dt, tokens = timed_run(pipe, texts)
    mb_s = size / 1e6 / dt
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{label}: {len(texts):,} articles, {size / 1e6:.1f} MB, {tokens:,} tokens")
    print(f"  {mb_s:.2f} MB/s per core, {len(texts) / dt:.0f} articles/s per core, {tokens / dt:,.0f} tokens/s; "
          f"peak RSS {rss:.0f} MB; ratio to target {TARGET_MB_S} MB/s: {mb_s / TARGET_MB_S:.2f}")


if __name__ == "__main__":
    sys.exit(main())
