"""Speakers the quotes stage finds behind a document, after a comma and in unnamed individuals.

«وأوضح بيان للتحالف أن …»: the body that issued the statement speaks, and a later «البيان»
told alone speaks for it too, its phrase ending at the document; «رئيس الغرفة، فلان،»: the name
set off after the post is the speaker; «وقالت المرأة»: an unnamed individual speaks for nobody.
The passages are written in wire style for these tests.
"""

from __future__ import annotations

import marsad
from marsad.core.document import Document, Entity, Quote, Span
from marsad.stages.quotes import find_quote_sets


def _said(doc: Document, quotes: list[Quote]) -> list[tuple[str, str, str | None]]:
    """(content, speaker text, speaker's English name) of each quote."""
    out = []
    for q in quotes:
        ent = doc.entities[q.speaker.entity] if q.speaker.entity is not None else None
        out.append((doc.span_text(q.content), doc.span_text(q.speaker.span),
                    ent.name_en if ent is not None else None))
    return out


def test_a_report_speaks_for_its_issuer_and_the_report_told_again_too() -> None:
    doc = marsad.analyze("وذكر تقرير صادر عن منظمة العفو الدولية أن آلاف المدنيين قتلوا في النزاع. "
                         "وأضاف التقرير أن السلطات لم تحقق في الانتهاكات.", "2015-08-04")
    assert [(c, who) for c, _, who in _said(doc, doc.quotes)] == [
        ("آلاف المدنيين قتلوا في النزاع", "Amnesty International"),
        ("السلطات لم تحقق في الانتهاكات", "Amnesty International")]


def test_according_to_the_statement_stops_at_the_statement() -> None:
    text = ("أعلنت وزارة الصحة السعودية تسجيل إصابات جديدة بفيروس كورونا. وأوضح بيان للوزارة أن "
            "المصابين يتلقون العلاج في مستشفيات الرياض. وبحسب البيان ستبدأ حملة توعية في المدارس "
            "الأسبوع المقبل.")
    doc = marsad.analyze(text, "2015-08-04")
    said = _said(doc, doc.quotes)
    assert [c for c, _, _ in said] == ["المصابين يتلقون العلاج في مستشفيات الرياض",
                                        "ستبدأ حملة توعية في المدارس الأسبوع المقبل"]
    assert said[0][1:] == said[1][1:]
    assert "وزارة" in said[1][1] and "البيان" not in said[1][1]


def test_a_name_set_off_after_the_post_is_the_speaker() -> None:
    doc = marsad.analyze("وقال نائب رئيس مجلس إدارة الغرفة التجارية بجدة، مازن بترجي، إن الطلب على "
                         "العقار تراجع بنسبة كبيرة.", "2015-08-04")
    assert [(c, s) for c, s, _ in _said(doc, doc.quotes)] == [
        ("الطلب على العقار تراجع بنسبة كبيرة", "مازن بترجي")]


def test_unnamed_individuals_speak_for_nobody() -> None:
    text = ("ضبطت الشرطة ثلاث نساء بتهمة الاحتيال عبر الإنترنت. ونقلت صحيفة محلية عن إحداهن قولها إن "
            "الفكرة بدأت بمزحة بين صديقات. وأوضحت المرأة أنها لم تكن تنوي السفر. وقال مواطن سوري إن "
            "الأسعار ارتفعت كثيرا.")
    doc = marsad.analyze(text, "2015-08-04")
    assert doc.quotes == []
    assert [s for _, s, _ in _said(doc, doc.unattributed)] == ["إحداهن", "المرأة", "مواطن سوري"]


def test_an_agency_credit_in_brackets_is_no_content() -> None:
    text = ("التقت وزيرة الخارجية السويدية مارغوت فالستروم نظيرها الأردني في عمان. وحسب ما نقلته وكالة "
            "(أ ف ب) ذكرت الوزيرة أن بلادها ستزيد مساعداتها للاجئين السوريين.")
    doc = marsad.analyze(text, "2015-08-04")
    assert [(c, s) for c, s, _ in _said(doc, doc.quotes)] == [
        ("بلادها ستزيد مساعداتها للاجئين السوريين", "الوزيرة")]


def test_an_individual_with_a_name_the_tagger_missed_is_attributed() -> None:
    doc = marsad.analyze("وقالت الأم سهام إن أهل الحي لم يتركوها منذ وصولها إلى المدينة.", "2015-08-04")
    assert [s for _, s, _ in _said(doc, doc.quotes)] == ["الأم سهام"] and doc.unattributed == []


def test_the_statement_told_again_is_the_body_that_issued_it_in_a_clause() -> None:
    text = ("من جهتها، رحبت حركة حماس في بيان بالمبادرة المصرية للتهدئة. وقال البيان إن الحركة مستعدة "
            "للحوار مع جميع الأطراف.")
    doc = marsad.analyze(text, "2015-08-04")
    assert [(c, who) for c, _, who in _said(doc, doc.quotes)] == [
        ("الحركة مستعدة للحوار مع جميع الأطراف", "Hamas")]


def test_adjectives_after_the_document_do_not_hide_its_issuer() -> None:
    doc = marsad.analyze("وكشف التقرير السنوي لصندوق النقد الدولي أن النمو العالمي سيتباطأ هذا العام.",
                         "2015-08-04")
    assert [(c, who) for c, _, who in _said(doc, doc.quotes)] == [
        ("النمو العالمي سيتباطأ هذا العام", "International Monetary Fund")]


def test_a_study_named_by_its_nationality_has_no_issuer() -> None:
    doc = marsad.analyze("وذكرت دراسة ألمانية حديثة أن الإضرابات الأخيرة أثرت في الاقتصاد.", "2015-08-04")
    assert [s for _, s, _ in _said(doc, doc.quotes)] == ["دراسة ألمانية حديثة"]


def test_a_subject_before_an_adverb_of_turn_set_off_by_commas() -> None:
    text = ("أوقفت السلطات ثلاثة مشتبه بهم في قضية احتيال. الشرطة المحلية، من جانبها، ذكرت أنها عثرت "
            "على حسابات وهمية كثيرة على مواقع التواصل.")
    doc = marsad.analyze(text, "2015-08-04")
    assert [(c, s) for c, s, _ in _said(doc, doc.quotes)] == [
        ("عثرت على حسابات وهمية كثيرة على مواقع التواصل", "الشرطة المحلية")]


def _tagged(text: str, orgs: list[tuple[str, str | None]]) -> Document:
    """``text`` cleaned and segmented, with organisations given by hand as (mention, kb id)."""
    doc = marsad.analyze(text, "2015-08-04", stages=("clean", "segment"))
    doc.entities = [Entity("ORG", tuple(Span(k, k + len(m)) for k in range(len(doc.text)) if doc.text.startswith(m, k)),
                           kb_id=kb, name_en=kb or m) for m, kb in orgs]
    return doc


def test_a_body_named_by_description_speaks_for_the_one_named_in_apposition() -> None:
    text = ("زار مدير الهيئة الخيرية «أنقذوا الأطفال» مخيمات النازحين في شمال العراق. وقالت الهيئة "
            "الإنسانية الدولية إن الاحتياجات تفوق الإمكانات المتاحة.")
    doc = _tagged(text, [("أنقذوا الأطفال", "save_the_children"), ("الهيئة الإنسانية الدولية", None)])
    said, _ = find_quote_sets(doc)
    assert [(c, who) for c, _, who in _said(doc, said)] == [
        ("الاحتياجات تفوق الإمكانات المتاحة", "save_the_children")]


def test_a_description_with_no_name_in_apposition_is_left_alone() -> None:
    text = ("زار وفد من المانحين مخيمات النازحين في شمال العراق. وقالت الهيئة الإنسانية الدولية إن "
            "الاحتياجات تفوق الإمكانات المتاحة.")
    doc = _tagged(text, [("الهيئة الإنسانية الدولية", None)])
    said, _ = find_quote_sets(doc)
    assert [who for _, _, who in _said(doc, said)] == ["الهيئة الإنسانية الدولية"]


def test_a_document_annexed_to_a_name_without_the_article_speaks_for_that_body() -> None:
    # «قرار مجلس الأمن»: the council's name opens without ال, as «وزارة …» does.
    doc = marsad.analyze("جاء في قرار مجلس الأمن الدولي، أمس، أن المجلس يصادق على اتفاق فيينا.", "2015-07-21")
    assert [(c, who) for c, _, who in _said(doc, doc.quotes)] == [
        ("المجلس يصادق على اتفاق فيينا", "United Nations Security Council")]


def test_an_acronyms_dots_open_no_clause_before_the_verb() -> None:
    # «بي.بي.سي» is the outlet of the interview, not a subject opening the clause after its dots.
    doc = marsad.analyze("غير ان اوباما وفي مقابلة مع بي.بي.سي قال انه ليس من هواة التمييز.", "2015-07-27")
    assert [(c, who) for c, _, who in _said(doc, doc.quotes)] == [("ليس من هواة التمييز", "Barack Obama")]
