"""The JSON routes: analyse an article, and read what the store holds.

Handlers are plain ``def`` (FastAPI runs them in worker threads): analysis is CPU work and the
store serialises access to its one connection itself.  Each handler only calls library
functions (house style: thin shells).
"""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Response
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError

from marsad.core.analyze import to_document
from marsad.core.contract import entity_types, event_types, problems
from marsad.core.document import SCHEMA, Document
from marsad.core.errors import InputError, RecordError, TooLargeError
from marsad.core.pipeline import load_pipeline
from marsad.core.settings import Settings
from marsad.shells.api.models import ArticleInput, Stored, page
from marsad.stages.ingest.readers import Article, check_size, from_text, items_from_url
from marsad.store import Filters
from marsad.store.base import MAX_LIMIT, MAX_OFFSET
from marsad.store.context import Context
from marsad.store.rows import text_hash

# --- shared parameters --------------------------------------------------------------------------

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="most items to return")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip (paging)")]
DateFrom = Annotated[dt.date | None, Query(alias="from", description="on or after YYYY-MM-DD")]
DateTo = Annotated[dt.date | None, Query(alias="to", description="on or before YYYY-MM-DD")]
#: The bearer token of a write; module level so FastAPI can resolve the annotation.
BEARER = HTTPBearer(auto_error=False, description="the server's api_token (marsad serve --token)")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)]
Country = Annotated[str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3, e.g. RUS")]


def check_event_type(value: str | None) -> str | None:
    """The PLOVER type upper-cased, or a 422 naming the allowed values."""
    if value is None or value == "":
        return None
    if value.upper() not in event_types():
        raise HTTPException(422, f"type {value!r} is not a PLOVER event type; use one of "
                                 + ", ".join(event_types()))
    return value.upper()


def check_entity_type(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if value.upper() not in entity_types():
        raise HTTPException(422, f"type {value!r} is not an entity type; use one of "
                                 + ", ".join(entity_types()))
    return value.upper()


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# --- analysis -------------------------------------------------------------------------------------

#: Largest article ``POST /analyze`` takes from a caller without the token: 100 KB of any text
#: analyses in a few seconds (tests/test_fuzz_analyze.py, bench/repeated_words.py), so an
#: anonymous caller cannot hold a worker for long.  Callers with the token get max_input_bytes.
PUBLIC_ANALYZE_BYTES = 100_000


def analyse_input(item: ArticleInput, settings: Settings, budget: int | None = None) -> Document:
    """Run the pipeline on the text or URL of ``item`` (never on a server file: text is text),
    refusing an article over ``budget`` bytes."""
    if item.stages:
        settings = settings.replace(stages=tuple(item.stages))
    if item.settings:
        settings = settings.with_sections(item.settings)  # a bad key or value: 400, E200
    pipeline = load_pipeline(settings)
    if item.text is not None:
        check_size(len(item.text.encode("utf-8")), settings, "text")
        article = from_text(item.text, "<request>")
    else:
        assert item.url is not None
        article = _first_article(item.url, settings)
    if budget is not None and len(article.raw.encode("utf-8")) > budget:
        raise TooLargeError(f"is over {budget:,} bytes, the most analysed for a caller without the "
                            "token; send a shorter article or the bearer token", source="text")
    article.title = item.title or article.title
    article.source = item.source or article.source
    return pipeline(to_document(article, item.published or settings.published))


def _first_article(url: str, settings: Settings) -> Article:
    for found in items_from_url(url, settings, public_only=not settings.api_private_urls):
        if isinstance(found, InputError):
            raise found
        return found
    raise InputError("holds no article", source=url)


def _contract_or_input(body: dict[str, Any]) -> dict[str, Any] | ArticleInput:
    """A posted body is either an analysed contract document or an article to analyse."""
    if body.get("schema") == SCHEMA:
        if "id" not in body and isinstance(body.get("text"), str):
            body = {**body, "id": text_hash(body["text"])}  # the server assigns the id its text gives
        found = problems(body)
        if found:
            raise RecordError(f"document breaks the {SCHEMA} contract: " + "; ".join(found[:3]))
        return body
    try:
        return ArticleInput.model_validate(body)
    except ValidationError as exc:
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]) from None


# --- the router -------------------------------------------------------------------------------

def api_router(ctx: Context) -> APIRouter:
    router = APIRouter()

    def has_token(creds: Credentials) -> bool:
        given = creds.credentials.encode("utf-8") if creds else b""
        return bool(ctx.token) and hmac.compare_digest(given, (ctx.token or "").encode("utf-8"))

    def writer(creds: Credentials) -> None:
        """Allow writes only with the configured bearer token; without one the API is read-only."""
        if not ctx.token:
            raise HTTPException(403, "this server is read-only; start it with --token "
                                     "(or MARSAD_API_TOKEN) to allow writes")
        given = creds.credentials.encode("utf-8") if creds else b""
        if not hmac.compare_digest(given, ctx.token.encode("utf-8")):
            raise HTTPException(401, "missing or wrong token; send the header Authorization: Bearer TOKEN",
                                headers={"WWW-Authenticate": "Bearer"})

    @router.post("/analyze", tags=["analysis"], summary="Analyse an article (text or URL)")
    def analyze(item: ArticleInput, creds: Credentials) -> dict[str, Any]:
        """Return the article as a marsad.document/1 contract document; nothing is stored.

        Without the bearer token an article may have at most 100,000 bytes."""
        budget = None if has_token(creds) else PUBLIC_ANALYZE_BYTES
        return analyse_input(item, ctx.settings, budget).to_dict()

    @router.post("/articles", tags=["articles"], status_code=201, dependencies=[Depends(writer)],
                 summary="Store an article (needs the bearer token)")
    def add_article(response: Response, body: Annotated[dict[str, Any], Body(description=(
            "an article to analyse ({text|url, published, title, source}) or an already "
            "analysed marsad.document/1 document"))]) -> Stored:
        """Analyse (unless already analysed) and store one article: 201 when new, 200 when it
        was already stored (storing it again changes nothing)."""
        given = _contract_or_input(body)
        try:
            if isinstance(given, ArticleInput):
                doc = analyse_input(given, ctx.settings)
                stored = Stored(id=doc.id, added=ctx.store.add(doc))
            else:
                stored = Stored(id=str(given["id"]), added=ctx.store.add(given))
        finally:
            # Between requests the server is no writer: `marsad ingest` may fill the same store.
            ctx.store.release_writer()
        response.status_code = 201 if stored.added else 200
        return stored

    @router.get("/articles", tags=["articles"], summary="List stored articles, newest first")
    def list_articles(limit: Limit = 50, offset: Offset = 0, entity: str | None = None,
                      speaker: str | None = None, type: str | None = None, country: Country = None,
                      date_from: DateFrom = None, date_to: DateTo = None) -> dict[str, Any]:
        filters = Filters(entity or None, speaker or None, check_event_type(type), country,
                          iso(date_from), iso(date_to))
        return page(ctx.store.list_articles(filters, limit, offset), limit, offset)

    @router.get("/articles/{article_id}", tags=["articles"], summary="One article with its analysis")
    def get_article(article_id: str) -> dict[str, Any]:
        found: dict[str, Any] | None = ctx.store.get_article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id!r} in the store")
        return found

    @router.get("/entities", tags=["entities"], summary="Entities across articles, most mentioned first")
    def list_entities(limit: Limit = 50, offset: Offset = 0,
                      name: Annotated[str | None, Query(description="Arabic or English name")] = None,
                      type: str | None = None, country: Country = None) -> dict[str, Any]:
        found = ctx.store.entities(name or None, check_entity_type(type), country, limit, offset)
        return page(found, limit, offset)

    @router.get("/entities/{entity_id}", tags=["entities"],
                summary="One entity: mentions, quotes by it, events as source/target, timeline")
    def get_entity(entity_id: str, limit: Limit = 200) -> dict[str, Any]:
        found = ctx.store.entity(entity_id, limit=limit)
        if found is None:
            raise HTTPException(404, f"no entity {entity_id!r} in the store")
        return found

    @router.get("/quotes", tags=["quotes"], summary="Who said what: quotes across articles")
    def list_quotes(limit: Limit = 50, offset: Offset = 0,
                    speaker: Annotated[str | None, Query(description="speaker name (any form)")] = None,
                    q: Annotated[str | None, Query(description="words the quote must contain")] = None,
                    entity: str | None = None, article: str | None = None,
                    unattributed: Annotated[bool, Query(description="also quotes of unnamed speakers "
                                                        "(flagged in each row)")] = False,
                    ) -> dict[str, Any]:
        found = ctx.store.quotes(speaker or None, q or None, entity or None, article or None, limit, offset,
                                 unattributed=unattributed)
        return page(found, limit, offset)

    @router.get("/events", tags=["events"], summary="Events across articles, newest first")
    def list_events(limit: Limit = 50, offset: Offset = 0, type: str | None = None,
                    country: Country = None, date_from: DateFrom = None,
                    date_to: DateTo = None) -> dict[str, Any]:
        found = ctx.store.events(check_event_type(type), country, iso(date_from), iso(date_to),
                                 limit, offset)
        return page(found, limit, offset)

    @router.get("/events/per-day", tags=["events"], summary="Number of events per day")
    def events_per_day(type: str | None = None, country: Country = None, date_from: DateFrom = None,
                       date_to: DateTo = None) -> dict[str, Any]:
        days = ctx.store.events_per_day(check_event_type(type), country, iso(date_from), iso(date_to))
        return {"items": days, "count": len(days)}

    @router.get("/stories", tags=["stories"],
                summary="Stories: the reports of one event grouped, wire copies marked, latest first")
    def list_stories(limit: Limit = 50, offset: Offset = 0, date_from: DateFrom = None,
                     date_to: DateTo = None,
                     min_articles: Annotated[int, Query(ge=1, description="only stories with at least "
                                                                          "this many articles")] = 1
                     ) -> dict[str, Any]:
        found = ctx.store.stories(iso(date_from), iso(date_to), min_articles, limit, offset)
        return page(found, limit, offset)

    @router.get("/stories/{story_id}", tags=["stories"],
                summary="One story: its articles (with the article each copies), sources and events")
    def get_story(story_id: int) -> dict[str, Any]:
        found = ctx.store.story(story_id)
        if found is None:
            raise HTTPException(404, f"no story {story_id} in the store")
        return found

    @router.get("/search", tags=["search"], summary="Arabic-aware full-text search")
    def search(q: Annotated[str, Query(description="words; \"…\" for a phrase; clitics, hamza and "
                                                   "diacritics do not matter")] = "",
               limit: Limit = 20, offset: Offset = 0, entity: str | None = None,
               speaker: str | None = None, type: str | None = None, country: Country = None,
               date_from: DateFrom = None, date_to: DateTo = None) -> dict[str, Any]:
        filters = Filters(entity or None, speaker or None, check_event_type(type), country,
                          iso(date_from), iso(date_to))
        hits = ctx.store.search(q, filters, limit, offset)
        return page([h.to_dict() for h in hits], limit, offset)

    @router.get("/health", tags=["server"], summary="Liveness and store size")
    def health() -> dict[str, Any]:
        return {"status": "ok", "articles": ctx.store.count(), "writable": bool(ctx.token)}

    return router
