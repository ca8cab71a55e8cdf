"""A learned check that a sentence reports an ASSAULT or PROTEST that took place, not a topic.

Trigger words such as قتل or مظاهرات often name a subject of discussion («جرائم قتل»، «ثقافة
الاحتجاج»), a past background event or a charge in court.  A logistic-regression model over the
rule-based event's features (trigger concept and form, status, actors, place, how long ago its
date is, casualty tolls, where the trigger stands, the words right around it) and over the
sentence's words and word classes
(``data/events/filter_cues.yaml``: news-report cues, time anchors, background, court, topic,
weapons, victims, crowds…) decides whether such a sentence reports an event.  Its weights are
trained by ``scripts/build_event_filter.py`` on the Arabic event GSR development half, each
sentence weighed by the share of annotators who accepted it, and shipped in
``data/events/filter_weights.tsv``; this module reads them (the trainer is ``training/event_filter.py``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise

from marsad.core.document import Document, Event, Token
from marsad.core.errors import DataError
from marsad.stages.events.detect import Candidate, word_keys
from marsad.stages.events.lexicon import noun_context, number_words
from marsad.text.keys import folded_words
from marsad.text.resources import load_yaml, read_tsv
from marsad.text.stems import light_stem

WEIGHTS = "events/filter_weights.tsv"
CUES = "events/filter_cues.yaml"
#: Event types the model was trained for; other types are kept as the rules find them.
FILTERED = frozenset({"ASSAULT", "PROTEST"})
#: Only events told as having happened are checked; the others already say they did not.
FILTERED_STATUSES = frozenset({"asserted", "reported"})
#: Per type, the least probability of the model for a sentence to keep its events of that type:
#: the threshold with the best clear-cut F1 (yes against easy no) in 5-fold cross-validation grouped
#: by article on the GSR dev half (``scripts/build_event_filter.py --cv``, which also reports the
#: nested estimate with the threshold chosen inside each fold).  The defaults of
#: ``settings.events.assault_threshold`` and ``settings.events.protest_threshold``.
THRESHOLDS: dict[str, float] = {"ASSAULT": 0.35, "PROTEST": 0.3}
#: The same in an article (ARTICLE_SENTENCES sentences or more).  The model learnt from lone GSR
#: sentences drawn by keyword, about one positive in eight; in a news article a rule ASSAULT is
#: right about six times in ten, so the lone sentence's threshold drops a third of the article's true
#: fights (34 of the 58 events it removed on the studied news sets A–G were of the right type and
#: sentence).  ASSAULT's: the middle of the best plateau (0–0.2 since the filter reads light stems;
#: 0.1–0.2 before) of mean event_f1 on the argument model's training articles (halves A and B, sets
#: C–E; bench/events_article_threshold.py), where the checked sets F–H peak too.  PROTEST
#: keeps the GSR's: those articles hold too few protests (2 of 449 events) to choose by.
ARTICLE_THRESHOLDS: dict[str, float] = {"ASSAULT": 0.1, "PROTEST": 0.3}
#: Fewest sentences of a text read as an article: a GSR row is one sentence (a few split in two).
ARTICLE_SENTENCES = 3
BIAS = "__bias__"
#: Cue class read by position (just before the trigger) rather than anywhere in the sentence.
SUBORDINATORS = "subordinators"
#: How many words before the trigger a subordinator may stand («بعد أيام من الهجوم»).
SUBORDINATOR_WINDOW = 4
#: Tokens on each side of the trigger whose words are features of their own (``before=``/``after=``):
#: 3 beat the sentence's words alone by one to two points of cross-validated F1 (scripts/build_event_filter.py --cv).
AROUND = 3
#: Tokens around a casualty word in which a number makes a toll («مقتل ستة», «20 قتيلا»).
TOLL_WINDOW = 3
#: Age buckets (days between the event's date and publication) for the ``when`` feature: news
#: reports tell this week's events; older dates mostly mark background.
RECENT_DAYS = 7
MONTHS_DAYS = 62


@lru_cache(maxsize=1)
def cue_classes() -> dict[str, frozenset[str]]:
    """Word class → folded forms, from ``data/events/filter_cues.yaml``."""
    data = load_yaml(CUES)
    return {str(name): folded_words(data, name, CUES) for name in data}


def _date_of(value: str) -> dt.date | None:
    """The day a date value points at (the middle of a month or year; the start of a range)."""
    head = value.split("/")[0]
    try:
        if len(head) == 10:
            return dt.date.fromisoformat(head)
        if len(head) == 7 and head[4] == "-" and head[5:].isdigit():
            return dt.date(int(head[:4]), int(head[5:]), 15)
        if len(head) == 4 and head.isdigit():
            return dt.date(int(head), 7, 1)
    except ValueError:
        return None
    return None


def _when(doc: Document, ev: Event) -> str:
    """How long before publication the event's own date lies: week, months, old or none."""
    day = _date_of(ev.date) if ev.date else None
    if day is None or doc.published is None:
        return "when=none"
    age = abs((doc.published - day).days)
    return "when=week" if age <= RECENT_DAYS else "when=months" if age <= MONTHS_DAYS else "when=old"


def _old_year(doc: Document, lo_char: int, hi_char: int) -> bool:
    """A date in the sentence from a year before publication («عام 2003»): background."""
    if doc.published is None:
        return False
    for d in doc.dates:
        if d.value and lo_char <= d.span.start < hi_char:
            day = _date_of(d.value)
            if day is not None and day.year < doc.published.year:
                return True
    return False


def _toll(doc: Document, words: Sequence[Token]) -> bool:
    """A number next to a casualty word: «مقتل ستة أشخاص», «20 قتيلا»."""
    outcome = noun_context()["outcome_words"]
    numbers = number_words()
    for i, tok in enumerate(words):
        if tok.kind != "word" or not word_keys(doc, tok) & outcome:
            continue
        for near in words[max(0, i - TOLL_WINDOW):i + TOLL_WINDOW + 1]:
            if near.kind == "number" or (near.kind == "word" and word_keys(doc, near) & numbers):
                return True
    return False


def _position_features(doc: Document, cand: Candidate, lo: int) -> set[str]:
    """Where the trigger stands: first in its sentence (the reported event itself) or just
    after a subordinator (a frame for another event: «عندما اغتيل …»)."""
    before = [t for t in doc.tokens[lo:cand.first] if t.kind == "word"]
    feats: set[str] = set()
    if len(before) <= 1:
        feats.add("trigger_first")
    subordinators = cue_classes().get(SUBORDINATORS, frozenset())
    if any(word_keys(doc, t) & subordinators for t in before[-SUBORDINATOR_WINDOW:]):
        feats.add("subordinate")
    return feats


def _around_features(doc: Document, cand: Candidate, lo: int, hi: int) -> set[str]:
    """The words right around the trigger and its form: what stands next to it tells a reported
    deed («وهتف المتظاهرون», «اندلعت مظاهرات») from a mention («ثقافة الاحتجاج», «حق التظاهر»),
    and a perfect verb tells a past deed where an imperfect or a noun may name a habit or topic."""
    feats = {f"before={t.key}" for t in doc.tokens[max(lo, cand.first - AROUND):cand.first] if t.kind == "word"}
    feats.update(f"after={t.key}" for t in doc.tokens[cand.last:min(hi, cand.last + AROUND)] if t.kind == "word")
    form = "noun" if cand.trigger.kind != "V" else "imperfect" if cand.imperfect else "perfect"
    feats.add(f"tense={form}")
    return feats


def sentence_features(doc: Document, ev: Event, cand: Candidate, lo: int, hi: int) -> set[str]:
    """Features of one event candidate in the sentence of tokens ``[lo, hi)`` (without its type)."""
    sent = doc.sentences[ev.sentence]
    words = doc.tokens[lo:hi]
    feats = {f"concept={cand.trigger.concept}", f"kind={cand.trigger.kind}", f"status={ev.status}",
             f"source={'yes' if ev.source else 'no'}", f"target={'yes' if ev.target else 'no'}",
             f"named_source={'yes' if any(a.entity is not None for a in ev.source) else 'no'}",
             f"location={'yes' if ev.location else 'no'}", f"date={'yes' if ev.date else 'no'}",
             f"length={min(len(words) // 10, 5)}", f"position={min((cand.first - lo) // 5, 4)}",
             _when(doc, ev)}
    keys = [word_keys(doc, t) for t in words if t.kind == "word"]
    outcome = noun_context()["outcome_words"]
    if any(k & outcome for k in keys):
        feats.add("casualties")
    if _toll(doc, words):
        feats.add("toll")
    if any(t.kind == "number" for t in words):
        feats.add("number")
    text = doc.text[sent.start:sent.end]
    if any(ch in text for ch in "«»\"“”"):
        feats.add("quote")
    if "؟" in text or "?" in text:
        feats.add("question")
    if _old_year(doc, sent.start, sent.end):
        feats.add("old_year")
    feats.update(f"cue={name}" for name, forms in cue_classes().items()
                 if name != SUBORDINATORS and any(k & forms for k in keys))
    feats.update(_position_features(doc, cand, lo))
    places = sum(1 for e in doc.entities if e.type in ("GPE", "LOC")
                 for m in e.mentions if sent.start <= m.start < sent.end)
    feats.add(f"places={min(places, 2)}")
    feats.update(f"w={t.key}" for t in words if t.kind == "word" and len(t.key) > 1)
    feats.update(_stem_features([t.key for t in words if t.kind == "word"]))
    feats.update(_around_features(doc, cand, lo, hi))
    return feats


def _stem_features(keys: Sequence[str]) -> set[str]:
    """The sentence's light stems (``s=``) and pairs of neighbouring stems (``b=``): a few hundred
    training sentences seldom repeat a word form, but «تظاهر المئات» and «المتظاهرين» share a
    stem, and a pair tells «اطلاق نار» from a lone «نار» (nested cross-validated F1 0.818 → 0.830
    on ASSAULT and 0.726 → 0.746 on PROTEST, scripts/build_event_filter.py --cv --assignments 3)."""
    stems = [light_stem(k) for k in keys]
    feats = {f"s={s}" for s in stems if len(s) > 1}
    feats.update(f"b={a}_{b}" for a, b in pairwise(stems))
    return feats


def read_weights(name: str, script: str) -> dict[str, float]:
    """Feature → weight from the data file ``name`` (columns feature, weight) that ``script`` writes."""
    out: dict[str, float] = {}
    for feature, value in read_tsv(name, ("feature", "weight"), missing=f"run {script}"):
        try:
            out[feature] = float(value)
        except ValueError:
            raise DataError(f"data file marsad/data/{name}: the weight of {feature!r} is not a number") from None
    return out


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """Feature → weight, each feature prefixed by its event type (``ASSAULT|concept=kill``)."""
    return read_weights(WEIGHTS, "scripts/build_event_filter.py")


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def probability(event_type: str, feats: Iterable[str], table: dict[str, float] | None = None) -> float:
    """The model's probability that a sentence with these features reports an event of the type."""
    w = weights() if table is None else table
    z = w.get(f"{event_type}|{BIAS}", 0.0) + sum(w.get(f"{event_type}|{f}", 0.0) for f in feats)
    return sigmoid(z)


def keep(event_type: str, feats: Iterable[str], thresholds: Mapping[str, float] = THRESHOLDS) -> bool:
    """Whether a sentence with these features keeps its events of the type (other types always do)."""
    return event_type not in FILTERED or probability(event_type, feats) >= thresholds[event_type]
