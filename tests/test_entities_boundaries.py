"""Mention boundaries and noise: names read whole, particles kept, words that are never persons."""

from __future__ import annotations

import pytest

import marsad
from conftest import entity_by_mention, kb_reading
from marsad.core.document import Document, Span
from marsad.core.settings import Settings
from marsad.stages import entities as entities_stage
from marsad.stages.entities import assemble, find_entities, find_mentions
from marsad.stages.entities import kb as kbmod
from marsad.stages.entities.kb import abd_variant


def _with_tagged(text: str, tagged: list[tuple[str, str]], published: str = "2016-01-01") -> Document:
    doc = marsad.analyze(text, published, stages=("clean", "segment"))
    spans: list[tuple[Span, str]] = []
    for words, label in tagged:  # each at its next occurrence after the spans before it
        start = doc.text.index(words, max((s.end for s, _ in spans), default=0))
        spans.append((Span(start, start + len(words)), label))
    kb = kbmod.load()
    doc.entities = assemble(doc, kb, find_mentions(doc, kb, spans))
    return doc


@pytest.mark.parametrize(("form", "other"), [
    ("عبد العزيز بن صقر", "عبدالعزيز بن صقر"),
    ("فيصل بن خالد بن عبدالعزيز", "فيصل بن خالد بن عبد العزيز"),
    ("عبد ربه منصور هادي", "عبد ربه منصور هادي"),  # عبد ربه: not عبد + a definite name
])
def test_abd_names_are_known_joined_and_apart(form: str, other: str) -> None:
    assert abd_variant(form) == other


def test_a_title_gives_way_to_a_longer_name_after_it() -> None:
    doc = kb_reading("وجه الأمير فيصل بن خالد بن عبدالعزيز أمير منطقة عسير بمتابعة الحادث.", "2015-08-07")
    assert entity_by_mention(doc)["فيصل بن خالد بن عبدالعزيز"].kb_id == "faisal_bin_khalid"


def test_a_ruling_familys_name_closes_the_full_name() -> None:
    doc = kb_reading("واستقبل الملك سلمان بن عبدالعزيز آل سعود الوفد.", "2016-01-01")
    assert entity_by_mention(doc)["سلمان بن عبدالعزيز آل سعود"].kb_id == "salman"


@pytest.mark.parametrize(("text", "mention", "name_en", "linked"), [
    # A province has the point of its seat (Nasiriyah): linked, on the map.
    ("وخرج المتظاهرون في محافظة ذي قار جنوبي العراق.", "ذي قار", "Dhi Qar", True),
    ("وزار الوفد مدينة الهفوف شرقي المملكة.", "الهفوف", "Hofuf", True),
])
def test_a_place_after_a_class_noun_is_found_in_the_gazetteer(text: str, mention: str, name_en: str,
                                                              linked: bool) -> None:
    entity = entity_by_mention(kb_reading(text))[mention]
    assert (entity.type, entity.name_en, entity.kb_id is not None) == ("GPE", name_en, linked)


def test_god_is_never_a_tagged_person() -> None:
    doc = _with_tagged("وقال إن الله وفق الجميع في المهمة.", [("الله", "PER")])
    assert not [e for e in doc.entities if e.type == "PER"]


def test_a_name_cut_after_a_particle_takes_the_next_word() -> None:
    doc = _with_tagged("وقال سوروش أبو طالبي إن الوضع صعب.", [("سوروش أبو", "PER")])
    assert "سوروش أبو طالبي" in entity_by_mention(doc)


def test_a_known_name_keeps_a_letter_that_looks_like_a_conjunction() -> None:
    doc = _with_tagged("وقال فيصل المقداد إن الوضع صعب.", [("يصل المقداد", "PER")])
    assert "فيصل المقداد" in entity_by_mention(doc)


def test_a_family_name_of_two_words_joins_the_full_name() -> None:
    doc = _with_tagged("وزار عبدالعزيز بن صقر جدة، وأكد بن صقر أن العلاقات جيدة.",
                       [("عبدالعزيز بن صقر", "PER"), ("بن صقر", "PER")])
    persons = [e for e in doc.entities if e.type == "PER"]
    assert len(persons) == 1
    assert [doc.span_text(m) for m in persons[0].mentions] == ["عبدالعزيز بن صقر", "بن صقر"]


@pytest.mark.parametrize(("text", "mention", "name_en"), [
    ("وأعيد فتح مطار عدن الدولي أمام الرحلات.", "مطار عدن الدولي", "Aden International Airport"),
    ("ووصلت السفينة إلى ميناء الحديدة صباحا.", "ميناء الحديدة", "Port of Hodeidah"),
])
def test_a_facility_is_its_head_and_place(text: str, mention: str, name_en: str) -> None:
    by_mention = entity_by_mention(kb_reading(text))
    assert (by_mention[mention].type, by_mention[mention].name_en) == ("FAC", name_en)
    assert by_mention[mention.split()[1]].type == "GPE"  # the place keeps its own mention


def test_a_class_noun_before_a_common_word_is_no_facility() -> None:
    doc = kb_reading("وقال إن قاعدة البيانات جاهزة.")
    assert not [e for e in doc.entities if e.type == "FAC"]


@pytest.mark.parametrize(("text", "words", "mention"), [
    ("وقال عميد شؤون الطلاب بجامعة تبوك إن التسجيل يبدأ غدا.", "بجامعة تبوك", "جامعة تبوك"),
    ("والتقى الوفد بفيصل بن خالد في مكتبه.", "فيصل بن خالد", "فيصل بن خالد"),
])
def test_a_preposition_the_clitic_analysis_left_on_a_name_is_cut(text: str, words: str, mention: str) -> None:
    doc = _with_tagged(text, [(words, "ORG" if "جامعة" in words else "PER")])
    assert mention in entity_by_mention(doc)


@pytest.mark.parametrize("currency", ["دولار", "الدولار", "يورو"])
def test_a_currency_is_no_misc_entity(currency: str, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = marsad.analyze(f"وارتفع سعر {currency} أمام الجنيه في السوق الموازية أمس.", "2016-01-01",
                         stages=("clean", "segment"))
    start = doc.text.index(currency)
    monkeypatch.setattr(entities_stage, "tagger_mentions", lambda _doc: [(Span(start, start + len(currency)), "MISC")])
    assert not [e for e in find_entities(doc) if e.type == "MISC"]
    # ANERcorp marks them MISC: the setting entities.currencies keeps them.
    assert [e.type for e in find_entities(doc, currencies=True)] == ["MISC"]


def test_the_currencies_setting_reaches_the_stage() -> None:
    assert Settings().with_assignments(["entities.currencies=true"]).entities.currencies is True
    assert Settings().entities.currencies is False


@pytest.mark.parametrize(("text", "tagged", "mention", "name_en"), [
    ("وقال مدير جامعة الملك سعود إن القبول يبدأ الأحد.", "جامعة الملك", "جامعة الملك سعود",
     "King Saud University"),
    ("وافتتح أمير المنطقة مستشفى الأمير سلطان بن عبدالعزيز الجديد أمس.", "مستشفى الأمير",
     "مستشفى الأمير سلطان بن عبدالعزيز", "Prince Sultan bin Abdulaziz Hospital"),
    ("وأعلن بنك مصر المركزي خفض أسعار الفائدة أمس.", "بنك مصر المركزي", "بنك مصر المركزي",
     "Central Bank of Egypt"),
    ("وقال متحدث باسم جامعة تبوك إن الدراسة تبدأ غدا.", "جامعة تبوك", "جامعة تبوك", "Tabuk University"),
    ("وأعلنت الهيئة العامة للسياحة والآثار عن مهرجان جديد.", "الهيئة العامة للسياحة",
     "الهيئة العامة للسياحة والآثار", None),
])
def test_an_organisation_named_by_a_class_noun_is_read_whole_and_named(text: str, tagged: str, mention: str,
                                                                      name_en: str | None) -> None:
    entity = entity_by_mention(_with_tagged(text, [(tagged, "ORG")]))[mention]
    assert entity.type == "ORG"
    assert name_en is None or entity.name_en == name_en


def test_a_described_kind_of_organisation_is_no_name() -> None:
    doc = _with_tagged("وصنفت الحكومة الجماعة منظمة إرهابية الأسبوع الماضي.", [("منظمة إرهابية", "ORG")])
    assert not doc.entities


def test_a_one_word_place_keeps_a_first_letter_that_reads_as_a_preposition() -> None:
    # لحج (Lahij) is no ل + حج ("pilgrimage"), though حج is the commoner word.
    doc = _with_tagged("وتقدمت القوات نحو لحج بعد معارك عنيفة.", [("لحج", "GPE")])
    assert "لحج" in entity_by_mention(doc)


@pytest.mark.parametrize(("text", "tagged", "label", "kept"), [
    ("وأكد أن قوات هادي سيطرتهما كاملة على المدينة.", "هادي سيطرتهما", "PER", "هادي"),
    ("وطالب الوزير بتحسين أوضاع العمال ومعاملتهم.", "معاملتهم", "PER", None),
    ("ودعا إلى حسن معاملتهم وفق القانون.", "حسن", "PER", None),
    ("وقال حسن إن الاجتماع انتهى دون اتفاق.", "حسن", "PER", "حسن"),
    ("وأصبحت عدن ثالث محافظة محررة من المتمردين.", "محررة", "GPE", None),
    ("ووصل الوفد إلى محافظة صعدة شمالي البلاد.", "صعدة", "GPE", "صعدة"),
])
def test_a_tagged_name_does_not_run_into_ordinary_words(text: str, tagged: str, label: str,
                                                        kept: str | None) -> None:
    found = entity_by_mention(_with_tagged(text, [(tagged, label)]))
    assert tagged not in found or tagged == kept
    if kept is not None:
        assert kept in found


def test_a_known_persons_name_after_a_given_name_is_the_childs() -> None:
    doc = kb_reading("وحضر الحفل نجله أحمد علي عبدالله صالح قائد الحرس الجمهوري السابق.", "2015-08-01")
    entity = entity_by_mention(doc)["أحمد علي عبدالله صالح"]
    assert (entity.kb_id, entity.name_en) == (None, "Ahmed Ali Abdullah Saleh")


@pytest.mark.parametrize(("text", "mention", "kb_id"), [
    ("وأعرب الملك سلمان والأمير محمد بن نايف عن تهانيهما.", "محمد بن نايف", "mohammed_bin_nayef"),
    ("وأثنى الرئيس على علي عبدالله صالح في خطابه.", "علي عبدالله صالح", "saleh_yemen"),
])
def test_a_title_or_a_preposition_before_a_known_name_is_no_given_name(text: str, mention: str, kb_id: str) -> None:
    assert entity_by_mention(kb_reading(text, "2015-08-01"))[mention].kb_id == kb_id


def test_facebook_with_the_article_is_facebook() -> None:
    doc = kb_reading("ونشر المقطع على الفيس بوك وتداوله مستخدمو فيسبوك بكثافة.")
    assert [e.kb_id for e in doc.entities] == ["facebook"]


@pytest.mark.parametrize(("text", "name"), [
    # a rare last name the tagger left out, before a comma and a post
    ("وقال أحمد جاويد بيدار، المتحدث باسم حاكم إقليم فارياب، إن انتحاريا فجر نفسه.", "أحمد جاويد بيدار"),
])
def test_a_rare_last_name_before_a_post_belongs_to_the_name(text: str, name: str) -> None:
    doc = marsad.analyze(text, "2015-07-23", stages=("clean", "segment", "entities"))
    assert name in [doc.text[m.start:m.end] for e in doc.entities if e.type == "PER" for m in e.mentions]


@pytest.mark.parametrize(("text", "name"), [
    ("وقال بن رودس نائب مستشار الأمن القومي إن الاتفاق جيد.", "بن رودس"),        # a post, not a name
    ("وكان أبو بكر الرازي عالم وطبيب فارسي.", "أبو بكر الرازي"),                 # a common word
    ("وقال الرئيس محمد مرسي اليوم إن الدستور سيعرض للاستفتاء.", "محمد مرسي"),      # a day before the statement
    ("وتدخل الحارس ايكر كاسياس بيد ان المدافع ابعد الخطر.", "ايكر كاسياس"),          # «بيد أن»: however
    ("لندن: معد فياض بغداد: هددت الحكومة الكردية بالانفصال.", "معد فياض"),          # a byline's place
    ("وأكد القيادي سامي أبو زهري على أن الحركة معنية بتشكيل حكومة جديدة.", "سامي أبو زهري"),  # على, not علي
])
def test_a_post_a_common_word_a_day_or_a_place_after_a_name_stays_out(text: str, name: str) -> None:
    doc = marsad.analyze(text, "2015-07-23", stages=("clean", "segment", "entities"))
    spans = [doc.text[m.start:m.end] for e in doc.entities if e.type == "PER" for m in e.mentions]
    assert name in spans and all(not s.startswith(name + " ") for s in spans)


def test_a_common_adjective_with_final_hamza_is_no_person() -> None:
    doc = marsad.analyze("وقال محمد رحيم إن الوضع هادئ.", "2015-07-21", stages=("clean", "segment", "entities"))
    assert [doc.text[m.start:m.end] for e in doc.entities if e.type == "PER" for m in e.mentions] == ["محمد رحيم"]


@pytest.mark.parametrize(("text", "name", "name_en"), [
    ("وأكد الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد أن المملكة تدعم اليمن.", "محمد بن سلمان بن عبدالعزيز",
     "Mohammed bin Salman"),
    ("وقال الملك عبدالله الثاني بن الحسين ملك الأردن إن العلاقات متينة.", "عبدالله الثاني بن الحسين",
     "Abdullah II of Jordan"),
])
def test_a_known_persons_mention_runs_on_over_the_lineage_told_after_it(text: str, name: str, name_en: str) -> None:
    doc = marsad.analyze(text, "2015-07-21", stages=("clean", "segment", "entities"))
    person = next(e for e in doc.entities if e.name_en == name_en)
    assert name in [doc.text[m.start:m.end] for m in person.mentions]
    assert all(e.name_en != "Abdulaziz bin Abdul Rahman" for e in doc.entities)  # the father is no mention


def test_a_family_name_after_a_known_name_makes_it_another_persons() -> None:
    doc = marsad.analyze("واستقبل الدكتور عبدالله بن عبدالعزيز الربيعة الوفد اليمني.", "2015-07-27",
                         stages=("clean", "segment", "entities"))
    assert all(e.name_en != "Abdullah of Saudi Arabia" for e in doc.entities)
    assert "عبدالله بن عبدالعزيز الربيعة" in [doc.text[m.start:m.end] for e in doc.entities for m in e.mentions]


def test_a_name_set_off_after_a_post_is_a_person_whatever_the_tagger_typed() -> None:
    doc = marsad.analyze('وقال حاكم منطقة أقصى شمال الكاميرون،ميدجياوا باكاري: "لقد أشعل المهاجمون النار في القرية".',
                         "2015-07-25")
    holder = next(e for e in doc.entities if "ميدجياوا باكاري" in [doc.text[m.start:m.end] for m in e.mentions])
    assert holder.type == "PER"
    assert [doc.span_text(q.speaker.span) for q in doc.quotes] == ["ميدجياوا باكاري"]


def test_a_place_set_off_after_a_place_stays_a_place() -> None:
    doc = marsad.analyze("ووصل الوفد إلى القاهرة، العاصمة المصرية، أمس.", "2015-07-25",
                         stages=("clean", "segment", "entities"))
    assert all(e.type != "PER" for e in doc.entities)


@pytest.mark.parametrize("verb", ["أبلغ", "أكد"])
def test_a_verb_of_saying_between_two_names_splits_the_span(verb: str) -> None:
    # «أن الجنرال ديمبسي أبلغ العبادي أن»: a span read across the verb is two persons.
    doc = _with_tagged(f"وأكد المسؤول أن الجنرال ديمبسي {verb} العبادي أن واشنطن سترسل فرقا.",
                       [(f"ديمبسي {verb} العبادي", "PER")])
    mentions = sorted(doc.span_text(m) for e in doc.entities if e.type == "PER" for m in e.mentions)
    assert mentions == ["العبادي", "ديمبسي"]


def test_a_name_word_that_is_also_a_verb_of_saying_stays_in_the_name() -> None:
    # وعد is a verb of saying and a given name: «محمد وعد الله» stays one person.
    doc = _with_tagged("وحضر المهندس محمد وعد الله الاجتماع.", [("محمد وعد الله", "PER")])
    assert [doc.span_text(m) for e in doc.entities if e.type == "PER" for m in e.mentions] == ["محمد وعد الله"]


def test_a_person_span_running_into_a_verb_in_the_future_ends_before_it() -> None:
    # «ولد الشيخ أحمد سيذهب»: سيذهب (he will go) is no name word; سيرجي، سيانج are.
    doc = _with_tagged("وقال فوزي إن ماهر أحمد سيذهب إلى سلطنة عمان. واستقبل سيرجي لافروف ليم كيت سيانج.",
                       [("ماهر أحمد سيذهب", "PER"), ("سيرجي لافروف", "PER"), ("ليم كيت سيانج", "PER")])
    mentions = {doc.span_text(m) for e in doc.entities if e.type == "PER" for m in e.mentions}
    assert {"ماهر أحمد", "سيرجي لافروف", "ليم كيت سيانج"} <= mentions and "ماهر أحمد سيذهب" not in mentions
