"""The learned ASSAULT/PROTEST filter's threshold in articles, swept on annotated news.

    python bench/events_article_threshold.py [--choose A,B,C,D,E] [--check F,G,H]
        [--thresholds 0,0.05,0.1,0.15,0.2,0.25,0.3,0.35]

The filter (stages/events/filter.py) learnt from lone GSR sentences drawn by keyword, where about one
candidate in eight reports a fight; in a news article a rule ASSAULT is right far more often, so the
lone sentence's threshold (THRESHOLDS, chosen by cross-validation on the GSR) drops true fights.  This
script analyses every article of the held-apart sets once, then reads the events again with each
ASSAULT threshold for articles (``find_events(article_thresholds=…)``; PROTEST keeps its own) and
prints, per threshold, the mean event_f1 of score.py on the sets the threshold is chosen on
(``--choose``: the argument model's training articles) and on the sets only checked (``--check``:
studied, not training data), with the ratio to the shipped threshold's.  The best plateau's middle
on the chosen sets is ARTICLE_THRESHOLDS["ASSAULT"].  Blind sets stay out unless named.  Skips
cleanly (exit 0) when ../shared is absent.  Results: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from rich.progress import track

import marsad
from marsad.core.document import Document
from marsad.stages.events import find_events
from marsad.stages.events.filter import ARTICLE_THRESHOLDS, THRESHOLDS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench import heldout_events as heldout  # noqa: E402  (the set loader lives beside this script)
from training.argmodel import score_module  # noqa: E402  (the loader of ../shared/tools/score.py)

SCORE = heldout.SCORE


def analysed(letters: list[str]) -> dict[str, list[tuple[dict[str, Any], Document]]]:
    """Per set letter, each gold with its article analysed once."""
    out: dict[str, list[tuple[dict[str, Any], Document]]] = {}
    for letter in letters:
        golds = heldout.set_golds(letter)
        texts = heldout.texts(set(golds))
        out[letter] = [(gold, marsad.analyze(texts[rid], gold.get("published") or None))
                       for rid, gold in track(sorted(golds.items()), description=f"set {letter}")]
    return out


def mean_f1(score: ModuleType, docs: list[tuple[dict[str, Any], Document]], threshold: float) -> float:
    """Mean event_f1 over the articles with the ASSAULT article threshold at ``threshold``."""
    least = dict(ARTICLE_THRESHOLDS, ASSAULT=threshold)
    figures = []
    for gold, doc in docs:
        doc.events = find_events(doc, thresholds=THRESHOLDS, article_thresholds=least)
        figures.append(score.score_events(gold, score.Doc(doc.to_dict()))["event_f1"])
    return sum(figures) / len(figures)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--choose", default="A,B,C,D,E", help="sets the threshold is chosen on")
    ap.add_argument("--check", default="F,G,H", help="sets only checked")
    ap.add_argument("--thresholds", default="0,0.05,0.1,0.15,0.2,0.25,0.3,0.35")
    args = ap.parse_args()
    if not SCORE.exists() or not heldout.CORPUS.exists():
        print(f"skipped: {SCORE} or {heldout.CORPUS} is missing")
        return 0
    score = score_module()
    choose, check = args.choose.split(","), [s for s in args.check.split(",") if s]
    docs = analysed(choose + check)
    pooled = {"choose": [d for s in choose for d in docs[s]], "check": [d for s in check for d in docs[s]]}
    shipped = ARTICLE_THRESHOLDS["ASSAULT"]
    base = {name: mean_f1(score, items, shipped) for name, items in pooled.items() if items}
    print(f"ASSAULT threshold in articles; mean event_f1 (ratio to the shipped {shipped})")
    print(f"{'threshold':>10} {'choose ' + args.choose:>22} {'check ' + args.check:>18}")
    for value in (float(t) for t in args.thresholds.split(",")):
        row = [f"{value:>10.2f}"]
        for name, items in pooled.items():
            if items:
                f1 = mean_f1(score, items, value)
                row.append(f"{f1:>14.3f} ({f1 / base[name]:.2f})" if base[name] else f"{f1:>14.3f}")
        print(" ".join(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
