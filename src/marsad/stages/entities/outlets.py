"""Names found by the class noun before them: news outlets after صحيفة/وكالة/قناة/موقع or
quoted after ل, small places after محافظة/مدينة/قرية, and facilities (مطار عدن).

Arab newspapers are named after cities, regions and common words (الرياض، الشرق الأوسط، الحياة):
where the context says outlet («أكد لـ"الرياض"»، «صحيفة الشرق الأوسط»), the name is the outlet,
linked when the knowledge base lists it (``outlets.tsv``), else an unlinked organisation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.core.document import Document, Span
from marsad.stages.entities.kb import KnowledgeBase, any_place, head_patterns, name_key, read_table
from marsad.stages.entities.link import Mention
from marsad.stages.entities.match import first_word_keys, longest_at, surface_keys, table_matches
from marsad.stages.entities.romanise import romanise
from marsad.text.keys import fold, frequency

#: Quotation marks that may enclose an outlet's name.
QUOTES = frozenset('«»"“”„\'‘’')
#: Longest quoted name taken as an outlet the knowledge base does not know, in words.
MAX_QUOTED_WORDS = 4


#: Fewest letters of a paper's unquoted one-word name (صباح).
MIN_PAPER_NAME = 3


@lru_cache(maxsize=1)
def paper_heads() -> frozenset[str]:
    """Folded press heads whose unquoted next word is a paper's name (``paper`` in outlet_cues.tsv)."""
    return frozenset(fold(r["word"]) for r in read_table("outlet_cues.tsv") if r["kind"] == "paper")


@lru_cache(maxsize=1)
def not_paper_names() -> frozenset[str]:
    """Folded words that follow a press head without naming a paper (``not_name`` in outlet_cues.tsv)."""
    return frozenset(fold(r["word"]) for r in read_table("outlet_cues.tsv") if r["kind"] == "not_name")


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """Folded cue words by kind (``head``, ``preposition``)."""
    rows = read_table("outlet_cues.tsv")
    return {kind: frozenset(fold(r["word"]) for r in rows if r["kind"] == kind)
            for kind in ("head", "preposition")}


def _is_quote(doc: Document, i: int) -> bool:
    if i >= len(doc.tokens):
        return False
    token = doc.tokens[i]
    return doc.text[token.start:token.end] in QUOTES


def _cue_at(doc: Document, i: int) -> str | None:
    word = doc.text[doc.tokens[i].start:doc.tokens[i].end]
    found = cues()
    if surface_keys(doc)[i] in found["preposition"]:
        return "preposition"
    if any(key in found["head"] for key, _ in first_word_keys(word)):
        return "head"
    return None


def _closing_quote(doc: Document, start: int) -> int | None:
    for j in range(start, min(start + MAX_QUOTED_WORDS + 1, len(doc.tokens))):
        if _is_quote(doc, j):
            return j
        if doc.tokens[j].kind != "word":
            return None
    return None


def find_outlets(doc: Document, kb: KnowledgeBase) -> list[Mention]:
    """Outlet mentions the context marks, linked where the knowledge base knows the name."""
    keys = surface_keys(doc)
    out: list[Mention] = []
    i = 0
    while i < len(doc.tokens) - 1:
        glued = _glued_outlet(doc, kb, keys, i)
        if glued is not None:
            out.append(glued)
            i += 3
            continue
        cue = _cue_at(doc, i)
        if cue is None:
            i += 1
            continue
        quoted = _is_quote(doc, i + 1)
        first = i + 2 if quoted else i + 1
        if (cue == "preposition" and not quoted) or first >= len(doc.tokens):
            i += 1
            continue
        close = _closing_quote(doc, first) if quoted else None
        hit = longest_at(doc, kb, kb.outlet_forms, keys, first)
        if hit is not None and hit[1] == 0 and (not quoted or hit[0] + 1 == close):
            last = hit[0]
            outlet = kb.entries[kb.outlet_forms[hit[2]]]
            out.append(Mention(Span(doc.tokens[first].start, doc.tokens[last].end), "ORG", outlet.kb_id,
                               outlet.country, "outlet"))
            i = last + 1
            continue
        bare = _bare_paper_name(doc, kb, i) if cue == "head" and not quoted else None
        if bare is not None:
            # «وكتبت صحيفة صباح الموالية للحكومة»: a paper's one-word name after an indefinite
            # صحيفة/جريدة/مجلة, not quoted and not known: an outlet all the same.
            out.append(Mention(doc.tokens[bare].span, "ORG", None, None, "outlet"))
            i = bare + 1
            continue
        if cue == "head" and quoted and close is not None and close > first:
            # A quoted name after صحيفة/قناة that the knowledge base lacks as an outlet: an outlet
            # all the same, or the platform it lists by that name (موقع «تويتر»).
            span = Span(doc.tokens[first].start, doc.tokens[close - 1].end)
            known = _known_organisation(doc, kb, span)
            out.append(Mention(span, "ORG", known, kb.entries[known].country if known else None, "outlet"))
            i = close + 1
            continue
        i += 1
    return out


def _bare_paper_name(doc: Document, kb: KnowledgeBase, i: int) -> int | None:
    """The token after the press head at ``i`` that names a paper the knowledge base lacks,
    unquoted («صحيفة صباح الموالية», «جريدة حرييت،»): the head is a paper noun without the article
    (so the next word is its name, in construct), that word is a plain word (not definite, not a
    nisba adjective such as محلية, not a listed common noun such as أسبوعية), and what follows it
    is punctuation or a definite word (an adjective of the paper); else None."""
    k = i + 1
    head = fold(doc.text[doc.tokens[i].start:doc.tokens[i].end]).lstrip("وف")
    if head not in paper_heads() or k >= len(doc.tokens) or doc.tokens[k].kind != "word":
        return None
    raw = doc.text[doc.tokens[k].start:doc.tokens[k].end]
    word, key = fold(raw), name_key(raw)
    if (word.startswith("ال") or word.endswith(("ي", "يه", "يين", "يون")) or len(word) < MIN_PAPER_NAME
            or word in not_paper_names() or kb.lookup(key) or key in any_place(kb)):
        return None  # (a name the knowledge base knows is read as that name)
    after = doc.tokens[k + 1] if k + 1 < len(doc.tokens) else None
    if after is not None and after.kind == "word" and not fold(doc.text[after.start:after.end]).startswith("ال"):
        return None  # a name of several words («جريدة عرب نيوز», «صحيفة فاينانشيال تايمز»), or no name
    return k


def _known_organisation(doc: Document, kb: KnowledgeBase, span: Span) -> str | None:
    """The knowledge base's organisation of this full name (a web platform, a company), if one."""
    ids = {n.kb_id for n in kb.lookup(name_key(doc.span_text(span)))
           if not n.short and not n.context and kb.entries[n.kb_id].type == "ORG"}
    return ids.pop() if len(ids) == 1 else None


def _glued_outlet(doc: Document, kb: KnowledgeBase, keys: list[str], i: int) -> Mention | None:
    """A known outlet quoted with the preposition glued inside the quotes («قال "للاقتصادية"»,
    «صرح "لعكاظ"»: said to the paper): one quoted word, ل + the outlet's name."""
    if not _is_quote(doc, i) or not _is_quote(doc, i + 2) or not keys[i + 1].startswith("ل"):
        return None
    hit = longest_at(doc, kb, kb.outlet_forms, keys, i + 1)
    if hit is None or hit[0] != i + 1 or hit[2][0] == keys[i + 1]:
        return None  # not one word, or no preposition taken off
    token = doc.tokens[i + 1]
    outlet = kb.entries[kb.outlet_forms[hit[2]]]
    return Mention(Span(token.start + hit[1], token.end), "ORG", outlet.kb_id, outlet.country, "outlet")


@lru_cache(maxsize=1)
def place_heads() -> frozenset[str]:
    return frozenset(fold(r["word"]) for r in read_table("place_heads.tsv"))


def find_headed_places(doc: Document, kb: KnowledgeBase, taken: list[Span]) -> list[Mention]:
    """Places named after a class noun (محافظة ذي قار، مدينة الهفوف) that no other mention covers:
    linked where the gazetteer has coordinates, else named only (``link.to_entity``)."""
    keys = surface_keys(doc)
    table = any_place(kb)
    heads = place_heads()
    out: list[Mention] = []
    for i in range(len(doc.tokens) - 1):
        word = doc.text[doc.tokens[i].start:doc.tokens[i].end]
        if not any(key in heads for key, _ in first_word_keys(word)):
            continue
        hit = longest_at(doc, kb, table, keys, i + 1)
        if hit is None or hit[1] != 0:
            continue
        span = Span(doc.tokens[i + 1].start, doc.tokens[hit[0]].end)
        if any(span.overlaps(t) for t in taken):
            continue
        kb_id = table[hit[2]] or None
        country = kb.entries[kb_id].country if kb_id else None
        out.append(Mention(span, "GPE", kb_id, country, "place"))
        taken.append(span)
    return out


def find_local_places(doc: Document, kb: KnowledgeBase, taken: list[Span], states: set[str]) -> list[Mention]:
    """Populous places of a state the article names (أبها in an article on Saudi Arabia), where
    no other mention covers them: the tagger misses rarer place names, and the state keeps a
    village elsewhere or a word out (``kb.local_places``: no common word, 50,000 people or more)."""
    if not states & kb.local_states:
        return []
    out: list[Mention] = []
    for i, last, offset, key in table_matches(doc, kb, kb.local_places):
        span = Span(doc.tokens[i].start + offset, doc.tokens[last].end)
        entry = kb.entries[kb.local_places[key]]
        if entry.country in states and not any(span.overlaps(t) for t in taken) \
                and not _reads_as_a_word(doc, kb, i, key):
            out.append(Mention(span, entry.type, entry.kb_id, entry.country, "place"))
            taken.append(span)
    return out


def _reads_as_a_word(doc: Document, kb: KnowledgeBase, i: int, key: tuple[str, ...]) -> bool:
    """A place name written as a word: with final ه where the name has ة (بريده "his mail", not
    بريدة), or definite right after a definite noun it then qualifies (الدخان الرمادي "grey smoke")."""
    token = doc.tokens[i]
    word = doc.text[token.start:token.end]
    if len(key) == 1 and word.endswith("ه") and 0 < frequency(word) < frequency(word[:-1] + "ة"):
        return True
    if i == 0 or fold(word) != key[0] or not key[0].startswith("ال") or doc.tokens[i - 1].kind != "word":
        return False  # a proclitic on the name (والطائف، بالطائف) is no adjective's
    before = doc.text[doc.tokens[i - 1].start:doc.tokens[i - 1].end]
    return any(k.startswith("ال") and not kb.lookup((k,)) for k, _ in first_word_keys(before))


@dataclass(frozen=True, slots=True)
class Facility:
    """A facility phrase (head, place, adjective) on tokens first..last, named ``name_en``."""

    span: Span
    place: Span
    name_en: str | None


def find_facilities(doc: Document, kb: KnowledgeBase, places: list[Mention]) -> list[Facility]:
    """A facility head right before a place mention (مطار عدن), or before a name no dictionary
    knows (قاعدة العند) when an adjective of the table closes it (الجوية)."""
    heads = head_patterns("facility_heads.tsv")
    starts = {m.span.start: m for m in places if m.type in ("GPE", "LOC")}
    out: list[Facility] = []
    for i in range(len(doc.tokens) - 1):
        token = doc.tokens[i]
        word = doc.text[token.start:token.end]
        found = [(key, offset) for key, offset in first_word_keys(word) if key in heads]
        if not found or doc.tokens[i + 1].kind != "word":
            continue
        key, offset = found[0]
        patterns = heads[key]
        name = doc.tokens[i + 1]
        place = starts.get(name.start)
        place_end = place.span.end if place else name.end
        last = next((j for j, t in enumerate(doc.tokens) if t.end == place_end), i + 1)
        adjective = fold(doc.text[doc.tokens[last + 1].start:doc.tokens[last + 1].end]) \
            if last + 1 < len(doc.tokens) else ""
        pattern = patterns.get(adjective)
        if pattern is not None:
            last += 1
        elif place is not None:
            pattern = patterns.get("-")
        if pattern is None:
            continue
        place_span = place.span if place else Span(name.start, name.end)
        english = (kb.entries[place.kb_id].name_en if place and place.kb_id else None) \
            or romanise(doc.span_text(place_span))
        out.append(Facility(Span(token.start + offset, doc.tokens[last].end), place_span,
                            pattern.format(english) if english else None))
    return out
