"""A learned argument finder: which actor mention of a trigger's sentence is its source or target.

The rules of :mod:`marsad.stages.events.args` read subject and object from the clause; where they
and the events stage's fallbacks find none (:func:`complete`, on the event types the model was
trained on with enough gold sides, its ``USE|type=`` rows: ASSAULT, PROTEST, COERCE, REQUEST, AID and ACCUSE;
mutual types are never filled), two logistic-regression models score
every actor mention of the sentence (from :func:`~marsad.stages.events.mentions.find_mentions`) as
the trigger's SOURCE and as its TARGET from sparse features: which side of the trigger it stands
on and how far, whether it is the nearest actor on that side, the preposition and the word before
it, whether a comma, a relative pronoun or a complementizer lies between, its kind (entity type,
generic agent, state), the trigger's form and type, and whether the rules chose it.  Its weights
are trained by ``scripts/build_arg_model.py`` on the argument spans every annotator of the Arabic
event GSR agreed on (development half) and on the studied held-apart articles (bench/heldout: halves
A and B, sets C, D and E), and shipped in ``data/events/arg_model.tsv``; this module reads them at run time
with nothing but the standard library (the trainer is ``training/argmodel.py``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from marsad.core.document import Actor, Document
from marsad.stages.events import lexicon
from marsad.stages.events.args import Arguments, referents, to_actors
from marsad.stages.events.detect import Candidate, surface
from marsad.stages.events.filter import read_weights, sigmoid
from marsad.stages.events.forms import object_suffix
from marsad.stages.events.groups import group_forward
from marsad.stages.events.mentions import NON_ACTOR_TYPES, PLACE_TYPES, STATE_TYPES, Mention
from marsad.stages.events.mutual import MUTUAL_TYPES
from marsad.text.keys import fold

WEIGHTS = "events/arg_model.tsv"
BIAS = "__bias__"
#: Prefix of the weights file's rows naming the event types the model is used on (not weights).
USE = "USE"
SIDES = ("SOURCE", "TARGET")
#: Least probability for the model to fill a side the rules left empty, per side: chosen by
#: cross-validation on the GSR dev spans (``scripts/build_arg_model.py --cv``).  (A source from 0.3
#: raised held-apart sets F and I, but on news records most of the sources it added were the
#: event's target or a bystander: the arrested as arresters, the attacked as attackers.)
THRESHOLDS: dict[str, float] = {"SOURCE": 0.4, "TARGET": 0.3}
#: Upper bounds of the token-distance buckets (the last bucket is everything beyond).
DISTANCE_BUCKETS = (1, 2, 3, 5, 8, 13)
@dataclass(frozen=True, slots=True)
class Frame:
    """What the features of one trigger's candidates share: its sentence and clause token ranges,
    the mentions the rules chose, and the candidates in text order."""

    cand: Candidate
    lo: int
    hi: int
    c_lo: int
    c_hi: int
    rule_source: frozenset[int]  # first tokens of the mentions the rules chose
    rule_target: frozenset[int]
    mentions: tuple[Mention, ...]


def sentence_range(doc: Document, sentence: int) -> tuple[int, int]:
    """The token range ``[lo, hi)`` of a sentence."""
    sent = doc.sentences[sentence]
    starts = _starts(doc)
    return bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)


def _starts(doc: Document) -> list[int]:
    # (a list per call is cheap beside the features; documents are not hashable for a cache)
    return [t.start for t in doc.tokens]


def frame(doc: Document, cand: Candidate, mentions: Sequence[Mention], clause: tuple[int, int],
          rule_source: Iterable[Mention], rule_target: Iterable[Mention],
          bounds: tuple[int, int] | None = None) -> Frame:
    """The frame of a trigger: the actor mentions of its sentence that do not overlap it."""
    lo, hi = bounds if bounds is not None else sentence_range(doc, cand.sentence)
    cands = tuple(m for m in mentions if lo <= m.first and m.last <= hi
                  and (m.last <= cand.first or m.first >= cand.last))
    return Frame(cand, lo, hi, clause[0], clause[1], frozenset(m.first for m in rule_source),
                 frozenset(m.first for m in rule_target), cands)


def _bucket(n: int) -> str:
    return next((str(b) for b in DISTANCE_BUCKETS if n <= b), "far")


def _word(doc: Document, k: int) -> str:
    """The folded word at token ``k`` without a leading و/ف conjunction, or its kind when it is no word."""
    tok = doc.tokens[k]
    if tok.kind != "word":
        return tok.kind
    word = surface(doc, tok)
    # (not the ف of في or the و of ولد: a conjunction leaves a word of three letters at least)
    return word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word


def _between(doc: Document, a: int, b: int) -> set[str]:
    """Clause boundaries among tokens ``[a, b)``: commas and other punctuation, relative pronouns,
    complementizers (أن، إن), and a و opening a word (a new coordinated clause may start)."""
    cues = lexicon.status_cues()
    out: set[str] = set()
    for k in range(a, b):
        tok = doc.tokens[k]
        if tok.kind in ("punct", "symbol"):
            text = doc.text[tok.start:tok.end]
            out.add("comma" if text in ("،", ",") else "punct")
            continue
        if tok.kind != "word":
            continue
        word = surface(doc, tok)
        bare = word.lstrip("وف")
        if bare in cues["relatives"]:
            out.add("relative")
        elif bare in cues["complementizers"]:
            out.add("complementizer")
        elif word[:1] == "و" and len(word) > 3:
            out.add("wa")
    return out


def _kind(m: Mention) -> str:
    if m.agent and m.entity is None:
        return f"agent:{m.concept}"
    if m.agent:
        return f"agent_state:{m.concept}"
    return f"ent:{m.etype}"


def features(doc: Document, fr: Frame, i: int) -> set[str]:
    """Features of candidate ``i`` of a frame (without the side they are scored for)."""
    m, cand = fr.mentions[i], fr.cand
    after = m.first >= cand.last
    side = "after" if after else "before"
    gap = m.first - cand.last if after else cand.first - m.last
    rank = (sum(1 for o in fr.mentions if cand.last <= o.first < m.first) if after
            else sum(1 for o in fr.mentions if m.last <= o.first and o.last <= cand.first))
    prep = m.prep or "none"
    kind = _kind(m)
    form = cand.trigger.kind
    feats = {f"side={side}", f"dist={side}:{_bucket(gap)}", f"rank={side}:{min(rank, 2)}",
             f"prep={prep}", f"prep={side}:{prep}", f"prep={side}:{prep}:{form}", f"kind={kind}",
             f"kind={side}:{kind}", f"etype={m.etype}", f"form={form}", f"type={cand.trigger.type}",
             f"type={cand.trigger.type}:{side}", f"type={cand.trigger.type}:{side}:{prep}",
             f"concept={cand.trigger.concept}:{side}"}
    if m.conj:
        feats.add("conj")
    if m.etype in STATE_TYPES:
        feats.add(f"state={side}")
    if m.etype in NON_ACTOR_TYPES:
        feats.add("place")
    if cand.imperfect:
        feats.add("imperfect")
    if not (fr.c_lo <= m.first < fr.c_hi):
        feats.add(f"outside_clause={side}")
    if m.first - 1 >= fr.lo:
        word = _word(doc, m.first - 1)
        # (the word before says what the mention is to the trigger: «على يد», «من قبل», «بين»)
        feats.update((f"prev={word}", f"prev={side}:{word}"))
    if m.first == fr.lo:
        feats.add("opens_sentence")
    lo_b, hi_b = (cand.last, m.first) if after else (m.last, cand.first)
    feats.update(f"between={side}:{b}" for b in _between(doc, lo_b, hi_b))
    if form == "N" and after and gap == 0 and m.prep is None:
        feats.add("genitive")
    if m.first in fr.rule_source:
        feats.add("rule=source")
    if m.first in fr.rule_target:
        feats.add("rule=target")
    # What the rules found for the other side tells which side is still open.
    feats.add(f"rules_found={'s' if fr.rule_source else '-'}{'t' if fr.rule_target else '-'}:{side}")
    if _counted(doc, m, fr.lo):
        feats.add(f"counted={side}")
    return feats


def _counted(doc: Document, m: Mention, lo: int) -> bool:
    """A group counted by a number just before it (ثلاثة جنود، 33 مسلحا من داعش): victims more often."""
    k = m.first - (2 if m.prep == "من" else 1)
    return k >= lo and (doc.tokens[k].kind == "number" or (
        doc.tokens[k].kind == "word" and surface(doc, doc.tokens[k]).lstrip("و") in lexicon.number_words()))


#: Weights that stand in for the shipped ones while set: the cross-validation of bench/events_args.py
#: scores each sentence with the model trained on the other folds' articles.
OVERRIDE: dict[str, float] | None = None


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """Feature → weight, each feature prefixed by its side (``SOURCE|prep=after:none``)."""
    return read_weights(WEIGHTS, "scripts/build_arg_model.py")


def _table() -> dict[str, float]:
    return OVERRIDE if OVERRIDE is not None else weights()


def trained_types(table: dict[str, float]) -> frozenset[str]:
    """The event types the model was trained on with enough gold sides to be used (its ``USE|type=``
    rows): on another type, the side of a genitive after a verbal noun, say, is unknown to it
    (زيارة بوتين: the visitor; اغتيال الوزير: the victim)."""
    known = _TYPES.get(id(table))
    if known is None or known[0] is not table:
        types = frozenset(n.split("|type=", 1)[1] for n in table if n.startswith(f"{USE}|type="))
        known = _TYPES[id(table)] = (table, types)
    return known[1]


#: The trained types of each weight table read so far, by identity (the table is kept beside them so
#: that its id is not reused); the shipped table and, in cross-validation, one per fold.
_TYPES: dict[int, tuple[dict[str, float], frozenset[str]]] = {}


def probability(side: str, feats: Iterable[str], table: dict[str, float] | None = None) -> float:
    """The model's probability that a candidate with these features is the trigger's ``side``."""
    w = table if table is not None else _table()
    return sigmoid(w.get(f"{side}|{BIAS}", 0.0) + sum(w.get(f"{side}|{f}", 0.0) for f in feats))


def best(doc: Document, fr: Frame, side: str, *, exclude: frozenset[int] = frozenset(),
         threshold: float | None = None, table: dict[str, float] | None = None) -> Mention | None:
    """The candidate the model reads as the trigger's ``side`` with the highest probability, if it
    reaches ``threshold`` (THRESHOLDS by default); mentions starting at an offset in ``exclude`` (the
    actors already named) and, for a source, places that never act are left out."""
    cut = THRESHOLDS[side] if threshold is None else threshold
    top: tuple[float, Mention] | None = None
    for i, m in enumerate(fr.mentions):
        if m.span.start in exclude:
            continue
        feats = features(doc, fr, i)
        if not eligible(side, feats):
            continue
        p = probability(side, feats, table)
        if p >= cut and (top is None or p > top[0]):
            top = (p, m)
    return None if top is None else top[1]


def eligible(side: str, feats: AbstractSet[str]) -> bool:
    """Whether a candidate may be the side at all: a place never acts, nor does a town or state
    after في (where the event happened: «لهجوم في كابول»; a body there may: «في سجون الحوثيين»); a
    mention before a
    complementizer that opens the trigger's clause belongs to the clause above it («قال المرصد إن
    مسلحين هاجموا …»: the reporter, not the attacker or the attacked), and one after a relative
    pronoun to the clause describing the object («أدانت المملكة الهجوم الذي استهدف مقر الشرطة»:
    the police were attacked, not condemned), as the rules read them."""
    return not ((side == "SOURCE" and ("place" in feats or {"prep=في", "etype=GPE"} <= feats))
                or "between=before:complementizer" in feats or "between=after:relative" in feats)


#: Whether the events stage asks the model for a side left empty (off: the rules alone, as
#: ``bench/events_args.py --rules`` measures them).
ENABLED = True


def complete(doc: Document, cand: Candidate, mentions: Sequence[Mention], clause: tuple[int, int],
             args: Arguments, source: tuple[Actor, ...], target: tuple[Actor, ...]
             ) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """Source and target with a side that the rules and the events stage's fallbacks (speakers,
    dropped subjects, mutual parties) left empty filled by the model, when its best candidate is
    likely enough and the trigger's type is one it was trained on; a clause whose subject no actor
    covers (``args.unnamed``) keeps no source."""
    if ((source and target) or not ENABLED or cand.trigger.type not in trained_types(_table())
            or cand.trigger.type in MUTUAL_TYPES):
        # (a meeting or agreement naming no party takes the parties of the talks told before it,
        # mutual.inherit, after this stage; one mention picked here would stand in their way)
        return source, target
    fr = frame(doc, cand, mentions, clause, args.source, args.target)
    taken = frozenset(a.span.start for a in (*source, *target))
    if not source and not args.unnamed:
        pick = best(doc, fr, "SOURCE", exclude=taken)
        source = _side(doc, fr, pick) if pick is not None else source
    if not target:
        # (a verb carrying its object pronoun, استهدفها، طالبته, has its object told before it;
        # after it, only the object of a preposition the trigger's target takes: «طلبتها من
        # فرنسا», not «استهدفتها القوات العراقية والقوة الجوية للتحالف»)
        ahead: frozenset[int] = frozenset()
        if object_suffix(doc, cand):
            specs = {fold(spec) for spec in cand.trigger.target if spec != "obj"}
            ahead = frozenset(m.span.start for m in fr.mentions if m.first >= cand.last and m.prep not in specs)
        pick = best(doc, fr, "TARGET", exclude=taken | frozenset(a.span.start for a in source) | ahead
                    | _whereabouts(fr, source))
        target = _side(doc, fr, pick) if pick is not None else target
    return source, target


#: Prepositions that place an actor («السلطات المحلية بمحافظة مأرب», «القوات في الأنبار»).
WHEREABOUTS_PREPS = frozenset({"ب", "في"})
#: Most tokens between the source and such a place (an adjective, an area noun: «المحلية بمحافظة»).
WHEREABOUTS_GAP = 2


def _whereabouts(fr: Frame, source: tuple[Actor, ...]) -> frozenset[int]:
    """Places told right after the source with ب/في (where it is, not what it acts on): «استولت
    السلطات المحلية بمحافظة مأرب على شاحنة …» seized no governorate."""
    ends = {a.span.end for a in source}
    out: set[int] = set()
    for k, m in enumerate(fr.mentions):
        before = fr.mentions[k - 1] if k else None
        if (m.etype in PLACE_TYPES and m.prep in WHEREABOUTS_PREPS and before is not None
                and before.span.end in ends and m.first - before.last <= WHEREABOUTS_GAP):
            out.add(m.span.start)
    return frozenset(out)


def _side(doc: Document, fr: Frame, pick: Mention) -> tuple[Actor, ...]:
    """The actors of the picked mention with those coordinated or apposed after it (موسكو وبيونغ
    يانغ), a title taking the entity it refers to."""
    group = group_forward(doc, list(fr.mentions), fr.mentions.index(pick))
    return referents(doc, tuple(a for m in group for a in to_actors(m)))
