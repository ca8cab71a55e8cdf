"""The unit of a bare number read from the words around it, for the quantities stage.

News copy often leaves the counted noun out after the number: it names it before (النواب البالغ
عددهم 550), with a partitive after (ثلاثة من رجال الشرطة), or lets a verb of casualty say that people
are counted (وأصيب 31، 1.3 مليون آخرين).  The cue words live in ``data/numbers.yaml``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.keys import fold, frequency, strip_diacritics
from marsad.text.numbers import number_words
from marsad.text.resources import load_yaml
from marsad.text.words import Lexicon, Word, strip_proclitic
from marsad.text.words import definite as is_definite


@dataclass(frozen=True)
class ContextWords:
    people_words: Lexicon[bool]
    people_unit: str
    people_verbs: frozenset[str]
    casualty_units: dict[str, str]  # folded verb → unit (قتل → قتيل)
    group_nouns: frozenset[str]
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
        casualty_units={fold(v, keep_madda=True): str(unit) for unit, verbs in data["casualty_units"].items()
                        for v in verbs},
        group_nouns=frozenset(fold(w, keep_madda=True) for w in data["group_nouns"]),
        count_of_before=Lexicon(dict.fromkeys(data["count_of_before"], True)),
        one_idioms=frozenset(fold(w, keep_madda=True) for w in data["one_idioms"]),
        change_verbs=frozenset(fold(w, keep_madda=True) for w in data["change_verbs"]),
    )


def people_after(words: Sequence[Word], j: int) -> int:
    """Words used by a word standing for people right after a number (آخرين), else 0."""
    m = context_words().people_words.match(words, j, proclitic=False)
    return m.n if m is not None else 0


def _people_unit(word: Word) -> str | None:
    """The unit a verb or noun of casualty gives the people it counts (قتل → قتيل), else None."""
    if word.kind != "word":
        return None
    cw = context_words()
    for _, form in strip_proclitic(word.form):
        if form in cw.people_verbs:
            return cw.casualty_units.get(form, cw.people_unit)
    return None


def after_people_verb(words: Sequence[Word], i: int) -> str | None:
    """The unit of the people a verb or noun of casualty before ``i`` counts (وأصيب 31 → جريح), else None."""
    return _people_unit(words[i - 1]) if i > 0 else None


#: How many words after a number the verb ending its clause may stand (نحو 30 من ميليشيا الحوثي
#: وقوات صالح قتلوا).
VERB_AFTER_REACH = 8


def before_people_verb(words: Sequence[Word], j: int) -> str | None:
    """The unit of the people a plural verb of casualty ending the number's clause counts (… قتلوا)."""
    for p in range(j, min(len(words), j + VERB_AFTER_REACH)):
        if words[p].kind == "punct":
            return None
        if words[p].form.endswith("وا"):
            return _people_unit(words[p])
    return None


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
        if noun.kind != "word" or not is_definite(noun.form):
            return None  # ويناهز عددهم 300: a verb, not the noun counted
        written = strip_diacritics(text[noun.start:noun.end])
        return singular(written[2:])
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
    if bare in context_words().group_nouns:
        return None  # تسعة من ميليشيات الحوثي: men of the group, not groups
    written = strip_diacritics(text[words[j + 1].start:words[j + 1].end])
    written = written[2:] if is_definite(form) else written
    if len(bare) > 4 and bare.endswith("ي") and frequency(bare[:-1] + "ين") > 0:
        return singular(written[:-1])  # تسعة من مسلحي الحوثي: a sound plural in construct
    plural = bare in number_words().singulars or (len(bare) > 4 and bare.endswith(("ين", "ون", "ات")))
    if not plural:
        return None
    return singular(written)


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


#: How many words before a bare number عدد and its plural may stand (ارتفع عدد حالات الإصابة
#: بالفيروس في المملكة إلى 1051).
COUNT_OF_REACH = 9


def counted_before(text: str, words: Sequence[Word], k: int, singular: Callable[[str], str]) -> str | None:
    """ارتفع عدد القتلى إلى 120: the plural after عدد earlier in the clause is what a bare number counts."""
    for p in range(k - 1, max(0, k - 1 - COUNT_OF_REACH), -1):
        if words[p].kind == "punct" or words[p].kind == "num":
            return None
        if not any(f == "عدد" for _, f in strip_proclitic(words[p].form)) or p + 1 >= k:
            continue
        noun = words[p + 1]
        bare = noun.form[2:] if is_definite(noun.form) else noun.form
        plural = bare in number_words().singulars or (len(bare) > 4 and bare.endswith(("ين", "ون", "ات")))
        if noun.kind != "word" or not plural:
            return None
        written = strip_diacritics(text[noun.start:noun.end])
        return singular(written[2:] if is_definite(noun.form) else written)
    return None
