"""Events stage: frames that carry a non-violent event without the type's usual verb (issue 14):
stated support or disapproval (أعرب عن دعمه/استنكاره), appreciation (ثمّن، قدّر), terrorist
labelling, destabilisation, open threats (كل الخيارات مطروحة), «لا دور لـ», prisoner swaps and
transfers, supplying aid, seizure of territory (السيطرة على), and a verbal noun made an act by a count
(نشر مئات الجنود).  Sentences written for these tests in the style of Arabic news."""

from __future__ import annotations

import pytest

import marsad
from conftest import events_doc
from marsad.stages.events import find_events


def found(text: str) -> list[tuple[str, str, str]]:
    """(type, status, trigger text) of every event the rules find in a text (no learned filter)."""
    doc = events_doc(text)
    return [(e.type, e.status, doc.span_text(e.trigger)) for e in find_events(doc, learned_filter=False)]


# (sentence, type, trigger text)
FRAMES = [
    ("وأعرب وزير الخارجية عن دعم المملكة الكامل للحكومة الشرعية في اليمن.", "SUPPORT", "وأعرب"),
    ("وجدد الأمين العام تأييده لجهود المبعوث الأممي في سوريا.", "SUPPORT", "وجدد"),
    ("وأكد الرئيس خلال الاتصال الذي جرى مساء أمس دعمه لجهود الحكومة في مكافحة الإرهاب.", "SUPPORT", "دعمه"),
    ("وقالت الوزيرة إن بلادها ملتزمة بدعم الشعب الفلسطيني.", "SUPPORT", "ملتزمة"),
    ("وثمن مجلس الوزراء الجهود التي تبذلها قوات الأمن في حماية الحدود.", "SUPPORT", "وثمن"),
    ("وقال المتحدث إن بلاده تقدر عاليا الجهود التي تبذلها المملكة في اليمن.", "SUPPORT", "تقدر"),
    ("وقال الوزير إن من حق المملكة الدفاع عن أراضيها.", "SUPPORT", "من حق"),
    ("وأعربت الخارجية الفرنسية عن استنكارها للهجوم على السفارة.", "ACCUSE", "وأعربت"),
    ("وأكد المتحدث رفضه لأي تدخل أجنبي في شؤون بلاده.", "REJECT", "وأكد"),
    ("وتعتبر الحكومة التركية الحزب منظمة إرهابية منذ سنوات.", "ACCUSE", "وتعتبر"),
    ("ويشتبه في أن الرجل شارك في تمويل جماعات مسلحة.", "ACCUSE", "ويشتبه"),
    ("وقال البيان إن الجماعة تشارك في زعزعة استقرار الدول المجاورة.", "ACCUSE", "زعزعة استقرار"),
    ("وقال المسؤول إن كل الخيارات مطروحة إذا لم توقف الميليشيات هجماتها.", "THREATEN", "كل الخيارات"),
    ("وقال الوزير إنه لا دور للجماعات المسلحة في مستقبل البلاد.", "REJECT", "لا دور"),
    ("وفشلت صفقة تبادل الأسرى بين الطرفين بعد أسابيع من المفاوضات.", "RETREAT", "تبادل الأسرى"),
    ("وتعمل المنظمة على تزويد آلاف النازحين بالغذاء والمياه في المخيمات.", "AID", "تزويد"),
    ("ونقلت الميليشيات عشرات المعتقلين إلى السجن المركزي أمس.", "COERCE", "ونقلت"),
    # an execution carried out is ASSAULT targeted (PLOVER manual)
    ("وقال المصدر إن المسلحين نفذوا أمس حكم الإعدام رميا بالرصاص بحق ثلاثة من الرهائن.", "ASSAULT", "نفذوا"),
    ("وأكد شهود أن الجماعة نفذت حكم الإعدام في عدد من الأسرى في الساحة العامة.", "ASSAULT", "نفذت"),
    ("ووضع المعتقلون في زنازين انفرادية بعد نقلهم.", "COERCE", "ووضع"),
    ("وتمكنت القوات من السيطرة على المدينة بعد معارك عنيفة.", "COERCE", "السيطرة"),
    ("وأكدت مصادر عسكرية أن الجيش فرض سيطرة كاملة على المحافظة أمس.", "COERCE", "سيطرة"),
    ("وقال قائد ميداني إن القوات سيطرت بشكل كامل مساء أمس، على مطار المدينة.", "COERCE", "سيطرت"),
    ("وجاء ذلك بعد ساعات من نشر مئات الجنود حول المطار.", "MOBILIZE", "نشر"),
    # the PLOVER manual's ambiguities: a hostage rescue is AID, letting aid in is RETREAT (access), a
    # pardon and an apology are CONCEDE
    ("وتمكنت قوات الأمن من تحرير ثلاثة رهائن كانوا لدى العصابة أمس.", "AID", "تحرير"),
    ("وسمحت السلطات بدخول المساعدات الإنسانية إلى المدينة المحاصرة.", "RETREAT", "وسمحت"),
    ("وأصدر الرئيس عفوا عن مئات السجناء السياسيين.", "CONCEDE", "وأصدر"),
    ("وأعلن الملك عفوا عاما عن المعارضين.", "CONCEDE", "عفوا عاما"),
    ("واعتذر الوزير للمواطنين عن التأخير في صرف الإعانات.", "CONCEDE", "واعتذر"),
    ("وأدرجت واشنطن القيادي على قائمة الإرهاب.", "SANCTION", "وأدرجت"),
    ("وحذر الوزير من مغبة استمرار الهجمات على المدنيين.", "THREATEN", "وحذر"),
    ("ووصلت تعزيزات عسكرية إلى المدينة أمس.", "MOBILIZE", "ووصلت"),
    # a complaint lodged accuses; a smuggling foiled is a seizure; a road closed restricts movement
    ("وقررت الحكومة رفع شكوى إلى منظمة الطيران المدني الدولي ضد إسرائيل.", "ACCUSE", "رفع"),
    ("وأحبطت السلطات اليونانية تهريب شحنة أسلحة ثقيلة إلى ليبيا.", "COERCE", "وأحبطت"),
    ("وأغلقت السلطات أمس طريقا سريعا في شرق البلاد.", "COERCE", "وأغلقت"),
    # answering someone's charges rejects them; عرض مع is discussing
    ("ورد وزير الخارجية على الانتقادات التي وجهها إليه النواب.", "REJECT", "ورد"),
    ("وعرض الرئيس أمين الجميل مع السفير الأميركي ديفيد هيل التطورات.", "CONSULT", "وعرض"),
    # a protest action (تحرك احتجاجي) told with a light verb
    ("ونفذ سكان بلدتي بشامون ودير قوبل تحركا اعتراضيا أمس رفضا لإقامة المطمر.", "PROTEST", "تحركا اعتراضيا"),
    ("وتواصلت يوم أمس التحركات الاحتجاجية في المناطق اللبنانية.", "PROTEST", "التحركات الاحتجاجية"),
    # a light verb in the dual: its subject is two parties
    ("وقالت الصحيفة إن إسرائيل والولايات المتحدة تجريان محادثات بشأن مساعدات جديدة.", "CONSULT", "محادثات"),
    # an advance on a place is an offensive; a light verb of going on makes the noun an act
    ("وتقدمت قوات المقاومة نحو مدينة الضالع أمس.", "ASSAULT", "وتقدمت"),
    ("وواصلت المقاومة تقدمها شمالا باتجاه محافظة لحج.", "ASSAULT", "تقدمها"),
    ("وانتشرت قوات الأمن في شوارع العاصمة.", "MOBILIZE", "وانتشرت"),
    ("واستنفرت السلطات قواتها على الحدود الجنوبية أمس.", "MOBILIZE", "واستنفرت"),
    ("وجدد المرصد مطالبته لمجلس الأمن بالتحرك لوقف القصف على المدنيين.", "REQUEST", "وجدد"),
    ("وبعث الملك برقية تهنئة لرئيس الجمهورية بمناسبة ذكرى استقلال بلاده.", "SUPPORT", "برقية تهنئة"),
]


@pytest.mark.parametrize(("text", "etype", "trigger"), FRAMES)
def test_frame_is_an_event(text: str, etype: str, trigger: str) -> None:
    assert any(t == etype and trig == trigger for t, _, trig in found(text)), found(text)


# (sentence, a type that must NOT be found: the frame's words in another sense)
OTHER_SENSES = [
    ("وارتفع ثمن البرميل إلى 60 دولارا أمس.", "SUPPORT"),  # ثمن: a price
    ("وتقدر الخسائر بنحو مليون ريال.", "SUPPORT"),  # قدر: estimated
    ("وبذلت الفرق قدر كبير من الجهود لإخماد الحريق.", "SUPPORT"),  # قدر: an amount
    ("وأعرب الوزير عن ثقته في أن الانتخابات ستجري في موعدها.", "SUPPORT"),  # confidence, not support
    ("من حق المواطن الحصول على الخدمة.", "SUPPORT"),  # a right, not one to defend oneself
    ("وتمكنت فرق الدفاع المدني من السيطرة على الحريق دون إصابات.", "COERCE"),  # put out a fire
    ("وسيطرت فرق الدفاع المدني على الحريق في المستودع.", "COERCE"),
    ("وبدأ الشوط الأول بسيطرة واضحة للفريق الضيف على الكرة.", "COERCE"),  # control of the game
    ("ونقل المصابون إلى المستشفى لتلقي العلاج.", "COERCE"),  # no prison: a transfer to hospital
    ("واشتبه موظف الجمارك في حقيبة أحد المسافرين.", "ACCUSE"),  # a check, not an allegation
    ("وأطلقت الدورية النار على أشخاص يشتبه في أنهم زرعوا عبوة ناسفة.", "ACCUSE"),  # describes the targets
    ("وطالب النائب بنشر قوات إضافية على الحدود.", "MOBILIZE"),  # no count: the demand only
    ("وتمكنت فرق الدفاع المدني من إنقاذ المحتجزين داخل المبنى المحترق.", "AID"),  # trapped, not hostages
    ("وحرر الجيش المدينة من قبضة المسلحين.", "AID"),  # a town taken back, not a rescue
    ("وأدرجت اليونسكو الموقع على قائمة التراث العالمي.", "SANCTION"),
    ("وحذرت الأرصاد من هطول أمطار غزيرة على المنطقة.", "THREATEN"),
    ("وانتشر الفيروس في عدة مناطق من البلاد.", "MOBILIZE"),
    ("واستنفرت المستشفيات طواقمها الطبية لاستقبال المصابين.", "MOBILIZE"),  # a hospital alert
    ("وتسعى الحكومة إلى إضعاف سيطرة المسلحين على المناطق الحدودية.", "COERCE"),  # an aim, not a seizure
    # a seizure needs a place after it (senses.yaml territory)
    ("وحثت واشنطن الحكومة على فرض سيطرة أكبر على الجهاز الأمني.", "COERCE"),
    ("وذكر مصدر أن الجندي فشل في السيطرة على الدبابة فارتطم بجدار المنزل.", "COERCE"),
    ("وقال المحلل إن التحالف يسيطر على آليات الحكم منذ سنوات.", "COERCE"),
    # a reaction is no rebuttal; things that differ disagree with no one; lifting a ban is no complaint;
    # a light verb in the plural is left to the listed forms (a habit: «من يخرجون في تظاهرات كل أسبوع»)
    ("وهم يتبنون المواقف الانتحارية في كل نقاش.", "ASSAULT"),
    ("وقوبل رد الفعل الرسمي تجاه الأزمة بانتقادات من الأسقف.", "REJECT"),
    ("ويختلف الوضع في اليمن عن الوضع في سوريا.", "REJECT"),
    ("وقررت الحكومة رفع الحظر عن الصادرات.", "ACCUSE"),
    # progress towards a goal, and submitting a request, are no advance on a place
    ("وأحرزت المفاوضات تقدما نحو السلام في اليمن.", "ASSAULT"),
    ("وتقدم الوفد نحو تسوية شاملة للأزمة.", "ASSAULT"),
    ("وتقدم المحامي بطلب للإفراج عن موكله.", "ASSAULT"),
    # a death sentence passed is no execution carried out
    ("وأصدرت المحكمة الجنائية حكما بالإعدام على ثلاثة متهمين.", "ASSAULT"),
    ("وصدرت بحقه أحكام بالإعدام غيابيا العام الماضي.", "ASSAULT"),
    ("وقضت محكمة مصرية في يونيو الماضي غيابيا بإعدام الداعية لإدانته بالتحريض.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "etype"), OTHER_SENSES)
def test_other_sense_is_not_the_event(text: str, etype: str) -> None:
    assert etype not in {t for t, _, _ in found(text)}, found(text)


def test_destabilisation_as_an_aim_is_no_accusation() -> None:
    """A generic «التي تهدف إلى زعزعة الأمن» names what such acts aim at; the verbal noun needs an
    eventive clause (a light verb such as تشارك) to accuse someone."""
    text = "وأكدت الوزارة تأييدها للإجراءات التي تتخذها الدولة للتصدي للأعمال التي تهدف إلى زعزعة الأمن."
    assert "ACCUSE" not in {t for t, _, _ in found(text)}


def test_hosting_told_as_a_frame_is_a_meeting_of_the_host_with_the_guest() -> None:
    doc = marsad.analyze("وأكد الأمير فيصل بن بندر أمير منطقة الرياض خلال استقباله وزير الخارجية الباكستاني سرتاج عزيز "
                         "في مكتبه أمس أن العلاقات بين البلدين متينة.", "2015-08-01")
    hosted = [e for e in find_events(doc, learned_filter=False) if e.type == "CONSULT"]
    assert len(hosted) == 1 and hosted[0].mode == "host"
    assert "فيصل بن بندر" in {doc.span_text(a.span) for a in hosted[0].source}
    assert "سرتاج عزيز" in {doc.span_text(a.span) for a in hosted[0].target}


@pytest.mark.parametrize("text", [
    "وقد وصل الرئيس الشيشاني إلى المدينة المنورة أمس وكان في استقباله بالمطار وكيل إمارة المنطقة.",
    "ويصل الوفد إلى الميناء صباح اليوم ليتم استقبالهم من مجموعة من الأهالي.",
    "ورفض المستشفى استقباله أمس رغم سوء حالته الصحية.",
])
def test_hosting_not_framing_an_act_is_no_meeting(text: str) -> None:
    assert not [e for e in find_events(events_doc(text), learned_filter=False) if e.type == "CONSULT"]


@pytest.mark.parametrize("opening", ["من جهته، وصف", "ووصف"])
def test_a_visit_framing_the_sentence_is_its_subjects_not_the_name_before_the_frame(opening: str) -> None:
    doc = marsad.analyze(f"{opening} وزير الدفاع الأمريكي آشتون كارتر القوات الكردية بأنها نموذج لهزيمة تنظيم داعش "
                         "أثناء زيارة لم يعلن عنها مسبقا لأربيل أمس.", "2015-07-25")
    visits = [e for e in find_events(doc, learned_filter=False) if e.type == "CONSULT"]
    assert len(visits) == 1
    sources = {doc.span_text(a.span) for a in visits[0].source}
    assert "آشتون كارتر" in sources and "تنظيم داعش" not in sources


def test_going_as_far_as_an_act_tells_it_done() -> None:
    # «أقدم … على اغتيال»: أقدم على governs the verbal noun as a verb of managing does, with no time word.
    found = [e.type for e in find_events(events_doc("وأقدم مسلحون مجهولون على اغتيال ضابط في الشرطة بمدينة درنة."),
                                         learned_filter=False)]
    assert found == ["ASSAULT"]
