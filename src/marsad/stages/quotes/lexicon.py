"""The reporting cues of ``data/quote_cues.yaml``, folded once into matching sets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from marsad.core.errors import DataError
from marsad.text import keys as textkeys
from marsad.text.resources import load_yaml, read_tsv

CUES_FILE = "quote_cues.yaml"
COUNTRIES_FILE = "kb/countries.tsv"
COUNTRY_COLUMNS = ("iso3", "name_en", "wikidata", "names_ar", "demonym", "plural", "adj_en", "leader")
#: Endings that make a masculine singular nationality adjective (عراقي) feminine or plural, with
#: or without the article: عراقية، عراقيون، عراقيين، عراقيات.
DEMONYM_ENDINGS = ("", "ة", "ون", "ين", "ات")
#: The concepts of ``anonymous`` in the cues file (anonymous.py reads each).
ANONYMOUS_KEYS = ("sources", "people", "individuals", "locals", "officials", "state_agents", "agency_heads",
                  "official_titles", "describers", "bodies")


def _fold_all(values: Any, where: str) -> frozenset[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise DataError(f"data file marsad/data/{CUES_FILE}: {where!r} must be a list of strings")
    return frozenset(textkeys.fold(v).strip() for v in values)


def _fold_groups(data: dict[str, Any], key: str) -> frozenset[str]:
    groups = data.get(key)
    if not isinstance(groups, dict):
        raise DataError(f"data file marsad/data/{CUES_FILE}: {key!r} must map concept names to lists")
    out: set[str] = set()
    for concept, forms in groups.items():
        out |= _fold_all(forms, f"{key}.{concept}")
    return frozenset(out)


def _groups(data: dict[str, Any], key: str) -> tuple[frozenset[str], ...]:
    """Each concept's folded forms, kept apart (unlike :func:`_fold_groups`)."""
    groups = data.get(key)
    if not isinstance(groups, dict):
        raise DataError(f"data file marsad/data/{CUES_FILE}: {key!r} must map concept names to lists")
    return tuple(_fold_all(forms, f"{key}.{concept}") for concept, forms in groups.items())


@dataclass(frozen=True)
class Cues:
    """Folded word sets; multi-word outlet names are kept as tuples of folded words."""

    verbs: frozenset[str]
    relay_verbs: frozenset[str]
    participles: frozenset[str]
    complementisers: frozenset[str]
    speech_nouns: frozenset[str]
    according: frozenset[str]
    according_connectors: frozenset[str]
    according_not_sources: frozenset[str]
    outlet_heads: frozenset[str]
    outlet_names: tuple[tuple[str, ...], ...]
    statement_nouns: frozenset[str]
    titles: frozenset[str]
    honorific_pronouns: frozenset[str]
    honorific_referents: tuple[frozenset[str], ...]
    group_nouns: frozenset[str]
    title_complements: frozenset[str]
    on_behalf: frozenset[str]
    adjunct_heads: frozenset[str]
    speaker_stops: frozenset[str]
    lead_particles: frozenset[str]

    grammar: dict[str, tuple[str, ...]] = field(default_factory=dict)  # folded, by concept
    #: ``anonymous.<concept>``: the words of unnamed speakers' phrases (anonymous.py), folded.
    anonymous: dict[str, frozenset[str]] = field(default_factory=dict)
    vocabulary: frozenset[str] = frozenset()  # every single word looked up, filled by cues()
    outlet_firsts: frozenset[str] = frozenset()  # first words of multi-word outlet names
    agencies: frozenset[str] = frozenset()  # anonymous bodies and state agents: where a post is held
    name_heads: frozenset[str] = frozenset()  # outlet heads and bodies: a name in marks may follow
    indicators: frozenset[str] = frozenset()  # grammar.indicator_nouns, as a set

    def words(self, name: str) -> tuple[str, ...]:
        """The folded forms of ``grammar.<name>``, longest first (usable with str.endswith)."""
        try:
            return self.grammar[name]
        except KeyError:
            raise DataError(f"data file marsad/data/{CUES_FILE}: 'grammar.{name}' is missing") from None

    def is_complementiser(self, key: str) -> bool:
        """إن/أن/بأن, also with a pronoun suffix (إنه، أنها)."""
        return key in self.complementisers


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = load_yaml(CUES_FILE)

    def words(key: str) -> frozenset[str]:
        return _fold_all(data.get(key), key)

    comps = words("complementisers")
    suffixes = words("pronoun_suffixes")
    with_suffix = frozenset(c + s for c in comps for s in suffixes)
    # Tokens carry their conjunction/preposition stripped, so بأن and فإن arrive as أن/إن.
    loaded = Cues(
        verbs=_fold_groups(data, "verbs"),
        relay_verbs=_fold_groups(data, "relay_verbs"),
        participles=_fold_groups(data, "participles"),
        complementisers=comps | with_suffix,
        speech_nouns=words("speech_nouns"),
        according=_fold_groups(data, "according"),
        according_connectors=words("according_connectors"),
        according_not_sources=words("according_not_sources"),
        outlet_heads=words("outlet_heads"),
        outlet_names=tuple(tuple(n.split()) for n in words("outlet_names")),
        statement_nouns=words("statement_nouns"),
        titles=words("titles"),
        honorific_pronouns=words("honorific_pronouns"),
        honorific_referents=_groups(data, "honorific_referents"),
        group_nouns=words("group_nouns"),
        title_complements=words("title_complements"),
        on_behalf=words("on_behalf"),
        adjunct_heads=words("adjunct_heads"),
        speaker_stops=words("speaker_stops"),
        lead_particles=words("lead_particles"),
    )
    grammar = data.get("grammar")
    if not isinstance(grammar, dict):
        raise DataError(f"data file marsad/data/{CUES_FILE}: 'grammar' must map names to lists")
    folded = {name: tuple(sorted(_fold_all(forms, f"grammar.{name}"), key=len, reverse=True))
              for name, forms in grammar.items()}
    unnamed = data.get("anonymous")
    if not isinstance(unnamed, dict) or set(unnamed) != set(ANONYMOUS_KEYS):
        raise DataError(f"data file marsad/data/{CUES_FILE}: 'anonymous' must map "
                        f"{', '.join(ANONYMOUS_KEYS)} to lists")
    anonymous = {name: _fold_all(forms, f"anonymous.{name}") for name, forms in unnamed.items()}
    return replace(loaded, grammar=folded, anonymous=anonymous, vocabulary=_vocabulary(loaded),
                   outlet_firsts=frozenset(n[0] for n in loaded.outlet_names),
                   agencies=anonymous["bodies"] | anonymous["state_agents"],
                   name_heads=loaded.outlet_heads | anonymous["bodies"],
                   indicators=frozenset(folded.get("indicator_nouns", ())))


def _vocabulary(c: Cues) -> frozenset[str]:
    return (c.verbs | c.relay_verbs | c.participles | c.complementisers | c.speech_nouns
            | c.according | c.titles | c.speaker_stops | c.lead_particles | c.outlet_heads
            | c.statement_nouns)


@lru_cache(maxsize=1)
def demonyms() -> dict[tuple[str, ...], str]:
    """Folded nationality adjectives (one or two words, any gender and number, with or without
    the article) → ISO 3166 alpha-3 code."""
    out: dict[tuple[str, ...], str] = {}
    for row in read_tsv(COUNTRIES_FILE, COUNTRY_COLUMNS):
        iso3, demonym, plural = row[0], row[4], row[5]
        for form in filter(None, demonym.split("|")):
            words = form.split()
            for ending in DEMONYM_ENDINGS:
                for article in ("", "ال"):
                    out.setdefault(tuple(textkeys.fold(article + w + ending) for w in words), iso3)
        for form in filter(None, plural.split("|")):
            key = tuple(textkeys.fold(w) for w in form.split())
            out.setdefault(key, iso3)
            if key[0].startswith("ال"):
                out.setdefault((key[0][2:], *key[1:]), iso3)
    return out


def nationality(keys: Sequence[str]) -> str | None:
    """The state of the first nationality adjective among folded word ``keys``, two words before
    one (مصدر أمني عراقي → IRQ)."""
    table = demonyms()
    for k in range(len(keys)):
        for n in (2, 1):
            found = table.get(tuple(keys[k:k + n])) if k + n <= len(keys) else None
            if found is not None:
                return found
    return None
