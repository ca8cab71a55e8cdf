"""Quotes take the entity a title, honorific pronoun or body noun refers to (``doc.references``),
through the whole pipeline."""

from __future__ import annotations

import datetime as dt

import marsad
from marsad.core.document import Document


def _speakers(text: str, published: dt.date, field: str = "kb_id") -> list[tuple[str, str | None]]:
    """(speaker text, the speaker entity's ``field``: its knowledge-base id) of every quote."""
    doc = marsad.analyze(text, published)
    return [(doc.span_text(q.speaker.span),
             getattr(doc.entities[q.speaker.entity], field) if q.speaker.entity is not None else None)
            for q in doc.quotes]


def test_titles_and_pronouns_speak_for_the_minister() -> None:
    text = ("التقى معالي وزير الخارجية الأستاذ عادل الجبير في جدة نظيره البريطاني. وأوضح معالي وزير "
            "الخارجية أن اللقاء كان مثمرا. وقال معاليه إن زيارة صاحب السمو الملكي الأمير محمد بن سلمان "
            "إلى لندن عززت العلاقات. وأضاف معاليه أن البلدين يتفقان على دعم اليمن.")
    assert _speakers(text, dt.date(2015, 9, 1)) == [
        ("وزير الخارجية", "adel_al_jubeir"), ("معاليه", "adel_al_jubeir"), ("معاليه", "adel_al_jubeir")]


def test_a_body_noun_speaks_for_the_body_named_before() -> None:
    text = ("أعلنت وزارة الخارجية التركية أن أنقرة طلبت عقد اجتماع طارئ لحلف شمال الأطلسي. وأضافت "
            "الوزارة في بيان أن الاجتماع سيعقد الثلاثاء.")
    speakers = _speakers(text, dt.date(2015, 7, 27))
    assert [s for s, _ in speakers] == ["وزارة الخارجية التركية", "الوزارة"]
    assert speakers[0][1] is not None and speakers[1][1] == speakers[0][1]


def test_wire_bodies_shortened_to_their_head_noun_speak_for_themselves() -> None:
    # A UN programme and a monitor named once in full, then by their head noun alone.
    text = ("وزع برنامج الأغذية العالمي مساعدات على آلاف الأسر في تعز. وقال البرنامج في بيان إن "
            "القوافل ستتواصل رغم القتال. من جهته، أفاد المرصد السوري لحقوق الإنسان بمقتل عشرة مدنيين "
            "في ريف إدلب. وأوضح المرصد أن الطائرات قصفت سوقا شعبية.")
    assert _speakers(text, dt.date(2015, 8, 1)) == [("البرنامج", "wfp"), ("المرصد", "sohr")]


def speaker_names(doc: Document) -> list[str | None]:
    """The English name of each quote's speaker (None for a speaker no entity names)."""
    return [doc.entities[q.speaker.entity].name_en if q.speaker.entity is not None else None for q in doc.quotes]


def test_a_post_told_beside_a_name_speaks_for_that_person_later() -> None:
    # The post is told once beside the name, then alone as the subject of a later cue.
    text = ("طالب الدكتور هادي بن علي اليامي رئيس لجنة حقوق الإنسان العربية بالتحقيق في الجرائم المرتكبة "
            "في اليمن. وقال اليامي إن التمرد المسلح يهدد حقوق الشعوب. وشدد رئيس لجنة حقوق الإنسان "
            "العربية على أهمية توثيق الانتهاكات.")
    doc = marsad.analyze(text, dt.date(2015, 8, 1))
    names = speaker_names(doc)
    assert names == ["Hadi bin Ali al-Yami", "Hadi bin Ali al-Yami"]


def test_a_post_in_the_lead_speaks_for_the_person_named_after_it_later() -> None:
    text = ("قال نائب مندوب السودان بالأمم المتحدة، الاثنين، إن الرئيس السوداني عمر البشير يعتزم السفر إلى "
            "نيويورك.\nولدى سؤاله عن الزيارة قال نائب مندوب السودان لدى الأمم المتحدة حسن حميد حسن إن الموعد "
            "لم يحدد.")
    doc = marsad.analyze(text, dt.date(2015, 8, 3))
    names = speaker_names(doc)
    assert names == ["Hassan Hamid Hassan", "Hassan Hamid Hassan"]


def test_a_definite_post_does_not_look_forward_past_another_title() -> None:
    # «المبعوث الخاص» refers back; «الوزير ظريف» after it later is someone else.
    text = ("زار المبعوث الخاص إلى سوريا ستيفان دي مستورا طهران اليوم. وقال المبعوث الخاص إن الحل سياسي. "
            "كما اطلع المبعوث الخاص على وجهات نظر الوزير محمد جواد ظريف.")
    doc = marsad.analyze(text, dt.date(2015, 8, 3))
    assert all(doc.entities[q.speaker.entity].name_en != "Mohammad Javad Zarif"
               for q in doc.quotes if q.speaker.entity is not None)


def test_a_bare_title_speaks_for_the_person_told_beside_it_who_had_not_spoken() -> None:
    text = ("جاء ذلك خلال لقاء نجم الدين كريم محافظ كركوك مع المفوض الأوروبي للمساعدات الإنسانية. وقال "
            "المحافظ ان مدينة كركوك هي الوحيدة التي صمدت بوجه الارهابيين.")
    assert _speakers(text, dt.date(2015, 7, 26), "name_ar") == [("المحافظ", "نجم الدين كريم")]


def test_a_title_told_before_another_post_names_nobody_for_the_bare_title() -> None:
    # «مستشار» is the post of the man named; «الوزير» is someone else.
    text = ("واستقبل رئيس البلدية خالد منصور مستشار الرئيس للشؤون الأمنية في مكتبه. وقال المحافظ إن "
            "الاجتماع بحث أوضاع المدينة.")
    assert _speakers(text, dt.date(2015, 7, 26), "name_ar") == [("المحافظ", None)]
