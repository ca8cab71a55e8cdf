"""Matching keys for Arabic text: orthographic folding and clitic analysis.

The document text keeps every letter and diacritic as written; these keys are what later
stages compare (hamza on alef, alef maqsura, ta marbuta, tatweel and diacritics folded,
Eastern Arabic digits read as Western ones).  The clitic analysis splits و ف ب ل ك س ال and
pronoun suffixes off a word only when word frequencies say the remainder is the likelier
word, so names such as وليد or بوتين are left whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache

from marsad.core.errors import DataError
from marsad.text.frequencies import arabic_frequencies
from marsad.text.resources import read_tsv

# Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks) and tatweel.
_DROP = {cp: None for cp in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670,
                             *range(0x06D6, 0x06EE), 0x0640]}
_FOLD = {
    **_DROP,
    ord("أ"): "ا", ord("إ"): "ا", ord("آ"): "ا", ord("ٱ"): "ا",
    ord("ى"): "ي", ord("ة"): "ه", ord("ؤ"): "و", ord("ئ"): "ي",
    ord("ک"): "ك", ord("ی"): "ي", ord("ی"): "ي",
    **{0x0660 + i: str(i) for i in range(10)},  # Arabic-Indic digits
    **{0x06F0 + i: str(i) for i in range(10)},  # Extended (Persian) digits
}

ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي" + "ٱپچژگکی"
#: A word of Arabic letters only, and one with diacritics and tatweel too (``_DROP``'s characters).
_PLAIN_WORD = re.compile(f"[{ARABIC_LETTERS}]+")
_ARABIC_WORD = re.compile(f"[{ARABIC_LETTERS}\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")

#: What a proclitic letter does: conjunction (و ف), preposition (ب ل ك), future (س), article (ال).
ROLES = ("conj", "prep", "fut", "det")
CLITICS_FILE = "clitics.tsv"


def _read_proclitics() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``data/clitics.tsv``: each proclitic sequence with its roles, longest first."""
    rows = []
    for form, roles in read_tsv(CLITICS_FILE, ("proclitic", "roles")):
        parts = tuple(roles.split())
        if not parts or any(r not in ROLES for r in parts):
            raise DataError(f"data file marsad/data/{CLITICS_FILE}: roles of {form!r} must be some of "
                            f"{', '.join(ROLES)}, not {roles!r}")
        rows.append((form, parts))
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


#: The one clitic inventory, longest first (read once: the analysis below runs for every new word).
PROCLITICS: tuple[tuple[str, tuple[str, ...]], ...] = _read_proclitics()
#: Sequences of conjunctions and prepositions only (و ف ب ل ك and their pairs), longest first: the
#: proclitics the word view and knowledge-base names strip off whole.
PARTICLE_PROCLITICS: tuple[str, ...] = tuple(f for f, roles in PROCLITICS if set(roles) <= {"conj", "prep"})
#: The single proclitics (و ف ب ل ك س and the article ال): how a word with a proclitic starts.
SINGLE_PROCLITICS: tuple[str, ...] = tuple(f for f, roles in PROCLITICS if len(roles) == 1)
#: Sequences ending in لل (ل + ال, the article's alef not written): the letters before the article.
BEFORE_ELIDED_ARTICLE: tuple[str, ...] = tuple(
    f[:-1] for f, roles in PROCLITICS if roles[-1] == "det" and f.endswith("لل"))
PRONOUN_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه", "ك", "ي")


def _prefix_pieces(prefix: str, roles: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
    pieces = []
    pos = 0
    for role in roles:
        size = 2 if role == "det" and prefix[pos:pos + 2] == "ال" else 1
        pieces.append((pos, pos + size, role))
        pos += size
    return tuple(pieces)


# The same lists by first (last) letter, in order: most words start (end) with a letter that no
# proclitic (suffix) has, and the analysis of words not seen before is most of tokenising time.
# Each proclitic comes with the (start, end, role) pieces it makes (ال is one piece of two letters).
_PROCLITICS_BY_FIRST = {
    ch: tuple((prefix, roles, _prefix_pieces(prefix, roles)) for prefix, roles in PROCLITICS if prefix[0] == ch)
    for ch in {p[0][0] for p in PROCLITICS}
}
_SUFFIXES_BY_LAST = {ch: tuple(s for s in PRONOUN_SUFFIXES if s[-1] == ch) for ch in {s[-1] for s in PRONOUN_SUFFIXES}}
_IMPERFECT = "يتنأ"
MIN_STEM = 2
#: How much likelier the remainder must be before a lone ب/ل/ك is split off (tuned by eye on the
#: clitic tests in tests/test_segment_clitics.py; bench/throughput.py does not depend on it).
#: The default of ``settings.segment.prep_ratio``.
PREP_RATIO = 8.0


_DROP_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")
#: The letter folds of ``_FOLD`` as (variant, base) pairs, for the passes over long texts.
_LETTER_FOLDS = tuple((chr(cp), v) for cp, v in _FOLD.items() if v is not None and not v.isdigit())
_EASTERN_DIGIT = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_DIGITS = {cp: v for cp, v in _FOLD.items() if str(v).isdigit()}
#: ``_FOLD`` keeping آ apart (``fold(..., keep_madda=True)``): آب is August, أب is father.
_FOLD_KEEP_MADDA = {cp: v for cp, v in _FOLD.items() if cp != ord("آ")}
_LETTER_FOLDS_KEEP_MADDA = tuple((a, b) for a, b in _LETTER_FOLDS if a != "آ")


#: Up to this length ``str.translate`` (a dict look-up per character) beats the passes below
#: (a fixed cost per pass): words are folded one way, lines and texts the other.
SHORT_TEXT = 12


def fold(text: str, *, keep_madda: bool = False) -> str:
    """The matching key of ``text``: diacritics and tatweel dropped, letter variants folded.

    ``keep_madda`` keeps آ (the dates and quantities stages' word view: آب is August, أب is
    father).  Same result as ``text.translate(_FOLD)``, which looks every character up in a dict:
    on a line or an article C-level replace and a regex that finds nothing on most text are
    several times faster (bench/throughput.py); on a word, ``translate`` is.
    """
    if len(text) <= SHORT_TEXT:
        return text.translate(_FOLD_KEEP_MADDA if keep_madda else _FOLD)
    text = _DROP_RE.sub("", text)
    for variant, base in _LETTER_FOLDS_KEEP_MADDA if keep_madda else _LETTER_FOLDS:
        if variant in text:
            text = text.replace(variant, base)
    if _EASTERN_DIGIT.search(text):
        text = text.translate(_DIGITS)
    return text


def strip_diacritics(text: str) -> str:
    """Drop diacritics and tatweel only (and read Eastern digits), keeping hamza and ta marbuta.

    C-level passes that find nothing to do on most words, as in ``fold``.
    """
    text = _DROP_RE.sub("", text)
    if _EASTERN_DIGIT.search(text):
        text = text.translate(_DIGITS)
    return text


#: wordfreq's Arabic list, loaded on first use (a module global: ``frequency`` runs for every
#: piece of every word form analysed, and a cached function call per look-up cost a tenth).
_FREQS: dict[str, float] = {}


def _freqs() -> dict[str, float]:
    # wordfreq's Arabic list (CC BY-SA 4.0) keys words with diacritics already removed.
    if not _FREQS:
        _FREQS.update(arabic_frequencies())
    return _FREQS


def frequency(word: str) -> float:
    """How often ``word`` occurs in general Arabic text (0.0 when unknown)."""
    table = _FREQS or _freqs()
    f = table.get(word)
    if f is None:
        light = strip_diacritics(word)
        f = table.get(light, 0.0) if light != word else 0.0
    return f


def _plain_frequency(word: str) -> float:
    """``frequency`` of a word known to carry no diacritics."""
    return (_FREQS or _freqs()).get(word, 0.0)


def is_arabic_word(text: str) -> bool:
    return _ARABIC_WORD.fullmatch(text) is not None


def _proclitic_ok(word: str, prefix: str, roles: tuple[str, ...], whole: float,
                  freq: Callable[[str], float], prep_ratio: float = PREP_RATIO) -> bool:
    rest = word[len(prefix):]
    if len(rest) < MIN_STEM:
        return False
    if roles[-1] == "det":
        # لل stands for ل + ال: the remainder lost its alef.
        lookup = ("ال" + rest) if prefix.endswith("لل") else rest
        if len(rest) < 2:
            return False
        if prefix == "ال":
            return len(rest) >= 2
        return freq(lookup) > 0 or freq(prefix[-2:] + rest) > 0 or len(rest) >= 3
    if len(rest) < 3 or (roles[-1] == "fut" and rest[0] not in _IMPERFECT):
        return False
    f_rest = freq(rest)
    if f_rest > 0:
        # A bare preposition is split only when the remainder is much the likelier word:
        # بيونغ and لويد are names, not ب + يونغ or ل + ويد.
        ratio = 1.0 if roles[0] == "conj" else prep_ratio
        if roles[0] == "conj" and len(roles) > 1:
            # The same test for a preposition after و/ف: وبكين is و + بكين, not و + ب + كين.
            without_conj = freq(word[1:])
            if without_conj > 0 and f_rest < without_conj * prep_ratio:
                return False
        return whole == 0 or f_rest >= whole * ratio
    # Neither form is known (a rare name): only the conjunction is split off with confidence.
    return whole == 0 and roles == ("conj",) and len(rest) >= 4


def _suffix_split(stem: str, freq: Callable[[str], float], whole: float | None = None) -> int:
    """Length of a pronoun suffix on ``stem`` that word frequencies support, else 0 (``whole``:
    the stem's own frequency, when the caller has it)."""
    if whole is None:
        whole = freq(stem)
    for suf in _SUFFIXES_BY_LAST.get(stem[-1:], ()):
        if len(stem) - len(suf) < 3 or not stem.endswith(suf):
            continue
        base = stem[: -len(suf)]
        candidates = [base]
        if base.endswith("ت"):
            candidates.append(base[:-1] + "ة")  # حكومته → حكومة + ه
        if any(freq(c) > whole for c in candidates):
            return len(suf)
    return 0


@lru_cache(maxsize=262_144)
def analyse(word: str, prep_ratio: float = PREP_RATIO) -> tuple[tuple[int, int, str], ...]:
    """Clitic analysis of one Arabic word: ``(start, end, role)`` pieces covering it in order
    (``prep_ratio``: see :data:`PREP_RATIO`)."""
    if len(word) < MIN_STEM + 1:
        return ((0, len(word), "stem"),)
    # A word without diacritics has none in its parts either: look them up as they are, without
    # frequency()'s second try (most parts tried are no words, and that try cost most of the time).
    if _PLAIN_WORD.fullmatch(word):
        freq = _plain_frequency
    elif is_arabic_word(word):
        freq = frequency
    else:
        return ((0, len(word), "stem"),)
    whole = freq(word)
    prefix_pieces: tuple[tuple[int, int, str], ...] = ()
    start = 0
    for prefix, roles, made in _PROCLITICS_BY_FIRST.get(word[0], ()):
        if word.startswith(prefix) and _proclitic_ok(word, prefix, roles, whole, freq, prep_ratio):
            prefix_pieces = made
            start = len(prefix)
            break
    if start == 0:
        suffix = _suffix_split(word, freq, whole)
    else:
        suffix = _suffix_split(word[start:], freq) if prefix_pieces[-1][2] != "det" else 0
    end = len(word) - suffix
    if suffix:
        return (*prefix_pieces, (start, end, "stem"), (end, len(word), "pron"))
    return (*prefix_pieces, (start, end, "stem"))


def lookup_form(word: str, prep_ratio: float = PREP_RATIO) -> str:
    """The word without conjunction, preposition or future prefix, keeping ال (لل → ال)."""
    pieces = analyse(word) if prep_ratio == PREP_RATIO else analyse(word, prep_ratio)
    cut = 0
    has_det = False
    for _start, end, role in pieces:
        if role in ("conj", "prep", "fut"):
            cut = end
        elif role == "det":
            has_det = True
            break
    rest = word[cut:]
    if has_det and not rest.startswith("ال"):
        rest = "ا" + rest  # لل + X: the ل of the article remains in ``rest``
    return rest


def key(text: str) -> str:
    """Matching key of a word or phrase: each word's lookup form, folded."""
    return " ".join(fold(lookup_form(w)) for w in text.split())


def folded_words(data: Mapping[str, object], key: str, file: str) -> frozenset[str]:
    """The folded forms of the word list under ``key`` of the YAML data file ``file``, checked."""
    values = data.get(key)
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise DataError(f"data file marsad/data/{file}: {key!r} must be a list of words")
    return frozenset(fold(v) for v in values)
