"""The temporal stage in the pipeline: the example article, dates_in, ingest's visible date, exact spans."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from types import ModuleType

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import marsad
import marsad.stages.quantities
import marsad.stages.temporal  # registers the stage
from marsad.core.document import Span
from marsad.stages.ingest.readers import visible_date
from marsad.stages.temporal import dates_in, find_dates

EXAMPLE_PUBLISHED = "2024-06-17"

STAGES = ("clean", "segment", "entities", "temporal", "quantities")
#: The bars of issue 5 on the example article.
DATE_VALUE_FLOOR = 0.90
QUANTITY_FLOOR = 0.90


def _score_module(shared_dir: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_score", shared_dir / "tools" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_example_meets_the_date_and_quantity_bars(shared_dir: Path, example_text: str) -> None:
    import json

    score = _score_module(shared_dir)
    gold = json.loads((shared_dir / "gold" / "cnn-putin-north-korea.gold.json").read_text(encoding="utf-8"))
    doc = marsad.analyze(example_text, EXAMPLE_PUBLISHED, stages=STAGES)
    figures = score.score(gold, doc.to_dict())
    assert figures["date_value_acc"] >= DATE_VALUE_FLOOR
    assert figures["quantity_acc"] >= QUANTITY_FLOOR


def test_stage_fills_dates_with_exact_spans(example_text: str) -> None:
    doc = marsad.analyze(example_text, EXAMPLE_PUBLISHED, stages=STAGES)
    assert doc.dates and doc.quantities
    for mention in doc.dates:
        assert doc.text[mention.span.start:mention.span.end].strip()
    values = {doc.span_text(d.span): d.value for d in doc.dates}
    assert values["يوم الثلاثاء"] == "2024-06-18"  # ومن المقرر ... تبدأ يوم الثلاثاء: the coming Tuesday
    assert values["سبتمبر الماضي"] == "2023-09"


def test_dates_in_a_sentence() -> None:
    text = "وصل الوفد أمس إلى عمان. وسيغادر يوم الخميس المقبل."
    doc = marsad.analyze(text, "2024-06-17", stages=("clean", "segment", "entities", "temporal"))
    first, second = doc.sentences
    assert [doc.span_text(d.span) for d in dates_in(doc, first)] == ["أمس"]
    assert [d.value for d in dates_in(doc, second)] == ["2024-06-20"]
    assert dates_in(doc, Span(0, 3)) == []


def test_ingest_reads_the_visible_date_of_a_page() -> None:
    html = "<html><body><p class='date'>نشر في 17 يونيو 2024</p><p>قال الوزير أمس</p></body></html>"
    assert visible_date(html) == dt.date(2024, 6, 17)


WORDS = ["يوم", "الثلاثاء", "الماضي", "المقبل", "سبتمبر", "أيلول", "/", "2024", "١٧", "12", "من", "بين",
         "و", "وفبراير", "منذ", "قبل", "3", "أيام", "عقدين", "عام", "الأعوام", "هـ", "رمضان", "أمس", "اليوم",
         "(", ")", "-", "،", ".", "سيزور", "قال", "الأسبوع", "هذا", "العام", "كوفيد", "-19", "أكثر",
         "مُحَمَّد", "ـــ", "نحو", "ألف", "مليار", "دولار", "%", "٫", "5", "واحد", "يومين", "الأول", "\n"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join),
       st.sampled_from([None, dt.date(2024, 6, 17), dt.date(2000, 1, 1)]))
def test_spans_are_exact_on_generated_text(text: str, published: dt.date | None) -> None:
    for mention in find_dates(text, published):
        assert 0 <= mention.span.start < mention.span.end <= len(text)
        assert text[mention.span.start:mention.span.end] == text[mention.span.start:mention.span.end].strip()
    quantities = marsad.stages.quantities
    for quantity in quantities.find_quantities(text, quantities.amount_free(find_dates(text, None))):
        assert 0 <= quantity.span.start < quantity.span.end <= len(text)
        assert text[quantity.span.start:quantity.span.end].strip()
