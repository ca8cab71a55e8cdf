"""«قال ذلك … الوزير»: an attribution that points back at the sentence before it, through the
whole pipeline, on passages written for these tests in Saudi news style."""

from __future__ import annotations

import datetime as dt

import marsad


def _quotes(text: str) -> list[tuple[str, str, str]]:
    """(speaker text, cue, content) of every attributed quote."""
    doc = marsad.analyze(text, dt.date(2015, 8, 1))
    return [(doc.span_text(q.speaker.span), doc.span_text(q.cue) if q.cue else "", doc.span_text(q.content))
            for q in doc.quotes]


def test_said_that_gives_the_sentence_before_to_the_speaker_after() -> None:
    text = ("تستعد وزارة الصحة لافتتاح ثلاثة مستشفيات جديدة في المنطقة الشرقية قبل نهاية العام الجاري. "
            "قال ذلك لـ«الرياض» وزير الصحة خالد الفالح، وأضاف أن المستشفيات ستخدم أكثر من مليون نسمة.")
    assert _quotes(text) == [
        ("خالد الفالح", "قال",
         "تستعد وزارة الصحة لافتتاح ثلاثة مستشفيات جديدة في المنطقة الشرقية قبل نهاية العام الجاري"),
        ("خالد الفالح", "أضاف", "المستشفيات ستخدم أكثر من مليون نسمة")]


def test_declared_with_bi_dhalik_and_the_dropped_subject_after_it() -> None:
    text = ("وجهت أمانة منطقة الرياض بإزالة المباني المهجورة في الأحياء القديمة خلال شهرين. صرح بذلك "
            "وكيل الأمانة للخدمات المهندس سعد العتيبي. وأوضح أن فرق الأمانة حصرت أكثر من مئتي مبنى.")
    found = _quotes(text)
    assert [(s, c) for s, c, _ in found] == [("سعد العتيبي", "صرح"), ("سعد العتيبي", "أوضح")]
    assert found[0][2].startswith("وجهت أمانة منطقة الرياض")


def test_no_pointer_when_the_sentence_before_has_its_own_speaker() -> None:
    text = ("أكد وزير التعليم عزام الدخيل أن العام الدراسي سيبدأ في موعده. قال ذلك خلال زيارته "
            "لإدارة تعليم جدة أمس.")
    assert [s for s, _, _ in _quotes(text)] == ["عزام الدخيل"]


def test_a_verbal_noun_after_the_verb_is_its_object_not_the_speaker() -> None:
    text = ("دعا رئيس الجمعية الوطنية لحقوق الإنسان الدكتور مفلح القحطاني إلى حماية العمالة المنزلية. "
            "وأكد دعم الجمعية لجهود وزارة العمل، مشددا على أن حقوق العمال مصونة بالنظام.")
    assert [(s, c) for s, c, _ in _quotes(text)] == [("مفلح القحطاني", "مشددا")]


def test_the_object_of_lafata_is_no_speaker() -> None:
    text = ("دعا رئيس الجمعية الوطنية لحقوق الإنسان الدكتور مفلح القحطاني إلى حماية العمالة المنزلية. "
            "ولفت الانتباه إلى أن الجمعية تلقت مئات الشكاوى هذا العام. ولفتت الوزارة النظر إلى أن بعض "
            "المكاتب تخالف العقود.")
    assert [(s, c) for s, c, _ in _quotes(text)] == [("مفلح القحطاني", "لفت"), ("الوزارة", "لفتت")]


def test_a_colon_after_according_to_opens_the_sources_words() -> None:
    text = ("واعتقل التنظيم أمس خمسة عشر خياطا في الموصل لرفضهم خياطة ملابس لمسلحيه، وحسب المسؤول الكردي "
            "سعيد مموزيني: «أعدم التنظيم فورا أربعة منهم». وقتل عشرة مسلحين في غارة جوية، بحسب المرصد.")
    assert _quotes(text) == [("سعيد مموزيني", "حسب", "أعدم التنظيم فورا أربعة منهم"),
                             ("المرصد", "بحسب", "قتل عشرة مسلحين في غارة جوية")]


def test_a_wire_credit_spelled_with_full_stops_does_not_end_the_sentence() -> None:
    # «(د. ب. أ)» is dpa's credit: its full stops end no sentence, so the speech after it is found.
    text = ("أفادت مصادر أمنية عراقية الأحد بمقتل 11 من تنظيم داعش في ديالى.\nوقالت المصادر لوكالة "
            "الأنباء الألمانية (د. ب. أ) إن طيران التحالف الدولي قصف مواقع تابعة لتنظيم داعش قرب كركوك.")
    assert [(s, c) for s, c, _ in _quotes(text)] == [("المصادر", "قالت")]
    doc = marsad.analyze(text, dt.date(2015, 8, 1))
    assert len(doc.sentences) == 2


def test_a_participle_continues_a_body_named_after_a_bare_verb() -> None:
    text = ("دعت وزارة الخارجية المصرية السلطات الإيرانية أمس إلى عدم التدخل في شؤون الدول العربية، "
            "مؤكدة أن أمن دول الخليج مرتبط بالأمن القومي المصري.")
    doc = marsad.analyze(text, dt.date(2015, 7, 22))
    assert [(doc.span_text(q.cue) if q.cue else "", doc.entities[q.speaker.entity].kb_id if q.speaker.entity is not None
             else None) for q in doc.quotes] == [("مؤكدة", doc.entities[0].kb_id)]
    assert doc.entities[0].name_en == "Ministry of Foreign Affairs (Egypt)"


def test_but_with_a_pronoun_gives_the_verb_the_clauses_actor() -> None:
    text = ("وقال ظريف إن بلاده ستدعم حلفاءها. وتنفي ايران التدخل في شؤون جيرانها لكنها تقول إن الاتفاق "
            "النووي لن يغير من سياساتها في المنطقة.")
    assert [(s, c) for s, c, _ in _quotes(text)] == [("ظريف", "قال"), ("ايران", "تقول")]


def test_but_with_a_pronoun_skips_a_place_named_inside_a_noun_phrase() -> None:
    # «جولة الخرطوم»: the place is no actor, and the titled adviser is no entity: no speaker is guessed.
    text = ("الحذر نفسه من جولة الخرطوم عبر عنه مستشار وزير الري، لكنه اعترف أيضا بأن الوقت ليس في "
            "صالح بلاده.")
    assert all(s != "الخرطوم" for s, _, _ in _quotes(text))


def test_a_relative_clause_between_speaker_and_ala_is_read_past() -> None:
    text = ("وشدد جعجع، الذي يعد أحد أبرز المتنافسين على منصب الرئاسة الشاغر في لبنان، على ضرورة إقرار "
            "قانون جديد للانتخابات.")
    assert _quotes(text) == [("جعجع", "شدد", "ضرورة إقرار قانون جديد للانتخابات")]


def test_a_nested_attribution_keeps_the_outer_quote_and_its_participle() -> None:
    # «وبين الصباغ أن الدكتور الربيعة أكد …»: the spokesman reports what the supervisor said; both
    # are quotes, and the participle after them goes on with the spokesman.
    text = ("وبين المتحدث باسم المركز رأفت الصباغ أن الدكتور عبدالله الربيعة استقبل الوفد. وبين الصباغ أن "
            "الدكتور الربيعة أكد للمسؤولين اليمنيين خلال الاجتماع استمرار المساعدات وأن فرقا من المركز "
            "تتناوب لإيصال هذه المساعدات، مشيرا إلى أن توالي المساعدات يدل على الروابط الأخوية.")
    doc = marsad.analyze(text, dt.date(2015, 8, 1))
    found = [(doc.span_text(q.cue) if q.cue else "", doc.entities[q.speaker.entity].name_en
              if q.speaker.entity is not None else None, doc.span_text(q.content)[:20]) for q in doc.quotes]
    assert found[1:] == [("بين", "Rafat al-Sabbagh", "الدكتور الربيعة أكد "),
                         ("أكد", "Abdullah al-Rabeeah", "فرقا من المركز تتناو"),
                         ("مشيرا", "Rafat al-Sabbagh", "توالي المساعدات يدل ")]


def test_the_same_source_carries_back_an_unlinked_body_with_its_words() -> None:
    text = ("بدأ العمل في مشروع تصريف السيول بالمحافظة. وأضافت إدارة الطوارئ البلدية أن المشروع سينجز "
            "خلال عامين. وبحسب المصدر نفسه تبلغ تكلفة المشروع مئة مليون ريال.")
    assert [(s, c) for s, c, _ in _quotes(text)] == [("إدارة الطوارئ البلدية", "أضافت"),
                                                     ("إدارة الطوارئ البلدية", "بحسب")]
