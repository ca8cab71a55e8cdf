"""The name inside a mention: descriptor words, epithets and nationality adjectives left out.

News writes names with words around them that say what kind of thing the name is (قطاع غزة،
صحيفة هآرتس), praise it (مكة المكرمة) or give its nationality (حزب الله اللبناني).  The mention is
the name itself, as ANERcorp and OntoNotes mark it; the entity is still what the whole phrase
names.  Institutions described by a common noun and a nationality adjective (الجيش اللبناني،
الحكومة السودانية) are not names at all: their adjective is a mention of the nationality (NORP),
acting for its state, so events and quotes still know whose army or government acts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.core.document import Document, Span
from marsad.core.errors import DataError
from marsad.stages.entities.kb import KnowledgeBase, NameKey, name_key, people_id, read_table
from marsad.stages.entities.match import first_word_keys
from marsad.text.keys import fold

_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Descriptors:
    """Folded descriptor words by position, and which of them are left out of tagger spans too."""

    before: frozenset[str]
    after: frozenset[str]
    always: frozenset[str]


@lru_cache(maxsize=1)
def descriptors() -> Descriptors:
    """The words of ``data/kb/descriptors.tsv``, folded."""
    rows = read_table("descriptors.tsv")
    for row in rows:
        if row["position"] not in ("before", "after") or row["when"] not in ("always", "alias"):
            raise DataError(f"data file marsad/data/kb/descriptors.tsv: unknown position or when in {row}")
    return Descriptors(frozenset(fold(r["word"]) for r in rows if r["position"] == "before"),
                       frozenset(fold(r["word"]) for r in rows if r["position"] == "after"),
                       frozenset(fold(r["word"]) for r in rows if r["when"] == "always"))


def _words(doc: Document, span: Span) -> list[Span]:
    return [Span(span.start + w.start(), span.start + w.end())
            for w in _WORD.finditer(doc.text[span.start:span.end])]


def _known(kb: KnowledgeBase, key: NameKey, kb_id: str | None) -> bool:
    """Is ``key`` a name of ``kb_id`` (or of any entry, when ``kb_id`` is None)?"""
    names = kb.lookup(key)
    if kb_id is None:
        return bool(names)
    wanted = {kb_id, kb.aliases.get(kb_id, kb_id)}
    return any(n.kb_id in wanted for n in names)


def _adjective_length(kb: KnowledgeBase, key: NameKey) -> int:
    """How many last words of ``key`` are a nationality adjective (الكوري الشمالي: 2), or 0."""
    for n in (2, 1):
        if len(key) > n and key[-n:] in kb.demonyms:
            return n
    return 0


def _modifying_adjective(kb: KnowledgeBase, key: NameKey, kb_id: str) -> int:
    """Length of a nationality adjective that modifies an organisation's name rather than being
    part of it: حزب الله اللبناني (Hezbollah's name is حزب الله), not منظمة التحرير الفلسطينية nor
    الولايات المتحدة الأمريكية.  The knowledge base's display name tells which."""
    entry = kb.entries[kb_id]
    n = _adjective_length(kb, key)
    if not n or entry.type != "ORG" or name_key(entry.name_ar)[-n:] == key[-n:]:
        return 0
    return n


def name_core(doc: Document, kb: KnowledgeBase, span: Span, key: NameKey, kb_id: str) -> Span:
    """The name inside a knowledge-base match of ``kb_id`` (``key``: its folded words, proclitics
    removed) without a descriptor before it (``always`` words, or the others when the rest is a
    name of the same entry), nor an epithet or modifying nationality adjective after it (when the
    rest is a known name: any for ``always`` epithets, the same entry's for the others)."""
    words = _words(doc, span)
    if len(words) != len(key):
        return span
    found = descriptors()
    while len(key) > 1:
        head, tail = key[0], key[-1]
        if head in found.before and (head in found.always or _known(kb, key[1:], kb_id)):
            words, key = words[1:], key[1:]
            continue
        cut = 1 if tail in found.after else _modifying_adjective(kb, key, kb_id)
        if cut and _known(kb, key[:-cut], None if tail in found.always else kb_id):
            words, key = words[:-cut], key[:-cut]
            continue
        break
    return Span(words[0].start, words[-1].end)


def tagged_core(doc: Document, span: Span) -> Span:
    """A tagger span without an ``always`` descriptor before or epithet after it (صحيفة هآرتس)."""
    words = _words(doc, span)
    found = descriptors()
    while len(words) > 1:
        heads = {key for key, _ in first_word_keys(doc.span_text(words[0]))}
        tail = fold(doc.span_text(words[-1]))
        if heads & found.before & found.always:
            words = words[1:]
        elif tail in found.after and tail in found.always:
            words = words[:-1]
        else:
            break
    return Span(words[0].start, words[-1].end) if words else span


def description_adjective(doc: Document, kb: KnowledgeBase, span: Span, key: NameKey
                          ) -> tuple[Span, str] | None:
    """For a described institution (الجيش اللبناني، القوات المسلحة السودانية): the span of its
    nationality adjective and the knowledge-base id of that nationality; None for a name."""
    words = _words(doc, span)
    n = _adjective_length(kb, key)
    if not n or len(words) != len(key) or key[:-n] not in kb.description_heads:
        return None
    people = people_id(kb.demonyms[key[-n:]])
    return (Span(words[-n].start, words[-1].end), people) if people in kb.entries else None
