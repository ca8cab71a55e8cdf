"""Load the event lexicons (triggers, generic agents, status cues) and index them by folded form.

Verb forms in ``data/events/triggers.tsv`` are listed once (perfect or imperfect, third person
masculine singular); this module inflects them for person and number and for an attached
object pronoun, so the data stays short and the matcher is a dictionary lookup per token.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from marsad.core.errors import DataError
from marsad.text.keys import fold, folded_words
from marsad.text.resources import load_yaml, read_tsv_dicts

TRIGGERS = "events/triggers.tsv"
AGENTS = "events/agents.tsv"
STATUS_CUES = "events/status_cues.yaml"
CONTEXT = "events/noun_context.yaml"
CAMEO_PLOVER = "events/cameo_plover.tsv"
ACTOR_CUES = "events/actor_cues.yaml"
SENSES = "events/senses.yaml"

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "REQUEST")
KINDS = ("V", "N", "P")
STATUS_ORDER = ("negated", "hypothetical", "planned", "reported")

# Inflection of a 3ms verb form (folded letters).  Why these: news reports use third person
# (singular, dual, plural, feminine) and first-person plural for spokesmen ("نحن ندين"); the
# first-person singular أ is left out: folded to ا it makes nouns look like verbs (باحثة → ا+حث+ه).
_PERFECT_SUFFIXES = ("", "ت", "وا", "ا", "تا", "ن", "نا")
_IMPERFECT_PREFIXES = ("ي", "ت", "ن")
_IMPERFECT_SUFFIXES = ("", "ان", "ون", "ن", "ين")
_OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما", "نا", "كم", "هن")
_NOUN_PRONOUNS = ("ه", "ها", "هم", "هما", "نا")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of triggers.tsv: a concept with its PLOVER coding and how to find its arguments."""

    concept: str
    type: str
    mode: str | None
    cameo: str
    kind: str
    target: tuple[str, ...]
    needs: tuple[str, ...]
    unless: tuple[str, ...]
    forms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FormEntry:
    """A trigger reachable from one folded word form; ``imperfect`` tells قد (may) from قد (has)."""

    trigger: Trigger
    imperfect: bool
    words: tuple[str, ...]
    as_written: bool = False  # a form listed with '=' (a participle such as =منددا), not a verb inflection


@dataclass(frozen=True, slots=True)
class Agent:
    concept: str
    code: str
    forms: tuple[str, ...]


#: Columns of each events data file, in order.
COLUMNS: dict[str, tuple[str, ...]] = {
    TRIGGERS: ("concept", "type", "mode", "cameo", "kind", "target", "needs", "unless", "forms"),
    AGENTS: ("concept", "code", "forms"),
    CAMEO_PLOVER: ("cameo", "type", "mode", "context", "label"),
}


def _rows(name: str) -> list[dict[str, str]]:
    """Rows of an events data file (the one data loader, checking its column line)."""
    return read_tsv_dicts(name, COLUMNS[name])


def _split(value: str, sep: str = ",") -> tuple[str, ...]:
    if value.strip() in ("", "-"):
        return ()
    return tuple(v.strip() for v in value.split(sep) if v.strip())


@lru_cache(maxsize=1)
def triggers() -> tuple[Trigger, ...]:
    """Every trigger concept, checked: known PLOVER type, known kind, at least one form."""
    out: list[Trigger] = []
    for row in _rows(TRIGGERS):
        trig = Trigger(concept=row["concept"], type=row["type"],
                       mode=None if row["mode"] == "-" else row["mode"], cameo=row["cameo"],
                       kind=row["kind"], target=_split(row["target"], "|"), needs=_split(row["needs"]),
                       unless=_split(row["unless"]), forms=_split(row["forms"]))
        if trig.type not in PLOVER_TYPES or trig.kind not in KINDS or not trig.forms:
            raise DataError(f"data file marsad/data/{TRIGGERS}: concept {trig.concept!r} needs a PLOVER "
                            f"type ({', '.join(PLOVER_TYPES)}), a kind ({', '.join(KINDS)}) and forms")
        out.append(trig)
    return tuple(out)


def verb_inflections(form: str, objects: bool = True) -> Iterator[tuple[str, bool]]:
    """Folded inflected forms of a 3ms verb, each with whether it is imperfect; with ``objects``
    also with an attached object pronoun (an intransitive verb takes none: «لن تثنيهم» is ثنى
    "deter", not أثنى على "praise")."""
    f = fold(form)
    if f.startswith("ي") and len(f) >= 3:
        base = f[1:]
        weak = base[:-1] if base.endswith(("ي", "و")) else None  # يلتقي → يلتقون
        for pre in _IMPERFECT_PREFIXES:
            for suf in _IMPERFECT_SUFFIXES:
                yield pre + base + suf, True
                if weak and suf in ("ون", "ان", "ين"):
                    yield pre + weak + suf, True
            if not objects:
                continue
            for pron in _OBJECT_PRONOUNS:
                yield pre + base + pron, True
                # A plural or dual subject before the object: يحتجزونهم، يدعمانه (the ن stays).
                yield pre + (weak or base) + "ون" + pron, True
                yield pre + (weak or base) + "ان" + pron, True
        return
    weak = f[:-1] if f.endswith("ي") else None  # نفى → نفت، نفوا، نفيا
    for suf in _PERFECT_SUFFIXES:
        yield f + suf, False
        if weak and suf in ("ت", "وا", "تا"):
            yield weak + suf, False
    if not objects:
        return
    for pron in _OBJECT_PRONOUNS:
        # A bare ه after a perfect verb folds like a ta marbuta (زاره = وزارة, رحله = رحلة): skipped.
        if pron != "ه":
            yield f + pron, False
        yield f + "ت" + pron, False
        yield (weak or f) + "و" + pron, False  # the plural drops its alef before a pronoun: اعتقلوهم
        if weak:
            yield weak + "ت" + pron, False


@lru_cache(maxsize=4096)
def plain_inflections(forms: tuple[str, ...]) -> frozenset[str]:
    """The folded inflections of verb forms without an object pronoun (استهدف، استهدفت، استهدفوا)."""
    return frozenset(w for form in forms if not form.startswith("=") and " " not in form
                     for w, _ in verb_inflections(form, objects=False))


def carries_object(word: str, forms: tuple[str, ...]) -> bool:
    """Whether a folded verb word, clitics off, is one of the forms with an object pronoun after
    it (استهدفها، قتلهم، اعتقلوهم) and not itself a plain inflection."""
    plain = plain_inflections(forms)
    if word in plain:
        return False
    for pron in _OBJECT_PRONOUNS:
        stem = word[:-len(pron)]
        if word.endswith(pron) and len(stem) > 2:
            # (the plural drops its alef before a pronoun: اعتقلوا + هم → اعتقلوهم)
            if stem in plain or (stem.endswith("و") and stem + "ا" in plain):
                return True
    return False


def noun_inflections(form: str) -> Iterator[str]:
    """Folded forms of a verbal noun: bare, with ال, and with a possessive pronoun."""
    f = fold(form)
    yield f
    yield "ال" + f
    if not f.endswith(("ه", "ات")):
        yield f + "ا"  # accusative tanween alef: شن هجوما، نظموا اعتصاما
    stem = f[:-1] + "ت" if f.endswith("ه") else f
    # A final hamza after alef sits on ي before a pronoun: لقاء → لقائه (folded لقايه).
    seated = f[:-1] + "ي" if f.endswith("اء") else None
    for pron in _NOUN_PRONOUNS:
        yield stem + pron
        if seated is not None:
            yield seated + pron
    if f.endswith("ه"):
        yield f[:-1] + "تين"  # dual oblique: زيارتين
        yield f[:-1] + "تان"


@lru_cache(maxsize=1)
def trigger_index() -> dict[str, tuple[FormEntry, ...]]:
    """Folded first word of every trigger form → the entries it may start."""
    index: dict[str, list[FormEntry]] = {}

    def add(word: str, entry: FormEntry) -> None:
        bucket = index.setdefault(word, [])
        if entry not in bucket:
            bucket.append(entry)

    intransitive = senses().intransitive
    for trig in triggers():
        objects = trig.concept not in intransitive
        for form in trig.forms:
            if form.startswith("="):
                exact = form[1:].split()
                add(fold(exact[0]), FormEntry(trig, fold(exact[0]).startswith("ي"),
                                              tuple(fold(w) for w in exact[1:]), as_written=True))
                continue
            words = form.split()
            if len(words) > 1:
                # A phrase: its first word carries the inflection when it is a verb.
                rest = tuple(fold(w) for w in words[1:])
                firsts = (verb_inflections(words[0], objects) if trig.kind == "V"
                          else ((w, False) for w in noun_inflections(words[0])))
                for first, imperfect in firsts:
                    add(first, FormEntry(trig, imperfect, rest))
            elif trig.kind == "V":
                for word, imperfect in verb_inflections(form, objects):
                    add(word, FormEntry(trig, imperfect, ()))
            else:
                for word in noun_inflections(form):
                    add(word, FormEntry(trig, False, ()))
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def agents() -> tuple[Agent, ...]:
    return tuple(Agent(row["concept"], row["code"], _split(row["forms"])) for row in _rows(AGENTS))


def _agent_inflections(word: str) -> tuple[str, ...]:
    """A one-word agent as listed and, for a singular masculine noun, its accusative and dual
    (انتحاري → انتحاريا، انتحاريان، انتحاريين): «إن انتحاريا فجر نفسه»."""
    if word.endswith(("ون", "ين", "ات", "ه", "ا", "ء")) or (not word.startswith("ال") and len(word) < 4):
        return (word,)
    if word.startswith("ال"):
        return (word, word + "ان", word + "ين")
    return (word, word + "ا", word + "ان", word + "ين")


@lru_cache(maxsize=1)
def agent_index() -> dict[str, tuple[tuple[tuple[str, ...], Agent], ...]]:
    """Folded first word of every agent form → (the folded words, the agent), longest first."""
    index: dict[str, list[tuple[tuple[str, ...], Agent]]] = {}
    for agent in agents():
        for form in agent.forms:
            words = tuple(fold(w) for w in form.split())
            index.setdefault(words[0], []).append((words, agent))
    listed = set(index)
    for agent in agents():
        # Inflected forms never override a listed one (الزعيمين is a pair, not one leader).
        for form in agent.forms:
            if " " not in form:
                for word in _agent_inflections(fold(form))[1:]:
                    if word not in listed:
                        index.setdefault(word, []).append(((word,), agent))
    return {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in index.items()}


@lru_cache(maxsize=1)
def status_cues() -> dict[str, Any]:
    """The status cue lists with every word folded, checked against the known statuses and scopes."""
    raw = load_yaml(STATUS_CUES)
    order = raw.get("order")
    if list(order or ()) != list(STATUS_ORDER):
        raise DataError(f"data file marsad/data/{STATUS_CUES}: order must be {list(STATUS_ORDER)}")
    cues: dict[str, Any] = {"near_window": int(raw.get("near_window", 3)),
                            "complementizers": frozenset(fold(w) for w in raw.get("complementizers", [])),
                            "compound_heads": frozenset(fold(w) for w in raw.get("compound_heads", [])),
                            "relative_heads": frozenset(fold(w) for w in raw.get("relative_heads", [])),
                            "relatives": frozenset(fold(w) for w in raw.get("relatives", [])),
                            "declarations": frozenset(fold(w) for w in raw.get("declarations", [])),
                            "request_links": frozenset(fold(w) for w in raw.get("request_links", []))}
    for status in STATUS_ORDER:
        scopes = raw.get(status) or {}
        for scope in scopes:
            if scope not in ("near", "clause", "after", "sentence", "complement", "relative", "judged", "request"):
                raise DataError(f"data file marsad/data/{STATUS_CUES}: unknown scope {scope!r} under {status}; "
                                "use near, clause, after, sentence, complement, relative, judged or request")
        cues[status] = {scope: frozenset(fold(w) for w in words) for scope, words in scopes.items()}
    return cues


@lru_cache(maxsize=1)
def noun_context() -> dict[str, frozenset[str]]:
    """Words that make a verbal noun report an event that took place (see detect.py)."""
    raw = load_yaml(CONTEXT)
    out = {key: folded_words(raw, key, CONTEXT)
           for key in ("support_verbs", "outcome_words", "time_words", "allegation", "managing", "ordering",
                       "during_preps", "framed_concepts")}
    out["support_verbs"] = out["support_verbs"] | _imperfect_duals(out["support_verbs"])
    return out


def _imperfect_duals(words: frozenset[str]) -> frozenset[str]:
    """The dual of the listed imperfects (third person, يـ/تـ + ان): two parties doing the act
    («إسرائيل والولايات المتحدة تجريان محادثات»، «وسيعقدان اجتماعا»).  The plural is left to the
    file's own list: on SaudiNewsNet its inflections mostly told habits and stances («من يخرجون
    في تظاهرات كل أسبوع»، «يتبنون المواقف الانتحارية»)."""
    return frozenset(pre + word[1:] + "ان" for word in words if word.startswith("ي") and len(word) >= 3
                     for pre in ("ي", "ت"))


@lru_cache(maxsize=1)
def counted_types() -> frozenset[str]:
    """PLOVER types whose verbal noun is an act when a count stands before its required object
    (noun_context.yaml ``counted_types``: «نشر مئات الجنود»)."""
    values = load_yaml(CONTEXT).get("counted_types")
    if not isinstance(values, list) or not set(values) <= set(PLOVER_TYPES):
        raise DataError(f"data file marsad/data/{CONTEXT}: 'counted_types' must list PLOVER types")
    return frozenset(values)


@lru_cache(maxsize=1)
def inclusion_cues() -> tuple[tuple[str, ...], ...]:
    """Folded word sequences that introduce the named members of a generic actor (من بينها)."""
    raw = load_yaml(ACTOR_CUES).get("inclusion")
    if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
        raise DataError(f"data file marsad/data/{ACTOR_CUES}: 'inclusion' must be a list of phrases")
    return tuple(sorted((tuple(fold(w) for w in v.split()) for v in raw), key=len, reverse=True))


def _phrases(key: str) -> tuple[tuple[str, ...], ...]:
    raw = load_yaml(ACTOR_CUES).get(key)
    if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
        raise DataError(f"data file marsad/data/{ACTOR_CUES}: {key!r} must be a list of phrases")
    return tuple(sorted((tuple(fold(w) for w in v.split()) for v in raw), key=len, reverse=True))


@lru_cache(maxsize=32)
def cue_words(key: str) -> frozenset[str]:
    """The folded word list ``key`` of data/events/actor_cues.yaml (complement_preps: إلى، على;
    patronymics: بن، آل; list_openers: كل، كلا; object_lists: كلاً; …)."""
    return folded_words(load_yaml(ACTOR_CUES), key, ACTOR_CUES)


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    """Folded courtesy words (معالي، الأستاذ) that may stand between a title and its name."""
    return frozenset(w[0] for w in _phrases("honorifics"))


@lru_cache(maxsize=1)
def place_heads() -> frozenset[str]:
    """Folded definite nouns (العاصمة، المدينة) a place name may stand in apposition to."""
    return frozenset(w[0] for w in _phrases("place_heads"))


@lru_cache(maxsize=1)
def partitives() -> frozenset[str]:
    """Folded nouns that count the group named after من (عدد من، المئات من)."""
    return frozenset(w[0] for w in _phrases("partitives"))


@lru_cache(maxsize=1)
def agentive_cues() -> tuple[tuple[str, ...], ...]:
    """Folded word pairs that introduce the doer of a passive event (على يد، من قبل)."""
    return _phrases("agentive")


@lru_cache(maxsize=1)
def actor_verbs() -> dict[str, frozenset[str]]:
    """Folded verbs whose subject is the target (``suffer``: تعرض), the doer (``perform``: قام بـ) of
    the noun after them, its receiver (``receive``: تلقى … من), or a speaker (``speech``: قال)."""
    return {key: frozenset(w[0] for w in _phrases(key)) for key in ("suffer", "perform", "speech", "receive")}


@lru_cache(maxsize=1)
def doer_verbs() -> tuple[tuple[str, ...], ...]:
    """Folded verbs (one or two words) whose subject did the event noun before them (نفذته، قام به)."""
    return _phrases("doer_verbs")


@lru_cache(maxsize=1)
def number_words() -> frozenset[str]:
    """Folded cardinal number words (ثلاثة، عشرات) that count a group of people."""
    return folded_words(load_yaml(ACTOR_CUES), "numbers", ACTOR_CUES)


@lru_cache(maxsize=1)
def cameo_plover() -> dict[str, tuple[str, str | None]]:
    """CAMEO code → (PLOVER type, mode) from the generated table (scripts/build_event_cameo.py)."""
    return {row["cameo"]: (row["type"], row["mode"] or None) for row in _rows(CAMEO_PLOVER)}


@dataclass(frozen=True, slots=True)
class Senses:
    """What tells a trigger's sense from its context (``data/events/senses.yaml``), folded."""

    hamza_only: frozenset[str]  # forms that are triggers only when written with hamza
    shadda_other: frozenset[str]  # forms that, written with a shadda, are another word (وعدّ)
    not_triggers: frozenset[str]  # forms that look like a trigger but are other words (احتجاجا، وزارتا)
    vetoes: dict[str, frozenset[str]]  # PLOVER type → sentence words that veto its triggers
    after: dict[str, frozenset[str]]  # concept → words just after the trigger that veto it
    intransitive: frozenset[str]  # verb concepts that take no object pronoun
    prepositions: frozenset[str]  # words that stand before a noun, never before a verb
    auxiliaries: frozenset[str]  # words between a relative pronoun and its verb (كان، قد)
    subjects: dict[str, frozenset[str]]  # PLOVER type → subjects right before that fold it into another event
    contents: dict[str, frozenset[str]]  # PLOVER type → words before a verbal noun that make it what is sought
    territory_concepts: frozenset[str]  # seizures that need a place after them (سيطر على + مدينة / a named place)
    territory_words: frozenset[str]  # territory nouns that count as that place


def _word_list(raw: dict[str, Any], key: str) -> frozenset[str]:
    return folded_words(raw, key, SENSES)


@lru_cache(maxsize=1)
def senses() -> Senses:
    """The sense cues, checked: vetoes keyed by PLOVER type, after-vetoes by a known concept."""
    raw = load_yaml(SENSES)
    vetoes = raw.get("vetoes")
    after = raw.get("after")
    if not isinstance(vetoes, dict) or not all(t in PLOVER_TYPES and isinstance(v, list) for t, v in vetoes.items()):
        raise DataError(f"data file marsad/data/{SENSES}: 'vetoes' must map a PLOVER type to a list of words")
    concepts = {t.concept for t in triggers()}
    if not isinstance(after, dict) or not all(c in concepts and isinstance(v, list) for c, v in after.items()):
        raise DataError(f"data file marsad/data/{SENSES}: 'after' must map a trigger concept to a list of words")
    subjects = raw.get("subjects")
    if not isinstance(subjects, dict) or not all(
            t in PLOVER_TYPES and isinstance(v, list) for t, v in subjects.items()):
        raise DataError(f"data file marsad/data/{SENSES}: 'subjects' must map a PLOVER type to a list of words")
    contents = raw.get("contents")
    if not isinstance(contents, dict) or not all(
            t in PLOVER_TYPES and isinstance(v, list) for t, v in contents.items()):
        raise DataError(f"data file marsad/data/{SENSES}: 'contents' must map a PLOVER type to a list of words")
    intransitive = raw.get("intransitive")
    if not isinstance(intransitive, list) or not set(intransitive) <= concepts:
        raise DataError(f"data file marsad/data/{SENSES}: 'intransitive' must list trigger concepts")
    territory = raw.get("territory")
    if not isinstance(territory, dict) or not set(territory.get("concepts") or ()) <= concepts:
        raise DataError(f"data file marsad/data/{SENSES}: 'territory' must give trigger 'concepts' and 'words'")
    return Senses(hamza_only=_word_list(raw, "hamza_only"), shadda_other=_word_list(raw, "shadda_other"),
                  not_triggers=_word_list(raw, "not_triggers"),
                  vetoes={str(t): frozenset(fold(w) for w in v) for t, v in vetoes.items()},
                  after={str(c): frozenset(fold(w) for w in v) for c, v in after.items()},
                  intransitive=frozenset(intransitive),
                  prepositions=_word_list(raw, "prepositions"), auxiliaries=_word_list(raw, "auxiliaries"),
                  subjects={str(t): frozenset(fold(w) for w in v) for t, v in subjects.items()},
                  contents={str(t): frozenset(fold(w) for w in v) for t, v in contents.items()},
                  territory_concepts=frozenset(territory["concepts"]),
                  territory_words=folded_words(territory, "words", SENSES))
