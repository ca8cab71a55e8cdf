"""One validated settings object; stages are checked before any article is read."""

from __future__ import annotations

import datetime as dt

import pytest

import marsad
from marsad.core import registry
from marsad.core.document import Document
from marsad.core.errors import PipelineError, SettingsError
from marsad.core.pipeline import check, load_pipeline
from marsad.core.settings import Settings

TEXT = "قال المتحدث باسم الحكومة إن الوزير سيزور القاهرة الأسبوع المقبل."


@pytest.mark.parametrize(("values", "needle"), [
    ({"colour": "red"}, "unknown setting(s) colour; allowed:"),
    ({"jobs": -1}, "jobs must be a whole number"),
    ({"jobs": "many"}, "jobs must be a whole number"),
    ({"max_input_bytes": 0}, "max_input_bytes must be a positive"),
    ({"url_timeout": -3}, "url_timeout must be a positive"),
    ({"published": "June 2024"}, "use YYYY-MM-DD"),
    ({"split_glued": "yes"}, "split_glued must be true or false"),
    ({"stages": []}, "stages must be a non-empty list"),
])
def test_bad_settings_fail_at_start_with_the_allowed_values(values: dict[str, object], needle: str) -> None:
    with pytest.raises(SettingsError) as info:
        Settings.from_mapping(values)
    assert needle in str(info.value) and "\n" not in str(info.value)


def test_settings_from_a_mapping() -> None:
    s = Settings.from_mapping({"published": "2024-06-17", "jobs": 2, "stages": ["clean", "segment"]})
    assert s.published == dt.date(2024, 6, 17) and s.jobs == 2 and s.stages == ("clean", "segment")


def test_unknown_stage_names_every_known_stage() -> None:
    with pytest.raises(PipelineError) as info:
        load_pipeline(Settings(stages=("clean", "nonesuch", "neither")))
    message = str(info.value)
    assert "nonesuch" in message and "neither" in message and "segment" in message


def test_a_pipeline_that_does_not_fit_lists_every_gap_in_one_message() -> None:
    @registry.register("test-needy", requires=(registry.TOKENS, registry.ATTR_ENTITIES), provides=("needy",))
    def needy(doc: Document, settings: Settings) -> None:
        """A stage needing what nothing before it provides."""

    try:
        stages = [registry.get("clean"), registry.get("test-needy")]
        with pytest.raises(PipelineError) as info:
            check(stages)
        assert "test-needy needs entities, tokens" in str(info.value)
    finally:  # a later test in this process (the docs test) must not see it registered
        registry._STAGES.pop("test-needy", None)
    check([registry.get("clean"), registry.get("segment")])  # fits


def test_stages_run_in_order_and_are_recorded() -> None:
    doc = marsad.analyze(TEXT, stages=("clean", "segment"))
    assert doc.done >= {"clean", "segment"} and doc.tokens and doc.sentences
    only_clean = marsad.analyze(TEXT, stages=("clean",))
    assert only_clean.text == TEXT and only_clean.tokens == []


def test_segment_alone_does_not_fit() -> None:
    with pytest.raises(PipelineError) as info:
        marsad.analyze(TEXT, stages=("segment",))
    assert "segment needs dateline, text" in str(info.value)


def test_builtins_register_like_plugins() -> None:
    stages = registry.all_stages()
    assert registry.TEXT in stages["clean"].provides
    assert stages["segment"].requires == {registry.TEXT, registry.DATELINE}
    assert {registry.SENTENCES, registry.TOKENS} <= stages["segment"].provides


def test_analyze_takes_text_a_path_or_a_date_object(example_path) -> None:  # type: ignore[no-untyped-def]
    from_path = marsad.analyze(example_path, dt.date(2024, 6, 17))
    from_str = marsad.analyze(str(example_path), "2024-06-17")
    from_text = marsad.analyze(example_path.read_text(encoding="utf-8"), "2024-06-17")
    assert from_path.id == from_str.id == from_text.id
    assert from_path.to_json() == from_str.to_json()


def test_document_id_is_a_stable_content_hash() -> None:
    a = marsad.analyze(TEXT)
    b = marsad.analyze(TEXT + "\n\n")
    assert a.id == b.id and len(a.id) == 16
    assert marsad.analyze(TEXT.replace("القاهرة", "عمان")).id != a.id


@pytest.mark.parametrize(("order", "gap"), [
    (("clean", "segment", "quotes", "entities", "temporal"), "quotes needs dates, entities"),
    (("clean", "segment", "entities", "quantities", "temporal"), "quantities needs dates"),
    (("clean", "segment", "temporal", "events"), "events needs entities"),
])
def test_a_misordered_pipeline_is_refused_before_any_article(order: tuple[str, ...], gap: str) -> None:
    with pytest.raises(PipelineError) as info:
        marsad.load_pipeline(marsad.Settings(stages=order))
    assert gap in str(info.value)


def test_marsad_stages_lists_builtins_in_pipeline_order() -> None:
    assert list(registry.all_stages())[:7] == list(marsad.Settings().stages)


class _ReadLog:
    """Wraps a Document and records every data attribute a stage reads from it."""

    def __init__(self, doc: marsad.Document) -> None:
        object.__setattr__(self, "_doc", doc)
        object.__setattr__(self, "read", set())

    def __getattr__(self, name: str) -> object:
        value = getattr(self._doc, name)
        if not callable(value):
            self.read.add(name)
        return value

    def __setattr__(self, name: str, value: object) -> None:
        setattr(self._doc, name, value)


def test_every_stage_reads_only_what_it_requires(example_text: str) -> None:
    """No hidden channel: what a stage reads from the document is in its requires (or its own provides)."""
    pipe = marsad.load_pipeline()
    doc = marsad.Document(raw=example_text, published=dt.date(2024, 6, 17))
    for stage in pipe.stages:
        log = _ReadLog(doc)
        stage.fn(log, pipe.settings)  # type: ignore[arg-type]
        undeclared = log.read - stage.requires - stage.provides - {"language"}
        assert not undeclared, f"{stage.name} reads {sorted(undeclared)} without requiring them"
