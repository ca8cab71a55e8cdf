"""Organisations the knowledge base lacks: where their names end, whether a phrase is a name at
all, and an English name composed from the class noun before the name.

News names many organisations by a class noun and a name (جامعة الملك خالد، بنك مصر المركزي،
الجمعية السعودية للثقافة والفنون).  The tagger may stop at a title inside the name (جامعة الملك |
خالد) or before a coordinated noun (للثقافة | والفنون), and it may take a described kind of
organisation (منظمة إرهابية "a terrorist organisation") for a name.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.core.document import Document, Span
from marsad.stages.entities.kb import KnowledgeBase, head_patterns, name_key, read_table, unlinked_place
from marsad.stages.entities.match import first_word_keys
from marsad.stages.entities.romanise import name_tokens, romanise
from marsad.text.keys import fold, frequency

#: Least wordfreq frequency (Zipf 4.0) of the words after a class noun for an indefinite phrase
#: to read as a description (منظمة إرهابية), not a name: names are rarer words.
DESCRIPTION_MIN_FREQ = 1e-5


@lru_cache(maxsize=1)
def name_titles() -> dict[str, str]:
    """Folded title inside a name (الملك، الأمير) → its English form."""
    return {fold(r["word"]): r["english"] for r in read_table("name_titles.tsv")}


@lru_cache(maxsize=1)
def _lineage() -> frozenset[str]:
    return frozenset(fold(r["particle"]) for r in read_table("name_particles.tsv") if r["lineage"] == "yes")


def _head(word: str) -> dict[str, str] | None:
    heads = head_patterns("org_heads.tsv")
    return next((heads[key] for key, _ in first_word_keys(word) if key in heads), None)


def _known_english(kb: KnowledgeBase, text: str) -> str | None:
    """The knowledge base's English name of a name (a state, place or person), if it has one."""
    key = name_key(text)
    entries = [kb.entries[n.kb_id] for n in kb.lookup(key) if not n.short and not n.context]
    if entries:
        return entries[0].name_en
    ids = kb.tagged_places.get(key, [])
    if ids:
        return kb.entries[ids[0]].name_en
    place = unlinked_place(key)
    return place[0] if place else None


def _name_english(kb: KnowledgeBase, words: list[str]) -> str | None:
    """English for the name after a class noun: a known name's, or a personal or place name's
    romanisation with its title in English (الملك خالد → King Khalid); None for other words."""
    title = name_titles().get(fold(words[0])) if words else None
    rest = words[1:] if title else words
    if not rest:
        return None
    text = " ".join(rest)
    known = _known_english(kb, text)
    if known is not None:
        return f"{title} {known}" if title else known
    table = name_tokens()
    if all(fold(w) in table or fold(w) in _lineage() for w in rest) and (title or len(rest) > 1):
        latin = romanise(text)
        return f"{title} {latin}" if title and latin else latin
    return None


def composed_name(doc: Document, kb: KnowledgeBase, span: Span) -> str | None:
    """An English name for an organisation named by a class noun and a name (جامعة تبوك →
    Tabuk University, بنك مصر المركزي → Central Bank of Egypt), or None."""
    words = doc.span_text(span).split()
    patterns = _head(words[0]) if len(words) > 1 else None
    if patterns is None:
        return None
    closing = fold(words[-1])
    if closing in patterns and len(words) > 2:
        pattern, rest = patterns[closing], words[1:-1]
    elif "-" in patterns:
        pattern, rest = patterns["-"], words[1:]
    else:
        return None
    english = _name_english(kb, rest)
    return pattern.format(english) if english else None


def named_after_person(doc: Document, org: Span, person: Span) -> bool:
    """Is ``person`` the name an organisation is named after, a class noun and a title before it
    (جامعة الملك سعود، مستشفى الأمير سلطان بن عبدالعزيز)?"""
    before = doc.text[org.start:person.start].split()
    return len(before) == 2 and _head(before[0]) is not None and fold(before[1]) in name_titles()


def is_description(doc: Document, span: Span) -> bool:
    """An indefinite class noun with common adjectives (منظمة إرهابية، جماعة مسلحة) describes an
    organisation; it does not name one."""
    words = doc.span_text(span).split()
    if len(words) < 2 or _head(words[0]) is None:
        return False
    if any(fold(w).startswith("ال") for w in words):
        return False
    return all(frequency(w) >= DESCRIPTION_MIN_FREQ for w in words[1:])


def extend_name(doc: Document, span: Span) -> Span:
    """An organisation's span cut at a title (جامعة الملك | خالد) takes the name after it, and
    one cut before a coordinated noun (للثقافة | والفنون) takes that noun."""
    ends = {t.end: i for i, t in enumerate(doc.tokens)}
    last = ends.get(span.end)
    if last is None:
        return span
    sentence = doc.sentence_of(span.start)
    tokens = doc.tokens

    def word_at(i: int) -> str | None:
        if i >= len(tokens) or tokens[i].kind != "word" or doc.sentence_of(tokens[i].start) != sentence:
            return None
        return fold(doc.text[tokens[i].start:tokens[i].end])

    current = word_at(last)
    if current in name_titles() and word_at(last + 1) is not None:
        last += 1
        while word_at(last + 1) in _lineage() and word_at(last + 2) is not None:
            last += 2
    while True:
        current, following = word_at(last), word_at(last + 1)
        if current is None or following is None:
            break
        if not (current.startswith("لل") and following.startswith("وال") and len(following) > 4):
            break
        last += 1
    return Span(span.start, tokens[last].end)
