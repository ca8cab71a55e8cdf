"""A small tagger retrained from a sample of the corpora learns to find names (never the test split).

Training needs PyTorch (a training-time dependency, ``pip install torch==2.13.0``): the test
skips without it.  The word vectors are the shipped model's, so the test needs no news corpus.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from training import ner_corpus as nc

from marsad.stages.entities.features import data_dir, load_lexicons
from marsad.stages.entities.neural import NeuralTagger
from marsad.stages.entities.tagger import MODEL_FILE, repair_bio

pytest.importorskip("torch")

ROOT = Path(__file__).resolve().parent.parent
#: Enough ANERcorp sentences for the network to learn common person and place patterns in seconds.
SAMPLE = 1500
HELD_OUT = 300


def training_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_ner_neural", ROOT / "scripts" / "train_ner_neural.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_retrained_sample_model_finds_names(shared_dir: Path, tmp_path: Path) -> None:
    shipped = data_dir() / MODEL_FILE
    if not shipped.is_file():
        pytest.skip("no shipped model to take word vectors from")
    with shipped.open("rb") as handle, np.load(handle) as npz:
        words, vectors = npz["v_words"], npz["emb_word"][2:].astype(np.float32)
    np.savez(tmp_path / "vectors.npz", words=words, vectors=vectors, counts=np.arange(len(words), 0, -1))
    model = tmp_path / "small.npz"
    data = shared_dir / "data" / "ner"
    status = training_script().main([
        "--data", str(data), "--vectors", str(tmp_path / "vectors.npz"), "--out", str(model),
        "--corpora", "anercorp", "--sample", str(SAMPLE), "--epochs", "2", "--average-from", "2",
    ])
    assert status == 0 and model.stat().st_size > 100_000
    tagger = NeuralTagger(model, load_lexicons(data_dir()), "anercorp")
    held = nc.read_anercorp(data)[SAMPLE:SAMPLE + HELD_OUT]
    predicted = tagger.tag_batch([list(s.words) for s in held])
    scores = nc.evaluate((s.labels, repair_bio(p)) for s, p in zip(held, predicted, strict=True))
    # A real model trained on 1,500 sentences for two epochs: far above chance, below the shipped one.
    assert scores["micro-PLO"].f1 > 0.35, scores["micro-PLO"]
    words_ = "قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن فرنسا تدعم لبنان".split()
    labels = tagger.tag_batch([words_])[0]
    assert len(labels) == len(words_) and any(label != "O" for label in labels)


def test_shipped_weights_are_the_mean_of_the_epochs_averaged() -> None:
    import torch

    average = training_script().WeightAverage(torch.nn.Linear(3, 2))
    first, second = torch.nn.Linear(3, 2), torch.nn.Linear(3, 2)
    average.add(first)
    averaged = average.add(second)
    assert average.count == 2
    assert torch.allclose(averaged.weight, (first.weight + second.weight) / 2)
    assert torch.allclose(averaged.bias, (first.bias + second.bias) / 2)
