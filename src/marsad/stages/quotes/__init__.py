"""The ``quotes`` stage: who said what, in direct, indirect and mixed quotations."""

from __future__ import annotations

from marsad.core.document import Document
from marsad.core.registry import (
    ATTR_DATES,
    ATTR_ENTITIES,
    ATTR_QUOTES,
    ATTR_REFERENCES,
    QUOTES,
    SENTENCES,
    TEXT,
    TOKENS,
    register,
)
from marsad.core.settings import Settings
from marsad.stages.quotes.finder import find_quote_sets, find_quotes

__all__ = ["find_quote_sets", "find_quotes", "stage"]


@register(QUOTES, requires=(TEXT, SENTENCES, TOKENS, ATTR_ENTITIES, ATTR_REFERENCES, ATTR_DATES),
          provides=(ATTR_QUOTES,))
def stage(doc: Document, settings: Settings) -> None:
    """Find quotations with their speaker, cue, relay and date; those of unnamed speakers who
    speak for nobody named go to ``doc.unattributed`` unless the settings keep them as quotes."""
    if settings.quotes.unattributed_as_quotes:
        doc.quotes, doc.unattributed = find_quotes(doc), []
    else:
        doc.quotes, doc.unattributed = find_quote_sets(doc)
