"""Unnamed speakers: the state or body they speak for, and those who speak for nobody named.

«مسؤول أمريكي» speaks for the United States, «مصدر في قيادة المقاومة» for the resistance named
elsewhere, «مصدر أمني» for the state the story is about; «شهود عيان» and «مصادر مطلعة» name no
state or organisation, so their words are kept apart (``doc.unattributed``) unless the quotes
setting ``unattributed_as_quotes`` puts them back.  The passages are written in wire style for
these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

import marsad
from marsad.core.contract import problems
from marsad.core.document import Document, Entity, EntityType, Quote, Span
from marsad.stages.quotes import find_quote_sets


def _said(doc: Document, quotes: list[Quote]) -> list[tuple[str, str, str | None]]:
    """(content, speaker text, speaker's country or English name) of each quote."""
    out = []
    for q in quotes:
        ent = doc.entities[q.speaker.entity] if q.speaker.entity is not None else None
        out.append((doc.span_text(q.content), doc.span_text(q.speaker.span),
                    (ent.country or ent.name_en) if ent is not None else None))
    return out


def _hand(text: str, entities: list[tuple[EntityType, str, str | None]], states: tuple[str, ...] = ()
          ) -> Document:
    """``text`` cleaned and segmented, with entities given by hand as (type, mention, country);
    the mentions in ``states`` name a state (its knowledge-base id is its country code)."""
    doc = marsad.analyze(text, "2015-08-04", stages=("clean", "segment"))
    doc.entities = [Entity(kind, tuple(Span(k, k + len(m)) for k in _all(doc.text, m)), country=country,
                           kb_id=country if m in states else None, name_en=m)
                    for kind, m, country in entities]
    return doc


def _all(text: str, sub: str) -> list[int]:
    out, k = [], text.find(sub)
    while k >= 0:
        out.append(k)
        k = text.find(sub, k + 1)
    return out


def test_witnesses_and_informed_sources_are_kept_apart() -> None:
    text = ("قتل خمسة أشخاص في انفجار سيارة مفخخة وسط مدينة الرمادي غرب العراق. وقال شهود عيان إن "
            "الانفجار وقع قرب سوق شعبية مكتظة. وأضافت المصادر نفسها أن سيارات الإسعاف نقلت الجرحى. "
            "وذكرت مصادر مطلعة أن التحقيق في الحادث بدأ.")
    doc = marsad.analyze(text, "2015-08-04")
    assert doc.quotes == []
    assert _said(doc, doc.unattributed) == [
        ("الانفجار وقع قرب سوق شعبية مكتظة", "شهود عيان", None),
        ("سيارات الإسعاف نقلت الجرحى", "المصادر نفسها", None),
        ("التحقيق في الحادث بدأ", "مصادر مطلعة", None)]
    back = Document.from_dict(doc.to_dict())
    assert back.unattributed == doc.unattributed and back.quotes == []
    assert problems(doc.to_dict()) == []


def test_the_setting_puts_unattributed_quotes_back() -> None:
    text = "وقال شهود عيان إن الانفجار وقع قرب سوق شعبية مكتظة."
    doc = marsad.analyze(text, "2015-08-04", settings=marsad.Settings(quotes={"unattributed_as_quotes": True}))
    assert _said(doc, doc.quotes) == [("الانفجار وقع قرب سوق شعبية مكتظة", "شهود عيان", None)]
    assert doc.unattributed == []


@pytest.mark.parametrize(("text", "speaker", "country"), [
    # A nationality adjective names the state, in any number and gender.
    ("أعلنت الولايات المتحدة إرسال مستشارين عسكريين. وقال مسؤولون أمريكيون إن المستشارين سيصلون "
     "خلال أسابيع.", "مسؤولون أمريكيون", "USA"),
    ("استهدفت غارات مواقع قرب الموصل في العراق. وقال مصدر أمني عراقي إن الغارات قتلت عشرين مسلحا.",
     "مصدر أمني عراقي", "IRQ"),
    # A security source with nothing else said speaks for the state the story is about.
    ("انفجرت عبوة ناسفة في كابول عاصمة أفغانستان أمس. وقتل ثلاثة من رجال الشرطة الأفغانية في الهجوم "
     "الذي وقع في كابول. وقال مصدر في الشرطة إن المهاجم كان يقود دراجة نارية.",
     "مصدر في الشرطة", "AFG"),
    # The capital after a state agency stands for the state whose government sits there.
    ("نفت دولة جنوب السودان أن تكون سمحت لإسرائيل بإقامة قاعدة عسكرية. وقال مصدر في حكومة جوبا إن "
     "السلاح وصل من إسرائيل.", "مصدر في حكومة جوبا", "SSD"),
    # A state's inquiry named by nationality speaks for that state, as its officials do; so does
    # «التحقيق» told again later.
    ("أفاد تحقيق بريطاني في وفاة ليتفينينكو بأن سكان لندن تعرضوا لمخاطر.", "تحقيق بريطاني", "GBR"),
    # A bare ministry in a story plainly about one state acts for it.
    ("اندلعت اشتباكات في مدينة عدن اليمنية بين قوات الحكومة اليمنية والحوثيين. وسيطرت القوات على مطار "
     "عدن ومديرية التواهي في اليمن. وقالت وزارة الداخلية في بيان إن الوضع في عدن هادئ.",
     "وزارة الداخلية", "YEM"),
])
def test_an_unnamed_speaker_speaks_for_the_state_its_phrase_names(text: str, speaker: str, country: str) -> None:
    doc = marsad.analyze(text, "2015-08-04")
    found = [(s, c) for _, s, c in _said(doc, doc.quotes)]
    assert (speaker, country) in found
    q = next(q for q in doc.quotes if doc.span_text(q.speaker.span) == speaker)
    assert doc.text[q.speaker.span.start:q.speaker.span.end] == speaker  # the span stays exact
    assert doc.unattributed == []


def test_a_source_in_a_body_named_elsewhere_speaks_for_it() -> None:
    doc = _hand("وسيطرت المقاومة الشعبية على مدينة الحوطة. وقال مصدر في قيادة المقاومة إن المسلحين "
                "انسحبوا من المدينة. وأضاف المصدر أن عمليات التمشيط مستمرة.",
                [("ORG", "المقاومة الشعبية", "YEM"), ("GPE", "الحوطة", "YEM")])
    quotes, loose = find_quote_sets(doc)
    assert _said(doc, quotes) == [("المسلحين انسحبوا من المدينة", "مصدر في قيادة المقاومة", "YEM"),
                                  ("عمليات التمشيط مستمرة", "المصدر", "YEM")]
    assert {q.speaker.entity for q in quotes} == {0}  # the resistance, not the town
    assert loose == []


def test_the_official_told_before_speaks_for_the_body_named_with_him() -> None:
    doc = _hand("وأكد صندوق النقد الدولي أن مساهمته مشروطة، كما صرح مسؤول كبير في الصندوق. وقال المسؤول "
                "إن القرارات الصعبة مطلوبة من الجانبين.",
                [("ORG", "صندوق النقد الدولي", None), ("GPE", "اليونان", "GRC")], states=("اليونان",))
    quotes, loose = find_quote_sets(doc)
    said = {doc.span_text(q.content): q.speaker.entity for q in quotes}
    assert said["القرارات الصعبة مطلوبة من الجانبين"] == 0
    assert loose == []


def test_local_sources_in_a_province_speak_for_nobody_named() -> None:
    doc = _hand("وقالت مصادر محلية في محافظة أبين إن الاشتباكات تجددت مساء أمس.",
                [("GPE", "أبين", "YEM")])
    quotes, loose = find_quote_sets(doc)
    assert quotes == []
    assert _said(doc, loose) == [("الاشتباكات تجددت مساء أمس", "مصادر محلية في محافظة أبين", None)]


def test_an_unnamed_official_of_a_named_company_is_still_a_quote() -> None:
    doc = _hand("وقال مسؤول في شركة الكهرباء إن التيار سيعود خلال ساعات.", [])
    quotes, loose = find_quote_sets(doc)
    assert _said(doc, quotes) == [("التيار سيعود خلال ساعات", "مسؤول في شركة الكهرباء", None)]
    assert loose == []


def test_the_two_ministers_are_the_first_named_of_the_pair() -> None:
    doc = _hand("والتقى وزير الخارجية سامح شكري نظيره الأمريكي جون كيري في القاهرة أمس. وشدد الوزيران "
                "على ضرورة إيجاد حل سياسي للأزمة السورية.",
                [("PER", "سامح شكري", "EGY"), ("PER", "جون كيري", "USA"), ("GPE", "القاهرة", "EGY")])
    quotes, _ = find_quote_sets(doc)
    assert [(doc.span_text(q.speaker.span), q.speaker.entity) for q in quotes] == [("الوزيران", 0)]


def test_the_object_after_a_definite_source_is_not_part_of_its_name() -> None:
    doc = marsad.analyze("وقال مصدر عسكري إن مئات الجنود انتشروا حول المدينة. ورفض المصدر إعطاء مزيد من "
                         "التفاصيل، مكتفيا بالقول إن القوة هي الأكبر منذ بدء العملية.", "2015-08-04")
    # «المصدر» refers back to the military source, a state's agent: both are attributed quotes.
    assert [doc.span_text(q.speaker.span) for q in doc.quotes] == ["مصدر عسكري", "مصدر عسكري"]
    assert doc.unattributed == []


def test_a_nationality_makes_a_diplomat_speak_for_his_state_but_not_experts() -> None:
    doc = marsad.analyze("تستضيف السعودية اجتماعا لوزراء الطاقة الأسبوع المقبل. وقال دبلوماسي سعودي إن الاجتماع "
                         "سيناقش أسعار النفط. وقال خبراء اقتصاديون سعوديون إن الأسعار ستتراجع خلال الصيف.",
                         "2015-08-04")
    assert _said(doc, doc.quotes) == [("الاجتماع سيناقش أسعار النفط", "دبلوماسي سعودي", "SAU")]
    assert _said(doc, doc.unattributed) == [("الأسعار ستتراجع خلال الصيف", "خبراء اقتصاديون سعوديون", None)]


def test_the_same_sources_again_keep_the_state_they_spoke_for() -> None:
    doc = marsad.analyze("قالت مصادر مصرية رسمية إن تغييرا وزاريا سيجري قريبا في مصر. وأوضحت المصادر نفسها "
                         "وجود «ثلاثة مرشحين محتملين لرئاسة الحكومة».", "2015-08-04")
    said = _said(doc, doc.quotes)
    assert ("ثلاثة مرشحين محتملين لرئاسة الحكومة", "المصادر نفسها", "EGY") in said  # وجود: the object
    assert doc.unattributed == []


def test_a_town_in_the_phrase_is_where_an_official_sits_not_whom_he_speaks_for() -> None:
    doc = _hand("وقال مسؤول عسكري في المريسة إن السفن كانت صغيرة.", [("GPE", "المريسة", "SDN")])
    quotes, _ = find_quote_sets(doc)
    assert [(doc.span_text(q.speaker.span), q.speaker.entity) for q in quotes] == [
        ("مسؤول عسكري في المريسة", None)]


def test_local_sources_speak_for_no_state_despite_a_nationality() -> None:
    # «مصادر محلية يمنية» are local informants, not officials: no state speaks through them, while
    # «مصادر أمنية يمنية» stay an agency of Yemen.
    doc = marsad.analyze("عدن - وكالات: وقالت مصادر محلية يمنية إن مسلحين حاولوا استخدام زوارق الصيادين. "
                         "وقالت مصادر أمنية يمنية إن الزوارق ضبطت قرب الساحل.", "2015-07-27")
    assert [doc.span_text(q.speaker.span) for q in doc.unattributed] == ["مصادر محلية يمنية"]
    assert [doc.span_text(q.speaker.span) for q in doc.quotes] == ["مصادر أمنية يمنية"]


def test_informed_sources_speak_for_no_state_even_with_a_nationality() -> None:
    # Informed sources are no officials: "مطلعة" makes the nationality name no state, as the
    # golds leave «مصادر مطلعة» of any nationality unlisted; «المصادر» after them is the same.
    doc = marsad.analyze("قالت مصادر مطلعة عراقية إن خلافات حادة نشبت بين قادة الفصائل في بغداد. "
                         "وأوضحت المصادر أن الاجتماع المقبل قد يؤجل.", "2015-08-04")
    assert doc.quotes == []
    assert [c for c, _, _ in _said(doc, doc.unattributed)] == [
        "خلافات حادة نشبت بين قادة الفصائل في بغداد", "الاجتماع المقبل قد يؤجل"]


@pytest.mark.parametrize("text", [
    "وقال مواطنون سوريون إن القصف استمر طوال الليل على الأحياء الشرقية لمدينة حلب.",
    "احتشد المئات أمام مبنى البرلمان في أثينا، حسبما ذكرت وسائل إعلام محلية.",
    "وذكرت تقارير إخبارية أن الشركة تدرس بيع حصتها في المصرف.",
    "وتشير المعلومات إلى مقتل خمسة من عناصر التنظيم في كمين قرب الحدود.",
])
def test_citizens_unnamed_media_and_hearsay_are_unattributed(text: str) -> None:
    doc = marsad.analyze(text, "2015-08-04")
    assert doc.quotes == [] and len(doc.unattributed) == 1


def test_unnamed_leaders_of_a_body_speak_for_it_and_later_cues_continue_them() -> None:
    # «قيادات ميدانية في المقاومة» are unnamed officials of the Resistance; the dropped subject and
    # «المصادر» with no earlier «مصادر» continue them.
    text = ("أكدت قيادات ميدانية في المقاومة الشعبية لـ«عكاظ» سيطرة المقاومة على مطار عدن أمس. وأوضح أن "
            "الكثير من قيادات الحوثي فرت من المدينة. وأوضحت المصادر أن بعض الوثائق تسجيلات مصورة.")
    doc = marsad.analyze(text, dt.date(2015, 8, 1))
    assert [doc.entities[q.speaker.entity].kb_id if q.speaker.entity is not None else None
            for q in doc.quotes] == ["popular_resistance_yem", "popular_resistance_yem"]


def test_a_definite_document_told_again_speaks_for_the_one_told_before() -> None:
    doc = marsad.analyze("أفاد تحقيق بريطاني بأن سكان لندن تعرضوا لمخاطر. وأكد المحامي هورويل أن الشرطة تريد "
                         "محاكمة روسيين. وجاء في التحقيق أن آثار البلوتونيوم رصدت في أرجاء لندن.", "2015-07-31")
    said = {c: country for c, _, country in _said(doc, doc.quotes)}
    assert said["آثار البلوتونيوم رصدت في أرجاء لندن"] == "GBR"


def test_a_bare_ministry_is_still_the_state_agency_it_was() -> None:
    # «الوزارة» alone is a state agent of the story's state, not an agency head without its agency.
    text = ("أعلنت وزارة الداخلية السعودية القبض على خلية في الرياض. وقالت الوزارة في بيانها إن الخلية "
            "كانت تخطط لهجمات في الرياض والدمام في السعودية.")
    doc = marsad.analyze(text, "2015-07-25")
    assert [country for _, _, country in _said(doc, doc.quotes)] == ["SAU"]


def test_a_bare_agency_speaks_for_the_one_named_with_its_state_before() -> None:
    doc = marsad.analyze("كشفت وزارة الخارجية الروسية أن سيرجي لافروف وصل إلى الدوحة. وقالت الخارجية في هذا السياق "
                         "إن الجانب الروسي سيلفت اهتمام قطر إلى المبادرة.", "2015-08-03")
    names = {doc.span_text(q.content): doc.entities[q.speaker.entity].name_en
             for q in doc.quotes if q.speaker.entity is not None}
    assert names["الجانب الروسي سيلفت اهتمام قطر إلى المبادرة"] == "Ministry of Foreign Affairs (Russia)"


def test_local_authorities_speak_for_the_state_of_the_place_just_named() -> None:
    # the story names the United States too (a US strike), so it has no one state; the place does
    doc = marsad.analyze("قتل 14 جنديا افغانيا على الاقل صباح امس في غارة امريكية على حاجز للجيش في ولاية لوغار "
                         "جنوب كابول، كما اعلنت السلطات المحلية.", "2015-07-21")
    assert [country for _, _, country in _said(doc, doc.quotes)] == ["AFG"]
