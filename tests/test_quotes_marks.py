"""Odd quotation marks never crash the quotes stage nor swallow the rest of the article."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import marsad
from marsad.core.document import Document
from marsad.stages.quotes import find_quotes
from marsad.stages.quotes.marks import pair_marks

PASSAGE = (
    "وقال وزير الخارجية في مؤتمر صحفي إن المفاوضات مستمرة.\n"
    "ونقلت وكالة الأنباء الرسمية عن الوزير قوله: «لن نتراجع عن قرارنا».\n"
    "وأضاف أن “الحوار هو السبيل الوحيد” لحل الأزمة، بحسب وسائل الإعلام الرسمية.\n"
    "قتل ثلاثة أشخاص في الهجوم، بحسب مصادر أمنية."
)
MARKS = "«»“”\"″„"


def _spine(text: str) -> Document:
    return marsad.analyze(text, "2024-06-17", stages=("clean", "segment"))


# (text with odd marks, quotations expected as (content, speaker))
ODD = [
    # An opening mark that never closes keeps only its own sentence.
    ("وقال الوزير: «لن نتراجع. هذا خط أحمر.\nوقال المتحدث باسم الحكومة إن الحكومة ستستقيل.",
     [("لن نتراجع", "الوزير"), ("الحكومة ستستقيل", "المتحدث باسم الحكومة")]),
    # A closing mark alone is ignored.
    ("وقال الوزير إن الاتفاق» نهائي.", [("الاتفاق» نهائي", "الوزير")]),
    # Guillemet opened, curly closed (machine translation mixes them).
    ("وقال المتحدث: «الوضع تحت السيطرة”.", [("الوضع تحت السيطرة", "المتحدث")]),
    # Closing curly mark used to open.
    ("وقال الوزير إن ”الأمر انتهى” تماما.", [("”الأمر انتهى” تماما", "الوزير")]),
    # Straight double primes.
    ("وقالت الوزارة: ″سنرد بحزم″.", [("سنرد بحزم", "الوزارة")]),
    # A guillemet left open does not pair with the closer of a later one: guillemets do not nest,
    # so the later attribution keeps its own speech.
    ("وذكر البيان أن الشرطة تمكنت من «تفكيك خلية تضم ثمانية أعضاء. وأضافت الوزارة أن الخلية المرتبطة "
     "بـ«قادة» التنظيم كانت تجند الشباب.",
     [("الشرطة تمكنت من «تفكيك خلية تضم ثمانية أعضاء", "البيان"),
      ("الخلية المرتبطة بـ«قادة» التنظيم كانت تجند الشباب", "الوزارة")]),
    # A mark that opens right after the verb and never closes still opens direct speech, to the
    # end of its sentence.
    ('وقال وزير الخارجية في القرية "أتيت هنا اليوم للتعرف على معاناة السكان.\nوتواجه العائلات خطر الهدم.',
     [("أتيت هنا اليوم للتعرف على معاناة السكان", "وزير الخارجية في القرية")]),
    # A quotation that goes on re-opens with “ after its full stop and closes once.
    ("وأضاف الوزير: “نرفض هذا القانون. “هذه التشريعات تعبر عن الكراهية.” وانتهى الاجتماع.",
     [("نرفض هذا القانون. “هذه التشريعات تعبر عن الكراهية.", "الوزير")]),
    # A lone straight quote before the attribution does not pair with the next paragraph.
    ('المشهد "غريب جدا.\nوقال الشاهد إن الانفجار كان قويا.', [("الانفجار كان قويا", "الشاهد")]),
]


@pytest.mark.parametrize(("text", "expected"), ODD)
def test_quotes_odd_marks(text: str, expected: list[tuple[str, str]]) -> None:
    doc = _spine(text)
    found = [(doc.span_text(q.content), doc.span_text(q.speaker.span)) for q in find_quotes(doc)]
    assert found == expected


@pytest.mark.parametrize("text", ["«", "»«", "\"", "قال: «", "قال إن", "وأضاف", "بحسب", "، مؤكدا أن"])
def test_quotes_fragments_do_not_crash(text: str) -> None:
    # A plain sentence first: cleaning rejects an article with no body text at all.
    assert find_quotes(_spine("انتهى الاجتماع مساء أمس.\n" + text)) == []


def test_pairs_never_cross_paragraphs() -> None:
    text = "«سطر أول\nسطر ثان»"
    assert pair_marks(text) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(PASSAGE)), st.sampled_from(MARKS)), max_size=6))
def test_quotes_spans_exact_with_random_marks(inserts: list[tuple[int, str]]) -> None:
    text = PASSAGE
    for pos, mark in sorted(inserts, reverse=True):
        text = text[:pos] + mark + text[pos:]
    doc = _spine(text)
    for q in find_quotes(doc):
        for span in (q.content, q.speaker.span, q.cue, q.via.span if q.via else None):
            if span is not None:
                assert 0 <= span.start < span.end <= len(doc.text)
        content = doc.span_text(q.content)
        assert content.strip() == content
        # A quotation is read inside one paragraph: no stray mark swallows the next one.
        assert "\n" not in content
