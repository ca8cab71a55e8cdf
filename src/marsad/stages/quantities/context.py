"""The unit of a bare number read from the words around it, for the quantities stage.

News copy often leaves the counted noun out after the number: it names it before (النواب البالغ
عددهم 550), with a partitive after (ثلاثة من رجال الشرطة), or lets a verb of casualty say that people
are counted (وأصيب 31، 1.3 مليون آخرين).  The cue words live in ``data/numbers.yaml``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.keys import fold, strip_diacritics
from marsad.text.numbers import number_words
from marsad.text.resources import load_yaml
from marsad.text.words import Lexicon, Word, strip_proclitic
from marsad.text.words import definite as is_definite


@dataclass(frozen=True)
class ContextWords:
    people_words: Lexicon[bool]
    people_unit: str
    people_verbs: frozenset[str]
    count_of_before: Lexicon[bool]
    one_idioms: frozenset[str]
    change_verbs: frozenset[str]


@lru_cache(maxsize=1)
def context_words() -> ContextWords:
    data = load_yaml("numbers.yaml")
    return ContextWords(
        people_words=Lexicon(dict.fromkeys(data["people_words"], True)),
        people_unit=str(data["people_unit"]),
        people_verbs=frozenset(fold(w, keep_madda=True) for w in data["people_verbs"]),
        count_of_before=Lexicon(dict.fromkeys(data["count_of_before"], True)),
        one_idioms=frozenset(fold(w, keep_madda=True) for w in data["one_idioms"]),
        change_verbs=frozenset(fold(w, keep_madda=True) for w in data["change_verbs"]),
    )


def people_after(words: Sequence[Word], j: int) -> int:
    """Words used by a word standing for people right after a number (آخرين), else 0."""
    m = context_words().people_words.match(words, j, proclitic=False)
    return m.n if m is not None else 0


def after_people_verb(words: Sequence[Word], i: int) -> bool:
    """Is the word before ``i`` a verb or noun of casualty (وأصيب 31، مقتل 5)?"""
    if i == 0 or words[i - 1].kind != "word":
        return False
    verbs = context_words().people_verbs
    return any(form in verbs for _, form in strip_proclitic(words[i - 1].form))


def noun_before_count(text: str, words: Sequence[Word], i: int,
                      singular: Callable[[str], str]) -> str | None:
    """النواب البالغ عددهم 550: the singular of the noun before a count clause ending at ``i``."""
    lex = context_words().count_of_before
    for n in (3, 2, 1):
        k = i - n
        if k < 1:
            continue
        m = lex.match(words, k)
        if m is None or k + m.n != i:
            continue
        noun = words[k - 1]
        if noun.kind != "word":
            return None
        written = strip_diacritics(text[noun.start:noun.end])
        return singular(written[2:] if is_definite(noun.form) else written)
    return None


def partitive_noun(text: str, words: Sequence[Word], j: int, singular: Callable[[str], str]) -> str | None:
    """ثلاثة من رجال الشرطة، خمسة من الجنود: the singular of a plural noun after من.

    Only a plural (from ``plurals.tsv`` or a sound plural) is a partitive's whole; من أصل، من بين and
    من أبرز are not.
    """
    if j + 1 >= len(words) or words[j].form != "من" or words[j + 1].kind != "word":
        return None
    form = words[j + 1].form
    bare = form[2:] if is_definite(form) else form
    plural = bare in number_words().singulars or (len(bare) > 4 and bare.endswith(("ين", "ون", "ات")))
    if not plural:
        return None
    written = strip_diacritics(text[words[j + 1].start:words[j + 1].end])
    return singular(written[2:] if is_definite(form) else written)


def one_idiom(word: Word) -> bool:
    """في وقت واحد، بصوت واحد: a noun that makes an idiom with واحد, not a count of one."""
    return any(form in context_words().one_idioms for _, form in strip_proclitic(word.form))


#: How many words before من a verb of change may stand (ارتفع سعر صرف الدولار من ...).
CHANGE_REACH = 4


def after_change(words: Sequence[Word], k: int) -> bool:
    """Is the number at ``k`` the start of a change (ارتفع ... من X إلى Y) rather than a range?"""
    if k < 2 or words[k - 1].form != "من":
        return False
    verbs = context_words().change_verbs
    for p in range(k - 2, max(-1, k - 2 - CHANGE_REACH), -1):
        if words[p].kind == "punct":
            return False
        if any(form in verbs for _, form in strip_proclitic(words[p].form)):
            return True
    return False
