"""Request bodies and the list envelope of the REST API (the vocabularies are the contract's:
``marsad.core.contract.event_types`` and ``entity_types``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


class ArticleInput(BaseModel):
    """One article to analyse: its text or the URL of its page, with optional metadata."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "examples": [{"text": "قال الرئيس الروسي فلاديمير بوتين يوم الاثنين إن ...",
                      "published": "2024-06-17", "title": "بوتين يزور كوريا الشمالية"}]})

    text: str | None = Field(None, description="article text (plain text)")
    url: str | None = Field(None, description="http(s) URL of the article's page, fetched by the server")
    published: dt.date | None = Field(None, description="publication date; relative dates resolve against it")
    title: str | None = None
    source: str | None = Field(None, description="outlet, e.g. CNN")
    stages: list[str] | None = Field(None, description="stage names to run (default: the server's)")
    # Any mapping: Settings checks it and names a bad section.key in its one-line E200 message.
    settings: dict[str, Any] | None = Field(None, description=(
        "stage settings over the server's, by section (docs/settings.md), "
        'e.g. {"events": {"protest_threshold": 0.5}, "entities": {"tagger": false}}'))

    @model_validator(mode="after")
    def _one_input(self) -> ArticleInput:
        if (self.text is None) == (self.url is None):
            raise ValueError("give exactly one of text or url")
        if self.url is not None and not self.url.startswith(("http://", "https://")):
            raise ValueError("url must start with http:// or https://")
        return self


class Stored(BaseModel):
    """The answer to a write: the article's id and whether it was new."""

    id: str
    added: bool


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """The envelope of every list answer."""
    return {"items": items, "count": len(items), "limit": limit, "offset": offset}
