"""A body named by description, resolved to the organisation the text named that way.

News names an organisation once («رئيسة المنظمة الدولية «أطباء بلا حدود» جوان ليو») and then by
description only («عالجت المنظمة الطبية الدولية», «وذكرت المنظمة أن»).  The tagger may take such
a description for a name of its own, an organisation with no knowledge-base entry whose every
mention is a body noun with relational adjectives.  A speaker linked to such a description speaks
for the named organisation the text put right after a description with the same head noun (in
apposition); when there is none, or more than one, the speaker is left as it is.  The body nouns
are ``anonymous.bodies`` in ``data/quote_cues.yaml``.
"""

from __future__ import annotations

from marsad.core.document import Actor, Document, Entity
from marsad.stages.quotes.lexicon import Cues
from marsad.text.keys import fold

#: Characters that may stand between a description and the name it is in apposition with.
APPOSITION_MARKS = " «»\"“”'"
#: Most words of a description before a name («المنظمة الطبية الدولية»).
MAX_DESCRIPTION_WORDS = 3
#: How far before a name, in characters, a description is looked for.
LOOKBEHIND_CHARS = 60


def _head(words: list[str], cues: Cues) -> str | None:
    """The body noun that heads a description («منظمه» of «المنظمه الدوليه»): a body noun
    followed only by relational adjectives; else None."""
    if not words:
        return None
    head = words[0][2:] if words[0].startswith("ال") else words[0]
    if head not in cues.anonymous["bodies"]:
        return None
    nisba = cues.words("nisba_endings")
    return head if all(w.endswith(nisba) for w in words[1:]) else None


def _described(doc: Document, e: Entity, cues: Cues) -> str | None:
    """The head noun of an organisation the tagger made of a description, else None."""
    if e.type != "ORG" or e.kb_id is not None:
        return None
    heads = {_head(fold(doc.text[m.start:m.end]).split(), cues) for m in e.mentions}
    return heads.pop() if len(heads) == 1 and None not in heads else None


def _after_description(doc: Document, start: int, head: str, cues: Cues) -> bool:
    """Whether a description headed by ``head`` stands right before offset ``start``."""
    before = doc.text[max(0, start - LOOKBEHIND_CHARS):start].rstrip(APPOSITION_MARKS)
    words = fold(before).split()[-MAX_DESCRIPTION_WORDS:]
    for k in range(len(words)):
        if _head(words[k:], cues) == head:
            return True
    return False


def named_body(doc: Document, cues: Cues, found: Actor) -> Actor:
    """``found`` with the named organisation its descriptive entity stands for, when the text
    names exactly one in apposition with a description of the same head noun."""
    if found.entity is None:
        return found
    head = _described(doc, doc.entities[found.entity], cues)
    if head is None:
        return found
    named = {k for k, e in enumerate(doc.entities)
             if e.type == "ORG" and _described(doc, e, cues) is None
             and any(_after_description(doc, m.start, head, cues) for m in e.mentions)}
    return Actor(found.span, named.pop()) if len(named) == 1 else found


__all__ = ["named_body"]
