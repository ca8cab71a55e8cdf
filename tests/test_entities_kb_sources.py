"""The knowledge base built from public gazetteers and name lists: places with coordinates,
places named but not linked, persons of the actor dictionary, and the regenerate check."""

from __future__ import annotations

import functools
import importlib.util
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import entity_by_mention, kb_reading, tagged_reading
from marsad.core.document import Span
from marsad.stages.entities import kb as kbmod
from marsad.stages.entities.kb import read_table

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT.parent / "shared" / "data"

_tagged = functools.partial(tagged_reading, published="2016-01-01")


@pytest.mark.parametrize(("text", "mention", "name_en", "country"), [
    ("وصل الوفد إلى أبها قادما من الطائف.", "أبها", "Abha", "SAU"),
    ("وزار المحافظ الهفوف في الأحساء.", "الهفوف", "Hofuf", "SAU"),
    ("توجه آلاف الزوار إلى كربلاء لإحياء المناسبة.", "كربلاء", "Karbala", "IRQ"),
])
def test_gazetteer_links_a_place_the_tagger_found_with_coordinates(text: str, mention: str, name_en: str,
                                                                   country: str) -> None:
    entity = entity_by_mention(_tagged(text, [(mention, "GPE")]))[mention]
    assert (entity.name_en, entity.country, entity.type) == (name_en, country, "GPE")
    assert entity.wikidata is not None and entity.wikidata.startswith("Q")
    assert entity.lat is not None and entity.lon is not None


def test_gazetteer_names_are_not_matched_without_the_tagger() -> None:
    # Places' names are words and parts of other names: without the tagger's say, only a populous
    # place of a state the article names is matched.
    assert "أبها" not in entity_by_mention(kb_reading("وصل الوفد إلى أبها قادما من الطائف."))


@pytest.mark.parametrize(("text", "mention", "name_en"), [
    ("وأعلنت وزارة الداخلية السعودية أن الوفد وصل إلى أبها قادما من جدة.", "أبها", "Abha"),
    ("وقال مسؤول عسكري في اليمن إن المعارك مستمرة في تعز ولحج.", "تعز", "Ta'izz"),
])
def test_a_populous_place_of_a_state_the_article_names_is_matched(text: str, mention: str, name_en: str) -> None:
    entity = entity_by_mention(kb_reading(text, "2015-08-01"))[mention]
    assert (entity.type, entity.name_en) == ("GPE", name_en)
    assert entity.lat is not None


@pytest.mark.parametrize(("text", "word"), [
    ("وتصاعد الدخان الرمادي من المصنع في العراق.", "الرمادي"),  # grey smoke, not Ramadi
    ("وتواصل معه عبر بريده الإلكتروني في السعودية.", "بريده"),  # his mail, not Buraidah
])
def test_a_place_name_written_as_a_word_is_not_matched(text: str, word: str) -> None:
    assert word not in entity_by_mention(kb_reading(text, "2015-08-01"))


def test_actor_list_links_a_person_the_tagger_found() -> None:
    doc = _tagged("وقال هادي العامري إن القوات تتقدم.", [("هادي العامري", "PER")])
    entity = entity_by_mention(doc)["هادي العامري"]
    assert (entity.kb_id, entity.country, entity.name_en) == ("up:hadi_al_ameri", "IRQ", "Hadi al-Ameri")


def test_every_linked_place_has_coordinates_in_the_output() -> None:
    doc = _tagged("اجتمع وزراء من السعودية ومصر في الرياض ثم في القاهرة وأبها.", [("أبها", "GPE")])
    places = [e for e in doc.entities if e.type in ("GPE", "LOC") and e.kb_id]
    assert {e.name_en for e in places} >= {"Saudi Arabia", "Egypt", "Riyadh", "Cairo", "Abha"}
    for entity in places:
        record = entity.to_json(doc.text)
        assert isinstance(record["lat"], float) and isinstance(record["lon"], float), entity


def test_place_without_coordinates_is_named_but_not_linked() -> None:
    from marsad.stages.entities.link import to_entity
    entity = to_entity(kbmod.load(), None, "GPE", [Span(0, 9)], "شرم الشيخ", None)
    assert (entity.name_en, entity.country, entity.kb_id, entity.wikidata) == (
        "Sharm el-Sheikh", "EGY", None, None)


def test_actor_dictionary_persons_have_a_state() -> None:
    kb = kbmod.load()
    actors = [e for e in kb.entries.values() if e.kind == "actor"]
    assert len(actors) > 300
    assert all(e.type == "PER" and e.country for e in actors)


def test_generated_names_stay_out_of_the_taggers_inputs() -> None:
    from marsad.stages.entities.features import kb_names
    names = kb_names()
    assert ("ابها",) not in names  # a gazetteer place: the tagger was trained without it
    assert ("الكرملين",) in names


def test_knowledge_base_loads_in_under_a_second() -> None:
    start = time.process_time()  # CPU time: a machine shared with other jobs does not count
    kbmod.build()  # from the data files, as on a first run (later runs read the on-disk cache)
    assert time.process_time() - start < 1.0


def test_gazetteer_rows_are_ordered_most_populous_first() -> None:
    rows = [r for r in read_table("gazetteer.tsv") if r["names_ar"] == "الرياض"]
    populations = [int(r["population"] or 0) for r in rows]
    assert populations == sorted(populations, reverse=True)
    assert rows[0]["name_en"] == "Riyadh" and rows[0]["country"] == "SAU"


_HAVE_SOURCES = (SOURCES / "kb-sources").is_dir() and importlib.util.find_spec("arabic_name_romanizer")


@pytest.mark.skipif(not _HAVE_SOURCES, reason="the source lists and arabic-name-romanizer build these files")
def test_generated_files_match_their_sources() -> None:
    script = ROOT / "scripts" / "build_kb_sources.py"
    result = subprocess.run([sys.executable, str(script), "--check", "--sources", str(SOURCES)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("kb_id", ["place:middle_east", "place:red_sea", "place:gaza_strip", "place:kaaba", "PSE"])
def test_regions_seas_and_states_have_a_point(kb_id: str) -> None:
    entry = kbmod.load().entries[kb_id]
    assert entry.lat is not None and entry.lon is not None
    assert -90 <= entry.lat <= 90 and -180 <= entry.lon <= 180


@pytest.mark.parametrize(("text", "mention", "name_en"), [
    ("وأشاد أمير منطقة عسير بجهود رجال الأمن.", "عسير", "Asir"),
    ("وهطلت أمطار غزيرة على منطقة القصيم أمس.", "القصيم", "Qassim"),
])
def test_a_province_is_linked_with_the_point_of_its_seat(text: str, mention: str, name_en: str) -> None:
    entity = entity_by_mention(kb_reading(text))[mention]
    assert (entity.name_en, entity.kb_id is not None, entity.wikidata) == (name_en, True, None)
    assert entity.lat is not None and entity.lon is not None


def test_an_actor_keeps_its_id_when_the_spelling_of_its_name_improves() -> None:
    # The id was made from the Maghreb spelling (Chikh) before names took the Gulf's (Sheik):
    # stores and event tables keep ids, so the rebuilt list keeps the id it shipped with.
    entry = kbmod.load().entries["up:abdulaziz_al_chikh"]
    assert entry.name_en == "Abdulaziz Al Sheik" and entry.country == "SAU"
