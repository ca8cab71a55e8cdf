"""Arabic-aware search keys, query parsing and snippet highlighting, shared by every store.

Both the index and the query go through :func:`term`: the word's proclitics (و ف ب ل ك س ال)
are taken off by :func:`marsad.text.keys.analyse` and the rest is folded (hamza on alef, alef
maqsura, ta marbuta, diacritics, tatweel), so وبالكرملين, الكرملين and كرملين share one term.
The index holds only these terms; hits are mapped back to the original text by re-reading the
article's words in order, which gives snippets with the words exactly as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from marsad.text.keys import SINGLE_PROCLITICS, analyse, fold, strip_diacritics

# A word is a run of letters, digits and combining marks (Arabic diacritics are marks, tatweel
# is a letter-modifier), so diacritised words stay whole.
WORD_RE = re.compile(r"[^\W_]+(?:[\u0640\u064B-\u065F\u0670][^\W_]*)*")
_PROCLITIC_ROLES = frozenset({"conj", "prep", "fut", "det"})
#: How a word with a proclitic starts: و ف ب ل ك س, or the article ال (the one clitic inventory).
_PROCLITIC_STARTS = SINGLE_PROCLITICS
#: Words of context kept on each side of the first hit in a snippet.
SNIPPET_WORDS = 12


#: Words whose term is remembered (a plain dict: ingest looks up every word of every article,
#: and bench/store_ingest.py went from 407 to 672 articles/s when functools.lru_cache was replaced).
TERM_CACHE_SIZE = 500_000
_TERMS: dict[str, str] = {}


def term(word: str) -> str:
    """The search term of one word: proclitics and the article taken off, then folded."""
    found = _TERMS.get(word)
    if found is None:
        if len(_TERMS) >= TERM_CACHE_SIZE:
            _TERMS.clear()
        found = _TERMS[word] = _term(word)
    return found


def _term(word: str) -> str:
    if word.isascii():
        return word.lower()
    # Analyse before folding: the word frequencies behind analyse() are keyed with ة and hamza.
    plain = strip_diacritics(word)
    if not plain.startswith(_PROCLITIC_STARTS):
        return fold(plain)  # no proclitic can start this word: skip the analysis (ingest speed)
    return fold(_without_proclitics(plain) or plain)


def _without_proclitics(word: str) -> str:
    """``word`` less its proclitics.  After a lone conjunction the rest is analysed again on its
    own, so وX always gives the same term as X (وبيونغ is و + بيونغ, not و + ب + يونغ)."""
    pieces = analyse(word)
    roles = [role for _s, _e, role in pieces if role in _PROCLITIC_ROLES]
    if len(roles) > 1 and roles[0] == "conj" and "det" not in roles:
        return _without_proclitics(word[pieces[0][1]:])
    start = 0
    for _start, end, role in pieces:
        if role not in _PROCLITIC_ROLES:
            break
        start = end
    return word[start:]


def words(text: str) -> list[tuple[str, int, int]]:
    """Every word of ``text`` with its offsets, in order."""
    return [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def terms(text: str) -> list[str]:
    """The search terms of ``text`` in order (empty terms dropped)."""
    found = WORD_RE.findall(text)
    known = list(map(_TERMS.get, found))  # map over the dict's own get: ingest's hottest loop
    if None in known:
        known = [t if t is not None else term(w) for t, w in zip(known, found, strict=True)]
    return list(filter(None, known))


def index_text(text: str) -> str:
    """What the full-text index holds for ``text``: its terms joined by spaces."""
    return " ".join(terms(text))


@dataclass(frozen=True)
class Query:
    """A parsed search query: words that must all occur, and phrases that must occur in order."""

    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()

    @property
    def empty(self) -> bool:
        return not self.words and not self.phrases

    @property
    def all_terms(self) -> frozenset[str]:
        return frozenset(self.words) | frozenset(t for p in self.phrases for t in p)


_PHRASE_RE = re.compile(r'"([^"]*)"|«([^»]*)»')


def parse_query(text: str) -> Query:
    """Parse ``text``: quoted parts ("…" or «…») are phrases, every other word is required."""
    phrases: list[tuple[str, ...]] = []
    for match in _PHRASE_RE.finditer(text):
        phrase = tuple(terms(match.group(1) or match.group(2) or ""))
        if len(phrase) == 1:
            text = text.replace(match.group(), " " + phrase[0] + " ")
        elif phrase:
            phrases.append(phrase)
    rest = _PHRASE_RE.sub(" ", text)
    seen: dict[str, None] = dict.fromkeys(terms(rest))
    return Query(tuple(seen), tuple(phrases))


def fts5_match(query: Query) -> str:
    """The query as an SQLite FTS5 MATCH expression; every term is quoted, so no syntax leaks."""
    parts = [f'"{w}"' for w in query.words]
    parts += ['"' + " ".join(p) + '"' for p in query.phrases]
    return " AND ".join(parts)


def tsquery_text(query: Query) -> str:
    """The query as a PostgreSQL ``to_tsquery`` expression over pre-normalised terms."""
    parts = [_quote_ts(w) for w in query.words]
    parts += ["(" + " <-> ".join(_quote_ts(t) for t in p) + ")" for p in query.phrases]
    return " & ".join(parts)


def _quote_ts(t: str) -> str:
    # Terms are letters and digits only (WORD_RE), but quote them so tsquery never parses them.
    return "'" + t.replace("'", "") + "'"


@dataclass(frozen=True)
class Snippet:
    """An excerpt of an article with the offsets (into ``text``) of the words that matched."""

    text: str
    start: int
    highlights: tuple[tuple[int, int], ...] = field(default=())


def _matcher(query: Query) -> Callable[[str], bool]:
    """A test for "this word's term is one the query asks for".  A word's term is the end of
    its folded form, so most words are ruled out by a cheap suffix check before any analysis
    (snippets of search hits must not analyse every word of every hit)."""
    wanted = query.all_terms
    ends = tuple(wanted)

    def matches(word: str) -> bool:
        folded = word.lower() if word.isascii() else fold(word)
        return folded.endswith(ends) and term(word) in wanted

    return matches


def find_hits(text: str, query: Query) -> list[tuple[int, int]]:
    """Offsets of every word of ``text`` whose term is one the query asks for."""
    matches = _matcher(query)
    return [(s, e) for w, s, e in words(text) if matches(w)]


def snippet(text: str, query: Query, size: int = SNIPPET_WORDS) -> Snippet:
    """An excerpt of ``text`` around its first hit, with every hit inside it highlighted."""
    ws = words(text)
    if not ws:
        return Snippet(text[:200], 0)
    matches = _matcher(query)
    first = next((i for i, (w, _s, _e) in enumerate(ws) if matches(w)), 0)
    lo = max(0, first - size)
    hi = min(len(ws) - 1, first + size)
    start = 0 if lo == 0 else ws[lo][1]
    end = len(text) if hi == len(ws) - 1 else ws[hi][2]
    excerpt = text[start:end]
    hits = tuple((s - start, e - start) for w, s, e in ws[lo : hi + 1] if matches(w))
    prefix = "" if lo == 0 else "… "
    suffix = "" if hi == len(ws) - 1 else " …"
    shift = len(prefix)
    return Snippet(prefix + excerpt.strip("\n") + suffix, start,
                   tuple((s + shift, e + shift) for s, e in hits))


def padded_key(*texts: str | None) -> str:
    """Terms of several texts joined with spaces, padded so `` term `` matches whole terms."""
    joined = " ".join(index_text(t) for t in texts if t)
    return f" {joined} "
