"""Titles and honorific pronouns that point back to a person the article names.

Arabic news names an official once and then calls them by title («وزير الخارجية»، «الوزير»،
«معالي وزير الخارجية») or by an honorific pronoun («معاليه»، «سموه»، «فخامته»).  Each such
mention is added to that person's entity, so quotes and events that look up the entity at the
speaker's span get the person.  A bare title points to, in order: the person the article named
right after the same title; a person of the knowledge base the article names who holds the role
on the publication date; the one holder of the role on that date in the one state the article
names (with several states, a bare title is left alone).
A pronoun points to a person of the knowledge base named before it whose office fits its
honorific (see ``_antecedent``).  Bare titles, like titles, are resolved only in dated articles.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from marsad.core.document import Document, Span
from marsad.stages.entities.kb import KnowledgeBase, NameKey, name_key, read_table
from marsad.stages.entities.link import Mention
from marsad.stages.entities.match import first_word_keys, longest_at
from marsad.text.keys import fold

#: Role that stands for every role of its kind (الوزير: any minister).
ANY_MINISTER = "minister"
#: How far back (characters) a pronoun looks for its person: about a paragraph.
PRONOUN_REACH = 1500


@dataclass(frozen=True, slots=True)
class Honorific:
    """An honorific pronoun and the roles of the persons it is used for (empty: anyone)."""

    form: str
    roles: frozenset[str]


@lru_cache(maxsize=1)
def honorifics() -> dict[str, Honorific]:
    """``data/kb/honorifics.tsv`` by folded form."""
    out = {}
    for row in read_table("honorifics.tsv"):
        roles = frozenset(r for r in row["roles"].split("|") if r)
        out[fold(row["form"])] = Honorific(row["form"], roles)
    return out


@lru_cache(maxsize=1)
def bare_titles() -> dict[NameKey, str]:
    """Titles used without a nationality (الوزير، وزير الخارجية، ولي العهد) → role."""
    return {name_key(r["form"]): r["role"] for r in read_table("bare_titles.tsv")}


def _fits(kb: KnowledgeBase, person: str | None, roles: frozenset[str], day: dt.date | None) -> bool:
    """Does ``person`` hold (on ``day``, or ever when no date is known) one of ``roles``?"""
    if person is None:
        return False
    for office in kb.offices:
        if office.person != person or (day is not None and not office.holds(day)):
            continue
        if office.role in roles or (ANY_MINISTER in roles and office.role.endswith("_minister")):
            return True
    return False


def _main_state(mentions: list[Mention]) -> str | None:
    """The one state the article's mentions belong to, if they belong to only one."""
    states = {m.country for m in mentions if m.country}
    return states.pop() if len(states) == 1 else None


def _holder(kb: KnowledgeBase, role: str, state: str | None, day: dt.date | None) -> str | None:
    if state is None or day is None:
        return None
    roles = [role] if role != ANY_MINISTER else []
    holders = {p for r in roles for p in kb.holders(r, state, day)}
    return holders.pop() if len(holders) == 1 else None


def _word(doc: Document, i: int) -> str:
    token = doc.tokens[i]
    return doc.text[token.start:token.end]


def find_references(doc: Document, kb: KnowledgeBase, mentions: list[Mention]) -> list[Mention]:
    """Mentions for bare titles and honorific pronouns, each pointing at a person's mention."""
    persons = sorted((m for m in mentions if m.type == "PER"), key=lambda m: m.span.start)
    taken = [m.span for m in mentions]
    keys = [fold(_word(doc, i)) for i in range(len(doc.tokens))]
    table = bare_titles()
    state = _main_state(mentions)
    named_after: dict[str, Mention] = {}
    out: list[Mention] = []
    i = 0
    while i < len(doc.tokens):
        # A bare title, like a title with a nationality (link.Resolver.resolve_title), is only
        # resolved in a dated article: the date says who held the office.
        hit = longest_at(doc, kb, table, keys, i) if doc.published is not None else None
        if hit is not None:
            last, offset, key = hit
            role = table[key]
            span = Span(doc.tokens[i].start + offset, doc.tokens[last].end)
            nxt = last + 1
            demonym = longest_at(doc, kb, kb.demonyms, keys, nxt) if nxt < len(doc.tokens) else None
            if demonym is not None:
                nxt = demonym[0] + 1  # وزير الخارجية الإيراني محمد جواد ظريف
            following = _person_at(persons, doc, nxt)
            if following is not None:
                named_after[role] = following
                if role.endswith("_minister"):
                    named_after[ANY_MINISTER] = following
            elif demonym is None and not any(span.overlaps(t) for t in taken):
                target = _title_target(kb, doc, role, named_after, persons, span, state)
                if target is not None:
                    out.append(target)
            i = last + 1
            continue
        pronoun = _pronoun(doc, i)
        if pronoun is not None:
            span, honorific = pronoun
            antecedent = _antecedent(kb, doc, persons, span, honorific.roles)
            if antecedent is not None:
                out.append(Mention(span, "PER", antecedent.kb_id, antecedent.country, "coref",
                                   antecedent=antecedent))
        i += 1
    return out


def _person_at(persons: list[Mention], doc: Document, index: int) -> Mention | None:
    if index >= len(doc.tokens):
        return None
    start, end = doc.tokens[index].start, doc.tokens[index].end
    return next((p for p in persons if start <= p.span.start < end), None)


def _title_target(kb: KnowledgeBase, doc: Document, role: str, named_after: dict[str, Mention],
                  persons: list[Mention], span: Span, state: str | None) -> Mention | None:
    earlier = named_after.get(role)
    if earlier is not None:
        return Mention(span, "PER", earlier.kb_id, earlier.country, "coref", antecedent=earlier)
    roles = frozenset({role})
    fitting = {p.kb_id: p for p in persons if p.span.start < span.start and _fits(kb, p.kb_id, roles, doc.published)}
    if len(fitting) == 1:
        person = next(iter(fitting.values()))
        return Mention(span, "PER", person.kb_id, person.country, "coref", antecedent=person)
    # With several states in the article, whose minister a bare title means is a guess: none.
    holder = _holder(kb, role, state, doc.published)
    if holder is not None:
        return Mention(span, "PER", holder, kb.entries[holder].country, "title")
    return None


def _pronoun(doc: Document, i: int) -> tuple[Span, Honorific] | None:
    """An honorific pronoun at token ``i``, possibly after a conjunction or preposition (ومعاليه)."""
    word = _word(doc, i)
    for key, offset in first_word_keys(word):
        found = honorifics().get(key)
        if found is not None:
            token = doc.tokens[i]
            return Span(token.start + offset, token.end), found
    return None


def _antecedent(kb: KnowledgeBase, doc: Document, persons: list[Mention], span: Span,
                roles: frozenset[str]) -> Mention | None:
    """The person a pronoun stands for: in the nearest sentence before it (or its own) that names
    a person, the first one whose office fits, else the first one (Arabic news names the subject
    first: «استقبل الوزير فلان نظيره فلان. وأكد معاليه» is the host)."""
    # Only persons the knowledge base knows: an honorific is given to officials and royals, and
    # an unknown name before it is as likely the wrong antecedent as the right one.
    before = [p for p in persons if p.span.end <= span.start and span.start - p.span.end <= PRONOUN_REACH
              and p.source != "coref" and p.kb_id is not None]
    if not before:
        return None
    sentence = doc.sentence_of(before[-1].span.start)
    nearest = [p for p in before if doc.sentence_of(p.span.start) == sentence]
    if roles:
        fitting = [p for p in nearest if _fits(kb, p.kb_id, roles, doc.published)]
        if fitting:
            return fitting[0]
    return nearest[0]
