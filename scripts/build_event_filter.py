"""Train the learned ASSAULT/PROTEST sentence filter and write src/marsad/data/events/filter_weights.tsv.

    python scripts/build_event_filter.py [--data ../shared/data/arabic-event-gsr-dev] [--cv [--assignments N]]

Samples are the GSR dev sentences where marsad's rules find an event of the type (the filter only
ever sees those); the model is fitted to the share of annotators who accepted each sentence
(1 for `yes`, 0 for `easy no`, in between for `difficult no`; `ambiguous` rows are left out),
and scored against the GSR judgement.  With --cv it reports 5-fold cross-validated precision,
recall and F1 of the whole sentence detection (rules then filter) for several thresholds, folds
grouped by document so no article is on both sides, and writes nothing: counting all emitted
events and only those told as having happened (`yes` against `easy no` and `difficult no`, the
scoring before 2026-12-06), and the clear-cut figure of the data set's README (`yes` against
`easy no`, contested `difficult no` rows left out, events told as having happened only).
With --assignments N the CV figures are the mean over N fold assignments (articles dealt to folds
by N different salted hashes): one assignment moves PROTEST's F1 by several points, since each of
its 52 `yes` rows is two points of recall.
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
from marsad.stages.events.filter import BIAS
from marsad.stages.events.filter import THRESHOLDS as THRESHOLDS_SHIPPED

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "arabic-event-gsr-dev"
OUT = ROOT / "src" / "marsad" / "data" / "events" / "filter_weights.tsv"
FOLDS = 5
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
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
    """Filter samples (sentences with asserted/reported events of the type, also those that hold
    negated or planned ones besides: the filter decides whether they report one that happened)
    and every scored row."""
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
        if feats:
            samples.append((gsr.document_id(row.id), feats, row.positive, row.share, clear))
    return samples, rows


def fold_of(doc_id: str, folds: int = FOLDS, salt: str = "") -> int:
    return int(hashlib.sha256((salt + doc_id).encode()).hexdigest(), 16) % folds


def probability(w: dict[str, float], event_type: str, feats: set[str]) -> float:
    from marsad.stages.events.filter import probability as p

    return p(event_type, feats, w)


Scored = tuple[float, bool, bool]  # (the filter's probability, label, clear-cut)


def _figures(scores: list[Scored], positives: int, threshold: float, *,
             clear_only: bool = True) -> tuple[float, float, float]:
    """Precision, recall and F1 of the events told as having happened that the filter keeps at
    ``threshold``; ``positives`` counts every ``yes`` row, found by the rules or not."""
    kept = [y for p, y, clear in scores if p >= threshold and (clear or not clear_only)]
    tp = sum(kept)
    prec = tp / len(kept) if kept else 0.0
    rec = tp / positives if positives else 0.0
    return prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def _out_of_fold(event_type: str, samples: list[Sample], folds: int, salt: str = "") -> list[Scored]:
    """Each sample's probability from the model trained on the folds it is not in (grouped by article)."""
    scores: list[Scored] = []
    for k in range(folds):
        w = train(event_type, [(f, share) for d, f, _, share, _ in samples if fold_of(d, folds, salt) != k])
        scores += [(probability(w, event_type, f), y, clear)
                   for d, f, y, _, clear in samples if fold_of(d, folds, salt) == k]
    return scores


def best_threshold(scores: list[Scored], positives: int) -> float:
    """The threshold of THRESHOLDS with the best clear-cut F1 (the lower one on a tie)."""
    return max(THRESHOLDS, key=lambda t: (_figures(scores, positives, t)[2], -t))


def nested(event_type: str, samples: list[Sample], rows: list[Row], salt: str = "") -> tuple[float, float, float]:
    """Clear-cut figures of the whole procedure, threshold choice included: in each outer fold the
    threshold is chosen by an inner cross-validation on the other folds' articles alone."""
    positives_by_fold = [sum(y for d, y, _, _ in rows if fold_of(d, salt=salt) == k) for k in range(FOLDS)]
    scores: list[Scored] = []
    for k in range(FOLDS):
        inner = [s for s in samples if fold_of(s[0], salt=salt) != k]
        chosen = best_threshold(_out_of_fold(event_type, inner, FOLDS - 1, salt=salt + "inner"),
                                sum(positives_by_fold) - positives_by_fold[k])
        w = train(event_type, [(f, share) for _, f, _, share, _ in inner])
        # Shifting by the chosen threshold lets one cut at 0.5 score every fold.
        scores += [(probability(w, event_type, f) - chosen + 0.5, y, clear)
                   for d, f, y, _, clear in samples if fold_of(d, salt=salt) == k]
    return _figures(scores, sum(positives_by_fold), 0.5)


def assignment_salts(assignments: int) -> list[str]:
    """The salts of the fold assignments: the unsalted one the figures before were taken with, then 1, 2 …"""
    return [""] + [str(k) for k in range(1, assignments)]


Figures = tuple[float, float, float]


def _mean(figures: list[Figures]) -> Figures:
    n = len(figures)
    return (sum(f[0] for f in figures) / n, sum(f[1] for f in figures) / n, sum(f[2] for f in figures) / n)


def cross_validate(event_type: str, samples: list[Sample], rows: list[Row], assignments: int = 1) -> None:
    """Sentence detection figures with the filter trained on the other folds, for each threshold:
    the clear-cut scoring of the data set's README (``yes`` against ``easy no``, events told as
    having happened only) and, in brackets, with ``difficult no`` rows as negatives; then the
    nested estimate with the threshold chosen inside each fold.  Each figure is the mean over
    ``assignments`` fold assignments."""
    positives = sum(label for _, label, _, _ in rows)
    salts = assignment_salts(assignments)
    runs = [_out_of_fold(event_type, samples, FOLDS, salt) for salt in salts]
    found = sum(y for _, _, y, _, _ in samples)
    over = f"5-fold CV, mean of {len(salts)} fold assignments" if len(salts) > 1 else "5-fold CV"
    print(f"{event_type}: {len(rows)} sentences, {positives} yes, {len(samples)} filter samples "
          f"({found} yes: the rules' recall bound {found / positives:.3f})")
    for t in THRESHOLDS:
        cp, cr, cf = _mean([_figures(scores, positives, t) for scores in runs])
        p, r, f = _mean([_figures(scores, positives, t, clear_only=False) for scores in runs])
        print(f"  threshold {t:.3f}: clear-cut P={cp:.3f} R={cr:.3f} F1={cf:.3f} "
              f"(difficult no as negatives P={p:.3f} R={r:.3f} F1={f:.3f}) ({over})")
    shipped = THRESHOLDS_SHIPPED[event_type]
    at_shipped = [_figures(scores, positives, shipped) for scores in runs]
    cp, cr, cf = _mean(at_shipped)
    best = max(THRESHOLDS, key=lambda t: (_mean([_figures(sc, positives, t) for sc in runs])[2], -t))
    # The spread over fold assignments is the noise a change must beat.
    spread = (f", F1 from {min(f for _, _, f in at_shipped):.3f} to {max(f for _, _, f in at_shipped):.3f}"
              if len(at_shipped) > 1 else "")
    print(f"  shipped threshold {shipped:.3f}: clear-cut P={cp:.3f} R={cr:.3f} F1={cf:.3f} ({over}{spread}); "
          f"best by this CV {best:.3f}")
    each = [nested(event_type, samples, rows, salt) for salt in salts]
    np_, nr, nf = _mean(each)
    spread = f", F1 from {min(f for _, _, f in each):.3f} to {max(f for _, _, f in each):.3f}" if len(each) > 1 else ""
    print(f"  nested (threshold chosen in each fold): clear-cut P={np_:.3f} R={nr:.3f} F1={nf:.3f}{spread}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--cv", action="store_true", help="report cross-validated figures, write nothing")
    ap.add_argument("--assignments", type=int, default=1,
                    help="with --cv, average over this many fold assignments (salted article hashes)")
    args = ap.parse_args(argv[1:])
    names = gsr.STAGES
    weights: dict[str, float] = {}
    for event_type in gsr.FILES:
        samples, rows = load(event_type, args.data, names)
        if args.cv:
            cross_validate(event_type, samples, rows, args.assignments)
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
