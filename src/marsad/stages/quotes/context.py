"""What the quote rules read: the words of a document with their sentences and quotation marks.

A :class:`Context` is built once per document; a :class:`Draft` is a quotation while the rules
still cut and relabel it.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass, field

from marsad.core.document import Actor, Document, QuoteKind, Span
from marsad.stages.quotes.lexicon import Cues, cues
from marsad.stages.quotes.marks import pair_marks
from marsad.stages.quotes.phrases import Word, words_of
from marsad.stages.quotes.speakers import Discourse
from marsad.text.keys import fold

#: What is trimmed from the ends of a content span.
TRIM = " \t\n.!?؟،,؛;:-–—"


@dataclass
class Draft:
    """A quotation being built; ``region`` is where its attribution starts."""

    kind: QuoteKind
    content: Span
    speaker: Actor
    cue: Span | None
    via: Actor | None
    region: int
    sentence: int


@dataclass
class Context:
    doc: Document
    cues: Cues
    words: list[Word]
    pairs: list[tuple[int, int]]
    sent_of: list[int]  # sentence index of each word
    sent_first: list[int]  # first word index of each sentence
    sent_limit: list[int]  # word index just past each sentence
    discourse: Discourse = field(default_factory=Discourse)
    phrases: dict[Span, Span] = field(default_factory=dict)  # speaker span -> its whole phrase
    names: dict[int, int] = field(default_factory=dict)  # start -> end of each person mention
    name_ends: frozenset[int] = frozenset()  # end offsets of person mentions
    starts: list[int] = field(default_factory=list)  # start offset of each word, for bisection
    place_ends: frozenset[int] = frozenset()  # end offsets of place and body mentions
    mentions: tuple[Span, ...] = ()  # every entity mention
    speaker: Actor | None = None  # the speaker of the last quotation found so far

    @property
    def text(self) -> str:
        return self.doc.text


def build_context(doc: Document) -> Context:
    c = cues()
    words = words_of(doc, c)
    n_sent = len(doc.sentences)
    sent_of: list[int] = []
    first = [len(words)] * n_sent
    limit = [0] * n_sent
    s = 0
    for idx, w in enumerate(words):
        while s < n_sent - 1 and w.token.start >= doc.sentences[s].end:
            s += 1
        sent_of.append(s)
        first[s] = min(first[s], idx)
        limit[s] = idx + 1
    names = {m.start: m.end for e in doc.entities if e.type == "PER" for m in e.mentions}
    words = [_unglued(doc, w) if w.prep and w.conj_end in names else w for w in words]
    place_ends = frozenset(m.end for e in doc.entities if e.type != "PER" for m in e.mentions)
    return Context(doc, c, words, pair_marks(doc.text), sent_of, first, limit, names=names,
                   name_ends=frozenset(names.values()), place_ends=place_ends,
                   starts=[w.token.start for w in words],
                   mentions=tuple(m for e in doc.entities for m in e.mentions))


def _unglued(doc: Document, w: Word) -> Word:
    """A word read as a preposition and a stem that a person's name starts with instead («وقال
    بيدار»: the tagger's «بيدار», not ب + «يدار»): the whole word past any conjunction."""
    whole = doc.text[w.conj_end:w.token.end]
    key = fold(whole)
    return dataclasses.replace(w, key=key, bare=key, prep=False, body_start=w.conj_end, stem=whole)


def words_in(ctx: Context, span: Span) -> list[Word]:
    """The words that start inside ``span``, and the one it starts inside of ("لمركز المعلومات":
    a span after a clitic starts within its word), found by bisection."""
    lo = bisect.bisect_right(ctx.starts, span.start) - 1
    if lo < 0 or ctx.words[lo].token.end <= span.start:
        lo += 1
    return ctx.words[lo:bisect.bisect_left(ctx.starts, span.end)]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def inner(ctx: Context, pair: tuple[int, int]) -> Span:
    """The words between a pair of marks, without the spaces just inside them."""
    a, b = pair[0] + 1, pair[1]
    while a < b and ctx.text[a].isspace():
        a += 1
    while b > a and ctx.text[b - 1].isspace():
        b -= 1
    return Span(a, b)


def pair_at(ctx: Context, offset: int) -> tuple[int, int] | None:
    for a, b in ctx.pairs:
        if a == offset:
            return (a, b)
        if a > offset:
            break
    return None


def char(ctx: Context, idx: int) -> str:
    """The mark of a punctuation token; a space for a word, which no mark test accepts."""
    w = ctx.words[idx]
    return ctx.text[w.token.start:w.token.end] if w.token.kind in ("punct", "symbol") else " "


def verbal_noun(ctx: Context, i: int) -> bool:
    """Whether word ``i``, a verb form, is a verbal noun after a word that governs one: in
    "طالبا عدم كشف اسمه" كشف is "revealing", not the verb of saying "he revealed"."""
    return i > 0 and ctx.words[i - 1].key in ctx.cues.words("verbal_noun_heads")

