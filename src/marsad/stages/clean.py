"""The clean stage: the only stage that creates ``Document.text``.

It takes non-body lines out of a scraped article (bylines, photo credits, captions, site
furniture, repeated lines), normalises what must be normalised (Unicode NFC, invisible
controls, presentation forms, stray spaces before punctuation) and splits words glued together
when a hyperlink was lost (العاصمةوقال → العاصمة وقال).  Every removed line goes to
``Document.removed`` with its reason and every split to ``Document.repairs``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.core.document import Dateline, Document, Removal, RemovalReason, Repair
from marsad.core.errors import EmptyInputError
from marsad.core.registry import CLEAN, DATELINE, ORIGIN, RAW, RECORD_ID, REMOVED, REPAIRS, TEXT, TITLE, register
from marsad.core.settings import Settings
from marsad.text import keys as textkeys
from marsad.text.resources import load_yaml, string_list

try:  # built by pip from _speedups.c; without a C compiler the regex below does the same
    from marsad.text._speedups import long_words as _compiled_long_words
except ImportError:  # pragma: no cover - depends on how the package was built
    _compiled_long_words = None  # type: ignore[assignment]

LEXICON = "clean_lines.yaml"

# Invisible and bidi control characters that scraping leaves behind.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069]+")
#: Spaces before punctuation that ends a word.  Spaces at the start of a line match too, but
#: every line is stripped afterwards, so only spaces after a word are really removed; a
#: lookbehind for that word made the regex engine test every character of the text.
_SPACE_BEFORE_PUNCT = re.compile(r" +(?=[،؛؟!,:;.](?:\s|$))")
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Words that may be two glued together: six letters or more (``_speedups.long_words`` is the
#: same scan, compiled).
GLUED_MIN_LETTERS = 6
#: Longest word that may be two glued together: two long news words make about 20 letters, and
#: trying every seam of a 20,000-letter "word" took seconds (the issue's ب×20000).
GLUED_MAX_LETTERS = 30
_ARABIC_WORD = re.compile(f"[\u0621-\u063a\u0641-\u064a]{{{GLUED_MIN_LETTERS},}}")
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = re.compile(r"[.!؟?:…»”\"]\s*$")

#: Smallest word frequency (wordfreq Zipf scale) of each half of a glued word, by seam: inside a
#: word, before و/ف or ال, after a word-final ة/ى/ء.  Tuned on bench/glued_words.py over
#: saudinewsnet to keep all splits (true and false) under 1 in 10,000 words.
#: The defaults of ``settings.clean.glue_min_zipf``, ``glue_min_zipf_clitic`` and ``glue_min_zipf_final``.
GLUE_MIN_ZIPF = 4.8
GLUE_MIN_ZIPF_CLITIC = 3.9
GLUE_MIN_ZIPF_FINAL = 3.6
#: The three as ``split_glued`` takes them: (inside a word, before a clitic, after a final letter).
GlueSupport = tuple[float, float, float]
GLUE_SUPPORT: GlueSupport = (GLUE_MIN_ZIPF, GLUE_MIN_ZIPF_CLITIC, GLUE_MIN_ZIPF_FINAL)
#: Shortest half of a glued word: two-letter pieces (يا، بر، أو) explain too many names.
MIN_HALF = 3
#: Longest line, in words, that can be a caption next to a credit or a title at the top.
CAPTION_MAX_WORDS = 40
TITLE_MAX_WORDS = 20
#: Lines of furniture are short; a long line that merely starts with "شارك" is body text.
FURNITURE_MAX_WORDS = 12
#: A dateline or byline on a line of its own (موسكو 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس):
#: at most this many words, of which at most DATELINE_MAX_REST are neither outlet nor date (the
#: place, or the reporter's name).
DATELINE_MAX_WORDS = 16
DATELINE_MAX_REST = 3
#: A caption after a photo credit is short; a longer line there is the story itself.
CAPTION_AFTER_CREDIT_MAX_WORDS = 30
#: Lines at the end of an article that may list its tags (tail_starts).
TAIL_LINES = 3


@dataclass
class Cleaned:
    """What ``clean_text`` makes of a raw article."""

    text: str
    removed: list[Removal] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    title: str | None = None
    dateline: Dateline | None = None


def normalise_line(line: str) -> str:
    """NFC, presentation forms unfolded, invisible controls dropped, spaces tidied."""
    return _normalise(line).strip()


#: Characters whose presence sends a text through the passes below; checked with C-level
#: substring search, which is ten times faster than a regex scan with wide character ranges.
_INVISIBLE_CHARS = "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202a\u202b\u202c\u202d\u202e" \
    "\u2066\u2067\u2068\u2069"
_ODD_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_SPACE_RUN = re.compile("  +")
#: A space before punctuation, what _SPACE_BEFORE_PUNCT may remove, found by a faster search.
_SPACED_PUNCT = re.compile(" [،؛؟!,:;.]")


def normalise_lines(raw: str) -> list[str]:
    """The lines of ``raw``, each normalised (see ``normalise_line``), in whole-text passes.

    No pass crosses a line break, so this is the same as normalising line by line; each pass
    runs only when a substring search finds something for it to do (most articles need none).
    """
    return [line.strip() for line in _normalise("\n".join(raw.splitlines())).split("\n")]


def _normalise(text: str) -> str:
    if _has_unusual(text):
        text = _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
        text = _INVISIBLE.sub("", text)
        text = _CONTROL.sub(" ", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # Tabs, no-break and typographic spaces become spaces, then runs of spaces one.
    for ch in _ODD_SPACES:
        if ch in text:
            text = text.replace(ch, " ")
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    if _SPACED_PUNCT.search(text):
        text = _SPACE_BEFORE_PUNCT.sub("", text)
    return text


def _has_unusual(text: str) -> bool:
    """Any presentation form, invisible control or C0/C1 control (what the three patterns above match)."""
    # Presentation forms (U+FB50–U+FEFE) all start with the byte EF in UTF-8, as few characters
    # of news text do; controls are a narrow ASCII-and-Latin-1 class that a regex scans fast.
    return (b"\xef" in text.encode("utf-8", "surrogatepass") and _PRESENTATION.search(text) is not None) \
        or any(ch in text for ch in _INVISIBLE_CHARS) or _CONTROL.search(text) is not None


def _alternation(pieces: tuple[str, ...]) -> str:
    """Regex alternation of folded lexicon entries, longest first; a word must end at a boundary."""
    return "|".join(re.escape(p) + (r"(?!\w)" if p[-1:].isalnum() else "") for p in pieces)


@lru_cache(maxsize=1)
def _markers() -> dict[str, re.Pattern[str]]:
    """One compiled pattern per marker list: a line is tested once, not once per lexicon entry."""
    def folded(key: str) -> tuple[str, ...]:
        return tuple(sorted({textkeys.fold(v).casefold() for v in string_list(LEXICON, key)}, key=len,
                            reverse=True))
    patterns = {k: re.compile(f"(?:{_alternation(folded(k))})")
                for k in ("byline_starts", "byline_words", "credit_starts", "boilerplate_starts",
                          "boilerplate_starts_ambiguous", "caption_starts")}
    patterns["furniture_word"] = re.compile(f"(?<!\\w)(?:{_alternation(folded('furniture_words'))})")
    patterns["link_starts"] = re.compile(f"(?:{_alternation(folded('link_starts'))})")
    patterns["tail_starts"] = re.compile(f"(?:{_alternation(folded('tail_starts'))})")
    pieces = _alternation(folded("outlets") + folded("credit_separators"))
    # A line of outlets: names and separators only (atomic groups keep long lines linear).
    patterns["outlet_line"] = re.compile(f"(?>[ .]*(?>{pieces}))+[ .]*")
    patterns["boilerplate_line"] = re.compile("|".join(f"(?:{p})" for p in string_list(LEXICON, "boilerplate_lines")))
    # An outlet named anywhere in a line, as a whole word or phrase.
    patterns["outlet"] = re.compile(f"(?<!\\w)(?:{_alternation(folded('outlets'))})")
    return patterns


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    """Month names (Gregorian, Levantine, Maghrebi, Hijri) and era words, folded: a dateline's date."""
    dates = load_yaml("dates.yaml")
    words = {w for group in ("months", "hijri_months") for forms in dates[group].values() for form in forms
             for w in form.split()}
    words |= set(string_list(LEXICON, "dateline_date_words"))
    return frozenset(textkeys.fold(w).casefold() for w in words)


@lru_cache(maxsize=1)
def _paragraph_verbs() -> frozenset[str]:
    return frozenset(textkeys.fold(w) for w in string_list(LEXICON, "paragraph_verbs"))


def _fold_line(line: str) -> str:
    return textkeys.fold(line).casefold()


def _starts_with_any(folded: str, pattern: re.Pattern[str]) -> bool:
    return pattern.match(folded) is not None


def is_outlet_line(line: str) -> bool:
    """True when the line names only outlets or agencies (``أ ف ب / رويترز``)."""
    return bool(_LETTER.search(line)) and _outlets_only(_fold_line(line))


def _outlets_only(folded: str) -> bool:
    # Separators alone (و.. ، - /) are no credit: at least one outlet must be named.
    marks = _markers()
    return marks["outlet_line"].fullmatch(folded.strip()) is not None and marks["outlet"].search(folded) is not None


def _words(line: str) -> int:
    return len(line.split())


def line_reason(line: str, *, at_head: bool, after_credit: bool, folded: str | None = None
                ) -> RemovalReason | None:
    """Why ``line`` is not body text, or None when it is (``folded`` is its key, if known)."""
    if folded is None:
        folded = _fold_line(line)
    marks = _markers()
    if not _LETTER.search(line):
        return "other"  # separators such as — or *** carry no text
    if _outlets_only(folded):
        return "byline" if at_head else "credit"
    words = _words(line)
    if words <= FURNITURE_MAX_WORDS and _is_byline(line, folded):
        return "byline"
    if words <= FURNITURE_MAX_WORDS and _starts_with_any(folded, marks["credit_starts"]) and _is_credit(line):
        return "credit"
    if words <= FURNITURE_MAX_WORDS and _starts_with_any(folded, marks["boilerplate_starts"]):
        return "boilerplate"
    if (words <= FURNITURE_MAX_WORDS and _starts_with_any(folded, marks["boilerplate_starts_ambiguous"])
            and _names_furniture(line, folded)):
        return "boilerplate"
    if words <= FURNITURE_MAX_WORDS and marks["boilerplate_line"].fullmatch(folded) is not None:
        return "boilerplate"
    if words <= CAPTION_MAX_WORDS and _starts_with_any(folded, marks["link_starts"]):
        return "boilerplate"
    if at_head and split_dateline(line, folded) is not None:
        return "byline"
    if words <= CAPTION_MAX_WORDS and _starts_with_any(folded, marks["caption_starts"]):
        return "caption"
    if after_credit and _reads_as_caption(line, words):
        return "caption"
    return None


_LINKISH = re.compile(r"https?://|www\.|@\w")


def _names_furniture(line: str, folded: str) -> bool:
    """A network, page or link named, a URL or handle, or a trailing colon (شارك عبر تويتر)."""
    return (line.rstrip().endswith(":") or _LINKISH.search(line) is not None
            or _markers()["furniture_word"].search(folded) is not None)


def _reads_as_caption(line: str, words: int) -> bool:
    """A short line after a photo credit describes the picture unless it reads as the story.

    The story goes on with a conjunction (و، ثم، كما) or opens with the report's verb (قال،
    أعلن، أكد...); a caption is a noun phrase about the picture (بوتين وكيم خلال زيارة...)."""
    if words > CAPTION_AFTER_CREDIT_MAX_WORDS or _starts_with_conjunction(line):
        return False
    first = textkeys.fold(line.split(maxsplit=1)[0])
    return not any(reading in _paragraph_verbs() for reading in (first, first[1:] if first[:1] in "وف" else ""))


@dataclass(frozen=True)
class Filed:
    """What a dateline or byline line says: the place, the reporter and the outlet."""

    place: str | None
    author: str | None
    agency: str


def is_place(name: str) -> bool:
    """Does the knowledge base know a place (state, city, region) by this name?"""
    from marsad.stages.entities.kb import load, name_key  # the shipped gazetteer; loaded once

    kb = load()
    return any(kb.entries[n.kb_id].type in ("GPE", "LOC", "FAC") for n in kb.lookup(name_key(name))
               if n.kb_id in kb.entries)


#: What separates the parts of a dateline or byline (عمر إبراهيم – عين اليوم، بيروت – أ ف ب:).
_DATELINE_SEPARATORS = re.compile(r"[-–—:/|،,()«»\"“”]+")
_DIGITS = re.compile(r"[0-9]+")


def split_dateline(line: str, folded: str | None = None) -> Filed | None:
    """Who filed ``line`` from where, when it is a dateline or byline, else None.

    Such a line names an outlet, perhaps a date, and at most DATELINE_MAX_REST words besides:
    the place (``موسكو 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس``, ``عين اليوم – جنيف``) or,
    before the outlet and with no date, the reporter (``عمر إبراهيم – عين اليوم``).  A sentence
    (ending in . ؟ !) never is, nor a line without an outlet (a title such as «مؤتمر جنيف 2
    يبدأ 22 يناير»)."""
    if _words(line) > DATELINE_MAX_WORDS or line.rstrip()[-1:] in ".؟?!":
        return None
    folded = _fold_line(line) if folded is None else folded
    outlet = _markers()["outlet"].search(folded)
    if outlet is None:
        return None
    outlet_words = set(outlet.group().split())
    words = _DATELINE_SEPARATORS.sub(" ", _DIGITS.sub(" ", line)).split()
    keys = [_fold_line(w) for w in words]
    dated = any(k in _date_words() for k in keys)
    rest = [(i, w) for i, (w, k) in enumerate(zip(words, keys, strict=True))
            if k not in _date_words() and k not in outlet_words]
    if len(rest) > DATELINE_MAX_REST:
        return None
    named = " ".join(w for _, w in rest) or None
    first_outlet = next((i for i, k in enumerate(keys) if k in outlet_words), len(keys))
    # Before the outlet and with no date, the words are a place (بيروت – أ ف ب) only if the
    # knowledge base knows one by that name; else the reporter (عمر إبراهيم – عين اليوم).
    reporter = named is not None and not dated and rest[0][0] < first_outlet and not is_place(named)
    return Filed(place=None if reporter else named, author=named if reporter else None,
                 agency=" ".join(w for w, k in zip(words, keys, strict=True) if k in outlet_words)
                 or outlet.group().strip())


#: A byline's label (كتب، إعداد، تحرير) stands within this many words of the dash or colon after it.
BYLINE_LABEL_WORDS = 2
_BYLINE_SEPARATOR = re.compile(r"[:\-–—ـ]")


def _is_byline(line: str, folded: str) -> bool:
    """``بقلم محمد علي``, ``كتب – عمر عبدالعزيز``, ``إعداد: صالح آل زمانان``; never a sentence."""
    marks = _markers()
    if line.rstrip().endswith("."):
        return False
    if _starts_with_any(folded, marks["byline_words"]):
        return True
    if not _starts_with_any(folded, marks["byline_starts"]):
        return False
    separator = _BYLINE_SEPARATOR.search(line)
    return separator is not None and _words(line[: separator.start()]) <= BYLINE_LABEL_WORDS


#: A credit names its source right after a colon: at most this many words before and after it.
CREDIT_LABEL_WORDS = 2
CREDIT_NAME_WORDS = 6


def _is_credit(line: str) -> bool:
    """``تصوير: أحمد حسن``: a short label, a colon, a short name (not «صورة مع التحية: …»)."""
    label, colon, name = line.partition(":")
    return (bool(colon) and _words(label) <= CREDIT_LABEL_WORDS and 0 < _words(name) <= CREDIT_NAME_WORDS
            and not name.rstrip().endswith("."))


def _starts_with_conjunction(line: str) -> bool:
    """Body paragraphs continue the story (و/ف/ثم...); captions start with a name or a noun.

    A leading و/ف counts when the rest of the word is itself a known word (وأضاف → أضاف), which
    names such as فلاديمير or وليد are not.
    """
    words = line.split(maxsplit=1)
    if not words:
        return False
    first = words[0]
    if first in ("ثم", "لكن", "إن", "كما", "بينما", "غير", "إلا"):
        return True
    if first[0] in "وف" and len(first) >= 4:
        rest = first[1:]
        return textkeys.frequency(rest) > 0 or textkeys.frequency(textkeys.lookup_form(rest)) > 0
    return any(role == "conj" for _, _, role in textkeys.analyse(first))


def classify_lines(lines: list[str]) -> list[RemovalReason | None]:
    """For each normalised line, the reason to remove it (None keeps it; blank lines are kept)."""
    verdicts: list[RemovalReason | None] = []
    seen: set[str] = set()
    at_head = True
    after_credit = False
    filled = [i for i, line in enumerate(lines) if line]
    # The last TAIL_LINES lines, never the first: tags follow a story.
    tail_from = filled[max(1, len(filled) - TAIL_LINES)] if len(filled) > 1 else len(lines)
    for number, line in enumerate(lines):
        if not line:
            verdicts.append(None)
            continue
        if number >= tail_from and _is_tag_line(line):
            verdicts.append("boilerplate")
            continue
        # Lines are normalised: single spaces between words, none at the ends.
        spaces = line.count(" ")
        if spaces >= CAPTION_MAX_WORDS:
            # A paragraph: too long for furniture or a caption, so only a repeat removes it, and
            # a repeated paragraph is a verbatim copy.  Folding every paragraph for a matching key
            # was a fifth of the cleaning time (bench/throughput.py).
            key = line
            reason = None if _LETTER.search(line) else line_reason(line, at_head=at_head, after_credit=after_credit)
        else:
            key = _fold_line(line)
            reason = line_reason(line, at_head=at_head, after_credit=after_credit, folded=key)
        if reason is None and spaces >= 2 and key in seen:
            reason = "duplicate"
        verdicts.append(reason)
        after_credit = reason == "credit"
        if reason is None:
            seen.add(key)
            at_head = False
    return verdicts


@lru_cache(maxsize=1)
def _glued_tags() -> re.Pattern[str]:
    """Tags glued to the last paragraph when a page lost its line break (… مليون دولار. سمات اليمن صنعاء)."""
    labels = "|".join(re.escape(t) for t in sorted(string_list(LEXICON, "tail_starts"), key=len, reverse=True))
    return re.compile(rf"(?<=[.!؟?»”\")])\s*(?:{labels})\s[^.!؟?\n]{{1,160}}$", re.IGNORECASE)


def split_glued_tags(lines: list[str]) -> tuple[list[str], Removal | None]:
    """Take a tag list glued to the end of the last paragraph off it, as boilerplate."""
    filled = [i for i, line in enumerate(lines) if line]
    if not filled:
        return lines, None
    last = filled[-1]
    m = _glued_tags().search(lines[last])
    if m is None or _words(m.group()) > FURNITURE_MAX_WORDS:
        return lines, None
    out = list(lines)
    out[last] = lines[last][: m.start()].rstrip()
    return out, Removal(text=m.group().strip(), reason="boilerplate", line=last + 1)


def _is_tag_line(line: str) -> bool:
    """The story's tags at its end (سمات الصليب الأحمر اليمن صنعاء)."""
    return _words(line) <= FURNITURE_MAX_WORDS and _starts_with_any(_fold_line(line), _markers()["tail_starts"])


def _zipf(word: str) -> float:
    f = textkeys.frequency(word)
    if f <= 0:
        return 0.0
    from math import log10

    return log10(f) + 9.0


def split_glued(word: str, support: GlueSupport = GLUE_SUPPORT) -> tuple[str, str] | None:
    """Split a word glued by a lost hyperlink into two known words, or None (``support``: the
    least Zipf frequency of each half, by seam, as in :data:`GLUE_SUPPORT`).

    Only words no frequency list knows, even after clitic analysis, are considered.  A lost link
    leaves a whole word glued to the next one, which most often starts with و/ف or ال, so those
    seams need less support than a seam inside a word; transliterated names (بيبروايت) would
    otherwise fall apart into short common pieces.
    """
    if len(word) > GLUED_MAX_LETTERS or _known(word):
        return None
    best: tuple[float, int] | None = None
    for i in range(MIN_HALF, len(word) - MIN_HALF + 1):
        left, right = word[:i], word[i:]
        need = _seam_support(left, right, support)
        z_left = _zipf(left)
        if z_left < need:
            continue  # before the right half's clitic analysis, the costly part
        # The right half usually carries a clitic of its own (وسافر): judge its lookup form too.
        z_right = max(_zipf(right), _zipf(textkeys.lookup_form(right)))
        if z_right < need:
            continue
        score = min(z_left, z_right)
        if best is None or score > best[0]:
            best = (score, i)
    if best is None:
        return None
    return word[: best[1]], word[best[1]:]


def _seam_support(left: str, right: str, support: GlueSupport = GLUE_SUPPORT) -> float:
    """Word frequency (Zipf) each half needs, by how natural the seam between them is."""
    inside, clitic, final = support
    if left[-1] in "ةىء":
        return final  # these letters end words: the seam is certain
    if (right[0] in "وف" and len(right) >= 4) or (right.startswith("ال") and len(right) >= 5):
        return clitic
    return inside


def _known(word: str) -> bool:
    """A word the frequency list knows, as it is, without its clitics or without a pronoun suffix."""
    if textkeys.frequency(word) > 0 or textkeys.frequency(textkeys.lookup_form(word)) > 0:
        return True
    for suffix in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if textkeys.frequency(base) > 0 or (base.endswith("ت") and textkeys.frequency(base[:-1] + "ة") > 0):
                return True
    return False


# Pronoun suffixes and plural/dual/nisba endings, alone and before a pronoun (خالفوها، يجدولون).
_INFLECTIONS = tuple(sorted({*textkeys.PRONOUN_SUFFIXES, "ون", "ين", "وا", "ان", "ات", "ية", "يون", "يين",
                             *(e + p for e in ("و", "ت", "تم", "ن") for p in textkeys.PRONOUN_SUFFIXES)},
                            key=len, reverse=True))


class _GlueCache(dict[str, tuple[str, str] | None]):
    """``split_glued`` per long word, looked up in C.

    ``any(map(cache.__getitem__, words))`` clears a whole text (glued words are rare) without a
    Python-level loop over its words; ``repair_line`` reads the halves from the same cache.
    One cache per ``support``, as the thresholds change the answer.
    """

    def __init__(self, support: GlueSupport = GLUE_SUPPORT) -> None:
        super().__init__()
        self.support = support

    def __missing__(self, word: str) -> tuple[str, str] | None:
        halves = self[word] = split_glued(word, self.support)
        return halves


#: Distinct long words kept between documents before the cache is emptied.
MAX_CACHED_WORDS = 300_000
_GLUED = _GlueCache()
#: The cache for other ``clean.glue_min_zipf*`` values than the defaults (one set at a time).
_OTHER_GLUED: dict[GlueSupport, _GlueCache] = {}


def _glue_cache(support: GlueSupport) -> _GlueCache:
    if support == GLUE_SUPPORT:
        return _GLUED
    if support not in _OTHER_GLUED:
        _OTHER_GLUED.clear()
        _OTHER_GLUED[support] = _GlueCache(support)
    return _OTHER_GLUED[support]


def has_glued_words(text: str, support: GlueSupport = GLUE_SUPPORT) -> bool:
    """True when some word of ``text`` is two words glued together (see ``split_glued``)."""
    cache = _glue_cache(support)
    if len(cache) > MAX_CACHED_WORDS:
        cache.clear()
    return any(map(cache.__getitem__, long_words(text)))


def long_words(text: str) -> list[str]:
    """The words of ``text`` that ``split_glued`` considers, in order (``_ARABIC_WORD`` matches)."""
    if _compiled_long_words is not None:
        return _compiled_long_words(text, GLUED_MIN_LETTERS)
    return _ARABIC_WORD.findall(text)


def repair_line(line: str, offset: int, support: GlueSupport = GLUE_SUPPORT) -> tuple[str, list[Repair]]:
    """Split glued words in one line; ``offset`` is where the line starts in the final text."""
    glued = _glue_cache(support)
    repairs: list[Repair] = []
    out: list[str] = []
    pos = 0
    shift = 0
    for m in _ARABIC_WORD.finditer(line):
        halves = glued[m.group()]
        if halves is None:
            continue
        fixed = f"{halves[0]} {halves[1]}"
        out.append(line[pos : m.start()])
        repairs.append(Repair(before=m.group(), after=fixed, start=offset + m.start() + shift))
        out.append(fixed)
        shift += len(fixed) - len(m.group())
        pos = m.end()
    if not repairs:
        return line, repairs
    out.append(line[pos:])
    return "".join(out), repairs


#: A title line wholly in quotation marks («…», “…”, "…").
_QUOTED_LINE = re.compile(r'^[«“"](?P<inner>[^«»“”"]+)[»”"]$')


def _unquoted(line: str) -> str:
    m = _QUOTED_LINE.match(line)
    return m.group("inner").strip() if m else line


def _title_of(lines: list[str], verdicts: list[RemovalReason | None]) -> int | None:
    """Index of a title line at the top: short, unpunctuated, followed by a longer paragraph."""
    kept = [i for i, (line, v) in enumerate(zip(lines, verdicts, strict=True)) if line and v is None]
    if len(kept) < 2:
        return None
    first, second = kept[0], kept[1]
    line = _unquoted(lines[first])
    if _words(line) > TITLE_MAX_WORDS or _SENTENCE_END.search(line):
        return None
    if _words(lines[second]) <= _words(line):
        return None
    return first


def _first_dateline(lines: list[str], verdicts: list[RemovalReason | None]) -> Dateline | None:
    """The dateline or byline taken out at the head, as a Dateline without a span."""
    for line, verdict in zip(lines, verdicts, strict=True):
        if verdict is None and line:
            return None  # the body has begun
        if verdict == "byline" and (filed := split_dateline(line)) is not None:
            return Dateline(text=line, place=filed.place, agency=filed.agency, author=filed.author,
                            date=_day_named(line))
    return None


def _day_named(line: str) -> str | None:
    """The exact day a dateline names (the Gregorian one when it gives both calendars)."""
    from marsad.stages.temporal import find_dates  # a pure finder; the dateline has no context

    days = [d.value for d in find_dates(line, None) if d.value and _ISO_DAY.fullmatch(d.value)]
    return days[-1] if days else None


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def clean_text(raw: str, *, has_title: bool = False, split_words: bool = True,
               remove_lines: bool = True, glue_support: GlueSupport = GLUE_SUPPORT) -> Cleaned:
    """Clean one raw article (pure: the stage below attaches the result)."""
    lines = normalise_lines(raw)
    tags: Removal | None = None
    if remove_lines:
        lines, tags = split_glued_tags(lines)
    # One look-up per long word of the whole text spares most articles the line-by-line repair.
    split_words = split_words and has_glued_words("\n".join(lines), glue_support)
    verdicts: list[RemovalReason | None] = classify_lines(lines) if remove_lines else [None] * len(lines)
    result = Cleaned(text="")
    title_at = None if has_title or not remove_lines else _title_of(lines, verdicts)
    if title_at is not None:
        result.title = _unquoted(lines[title_at])
    result.dateline = _first_dateline(lines, verdicts)
    paragraphs: list[str] = []
    length = 0
    for number, (line, reason) in enumerate(zip(lines, verdicts, strict=True), start=1):
        if reason is not None:
            result.removed.append(Removal(text=line, reason=reason, line=number))
            continue
        if not line or number - 1 == title_at:
            continue
        start = length + (1 if paragraphs else 0)
        if split_words:
            line, repairs = repair_line(line, start, glue_support)
            result.repairs.extend(repairs)
        paragraphs.append(line)
        length = start + len(line)
    if tags is not None:
        result.removed.append(tags)
    result.text = "\n".join(paragraphs)
    return result


@register(CLEAN, requires=(RAW, TITLE, ORIGIN, RECORD_ID), provides=(TEXT, REMOVED, REPAIRS, DATELINE))
def clean(doc: Document, settings: Settings) -> None:
    """Take bylines, credits, captions and furniture out, normalise, split glued words."""
    section = settings.clean
    cleaned = clean_text(doc.raw, has_title=doc.title is not None, split_words=settings.split_glued,
                         remove_lines=settings.remove_boilerplate,
                         glue_support=(section.glue_min_zipf, section.glue_min_zipf_clitic,
                                       section.glue_min_zipf_final))
    if not cleaned.text.strip():
        reasons = ", ".join(sorted({r.reason for r in cleaned.removed})) or "nothing readable"
        raise EmptyInputError(f"has no body text left after cleaning (removed: {reasons})",
                              source=doc.origin, record_id=doc.record_id)
    doc.text = cleaned.text
    doc.removed = cleaned.removed
    doc.repairs = cleaned.repairs
    doc.dateline = cleaned.dateline
    if doc.title is None:
        doc.title = cleaned.title
