"""The right-to-left web UI: server-rendered pages over the store (a thin shell).

Pages live under ``/ui`` (``/`` is the home page) so the JSON API keeps its own paths.  Jinja2
autoescapes every value; the article text is escaped piece by piece in :mod:`.highlight`.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from marsad.core.contract import entity_types, event_types
from marsad.shells.web import display
from marsad.shells.web.apidoc import operations
from marsad.shells.web.chart import bar_chart
from marsad.shells.web.download import DOWNLOAD_ROWS, download, download_links, format_arg
from marsad.shells.web.highlight import find_marks, mark_hits, render
from marsad.store import Filters
from marsad.store.base import MAX_OFFSET
from marsad.store.context import Context

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
#: Rows shown on list pages (the JSON API pages further with ``offset``).
PAGE_ROWS = 100
#: Entities on the home page's "most mentioned", and how many are read to find them once the
#: common words, currencies and units are left out.
HOME_ENTITIES = 30
HOME_CANDIDATES = 120

Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]

#: Nothing on a page is loaded from elsewhere, and no inline script runs: an article that
#: slipped markup past escaping still could not execute anything.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def path_segment(value: object) -> str:
    """``value`` quoted for use as one segment of a URL path (ids come from stored data)."""
    return quote(str(value), safe="")


def safe_url(value: object) -> str | None:
    """``value`` when it is an http(s) URL, else None (no ``javascript:`` links from articles)."""
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        return value
    return None


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = safe_url
    env.filters["path"] = path_segment
    env.filters["marked"] = mark_hits
    env.globals["event_types"] = event_types()
    env.globals["entity_types"] = entity_types()
    display.install(env)
    return env


def page(template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    html = environment().get_template(template).render(**values)
    return HTMLResponse(html, status_code=status_code, headers=SECURITY_HEADERS)


def error_page(request: Request, status: int, code: str, message: str) -> Response:
    return page("error.html", status, title=f"خطأ {status}", status=status, code=code, message=message)


def is_page(request: Request) -> bool:
    """True for requests to the web UI, whose errors are shown as pages rather than JSON."""
    path = request.url.path
    return path == "/" or path.startswith("/ui/") or path == "/ui" or path == "/docs"


# --- form values (a form sends "" for an empty field) ----------------------------------------------

def text_arg(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def date_arg(name: str, value: str | None) -> str | None:
    value = text_arg(value)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name} {value!r} is not a date; use YYYY-MM-DD") from None


def choice_arg(name: str, value: str | None, allowed: tuple[str, ...]) -> str | None:
    value = text_arg(value)
    if value is None:
        return None
    if value.upper() not in allowed:
        raise HTTPException(422, f"{name} {value!r} is not one of {', '.join(allowed)}")
    return value.upper()


def country_arg(value: str | None) -> str | None:
    value = text_arg(value)
    if value is not None and not (len(value) == 3 and value.isascii() and value.isalpha()):
        raise HTTPException(422, f"country {value!r} is not an ISO alpha-3 code such as RUS")
    return value.upper() if value else None


def pager(request: Request, offset: int, shown: int) -> dict[str, str | None]:
    """Links to the previous and next page of a list, keeping the filters of this one."""

    def at(where: int) -> str:
        params = {**request.query_params, "offset": str(where)}
        return f"{request.url.path}?{urlencode(params)}"

    return {"prev": at(max(0, offset - PAGE_ROWS)) if offset > 0 else None,
            "next": at(offset + PAGE_ROWS) if shown >= PAGE_ROWS else None}


# --- the router ---------------------------------------------------------------------------------

def web_router(ctx: Context, openapi: Any) -> APIRouter:
    """Pages of the web UI; ``openapi`` returns the API description for the /docs page."""
    router = APIRouter(include_in_schema=False)
    store = ctx.store

    @router.get("/", response_class=HTMLResponse)
    def home(request: Request, offset: Offset = 0) -> HTMLResponse:
        rows = store.list_articles(limit=PAGE_ROWS, offset=offset)
        ranked = display.notable(store.entities_by_articles(HOME_CANDIDATES), HOME_ENTITIES)
        return page("home.html", title="مرصد", articles=rows, entities=ranked,
                    total=store.count(), pages=pager(request, offset, len(rows)))

    @router.get("/ui/articles/{article_id}", response_class=HTMLResponse)
    def article(article_id: str) -> HTMLResponse:
        found = store.get_article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id!r} in the store")
        analysis = found["analysis"]
        text = found["text"] or analysis.get("text", "")
        body = render(text, find_marks({**analysis, "text": text}, found["entity_ids"]))
        return page("article.html", title=found["title"] or found["id"], article=found,
                    analysis=analysis, body=body,
                    entities=list(zip(found["entity_ids"], analysis.get("entities", []), strict=False)))

    @router.get("/ui/entities", response_class=HTMLResponse)
    def entities(request: Request, name: str | None = None, type: str | None = None,
                 country: str | None = None, format: str | None = None, offset: Offset = 0) -> Response:
        chosen = choice_arg("type", type, entity_types())
        where = (text_arg(name), chosen, country_arg(country))
        fmt = format_arg(format)
        if fmt:
            return download(store.entities(*where, limit=DOWNLOAD_ROWS, offset=offset), "entities", fmt)
        rows = store.entities(*where, limit=PAGE_ROWS, offset=offset)
        form = {"name": text_arg(name) or "", "type": chosen or "", "country": text_arg(country) or ""}
        return page("entities.html", title="الكيانات", rows=rows, form=form,
                    pages=pager(request, offset, len(rows)),
                    download_urls=download_links(request))

    @router.get("/ui/entities/{entity_id}", response_class=HTMLResponse)
    def entity(entity_id: str) -> HTMLResponse:
        found = store.entity(entity_id)
        if found is None:
            raise HTTPException(404, f"no entity {entity_id!r} in the store")
        chart = bar_chart([(r["day"], r["mentions"]) for r in found["timeline"]])
        return page("entity.html", title=found["name_ar"] or found["name_en"] or entity_id,
                    entity=found, chart=chart, articles=store.entity_articles(entity_id))

    @router.get("/ui/quotes", response_class=HTMLResponse)
    def quotes(request: Request, speaker: str | None = None, q: str | None = None,
               format: str | None = None, offset: Offset = 0, unattributed: bool = False) -> Response:
        fmt = format_arg(format)
        if fmt:
            return download(store.quotes(text_arg(speaker), text_arg(q), limit=DOWNLOAD_ROWS, offset=offset,
                                         unattributed=unattributed), "quotes", fmt)
        rows = store.quotes(text_arg(speaker), text_arg(q), limit=PAGE_ROWS, offset=offset,
                            unattributed=unattributed)
        return page("quotes.html", title="الاقتباسات", rows=rows, pages=pager(request, offset, len(rows)),
                    download_urls=download_links(request),
                    form={"speaker": text_arg(speaker) or "", "q": text_arg(q) or "",
                          "unattributed": unattributed})

    @router.get("/ui/events", response_class=HTMLResponse)
    def events(request: Request, type: str | None = None, country: str | None = None,
               format: str | None = None, offset: Offset = 0) -> Response:
        args = request.query_params
        chosen = choice_arg("type", type, event_types())
        where = (chosen, country_arg(country), date_arg("from", args.get("from")),
                 date_arg("to", args.get("to")))
        fmt = format_arg(format)
        if fmt:
            return download(store.events(*where, limit=DOWNLOAD_ROWS, offset=offset), "events", fmt)
        rows = store.events(*where, limit=PAGE_ROWS, offset=offset)
        chart = bar_chart([(r["day"], r["events"]) for r in store.events_per_day(*where)])
        form = {"type": chosen or "", "country": where[1] or "", "from": where[2] or "", "to": where[3] or ""}
        return page("events.html", title="الأحداث", rows=rows, chart=chart, form=form,
                    pages=pager(request, offset, len(rows)),
                    download_urls=download_links(request))

    @router.get("/ui/stories", response_class=HTMLResponse)
    def stories(request: Request, min_articles: int = 1, offset: Offset = 0) -> HTMLResponse:
        args = request.query_params
        when = (date_arg("from", args.get("from")), date_arg("to", args.get("to")))
        rows = store.stories(*when, max(1, min_articles), limit=PAGE_ROWS, offset=offset)
        form = {"from": when[0] or "", "to": when[1] or "", "min_articles": max(1, min_articles)}
        return page("stories.html", title="القصص", stories=rows, form=form,
                    pages=pager(request, offset, len(rows)))

    @router.get("/ui/search", response_class=HTMLResponse)
    def search(request: Request, q: str | None = None, speaker: str | None = None,
               entity: str | None = None, type: str | None = None,
               country: str | None = None, offset: Offset = 0) -> HTMLResponse:
        args = request.query_params
        filters = Filters(text_arg(entity), text_arg(speaker), choice_arg("type", type, event_types()),
                          country_arg(country), date_arg("from", args.get("from")),
                          date_arg("to", args.get("to")))
        query = text_arg(q) or ""
        searched = bool(query) or filters != Filters()
        hits = store.search(query, filters, limit=PAGE_ROWS, offset=offset) if searched else []
        form = {"q": query, "speaker": filters.speaker or "", "entity": filters.entity or "",
                "type": filters.type or "", "country": filters.country or "",
                "from": filters.date_from or "", "to": filters.date_to or ""}
        return page("search.html", title="بحث", hits=hits, searched=searched, form=form,
                    pages=pager(request, offset, len(hits)))

    @router.get("/docs", response_class=HTMLResponse)
    def docs() -> HTMLResponse:
        spec = openapi()
        return page("docs.html", title="واجهة البرمجة", info=spec.get("info", {}),
                    operations=operations(spec))

    # Imported here: the overview pages use this module's helpers (page, pager, the form values).
    from marsad.shells.web.explore import explore_router

    router.include_router(explore_router(ctx))
    return router
