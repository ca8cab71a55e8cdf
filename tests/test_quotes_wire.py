"""Speech in wire copy the rules used to miss: a relative clause about the speaker before إن, speech
that follows the outlet spoken to with no إن or colon, an outlet that tells a story itself (نقل
with no عن), an abbreviated title before a name, an adjective after an unnamed source's title,
and a source or spokesman that no phrase introduced.

The sentences are written for these tests (real-looking news, none from the devset or the
held-apart articles); entities are given by hand, as the entities stage would find them.
"""

from __future__ import annotations

import dataclasses
import functools

import pytest

from conftest import named_doc, quoted
from marsad.core.document import Entity, EntityType, Span
from marsad.stages.quotes import find_quote_sets
from marsad.stages.quotes.context import build_context
from marsad.stages.quotes.subjects import speaker_end_at

_doc = functools.partial(named_doc, published="2015-08-06")


CASES: list[tuple[str, list[tuple[EntityType, str]], list[tuple[str, str, int | None]]]] = [
    # A relative clause about the speaker has no complementiser of its own: the first إن after
    # it opens the speech (a comma later in the sentence does not close the clause).
    ("وقال خالد العمري المتحدث باسم القوات التي تقاتل المتمردين في المدينة إن المعارك مستمرة قرب "
     "المطار، حيث قال إن المقاتلين دمروا آليات كثيرة.",
     [("PER", "خالد العمري")],
     [("المعارك مستمرة قرب المطار", "خالد العمري", 0),
      ("المقاتلين دمروا آليات كثيرة", "خالد العمري", 0)]),
    # A verb of saying inside the relative clause is read past.
    ("ونفى الوزير الذي اعتبر من المتشددين خلال المفاوضات أن يكون موقفه سيؤثر على الشركات الوطنية.",
     [],
     [("أن يكون موقفه سيؤثر على الشركات الوطنية", "الوزير", None)]),
    # A relative clause closed by a comma, with the speech right after it, keeps its own أن.
    ("وأكدت الحكومة التي اتهمت المعارضة بأنها تقف وراء الاضطرابات، أن لديها أدلة دامغة.",
     [],
     [("لديها أدلة دامغة", "الحكومة", None)]),
    # After the outlet spoken to, قال/أضاف may go straight on with the words said.
    ("قال وزير الداخلية إن الوضع الأمني مستقر. وأضاف في تصريحات لـ«الوطن» الإجراءات التي اتخذت في "
     "المنافذ الحدودية كافية لمنع التسلل.",
     [("ORG", "الوطن")],
     [("الوضع الأمني مستقر", "وزير الداخلية", None),
      ("الإجراءات التي اتخذت في المنافذ الحدودية كافية لمنع التسلل", "وزير الداخلية", None)]),
    # ... but a title or name after the outlet is the subject placed there, not speech.
    ("وقال لـ«الوطن» مسؤول في وزارة الصحة إن الحالات المسجلة محدودة.",
     [("ORG", "الوطن"), ("ORG", "وزارة الصحة")],
     [("الحالات المسجلة محدودة", "مسؤول في وزارة الصحة", 1)]),
    # An outlet that relays nobody (نقل with no عن) tells the story itself; a later «المصدر» that
    # no phrase introduced is that outlet again.
    ("نقل موقع «الشرق» الإخباري، أن الحكومة تدرس رفع أسعار الوقود. ولفت المصدر إلى أن القرار سيصدر "
     "الشهر المقبل.",
     [("ORG", "الشرق")],
     [("الحكومة تدرس رفع أسعار الوقود", "الشرق", 0),
      ("القرار سيصدر الشهر المقبل", "المصدر", 0)]),
    # "د." and "م." are titles: the holder's name after them is the speaker.
    ("وأوضح المدير الطبي للمستشفى التخصصي د. سعد الحربي أن المستشفى استقبل 300 حالة خلال الأسبوع.",
     [("PER", "سعد الحربي")],
     [("المستشفى استقبل 300 حالة خلال الأسبوع", "سعد الحربي", 0)]),
    ("من جهته بين مدير عام فرع الهيئة بمنطقة جازان أمين عام مجلس التنمية بالمنطقة م. فهد الزهراني "
     "أن المعرض يهدف إلى دعم الأسر المنتجة.",
     [("GPE", "جازان"), ("PER", "فهد الزهراني")],
     [("المعرض يهدف إلى دعم الأسر المنتجة", "فهد الزهراني", 1)]),
    # A subject after a short adjunct of time: the one named there speaks, not the last speaker;
    # a title after "مع" in the adjunct is the one met, and the dropped subject stays.
    ("وكشف الاستطلاع أن الشركات تواجه ضغوطا كبيرة. وقالت في وقت سابق سوزان ميلر رئيسة المنظمة: "
     "«الفساد يهدد الاقتصاد العالمي». وأضافت في مؤتمر صحفي مع وزير المالية: «الشفافية تحمي المال العام».",
     [("PER", "سوزان ميلر")],
     [("الشركات تواجه ضغوطا كبيرة", "الاستطلاع", None),
      ("الفساد يهدد الاقتصاد العالمي", "سوزان ميلر", 0),
      ("الشفافية تحمي المال العام", "سوزان ميلر", 0)]),
    # The occasion between the subject and إلى is skipped: the noun phrase after it is reported.
    ("من جانبه، أشار الدكتور ناصر القحطاني نائب رئيس الجمعية في كلمته إلى الخطط الجديدة لدعم الأسر "
     "المحتاجة.",
     [("PER", "ناصر القحطاني")],
     [("الخطط الجديدة لدعم الأسر المحتاجة", "ناصر القحطاني", 0)]),
    # داعيا أن: a call, whose subjunctive أن belongs to what is reported.
    ("وقدم الأمير فيصل بن خالد التعازي لأسر الضحايا، داعيا الله أن يتغمدهم بواسع رحمته.",
     [("PER", "فيصل بن خالد")],
     [("أن يتغمدهم بواسع رحمته", "فيصل بن خالد", 0)]),
    # Members of a body with a pronoun suffix speak for the organisation named last.
    ("واحتشد العشرات من حركة «السلام الآن» أمام البرلمان، وقال أعضاؤها إنهم يرفضون بناء المستوطنات.",
     [("ORG", "السلام الآن")],
     [("يرفضون بناء المستوطنات", "أعضاؤها", 0)]),
    # The object after the holder's name is no part of the subject, so a later bare title refers
    # to the holder.
    ("افتتح أمين المنطقة د. صالح العمري معرض الكتاب في مركز المعارض. وقال أمين المنطقة إن المعرض "
     "يستقبل الزوار طوال الأسبوع.",
     [("PER", "صالح العمري")],
     [("المعرض يستقبل الزوار طوال الأسبوع", "أمين المنطقة", 0)]),
    # "للأنباء" ends the agency's name before عن; "د. الزهراني" is the surname of one named before.
    ("نقلت وكالة فارس الإيرانية للأنباء عن حسين سلامي قوله إن القرار مرفوض. وقال الدكتور علي الزهراني "
     "إن القرار مفاجئ. وأضاف د. الزهراني أن الخليج سيرد عليه.",
     [("PER", "حسين سلامي"), ("PER", "علي الزهراني")],
     [("القرار مرفوض", "حسين سلامي", 0), ("القرار مفاجئ", "علي الزهراني", 1),
      ("الخليج سيرد عليه", "الزهراني", 1)]),
    # A quotation right after the outlet's name in marks is the speech; a name the outlet phrase
    # cut short («إي.بي.سي») is not.
    ("وقال الضابط سيرغي إيفانوف لصحيفة “إزفستيا” “لا ننصح أحدا بالسفر إلى هناك في هذه الظروف”.",
     [("PER", "سيرغي إيفانوف"), ("ORG", "إزفستيا")],
     [("لا ننصح أحدا بالسفر إلى هناك في هذه الظروف", "سيرغي إيفانوف", 0)]),
    ("كما قال أحد أفراد العائلة لشبكة إي.بي.سي نيوز.", [], []),
    # A longer name in marks right after the verb, with an adjunct and إن after it, is the
    # subject; «البيان» later is its statement, whose issuer the sentence that told it names.
    ('قال ائتلاف لأسر المفقودين في بيان أمس إن الأجهزة الأمنية اعتقلت عددا من الناشطين. وقال '
     '"ائتلاف أسر المفقودين في سجون المدينة" في بيان تلقت الصحيفة نسخة منه إن "الحملة طالت العشرات". '
     'وقال البيان إن "التصعيد يهدد السلم الأهلي".',
     [],
     [("الأجهزة الأمنية اعتقلت عددا من الناشطين", "ائتلاف لأسر المفقودين", None),
      ("الحملة طالت العشرات", "ائتلاف أسر المفقودين في سجون المدينة", None),
      ("التصعيد يهدد السلم الأهلي", "ائتلاف لأسر المفقودين", None)]),
    # After a body noun, a name in marks before إن is the body's name (and the speaker is that
    # name, as a person's name after a title); after a title, three words in marks are speech.
    ("وقالت منظمة «أطباء بلا حدود» إن المستشفى تعرض للقصف مرتين.",
     [("ORG", "أطباء بلا حدود")],
     [("المستشفى تعرض للقصف مرتين", "أطباء بلا حدود", 0)]),
    ("وقال الوزير «نحن ملتزمون بالاتفاق» في مؤتمر صحفي، مؤكدا أن الحكومة لن تتراجع.",
     [],
     [("نحن ملتزمون بالاتفاق", "الوزير", None), ("الحكومة لن تتراجع", "الوزير", None)]),
    # "ومضى يقول": the last speaker goes on; an aside set off by dashes is the relay, and an
    # outlet's name the entities stage knows is read whole though a word of it is a stop word.
    ('وقال الوزير إن الزيارة مقررة. ومضى يقول "سأجري محادثات حول كل المواضيع".',
     [],
     [("الزيارة مقررة", "الوزير", None), ("سأجري محادثات حول كل المواضيع", "الوزير", None)]),
    ("وقال الوزير -بحسب صحيفة الصباح التونسية- إن الاتفاق قريب جدا.",
     [("ORG", "الصباح")],
     [("الاتفاق قريب جدا", "الوزير", None)]),
    # Things that indicate are no speakers.
    ("وتشير التوقعات إلى أن سعر النفط سيرتفع العام المقبل. ويشير تطور الصادرات إلى أن القطاع "
     "الخارجي يتعافى.",
     [],
     []),
    # "مما يؤكد أن": which confirms a fact; nobody speaks.
    ("وقال اللواء منصور العتيبي إن الأمن مستتب. وفشل التنظيم في تجنيد الشباب، مما يؤكد أن المجتمع "
     "واع بالمخاطر.",
     [("PER", "منصور العتيبي")],
     [("الأمن مستتب", "منصور العتيبي", 0)]),
    # A definite noun after a title's adjective is the verb's object.
    ("ونفى المدير التنفيذي الخبر الذي نشرته الصحيفة أمس. وقال: «الشركة ملتزمة بكل العقود».",
     [],
     [("الشركة ملتزمة بكل العقود", "المدير التنفيذي", None)]),
    # A body glued to ب after an unnamed source or official is where the post is held: the
    # source speaks for the body named before ("القوات"), and is no unnamed hearsay.
    ("وأعلنت قوات البيشمركة أنها تمكنت من قتل 21 مسلحا. وقالت مصادر بالقوات إن الاشتباكات استمرت "
     "حتى الفجر.",
     [("ORG", "قوات البيشمركة")],
     [("تمكنت من قتل 21 مسلحا", "قوات البيشمركة", 0),
      ("الاشتباكات استمرت حتى الفجر", "مصادر بالقوات", 0)]),
    # Reports told with their issuer after لـ speak for it, as a statement does.
    ("وذكرت تقارير لوكالة الاستخبارات الأمريكية أن الشحنات نقلت عبر البحر.",
     [("ORG", "وكالة الاستخبارات الأمريكية")],
     [("الشحنات نقلت عبر البحر", "وكالة الاستخبارات الأمريكية", 0)]),
    # A speaker phrase after a clitic is read whole: «مركز المعلومات» is a body, not hearsay.
    ("واوضح التقرير السنوي لمركز المعلومات حول عقوبة الاعدام، أن عمليات الاعدام تراجعت هذا العام.",
     [],
     [("عمليات الاعدام تراجعت هذا العام", "مركز المعلومات", None)]),
    # Speech that only a speaker opens with (لقد، نحن) needs no colon after a named subject.
    ("وقال المحافظ سعد الشمري لقد أنجزنا المرحلة الأولى من المشروع. وقال الوزير نحن ملتزمون بالاتفاق.",
     [("PER", "سعد الشمري")],
     [("لقد أنجزنا المرحلة الأولى من المشروع", "سعد الشمري", 0),
      ("نحن ملتزمون بالاتفاق", "الوزير", None)]),
    # A surname of two words is the person named before.
    ("وقال مدير المهرجان الشيخ سعد بن محمد أبو زيد إن الفعاليات تستمر أسبوعين. وأكد أبو زيد أن "
     "الدخول مجاني للعائلات.",
     [("PER", "سعد بن محمد أبو زيد")],
     [("الفعاليات تستمر أسبوعين", "سعد بن محمد أبو زيد", 0),
      ("الدخول مجاني للعائلات", "أبو زيد", 0)]),
]


@pytest.mark.parametrize(("text", "entities", "expected"), CASES)
def test_speech_in_wire_copy(text: str, entities: list[tuple[EntityType, str]],
                             expected: list[tuple[str, str, int | None]]) -> None:
    assert quoted(_doc(text, entities)) == expected


def test_an_adjective_after_an_unnamed_title_keeps_the_body_in_the_phrase() -> None:
    # «مصدر طبي في مستشفى …»: the hospital is where the source sits, so the quote is attributed
    # (a body is named), and «المتحدث» after it, introduced by nothing, is the same source.
    doc = _doc("وقال مصدر طبي في مستشفى الثورة لـ«الشرق الأوسط» إن عدد الجرحى بلغ 40. وأكد المتحدث أن "
               "معظم الإصابات ناجمة عن الألغام.", [("ORG", "الشرق الأوسط")])
    quotes, loose = find_quote_sets(doc)
    assert [doc.span_text(q.speaker.span) for q in quotes] == ["مصدر طبي في مستشفى الثورة", "المتحدث"]
    assert loose == []


def test_a_bare_surname_is_the_person_named_before_over_another_link() -> None:
    # The linker may take a bare surname for someone else; the person the story named with it
    # speaks.
    text = ("وقال جيمس ماكين المتحدث باسم الشرطة إن التحقيق مستمر. وقال ماكين إن المشتبه به "
            "اعتقل مساء أمس.")
    doc = _doc(text, [("PER", "جيمس ماكين")])
    later = text.rindex("ماكين")
    doc.entities.append(Entity("PER", (Span(later, later + len("ماكين")),), name_en="John McCain"))
    assert [(doc.span_text(q.speaker.span), q.speaker.entity) for q in find_quote_sets(doc)[0]] == [
        ("جيمس ماكين", 0), ("ماكين", 0)]


def test_an_aside_between_dashes_names_the_relay() -> None:
    doc = _doc("وقال الوزير -بحسب صحيفة الصباح التونسية- إن الاتفاق قريب جدا.", [("ORG", "الصباح")])
    assert [doc.span_text(q.via.span) if q.via else None for q in find_quote_sets(doc)[0]] == [
        "صحيفة الصباح التونسية"]


def test_a_ministry_source_speaks_for_the_story_state() -> None:
    # «بوزارة الداخلية» is the state's: with no other state named, the story's speaks.
    doc = _doc("وقال المتحدث الأمني بوزارة الداخلية إن الجهات المختصة ضبطت خلية في الرياض. وأكد أن "
               "المتهمين سعوديون وأن التحقيق جار في جدة ومكة والدمام.",
               [("GPE", "الرياض"), ("GPE", "جدة"), ("GPE", "مكة"), ("GPE", "الدمام")])
    doc.entities = [dataclasses.replace(e, country="SAU") for e in doc.entities]
    quotes, loose = find_quote_sets(doc)
    assert loose == [] and [q.speaker.entity for q in quotes] == [0, 0]


@pytest.mark.parametrize(("text", "subject"), [
    # After a definite adjective of a subject with no title or body noun, an indefinite word is the
    # verb's object ...
    ("وأعلنت السلطات التونسية اعتقال خمسة أشخاص أمس.", "السلطات التونسية"),
    # ... but a name may follow the adjective of a title or of a body.
    ("وقال الرئيس المصري عبد الفتاح السيسي إن الاتفاق جيد.", "الرئيس المصري عبد الفتاح السيسي"),
    ("وقالت شركة الاستشارات العالمية إيه تي كيرني إن الأسعار ستنخفض.", "شركة الاستشارات العالمية إيه تي كيرني"),
])
def test_where_a_subject_after_an_adjective_ends(text: str, subject: str) -> None:
    doc = _doc(text, [])
    ctx = build_context(doc)
    end = speaker_end_at(ctx, 1, ctx.sent_limit[0])
    assert doc.text[ctx.words[1].body_start:ctx.words[end - 1].token.end] == subject


def test_a_medical_source_in_a_health_office_speaks_for_the_story_state() -> None:
    # A health office is a government office, as the police is; a medical source with nothing more
    # said of it names no one it speaks for.
    doc = _doc("وقال مصدر طبي في مكتب الصحة بالمكلا إن عدد الجرحى بلغ 30 في المكلا. وقال مصدر طبي آخر "
               "إن المستشفيات مكتظة في المكلا وحضرموت.",
               [("GPE", "المكلا"), ("GPE", "حضرموت")])
    every = [Span(k, k + len("المكلا")) for k in range(len(doc.text)) if doc.text.startswith("المكلا", k)]
    doc.entities = [Entity("GPE", tuple(every), country="YEM"), dataclasses.replace(doc.entities[1], country="YEM")]
    quotes, loose = find_quote_sets(doc)
    assert [(doc.span_text(q.speaker.span), q.speaker.entity) for q in quotes] == [("مصدر طبي في مكتب الصحة", 0)]
    assert [doc.span_text(q.speaker.span) for q in loose] == ["مصدر طبي آخر"]
