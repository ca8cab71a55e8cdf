"""Arabic named-entity tagger: a CRF over word features, shipped in the package.

``tag_tokens`` labels a list of words with coarse BIO labels (PER, LOC, ORG, MISC: the label set
of the training corpora, see ``ner_corpus``); ``tag`` runs it over a segmented ``Document``
sentence by sentence and returns exact spans with marsad's finer types (LOC is refined into
GPE, LOC and FAC, MISC into EVENT, NORP and MISC by head words in ``data/ner/subtypes.tsv``).
``scripts/train_ner.py`` trains the model; ``docs/ner.md`` says on what and how well.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

import pycrfsuite

from marsad.document import Document, Span, Token
from marsad.entities.features import (
    FeatureExtractor,
    Lexicons,
    clitic_offset,
    data_dir,
    load_lexicons,
    read_rows,
    word_key,
)
from marsad.entities.ner_corpus import chunks

__all__ = ["Tagger", "clitic_offset", "fine_type", "load_tagger", "repair_bio", "tag", "tag_tokens"]

MODEL_FILE = "ner.crfsuite"
SUBTYPES_FILE = "subtypes.tsv"
#: The corpus whose conventions the shipped tagger follows: newswire, and the benchmark's corpus.
#: Training gives each corpus its own copy of the features (``FeatureExtractor``).
TAG_DOMAIN = "anercorp"
#: Token kinds that never begin or end a mention (a stray comma tagged I-ORG is dropped).
_EDGE_KINDS = frozenset({"punct", "symbol"})


def repair_bio(labels: Sequence[str]) -> list[str]:
    """Make the label sequence valid BIO: an ``I-X`` not after ``B-X``/``I-X`` becomes ``B-X``."""
    out: list[str] = []
    for label in labels:
        if label.startswith("I-") and (not out or out[-1][2:] != label[2:]):
            label = "B-" + label[2:]
        out.append(label)
    return out


#: CRF training constants, chosen on anercorp-dev (scripts/train_ner.py): c1 0.05/c2 0.05 and
#: c1 0.2/c2 0.005 scored within 0.006 micro-PLO of these, and 200 iterations did not help.
C1 = 0.1
C2 = 0.01
MAX_ITERATIONS = 100


@dataclass(frozen=True)
class TrainParams:
    """crfsuite L-BFGS settings; L1 (``c1``) prunes features, which keeps the model small."""

    c1: float = C1
    c2: float = C2
    max_iterations: int = MAX_ITERATIONS
    min_freq: int = 1


def train_model(
    sentences: Sequence[tuple[Sequence[str], Sequence[str], str]],
    lexicons: Lexicons,
    model: Path,
    params: TrainParams = TrainParams(),
) -> None:
    """Train a CRF on ``(words, labels, domain)`` triples and write it to ``model``.

    ``domain`` is ``""`` for plain training, else the name of the sentence's corpus (see
    ``FeatureExtractor``); the shipped tagger then tags as ``TAG_DOMAIN``.
    """
    extractors: dict[str, FeatureExtractor] = {}
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, labels, domain in sentences:
        features = extractors.setdefault(domain, FeatureExtractor(lexicons, domain))
        trainer.append(features.sentence(words), list(labels))
    trainer.set_params({
        "c1": params.c1, "c2": params.c2, "max_iterations": params.max_iterations,
        "feature.minfreq": params.min_freq, "feature.possible_transitions": True,
    })
    model.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model))


class Tagger:
    """A trained CRF with the feature extractor it was trained with (one per thread or process:
    crfsuite's tagger keeps state between calls)."""

    def __init__(self, model: Path, lexicons: Lexicons, domain: str = "") -> None:
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(model))
        known = frozenset(attr for attr, _ in self._crf.info().state_features)
        self.features = FeatureExtractor(lexicons, domain, known)

    def tag(self, words: Sequence[str]) -> list[str]:
        """BIO labels (``B-PER`` … ``I-MISC``, ``O``) for the words of one sentence."""
        if not words:
            return []
        labels: list[str] = self._crf.tag(self.features.sentence(words))
        return repair_bio(labels)


@lru_cache(maxsize=1)
def load_tagger() -> Tagger | None:
    """The shipped tagger, loaded once; ``None`` when the package holds no model file."""
    directory = data_dir()
    model = directory / MODEL_FILE
    if not model.is_file():
        return None
    # The package data is a real directory in every install marsad supports (no zip imports),
    # and crfsuite needs a path it can open for as long as the tagger lives.
    with resources.as_file(model) as path:
        return Tagger(Path(path), load_lexicons(directory), TAG_DOMAIN)


def tag_tokens(words: list[str]) -> list[str]:
    """Coarse BIO labels for one sentence of words; all ``O`` when no model is shipped."""
    tagger = load_tagger()
    if tagger is None:
        return ["O"] * len(words)
    return tagger.tag(words)


@dataclass(frozen=True)
class Subtypes:
    """Head words and names that refine coarse LOC and MISC mentions (``subtypes.tsv``)."""

    heads: dict[str, frozenset[str]]
    regions: frozenset[str]
    states: frozenset[tuple[str, ...]]

    def has(self, concept: str, key: str) -> bool:
        return key in self.heads.get(concept, frozenset())


def load_subtypes(directory: Traversable | Path, lexicons: Lexicons | None = None) -> Subtypes:
    """Read ``subtypes.tsv``; multi-word gazetteer names count as states (جنوب أفريقيا)."""
    heads: dict[str, set[str]] = {}
    regions: set[str] = set()
    path = directory / SUBTYPES_FILE
    for concept, form in read_rows(path) if path.is_file() else []:
        key = " ".join(word_key(w) for w in form.split())
        if concept == "region":
            regions.add(key)
        else:
            heads.setdefault(concept, set()).add(key)
    gazetteer = (lexicons or load_lexicons(directory)).gazetteer
    states = frozenset(name for name in gazetteer if len(name) > 1)
    return Subtypes({c: frozenset(v) for c, v in heads.items()}, frozenset(regions), states)


@lru_cache(maxsize=1)
def shipped_subtypes() -> Subtypes:
    tagger = load_tagger()
    return load_subtypes(data_dir(), tagger.features.lexicons if tagger else None)


def fine_type(coarse: str, keys: Sequence[str], subtypes: Subtypes) -> str:
    """marsad's entity type for a mention of coarse type ``coarse`` whose word keys are ``keys``."""
    if coarse in ("PER", "ORG") or not keys:
        return coarse
    first = keys[0]
    if coarse == "MISC":
        if subtypes.has("event_head", first):
            return "EVENT"
        return "NORP" if subtypes.has("norp", first) else "MISC"
    if " ".join(keys) in subtypes.regions or subtypes.has("natural_head", first):
        return "LOC"
    if subtypes.has("fac_head", first):
        return "FAC"
    two = " ".join(keys[:2])
    if (subtypes.has("direction", first) or subtypes.has("direction", two)) and len(keys) > 1:
        return "GPE" if tuple(keys) in subtypes.states else "LOC"
    return "GPE"


def _sentence_tokens(doc: Document) -> list[list[Token]]:
    """The document's tokens grouped by sentence (all in one group when there are no sentences)."""
    if not doc.sentences:
        return [list(doc.tokens)] if doc.tokens else []
    groups: list[list[Token]] = [[] for _ in doc.sentences]
    i = 0
    tokens = doc.tokens
    for s, sent in enumerate(doc.sentences):
        while i < len(tokens) and tokens[i].start < sent.start:
            i += 1
        while i < len(tokens) and tokens[i].end <= sent.end:
            groups[s].append(tokens[i])
            i += 1
    return [g for g in groups if g]


def find_mentions(doc: Document, tagger: Tagger, subtypes: Subtypes) -> list[tuple[Span, str]]:
    """Typed mention spans the CRF finds in ``doc``, in text order."""
    found: list[tuple[Span, str]] = []
    text = doc.text
    for toks in _sentence_tokens(doc):
        labels = tagger.tag([text[t.start:t.end] for t in toks])
        for coarse, a, b in sorted(chunks(labels), key=lambda c: c[1]):
            while a < b and toks[a].kind in _EDGE_KINDS:
                a += 1
            while b > a and toks[b - 1].kind in _EDGE_KINDS:
                b -= 1
            if a == b:
                continue
            start = toks[a].start + clitic_offset(toks[a], text[toks[a].start:toks[a].end])
            keys = [t.key for t in toks[a:b]]
            found.append((Span(start, toks[b - 1].end), fine_type(coarse, keys, subtypes)))
    return found


def tag(doc: Document) -> list[tuple[Span, str]]:
    """Typed entity mentions in a segmented document; empty when no model is shipped."""
    tagger = load_tagger()
    if tagger is None:
        return []
    return find_mentions(doc, tagger, shipped_subtypes())
