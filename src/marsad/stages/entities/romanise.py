"""Readable English names for Arabic names the knowledge base does not know.

Each word takes its usual Latin spelling from ``data/kb/name_tokens.tsv`` (Arab personal-name
units and foreign names written in Arabic: عادل → Adel, الجبير → al-Jubeir, ظريف → Zarif), the
article as ``al-`` on the rest (العطية → al-Attiyah), عبد with the next word as one name
(عبد العزيز → Abdulaziz).  A word the table lacks is spelt by rule with short vowels supplied
between consonants (شرم → Sharm), never letter by letter.
"""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Mapping
from functools import lru_cache

from marsad.text.keys import fold
from marsad.text.resources import data_path

TOKENS_FILE = "kb/name_tokens.tsv"
#: A hyphen between two words of a name, spaced or not.
_HYPHEN = re.compile(r"\s*[-‐‑–]\s*")
TITLES_FILE = "kb/name_titles.tsv"

#: Latin of each Arabic consonant letter (folded), for words the table lacks.
_CONSONANTS: dict[str, str] = {
    "ء": "'", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "پ": "p",
    "چ": "ch", "ژ": "zh", "گ": "g",
}
_LONG_VOWELS: dict[str, str] = {"ا": "a", "و": "u", "ي": "i"}
_GLIDES: dict[str, str] = {"و": "w", "ي": "y"}


#: States whose persons' names are spelt as their region spells them, by the column of
#: name_tokens.tsv that holds the region's spellings (جمال: Jamal, in Egypt Gamal, in Algeria Djamel).
REGION_STATES: dict[str, frozenset[str]] = {
    "egypt": frozenset({"EGY", "SDN"}),
    "maghreb": frozenset({"DZA", "TUN", "MAR", "LBY", "MRT"}),
}


@lru_cache(maxsize=1)
def _token_table() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """Folded token → spelling, and per region the tokens it spells otherwise (about 70,000 rows)."""
    text = data_path(TOKENS_FILE).read_text(encoding="utf-8")
    table: dict[str, str] = {}
    regional: dict[str, dict[str, str]] = {region: {} for region in REGION_STATES}
    rows = (ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#"))
    next(rows)  # column line: token, latin, then one column per region
    for cells in rows:
        if len(cells) == 2 + len(REGION_STATES):
            table[cells[0]] = cells[1]
            for region, spelling in zip(REGION_STATES, cells[2:], strict=True):
                if spelling:
                    regional[region][cells[0]] = spelling
    return table, regional


def name_tokens() -> dict[str, str]:
    """Folded Arabic token → Latin spelling, as the Gulf and the Levant write it."""
    return _token_table()[0]


def tokens_for(country: str | None) -> Mapping[str, str]:
    """The token table for a person of ``country``: Egypt's and the Maghreb's own spellings first."""
    for region, states in REGION_STATES.items():
        if country in states:
            return ChainMap(_token_table()[1][region], name_tokens())
    return name_tokens()


@lru_cache(maxsize=1)
def name_titles() -> dict[str, str]:
    """Folded title before a name (الملك، الأمير) → its English form (King, Prince)."""
    text = data_path(TITLES_FILE).read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")]
    return {fold(cells[0]): cells[1] for cells in rows[1:] if len(cells) == 2}


def _strip_article(latin: str) -> str:
    return latin[3:] if latin.lower().startswith("al-") else latin


def _known(word: str, table: Mapping[str, str]) -> str | None:
    if word in table:
        return table[word]
    if word.startswith("ال") and len(word) > 3 and word[2:] in table:
        rest = _strip_article(table[word[2:]])
        return "al-" + rest[:1].upper() + rest[1:]
    return None


def spell_by_rule(word: str, *, feminine: bool = False) -> str:
    """A word the table lacks, with short vowels supplied: شرم → Sharm, الهفوف → al-Hafuf; a
    ``feminine`` word (written with ة, folded to ه) ends in a: القابضة → al-Qabida."""
    if word.startswith("ال") and len(word) > 3:
        rest = spell_by_rule(word[2:], feminine=feminine)
        return "al-" + rest[:1].upper() + rest[1:]
    if feminine and word.endswith("ه") and len(word) > 2:
        stem = word[:-1]
        # ية is -iya (إشبيلية → Ishbiliya), ة after a consonant -a.
        return spell_by_rule(stem[:-1]) + "iya" if stem.endswith("ي") else spell_by_rule(stem) + "a"
    out: list[str] = []
    letters = [ch for ch in word if ch in _CONSONANTS or ch in _LONG_VOWELS or ch == "ه"]
    for i, ch in enumerate(letters):
        prev = letters[i - 1] if i else ""
        nxt = letters[i + 1] if i + 1 < len(letters) else ""
        # A long vowel after a consonant, or after a word-initial glide (يوهانا → Yuhana, not Ywhana).
        after_glide = i == 1 and prev in _GLIDES
        if ch in _LONG_VOWELS and (ch == "ا" or (prev and prev not in _LONG_VOWELS) or after_glide) and i:
            out.append(_LONG_VOWELS[ch])
            continue
        if ch in _GLIDES:
            out.append(_GLIDES[ch] if not i or prev in _LONG_VOWELS else _LONG_VOWELS[ch])
            continue
        if ch == "ا":
            out.append("a")
            continue
        out.append(_CONSONANTS[ch])
        # A short vowel between this consonant and a following one, except in a word's final
        # cluster after a vowel (شرم → Sharm, not Sharam).
        if nxt and nxt not in _LONG_VOWELS and not (i + 2 == len(letters) and i > 0):
            out.append("a")
    latin = "".join(out).replace("''", "'").strip("'")
    return latin[:1].upper() + latin[1:]


#: A preposition or conjunction glued to a definite word, as English news writes it (للثقافة →
#: lil-Thaqafa, والفنون → wal-Funun, بالطائف → bil-Taif).
_ARTICLE_PROCLITICS: tuple[tuple[str, str], ...] = (("وال", "wal-"), ("بال", "bil-"), ("فال", "fal-"),
                                                    ("كال", "kal-"), ("لل", "lil-"))


def _with_proclitic(word: str, *, feminine: bool) -> str:
    """A word the table lacks: a glued preposition and article spelt apart, the rest by rule."""
    for prefix, latin in _ARTICLE_PROCLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            # The rest is a common noun (للثقافة "for culture") far more often than a name, and
            # the table is one of names (فنون → Fignon): spelt by rule.
            spelt = spell_by_rule(word[len(prefix):], feminine=feminine)
            return latin + spelt[:1].upper() + spelt[1:]
    return spell_by_rule(word, feminine=feminine)


def romanise_words(words: list[str], table: Mapping[str, str], *, strict: bool = False) -> str | None:
    """The English name of an Arabic name's words; with ``strict``, None when a word is unknown."""
    keys = [fold(w) for w in words]
    out: list[str] = []
    i = 0
    while i < len(keys):
        word = keys[i]
        # A title before a name is English (الملك سلمان → King Salman), not after عبد (عبد الملك).
        title = name_titles().get(word)
        if title and i + 1 < len(keys) and (i == 0 or keys[i - 1] != "عبد"):
            out.append(title)
            i += 1
            continue
        # عبد + a name of God is one name: عبد العزيز → Abdulaziz, عبدالله → Abdullah.
        if word == "عبد" and i + 1 < len(keys) and keys[i + 1].startswith("ال"):
            word, i = word + keys[i + 1], i + 1
        if word.startswith("عبدال") and word not in table:
            rest = _known(word[3:], table) or (None if strict else spell_by_rule(word[3:]))
            if rest is None:
                return None
            rest = _strip_article(rest).lower()
            # The table may spell the name of God with عبد already (الدائم → Abduldaim).
            out.append(rest.capitalize() if rest.startswith("abd") else "Abdul" + rest)
            i += 1
            continue
        latin = _known(word, table)
        if latin is None:
            if strict:
                return None
            latin = _with_proclitic(word, feminine=words[i].endswith("ة"))
        if latin:
            out.append(latin)
        i += 1
    if not out:
        return None
    out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out)


def romanise(text: str, country: str | None = None) -> str | None:
    """A readable English rendering of an Arabic name (خالد العطية → Khalid al-Attiyah), spelt as
    the region of ``country`` spells names (جمال → Gamal for an Egyptian)."""
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    ascii_words = [w for w in words if w.isascii()]
    if ascii_words and len(ascii_words) == len(words):
        return " ".join(words)
    # A double name keeps its hyphen, each part spelt on its own (ميكل - لايتنر → Mikel-Leitner).
    parts = [romanise_words([w for w in part.split() if any(ch.isalpha() for ch in w)], tokens_for(country))
             for part in _HYPHEN.split(text)]
    if any(p is None for p in parts):
        return romanise_words(words, tokens_for(country))
    return "-".join(p for p in parts if p)
