"""Train the learned event-argument finder and write src/marsad/data/events/arg_model.tsv.

    python scripts/build_arg_model.py [--data ../shared/data/arabic-event-gsr-dev] [--cv]

Samples are the actor mentions of the sentences of the GSR spans files (``training/argmodel.py``),
labelled by word overlap with the agreed source and target.  With --cv it reports, over 5 folds
grouped by article, how often the rules, the model and the two combined (the model fills a side
the rules left empty, as ``argmodel.complete`` does) pick an actor matching the agreed span, per
side and threshold, and writes nothing.  The figures are per sentence on the rules' raw arguments
(before the events stage's speakers, referents and mutual parties): `found` = sentences where some
trigger's pick matches the agreed span, `right` = share of the picks that match.
Analysing the ~340 sentences takes about 10 s, each training a few seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import defaultdict
from pathlib import Path

# training/ sits beside this folder, outside the installed package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from training.argmodel import (
    L2,
    Sample,
    article_samples,
    fit,
    gsr_samples,
    heldout_samples,
    score_module,
    studied_articles,
)

import marsad
from marsad.stages.events import argmodel

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "arabic-event-gsr-dev"
OUT = ROOT / "src" / "marsad" / "data" / "events" / "arg_model.tsv"
FOLDS = 5
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
HEADER = """\
# Weights of the learned event-argument finder (two logistic regressions; see marsad/stages/events/argmodel.py).
# Source: trained by scripts/build_arg_model.py on the argument spans every annotator agreed on in the
# development half of the Arabic event GSR (openeventdata/arabic_event_gsr, Open Event Data Alliance, MIT)
# and on marsad's gold events of the studied held-apart SaudiNewsNet articles (bench/heldout: halves A and
# B, sets C to Q, training/argmodel.TRAINING_SETS; articles CC BY-NC-SA 4.0, see NOTICE), with marsad's
# own candidate features;
# generated, do not edit by hand. Licence: MIT (derived data; see NOTICE on the articles' terms).
# Columns: feature (SIDE|name), weight. Example: TARGET|prep=after:على → a positive weight.
# USE|type=T rows name the event types the model is used on (value: gold sides of T in training).
feature\tweight
"""


def fold_of(group: str, salt: str = "") -> int:
    return int(hashlib.sha256((salt + group).encode()).hexdigest(), 16) % FOLDS


Scored = tuple[Sample, float, float]  # (sample, P(source), P(target)) out of fold


def out_of_fold(samples: list[Sample], salt: str = "", l2: float = L2) -> list[Scored]:
    """Each sample's probabilities from the model trained on the folds its article is not in."""
    scored: list[Scored] = []
    for k in range(FOLDS):
        table = fit([s for s in samples if fold_of(s.group, salt) != k], l2=l2)
        scored += [(s, argmodel.probability("SOURCE", s.feats, table), argmodel.probability("TARGET", s.feats, table))
                   for s in samples if fold_of(s.group, salt) == k]
    return scored


def _pick(cands: list[Scored], side: str, threshold: float, exclude: set[str]) -> Scored | None:
    """The model's pick for one trigger: the candidate of highest probability above the threshold."""
    col = 1 if side == "SOURCE" else 2
    ok = [c for c in cands if c[col] >= threshold and c[0].text not in exclude
          and argmodel.eligible(side, c[0].feats)]
    return max(ok, key=lambda c: c[col]) if ok else None


def figures(scored: list[Scored], side: str, threshold: float) -> dict[str, tuple[int, int, int]]:
    """Per method (rules, model, combined): (sentences found, picks emitted, picks right)."""
    by_trigger: dict[tuple[int, int], list[Scored]] = defaultdict(list)
    for sc in scored:
        by_trigger[(sc[0].row, sc[0].trigger)].append(sc)
    label = (lambda s: s.source) if side == "SOURCE" else (lambda s: s.target)
    rule = (lambda s: s.rule_source) if side == "SOURCE" else (lambda s: s.rule_target)
    other = (lambda s: s.rule_target) if side == "SOURCE" else (lambda s: s.rule_source)
    found: dict[str, set[int]] = defaultdict(set)
    emitted: dict[str, int] = defaultdict(int)
    right: dict[str, int] = defaultdict(int)
    for (row, _), cands in by_trigger.items():
        if label(cands[0][0]) is None:
            continue
        ruled = [c for c in cands if rule(c[0])]
        exclude = {c[0].text for c in cands if other(c[0])}
        pick = _pick(cands, side, threshold, exclude)
        model = [pick] if pick else []
        for method, chosen in (("rules", ruled), ("model", model), ("combined", ruled or model)):
            if not chosen:
                continue
            ok = any(label(c[0]) for c in chosen)
            emitted[method] += 1
            right[method] += ok
            if ok:
                found[method].add(row)
    return {m: (len(found[m]), emitted[m], right[m]) for m in ("rules", "model", "combined")}


def _harmonic(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0


def cross_validate(samples: list[Sample], l2: float) -> None:
    scored = out_of_fold(samples, l2=l2)
    for side in argmodel.SIDES:
        n = len({s.row for s in samples if (s.source if side == "SOURCE" else s.target) is not None})
        print(f"{side}: {n} sentences with an agreed span and a trigger (5-fold CV by article, l2={l2})")
        balance: dict[float, float] = {}
        for t in THRESHOLDS:
            fig = figures(scored, side, t)
            print(f"  threshold {t:.2f}: " + "  ".join(
                f"{m} found={f / n:.3f} right={r / e if e else 0:.3f} (n={e})" for m, (f, e, r) in fig.items()))
            found, emitted, right = fig["combined"]
            balance[t] = _harmonic(found / n, right / emitted if emitted else 0.0)
        best = max(THRESHOLDS, key=lambda t: (balance[t], -t))
        shipped = argmodel.THRESHOLDS[side]
        print("  combined, harmonic mean of found and right: " + " ".join(
            f"{t:.2f}={v:.3f}" for t, v in balance.items()) + f"; best {best:.2f} (shipped {shipped:.2f})")


def leave_one_article_out(gsr: list[Sample], l2: float) -> None:
    """event_f1 (score.py) on each studied held-apart article (halves A and B): the rules alone, the
    model trained on the GSR alone, and the model trained on the GSR and the other articles."""
    score = score_module()
    articles = studied_articles()
    docs = {rid: marsad.analyze(text, gold.get("published")) for rid, (gold, text) in articles.items()}
    own = {rid: article_samples(docs[rid], gold, rid, 100_000 * (n + 1))
           for n, (rid, (gold, _)) in enumerate(articles.items())}
    gsr_only = fit(gsr, l2=l2)
    sums: dict[str, float] = defaultdict(float)
    for rid, (gold, text) in articles.items():
        rest = [s for other, samples in own.items() if other != rid for s in samples]
        row = []
        for method, table in (("rules", None), ("gsr", gsr_only), ("gsr+articles", fit(gsr + rest, l2=l2))):
            argmodel.ENABLED, argmodel.OVERRIDE = table is not None, table
            doc = marsad.analyze(text, gold.get("published"))
            f1 = score.score_events(gold, score.Doc(doc.to_dict()))["event_f1"] or 0.0
            sums[method] += f1
            row.append(f"{method}={f1:.3f}")
        print(f"  {rid}: " + " ".join(row))
    argmodel.ENABLED, argmodel.OVERRIDE = True, None
    print("  mean event_f1 (leave one article out): " + " ".join(
        f"{m}={v / len(articles):.3f}" for m, v in sums.items()))
    del docs


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--cv", action="store_true", help="report cross-validated figures, write nothing")
    ap.add_argument("--articles", action="store_true",
                    help="with --cv, also leave each studied held-apart article out (halves A and B)")
    ap.add_argument("--l2", type=float, default=L2)
    args = ap.parse_args(argv[1:])
    samples = gsr_samples(args.data)
    if args.cv:
        cross_validate(samples, args.l2)
        if args.articles:
            leave_one_article_out(samples, args.l2)
        return 0
    articles = heldout_samples()
    weights = fit(samples + articles, l2=args.l2)
    ordered = sorted(weights.items(), key=lambda kv: (kv[0].split("|")[0], not kv[0].endswith(argmodel.BIAS), kv[0]))
    OUT.write_text(HEADER + "".join(f"{k}\t{v:.5f}\n" for k, v in ordered), encoding="utf-8")
    print(f"wrote {len(weights)} weights to {OUT.relative_to(ROOT)} from {len(samples)} GSR and "
          f"{len(articles)} article candidates")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
