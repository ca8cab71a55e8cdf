"""Events stage: an actor that is a title without a name (الوزير), an honorific pronoun (معاليه)
or a body noun (الوزارة، الحكومة) takes the entity it refers to (``doc.references``, resolved by
the entities stage's coreference).

Sentences are written in the style of SaudiNewsNet; entities and references are given by hand,
as in test_events_actors.py, and one test runs the whole pipeline.
"""

from __future__ import annotations

import functools

import marsad
from conftest import events_doc
from marsad.core.document import Actor, Document, Event, Reference, Span
from marsad.stages.events import find_events
from marsad.stages.events.args import referents

build = functools.partial(events_doc, published="2015-08-05")


def refer(doc: Document, surface: str, entity: int, kind: str, nth: int = 0) -> None:
    """Add a reference for the ``nth`` occurrence of ``surface`` to entity ``entity``."""
    i = -1
    for _ in range(nth + 1):
        i = doc.text.index(surface, i + 1)
    doc.references.append(Reference(Span(i, i + len(surface)), entity, kind))  # type: ignore[arg-type]
    doc.references.sort(key=lambda r: r.span.start)


def names(doc: Document, ev: Event) -> tuple[set[str], set[str]]:
    def side(actors: tuple[object, ...]) -> set[str]:
        return {doc.entities[a.entity].name_ar for a in actors if a.entity is not None}  # type: ignore[attr-defined]
    return side(ev.source), side(ev.target)


def of_type(doc: Document, etype: str) -> Event:
    found = [e for e in find_events(doc, learned_filter=False) if e.type == etype]
    assert len(found) == 1, [(e.type, doc.span_text(e.trigger)) for e in find_events(doc, learned_filter=False)]
    return found[0]


def test_a_bare_title_acts_for_the_person_it_refers_to() -> None:
    doc = build("وصل وزير الخارجية عادل الجبير إلى القاهرة. واتهم الوزير إيران بدعم الميليشيات في اليمن.",
                (("عادل الجبير", "PER", "SAU"), ("إيران", "GPE", "IRN"), ("اليمن", "GPE", "YEM")))
    refer(doc, "الوزير", 0, "title")
    source, target = names(doc, of_type(doc, "ACCUSE"))
    assert source == {"عادل الجبير"}
    assert target == {"إيران"}


def test_without_the_reference_the_title_names_nobody() -> None:
    doc = build("وصل وزير الخارجية عادل الجبير إلى القاهرة. واتهم الوزير إيران بدعم الميليشيات في اليمن.",
                (("عادل الجبير", "PER", "SAU"), ("إيران", "GPE", "IRN"), ("اليمن", "GPE", "YEM")))
    source, target = names(doc, of_type(doc, "ACCUSE"))
    assert "عادل الجبير" not in source
    assert target == {"إيران"}  # a definite title before a state's name is subject, then object


def test_an_honorific_pronoun_is_its_person() -> None:
    doc = build("ترأس معالي وزير الداخلية محمد العلي اجتماعا أمنيا أمس. "
                "وطالب معاليه الحكومة الفرنسية بتسليم المطلوبين.",
                (("محمد العلي", "PER", "KWT"), ("الحكومة الفرنسية", "ORG", "FRA")))
    refer(doc, "معاليه", 0, "pronoun")
    ev = of_type(doc, "REQUEST")
    assert names(doc, ev)[0] == {"محمد العلي"}
    assert doc.span_text(ev.source[0].span) == "معاليه"
    assert names(doc, ev)[1] == {"الحكومة الفرنسية"}


def test_a_body_noun_acts_for_the_body_it_refers_to() -> None:
    doc = build("أصدرت وزارة الداخلية بيانا أمس. واعتقلت الوزارة خمسة مطلوبين في الرياض.",
                (("وزارة الداخلية", "ORG", "SAU"), ("الرياض", "GPE", "SAU")))
    refer(doc, "الوزارة", 0, "body")
    assert names(doc, of_type(doc, "COERCE"))[0] == {"وزارة الداخلية"}


def test_the_pipeline_gives_a_title_its_minister() -> None:
    doc = marsad.analyze("قال وزير الخارجية السعودي عادل الجبير إن المملكة تدعم اليمن. "
                         "وأدان الوزير الهجمات التي استهدفت المدنيين في صنعاء.", "2016-03-02")
    assert any(r.kind == "title" for r in doc.references)
    accuse = [e for e in doc.events if e.type == "ACCUSE"]
    assert accuse and accuse[0].source
    assert {doc.entities[a.entity].name_en for a in accuse[0].source if a.entity is not None} == {"Adel al-Jubeir"}


def test_a_protest_naming_no_target_is_against_the_protesters_state() -> None:
    doc = build("تظاهر آلاف الطلاب العراقيين أمس في بغداد للمطالبة بتحسين الخدمات.",
                (("العراقيين", "NORP", "IRQ"), ("بغداد", "GPE", "IRQ")))
    ev = of_type(doc, "PROTEST")
    assert ev.target and all(doc.entities[a.entity].country == "IRQ" for a in ev.target if a.entity is not None)


def test_a_protest_with_a_named_target_keeps_it() -> None:
    doc = build("تظاهر مئات اللبنانيين أمس في بيروت ضد إسرائيل تنديدا بالغارات.",
                (("اللبنانيين", "NORP", "LBN"), ("بيروت", "GPE", "LBN"), ("إسرائيل", "GPE", "ISR")))
    ev = of_type(doc, "PROTEST")
    assert {doc.entities[a.entity].country for a in ev.target if a.entity is not None} == {"ISR"}


def test_protesters_told_after_an_unnamed_protest_are_not_merged_into_it() -> None:
    doc = build("وجابت المسيرة شوارع مدينة الموصل صباح اليوم، وردد المتظاهرون هتافات تطالب بصرف الرواتب.",
                (("الموصل", "GPE", "IRQ"),))
    protests = [e for e in find_events(doc, learned_filter=False) if e.type == "PROTEST"]
    assert any(doc.span_text(a.span) == "المتظاهرون" for e in protests for a in e.source)


def sources(doc: Document, etype: str) -> list[set[str]]:
    return [names(doc, e)[0] for e in find_events(doc, learned_filter=False) if e.type == etype]


def test_a_sentence_opening_with_kama_goes_on_with_the_last_subject() -> None:
    doc = build("وقصفت المدفعية الإسرائيلية مواقع لحركة حماس شرق غزة. كما استهدفت مستودعا للذخيرة في رفح.",
                (("الإسرائيلية", "NORP", "ISR"), ("حماس", "ORG", "PSE"), ("غزة", "GPE", "PSE"),
                 ("رفح", "GPE", "PSE")))
    assert sources(doc, "ASSAULT")[-1] == {"الإسرائيلية"}


def test_a_verb_with_its_own_subject_does_not_go_on_with_the_last() -> None:
    doc = build("وقصفت المدفعية الإسرائيلية مواقع لحركة حماس شرق غزة. كما هاجمت حماس موقعا عسكريا في النقب.",
                (("الإسرائيلية", "NORP", "ISR"), ("حماس", "ORG", "PSE"), ("غزة", "GPE", "PSE"),
                 ("النقب", "LOC", "ISR")))
    assert sources(doc, "ASSAULT")[-1] == {"حماس"}


def test_a_new_sentence_without_a_continuation_word_keeps_no_subject() -> None:
    doc = build("وقصفت المدفعية الإسرائيلية مواقع لحركة حماس شرق غزة. وفي سياق آخر استهدفت مستودعا للذخيرة.",
                (("الإسرائيلية", "NORP", "ISR"), ("حماس", "ORG", "PSE"), ("غزة", "GPE", "PSE")))
    assert sources(doc, "ASSAULT")[-1] == set()


def test_a_noun_after_a_light_verb_is_done_by_its_subject() -> None:
    doc = build("وقصفت المدفعية الإسرائيلية مواقع لحركة حماس شرق غزة. وشنت غارة على مخيم رفح.",
                (("الإسرائيلية", "NORP", "ISR"), ("حماس", "ORG", "PSE"), ("غزة", "GPE", "PSE"),
                 ("مخيم رفح", "FAC", "PSE")))
    assert all(s == {"الإسرائيلية"} for s in sources(doc, "ASSAULT"))


def test_a_nationality_qualifying_the_object_is_the_target() -> None:
    # «الإسرائيلية» qualifies «الإجراءات» after على: Israel is what the protest is against.
    doc = build("واحتجت الأردن رسميا على الإجراءات الإسرائيلية في القدس.",
                (("الأردن", "GPE", "JOR"), ("الإسرائيلية", "NORP", "ISR"), ("القدس", "GPE", "ISR")))
    assert names(doc, of_type(doc, "PROTEST")) == ({"الأردن"}, {"الإسرائيلية"})


def test_a_group_counted_after_a_preposition_takes_that_preposition() -> None:
    doc = build("وأطلق مسلحون النار على عناصر من الشرطة قرب الحدود.")
    ev = of_type(doc, "ASSAULT")
    assert [doc.span_text(a.span) for a in ev.target] == ["الشرطة"]


def test_a_name_apposed_to_a_title_after_a_preposition_is_no_bare_subject() -> None:
    # «هادي» is in the phrase «الموالي للرئيس هادي»: the forces it qualifies took control, and
    # act for him (they are the second party, not a bare subject هادي).
    doc = build("وأكد البيان إعلان المقاومة الشعبية والجيش الموالي للرئيس هادي سيطرتهما على القاعدة الجوية.",
                (("المقاومة الشعبية", "ORG", "YEM"), ("هادي", "PER", "YEM")))
    ev = of_type(doc, "COERCE")
    assert [doc.span_text(a.span) for a in ev.source] == ["المقاومة الشعبية", "الجيش الموالي للرئيس هادي"]


def test_a_title_in_a_construct_leaves_its_name_the_subject_of_a_relative_clause() -> None:
    doc = build("وأقيم الحفل في حضور وزير الخارجية الكوبي برونو رودريغيز الذي يقوم بأول زيارة إلى واشنطن.",
                (("الكوبي", "NORP", "CUB"), ("برونو رودريغيز", "PER", "CUB"), ("واشنطن", "GPE", "USA")))
    assert "برونو رودريغيز" in names(doc, of_type(doc, "CONSULT"))[0]


def test_the_verb_pointing_back_to_an_attack_names_its_doer() -> None:
    doc = build("وأسفر الهجوم الذي نفذته حركة طالبان في كابول عن مقتل ثلاثة جنود.",
                (("حركة طالبان", "ORG", None), ("كابول", "GPE", "AFG")))
    attack = next(e for e in find_events(doc, learned_filter=False) if doc.span_text(e.trigger) == "الهجوم")
    assert names(doc, attack)[0] == {"حركة طالبان"}


def test_a_nationality_after_an_attack_noun_is_its_doer() -> None:
    doc = build("وقتل خمسة مدنيين في الغارات الإسرائيلية على خان يونس.",
                (("الإسرائيلية", "NORP", "ISR"), ("خان يونس", "GPE", "PSE")))
    raid = next(e for e in find_events(doc, learned_filter=False) if doc.span_text(e.trigger) == "الغارات")
    assert names(doc, raid) == ({"الإسرائيلية"}, {"خان يونس"})


def test_the_fire_of_a_killing_names_its_doer() -> None:
    doc = build("وفي الديوانية قتل أحد عناصر الشرطة بنيران مسلحين مجهولين وسط المدينة.",
                (("الديوانية", "GPE", "IRQ"),))
    ev = of_type(doc, "ASSAULT")
    assert [doc.span_text(a.span) for a in ev.source] == ["مسلحين مجهولين"]
    assert [doc.span_text(a.span) for a in ev.target] == ["الشرطة"]


def test_the_subject_of_qama_bi_did_the_noun_after_it() -> None:
    doc = build("وقامت قوات الاحتلال الإسرائيلي باعتقال ثلاثة شبان من مخيم جنين فجر اليوم.",
                (("الإسرائيلي", "NORP", "ISR"), ("مخيم جنين", "FAC", "PSE")))
    ev = of_type(doc, "COERCE")
    assert [doc.span_text(a.span) for a in ev.source] == ["قوات الاحتلال الإسرائيلي"]


def test_a_nationality_after_min_may_still_be_the_object() -> None:
    doc = build("استضافت الفنانة شذى حسون مطلع الأسبوع نخبة من الفنانين المغاربة على حفل سحور.",
                (("شذى حسون", "PER", "IRQ"), ("المغاربة", "NORP", "MAR")))
    ev = of_type(doc, "CONSULT")
    assert names(doc, ev) == ({"شذى حسون"}, {"المغاربة"})


def test_a_title_beside_a_named_person_is_not_resolved_to_another() -> None:
    doc = build("وصل الأمير سعود بن نايف إلى جدة. واستقبل الأمير فيصل بن سلمان الوفد.",
                (("سعود بن نايف", "PER", "SAU"), ("جدة", "GPE", "SAU"), ("فيصل بن سلمان", "PER", "SAU")))
    refer(doc, "الأمير", 0, "title", nth=1)  # a wrong resolution of the second title to the first prince
    title = doc.text.index("الأمير", doc.text.index("جدة"))
    name = doc.text.index("فيصل بن سلمان")
    side = (Actor(Span(title, title + len("الأمير")), None), Actor(Span(name, name + len("فيصل بن سلمان")), 2))
    assert referents(doc, side) == side
    assert referents(doc, side[:1])[0].entity == 0  # alone, the title takes what it refers to
