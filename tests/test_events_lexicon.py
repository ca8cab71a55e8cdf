"""Event lexicons: every data file loads and is coherent, inflection is right, generated data is current."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from marsad.stages.events import lexicon
from marsad.text.resources import data_path

ROOT = Path(__file__).resolve().parent.parent

#: Triggers whose PLOVER type differs from the CAMEO2PLOVER table on purpose, and why.
TYPE_EXCEPTIONS = {
    "sign": "PLOVER codes signing as SUPPORT, promises to sign as AGREE; «وقّع اتفاقية» is an agreement",
    "signing": "as sign",
    "resign": "PLOVER has RETREAT/resign; the table files 0831 under CONCEDE",
    "resignation": "as resign",
    "apologize": "the PLOVER manual codes expressions of regret as CONCEDE; the table files 055 under SUPPORT",
    "sanction": "the table files 163 under COERCE/restrict; PLOVER's SANCTION covers imposed sanctions",
    "back_sanctions": "as sanction",
    "freeze_assets": "as sanction: the PLOVER manual codes asset freezes as SANCTION/discontinue",
    "sanction_noun": "as sanction",
    "embargo": "as sanction: the PLOVER manual codes embargoes as SANCTION/discontinue",
    "freeze_noun": "as freeze_assets",
    "blacklist": "as sanction: listing as terrorist freezes assets and bars dealings (163, SANCTION/discontinue)",
}
#: CAMEO codes used that the table leaves out (it starts at 02): 016 is CAMEO "deny responsibility".
NOT_IN_TABLE = {"016"}


@pytest.mark.parametrize(
    "name",
    [
        "events/triggers.tsv",
        "events/agents.tsv",
        "events/status_cues.yaml",
        "events/noun_context.yaml",
        "events/cameo_plover.tsv",
    ],
)
def test_data_file_starts_with_source_header(name: str) -> None:
    first = data_path(name).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ")


def test_all_lexicons_load() -> None:
    assert len(lexicon.triggers()) > 80
    assert lexicon.agents()
    assert set(lexicon.status_cues()) >= {"negated", "hypothetical", "planned", "reported", "complementizers"}
    assert lexicon.noun_context()["support_verbs"]
    assert lexicon.trigger_index()


def test_every_trigger_has_a_known_cameo_code_of_its_type() -> None:
    table = lexicon.cameo_plover()
    for trig in lexicon.triggers():
        if trig.cameo in NOT_IN_TABLE:
            continue
        assert trig.cameo in table, trig.concept
        if trig.concept not in TYPE_EXCEPTIONS:
            assert table[trig.cameo][0] == trig.type, (trig.concept, trig.cameo, table[trig.cameo])


def test_concepts_are_unique_and_every_plover_type_has_triggers() -> None:
    concepts = [t.concept for t in lexicon.triggers()]
    assert len(concepts) == len(set(concepts))
    assert {t.type for t in lexicon.triggers()} == set(lexicon.PLOVER_TYPES)


@pytest.mark.parametrize(
    ("form", "inflected"),
    [
        ("زار", "زارت"),
        ("زار", "زاروا"),
        ("زار", "زارا"),
        ("نفى", "نفت"),
        ("نفى", "نفوا"),
        ("يلتقي", "يلتقون"),
        ("يزور", "تزور"),
        ("يزور", "يزورون"),
        ("اتهم", "اتهمها"),
        ("يتهم", "تتهمان"),
    ],
)
def test_verb_inflection(form: str, inflected: str) -> None:
    assert inflected in {w for w, _ in lexicon.verb_inflections(form)}


def test_bare_object_pronoun_is_not_added_to_a_perfect_verb() -> None:
    # زاره would fold like وزارة (ministry) once و is off
    assert "زاره" not in {w for w, _ in lexicon.verb_inflections("زار")}


@pytest.mark.parametrize(
    ("form", "inflected"),
    [
        ("زيارة", "زيارته"),
        ("زيارة", "الزياره"),
        ("هجوم", "هجوما"),
        ("هجوم", "الهجوم"),
        ("اعتصام", "اعتصاما"),
    ],
)
def test_noun_inflection(form: str, inflected: str) -> None:
    assert inflected in set(lexicon.noun_inflections(form))


def test_cameo_table_is_current(shared_dir: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "build_event_cameo", ROOT / "scripts" / "build_event_cameo.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    source = shared_dir / "data" / "plover" / "CAMEO2PLOVER-2021.txt"
    expected = module.render(module.parse(source.read_text(encoding="utf-8")))
    assert data_path("events/cameo_plover.tsv").read_text(encoding="utf-8") == expected
