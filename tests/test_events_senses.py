"""Events stage: trigger senses read in context, and the triggers issue 14 added (sentences written
for these tests in the style of Arabic news; entities are not needed, so none are given)."""

from __future__ import annotations

import pytest

from conftest import events_doc
from marsad.stages.events import find_events
from marsad.stages.events.detect import find_triggers, verb_forms
from marsad.stages.events.lexicon import verb_inflections


def events(text: str) -> list[tuple[str, str]]:
    """(type, status) of every event the rules find in a text (no learned filter)."""
    doc = events_doc(text)
    return [(e.type, e.status) for e in find_events(doc, learned_filter=False)]


def types(text: str) -> set[str]:
    return {t for t, _ in events(text)}


# (sentence, a type that must NOT be found: the trigger word has another sense here)
NOT_THIS_SENSE = [
    # ثنى "deter" with an object pronoun, not أثنى على "praise"
    ("وأكد الوزير أن التهديدات لن تثنيهم عن مواصلة العمل على المشروع.", "SUPPORT"),
    # a noun after a preposition, not the verb تعاون
    ("واتفق الجانبان على تعاون وثيق بين وزارتي الداخلية.", "COOPERATE"),
    # حقق إنجازا: achieved, not investigated
    ("وقال المدير إن الشركة حققت أرباحا قياسية في الربع الثاني من العام.", "ACCUSE"),
    # يبعد عن … كلم: is distant, not deports
    ("وتقع البلدة التي لا تبعد عن الحدود سوى 15 كلم في منطقة جبلية.", "COERCE"),
    # بحث is not ب + حث (urge)
    ("ووصل الوفد إلى الرياض في إطار بحث سبل تطوير التجارة.", "REQUEST"),
    # وقع + على far away is «happened», not «signed»
    ("ووقعت الاشتباكات بعدما أطلق مسلحون النار على دورية للشرطة.", "AGREE"),
    # فرض حظر التجول is a curfew, not an embargo
    ("وفرضت السلطات حظر التجول في المدينة بعد أعمال العنف.", "SANCTION"),
    # closing the road to an embassy is not closing the embassy
    ("وأغلقت الشرطة الطريق المؤدي إلى السفارة الأمريكية أمس.", "SANCTION"),
    # riot police is no riot
    ("وانتشرت قوات مكافحة الشغب في محيط الملعب قبل المباراة أمس.", "PROTEST"),
    # a cultural تظاهرة is a festival
    ("وتشارك الفرقة في تظاهرة ثقافية تقام في العاصمة الأسبوع المقبل.", "PROTEST"),
    # two ministries, not two women who visited
    ("وشرعت وزارتا التعليم والصحة في تنفيذ الاتفاق أمس.", "CONSULT"),
    # a feminine participle folds like a noun with a pronoun (مطالبة = مطالبه "his demands")
    ("ووصف الوزير المفاوضات بأنها عملية يتنازل فيها كل طرف عن بعض مطالبه.", "REQUEST"),
    # احتجاجا على: "in protest at", an adverb on another event (a mourning)
    ("وأعلنت الحركة الحداد العام أمس احتجاجا على مقتل ثلاثة من أنصارها.", "PROTEST"),
    # خطف الأنظار: caught the eye
    ("وخطفت السيارات الكهربائية الأنظار في المعرض الذي افتتح أمس.", "ASSAULT"),
    # the demand of a protest is the protest's, not a REQUEST of its own
    ("وخرجت أمس مظاهرات تطالب بتحسين الخدمات في عدة مدن جنوبية.", "REQUEST"),
    # a surgery and a rescue are operations carried out, not attacks
    ("ونفذ الفريق الطبي في المستشفى عملية جراحية دقيقة لطفل أمس.", "ASSAULT"),
    ("ونفذت فرق الدفاع المدني عملية إنقاذ لعائلة حاصرتها السيول في الوادي.", "ASSAULT"),
    # a road junction, not a boycott
    ("واعتبر المدير مشروع تقاطع طريق الملك فهد مع شارع العليا من المشروعات المهمة.", "PROTEST"),
    # a hashtag names a campaign, it reports no boycott
    ("وتصدر وسم #قاطعوا_المنتجات_الدنماركية قائمة الأكثر تداولا في تويتر أمس.", "PROTEST"),
    # اغتصاب الأرض / السلطة: usurping land or power
    ("وقال المتحدث إن ما جرى أمس هو اغتصاب السلطة بقوة السلاح.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "etype"), NOT_THIS_SENSE)
def test_trigger_word_in_another_sense_gives_no_event(text: str, etype: str) -> None:
    assert etype not in types(text)


# (sentence, type that a verb opening a relative clause would give): background about a noun is not coded
RELATIVE_BACKGROUND = [
    ("وطالبت الحكومة التي اتهمت في الماضي المنظمات الدولية بالتدخل بوقف الحملة.", "ACCUSE"),
    ("وعاد الأمير إلى الرياض بعد زيارة للمدينة التي كانت قد شهدت حريقا كبيرا والتي سيطرت عليها القوات.",
     "COERCE"),
]


@pytest.mark.parametrize(("text", "etype"), RELATIVE_BACKGROUND)
def test_verb_opening_a_relative_clause_is_background(text: str, etype: str) -> None:
    assert etype not in types(text)


# (sentence, PLOVER type that must be found)
NEW_TRIGGERS = [
    ("وجمدت الحكومة البريطانية أمس أموال الرئيس السابق وعائلته.", "SANCTION"),
    ("وقرر الاتحاد الأوروبي أمس تجميد أصول عدد من المسؤولين.", "SANCTION"),
    ("وفرض مجلس الأمن الدولي حظرا على توريد الأسلحة إلى البلاد.", "SANCTION"),
    ("وأغلقت الحكومة سفارتها في العاصمة وسحبت سفيرها للتشاور أمس.", "SANCTION"),
    ("وأعلنت الدول المانحة أمس وقف المساعدات الاقتصادية للحكومة.", "SANCTION"),
    ("وأعلنت الشرطة أنه تم اعتقال ثلاثة أشخاص يشتبه في تورطهم بالسرقة.", "COERCE"),
    ("ولا يزال الناشط قيد الاعتقال لدى أجهزة الأمن منذ شهرين.", "COERCE"),
    ("وأعلنت الحكومة بدء فرض حصار على الميناء مساء أمس.", "COERCE"),
    ("وقال شهود إن المسلحين يحتجزونهم في مبنى مهجور.", "COERCE"),
    ("واختتم الوزير كلمته داعيا إلى وقف فوري لإطلاق النار.", "REQUEST"),
    ("وأصدر المجلس بيانا منددا بالهجوم على المدنيين.", "ACCUSE"),
    ("وقدم الأهالي مطالبهم إلى المحافظ أمس.", "REQUEST"),
    ("وقررت الحكومة إرسال تعزيزات عسكرية إلى الحدود الشمالية أمس.", "MOBILIZE"),
    ("وتم أمس إيصال المساعدات الغذائية إلى الأسر النازحة في المخيمات.", "AID"),
    ("وأكد المتحدث أنه تم تسليم المتهم إلى السلطات المصرية أمس.", "COOPERATE"),
    ("ويحل الرئيس الفرنسي ضيفا على المملكة الأسبوع المقبل.", "CONSULT"),
    ("وتناول ولي العهد مع نظيره البحريني العلاقات الثنائية.", "CONSULT"),
    ("وتوفي الشاب في المستشفى بعد إصابته برصاص مجهولين أمس.", "ASSAULT"),
    ("وتوفي جنديان متأثرين بجروحهما بعد إصابتهما بطلقات نارية في الكمين.", "ASSAULT"),
    ("وأعلنت الداخلية أنه جرى تسليم المطلوب إلى النيابة العامة للتحقيق معه.", "COOPERATE"),
    ("وشنت الطائرات حملة جوية على مواقع المسلحين فجر اليوم.", "ASSAULT"),
    ("وسد المحتجون طريقا رئيسيا في وسط المدينة أمس.", "PROTEST"),
    ("وامتدت الاحتجاجات إلى المدن الجنوبية مساء الجمعة.", "PROTEST"),
    # an event said to go on, grow or spread is under way (no time word, toll or target needed)
    ("وتصاعدت الاحتجاجات في العاصمة مع حلول الظلام.", "PROTEST"),
    ("وارتفعت حدة المواجهات في الأحياء الشرقية للمدينة.", "ASSAULT"),
    ("واستمرت الاشتباكات في محيط القاعدة العسكرية.", "ASSAULT"),
    # joining an event or surviving it tells it took place
    ("وانضم مئات الطلاب إلى المسيرة التي جابت شوارع المدينة.", "PROTEST"),
    ("وانخرط آلاف العمال في الإضرابات التي شلت الموانئ.", "PROTEST"),
    ("ونجا الوزير من هجوم بالقرب من منزله.", "ASSAULT"),
    # a possessive on the fire that is shot, a definite bomb that is thrown, the noun of rape
    ("وقال سكان إن المروحيات أطلقت نيرانها على الحي الشرقي.", "ASSAULT"),
    ("وقام مجهولون بإلقاء القنابل على مركز الشرطة في البلدة.", "ASSAULT"),
    ("وقالت الفتاة إنه تم اغتصابها من قبل ثلاثة رجال في المزرعة.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "etype"), NEW_TRIGGERS)
def test_new_triggers_are_found(text: str, etype: str) -> None:
    assert etype in types(text), events(text)


def test_announced_easing_is_a_concession() -> None:
    # PLOVER: the promise of easing restrictions is CONCEDE; the easing done is RETREAT.
    assert ("CONCEDE", "planned") in events("وأعلنت الحكومة أنها ستبدأ رفع القيود على السفر الأسبوع المقبل.")
    assert "RETREAT" in types("ورفعت الحكومة أمس القيود على السفر بين المحافظات.")


def test_almost_is_not_happened() -> None:
    assert ("ASSAULT", "hypothetical") in events("وقال الشهود إن الحافلة كادت تنفجر أمس بعد اشتعال محركها.")


def test_negated_judgement_makes_a_generic_statement() -> None:
    found = events("ويرى الكاتب أن حظر وسائل التواصل الاجتماعي لا يعد قرارا صحيحا.")
    assert found and all(status == "hypothetical" for _, status in found)


def test_word_completing_a_trigger_starts_no_event() -> None:
    # «حظرا» completes «فرض … حظرا» (an embargo): it is not a ban of its own.
    assert events("وفرض مجلس الأمن الدولي حظرا على توريد الأسلحة إلى البلاد.") == [("SANCTION", "asserted")]


def test_verb_forms_allow_no_preposition_glued_on() -> None:
    assert "حث" not in verb_forms("بحث")
    assert "يزور" in verb_forms("ليزور") and "يزور" in verb_forms("سيزور") and "زار" in verb_forms("وزار")


def test_intransitive_verbs_take_no_object_pronoun() -> None:
    assert "تثنيهم" not in {w for w, _ in verb_inflections("يثني", objects=False)}
    assert "يحتجزونهم" in {w for w, _ in verb_inflections("يحتجز")}
    assert "اعتقلوهم" in {w for w, _ in verb_inflections("اعتقل")}


def test_triggers_keep_exact_spans() -> None:
    doc = events_doc("وقرر الاتحاد الأوروبي أمس تجميد أصول عدد من المسؤولين.")
    for cand in find_triggers(doc):
        assert doc.text[cand.span.start:cand.span.end] == doc.span_text(cand.span)
        assert doc.span_text(cand.span) in ("تجميد",)


def test_future_light_verb_plans_the_event() -> None:
    # سـ on the light verb (سيتم) plans the verbal noun it carries.
    assert ("COERCE", "planned") in events("وقال المتحدث إنه سيتم اعتقال جميع المتورطين في الهجوم.")


def test_undated_verbal_noun_retells_the_dated_event_of_its_type() -> None:
    doc = events_doc("وأعلنت الوزارة أن الشرطة سلمت المتهم إلى السلطات المصرية أول من أمس. "
                     "وقال المتحدث إنه تم تسليم المتهم إلى السلطات في القاهرة.",
                     dates=(("أول من أمس", "2024-06-15"),))
    found = [e for e in find_events(doc, learned_filter=False) if e.type == "COOPERATE"]
    assert len({e.sentence for e in found}) == 2 or any(len(e.sentences) == 2 for e in found), found
    assert all(e.date == "2024-06-15" for e in found)


def test_undated_plan_happens_on_the_day_the_lead_announces() -> None:
    doc = events_doc("يفتتح الرئيس غدا المعرض الدولي للكتاب في العاصمة. "
                     "وسيتم نشر ألفي شرطي حول مقر المعرض لتأمين الزوار.",
                     dates=(("غدا", "2024-06-18"),))
    found = [e for e in find_events(doc, learned_filter=False) if e.type == "MOBILIZE"]
    assert found and found[0].status == "planned" and found[0].date == "2024-06-18"


def test_a_trigger_word_inside_a_name_is_part_of_the_name() -> None:
    doc = events_doc("وألقى الشيخ صالح آل طالب كلمة في حفل الافتتاح أمس.",
                     (("صالح آل طالب", "PER", None),))
    assert not find_events(doc, learned_filter=False)
    # a verb the tagger ran into a name keeps its event (it carries a pronoun: no name word does)
    doc = events_doc("وأعلنت المقاومة والجيش الموالي للرئيس هادي سيطرتهما على القاعدة أمس.",
                     (("هادي سيطرتهما", "PER", None),))
    assert "COERCE" in {e.type for e in find_events(doc, learned_filter=False)}
