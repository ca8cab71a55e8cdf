"""Speakers behind asides, idioms and back-references on wire copy, through the whole pipeline:
an anonymity request between the speaker and the speech, an idiom's object after the subject, a
verb of saying inside what another is reported to say, "بقوله"/"بزعمه", an official told again
by post and nationality, a document told again, a body's name in marks after a post, and a
colon past a long adjunct.

Each passage is written for these tests in the style of the news that showed the pattern
(SaudiNewsNet wire copy, July-August 2015); the entities are the pipeline's own.
"""

from __future__ import annotations

import pytest

import marsad
from conftest import spoken as _said
from marsad.core.document import Document


def _doc(text: str) -> Document:
    return marsad.analyze(text, "2015-08-03")


@pytest.mark.parametrize("aside", ["طالبا عدم كشف اسمه", "طالبا عدم كشف هويته"])
def test_an_anonymity_request_is_no_speaker(aside: str) -> None:
    doc = _doc("اعلن مسؤول في الحكومة التركية الاثنين ان العمليات العسكرية لا تستهدف الاكراد. وقال "
               f'المسؤول لوكالة فرانس برس {aside} ان "العمليات العسكرية الجارية تهدف الى القضاء على المخاطر".')
    last = _said(doc)[-1]
    assert last[:2] == ("العمليات العسكرية الجارية تهدف الى القضاء على المخاطر", "المسؤول")


BARZANI = ("واستقبل رئيس إقليم كردستان مسعود بارزاني وزير الخارجية القطري. من جهته، سلط رئيس الإقليم "
           "الضوء على أوضاع النازحين، مؤكدا على أن كردستان تعتبر مساعدة النازحين وإيواءهم واجبا إنسانيا "
           "ووطنيا، موضحا أن أعدادهم كثيرة جدا وهي خارج طاقات الإقليم.")


def test_the_host_and_guest_are_two_phrases_and_the_idiom_object_no_subject() -> None:
    # «رئيس الإقليم» is the region's president named before, not the guest named since; «الضوء»
    # is the object of «سلط الضوء»; «تعتبر» inside the first speech opens no clause of its own.
    assert _said(_doc(BARZANI)) == [
        ("كردستان تعتبر مساعدة النازحين وإيواءهم واجبا إنسانيا ووطنيا", "رئيس الإقليم", "Masoud Barzani"),
        ("أعدادهم كثيرة جدا وهي خارج طاقات الإقليم", "رئيس الإقليم", "Masoud Barzani")]


def test_a_saying_noun_with_a_pronoun_takes_the_clause_subject() -> None:
    doc = _doc('وكان المخلوع علي عبد الله صالح قد ادّعى "شرعية" استهداف الأراضي السعودية، بزعمه أن '
               '"الدفاع عن النفس حق مشروع". وكان وزير الخارجية اليمني رياض ياسين قد اتهم الحوثيين '
               'بالانقلاب، بقوله إن الانقلاب فشل.')
    assert [(c, n) for c, _, n in _said(doc)] == [("الدفاع عن النفس حق مشروع", "Ali Abdullah Saleh"),
                                                   ("الانقلاب فشل", "Riyadh Yassin")]


def test_a_definite_official_of_a_state_is_the_last_person_of_that_state() -> None:
    doc = _doc('وأكد مساعد وزير الخارجية الإيراني حسين أمير عبد اللهيان أن بلاده تعد لمبادرات. وتابع '
               'المسؤول الإيراني: "إيران ستواصل دعمها لحلفائها". وقال مسؤول إيراني آخر إن المفاوضات مستمرة.')
    said = _said(doc)
    assert said[1] == ("إيران ستواصل دعمها لحلفائها", "المسؤول الإيراني", "Hossein Amir-Abdollahian")
    assert said[2][2] != "Hossein Amir-Abdollahian"  # an indefinite official is someone new


def test_a_document_told_again_speaks_for_the_author_told_in_the_accusative() -> None:
    doc = _doc("ونشرت أربع صحف عربية مقالا لوزير الخارجية الإيراني محمد جواد ظريف يحث فيه دول الخليج "
               "على التعاون. وجاء في المقال “علينا جميعا أن نقبل حقيقة انقضاء عهد الألاعيب.”")
    assert [(c, n) for c, _, n in _said(doc)] == [("علينا جميعا أن نقبل حقيقة انقضاء عهد الألاعيب.",
                                                    "Mohammad Javad Zarif")]


def test_the_head_of_a_states_diplomacy_is_its_foreign_minister() -> None:
    doc = _doc("وقال رئيس الدبلوماسية الإيرانية إن الجيران أولوية في سياسة إيران الخارجية.")
    assert _said(doc)[0][2] == "Mohammad Javad Zarif"


def test_a_bodys_name_in_marks_after_a_post_is_no_speech() -> None:
    doc = _doc("كما أعلنت رئيسة «اتحاد جمعيات الصحافيين الإسبان» يوم الثلاثاء أن ثلاثة صحافيين إسبان "
               "فقدوا في سورية منذ نحو عشرة أيام.")
    assert [c for c, _, _ in _said(doc)] == ["ثلاثة صحافيين إسبان فقدوا في سورية منذ نحو عشرة أيام"]


def test_a_colon_past_a_long_adjunct_opens_the_speech() -> None:
    doc = _doc("واختتم العطية أمس زيارته إلى إقليم كردستان، وقال في مؤتمر صحافي مشترك عقده مع وزير "
               "الداخلية في حكومة الإقليم كريم سنجاري في مدينة أربيل: «زيارتنا إلى الإقليم جاءت استكمالا "
               "لزيارتنا إلى بغداد».")
    assert _said(doc) == [("زيارتنا إلى الإقليم جاءت استكمالا لزيارتنا إلى بغداد", "العطية", "Khalid al-Attiyah")]


@pytest.mark.parametrize("text", ["وفي الختام يمكن القول إن الحفل كان ناجحا.",
                                  "خلاصة القول أن الاتحاد فقد قائدا كبيرا."])
def test_the_bare_verbal_noun_of_saying_reports_nobody(text: str) -> None:
    assert _said(_doc(text)) == []


def test_a_verb_of_saying_with_fihi_speaks_through_the_document_told_before() -> None:
    doc = _doc("وأصدرت وزارة الخارجية البحرينية بيانا قالت فيه إن التصريحات مرفوضة. إثر ذلك أطلق الشيخ خالد "
               "بن أحمد آل خليفة تغريدة على موقع «تويتر» قال فيها «نهنئ الشعب الإيراني بعيد الفطر المبارك».")
    assert [n for _, _, n in _said(doc)] == ["Ministry of Foreign Affairs (Bahrain)", "Khalid bin Ahmed Al Khalifa"]


def test_the_one_who_delivers_a_bodys_speech_speaks_through_it() -> None:
    doc = _doc("ثم ألقى مدير إدارة المهرجان إبراهيم بن محمد الجار الله كلمة اللجنة العليا للمهرجان أوضح فيها أن "
               "مهرجان أبها للتسوق يحظى بدعم ورعاية سمو أمير منطقة عسير.")
    assert [s for _, s, _ in _said(doc)] == ["إبراهيم بن محمد الجار الله"]


def test_a_definite_minister_of_a_state_is_the_minister_named_beside_his_post() -> None:
    # Gomaa has no state in the knowledge base; the post after his name («، وزير الأوقاف المصري»)
    # ties «الوزير المصري» to him, not to Egypt.
    doc = _doc("أكد وكيل الأزهر أن الداعية لا ينبغي أن يكون في مساجد مصر. من جانبه أعلن الدكتور محمد مختار "
               "جمعة، وزير الأوقاف المصري إن الوزارة قررت منع الداعية. وقال الوزير المصري في تصريحات له "
               "مساء الثلاثاء إن أي شخص سيساعد جبريل سيتم تنحيته.")
    said = _said(doc)
    assert said[-1][1] == "الوزير المصري" and said[-1][2] == said[-2][2] != "Egypt"


def test_a_body_part_of_another_speaks_for_it() -> None:
    doc = _doc("وقالت منظمة حقوق الإنسان التابعة للأمم المتحدة إن قوات الجيش هاجمت مدنيين فارين.")
    assert _said(doc)[0][2] == "United Nations"


def test_inna_after_the_comma_that_closes_a_long_adjunct_opens_the_speech() -> None:
    doc = _doc("قال عباس شومان وكيل الأزهر في تصريحات عقب دعاء الشيخ محمد جبريل على “الظالمين” في مسجد عمرو "
               "بن العاص ليلة القدر، إن دعاء الشيخ جبريل “لا ينبغى أن يكون بين المصريين”.")
    assert [(c, n) for c, _, n in _said(doc)] == [("دعاء الشيخ جبريل “لا ينبغى أن يكون بين المصريين”",
                                                    "Abbas Shuman")]


def test_a_report_of_someone_else_claiming_after_a_colon_stays_the_speakers() -> None:
    # «: إن الرئيس أوباما ادعى بأنه …»: what Khamenei says is that Obama claimed it; his words run on.
    doc = _doc("وقال خامنئي في تعليقه على تويتر ردا على تهديدات أوباما ووزير خارجيته جون كيري: إن الرئيس "
               "أوباما ادعى بأنه قادر على ضرب المنشآت العسكرية الإيرانية.")
    content, speaker, _ = _said(doc)[0]
    assert speaker == "خامنئي"
    assert content.endswith("الرئيس أوباما ادعى بأنه قادر على ضرب المنشآت العسكرية الإيرانية")


def test_the_genitive_of_an_adjunct_is_no_speaker() -> None:
    # «شدد خلال جلسة مجلس الوزراء أنه»: الوزراء belongs to the session; the speaker is the one told.
    doc = _doc("ونجح الرئيس نبيه بري بدفع رئيس الحكومة تمام سلام للتريث، إلا أنه شدد خلال جلسة مجلس الوزراء "
               "التي انعقدت يوم أمس أنه إذا اصطدم بحائط مسدود فخياراته مفتوحة.")
    assert [(c, n) for c, _, n in _said(doc)] == [("إذا اصطدم بحائط مسدود فخياراته مفتوحة", "Tammam Salam")]


@pytest.mark.parametrize("text", [
    # a dash sets the name off after the post, as a comma does
    "وقال الناطق الإعلامي باسم اللجنة الشعبية لمقاومة الاستيطان في الخليل- محمد عوض إن قوات الاحتلال "
    "داهمت منزل العائلة فجر اليوم.",
    "وقال الناطق الإعلامي باسم اللجنة الشعبية لمقاومة الاستيطان في الخليل، محمد عوض، إن قوات الاحتلال "
    "داهمت منزل العائلة فجر اليوم.",
])
def test_a_name_set_off_after_the_post_speaks(text: str) -> None:
    assert [s for _, s, _ in _said(_doc(text))] == ["محمد عوض"]


def test_a_name_tagged_from_its_second_word_speaks_after_the_post() -> None:
    doc = _doc("وقالت نائبة المتحدث باسم الحكومة الألمانية، كريستيانه فيرتس، أمس في برلين، إن «هناك شكا "
               "كبيرا فيما إذا كانت مثل هذه الزيارة مناسبة».")
    (quote,) = _said(doc)
    assert quote[1].endswith("فيرتس") and "نائبة" not in quote[1]


def test_the_addressee_after_the_comma_is_no_apposed_name() -> None:
    # «، للممثل الخاص للأمين العام»: one spoken to, with ل; a definite word is no given name.
    doc = _doc("بدوره، اكد الرئيس النيجيري محمد بخاري، للممثل الخاص للامين العام للامم المتحدة لغرب افريقيا "
               "محمد ابن شمباس خلال استقباله في ابوجا، ان القوة المشتركة الجديدة ستتيح الهزيمة السريعة.")
    assert [s for _, s, _ in _said(doc)] == ["محمد بخاري"]


def test_describing_something_as_is_a_judgement_not_speech() -> None:
    # «وصف … هذه المزاعم بأنها "تناقض سخيف"»: no quote; a clause after وأنه is still speech.
    doc = _doc("ونفت موسكو عمليات النقل، وفي الشهر الماضي، وصف مسؤول كبير في كوريا الشمالية هذه المزاعم "
               "بأنها “تناقض سخيف”.")
    assert _said(doc) == []
    doc = _doc("ووصف وزير الخارجية في تصريح له عقب اللقاء لقاءه مع نظيره الروسي بالإيجابي والبناء وأنه اتسم "
               "بالوضوح والصراحة.")
    assert [c for c, _, _ in _said(doc)] == ["اتسم بالوضوح والصراحة"]


@pytest.mark.parametrize(("text", "content"), [
    ("ونبه سلام إلى أنه «إذا لم نجد مخارج وحلولا جدية لاستمرار عمل مجلس الوزراء فسنصل إلى عجز كبير».",
     "إذا لم نجد مخارج وحلولا جدية لاستمرار عمل مجلس الوزراء فسنصل إلى عجز كبير"),
    ("وكرر روحاني أن «لولا إيران لسقطت بغداد وكردستان العراق بيد داعش».",
     "لولا إيران لسقطت بغداد وكردستان العراق بيد داعش"),
    ("وبرر الحوثي ذلك بأن الجنود كانوا في زيارة لدى أهاليهم خلال إجازة عيد الفطر.",
     "الجنود كانوا في زيارة لدى أهاليهم خلال إجازة عيد الفطر"),
])
def test_warning_reiterating_and_justifying_are_speech(text: str, content: str) -> None:
    assert [c for c, _, _ in _said(_doc(text))] == [content]


def test_an_imperfect_of_justifying_inside_reported_words_is_no_cue() -> None:
    # «آلية تبرر أعمالهم بأنها …»: a clause of what is reported, not أعمالهم speaking.
    doc = _doc("وقال الدكتور محمد عاشور إن من مشاكل المتأثرين بداعش أن لديهم آلية (إغراق للذات) تبرر أعمالهم "
               "بأنها فرصة لنصرة الإسلام.")
    said = _said(doc)
    assert said and all("أعمالهم" not in s for _, s, _ in said)


@pytest.mark.parametrize("adjunct", ["وفي الأثناء،", "من جهة ثانية،", "وفي كييف،"])
def test_a_verb_after_an_opening_adjunct_names_who_speaks_next(adjunct: str) -> None:
    # «وفي الأثناء، أبلغ الرئيس الأوكراني … وأشار إلى أنه …»: the sentence's subject, after the
    # adjunct and its comma, is the one the next «وأشار» goes on with, not the speaker before.
    doc = _doc("وقال رئيس هيئة الأركان الأميركية جوزيف دانفورد إن روسيا تشكل أكبر تهديد للولايات المتحدة. "
               f"{adjunct} أبلغ الرئيس الأوكراني بيوتر بوروشينكو الإدارة الأميركية حاجته إلى صواريخ مضادة للدروع. "
               "وأشار في حديث لصحيفة أميركية إلى أنه يحتاج إلى 1240 قطعة سلاح صاروخي.")
    last = _said(doc)[-1]
    assert last[0].startswith("يحتاج إلى 1240") and last[2] == "Petro Poroshenko"


def test_reported_words_after_an_opening_adjunct_open_no_clause_of_their_own() -> None:
    # «وحسب رأيه، فإنه إذا رفض الكونغرس …»: إنه opens the reported clause; nobody new is named.
    doc = _doc("وقال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن البديل للاتفاق ليس الحرب. وحسب رأيه، فإنه "
               "إذا رفض الكونغرس الاتفاق فسيرجع الإيرانيون إلى طاولة المفاوضات. وأضاف أن إسرائيل لن تقبل "
               "الاتفاق.")
    assert _said(doc)[-1][2] == "Benjamin Netanyahu"


def test_a_title_annexed_through_a_noun_opens_the_subject_told_next() -> None:
    # «انتقد عضو لجنة الأمن …»: عضو is annexed to لجنة, itself annexed to الأمن; the member named
    # after them is the one «وأضاف» goes on with.
    doc = _doc("وقال وزير الدفاع العراقي خالد العبيدي إن الطائرات وصلت إلى قاعدة بلد. انتقد عضو لجنة الأمن "
               "في البرلمان العراقي حاكم الزاملي قرار الوزارة. وأضاف أن القرار لم يدرس جيدا.")
    last = _said(doc)[-1]
    assert last[0] == "القرار لم يدرس جيدا" and "الزاملي" in last[1]


def test_a_colon_right_after_a_verb_of_saying_opens_speech_not_a_dateline() -> None:
    # «وقال: إن التحالف يعتقد …»: the colon is the speech's; read as a dateline it made «التحالف»,
    # inside the speech, the sentence's subject and the speaker of every subjectless verb after it.
    doc = _doc("قال المتحدث باسم التحالف العربي العميد أحمد عسيري إن التحالف يهدف إلى عودة الحكومة إلى عدن. "
               "وقال: إن التحالف يعتقد أن خروج الحوثيين من صنعاء سيكون مهما، ولكن أضاف، إنهم إذا استمروا في "
               "السيطرة على صنعاء فإنه سيكون للحكومة الحق في إخراجهم. وأشار إلى أن على الحوثيين أن ينفذوا "
               "قرار مجلس الأمن.")
    assert {speaker for _, speaker, _ in _said(doc)} == {"أحمد عسيري"}


def test_a_post_told_again_speaks_for_the_person_named_beside_it_not_for_its_place() -> None:
    # The post's words name a state and a city; told again alone, the post is its holder's.
    doc = _doc("استقبل الشيخ محمد بن راشد آل مكتوم، نائب رئيس دولة الإمارات رئيس مجلس الوزراء حاكم دبي، "
               "وزير الخارجية الفرنسي أمس. وقال نائب رئيس دولة الإمارات رئيس مجلس الوزراء حاكم دبي إن "
               "العلاقات بين البلدين متينة.")
    assert _said(doc)[-1][0] == "العلاقات بين البلدين متينة"
    assert _said(doc)[-1][2] == "Mohammed bin Rashid Al Maktoum"


@pytest.mark.parametrize("however", ["إلا أن", "بيد أن"])
def test_a_subject_after_however_speaks_through_an_adjunct(however: str) -> None:
    # «إلا أن البيت الأبيض أكد على لسان المتحدث باسمه أن …»: the body after «إلا أن» («بيد أن») speaks,
    # not the general quoted before it.
    doc = _doc("وقال رئيس الأركان الأميركي جوزيف دانفورد إن روسيا تمثل خطرا وجوديا. ومع أن الجنرال صعد لهجته، "
               f"{however} البيت الأبيض أكد على لسان المتحدث باسمه أن تصريحات دانفورد لا تعكس موقف الإدارة.")
    assert _said(doc)[-1][:2] == ("تصريحات دانفورد لا تعكس موقف الإدارة", "البيت الأبيض")


def test_an_undefined_word_before_a_verb_and_its_adjunct_is_no_speaker() -> None:
    doc = _doc("وارتفعت أسعار المساكن كثيرا هذا العام. وقديماً قالوا في المثل \"لا هم إلا هم العرس\".")
    assert all(speaker != "قديماً" for _, speaker, _ in _said(doc))


def test_a_statement_of_a_post_holder_is_his() -> None:
    doc = _doc("وجاء في بيان رئيس إقليم كردستان مسعود بارزاني «يجب على قوات حزب العمال الكردستاني إبعاد ساحة "
               "الحرب عن الإقليم».")
    assert _said(doc)[-1][2] == "Masoud Barzani"


def test_a_friday_preacher_is_a_titled_subject_told_next() -> None:
    # «خطيب صلاة الجمعة»: الجمعة names the prayer, not the day the preacher spoke.
    doc = _doc("وقال المتحدث باسم الشرطة رائد شاكر إن القوة أحبطت محاولة تسلل. من جهة ثانية، دعا خطيب صلاة الجمعة في "
               "محافظة كربلاء عبدالمهدي الكربلائي، الحكومة العراقية إلى التعامل مع طلبات المواطنين. وقال في خطبته "
               "أمس إن المواطنين يعانون من نقص كبير في الخدمات.")
    assert _said(doc)[-1][:2] == ("المواطنين يعانون من نقص كبير في الخدمات", "عبدالمهدي الكربلائي")


@pytest.mark.parametrize(("text", "issuer"), [
    # the document told with its issuer's pronoun: «في تقريرها» is the authority's report
    ("توقعت الرئاسة العامة للأرصاد وحماية البيئة في تقريرها عن حالة الطقس طقسا حارا. وأورد التقرير أن حركة "
     "الرياح السطحية ستكون شمالية.", "الرئاسة العامة للأرصاد"),
    # a relative clause names the issuer: «التقرير الذي أصدرته مؤسسة النقد»
    ("وكشف التقرير الذي أصدرته مؤسسة النقد العربي السعودي، أن إجمالي القروض بلغ مليار ريال.",
     "مؤسسة النقد العربي السعودي"),
])
def test_a_report_speaks_for_its_issuer(text: str, issuer: str) -> None:
    assert _said(_doc(text))[-1][1] == issuer


def test_what_follows_a_possessed_report_is_its_topic_not_its_issuer() -> None:
    doc = _doc("وأشارت مؤسسة النقد العربي السعودي في تقريرها للاستقرار المالي إلى أن المشاركة الأجنبية محدودة. "
               "ولفت التقرير إلى أن المصارف كانت مرنة.")
    assert _said(doc)[-1][2] == "Saudi Arabian Monetary Authority"


def test_a_saying_noun_after_the_verb_is_no_subject() -> None:
    # «وأضاف بقوله:»: the pronoun of بقوله is the dropped subject, the speaker told before.
    doc = _doc("وقال وزير الخارجية اليمني رياض ياسين إن الحوثيين يجب أن ينسحبوا من المدن. "
               "وأضاف بقوله: «هذا أساسي جدا».")
    assert _said(doc)[-1][:2] == ("هذا أساسي جدا", "رياض ياسين")
    fronted = _doc("المرشح الجمهوري جيب بوش صرح بقوله \"الاتفاق خطير ومعيب بشدة\".")
    assert _said(fronted)[-1][:2] == ("الاتفاق خطير ومعيب بشدة", "جيب بوش")


def test_many_of_a_group_is_the_group_and_a_demonstrative_is_no_speaker() -> None:
    many = _doc("ويرى كثير من المراقبين أن فوز الرئيس بولاية ثالثة مؤكد.")
    assert all(speaker != "كثير" for _, speaker, _ in _said(many))
    assert [s for _, s, _ in _said(many)] in ([], ["المراقبين"])  # (unnamed observers may go unlisted)
    that = _doc("وقال وزير الخارجية الفرنسي لوران فابيوس إن فرنسا كانت صارمة. واعتبر ذلك «ضمانا لأمن المنطقة».")
    assert _said(that)[-1][:2] == ("ضمانا لأمن المنطقة", "لوران فابيوس")


@pytest.mark.parametrize("tail", ["وفقا للأداء الجيد لهم خلال العقدين الماضيين", "وبحسب انسجام ذلك مع توجهاتها"])
def test_according_to_a_measure_is_no_source(tail: str) -> None:
    doc = _doc(f"وحظيت فكرة تولي مدرب أرجنتيني قيادة المنتخب بقبول واسع، {tail}.")
    assert _said(doc) == []


def test_according_to_a_surname_told_before_is_a_source() -> None:
    doc = _doc("وقال سعيد مموزيني، مسؤول إعلام الحزب الديمقراطي الكردستاني في الموصل، إن التنظيم أعدم خطيب "
               "مسجد. واعتقل التنظيم أمس 15 خياطا، وحسب مموزيني: «أعدم التنظيم فورا أربعة منهم».")
    assert _said(doc)[-1][:2] == ("أعدم التنظيم فورا أربعة منهم", "مموزيني")


def test_an_accusative_adverb_after_the_verb_is_no_subject() -> None:
    # «يرى زيفاً أن …»: زيفاً (falsely) is an adverb; «وقال مجدداً الوزير»: the subject follows it.
    assert all(speaker != "زيفاً" for _, speaker, _ in _said(
        _doc("ويعلق الشباب على المشانق في بلد يرى زيفاً أن مد النفوذ الفارسي هو الطريق.")))
    doc = _doc("وقال مجدداً وزير الخارجية عادل الجبير إن المملكة لن تقبل التدخل.")
    assert _said(doc)[-1][1] == "عادل الجبير"


def test_a_pluperfect_subject_carries_to_a_dropped_subject() -> None:
    # «وكانت X (قد) دانت …. وقالت إن»: the subject told between كان and its verb, past a definite
    # apposition, is the one the next sentence's dropped subject points at.
    doc = _doc("وكانت جبهة التحرير الوطني الجناح السياسي للحركة قد استنكرت في بيان الغارات الأخيرة. "
               "وقالت إن الحكومة «خرقت الاتفاق من جانب واحد».")
    assert _said(doc)[-1][:2] == ("الحكومة «خرقت الاتفاق من جانب واحد»", "جبهة التحرير الوطني الجناح السياسي")
    noun = _doc("وكان الهدف الرئيسي للزيارة بحث العلاقات الثنائية. وقال إن الوضع مستقر.")
    assert all(speaker != "الهدف الرئيسي" for _, speaker, _ in _said(noun))


def test_a_state_body_named_by_its_common_noun_carries_to_a_dropped_subject() -> None:
    doc = _doc("أكدت الحكومة دعمها لخطة الإصلاح. وقالت إن الوضع الأمني مستقر.")
    assert _said(doc)[-1][:2] == ("الوضع الأمني مستقر", "الحكومة")


def test_a_pronoun_adjunct_after_the_verb_is_no_subject() -> None:
    # «قال خلاله القائد»: خلاله points back at the ceremony; the speaker follows it.
    doc = _doc("وأقيم في مقر قيادة الأمن حفل تأبين للجنود بحضور مئات الأشخاص قال خلاله قائد الشرطة المحلي "
               "أحمد الدوري \"سنواصل معركتنا ضد الإرهاب حتى النهاية\".")
    assert _said(doc)[-1][:2] == ("سنواصل معركتنا ضد الإرهاب حتى النهاية", "أحمد الدوري")


def test_an_outlet_told_before_its_relay_verb_relays() -> None:
    # «وكانت صحيفة «X» نقلت عن Y أن»: the outlet in marks between كان and the verb relays Y.
    doc = _doc("وكانت صحيفة «الوطن» نقلت عن مصادر عسكرية أن \"الموكب كان في طريقه إلى الثكنة عندما تعرض لكمين\".")
    # (an outlet relaying unnamed sources speaks on record: the sources are what it cites)
    q = doc.quotes[-1]
    assert doc.span_text(q.content) == "الموكب كان في طريقه إلى الثكنة عندما تعرض لكمين"
    assert "الوطن" in doc.span_text(q.speaker.span)
    assert q.citing is not None and doc.span_text(q.citing.span) == "مصادر عسكرية"


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("والتقى الرئيس بوزير الخارجية الذي أكد أن العلاقات بين البلدين متينة.", "العلاقات بين البلدين متينة",
     "وزير الخارجية"),
    ("وأفرجت الشرطة عن الموقوفين، وفق صحيفة الأهرام التي قالت إنه لم يثبت تورطهم في الهجوم.",
     "لم يثبت تورطهم في الهجوم", "صحيفة الأهرام"),
])
def test_speech_in_a_relative_clause_is_the_antecedents(text: str, content: str, speaker: str) -> None:
    said = _said(_doc(text))
    assert (content, speaker) in [(c, s) for c, s, _ in said]


@pytest.mark.parametrize("text", ["وزار الوزير المعرض الذي قال إنه يمثل نقلة نوعية.",
                                  "وهذا ما يؤكده من قال إن الحرب ستطول."])
def test_a_relative_clause_after_what_cannot_speak_has_no_speaker(text: str) -> None:
    assert _said(_doc(text)) == []


@pytest.mark.parametrize("relay", ["نقلت صحيفة «الوطن» عن مصادر عسكرية", "قالت صحيفة الوطن نقلا عن مسؤولين في الجيش"])
def test_an_outlet_relaying_an_unnamed_source_speaks_on_record_citing_it(relay: str) -> None:
    # «نقلت صحيفة «الوطن» عن مصادر عسكرية أن …»: the outlet is on record; the sources are what it cites,
    # and a participle carried on from them («مشيرة إلى أن») is the outlet's too.
    doc = _doc(f"و{relay} أن الموكب تعرض لكمين قرب الثكنة، مشيرة إلى أن الاشتباكات استمرت ساعتين.")
    assert [(c, name) for c, _, name in _said(doc)] == [("الموكب تعرض لكمين قرب الثكنة", "Al Watan (Saudi Arabia)"),
                                                    ("الاشتباكات استمرت ساعتين", "Al Watan (Saudi Arabia)")]
    assert all(q.via is None and q.citing is not None for q in doc.quotes)
    assert doc.quotes[0].to_json(doc.text)["citing"]["text"] in relay


def test_a_named_person_relayed_by_an_outlet_speaks_himself() -> None:
    doc = _doc("ونقلت وكالة رويترز عن وزير الخارجية عادل الجبير قوله إن المملكة لن تقبل التدخل.")
    (q,) = doc.quotes
    assert doc.span_text(q.speaker.span) == "عادل الجبير" and q.via is not None and q.citing is None


def test_one_of_the_storys_people_relayed_by_an_outlet_is_no_source_on_record() -> None:
    # «ونقلت صحيفة … عن إحداهن قولها»: a woman of the story tells what she did; the outlet is no
    # speaker on record for her, and she speaks for nobody named.
    doc = _doc("ونقلت صحيفة «الوطن» عن إحداهن قولها إن الخداع بدأ عندما تواصلت مع أحد المسلحين عبر الإنترنت.")
    assert _said(doc) == []
    assert [doc.span_text(q.speaker.span) for q in doc.unattributed] == ["إحداهن"]


def test_the_cited_source_survives_a_round_trip_through_json() -> None:
    from marsad.core.serial import document_from_dict
    from marsad.shells.cli.main import to_record

    doc = _doc("ونقلت صحيفة «الوطن» عن مصادر أمنية أن الموكب تعرض لكمين قرب الثكنة.")
    back = document_from_dict(to_record(doc))
    assert [(doc.span_text(q.citing.span) if q.citing else None) for q in back.quotes] == ["مصادر أمنية"]


def test_a_verb_written_as_a_preposition_opens_its_clause_before_a_titled_subject() -> None:
    # «وقبل ذلك، عبر وزير الخارجية البلجيكي … عن أسفه وذكر بأن»: عبر is "expressed", not "across".
    doc = _doc("وقال المتحدث باسم الخارجية الأميركية إن الانتخابات لا تتمتع بالمصداقية. وقبل ذلك، عبر وزير "
               "الخارجية البلجيكي ديدييه رينديرز عن أسفه لتنظيم الانتخابات، وذكر بأن بلاده ستعيد النظر في تعاونها.")
    assert _said(doc)[-1][:2] == ("بلاده ستعيد النظر في تعاونها", "ديدييه رينديرز")


@pytest.mark.parametrize("opening", ["وبينما أفادت مصادر أمنية بارتفاع حصيلة القصف إلى 11 قتيلا، ",
                                     "وفي محافظة ديالى وبعد أن أعلنت الشرطة مقتل ثلاثة مدنيين، "])
def test_the_main_clause_after_a_subordinate_one_is_what_the_sentence_is_about(opening: str) -> None:
    # «وبينما أفادت مصادر …، حذر النائب …. وقال: …»: the dropped subject of «وقال» goes on with the
    # main clause's subject, not the subordinate clause's.
    doc = _doc(f"{opening}حذر النائب صلاح مزاحم الجبوري من مخاطر إشعال الفتنة بين أهالي المدينة. "
               "وقال: هناك من يريد إشعال نار الفتنة بين أبناء محافظتنا.")
    assert _said(doc)[-1][:2] == ("هناك من يريد إشعال نار الفتنة بين أبناء محافظتنا", "صلاح مزاحم الجبوري")


def test_a_subordinate_clause_with_no_main_verb_after_its_comma_leaves_the_topic_alone() -> None:
    # «وبينما أكد الوزير …، وهو ما …»: no verb opens a main clause after the comma, so the
    # subordinate clause's subject stays what the sentence is about.
    doc = _doc("وبينما أكد وزير الخارجية عادل الجبير أن المملكة لن تقبل التدخل، وهو موقف ثابت. "
               "وأضاف أن الرياض تدعم الحل السياسي.")
    assert _said(doc)[-1][:2] == ("الرياض تدعم الحل السياسي", "عادل الجبير")


def test_an_aside_between_dashes_after_the_speaker_is_stepped_over() -> None:
    # «وقال موقع … -الناطق بالتركية والذي يصف نفسه بانه … – إن»: the aside's own verb and
    # complementiser are no speech; the speech opens at إن after the closing dash.
    doc = _doc("وقال موقع دار الخلافة دوت كوم -الناطق بالتركية والذي يصف نفسه بانه مكتب محلي لمؤسسة "
               "الحياة الجناح الإعلامي للتنظيم – إن القرار أظهر الضغوط المتزايدة على المسلمين في تركيا.")
    assert [q[:2] for q in _said(doc)] == [("القرار أظهر الضغوط المتزايدة على المسلمين في تركيا",
                                             "موقع دار الخلافة دوت كوم")]


@pytest.mark.parametrize("as_", ["بأنها", "بانها"])
def test_describing_as_is_a_judgement_with_or_without_the_hamza(as_: str) -> None:
    doc = _doc(f"ووصف رئيس الغرفة التجارية الألمانية إيريك شفيتزر الزيارة {as_} إشارة مشجعة للشركات الألمانية.")
    assert _said(doc) == [] and doc.unattributed == []


@pytest.mark.parametrize("between", ["الذي رفض ذكر اسمه", "الذي وصل إلى بغداد أمس"])
def test_a_relative_clause_between_a_fronted_subject_and_its_verb(between: str) -> None:
    # «المسؤول العراقي الذي رفض ذكر اسمه قال إن»: the clause's own verbs (ذكر among them, with no
    # complementiser) stand between the subject and the verb of saying.
    doc = _doc(f"المسؤول العراقي {between} قال إن رئيس الأركان الأمريكي طالب رئيس الوزراء بالحفاظ على التزامه.")
    assert [q[:2] for q in _said(doc)] == [("رئيس الأركان الأمريكي طالب رئيس الوزراء بالحفاظ على التزامه",
                                             "المسؤول العراقي")]


def test_an_attribution_between_a_fronted_subject_and_its_verb() -> None:
    # «رئيس الأركان وفقا للمسؤول العراقي أكد خلال الاجتماع أن»: told by another, the words are still
    # the subject's (a nested statement is quoted as its inner speaker).
    doc = _doc("رئيس الأركان الأمريكي وفقا للمسؤول العراقي أكد خلال الاجتماع أن النفوذ الإيراني سيكون أكثر إيجابية.")
    assert [q[:2] for q in _said(doc)] == [("النفوذ الإيراني سيكون أكثر إيجابية", "رئيس الأركان الأمريكي")]


def test_a_title_subject_before_an_adjunct_and_its_verb() -> None:
    # «رئيس الأركان الأمريكي أكد خلال الاجتماع أن»: a title opens an actor as a definite noun does.
    doc = _doc("رئيس الأركان الأمريكي أكد خلال الاجتماع أن واشنطن تراقب العلاقة بين بغداد وطهران.")
    assert [q[:2] for q in _said(doc)] == [("واشنطن تراقب العلاقة بين بغداد وطهران", "رئيس الأركان الأمريكي")]


def test_a_subject_before_a_verb_of_telling_is_its_speaker_and_the_name_after_the_one_told() -> None:
    # «وأكد المسؤول أن الجنرال ديمبسي أبلغ العبادي أن …»: the general told al-Abadi; the official's
    # words hold the general's whole report.
    doc = _doc("وأكد المسؤول العراقي أن الجنرال ديمبسي أبلغ العبادي أن واشنطن سترسل إلى العراق فرقا أمريكية.")
    assert [q[:2] for q in _said(doc)] == [
        ("الجنرال ديمبسي أبلغ العبادي أن واشنطن سترسل إلى العراق فرقا أمريكية", "المسؤول العراقي"),
        ("واشنطن سترسل إلى العراق فرقا أمريكية", "ديمبسي")]


def test_a_subject_fronted_after_kana_is_the_speaker_and_the_phrase_after_the_verb_its_object() -> None:
    doc = _doc("وكان الرئيس عبدربه منصور هادي قد أبلغ الوفد أن الحكومة ستتعاون مع المبعوث.")
    assert [q[:2] for q in _said(doc)] == [("الحكومة ستتعاون مع المبعوث", "عبدربه منصور هادي")]


def test_an_attribution_opened_by_lakinnahu_cuts_the_speech_before_it() -> None:
    # «ونفى فوزي أن … لكنه أضاف أن …»: the first content ends before «لكنه أضاف».
    doc = _doc("ونفى فوزي أن يكون المبعوث ناقش إمكانية التفاوض لكنه أضاف أن الجامعة العربية ستدرس مراقبة الهدنة.")
    assert [q[0] for q in _said(doc)] == ["أن يكون المبعوث ناقش إمكانية التفاوض",
                                          "الجامعة العربية ستدرس مراقبة الهدنة"]


def test_marks_around_an_outlet_do_not_use_up_a_participles_reach() -> None:
    # «مبينا في تصريح لـ"الرياض" بأن»: four words, seven tokens, before the complementiser.
    doc = _doc('رد وزير الخارجية اليمني رياض ياسين على محاولات بعض الأطراف مبينا في تصريح ل"الرياض" بأن '
               "معظم المساعدات التي وصلت إلى عدن هي من المملكة.")
    (q,) = doc.quotes
    assert (doc.span_text(q.speaker.span), doc.span_text(q.content)) == (
        "رياض ياسين", "معظم المساعدات التي وصلت إلى عدن هي من المملكة")
    assert q.via is not None and doc.span_text(q.via.span) == "الرياض"


def test_considering_with_adda_is_a_cue() -> None:
    # «عادّا أن ذلك «يؤكد …»»: the participle of عدّ (to consider) reports as معتبرا does.
    doc = _doc("وحث قائد الجيش العماد جان قهوجي العسكريين على الاستعداد لمواجهة الإرهابيين، عادّا أن "
               "ذلك «يؤكد بشكل واضح ما يبيته هذا العدو تجاه المنطقة».")
    assert _said(doc)[-1][1] == "جان قهوجي"


@pytest.mark.parametrize("next_sentence", ["إنني أدعو السلطات الإسرائيلية إلى تجميد جميع عمليات الهدم.",
                                           "وبالطبع لدينا سبب آخر لتجميد عمليات الهدم."])
def test_a_sentence_in_the_speakers_first_person_goes_on_with_the_speech(next_sentence: str) -> None:
    # «وقال بايبر إن: … محظورا. إنني أدعو …»: no attribution of its own, the first person carries on.
    doc = _doc("دعا منسق الشؤون الإنسانية روبيرت بايبر إسرائيل إلى وقف خططها. وقال بايبر إن هدم الممتلكات "
               f"الخاصة في الأراضي المحتلة يعتبر عملا محظورا. {next_sentence}")
    (q,) = doc.quotes
    assert doc.span_text(q.content).endswith(next_sentence.rstrip("."))


def test_a_first_person_sentence_after_a_new_paragraph_or_a_closed_quotation_is_not_carried() -> None:
    doc = _doc("وقال بايبر إن هدم الممتلكات يعتبر عملا محظورا.\nإننا نتابع الموضوع في الصحيفة. وقال الوزير: «الوضع "
               "مستقر». نحن نتابع التطورات.")
    assert [q[0] for q in _said(doc)] == ["هدم الممتلكات يعتبر عملا محظورا", "الوضع مستقر"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("إلى ذلك قال آمر كتيبة لواء أول مشاة التابعة للجيش الليبي العقيد حامد بالخير، إنه يتوجب على الشعب "
     "الليبي دعم كافة مؤسسات الدولة.", "حامد بالخير"),
    ("وقال المشرف العام على المهرجان غالي بن ناجي الجهني إن الفعاليات تتضمن مسرح الطفل.", "غالي بن ناجي الجهني"),
])
def test_the_holder_named_after_a_long_office_is_the_speaker(text: str, speaker: str) -> None:
    # The office read as the subject runs on to its holder's name just before the speech.
    assert [q[1] for q in _said(_doc(text))] == [speaker]


@pytest.mark.parametrize("text", [
    "وأكد وزير الخارجية لنظيره الأمريكي جون كيري أن المملكة تدعم الحل السياسي.",
    "وأفاد تقرير بريطاني في وفاة ليتفينينكو بأن سكان لندن تعرضوا لمخاطر.",
])
def test_a_name_closing_a_prepositional_phrase_after_the_subject_is_not_its_holder(text: str) -> None:
    # The one spoken to («لنظيره … جون كيري»), the one a report is about («في وفاة ليتفينينكو»).
    assert all(q[1] not in ("جون كيري", "ليتفينينكو") for q in _said(_doc(text)))


def test_a_definite_post_told_again_is_the_person_named_after_it_before() -> None:
    # «… المبعوث الأممي إلى اليمن إسماعيل ولد الشيخ أحمد. … قال المبعوث الأممي إلى اليمن، إن»: the envoy
    # named as the host's guest speaks, not the host; «الأممي» is the post's adjective, no surname.
    doc = _doc("استقبل وزير خارجية الإمارات الشيخ عبدالله بن زايد آل نهيان المبعوث الأممي إلى اليمن إسماعيل "
               "ولد الشيخ أحمد. من جانبه، قال المبعوث الأممي إلى اليمن، إن لدى دولة الإمارات سمعة طيبة.")
    assert [q[1:] for q in _said(doc)] == [("المبعوث الأممي", "Ismail Ould Cheikh Ahmed")]
    assert all(e.name_en != "Al-Amami" for e in doc.entities)


@pytest.mark.parametrize(("text", "speaker"), [
    ("وأفصح المتحدث باسم الوزارة خالد القحطاني بأن كل من يتورط في شراء الأصوات تنتظره عقوبة السجن.", "خالد القحطاني"),
    ("ووجه وزير الدفاع خالد العبيدي أصابع الاتهام إلى قادة في الجيش ذاكراً أنهم كانوا يبتزون المواطنين.",
     "خالد العبيدي"),
])
def test_disclosing_and_mentioning_are_cues(text: str, speaker: str) -> None:
    # أفصح (disclosed) reports as كشف does; ذاكرا (mentioning) as كاشفا does.
    assert [q[1] for q in _said(_doc(text))] == [speaker]


@pytest.mark.parametrize("text", [
    'وكتبت الهيئة الأمريكية للأسماك والحياة البرية على موقع تويتر تقول: "نحن نحقق في مقتل الأسد سيسيل".',
    "وتابع المدعي العام باتريك موريسي يقول «إن تحالفنا يتكون من عدة ولايات».",
])
def test_saying_in_the_imperfect_leads_on_to_the_speech(text: str) -> None:
    # «… تقول: "…"»: the imperfect "saying" continues the clause's verb; its subject speaks.
    (q,) = _doc(text).quotes
    assert q.kind == "direct"


def test_an_imperfect_verb_of_saying_after_a_comma_and_lakin_has_its_own_subject() -> None:
    doc = _doc("ولم تعلن أي جماعة إرهابية مسؤوليتها، لكن السلطات المصرية تقول: إن عشماوي كان وراء العملية.")
    assert [q[1] for q in _said(doc)] == ["السلطات المصرية"]
