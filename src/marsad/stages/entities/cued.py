"""Names that are also common words, read as the body only where the context says so.

«القاعدة» is "the base" or "the rule" until a word of allegiance stands right before it («المرتبطة
بالقاعدة»، «عناصر القاعدة») or a group of its kind is joined to it by و («داعش والقاعدة»).  The
names, their bodies and their cues are ``data/kb/cued_names.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.core.document import Document, Span
from marsad.stages.entities.kb import KnowledgeBase, read_table
from marsad.stages.entities.link import Mention
from marsad.stages.entities.match import first_word_keys, word_at
from marsad.text.keys import fold


@dataclass(frozen=True)
class Cued:
    kb_id: str
    before: frozenset[str]
    partners: frozenset[str]


@lru_cache(maxsize=1)
def _cued() -> dict[str, Cued]:
    """Folded name → its body and cues."""
    return {fold(r["name"]): Cued(r["kb_id"], frozenset(fold(w) for w in r["before"].split("|")),
                                  frozenset(r["partners"].split("|")))
            for r in read_table("cued_names.tsv")}


def _cued_at(doc: Document, mentions: list[Mention], k: int, offset: int, cued: Cued) -> bool:
    """Whether the cued name at token ``k`` (its own clitic ``offset`` letters long) names the body."""
    if k > 0 and word_at(doc, k - 1) in cued.before:
        return True  # (a word of allegiance says it: «المرتبطة بالقاعدة المسؤولية»)
    if word_at(doc, k + 1).startswith("ال"):
        return False  # «… والقاعدة الجوية»: a base described, not the group
    # «داعش والقاعدة»: a group of its kind right before, joined by و
    joined = offset > 0 and doc.text[doc.tokens[k].start] == "و"
    start = doc.tokens[k].start
    return joined and any(m.kb_id in cued.partners and 0 <= start - m.span.end <= 1 for m in mentions)


def cued_names(doc: Document, kb: KnowledgeBase, mentions: list[Mention]) -> list[Mention]:
    """ORG mentions of the cued names whose context names the body, none overlapping ``mentions``."""
    table = _cued()
    out: list[Mention] = []
    for k, tok in enumerate(doc.tokens):
        if tok.kind != "word":
            continue
        hit = next(((key, off) for key, off in first_word_keys(doc.text[tok.start:tok.end]) if key in table), None)
        if hit is None or table[hit[0]].kb_id not in kb.entries:
            continue
        span = Span(tok.start + hit[1], tok.end)
        if any(span.overlaps(m.span) for m in mentions) or not _cued_at(doc, mentions, k, hit[1], table[hit[0]]):
            continue
        entry = kb.entries[table[hit[0]].kb_id]
        out.append(Mention(span, entry.type, entry.kb_id, entry.country, "kb"))
    return out
