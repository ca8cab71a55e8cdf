"""Precision, recall and F1 of ASSAULT and PROTEST sentence detection on the Arabic event GSR (dev half).

    python bench/events_gsr.py [--data ../shared/data/arabic-event-gsr-dev] [--errors N] [--ceiling]

A sentence counts as predicted positive when marsad emits at least one event of that type for it
(with `--happened`, one told as asserted or reported).  Clear-cut scoring, as the data set's README
has it since 2026-12-06: `yes` rows (every annotator accepts) are positives, `easy no` rows (every
annotator rejects) negatives; `difficult no` rows (contested: some annotators accepted) and
`ambiguous` ones are left out.  `--contested` counts `difficult no` rows as negatives again (the
scoring of the figures before that date).  The stages run are clean, segment, entities and temporal, then
events.  The shipped learned filter was trained on this very half, so its
figures here are in-sample; honest ones come from `python scripts/build_event_filter.py --cv`.

`--ceiling` runs no analysis: it estimates the best F1 any sentence model could reach against
these labels.  A `yes` needs every one of the n annotators to accept, and a sentence is scored
only when its votes are unanimous or at most half accept (a majority short of unanimity is
`ambiguous`, as are sentences with fewer than two judges: the rule the data follow).  So a
sentence that each annotator accepts with probability q is a scored `yes` with probability
q**n / P(scored | q, n).  The q of each sentence is drawn from its posterior under a
beta-binomial model of the votes (the prior fitted by maximum likelihood to the votes of every
row, ambiguous ones included, or Jeffreys'), and an oracle that knows q ranks sentences by that
probability; the mean over draws of its best expected F1 is the estimate.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
import random
import sys
import time
from pathlib import Path

# training/ sits beside this folder, outside the installed package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from training import gsr

import marsad
from marsad.stages.events import find_events

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "arabic-event-gsr-dev"


def predicted_types(text: str, when: dt.date | None, names: tuple[str, ...], learned: bool,
                    happened: bool) -> set[str]:
    doc = marsad.analyze(text, when, stages=names)
    return {ev.type for ev in find_events(doc, learned_filter=learned)
            if not happened or ev.status in ("asserted", "reported")}


#: The label of the rows on which the annotators disagreed (some accepted, most rejected).
CONTESTED = "difficult no"


def score(event_type: str, path: Path, names: tuple[str, ...], errors: int, learned: bool = True,
          happened: bool = False, contested: bool = False) -> dict[str, float]:
    tp = fp = fn = n = 0
    shown = 0
    for row in gsr.judged(path):
        if row.label == CONTESTED and not contested:
            continue
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


#: Monte Carlo draws of the annotators' acceptance rates for --ceiling (the estimate moves by
#: less than 0.005 between seeds at this size).
CEILING_DRAWS = 200
JEFFREYS = (0.5, 0.5)


def _beta_binomial_prior(votes: list[tuple[int, int]]) -> tuple[float, float]:
    """The (alpha, beta) maximising the beta-binomial likelihood of (accepts, judges) votes:
    a log-scale grid search refined around its best point (pure Python, a few hundred points)."""
    def loglik(a: float, b: float) -> float:
        lbeta = math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)
        return sum(math.lgamma(k + a) + math.lgamma(n - k + b) - math.lgamma(n + a + b) - lbeta
                   for k, n in votes)
    best = (-math.inf, 1.0, 1.0)
    center, step = (0.0, 0.0), 1.0
    for _ in range(4):
        for i in range(-6, 7):
            for j in range(-6, 7):
                a, b = math.exp(center[0] + i * step / 2), math.exp(center[1] + j * step / 2)
                best = max(best, (loglik(a, b), a, b))
        center, step = (math.log(best[1]), math.log(best[2])), step / 4
    return best[1], best[2]


def ceiling(votes: list[tuple[int, int]], prior: tuple[float, float], draws: int = CEILING_DRAWS,
            seed: int = 1) -> float:
    """Mean best F1 of an oracle that knows each sentence's acceptance rate (see the docstring)."""
    rnd = random.Random(seed)
    a0, b0 = prior
    total = 0.0
    for _ in range(draws):
        chances = sorted((_scored_yes(rnd.betavariate(k + a0, n - k + b0), n) for k, n in votes), reverse=True)
        expected_yes = sum(chances)
        tp = best = 0.0
        for i, p in enumerate(chances, start=1):
            tp += p
            prec, rec = tp / i, tp / expected_yes
            best = max(best, 2 * prec * rec / (prec + rec))
        total += best
    return total / draws


def _scored_yes(q: float, n: int) -> float:
    """P(a unanimous yes | the sentence is scored) for n judges accepting with probability q each."""
    scored = q ** n + sum(math.comb(n, k) * q ** k * (1 - q) ** (n - k) for k in range(n // 2 + 1))
    return q ** n / scored


def _all_votes(path: Path) -> list[tuple[int, int]]:
    """(accepts, judges) of every row with two judges or more, ambiguous ones included."""
    with path.open(encoding="utf-8") as fh:
        rows = [(int(r["accept"]), int(r["total"])) for r in csv.DictReader(fh)
                if r.get("accept", "").isdigit() and r.get("total", "").isdigit()]
    return [(k, n) for k, n in rows if n >= 2]


def print_ceiling(data: Path, types: list[str]) -> None:
    for event_type in types:
        votes = [(row.accept, row.total) for row in gsr.judged(data / gsr.FILES[event_type]) if row.total]
        prior = _beta_binomial_prior(_all_votes(data / gsr.FILES[event_type]))
        print(f"{event_type:8} n={len(votes)} ceiling F1={ceiling(votes, prior):.3f} (fitted prior "
              f"alpha={prior[0]:.2f} beta={prior[1]:.2f}), {ceiling(votes, JEFFREYS):.3f} (Jeffreys prior)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--errors", type=int, default=0, help="print up to N misclassified sentences per type")
    ap.add_argument("--type", choices=sorted(gsr.FILES), action="append", help="only these types")
    ap.add_argument("--rules-only", action="store_true", help="without the learned sentence filter")
    ap.add_argument("--happened", action="store_true",
                    help="count only events told as having happened (asserted or reported)")
    ap.add_argument("--contested", action="store_true",
                    help="count `difficult no` rows as negatives (left out by default, as contested)")
    ap.add_argument("--ceiling", action="store_true",
                    help="estimate the best F1 the annotators' agreement allows, analyse nothing")
    args = ap.parse_args(argv)
    if args.ceiling:
        print_ceiling(args.data, args.type or sorted(gsr.FILES))
        return 0
    names = gsr.STAGES
    print(f"stages: {', '.join(names)} + events"
          + (" (rules only)" if args.rules_only else " (learned filter: trained on this half, in-sample)")
          + (", asserted/reported events only" if args.happened else "")
          + (", difficult no as negatives" if args.contested else ", yes against easy no"))
    for event_type in args.type or sorted(gsr.FILES):
        start = time.perf_counter()
        s = score(event_type, args.data / gsr.FILES[event_type], names, args.errors, not args.rules_only,
                  args.happened, args.contested)
        took = time.perf_counter() - start
        print(f"{event_type:8} n={s['sentences']:5} tp={s['tp']:4} fp={s['fp']:4} fn={s['fn']:4} "
              f"P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} ({took:.0f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
