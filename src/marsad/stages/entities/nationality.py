"""Nationality adjectives that make a force, a craft, a strike, aid or an envoy a state's.

«قتل 14 جنديا في غارة أمريكية», «وقصفت مقاتلات روسية مواقع للمعارضة», «وصلت طائرة سعودية محملة
بالمساعدات»: the article may never name the state, yet whose raid or aircraft it was is the point.
The adjective after such a noun (``data/kb/nationality_heads.tsv``; one definite adjective may stand
between: «الجسر الجوي القطري») is a mention of that state's people (NORP), as the adjective of a
described institution already is (الجيش اللبناني): events and quotes then find the state through
the mention's country.  Definite or not, in the singular, feminine, dual or plural
(أمريكي، أمريكية، أمريكيتين، أمريكيون).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import lru_cache

from marsad.core.document import Document, Span
from marsad.stages.entities.kb import KnowledgeBase, name_key, people_id, read_table
from marsad.stages.entities.link import Mention
from marsad.stages.entities.match import word_at
from marsad.text.keys import fold

__all__ = ["qualified_nationalities", "titled_persons_state"]

#: Endings of the dual and plural of a nisba adjective, and the singular ending each stands for.
NUMBER_ENDINGS = (("يتين", "ية"), ("يتان", "ية"), ("يات", "ية"), ("يين", "ي"), ("يون", "ي"), ("يان", "ي"),
                  ("يا", "ي"))


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(fold(r["word"]) for r in read_table("nationality_heads.tsv"))


def _state(kb: KnowledgeBase, word: str) -> str | None:
    """The ISO3 code of a nationality adjective, in any number and with or without the article."""
    base = word.removeprefix("ال")
    forms = [base] + [base[: -len(end)] + sing for end, sing in NUMBER_ENDINGS if base.endswith(end)]
    for form in forms:
        iso3 = kb.demonyms.get(name_key("ال" + form))
        if iso3 is not None:
            return iso3
    return None


def _head_before(doc: Document, k: int) -> bool:
    """Whether a head noun stands right before token ``k``, or before one definite adjective there."""
    for j in (k - 1, k - 2):
        if j < 0 or doc.tokens[j].kind != "word":
            return False
        word = fold(doc.text[doc.tokens[j].start:doc.tokens[j].end])
        # (the token's key is the word without its clitics: بغارة، لطائرات، والقوات)
        if not _heads().isdisjoint((word, doc.tokens[j].key, doc.tokens[j].key.removeprefix("ال"))):
            return True
        if not word.startswith("ال"):
            return False
    return False


def qualified_nationalities(doc: Document, kb: KnowledgeBase, taken: Sequence[Span]) -> list[Mention]:
    """NORP mentions of the nationality adjectives after head nouns that no other mention covers."""
    out: list[Mention] = []
    for k, tok in enumerate(doc.tokens):
        if tok.kind != "word" or k == 0:
            continue
        iso3 = _state(kb, fold(doc.text[tok.start:tok.end]))
        if iso3 is None or people_id(iso3) not in kb.entries or not _head_before(doc, k):
            continue
        span = Span(tok.start, tok.end)
        if any(span.overlaps(t) for t in taken):
            continue
        out.append(Mention(span, "NORP", people_id(iso3), iso3))
    return out


#: Most words of an office phrase between its post word and the nationality closing it
#: («نائب المستشارة الألمانية»: 1; «وزير الاقتصاد والطاقة الألماني»: 2).
OFFICE_REACH = 3


def titled_persons_state(doc: Document, kb: KnowledgeBase, mentions: Sequence[Mention],
                         posts: frozenset[str]) -> None:
    """Give a person no knowledge-base entry places the state of the office phrase right before
    the name, closed by a nationality adjective: «وزير الاقتصاد الألماني سيغمار غابريال» acts for
    Germany, as «وزير الخارجية الألماني» (a title the knowledge base lists) already says.  ``posts``:
    folded post words (وزير، نائب، سفير, the quotes lexicon's titles)."""
    starts = [t.start for t in doc.tokens]
    for m in mentions:
        if m.type != "PER" or m.kb_id is not None or m.country is not None:
            continue
        k = bisect.bisect_left(starts, m.span.start)
        m.country = _office_before(doc, kb, k, posts) or _office_after(doc, kb, bisect.bisect_left(starts, m.span.end),
                                                                        posts)


def _is_post(doc: Document, j: int, posts: frozenset[str]) -> bool:
    word, key = word_at(doc, j), doc.tokens[j].key
    return not posts.isdisjoint((word, key, word.removeprefix("ال"), key.removeprefix("ال")))


def _office_before(doc: Document, kb: KnowledgeBase, k: int, posts: frozenset[str]) -> str | None:
    """The state of an office phrase closed by a nationality right before token ``k``."""
    if k < 2 or doc.tokens[k - 1].kind != "word":
        return None
    iso3 = _state(kb, word_at(doc, k - 1))
    if iso3 is None:
        return None
    for j in range(k - 2, max(-1, k - 3 - OFFICE_REACH), -1):
        if not word_at(doc, j):
            return None  # punctuation or a number ends the office phrase
        if _is_post(doc, j, posts):
            return iso3
    return None


def _office_after(doc: Document, kb: KnowledgeBase, j: int, posts: frozenset[str]) -> str | None:
    """The state of a definite office phrase apposed right after a name that ends before token
    ``j``, closed by a nationality: «أكد عمر أبو العيش السفير المصري لدى الجزائر», «محمد جواد
    ظريف، وزير الخارجية الإيراني،»."""
    if j < len(doc.tokens) and doc.text[doc.tokens[j].start:doc.tokens[j].end] in ("،", ","):
        j += 1
    if j >= len(doc.tokens) or not word_at(doc, j).startswith("ال") or not _is_post(doc, j, posts):
        return None
    for x in range(j + 1, min(len(doc.tokens), j + 1 + OFFICE_REACH)):
        word = word_at(doc, x)
        if not word:
            return None
        iso3 = _state(kb, word)
        if iso3 is not None:
            return iso3
    return None
