"""The learned ASSAULT/PROTEST sentence filter: reports of events pass, topics and charges do not."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from training import gsr
from training.event_filter import train

import marsad
from marsad.stages.events import candidate_features, find_events
from marsad.stages.events.filter import (
    ARTICLE_SENTENCES,
    ARTICLE_THRESHOLDS,
    FILTERED,
    THRESHOLDS,
    cue_classes,
    keep,
    probability,
    weights,
)
from marsad.text.resources import data_path

ROOT = Path(__file__).resolve().parent.parent


def types(text: str, learned: bool = True) -> set[str]:
    # The stages the events stage requires: the filter reads places and dates.
    doc = marsad.analyze(text, "2024-06-17", stages=gsr.STAGES)
    return {e.type for e in find_events(doc, learned_filter=learned)}


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("قتل 12 شخصا وأصيب 28 بجروح في هجوم انتحاري بسيارة مفخخة استهدف سوقا شعبيا وسط بغداد ظهر أمس.", "ASSAULT"),
        ("ولقي ثلاثة جنود مصرعهم في انفجار عبوة ناسفة استهدفت دوريتهم جنوب كابول.", "ASSAULT"),
        ("وتظاهر آلاف الطلاب في الخرطوم احتجاجا على ارتفاع أسعار الخبز.", "PROTEST"),
        ("وتجمع مئات المتظاهرين أمام مبنى البرلمان مطالبين برحيل الحكومة.", "PROTEST"),
    ],
)
def test_reported_events_pass(text: str, etype: str) -> None:
    assert etype in types(text)


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("ووجهت المحكمة لهما 51 تهمة تتراوح بين جرائم ضد الإنسانية وقتل واغتصاب.", "ASSAULT"),
        ("ويحاكم المتهمون بتهمة خطف رجل أعمال عام 2005.", "ASSAULT"),
        ("وتعرض الفيلم لانتقادات لأنه يصور مشاهد قتل وخطف.", "ASSAULT"),
    ],
)
def test_topics_are_dropped(text: str, etype: str) -> None:
    assert etype in types(text, learned=False)  # the rules alone fire on these
    assert etype not in types(text)


def test_negated_and_planned_events_keep_their_status() -> None:
    doc = marsad.analyze(
        "ونفت الحكومة السورية أن تكون قواتها قد قصفت المدينة.", "2024-06-17", stages=("clean", "segment")
    )
    assert [(e.type, e.status) for e in find_events(doc) if e.type == "ASSAULT"] == [("ASSAULT", "negated")]


def test_weights_cover_both_types_and_other_types_pass() -> None:
    table = weights()
    assert {name.split("|")[0] for name in table} == set(FILTERED)
    assert 0.0 < probability("ASSAULT", {"casualties"}) < 1.0
    assert keep("CONSULT", set())
    assert set(THRESHOLDS) == set(FILTERED) and all(0.0 < t < 1.0 for t in THRESHOLDS.values())


@pytest.mark.parametrize(
    ("text", "trigger", "mode"),
    [
        ("وفجر المهاجمون قنابلهم على متن ثلاثة قطارات للمترو.", "وفجر", "explosives"),
        ("واعتدت الشرطة على المصلين بالضرب.", "واعتدت", "beat"),
        ("وأطلق الجيش النار على المحتجين في وسط المدينة.", "وأطلق", "firearms"),
        ("وقامت مروحية بإطلاق صاروخ على سيارة في الحي.", "بإطلاق", "heavy-weapons"),
        ("وألقى مجهولون قنبلة يدوية على مركز للشرطة أمس.", "وألقى", "explosives"),
    ],
)
def test_assault_triggers_find_the_act(text: str, trigger: str, mode: str) -> None:
    doc = marsad.analyze(text, "2024-06-17", stages=("clean", "segment"))
    found = [(doc.text[e.trigger.start:e.trigger.end], e.mode) for e in find_events(doc, learned_filter=False)
             if e.type == "ASSAULT"]
    assert (trigger, mode) in found


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("وسار آلاف المتظاهرين في شوارع وسط المدينة رافعين لافتات تندد بالحرب.", "وسار"),
        ("وتوجه المحتجون إلى مقر الحكومة مطالبين بإقالة الوزير.", "وتوجه"),
        ("ونظم العشرات وقفة صامتة أمام السفارة تضامنا مع ضحايا التفجير.", "وقفة صامتة"),
    ],
)
def test_protest_marches_and_vigils(text: str, trigger: str) -> None:
    doc = marsad.analyze(text, "2024-06-17", stages=("clean", "segment"))
    found = [doc.text[e.trigger.start:e.trigger.end] for e in find_events(doc, learned_filter=False)
             if e.type == "PROTEST"]
    assert trigger in found


@pytest.mark.parametrize(
    "text",
    [
        "وتوجه الوزير إلى الرياض أمس في زيارة رسمية.",  # a journey: no protesters march
        "وسار الفريق على نهج مدربه السابق.",  # a manner, not a march
    ],
)
def test_travel_is_no_march(text: str) -> None:
    doc = marsad.analyze(text, "2024-06-17", stages=("clean", "segment"))
    assert "PROTEST" not in {e.type for e in find_events(doc, learned_filter=False)}


@pytest.mark.parametrize(
    "text",
    [
        "ودعا الوزير إلى وقف إطلاق النار فورا.",  # a ceasefire, not shooting
        "وطالبت الحركة بإطلاق سراح المعتقلين.",  # a release
        "وألقى الرئيس كلمة أمام البرلمان أمس.",  # a speech
        "وصلى المسلمون صلاة الفجر في المسجد.",  # dawn
    ],
)
def test_look_alikes_are_not_assaults(text: str) -> None:
    doc = marsad.analyze(text, "2024-06-17", stages=("clean", "segment"))
    assert "ASSAULT" not in {e.type for e in find_events(doc, learned_filter=False)}


def features(text: str, etype: str) -> set[str]:
    doc = marsad.analyze(text, "2024-06-17", stages=("clean", "segment", "entities", "temporal"))
    grouped, _ = candidate_features(doc)
    return set().union(*(f for (_, t), f in grouped.items() if t == etype))


@pytest.mark.parametrize(
    ("text", "etype", "present", "absent"),
    [
        # a fresh report: trigger first, this week's date, a toll, weapons
        ("قتل 12 شخصا في هجوم انتحاري بسيارة مفخخة استهدف سوقا وسط بغداد أمس.", "ASSAULT",
         {"trigger_first", "when=week", "cue=weapon", "cue=recent"}, {"old_year", "when=old", "cue=legal"}),
        ("وأسفر انفجار عبوة ناسفة عن مقتل ستة أشخاص في الموصل.", "ASSAULT",
         {"toll", "casualties", "cue=weapon"}, {"subordinate"}),
        # background: a past year and a pluperfect «وكان قد»
        ("وكان قد اغتيل في هجوم بسيارة مفخخة في بيروت عام 2005.", "ASSAULT",
         {"old_year", "when=old", "cue=background"}, {"when=week", "trigger_first"}),
        # a charge in court
        ("ووجهت المحكمة لهما تهمة قتل ثلاثة أشخاص.", "ASSAULT", {"cue=legal", "when=none"}, {"when=week"}),
        # a frame for another event
        ("وبعد أيام من الهجوم على السفارة، أعلنت الحكومة حالة الطوارئ.", "ASSAULT", {"subordinate"}, {"toll"}),
        ("وتظاهر آلاف الطلاب أمس أمام مبنى البرلمان في الخرطوم احتجاجا على ارتفاع أسعار الخبز.", "PROTEST",
         {"cue=crowd", "cue=staging", "when=week", "places=1"}, {"cue=legal", "question"}),
        # the words right around the trigger and its form
        ("وهتف المتظاهرون أمس بشعارات تطالب برحيل الحكومة.", "PROTEST",
         {"tense=perfect", "after=المتظاهرون", "after=امس"}, {"tense=noun", "before=المتظاهرون"}),
        ("واندلعت مظاهرات في عدة مدن أمس احتجاجا على الغلاء.", "PROTEST",
         {"tense=noun", "before=اندلعت", "after=في"}, {"tense=perfect", "tense=imperfect"}),
        # light stems and pairs of neighbouring stems: «المتظاهرون» and «متظاهرين» share one
        ("وأطلقت الشرطة النار على المتظاهرين في الساحة.", "ASSAULT",
         {"s=متظاهر", "s=شرط", "b=اطلقت_شرط", "b=شرط_نار"}, {"s=المتظاهرين", "b=نار_علي_متظاهر"}),
    ],
)
def test_sentence_features(text: str, etype: str, present: set[str], absent: set[str]) -> None:
    got = features(text, etype)
    assert present <= got, present - got
    assert not absent & got, absent & got


def test_cue_classes_load_folded() -> None:
    classes = cue_classes()
    assert {"recent", "report", "background", "legal", "topic", "weapon", "crowd", "subordinators"} <= set(classes)
    assert all(words for words in classes.values())


def test_train_learns_a_separable_rule() -> None:
    samples = [({"a", "x"}, True), ({"a", "y"}, True), ({"b", "x"}, False), ({"b", "y"}, False)] * 5
    table = train("ASSAULT", samples, l2=0.1)
    assert probability("ASSAULT", {"a"}, table) > 0.8
    assert probability("ASSAULT", {"b"}, table) < 0.2
    assert "ASSAULT|x" not in table or abs(table["ASSAULT|x"]) < 0.5  # uninformative


def test_train_drops_rare_features() -> None:
    samples = [({"a"}, True), ({"b"}, False)] * 3 + [({"rare"}, True)]
    assert "ASSAULT|rare" not in train("ASSAULT", samples, min_count=2)


def test_weights_file_starts_with_source_header() -> None:
    assert data_path("events/filter_weights.tsv").read_text(encoding="utf-8").startswith("# ")


#: Share of training sentences on which regenerated weights must decide as the shipped ones do.
#: Not exact equality: the entities and temporal stages feed the features and still change.
MIN_AGREEMENT = 0.98


@pytest.mark.slow
def test_weights_are_current(shared_dir: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_event_filter", ROOT / "scripts" / "build_event_filter.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data = shared_dir / "data" / "arabic-event-gsr-dev"
    names = gsr.STAGES
    shipped = weights()
    for event_type in gsr.FILES:
        samples, _ = module.load(event_type, data, names)
        trained = module.train(event_type, [(f, share) for _, f, _, share, _ in samples])
        cut = THRESHOLDS[event_type]
        same = sum((probability(event_type, f, trained) >= cut) == (probability(event_type, f, shipped) >= cut)
                   for _, f, _, _, _ in samples)
        assert same >= MIN_AGREEMENT * len(samples), f"{event_type}: run scripts/build_event_filter.py"


def test_train_fits_annotator_shares() -> None:
    # Sentences with «a» were accepted by half the annotators, those with «b» by all, «c» by none.
    samples = [({"a"}, 0.5), ({"b"}, 1.0), ({"c"}, 0.0)] * 10
    table = train("PROTEST", samples, l2=0.01, iterations=600)
    assert 0.4 < probability("PROTEST", {"a"}, table) < 0.6
    assert probability("PROTEST", {"b"}, table) > 0.8
    assert probability("PROTEST", {"c"}, table) < 0.2


@pytest.mark.parametrize(
    ("label", "accept", "total", "share", "positive"),
    [("yes", 3, 3, 1.0, True), ("difficult no", 2, 4, 0.5, False), ("easy no", 0, 3, 0.0, False)],
)
def test_gsr_rows_carry_the_annotators_votes(tmp_path: Path, label: str, accept: int, total: int,
                                               share: float, positive: bool) -> None:
    path = tmp_path / "assault_dev.csv"
    path.write_text(
        "accept,event_type,id,label,reject,text,total\n"
        f"{accept},assault,AAW_ARB_20071026.0026-2,{label},{total - accept},قتل ثلاثة جنود في هجوم.,{total}\n"
        "0,assault,AAW_ARB_20071026.0026-3,ambiguous,1,نص.,1\n",
        encoding="utf-8",
    )
    rows = list(gsr.judged(path))
    assert [(r.label, r.share, r.positive) for r in rows] == [(label, share, positive)]
    assert gsr.published(rows[0].id) is not None and gsr.document_id(rows[0].id) == "AAW_ARB_20071026.0026"


def _bench() -> object:
    spec = importlib.util.spec_from_file_location("events_gsr", ROOT / "bench" / "events_gsr.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_agreement_ceiling_falls_with_split_votes() -> None:
    bench = _bench()
    unanimous = [(3, 3)] * 40 + [(0, 3)] * 360
    split = [(3, 3)] * 20 + [(2, 4)] * 40 + [(1, 3)] * 40 + [(0, 3)] * 300
    clear = bench.ceiling(unanimous, bench._beta_binomial_prior(unanimous), draws=20)  # type: ignore[attr-defined]
    noisy = bench.ceiling(split, bench._beta_binomial_prior(split), draws=20)  # type: ignore[attr-defined]
    assert clear > 0.7
    assert noisy < clear - 0.1


def test_each_type_has_its_own_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.stages.events import filter as event_filter

    monkeypatch.setattr(event_filter, "probability", lambda *_args, **_kw: 0.32)
    # The shipped thresholds: ASSAULT needs more than PROTEST (cross-validated on the GSR dev half).
    assert event_filter.keep("PROTEST", set()) and not event_filter.keep("ASSAULT", set())
    assert event_filter.keep("ASSAULT", set(), {"ASSAULT": 0.0, "PROTEST": 1.0})
    assert not event_filter.keep("PROTEST", set(), {"ASSAULT": 0.0, "PROTEST": 1.0})


def test_assault_threshold_setting_reaches_the_stage() -> None:
    text = "ووجهت المحكمة لهما 51 تهمة تتراوح بين جرائم ضد الإنسانية وقتل واغتصاب."
    run = marsad.analyze(text, "2024-06-17",
                         settings=marsad.Settings(events={"assault_threshold": 0.0}))  # type: ignore[arg-type]
    assert "ASSAULT" in {e.type for e in run.events}
    assert "ASSAULT" not in {e.type for e in marsad.analyze(text, "2024-06-17").events}


def test_bench_leaves_contested_rows_out_unless_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bench = _bench()
    path = tmp_path / "assault_dev.csv"
    path.write_text(
        "accept,event_type,id,label,reject,text,total\n"
        "3,assault,AAW_ARB_20071026.0026-1,yes,0,قتل ثلاثة جنود في هجوم.,3\n"
        "0,assault,AAW_ARB_20071026.0026-2,easy no,3,ناقش المؤتمر ظاهرة العنف.,3\n"
        "2,assault,AAW_ARB_20071026.0026-3,difficult no,2,اتهم بقتل جندي عام 2003.,4\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(bench, "predicted_types", lambda *_args: {"ASSAULT"})
    clear = bench.score("ASSAULT", path, (), 0)  # type: ignore[attr-defined]
    contested = bench.score("ASSAULT", path, (), 0, contested=True)  # type: ignore[attr-defined]
    assert (clear["sentences"], clear["fp"]) == (2, 1)
    assert (contested["sentences"], contested["fp"]) == (3, 2)


KENYA = "وتعرضت كينيا لسلسلة من هجمات حركة الشباب الصومالية."
KENYA_ARTICLE = ("وصل الرئيس الأمريكي إلى نيروبي أمس في زيارة رسمية. " + KENYA
                 + " ويلتقي الرئيس نظيره الكيني اليوم.")


def test_an_article_keeps_a_fight_the_lone_sentence_loses() -> None:
    # The model's probability for this sentence lies between the article threshold and the lone
    # sentence's (GSR) threshold: the same words report the attacks inside a three-sentence article.
    feats = [f for (_, t), f in _features(KENYA).items() if t == "ASSAULT"]
    assert feats and ARTICLE_THRESHOLDS["ASSAULT"] <= probability("ASSAULT", feats[0]) < THRESHOLDS["ASSAULT"]
    assert "ASSAULT" not in {e.type for e in marsad.analyze(KENYA, "2015-07-25").events}
    article = marsad.analyze(KENYA_ARTICLE, "2015-07-25")
    assert len(article.sentences) >= ARTICLE_SENTENCES
    assaults = [e for e in article.events if e.type == "ASSAULT"]
    assert [article.span_text(a.span) for e in assaults for a in e.target] == ["كينيا"]


def test_article_threshold_setting_reaches_the_stage() -> None:
    strict = marsad.Settings(events={"article_assault_threshold": 0.35})  # type: ignore[arg-type]
    assert "ASSAULT" not in {e.type for e in marsad.analyze(KENYA_ARTICLE, "2015-07-25", settings=strict).events}


def _features(text: str) -> dict[tuple[int, str], set[str]]:
    """The filter's features per (sentence, type) of a text, as the trainer reads them."""
    grouped, _ = candidate_features(marsad.analyze(text, "2015-07-25"))
    return grouped
