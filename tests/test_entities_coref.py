"""Titles and honorific pronouns join the entity of the person they point back to."""

from __future__ import annotations

import pytest

from conftest import entity_by_mention, kb_reading


@pytest.mark.parametrize(("text", "published", "reference", "kb_id"), [
    # A pronoun stands for the subject of the sentence before it, not the guest.
    ("استقبل وزير الخارجية عادل الجبير في الرياض نظيره الإيراني محمد جواد ظريف. وأكد معاليه أن "
     "المملكة تدعم الحل السياسي.", "2016-05-01", "معاليه", "adel_al_jubeir"),
    # A bare title after a named holder of the role.
    ("وصل وزير الخارجية القطري خالد العطية إلى القاهرة. وقال وزير الخارجية إن بلاده تدعم الحوار.",
     "2014-02-01", "وزير الخارجية", "khalid_al_attiyah"),
    # الوزير: any minister named before.
    ("أعلن وزير الطاقة خالد الفالح خفض الإنتاج. وأضاف الوزير أن السوق ستتوازن.", "2017-01-10",
     "الوزير", "khalid_al_falih"),
    # سموه after a prince the knowledge base has no office for: the person named before it.
    ("افتتح الأمير فيصل بن خالد مشروعا في أبها، وأوضح سموه أن المنطقة تشهد نموا.", "2015-03-01",
     "سموه", "faisal_bin_khalid"),
    # A bare title with no person named: the holder in the article's main state on that date.
    ("وقال ولي العهد السعودي في الرياض إن المملكة ستواصل الإصلاحات. وأكد ولي العهد أن الرؤية تمضي.",
     "2016-05-01", "ولي العهد", "mohammed_bin_nayef"),
])
def test_reference_joins_the_persons_entity(text: str, published: str, reference: str, kb_id: str) -> None:
    doc = kb_reading(text, published)
    entity = entity_by_mention(doc)[reference]
    assert entity.kb_id == kb_id
    assert entity.type == "PER"


def test_a_title_with_a_nationality_is_not_taken_for_an_earlier_person() -> None:
    # وزير الخارجية الأمريكي is not Jubeir, named before with the same role.
    doc = kb_reading("قال وزير الخارجية عادل الجبير إن المملكة تدعم الحل. ورد وزير الخارجية "
                     "الأمريكي بأن واشنطن توافق.", "2016-05-01")
    by_mention = entity_by_mention(doc)
    assert by_mention["وزير الخارجية الأمريكي"].kb_id == "kerry"
    assert [doc.span_text(m) for m in by_mention["عادل الجبير"].mentions] == ["عادل الجبير"]


def test_a_pronoun_with_nobody_named_before_it_is_no_mention() -> None:
    doc = kb_reading("وأكد معاليه أن المملكة تدعم الحل السياسي.", "2016-05-01")
    assert "معاليه" not in entity_by_mention(doc)
