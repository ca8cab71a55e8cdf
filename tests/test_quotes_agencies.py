"""Speakers that a state agency, an unnamed source placed in the story's state, a statement told
with a fronted phrase or a singular participle name, and a threat suffered inside a statement,
through the whole pipeline (sentences written for these cases, in the style of the wire copy where
each was seen)."""

from __future__ import annotations

import datetime as dt

import marsad
from marsad.core.document import Document

DAY = dt.date(2015, 7, 27)


def _speakers(doc: Document) -> list[tuple[str, str | None, str]]:
    """(speaker text, the speaker entity's country, first words of the content) of every quote."""
    return [(doc.span_text(q.speaker.span),
             doc.entities[q.speaker.entity].country if q.speaker.entity is not None else None,
             " ".join(doc.span_text(q.content).split()[:2]))
            for q in doc.quotes]


def test_a_bare_police_or_army_speaks_for_the_story_state() -> None:
    doc = marsad.analyze("أصيب عشرة من رجال الشرطة في تفجيرين في جنوب شرق تركيا وفي ديار بكر وماردين. وقالت "
                         "الشرطة إنه تم اختطاف ضابط في إقليم ديار بكر.", DAY)
    assert _speakers(doc) == [("الشرطة", "TUR", "تم اختطاف")]


def test_a_state_agency_with_a_name_of_its_own_speaks_for_no_story_state() -> None:
    # «الجيش الحر» is a body, not the Syrian state's army.
    doc = marsad.analyze("تواصلت المعارك في ريف حلب شمال سوريا وفي حمص ودرعا. وقال الجيش الحر إن قواته "
                         "تتقدم نحو المطار.", DAY)
    assert [(s, c) for s, c, _ in _speakers(doc)] == [("الجيش الحر", "SYR")]
    assert doc.entities[doc.quotes[0].speaker.entity].type == "ORG"  # type: ignore[index]


def test_a_source_placed_in_a_province_speaks_for_its_state_and_keeps_its_phrase() -> None:
    doc = marsad.analyze("قتل ثلاثة في عدن وأصيب آخرون في لحج وتعز اليمنية. وقال مصدر أمني في محافظة لحج إن "
                         "الهجوم وقع فجرا.", DAY)
    assert _speakers(doc) == [("مصدر أمني في محافظة لحج", "YEM", "الهجوم وقع")]


def test_the_source_goes_back_to_the_sources_of_the_armys_command() -> None:
    text = ("أكدت مصادر في قيادة الجيش الوطني في محافظة تعز السيطرة الكاملة على مديريتي مشرعة وحدنان "
            "في تعز، فيما تتواصل المعارك في عدن. ونوه المصدر بالدعم الكبير الذي تقدمه قوات التحالف، "
            "مشيرا إلى أن هناك مفاجآت في الأيام القادمة.")
    assert _speakers(marsad.analyze(text, DAY)) == [("المصدر", "YEM", "هناك مفاجآت")]


def test_a_pointing_participle_in_ta_is_one_man_not_a_pair() -> None:
    # «لافتا» ends like the dual «قالتا»: read as plural, it gave the quote to «الحوثيين».
    doc = marsad.analyze("وأشار السفير محمد الهيصمي إلى وجود 13 صحفيا مختفين على أيدي الحوثيين، لافتا إلى أنه "
                         "جرى إغلاق مقرات المؤسسات الإعلامية.", DAY)
    assert [s for s, _, _ in _speakers(doc)] == ["محمد الهيصمي", "محمد الهيصمي"]


def test_the_statement_told_after_a_fronted_phrase_speaks_for_its_teller() -> None:
    doc = marsad.analyze("وفي السياق نفسه، قال البيت الأبيض في بيان إن أوباما وأردوغان اتفقا على العمل معا. "
                         "وقال البيان إن الزعيمين ناقشا أيضا تعميق تعاونهما.", DAY)
    # The statement's quote is carried to the body that issued it, as «الوزارة» is.
    assert [(s, c) for s, c, _ in _speakers(doc)] == [("البيت الأبيض", "USA"), ("البيت الأبيض", "USA")]


def test_a_threat_suffered_in_a_statement_is_not_the_speakers() -> None:
    doc = marsad.analyze("وأكد السفير محمد الهيصمي في تصريحات أمس، لافتا إلى أنه تعرض الصحفيون للتهديد والخطف.",
                         DAY)
    threats = [e for e in doc.events if e.type == "THREATEN"]
    assert threats and not threats[0].source
    assert [doc.span_text(a.span) for a in threats[0].target] == ["الصحفيون"]


def test_a_title_phrase_before_the_name_opens_the_clause_after_however() -> None:
    # «غير أن/إلا أن» then a title phrase, the name and the verb (SVO): the named official speaks.
    for text in ("غير أن وزير الخارجية عادل الجبير أكد أن بلاده ستواصل دعم اليمن.",
                 "إلا أن المرشد الأعلى الإيراني آية الله علي خامنئي حذر السبت من أن بلاده ستواصل دعم حلفائها."):
        doc = marsad.analyze(text, DAY)
        assert len(doc.quotes) == 1 and doc.quotes[0].speaker is not None
        assert doc.entities[doc.quotes[0].speaker.entity].type == "PER"  # type: ignore[index]


def test_a_name_apposed_after_a_title_of_address_speaks_for_the_post() -> None:
    # The post (with the place it is held at) is set off by commas from «الشيخ/المهندس + name».
    for text, name in (
            ("من جهته، قال رئيس القطاع الديني بوزارة الأوقاف، الشيخ محمد عبد الرازق، إنه لا تهاون في إغلاق "
             "المعاهد.", "محمد عبد الرازق"),
            ("وقال مدير الغرفة التجارية بجدة، المهندس مازن بترجي، إن السوق مستقرة.", "مازن بترجي"),
            ("وقال رئيس النادي، الدكتور خالد العمري، إن الفريق جاهز.", "خالد العمري"),
            # «يدعى» gives the name of one described before it, as a title of address does.
            ("وقال شاهد عيان، يدعى أحمد سالم، إن الانفجار كان قويا.", "أحمد سالم")):
        doc = marsad.analyze(text, DAY)
        assert [s for s, _, _ in _speakers(doc)] == [name], text


def test_a_relay_whose_outlet_was_told_before_gives_the_one_relayed() -> None:
    # «ونقلت عنه قوله …» and «ونقلت عن جعفري قوله …»: the outlet of the sentence before relays again.
    lead = "ونقلت وكالة تسنيم عن قائد الحرس الثوري محمد علي جعفري قوله إن القرار غير مقبول. "
    for follow in ("ونقلت عنه قوله قبل وقت قصير من تمرير القرار «بعض أجزاء المسودة تجاوزت الخطوط الحمراء».",
                   "ونقلت عن جعفري قوله إن بعض أجزاء المسودة تجاوزت الخطوط الحمراء."):
        doc = marsad.analyze(lead + follow, DAY)
        speakers = [q.speaker.entity for q in doc.quotes if q.speaker is not None]
        assert len(doc.quotes) == 2 and speakers[0] is not None and speakers[1] == speakers[0], follow
        assert doc.span_text(doc.quotes[1].content).startswith("بعض أجزاء المسودة")


def test_moving_something_from_a_place_is_no_relay() -> None:
    doc = marsad.analyze("ونقلت الشركة عن مصنعها في جدة معدات جديدة إلى الرياض.", DAY)
    assert doc.quotes == []


def test_revealing_participle_goes_on_with_the_speaker() -> None:
    doc = marsad.analyze("أشار سامي الجابر إلى أن سيناريو الإقالة تم وهو في إسبانيا، كاشفاً أنه احتاج ليوم كامل "
                         "لاستيعاب القرار.", DAY)
    assert [s for s, _, _ in _speakers(doc)] == ["سامي الجابر", "سامي الجابر"]
    assert doc.span_text(doc.quotes[1].content).startswith("احتاج ليوم كامل")


def test_a_name_starting_like_a_preposition_keeps_its_first_letter() -> None:
    # «بيدار», «بلان», «كميل»: the tagger reads the whole name; ب/ك is no preposition glued to it.
    doc = marsad.analyze("وقال نائب الحاكم جول محمد بيدار إن القتال مستمر. وقال بيدار: إنه تم اعتقال قائد طالبان في "
                         "المنطقة.", DAY)
    assert [s for s, _, _ in _speakers(doc)][-1] == "بيدار"
    assert all(doc.text[q.speaker.span.start:q.speaker.span.end] == s  # the span is exact
               for q, (s, _, _) in zip(doc.quotes, _speakers(doc), strict=True) if q.speaker is not None)


def test_upon_his_arrival_is_no_speaker_and_digressing_goes_on_with_him() -> None:
    doc = marsad.analyze("وقالت موغيريني: «نعمل من أجل دعم هذا الاتفاق». وكان وزير الخارجية البريطاني فيليب هاموند "
                         "قال عند وصوله إلى الاجتماع: «نأمل في أن نرى إيران أقل سلبية في المنطقة». وتابع مستطردا "
                         "«أرى من الطبيعي تماما أن يلعب الاتحاد دورا مهما هنا».", DAY)
    assert [s for s, _, _ in _speakers(doc)][1:] == ["فيليب هاموند", "فيليب هاموند"]


def test_a_place_named_with_the_article_of_upon_stays_in_the_speakers_name() -> None:
    # «العند» (Al-Anad) is a place: «عند» (upon) stops a speaker's phrase only as written.
    doc = marsad.analyze("وقال المتحدث باسم جبهة ردفان العند إن المقاومة تتقدم نحو القاعدة.", DAY)
    assert [s for s, _, _ in _speakers(doc)] == ["المتحدث باسم جبهة ردفان العند"]


def test_an_official_named_by_title_and_nationality_speaks_for_that_state() -> None:
    # An ambassador no person resolves is an unnamed official of his state; so is an army
    # commander, the nationality coming after the agency; so is «السفير» told again after him.
    doc = marsad.analyze("وقال السفير اليمني إن الحوثيين خرقوا الهدنة في اليمن. وأضاف السفير أن وحدة مجلس "
                         "الأمن كفيلة بهزيمة الانقلاب. وقال قائد الجيش اللبناني إن الحدود آمنة في لبنان.", DAY)
    assert [(s, c) for s, c, _ in _speakers(doc)] == [
        ("السفير اليمني", "YEM"), ("السفير", "YEM"), ("قائد الجيش اللبناني", "LBN")]


def test_a_nationality_of_another_body_after_the_title_names_no_state_official() -> None:
    doc = marsad.analyze("وقال رئيس الرابطة الجماهيرية النيجيرية إن الجماهير ستحضر المباراة في نيجيريا.", DAY)
    assert [(s, c) for s, c, _ in _speakers(doc)] == [("رئيس الرابطة الجماهيرية النيجيرية", None)]


def test_the_services_of_a_state_agency_speak_for_its_state() -> None:
    doc = marsad.analyze("قتلت القوات الخاصة مسلحين في نالتشيك جنوب روسيا. وقالت اجهزة الامن الروسية ان هذه "
                         "المجموعة مسؤولة عن عدة جرائم. وقالت السلطات المصرية إن الحدود آمنة في مصر.", DAY)
    assert [(s, c) for s, c, _ in _speakers(doc)] == [("اجهزة الامن الروسية", "RUS"), ("السلطات المصرية", "EGY")]


def test_a_bare_title_after_an_official_told_with_his_nationality_speaks_for_that_state() -> None:
    # The ambassador's first words are a nominal request, no quote; «وأضاف السفير» is still his.
    doc = marsad.analyze("وقال المعلمي إن التحالف لا يستهدف المدنيين في اليمن. من ناحيته، طلب السفير اليمني من "
                         "مجلس الأمن «ممارسة المزيد من الضغط على الحوثيين». وأضاف السفير أن وحدة مجلس الأمن "
                         "كفيلة بهزيمة قوى الانقلاب.", DAY)
    assert [(s, c) for s, c, _ in _speakers(doc)][-1] == ("السفير", "YEM")


def test_a_counted_group_speaks_not_its_count() -> None:
    texts = ("وقال عدد من المسؤولين الأمريكيين إن الاتفاق مع إيران جيد.",
             "وأشاد عدد من المرضى بمبادرة بلدية الخبر، مؤكدين أنها خلقت نوعاً من التواصل.",
             # «من» before a verb is "who": «بعض» stays the speaker
             "وقال بعض من حضر اللقاء إن الأجواء كانت إيجابية.")
    assert [[(s, c) for s, c, _ in _speakers(marsad.analyze(t, DAY))] for t in texts] == [
        [("المسؤولين الأمريكيين", "USA")], [("المرضى", None)], [("بعض", None)]]
    # the participle of a counted group is the group's, not that of a group told the sentence before
    both = marsad.analyze(" ".join(texts[:2]), DAY)
    assert [s for s, _, _ in _speakers(both)] == ["المسؤولين الأمريكيين", "المرضى"]


def test_a_name_set_off_after_a_description_and_its_place_speaks() -> None:
    doc = marsad.analyze("بدوره، قال أحد المقاتلين في الجبهة الشمالية، يدعى محمد عبدالقوي، إن الحوثيين يقتلون "
                         "أسرى المقاومة في تعز.", DAY)
    assert [s for s, _, _ in _speakers(doc)] == ["محمد عبدالقوي"]
