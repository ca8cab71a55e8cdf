"""One validated settings object (trafilatura ``Extractor``, datasette ``SETTINGS``).

Unknown keys, wrong types and bad values fail at start-up with the allowed values in the message.
Each built-in stage has a section of its own (``Settings(events={"protest_threshold": 0.5})``) whose
defaults are the values the stage was tuned with; the stage reads its section and nothing else.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from marsad.core.errors import SettingsError

#: registry.BUILTIN_ORDER (settings must not import the registry, which imports settings for types).
DEFAULT_STAGES = ("clean", "segment", "entities", "temporal", "quantities", "quotes", "events")

#: Help text for every setting; the docs test checks each is documented in docs/settings.md.
HELP: dict[str, str] = {
    "stages": "stage names to run, in order (see `marsad stages`)",
    "max_input_bytes": "largest article accepted, in bytes; larger inputs are rejected",
    "url_timeout": "seconds to wait for a URL before giving up",
    "url_max_bytes": "largest response body read from a URL, in bytes",
    "jobs": "worker processes for many inputs (0 = one per core)",
    "published": "publication date used when an input carries none (YYYY-MM-DD)",
    "split_glued": "split words glued by lost hyperlinks (العاصمةوقال → العاصمة وقال)",
    "remove_boilerplate": "take bylines, credits, captions and boilerplate lines out of the body",
    "api_token": "bearer token that allows writes (POST /articles) through the REST API; none = read-only",
    "api_max_body_bytes": "largest request body the REST API accepts, in bytes (default: max_input_bytes)",
    "api_private_urls": "let POST /analyze fetch URLs on loopback, private and link-local addresses "
                        "(off: public addresses only, so the server cannot be turned on internal services)",
    "clean": "settings of the clean stage (section; see below)",
    "segment": "settings of the segment stage (section; see below)",
    "entities": "settings of the entities stage (section; see below)",
    "temporal": "settings of the temporal stage (section; see below)",
    "quantities": "settings of the quantities stage (section; see below)",
    "quotes": "settings of the quotes stage (section; see below)",
    "events": "settings of the events stage (section; see below)",
}


def knob(default: Any, help: str, *, low: float | None = None, high: float | None = None) -> Any:
    """A section setting: its default, help text and (for numbers) the allowed range."""
    return field(default=default, metadata={"help": help, "low": low, "high": high})


S = TypeVar("S", bound="Section")


@dataclass(frozen=True)
class Section:
    """Settings of one stage: each field's type is its default's; numbers must lie in their range."""

    NAME: ClassVar[str] = ""
    #: Settings of earlier releases → what replaced them, named in the error for the old key.
    RENAMED: ClassVar[Mapping[str, str]] = {}

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            object.__setattr__(self, f.name, _checked(self.NAME, f, getattr(self, f.name)))

    @classmethod
    def from_mapping(cls: type[S], values: Mapping[str, Any]) -> S:
        """The section from a plain mapping (a JSON object, ``--set`` options), checking every key."""
        allowed = ", ".join(cls.keys()) or "none (this stage has no settings yet)"
        if not isinstance(values, Mapping):
            raise SettingsError(f"{cls.NAME} must be a mapping of settings ({allowed}), got {values!r}")
        unknown = sorted(set(values) - set(cls.keys()))
        if unknown:
            moved = "".join(f" ({cls.NAME}.{k} is now {cls.RENAMED[k]})" for k in unknown if k in cls.RENAMED)
            raise SettingsError(f"unknown setting(s) {', '.join(f'{cls.NAME}.{k}' for k in unknown)}; "
                                f"allowed in {cls.NAME}: {allowed}{moved}")
        return cls(**values)

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(cls))


def _checked(section: str, f: dataclasses.Field[Any], value: object) -> object:
    """``value`` for the setting ``section.f``, with an int turned into a float where a float is due."""
    name, default = f"{section}.{f.name}", f.default
    low, high = f.metadata.get("low"), f.metadata.get("high")
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise SettingsError(f"{name} must be true or false, got {value!r}")
        return value
    if isinstance(default, (int, float)):
        whole = isinstance(default, int)
        kind = "a whole number" if whole else "a number"
        limits = _range(low, high)
        if isinstance(value, bool) or not isinstance(value, int if whole else (int, float)):
            raise SettingsError(f"{name} must be {kind}{limits}, got {value!r}")
        if (not math.isfinite(value) or (low is not None and value < low)
                or (high is not None and value > high)):
            raise SettingsError(f"{name} must be {kind}{limits}, got {value!r}")
        return value if whole else float(value)
    return value


def _range(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f" from {low} to {high}"
    if low is not None:
        return f" ≥ {low}"
    return f" ≤ {high}" if high is not None else ""


# Each stage's defaults are the module constants it was tuned with; the comment beside each
# constant names the benchmark.  The stage modules are not imported here (they import settings).

@dataclass(frozen=True)
class CleanSettings(Section):
    """``clean``; its switches are the top-level ``split_glued`` and ``remove_boilerplate``."""

    NAME: ClassVar[str] = "clean"
    #: stages.clean.GLUE_MIN_ZIPF, _CLITIC, _FINAL
    glue_min_zipf: float = knob(4.8, "least word frequency (wordfreq Zipf) of each half of a glued word "
                                     "split inside a word", low=0.0, high=8.0)
    glue_min_zipf_clitic: float = knob(3.9, "the same where the second half starts with و/ف or ال",
                                       low=0.0, high=8.0)
    glue_min_zipf_final: float = knob(3.6, "the same where the first half ends in ة/ى/ء", low=0.0, high=8.0)


@dataclass(frozen=True)
class SegmentSettings(Section):
    NAME: ClassVar[str] = "segment"
    #: text.keys.PREP_RATIO
    prep_ratio: float = knob(8.0, "how much more frequent (wordfreq) the rest of a word must be than the "
                                  "whole before a lone ب/ل/ك is split off as a preposition", low=1.0)


@dataclass(frozen=True)
class EntitiesSettings(Section):
    NAME: ClassVar[str] = "entities"
    tagger: bool = knob(True, "run the neural tagger (off: knowledge-base names and titles only)")
    #: stages.entities.link.FUZZY_MIN
    fuzzy_min: float = knob(88.0, "least rapidfuzz ratio (0-100) for a tagged name to take a "
                                  "knowledge-base entry spelt a little differently", low=0.0, high=100.0)
    currencies: bool = knob(False, "keep currency names (دولار، يورو) the tagger marks as MISC entities, as "
                                   "ANERcorp does (off: they are units of quantities only)")


@dataclass(frozen=True)
class TemporalSettings(Section):
    NAME: ClassVar[str] = "temporal"
    #: stages.temporal.ANCHOR_REACH
    anchor_reach: int = knob(400, "characters back an event-anchored date (قبل يوم من الاجتماع) looks "
                                  "for the date of that event", low=0)


@dataclass(frozen=True)
class QuantitiesSettings(Section):
    NAME: ClassVar[str] = "quantities"


@dataclass(frozen=True)
class QuotesSettings(Section):
    NAME: ClassVar[str] = "quotes"
    unattributed_as_quotes: bool = knob(False, "list quotes of unnamed speakers who speak for no state or "
                                               "organisation the text names (مصادر مطلعة، شهود عيان) among "
                                               "the quotes (off: in the document's unattributed field)")


@dataclass(frozen=True)
class EventsSettings(Section):
    NAME: ClassVar[str] = "events"
    RENAMED: ClassVar[Mapping[str, str]] = {
        "threshold": "two settings, events.assault_threshold and events.protest_threshold"}
    learned_filter: bool = knob(True, "keep ASSAULT and PROTEST events only in sentences the learned "
                                      "filter reads as reporting one (off: every rule match)")
    #: stages.events.filter.THRESHOLDS (5-fold CV on the GSR dev half, scripts/build_event_filter.py --cv)
    assault_threshold: float = knob(0.35, "least probability (0-1) of the learned filter for an ASSAULT "
                                          "event to be kept", low=0.0, high=1.0)
    protest_threshold: float = knob(0.3, "least probability (0-1) of the learned filter for a PROTEST "
                                         "event to be kept", low=0.0, high=1.0)
    #: stages.events.filter.ARTICLE_THRESHOLDS (chosen on annotated news, bench/events_article_threshold.py)
    article_assault_threshold: float = knob(0.1, "the same for an ASSAULT event in an article (a text of "
                                                  "three sentences or more)", low=0.0, high=1.0)
    article_protest_threshold: float = knob(0.3, "the same for a PROTEST event in an article",
                                            low=0.0, high=1.0)


#: Section name → its class, in pipeline order.
SECTIONS: dict[str, type[Section]] = {cls.NAME: cls for cls in (
    CleanSettings, SegmentSettings, EntitiesSettings, TemporalSettings, QuantitiesSettings,
    QuotesSettings, EventsSettings)}


def section_help() -> dict[str, str]:
    """``section.key`` → help text for every section setting (the docs test reads this)."""
    return {f"{name}.{f.name}": f.metadata["help"]
            for name, cls in SECTIONS.items() for f in dataclasses.fields(cls)}


@dataclass(frozen=True)
class Settings:
    stages: tuple[str, ...] = DEFAULT_STAGES
    max_input_bytes: int = 5_000_000
    url_timeout: float = 15.0
    url_max_bytes: int = 10_000_000
    jobs: int = 1
    published: dt.date | None = None
    split_glued: bool = True
    remove_boilerplate: bool = True
    api_token: str | None = None
    api_max_body_bytes: int | None = None
    api_private_urls: bool = False
    # A mapping given for a section is turned into the section in __post_init__.
    clean: CleanSettings = field(default_factory=CleanSettings)
    segment: SegmentSettings = field(default_factory=SegmentSettings)
    entities: EntitiesSettings = field(default_factory=EntitiesSettings)
    temporal: TemporalSettings = field(default_factory=TemporalSettings)
    quantities: QuantitiesSettings = field(default_factory=QuantitiesSettings)
    quotes: QuotesSettings = field(default_factory=QuotesSettings)
    events: EventsSettings = field(default_factory=EventsSettings)

    def __post_init__(self) -> None:
        for name, cls in SECTIONS.items():
            value = getattr(self, name)
            if not isinstance(value, cls):
                object.__setattr__(self, name, cls.from_mapping(value))
        _check_positive("max_input_bytes", self.max_input_bytes)
        _check_positive("url_max_bytes", self.url_max_bytes)
        if not isinstance(self.url_timeout, (int, float)) or self.url_timeout <= 0:
            raise SettingsError(f"url_timeout must be a positive number of seconds, got {self.url_timeout!r}")
        if not isinstance(self.jobs, int) or isinstance(self.jobs, bool) or self.jobs < 0:
            raise SettingsError(f"jobs must be a whole number ≥ 0 (0 = one per core), got {self.jobs!r}")
        if not self.stages or not all(isinstance(s, str) for s in self.stages):
            raise SettingsError("stages must be a non-empty list of stage names (see `marsad stages`)")
        if self.api_max_body_bytes is not None:
            _check_positive("api_max_body_bytes", self.api_max_body_bytes)
        if self.api_token is not None and (not isinstance(self.api_token, str) or len(self.api_token) < 8):
            raise SettingsError("api_token must be a string of at least 8 characters, or unset for read-only")
        for name in ("split_glued", "remove_boilerplate", "api_private_urls"):
            if not isinstance(getattr(self, name), bool):
                raise SettingsError(f"{name} must be true or false, got {getattr(self, name)!r}")

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Settings:
        """Build settings from a plain mapping (a config file, CLI options), checking every key."""
        allowed = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - allowed)
        if unknown:
            raise SettingsError(f"unknown setting(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")
        clean: dict[str, Any] = dict(values)
        if "published" in clean and clean["published"] is not None:
            clean["published"] = parse_published(clean["published"])
        if "stages" in clean and isinstance(clean["stages"], (list, tuple)):
            clean["stages"] = tuple(clean["stages"])
        for name in ("max_input_bytes", "url_max_bytes", "jobs"):
            if name in clean and not isinstance(clean[name], int):
                raise SettingsError(f"{name} must be a whole number, got {clean[name]!r}")
        return cls(**clean)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)

    def with_sections(self, sections: Mapping[str, Any]) -> Settings:
        """These settings with some section values changed (``{"events": {"protest_threshold": 0.5}}``);
        values not named keep theirs."""
        if not isinstance(sections, Mapping):
            raise SettingsError(f"settings must be a mapping of sections ({', '.join(SECTIONS)}), got {sections!r}")
        unknown = sorted(set(sections) - set(SECTIONS))
        if unknown:
            raise SettingsError(f"unknown settings section(s) {', '.join(unknown)}; sections: {', '.join(SECTIONS)}")
        changes: dict[str, Any] = {}
        for name, values in sections.items():
            cls = SECTIONS[name]
            cls.from_mapping(values)  # unknown keys and bad values are named before merging
            changes[name] = dataclasses.replace(getattr(self, name), **values)
        return self.replace(**changes)

    def with_assignments(self, assignments: Iterable[str]) -> Settings:
        """These settings with ``SECTION.KEY=VALUE`` (or ``KEY=VALUE`` for a top-level setting)
        applied in order, each VALUE read as JSON when it is (true, 0.5, "x") and as text otherwise."""
        settings = self
        for assignment in assignments:
            dotted, value = parse_assignment(assignment)
            section, _, key = dotted.rpartition(".")
            if section:
                settings = settings.with_sections({section: {key: value}})
            elif key in SECTIONS:
                raise SettingsError(f"{key} is a section; set one of its keys: "
                                    + ", ".join(f"{key}.{k}" for k in SECTIONS[key].keys()))
            else:
                if key == "stages" and isinstance(value, str):
                    value = [s.strip() for s in value.split(",") if s.strip()]
                checked = Settings.from_mapping({key: value})  # names the key, reads dates and lists
                settings = settings.replace(**{key: getattr(checked, key)})
        return settings


def parse_assignment(text: str) -> tuple[str, Any]:
    """``events.protest_threshold=0.5`` → ``("events.protest_threshold", 0.5)``: the value read as JSON (true,
    false, null, numbers, quoted strings) when it is JSON, as plain text otherwise."""
    name, sep, raw = text.partition("=")
    name = name.strip()
    if not sep or not name:
        raise SettingsError(f"setting {text!r} is not NAME=VALUE; use SECTION.KEY=VALUE, "
                            "e.g. events.protest_threshold=0.5")
    raw = raw.strip()
    try:
        value: Any = json.loads(raw)
    except ValueError:
        value = raw
    if isinstance(value, (list, dict)):
        value = raw
    return name, value


def _check_positive(name: str, value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise SettingsError(f"{name} must be a positive whole number, got {value!r}")


def parse_published(value: object) -> dt.date:
    """Parse a publication date (``YYYY-MM-DD`` or an ISO timestamp) or raise a one-line error."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            pass
    raise SettingsError(f"published date {value!r} is not a date; use YYYY-MM-DD, e.g. 2024-06-17")
