"""Find knowledge-base names, demonyms and titles in a document's tokens (the "find" half).

Names are matched on folded words, longest first, left to right.  The first word of a name may
carry proclitics (وبالكرملين, وروسيا, للولايات): the mention span then starts after them, so its
text is the name itself, except after لل where the article's alef is not written.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from marsad.core.document import Document, Span, Token
from marsad.stages.entities.kb import KnowledgeBase, Name, NameKey
from marsad.text.keys import BEFORE_ELIDED_ARTICLE, PARTICLE_PROCLITICS, fold, frequency

#: A proclitic is only stripped when this much of the word remains (و + ي is not a name).
MIN_REST = 2


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A knowledge-base name found at ``span`` (tokens ``first``..``last``) with its candidates."""

    span: Span
    first: int
    last: int
    key: NameKey
    names: tuple[Name, ...]


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """A title of office and whose it is: a state (ISO3) or a body (kb id) on tokens first..last."""

    span: Span
    first: int
    last: int
    role: str
    of: str
    kind: str  # "adjective", "construct" or "body"


@lru_cache(maxsize=1)
def proclitics() -> tuple[tuple[str, str], ...]:
    """(proclitic, replacement) pairs, longest first, from the one clitic inventory.

    و ف ب ل ك and their pairs are cut off; a sequence ending in لل is read as ال (للولايات is
    الولايات).  A name's mention span starts after the proclitic, except after لل, where the
    article's alef is not written and the span keeps the whole word.
    """
    pairs = [(fold(p), "") for p in PARTICLE_PROCLITICS]
    pairs += [(fold(p + "ل"), "ال") for p in BEFORE_ELIDED_ARTICLE]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@lru_cache(maxsize=65_536)
def first_word_keys(word: str) -> tuple[tuple[str, int], ...]:
    """Keys the first word of a name may have here, with where the name starts in the word."""
    folded = fold(word)
    keys = [(folded, 0)]
    whole = frequency(word)
    for prefix, replacement in proclitics():
        if folded.startswith(prefix) and len(folded) - len(prefix) >= MIN_REST:
            rest = replacement + folded[len(prefix):]
            # A word likelier whole than split is not a clitic + name: كلامي is not ك + لامي,
            # بابا is not ب + ابا, كابل is not ك + ابل.
            if whole > 0 and whole >= frequency(replacement + word[_raw_offset(word, len(prefix)):]):
                continue
            # The span starts where the replacement's letters are written: after و in وبالكرملين,
            # at the start of للولايات (ل + ال with the alef unwritten: no article to start at).
            offset = _raw_offset(word, max(len(prefix) - len(replacement), 0))
            keys.append((rest, offset))
    return tuple(keys)


def _raw_offset(word: str, folded_len: int) -> int:
    """Index in ``word`` after ``folded_len`` folded letters (diacritics fold to nothing)."""
    seen = 0
    for i, ch in enumerate(word):
        if seen == folded_len:
            return i
        seen += len(fold(ch))
    return len(word)


_LAST_KEYS: tuple[list[Token], list[str]] | None = None


def surface_keys(doc: Document) -> list[str]:
    """``fold`` of every token's text.  Seven matchers of the entities stage read them; the last
    document's list is kept, keyed by its token list itself (held here, so its identity cannot be
    taken by another list): folding every token seven times was a tenth of the stage."""
    global _LAST_KEYS
    last = _LAST_KEYS
    if last is not None and last[0] is doc.tokens and len(last[1]) == len(doc.tokens):
        return last[1]
    keys = [fold(doc.text[t.start:t.end]) for t in doc.tokens]
    _LAST_KEYS = (doc.tokens, keys)
    return keys


def word_at(doc: Document, k: int) -> str:
    """The folded word at token ``k``; empty past the text or for no word."""
    if not 0 <= k < len(doc.tokens) or doc.tokens[k].kind != "word":
        return ""
    return fold(doc.text[doc.tokens[k].start:doc.tokens[k].end])


def _is_wordlike(token: Token) -> bool:
    return token.kind in ("word", "latin", "number")


def _span_fits(doc: Document, tokens: list[Token], first: int, last: int) -> bool:
    """Tokens first..last are adjacent words in one sentence (names do not cross punctuation)."""
    if not all(_is_wordlike(tokens[i]) for i in range(first, last + 1)):
        return False
    return doc.sentence_of(tokens[first].start) == doc.sentence_of(tokens[last].start)


_LONGEST: dict[int, dict[str, int]] = {}


def _longest_in(table: dict[NameKey, str]) -> dict[str, int]:
    """Longest key per first word of a title table (tables live as long as the cached KB)."""
    found = _LONGEST.get(id(table))
    if found is None:
        found = {}
        for key in table:
            found[key[0]] = max(found.get(key[0], 0), len(key))
        _LONGEST[id(table)] = found
    return found


def longest_at(doc: Document, kb: KnowledgeBase, table: dict[NameKey, str] | None,
               keys: list[str], i: int) -> tuple[int, int, NameKey] | None:
    """Longest name starting at token ``i``: (last token, offset in the first word, key).

    With ``table`` given, names are looked up there instead of in the knowledge base.
    """
    tokens = doc.tokens
    if not _is_wordlike(tokens[i]):
        return None
    word = doc.text[tokens[i].start:tokens[i].end]
    lengths = kb.longest if table is None else _longest_in(table)
    for first_key, offset in first_word_keys(word):
        longest = lengths.get(first_key, 0)
        for n in range(min(longest, len(tokens) - i), 0, -1):
            key = (first_key, *keys[i + 1:i + n])
            found = (key in table) if table is not None else bool(kb.lookup(key))
            if found and _span_fits(doc, tokens, i, i + n - 1):
                return i + n - 1, offset, key
    return None


def table_matches(doc: Document, kb: KnowledgeBase, table: dict[NameKey, str]
                  ) -> Iterator[tuple[int, int, int, NameKey]]:
    """Each longest name of ``table`` in ``doc``, left to right and not overlapping: (first token,
    last token, offset in the first word, key)."""
    keys = surface_keys(doc)
    firsts = _longest_in(table)
    i = 0
    while i < len(doc.tokens):
        token = doc.tokens[i]
        # Most words start no name of the table: a cheap look before the full match.
        if not any(k in firsts for k, _ in first_word_keys(doc.text[token.start:token.end])):
            i += 1
            continue
        hit = longest_at(doc, kb, table, keys, i)
        if hit is None:
            i += 1
            continue
        yield i, *hit
        i = hit[0] + 1


def find_names(doc: Document, kb: KnowledgeBase, titles: frozenset[str] = frozenset()) -> list[NameMatch]:
    """Knowledge-base names in ``doc``, longest first, not overlapping.

    A name starting with a title word (``titles``: token keys of الأمير، الشيخ...) gives way to a
    longer one starting after the title: «الأمير فيصل بن خالد | بن عبدالعزيز» is read as
    الأمير + «فيصل بن خالد بن عبدالعزيز».
    """
    keys = surface_keys(doc)
    out: list[NameMatch] = []
    i = 0
    while i < len(doc.tokens):
        hit = longest_at(doc, kb, None, keys, i)
        if hit is None:
            i += 1
            continue
        if doc.tokens[i].key in titles and i + 1 < len(doc.tokens):
            after = longest_at(doc, kb, None, keys, i + 1)
            if after is not None and after[0] > hit[0]:
                i += 1
                continue
        last, offset, key = hit
        span = Span(doc.tokens[i].start + offset, doc.tokens[last].end)
        out.append(NameMatch(span, i, last, key, tuple(kb.lookup(key))))
        i = last + 1
    return out


def find_titles(doc: Document, kb: KnowledgeBase, names: list[NameMatch]) -> list[TitleMatch]:
    """Titles of office: الرئيس الروسي, رئيس وزراء إسرائيل, المتحدث باسم الكرملين."""
    keys = surface_keys(doc)
    name_at = {m.first: m for m in names}
    out: list[TitleMatch] = []
    i = 0
    while i < len(doc.tokens):
        found = _title_at(doc, kb, keys, name_at, i)
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found.last + 1
    return out


def _title_at(doc: Document, kb: KnowledgeBase, keys: list[str], name_at: dict[int, NameMatch],
              i: int) -> TitleMatch | None:
    start = doc.tokens[i]
    for table, kind in ((kb.title_adjective, "adjective"), (kb.title_construct, "construct"),
                        (kb.body_titles, "body")):
        hit = longest_at(doc, kb, table, keys, i)
        if hit is None:
            continue
        last, offset, key = hit
        role = table[key]
        nxt = last + 1
        if nxt >= len(doc.tokens):
            continue
        if kind == "adjective":
            adj = longest_at(doc, kb, kb.demonyms, keys, nxt)
            if adj is not None and adj[1] == 0:
                end = doc.tokens[adj[0]].end
                return TitleMatch(Span(start.start + offset, end), i, adj[0], role,
                                  kb.demonyms[adj[2]], kind)
            continue
        following = name_at.get(nxt)
        if following is None:
            continue
        of = _owner(kb, following, kind)
        if of is not None:
            return TitleMatch(Span(start.start + offset, following.span.end), i, following.last,
                              role, of, kind)
    return None


def _owner(kb: KnowledgeBase, name: NameMatch, kind: str) -> str | None:
    """The state (construct titles) or body (body titles) a following name stands for."""
    for n in name.names:
        entry = kb.entries[n.kb_id]
        if n.short or entry.kind == "person":
            continue
        if kind == "construct" and entry.kind == "country":
            return entry.kb_id
        if kind == "body" and entry.kind != "place":
            return entry.kb_id
    return None
