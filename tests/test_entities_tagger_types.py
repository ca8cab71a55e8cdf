"""How the tagger refines coarse labels into marsad's types and trims clitics (no model needed)."""

from __future__ import annotations

import pytest

import marsad
from marsad.core.document import Span
from marsad.stages.entities import trim_proclitics
from marsad.stages.entities.features import data_dir, read_rows
from marsad.stages.entities.tagger import clitic_offset, fine_type, repair_bio, shipped_subtypes
from marsad.text.keys import key
from marsad.text.tokens import find_tokens


@pytest.mark.parametrize(
    ("coarse", "mention", "expected"),
    [
        ("LOC", "روسيا", "GPE"),
        ("LOC", "بيونغ يانغ", "GPE"),
        ("LOC", "مطار بغداد الدولي", "FAC"),
        ("LOC", "قاعدة حميميم", "FAC"),
        ("LOC", "نهر النيل", "LOC"),
        ("LOC", "جبال الألب", "LOC"),
        ("LOC", "الشرق الأوسط", "LOC"),
        ("LOC", "شمال شرق آسيا", "LOC"),
        ("LOC", "شمال سوريا", "LOC"),
        ("LOC", "جنوب أفريقيا", "GPE"),  # a state in the gazetteer, not a part of Africa
        ("LOC", "جنوب السودان", "GPE"),
        ("LOC", "وآسيا", "LOC"),
        ("MISC", "الحرب العالمية الثانية", "EVENT"),
        ("MISC", "كأس العالم", "EVENT"),
        ("MISC", "الإسلام", "NORP"),
        ("MISC", "نوبل", "MISC"),
        ("PER", "شمال", "PER"),
        ("ORG", "مجلس الأمن", "ORG"),
    ],
)
def test_fine_type(coarse: str, mention: str, expected: str) -> None:
    assert fine_type(coarse, key(mention).split(), shipped_subtypes()) == expected


@pytest.mark.parametrize(
    ("word", "kept"),
    [
        ("وروسيا", "روسيا"),
        ("بموسكو", "موسكو"),
        ("لروسيا", "روسيا"),
        ("والصين", "الصين"),
        ("وبكين", "بكين"),  # و+ب, not و+ب+«كين»
        ("وبيونغ", "بيونغ"),  # not «يونغ», though «يونغ» is the commoner word
        ("لبيونغ", "بيونغ"),
        ("ولزيلينسكي", "زيلينسكي"),
        ("وللولايات", "للولايات"),  # لل keeps its ل: «لولايات» is no spelling of the name
        ("للأمم", "للأمم"),
        ("وفوستوشني", "فوستوشني"),  # an unknown name loses only the conjunction و
        ("فوستوشني", "فوستوشني"),  # ...and ف is not cut off one
        ("لبنان", "لبنان"),
        ("بغداد", "بغداد"),
        ("كوريا", "كوريا"),
    ],
)
def test_clitic_offset(word: str, kept: str) -> None:
    token = find_tokens(word)[0]
    assert word[clitic_offset(token, word):] == kept


@pytest.mark.parametrize(
    ("sentence", "tagged", "kept"),
    [
        ("وقال فوستوشني إن الطقس بارد.", "فوستوشني", "فوستوشني"),  # ف of a rare name stays
        ("وقال وفوستوشني إن الطقس بارد.", "فوستوشني", "فوستوشني"),  # the tagger's cut, kept as is
        ("قابل الوزير ومحمود درويش في المعرض.", "ومحمود درويش", "محمود درويش"),
        ("وصل الوفد بموسكو أمس.", "بموسكو", "موسكو"),
    ],
)
def test_stage_trims_a_tagged_span_once(sentence: str, tagged: str, kept: str) -> None:
    """The entities stage cuts clitics as the tagger does, so spans the tagger cut stay put."""
    doc = marsad.analyze(sentence, "2024-01-01", stages=("clean", "segment"))
    start = doc.text.index(tagged)
    assert doc.span_text(trim_proclitics(doc, Span(start, start + len(tagged)))) == kept


@pytest.mark.parametrize(
    ("labels", "repaired"),
    [
        (["O", "I-PER", "I-PER"], ["O", "B-PER", "I-PER"]),
        (["B-LOC", "I-ORG"], ["B-LOC", "B-ORG"]),
        (["B-ORG", "I-ORG", "O"], ["B-ORG", "I-ORG", "O"]),
    ],
)
def test_repair_bio(labels: list[str], repaired: list[str]) -> None:
    assert repair_bio(labels) == repaired


@pytest.mark.parametrize("name", ["triggers.tsv", "subtypes.tsv", "gazetteer.tsv", "clusters.tsv"])
def test_ner_lexicons_load(name: str) -> None:
    path = data_dir() / name
    if not path.is_file():
        pytest.skip(f"{name} is not shipped")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# "), "each data file starts with a comment naming source and licence"
    assert "icen" in text.split("\n\n")[0][:600], "the header names a licence"
    rows = read_rows(path)
    assert rows
    widths = {len(r) for r in rows}
    assert len(widths) == 1 and widths.pop() >= 2, f"{name}: every row has the same number of columns"
    assert all(all(cell.strip() == cell and cell for cell in r) for r in rows)
