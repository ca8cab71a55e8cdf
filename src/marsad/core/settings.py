"""One validated settings object (trafilatura ``Extractor``, datasette ``SETTINGS``).

Unknown keys, wrong types and bad values fail at start-up with the allowed values in the message.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

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
}


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
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
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
        allowed = {f.name for f in dataclasses.fields(cls)} - {"extra"}
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
