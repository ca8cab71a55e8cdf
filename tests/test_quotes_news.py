"""Speakers on ordinary Saudi news (SaudiNewsNet, records 22000-23999, none in the devset): the
holder of a post named after the body the post belongs to, the subject of a non-reporting verb
that opens the story after a dateline, and the object that follows a definite title.

Entities are given by hand (as the entities stage would find them), so the cases test only how
the quotes stage reads the speaker phrase.
"""

from __future__ import annotations

import functools

import pytest

import marsad
from conftest import named_doc, quoted
from marsad.core.document import EntityType
from marsad.stages.quotes import find_quote_sets, find_quotes

_doc = functools.partial(named_doc, published="2015-08-06")


_speakers = quoted


def test_according_aside_is_the_relay() -> None:
    doc = _doc("وقال روحاني إن البلدين وقفا جنبا إلى جنب. وأكد، بحسب وكالة «إيرنا»، أن التعاون بين "
               "البلدين يكتسي أهمية كبيرة.", [("PER", "روحاني")])
    assert [doc.span_text(q.via.span) if q.via else None for q in find_quotes(doc)] == [None, "وكالة «إيرنا»"]


CASES: list[tuple[str, list[tuple[EntityType, str]], list[tuple[str, str, int | None]]]] = [
    # A post, the body it belongs to, then the holder's name: the holder speaks.
    ("وأوضح المتحدث الرسمي لـمركز الملك سلمان للإغاثة والأعمال الإنسانية رأفت الصباغ، أن هذه "
     "الفعاليات تنطلق وفقاً للتوجيهات الكريمة.",
     [("ORG", "مركز الملك سلمان للإغاثة والأعمال الإنسانية"), ("PER", "رأفت الصباغ")],
     [("هذه الفعاليات تنطلق وفقاً للتوجيهات الكريمة", "رأفت الصباغ", 1)]),
    ("وأوضح الناطق الإعلامي بشرطة منطقة مكة المكرمة العقيد الدكتور عاطي بن عطية القرشي، أنه تم "
     "التحفظ على المتهمين وسيتم إحالتهم لهيئة التحقيق والادعاء العام.",
     [("GPE", "مكة المكرمة"), ("PER", "عاطي بن عطية القرشي")],
     [("تم التحفظ على المتهمين وسيتم إحالتهم لهيئة التحقيق والادعاء العام", "عاطي بن عطية القرشي", 1)]),
    ("وقال رئيس بعثة الامم المتحدة في افغانستان نيكولاس هايسوم ان «الاحصاءات الباردة حول الضحايا "
     "المدنيين لا تعبر بدقة عن فظاعة العنف في افغانستان».",
     [("ORG", "الامم المتحدة"), ("GPE", "افغانستان"), ("PER", "نيكولاس هايسوم")],
     [("الاحصاءات الباردة حول الضحايا المدنيين لا تعبر بدقة عن فظاعة العنف في افغانستان",
       "نيكولاس هايسوم", 2)]),
    # The one spoken to is no affiliation: a title after لـ names the addressee.
    ("وأكد وزير الخارجية لنظيره الأمريكي جون كيري أن المملكة تدعم الحل السياسي في سوريا.",
     [("PER", "جون كيري")],
     [("المملكة تدعم الحل السياسي في سوريا", "وزير الخارجية", None)]),
    # A story that opens, after its dateline, with a verb that reports nothing (ندد): its subject
    # is the one who goes on speaking with a dropped subject.
    ("الرياض: ندد الرئيس العام لهيئة الأمر بالمعروف والنهي عن المنكر الشيخ الدكتور عبدالرحمن بن "
     "عبدالله السند، بالتفجير الإرهابي الذي وقع ظهر اليوم الخميس في مسجد مقر قوات الطوارئ. وقال: "
     "إن هذا التفجير يعد جرماً عظيماً وعدواناً كبيراً يستهدف رجال أمننا.",
     [("GPE", "الرياض"), ("ORG", "هيئة الأمر بالمعروف والنهي عن المنكر"),
      ("PER", "عبدالرحمن بن عبدالله السند")],
     [("إن هذا التفجير يعد جرماً عظيماً وعدواناً كبيراً يستهدف رجال أمننا", "عبدالرحمن بن عبدالله السند", 2)]),
    # A participle continues the subject of the verb of its clause, an indefinite title annexed
    # to a definite noun, not the last speaker.
    ("وأوضح القحطاني خلال العرض أن التنسيق جار مع الوزارة والشؤون الصحية. وفي نهاية الزيارة أعرب "
     "نائب وزير الصحة عن سعادته بما شاهده في المجمع من خدمات وبرامج مؤكدا أنها جهود ترفع الرأس.",
     [("PER", "القحطاني")],
     [("التنسيق جار مع الوزارة والشؤون الصحية", "القحطاني", 0),
      ("جهود ترفع الرأس", "نائب وزير الصحة", None)]),
    # A definite noun after a definite title is the verb's object, not part of the speaker.
    ("وأدان الوزير الهجوم الإرهابي على المسجد، مؤكدا أن المملكة ستواصل حربها على الإرهاب.",
     [],
     [("المملكة ستواصل حربها على الإرهاب", "الوزير", None)]),
    # An outlet's name in marks after its head is read with the speaker phrase, also right before
    # أن and with a dash in it, and names the speaker; "في حين" that joins two statements is no
    # part of the first.
    ("من جهته أكد شريف المقاطعة أن إطلاق النار لم يسفر عن وقوع إصابات، في حين ذكرت صحيفة "
     "«ذي كلاريون- ليدجر» أن الرصاصات أطلقت من على متن شاحنة.",
     [],
     [("إطلاق النار لم يسفر عن وقوع إصابات", "شريف المقاطعة", None),
      ("الرصاصات أطلقت من على متن شاحنة", "ذي كلاريون- ليدجر", None)]),
    # A short name in marks between the verb and a colon is the speaker, not an outlet.
    ('وتابع "كليبي": "مضى عام على توجيه إمارة جازان بإنصافي ومحاسبة المتسبب في القضية".',
     [],
     [("مضى عام على توجيه إمارة جازان بإنصافي ومحاسبة المتسبب في القضية", "كليبي", None)]),
    # أبان is a past verb ("he explained"), not a dual; a noun after a preposition (بالتعاون) is
    # no group speaker; "كما أشاد الصباغ بـ…" makes the one named before the topic again, the
    # phrase after ب + ال is no part of his name, and the bare surname is the person named before.
    ("وقال المتحدث باسم المركز رأفت الصباغ إن القوافل انطلقت بالتعاون مع الهيئة العالمية. كما "
     "أشاد الصباغ بالمتابعة الكريمة من الدكتور عبدالله الربيعة، والذي ظل يولي قضية الإغاثة في "
     "اليمن اهتماماً متزايداً، وأبان أنه من خلال هذا التدشين سيوزع المركز 100 ألف سلة غذائية.",
     [("PER", "رأفت الصباغ"), ("PER", "عبدالله الربيعة")],
     [("القوافل انطلقت بالتعاون مع الهيئة العالمية", "رأفت الصباغ", 0),
      ("من خلال هذا التدشين سيوزع المركز 100 ألف سلة غذائية", "الصباغ", 0)]),
    # A name that opens with و after a conjoined verb ("وأضاف ويفر") is no new topic, and a time
    # adjunct after a body's name is no part of the speaker.
    ("قال كريس ويفر، وهو شريك بارز في مؤسسة للاستشارات: «لم يعد هناك أي نية لرفع قيمة الروبل». "
     "وأضاف ويفر أن الحكومة الروسية أرادت روبلا ضعيفا لإضفاء التوازن على الميزانية.",
     [("PER", "كريس ويفر")],
     [("لم يعد هناك أي نية لرفع قيمة الروبل", "كريس ويفر", 0),
      ("الحكومة الروسية أرادت روبلا ضعيفا لإضفاء التوازن على الميزانية", "كريس ويفر", 0)]),
    ("وقال حزب العمال الكردستاني في منتصف يوليو (تموز) الماضي، إنه يصعد هجماته بسبب خروق لوقف "
     "إطلاق النار.",
     [("ORG", "حزب العمال الكردستاني")],
     [("يصعد هجماته بسبب خروق لوقف إطلاق النار", "حزب العمال الكردستاني", 0)]),
    # في after a place in a post ("قسم الشرق الأوسط في منظمة …") tells where the post is held: the
    # unnamed official speaks for the body named, and its name in marks is not the speech.
    ("وقال نائب مدير قسم الشرق الأوسط في منظمة «هيومان رايتس ووتش» لحقوق الإنسان، إن «الحوثيين "
     "اعتقلوا أناسا ينتقدون حركتهم، بشكل عشوائي».",
     [("LOC", "الشرق الأوسط"), ("ORG", "هيومان رايتس ووتش")],
     [("الحوثيين اعتقلوا أناسا ينتقدون حركتهم، بشكل عشوائي", "هيومان رايتس ووتش", 1)]),
    # A common noun right after a name in marks is the verb's object, not part of the speaker.
    ("وأدانت منظمة «هيومان رايتس ووتش» اختطاف الجنيد أمس، قائلة إن الحوثيين «أخرجوه بالقوة من "
     "منزله في تعز».",
     [("ORG", "هيومان رايتس ووتش")],
     [("الحوثيين «أخرجوه بالقوة من منزله في تعز»", "هيومان رايتس ووتش", 0)]),
    # لل + a definite noun completes an outlet's name before the complementiser.
    ("وقالت الوكالة السورية للأنباء إنه خلال الاجتماع اتفق المعلم وبن علوي على أن الوقت حان "
     "لتضافر الجهود.",
     [],
     [("خلال الاجتماع اتفق المعلم وبن علوي على أن الوقت حان لتضافر الجهود", "الوكالة السورية للأنباء",
       None)]),
    # غداة opens a time adjunct: the name after it is no speaker.
    ('وقال كيري غداة لقائه لافروف في ماليزيا "بحثنا كذلك في قرار الأمم المتحدة واعتقد أننا '
     'توصلنا الى اتفاق".',
     [("PER", "كيري"), ("PER", "لافروف")],
     [("بحثنا كذلك في قرار الأمم المتحدة واعتقد أننا توصلنا الى اتفاق", "كيري", 0)]),
    # "وزاد:" continues the speaker like "وأضاف:".
    ("وقال الأمين العام للمجلس الشيخ سلمان النشوان: تقف العقول حائرة عن إدراك من يقوم بهذه الجرائم. "
     "وزاد: المجلس بجميع قضاته يستنكر هذا العمل الإجرامي الآثم.",
     [("PER", "سلمان النشوان")],
     [("تقف العقول حائرة عن إدراك من يقوم بهذه الجرائم", "سلمان النشوان", 0),
      ("المجلس بجميع قضاته يستنكر هذا العمل الإجرامي الآثم", "سلمان النشوان", 0)]),
    # "بحسب وكالة …" set off by commas between the verb and أن: the agency relays the speaker.
    ("وقال روحاني إن البلدين وقفا جنبا إلى جنب. وأكد، بحسب وكالة «إيرنا»، أن التعاون بين البلدين "
     "«يكتسي أهمية كبيرة في مواجهة هذه المجموعات الإرهابية».",
     [("PER", "روحاني")],
     [("البلدين وقفا جنبا إلى جنب", "روحاني", 0),
      ("التعاون بين البلدين «يكتسي أهمية كبيرة في مواجهة هذه المجموعات الإرهابية»", "روحاني", 0)]),
    # An imperfect verb of saying inside reported speech belongs to the speech; one opened by
    # فيما is a new attribution.
    ("أشار الصباغ إلى أن جميع المؤشرات والتقارير، تؤكد أن خطط المركز بشأن إغاثة أشقائنا في اليمن "
     "تسير بوتيرة جيدة، فيما يرى المراقبون أن الطريق ما زال طويلا.",
     [("PER", "الصباغ")],
     [("جميع المؤشرات والتقارير، تؤكد أن خطط المركز بشأن إغاثة أشقائنا في اليمن تسير بوتيرة جيدة",
       "الصباغ", 0),
      ("الطريق ما زال طويلا", "المراقبون", None)]),
    # The subject placed after the outlet spoken to and a time adverb; the outlet after a
    # preposition is never the topic a later "وأضاف:" continues.
    ('قال لـ"الاقتصادية" أمس، اللواء عبدالله السعدون عضو مجلس الشورى، إن العمل الإجرامي الجبان '
     'دليل عجز المنظمات الإرهابية. وأضاف: "نحن كمواطنين علينا دور كبير جدا".',
     [("ORG", "الاقتصادية"), ("PER", "عبدالله السعدون")],
     [("العمل الإجرامي الجبان دليل عجز المنظمات الإرهابية", "عبدالله السعدون", 1),
      ("نحن كمواطنين علينا دور كبير جدا", "عبدالله السعدون", 1)]),
    # في after a place name that is no body's post ends the source phrase.
    ("وبحسب مصادر الجزيرة في الضفة الغربية والقدس المحتلة اعتقلت قوات الاحتلال 15 فلسطينياً فجراً.",
     [("ORG", "الجزيرة"), ("GPE", "الضفة الغربية")],
     [("في الضفة الغربية والقدس المحتلة اعتقلت قوات الاحتلال 15 فلسطينياً فجراً", "مصادر الجزيرة", 0)]),
    # A body right after a bare name is the verb's object; the surname is the person named before.
    ("كشف ياسين مكاوي مستشار الرئيس اليمني أن الحوثيين نقلوا 700 أسير إلى صنعاء. وطالب مكاوي الأمم "
     "المتحدة والصليب الأحمر بضرورة التحرك لإنقاذ حياة الأسرى، مؤكدا أن المقاومة تعاهد الأسرى بفك "
     "أسرهم.",
     [("PER", "ياسين مكاوي"), ("ORG", "الأمم المتحدة"), ("ORG", "الصليب الأحمر")],
     [("الحوثيين نقلوا 700 أسير إلى صنعاء", "ياسين مكاوي", 0),
      ("المقاومة تعاهد الأسرى بفك أسرهم", "مكاوي", 0)]),
    # كان … قد fence a long titled subject.
    ("كان وزير مالية الدنمارك كلاوس هيورت فريدريكسن قد قال في وقت سابق من الأسبوع الحالي إنه سيتيح "
     "الحصول على وثائق المناقصة.",
     [("GPE", "الدنمارك"), ("PER", "كلاوس هيورت فريدريكسن")],
     [("سيتيح الحصول على وثائق المناقصة", "كلاوس هيورت فريدريكسن", 1)]),
    # "وعبر" before a named subject is the verb (not the preposition عبر): its subject goes on.
    ('وعبر الطالب سعود الزيد، عن بالغ سعادته بهذا الإنجاز، وقال "إن ذلك بفضل الله ثم ما وفرته لنا '
     'حكومتنا من إمكانات".',
     [("PER", "سعود الزيد")],
     [("إن ذلك بفضل الله ثم ما وفرته لنا حكومتنا من إمكانات", "سعود الزيد", 0)]),
    # A name the clitic analysis reads as ب + noun is still the subject when a person mention
    # starts there, and its phrase keeps the ب: the speaker is the mention «بريم», not «ريم».
    ('وقال البيان الفرنسي إن الرئيس يود أن يشكر كل من ساعد. وقالت بريم في التسجيل المصور “من فضلكما '
     'أعيداني الي فرنسا سريعا لانني متعبة للغاية.”',
     [("PER", "بريم")],
     [("الرئيس يود أن يشكر كل من ساعد", "البيان الفرنسي", None),
      ("من فضلكما أعيداني الي فرنسا سريعا لانني متعبة للغاية.", "بريم", 0)]),
    # إمام (the title) is not أمام (the preposition), though both fold alike.
    ("وقال عضو هيئة كبار العلماء إمام وخطيب المسجد الحرام الشيخ الدكتور صالح بن عبدالله بن حميد: «إن "
     "ما حدث اعتداء آثم». وقال الوزير أمام البرلمان إن الميزانية متوازنة.",
     [("ORG", "هيئة كبار العلماء"), ("PER", "صالح بن عبدالله بن حميد")],
     [("إن ما حدث اعتداء آثم", "صالح بن عبدالله بن حميد", 1), ("الميزانية متوازنة", "الوزير", None)]),
    # A body named after a person speaks itself, not the person it is named after.
    ('وأكد مركز الملك سلمان الاغاثي لـ"الرياض" أنه لا يوجد عدد محدود أو خطة زمنية لإيصال المواد '
     'الإغاثية.',
     [("PER", "سلمان")],
     [("لا يوجد عدد محدود أو خطة زمنية لإيصال المواد الإغاثية", "مركز الملك سلمان الاغاثي", None)]),
    # An office speaks for the person it belongs to.
    ("وقال مكتب الرئيس الفرنسي فرانسوا أولوند إن الرهينة الفرنسية أطلق سراحها.",
     [("PER", "فرانسوا أولوند")],
     [("الرهينة الفرنسية أطلق سراحها", "فرانسوا أولوند", 0)]),
]


@pytest.mark.parametrize(("text", "entities", "expected"), CASES)
def test_speaker_on_news(text: str, entities: list[tuple[EntityType, str]],
                         expected: list[tuple[str, str, int | None]]) -> None:
    assert _speakers(_doc(text, entities)) == expected


def test_own_correspondent_at_a_place_is_unattributed() -> None:
    """"وأفاد مراسلنا في عدن أن …": the outlet's reporter at a place speaks for nobody named; the
    place is no speaker."""
    doc = _doc("وأفاد مراسلنا في عدن أن الحوثيين وقوات صالح قصفوا أحياء سكنية في حي الروضة بمدينة تعز.",
               [("GPE", "عدن"), ("ORG", "الحوثيين"), ("GPE", "تعز")])
    quotes, loose = find_quote_sets(doc)
    assert quotes == []
    assert [doc.span_text(q.speaker.span) for q in loose] == ["مراسلنا"]


@pytest.mark.parametrize("text", [
    "واجه وزير الخارجية الأمريكي جون كيري عاصفة من التشكيك في مجلس الشيوخ أمس. "
    "وقال له رئيس اللجنة بوب كوركر: «أعتقد أنك تعرضت للسلب».",
    "واجه وزير الخارجية الأمريكي جون كيري عاصفة من التشكيك في مجلس الشيوخ أمس. "
    "وقال لهم رئيس اللجنة بوب كوركر إن الاتفاق لا يلبي المطلوب.",
])
def test_the_one_spoken_to_stands_before_the_speaker(text: str) -> None:
    # «وقال له فلان»: له is the addressee, not the last speaker; the name after it speaks
    doc = marsad.analyze(text, published="2015-07-24")
    assert [doc.span_text(q.speaker.span) for q in doc.quotes if q.speaker] == ["بوب كوركر"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("بيروت - وكالات: من جانبه، كشف السفير اليمني لدى لبنان، علي الديلمي، أن السفارة اليمنية في بيروت "
     "أوقفت منح التأشيرات للبنانيين.", "علي الديلمي"),
    # (no commas and no person the entities stage knows: the state after لدى is not the speaker)
    ("من جانبه، كشف السفير اليمني لدى لبنان علي الديلمي أن السفارة أوقفت منح التأشيرات.", "السفير اليمني"),
])
def test_an_envoy_posted_to_a_state_is_the_person_named_after_the_post(text: str, speaker: str) -> None:
    doc = marsad.analyze(text, published="2015-07-24")
    assert [doc.span_text(q.speaker.span) for q in doc.quotes if q.speaker] == [speaker]


def test_however_opens_no_speech_of_the_verb_before() -> None:
    # «بحسب ما ذكر المرصد …، إلا أن الوزارة نفت الأمر»: إلا أن is a contrast, not the Observatory's words
    doc = marsad.analyze("وخطفت جبهة النصرة ثمانية عناصر من الفرقة 30 مساء الأربعاء، بحسب ما ذكر المرصد السوري "
                         "لحقوق الإنسان، إلا أن وزارة الدفاع الأمريكية نفت الأمر.", published="2015-07-31")
    assert not any("نفت" in doc.span_text(q.content) for q in doc.quotes)


@pytest.mark.parametrize(("text", "speaker", "quoted"), [
    ("قتل خمسة أشخاص في انفجار سيارة مفخخة في بغداد، كما أفادت الشرطة العراقية.", "الشرطة العراقية",
     "قتل خمسة أشخاص في انفجار سيارة مفخخة في بغداد"),
    # (with its own content after it, «كما أكد» is "and he also said", not a trailing source)
    ("وأعلن اللاعب انتقاله إلى النادي، كما أكد أنه سيتوجه إلى جدة الأسبوع المقبل.", "اللاعب",
     "سيتوجه إلى جدة الأسبوع المقبل"),
])
def test_a_trailing_kama_with_a_verb_of_saying_names_the_source(text: str, speaker: str, quoted: str) -> None:
    doc = marsad.analyze(text, published="2015-07-24")
    assert (speaker, quoted) in [(doc.span_text(q.speaker.span), doc.span_text(q.content))
                                 for q in doc.quotes if q.speaker]
