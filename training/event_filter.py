"""The event filter's trainer: L2-regularised logistic regression on GSR sentence samples.

Run by ``scripts/build_event_filter.py``; ``marsad.stages.events.filter`` reads what it writes.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from marsad.stages.events.filter import BIAS


def train(event_type: str, samples: Sequence[tuple[set[str], float]], *, l2: float = 10.0,
          min_count: int = 2, iterations: int = 300, rate: float = 0.05) -> dict[str, float]:
    """Fit L2-regularised logistic-regression weights on (features, label) sentence samples.

    A label is 0/1 (or a bool) or a share in between: the annotators who accepted the sentence
    (cross-entropy against a soft target, as if the sentence came once per annotator).
    Full-batch Adam on the summed log loss plus ``l2/2·|w|²`` (the bias is not penalised), so
    the result does not depend on sample order; features seen fewer than ``min_count`` times
    are left out.  numpy on a dense 0/1 matrix: the data are a few hundred sentences, and the
    nested cross-validation of the build script trains a few dozen models."""
    counts: dict[str, int] = {}
    for feats, _ in samples:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, c in counts.items() if c >= min_count)
    index = {f: i + 1 for i, f in enumerate(names)}  # 0 is the bias
    x = np.zeros((len(samples), len(names) + 1))
    x[:, 0] = 1.0
    for r, (feats, _) in enumerate(samples):
        x[r, [index[f] for f in feats if f in index]] = 1.0
    y = np.array([float(label) for _, label in samples])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    w = np.zeros(x.shape[1])
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, iterations + 1):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30.0, 30.0)))
        grad = x.T @ (p - y) + penalty * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    out = {f"{event_type}|{BIAS}": float(w[0])}
    out.update({f"{event_type}|{f}": float(w[i]) for f, i in index.items() if abs(w[i]) >= 1e-4})
    return out
