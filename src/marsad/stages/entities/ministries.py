"""Ministries named without their state: «وزارة الداخلية», «وزارة الدفاع».

Arab news names a ministry bare once the story has told whose it is (the devset's golds give «وزارة
الداخلية» as a mention of the Kurdistan Region's ministry named in full before it).  A bare ministry
is the same state's as that ministry named in full earlier in the article, else the state the
article names most when it leads clearly, else an unlinked organisation with the ministry's English
name.  A ministry with its state after it (وزارة الداخلية السعودية) is a composed knowledge-base name
found before this runs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from marsad.core.document import Document, Span
from marsad.stages.entities.kb import KnowledgeBase
from marsad.stages.entities.link import Mention
from marsad.stages.entities.match import table_matches

#: Fewest mentions of a state for the article to be about it, and its lead over the next state.
MIN_STATE_MENTIONS = 2


def _story_state(mentions: Sequence[Mention]) -> str | None:
    """The state most mentions belong to, when it leads the next one."""
    counts = Counter(m.country for m in mentions if m.country).most_common(2)
    if not counts or counts[0][1] < MIN_STATE_MENTIONS or (len(counts) > 1 and counts[1][1] == counts[0][1]):
        return None
    return counts[0][0]


def _told_before(kb: KnowledgeBase, mentions: Sequence[Mention], key: str, start: int) -> str | None:
    """The state of the same ministry named in full before offset ``start``."""
    told = [m for m in mentions if m.kb_id and m.span.start < start
            and (m.kb_id.split("@", 1)[0] == key or any(k.split("@", 1)[0] == key and v == m.kb_id
                                                        for k, v in kb.aliases.items()))]
    return max(told, key=lambda m: m.span.start).country if told else None


#: Prepositions that tie a ministry to the place it serves (وزارة الداخلية في إقليم كردستان).
PLACE_PREPOSITIONS = frozenset({"في", "ب"})


def _place_after(doc: Document, mentions: Sequence[Mention], last: int) -> str | None:
    """The state of the place named right after the ministry with في («وزارة الداخلية في إقليم
    كردستان العراق» → Iraq), or with ب glued to it («وزارة الصحة بعدن»)."""
    k = last + 1
    if k >= len(doc.tokens) or doc.tokens[k].kind != "word":
        return None
    word = doc.text[doc.tokens[k].start:doc.tokens[k].end]
    if word in PLACE_PREPOSITIONS:
        if k + 1 >= len(doc.tokens):
            return None
        start = doc.tokens[k + 1].start
    elif word.startswith("ب"):
        start = doc.tokens[k].start + 1
    else:
        return None
    # (a region's own name may follow its head noun: «في إقليم كردستان»)
    near = [m for m in mentions if m.country and m.type in ("GPE", "LOC")
            and start <= m.span.start <= start + PLACE_REACH]
    return min(near, key=lambda m: m.span.start).country if near else None


#: Characters from the preposition within which the place's name must start (a head noun between).
PLACE_REACH = 8


def bare_ministries(doc: Document, kb: KnowledgeBase, mentions: Sequence[Mention]) -> list[Mention]:
    """ORG mentions of the ministries the text names without their state, none overlapping
    ``mentions``."""
    out: list[Mention] = []
    taken = [m.span for m in mentions]
    for first, last, offset, key in table_matches(doc, kb, kb.bare_ministries):
        span = Span(doc.tokens[first].start + offset, doc.tokens[last].end)
        if any(span.overlaps(t) for t in taken):
            continue
        ministry = kb.bare_ministries[key]
        iso3 = (_place_after(doc, mentions, last) or _told_before(kb, mentions, ministry, span.start)
                or _story_state(mentions))
        kb_id = f"{ministry}@{iso3}" if iso3 else None
        kb_id = kb.aliases.get(kb_id, kb_id) if kb_id else None
        if kb_id is not None and kb_id in kb.entries:
            out.append(Mention(span, "ORG", kb_id, kb.entries[kb_id].country, "kb"))
        else:
            out.append(Mention(span, "ORG", None, None, "kb", name_en=kb.ministry_names[ministry]))
    return out
