"""Readers for the Arabic NER training corpora, label mapping and CoNLL-style scoring.

Four corpora live in ``shared/data/ner/`` (see each README there): ANERcorp and AQMAR are raw
text, WikiFANE and NewsFANE are normalised and clitic-segmented.  Every reader returns
sentences in marsad's label set (``B-/I-`` with PER, LOC, ORG, MISC), and the FANE readers can
glue the split clitics back onto their words so that training sees words as raw news shows them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from marsad.stages.entities.tagger import chunks
from marsad.text.keys import fold

#: Share of ANERcorp train (its tail, in file order) held out as the main dev set, ``anercorp-dev``.
DEV_FRACTION = 0.1
TYPES = ("PER", "LOC", "ORG", "MISC")
LABELS = ("O", *(f"{p}-{t}" for t in TYPES for p in "BI"))

# Corpus-specific type names → ours.  AQMAR's MIS is broader than ANERcorp's MISC (events, works,
# species...), but both are "named, and neither person, place nor organisation".
_TYPE_MAP = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC", "MIS": "MISC"}

# Segmented clitics in the FANE corpora (README: separated و ف ب ل ك and pronoun suffixes).
_PROCLITIC_TOKENS = frozenset({"و", "ف", "ب", "ل", "ك"})
_SUFFIX_TOKENS = frozenset({"ه", "ها", "هم", "هما", "هن", "نا", "ي", "كم", "كن", "كما"})
# Invisible bidi marks some tokens carry (AQMAR README); a token made only of them is dropped.
_BIDI = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u200b\ufeff"))


@dataclass(frozen=True)
class Sentence:
    """One tagged sentence: words as a tokenizer would see them, with one label each."""

    words: tuple[str, ...]
    labels: tuple[str, ...]
    source: str


def map_label(tag: str) -> str:
    """A corpus tag (``B-PERS``, ``I-MIS``, ``O``...) in marsad's label set."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, _, kind = tag.partition("-")
    mapped = _TYPE_MAP.get(kind)
    if mapped is None or prefix not in ("B", "I"):
        return "O"
    return f"{prefix}-{mapped}"


def read_conll(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Token/tag pairs of each blank-line-separated sentence (tag in the last column)."""
    rows: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if rows:
                    yield rows
                    rows = []
                continue
            word, _, tag = line.rpartition("\t" if "\t" in line else " ")
            word = word.translate(_BIDI).strip()
            if word:
                rows.append((word, tag.strip()))
    if rows:
        yield rows


def _sentences(path: Path, source: str) -> list[Sentence]:
    out = []
    for rows in read_conll(path):
        words = tuple(w for w, _ in rows)
        labels = tuple(map_label(t) for _, t in rows)
        out.append(Sentence(words, labels, source))
    return out


def _join_suffix(word: str, suffix: str) -> str:
    # Before a pronoun the ta marbuta is written ت: عاصمة + ها → عاصمتها.
    if word.endswith("ة"):
        word = word[:-1] + "ت"
    return word + suffix


def _join_proclitic(prefix: str, word: str) -> str:
    # ل + ال is written لل: ل + الحكومة → للحكومة.
    if prefix.endswith("ل") and word.startswith("ال"):
        return prefix + word[1:]
    return prefix + word


def _is_word(token: str) -> bool:
    return any(ch.isalpha() for ch in token)


def rejoin(words: Sequence[str], labels: Sequence[str]) -> tuple[list[str], list[str]]:
    """Glue segmented clitics back onto their word; the joined word keeps the stem's label."""
    out_w: list[str] = []
    out_l: list[str] = []
    pending = ""
    for i, (word, label) in enumerate(zip(words, labels, strict=True)):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word in _PROCLITIC_TOKENS and _is_word(nxt) and label == "O":
            pending += word
            continue
        if word in _SUFFIX_TOKENS and out_w and _is_word(out_w[-1]) and not pending:
            out_w[-1] = _join_suffix(out_w[-1], word)
            continue
        out_w.append(_join_proclitic(pending, word))
        out_l.append(label)
        pending = ""
    if pending:  # a stray clitic at the very end stays a word of its own
        out_w.append(pending)
        out_l.append("O")
    return out_w, out_l


def read_anercorp(root: Path) -> list[Sentence]:
    """ANERcorp train (CAMeL split), in file order."""
    return _sentences(root / "anercorp" / "train.txt", "anercorp")


def read_aqmar(root: Path, part: str = "train") -> list[Sentence]:
    """AQMAR ``train`` or ``dev``."""
    return _sentences(root / "aqmar" / f"{part}.txt", f"aqmar-{part}")


def read_fane(root: Path, name: str, *, join_clitics: bool = True) -> list[Sentence]:
    """WikiFANE or NewsFANE (4-class view), with clitics glued back on unless told otherwise."""
    sentences = _sentences(root / name / "train.txt", name)
    if not join_clitics:
        return sentences
    out = []
    for s in sentences:
        words, labels = rejoin(s.words, s.labels)
        out.append(Sentence(tuple(words), tuple(labels), s.source))
    return out


def split_tail(sentences: Sequence[Sentence], fraction: float) -> tuple[list[Sentence], list[Sentence]]:
    """Train and dev parts: the dev part is the last ``fraction`` of the sentences (file order)."""
    cut = len(sentences) - round(len(sentences) * fraction)
    return list(sentences[:cut]), list(sentences[cut:])


def load_training(
    data: Path, corpora: Sequence[str], *, join_clitics: bool, holdout: bool, cap: int = 0
) -> tuple[list[Sentence], dict[str, list[Sentence]]]:
    """Training sentences of the chosen corpora, and the dev sets.

    ``holdout`` keeps the tail of ANERcorp train out as ``anercorp-dev``.  AQMAR dev is never
    trained on: it is a dev set whenever ANERcorp's is held out or AQMAR is among the corpora
    (the one check left on a model trained on all of ANERcorp).
    """
    train: list[Sentence] = []
    dev: dict[str, list[Sentence]] = {}
    anercorp = read_anercorp(data)
    aner_train, aner_dev = split_tail(anercorp, DEV_FRACTION) if holdout else (anercorp, [])
    if holdout:
        dev["anercorp-dev"] = aner_dev
    if holdout or "aqmar" in corpora:
        dev["aqmar-dev"] = read_aqmar(data, "dev")
    if "anercorp" in corpora:
        train += aner_train
    if "aqmar" in corpora:
        train += read_aqmar(data, "train")[:cap or None]
    for name in ("wikifane", "newsfane"):
        if name in corpora:
            train += read_fane(data, name, join_clitics=join_clitics)[:cap or None]
    if holdout and "newsfane" in corpora:
        train = drop_overlap(train, aner_dev)
    return train, dev


def drop_overlap(train: list[Sentence], dev: list[Sentence]) -> list[Sentence]:
    """Drop NewsFANE sentences whose text is ANERcorp's dev text (same articles, re-tokenised)."""
    def shingles(words: Sequence[str]) -> set[str]:
        text = fold("".join(w for w in words if any(c.isalpha() for c in w)))
        return {text[i:i + 8] for i in range(max(0, len(text) - 7))}

    dev_sh: set[str] = set()
    for s in dev:
        dev_sh |= shingles(s.words)
    kept = []
    for s in train:
        if s.source == "newsfane":
            sh = shingles(s.words)
            if sh and len(sh & dev_sh) * 2 >= len(sh):
                continue
        kept.append(s)
    return kept




@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 from true positive, gold and predicted counts."""

    tp: int
    gold: int
    pred: int

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(
    pairs: Iterable[tuple[Sequence[str], Sequence[str]]], types: Sequence[str] = TYPES
) -> dict[str, Score]:
    """Exact-match entity scores per type, plus ``micro`` (over ``types``) and ``micro-PLO``."""
    counts = {t: [0, 0, 0] for t in TYPES}
    for gold, pred in pairs:
        g, p = chunks(gold), chunks(pred)
        for kind, *_ in g:
            if kind in counts:
                counts[kind][1] += 1
        for chunk in p:
            if chunk[0] in counts:
                counts[chunk[0]][2] += 1
                counts[chunk[0]][0] += chunk in g
    scores = {t: Score(*c) for t, c in counts.items()}

    def total(kinds: Sequence[str]) -> Score:
        return Score(*(sum(counts[k][i] for k in kinds) for i in range(3)))

    scores["micro"] = total(types)
    scores["micro-PLO"] = total(("PER", "LOC", "ORG"))
    return scores
