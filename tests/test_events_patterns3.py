"""Events stage: patterns read on set D of the held-apart articles (issue 14), each on sentences
written for these tests: offices set between commas after a person's name, lists opened by «كلاً
من», visits named by an official's title or its owner's pronoun, first-person verbs in quotes,
counts of people, talks between parties, seizures of facilities, and war-report, relief, appeal,
security and sanction wordings."""

from __future__ import annotations

import functools

from conftest import actor_countries as countries
from conftest import events_doc
from conftest import rule_events as events_on

build = functools.partial(events_doc, published="2024-06-17", longest_first=True)


def test_an_office_between_commas_is_the_subjects_and_the_object_follows_it() -> None:
    doc = build("حمّل وليد جنبلاط، رئيس الحزب التقدمي الاشتراكي، سوريا مسؤولية اغتيال الصحفي.",
                (("وليد جنبلاط", "PER", "LBN"), ("الحزب التقدمي الاشتراكي", "ORG", "LBN"),
                 ("سوريا", "GPE", "SYR")))
    [ev] = events_on(doc, "حمّل")
    assert ev.type == "ACCUSE"
    assert countries(doc, ev.source) - {None} == {"LBN"}
    assert countries(doc, ev.target) == {"SYR"}


def test_an_office_phrase_longer_than_its_title_word_still_closes_at_its_comma() -> None:
    doc = build("واستقبل الرئيس عبد ربه منصور هادي، رئيس الجمهورية، وزير الخارجية البريطاني في الرياض.",
                (("عبد ربه منصور هادي", "PER", "YEM"), ("البريطاني", "NORP", "GBR"), ("الرياض", "GPE", "SAU")))
    [ev] = events_on(doc, "واستقبل")
    assert "YEM" in countries(doc, ev.source)
    assert "GBR" in countries(doc, ev.target)


def test_an_office_without_a_closing_comma_keeps_the_names_completing_it() -> None:
    doc = build("وثمن السفير أحمد قطان، سفير المملكة العربية السعودية في مصر دعم الشركة للصندوق.",
                (("أحمد قطان", "PER", "SAU"), ("المملكة العربية السعودية", "GPE", "SAU"), ("مصر", "GPE", "EGY")))
    [ev] = events_on(doc, "وثمن")
    assert "المملكة العربية السعودية" not in {doc.span_text(a.span) for a in ev.target}


def test_a_list_opened_by_kilan_min_is_the_object() -> None:
    doc = build("استقبل وزير الداخلية اليمني كلاً من السفير الأمريكي والسفير البريطاني في عدن.",
                (("اليمني", "NORP", "YEM"), ("الأمريكي", "NORP", "USA"), ("البريطاني", "NORP", "GBR"),
                 ("عدن", "GPE", "YEM")))
    [ev] = events_on(doc, "استقبل")
    assert {"USA", "GBR"} <= countries(doc, ev.target)


def test_an_officials_title_after_a_visit_noun_is_the_visitor() -> None:
    doc = build("وتأتي المعارك بعد يومين من زيارة وزير الدفاع الأمريكي أشتون كارتر لبغداد.",
                (("الأمريكي", "NORP", "USA"), ("أشتون كارتر", "PER", "USA"), ("بغداد", "GPE", "IRQ")))
    [ev] = events_on(doc, "زيارة")
    assert ev.type == "CONSULT"
    assert "USA" in countries(doc, ev.source)
    assert countries(doc, ev.target) == {"IRQ"}


def test_war_report_appeal_and_blame_wordings() -> None:
    doc = build("دكت مقاتلات التحالف مواقع الحوثيين في تعز.",
                (("التحالف", "ORG", "SAU"), ("الحوثيين", "ORG", "YEM"), ("تعز", "GPE", "YEM")))
    [ev] = events_on(doc, "دكت")
    assert ev.type == "ASSAULT"
    doc = build("وتبادلت القوات الحكومية مع المسلحين إطلاق النار في ضواحي المدينة.", ())
    assert [e.type for e in events_on(doc, "وتبادلت")] == ["ASSAULT"]
    doc = build("وألقت الحكومة التركية مسؤولية الهجوم على حزب العمال الكردستاني.",
                (("التركية", "NORP", "TUR"), ("حزب العمال الكردستاني", "ORG", "TUR")))
    [ev] = events_on(doc, "وألقت")
    assert ev.type == "ACCUSE"
    assert {doc.span_text(a.span) for a in ev.target} == {"حزب العمال الكردستاني"}
    doc = build("وأطلق برنامج الأغذية العالمي نداء إلى المانحين لتمويل عملياته في اليمن.",
                (("برنامج الأغذية العالمي", "ORG", None), ("اليمن", "GPE", "YEM")))
    [ev] = events_on(doc, "وأطلق")
    assert ev.type == "REQUEST"
    # (the same verb with fire is shooting, not an appeal)
    doc = build("وأطلق مسلحون النار على دورية للشرطة.", ())
    assert [e.type for e in events_on(doc, "وأطلق")] == ["ASSAULT"]


def test_a_call_names_its_holder_after_an_unknown_office_and_reads_ila_far_on() -> None:
    doc = build("دعا منسق الشؤون الإنسانية في الأرض الفلسطينية، روبيرت بايبر، إسرائيل إلى وقف خططها لهدم المنازل.",
                (("روبيرت بايبر", "PER", None), ("إسرائيل", "GPE", "ISR")))
    [ev] = events_on(doc, "دعا")
    assert ev.type == "REQUEST"
    assert {doc.span_text(a.span) for a in ev.source} == {"روبيرت بايبر"}
    assert countries(doc, ev.target) == {"ISR"}


def test_a_number_word_is_no_verb() -> None:
    doc = build("وقتل تسعة جنود وجرح اثنين آخرين على بعد 150 كيلومترا من العاصمة.", ())
    assert events_on(doc, "اثنين") == []


def test_thanks_may_take_their_addressee_with_li() -> None:
    doc = build("وثمن مسؤولون يمنيون لحكومة المملكة دعمها المتواصل لليمن.",
                (("يمنيون", "NORP", "YEM"), ("المملكة", "GPE", "SAU"), ("اليمن", "GPE", "YEM")))
    [ev] = events_on(doc, "وثمن")
    assert ev.type == "SUPPORT"
    assert "SAU" in countries(doc, ev.target)


def test_a_first_person_verb_in_a_quote_has_the_actor_after_it_as_object() -> None:
    doc = build("وقال الوزير: «ندعو السلطات الإسرائيلية إلى تجميد الهدم».",
                (("الإسرائيلية", "NORP", "ISR"),))
    [ev] = events_on(doc, "ندعو")
    assert ev.type == "REQUEST"
    assert {doc.span_text(a.span) for a in ev.source} == {"الوزير"}
    assert countries(doc, ev.target) == {"ISR"}
    # (a verb whose root ends in نأ is no first person: «هنأ» folds to هنا)
    doc = build("وهنأ الأمير خالد المنتخب الوطني بالفوز.", (("خالد", "PER", "SAU"),))
    [ev] = events_on(doc, "وهنأ")
    assert "خالد" in {doc.span_text(a.span) for a in ev.source}


def test_places_after_a_capital_with_its_preposition_are_where_not_whom() -> None:
    doc = build("ودكت مقاتلات التحالف مواقع عسكرية للمتمردين بالعاصمة اليمنية صنعاء أمس.",
                (("التحالف", "ORG", "SAU"), ("صنعاء", "GPE", "YEM")))
    [ev] = events_on(doc, "ودكت")
    assert "صنعاء" not in {doc.span_text(a.span) for a in ev.target}


def test_the_group_a_count_of_people_is_taken_from_is_the_target() -> None:
    doc = build("وقتل 19 شخصا من قوات الأمن التركية في هجمات للمتمردين.", (("التركية", "NORP", "TUR"),))
    [ev] = events_on(doc, "وقتل")
    assert countries(doc, ev.target) == {"TUR"}


def test_offices_after_the_rest_of_a_name_are_the_persons() -> None:
    doc = build("واجتمع الأمير محمد بن سلمان بن عبد العزيز ولي ولي العهد مع رئيس الوزراء اللبناني.",
                (("محمد بن سلمان", "PER", "SAU"), ("اللبناني", "NORP", "LBN")))
    [ev] = events_on(doc, "واجتمع")
    assert "ولي ولي العهد" in {doc.span_text(a.span) for a in ev.source}
    assert "LBN" in countries(doc, ev.target)


def test_a_definite_adjective_after_a_place_name_is_no_ministry() -> None:
    doc = build("واستهدفت غارتان معسكر المنار في مديرية الحيمة الخارجية غرب العاصمة.",
                (("الحيمة", "GPE", "YEM"),))
    [ev] = events_on(doc, "واستهدفت")
    assert "الخارجية" not in {doc.span_text(a.span) for a in (*ev.source, *ev.target)}


def test_freeing_or_taking_a_named_facility_is_a_seizure() -> None:
    doc = build("وتمكنت القوات العراقية من تحرير جامعة الأنبار بعد معارك عنيفة.",
                (("العراقية", "NORP", "IRQ"),))
    [ev] = events_on(doc, "تحرير")
    assert (ev.type, ev.mode) == ("COERCE", "seize")
    assert "IRQ" in countries(doc, ev.source)
    doc = build("وحررت قوات مكافحة الإرهاب مستشفى المدينة من تنظيم داعش.",
                (("تنظيم داعش", "ORG", None),))
    [ev] = events_on(doc, "وحررت")
    assert {doc.span_text(a.span) for a in ev.target} == {"تنظيم داعش"}
    # (freeing the economy from its limits is no seizure)
    assert events_on(build("وتحدث الوزير عن تحرير الاقتصاد من القيود.", ()), "تحرير") == []


def test_talks_between_two_parties_name_both() -> None:
    doc = build("وجرت أمس مباحثات بين وزير الخارجية السعودي ونظيره المصري في القاهرة.",
                (("السعودي", "NORP", "SAU"), ("المصري", "NORP", "EGY"), ("القاهرة", "GPE", "EGY")))
    [ev] = events_on(doc, "مباحثات")
    assert {"SAU", "EGY"} <= countries(doc, ev.source)
    assert {"SAU", "EGY"} <= countries(doc, ev.target)


def test_affirming_ones_support_is_support() -> None:
    doc = build("وأكد الوزير الأردني دعمه للحكومة اليمنية الشرعية.",
                (("الأردني", "NORP", "JOR"), ("اليمنية", "NORP", "YEM")))
    [ev] = events_on(doc, "وأكد")
    assert ev.type == "SUPPORT"
    assert "YEM" in countries(doc, ev.target)


def test_an_accusative_list_after_the_verb_is_its_object_not_its_subject() -> None:
    doc = build("وذكر المتحدث أن الوزير الأردني استقبل كلاً من السفير الأمريكي والسفير البريطاني أمس.",
                (("الأردني", "NORP", "JOR"), ("الأمريكي", "NORP", "USA"), ("البريطاني", "NORP", "GBR")))
    [ev] = events_on(doc, "استقبل")
    assert "JOR" in countries(doc, ev.source)
    assert "USA" not in countries(doc, ev.source)
    assert {"USA", "GBR"} <= countries(doc, ev.target)


def test_a_town_after_a_verbal_noun_is_where_not_who() -> None:
    doc = build("وتناولت مباحثات القاهرة بين وزير الخارجية السعودي ونظيره المصري أمس التعاون العسكري.",
                (("القاهرة", "GPE", "EGY"), ("السعودي", "NORP", "SAU"), ("المصري", "NORP", "EGY")))
    [ev] = events_on(doc, "مباحثات")
    assert "القاهرة" not in {doc.span_text(a.span) for a in (*ev.source, *ev.target)}


def test_foiled_plots_dismantled_cells_and_suspended_visas() -> None:
    doc = build("وأحبطت الأجهزة الأمنية الأردنية مخططا إرهابيا لاستهداف مسجد في عمان.",
                (("الأردنية", "NORP", "JOR"), ("عمان", "GPE", "JOR")))
    [ev] = events_on(doc, "وأحبطت")
    assert ev.type == "COERCE" and "JOR" in countries(doc, ev.source)
    doc = build("وتمكنت الشرطة المغربية من تفكيك خلية إرهابية تضم ثمانية أعضاء.", (("المغربية", "NORP", "MAR"),))
    assert [e.type for e in events_on(doc, "تفكيك")] == ["COERCE"]
    doc = build("وأوقفت السفارة اليمنية في بيروت منح التأشيرات للبنانيين أمس.",
                (("اليمنية", "NORP", "YEM"), ("بيروت", "GPE", "LBN"), ("للبنانيين", "NORP", "LBN")))
    [ev] = events_on(doc, "وأوقفت")
    assert (ev.type, ev.mode) == ("SANCTION", "discontinue")
    doc = build("وقال الشهود إن الأمريكيين شنوا هجومهم على الحاجز فجر أمس.", (("الأمريكيين", "NORP", "USA"),))
    assert [e.type for e in events_on(doc, "شنوا")] == ["ASSAULT"]


def test_a_visit_told_with_its_owners_pronoun_is_the_subjects() -> None:
    doc = build("وثمن مسؤولون يمنيون دعم المملكة لليمن خلال زيارتهم اليوم لمركز الملك سلمان للإغاثة.",
                (("يمنيون", "NORP", "YEM"), ("المملكة", "GPE", "SAU"), ("اليمن", "GPE", "YEM")))
    [ev] = events_on(doc, "زيارتهم")
    assert "YEM" in countries(doc, ev.source)


def test_no_event_names_one_actor_as_its_whole_source_and_target() -> None:
    import re

    import marsad
    from marsad.core.document import Actor, Event, Span
    from marsad.stages.events import _self_aimed
    doc = build("وأكدت إيران أن إيران لن تتراجع، وقال الوزير إن الوزير سيزور بغداد.",
                (("إيران", "GPE", "IRN"), ("بغداد", "GPE", "IRQ")))
    iran = [Actor(m, 0) for m in doc.entities[0].mentions]
    minister = [Actor(Span(m.start(), m.start() + len("الوزير")), None)
                for m in re.finditer("الوزير", doc.text)]
    assert _self_aimed(doc, Event("REJECT", iran[0], 0, "asserted", source=(iran[0],), target=(iran[1],)))
    assert _self_aimed(doc, Event("CONSULT", minister[0], 0, "planned", source=(minister[0],), target=(minister[1],)))
    police = Actor(Span(0, 5), 0)  # (a word borrowing the state's entity is not the state named)
    assert not _self_aimed(doc, Event("ASSAULT", iran[0], 0, "asserted", source=(police,), target=(iran[1],)))
    # (two actors of one place are two: the governor visits the doctors)
    doc = marsad.analyze("كما زار المحافظ الأطباء والمناوبين في مستشفى شقراء العام في يوم العيد.",
                         published="2015-07-21")
    assert any(ev.target for ev in doc.events if ev.type == "CONSULT")


def test_a_noun_in_a_phrase_before_the_verb_is_no_subject() -> None:
    doc = build("في السياق سيطرت قوات المعارضة السورية على تلة استراتيجية في ريف اللاذقية.",
                (("السورية", "NORP", "SYR"), ("اللاذقية", "GPE", "SYR")))
    [ev] = events_on(doc, "سيطرت")
    assert "قوات المعارضة السورية" in {doc.span_text(a.span) for a in ev.source}


def test_pointed_fingers_spread_control_and_security_operations() -> None:
    doc = build("ووجه الوزير العراقي أصابع الاتهام إلى قادة في الجيش.", (("العراقي", "NORP", "IRQ"),))
    [ev] = events_on(doc, "أصابع الاتهام")
    assert ev.type == "ACCUSE" and "IRQ" in countries(doc, ev.source)
    doc = build("وتمكنت الفصائل من بسط سيطرتها على التلة أمس.", ())
    assert [e.type for e in events_on(doc, "سيطرتها")] == ["COERCE"]
    doc = build("واستعادت القوات الحكومية السيطرة على مدينة الرمادي من تنظيم داعش.",
                (("الرمادي", "GPE", "IRQ"), ("تنظيم داعش", "ORG", None)))
    [ev] = events_on(doc, "واستعادت")
    assert (ev.type, ev.mode) == ("COERCE", "seize")
    doc = build("واستمرت العملية الأمنية في شمال وزيرستان لليوم الثالث.", ())
    assert [e.type for e in events_on(doc, "العملية الأمنية")] == ["ASSAULT"]


def test_the_name_completing_the_noun_a_verb_needs_is_its_object() -> None:
    doc = build("وأطلقت سراح الصيادين المصريين أمس بعد احتجازهم أسبوعا.", (("المصريين", "NORP", "EGY"),))
    [ev] = events_on(doc, "وأطلقت")
    assert (ev.type, ev.mode) == ("RETREAT", "release")
    assert countries(doc, ev.target) == {"EGY"}
    assert "EGY" not in countries(doc, ev.source)
