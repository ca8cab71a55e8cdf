"""Speakers named by honorific pronoun, by title alone or not at all take the person meant.

Each case is a short passage in Saudi and pan-Arab news style.  Entities are given by hand (as
the entities stage would find them by name), so the cases test only how the quotes stage
carries a person from the phrase that names them to the later phrases that refer back.
"""

from __future__ import annotations

import functools

import pytest

from conftest import named_doc, quoted
from marsad.core.document import EntityType
from marsad.stages.quotes import find_quotes

_doc = functools.partial(named_doc, published="2024-06-17")


_speakers = quoted


# (passage, entities as (type, mention), expected (content, speaker text, entity) per quote)
CASES: list[tuple[str, list[tuple[EntityType, str]], list[tuple[str, str, int | None]]]] = [
    # An honorific pronoun refers to the last person named.
    ("وقال وزير الصحة توفيق الربيعة إن الوزارة جاهزة لموسم الحج. "
     "وأضاف معاليه أن المستشفيات رفعت طاقتها الاستيعابية.",
     [("PER", "توفيق الربيعة")],
     [("الوزارة جاهزة لموسم الحج", "توفيق الربيعة", 0),
      ("المستشفيات رفعت طاقتها الاستيعابية", "معاليه", 0)]),
    # معاليه refers to the last one named "معالي" or minister, سموه to the last prince, whoever
    # was named in between.
    ("وقال معالي وزير الصحة توفيق الربيعة إن المستشفيات جاهزة. وأشاد بدعم الأمير سعود بن نايف "
     "للقطاع الصحي. وأضاف معاليه أن الخطة تشمل كل المناطق.",
     [("PER", "توفيق الربيعة"), ("PER", "سعود بن نايف")],
     [("المستشفيات جاهزة", "توفيق الربيعة", 0), ("الخطة تشمل كل المناطق", "معاليه", 0)]),
    ("وقال الأمير سعود بن نايف إن المنطقة آمنة. وقال وزير الصحة توفيق الربيعة إن المستشفيات "
     "جاهزة. وأكد سموه أن الأمن مستتب.",
     [("PER", "سعود بن نايف"), ("PER", "توفيق الربيعة")],
     [("المنطقة آمنة", "سعود بن نايف", 0), ("المستشفيات جاهزة", "توفيق الربيعة", 1),
      ("الأمن مستتب", "سموه", 0)]),
    # A bare definite title refers to the last person named with that title.
    ("واستقبل أمير منطقة الرياض الأمير فيصل بن بندر وفد الغرفة التجارية. "
     "وقال وزير التجارة ماجد القصبي إن الأسواق مستقرة. "
     "وأكد الأمير أن المنطقة تشهد نموا متسارعا.",
     [("PER", "فيصل بن بندر"), ("PER", "ماجد القصبي")],
     [("الأسواق مستقرة", "ماجد القصبي", 1),
      ("المنطقة تشهد نموا متسارعا", "الأمير", 0)]),
    # An indefinite title is someone new: it refers back to nobody.
    ("وقال وزير الداخلية إن الحدود آمنة. وأكد مسؤول أمني أن الدوريات تضاعفت.",
     [("PER", "وزير الداخلية")],
     [("الحدود آمنة", "وزير الداخلية", 0), ("الدوريات تضاعفت", "مسؤول أمني", None)]),
    # A dropped subject continues the subject of the sentence before, which opened with a verb.
    ("وافتتح الأمير خالد الفيصل مهرجان الكتاب في جدة. "
     "وقال خلال جولته في المعرض إن القراءة أساس نهضة الأمم.",
     [("PER", "خالد الفيصل")],
     [("القراءة أساس نهضة الأمم", "خالد الفيصل", 0)]),
    # An object after a dropped subject ("التعازي") is no topic: the person stays the speaker.
    ("وزار الأمير سعود بن نايف المصابين في المستشفى. "
     "ونقل التعازي إلى أسر الضحايا، وقال: «نحن معكم في هذا المصاب».",
     [("PER", "سعود بن نايف")],
     [("نحن معكم في هذا المصاب", "سعود بن نايف", 0)]),
    # A verb that looks imperfect (تفقد) opens the sentence; the object after the place is no
    # part of the subject; speech after a colon needs no quotation marks.
    ("وتفقد محافظ جدة موقع السيول. وقال: إننا سنحاسب كل مقصر في تصريف المياه.",
     [("GPE", "جدة")],
     [("إننا سنحاسب كل مقصر في تصريف المياه", "محافظ جدة", 0)]),
    # A name set off by a comma after the post held; a group's plural verb ends the group.
    ("وقال الأستاذ في جامعة عدن، سليم الحسني إن الهدنة هشة.",
     [("ORG", "جامعة عدن"), ("PER", "سليم الحسني")],
     [("الهدنة هشة", "سليم الحسني", 1)]),
    ("وتراجع المتمردون سارعوا إلى الانسحاب، مؤكدين أن الوضع صعب.", [],
     [("الوضع صعب", "المتمردون", None)]),
    # A participle continues the nearest clause whose verb has a named subject, even when the
    # sentence opens with an adjunct.
    ("وقال الصيدلي إن الركن مفيد. ومن بين الحرفيين، تحدث الحرفي عبدالله القفاص عن هوايته، "
     "مؤكدا أنه يعتمد على سعف النخيل.",
     [("PER", "عبدالله القفاص")],
     [("الركن مفيد", "الصيدلي", None), ("يعتمد على سعف النخيل", "عبدالله القفاص", 0)]),
    # "وكان X أكد": the subject between كان and the verb, with or without قد.
    ("وقال الوزير إن الحل قريب. وكان زعيم المعارضة أكد الأحد أنه مستعد للحوار.", [],
     [("الحل قريب", "الوزير", None), ("مستعد للحوار", "زعيم المعارضة", None)]),
    # A definite noun alone names the body last named with that head noun.
    ("وقال معهد البترول الأمريكي إن المخزونات هبطت. وأضاف المعهد أن الطلب ارتفع.",
     [("ORG", "معهد البترول الأمريكي")],
     [("المخزونات هبطت", "معهد البترول الأمريكي", 0), ("الطلب ارتفع", "المعهد", 0)]),
]


@pytest.mark.parametrize(("text", "entities", "expected"), CASES,
                         ids=[f"s{i:02d}" for i in range(len(CASES))])
def test_quotes_speaker_refers_back(text: str, entities: list[tuple[EntityType, str]],
                                    expected: list[tuple[str, str, int | None]]) -> None:
    assert _speakers(_doc(text, entities)) == expected


def test_quotes_pronoun_speaker_keeps_entity_at_its_span() -> None:
    # Once the entities stage links "سموه" itself, that entity wins over the last person named.
    doc = _doc("وقال الأمير محمد بن سلمان إن الرؤية تمضي قدما. وأكد وزير المالية أن العجز تراجع. "
               "وأوضح سموه أن الإصلاحات مستمرة.",
               [("PER", "محمد بن سلمان"), ("PER", "وزير المالية"), ("PER", "سموه")])
    assert _speakers(doc)[-1] == ("الإصلاحات مستمرة", "سموه", 2)


@pytest.mark.parametrize(("text", "content"), [
    # أن after قبل/بعد/دون opens a clause of time or manner, not the speech.
    ("وأكد الرئيس التركي في مؤتمر صحفي قبل أن يبدأ زيارة رسمية إلى اليابان إن العمليات ستستمر.",
     "العمليات ستستمر"),
    ("وقال الوزير بعد أن تفقد المشروع إن العمل سينتهي في موعده.", "العمل سينتهي في موعده"),
])
def test_quotes_content_never_starts_in_the_narrative(text: str, content: str) -> None:
    (quote,) = find_quotes(_doc(text, []))
    assert quote.content.text(_doc(text, []).text) == content
