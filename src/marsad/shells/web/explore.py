"""Overview pages of the web UI: the article list, the world map, the actor network and the
comparison of two entities over time.  Routes only: queries are in :mod:`marsad.store.overview`,
drawing in :mod:`.worldmap`, :mod:`.network` and :mod:`.chart`.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from marsad.core.contract import event_types
from marsad.shells.web import pages as base
from marsad.shells.web.chart import compare_chart
from marsad.shells.web.download import DOWNLOAD_ROWS, download, download_links, format_arg
from marsad.shells.web.network import layout
from marsad.shells.web.worldmap import draw
from marsad.store.context import Context
from marsad.store.overview import ARTICLE_SORTS

Offset = Annotated[int, Query(ge=0)]
#: The outlet facet's value for articles with no outlet.
NO_OUTLET = "-"
#: What the map counts per country.
MEASURES = {"events": "الأحداث", "articles": "المقالات"}


def sort_arg(value: str | None) -> str:
    value = base.text_arg(value) or "published"
    if value not in ARTICLE_SORTS:
        raise HTTPException(422, f"sort {value!r} is not one of {', '.join(ARTICLE_SORTS)}")
    return value


def order_arg(value: str | None, sort: str) -> bool:
    """True for descending; dates default to newest first, titles and outlets to A first."""
    value = base.text_arg(value)
    if value is None:
        return sort == "published"
    if value not in ("asc", "desc"):
        raise HTTPException(422, f"order {value!r} is not asc or desc")
    return value == "desc"


def outlet_arg(value: str | None) -> str | None:
    """The store's ``source`` filter: None for every outlet, "" for articles without one."""
    value = base.text_arg(value)
    if value is None:
        return None
    return "" if value == NO_OUTLET else value


def link(request: Request, **changes: str | None) -> str:
    """This page's URL with some query values changed (None removes one), back to the first page."""
    params = {k: v for k, v in request.query_params.items() if k not in ("offset", "format")}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return f"{request.url.path}?{urlencode(params)}" if params else request.url.path


def sort_links(request: Request, sort: str, descending: bool) -> dict[str, dict[str, str]]:
    """For each sortable column: the link that sorts by it (flipping the order when it is the
    current sort) and an arrow for the current one."""
    out = {}
    for column in ARTICLE_SORTS:
        if column == sort:
            href = link(request, sort=column, order="asc" if descending else "desc")
            arrow = "▼" if descending else "▲"
        else:
            href = link(request, sort=column, order=None)
            arrow = ""
        out[column] = {"href": href, "arrow": arrow}
    return out


def event_filters(request: Request) -> tuple[str | None, str | None, str | None]:
    """The type, from and to of a filter form over events."""
    args = request.query_params
    return (base.choice_arg("type", args.get("type"), event_types()),
            base.date_arg("from", args.get("from")), base.date_arg("to", args.get("to")))


def explore_router(ctx: Context) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    store = ctx.store

    @router.get("/ui/articles", response_class=HTMLResponse)
    def articles(request: Request, sort: str | None = None, order: str | None = None,
                 outlet: str | None = None, format: str | None = None, offset: Offset = 0) -> Response:
        column = sort_arg(sort)
        descending = order_arg(order, column)
        source = outlet_arg(outlet)
        fmt = format_arg(format)
        if fmt:
            rows = store.article_list(column, descending, source, limit=DOWNLOAD_ROWS, offset=offset)
            return download(rows, "articles", fmt)
        rows = store.article_list(column, descending, source, limit=base.PAGE_ROWS, offset=offset)
        facets = [{**f, "value": f["source"] or NO_OUTLET, "href": link(request, outlet=f["source"] or NO_OUTLET)}
                  for f in store.outlets()]
        return base.page("articles.html", title="المقالات", rows=rows, facets=facets,
                         total=store.article_total(source), offset=offset,
                         outlet=base.text_arg(outlet) or "", all_outlets=link(request, outlet=None),
                         sorts=sort_links(request, column, descending),
                         pages=base.pager(request, offset, len(rows)), download_urls=download_links(request))

    @router.get("/ui/map", response_class=HTMLResponse)
    def world_map(request: Request, measure: str | None = None) -> HTMLResponse:
        chosen = base.text_arg(measure) or "events"
        if chosen not in MEASURES:
            raise HTTPException(422, f"measure {chosen!r} is not one of {', '.join(MEASURES)}")
        type_, date_from, date_to = event_filters(request)
        if chosen == "events":
            counts = store.events_by_country(type_, date_from, date_to)
        else:
            counts = store.articles_by_country()
        places = [(str(p["name_ar"] or p["name_en"] or p["id"]), p["lat"], p["lon"], p["articles"],
                   f"/ui/entities/{base.path_segment(p['id'])}") for p in store.places_with_coordinates()]
        drawn = draw(counts, places)
        ranked = sorted((c for c in drawn.countries if c.count), key=lambda c: (-c.count, c.code))
        unmapped = sorted(set(counts) - {c.code for c in drawn.countries})
        form = {"type": type_ or "", "from": date_from or "", "to": date_to or "", "measure": chosen}
        return base.page("map.html", title="الخريطة", map=drawn, ranked=ranked, form=form,
                         measures=MEASURES, unmapped=unmapped)

    @router.get("/ui/network", response_class=HTMLResponse)
    def network(request: Request) -> HTMLResponse:
        type_, date_from, date_to = event_filters(request)
        links = store.actor_links(type_, date_from, date_to)
        names = store.entity_names({n for pair in links for n in pair})
        drawn = layout(links, names)
        form = {"type": type_ or "", "from": date_from or "", "to": date_to or ""}
        strongest = sorted(drawn.edges, key=lambda e: (-e.count, e.source.name, e.target.name))[:30]
        return base.page("network.html", title="شبكة الفاعلين", net=drawn, form=form, strongest=strongest)

    @router.get("/ui/compare", response_class=HTMLResponse)
    def compare(a: str | None = None, b: str | None = None) -> HTMLResponse:
        chosen = [found for found in (pick_entity(ctx, a), pick_entity(ctx, b)) if found]
        series = [(display_name(e), [(r["day"], r["mentions"]) for r in store.mentions_per_day(e["id"])])
                  for e in chosen]
        form = {"a": base.text_arg(a) or "", "b": base.text_arg(b) or ""}
        return base.page("compare.html", title="مقارنة", chart=compare_chart(series), chosen=chosen, form=form)

    return router


def pick_entity(ctx: Context, value: str | None) -> dict[str, Any] | None:
    """An entity by store id, else the most mentioned entity whose name matches ``value``."""
    value = base.text_arg(value)
    if value is None:
        return None
    found = ctx.store.entity_names([value]).get(value)
    if found:
        return found
    named = ctx.store.entities(value, limit=1)
    return named[0] if named else None


def display_name(entity: dict[str, Any]) -> str:
    return str(entity.get("name_ar") or entity.get("name_en") or entity["id"])
