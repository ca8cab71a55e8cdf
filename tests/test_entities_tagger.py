"""The shipped tagger on real news sentences: who, where and which organisation, with exact spans.

Skips when the package holds no model (``scripts/train_ner_neural.py`` writes it); never trains.
"""

from __future__ import annotations

import pytest

import marsad
from marsad.core.document import Document, Span
from marsad.stages.entities import tagger as ner
from marsad.stages.segment import find_sentences
from marsad.text.tokens import find_tokens

pytestmark = pytest.mark.skipif(ner.load_tagger() is None, reason="no NER model shipped in data/ner")

STAGES = ("clean", "segment")


def mentions(text: str) -> tuple[Document, list[tuple[str, str]]]:
    doc = marsad.analyze(text, "2024-06-17", stages=STAGES)
    found = ner.tag(doc)
    return doc, [(doc.text[s.start:s.end], kind) for s, kind in found]


def segmented(text: str) -> Document:
    """A document segmented without ``clean`` (which rejects empty text before the tagger sees it)."""
    doc = Document(raw=text, text=text)
    doc.sentences = find_sentences(text)
    doc.tokens = find_tokens(text)
    return doc


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("قال الرئيس الروسي فلاديمير بوتين إن بلاده مستعدة للحوار.",
         [("فلاديمير بوتين", "PER")]),
        ("وصل رئيس الوزراء البريطاني إلى باريس في زيارة رسمية تستمر يومين.",
         [("باريس", "GPE")]),
        ("أعلنت وزارة الدفاع الأمريكية أن الجيش نفذ ضربات في سوريا والعراق.",
         [("سوريا", "GPE"), ("العراق", "GPE")]),
        ("ودعا الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى وقف فوري لإطلاق النار.",
         [("أنطونيو غوتيريش", "PER")]),
        ("وقالت وكالة رويترز إن المحادثات بين مصر وإسرائيل ستستأنف الأسبوع المقبل.",
         [("مصر", "GPE"), ("إسرائيل", "GPE")]),
        ("زار الملك عبد الله الثاني العاصمة الأردنية عمان بعد جولة أوروبية.",
         [("عمان", "GPE")]),
        ("وأكد المتحدث باسم الكرملين ديمتري بيسكوف أن موسكو لن تتراجع.",
         [("ديمتري بيسكوف", "PER"), ("موسكو", "GPE")]),
        ("فاز ريال مدريد على برشلونة في المباراة التي أقيمت في مدريد.",
         [("مدريد", "GPE")]),
        ("وأعلن حلف شمال الأطلسي أن قواته ستبقى في أفغانستان حتى نهاية العام.",
         [("أفغانستان", "GPE")]),
        ("وقد وصل الرئيس التركي رجب طيب أردوغان إلى الدوحة مساء الأحد.",
         [("رجب طيب أردوغان", "PER"), ("الدوحة", "GPE")]),
        ("أفادت صحيفة نيويورك تايمز بأن البيت الأبيض يدرس فرض عقوبات جديدة على إيران.",
         [("إيران", "GPE")]),
        ("ووقعت السعودية والإمارات اتفاقية للتعاون في مجال الطاقة.",
         [("السعودية", "GPE"), ("الإمارات", "GPE")]),
        ("وقال مسؤول في منظمة الصحة العالمية إن الوباء انحسر في أفريقيا.",
         [("منظمة الصحة العالمية", "ORG")]),
        ("أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع المستشار الألماني أولاف شولتس.",
         [("إيمانويل ماكرون", "PER"), ("أولاف شولتس", "PER")]),
        ("وشهدت مدينة حلب في شمال سوريا معارك عنيفة خلال الليل.",
         [("حلب", "GPE")]),
        ("ونقلت وكالة الأنباء الفرنسية عن مصادر في طهران أن المفاوضات متعثرة.",
         [("طهران", "GPE")]),
        # A name right after a demonym (knowledge-base features, second model).
        ("وقال وزير الخارجية الأمريكي أنتوني بلينكن إن واشنطن قلقة.",
         [("أنتوني بلينكن", "PER"), ("واشنطن", "GPE")]),
    ],
)
def test_tagger_finds_names_in_news(sentence: str, expected: list[tuple[str, str]]) -> None:
    _, found = mentions(sentence)
    for item in expected:
        assert item in found, f"{item} not in {found}"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("وقال إن العلاقات بين واشنطن وروسيا تمر بمرحلة صعبة.", [("واشنطن", "GPE"), ("روسيا", "GPE")]),
        ("واتهمت كوريا الشمالية الولايات المتحدة بتصعيد التوتر.", [("كوريا الشمالية", "GPE")]),
        ("وأرسلت فرنسا مساعدات إلى لبنان وسوريا والأردن.", [("لبنان", "GPE"), ("سوريا", "GPE"),
                                                          ("الأردن", "GPE")]),
        ("وأشار إلى أن الرئيس الأوكراني فولوديمير زيلينسكي سيزور لندن.",
         [("فولوديمير زيلينسكي", "PER"), ("لندن", "GPE")]),
    ],
)
def test_proclitics_stay_outside_the_span(sentence: str, expected: list[tuple[str, str]]) -> None:
    """A mention glued to و/ب/ل starts at the name: «وروسيا» → «روسيا», «وسوريا» → «سوريا»."""
    _, found = mentions(sentence)
    for item in expected:
        assert item in found, f"{item} not in {found}"


@pytest.mark.parametrize(
    "text",
    [
        "قال الرئيس الروسي فلاديمير بوتين في موسكو إن روسيا وكوريا الشمالية وقعتا اتفاقا.\n\n"
        "وأضاف بوتين، خلال مؤتمر صحفي في بيونغ يانغ، أن «الغرب» يهدد أمن المنطقة.",
        "بيروت - (رويترز) قال مسؤولون في لبنان إن 3 أشخاص قتلوا.\nوقال الجيش اللبناني إن التحقيق جار.",
        "   ",
        "",
        "...!!!؟؟",
        "Reuters reported that Putin met Kim in Pyongyang.",
        "١٢٣ ٤٥٦ 2024",
        "ـــــــ وَقَالَ الرَّئِيسُ الأَمْرِيكِيُّ جُو بَايْدِن",
        "بوتين " * 400,
    ],
)
def test_spans_are_exact_and_on_word_boundaries(text: str) -> None:
    doc = segmented(text)
    found = ner.tag(doc)
    assert found == sorted(found, key=lambda m: m[0].start)
    words = {(t.start, t.end) for t in doc.tokens}
    starts = {t.start for t in doc.tokens}
    ends = {t.end for t in doc.tokens}
    for span, kind in found:
        assert kind in {"PER", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "MISC"}
        piece = doc.text[span.start:span.end]
        assert piece and piece == piece.strip()
        assert span.end in ends, f"{piece!r} ends inside a word"
        # It starts on a word or right after a clitic of the word it starts in.
        token = next(t for t in doc.tokens if t.start <= span.start < t.end)
        assert span.start in starts or (token.start, token.end) in words
        assert span.start - token.start <= 2


def test_empty_and_untagged_documents() -> None:
    assert ner.tag(Document(raw="", text="")) == []
    assert ner.tag_tokens([]) == []
    assert ner.tag(Document(raw="x", text="بوتين")) == []  # no tokens: segment did not run


def test_tag_tokens_gives_valid_bio_per_word() -> None:
    words = "وقال الرئيس الأمريكي جو بايدن في واشنطن إن حلف الناتو موحد .".split()
    labels = ner.tag_tokens(words)
    assert len(labels) == len(words)
    assert labels == ner.repair_bio(labels)
    assert labels[3:5] == ["B-PER", "I-PER"]
    assert labels[6] == "B-LOC"
    assert labels[-1] == "O"


def test_example_article_people_and_places(example_text: str) -> None:
    """On the example article: most of its people and places are found as exact spans."""
    doc = marsad.analyze(example_text, "2024-06-17", stages=STAGES)
    found = {doc.text[s.start:s.end] for s, _ in ner.tag(doc)}
    assert all(isinstance(s, Span) for s, _ in ner.tag(doc))
    names = {"بوتين", "كيم جونغ أون", "روسيا", "كوريا الشمالية", "بيونغ يانغ", "موسكو", "الصين"}
    assert len(names & found) >= 5, sorted(found)
