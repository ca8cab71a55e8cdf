"""The event filter's trainer: L2-regularised logistic regression on GSR sentence samples.

Run by ``scripts/build_event_filter.py``; ``marsad.stages.events.filter`` reads what it writes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from marsad.stages.events.filter import BIAS, sigmoid


def train(event_type: str, samples: Sequence[tuple[set[str], float]], *, l2: float = 10.0,
          min_count: int = 2, iterations: int = 300, rate: float = 0.05) -> dict[str, float]:
    """Fit L2-regularised logistic-regression weights on (features, label) sentence samples.

    A label is 0/1 (or a bool) or a share in between: the annotators who accepted the sentence
    (cross-entropy against a soft target, as if the sentence came once per annotator).
    Full-batch Adam on the summed log loss plus ``l2/2·|w|²`` (the bias is not penalised), so
    the result does not depend on sample order; features seen fewer than ``min_count`` times
    are left out.  Pure Python: the data are a few hundred sentences."""
    counts: dict[str, int] = {}
    for feats, _ in samples:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, c in counts.items() if c >= min_count)
    index = {f: i + 1 for i, f in enumerate(names)}  # 0 is the bias
    rows = [([0, *sorted(index[f] for f in feats if f in index)], float(label))
            for feats, label in samples]
    w = [0.0] * (len(names) + 1)
    m = [0.0] * len(w)
    v = [0.0] * len(w)
    for step in range(1, iterations + 1):
        grad = [l2 * x for x in w]
        grad[0] = 0.0
        for active, y in rows:
            err = sigmoid(sum(w[i] for i in active)) - y
            for i in active:
                grad[i] += err
        for i, g in enumerate(grad):
            m[i] = 0.9 * m[i] + 0.1 * g
            v[i] = 0.999 * v[i] + 0.001 * g * g
            w[i] -= rate * (m[i] / (1 - 0.9 ** step)) / (math.sqrt(v[i] / (1 - 0.999 ** step)) + 1e-8)
    out = {f"{event_type}|{BIAS}": w[0]}
    out.update({f"{event_type}|{f}": w[i] for f, i in index.items() if abs(w[i]) >= 1e-4})
    return out
