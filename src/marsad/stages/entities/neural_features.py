"""Integer inputs of the neural NER tagger: what it sees of each word and of its sentence.

Per word type (cached): its folded form and its clitic-free key as rows of the pretrained word
vectors, its letters for the character CNN, shape, frequency bucket, clitic roles, trigger-word
concepts and distributional cluster.  Per sentence: the longest gazetteer and knowledge-base name
matches over each word, the distance back to an organisation head word and the sentence's topic.
The same code feeds training (``scripts/train_ner_neural.py``, with torch) and tagging (numpy),
so both see identical inputs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from marsad.stages.entities.features import (
    MAX_GAZ_WORDS,
    MAX_KB_WORDS,
    ORG_HEAD_WINDOW,
    TOPIC_CONCEPTS,
    Lexicons,
    longest_marks,
    word_key,
    word_shape,
    zipf_bucket,
)
from marsad.text.keys import analyse, fold, lookup_form

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float32]
#: Letters of a word the character CNN reads: names and their affixes fit, longer tokens are cut.
MAX_CHARS = 16
#: Index 0 of every vocabulary pads; index 1 stands for anything unseen.
PAD, UNK = 0, 1
#: Words whose inputs are kept between sentences (a news day has well under this many types).
MAX_CACHED_WORDS = 200_000
#: The static integer inputs of one word, in column order (``WordInputs.ids``).
STATIC_COLUMNS = ("word", "key", "shape", "zipf", "roles", "cluster")
#: The per-sentence integer inputs of one word (``SentenceInputs.context``).
CONTEXT_COLUMNS = ("gaz", "kb", "orghead")
_DIGIT = re.compile(r"\d")


def embed_key(token: str) -> str:
    """How the word vectors see a token: folded letters, every digit as 0 (years share a vector)."""
    return _DIGIT.sub("0", fold(token))


@dataclass(frozen=True)
class Vocabularies:
    """String → index tables of each input, stored with the weights (0 pads, 1 is unknown)."""

    words: dict[str, int]
    chars: dict[str, int]
    shapes: dict[str, int]
    zipfs: dict[str, int]
    roles: dict[str, int]
    clusters: dict[str, int]
    triggers: tuple[str, ...]
    marks: dict[str, int]
    domains: dict[str, int]

    @staticmethod
    def table(items: Sequence[str]) -> dict[str, int]:
        """An index table for ``items`` after the pad and unknown slots."""
        return {item: i + 2 for i, item in enumerate(items)}


@dataclass(frozen=True)
class WordInputs:
    """Words' own inputs as arrays: ids ``(n, 6)`` in ``STATIC_COLUMNS`` order, letters
    ``(n, MAX_CHARS)`` and trigger-concept flags ``(n, len(triggers))``."""

    ids: IntArray
    chars: IntArray
    triggers: FloatArray


@dataclass(frozen=True)
class SentenceInputs:
    """What a sentence adds to its words: ids ``(n, 3)`` in ``CONTEXT_COLUMNS`` order and the
    sentence's topic flags ``(len(topics),)``."""

    context: IntArray
    topics: FloatArray


@dataclass(frozen=True)
class _Word:
    ids: tuple[int, ...]
    chars: tuple[int, ...]
    triggers: tuple[float, ...]
    key: str
    org_head: bool
    punct: bool
    topics: frozenset[str]


class Featurizer:
    """Turns sentences of raw words into ``SentenceInputs`` for one set of vocabularies."""

    def __init__(self, lexicons: Lexicons, vocab: Vocabularies) -> None:
        self.lexicons = lexicons
        self.vocab = vocab
        self.topics = tuple(sorted(set(TOPIC_CONCEPTS.values())))
        self._cache: dict[str, _Word] = {}
        self._gaz_firsts = frozenset(name[0] for name in lexicons.gazetteer)
        self._kb_firsts = frozenset(name[0] for name in lexicons.kb_names)

    def word(self, word: str) -> _Word:
        info = self._cache.get(word)
        if info is None:
            if len(self._cache) >= MAX_CACHED_WORDS:
                self._cache.clear()  # a long-running worker must not grow without bound
            info = self._cache[word] = self._word(word)
        return info

    def _word(self, word: str) -> _Word:
        v = self.vocab
        key = word_key(word)
        shape = word_shape(word)
        zipf = zipf_bucket(lookup_form(word)) if shape == "arabic" else shape
        roles = "+".join(role for _, _, role in analyse(word) if role != "stem") or "-"
        concepts = self.lexicons.triggers.get(key, ())
        clusters = self.lexicons.clusters.get(key, ())
        folded = embed_key(word)
        ids = (
            v.words.get(folded, UNK), v.words.get(embed_key(key), UNK), v.shapes.get(shape, UNK),
            v.zipfs.get(zipf, UNK), v.roles.get(roles, UNK),
            v.clusters.get(clusters[-1], UNK) if clusters else PAD,
        )
        chars = tuple(v.chars.get(ch, UNK) for ch in folded[:MAX_CHARS])
        return _Word(
            ids, chars, tuple(float(t in concepts) for t in v.triggers), key,
            org_head="org_head" in concepts, punct=shape == "punct",
            topics=frozenset(TOPIC_CONCEPTS[c] for c in concepts if c in TOPIC_CONCEPTS),
        )

    def words(self, words: Sequence[str]) -> WordInputs:
        """The own inputs of ``words`` (any words: the tagger asks only for uncached ones)."""
        infos = [self.word(w) for w in words]
        n = len(infos)
        chars = np.zeros((n, MAX_CHARS), dtype=np.int64)
        for i, info in enumerate(infos):
            chars[i, :len(info.chars)] = info.chars
        return WordInputs(
            np.array([i.ids for i in infos], dtype=np.int64).reshape(n, len(STATIC_COLUMNS)),
            chars,
            np.array([i.triggers for i in infos], dtype=np.float32).reshape(n, len(self.vocab.triggers)),
        )

    def sentence(self, words: Sequence[str]) -> SentenceInputs:
        """Name marks and organisation-head distance of each word, and the sentence's topics."""
        infos = [self.word(w) for w in words]
        keys = [i.key for i in infos]
        marks = self.vocab.marks
        gaz = longest_marks(keys, self.lexicons.gazetteer, MAX_GAZ_WORDS, "g", self._gaz_firsts)
        kb = longest_marks(keys, self.lexicons.kb_names, MAX_KB_WORDS, "k", self._kb_firsts)
        rows: list[tuple[int, int, int]] = []
        last_head = -ORG_HEAD_WINDOW - 1
        topics: set[str] = set()
        for i, info in enumerate(infos):
            if info.punct:
                last_head = -ORG_HEAD_WINDOW - 1  # a comma or bracket ends the name
            distance = i - last_head if i - last_head <= ORG_HEAD_WINDOW else 0
            rows.append((marks.get(gaz[i], PAD), marks.get(kb[i], PAD), distance + 1))
            if info.org_head:
                last_head = i
            topics |= info.topics
        return SentenceInputs(
            np.array(rows, dtype=np.int64).reshape(len(infos), len(CONTEXT_COLUMNS)),
            np.array([float(t in topics) for t in self.topics], dtype=np.float32),
        )
