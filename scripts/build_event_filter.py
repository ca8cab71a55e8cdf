"""Train the learned ASSAULT/PROTEST sentence filter and write src/marsad/data/events/filter_weights.tsv.

    python scripts/build_event_filter.py [--data ../shared/data/arabic-event-gsr-dev] [--cv]

Samples are the GSR dev sentences where marsad's rules find an event of the type (the filter only
ever sees those); the model is fitted to the share of annotators who accepted each sentence
(1 for `yes`, 0 for `easy no`, in between for `difficult no`; `ambiguous` rows are left out),
and scored against the GSR judgement.  With --cv it reports 5-fold cross-validated precision,
recall and F1 of the whole sentence detection (rules then filter) for several thresholds, folds
grouped by document so no article is on both sides, and writes nothing: counting all emitted
events and only those told as having happened (`yes` against `easy no` and `difficult no`, the
scoring before 2026-12-06), and the clear-cut figure of the data set's README (`yes` against
`easy no`, contested `difficult no` rows left out, events told as having happened only).
Analysing the 2,700 sentences takes about 30 s, each training (pure Python) 10-20 s.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

# training/ sits beside this folder, outside the installed package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from training import gsr
from training.event_filter import train

import marsad
from marsad.stages.events import candidate_features
from marsad.stages.events.filter import BIAS, THRESHOLD, TYPE_SCALE

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "arabic-event-gsr-dev"
OUT = ROOT / "src" / "marsad" / "data" / "events" / "filter_weights.tsv"
FOLDS = 5
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.375, 0.4, 0.45, 0.5)
HEADER = """\
# Weights of the learned ASSAULT/PROTEST sentence filter (logistic regression; see marsad/events/filter.py).
# Source: trained by scripts/build_event_filter.py on the development half of the Arabic event GSR
# (openeventdata/arabic_event_gsr, Open Event Data Alliance, MIT) with marsad's own rule features,
# each sentence weighed by the share of annotators who accepted it;
# generated, do not edit by hand. Licence: MIT (derived data).
# Columns: feature (TYPE|name), weight. Example: ASSAULT|casualties → a positive weight.
feature\tweight
"""

Sample = tuple[str, set[str], bool, float, bool]  # (document id, features, label, annotators' share, clear-cut)


Row = tuple[str, bool, bool, bool]  # (document id, label, an unfiltered event of the type fires, clear-cut)
#: Rows some annotators accepted and most rejected: left out of the clear-cut scoring.
CONTESTED = "difficult no"


def load(event_type: str, data: Path, names: tuple[str, ...]) -> tuple[list[Sample], list[Row]]:
    """Filter samples (sentences with asserted/reported events of the type) and every scored row."""
    samples: list[Sample] = []
    rows: list[Row] = []
    for row in gsr.judged(data / gsr.FILES[event_type]):
        doc = marsad.analyze(row.text, gsr.published(row.id), stages=names)
        feats: set[str] = set()
        grouped, unfiltered = candidate_features(doc)
        for (_, etype), f in grouped.items():
            if etype == event_type:
                feats |= f
        fires = any(t == event_type for _, t in unfiltered)
        clear = row.label != CONTESTED
        rows.append((gsr.document_id(row.id), row.positive, fires, clear))
        if feats and not fires:  # a sentence that is positive anyway teaches the filter nothing
            samples.append((gsr.document_id(row.id), feats, row.positive, row.share, clear))
    return samples, rows


def fold_of(doc_id: str) -> int:
    return int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % FOLDS


def probability(w: dict[str, float], event_type: str, feats: set[str]) -> float:
    from marsad.stages.events.filter import probability as p

    return p(event_type, feats, w)


def _figures(scores: list[tuple[float, bool]], always: list[bool], positives: int,
             threshold: float) -> tuple[float, float, float]:
    tp = sum(1 for p, y in scores if p >= threshold and y) + sum(always)
    fp = sum(1 for p, y in scores if p >= threshold and not y) + len(always) - sum(always)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / positives if positives else 0.0
    return prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def cross_validate(event_type: str, samples: list[Sample], rows: list[Row]) -> None:
    """Sentence detection figures with the filter trained on the other folds, for each threshold:
    counting every emitted event (a sentence with an event the filter never drops, negated,
    planned or hypothetical, counts as predicted positive, as in the bench) and counting only
    events told as having happened (``--happened`` in the bench)."""
    positives = sum(label for _, label, _, _ in rows)
    always = [y for _, y, fires, _ in rows if fires]
    scores: list[tuple[float, bool, bool]] = []
    for k in range(FOLDS):
        train_set = [(f, share) for d, f, _, share, _ in samples if fold_of(d) != k]
        w = train(event_type, train_set)
        scores += [(probability(w, event_type, f), y, clear) for d, f, y, _, clear in samples if fold_of(d) == k]
    print(f"{event_type}: {len(rows)} sentences, {positives} yes, {len(samples)} filter samples, "
          f"{len(always)} with negated/planned/hypothetical events only ({sum(always)} yes)")
    every = [(p, y) for p, y, _ in scores]
    clear_cut = [(p, y) for p, y, clear in scores if clear]
    for t in THRESHOLDS:
        p, r, f = _figures(every, always, positives, t)
        hp, hr, hf = _figures(every, [], positives, t)
        cp, cr, cf = _figures(clear_cut, [], positives, t)
        print(f"  threshold {t:.3f}: all events P={p:.3f} R={r:.3f} F1={f:.3f}; "
              f"happened only P={hp:.3f} R={hr:.3f} F1={hf:.3f}; "
              f"clear-cut P={cp:.3f} R={cr:.3f} F1={cf:.3f} (5-fold CV)")
    shipped = THRESHOLD * TYPE_SCALE.get(event_type, 1.0)
    cp, cr, cf = _figures(clear_cut, [], positives, shipped)
    print(f"  shipped threshold {shipped:.3f}: clear-cut P={cp:.3f} R={cr:.3f} F1={cf:.3f} (5-fold CV)")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--cv", action="store_true", help="report cross-validated figures, write nothing")
    args = ap.parse_args(argv[1:])
    names = gsr.STAGES
    weights: dict[str, float] = {}
    for event_type in gsr.FILES:
        samples, rows = load(event_type, args.data, names)
        if args.cv:
            cross_validate(event_type, samples, rows)
        else:
            weights.update(train(event_type, [(f, share) for _, f, _, share, _ in samples]))
    if not args.cv:
        ordered = sorted(weights.items(),
                         key=lambda kv: (kv[0].split("|")[0], not kv[0].endswith(BIAS), kv[0]))
        OUT.write_text(HEADER + "".join(f"{k}\t{v:.5f}\n" for k, v in ordered), encoding="utf-8")
        print(f"wrote {len(weights)} weights to {OUT.relative_to(ROOT)} (stages: {', '.join(names)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
