"""Events stage: arguments read from the clause (passives, sufferers, titles, speakers, construct
agents), one actor never on both sides, word senses, questions and aims, and dates from the sentence.

Sentences are written in the style of Saudi and pan-Arab news (SaudiNewsNet); entities are given by
hand (surface, type, ISO3 country), as in test_events_types.py.
"""

from __future__ import annotations

import functools

import pytest

import marsad
from conftest import EventEnts as Ents
from conftest import events_doc
from marsad.core.document import Document
from marsad.stages.events import find_events

SAU = ("المملكة العربية السعودية", "GPE", "SAU")
TUR = ("تركيا", "GPE", "TUR")
UNSC = ("مجلس الأمن الدولي", "ORG", None)
HOUTHI = ("الحوثيين", "ORG", "YEM")


#: Documents with hand-given entities and dates (conftest.events_doc).
build = functools.partial(events_doc, published="2015-08-05")


def events(doc: Document) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    """(type, trigger, source words, target words) of every event, without the sentence filter."""
    return [(e.type, doc.span_text(e.trigger), tuple(doc.span_text(a.span) for a in e.source),
             tuple(doc.span_text(a.span) for a in e.target)) for e in find_events(doc, learned_filter=False)]


def only(doc: Document, etype: str) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    found = [e for e in events(doc) if e[0] == etype]
    assert len(found) == 1, events(doc)
    return found[0]


@pytest.mark.parametrize(
    ("text", "ents", "etype", "source", "target"),
    [
        # Passive with its doer after على يد / من قبل: the subject is the target.
        ("قتل الجندي على يد مسلحين مجهولين في شمال سيناء.", (("سيناء", "LOC", "EGY"),), "ASSAULT",
         ("مسلحين مجهولين",), ("الجندي",)),
        ("واعتقل الصحفي من قبل الشرطة التركية أمس في إسطنبول.", (("التركية", "NORP", "TUR"),), "COERCE",
         ("الشرطة التركية",), ("الصحفي",)),
        # The subject of تعرض undergoes the attack named after it.
        ("وتعرضت دورية للشرطة لهجوم في كابول صباح أمس.", (("كابول", "GPE", "AFG"),), "ASSAULT",
         (), ("للشرطة",)),
        # A name completing an indefinite agent is that agent's entity.
        ("فرض مجلس الأمن الدولي أمس عقوبات على قادة الحوثيين.", (UNSC, HOUTHI), "SANCTION",
         ("مجلس الأمن الدولي",), ("قادة الحوثيين",)),
        # Subject-verb-object with a subject no entity covers: the named state after the verb is
        # the object, not the source.
        ("وأكد الوزير أن الحكومة ستدعم اليمن في مواجهة الانقلابيين.", (("اليمن", "GPE", "YEM"),),
         "SUPPORT", ("الحكومة",), ("اليمن",)),
        # A title of its own opens the next actor: the host greets the French president.
        ("وهنأ خادم الحرمين الشريفين الرئيس الفرنسي بذكرى اليوم الوطني لبلاده.",
         (("الرئيس الفرنسي", "PER", "FRA"),), "SUPPORT", ("خادم الحرمين الشريفين",), ("الرئيس الفرنسي",)),
        # The owner of the object after ل is the target.
        ("وقصفت طائرات التحالف مواقع لتنظيم داعش في الرقة.", (("تنظيم داعش", "ORG", None),
                                                              ("الرقة", "GPE", "SYR")), "ASSAULT",
         ("طائرات",), ("تنظيم داعش",)),
        # A counted group after من is the subject itself.
        ("واستنكر عدد من المسؤولين في مناطق مختلفة الحادث الإرهابي.", (), "ACCUSE", ("المسؤولين",), ()),
        # Courtesy words between a title and its name do not part them; the guest is the object.
        ("التقى معالي وزير الخارجية الأستاذ عادل الجبير في موسكو اليوم نظيره الروسي سيرغي لافروف.",
         (("عادل الجبير", "PER", "SAU"), ("موسكو", "GPE", "RUS"), ("سيرغي لافروف", "PER", "RUS")), "CONSULT",
         # A meeting is mutual: both ministers on both sides (the title takes the nationality
         # after it, which no entity covers here).
         ("وزير الخارجية", "عادل الجبير", "نظيره الروسي", "سيرغي لافروف"),
         ("وزير الخارجية", "عادل الجبير", "نظيره الروسي", "سيرغي لافروف")),
        # Offices after a name describe it; they are not the host's guest.
        ("استقبل الأمير محمد بن نايف ولي العهد وزير الداخلية في جدة أمس سفير اليابان.",
         (("محمد بن نايف", "PER", "SAU"), ("جدة", "GPE", "SAU"), ("اليابان", "GPE", "JPN")), "CONSULT",
         ("الأمير", "محمد بن نايف", "ولي العهد", "وزير الداخلية"), ("سفير اليابان",)),
    ],
)
def test_arguments_from_the_clause(text: str, ents: Ents, etype: str, source: tuple[str, ...],
                                   target: tuple[str, ...]) -> None:
    _, _, got_source, got_target = only(build(text, ents), etype)
    assert (got_source, got_target) == (source, target)


def test_no_event_names_one_actor_as_both_source_and_target() -> None:
    doc = build("وأشاد الرئيس التركي رجب طيب أردوغان بدور تركيا في المنطقة.",
                (("رجب طيب أردوغان", "PER", "TUR"), TUR))
    for ev in find_events(doc, learned_filter=False):
        assert not ({a.entity for a in ev.source} & {a.entity for a in ev.target} - {None})


def test_a_mutual_event_keeps_both_parties_on_both_sides() -> None:
    doc = build("واتفقت تركيا والمملكة العربية السعودية على تعزيز التعاون العسكري.", (TUR, SAU))
    ev = next(e for e in find_events(doc, learned_filter=False) if e.type == "AGREE")
    assert {a.entity for a in ev.source} == {a.entity for a in ev.target} == {0, 1}


def test_speaker_is_the_source_of_a_verbal_event_without_a_subject() -> None:
    doc = build("وقال وزير الخارجية عادل الجبير إن الهجوم جبان. وطالب بالإفراج عن المحتجزين فورا.",
                (("عادل الجبير", "PER", "SAU"),))
    _, _, source, _ = only(doc, "REQUEST")
    assert "عادل الجبير" in source


def test_a_denial_answers_only_an_accusation_against_the_denier() -> None:
    ents = (("إيران", "GPE", "IRN"), ("البحرين", "GPE", "BHR"), ("قطر", "GPE", "QAT"))
    doc = build("واتهمت البحرين إيران بتدريب خلايا مسلحة. ونفت قطر مشاركتها في الاجتماع.", ents)
    deny = next(e for e in find_events(doc, learned_filter=False) if e.mode == "deny")
    assert deny.target == ()
    doc = build("واتهمت البحرين إيران بتدريب خلايا مسلحة. ونفت إيران هذه الاتهامات.", ents)
    deny = next(e for e in find_events(doc, learned_filter=False) if e.mode == "deny")
    assert [doc.span_text(a.span) for a in deny.target] == ["البحرين"]

    # An accusation told long before is not what a denial answers.
    filler = " ".join(f"وأضاف البيان أن الاجتماع رقم {k} ناقش الميزانية." for k in range(5))
    doc = build(f"واتهمت البحرين إيران بتدريب خلايا مسلحة. {filler} ونفت إيران أي تدخل.", ents)
    deny = next(e for e in find_events(doc, learned_filter=False) if e.mode == "deny")
    assert deny.target == ()
    # Unless the denial points back to it with a demonstrative (هذه الاتهامات).
    doc = build(f"واتهمت البحرين إيران بتدريب خلايا مسلحة. {filler} ونفت إيران الاتهامات هذه.", ents)
    deny = next(e for e in find_events(doc, learned_filter=False) if e.mode == "deny")
    assert [doc.span_text(a.span) for a in deny.target] == ["البحرين"]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("جمدت تركيا رسميا أموال 77 شخصا ومؤسسة يشتبه بصلتهم بتنظيم القاعدة.", "SANCTION"),
        ("وتمكنت الجهات الأمنية من القبض على ثلاثة متهمين في حي النسيم.", "COERCE"),
        ("وحكمت المحكمة الجزائية المتخصصة على المتهم بالسجن عشر سنوات.", "COERCE"),
        ("وضبطت دوريات الأمن وافدا يروج المخدرات في جدة.", "COERCE"),
        ("وسير مركز الملك سلمان للإغاثة قافلة مساعدات إلى محافظة مأرب.", "AID"),
        ("وسحبت روسيا قواتها من الحدود الأوكرانية.", "RETREAT"),
        ("واعتذر الرئيس المصري عن عدم حضور القمة العربية.", "REJECT"),
        ("وأثنى أمير المنطقة على جهود رجال الدفاع المدني.", "SUPPORT"),
    ],
)
def test_more_events_are_found(text: str, etype: str) -> None:
    assert etype in {e[0] for e in events(build(text))}


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("وهنا لا يمكن أن نتجاهل دور الشباب في التنمية.", "SUPPORT"),  # هنا (here), not هنّأ
        ("إن هذه الأعمال الإرهابية لن تثنيهم عن مواصلة عملهم.", "SUPPORT"),  # ثنى (dissuade), not أثنى
        ("واعتذر الرئيس المصري عن عدم حضور القمة العربية.", "SUPPORT"),  # declining, not an apology
        ("وخسر الفريق اللقاء الودي أمام الهلال بهدفين دون رد.", "CONSULT"),  # a match, not talks
        ("والتقى المنتخب السعودي نظيره الأردني في مباراة ودية.", "CONSULT"),
    ],
)
def test_word_senses_outside_the_type_give_no_event(text: str, etype: str) -> None:
    assert etype not in {e[0] for e in events(build(text))}


def test_words_with_hamza_still_trigger() -> None:
    assert "SUPPORT" in {e[0] for e in events(build("وهنأ خادم الحرمين الشريفين الرئيس الفرنسي."))}


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("هل يعني هذا أن نقوم بحظر جميع المواقع الإخبارية؟", "بحظر"),
        ("وأكد أن الفئة الباغية التي تسعى إلى زعزعة الأمن وقتل الأبرياء لن تنجح.", "وقتل"),
    ],
)
def test_questions_and_aims_are_hypothetical(text: str, trigger: str) -> None:
    doc = build(text)
    ev = next(e for e in find_events(doc, learned_filter=False) if doc.span_text(e.trigger) == trigger)
    assert ev.status == "hypothetical"


def test_the_sentence_dates_an_event_its_clause_leaves_undated() -> None:
    doc = build("وأدان الوزير، في تصريح صحفي أدلى به أمس، التفجير الذي استهدف المسجد.",
                dates=(("أمس", "2015-08-04"),))
    ev = next(e for e in find_events(doc, learned_filter=False) if e.type == "ACCUSE")
    assert ev.date == "2015-08-04"


def test_location_is_where_it_happened_not_a_place_in_the_object() -> None:
    doc = build("تظاهر مئات الإيرانيين المعارضين أمس في العاصمة البلجيكية بروكسل احتجاجا على سياسات النظام في إيران.",
                (("الإيرانيين", "NORP", "IRN"), ("بروكسل", "GPE", "BEL"), ("إيران", "GPE", "IRN")))
    ev = next(e for e in find_events(doc, learned_filter=False) if e.type == "PROTEST")
    assert ev.location is not None and doc.span_text(ev.location.span) == "بروكسل"


def test_names_in_a_relative_clause_are_neither_target_nor_place() -> None:
    doc = build("وأدانت المملكة العربية السعودية الهجوم الإرهابي الذي استهدف مقر الشرطة في كابول.",
                (SAU, ("كابول", "GPE", "AFG")))
    ev = next(e for e in find_events(doc, learned_filter=False) if e.type == "ACCUSE")
    assert (ev.target, ev.location) == ((), None)


def test_a_noun_after_a_light_verb_takes_no_doer_from_the_object() -> None:
    # «هجوم انتحاري» is the subject of استهدف; the police are what it hit.
    doc = build("استهدف هجوم انتحاري مقر الشرطة في العاصمة الأفغانية كابول صباح أمس.",
                (("كابول", "GPE", "AFG"),))
    noun = next(e for e in find_events(doc, learned_filter=False) if doc.span_text(e.trigger) == "هجوم انتحاري")
    assert noun.source == ()


def test_an_announced_easing_is_a_concession_and_a_done_one_a_retreat() -> None:
    ents = (("الولايات المتحدة", "GPE", "USA"), ("إيران", "GPE", "IRN"))
    promised = build("وأعلنت الولايات المتحدة أنها سترفع العقوبات عن إيران الشهر المقبل.", ents)
    ev = next(e for e in find_events(promised, learned_filter=False) if "سترفع" in promised.span_text(e.trigger))
    assert (ev.type, ev.cameo, ev.status) == ("CONCEDE", "081", "planned")
    assert [promised.span_text(a.span) for a in ev.source] == ["الولايات المتحدة"]
    done = build("ورفعت الولايات المتحدة العقوبات عن إيران أمس.", ents)
    ev = next(e for e in find_events(done, learned_filter=False) if "ورفعت" in done.span_text(e.trigger))
    assert (ev.type, ev.mode) == ("RETREAT", "ease")


@pytest.mark.parametrize(("text", "ents", "source", "target"), [
    # A verb in the plural has its subject before it: the name after it is its object.
    ("وقالت الشرطة إن مسلحي التنظيم هاجموا دورية للجيش العراقي قرب الموصل.",
     (("التنظيم", "ORG", None), ("العراقي", "NORP", "IRQ"), ("الموصل", "GPE", "IRQ")),
     ("التنظيم",), ("للجيش العراقي",)),
    ("وأفاد شهود أن المحتجين هاجموا مقر المحافظة في البصرة.", (("البصرة", "GPE", "IRQ"),),
     ("المحتجين",), ()),
    # The dual too: «هاجمتا» has its subject (the two helicopters) before it.
    ("وقال حاكم المنطقة إن مروحيتين أمريكيتين هاجمتا حاجزا للجيش الأفغاني.",
     (("أمريكيتين", "NORP", "USA"), ("الأفغاني", "NORP", "AFG")), ("أمريكيتين",), ("للجيش الأفغاني",)),
])
def test_a_plural_verb_takes_its_subject_from_before(text: str, ents: Ents, source: tuple[str, ...],
                                                     target: tuple[str, ...]) -> None:
    _, _, got_source, got_target = only(build(text, ents), "ASSAULT")
    assert (got_source, got_target) == (source, target)


@pytest.mark.parametrize(("text", "ents", "source"), [
    # The group a count is taken from is the actor: «مئات من أنصار الحزب».
    ("وتظاهر أمس مئات من أنصار حزب الوفد أمام مقر البرلمان في القاهرة.",
     (("حزب الوفد", "ORG", "EGY"), ("القاهرة", "GPE", "EGY")), ("حزب الوفد",)),
    # A count between the verb and its subject does not part them, and a singular counted noun
    # (after numbers above ten) is still the protesters.
    ("وتجمع أمس نحو 300 متظاهر أمام السفارة في عمان.", (("عمان", "GPE", "JOR"),), ("متظاهر",)),
])
def test_a_counted_group_is_the_protest_source(text: str, ents: Ents, source: tuple[str, ...]) -> None:
    _, _, got_source, _ = only(build(text, ents), "PROTEST")
    assert got_source == source


@pytest.mark.parametrize(("text", "ents", "target"), [
    # Victims before a killing verb are its patients (قُتلوا is passive): civilians, a counted
    # group, or a dual.
    ("وقال قائد الشرطة إن ستة مدنيين قتلوا في هجوم على سوق شعبي في قندهار.", (("قندهار", "GPE", "AFG"),),
     ("مدنيين",)),
    ("وأفاد مصدر أمني أن جنديين قتلا بانفجار عبوة ناسفة جنوب كركوك.", (("كركوك", "GPE", "IRQ"),),
     ("جنديين",)),
])
def test_victims_before_a_killing_verb_are_its_target(text: str, ents: Ents, target: tuple[str, ...]) -> None:
    found = [e for e in events(build(text, ents)) if e[0] == "ASSAULT" and e[1] in ("قتلوا", "قتلا")]
    assert found and found[0][2] == () and found[0][3] == target, events(build(text, ents))


def test_the_name_after_an_assassination_is_its_victim() -> None:
    doc = build("وأثار اغتيال الوزير بيار الجميل أمس في بيروت موجة غضب واسعة.",
                (("بيار الجميل", "PER", "LBN"), ("بيروت", "GPE", "LBN")))
    kill = only(doc, "ASSAULT")
    assert kill[2] == () and "بيار الجميل" in kill[3]


def test_the_sufferer_of_an_attempt_may_have_a_long_name() -> None:
    doc = build("وأفادت تقارير بتعرض المرجع الشيعي آية الله علي السيستاني لمحاولة اغتيال في النجف.",
                (("علي السيستاني", "PER", "IRQ"), ("النجف", "GPE", "IRQ")))
    kill = only(doc, "ASSAULT")
    assert kill[2] == () and kill[3] == ("علي السيستاني",)


@pytest.mark.parametrize(("text", "ents", "etype", "target"), [
    # A subject no entity covers right after the verb: the name after it is the object, and no
    # earlier speaker stands in for the source.
    ("وقال المتحدث إن الوضع صعب. ويحمّل التقرير الحكومة السودانية مسؤولية تدهور الأوضاع في دارفور.",
     (("السودانية", "NORP", "SDN"), ("دارفور", "LOC", "SDN")), "ACCUSE", ("الحكومة السودانية",)),
    ("وزار الوفد بغداد الأسبوع الماضي.", (("بغداد", "GPE", "IRQ"),), "CONSULT", ("بغداد",)),
])
def test_an_unnamed_subject_leaves_the_source_empty(text: str, ents: Ents, etype: str,
                                                    target: tuple[str, ...]) -> None:
    _, _, source, got_target = only(build(text, ents), etype)
    assert source == () and got_target == target


@pytest.mark.parametrize("text", [
    # Protesters the text names only by their state's name are not their own target.
    "تظاهر مئات من أهالي العراق في البصرة أمس احتجاجا على انقطاع الكهرباء.",
])
def test_no_event_names_one_actor_as_its_whole_source_and_target(text: str) -> None:
    doc = marsad.analyze(text, "2015-08-01")
    assert doc.events, "the sentence tells an event"
    for ev in doc.events:
        source = {a.entity if a.entity is not None else doc.span_text(a.span) for a in ev.source}
        target = {a.entity if a.entity is not None else doc.span_text(a.span) for a in ev.target}
        assert not (len(source) == 1 and source == target), (ev.type, source)


def test_civilians_act_for_their_people_and_protest_against_their_state() -> None:
    doc = marsad.analyze("يعاني العراقيون من انقطاع الكهرباء منذ أسابيع. وتظاهر الأهالي في بغداد أمس احتجاجا على "
                         "سوء الخدمات.", "2015-08-01")
    protest = next(ev for ev in doc.events if ev.type == "PROTEST")
    (source,), (target,) = protest.source, protest.target
    assert (doc.span_text(source.span), doc.entities[source.entity].name_en) == ("الأهالي", "Iraqi people")
    assert doc.entities[target.entity].country == "IRQ" and target.entity != source.entity


def test_a_military_rank_is_the_source_even_when_its_name_is_not_tagged() -> None:
    doc = marsad.analyze("وقد أعرب العقيد الهيضل عن شكره وتقديره لولاة الأمر على ترقيته.", "2015-08-01")
    (ev,) = [e for e in doc.events if e.type == "SUPPORT"]
    assert [doc.span_text(a.span) for a in ev.source][:1] == ["العقيد"]


@pytest.mark.parametrize("counterpart", ["نظيره المصري", "نظراءه من دول مجلس التعاون"])
def test_a_counterpart_right_after_a_verb_is_its_object_and_the_pronoun_its_subject(counterpart: str) -> None:
    # «أنه سيلتقي نظراءه …»: the pronoun of نظراءه points back to the subject the verb does not
    # name (Kerry), so the counterpart is whom he meets, never the one who meets.
    # (the whole pipeline: «أنه» stands for the speaker the quotes stage names)
    doc = marsad.analyze(f"أكد وزير الخارجية الأمريكي جون كيري، في مقابلة خاصة، أنه سيلتقي {counterpart} "
                         "الأسبوع المقبل.", "2015-07-25")
    _, _, source, target = only(doc, "CONSULT")
    assert "جون كيري" in source
    assert not any(w.startswith("نظ") for w in source)
    assert any(w.startswith(counterpart.split()[0]) for w in target)


def test_a_counterpart_after_the_named_subject_is_still_the_object() -> None:
    doc = build("والتقى وزير الخارجية السعودي عادل الجبير نظيره الأمريكي جون كيري في جدة.",
                (("عادل الجبير", "PER", "SAU"), ("جون كيري", "PER", "USA"), ("جدة", "GPE", "SAU")))
    _, _, source, target = only(doc, "CONSULT")
    assert "عادل الجبير" in source and "جون كيري" in target


@pytest.mark.parametrize(("text", "source", "target"), [
    ("وتلقى اليمن دعما ماليا من المملكة العربية السعودية بقيمة مليار دولار.", "المملكة العربية السعودية", "اليمن"),
    ("وتلقى الكعبي طلبا من مسؤول في تنظيم القاعدة ليكون وسيطا في دفع فدية.", "مسؤول", "الكعبي"),
])
def test_what_a_verb_of_receiving_takes_is_done_by_the_one_after_min(text: str, source: str, target: str) -> None:
    doc = marsad.analyze(text, "2015-07-25")
    found = [e for e in find_events(doc, learned_filter=False) if e.type in ("SUPPORT", "AID", "REQUEST")]
    assert found and {doc.span_text(a.span) for a in found[0].source} == {source}
    assert target in {doc.span_text(a.span) for a in found[0].target}


def test_a_call_received_stays_mutual() -> None:
    doc = marsad.analyze("وتلقى خادم الحرمين الشريفين الملك سلمان اتصالا هاتفيا من الرئيس الفرنسي فرنسوا هولاند أمس.",
                         "2015-07-25")
    call = next(e for e in find_events(doc, learned_filter=False) if e.type == "CONSULT")
    assert {doc.span_text(a.span) for a in call.source} == {doc.span_text(a.span) for a in call.target}


@pytest.mark.parametrize("opening", ["وللمرة الأولى", "وفي المرة الأولى"])
def test_an_adverbial_phrase_before_the_verb_is_no_unnamed_subject(opening: str) -> None:
    # «وللمرة الأولى هاجمت قوات …»: الأولى qualifies a noun inside a prepositional phrase; it is no
    # subject told before the verb, so the forces after the verb act and the group is attacked.
    doc = build(f"{opening} هاجمت قوات التحالف تنظيم داعش في سوريا.",
                (("قوات التحالف", "ORG", None), ("تنظيم داعش", "ORG", None), ("سوريا", "GPE", "SYR")))
    _, _, source, target = only(doc, "ASSAULT")
    assert source == ("قوات التحالف",) and target == ("تنظيم داعش",)


def test_a_nationality_after_an_indefinite_adjective_names_the_agents_state() -> None:
    # «طائرات حربية تركية»: one indefinite adjective may stand between the agent and its nationality.
    doc = build("وقالت أنقرة إن تركيا سترد. وقصفت طائرات حربية تركية أهدافا لتنظيم داعش في سوريا أمس.",
                (TUR, ("تنظيم داعش", "ORG", None), ("سوريا", "GPE", "SYR")))
    ev = next(e for e in find_events(doc, learned_filter=False) if e.type == "ASSAULT")
    assert [doc.span_text(a.span) for a in ev.source] == ["طائرات حربية تركية"]
    assert [doc.entities[a.entity].country for a in ev.source if a.entity is not None] == ["TUR"]


@pytest.mark.parametrize("second", ["ومسلحي حزب العمال الكردستاني", "ومتمردي تنظيم «حزب العمال الكردستاني»"])
def test_clashes_between_an_army_and_a_groups_fighters_have_both_parties_on_both_sides(second: str) -> None:
    # «اشتباكات بين الجيش التركي ومسلحي حزب العمال»: the fighters' head noun (with و) coordinates the
    # group's name, so the army and the group are both parties of the clash.
    doc = build(f"واندلعت اشتباكات بين الجيش التركي {second} في جنوب شرق البلاد.",
                (("الجيش التركي", "ORG", "TUR"), ("حزب العمال الكردستاني", "ORG", None)),)
    _, _, source, target = only(doc, "ASSAULT")
    assert set(source) == set(target) == {"الجيش التركي", "حزب العمال الكردستاني"}


def test_a_place_ending_a_titles_construct_is_the_offices_not_the_object() -> None:
    # «انتقد رئيس مجلس شيوخ عشائر الأنبار، نعيم الكعود، الحكومة العراقية»: الأنبار closes the
    # office's construct chain; the name set off after it is the holder; the government is criticised.
    doc = build("انتقد رئيس مجلس شيوخ عشائر الأنبار، نعيم الكعود، الحكومة العراقية بشدة.",
                (("الأنبار", "GPE", "IRQ"), ("نعيم الكعود", "PER", "IRQ"), ("الحكومة العراقية", "ORG", "IRQ")))
    _, _, source, target = only(doc, "ACCUSE")
    assert "نعيم الكعود" in source and target == ("الحكومة العراقية",)


def test_a_holders_name_after_the_offices_construct_is_the_subjects() -> None:
    # «استقبل محافظ محافظة الجبيل المهندس بدر العطيشان … مديري الدوائر»: the governor is the host,
    # neither he nor his governorate the one received.
    doc = build("استقبل محافظ محافظة الجبيل المهندس بدر العطيشان، بمقر المحافظة، وفد وزارة الخارجية.",
                (("الجبيل", "GPE", "SAU"), ("بدر العطيشان", "PER", "SAU"), ("وزارة الخارجية", "ORG", "SAU")))
    _, _, source, target = only(doc, "CONSULT")
    assert "بدر العطيشان" in source and "الجبيل" not in target and "بدر العطيشان" not in target


@pytest.mark.parametrize(("text", "side", "who"), [
    # «اجتمع مع رئيس مكتبها السياسي خالد مشعل»: an indefinite title's genitive chain, then its holder.
    ("وقالت الحركة إن سيرجي لافروف اجتمع مع رئيس مكتبها السياسي خالد مشعل اليوم.", "target", "خالد مشعل"),
    # «استقبل وزير الإسكان ماجد الحقيل، في مكتبه، رئيس …»: the minister named after his office hosts.
    ("استقبل وزير الإسكان ماجد بن عبدالله الحقيل، في مكتبه بمقر الوزارة أمس، رئيس هيئة المهندسين.", "source",
     "ماجد بن عبدالله الحقيل"),
])
def test_a_name_after_an_indefinite_titles_genitive_chain_is_its_holder(text: str, side: str, who: str) -> None:
    doc = marsad.analyze(text, "2015-07-27")
    ev = next(e for e in find_events(doc, learned_filter=False) if e.type == "CONSULT")
    assert who in [doc.span_text(a.span) for a in getattr(ev, side)]


def test_coordinated_subjects_before_a_dual_verb_keep_their_titles_and_both_parties() -> None:
    # «الرئيس باراك أوباما ونظيره التركي رجب طيب أردوغان اتفقا»: read back from the verb, the title
    # before each name and the و before «نظيره» join both leaders to the agreement.
    doc = marsad.analyze("وأعلن البيت الأبيض أن الرئيس باراك أوباما ونظيره التركي رجب طيب أردوغان اتفقا على "
                         "تعزيز التعاون.", "2015-07-25")
    ev = next(e for e in find_events(doc, learned_filter=False) if e.type == "AGREE")
    names = {doc.span_text(a.span) for a in ev.source}
    assert {"باراك أوباما", "رجب طيب أردوغان"} <= names
    assert names == {doc.span_text(a.span) for a in ev.target}


def test_the_houthi_adjective_names_the_group() -> None:
    # «المليشيات الحوثية»: the adjective stands for the Houthis, the object of the demand.
    doc = marsad.analyze("طالب الرئيس اليمني عبدربه منصور هادي المليشيات الحوثية بالانسحاب من المدن.", "2015-07-25")
    ev = next(e for e in find_events(doc, learned_filter=False) if e.type == "REQUEST")
    assert [doc.entities[a.entity].name_en for a in ev.target if a.entity is not None] == ["Houthis"]


def test_a_nationality_after_a_village_names_the_visits_host() -> None:
    # «وزار بايبر القرية الفلسطينية»: the village's adjective is its people's, the visit's host.
    doc = marsad.analyze("وزار منسق الشؤون الإنسانية روبرت بايبر القرية الفلسطينية برفقة موظفين كبار.", "2015-07-25")
    ev = next(e for e in find_events(doc, learned_filter=False) if e.type == "CONSULT")
    assert [doc.entities[a.entity].country for a in ev.target if a.entity is not None] == ["PSE"]


def test_a_rank_between_a_title_and_its_holder_does_not_part_them() -> None:
    # «اتهم رئيس الأركان الأمريكي الجنرال مارتن ديمبسي الحكومة العراقية»: the general is the accuser.
    doc = marsad.analyze("اتهم رئيس الأركان الأمريكي الجنرال مارتن ديمبسي الحكومة العراقية بخرق الاتفاق.", "2015-07-25")
    _, _, source, target = next(e for e in events(doc) if e[0] == "ACCUSE")
    assert "مارتن ديمبسي" in source and "مارتن ديمبسي" not in target


def test_an_arrest_warrant_against_someone_names_its_target_after_bihaqq() -> None:
    # «أصدرت المحكمة … مذكرة اعتقال بحق الرئيس السوداني عمر البشير»: بحق names whom the warrant is against.
    doc = marsad.analyze("وأصدرت المحكمة الجنائية الدولية مذكرة اعتقال بحق الرئيس السوداني عمر البشير في عام 2009.",
                         "2015-07-25")
    _, _, source, target = next(e for e in events(doc) if e[0] == "COERCE")
    assert source == ("المحكمة الجنائية الدولية",) and "عمر البشير" in target


def test_a_meeting_noun_with_its_owners_pronoun_and_a_person_named_next_is_a_meeting() -> None:
    # «بعد لقائه رئيس الحكومة تمام سلام»: his meeting with the prime minister, no preposition between.
    doc = marsad.analyze("وأكد السفير الأميركي ديفيد هيل بعد لقائه رئيس الحكومة تمام سلام التزام بلاده.", "2015-07-25")
    assert [e[1] for e in events(doc) if e[0] == "CONSULT"] == ["لقائه"]
    doc = marsad.analyze("وأكد السفير الأميركي ديفيد هيل بعد لقائه الأخير التزام بلاده.", "2015-07-25")
    assert [e for e in events(doc) if e[0] == "CONSULT"] == []


def test_a_first_form_participle_is_the_speakers_act_on_the_actor_after_it() -> None:
    # «…، داعيا الجامعة العربية إلى …»: the speaker calls; the League is called on, not the caller.
    doc = marsad.analyze("وأكد رئيس الكتلة ظافر العاني أن الحوار ضروري، داعيا الجامعة العربية إلى دعم هذا التوجه.",
                         "2015-07-25")
    _, _, source, target = next(e for e in events(doc) if e[0] == "REQUEST")
    assert source == ("ظافر العاني",) and target == ("الجامعة العربية",)


def test_a_received_cable_is_the_senders_act_on_the_receiver() -> None:
    # «تلقى X برقية تهنئة من Y»: Y congratulates X (the receiver is no sender too).
    doc = marsad.analyze("تلقى الرئيس المصري عبد الفتاح السيسي برقية تهنئة من نظيره الجزائري عبد العزيز بوتفليقة.",
                         "2015-07-25")
    _, _, source, target = next(e for e in events(doc) if e[0] == "SUPPORT")
    assert "عبد العزيز بوتفليقة" in source and "عبد الفتاح السيسي" in target
    assert "عبد العزيز بوتفليقة" not in target


def test_an_envoys_post_and_place_lead_to_the_holders_name() -> None:
    # «المبعوث الدولي إلى اليمن إسماعيل ولد الشيخ أحمد»: Yemen is the post's, the name the envoy's.
    doc = marsad.analyze("جدد مبعوث الأمم المتحدة إلى اليمن إسماعيل ولد الشيخ أحمد أمس دعوته لوقف إطلاق النار "
                         "وفقا لخطة تتضمن انسحاب الحوثيين من المدن الرئيسية.", "2015-07-25")
    _, _, source, _ = next(e for e in events(doc) if e[0] == "REQUEST")
    assert "إسماعيل ولد الشيخ أحمد" in source


def test_a_participle_after_a_surname_the_quotes_stage_resolved_is_that_persons_act() -> None:
    # «أشار العاني إلى …، داعيا الجامعة العربية»: the surname is linked through the quotes stage only.
    doc = marsad.analyze("وفي هذا السياق قال القيادي في ائتلاف القوى العراقية ظافر العاني لـ\"الوطن\" إن: تجاوز "
                         "أخطاء الماضي يتطلب خطوات جدية. وفيما يرى مراقبون أن غزو الكويت أحبط مشروع "
                         "النهوض العربي، أشار العاني إلى إمكانية بلورة موقف عربي موحد يضمن الحفاظ على أمن المنطقة، "
                         "داعيا الجامعة العربية إلى دعم هذا التوجه.", "2015-07-25")
    _, _, source, target = next(e for e in events(doc) if e[1] == "داعيا")
    assert source == ("العاني",) and target == ("الجامعة العربية",)


@pytest.mark.parametrize("militia", ["مليشيات الحوثي", "ميليشيات الحوثي", "ميليشيا الحوثي", "مسلحي الحوثي"])
def test_the_houthi_militia_names_the_group(militia: str) -> None:
    # «ميليشيات الحوثي» (some 600 times in 30,000 SaudiNewsNet records) is the Houthis, an actor.
    doc = marsad.analyze(f"وأضاف أن المعتقلين يتعرضون للتعذيب الممنهج من قبل {militia} في السجون.", "2015-07-25")
    ev = next(e for e in find_events(doc, learned_filter=False) if e.type == "ASSAULT")
    assert [doc.entities[a.entity].name_en for a in ev.source if a.entity is not None] == ["Houthis"]


@pytest.mark.parametrize("forces", ["قوات الرئيس المخلوع صالح", "قوات المخلوع صالح", "قوات الرئيس السابق صالح"])
def test_an_epithet_of_a_former_holder_does_not_part_his_forces_from_him(forces: str) -> None:
    # «قوات المخلوع صالح»: Saleh's forces shell the city; Saleh is no target of theirs.
    doc = marsad.analyze(f"وقصفت {forces} مدينة عدن.", "2015-07-25")
    _, _, source, target = next(e for e in events(doc) if e[0] == "ASSAULT")
    assert "صالح" in source and "صالح" not in target
