"""The lexicons the NER tagger draws on, and word-level helpers shared with the entities stage.

The tagger sees words as marsad's tokenizer leaves them, clitics still attached (وبوتين,
لروسيا).  Lexicons are keyed by ``word_key`` (clitics off, letters folded): trigger words, a
place gazetteer and distributional word clusters from ``data/ner/``, and the knowledge base's
names.  ``neural_features`` turns them into the network's inputs; ``clitic_offset`` trims a
mention's leading conjunction or preposition.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from marsad.core.document import Token
from marsad.text.keys import fold, frequency, lookup_form
from marsad.text.resources import read_tsv

TRIGGERS_FILE = "triggers.tsv"
GAZETTEER_FILE = "gazetteer.tsv"
CLUSTERS_FILE = "clusters.tsv"
#: Longest gazetteer entry matched, in words (longer place names are rare in the sources).
MAX_GAZ_WORDS = 4
#: Longest knowledge-base name matched, in words (ministry names run to five: وزارة دفاع ...).
MAX_KB_WORDS = 6
#: How far back an organisation head word still marks the words after it (وزارة الشؤون
#: الخارجية والتعاون الدولي).
ORG_HEAD_WINDOW = 5
#: The knowledge base's entity types as the corpora's coarse labels (the tagger's label set).
KB_COARSE = {"PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
#: How much likelier the word left by cutting a further preposition must be (after و: «وبيونغ»
#: keeps «بيونغ» although «يونغ» is 6 times as frequent); set by eye on tests/test_entities_tagger_types.py.
PREP_CUT_RATIO = 8.0
#: Clitic roles cut off the front of a mention: «وروسيا» → «روسيا», «بموسكو» → «موسكو».
_CUT_ROLES = frozenset({"conj", "prep", "fut"})
#: Trigger concepts that mark a sentence's topic; every word of the sentence then carries the
#: topic (a city in sports news names its club, a brand in business news its company).
TOPIC_CONCEPTS = {"sport_word": "sport", "business_word": "business"}


def data_dir() -> Traversable:
    """The package directory holding the tagger's model and lexicons."""
    return resources.files("marsad") / "data" / "ner"


#: Columns of each NER lexicon (the files have no column line: scripts/build_ner_lexicons.py
#: writes them).
LEXICON_COLUMNS: dict[str, tuple[str, ...]] = {
    TRIGGERS_FILE: ("concept", "form"),
    GAZETTEER_FILE: ("type", "name"),
    CLUSTERS_FILE: ("word", "cluster_1", "cluster_2", "cluster_3"),
    "subtypes.tsv": ("concept", "form"),
}


def read_rows(path: Traversable | Path) -> list[list[str]]:
    """Tab-separated rows of an NER lexicon file (the one data loader, its columns by file name)."""
    return read_tsv(path, LEXICON_COLUMNS[path.name], column_line=False)


def word_key(word: str) -> str:
    """How lexicons and features see a word: without conjunction/preposition, letters folded."""
    return fold(lookup_form(word))


@dataclass(frozen=True)
class Lexicons:
    """Trigger words, place gazetteer and word clusters, keyed by ``word_key`` forms."""

    triggers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    gazetteer: dict[tuple[str, ...], str] = field(default_factory=dict)
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Names of the knowledge base (``marsad.stages.entities.kb``, general world knowledge) → coarse
    #: type, and definite demonyms (الروسي) as ``NORP``: a name often follows one («الأمريكي
    #: أنتوني بلينكن»).
    kb_names: dict[tuple[str, ...], str] = field(default_factory=dict)


def kb_names() -> dict[tuple[str, ...], str]:
    """Names and demonyms of marsad's knowledge base keyed like the gazetteer, with coarse types."""
    from marsad.stages.entities.kb import GENERATED_KINDS, load  # kb imports the document model

    kb = load()
    out: dict[tuple[str, ...], str] = {}
    for names in kb.names.values():
        for name in names:
            entry = kb.entries[name.kb_id]
            coarse = KB_COARSE.get(entry.type)
            # Forms that are also common words (سيول "floods") would mark every use of the word;
            # generated lists' names were not inputs when the tagger was trained.
            if coarse is None or name.context or name.variant or entry.kind in GENERATED_KINDS:
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
                  prefix: str, firsts: frozenset[str] | None = None) -> list[str]:
    """``{prefix}B=TYPE`` / ``{prefix}I=TYPE`` for words inside the longest name match at each point.

    ``firsts``, the first words of all ``names``, lets most words be skipped with one lookup.
    """
    marks = [""] * len(keys)
    i = 0
    while i < len(keys):
        if firsts is not None and keys[i] not in firsts:
            i += 1
            continue
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


def word_shape(word: str) -> str:
    """digit, arabic, latin, punct or mixed."""
    if word.isdigit() or all(ch.isdigit() or ch in ".,٫٬/" for ch in word):
        return "digit"
    if all("\u0600" <= ch <= "\u06ff" for ch in word):
        return "arabic"
    if word.isascii() and word.isalpha():
        return "latin"
    if not any(ch.isalnum() for ch in word):
        return "punct"
    return "mixed"


def zipf_bucket(word: str) -> str:
    """The word's Zipf frequency (wordfreq) rounded, or ``none``."""
    f = frequency(word)
    return str(round(math.log10(f) + 9)) if f > 0 else "none"
