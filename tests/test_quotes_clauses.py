"""Who speaks when the attribution is more than «verb, subject, أن»: clauses that name a nearer
speaker, relays with adjuncts, subjects described at length, relative clauses and groups.

Each case is a short passage written for these tests in Saudi and pan-Arab news style.  Entities
are given by hand (as the entities stage would find them), so the cases test the quote rules only.
"""

from __future__ import annotations

import functools

import pytest

import marsad
from conftest import named_doc
from marsad.core.document import Document, EntityType
from marsad.stages.quotes import find_quotes

#: (content, speaker text, speaker's entity index, via text)
Found = tuple[str, str, int | None, str | None]


_doc = functools.partial(named_doc, published="2015-08-10")


def _found(doc: Document) -> list[Found]:
    return [(doc.span_text(q.content), doc.span_text(q.speaker.span), q.speaker.entity,
             doc.span_text(q.via.span) if q.via else None) for q in find_quotes(doc)]


CASES: list[tuple[str, list[tuple[EntityType, str]], list[Found]]] = [
    # «علي» is a name here, not the preposition «على» it folds to.
    ("وقال علي الحربي المتحدث باسم الهيئة في الرياض إن الأمطار ستستمر حتى الخميس.",
     [("PER", "علي الحربي")],
     [("الأمطار ستستمر حتى الخميس", "علي الحربي", 0, None)]),
    # A participle continues the nearer clause with its own verb of saying and named subject;
    # the earlier content ends where that clause opens.
    ("وأكد وزير الخارجية فيصل المقداد أن المحادثات كانت مثمرة، وهو ما أكده سيرغي لافروف بدوره، "
     "قائلا إن البلدين متفقان على الحل السياسي.",
     [("PER", "فيصل المقداد"), ("PER", "سيرغي لافروف")],
     [("المحادثات كانت مثمرة", "فيصل المقداد", 0, None),
      ("البلدين متفقان على الحل السياسي", "سيرغي لافروف", 1, None)]),
    ("وقال الوزير محمد العسومي إن الاتفاق سيوقع قريبا، فيما شدد خالد الفالح على ضرورة الالتزام "
     "بالحصص، موضحا أن السوق تحتاج إلى الاستقرار.",
     [("PER", "محمد العسومي"), ("PER", "خالد الفالح")],
     [("الاتفاق سيوقع قريبا", "محمد العسومي", 0, None),
      ("ضرورة الالتزام بالحصص", "خالد الفالح", 1, None),
      ("السوق تحتاج إلى الاستقرار", "خالد الفالح", 1, None)]),
    # After «بدوره» the next word is the verb, whatever it is; the post's place stands between
    # the title and the name.
    ("وقال الأمير إن الجهات جاهزة. بدوره عبر مدير فرع الهلال الأحمر بمحافظة جدة سعد الغامدي عن "
     "أسفه للحادث، قائلا إن الفرق باشرت العمل فورا.",
     [("PER", "الأمير"), ("PER", "سعد الغامدي")],
     [("الجهات جاهزة", "الأمير", 0, None), ("الفرق باشرت العمل فورا", "سعد الغامدي", 1, None)]),
    # A time adverb or a bracketed abbreviation between the relay and «عن».
    ("ونقل المتحدث باسم الحكومة الألمانية شتيفن زايبرت أمس عن ميركل قولها إن برلين تدعم الحل.",
     [("PER", "شتيفن زايبرت"), ("PER", "ميركل")],
     [("برلين تدعم الحل", "ميركل", 1, "شتيفن زايبرت")]),
    ("ونقلت وكالة الأنباء الألمانية (د.ب.أ) عن زايبرت قوله إن الجانبين اتفقا على التعاون.",
     [("PER", "زايبرت")],
     [("الجانبين اتفقا على التعاون", "زايبرت", 0, "وكالة الأنباء الألمانية")]),
    # «ونقلت عنه X قوله»: X relays the person named before.
    ("وقال وزير الخارجية الفرنسي لوران فابيوس إن المفاوضات صعبة، ونقلت عنه وكالة رويترز قوله إن "
     "الاتفاق ما زال ممكنا.",
     [("PER", "لوران فابيوس")],
     [("المفاوضات صعبة", "لوران فابيوس", 0, None),
      ("الاتفاق ما زال ممكنا", "لوران فابيوس", 0, "وكالة رويترز")]),
    # «مكتبه», and then «المكتب», speak for the person named last.
    ("وبحث رئيس الوزراء أحمد داود أوغلو الأزمة مع نظيره العراقي، حسبما أعلن مكتبه أمس. وأضاف المكتب "
     "أن الجانبين اتفقا على التنسيق.",
     [("PER", "أحمد داود أوغلو")],
     [("بحث رئيس الوزراء أحمد داود أوغلو الأزمة مع نظيره العراقي", "مكتبه", 0, None),
      ("الجانبين اتفقا على التنسيق", "المكتب", 0, None)]),
    # A subject named before its verb and described at length.
    ("غير أن سامي نادر مدير معهد المشرق للشؤون الاستراتيجية في بيروت رأى أن الأزمة ستطول.",
     [("PER", "سامي نادر")],
     [("الأزمة ستطول", "سامي نادر", 0, None)]),
    # A long description set off by a comma, then «: إن «…»»: the quotation is the speech.
    ("وقال حسن الشمري، أحد منظمي الاحتجاجات في محافظة البصرة (545 كلم جنوب بغداد) في حديث "
     "لـ«الشرق الأوسط»: إن «المطالب واضحة ولن نتراجع عنها».",
     [("PER", "حسن الشمري")],
     [("المطالب واضحة ولن نتراجع عنها", "حسن الشمري", 0, "الشرق الأوسط")]),
    # A relative clause after the subject has its own complementiser.
    ("كما أكدت الحكومة التي اتهمت في الماضي منظمات حقوقية بأنها تقف وراء الحملة، أن لديها أدلة على "
     "التهريب.",
     [],
     [("لديها أدلة على التهريب", "الحكومة", None, None)]),
    # Marks far from the verb quote a phrase of the narrative, not speech.
    ("ورفضت الحكومة تقريرا للأمم المتحدة، يشير إلى ارتكاب انتهاكات بشكل «ممنهج وعلى نطاق واسع» في البلاد.",
     [],
     []),
    # A participle of allegiance ends the group's name; «حينذاك» is no part of a speaker.
    ("قالت القوات الموالية للحكومة إن المدينة تحت السيطرة. وقال المسؤولون الأميركيون حينذاك إن "
     "العملية نجحت.",
     [],
     [("المدينة تحت السيطرة", "القوات", None, None),
      ("العملية نجحت", "المسؤولون الأميركيون", None, None)]),
    # A plural participle: the group that is the clause's subject, not one in a relative clause.
    ("واستنكر عدد من المسؤولين في المنطقة الهجوم الذي استهدف المصلين في المسجد، مشيرين إلى أن هذا "
     "العمل لا يقره دين.",
     [],
     [("هذا العمل لا يقره دين", "المسؤولين في المنطقة", None, None)]),
    # A title the tagger took into a person's name is left out of the speaker; a body's name cut
    # short by its لـ phrase is taken whole.
    ("وأكد مدير جامعة الملك خالد الدكتور سعيد الزهراني أن الجامعة مستعدة. وتقول المنظمة الدولية "
     "للهجرة إن آلاف المهاجرين وصلوا إلى اليونان.",
     [("PER", "خالد الدكتور سعيد الزهراني"), ("ORG", "المنظمة الدولية للهجرة")],
     [("الجامعة مستعدة", "سعيد الزهراني", 0, None),
      ("آلاف المهاجرين وصلوا إلى اليونان", "المنظمة الدولية للهجرة", 1, None)]),
    # A quotation far from the verb is speech when it is long, a quoted term when short.
    ("وأكد هيل بعد لقائه رئيس الحكومة تمام سلام «التزام الولايات المتحدة بدعم الجيش في الدفاع عن الحدود».",
     [("PER", "هيل"), ("PER", "تمام سلام")],
     [("التزام الولايات المتحدة بدعم الجيش في الدفاع عن الحدود", "هيل", 0, None)]),
    # An honorific pronoun takes no modifier: what follows it is the object.
    ("ودعا معاليه جميع الموظفين إلى مواصلة العمل، مؤكدا أن الوزارة ماضية في خططها.",
     [],
     [("الوزارة ماضية في خططها", "معاليه", None, None)]),
    # Cues that report with a noun: the noun phrase after إلى / على is the content.
    ("وقال وزير الخارجية سامح شكري إن الحوار كان مثمرا، فيما شدد جون كيري على ضرورة وقف الهجمات "
     "على الجيش، مشيرا خصوصا إلى أهمية التعاون الأمني بين البلدين.",
     [("PER", "سامح شكري"), ("PER", "جون كيري")],
     [("الحوار كان مثمرا", "سامح شكري", 0, None),
      ("ضرورة وقف الهجمات على الجيش", "جون كيري", 1, None),
      ("أهمية التعاون الأمني بين البلدين", "جون كيري", 1, None)]),
    # … but not a pronoun or a name after the preposition.
    ("وأشار إليه الوزير في كلمته. وأكد علي الشهري على أن الموسم ناجح.",
     [("PER", "علي الشهري")],
     [("الموسم ناجح", "علي الشهري", 0, None)]),
    # A verb of saying with an object pronoun before its complementiser is a cue; the content
    # it sits in ends before its subject, without the «وأن» that joins them.
    ("وأوضح كيري أنه اتفق مع نظيره على أهمية الانتخابات، وأن شكري أبلغه بأن الانتخابات ستجرى في الخريف.",
     [("PER", "كيري"), ("PER", "شكري")],
     [("اتفق مع نظيره على أهمية الانتخابات", "كيري", 0, None),
      ("الانتخابات ستجرى في الخريف", "شكري", 1, None)]),
    # «المصدر» is the source named before; with no entity to link, it carries those words ...
    ("وقال مصدر أمني إن الجثتين نقلتا إلى المستشفى. وأضاف المصدر أن التحقيق مستمر.",
     [],
     [("الجثتين نقلتا إلى المستشفى", "مصدر أمني", None, None),
      ("التحقيق مستمر", "مصدر أمني", None, None)]),
    # A noun after the verb that names nobody is its object (the subject is dropped), and a verb
    # describing the noun before it opens no clause: neither reports a noun phrase.
    ("وأكد حدوث اتفاق على تعاون عسكري بين البلدين. ويأتي ذلك بعد تقارير غربية أشارت إلى ربط "
     "التنظيم عبوات ناسفة في أرجل الماعز.",
     [],
     []),
    ("واشارت وزارة الطوارىء الى وجود طفلين بين الضحايا.",
     [],
     [("وجود طفلين بين الضحايا", "وزارة الطوارىء", None, None)]),
    # A rare word after a bare title is a name: «الوزير الأصبحي» is not the minister named before.
    ("وقال وزير حقوق الإنسان اليمني إن الزيارة مهمة. وأكد الوزير الأصبحي في رسالة أهمية الزيارة، "
     "مؤكدا أنها ستعمل على وقف التدهور.",
     [],
     [("الزيارة مهمة", "وزير حقوق الإنسان اليمني", None, None),
      ("ستعمل على وقف التدهور", "الأصبحي", None, None)]),
    # A name no entity covers, after a title and the body the person serves: the person speaks,
    # not the body.
    ("وأكد وكيل جامعة الملك خالد الدكتور مرعي القحطاني أن الجامعة مستعدة للعام الدراسي.",
     [("ORG", "جامعة الملك خالد")],
     [("الجامعة مستعدة للعام الدراسي", "مرعي القحطاني", None, None)]),
    # Content cut before the next attribution leaves out the «فيما» that joins them.
    ("كما أفاد كيري بأن البلدين اتفقا على بحث التعاون، فيما أوضح شكري أن الحوار مثمر.",
     [("PER", "كيري"), ("PER", "شكري")],
     [("البلدين اتفقا على بحث التعاون", "كيري", 0, None), ("الحوار مثمر", "شكري", 1, None)]),
    # «بالقول» after a verb that is no cue: the speaker is the one told before, not the noun.
    ("وقال الوزير مايكل مكواي إن الوضع هادئ. واستدرك بالقول \"من حقنا أن نشتري السلاح من أية دولة\".",
     [("PER", "مايكل مكواي")],
     [("الوضع هادئ", "مايكل مكواي", 0, None), ("من حقنا أن نشتري السلاح من أية دولة", "مايكل مكواي", 0, None)]),
    # A time adverb after the verb is no subject: the name set off by commas before the verb is.
    ("وكانت النائبة في الكنيست الإسرائيلي، تمار زندبيرج، صرحت أخيرا بأن بلادها تتعاون مع جوبا.",
     [("ORG", "الكنيست"), ("PER", "تمار زندبيرج")],
     [("بلادها تتعاون مع جوبا", "تمار زندبيرج", 1, None)]),
    ("وصرح أخيرا الوزير خالد العطية بأن بلاده تتعاون مع جوبا.",
     [("PER", "خالد العطية")],
     [("بلاده تتعاون مع جوبا", "خالد العطية", 0, None)]),
    # … nor is what follows it when no subject opens there: the speaker told before speaks.
    ("وقال المالكي إنه لم يتلق دعوة. وكان قد كتب سابقا مهاجما الهيئة: \"المسؤولون لا يريدوننا\".",
     [("PER", "المالكي")],
     [("لم يتلق دعوة", "المالكي", 0, None), ("المسؤولون لا يريدوننا", "المالكي", 0, None)]),
]


@pytest.mark.parametrize(("text", "entities", "expected"), CASES, ids=[f"c{i:02d}" for i in range(len(CASES))])
def test_speaker_and_content(text: str, entities: list[tuple[EntityType, str]], expected: list[Found]) -> None:
    assert _found(_doc(text, entities)) == expected



def test_the_same_definite_speaker_told_again_is_the_speaker_told_last() -> None:
    # the second «الوزارة» is the Pentagon still, not the ministry its words named
    doc = marsad.analyze("أعلنت وزارة الدفاع الأميركية (البنتاجون) أن الولايات المتحدة سلمت أم سياف. وقالت الوزارة في "
                         "بيان إنه تم تسليمها إلى وزارة الداخلية في إقليم كردستان العراق. وأضافت الوزارة أن القرار "
                         "جاء بناء على تصميم الحكومة الأميركية.", "2015-08-10")
    names = [doc.entities[q.speaker.entity].name_en if q.speaker.entity is not None else None for q in doc.quotes]
    assert names[-1] == names[0] == "United States Department of Defense"
