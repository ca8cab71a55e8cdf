"""Tagger spans that run into ordinary words: a possessed noun after a name (هادي سيطرتهما "their
control"), an adjective after a class noun read as a place (محافظة محررة "a liberated
governorate"), or a verb of saying between two names (ديمبسي أبلغ العبادي)."""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.core.document import Document, Span
from marsad.stages.entities.kb import KnowledgeBase, name_key, unlinked_place
from marsad.stages.entities.match import first_word_keys
from marsad.stages.entities.outlets import place_heads
from marsad.stages.entities.romanise import name_tokens
from marsad.text.keys import fold, frequency
from marsad.text.resources import load_yaml

#: Attached pronouns of a possessed noun ("their", "your", "its"): no name ends in them.  ها and
#: ه are left out: names end in those letters (طه، بنها).
POSSESSIVE_SUFFIXES = ("هما", "كما", "هم", "كم", "هن")
#: Least wordfreq frequency (Zipf 3.0) of a word's stem, without its pronoun, to read as a noun.
NOUN_MIN_FREQ = 1e-6


def _possessed_noun(word: str) -> bool:
    """Is ``word`` a common noun with an attached pronoun (سيطرتهما، معاملتهم)?"""
    key = fold(word)
    if key in name_tokens():
        return False
    for suffix in POSSESSIVE_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            stem = word[: len(word) - len(suffix)]
            # ة is written ت before a pronoun: سيطرتهما is سيطرة + هما.
            stems = (stem, stem[:-1] + "ة") if stem.endswith("ت") else (stem,)
            return any(frequency(s) >= NOUN_MIN_FREQ for s in stems)
    return False


def without_possessed_tail(doc: Document, span: Span) -> Span | None:
    """A name without a possessed noun the tagger ran on to (هادي سيطرتهما → هادي); None when the
    span is nothing but such words."""
    words = doc.span_text(span).split()
    end = len(words)
    while end and _possessed_noun(words[end - 1]):
        end -= 1
    if end == len(words):
        return span
    if end == 0:
        return None
    kept = " ".join(words[:end])
    text = doc.span_text(span)
    return Span(span.start, span.start + text.index(kept) + len(kept))


def adjective_after_head(doc: Document, kb: KnowledgeBase, span: Span) -> bool:
    """A one-word place, indefinite and feminine, right after a feminine class noun, that no
    gazetteer knows: the noun's adjective (محافظة محررة، مدينة صغيرة), not a place's name."""
    text = doc.span_text(span)
    if " " in text or text.startswith("ال") or not text.endswith("ة"):
        return False
    key = name_key(text)
    if kb.lookup(key) or kb.tagged_places.get(key) or unlinked_place(key):
        return False
    before = doc.text[:span.start].split()
    if not before:
        return False
    heads = {k for k, _ in first_word_keys(before[-1])}
    return any(h.endswith("ه") for h in heads & place_heads())  # folded: ة is ه


#: Least wordfreq frequency (Zipf 4.5) of a one-word name for it to read as an adjective or noun
#: in construct before a possessed noun (حسن معاملتهم "their good treatment").
COMMON_WORD_FREQ = 10**-4.5


def word_before_possessed_noun(doc: Document, kb: KnowledgeBase, span: Span) -> bool:
    """A one-word person that is a common word too, right before a possessed noun: the first
    word of a construct (حسن معاملتهم), not a name, unless the knowledge base knows the person
    by it (هادي سيطرتهما: Hadi, their control)."""
    text = doc.span_text(span)
    if " " in text or frequency(text) < COMMON_WORD_FREQ or kb.lookup(name_key(text)):
        return False
    after = doc.text[span.end:span.end + 40].split()
    return bool(after) and _possessed_noun(after[0])


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    """Folded verbs of saying (``quote_cues.yaml``, ``verbs``) that are no name word: وعد and
    رأى are names too, and stay inside a span."""
    groups = load_yaml("quote_cues.yaml")["verbs"]
    return frozenset(fold(w) for ws in groups.values() for w in ws) - name_tokens().keys()


#: Least wordfreq frequency of the imperfect verb a future form is made of (يذهب of سيذهب).
FUTURE_STEM_MIN_FREQ = 1e-6
#: Least frequency of the future form itself: a verb's is a word of news (سيتوجه 1e-6), a foreign
#: name's spelling is rare (سيانج 2e-8, whose يانج is a commoner name).
FUTURE_MIN_FREQ = 1e-7


def _future_verb(key: str) -> bool:
    """Whether a folded word is a verb in the future (سيذهب، ستعقد): س on an imperfect that is a
    commoner word than the whole, and neither it nor the whole a name word (سيرجي، سيمون، سيانج)."""
    return (len(key) >= 4 and key[0] == "س" and key[1] in "يتن" and key not in name_tokens()
            and key[1:] not in name_tokens()  # (سيانج is Siang: يانج is a name too)
            and frequency(key[1:]) >= FUTURE_STEM_MIN_FREQ and frequency(key[1:]) > frequency(key)
            and frequency(key) >= FUTURE_MIN_FREQ)


def split_at_speech_verb(doc: Document, span: Span) -> list[Span]:
    """A person span with a verb of saying inside it («الجنرال ديمبسي أبلغ العبادي أن») is the
    name before the verb and the name after it, each of one word or more; one running into a verb
    in the future («ولد الشيخ أحمد سيذهب») ends before it; else the span alone."""
    text = doc.text[span.start:span.end]
    words = list(re.finditer(r"\S+", text))
    for k, w in enumerate(words[1:], start=1):
        key = fold(w.group())
        if _future_verb(key):
            return [Span(span.start, span.start + words[k - 1].end())]
        if key in _speech_verbs() or (key.startswith("و") and key[1:] in _speech_verbs()):
            before = Span(span.start, span.start + words[k - 1].end())
            after = [Span(span.start + words[k + 1].start(), span.end)] if k + 1 < len(words) else []
            return [before, *after]
    return [span]
