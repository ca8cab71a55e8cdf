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

from marsad.core.document import Document, Removal, RemovalReason, Repair
from marsad.core.errors import EmptyInputError
from marsad.core.registry import CLEAN, ORIGIN, RAW, RECORD_ID, REMOVED, REPAIRS, TEXT, TITLE, register
from marsad.core.settings import Settings
from marsad.text import keys as textkeys
from marsad.text.resources import string_list

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
GLUE_MIN_ZIPF = 4.8
GLUE_MIN_ZIPF_CLITIC = 3.9
GLUE_MIN_ZIPF_FINAL = 3.6
#: Shortest half of a glued word: two-letter pieces (يا، بر، أو) explain too many names.
MIN_HALF = 3
#: Longest line, in words, that can be a caption next to a credit or a title at the top.
CAPTION_MAX_WORDS = 40
TITLE_MAX_WORDS = 20
#: Lines of furniture are short; a long line that merely starts with "شارك" is body text.
FURNITURE_MAX_WORDS = 12


@dataclass
class Cleaned:
    """What ``clean_text`` makes of a raw article."""

    text: str
    removed: list[Removal] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    title: str | None = None


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
                for k in ("byline_starts", "credit_starts", "boilerplate_starts", "caption_starts")}
    pieces = _alternation(folded("outlets") + folded("credit_separators"))
    # A line of outlets: names and separators only (atomic groups keep long lines linear).
    patterns["outlet_line"] = re.compile(f"(?>[ .]*(?>{pieces}))+[ .]*")
    return patterns


def _fold_line(line: str) -> str:
    return textkeys.fold(line).casefold()


def _starts_with_any(folded: str, pattern: re.Pattern[str]) -> bool:
    return pattern.match(folded) is not None


def is_outlet_line(line: str) -> bool:
    """True when the line names only outlets or agencies (``أ ف ب / رويترز``)."""
    return bool(_LETTER.search(line)) and _outlets_only(_fold_line(line))


def _outlets_only(folded: str) -> bool:
    return _markers()["outlet_line"].fullmatch(folded.strip()) is not None


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
    if words <= FURNITURE_MAX_WORDS and _starts_with_any(folded, marks["byline_starts"]):
        return "byline"
    if words <= FURNITURE_MAX_WORDS and _starts_with_any(folded, marks["credit_starts"]) and ":" in line[:30]:
        return "credit"
    if words <= FURNITURE_MAX_WORDS and _starts_with_any(folded, marks["boilerplate_starts"]):
        return "boilerplate"
    if words <= CAPTION_MAX_WORDS and _starts_with_any(folded, marks["caption_starts"]):
        return "caption"
    if after_credit and words <= CAPTION_MAX_WORDS and not _starts_with_conjunction(line):
        return "caption"
    return None


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
    for line in lines:
        if not line:
            verdicts.append(None)
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


def _zipf(word: str) -> float:
    f = textkeys.frequency(word)
    if f <= 0:
        return 0.0
    from math import log10

    return log10(f) + 9.0


def split_glued(word: str) -> tuple[str, str] | None:
    """Split a word glued by a lost hyperlink into two known words, or None.

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
        need = _seam_support(left, right)
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


def _seam_support(left: str, right: str) -> float:
    """Word frequency (Zipf) each half needs, by how natural the seam between them is."""
    if left[-1] in "ةىء":
        return GLUE_MIN_ZIPF_FINAL  # these letters end words: the seam is certain
    if (right[0] in "وف" and len(right) >= 4) or (right.startswith("ال") and len(right) >= 5):
        return GLUE_MIN_ZIPF_CLITIC
    return GLUE_MIN_ZIPF


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
    """

    def __missing__(self, word: str) -> tuple[str, str] | None:
        halves = self[word] = split_glued(word)
        return halves


#: Distinct long words kept between documents before the cache is emptied.
MAX_CACHED_WORDS = 300_000
_GLUED = _GlueCache()


def has_glued_words(text: str) -> bool:
    """True when some word of ``text`` is two words glued together (see ``split_glued``)."""
    if len(_GLUED) > MAX_CACHED_WORDS:
        _GLUED.clear()
    return any(map(_GLUED.__getitem__, long_words(text)))


def long_words(text: str) -> list[str]:
    """The words of ``text`` that ``split_glued`` considers, in order (``_ARABIC_WORD`` matches)."""
    if _compiled_long_words is not None:
        return _compiled_long_words(text, GLUED_MIN_LETTERS)
    return _ARABIC_WORD.findall(text)


def repair_line(line: str, offset: int) -> tuple[str, list[Repair]]:
    """Split glued words in one line; ``offset`` is where the line starts in the final text."""
    repairs: list[Repair] = []
    out: list[str] = []
    pos = 0
    shift = 0
    for m in _ARABIC_WORD.finditer(line):
        halves = _GLUED[m.group()]
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


def _title_of(lines: list[str], verdicts: list[RemovalReason | None]) -> int | None:
    """Index of a title line at the top: short, unpunctuated, followed by a longer paragraph."""
    kept = [i for i, (line, v) in enumerate(zip(lines, verdicts, strict=True)) if line and v is None]
    if len(kept) < 2:
        return None
    first, second = kept[0], kept[1]
    line = lines[first]
    if _words(line) > TITLE_MAX_WORDS or _SENTENCE_END.search(line):
        return None
    if _words(lines[second]) <= _words(line):
        return None
    return first


def clean_text(raw: str, *, has_title: bool = False, split_words: bool = True,
               remove_lines: bool = True) -> Cleaned:
    """Clean one raw article (pure: the stage below attaches the result)."""
    lines = normalise_lines(raw)
    # One look-up per long word of the whole text spares most articles the line-by-line repair.
    split_words = split_words and has_glued_words("\n".join(lines))
    verdicts: list[RemovalReason | None] = classify_lines(lines) if remove_lines else [None] * len(lines)
    result = Cleaned(text="")
    title_at = None if has_title or not remove_lines else _title_of(lines, verdicts)
    if title_at is not None:
        result.title = lines[title_at]
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
            line, repairs = repair_line(line, start)
            result.repairs.extend(repairs)
        paragraphs.append(line)
        length = start + len(line)
    result.text = "\n".join(paragraphs)
    return result


@register(CLEAN, requires=(RAW, TITLE, ORIGIN, RECORD_ID), provides=(TEXT, REMOVED, REPAIRS))
def clean(doc: Document, settings: Settings) -> None:
    """Take bylines, credits, captions and furniture out, normalise, split glued words."""
    cleaned = clean_text(doc.raw, has_title=doc.title is not None, split_words=settings.split_glued,
                         remove_lines=settings.remove_boilerplate)
    if not cleaned.text.strip():
        reasons = ", ".join(sorted({r.reason for r in cleaned.removed})) or "nothing readable"
        raise EmptyInputError(f"has no body text left after cleaning (removed: {reasons})",
                              source=doc.origin, record_id=doc.record_id)
    doc.text = cleaned.text
    doc.removed = cleaned.removed
    doc.repairs = cleaned.repairs
    if doc.title is None:
        doc.title = cleaned.title
