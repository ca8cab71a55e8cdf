"""The learned argument finder judged by event_f1 on the studied held-apart sets, out of fold.

    python bench/argmodel_sets_cv.py [--l2 30 10 ...]

Four folds of four studied sets (A–D, E–H, I–L, M–P): for each fold the model is trained on the GSR
spans and the other twelve sets' gold events (``training.argmodel``), and the fold's articles are
scored by ``../shared/tools/score.py`` (mean event_f1 per set), with the model off (the rules alone)
and on, for each L2 penalty given.  Blind sets are never named here.  Takes about a minute per L2
value on one core; needs ../shared (the GSR, the SaudiNewsNet texts and score.py).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import heldout_events as he  # noqa: E402
from training.argmodel import L2, fit, gsr_samples, heldout_samples  # noqa: E402

from marsad import Settings, load_pipeline  # noqa: E402
from marsad.core.analyze import analyze  # noqa: E402
from marsad.shells.cli.main import to_record  # noqa: E402
from marsad.stages.events import argmodel  # noqa: E402

SHARED = ROOT.parent / "shared"
FOLDS = (("A", "B", "C", "D"), ("E", "F", "G", "H"), ("I", "J", "K", "L"), ("M", "N", "O", "P"))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--l2", type=float, nargs="+", default=[L2])
    args = ap.parse_args(argv[1:])
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    if spec is None or spec.loader is None or not (SHARED / "data" / "arabic-event-gsr-dev").is_dir():
        print("needs ../shared (score.py, the GSR dev half and the SaudiNewsNet corpus)", file=sys.stderr)
        return 1
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    pipe = load_pipeline(Settings())
    sets = [s for fold in FOLDS for s in fold]
    articles = {}
    for s in sets:
        golds = he.set_golds(s)
        texts = he.texts(set(golds))
        articles[s] = [(golds[rid], texts[rid]) for rid in golds]

    def event_f1(s: str) -> float:
        vals = []
        for gold, text in articles[s]:
            pred = json.loads(json.dumps(to_record(analyze(text, gold.get("published") or None, pipeline=pipe)),
                                         ensure_ascii=False, default=str))
            vals.append(score.score(gold, pred)["event_f1"] or 0.0)
        return sum(vals) / len(vals)

    gsr = gsr_samples(SHARED / "data" / "arabic-event-gsr-dev")
    argmodel.ENABLED, argmodel.OVERRIDE = False, None
    samples = {s: heldout_samples((s,)) for s in sets}
    rules = {s: event_f1(s) for s in sets}
    print("rules alone: mean event_f1 %.4f" % (sum(rules.values()) / len(rules)))
    for l2 in args.l2:
        model = {}
        for fold in FOLDS:
            table = fit(gsr + [x for s in sets if s not in fold for x in samples[s]], l2=l2)
            argmodel.ENABLED, argmodel.OVERRIDE = True, table
            model.update({s: event_f1(s) for s in fold})
        argmodel.ENABLED, argmodel.OVERRIDE = True, None
        print(f"model, L2 {l2:g}: mean event_f1 {sum(model.values()) / len(model):.4f}  "
              + " ".join(f"{s}={model[s]:.3f}" for s in sets))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
