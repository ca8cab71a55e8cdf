"""The knowledge base knows the region's coalitions, armed groups, parties, state bodies,
companies and outlets (curated in data/kb/organisations.tsv, bodies.tsv and outlets.tsv)."""

from __future__ import annotations

import pytest

import marsad
from conftest import entity_by_mention, kb_reading
from marsad.core.document import Span
from marsad.stages.entities import assemble, find_mentions
from marsad.stages.entities import kb as kbmod


@pytest.mark.parametrize(("text", "mention", "kb_id"), [
    ("وشنت مقاتلات التحالف العربي غارات على مواقع المتمردين في صعدة.", "التحالف العربي", "saudi_led_coalition"),
    ("وقصفت طائرات التحالف الدولي مواقع التنظيم قرب الرقة.", "التحالف الدولي", "global_coalition_isis"),
    ("وباشرت قوات الطوارئ الخاصة تأمين محيط الموقع بعد البلاغ.", "قوات الطوارئ الخاصة", "sef_sau"),
    ("وأصدرت هيئة كبار العلماء بيانا يدين الهجوم.", "هيئة كبار العلماء", "senior_scholars_sau"),
    ("وقالت المنظمة الدولية للهجرة إن آلاف المهاجرين عبروا البحر.", "المنظمة الدولية للهجرة", "iom"),
    ("ونشر المقطع على موقع يوتيوب وحصد آلاف المشاهدات.", "يوتيوب", "youtube"),
    ("وأعلنت شركة موبايلي نتائجها المالية للربع الثاني.", "موبايلي", "mobily"),
    ("وقال مؤسس الجيش السوري الحر إن المعارك مستمرة.", "الجيش السوري الحر", "fsa"),
])
def test_regional_organisation_is_linked(text: str, mention: str, kb_id: str) -> None:
    entity = entity_by_mention(kb_reading(text, "2015-09-01"))[mention]
    assert (entity.type, entity.kb_id) == ("ORG", kb_id)


def test_a_name_that_is_also_a_phrase_needs_its_state() -> None:
    # المقاومة الشعبية ("popular resistance") is Yemen's only in an article on Yemen.
    yemen = kb_reading("وسيطرت المقاومة الشعبية على مدينة عدن جنوب اليمن.", "2015-08-01")
    assert entity_by_mention(yemen)["المقاومة الشعبية"].kb_id == "popular_resistance_yem"
    elsewhere = kb_reading("وتحدث الكاتب عن المقاومة الشعبية في تاريخ الشعوب.", "2015-08-01")
    assert "المقاومة الشعبية" not in entity_by_mention(elsewhere)


@pytest.mark.parametrize(("text", "kb_id"), [
    # a bare «التحالف» in a story on Yemen is the Saudi-led coalition ...
    ("وشنت طائرات التحالف صباح أمس غارات على مواقع الحوثيين في صنعاء شمال اليمن.", "saudi_led_coalition"),
    # ... in one on Syria or Iraq, the coalition against the Islamic State
    ("وقصفت طائرات التحالف مواقع تنظيم داعش قرب الرقة في سوريا.", "global_coalition_isis"),
    # both theatres named: the one the story names most
    ("وقال الوزير إن التحالف قصف مواقع الحوثيين في عدن وصنعاء وتعز، مشيرا إلى أن اليمن ليس سوريا.",
     "saudi_led_coalition"),
])
def test_a_bare_coalition_is_the_one_of_its_theatre(text: str, kb_id: str) -> None:
    assert entity_by_mention(kb_reading(text, "2015-08-01"))["التحالف"].kb_id == kb_id


@pytest.mark.parametrize("text", [
    # no theatre named: an alliance of any kind
    "وقال الكاتب إن التحالف بين الحزبين لن يدوم طويلا.",
    # a demonstrative points back to the alliance just told
    "وأكد الوزير متانة العلاقات بين المملكة والولايات المتحدة، وقال إن هذا التحالف سيبقى رغم الحرب في اليمن.",
    # a nisba adjective makes another body of it
    "وقال التحالف الوطني في العراق إن الحكومة في سوريا لن تسقط.",
])
def test_a_bare_alliance_outside_its_theatre_or_told_otherwise_is_no_coalition(text: str) -> None:
    found = entity_by_mention(kb_reading(text, "2015-08-01")).get("التحالف")
    assert found is None or found.kb_id not in ("saudi_led_coalition", "global_coalition_isis")


def test_a_news_agency_by_its_short_name_in_an_outlet_context() -> None:
    doc = kb_reading("وقال المسؤول لـ«الفرنسية» إن المحادثات ستستأنف.", "2015-08-01")
    assert entity_by_mention(doc)["الفرنسية"].kb_id == "afp"


@pytest.mark.parametrize(("text", "published", "title", "kb_id"), [
    ("واستقبل وزير الدفاع السعودي نظيره الفرنسي في جدة.", "2015-08-01", "وزير الدفاع السعودي", "mbs"),
    ("وأكد وزير الخارجية التركي أن بلاده لن تتدخل.", "2015-01-10", "وزير الخارجية التركي", "cavusoglu"),
    ("وقال وزير الدفاع الأمريكي إن القوات ستبقى.", "2016-03-01", "وزير الدفاع الأمريكي", "ash_carter"),
    ("وأعلن رئيس الوزراء اليمني عودة الحكومة إلى عدن.", "2015-09-20", "رئيس الوزراء اليمني", "bahah"),
])
def test_a_title_links_the_holder_on_the_publication_date(text: str, published: str, title: str, kb_id: str) -> None:
    assert entity_by_mention(kb_reading(text, published))[title].kb_id == kb_id


@pytest.mark.parametrize(("text", "mention", "name_en"), [
    ("وقاتل المسلحون الأكراد القوات الحكومية قرب الحدود.", "الأكراد", "Kurds"),
    ("وفر آلاف الإيزيديين من جبل سنجار.", "الإيزيديين", "Yazidis"),
])
def test_a_people_without_a_state_is_norp_not_an_organisation(text: str, mention: str, name_en: str) -> None:
    entity = entity_by_mention(kb_reading(text))[mention]
    assert (entity.type, entity.name_en) == ("NORP", name_en)


@pytest.mark.parametrize(("text", "published", "mention", "kb_id"), [
    ("وأصدرت الهيئة العامة للسياحة والتراث الوطني تقريرا عن المواقع الأثرية.", "2015-08-01",
     "الهيئة العامة للسياحة والتراث الوطني", "scth_sau"),
    ("وحذرت الهيئة العامة للغذاء والدواء من منتج مغشوش في الأسواق.", "2015-08-01",
     "الهيئة العامة للغذاء والدواء", "sfda_sau"),
    ("وأبقى مجلس الاحتياطي الاتحادي أسعار الفائدة دون تغيير.", "2015-08-01", "مجلس الاحتياطي الاتحادي", "fed"),
    ("ودعت منظمة حظر الأسلحة الكيميائية إلى تحقيق مستقل.", "2015-08-01", "منظمة حظر الأسلحة الكيميائية", "opcw"),
    ("وأعلنت الخطوط الجوية العربية السعودية تشغيل رحلات إضافية.", "2015-08-01",
     "الخطوط الجوية العربية السعودية", "saudia"),
])
def test_state_bodies_and_agencies_of_the_news_are_linked(text: str, published: str, mention: str, kb_id: str) -> None:
    assert entity_by_mention(kb_reading(text, published))[mention].kb_id == kb_id


def _tagged_org(text: str, word: str) -> dict[str, str | None]:
    """Entities of ``text`` with the tagger's reading given: ``word`` an organisation."""
    doc = marsad.analyze(text, "2015-08-01", stages=("clean", "segment"))
    start = doc.text.index(word)
    mentions = find_mentions(doc, kbmod.load(), [(Span(start, start + len(word)), "ORG")])
    return {doc.span_text(e.mentions[0]): e.kb_id for e in assemble(doc, kbmod.load(), mentions)}


@pytest.mark.parametrize(("text", "word", "kb_id"), [
    # A club named without نادي: the tagger says organisation, the knowledge base says which.
    ("وتغلب الهلال على ضيفه في الرياض بثلاثة أهداف.", "الهلال", "al_hilal"),
    ("وتعاقد ليفربول مع مهاجم من مانشستر سيتي.", "ليفربول", "liverpool_fc"),
    # الأهلي is Egypt's and Saudi Arabia's: the article's places choose.
    ("وفاز الأهلي على الاتفاق في جدة.", "الأهلي", "al_ahli_sau"),
    ("وفاز الأهلي على المصري في القاهرة.", "الأهلي", "al_ahly"),
    # A preposition the tagger kept on the name: ل + الهلال.
    ("وكانت الغلبة للهلال في ديربي الرياض أمس.", "للهلال", "al_hilal"),
])
def test_an_organisation_the_tagger_found_by_the_core_of_its_name(text: str, word: str, kb_id: str) -> None:
    assert _tagged_org(text, word)[word] == kb_id


def test_a_core_name_of_two_organisations_stays_unlinked_without_their_state() -> None:
    assert _tagged_org("وفاز الأهلي في مباراة الأمس.", "الأهلي")["الأهلي"] is None


@pytest.mark.parametrize(("text", "mention", "kb_id"), [
    # A foreign name's g written ج, as Saudi and Egyptian papers do.
    ("وتسلمت الخطوط السعودية طائرتين جديدتين من بوينج الأمريكية.", "بوينج", "boeing"),
    ("وصوت الكونجرس الأميركي على مشروع القرار أمس.", "الكونجرس", "us_congress"),
])
def test_a_foreign_organisation_name_with_its_g_written_jim(text: str, mention: str, kb_id: str) -> None:
    assert entity_by_mention(kb_reading(text, "2015-08-01"))[mention].kb_id == kb_id


def test_an_arabic_word_with_ghain_keeps_it() -> None:
    # الغرب is the West; الجرب is scabies, no variant of it.
    doc = kb_reading("وانتشر مرض الجرب بين الأطفال في المخيم.", "2015-08-01")
    assert "الجرب" not in entity_by_mention(doc)


@pytest.mark.parametrize(("text", "published", "mention", "kb_id"), [
    ("وقال وزير الخارجية البريطاني إن لندن ستعيد فتح سفارتها في طهران.", "2015-08-20",
     "وزير الخارجية البريطاني", "hammond"),
    ("وقال وزير الخارجية الفرنسي إن باريس تدعم الحل السياسي.", "2015-08-01", "وزير الخارجية الفرنسي", "fabius"),
    ("وأكد رئيس مجلس النواب العراقي سليم الجبوري أن البرلمان سيصوت على الإصلاحات.", "2015-08-10",
     "سليم الجبوري", "salim_jabouri"),
])
def test_officials_of_the_news_are_linked(text: str, published: str, mention: str, kb_id: str) -> None:
    assert entity_by_mention(kb_reading(text, published))[mention].kb_id == kb_id


@pytest.mark.parametrize(("text", "mention", "kb_id"), [
    # A state's body named without its state: Saudi Arabia's in an article that names it only.
    ("وباشرت فرق الدفاع المدني إخماد الحريق في أحد أحياء جدة.", "الدفاع المدني", "civil_defence_sau"),
    ("وقرر مجلس الوزراء في جلسته بالرياض الموافقة على النظام الجديد.", "مجلس الوزراء", "council_ministers_sau"),
    # With its nationality, another state's (composed like the ministries).
    ("وأعلن الدفاع المدني السوري انتشال جثث من تحت الأنقاض في حلب.", "الدفاع المدني السوري", "civil_defence@SYR"),
])
def test_bodies_named_without_their_state(text: str, mention: str, kb_id: str) -> None:
    assert entity_by_mention(kb_reading(text, "2015-08-01"))[mention].kb_id == kb_id
