"""Features of raw Arabic words for the NER tagger, and the lexicons they draw on.

The tagger sees words as marsad's tokenizer leaves them, clitics still attached (وبوتين,
لروسيا).  Features therefore come from ``marsad.textkeys``: the folded word, its clitic-free
lookup form and stem, which clitics were found, affixes, word shape and frequency, plus trigger
words, a place gazetteer and distributional word clusters from ``data/ner/``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from marsad.document import Token
from marsad.textkeys import analyse, fold, frequency, lookup_form

TRIGGERS_FILE = "triggers.tsv"
GAZETTEER_FILE = "gazetteer.tsv"
CLUSTERS_FILE = "clusters.tsv"
#: Longest gazetteer entry matched, in words (longer place names are rare in the sources).
MAX_GAZ_WORDS = 4
#: Longest knowledge-base name matched, in words (ministry names run to five: وزارة دفاع ...).
MAX_KB_WORDS = 6
#: How far back an organisation head word still marks the words after it (وزارة الشؤون
#: الخارجية والتعاون الدولي): ±2 neighbours already lend their tags, this reaches further.
ORG_HEAD_WINDOW = 5
#: The knowledge base's entity types as the corpora's coarse labels (the tagger's label set).
KB_COARSE = {"PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
#: How much likelier the word left by cutting a further preposition must be (after و: «وبيونغ»
#: keeps «بيونغ» although «يونغ» is 6 times as frequent); set by eye on tests/test_entities_tagger_types.py.
PREP_CUT_RATIO = 8.0
#: Clitic roles cut off the front of a mention: «وروسيا» → «روسيا», «بموسكو» → «موسكو».
_CUT_ROLES = frozenset({"conj", "prep", "fut"})
#: Trigger concepts that mark a sentence's topic; every word of the sentence then carries the
#: topic, alone and joined with its name marks and coarse cluster (a city in sports news is a club).
TOPIC_CONCEPTS = {"sport_word": "sport", "business_word": "business"}
#: Words whose features are kept between sentences (a news day has well under this many types).
MAX_CACHED_WORDS = 200_000


def data_dir() -> Traversable:
    """The package directory holding the tagger's model and lexicons."""
    return resources.files("marsad") / "data" / "ner"


def read_rows(path: Traversable | Path) -> list[list[str]]:
    """Tab-separated rows of a lexicon file, skipping ``#`` comment lines and blank lines."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def word_key(word: str) -> str:
    """How lexicons and features see a word: without conjunction/preposition, letters folded."""
    return fold(lookup_form(word))


@dataclass(frozen=True)
class Lexicons:
    """Trigger words, place gazetteer and word clusters, keyed by ``word_key`` forms."""

    triggers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    gazetteer: dict[tuple[str, ...], str] = field(default_factory=dict)
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Names of the knowledge base (``marsad.entities.kb``, general world knowledge) → coarse
    #: type, and definite demonyms (الروسي) as ``NORP``: a name often follows one («الأمريكي
    #: أنتوني بلينكن»).
    kb_names: dict[tuple[str, ...], str] = field(default_factory=dict)


def kb_names() -> dict[tuple[str, ...], str]:
    """Names and demonyms of marsad's knowledge base keyed like the gazetteer, with coarse types."""
    from marsad.entities.kb import load  # the knowledge base imports the document model

    kb = load()
    out: dict[tuple[str, ...], str] = {}
    for names in kb.names.values():
        for name in names:
            coarse = KB_COARSE.get(kb.entries[name.kb_id].type)
            # Forms that are also common words (سيول "floods") would mark every use of the word.
            if coarse is None or name.context:
                continue
            words = tuple(word_key(w) for w in name.form.split())
            if 0 < len(words) <= MAX_KB_WORDS:
                out.setdefault(words, coarse)
    for demonym in kb.demonyms:
        out.setdefault(tuple(word_key(w) for w in demonym), "NORP")
    return out


def load_lexicons(directory: Traversable | Path, *, with_kb: bool = True) -> Lexicons:
    """Read whichever of the three lexicon files exist in ``directory``."""
    triggers: dict[str, tuple[str, ...]] = {}
    gazetteer: dict[tuple[str, ...], str] = {}
    clusters: dict[str, tuple[str, ...]] = {}
    if (path := directory / TRIGGERS_FILE).is_file():
        for concept, form in read_rows(path):
            k = word_key(form)
            triggers[k] = (*triggers.get(k, ()), concept)
    if (path := directory / GAZETTEER_FILE).is_file():
        for kind, name in read_rows(path):
            words = tuple(word_key(w) for w in name.split())
            if 0 < len(words) <= MAX_GAZ_WORDS:
                gazetteer.setdefault(words, kind)
    if (path := directory / CLUSTERS_FILE).is_file():
        for word, *ids in read_rows(path):
            clusters[word] = tuple(ids)
    return Lexicons(triggers, gazetteer, clusters, kb_names() if with_kb else {})


def longest_marks(keys: Sequence[str], names: dict[tuple[str, ...], str], longest: int,
                  prefix: str) -> list[str]:
    """``{prefix}B=TYPE`` / ``{prefix}I=TYPE`` for words inside the longest name match at each point."""
    marks = [""] * len(keys)
    i = 0
    while i < len(keys):
        for n in range(min(longest, len(keys) - i), 0, -1):
            kind = names.get(tuple(keys[i:i + n]))
            if kind:
                marks[i] = f"{prefix}B={kind}"
                for j in range(i + 1, i + n):
                    marks[j] = f"{prefix}I={kind}"
                i += n
                break
        else:
            i += 1
    return marks


def clitic_offset(token: Token, word: str) -> int:
    """Characters of conjunction/preposition to cut off the front of a mention's first ``word``.

    The cut points come from the token's clitic analysis.  A deeper cut must leave a likelier
    word (wordfreq), by ``PREP_CUT_RATIO`` for a preposition: «وبكين» → «بكين», not «كين»;
    «وبيونغ» → «بيونغ», not «يونغ».  When no remainder is a known word (a rare name), only a
    conjunction و is cut: «وفوستوشني» → «فوستوشني», but «فوستوشني» stays whole.  ``لل`` + noun
    keeps its preposition («للأمم المتحدة»): cutting it would leave «لأمم», no spelling of the
    name, and linkers fold ``لل`` back to ``ال`` anyway.
    """
    cuts = [(0, "")]
    pieces = token.pieces
    for i, (_, end, role) in enumerate(pieces):
        if role not in _CUT_ROLES:
            break
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if role == "prep" and nxt is not None and nxt[2] == "det" and nxt[1] - nxt[0] == 1:
            break
        if end < len(word):
            cuts.append((end, role))
    if len(cuts) == 1:
        return 0
    best, best_freq = 0, frequency(word)
    for cut, role in cuts[1:]:
        freq = frequency(word[cut:])
        if freq > 0 and freq >= best_freq * (PREP_CUT_RATIO if role == "prep" and best else 1.0):
            best, best_freq = cut, freq
    if best_freq > 0:
        return best
    return 1 if word.startswith("و") and pieces[0][2] == "conj" else 0


def _shape(word: str) -> str:
    if word.isdigit() or all(ch.isdigit() or ch in ".,٫٬/" for ch in word):
        return "digit"
    if all("\u0600" <= ch <= "\u06ff" for ch in word):
        return "arabic"
    if word.isascii() and word.isalpha():
        return "latin"
    if not any(ch.isalnum() for ch in word):
        return "punct"
    return "mixed"


def _zipf(word: str) -> str:
    f = frequency(word)
    return str(round(math.log10(f) + 9)) if f > 0 else "none"


@dataclass(frozen=True)
class WordInfo:
    """Everything about one word that does not depend on its neighbours, as feature strings.

    The features a word lends its neighbours (``-1k=…``, ``+2c1=…``) are built once per word type
    and cached with it, so a sentence costs little more than tuple concatenation.
    """

    features: tuple[str, ...]
    key: str
    as_prev: tuple[str, ...]
    as_next: tuple[str, ...]
    as_prev2: tuple[str, ...]
    as_next2: tuple[str, ...]
    org_head: bool = False
    punct: bool = False
    #: Sentence topics this word signals (``TOPIC_CONCEPTS``), and its coarsest word cluster.
    topics: tuple[str, ...] = ()
    cluster: str = ""


class FeatureExtractor:
    """Turns a sentence of raw words into crfsuite feature lists.

    With a ``domain``, every feature also appears with that domain's prefix (Daumé 2007,
    "frustratingly easy" adaptation): shared weights learn what the training corpora agree on,
    the prefixed copies learn one corpus's conventions (ANERcorp tags nationalities O, WikiFANE
    tags buildings LOC...).  The tagger uses the copies of the corpus it should imitate.
    """

    def __init__(self, lexicons: Lexicons, domain: str = "", known: frozenset[str] | None = None) -> None:
        self.lexicons = lexicons
        self.domain = domain
        # A trained model's attributes: others carry no weight, and leaving them out makes
        # crfsuite's tagging twice as fast.  Per word they are filtered once, when cached.
        self.known = known
        self._cache: dict[str, WordInfo] = {}

    def _dup(self, feats: Sequence[str]) -> tuple[str, ...]:
        """``feats`` and, with a domain, their domain-prefixed copies (only known ones, if set)."""
        out = (*feats, *(f"{self.domain}|{f}" for f in feats)) if self.domain else tuple(feats)
        if self.known is not None:
            known = self.known
            out = tuple(f for f in out if f in known)
        return out

    def word_info(self, word: str) -> WordInfo:
        info = self._cache.get(word)
        if info is None:
            if len(self._cache) >= MAX_CACHED_WORDS:
                self._cache.clear()  # a long-running worker must not grow without bound
            info = self._cache[word] = self._word_info(word)
        return info

    def _word_info(self, word: str) -> WordInfo:
        pieces = analyse(word)
        roles = "+".join(role for _, _, role in pieces if role != "stem") or "-"
        stem = next(fold(word[s:e]) for s, e, role in pieces if role == "stem")
        key = word_key(word)
        shape = _shape(word)
        zipf = _zipf(lookup_form(word)) if shape == "arabic" else shape
        feats = ["bias", f"w={fold(word)}", f"k={key}", f"s={stem}", f"r={roles}", f"sh={shape}", f"z={zipf}"]
        if shape == "arabic":
            feats += [f"p2={stem[:2]}", f"p3={stem[:3]}", f"x1={stem[-1:]}", f"x2={stem[-2:]}",
                      f"x3={stem[-3:]}", f"n={min(len(stem), 8)}"]
            # Leading and trailing letters of the whole word, clitics included (Abdul-Hamid and
            # Darwish 2010): they carry the article, prepositions and nisba/plural endings.
            folded = fold(word)
            feats += [f"wp{i}={folded[:i]}" for i in (1, 2, 3, 4)]
            feats += [f"wx{i}={folded[-i:]}" for i in (1, 2, 3, 4)]
        elif shape == "latin":
            feats.append(f"cap={word[:1].isupper()}")
        tags = [f"t={c}" for c in self.lexicons.triggers.get(key, ())]
        tags += [f"c{i}={c}" for i, c in enumerate(self.lexicons.clusters.get(key, ()))]
        feats += tags
        dup = self._dup
        return WordInfo(
            dup(feats), key,
            # A neighbour's frequency and clitics mark name boundaries: a common word or a
            # word opening with و after a name usually ends it («... أبوالنجا أناب»).
            as_prev=dup((f"-1k={key}", f"-1s={stem}", f"-1z={zipf}", f"-1r={roles}", *(f"-1{t}" for t in tags))),
            as_next=dup((f"+1k={key}", f"+1s={stem}", f"+1z={zipf}", f"+1r={roles}", *(f"+1{t}" for t in tags))),
            as_prev2=dup((f"-2s={stem}", *(f"-2{t}" for t in tags))),
            as_next2=dup((f"+2s={stem}", *(f"+2{t}" for t in tags))),
            org_head="org_head" in self.lexicons.triggers.get(key, ()),
            punct=shape == "punct",
            topics=tuple(TOPIC_CONCEPTS[c] for c in self.lexicons.triggers.get(key, ()) if c in TOPIC_CONCEPTS),
            cluster=clusters[0] if (clusters := self.lexicons.clusters.get(key)) else "",
        )

    def _gazetteer_marks(self, keys: Sequence[str]) -> list[str]:
        """``gB=LOC`` / ``gI=LOC`` for words inside the longest gazetteer match at each point."""
        return longest_marks(keys, self.lexicons.gazetteer, MAX_GAZ_WORDS, "g")

    def _context_marks(self, keys: Sequence[str], infos: Sequence[WordInfo]) -> list[list[str]]:
        """Knowledge-base name marks (``kB=ORG``…) and the distance back to an organisation head."""
        kb = longest_marks(keys, self.lexicons.kb_names, MAX_KB_WORDS, "k") if self.lexicons.kb_names else []
        out: list[list[str]] = []
        last_head = -ORG_HEAD_WINDOW - 1
        for i, info in enumerate(infos):
            if info.punct:
                last_head = -ORG_HEAD_WINDOW - 1  # a comma or bracket ends the name
            marks = [kb[i]] if kb and kb[i] else []
            # A demonym or a known name next door: «الأمريكي أنتوني بلينكن», «موسكو وبكين».
            if kb and i > 0 and kb[i - 1]:
                marks.append(f"-1{kb[i - 1]}")
            if kb and i + 1 < len(kb) and kb[i + 1]:
                marks.append(f"+1{kb[i + 1]}")
            if i - last_head <= ORG_HEAD_WINDOW:
                marks.append(f"oh={i - last_head}")
            if info.org_head:
                last_head = i
            out.append(marks)
        return out

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        """One feature list per word: its own features, then its neighbours' (±2)."""
        infos = [self.word_info(w) for w in words]
        keys = [i.key for i in infos]
        gaz = self._gazetteer_marks(keys) if self.lexicons.gazetteer else []
        context = self._context_marks(keys, infos)
        topics = sorted({t for info in infos for t in info.topics})
        n = len(infos)
        out: list[list[str]] = []
        for i, info in enumerate(infos):
            feats = list(info.features)
            extra = [gaz[i]] if gaz and gaz[i] else []
            extra += context[i]
            own_marks = [m for m in (gaz[i] if gaz else "", *context[i]) if m[:1] in ("g", "k")]
            for topic in topics:
                extra += [f"tp={topic}", f"tp={topic}|c0={info.cluster}",
                          *(f"tp={topic}|{mark}" for mark in own_marks)]
            if i == 0:
                extra.append("BOS")
            else:
                prev = infos[i - 1]
                feats += prev.as_prev
                extra.append(f"-1k|k={prev.key}|{info.key}")
                if gaz and gaz[i - 1]:
                    extra.append(f"-1{gaz[i - 1]}")
                if i > 1:
                    feats += infos[i - 2].as_prev2
            if i == n - 1:
                extra.append("EOS")
            else:
                nxt = infos[i + 1]
                feats += nxt.as_next
                extra.append(f"k|+1k={info.key}|{nxt.key}")
                if gaz and gaz[i + 1]:
                    extra.append(f"+1{gaz[i + 1]}")
                if i < n - 2:
                    feats += infos[i + 2].as_next2
            feats += self._dup(extra)
            out.append(feats)
        return out
