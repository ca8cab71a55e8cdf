"""Titles, honorific pronouns and body nouns refer to an entity (``doc.references``), and are
not entity mentions."""

from __future__ import annotations

import datetime as dt

import pytest

import marsad
from conftest import entity_by_mention, kb_reading
from marsad.core.document import Document, Entity, Reference, Span
from marsad.stages.entities.coref import find_references
from marsad.stages.entities.kb import load


def _references(text: str, published: str | None) -> Document:
    doc = kb_reading(text, published)
    doc.references = find_references(doc, load())
    return doc


def _referred(doc: Document, ref: Reference) -> tuple[str, str, str | None]:
    """(the referring words, its kind, the kb id of the entity it stands for)."""
    return doc.span_text(ref.span), ref.kind, doc.entities[ref.entity].kb_id


@pytest.mark.parametrize(("text", "published", "expected"), [
    # A pronoun stands for the subject of the sentence before it, not the guest.
    ("استقبل وزير الخارجية عادل الجبير في الرياض نظيره الإيراني محمد جواد ظريف. وأكد معاليه أن "
     "المملكة تدعم الحل السياسي.", "2016-05-01", [("معاليه", "pronoun", "adel_al_jubeir")]),
    # A bare title after a named holder of the role.
    ("وصل وزير الخارجية القطري خالد العطية إلى القاهرة. وقال وزير الخارجية إن بلاده تدعم الحوار.",
     "2014-02-01", [("وزير الخارجية", "title", "khalid_al_attiyah")]),
    # الوزير: any minister named before.
    ("أعلن وزير الطاقة خالد الفالح خفض الإنتاج. وأضاف الوزير أن السوق ستتوازن.", "2017-01-10",
     [("الوزير", "title", "khalid_al_falih")]),
    # سموه after a prince the knowledge base has no office for: the person named before it.
    ("افتتح الأمير فيصل بن خالد مشروعا في أبها، وأوضح سموه أن المنطقة تشهد نموا.", "2015-03-01",
     [("سموه", "pronoun", "faisal_bin_khalid")]),
    # A rank between the title and the name («الأستاذ») still names the holder of the title, and
    # «معاليه» goes to the one introduced with «معالي», not to the prince named in between.
    ("التقى معالي وزير الخارجية الأستاذ عادل الجبير في جدة نظيره البريطاني. وأوضح معالي وزير "
     "الخارجية أن اللقاء كان مثمرا. وقال معاليه إن زيارة صاحب السمو الملكي الأمير محمد بن سلمان "
     "إلى لندن عززت العلاقات. وأضاف معاليه أن البلدين يتفقان على دعم اليمن.", "2015-09-01",
     [("وزير الخارجية", "title", "adel_al_jubeir"), ("معاليه", "pronoun", "adel_al_jubeir"),
      ("معاليه", "pronoun", "adel_al_jubeir")]),
])
def test_reference_stands_for_the_person(text: str, published: str,
                                         expected: list[tuple[str, str, str | None]]) -> None:
    doc = _references(text, published)
    assert [_referred(doc, r) for r in doc.references if r.kind != "body"] == expected
    # They are references, not mentions: an NER corpus does not count «معاليه» as a name.
    assert not {ref for ref, _, _ in expected} & set(entity_by_mention(doc))


def test_a_bare_title_with_nobody_named_is_the_office_holder_mention() -> None:
    # No person named: the holder in the article's main state on that date, as an entity mention
    # (as «ولي العهد السعودي» is); a later bare title refers to that mention.
    doc = _references("وأكد ولي العهد في الرياض أن السعودية ستواصل الإصلاحات. وأضاف ولي العهد أن "
                      "الرؤية تمضي.", "2016-05-01")
    assert entity_by_mention(doc)["ولي العهد"].kb_id == "mohammed_bin_nayef"
    assert [_referred(doc, r) for r in doc.references] == [("ولي العهد", "title", "mohammed_bin_nayef")]


def test_a_title_in_apposition_after_a_name_stands_for_that_name() -> None:
    doc = _references("وقال خالد العطية، وزير الخارجية، إن الدوحة تدعم الحوار.", "2014-02-01")
    assert [_referred(doc, r) for r in doc.references] == [("وزير الخارجية", "title", "khalid_al_attiyah")]


def test_a_title_with_a_nationality_is_not_taken_for_an_earlier_person() -> None:
    # وزير الخارجية الأمريكي is not Jubeir, named before with the same role.
    doc = _references("قال وزير الخارجية عادل الجبير إن المملكة تدعم الحل. ورد وزير الخارجية "
                      "الأمريكي بأن واشنطن توافق.", "2016-05-01")
    by_mention = entity_by_mention(doc)
    assert by_mention["وزير الخارجية الأمريكي"].kb_id == "kerry"
    assert [doc.span_text(m) for m in by_mention["عادل الجبير"].mentions] == ["عادل الجبير"]
    assert [r for r in doc.references if r.kind != "body"] == []


def test_a_pronoun_with_nobody_named_before_it_refers_to_nobody() -> None:
    doc = _references("وأكد معاليه أن المملكة تدعم الحل السياسي.", "2016-05-01")
    assert doc.references == []


@pytest.mark.parametrize(("text", "body", "name_en"), [
    # The head noun alone names the last body named with it ...
    ("أعلنت وزارة الدفاع الأميركية أن القوات سلمت المعتقلة. وقالت الوزارة في بيان إن القرار نهائي.",
     "الوزارة", "United States Department of Defense"),
    # ... or the state whose government it is.
    ("طلبت حكومة إريتريا من مجلس الأمن التحقيق في تهريب البشر. وقالت الحكومة إن لديها أدلة.",
     "الحكومة", "Eritrea"),
    # ... or the organisation the knowledge base names with it, though the story did not («تنظيم
    # داعش»), and إلى after it (folded الي) is no describing adjective.
    ("أفاد مصدر أمني بأن عناصر من داعش هاجموا مقر الفوج. وانسحب عناصر التنظيم إلى مركز الكرمة.",
     "التنظيم", "Islamic State"),
])
def test_a_body_noun_stands_for_the_body_named_before(text: str, body: str, name_en: str) -> None:
    doc = _references(text, "2015-08-01")
    found = [(doc.span_text(r.span), doc.entities[r.entity].name_en) for r in doc.references if r.kind == "body"]
    assert found == [(body, name_en)]


def test_a_body_noun_with_an_adjective_names_its_own_body() -> None:
    # «الحكومة العراقية» is described on the spot; it does not refer back to Eritrea's.
    doc = _references("طلبت حكومة إريتريا التحقيق. وردت الحكومة العراقية بأنها تدرس الطلب.", "2015-08-01")
    assert [r for r in doc.references if r.kind == "body"] == []


def test_a_club_named_without_its_head_is_not_what_a_later_head_noun_means() -> None:
    # Only تنظيم reads the knowledge base's names: «النادي» after «السد القطري» (a club the knowledge
    # base names «نادي السد») is the club the story is about, which it did not name with the head.
    doc = _references("اختار لاعبو برشلونة اينيستا قائدا خلفا لتشافي المنتقل إلى السد القطري. وأشار النادي "
                      "إلى أن اللاعبين صوتوا.", "2015-08-01")
    assert [r for r in doc.references if r.kind == "body"] == []


def test_references_are_in_the_json_and_read_back() -> None:
    doc = marsad.analyze("استقبل وزير الخارجية عادل الجبير نظيره الفرنسي في الرياض. وأكد معاليه أن "
                         "المباحثات تناولت الأزمة في اليمن.", dt.date(2016, 5, 1))
    out = doc.to_dict()["references"]
    assert [(r["text"], r["kind"], doc.entities[r["entity"]].kb_id) for r in out] == [
        ("معاليه", "pronoun", "adel_al_jubeir")]
    assert out[0]["antecedent"]["text"] == "عادل الجبير"
    assert Document.from_dict(doc.to_dict()).references == doc.references


def test_a_title_of_one_state_is_not_taken_for_another_states_king() -> None:
    # «خادم الحرمين الشريفين» is the Saudi king, not the Jordanian king named with «الملك».
    doc = _references("استقبل الملك عبدالله الثاني في عمان ولي العهد. وأبلغه تحيات الملك سلمان بن عبدالعزيز. "
                      "وكانت وجهات نظر خادم الحرمين الشريفين وأخيه متطابقة.", "2015-08-01")
    assert [_referred(doc, r) for r in doc.references if r.kind == "title"
            and doc.span_text(r.span) == "خادم الحرمين الشريفين"] == [
        ("خادم الحرمين الشريفين", "title", "salman")]


def test_a_title_named_with_a_past_holder_is_not_remembered() -> None:
    # «الملك فيصل» in a 2015 story is history: «العاهل» later is not Faisal.
    doc = _references("وكانت الرابطة قد تأسست برعاية الملك فيصل. وقال العاهل إن المملكة ماضية في دعم "
                      "العمل الإسلامي.", "2015-08-01")
    assert all(doc.entities[r.entity].kb_id != "faisal" for r in doc.references)


def test_a_title_after_a_comma_and_a_name_lists_another_person() -> None:
    doc = _references("استقبل خالد العطية، وزير الخارجية البحريني في الدوحة.", "2014-02-01")
    assert [r for r in doc.references if r.kind == "title"] == []


def test_a_body_named_after_a_place_is_not_the_place() -> None:
    # «جمعية جدة الخيرية … الجمعية»: the society, not Jeddah; «حكومة اليمن … الحكومة» is Yemen's.
    doc = _references("وأعلنت جمعية جدة الخيرية توزيع السلال. وقالت الجمعية إن التوزيع مستمر.", "2015-08-01")
    assert [r for r in doc.references if r.kind == "body"] == []


def test_a_pronoun_goes_to_the_one_introduced_with_its_honorific_over_a_long_title() -> None:
    # «معالي» eleven words before the name; «معاليه» is not the king named in between.
    text = ("وحضر الحفل معالي الرئيس العام لشؤون المسجد الحرام والمسجد النبوي الشيخ الدكتور عبدالرحمن "
            "السديس. وأشاد بدعم خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز. وقال معاليه إن الموسم "
            "كان ناجحا.")
    doc = marsad.analyze(text, "2015-08-01", stages=("clean", "segment"))
    doc.entities = [Entity("PER", (_span_of(doc, "عبدالرحمن السديس"),)),
                    Entity("PER", (_span_of(doc, "سلمان بن عبدالعزيز"),), kb_id="salman")]
    pronouns = [r for r in find_references(doc, load()) if r.kind == "pronoun"]
    assert [(doc.span_text(r.span), r.entity) for r in pronouns] == [("معاليه", 0)]


def _span_of(doc: Document, surface: str) -> Span:
    start = doc.text.index(surface)
    return Span(start, start + len(surface))


@pytest.mark.parametrize(("text", "bodies"), [
    # A head noun before an organisation's name names it; a definite object after the body noun
    # does not describe it; a relative clause after it does not either.
    ("وشنت ميليشيات الحوثيين هجوما على مدينة تعز. وبررت الميليشيات القصف بالدفاع عن النفس.",
     [("الميليشيات", "Houthis")]),
    ("طلبت حكومة إريتريا التحقيق في التهريب. وأكدت الحكومة التي اتهمت منظمات حقوقية أن لديها أدلة.",
     [("الحكومة", "Eritrea")]),
])
def test_a_body_noun_after_its_name(text: str, bodies: list[tuple[str, str]]) -> None:
    doc = marsad.analyze(text, dt.date(2015, 8, 1))
    assert [(doc.span_text(r.span), doc.entities[r.entity].name_en) for r in doc.references
            if r.kind == "body"] == bodies


def test_the_references_field_has_its_schema() -> None:
    from marsad.core import contract

    doc = marsad.analyze("استقبل وزير الخارجية عادل الجبير نظيره الفرنسي. وأكد معاليه أن المباحثات مثمرة.",
                         dt.date(2016, 5, 1)).to_dict()
    assert doc["references"] and contract.problems(doc) == []
    doc["references"][0]["kind"] = "nickname"
    assert any(p.startswith("references/0/kind") for p in contract.problems(doc))
