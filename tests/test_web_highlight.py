"""Highlights wrap exactly their slice of the text, nest properly, and escape everything.

The rendered HTML, with its tags taken away and its entities unescaped, must give back the
article text character for character, and each highlight element must hold exactly the text
its offsets point at.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import parse
from marsad.shells.web.chart import bar_chart, fill_days
from marsad.shells.web.highlight import Mark, find_marks, mark_hits, nest, render


def span(text: str, needle: str) -> dict[str, Any]:
    at = text.index(needle)
    return {"start": at, "end": at + len(needle), "text": needle}


TEXT = "وقال وزير الخارجية السعودي فيصل بن فرحان إن «المملكة تدعم الحل السياسي في اليمن» خلال لقائه نظيره."

ANALYSIS: dict[str, Any] = {
    "text": TEXT,
    "entities": [
        {"type": "PER", "name_en": "Faisal bin Farhan", "country": "SAU",
         "mentions": [span(TEXT, "فيصل بن فرحان")]},
        {"type": "GPE", "name_en": "Yemen", "country": "YEM", "mentions": [span(TEXT, "اليمن")]},
        {"type": "GPE", "name_en": "Saudi Arabia", "country": "SAU", "mentions": [span(TEXT, "المملكة")]},
    ],
    "quotes": [{"kind": "direct", "content": span(TEXT, "المملكة تدعم الحل السياسي في اليمن"),
                "speaker": {"text": "فيصل بن فرحان", "entity": 0}, "cue": span(TEXT, "قال")}],
    "events": [{"type": "SUPPORT", "mode": None, "status": "asserted", "trigger": span(TEXT, "تدعم"),
                "source": [], "target": []}],
}
IDS = ["Q123", "Q805", "Q851"]


def test_render_gives_back_the_text_and_each_mark_its_slice() -> None:
    marks = find_marks(ANALYSIS, IDS)
    html = render(TEXT, marks)
    found = parse(str(html))
    assert "".join(found.text) == TEXT
    by_class = {(attrs.get("class"), inner) for _tag, attrs, inner in found.elements}
    assert ("ent ent-PER", "فيصل بن فرحان") in by_class
    assert ("ent ent-GPE", "اليمن") in by_class
    assert ("quote quote-direct", "المملكة تدعم الحل السياسي في اليمن") in by_class
    assert ("ev ev-SUPPORT", "تدعم") in by_class
    assert ("cue", "قال") in by_class


def test_entity_links_and_titles() -> None:
    found = parse(str(render(TEXT, find_marks(ANALYSIS, IDS))))
    links = {attrs.get("href"): (attrs.get("title"), inner)
             for tag, attrs, inner in found.elements if tag == "a"}
    title, inner = links["/ui/entities/Q123"]
    assert inner == "فيصل بن فرحان" and title is not None and "Faisal bin Farhan" in title
    assert "/ui/entities/Q805" in links  # Yemen, inside the quote, still links


@pytest.mark.parametrize(("marks", "expected"), [
    # An entity inside a quote nests inside it.
    ([(0, 20, "quote"), (5, 9, "entity")], [(0, 20, [(5, 9, [])])]),
    # Crossing marks: the later one is cut at the end of the earlier one.
    ([(0, 10, "quote"), (6, 14, "event")], [(0, 10, [(6, 10, [])]), (10, 14, [])]),
    # Same extent: the quote is the outer one, the entity inside.
    ([(3, 8, "entity"), (3, 8, "quote")], [(3, 8, [(3, 8, [])])]),
    # Disjoint marks stay side by side, in order.
    ([(10, 12, "entity"), (0, 4, "entity")], [(0, 4, []), (10, 12, [])]),
])
def test_nest(marks: list[tuple[int, int, str]], expected: list[Any]) -> None:
    def shape(nodes: list[Any]) -> list[Any]:
        return [(n.mark.start, n.mark.end, shape(n.children)) for n in nodes]

    built = [Mark(s, e, kind, kind, kind) for s, e, kind in marks]
    assert shape(nest(built)) == expected


def test_crossing_marks_render_well_formed() -> None:
    text = "أعلنت الحكومة اللبنانية الحداد العام"
    marks = [Mark(0, 13, "quote", "quote", "q"), Mark(6, 23, "entity", "ent ent-ORG", "e", "/ui/entities/x")]
    found = parse(str(render(text, marks)))
    assert "".join(found.text) == text


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "&lt;already escaped&gt; & ampersand",
])
def test_everything_is_escaped(hostile: str) -> None:
    text = f"قال المتحدث {hostile} ثم غادر القاعة."
    entity = {"type": "PER", "name_en": hostile, "mentions": [span(text, "المتحدث")]}
    analysis = {"text": text, "entities": [entity], "quotes": [], "events": []}
    html = str(render(text, find_marks(analysis, ["x-1"])))
    assert "<script" not in html and "<img" not in html
    found = parse(html)
    assert "".join(found.text) == text
    titles = [attrs.get("title") for _tag, attrs, _inner in found.elements]
    assert any(t is not None and hostile in t for t in titles)


ARABIC_AND_MARKUP = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءآأإةى،.\n<>&\"'")),
                            min_size=1, max_size=80)


@settings(max_examples=150, deadline=None)
@given(text=ARABIC_AND_MARKUP, data=st.data())
def test_any_marks_render_to_the_same_text(text: str, data: st.DataObject) -> None:
    """Whatever the marks (nested, crossing, identical), the HTML is well-formed and its text is
    the article text; every mark's element holds a slice of its own span."""
    kinds = st.sampled_from(["quote", "event", "entity"])
    bounds = st.tuples(st.integers(0, len(text) - 1), st.integers(1, len(text))).filter(lambda b: b[0] < b[1])
    picked = data.draw(st.lists(st.tuples(bounds, kinds), max_size=8))
    marks = [Mark(s, e, kind, f"k-{i}", kind, "/ui/entities/x" if kind == "entity" else None)
             for i, ((s, e), kind) in enumerate(picked)]
    found = parse(str(render(text, marks)))
    assert "".join(found.text) == text
    for _tag, attrs, inner in found.elements:
        index = int(str(attrs["class"]).split("-")[1])
        start, end = picked[index][0]
        assert inner in text[start:end]


def test_bad_offsets_are_skipped() -> None:
    text = "زار الرئيس الفرنسي بيروت."
    mentions = [{"start": 19, "end": 400, "text": "?"}, span(text, "بيروت")]
    analysis = {"text": text, "entities": [{"type": "GPE", "mentions": mentions}]}
    found = parse(str(render(text, find_marks(analysis, ["Q3820"]))))
    assert [inner for _t, _a, inner in found.elements] == ["بيروت"]


def test_search_snippet_marks() -> None:
    snippet = "… وصل الوفد إلى <القاهرة> مساء …"
    start = snippet.index("<القاهرة>") + 1
    html = str(mark_hits(snippet, [[start, start + len("القاهرة")]]))
    assert "<mark>القاهرة</mark>" in html and "&lt;" in html


def test_chart_fills_missing_days_and_scales() -> None:
    assert fill_days([("2024-05-01", 2), ("2024-05-03", 4), ("not a day", 9)]) == [
        ("2024-05-01", 2), ("2024-05-02", 0), ("2024-05-03", 4)]
    chart = bar_chart([("2024-05-01", 2), ("2024-05-03", 4)])
    assert [b.day for b in chart.bars] == ["2024-05-01", "2024-05-02", "2024-05-03"]
    tallest = max(chart.bars, key=lambda b: b.height)
    # The tallest bar reaches the top tick of the y-axis (4, with ticks 0 1 2 3 4).
    assert tallest.day == "2024-05-03" and tallest.y == chart.y_ticks[-1].at
    assert [t.text for t in chart.y_ticks] == ["0", "1", "2", "3", "4"]
    assert chart.bars[0].x > chart.bars[-1].x  # right to left: the first day is on the right
    assert bar_chart([]).empty
