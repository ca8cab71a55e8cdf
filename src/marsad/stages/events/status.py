"""An event's status (negated, hypothetical, planned, reported, asserted) from the cues around it.

The cue words and their scopes live in ``data/events/status_cues.yaml``; when several statuses
apply, the first in its ``order`` wins, so a spokesman announcing a plan gives ``planned``.
"""

from __future__ import annotations

from typing import Any

from marsad.core.document import Document, EventStatus
from marsad.stages.events import lexicon
from marsad.stages.events.args import light_verb
from marsad.stages.events.detect import CLAUSE_PUNCT, QUOTE_MARKS, Candidate, surface, word_keys
from marsad.text.keys import fold

#: Particles that are negation or "may" only right before the trigger: ما is also "what", and
#: قد before a perfect verb means "has" (قد دعمت), not "may".
TIGHT = {"negated": frozenset({"ما"}), "hypothetical": frozenset({"قد"})}


#: Marks that end a question: an event asked about is hypothetical.
QUESTION_MARKS = frozenset("؟?")
#: The prepositions a call takes its object with (دعا إلى، حث على), folded.
REQUEST_PREPOSITIONS = frozenset(fold(w) for w in ("إلى", "الى", "على"))


def punct_bounds(doc: Document, cand: Candidate, lo: int, hi: int) -> tuple[int, int]:
    """Token range around a trigger bounded by punctuation other than quotation marks
    (complementizers do not cut it)."""
    def is_punct(k: int) -> bool:
        tok = doc.tokens[k]
        return tok.kind in ("punct", "symbol") and any(
            ch in CLAUSE_PUNCT and ch not in QUOTE_MARKS for ch in doc.text[tok.start:tok.end])

    start = cand.first
    while start > lo and not is_punct(start - 1):
        start -= 1
    end = cand.last
    while end < hi and not is_punct(end):
        end += 1
    return start, end


#: The particle that negates a verb («ما قال») or, after a pronoun, is the relative "what" («وهو ما قاله»).
RELATIVE_MA = "ما"


def _keys(doc: Document, k: int) -> frozenset[str]:
    tok = doc.tokens[k]
    return word_keys(doc, tok) if tok.kind == "word" else frozenset()


def _near(doc: Document, cand: Candidate, words: frozenset[str], status: str, p_lo: int, window: int,
          compounds: frozenset[str] = frozenset(), relative_heads: frozenset[str] = frozenset()) -> bool:
    for k in range(max(p_lo, cand.first - window), cand.first):
        hit = _keys(doc, k) & words
        if not hit:
            continue
        if hit == {RELATIVE_MA} and k > 0 and _keys(doc, k - 1) & relative_heads:
            continue  # «وهو ما رفضته مدريد»: "what", not "not"
        if k + 1 < cand.first and _keys(doc, k + 1) & compounds:
            continue  # طائرة بدون طيار: the cue belongs to a compound noun, it negates nothing
        tight = hit & TIGHT.get(status, frozenset())
        if hit - tight:
            return True
        if k == cand.first - 1 and (status != "hypothetical" or cand.imperfect):
            return True
    return False


def _complement(doc: Document, cand: Candidate, words: frozenset[str], lo: int,
                comps: frozenset[str]) -> bool:
    """A cue verb earlier in the sentence governing the trigger through إن/أن or an allegation بـ."""
    allegation = surface(doc, doc.tokens[cand.first]).lstrip("وف")[:1] == "ب"
    seen_comp = False
    for k in range(cand.first - 1, lo - 1, -1):
        keys = _keys(doc, k)
        if keys & comps:
            seen_comp = True
            continue
        if keys & words and (seen_comp or allegation):
            return True
    return False


def _attributed(doc: Document, cand: Candidate, words: frozenset[str], p_lo: int, p_hi: int, hi: int) -> bool:
    """A source cue (وفقا، بحسب) in the trigger's clause, or opening a later clause of the sentence."""
    if any(_keys(doc, k) & words for k in range(p_lo, p_hi) if not cand.first <= k < cand.last):
        return True
    return any(doc.tokens[k - 1].kind in ("punct", "symbol") and _keys(doc, k) & words
               for k in range(p_hi + 1, hi))


def _asked(doc: Document, cand: Candidate, hi: int) -> bool:
    """Whether a question mark closes the sentence part the trigger stands in."""
    for k in range(cand.last, hi):
        tok = doc.tokens[k]
        if tok.kind in ("punct", "symbol"):
            chars = set(doc.text[tok.start:tok.end])
            if chars & QUESTION_MARKS:
                return True
            if chars & {".", "!"}:
                return False
    return False


def _relative_aim(doc: Document, cand: Candidate, words: frozenset[str], relatives: frozenset[str],
                  p_lo: int) -> bool:
    """An aim verb right after a relative pronoun earlier in the trigger's clause (التي تسعى إلى …)."""
    return any(_keys(doc, k) & relatives and _keys(doc, k + 1) & words
               for k in range(p_lo, cand.first - 1))


def _judged(doc: Document, cand: Candidate, words: frozenset[str], negations: frozenset[str], p_hi: int) -> bool:
    """A negated judgement of the trigger later in its clause: a generic statement about such acts,
    not a report of one («حظر وسائل التواصل لا يعد قرارا صحيحا»)."""
    return any(_keys(doc, k) & words and _keys(doc, k - 1) & negations
               for k in range(cand.last + 1, p_hi))


def _light_negated(doc: Document, cand: Candidate, negations: frozenset[str], p_lo: int) -> bool:
    """A verbal noun whose doing or undergoing verb (قام بـ، تمكن من، تعرض لـ; data ``perform`` and
    ``suffer``) is negated: «ولم تتمكن القوات من السيطرة على المطار» tells of no seizure, though
    the negation stands too far from السيطرة for the near window."""
    if cand.trigger.kind != "N":
        return False
    verbs = lexicon.actor_verbs()
    k = light_verb(doc, cand, verbs["perform"] | verbs["suffer"], p_lo)
    return k is not None and k > p_lo and bool(_keys(doc, k - 1) & negations)


def _requested(doc: Document, cand: Candidate, words: frozenset[str], links: frozenset[str], p_lo: int) -> bool:
    """A call (دعا، طالب، حث) earlier in the trigger's punctuation clause whose object the trigger is:
    right after the call's preposition (دعا إلى التظاهر، حث على الاعتصام), carrying ب or ل itself
    (طالب بإضراب), or after a verbal noun of doing (`request_links`: طالب بتنظيم مظاهرات): the act is
    called for, it has not happened (a call to protest is PLOVER's REQUEST, not a PROTEST)."""
    if not any(_keys(doc, k) & words for k in range(p_lo, cand.first)):
        return False
    own = surface(doc, doc.tokens[cand.first]).lstrip("و")
    # («لقائه» is a form of لقاء, not ل + قائه: a ل that belongs to the trigger carries no call)
    if own[:1] in ("ب", "ل") and own[1:] in _keys(doc, cand.first) and own not in lexicon.trigger_index():
        return True
    k = cand.first - 1
    if k > p_lo and _keys(doc, k) & links:
        k -= 1  # «بتنظيم»، «إلى تنظيم»: the link noun carries the call's object
        if surface(doc, doc.tokens[k + 1]).lstrip("و")[:1] == "ب":
            return True
    return k >= p_lo and bool(_keys(doc, k) & REQUEST_PREPOSITIONS)


def _applies(doc: Document, cand: Candidate, status: str, cues: dict[str, Any], lo: int, hi: int,
             p_lo: int, p_hi: int) -> bool:
    scopes: dict[str, frozenset[str]] = cues.get(status, {})
    if status == "negated" and _light_negated(doc, cand, scopes.get("near", frozenset()), p_lo):
        return True
    if status == "planned" and cand.future:
        return True
    if status == "hypothetical" and _asked(doc, cand, hi):
        return True
    if "judged" in scopes and _judged(doc, cand, scopes["judged"], cues["negated"].get("near", frozenset()), p_hi):
        return True
    if "request" in scopes and _requested(doc, cand, scopes["request"], cues["request_links"], p_lo):
        return True
    if "relative" in scopes and _relative_aim(doc, cand, scopes["relative"], cues["relatives"], p_lo):
        return True
    if "near" in scopes and _near(doc, cand, scopes["near"], status, p_lo, cues["near_window"],
                                  cues.get("compound_heads", frozenset()), cues.get("relative_heads", frozenset())):
        return True
    if "clause" in scopes and any(_keys(doc, k) & scopes["clause"] for k in range(p_lo, cand.first)):
        return True
    if "after" in scopes and any(_keys(doc, k) & scopes["after"] for k in range(cand.last, p_hi)):
        return True
    if "sentence" in scopes and _attributed(doc, cand, scopes["sentence"], p_lo, p_hi, hi):
        return True
    return "complement" in scopes and _complement(doc, cand, scopes["complement"], lo,
                                                  cues["complementizers"])


def declared(doc: Document, cand: Candidate, lo: int, hi: int) -> bool:
    """Whether a declaration verb or noun (أعلن، إعلان) comes before the trigger in its punctuation
    clause: «أعلنت قيادة التحالف بدء هدنة» announces a truce, it does not report one observed."""
    words: frozenset[str] = lexicon.status_cues()["declarations"]
    p_lo, _ = punct_bounds(doc, cand, lo, hi)
    return any(_keys(doc, k) & words for k in range(p_lo, cand.first))


def find_status(doc: Document, cand: Candidate, lo: int, hi: int) -> EventStatus:
    """The status of a trigger in the sentence spanning tokens ``[lo, hi)``."""
    cues = lexicon.status_cues()
    p_lo, p_hi = punct_bounds(doc, cand, lo, hi)
    for status in lexicon.STATUS_ORDER:
        if _applies(doc, cand, status, cues, lo, hi, p_lo, p_hi):
            return status  # type: ignore[return-value]
    return "asserted"
