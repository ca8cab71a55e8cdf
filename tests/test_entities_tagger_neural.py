"""The shipped neural tagger's numpy forward pass: exact spans on real sentences, batching, Viterbi,
and no PyTorch at run time.

Skips when the package holds no model (``scripts/train_ner_neural.py`` writes it); never trains.
"""

from __future__ import annotations

import itertools
import subprocess
import sys

import numpy as np
import pytest

import marsad
from marsad.stages.entities import tagger as ner
from marsad.stages.entities.neural import NeuralTagger

pytestmark = pytest.mark.skipif(ner.load_tagger() is None, reason="no NER model shipped in data/ner")


def shipped() -> NeuralTagger:
    tagger = ner.load_tagger()
    assert tagger is not None
    return tagger


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي في القاهرة.",
         [(27, 36, "PER"), (51, 62, "PER"), (66, 73, "GPE")]),
        ("وأعلنت شركة أرامكو السعودية عن ارتفاع أرباحها في الربع الأول.",
         [(12, 27, "ORG")]),
        # Sports clubs named like the words they come from (الهلال "the crescent", النصر "victory").
        ("وقال مدرب نادي الهلال إن الفريق سيواجه النصر في الرياض يوم الجمعة.",
         [(15, 21, "ORG"), (39, 44, "ORG"), (48, 54, "GPE")]),
        # A surname that is also a nisba adjective (السوداني), which the CRF cut off.
        ("ووصل رئيس الوزراء العراقي محمد شياع السوداني إلى طهران.",
         [(26, 44, "PER"), (49, 54, "GPE")]),
        ("وذكرت الوكالة أن ولي العهد الأمير محمد بن سلمان استقبل وفدا من البنك الدولي في جدة.",
         [(34, 47, "PER"), (63, 75, "ORG"), (79, 82, "GPE")]),
        ("وقال إن الاجتماع سيعقد الأسبوع المقبل لمناقشة الميزانية.", []),
    ],
)
def test_numpy_tagger_finds_exact_spans(sentence: str, expected: list[tuple[int, int, str]]) -> None:
    doc = marsad.analyze(sentence, "2024-06-17", stages=("clean", "segment"))
    found = [(s.start, s.end, kind) for s, kind in ner.tag(doc)]
    assert found == expected, [doc.text[a:b] for a, b, _ in found]


def test_a_batch_tags_each_sentence_as_alone() -> None:
    """Padding shorter sentences in a batch changes nothing (both LSTM directions, Viterbi)."""
    sentences = [
        "قال الرئيس الروسي فلاديمير بوتين إن بلاده مستعدة للحوار .".split(),
        "وصل أردوغان إلى الدوحة .".split(),
        ["بيروت"],
        "وأعلنت منظمة الصحة العالمية في جنيف أن الوباء انحسر في أفريقيا وآسيا خلال الأشهر الماضية .".split(),
    ]
    tagger = shipped()
    together = tagger.tag_batch(sentences)
    alone = [tagger.tag_batch([s])[0] for s in sentences]
    assert together == alone
    assert [len(x) for x in together] == [len(s) for s in sentences]
    assert tagger.tag_batch([[], sentences[1], []]) == [[], alone[1], []]


def test_viterbi_finds_the_best_path() -> None:
    """Batched Viterbi against brute force over every label sequence, with the learnt transitions."""
    tagger = shipped()
    rng = np.random.default_rng(0)
    lengths = [3, 1, 4, 2]
    scores = rng.normal(0, 2, (sum(lengths), len(tagger.labels))).astype(np.float32)
    paths = tagger._viterbi(scores, lengths)
    offset = 0
    for n, path in zip(lengths, paths, strict=True):
        em = scores[offset:offset + n]
        offset += n

        def total(seq: tuple[int, ...], em: np.ndarray = em) -> float:
            s = tagger.start[seq[0]] + tagger.end[seq[-1]] + sum(em[i, k] for i, k in enumerate(seq))
            return float(s + sum(tagger.trans[a, b] for a, b in itertools.pairwise(seq)))

        best = max(itertools.product(range(len(tagger.labels)), repeat=n), key=total)
        assert total(tuple(path)) == pytest.approx(total(best), abs=1e-4)


def test_tagging_needs_no_torch() -> None:
    """A process where ``import torch`` fails loads the model and tags: numpy only at run time."""
    code = (
        "import sys\n"
        "sys.modules['torch'] = None\n"
        "from marsad.stages.entities import tagger\n"
        "labels = tagger.tag_tokens('قال الرئيس الفرنسي إيمانويل ماكرون في باريس'.split())\n"
        "assert labels[3:5] == ['B-PER', 'I-PER'], labels\n"
        "assert not any(m == 'torch' or m.startswith('torch.') for m in sys.modules if sys.modules[m])\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
