"""A learned check that a sentence reports an ASSAULT or PROTEST that took place, not a topic.

Trigger words such as قتل or مظاهرات often name a subject of discussion («جرائم قتل»، «ثقافة
الاحتجاج»), a past background event or a charge in court.  A logistic-regression model over the
rule-based event's features (trigger concept, status, actors, place, date, casualty words) and the
sentence's words decides whether such a sentence reports an event.  Its weights are trained by
``scripts/build_event_filter.py`` on the Arabic event GSR development half and shipped in
``data/events/filter_weights.tsv``; this module only reads them (and holds the small trainer).
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from functools import lru_cache

from ..document import Document, Event
from ..errors import DataError
from ..lexicons import data_path
from .detect import Candidate, word_keys
from .lexicon import noun_context

WEIGHTS = "events/filter_weights.tsv"
#: Event types the model was trained for; other types are kept as the rules find them.
FILTERED = frozenset({"ASSAULT", "PROTEST"})
#: Only events told as having happened are checked; the others already say they did not.
FILTERED_STATUSES = frozenset({"asserted", "reported"})
#: A sentence's events of a filtered type are kept when the model's probability reaches this
#: (chosen by 5-fold cross-validation on the GSR dev half: scripts/build_event_filter.py --cv;
#: F1 is flat between 0.2 and 0.3 for both types).
THRESHOLD = 0.2
BIAS = "__bias__"


def sentence_features(doc: Document, ev: Event, cand: Candidate, lo: int, hi: int) -> set[str]:
    """Features of one event candidate in the sentence of tokens ``[lo, hi)`` (without its type)."""
    sent = doc.sentences[ev.sentence]
    words = doc.tokens[lo:hi]
    feats = {f"concept={cand.trigger.concept}", f"kind={cand.trigger.kind}", f"status={ev.status}",
             f"source={'yes' if ev.source else 'no'}", f"target={'yes' if ev.target else 'no'}",
             f"named_source={'yes' if any(a.entity is not None for a in ev.source) else 'no'}",
             f"location={'yes' if ev.location else 'no'}", f"date={'yes' if ev.date else 'no'}",
             f"length={min(len(words) // 10, 5)}", f"position={min((cand.first - lo) // 5, 4)}"}
    outcome = noun_context()["outcome_words"]
    if any(t.kind == "word" and word_keys(doc, t) & outcome for t in words):
        feats.add("casualties")
    if any(t.kind == "number" for t in words):
        feats.add("number")
    if any(ch in doc.text[sent.start:sent.end] for ch in "«»\"“”"):
        feats.add("quote")
    feats.update(f"w={t.key}" for t in words if t.kind == "word" and len(t.key) > 1)
    return feats


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """Feature → weight, each feature prefixed by its event type (``ASSAULT|concept=kill``)."""
    path = data_path(WEIGHTS)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataError(f"data file marsad/data/{WEIGHTS} is missing; "
                        "run scripts/build_event_filter.py") from None
    out: dict[str, float] = {}
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#") or line.startswith("feature\t"):
            continue
        name, _, value = line.rpartition("\t")
        try:
            out[name] = float(value)
        except ValueError:
            raise DataError(f"data file marsad/data/{WEIGHTS}: line {n} is not "
                            "'feature<TAB>weight'") from None
    return out


def probability(event_type: str, feats: Iterable[str], table: dict[str, float] | None = None) -> float:
    """The model's probability that a sentence with these features reports an event of the type."""
    w = weights() if table is None else table
    z = w.get(f"{event_type}|{BIAS}", 0.0) + sum(w.get(f"{event_type}|{f}", 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def keep(event_type: str, feats: Iterable[str]) -> bool:
    return event_type not in FILTERED or probability(event_type, feats) >= THRESHOLD


def train(event_type: str, samples: Sequence[tuple[set[str], bool]], epochs: int = 10,
          rate: float = 0.1, l2: float = 1e-3, min_count: int = 5, seed: int = 13) -> dict[str, float]:
    """Fit logistic-regression weights (AdaGrad, L2) on (features, label) sentence samples."""
    counts: dict[str, int] = {}
    for feats, _ in samples:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    vocab = {f for f, c in counts.items() if c >= min_count}
    w: dict[str, float] = {BIAS: 0.0}
    g2: dict[str, float] = {}
    order = list(range(len(samples)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, label = samples[i]
            active = [BIAS, *(f for f in feats if f in vocab)]
            z = sum(w.get(f, 0.0) for f in active)
            p = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
            grad = p - (1.0 if label else 0.0)
            for f in active:
                g = grad + (l2 * w.get(f, 0.0) if f != BIAS else 0.0)
                g2[f] = g2.get(f, 0.0) + g * g
                w[f] = w.get(f, 0.0) - rate * g / math.sqrt(g2[f] + 1e-8)
    return {f"{event_type}|{f}": v for f, v in w.items() if abs(v) >= 1e-4}
