"""Pretrain word vectors for the neural NER tagger on the news corpus in ``../shared/data/news``.

    PYTHONPATH=src nice python scripts/build_ner_embeddings.py   # ~5 min on two shared cores

Skip-gram word2vec (gensim, build time only) over SaudiNewsNet (Abdulaziz 2015, CC BY-NC-SA 4.0),
each token folded as the tagger folds it (``marsad.stages.entities.neural_features.embed_key``).  The
vectors are written to ``build/ner/vectors.npz`` (not shipped: ``scripts/train_ner_neural.py``
keeps the rows of the words it needs and stores them with the model weights).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from marsad.stages.entities.neural_features import embed_key

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
OUT = ROOT / "build" / "ner" / "vectors.npz"
#: Letters, digit runs or single punctuation marks: how marsad's segmenter splits raw text.
_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
DIM = 100
MIN_COUNT = 5


def sentences(path: Path) -> Iterator[list[str]]:
    """Each article's title and text as one list of folded tokens."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text = f"{record.get('title') or ''}\n{record.get('text') or ''}"
            yield [embed_key(t) for t in _TOKEN.findall(text)]


def main(argv: Sequence[str] | None = None) -> int:
    from gensim.models import Word2Vec  # build-time dependency only

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=Path, default=NEWS)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--epochs", type=int, default=5)
    args = parser.parse_args(argv)
    start = time.monotonic()
    corpus = list(sentences(args.news))
    print(f"{len(corpus)} articles, {sum(map(len, corpus))} tokens read in {time.monotonic() - start:.0f} s")
    model = Word2Vec(corpus, vector_size=DIM, window=5, min_count=MIN_COUNT, sg=1, negative=5,
                     sample=1e-4, epochs=args.epochs, workers=2, seed=1)
    words = list(model.wv.index_to_key)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, words=np.array(words), vectors=model.wv.vectors.astype(np.float32),
                        counts=np.array([model.wv.get_vecattr(w, "count") for w in words]))
    print(f"{len(words)} words x {DIM} written to {args.out} in {time.monotonic() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
