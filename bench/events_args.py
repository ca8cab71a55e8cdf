"""How well the events stage finds who did what to whom: source and target actors against the
argument spans every annotator of the Arabic event GSR agreed on (dev half).

    python bench/events_args.py [--data ../shared/data/arabic-event-gsr-dev] [--errors N] [--rules | --cv]

For each `yes` sentence of ``*_spans_dev.json`` with an agreed source (``source_gold``) or target
(``target_gold``), the sentence is analysed (clean, segment, entities, temporal, events without the
learned sentence filter, which judges sentences, not arguments) and the events of the annotated
type are read.  An actor matches a gold span when they share a word (folded, clitics و ف ب ل and
ال off).  Figures, per argument: `found` = sentences whose gold span some event's actor on that
side matches (recall); `right` = share of emitted sides that match the gold span when one was
agreed (precision); `reversed` = share of emitted sides that match the other side's gold span.
The learned argument finder (``marsad.stages.events.argmodel``) was trained on these very spans, so
the default run flatters it: ``--cv`` scores each sentence with the model trained on the other four
folds' articles (scripts/build_arg_model.py's folds), ``--rules`` with the model off.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from training import gsr
from training.gsr import span_words as words

import marsad
from marsad.core.document import Actor, Document
from marsad.stages.events import argmodel, find_events

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "arabic-event-gsr-dev"
FILES = {"ASSAULT": "assault_spans_dev.json", "PROTEST": "protest_spans_dev.json"}


def side_words(doc: Document, actors: tuple[Actor, ...]) -> set[str]:
    return set().union(*(words(doc.span_text(a.span)) for a in actors)) if actors else set()


def fold_tables(data: Path) -> dict[int, dict[str, float]]:
    """Per fold, the model's weights trained without that fold's articles."""
    from scripts.build_arg_model import FOLDS, fold_of
    from training.argmodel import fit, gsr_samples

    samples = gsr_samples(data)
    return {k: fit([s for s in samples if fold_of(s.group) != k]) for k in range(FOLDS)}


def score(event_type: str, path: Path, errors: int, side: str = "source",
          tables: dict[int, dict[str, float]] | None = None) -> dict[str, float]:
    rows = json.loads(path.read_text(encoding="utf-8"))
    counts = {k: 0 for k in ("n_src", "n_tgt", "src_found", "tgt_found", "src_emitted", "src_right",
                             "src_reversed", "tgt_emitted", "tgt_right", "tgt_reversed", "typed", "n")}
    shown = 0
    for row in rows:
        gold_src, gold_tgt = words(row.get("source_gold", "")), words(row.get("target_gold", ""))
        if not gold_src and not gold_tgt:
            continue
        doc = marsad.analyze(row["text"], gsr.published(row["source"]), stages=gsr.STAGES)
        if tables is not None:
            from scripts.build_arg_model import fold_of
            argmodel.OVERRIDE = tables[fold_of(gsr.document_id(row["source"]))]
        events = [e for e in find_events(doc, learned_filter=False) if e.type == event_type]
        counts["n"] += 1
        counts["typed"] += bool(events)
        for part, gold, other in (("src", gold_src, gold_tgt), ("tgt", gold_tgt, gold_src)):
            got = [side_words(doc, e.source if part == "src" else e.target) for e in events]
            if gold:
                counts[f"n_{part}"] += 1
                counts[f"{part}_found"] += any(g & gold for g in got)
                for g in got:
                    if g:
                        counts[f"{part}_emitted"] += 1
                        counts[f"{part}_right"] += bool(g & gold)
                        counts[f"{part}_reversed"] += bool(other and g & other and not g & gold)
        gold_side = gold_src if side == "source" else gold_tgt
        if shown < errors and events and gold_side and not any(
                side_words(doc, e.source if side == "source" else e.target) & gold_side for e in events):
            shown += 1
            print(f"  {row['source']}: {row['text'][:120]}\n    gold {row.get('source_gold')!r} -> "
                  f"{row.get('target_gold')!r}; got " + "; ".join(
                      f"{[doc.span_text(a.span) for a in e.source]} -> {[doc.span_text(a.span) for a in e.target]}"
                      for e in events))
    return {k: float(v) for k, v in counts.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--errors", type=int, default=0, help="print up to N sentences whose argument is missed")
    ap.add_argument("--side", choices=("source", "target"), default="source", help="which argument --errors shows")
    how = ap.add_mutually_exclusive_group()
    how.add_argument("--rules", action="store_true", help="the rules alone (the learned argument finder off)")
    how.add_argument("--cv", action="store_true", help="the learned finder trained without each sentence's fold")
    args = ap.parse_args()
    argmodel.ENABLED = not args.rules
    tables = fold_tables(args.data) if args.cv else None
    for event_type, name in FILES.items():
        c = score(event_type, args.data / name, args.errors, args.side, tables)

        def r(a: str, b: str, c: dict[str, float] = c) -> str:
            return f"{c[a] / c[b]:.3f}" if c[b] else "-"
        print(f"{event_type:8} typed={r('typed', 'n')} | source n={int(c['n_src'])} found={r('src_found', 'n_src')} "
              f"right={r('src_right', 'src_emitted')} reversed={r('src_reversed', 'src_emitted')} | "
              f"target n={int(c['n_tgt'])} found={r('tgt_found', 'n_tgt')} right={r('tgt_right', 'tgt_emitted')} "
              f"reversed={r('tgt_reversed', 'tgt_emitted')}")


if __name__ == "__main__":
    main()
