"""Where a speaker phrase ends and whom it names, through the whole pipeline: an occasion after
the speaker («وقال الوزير في كلمته»), two speakers sharing one cue, a title held to a state by its
nationality adjective, an official of the local administration, and speech in quotation marks
after a definite outlet noun.

Each passage is written for these tests in the style of the news that showed the pattern
(SaudiNewsNet wire copy, July-August 2015); the entities are the pipeline's own.
"""

from __future__ import annotations

import pytest

import marsad
from conftest import spoken as _said
from marsad.core.document import Document


def _doc(text: str) -> Document:
    return marsad.analyze(text, "2015-07-25")


@pytest.mark.parametrize("occasion", ["في كلمته", "في برقيته", "على صفحته", "في تصريحاته"])
def test_an_occasion_after_the_speaker_is_no_part_of_it(occasion: str) -> None:
    doc = _doc(f"وقال الوزير {occasion} إن الظروف التي تمر بها المنطقة صعبة.")
    assert _said(doc)[0][:2] == ("الظروف التي تمر بها المنطقة صعبة", "الوزير")


def test_two_bodies_sharing_a_cue_give_the_first_named() -> None:
    doc = _doc("وقالت الشرطة والصليب الاحمر ان الآلية انفجرت بعد مرورها فوق لغم.")
    assert _said(doc)[0][:2] == ("الآلية انفجرت بعد مرورها فوق لغم", "الشرطة")


def test_a_name_joined_by_waw_inside_the_phrase_stays_whole() -> None:
    # «الخليج والشرق الأوسط» are two places inside one expert's description, not two speakers.
    doc = _doc("من جهته، رحب الخبير في شؤون الخليج والشرق الأوسط الدكتور يورجين تودنهوفر بالبيان المشترك "
               "معتبرا أن البيان خطة عمل مستقبلية تضمن أمن منطقة الخليج.")
    speaker = _said(doc)[0][1]
    assert "تودنهوفر" in speaker


def test_a_ministry_name_with_waw_is_one_speaker() -> None:
    doc = _doc("وقالت وزارة الشؤون الإسلامية والدعوة والإرشاد إن المساجد جاهزة لاستقبال المصلين.")
    assert _said(doc)[0][1] == "وزارة الشؤون الإسلامية والدعوة والإرشاد"


def test_a_title_with_a_nationality_takes_that_states_person() -> None:
    doc = _doc("تلقى الرئيس المصري عبد الفتاح السيسي برقية تهنئة من نظيره الجزائري عبد العزيز بوتفليقة. "
               "وقال الرئيس الجزائري في برقيته: «يطيب لي أن أتقدم إليكم بأحر التهاني». "
               "وشدد الرئيس الجزائري على أن الظروف العصيبة تفرض ضرورة التشاور.")
    said = _said(doc)
    # (people.tsv lists Bouteflika's term, so the title is his entity mention; the speaker is the
    # whole title, not the nationality word left once the title is taken off)
    assert [s[1:] for s in said] == [("الرئيس الجزائري", "Abdelaziz Bouteflika")] * 2


def test_an_official_of_the_local_administration_speaks_for_the_state() -> None:
    doc = _doc("قتل خمسة أشخاص في هجوم على آلية للشرطة الكينية في منطقة لامو الكينية قرب الحدود مع "
               "كينيا. وأعلنت الشرطة الكينية أن الهجوم وقع في كينيا. وكان مسؤول في الادارة المحلية ذكر "
               "الاثنين ان الهجوم لم يسفر عن ضحايا. واكد المصدر نفسه ان جميع الضحايا مدنيون.")
    said = {content: name for content, _, name in _said(doc)}
    assert said["الهجوم لم يسفر عن ضحايا"] == "Kenya"
    assert said["جميع الضحايا مدنيون"] == "Kenya"


def test_speech_in_marks_after_a_definite_outlet_noun_is_speech() -> None:
    doc = _doc('وقال روحاني في كلمة نقلها التلفزيون "إنهم يدققون الآن في بنود الاتفاق بندا بندا".')
    assert _said(doc)[0][:2] == ("إنهم يدققون الآن في بنود الاتفاق بندا بندا", "روحاني")


def test_a_short_name_in_marks_after_an_outlet_noun_stays_the_outlet() -> None:
    doc = _doc('وقال الوزير لصحيفة "الحياة" إن المفاوضات مستمرة.')
    said = _said(doc)
    assert said[0][:2] == ("المفاوضات مستمرة", "الوزير")


def test_a_statement_set_off_by_a_comma_after_bihasab_is_the_source() -> None:
    doc = _doc("وبينما تشتد الاحتياجات الإنسانية أكثر من أي وقت مضى حسب بيان اللجنة الدولية للصليب الأحمر، "
               "فإنها تناشد كافة الأطراف باحترام القانون الدولي.")
    said = _said(doc)
    assert said and said[0][0] == "بينما تشتد الاحتياجات الإنسانية أكثر من أي وقت مضى"
    assert said[0][2] == "International Committee of the Red Cross"


def test_a_statement_described_by_what_it_said_after_wafq_is_the_source() -> None:
    doc = _doc('ويقوم اوبراين بجولة من اربعة أيام للاطلاع "مباشرة على نتائج النزاع وجهود منظمات الاغاثة" '
               "وفق بيان للأمم المتحدة اشار الى زيادة انتشار الجوع.")
    said = _said(doc)
    assert said and "مباشرة على نتائج النزاع" in said[0][0] and said[0][2] == "United Nations"


def test_a_rule_set_off_by_a_comma_after_wafqan_is_no_source() -> None:
    doc = _doc("وفقا للائحة، يحق للنادي تسجيل خمسة لاعبين أجانب في الموسم المقبل.")
    assert _said(doc) == []


def test_a_name_set_off_by_commas_after_an_office_speaks_though_untagged() -> None:
    doc = _doc("من جهته، قال وزير العدل بالحكومة الشرعية، المبروك قريرة، إن محاكمة رموز النظام أمر غير قانوني.")
    assert _said(doc)[0][:2] == ("محاكمة رموز النظام أمر غير قانوني", "المبروك قريرة")


@pytest.mark.parametrize("aside", ["أمس", "في بيان صحفي", "خلال لقائه الوفد", "صباح اليوم", "من جانبه"])
def test_an_aside_set_off_by_commas_after_an_office_is_no_name(aside: str) -> None:
    doc = _doc(f"وقال المتحدث باسم الوزارة، {aside}، إن المحاكمة غير قانونية.")
    assert _said(doc)[0][:2] == ("المحاكمة غير قانونية", "المتحدث باسم الوزارة")


def test_a_phrase_a_demonstrative_opens_after_the_verb_is_its_object() -> None:
    # «الحركة نفت تلك التقارير … وعدّت أنها»: the movement speaks, not the reports it denied.
    doc = _doc("إلا أن الحركة نفت تلك التقارير آنذاك وعدّت أنها بعيدة عن الحقيقة والواقع.")
    assert _said(doc)[0][:2] == ("بعيدة عن الحقيقة والواقع", "الحركة")


def test_a_name_before_an_apposed_office_speaks_not_a_person_the_office_names() -> None:
    # «المستشار الدبلوماسي للرئيس التونسي»: the adviser speaks, not the president his office names.
    doc = _doc("من جانبه، قال السفير خميس الجهيناوي، المستشار الدبلوماسي للرئيس التونسي، لـ«الشرق الأوسط» "
               "إنه زار الجزائر.")
    assert _said(doc)[0][1] == "خميس الجهيناوي"


def test_a_secretary_general_named_by_title_keeps_the_whole_title() -> None:
    doc = _doc("وقال الأمين العام لمجلس التعاون لدول الخليج العربية إن التصريحات لا تساعد على بناء الثقة.")
    assert _said(doc)[0][1].startswith("الأمين العام")
