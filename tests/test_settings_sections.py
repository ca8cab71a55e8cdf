"""Every stage reads its own section of the settings: validated, and reachable from the library,
the command line (``--set``) and the REST API (``settings``)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import marsad
from marsad.core.errors import SettingsError
from marsad.core.settings import EntitiesSettings, EventsSettings, Settings
from marsad.shells.cli.main import main
from marsad.stages.clean import GLUE_SUPPORT
from marsad.stages.entities.link import FUZZY_MIN
from marsad.stages.events.filter import ARTICLE_THRESHOLDS, THRESHOLDS
from marsad.stages.temporal import ANCHOR_REACH
from marsad.text.keys import PREP_RATIO

#: عثمان ميرغني الطيب is in no knowledge base: only the tagger finds him.
UNKNOWN_PERSON = "وقال الباحث السوداني عثمان ميرغني الطيب للصحفيين في الخرطوم إن الوضع يزداد سوءا."
#: A protest the learned filter reads as reported (probability under 1.0).
PROTEST = "وتظاهر آلاف الطلاب في الخرطوم احتجاجا على ارتفاع أسعار الخبز."
#: A charge in court: the rules find an ASSAULT, the filter drops it.
CHARGE = "ووجهت المحكمة لهما 51 تهمة تتراوح بين جرائم ضد الإنسانية وقتل واغتصاب."
#: قبل يوم واحد من الاجتماع is dated from the day named earlier in its sentence, 35 characters before it.
ANCHORED = "عقد المؤتمر يوم 15 يونيو، ورفض بوتين الجهود قبل يوم واحد من الاجتماع"
#: الماضيوسافر is الماضي + وسافر glued by a lost link; بيبروايت is one transliterated name.
GLUED = "عاد الأسبوع الماضيوسافر إلى لندن لحضور حفل بيبروايت."
#: بيونغ is a name, not ب + يونغ, only because the rest must be PREP_RATIO times likelier.
PYONGYANG = "وصل الوفد إلى بيونغ يانغ أمس."


def _analyze(text: str, settings: Settings) -> marsad.Document:
    return marsad.analyze(text, "2024-06-17", settings=settings)


@pytest.mark.parametrize(("values", "message"), [
    ({"events": {"protest_threshold": 1.5}}, "E200 events.protest_threshold must be a number from 0.0 to 1.0, got 1.5"),
    ({"events": {"protest_threshold": "high"}},
     "events.protest_threshold must be a number from 0.0 to 1.0, got 'high'"),
    ({"events": {"protest_threshold": float("nan")}}, "events.protest_threshold must be a number"),
    ({"events": {"thresold": 0.5}},
     "unknown setting(s) events.thresold; allowed in events: learned_filter, assault_threshold, protest_threshold, "
     "article_assault_threshold, article_protest_threshold"),
    ({"entities": {"tagger": "no"}}, "entities.tagger must be true or false, got 'no'"),
    ({"entities": {"fuzzy_min": 101}}, "entities.fuzzy_min must be a number from 0.0 to 100.0, got 101"),
    ({"temporal": {"anchor_reach": 2.5}}, "temporal.anchor_reach must be a whole number ≥ 0, got 2.5"),
    ({"temporal": {"anchor_reach": -1}}, "temporal.anchor_reach must be a whole number ≥ 0, got -1"),
    ({"segment": {"prep_ratio": 0.5}}, "segment.prep_ratio must be a number ≥ 1.0, got 0.5"),
    ({"quotes": {"anything": 1}}, "unknown setting(s) quotes.anything; allowed in quotes: unattributed_as_quotes"),
    ({"clean": {"glue_min_zipf": 9}}, "clean.glue_min_zipf must be a number from 0.0 to 8.0, got 9"),
    ({"events": [0.5]}, "events must be a mapping of settings (learned_filter, assault_threshold, protest_threshold, "
                      "article_assault_threshold, article_protest_threshold)"),
])
def test_a_bad_section_value_is_one_line_naming_section_key_value_and_range(
        values: dict[str, object], message: str) -> None:
    with pytest.raises(SettingsError) as info:
        Settings.from_mapping(values)
    assert message in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(SettingsError):
        Settings(**values)  # type: ignore[arg-type]


def test_sections_take_a_mapping_or_the_section_and_default_to_the_tuned_constants() -> None:
    default = Settings()
    assert (default.events.assault_threshold, default.events.protest_threshold) == (
        THRESHOLDS["ASSAULT"], THRESHOLDS["PROTEST"]) and default.events.learned_filter is True
    assert (default.events.article_assault_threshold, default.events.article_protest_threshold) == (
        ARTICLE_THRESHOLDS["ASSAULT"], ARTICLE_THRESHOLDS["PROTEST"])
    assert default.entities.tagger is True and default.entities.fuzzy_min == FUZZY_MIN
    assert default.temporal.anchor_reach == ANCHOR_REACH and default.segment.prep_ratio == PREP_RATIO
    assert (default.clean.glue_min_zipf, default.clean.glue_min_zipf_clitic,
            default.clean.glue_min_zipf_final) == GLUE_SUPPORT
    by_mapping = Settings(entities={"tagger": False}, events={"protest_threshold": 1})  # type: ignore[arg-type]
    assert by_mapping.entities == EntitiesSettings(tagger=False)
    assert by_mapping.events.protest_threshold == 1.0 and isinstance(by_mapping.events.protest_threshold, float)
    assert Settings(events=EventsSettings(protest_threshold=0.5)).events.protest_threshold == 0.5
    changed = by_mapping.with_sections({"events": {"learned_filter": False}})
    assert changed.events == EventsSettings(learned_filter=False, protest_threshold=1.0)  # threshold kept


def test_with_assignments_reads_values_as_json_and_sets_top_level_settings_too() -> None:
    s = Settings().with_assignments(["events.protest_threshold=0.5", "entities.tagger=false", "jobs=2",
                                     "stages=clean,segment", "temporal.anchor_reach=10"])
    assert (s.events.protest_threshold, s.entities.tagger, s.jobs, s.stages, s.temporal.anchor_reach) == (
        0.5, False, 2, ("clean", "segment"), 10)


@pytest.mark.parametrize(("assignment", "message"), [
    ("events.protest_threshold", "is not NAME=VALUE"),
    ("teleport.speed=3", "unknown settings section(s) teleport; sections: clean, segment"),
    ("events=0.5", "events is a section; set one of its keys: events.learned_filter, "
                    "events.assault_threshold, events.protest_threshold"),
    ("colour=red", "unknown setting(s) colour"),
    # A setting of an earlier release names what replaced it.
    ("events.threshold=0.4", "events.threshold is now two settings, events.assault_threshold and "
                             "events.protest_threshold"),
])
def test_a_bad_assignment_is_one_line(assignment: str, message: str) -> None:
    with pytest.raises(SettingsError) as info:
        Settings().with_assignments([assignment])
    assert message in str(info.value) and "\n" not in str(info.value)


def test_without_the_tagger_an_unknown_person_is_not_found() -> None:
    def entities(settings: Settings) -> set[tuple[str, str]]:
        doc = _analyze(UNKNOWN_PERSON, settings)
        return {(doc.span_text(e.mentions[0]), e.type) for e in doc.entities}

    found = entities(Settings())
    without = entities(Settings(entities={"tagger": False}))  # type: ignore[arg-type]
    assert ("عثمان ميرغني الطيب", "PER") in found
    assert without == found - {("عثمان ميرغني الطيب", "PER")} and ("الخرطوم", "GPE") in without


@pytest.mark.parametrize(("text", "events", "expected"), [
    (PROTEST, {}, ["PROTEST"]),  # the verb and its noun are one protest; «احتجاجا على» is no second one
    (PROTEST, {"protest_threshold": 1.0}, []),                   # no sentence is that certain
    (CHARGE, {}, []),
    (CHARGE, {"assault_threshold": 0.0}, ["ASSAULT"]),           # everything the rules find passes
    (CHARGE, {"learned_filter": False}, ["ASSAULT"]),
])
def test_the_events_section_decides_what_the_learned_filter_keeps(
        text: str, events: dict[str, object], expected: list[str]) -> None:
    doc = _analyze(text, Settings(events=events))  # type: ignore[arg-type]
    assert [e.type for e in doc.events if e.type in ("ASSAULT", "PROTEST")] == expected


def test_anchor_reach_bounds_how_far_back_an_anchored_date_looks() -> None:
    def dates(reach: int) -> list[tuple[str, str | None, str]]:
        doc = _analyze(ANCHORED, Settings(temporal={"anchor_reach": reach}))  # type: ignore[arg-type]
        return [(doc.span_text(d.span), d.value, d.kind) for d in doc.dates]

    assert ("قبل يوم واحد", "2024-06-14", "point") in dates(ANCHOR_REACH)
    assert ("يوم واحد", "P1D", "duration") in dates(0)


def test_prep_ratio_decides_whether_a_lone_preposition_is_split_off() -> None:
    def pieces(ratio: float) -> tuple[tuple[int, int, str], ...]:
        doc = _analyze(PYONGYANG, Settings(segment={"prep_ratio": ratio}))  # type: ignore[arg-type]
        return next(t.pieces for t in doc.tokens if doc.text[t.start:t.end] == "بيونغ")

    assert pieces(PREP_RATIO) == ()
    assert pieces(1.0) == ((0, 1, "prep"), (1, 5, "stem"))
    assert pieces(PREP_RATIO) == ()  # the default's token cache is not touched by another ratio


@pytest.mark.parametrize(("clean", "text"), [
    ({}, "عاد الأسبوع الماضي وسافر إلى لندن لحضور حفل بيبروايت."),
    ({"glue_min_zipf_clitic": 8.0}, GLUED),                          # no half is that frequent
    ({"glue_min_zipf": 2.0, "glue_min_zipf_clitic": 2.0},             # too little support:
     "عاد الأسبوع الماضي وسافر إلى لندن لحضور حفل بيبر وايت."),       # the name falls apart
])
def test_the_clean_section_sets_how_much_support_a_glued_word_split_needs(
        clean: dict[str, object], text: str) -> None:
    assert _analyze(GLUED, Settings(clean=clean)).text == text  # type: ignore[arg-type]


def test_cli_set_changes_the_output() -> None:
    def events(*options: str) -> list[str]:
        result = CliRunner().invoke(main, ["analyze", "-", "--published", "2024-06-17", *options], input=PROTEST)
        assert result.exit_code == 0, result.output
        return [e["type"] for e in json.loads(result.stdout)["events"]]

    assert "PROTEST" in events()
    assert "PROTEST" not in events("--set", "events.protest_threshold=1.0")
    assert "PROTEST" in events("--set", "events.protest_threshold=1.0", "--set", "events.learned_filter=false")


@pytest.mark.parametrize(("command", "assignment", "needle"), [
    ("analyze", "events.protest_threshold=2", "events.protest_threshold must be a number from 0.0 to 1.0, got 2"),
    ("analyze", "entities.taggr=false", "unknown setting(s) entities.taggr"),
    ("events", "events.protest_threshold", "is not NAME=VALUE"),
    ("ingest", "temporal.anchor_reach=far", "temporal.anchor_reach must be a whole number"),
])
def test_cli_a_bad_set_is_one_line_and_exit_1(command: str, assignment: str, needle: str) -> None:
    result = CliRunner().invoke(main, [command, "-", "--set", assignment], input=PROTEST)
    assert result.exit_code == 1
    assert result.output.startswith("marsad: E200 ") and result.output.strip().count("\n") == 0
    assert needle in result.output and "Traceback" not in result.output


def test_serve_set_gives_the_server_wide_defaults() -> None:
    from marsad.shells.cli.web import serve_settings

    assert serve_settings(None, None, False, ("events.protest_threshold=0.9",)).events.protest_threshold == 0.9
    with pytest.raises(SettingsError):
        serve_settings(None, None, False, ("events.protest_threshold=9",))


def test_api_analyze_takes_stage_settings(public_analyser: TestClient) -> None:
    def types(settings: dict[str, object] | None) -> list[str]:
        answer = public_analyser.post("/analyze", json={"text": PROTEST, "published": "2024-06-17",
                                                        **({"settings": settings} if settings else {})})
        assert answer.status_code == 200, answer.text
        return [e["type"] for e in answer.json()["events"]]

    assert "PROTEST" in types(None)
    assert "PROTEST" not in types({"events": {"protest_threshold": 1.0}})
    assert "PROTEST" in types(None)  # a request's settings last for that request only


@pytest.mark.parametrize(("settings", "needle"), [
    ({"events": {"protest_threshold": 7}}, "events.protest_threshold must be a number from 0.0 to 1.0, got 7"),
    ({"events": {"colour": "red"}}, "unknown setting(s) events.colour"),
    ({"teleport": {}}, "unknown settings section(s) teleport"),
    ({"entities": "off"}, "entities must be a mapping of settings"),
])
def test_api_a_bad_setting_is_a_400_in_the_one_error_shape(public_analyser: TestClient,
                                                           settings: dict[str, object], needle: str) -> None:
    answer = public_analyser.post("/analyze", json={"text": PROTEST, "settings": settings})
    assert answer.status_code == 400
    body = answer.json()
    assert set(body) == {"error"} and body["error"]["code"] == "E200" and needle in body["error"]["message"]
