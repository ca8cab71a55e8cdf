"""Precision, recall and F1 of ASSAULT and PROTEST sentence detection on the Arabic event GSR (dev half).

    python bench/events_gsr.py [--data ../shared/data/arabic-event-gsr-dev] [--errors N]

A sentence counts as predicted positive when marsad emits at least one event of that type for it;
`yes` rows are positives, `easy no` and `difficult no` negatives, `ambiguous` rows are left out
(the README of the data set).  The stages run are clean, segment, entities and temporal, then
events.  The shipped learned filter was trained on this very half, so its
figures here are in-sample; honest ones come from `python scripts/build_event_filter.py --cv`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

import marsad
from marsad.events import find_events, gsr

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "arabic-event-gsr-dev"


def predicted_types(text: str, when: dt.date | None, names: tuple[str, ...], learned: bool,
                    happened: bool) -> set[str]:
    doc = marsad.analyze(text, when, stages=names)
    return {ev.type for ev in find_events(doc, learned_filter=learned)
            if not happened or ev.status in ("asserted", "reported")}


def score(event_type: str, path: Path, names: tuple[str, ...], errors: int, learned: bool = True,
          happened: bool = False) -> dict[str, float]:
    tp = fp = fn = n = 0
    shown = 0
    for row in gsr.judged(path):
        gold = row.positive
        got = event_type in predicted_types(row.text, gsr.published(row.id), names, learned, happened)
        n += 1
        tp += gold and got
        fp += got and not gold
        fn += gold and not got
        if errors and shown < errors and gold != got:
            shown += 1
            print(f"  {'FP' if got else 'FN'} {row.label}: {row.text[:160]}", file=sys.stderr)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"sentences": n, "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--errors", type=int, default=0, help="print up to N misclassified sentences per type")
    ap.add_argument("--type", choices=sorted(gsr.FILES), action="append", help="only these types")
    ap.add_argument("--rules-only", action="store_true", help="without the learned sentence filter")
    ap.add_argument("--happened", action="store_true",
                    help="count only events told as having happened (asserted or reported)")
    args = ap.parse_args(argv)
    names = gsr.STAGES
    print(f"stages: {', '.join(names)} + events"
          + (" (rules only)" if args.rules_only else " (learned filter: trained on this half, in-sample)")
          + (", asserted/reported events only" if args.happened else ""))
    for event_type in args.type or sorted(gsr.FILES):
        start = time.perf_counter()
        s = score(event_type, args.data / gsr.FILES[event_type], names, args.errors, not args.rules_only,
                  args.happened)
        took = time.perf_counter() - start
        print(f"{event_type:8} n={s['sentences']:5} tp={s['tp']:4} fp={s['fp']:4} fn={s['fn']:4} "
              f"P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} ({took:.0f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
