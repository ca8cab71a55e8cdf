"""Event arguments read beyond the trigger's own clause: the speaker of a speech verb told before,
the subject a sentence opens with, an object past the comma after a verb's time frame, the group a
plural pronoun stands for (يدعمهم), and the subject left behind a parenthetical clause.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from marsad.core.document import Document
from marsad.stages.events import lexicon
from marsad.stages.events.args import (
    OPENING_SUBJECT,
    SUBJECT_GAP,
    WIDEN_GAP,
    victims,
)
from marsad.stages.events.detect import Candidate, surface, word_keys
from marsad.stages.events.forms import plural_verb
from marsad.stages.events.groups import group_forward, is_comma
from marsad.stages.events.lexicon import cue_words
from marsad.stages.events.mentions import NON_ACTOR_TYPES, Mention, word_keys_in
from marsad.stages.quotes.lexicon import cues as quote_cues


def find_speakers(doc: Document, mentions: list[Mention], ranges: list[tuple[int, int]]
                  ) -> list[list[tuple[int, tuple[Mention, ...]]]]:
    """Per sentence, each speech verb (قال، أكد…) with its speaker: the bare actor after it (VSO) or
    right before it; a speech verb without one («وأضاف أن…») keeps the speaker told last."""
    speech = lexicon.actor_verbs()["speech"]
    firsts = [m.first for m in mentions]
    out: list[list[tuple[int, tuple[Mention, ...]]]] = []
    last: tuple[Mention, ...] = ()
    for lo, hi in ranges:
        found: list[tuple[int, tuple[Mention, ...]]] = []
        for k in range(lo, hi):
            if doc.tokens[k].kind != "word" or not word_keys_in(doc, k, speech):
                continue
            near = mentions[bisect.bisect_left(firsts, max(lo, k - SUBJECT_GAP * 4)):
                            bisect.bisect_left(firsts, min(k + 2 + SUBJECT_GAP, hi))]
            ahead = [m for m in near if k < m.first]
            behind = [m for m in near if lo <= m.first and m.last <= k and k - m.last <= 1]
            if ahead and ahead[0].prep is None and ahead[0].first - k - 1 <= SUBJECT_GAP:
                last = tuple(group_forward(doc, ahead, 0))
            elif behind and behind[-1].prep is None:
                last = (behind[-1],)
            found.append((k, last))
        out.append(found)
    return out


def opening_subject(doc: Document, mentions: list[Mention], lo: int, stop: int) -> list[Mention]:
    """The subject of the verb opening a sentence (VSO: «وبحث رئيس الوزراء التركي أحمد داود أوغلو
    … في اتصال هاتفي مع …»): the bare actor within OPENING_SUBJECT tokens of its start, with its
    titles and coordinated names, ending before token ``stop``."""
    start = _past_opening_adjunct(doc, lo, stop)
    if not any(lo <= m.first < start for m in mentions):
        lo = start  # (an adjunct names no actor: «ونفى فابيوس، …» is the verb and its subject)
    before = [m for m in mentions if lo <= m.first and m.last <= stop]
    if not before or before[0].prep is not None or before[0].first - lo > OPENING_SUBJECT:
        return []
    if before[0].first == lo or doc.tokens[lo].kind != "word":
        return []  # a sentence opening with a name is SVO; its verb comes later
    return group_forward(doc, before, 0)


#: Most tokens of an adjunct set off by a comma at the head of a sentence («من جهته،», «وفي الأثناء،»).
OPENING_ADJUNCT = 4


def _past_opening_adjunct(doc: Document, lo: int, stop: int) -> int:
    """The first token after a short adjunct and its comma at the head of a sentence («من جهته، وصف
    كارتر …»), else ``lo``: the verb and its subject open after it."""
    for k in range(lo + 1, min(stop, lo + OPENING_ADJUNCT + 1)):
        if doc.tokens[k].kind != "word":
            return k + 1 if is_comma(doc, k) and k + 1 < stop else lo
    return lo


def coordinated_subject(doc: Document, cand: Candidate, mentions: list[Mention], lo: int) -> list[Mention]:
    """The subject a verb joined by و to the reported clause before it shares, when it names none
    of its own: «… إن الخرطوم تعاملت بشفافية مع الأمر، وأطلقت سراح الصيادين» (the bare actor opening
    that clause); [] when the verb has no و or no actor opens the clause.  (The subject of a verb
    opening the sentence is not taken: after it a verb in the passive, «والقي القبض على …», or with
    a subject no entity names, «وتوجهت الفرق», was as often another's as its.)"""
    word = surface(doc, doc.tokens[cand.first])
    if cand.trigger.kind != "V" or not word.startswith("و") or cand.first <= lo:
        return []
    comps = lexicon.status_cues()["complementizers"]
    opened = [k for k in range(lo, cand.first) if doc.tokens[k].kind == "word"
              and surface(doc, doc.tokens[k]).removeprefix("و") in comps]
    if not opened:
        return []
    k = opened[-1]
    topic = next((m for m in mentions if m.first == k + 1 and m.prep is None), None)
    return group_forward(doc, [m for m in mentions if k < m.first < cand.first], 0) if topic else []


#: Most tokens between a verb of receiving and the verbal noun it takes («تلقى الملك اتصالا»).
RECEIVED_GAP = 6


def received(doc: Document, cand: Candidate, c_lo: int) -> bool:
    """Whether a verb of receiving (``receiving_verbs``: تلقى، تسلم) governs the verbal noun in its
    clause, a few words before it: the noun's act is aimed at the verb's subject."""
    verbs = cue_words("receiving_verbs")
    return any(doc.tokens[k].kind == "word" and word_keys_in(doc, k, verbs)
               for k in range(max(c_lo, cand.first - RECEIVED_GAP), cand.first))


def sent_by(doc: Document, cand: Candidate, mentions: list[Mention], c_hi: int) -> list[Mention]:
    """The actor after من that sent what a verb of receiving took («طلبا من مسؤول في التنظيم»)."""
    after = [m for m in mentions if cand.last <= m.first < c_hi]
    k = next((k for k, m in enumerate(after) if m.prep == "من" and m.first - cand.last <= RECEIVED_GAP), None)
    return [] if k is None else group_forward(doc, after, k)


def apposed_clause_start(doc: Document, cand: Candidate, c_lo: int, lo: int,
                         boundary: Callable[[int], bool], commas: int) -> int | None:
    """Where the clause of a support verb opens when a verbal noun's own clause opens after names
    set off by commas: «عقد وزير الخارجية السعودي، عادل الجبير، اجتماعاً مع نظيره المصري» (the
    light verb عقد and its subject come before the commas); None when no support verb opens a
    clause within ``commas`` commas back."""
    if cand.trigger.kind != "N":
        return None
    verbs = lexicon.noun_context()["support_verbs"]
    start = c_lo
    for _ in range(commas):
        if start - 2 < lo or not is_comma(doc, start - 1):
            return None
        start -= 2
        while start > lo and not boundary(start - 1):
            start -= 1
        if doc.tokens[start].kind == "word" and word_keys_in(doc, start, verbs):
            return start
    return None


def widened(doc: Document, cand: Candidate, c_hi: int, hi: int, boundary: Callable[[int], bool],
            opened: int | None = None) -> int:
    """Where a verb's clause ends once a parenthesis and a comma right after its subject and time
    frame are passed over: «طلبت إريتريا اليوم (السبت)، من الأمم المتحدة التحقيق …» (the object
    follows the comma).  ``c_hi`` when the clause already holds more than that, counted from
    ``opened`` (the trigger's end, or the end of a subject told after it or of a title apposed to it
    between commas)."""
    if cand.trigger.kind != "V" or c_hi - (cand.last if opened is None else opened) > WIDEN_GAP:
        return c_hi
    k = c_hi
    if k < hi and "(" in doc.text[doc.tokens[k].start:doc.tokens[k].end]:
        while k < hi and ")" not in doc.text[doc.tokens[k].start:doc.tokens[k].end]:
            k += 1
        k += 1
    if k < hi and doc.text[doc.tokens[k].start:doc.tokens[k].end] in ("،", ","):
        k += 1
    end = k
    while end < hi and not boundary(end):
        end += 1
    return end if end > k else c_hi


#: How many sentences back a plural pronoun (يدعمهم) looks for the group it stands for.
PRONOUN_LOOKBACK = 2
#: Agent concepts that name groups of people (a plural pronoun may stand for them however they are
#: written: الأهالي، السكان).
GROUP_CONCEPTS = frozenset({"protesters", "civilians"})
#: Endings of Arabic sound plurals (المتظاهرون، الحوثيين، القوات).
PLURAL_ENDINGS = ("ون", "ين", "ات")


def _plural_suffix(doc: Document, k: int) -> bool:
    """Whether token ``k`` carries a plural pronoun suffix (يدعمهم، مطالبهم)."""
    if k >= len(doc.tokens) or doc.tokens[k].kind != "word":
        return False
    tok = doc.tokens[k]
    word = surface(doc, tok)
    pron = "".join(word[a:b] for a, b, role in tok.pieces if role == "pron")
    return pron in cue_words("plural_pronouns")


def _group(doc: Document, m: Mention) -> bool:
    """Whether a mention names a group of people a plural pronoun can stand for."""
    if m.etype in ("PER", "GPE", "LOC", "FAC") or m.refs:
        return False
    if m.agent and m.concept in GROUP_CONCEPTS:
        return True
    return surface(doc, doc.tokens[m.last - 1]).endswith(PLURAL_ENDINGS)


def pronoun_target(doc: Document, cand: Candidate, mentions: list[Mention], source: tuple[Mention, ...]
                   ) -> list[Mention]:
    """The group a plural pronoun on a verb trigger («يدعمهم»، «استقبلهم») or on the object right
    after it («يؤيد مطالبهم») stands for, as the verb's target: the last group told before it,
    within PRONOUN_LOOKBACK sentences, other than the verb's own subject."""
    if cand.trigger.kind != "V" or "obj" not in cand.trigger.target:
        return []
    if not (_plural_suffix(doc, cand.last - 1) or _plural_suffix(doc, cand.last)):
        return []
    if not _pronoun_free(doc, cand, mentions):
        return []
    here = doc.sentence_of(cand.span.start) or 0
    floor = doc.sentences[max(here - PRONOUN_LOOKBACK, 0)].start if doc.sentences else 0
    spans = {m.span for m in source}
    ents = {m.entity for m in source if m.entity is not None}
    for m in reversed(mentions):
        if m.span.start >= cand.span.start or m.span in spans or (m.entity is not None and m.entity in ents):
            continue
        if m.span.start < floor:
            break
        if _group(doc, m):
            return [m]
    return []


def _pronoun_free(doc: Document, cand: Candidate, mentions: list[Mention]) -> bool:
    """Whether the word before a verb leaves its pronoun free to point back past it: a mention
    (its subject), a particle (أنه، لا، قد), punctuation or nothing; a bare noun right before
    it is the antecedent of a relative clause («أسرى تحتجزهم»)."""
    k = cand.first - 1
    if k < 0 or doc.tokens[k].kind != "word" or any(m.first <= k < m.last for m in mentions):
        return True
    word = surface(doc, doc.tokens[k])
    particles = cue_words("verb_particles") | cue_words("self_pronouns") | cue_words("continuations")
    return word in particles or word.lstrip("وف") in particles


def parenthesis_subject(doc: Document, cand: Candidate, mentions: list[Mention], lo: int, c_lo: int
                        ) -> list[Mention]:
    """The subject a plural verb left behind a parenthetical clause: «إن مقاتلي الحركة، الذين
    يسيطرون على …، هاجموا …» — the verb agrees with a subject before it, its clause opens right
    after the closing comma, and the subject is the bare actor right after the complementizer
    (OPENING_SUBJECT tokens at most) before the opening comma."""
    if cand.trigger.kind != "V" or c_lo != cand.first or c_lo < 2 or not is_comma(doc, c_lo - 1):
        return []
    if not plural_verb(doc, cand):
        return []
    opening = next((k for k in range(c_lo - 2, lo - 1, -1) if is_comma(doc, k)), None)
    if opening is None:
        return []
    comps = lexicon.status_cues()["complementizers"]
    start = next((k + 1 for k in range(opening - 1, lo - 1, -1) if word_keys_in(doc, k, comps)), None)
    if start is None:
        return []
    before = [m for m in mentions if start <= m.first and m.last <= opening]
    if not before or before[0].prep is not None or before[0].conj or before[0].first - start > OPENING_SUBJECT:
        return []
    if victims(doc, cand, before[0]):
        return []  # «ثمانية أشخاص، بينهم طفلان، قتلوا»: counted victims of a passive killing
    return [m for m in group_forward(doc, before, 0) if m.etype not in NON_ACTOR_TYPES]


#: Generic agents that can be the other side of a truce without a name (the rebels); other generic
#: agents (قوات، سكان) are as likely the truce's own side or its beneficiaries.
TRUCE_AGENTS = frozenset({"rebels"})


def truce_party(doc: Document, cand: Candidate, mentions: list[Mention], hi: int,
                own: frozenset[int]) -> list[Mention]:
    """The other party of a truce naming no target: the first actor told after the trigger in its
    sentence, named (or the rebels), that is not the truce's own side (``own``: its entities) nor a
    place the truce holds in («هدنة في اليمن»): «… ستتوقف الأعمال العسكرية، باستثناء الرد على أي
    خرق من جماعة الحوثي»."""
    for k, m in enumerate(mentions):
        if m.first < cand.last or m.first >= hi or (m.entity is not None and m.entity in own):
            continue
        if m.etype in NON_ACTOR_TYPES or (m.etype == "GPE" and m.prep in ("في", "ب")):
            continue
        if m.entity is None and m.concept not in TRUCE_AGENTS:
            continue  # a generic «قوات» or «سكان» names no side: it may be the truce's own forces
        return group_forward(doc, mentions, k)
    return []


#: Most tokens between a call or interview noun and the preposition before the outlet it was with.
RELAY_REACH = 3
#: Marks that open an outlet's name in quotation marks («الوطن»، "عكاظ").
_NAME_OPENERS = frozenset("«\"“")


def relay_occasion(doc: Document, cand: Candidate, hi: int) -> bool:
    """Whether a talk noun (اتصال هاتفي، لقاء، مقابلة) is the occasion on which an outlet got a
    statement: «قال … في اتصال هاتفي مع "الوطن"», «في لقاء مع قناة روسيا اليوم»: no talks between
    parties, the paper's own call (a relay the quotes stage reads)."""
    if cand.trigger.type != "CONSULT" or cand.trigger.kind == "V":
        return False
    heads = quote_cues().outlet_heads
    for k in range(cand.last, min(cand.last + RELAY_REACH, hi - 1)):
        tok = doc.tokens[k]
        if tok.kind != "word" or surface(doc, tok).lstrip("و") not in cue_words("relay_prepositions"):
            continue
        nxt = doc.tokens[k + 1]
        written = doc.text[nxt.start:nxt.end]
        return written[:1] in _NAME_OPENERS or bool(word_keys(doc, nxt) & heads) or any(
            q.via is not None and q.via.span.start == nxt.start for q in (*doc.quotes, *doc.unattributed))
    return False
