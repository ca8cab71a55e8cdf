"""Events stage: every PLOVER type from real news sentences, with its source and target actors.

Entities are given by hand (surface, type, ISO3 country) as the entities stage would give them, so
these tests pin the events logic whatever the state of the entity tagger.
"""

from __future__ import annotations

import functools

import pytest

from conftest import EventEnts as Ents
from conftest import events_doc
from marsad.core.document import Document, Event
from marsad.stages.events import find_events
from marsad.stages.events.args import actor_country

#: Documents with hand-given entities and dates (conftest.events_doc).
build = functools.partial(events_doc, published="2024-06-17", longest_first=True)


def codes(doc: Document, actors: tuple[object, ...]) -> set[str]:
    """Countries and words of a tuple of actors."""
    out: set[str] = set()
    for a in actors:
        c = actor_country(doc, a)  # type: ignore[arg-type]
        if c:
            out.add(c)
        out.add(doc.span_text(a.span))  # type: ignore[attr-defined]
    return out


def event_for(doc: Document, etype: str, trigger: str) -> Event:
    """The event of a type on a trigger word, as the rules find it (the learned ASSAULT/PROTEST
    sentence filter has its own tests in test_events_filter.py)."""
    events = find_events(doc, learned_filter=False)
    found = [e for e in events if e.type == etype and trigger in doc.span_text(e.trigger)]
    assert found, f"no {etype} event on «{trigger}»: " + repr(
        [(e.type, doc.span_text(e.trigger)) for e in find_events(doc)]
    )
    return found[0]


def matches(have: set[str], want: tuple[str, ...]) -> bool:
    return all(w in have or any(w in h for h in have) for w in want)


EGY, USA, RUS, IRN = (
    ("مصر", "GPE", "EGY"),
    ("الولايات المتحدة", "GPE", "USA"),
    ("روسيا", "GPE", "RUS"),
    ("إيران", "GPE", "IRN"),
)

# (sentence, entities, type, mode, trigger word, source must include, target must include)
CASES: list[tuple[str, Ents, str, str | None, str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "ووقعت مصر والسودان اتفاقية للتعاون العسكري في الخرطوم.",
        (EGY, ("السودان", "GPE", "SDN"), ("الخرطوم", "GPE", "SDN")),
        "AGREE",
        None,
        "ووقعت",
        ("EGY", "SDN"),
        (),
    ),
    (
        "واتفقت إيران والسعودية على استئناف العلاقات الدبلوماسية بينهما.",
        (IRN, ("السعودية", "GPE", "SAU")),
        "AGREE",
        None,
        "واتفقت",
        ("IRN", "SAU"),
        (),
    ),
    (
        "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة اليوم وزير الخارجية الأمريكي أنتوني بلينكن.",
        (
            ("المصري", "NORP", "EGY"),
            ("عبد الفتاح السيسي", "PER", "EGY"),
            ("القاهرة", "GPE", "EGY"),
            ("الأمريكي", "NORP", "USA"),
            ("أنتوني بلينكن", "PER", "USA"),
        ),
        "CONSULT",
        "host",
        "استقبل",
        ("EGY",),
        ("USA",),
    ),
    (
        "زار رئيس الوزراء الهندي ناريندرا مودي موسكو الأسبوع الماضي.",
        (("الهندي", "NORP", "IND"), ("ناريندرا مودي", "PER", "IND"), ("موسكو", "GPE", "RUS")),
        "CONSULT",
        "visit",
        "زار",
        ("IND",),
        ("RUS",),
    ),
    (
        "والتقى وزير الخارجية السعودي فيصل بن فرحان نظيره الإيراني في بكين.",
        (
            ("السعودي", "NORP", "SAU"),
            ("فيصل بن فرحان", "PER", "SAU"),
            ("الإيراني", "NORP", "IRN"),
            ("بكين", "GPE", "CHN"),
        ),
        "CONSULT",
        None,
        "والتقى",
        ("SAU",),
        ("IRN",),
    ),
    (
        "وأجرى الرئيس الفرنسي اتصالا هاتفيا بنظيره الأوكراني تناول تطورات الحرب.",
        (("الفرنسي", "NORP", "FRA"), ("الأوكراني", "NORP", "UKR")),
        "CONSULT",
        "phone",
        "اتصالا",
        ("FRA",),
        ("UKR",),
    ),
    (
        "ورحبت السعودية بالاتفاق بين إيران والولايات المتحدة.",
        (("السعودية", "GPE", "SAU"), IRN, USA),
        "SUPPORT",
        None,
        "ورحبت",
        ("SAU",),
        (),
    ),
    (
        "ويتعاون العراق مع الأردن في مجال مكافحة الإرهاب.",
        (("العراق", "GPE", "IRQ"), ("الأردن", "GPE", "JOR")),
        "COOPERATE",
        None,
        "ويتعاون",
        ("IRQ",),
        ("JOR",),
    ),
    (
        "وأرسلت الإمارات مساعدات إنسانية إلى غزة.",
        (("الإمارات", "GPE", "ARE"), ("غزة", "GPE", "PSE")),
        "AID",
        None,
        "وأرسلت",
        ("ARE",),
        ("PSE",),
    ),
    (
        "وانسحبت القوات الروسية من مدينة خيرسون بعد أشهر من القتال.",
        (("الروسية", "NORP", "RUS"), ("خيرسون", "GPE", "UKR")),
        "RETREAT",
        "withdraw",
        "وانسحبت",
        ("RUS",),
        (),
    ),
    (
        "وأفرجت السلطات الإسرائيلية عن 39 أسيرا فلسطينيا.",
        (("الإسرائيلية", "NORP", "ISR"),),
        "RETREAT",
        "release",
        "وأفرجت",
        ("ISR",),
        (),
    ),
    (
        "ورضخت الحكومة لمطالب المحتجين بعد أسبوعين من الاعتصام.",
        (),
        "CONCEDE",
        None,
        "ورضخت",
        ("الحكومة",),
        (),
    ),
    (
        "واتهمت إيران الولايات المتحدة بالتدخل في شؤونها الداخلية.",
        (IRN, USA),
        "ACCUSE",
        "allege",
        "واتهمت",
        ("IRN",),
        ("USA",),
    ),
    (
        "وأدانت وزارة الخارجية المصرية الهجوم الإرهابي في سيناء.",
        (("المصرية", "NORP", "EGY"), ("سيناء", "LOC", "EGY")),
        "ACCUSE",
        "disapprove",
        "وأدانت",
        ("EGY",),
        (),
    ),
    (
        "ورفضت حركة حماس المقترح الإسرائيلي الجديد.",
        (("حركة حماس", "ORG", "PSE"), ("الإسرائيلي", "NORP", "ISR")),
        "REJECT",
        None,
        "ورفضت",
        ("PSE",),
        (),
    ),
    (
        "ونفى الجيش الإسرائيلي استهداف المدنيين في رفح.",
        (("الإسرائيلي", "NORP", "ISR"), ("رفح", "GPE", "PSE")),
        "REJECT",
        "deny",
        "ونفى",
        ("ISR",),
        (),
    ),
    (
        "ونفت كل من موسكو وبيونغ يانغ عمليات نقل الأسلحة.",
        (("موسكو", "GPE", "RUS"), ("بيونغ يانغ", "GPE", "PRK")),
        "REJECT",
        "deny",
        "ونفت",
        ("RUS", "PRK"),
        (),
    ),
    (
        "واستخدمت روسيا حق النقض ضد مشروع القرار في مجلس الأمن.",
        (RUS, ("مجلس الأمن", "ORG", None)),
        "REJECT",
        "veto",
        "حق",
        ("RUS",),
        (),
    ),
    (
        "وهدد الرئيس الأمريكي دونالد ترامب بفرض رسوم جمركية على الصين.",
        (("الأمريكي", "NORP", "USA"), ("دونالد ترامب", "PER", "USA"), ("الصين", "GPE", "CHN")),
        "THREATEN",
        None,
        "وهدد",
        ("USA",),
        (),
    ),
    (
        "وتظاهر آلاف الطلاب في الخرطوم احتجاجا على ارتفاع أسعار الخبز.",
        (("الخرطوم", "GPE", "SDN"),),
        "PROTEST",
        "demo",
        "وتظاهر",
        ("آلاف",),
        (),
    ),
    (
        "ونظم المئات من العمال اعتصاما أمام مقر الحكومة في بيروت أمس.",
        (("بيروت", "GPE", "LBN"),),
        "PROTEST",
        "demo",
        "اعتصاما",
        (),
        (),
    ),
    (
        "وأضرب المعلمون في الأردن عن العمل للمطالبة بزيادة الرواتب.",
        (("الأردن", "GPE", "JOR"),),
        "PROTEST",
        "strike",
        "وأضرب",
        ("المعلمون",),
        (),
    ),
    (
        "ونشرت تركيا تعزيزات عسكرية على الحدود مع سوريا.",
        (("تركيا", "GPE", "TUR"), ("سوريا", "GPE", "SYR")),
        "MOBILIZE",
        "troops",
        "ونشرت",
        ("TUR",),
        (),
    ),
    (
        "وفرضت الولايات المتحدة عقوبات جديدة على إيران.",
        (USA, IRN),
        "SANCTION",
        "discontinue",
        "وفرضت",
        ("USA",),
        ("IRN",),
    ),
    (
        "وقطعت البحرين علاقاتها الدبلوماسية مع إيران.",
        (("البحرين", "GPE", "BHR"), IRN),
        "SANCTION",
        "withdraw",
        "وقطعت",
        ("BHR",),
        ("IRN",),
    ),
    (
        "واعتقلت الشرطة التركية عشرات الصحفيين في إسطنبول.",
        (("التركية", "NORP", "TUR"), ("إسطنبول", "GPE", "TUR")),
        "COERCE",
        "arrest",
        "واعتقلت",
        ("TUR",),
        ("الصحفيين",),
    ),
    (
        "وقصف الجيش الإسرائيلي مواقع لحزب الله في جنوب لبنان.",
        (("الإسرائيلي", "NORP", "ISR"), ("حزب الله", "ORG", "LBN"), ("لبنان", "GPE", "LBN")),
        "ASSAULT",
        "heavy-weapons",
        "وقصف",
        ("ISR",),
        (),
    ),
    (
        "وقتل مسلحون مجهولون ثلاثة جنود في هجوم على حاجز أمني شمال بغداد.",
        (("بغداد", "GPE", "IRQ"),),
        "ASSAULT",
        None,
        "وقتل",
        ("مسلحون",),
        (),
    ),
    (
        "وشنت الطائرات الحربية الروسية غارات جوية على مدينة إدلب أمس.",
        (("الروسية", "NORP", "RUS"), ("إدلب", "GPE", "SYR")),
        "ASSAULT",
        "aerial",
        "وشنت",
        (),
        (),
    ),
    (
        "وطالبت الجامعة العربية مجلس الأمن بالتدخل لوقف الحرب.",
        (("الجامعة العربية", "ORG", None), ("مجلس الأمن", "ORG", None)),
        "REQUEST",
        None,
        "وطالبت",
        ("الجامعة العربية",),
        ("مجلس الأمن",),
    ),
    (
        "ودعا الاتحاد الأوروبي إسرائيل إلى وقف العمليات العسكرية في غزة.",
        (("الاتحاد الأوروبي", "ORG", None), ("إسرائيل", "GPE", "ISR"), ("غزة", "GPE", "PSE")),
        "REQUEST",
        None,
        "ودعا",
        ("الاتحاد الأوروبي",),
        ("ISR",),
    ),
]


@pytest.mark.parametrize(
    ("text", "ents", "etype", "mode", "trigger", "source", "target"),
    CASES,
    ids=[f"{c[2]}-{i}" for i, c in enumerate(CASES)],
)
def test_type_and_actors(
    text: str,
    ents: Ents,
    etype: str,
    mode: str | None,
    trigger: str,
    source: tuple[str, ...],
    target: tuple[str, ...],
) -> None:
    doc = build(text, ents)
    ev = event_for(doc, etype, trigger)
    assert ev.mode == mode
    assert ev.cameo
    assert matches(codes(doc, ev.source), source), codes(doc, ev.source)
    assert matches(codes(doc, ev.target), target), codes(doc, ev.target)
    for a in (*ev.source, *ev.target):
        assert doc.text[a.span.start : a.span.end] == doc.span_text(a.span)
    assert doc.sentences[ev.sentence].contains(ev.trigger)


def test_every_plover_type_is_covered() -> None:
    from marsad.stages.events.lexicon import PLOVER_TYPES

    assert {c[2] for c in CASES} == set(PLOVER_TYPES)


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("وقال الوزير إن الحرب على الإرهاب ستستمر سنوات.", ()),
        ("وتناول الكتاب تاريخ الاحتجاجات في أوروبا خلال القرن الماضي.", ()),
        ("وتحدث المدرب عن أهمية الهجوم في كرة القدم الحديثة.", ()),
    ],
)
def test_topic_nouns_are_not_events(text: str, ents: Ents) -> None:
    doc = build(text, ents)
    assert [e.type for e in find_events(doc) if e.type in ("ASSAULT", "PROTEST")] == []


def test_generic_agent_takes_the_state_named_after_it() -> None:
    doc = build(
        "وأطلقت الشرطة العراقية النار على المتظاهرين في بغداد.",
        (("العراقية", "NORP", "IRQ"), ("بغداد", "GPE", "IRQ")),
    )
    ev = event_for(doc, "ASSAULT", "وأطلقت")
    assert ev.mode == "firearms"
    assert [doc.span_text(a.span) for a in ev.source] == ["الشرطة العراقية"]
    assert actor_country(doc, ev.source[0]) == "IRQ"
    assert [doc.span_text(a.span) for a in ev.target] == ["المتظاهرين"]
    assert ev.location is not None and doc.span_text(ev.location.span) == "بغداد"


def test_multi_event_sentence() -> None:
    doc = build(
        "واعتقلت الشرطة المصرية عشرات المتظاهرين بعد أن أطلقت النار عليهم في ميدان التحرير.",
        (("المصرية", "NORP", "EGY"), ("ميدان التحرير", "FAC", "EGY")),
    )
    types = [e.type for e in find_events(doc)]
    assert types == ["COERCE", "ASSAULT"]


def test_counted_victims_after_an_attack_verb_are_its_target() -> None:
    doc = build("وقتل ثلاثة جنود في هجوم على حاجز أمني شمال بغداد.", (("بغداد", "GPE", "IRQ"),))
    ev = event_for(doc, "ASSAULT", "وقتل")
    assert [doc.span_text(a.span) for a in ev.source] == []
    assert [doc.span_text(a.span) for a in ev.target] == ["جنود"]


def test_generic_actor_span_starts_at_its_noun() -> None:
    doc = build("واتهمت إيران ودول أخرى إسرائيل بشن الهجوم.", (("إيران", "GPE", "IRN"), ("إسرائيل", "GPE", "ISR")))
    ev = event_for(doc, "ACCUSE", "واتهمت")
    assert [doc.span_text(a.span) for a in ev.source] == ["إيران", "دول"]
    assert {actor_country(doc, a) for a in ev.target} == {"ISR"}
