"""The server: the REST API, the web UI and its static files over one store, in one FastAPI app.

The composition root of the two shells: ``shells/api`` and ``shells/web`` know nothing of each
other and share only the :class:`~marsad.store.context.Context` built here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from marsad import __version__
from marsad.core.settings import Settings
from marsad.shells.api.errors import BodyLimit, install_handlers
from marsad.shells.api.guard import Guard
from marsad.shells.api.routes import api_router
from marsad.shells.web.pages import STATIC, error_page, is_page, web_router
from marsad.store import Store, open_store
from marsad.store.context import Context

#: A JSON body may spell each Arabic letter as a 6-byte ``\\uXXXX`` escape where UTF-8 needs 2,
#: so the body limit allows three times the largest article plus room for the other fields.
JSON_OVERHEAD_FACTOR = 3
METADATA_ROOM = 64 * 1024

DESCRIPTION = """\
Structured knowledge from Arabic news: analyse an article (`POST /analyze`), and browse and
search the articles of a store by entity, speaker, event and date.

Every error answers `{"error": {"code": ..., "message": ...}}`.  Writes (`POST /articles`) need
`Authorization: Bearer TOKEN` with the token the server was started with; a server started
without a token is read-only.  The web UI is at `/`.
"""


def body_limit(settings: Settings) -> int:
    """Largest request body accepted, in bytes."""
    if settings.api_max_body_bytes is not None:
        return settings.api_max_body_bytes
    return settings.max_input_bytes * JSON_OVERHEAD_FACTOR + METADATA_ROOM


def api_token(settings: Settings) -> str | None:
    return settings.api_token or None


def create_app(store: Store | str, settings: Settings | None = None,
               hosts: frozenset[str] | None = None) -> FastAPI:
    """The app serving ``store`` (an open Store, kept open; or a database URL, opened here and
    closed at shutdown), to requests naming one of ``hosts`` (None: any; see ``api/guard.py``)."""
    settings = settings or Settings()
    owned = isinstance(store, str)
    opened = open_store(store) if isinstance(store, str) else store

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            opened.close()

    app = FastAPI(title="marsad", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)  # the stock docs load scripts from a CDN: ours do not
    ctx = Context(opened, settings, api_token(settings))
    app.state.marsad = ctx

    def openapi() -> dict[str, Any]:
        return app.openapi()

    install_handlers(app, error_page, is_page)
    app.include_router(api_router(ctx))
    app.include_router(web_router(ctx, openapi))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(BodyLimit, limit=body_limit(settings))
    app.add_middleware(Guard, hosts=hosts)  # outermost: every answer, even a 413, gets nosniff
    return app
