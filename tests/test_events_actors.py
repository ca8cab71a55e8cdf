"""Events stage: who an actor acts for. A person takes the body its apposed title names (an
organisation, or the state of a minister of unknown nationality: «وزير خارجية فرنسا»), and a
generic agent that names no state (الشرطة، المتظاهرون، المسؤولون) takes the state where the event
happened, else the article's home state; armed groups, other states (دول) and counterparts (نظيره)
take none.

Sentences are written in the style of SaudiNewsNet; entities are given by hand (surface, type,
ISO3 country), as in test_events_arguments.py.
"""

from __future__ import annotations

import functools

import marsad
from conftest import events_doc, side_codes
from marsad.core.document import Actor, Document, Event, Quote, Span
from marsad.stages.events import find_events
from marsad.stages.events.actors import home_country

build = functools.partial(events_doc, published="2015-08-05")


codes = side_codes


def of_type(doc: Document, etype: str) -> Event:
    found = [e for e in find_events(doc, learned_filter=False) if e.type == etype]
    assert len(found) == 1, [(e.type, doc.span_text(e.trigger)) for e in find_events(doc, learned_filter=False)]
    return found[0]


def test_a_person_acts_for_the_organisation_its_title_names() -> None:
    doc = build("قال سمير الحسيني رئيس الاتحاد العربي للنقل البري إن الحركة تراجعت. "
                "وزار الحسيني القاهرة أمس لبحث الأزمة.",
                (("الحسيني", "PER", None), ("الاتحاد العربي للنقل البري", "ORG", None),
                 ("القاهرة", "GPE", "EGY")))
    visit = of_type(doc, "CONSULT")
    assert codes(doc, visit.source) == {"الحسيني", "الاتحاد العربي للنقل البري"}
    assert codes(doc, visit.target) == {"القاهرة", "EGY"}


def test_a_minister_of_a_named_state_acts_for_it() -> None:
    doc = build("واستقبل العاهل الأردني في عمان أمس وزير خارجية فرنسا لوران فابيوس.",
                (("الأردني", "NORP", "JOR"), ("عمان", "GPE", "JOR"), ("فرنسا", "GPE", "FRA"),
                 ("لوران فابيوس", "PER", None)))
    host = of_type(doc, "CONSULT")
    assert "FRA" in codes(doc, host.target) and "لوران فابيوس" in codes(doc, host.target)


def test_police_and_protesters_act_for_the_state_where_it_happened() -> None:
    doc = build("وأطلقت الشرطة النار على المتظاهرين في البصرة مساء أمس.", (("البصرة", "GPE", "IRQ"),))
    attack = of_type(doc, "ASSAULT")
    assert codes(doc, attack.source) >= {"IRQ"} and codes(doc, attack.target) >= {"IRQ"}


def test_gunmen_act_for_no_state() -> None:
    doc = build("وهاجم مسلحون مجهولون مركزا للشرطة في البصرة فجر اليوم.", (("البصرة", "GPE", "IRQ"),))
    attack = of_type(doc, "ASSAULT")
    assert codes(doc, attack.source) == set()


def test_officials_of_a_saudi_story_are_saudi() -> None:
    doc = build("أعلنت السعودية أمس خطة جديدة للنقل. وقالت وزارة النقل في السعودية إن الخطة تبدأ العام المقبل. "
                "واستنكر المسؤولون الهجوم على الحافلة.",
                (("السعودية", "GPE", "SAU"),))
    assert home_country(doc) == "SAU"
    condemn = of_type(doc, "ACCUSE")
    assert codes(doc, condemn.source) == {"السعودية", "SAU"}


def test_no_home_state_when_two_states_share_the_story() -> None:
    doc = build("زار الرئيس الروسي كوريا الشمالية. وقالت روسيا إن كوريا الشمالية شريك.",
                (("الروسي", "NORP", "RUS"), ("روسيا", "GPE", "RUS"), ("كوريا الشمالية", "GPE", "PRK")))
    assert home_country(doc) is None


def test_other_states_and_a_counterpart_keep_no_state() -> None:
    doc = build("أعلنت السعودية ذلك. وقالت السعودية إن الخطة جاهزة. والتقى وزير الخارجية نظيره في جدة.",
                (("السعودية", "GPE", "SAU"), ("جدة", "GPE", "SAU")))
    meet = of_type(doc, "CONSULT")
    assert codes(doc, meet.target) == set()


def test_an_agent_before_a_preposition_keeps_the_home_state() -> None:
    # إلى folds to الي, which looks like a nisba adjective (الأردني) and must not be read as one.
    doc = build("شهدت العاصمة العراقية احتجاجات. وفي العراق تتواصل الأزمة. دعا ناشطون إلى التظاهر سلميا.",
                (("العراقية", "NORP", "IRQ"), ("العراق", "GPE", "IRQ")))
    call = of_type(doc, "REQUEST")
    assert "IRQ" in codes(doc, call.source)


def test_a_meeting_names_both_parties_on_both_sides() -> None:
    doc = build("وأوضح الوزير أن الجبير اتفق مع لافروف على ضرورة الحل السياسي.",
                (("الجبير", "PER", "SAU"), ("لافروف", "PER", None)))
    agree = of_type(doc, "AGREE")
    assert codes(doc, agree.source) == codes(doc, agree.target) == {"الجبير", "SAU", "لافروف"}


def test_a_visit_stays_one_way() -> None:
    doc = build("وزار الجبير موسكو أمس.", (("الجبير", "PER", "SAU"), ("موسكو", "GPE", "RUS")))
    visit = of_type(doc, "CONSULT")
    assert codes(doc, visit.source) == {"الجبير", "SAU"} and codes(doc, visit.target) == {"موسكو", "RUS"}


def test_a_first_person_verb_in_a_quote_is_the_speakers() -> None:
    text = "وقال خالد العتيبي، أحد منظمي الاعتصام: «سوف نتظاهر أمام مبنى البلدية حتى تلبى مطالبنا»."
    doc = build(text, (("خالد العتيبي", "PER", "KWT"),))
    start = doc.text.index("سوف")
    who = doc.text.index("خالد العتيبي")
    doc.quotes.append(Quote("direct", Span(start, doc.text.index("»")), Actor(Span(who, who + 12), 0)))
    protest = of_type(doc, "PROTEST")
    assert codes(doc, protest.source) == {"خالد العتيبي", "KWT"}


def test_a_secretary_general_acts_for_his_organisation() -> None:
    doc = build("وبحث وزير الخارجية الأردني ناصر جودة في اتصال هاتفي مع الأمين العام للأمم المتحدة "
                "بان كي مون الأوضاع في سوريا.",
                (("الأردني", "NORP", "JOR"), ("ناصر جودة", "PER", "JOR"), ("للأمم المتحدة", "ORG", None),
                 ("بان كي مون", "PER", None), ("سوريا", "GPE", "SYR")))
    call = of_type(doc, "CONSULT")
    # The call is told in a phrase after the verb: the verb's subject made it, with the UN chief.
    assert {"JOR", "للأمم المتحدة", "بان كي مون"} <= codes(doc, call.source)
    assert {"JOR", "للأمم المتحدة"} <= codes(doc, call.target)


def test_a_female_title_introduces_its_name() -> None:
    doc = build("وناقش الرئيس التونسي مع المستشارة الألمانية أنجيلا ميركل ملف الهجرة.",
                (("التونسي", "NORP", "TUN"), ("أنجيلا ميركل", "PER", "DEU")))
    talks = of_type(doc, "CONSULT")
    assert "DEU" in codes(doc, talks.target)


def test_the_object_past_a_time_frame_and_a_comma() -> None:
    doc = build("طلبت الصومال أمس (الأحد)، من جامعة الدول العربية دعم جهود الإغاثة.",
                (("الصومال", "GPE", "SOM"), ("جامعة الدول العربية", "ORG", None)))
    ask = of_type(doc, "REQUEST")
    assert codes(doc, ask.source) == {"الصومال", "SOM"} and codes(doc, ask.target) == {"جامعة الدول العربية"}


def test_a_clause_opening_with_anna_is_the_speakers() -> None:
    text = "وأكد الجبير في ختام جولته أنه أجرى مباحثات مثمرة مع المسؤولين الفرنسيين."
    doc = build(text, (("الجبير", "PER", "SAU"), ("الفرنسيين", "NORP", "FRA")))
    start = doc.text.index("أنه")
    doc.quotes.append(Quote("indirect", Span(start, len(doc.text) - 1), Actor(Span(5, 11), 0)))
    talks = of_type(doc, "CONSULT")
    assert {"SAU", "FRA"} <= codes(doc, talks.source) and {"SAU", "FRA"} <= codes(doc, talks.target)


def test_a_name_after_anna_does_not_take_the_preposition_before_it() -> None:
    doc = build("وأشار البيان إضافة إلى أن الجبير بحث مع المسؤولين الفرنسيين الأزمة اليمنية.",
                (("الجبير", "PER", "SAU"), ("الفرنسيين", "NORP", "FRA")))
    talks = of_type(doc, "CONSULT")
    assert "SAU" in codes(doc, talks.source)


def test_agents_of_a_place_of_unknown_country_keep_no_state() -> None:
    doc = build("أعلنت تركيا الحداد. وقالت تركيا إن الوضع هادئ. وأطلقت الشرطة النار على المحتجين في جزيرة بعيدة "
                "في قرية تل حمدان.", (("تركيا", "GPE", "TUR"), ("تل حمدان", "GPE", None)))
    attack = of_type(doc, "ASSAULT")
    assert codes(doc, attack.source) == set()


def test_a_name_after_a_square_or_street_is_where_not_who() -> None:
    doc = build("وشهد شارع الرشيد في بغداد مظاهرة حاشدة أمس للمطالبة بتحسين الخدمات.",
                (("الرشيد", "PER", None), ("بغداد", "GPE", "IRQ")))
    protest = of_type(doc, "PROTEST")
    assert "الرشيد" not in codes(doc, protest.source)


def test_a_plural_pronoun_on_the_verb_names_the_group_told_before() -> None:
    doc = build("وخرج المعلمون إلى شوارع عمان أمس. وأكد وزير التربية أنه يدعمهم في مطالبهم.",
                (("عمان", "GPE", "JOR"),))
    support = of_type(doc, "SUPPORT")
    assert [doc.span_text(a.span) for a in support.target] == ["المعلمون"]


def test_a_plural_pronoun_after_a_bare_noun_is_that_noun() -> None:
    # «أسرى تحتجزهم»: a relative clause on an indefinite noun; the pronoun is the prisoners.
    doc = build("وخرج المتظاهرون في عدن أمس. وأفرجت الحكومة عن أسرى تحتجزهم منذ عام.",
                (("عدن", "GPE", "YEM"),))
    held = [e for e in find_events(doc, learned_filter=False) if doc.span_text(e.trigger) == "تحتجزهم"]
    assert held and all(not e.target for e in held)


def test_a_force_named_without_its_state_keeps_the_state_it_was_told_with() -> None:
    # The United States is mentioned most, yet the security forces are the Turkish ones told before.
    doc = build("وقالت الولايات المتحدة إنها تراقب الوضع في تركيا. واندلعت اشتباكات بين قوات الأمن التركية "
                "ومسلحين أكراد قرب الحدود. وذكرت الولايات المتحدة أن مسلحين هاجموا عناصر من قوات الأمن "
                "بالصواريخ.",
                (("الولايات المتحدة", "GPE", "USA"), ("تركيا", "GPE", "TUR")))
    attacks = [e for e in find_events(doc, learned_filter=False) if doc.span_text(e.trigger) == "هاجموا"]
    assert len(attacks) == 1
    assert "TUR" in codes(doc, attacks[0].target) and "USA" not in codes(doc, attacks[0].target)


def test_an_event_without_a_place_happens_where_the_last_placed_one_did() -> None:
    doc = build("وأعلنت الولايات المتحدة أنها تدعم الحكومة العراقية. وقال مسؤولون أمريكيون إن الولايات "
                "المتحدة سترسل مساعدات. وأطلقت الشرطة النار على محتجين في البصرة أمس. "
                "واعتقلت الشرطة عشرات المحتجين.",
                (("الولايات المتحدة", "GPE", "USA"), ("البصرة", "GPE", "IRQ"), ("العراقية", "NORP", "IRQ")))
    arrest = of_type(doc, "COERCE")
    assert "IRQ" in codes(doc, arrest.source) and "USA" not in codes(doc, arrest.source)


def test_a_plural_verb_after_a_parenthetical_takes_the_subject_before_it() -> None:
    doc = build("وقالت مصادر أمنية إن مقاتلي حركة طالبان، الذين يسيطرون على مناطق واسعة في الجنوب، "
                "هاجموا نقطة تفتيش للشرطة في قندهار.",
                (("طالبان", "ORG", None), ("قندهار", "GPE", "AFG")))
    attack = of_type(doc, "ASSAULT")
    assert [doc.span_text(a.span) for a in attack.source] == ["طالبان"]


def test_clashes_between_two_parties_name_both_on_both_sides() -> None:
    doc = build("واندلعت اشتباكات عنيفة بين الجيش اليمني والمسلحين الحوثيين شمال صنعاء أمس.",
                (("اليمني", "NORP", "YEM"), ("الحوثيين", "ORG", None), ("صنعاء", "GPE", "YEM")))
    clashes = [e for e in find_events(doc, learned_filter=False) if doc.span_text(e.trigger) == "اشتباكات"]
    assert len(clashes) == 1
    sides = {doc.span_text(a.span) for a in clashes[0].source}
    assert sides == {doc.span_text(a.span) for a in clashes[0].target}
    assert {"الجيش اليمني", "المسلحين"} <= sides


def test_the_owner_of_an_object_after_the_time_frame_comma_is_the_target() -> None:
    doc = build("وكانت الخرطوم قد رفضت في منتصف مايو (أيار)، بيانا لمنظمة العفو الدولية ينتقد أداء الحكومة.",
                (("الخرطوم", "GPE", "SDN"), ("منظمة العفو الدولية", "ORG", None)))
    rejection = of_type(doc, "REJECT")
    assert [doc.span_text(a.span) for a in rejection.target] == ["منظمة العفو الدولية"]


def test_a_passive_killing_takes_the_doer_of_the_operation_it_happened_in() -> None:
    # The topic after كان undergoes the passive verb; the raid's owner after ل did it.
    doc = build("وكان أبو عمر الشيشاني قد قتل في غارة لطائرات التحالف قرب الموصل.",
                (("أبو عمر الشيشاني", "PER", None), ("التحالف", "ORG", None), ("الموصل", "GPE", "IRQ")))
    killing = next(e for e in find_events(doc, learned_filter=False) if doc.span_text(e.trigger) == "قتل")
    assert "التحالف" in codes(doc, killing.source)
    assert [doc.span_text(a.span) for a in killing.target] == ["أبو عمر الشيشاني"]


def test_a_unit_of_a_force_that_carried_out_the_operation_names_the_force() -> None:
    doc = build("وقتل القيادي في الحركة في عملية نفذتها وحدة من القوات العراقية غرب الأنبار.",
                (("العراقية", "NORP", "IRQ"), ("الأنبار", "GPE", "IRQ")))
    killing = of_type(doc, "ASSAULT")
    assert [doc.span_text(a.span) for a in killing.source] == ["القوات العراقية"]


def test_counted_victims_before_a_parenthetical_are_not_the_killers() -> None:
    doc = build("وقال مصدر في الشرطة، إن خمسة مدنيين، بينهم طفلان، قتلوا جراء قصف على الحي.", ())
    kills = [e for e in find_events(doc, learned_filter=False) if doc.span_text(e.trigger) == "قتلوا"]
    assert kills and all("مدنيين" not in {doc.span_text(a.span) for a in e.source} for e in kills)


def test_clashes_with_one_side_named_after_maa_are_not_made_mutual() -> None:
    doc = build("وكان الجيش الأمريكي ذكر أمس، أن عشرين مسلحا قتلوا في مواجهات مع قوات الأمن الأفغانية.",
                (("الأمريكي", "NORP", "USA"), ("الأفغانية", "NORP", "AFG")))
    clashes = [e for e in find_events(doc, learned_filter=False) if doc.span_text(e.trigger) == "مواجهات"]
    assert clashes and all("الجيش الأمريكي" not in {doc.span_text(a.span) for a in e.source} for e in clashes)


def test_a_title_beside_a_name_does_not_make_a_reception_mutual() -> None:
    # «الملك» beside the named hospital is one actor with it: no event names it on both sides.
    doc = build("واستقبل مستشفى الملك سعود بعنيزة أمس ثماني حالات مصابة.", (("سعود بعنيزة", "ORG", "SAU"),))
    for ev in find_events(doc, learned_filter=False):
        assert not (ev.source and ev.source == ev.target), ev


def test_a_deputy_acts_for_the_organisation_his_office_names_through_its_department() -> None:
    # «نائب رئيس المكتب السياسي لحماس»: the deputy's office names Hamas through its bureau and ل
    doc = build("دعا موسى أبو مرزوق نائب رئيس المكتب السياسي لحماس أمس السبت إلى تشكيل حكومة وحدة وطنية.",
                (("موسى أبو مرزوق", "PER", None), ("حماس", "ORG", None)))
    assert codes(doc, of_type(doc, "REQUEST").source) == {"موسى أبو مرزوق", "حماس"}


def test_a_department_without_its_organisation_names_no_body() -> None:
    # the office's department with no organisation after it: the person keeps no body
    doc = build("دعا موسى أبو مرزوق رئيس المكتب السياسي أمس السبت إلى تشكيل حكومة وحدة وطنية.",
                (("موسى أبو مرزوق", "PER", None),))
    assert codes(doc, of_type(doc, "REQUEST").source) == {"موسى أبو مرزوق"}


def _visit_source(published: str) -> set[str]:
    doc = marsad.analyze("وزارت فيديريكا موغيريني طهران أمس، وأكد الاتحاد الأوروبي دعمه للاتفاق.", published)
    visit = next(e for e in doc.events if e.type == "CONSULT")
    return {doc.entities[a.entity].name_en or "" for a in visit.source if a.entity is not None}


def test_a_known_person_acts_for_the_body_she_is_in_office_for_that_day() -> None:
    # offices.tsv: Mogherini was the EU's high representative from 2014-11 to 2019-12
    assert _visit_source("2015-07-27") == {"Federica Mogherini", "European Union"}
    assert _visit_source("2021-03-01") == {"Federica Mogherini"}
