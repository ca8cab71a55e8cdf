"""The ``entities`` stage: knowledge-base names, titles and tagger mentions, merged and linked.

``find_mentions`` returns candidates (house style: find, then annotate); ``assemble`` merges them
into one :class:`~marsad.core.document.Entity` per referent, ordered by first mention.  The trained
tagger (``marsad.stages.entities.tagger``) adds names the knowledge base lacks; without a shipped model
the stage runs on the knowledge base alone.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import cast

from marsad.core.document import Document, Entity, EntityType, Span, Token
from marsad.core.registry import (
    ATTR_ENTITIES,
    ATTR_REFERENCES,
    ENTITIES,
    PUBLISHED,
    SENTENCES,
    TEXT,
    TOKENS,
    register,
)
from marsad.core.settings import Settings
from marsad.stages.entities.core import description_adjective, name_core, tagged_core
from marsad.stages.entities.coref import find_references, title_holders
from marsad.stages.entities.cued import cued_names
from marsad.stages.entities.features import TRIGGERS_FILE, clitic_offset, data_dir, read_rows, word_key
from marsad.stages.entities.kb import ENTITY_TYPES, KnowledgeBase, Name, load, name_key, read_table, title_modifiers
from marsad.stages.entities.link import (
    FUZZY_MIN,
    Mention,
    Resolver,
    fuzzy_entry,
    group_unknown_persons,
    merge_key,
    to_entity,
)
from marsad.stages.entities.match import (
    NameMatch,
    TitleMatch,
    find_names,
    find_titles,
    first_word_keys,
    longest_at,
    surface_keys,
    word_at,
)
from marsad.stages.entities.ministries import bare_ministries
from marsad.stages.entities.nationality import qualified_nationalities, titled_persons_state
from marsad.stages.entities.noise import (
    adjective_after_head,
    split_at_speech_verb,
    without_possessed_tail,
    word_before_possessed_noun,
)
from marsad.stages.entities.orgs import composed_name, extend_name, is_description, named_after_person
from marsad.stages.entities.outlets import find_facilities, find_headed_places, find_local_places, find_outlets
from marsad.stages.entities.places import division_states, leading_state, reread_places
from marsad.stages.entities.romanise import name_tokens, romanise
from marsad.stages.entities.tagger import tag
from marsad.text.keys import fold, frequency, strip_diacritics
from marsad.text.resources import load_yaml, read_tsv

Tagged = list[tuple[Span, str]]

__all__ = ["assemble", "entities", "find_entities", "find_mentions", "tagger_mentions"]


def tagger_mentions(doc: Document) -> Tagged:
    """Spans and types from the trained tagger, or nothing when no model is shipped."""
    return tag(doc)


def trim_proclitics(doc: Document, span: Span) -> Span:
    """Start a tagged span after a conjunction or preposition glued to its first word.

    The tagger's spans come trimmed already (``clitic_offset``, which keeps rare names whole:
    «فوستوشني»); the same cut is idempotent on them and trims spans given by other callers
    («ومحمود درويش» → «محمود درويش»).  A span starting inside a word was cut already.
    """
    i = token_index([t.end for t in doc.tokens], span.start)
    if i >= len(doc.tokens):
        return span
    token = doc.tokens[i]
    if token.start != span.start:
        return _whole_name(doc, span, token)
    word = doc.text[token.start:token.end]
    if token.pieces:
        cut = clitic_offset(token, word)
    else:
        # One word the tagger read whole may be a rare place whose rest is a word (لحج, not ل + حج).
        cut = _unanalysed_cut(word) if token.end < span.end else 0
    return Span(span.start + cut, span.end) if span.start + cut < span.end else span


def _unanalysed_cut(word: str) -> int:
    """A preposition or conjunction on a word the clitic analysis left whole (بجامعة تبوك):
    cut where the rest is a likelier word than the whole (``first_word_keys``), unless the
    whole is a known name (فيصل, بشار)."""
    if fold(word) in name_tokens():
        return 0
    cuts = [offset for key, offset in first_word_keys(word)[1:] if offset > 0 and frequency(key) > 0]
    return cuts[0] if cuts else 0


def _whole_name(doc: Document, span: Span, token: Token) -> Span:
    """A span cut after a letter that reads as a proclitic, where the whole word is a known name
    (فيصل is not ف + يصل, بشار not ب + شار): the span takes the whole word back."""
    cut = span.start - token.start
    word = doc.text[token.start:token.end]
    if 0 < cut <= 1 and token.start < span.start < token.end and fold(word) in name_tokens():
        return Span(token.start, span.end)
    return span


def token_index(ends: list[int], offset: int) -> int:
    """Index of the token holding ``offset`` (or the next one), given the tokens' ends."""
    return bisect.bisect_right(ends, offset)


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    return frozenset(fold(r["particle"]) for r in read_table("name_particles.tsv"))


@lru_cache(maxsize=1)
def _lineage_particles() -> frozenset[str]:
    return frozenset(fold(r["particle"]) for r in read_table("name_particles.tsv") if r["lineage"] == "yes")


def _through_particle(doc: Document, span: Span) -> Span:
    """A person's name cut after a particle that needs the next word (سوروش أبو | طالبي, فلان
    بن | صقر) takes that word."""
    ends = [t.end for t in doc.tokens]
    last = token_index(ends, span.end - 1)
    if last + 1 >= len(doc.tokens) or doc.tokens[last].end != span.end:
        return span
    following = doc.tokens[last + 1]
    if fold(doc.span_text(Span(doc.tokens[last].start, span.end))) not in _particles():
        return span
    if following.kind != "word" or doc.sentence_of(following.start) != doc.sentence_of(span.start):
        return span
    return Span(span.start, following.end)


#: Fewest words of a tagged person's name that a name word after it may lengthen.
MIN_NAME_WORDS = 2


#: Frequency above which a word after a name is read as a common word (قسم، عالم، بيد، بغداد), not
#: a last name the tagger left out: the names it cuts are rare foreign ones (بيدار، كوفتون).
COMMON_WORD_FREQUENCY = 1e-5


@lru_cache(maxsize=1)
def _post_titles() -> frozenset[str]:
    """Folded words of a post that may follow a person's name (حاكم، نائب، المتحدث), read from
    the quotes lexicon's ``titles``."""
    return frozenset(fold(w) for w in load_yaml("quote_cues.yaml").get("titles", []) if isinstance(w, str))


@lru_cache(maxsize=1)
def _statement_words() -> frozenset[str]:
    """Folded complementisers and participles of saying (أن، قائلة), which no name word is."""
    data = load_yaml("quote_cues.yaml")
    words = [*data.get("complementisers", []), *(w for ws in data.get("participles", {}).values() for w in ws)]
    return frozenset(fold(w) for w in words if isinstance(w, str))


def _name_tail(doc: Document, span: Span) -> Span:
    """A person's name of two words or more that the tagger cut before a last name word takes it,
    when a post, a statement or punctuation follows that word: «وقال أحمد جاويد بيدار، المتحدث …».
    A name word that is also a post (امين، نائب) is not taken: «بن رودس نائب مستشار الأمن القومي»
    (so «محمد رحيم امين حاكم منطقة …» stays cut)."""
    ends = [t.end for t in doc.tokens]
    last = token_index(ends, span.end - 1)
    first = token_index(ends, span.start)
    if last - first + 1 < MIN_NAME_WORDS or last + 2 >= len(doc.tokens) or doc.tokens[last].end != span.end:
        return span
    word, after = doc.tokens[last + 1], doc.tokens[last + 2]
    if word.kind != "word" or doc.sentence_of(word.start) != doc.sentence_of(span.start):
        return span
    text = doc.text[word.start:word.end]
    key = fold(text)
    if key not in name_tokens() or key in _statement_words() or frequency(text) > COMMON_WORD_FREQUENCY:
        return span
    if key in _post_titles():
        return span  # («بن رودس نائب مستشار الأمن القومي»: a title of titles, not a name)
    next_key = word_at(doc, last + 2).removeprefix("و")
    closes = after.kind in ("punct", "symbol") or next_key in _post_titles() or next_key in _statement_words()
    return Span(span.start, word.end) if closes else span


#: Dashes that join the parts of a double name (ميكل - لايتنر, ليفي-ستروس).
HYPHENS = frozenset("-‐‑–")
#: Most words of a person's name joined across a hyphen (the parts the tagger cut there).
MAX_JOINED_WORDS = 5


def join_hyphenated(doc: Document, tagged: Tagged) -> Tagged:
    """Two person spans the tagger cut at a hyphen between them, in one sentence, are one double
    name (يوهانا ميكل - لايتنر, فرانك - فالتر شتاينماير): Arabic writes foreign double names with
    a spaced or unspaced hyphen, and the tagger reads the hyphen as a boundary."""
    out: Tagged = []
    for span, label in tagged:
        if out and label == "PER" and out[-1][1] == "PER" and _hyphen_between(doc, out[-1][0], span):
            joined = Span(out[-1][0].start, span.end)
            if len(doc.span_text(joined).split()) <= MAX_JOINED_WORDS:
                out[-1] = (joined, label)
                continue
        out.append((span, label))
    return out


def _hyphen_between(doc: Document, left: Span, right: Span) -> bool:
    gap = doc.text[left.end:right.start]
    return (left.end <= right.start and gap.strip() in HYPHENS
            and doc.sentence_of(left.start) == doc.sentence_of(right.start))


def _inside_other_name(doc: Document, m: NameMatch, kb: KnowledgeBase) -> bool:
    """A surname after أبو/بن/عبد... is part of another person's name (حسن أبو هنية), and so is a
    whole known person's name after بن/ابن/بنت: the father's, inside the child's name
    (حمدان بن محمد بن راشد آل مكتوم is not Mohammed bin Rashid)."""
    if m.first == 0:
        return False
    before = doc.tokens[m.first - 1]
    word = fold(doc.text[before.start:before.end])
    if all(n.short for n in m.names):
        return word in _particles()
    return word in _lineage_particles() and all(kb.entries[n.kb_id].type == "PER" for n in m.names)


_GIVEN: dict[int, frozenset[str]] = {}
#: Least wordfreq frequency (Zipf 6) of a function word (على، إلى), more frequent than any name.
FUNCTION_WORD_FREQ = 1e-3


def _given_names(kb: KnowledgeBase) -> frozenset[str]:
    """First words of the knowledge base's persons' names (محمد، أحمد، علي): given names."""
    found = _GIVEN.get(id(kb))
    if found is None:
        words = {name_key(e.name_ar)[0] for e in kb.entries.values() if e.type == "PER" and e.name_ar}
        words |= {key[0] for key in kb.tagged_persons}
        found = _GIVEN[id(kb)] = frozenset(words - _honorifics() - _particles())
    return found


def _childs_name(doc: Document, m: NameMatch, kb: KnowledgeBase) -> Span | None:
    """A known person's full name (three words or more) right after a given name is the father's
    inside the child's (أحمد علي عبدالله صالح is Ahmed, the son of Ali Abdullah Saleh): the
    child's whole name, else None."""
    if m.first == 0 or len(m.key) < 3 or not all(kb.entries[n.kb_id].type == "PER" and not n.short for n in m.names):
        return None
    before = doc.tokens[m.first - 1]
    if before.kind != "word" or doc.sentence_of(before.start) != doc.sentence_of(m.span.start):
        return None
    if doc.tokens[m.first].key in _honorifics():
        return None  # الملك سلمان والأمير محمد بن نايف: a title starts a new name
    word = doc.text[before.start:before.end]
    if frequency(word) >= FUNCTION_WORD_FREQ:
        return None  # على folds to علي (Ali)
    given = _given_names(kb)
    for key, offset in first_word_keys(word):
        if key in given:
            return Span(before.start + offset, m.span.end)
    return None


def _hamza_clash(doc: Document, m: NameMatch) -> bool:
    """Written with ئ or ؤ where every name form has a plain ي or و in the same last word: «الوضع
    هادئ» (calm) is not the surname هادي, which the matching key folds it to."""
    last = doc.tokens[m.last]
    word = strip_diacritics(doc.text[last.start:last.end])
    if not any(h in word for h in "ئؤ"):
        return False
    tails = {strip_diacritics(n.form).rsplit(" ", 1)[-1] for n in m.names}
    return not any(h in tail for tail in tails for h in "ئؤء")


def _ta_marbuta_clash(doc: Document, m: NameMatch) -> bool:
    """Written with final ه where every name form has ة, and a word of its own (جده, not جدة)."""
    last = doc.tokens[m.last]
    word = strip_diacritics(doc.text[last.start:last.end])
    if not word.endswith("ه") or not all(n.form.endswith("ة") for n in m.names):
        return False
    return frequency(word) > 0


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    """Title words before a person's name (الشيخ، الأمير، الملك...), as token keys."""
    rows = read_rows(data_dir() / TRIGGERS_FILE)
    return frozenset(word_key(form) for concept, form, *_ in rows if concept == "person_title")


def _without_honorifics(doc: Document, m: NameMatch) -> Span:
    """A person's name without the titles a knowledge-base form starts with: «الشيخ محمد بن راشد
    آل مكتوم» links through its title, but the name is «محمد بن راشد آل مكتوم» (titles are
    mentions of their own, resolved by ``find_titles``)."""
    first = m.first
    while first < m.last and doc.tokens[first].key in _honorifics():
        first += 1
    return m.span if first == m.first else Span(doc.tokens[first].start, m.span.end)


def _kb_mention(doc: Document, kb: KnowledgeBase, m: NameMatch, kb_id: str, resolver: Resolver) -> Mention:
    """The mention a knowledge-base match makes: a person's name without titles, another name
    without descriptors (قطاع غزة → غزة), a described institution (الجيش اللبناني) as its
    nationality adjective."""
    entry = kb.entries[kb_id]
    if entry.type == "PER":
        # A surname alone, of a person the article does not name in full, may be another's name.
        loose = kb_id not in resolver.full_ids and all(n.short for n in m.names if n.kb_id == kb_id)
        return Mention(_without_honorifics(doc, m), "PER", kb_id, entry.country, short=loose)
    described = description_adjective(doc, kb, m.span, m.key)
    if described is not None:
        span, people = described
        return Mention(span, "NORP", people, kb.entries[people].country)
    return Mention(name_core(doc, kb, m.span, m.key, kb_id), entry.type, kb_id, entry.country)


def _name_mentions(doc: Document, kb: KnowledgeBase, names: list[NameMatch],
                   resolver: Resolver) -> list[Mention]:
    out: list[Mention] = []
    waiting: list[NameMatch] = []
    contested: list[NameMatch] = []
    for m in names:
        if _inside_other_name(doc, m, kb) or _ta_marbuta_clash(doc, m) or _hamza_clash(doc, m):
            continue
        child = _childs_name(doc, m, kb)
        if child is not None:
            out.append(Mention(child, "PER", None, None))
            continue
        if all(n.context for n in m.names):
            waiting.append(m)
            continue
        if _shared_by_states(kb, m):
            contested.append(m)
            continue
        kb_id = resolver.resolve_name(m)
        if kb_id is not None:
            out.append(_kb_mention(doc, kb, m, kb_id, resolver))
        elif all(kb.entries[n.kb_id].type == "PER" for n in m.names):
            # A surname shared by several known persons and not settled by the article.
            out.append(Mention(m.span, "PER", None, None))
    # A form that is also a common word (سيول "floods") counts when the article names its state.
    named = Counter(m.country for m in out if m.country)
    for m in contested:
        kb_id = _by_story_state(doc, kb, m, named)
        out.append(_kb_mention(doc, kb, m, kb_id, resolver))
    # ... or a first-level division of it (حضرموت for Yemen, القصيم for Saudi Arabia).
    states = {m.country for m in out if m.country} | set(division_states(doc, kb)) if waiting else set()
    for m in waiting:
        fitting = [n for n in m.names if _told_state(kb, n, states)]
        if not fitting or (any(n.where for n in fitting) and _common_noun(doc, m)):
            continue
        # A theatre form of several bodies (التحالف in a story on Yemen and on Syria): the body
        # of the theatre the article names most.
        fitting.sort(key=lambda n: -max((named[s] for s in n.where), default=0))
        if all(n.short for n in fitting):
            # A surname that is a common word too (الأسد "the lion"), in an article on its state:
            # the person named in full, else the one in office.
            kb_id = resolver.resolve_name(NameMatch(m.span, m.first, m.last, m.key, tuple(fitting)))
            if kb_id is not None:
                out.append(_kb_mention(doc, kb, m, kb_id, resolver))
            continue
        entry = kb.entries[fitting[0].kb_id]
        out.append(Mention(m.span, entry.type, entry.kb_id, entry.country))
    return out


def _told_state(kb: KnowledgeBase, name: Name, states: set[str]) -> bool:
    """Whether the article names the state a context form needs: one of its theatre states, else
    its entry's state."""
    return bool(name.where & states) if name.where else kb.entries[name.kb_id].country in states


def _common_noun(doc: Document, m: NameMatch) -> bool:
    """A bare short name read as the common noun it also is: a definite nisba adjective after it
    makes another body of it (التحالف الوطني، التحالف الشيعي), a demonstrative before it points
    back to what was just told (هذا التحالف, ``common_noun_cues.tsv``)."""
    after, before = word_at(doc, m.last + 1), word_at(doc, m.first - 1)
    nisba = after.startswith("ال") and len(after) > 4 and after.endswith(("ي", "يه"))
    return nisba or before.lstrip("و") in _common_noun_cues()


@lru_cache(maxsize=1)
def _common_noun_cues() -> frozenset[str]:
    return frozenset(fold(r["word"]) for r in read_table("common_noun_cues.tsv"))


def _shared_by_states(kb: KnowledgeBase, m: NameMatch) -> bool:
    """A full name of bodies of several states (النادي الأهلي: Egypt's club and Saudi Arabia's)."""
    full = [kb.entries[n.kb_id] for n in m.names if not n.short and not n.context]
    return (len(full) > 1 and all(e.type in ("ORG", "FAC") for e in full)
            and len({e.country for e in full}) == len(full))


def _by_story_state(doc: Document, kb: KnowledgeBase, m: NameMatch, named: Counter[str]) -> str:
    """Of the bodies of several states sharing a name, the one of the nationality adjective after
    it (النادي الأهلي المصري), else of the state the article names most, else the first listed."""
    full = [n.kb_id for n in m.names if not n.short and not n.context]
    after = longest_at(doc, kb, kb.demonyms, surface_keys(doc), m.last + 1) if m.last + 1 < len(doc.tokens) else None
    if after is not None and after[1] == 0:
        own = [i for i in full if kb.entries[i].country == kb.demonyms[after[2]]]
        if own:
            return own[0]
    ranked = sorted(enumerate(full), key=lambda p: (-named[kb.entries[p[1]].country or ""], p[0]))
    return ranked[0][1]


#: Place types of the knowledge base that a longer name may hold (ريال مدريد، مصرف قطر المركزي).
_PLACE_TYPES = frozenset({"GPE", "LOC"})


def _drop_parts_of_tagged_names(doc: Document, mentions: list[Mention], tagged: Tagged) -> list[Mention]:
    """Knowledge-base mentions that are parts of a longer name the tagger found.

    A club, company or bank named after its city (ريال مدريد، دينامو كييف، مصرف قطر المركزي) is
    one organisation, not a mention of the place; a known person's surname at the start or end
    of a longer person's name (عبد العاطي إيكيدير, an athlete, not the minister Badr Abdelatty)
    is part of that name, unless the article names the known person in full (كيم after كيم جونغ
    أون stays Kim in «عن كيم قوله», a span the tagger ran on).  When every knowledge-base mention
    the tagger's name overlaps is such a part, strictly inside it, the tagger's reading wins.
    """
    dropped: set[int] = set()
    for span, label in tagged:
        if label not in ("ORG", "PER"):
            continue
        inside = [i for i, m in enumerate(mentions) if m.span.overlaps(span)]
        if inside and all(_part_of_name(doc, mentions[i], span, label) for i in inside):
            dropped.update(inside)
    return [m for i, m in enumerate(mentions) if i not in dropped]


def _part_of_name(doc: Document, m: Mention, span: Span, label: str) -> bool:
    if not (span.start <= m.span.start and m.span.end <= span.end and m.span != span):
        return False
    if m.type in _PLACE_TYPES:
        return True
    if label == "ORG" and m.type == "PER":
        # An institution named after a person (جامعة الملك سعود، مستشفى الأمير سلطان).
        return named_after_person(doc, span, m.span)
    # A word with و outside the surname may start a second person (كاسياس وراموس، بوتين وشي).
    rest = doc.text[span.start:m.span.start] + " " + doc.text[m.span.end:span.end]
    return label == "PER" and m.short and not any(w.startswith("و") for w in rest.split())


def _facility_mentions(doc: Document, kb: KnowledgeBase, mentions: list[Mention]) -> list[Mention]:
    """Facilities named by a head and a place (مطار عدن): the place keeps its own mention."""
    out = []
    for fac in find_facilities(doc, kb, mentions):
        others = [m for m in mentions if m.span.overlaps(fac.span) and m.span != fac.place]
        if others:
            continue  # the knowledge base or the tagger read these words otherwise
        place = next((m for m in mentions if m.span == fac.place), None)
        out.append(Mention(fac.span, "FAC", None, place.country if place else None, "facility",
                           name_en=fac.name_en))
    return out


def gazetteer_place(kb: KnowledgeBase, text: str, type_: EntityType, states: set[str]) -> str | None:
    """A place the tagger found that the gazetteer knows by this name (of a state the article
    names if one fits, else the most populous), a person of the actor list, or an organisation
    by the core of its name (``tagged_org``)."""
    if type_ == "PER":
        return kb.tagged_persons.get(name_key(text))
    if type_ == "ORG":
        return tagged_org(kb, text, states)
    if type_ not in _PLACE_TYPES:
        return None
    ids = kb.tagged_places.get(name_key(text), [])
    local = [i for i in ids if kb.entries[i].country in states]
    pool = local or ids
    return pool[0] if pool else None


def tagged_org(kb: KnowledgeBase, text: str, states: set[str]) -> str | None:
    """An organisation the tagger found by the core of a listed name (الهلال for نادي الهلال):
    the one such entry of no state or of a state the article names (الأهلي is Egypt's or Saudi
    Arabia's club by the article's states)."""
    words = text.split()
    if not words:
        return None
    # The first word may carry a preposition the tagger kept (للأهلي: ل + الأهلي).
    for first, _ in first_word_keys(words[0]):
        ids = [i for i in kb.tagged_orgs.get((first, *name_key(" ".join(words[1:]))), [])
               if kb.entries[i].country in states or kb.entries[i].country is None]
        if ids:
            return ids[0] if len(ids) == 1 else None
    return None


@lru_cache(maxsize=1)
def _never_names() -> frozenset[str]:
    return frozenset(fold(r["word"]) for r in read_table("not_persons.tsv"))


@lru_cache(maxsize=1)
def _currency_words() -> frozenset[str]:
    """Folded currency names of ``data/units.tsv`` (دولار، يورو، ريال), with and without ال."""
    forms = {fold(form) for form, _, kind in read_tsv("units.tsv", ("form", "unit", "kind")) if kind == "currency"}
    return frozenset(forms | {"ال" + f for f in forms})


def _is_currency(text: str) -> bool:
    """A currency's name is a unit of a quantity (``quantities``), not an entity."""
    return fold(text) in _currency_words() or any(k in _currency_words() for k, _ in first_word_keys(text)[1:])


#: Frequency above which a one-word name written with a final ئ is the adjective it spells
#: (هادئ "calm", مفاجئ "sudden"), not the name that folds to the same key (هادي); هانئ is rarer.
HAMZA_ADJECTIVE_FREQUENCY = 3e-6


def _may_be_person(text: str) -> bool:
    """A tagged person's name is not a word that is never one (الله), nor a common adjective with
    a final ئ («الوضع هادئ»).  (Requiring a one-word name to be a known name token cost ANERcorp
    PER recall: rare given names.)"""
    words = text.split()
    if len(words) == 1 and strip_diacritics(text).endswith("ئ") and frequency(text) > HAMZA_ADJECTIVE_FREQUENCY:
        return False
    return not all(fold(w) in _never_names() for w in words)


#: Least frequency of a definite relational adjective after a post to be that post's adjective
#: (الأممي 9e-7), not a rare surname of the same shape (الضويحي 4e-7).
TITLE_ADJECTIVE_FREQUENCY = 5e-7


def _title_adjective(doc: Document, span: Span) -> bool:
    """A one-word «person» right after a post that is the post's adjective: «المبعوث الأممي» (the
    UN envoy), read by the tagger as a surname; a common relational adjective, no name word."""
    text = doc.span_text(span)
    key = fold(text)
    if " " in text or not (key.startswith("ال") and key.endswith(("ي", "يه"))):  # (folded: ة is ه)
        return False
    if key in name_tokens() or key[2:] in name_tokens() or frequency(text) < TITLE_ADJECTIVE_FREQUENCY:
        return False
    k = token_index([t.end for t in doc.tokens], span.start)
    before = word_at(doc, k - 1).removeprefix("و") if k > 0 else ""
    return before in _post_titles() or before.removeprefix("ال") in _post_titles()


def _tagged_mentions(doc: Document, kb: KnowledgeBase, tagged: Tagged,
                     taken: list[Span], states: set[str], fuzzy_min: float = FUZZY_MIN) -> list[Mention]:
    out = []
    for span, label in tagged:
        if label not in ENTITY_TYPES:
            continue
        if any(span.overlaps(t) for t in taken):
            continue  # the knowledge base's reading of these words wins
        type_ = cast(EntityType, label)
        if type_ == "PER" and (not _may_be_person(doc.span_text(span)) or _title_adjective(doc, span)):
            continue
        kb_id = gazetteer_place(kb, doc.span_text(span), type_, states) or fuzzy_entry(kb, doc.span_text(span), type_,
                                                                                     fuzzy_min)
        if kb_id is None and type_ in _PLACE_TYPES and _set_off_after_post(doc, span):
            type_ = "PER"  # «وقال حاكم منطقة أقصى شمال الكاميرون، ميدجياوا باكاري:»: the holder, not a place
        country = kb.entries[kb_id].country if kb_id else None
        name_en = composed_name(doc, kb, span) if type_ == "ORG" and kb_id is None else None
        out.append(Mention(span, type_, kb_id, country, "tagger", name_en=name_en))
        taken.append(span)
    return out


#: Most words between a post and the comma that sets its holder's name off.
POST_REACH = 6


def _set_off_after_post(doc: Document, span: Span) -> bool:
    """Whether a span of two words or more stands right after a comma that ends a phrase opened by a
    post («حاكم منطقة أقصى شمال الكاميرون، …») and before a colon, a comma or a complementiser: the
    name set off is the post's holder, whatever the tagger typed it."""
    ends = [t.end for t in doc.tokens]
    first, last = token_index(ends, span.start), token_index(ends, span.end - 1)
    if last == first or first < 2 or last + 1 >= len(doc.tokens):
        return False
    if doc.text[doc.tokens[first - 1].start:doc.tokens[first - 1].end] not in ("،", ","):
        return False
    after = doc.tokens[last + 1]
    closes = doc.text[after.start:after.end] in (":", "،", ",") or word_at(doc, last + 1) in _statement_words()
    return closes and any(word_at(doc, k).removeprefix("و") in _post_titles()
                          for k in range(max(0, first - 1 - POST_REACH), first - 1))



def _title_is_someone_elses(doc: Document, title: TitleMatch) -> bool:
    """نائب رئيس الوزراء (a deputy), الرئيس المصري السابق (a former president)."""
    modifiers = title_modifiers()
    tokens = doc.tokens
    before = fold(doc.text[tokens[title.first - 1].start:tokens[title.first - 1].end]) \
        if title.first > 0 else ""
    after = fold(doc.text[tokens[title.last + 1].start:tokens[title.last + 1].end]) \
        if title.last + 1 < len(tokens) else ""
    # The word before may carry a conjunction or preposition (ونائب, لمساعد).
    before_keys = {key for key, _ in first_word_keys(before)} if before else set()
    return bool(before_keys & modifiers["before"]) or after in modifiers["after"]


def _title_mentions(doc: Document, kb: KnowledgeBase, titles: list[TitleMatch],
                    mentions: list[Mention], resolver: Resolver) -> list[Mention]:
    ends = [t.end for t in doc.tokens]
    persons = {token_index(ends, m.span.start): m for m in mentions if m.type == "PER"}
    out = []
    for title in titles:
        following = persons.get(title.last + 1)
        if following is not None:
            # "وزير الخارجية المصري سامح شكري": the name is the mention; the title tells its state.
            if following.kb_id is None and following.country is None:
                owner = kb.entries.get(title.of)
                following.country = owner.country if owner else None
            continue
        if _title_is_someone_elses(doc, title):
            continue
        holder = resolver.resolve_title(title)
        # The title may hold a state's or body's name (رئيس وزراء إسرائيل): only another
        # person's mention excludes it.
        if holder is not None and not any(title.span.overlaps(m.span) for m in mentions
                                          if m.type == "PER"):
            out.append(Mention(title.span, "PER", holder, kb.entries[holder].country, "title"))
    return out


def find_mentions(doc: Document, kb: KnowledgeBase | None = None,
                  tagged: Tagged | None = None, *, fuzzy_min: float = FUZZY_MIN) -> list[Mention]:
    """Every entity mention in ``doc``: knowledge-base names, tagger spans (``tagged``, else the
    tagger's) and resolved titles; ``fuzzy_min`` as in :func:`link.fuzzy_entry`."""
    kb = kb or load()
    outlets = find_outlets(doc, kb)
    # Where the context says outlet, a name is the outlet: الرياض in «لـ"الرياض"» is the paper.
    names = [m for m in find_names(doc, kb, _honorifics()) if not any(m.span.overlaps(o.span) for o in outlets)]
    resolver = Resolver(kb, doc.published)
    resolver.note_full_names(names)
    mentions = outlets + _name_mentions(doc, kb, names, resolver)
    if tagged is None:
        tagged = tagger_mentions(doc)
    tagged = [(tagged_core(doc, trim_proclitics(doc, raw)), label) for raw, label in tagged]
    tagged = join_hyphenated(doc, tagged)
    tagged = [(piece, label) for span, label in tagged
              for piece in (split_at_speech_verb(doc, span) if label == "PER" else [span])]
    tagged = [(_name_tail(doc, _through_particle(doc, span)) if label == "PER" else span, label)
              for span, label in tagged]
    tagged = [(extend_name(doc, span) if label == "ORG" else span, label) for span, label in tagged
              if not (label == "ORG" and is_description(doc, span))]
    tagged = [(kept, label) for span, label in tagged if (kept := without_possessed_tail(doc, span)) is not None
              and not (label in _PLACE_TYPES and adjective_after_head(doc, kb, kept))
              and not (label == "PER" and word_before_possessed_noun(doc, kb, kept))]
    mentions = _drop_parts_of_tagged_names(doc, mentions, tagged)
    mentions += find_headed_places(doc, kb, [m.span for m in mentions])
    states = {m.country for m in mentions if m.country}
    mentions += _tagged_mentions(doc, kb, tagged, [m.span for m in mentions], states, fuzzy_min)
    states = {m.country for m in mentions if m.country}
    mentions += find_local_places(doc, kb, [m.span for m in mentions] + [s for s, _ in tagged], states)
    reread_places(doc, kb, mentions)
    mentions += _facility_mentions(doc, kb, mentions)
    titles = find_titles(doc, kb, names)
    mentions += _title_mentions(doc, kb, titles, mentions, resolver)
    titled_persons_state(doc, kb, mentions, _post_titles())
    mentions += title_holders(doc, kb, mentions)
    mentions += qualified_nationalities(doc, kb, [m.span for m in mentions])
    mentions += bare_ministries(doc, kb, mentions)
    mentions += cued_names(doc, kb, mentions)
    return sorted(_with_lineage(doc, mentions), key=lambda m: (m.span.start, m.span.end))


#: Most lineage links («بن عبدالعزيز», «آل سعود») read on after a person's name.
MAX_LINEAGE_LINKS = 4


def _lineage_end(doc: Document, last: int) -> int:
    """Index past the lineage told after token ``last`` of a person's name: «بن عبدالعزيز»,
    «بن الحسين», «آل سعود», in turn (the press gives «محمد بن سلمان بن عبدالعزيز آل سعود»)."""
    links = _lineage_particles() | {fold("آل")}
    k = last + 1
    for _ in range(MAX_LINEAGE_LINKS):
        if k + 1 >= len(doc.tokens) or doc.tokens[k].kind != "word" or doc.tokens[k + 1].kind != "word":
            break
        if fold(doc.text[doc.tokens[k].start:doc.tokens[k].end]) not in links:
            break
        if doc.sentence_of(doc.tokens[k + 1].start) != doc.sentence_of(doc.tokens[last].start):
            break
        k += 2
    return k


#: Frequency below which a definite name token after a known name is a family name (الربيعة), not
#: an epithet or a common word (المعظم، الذي).
FAMILY_NAME_FREQUENCY = 5e-6


def _family_name(doc: Document, k: int) -> bool:
    """Whether token ``k`` is a family name: a definite listed name token, rare as a word."""
    if k >= len(doc.tokens) or doc.tokens[k].kind != "word":
        return False
    text = doc.text[doc.tokens[k].start:doc.tokens[k].end]
    key = fold(text)
    return key.startswith("ال") and key in name_tokens() and frequency(text) < FAMILY_NAME_FREQUENCY


def _with_lineage(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Persons' mentions run on over the lineage the article gives after them, which the knowledge
    base's form or the tagger left out («محمد بن سلمان | بن عبدالعزيز»): the names inside it are
    the fathers', no mentions of their own."""
    ends = [t.end for t in doc.tokens]
    out: list[Mention] = []
    grown: list[Span] = []
    for m in mentions:
        if m.type != "PER" or m.source == "coref":
            out.append(m)
            continue
        last = token_index(ends, m.span.end - 1)
        stop = _lineage_end(doc, last) if doc.tokens[last].end == m.span.end else last + 1
        if m.kb_id is not None and _family_name(doc, stop):
            # «عبدالله بن عبدالعزيز الربيعة» is Dr al-Rabeeah, not King Abdullah: a family name after
            # the known name makes it another person's.
            m = Mention(Span(m.span.start, doc.tokens[stop].end), "PER", None, None, "tagger")
            grown.append(m.span)
        elif stop > last + 1:
            m = dataclasses.replace(m, span=Span(m.span.start, doc.tokens[stop - 1].end))
            grown.append(m.span)
        out.append(m)
    return [m for m in out if not any(g.start <= m.span.start and m.span.end <= g.end and m.span != g for g in grown)]


def assemble(doc: Document, kb: KnowledgeBase, mentions: Sequence[Mention]) -> list[Entity]:
    """One Entity per referent, merged by knowledge-base id or (unknown names) by text."""
    shortened = group_unknown_persons(doc, list(mentions))
    keys = {id(m): shortened.get(i) or merge_key(doc, m) for i, m in enumerate(mentions)}
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        # A title or pronoun joins the entity of the person it points back to.
        groups[keys.get(id(m.antecedent), keys[id(m)]) if m.antecedent else keys[id(m)]].append(m)
    out = []
    home = _home_state(mentions)
    for group in groups.values():
        head = max(group, key=lambda m: (m.source not in ("title", "coref"), m.span.end - m.span.start))
        country = next((m.country for m in group if m.country), None)
        entity = to_entity(kb, head.kb_id, head.type, [m.span for m in group],
                           doc.span_text(head.span), country, head.name_en)
        if entity.type == "PER" and entity.kb_id is None and country is None and home is not None \
                and head.name_en is None:
            # A person of no known state in a story on one state is spelt as that state spells
            # names (مختار جمعة in an Egyptian story: Mokhtar Gomaa, not Mukhtar Juma); the
            # entity keeps no country, which the story does not prove.
            entity = dataclasses.replace(entity, name_en=romanise(doc.span_text(head.span), home))
        out.append(entity)
    return sorted(out, key=lambda e: e.mentions[0].start)


#: The story's state must have this many place and nationality mentions, and this many times as
#: many as the next state, to set how unknown persons' names are spelt (as quotes/anonymous.py),
#: unless it is the only state the story names at all.
HOME_MIN, HOME_LEAD = 3, 2.0


def _home_state(mentions: Sequence[Mention]) -> str | None:
    """The state most place and nationality mentions belong to, when it leads clearly."""
    counts = Counter(m.country for m in mentions if m.country and m.type in ("GPE", "NORP"))
    return leading_state(counts, HOME_MIN if len(counts) > 1 else 1, HOME_LEAD)


def find_entities(doc: Document, *, use_tagger: bool = True, fuzzy_min: float = FUZZY_MIN,
                  currencies: bool = False) -> list[Entity]:
    """The entities of ``doc`` (a segmented Document); currency names (MISC) only with
    ``currencies``, as ANERcorp marks them."""
    kb = load()
    found = assemble(doc, kb, find_mentions(doc, kb, None if use_tagger else [], fuzzy_min=fuzzy_min))
    if currencies:
        return found
    return [e for e in found if not (e.type == "MISC" and all(_is_currency(doc.span_text(m)) for m in e.mentions))]


@register(ENTITIES, requires=(TEXT, SENTENCES, TOKENS, PUBLISHED), provides=(ATTR_ENTITIES, ATTR_REFERENCES))
def entities(doc: Document, settings: Settings) -> None:
    """Named entities merged per real-world referent and linked to the knowledge base, and the
    titles, honorific pronouns and body nouns that refer back to them (``doc.references``)."""
    doc.entities = find_entities(doc, use_tagger=settings.entities.tagger,
                                 fuzzy_min=settings.entities.fuzzy_min, currencies=settings.entities.currencies)
    doc.references = find_references(doc, load())
