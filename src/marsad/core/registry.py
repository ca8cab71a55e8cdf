"""Stage names, the attributes stages provide, and the ``register`` decorator.

Built-in stages register exactly as a plugin would (datasette ``DEFAULT_PLUGINS``): a module
imported by :data:`BUILTIN_MODULES` calls :func:`register` at import time.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from marsad.core.errors import PipelineError

if TYPE_CHECKING:
    from marsad.core.document import Document
    from marsad.core.settings import Settings

# Stage names (Stanza ``_constants.py``).
CLEAN = "clean"
SEGMENT = "segment"
ENTITIES = "entities"
TEMPORAL = "temporal"
QUANTITIES = "quantities"
QUOTES = "quotes"
EVENTS = "events"

# What stages read and write on a Document: the input the reader filled in ...
RAW = "raw"
PUBLISHED = "published"
TITLE = "title"
URL = "url"
ORIGIN = "origin"
RECORD_ID = "record_id"
# ... and the annotations stages add.
TEXT = "text"
REMOVED = "removed"
REPAIRS = "repairs"
SENTENCES = "sentences"
TOKENS = "tokens"
DATELINE = "dateline"
ATTR_ENTITIES = "entities"
ATTR_REFERENCES = "references"
ATTR_DATES = "dates"
ATTR_QUANTITIES = "quantities"
ATTR_QUOTES = "quotes"
ATTR_EVENTS = "events"

#: Attributes every Document has before any stage runs (set by the reader; may be None).
INITIAL = frozenset({RAW, PUBLISHED, TITLE, URL, ORIGIN, RECORD_ID})

#: Modules whose import registers the built-in stages, in pipeline order.
BUILTIN_MODULES = (
    "marsad.stages.clean",
    "marsad.stages.segment",
    "marsad.stages.entities",
    "marsad.stages.temporal",
    "marsad.stages.quantities",
    "marsad.stages.quotes",
    "marsad.stages.events",
)

StageFn = Callable[["Document", "Settings"], None]


@dataclass(frozen=True)
class Stage:
    name: str
    fn: StageFn
    requires: frozenset[str]
    provides: frozenset[str]
    doc: str


_STAGES: dict[str, Stage] = {}


def register(name: str, *, requires: tuple[str, ...] = (), provides: tuple[str, ...] = ()
             ) -> Callable[[StageFn], StageFn]:
    """Register ``fn`` as the stage ``name``; a later registration of the same name replaces it."""

    def wrap(fn: StageFn) -> StageFn:
        _STAGES[name] = Stage(name, fn, frozenset(requires), frozenset(provides),
                              (fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else "")
        return fn

    return wrap


def load_builtins() -> None:
    for module in BUILTIN_MODULES:
        importlib.import_module(module)


def get(name: str) -> Stage:
    load_builtins()
    try:
        return _STAGES[name]
    except KeyError:
        known = ", ".join(sorted(_STAGES)) or "none"
        raise PipelineError(f"unknown stage {name!r}; known stages: {known}") from None


#: The built-in stages in the order they run.
BUILTIN_ORDER = (CLEAN, SEGMENT, ENTITIES, TEMPORAL, QUANTITIES, QUOTES, EVENTS)


def all_stages() -> dict[str, Stage]:
    """Every registered stage: the built-ins in pipeline order, then plugins as registered."""
    load_builtins()
    order = {name: i for i, name in enumerate(BUILTIN_ORDER)}
    return dict(sorted(_STAGES.items(), key=lambda item: order.get(item[0], len(order))))
