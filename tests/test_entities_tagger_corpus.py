"""NER corpus readers, label mapping, clitic re-joining and CoNLL-style scoring (no model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from training import ner_corpus as nc


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("B-PERS", "B-PER"),  # ANERcorp
        ("I-PER", "I-PER"),  # AQMAR, FANE
        ("B-MIS", "B-MISC"),  # AQMAR
        ("I-LOC", "I-LOC"),
        ("B-ORG", "B-ORG"),
        ("O", "O"),
        ("B-WEIRD", "O"),
        ("X-PER", "O"),
    ],
)
def test_map_label(tag: str, expected: str) -> None:
    assert nc.map_label(tag) == expected


@pytest.mark.parametrize(
    ("words", "labels", "joined", "joined_labels"),
    [
        # و + روسيا → وروسيا keeps the name's label
        (["و", "روسيا", "و", "الصين"], ["O", "B-LOC", "O", "B-LOC"],
         ["وروسيا", "والصين"], ["B-LOC", "B-LOC"]),
        # ل + الحكومة → للحكومة
        (["ل", "الحكومة", "العراقية"], ["O", "O", "O"], ["للحكومة", "العراقية"], ["O", "O"]),
        # عاصمة + ها → عاصمتها (ta marbuta before a pronoun)
        (["عاصمة", "ها", "بغداد"], ["O", "O", "B-LOC"], ["عاصمتها", "بغداد"], ["O", "B-LOC"]),
        # a clitic before punctuation is not glued to it
        (["قال", "و", "."], ["O", "O", "O"], ["قال", "و", "."], ["O", "O", "O"]),
    ],
)
def test_rejoin_glues_segmented_clitics(
    words: list[str], labels: list[str], joined: list[str], joined_labels: list[str]
) -> None:
    assert nc.rejoin(words, labels) == (joined, joined_labels)


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], {("PER", 0, 2), ("LOC", 3, 4)}),
        (["O", "I-ORG", "I-ORG"], {("ORG", 1, 3)}),  # a stray I- opens a chunk (conlleval)
        (["B-PER", "I-LOC"], {("PER", 0, 1), ("LOC", 1, 2)}),
        (["B-LOC", "B-LOC"], {("LOC", 0, 1), ("LOC", 1, 2)}),
        ([], set()),
    ],
)
def test_chunks(labels: list[str], expected: set[tuple[str, int, int]]) -> None:
    assert nc.chunks(labels) == expected


def test_evaluate_counts_exact_matches_only() -> None:
    gold = ["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"]
    pred = ["B-PER", "O", "O", "B-LOC", "O", "B-LOC"]
    scores = nc.evaluate([(gold, pred)])
    assert (scores["LOC"].tp, scores["LOC"].gold, scores["LOC"].pred) == (1, 1, 2)
    assert scores["PER"].tp == 0 and scores["PER"].gold == 1
    assert scores["micro-PLO"].precision == pytest.approx(1 / 3)
    assert scores["micro-PLO"].recall == pytest.approx(1 / 3)


def test_read_conll_drops_bidi_marks(tmp_path: Path) -> None:
    path = tmp_path / "tiny.txt"
    path.write_text("زار B-PER\n\u200f O\nبغداد\u200f B-LOC\n\nقال O\n", encoding="utf-8")
    assert list(nc.read_conll(path)) == [[("زار", "B-PER"), ("بغداد", "B-LOC")], [("قال", "O")]]


def test_split_tail_holds_out_the_end() -> None:
    sentences = [nc.Sentence((str(i),), ("O",), "x") for i in range(10)]
    train, dev = nc.split_tail(sentences, 0.2)
    assert [s.words[0] for s in dev] == ["8", "9"] and len(train) == 8


def test_shared_corpora_read_with_our_labels(shared_dir: Path) -> None:
    data = shared_dir / "data" / "ner"
    anercorp = nc.read_anercorp(data)
    assert len(anercorp) == 3973
    labels = {label for s in anercorp[:500] for label in s.labels}
    assert labels <= set(nc.LABELS) and "B-PER" in labels
    aqmar = nc.read_aqmar(data, "dev")
    assert all(len(s.words) == len(s.labels) for s in aqmar)
