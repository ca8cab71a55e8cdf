"""Arabic named-entity tagger: a neural network (char-CNN, BiLSTM, CRF) run in numpy.

``tag_tokens`` labels a list of words with coarse BIO labels (PER, LOC, ORG, MISC: the label set
of the training corpora, see ``ner_corpus``); ``tag`` runs it over a segmented ``Document``, all
its sentences in one batch, and returns exact spans with marsad's finer types (LOC is refined
into GPE, LOC and FAC, MISC into EVENT, NORP and MISC by head words in ``data/ner/subtypes.tsv``).
The network is ``marsad.stages.entities.neural``; ``scripts/train_ner_neural.py`` trains it (PyTorch,
training only) and ``docs/ner.md`` says on what and how well.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.abc import Traversable
from pathlib import Path

from marsad.core.cache import cached
from marsad.core.document import Document, Span, Token
from marsad.stages.entities.features import (
    Lexicons,
    clitic_offset,
    data_dir,
    load_lexicons,
    read_rows,
    word_key,
)
from marsad.stages.entities.neural import NeuralTagger

__all__ = ["NeuralTagger", "clitic_offset", "fine_type", "load_tagger", "repair_bio", "tag", "tag_tokens"]

MODEL_FILE = "ner.npz"
SUBTYPES_FILE = "subtypes.tsv"
#: The corpus whose conventions the shipped tagger follows: newswire, and the benchmark's corpus.
#: Each training sentence has its corpus as an input (``neural.NeuralTagger``).
TAG_DOMAIN = "anercorp"
#: Token kinds that never begin or end a mention (a stray comma tagged I-ORG is dropped).
_EDGE_KINDS = frozenset({"punct", "symbol"})
#: Longest tagged name, in words: the gold sets' longest names have six (الملك سلمان بن عبدالعزيز آل
#: سعود), and a run of thousands of words tagged as one name made later steps quadratic.
MAX_NAME_TOKENS = 12


def repair_bio(labels: Sequence[str]) -> list[str]:
    """Make the label sequence valid BIO: an ``I-X`` not after ``B-X``/``I-X`` becomes ``B-X``."""
    out: list[str] = []
    for label in labels:
        if label.startswith("I-") and (not out or out[-1][2:] != label[2:]):
            label = "B-" + label[2:]
        out.append(label)
    return out


@lru_cache(maxsize=1)
def load_tagger() -> NeuralTagger | None:
    """The shipped tagger, loaded once; ``None`` when the package holds no model file."""
    model = data_dir() / MODEL_FILE
    if not model.is_file():
        return None
    return NeuralTagger(model, shipped_lexicons(), TAG_DOMAIN)


def shipped_lexicons() -> Lexicons:
    """The lexicons of the shipped model, from the on-disk cache when it is current (each name
    of the lexicons and the knowledge base is folded to build them: 0.4 s of each start)."""
    triggers, gazetteer, clusters, names = cached("ner-lexicons", _lexicon_tables)
    return Lexicons(triggers, gazetteer, clusters, names)


def _lexicon_tables() -> tuple[dict[str, tuple[str, ...]], dict[tuple[str, ...], str],
                               dict[str, tuple[str, ...]], dict[tuple[str, ...], str]]:
    lexicons = load_lexicons(data_dir())
    return lexicons.triggers, lexicons.gazetteer, lexicons.clusters, lexicons.kb_names


def tag_tokens(words: list[str]) -> list[str]:
    """Coarse BIO labels for one sentence of words; all ``O`` when no model is shipped."""
    tagger = load_tagger()
    if tagger is None:
        return ["O"] * len(words)
    return repair_bio(tagger.tag_batch([words])[0])


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


def find_mentions(doc: Document, tagger: NeuralTagger, subtypes: Subtypes) -> list[tuple[Span, str]]:
    """Typed mention spans the tagger finds in ``doc``, in text order."""
    found: list[tuple[Span, str]] = []
    text = doc.text
    groups = _sentence_tokens(doc)
    batch = tagger.tag_batch([[text[t.start:t.end] for t in toks] for toks in groups])
    for toks, labels in zip(groups, batch, strict=True):
        for coarse, a, b in sorted(chunks(repair_bio(labels)), key=lambda c: c[1]):
            while a < b and toks[a].kind in _EDGE_KINDS:
                a += 1
            while b > a and toks[b - 1].kind in _EDGE_KINDS:
                b -= 1
            if a == b or b - a > MAX_NAME_TOKENS:
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

def chunks(labels: Sequence[str]) -> set[tuple[str, int, int]]:
    """Entity chunks ``(type, start, end)`` as conlleval reads BIO: a stray ``I-`` opens a chunk."""
    found: set[tuple[str, int, int]] = set()
    kind = ""
    start = 0
    for i, label in enumerate([*labels, "O"]):
        prefix, _, this = label.partition("-")
        continues = prefix == "I" and this == kind
        if kind and not continues:
            found.add((kind, start, i))
            kind = ""
        if prefix in ("B", "I") and not continues:
            kind, start = this, i
    return found
