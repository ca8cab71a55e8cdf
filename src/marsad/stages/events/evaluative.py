"""Accusations made by condemning a party in a statement (PLOVER ACCUSE disapprove).

News reports many accusations without a verb of accusing: a speaker calls a law «عنصري», a
government's acts «العدوانية والإرهابية», a regime «قمعي».  A condemning word
(``data/events/evaluations.yaml``) inside a quote whose speaker the quotes stage named makes an
ACCUSE event: the speaker is its source; the first party named in that statement, other than the
speaker and the speaker's own state, is its target (a state, not a town: the scene of a crime is
not its culprit; a statement that names none condemns no one
in particular, and makes no event).  A sentence that already holds an ACCUSE
event found by the rules gets none (one event per type per sentence).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from marsad.core.document import Actor, Document, Event, Quote, Span
from marsad.stages.events.args import actor_ids
from marsad.stages.events.detect import word_keys
from marsad.stages.events.mentions import Mention, find_mentions, is_party
from marsad.text.keys import folded_words
from marsad.text.resources import load_yaml

WORDS = "events/evaluations.yaml"


@lru_cache(maxsize=1)
def condemning() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """Folded condemning words, and the phrases of two words or more (غير شرعي، التطهير العرقي)."""
    words = folded_words(load_yaml(WORDS), "words", WORDS)
    return (frozenset(w for w in words if " " not in w),
            tuple(sorted(tuple(w.split()) for w in words if " " in w)))


def _hits(doc: Document, quote: Quote) -> Iterator[int]:
    """Token indices of condemning words inside the quote's content."""
    single, phrases = condemning()
    toks = [k for k, t in enumerate(doc.tokens)
            if quote.content.start <= t.start and t.end <= quote.content.end and t.kind == "word"]
    for pos, k in enumerate(toks):
        if word_keys(doc, doc.tokens[k]) & single:
            yield k
            continue
        for phrase in phrases:
            window = toks[pos:pos + len(phrase)]
            # (word_keys holds the word as written, folded, besides its forms without clitics)
            if len(window) == len(phrase) and all(
                    w in word_keys(doc, doc.tokens[j]) for j, w in zip(window, phrase, strict=True)):
                yield k
                break


def _known(doc: Document, entity: int | None) -> bool:
    """Whether a party is a named person or one the knowledge base knows (a faith or a group that
    the recogniser merely guessed at is not condemned as a party)."""
    if entity is None:
        return False
    ent = doc.entities[entity]
    return ent.type == "PER" or ent.kb_id is not None or ent.country is not None


def _target(doc: Document, quote: Quote, speaker: Actor, mentions: list[Mention]) -> tuple[Actor, ...]:
    """The first party named in the statement that is not the speaker nor the speaker's state."""
    mine = actor_ids(doc, speaker)
    for m in mentions:
        if not (quote.content.start <= m.span.start and m.span.end <= quote.content.end):
            continue
        if not is_party(doc, m.entity) or not _known(doc, m.entity):
            continue
        actor = Actor(m.span, m.entity)
        if actor_ids(doc, actor) & mine:
            continue
        return (actor,)
    return ()


def evaluations(doc: Document, events: list[Event]) -> list[Event]:
    """ACCUSE events for condemning words in named speakers' statements, one per sentence at most,
    in sentences that hold no ACCUSE event yet."""
    taken = {ev.sentence for ev in events if ev.type == "ACCUSE"}
    out: list[Event] = []
    mentions: list[Mention] | None = None  # (read only once a statement condemns)
    for quote in doc.quotes:
        if quote.speaker.entity is None:
            continue
        for k in _hits(doc, quote):
            tok = doc.tokens[k]
            sentence = doc.sentence_of(tok.start)
            if sentence is None or sentence in taken:
                continue
            mentions = find_mentions(doc) if mentions is None else mentions
            target = _target(doc, quote, quote.speaker, mentions)
            if not target:
                continue
            taken.add(sentence)
            out.append(Event("ACCUSE", Span(tok.start, tok.end), sentence, "asserted", source=(quote.speaker,),
                             target=target, mode="disapprove", cameo="111"))
    return out
