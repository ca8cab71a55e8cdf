"""One error shape for every failure the API returns, and the request size limit.

Every error, whether a missing route, a bad query parameter, a body that is too large, a
:class:`~marsad.core.errors.MarsadError` or a bug, answers ``{"error": {"code": ..., "message": ...}}``
with a one-line message and never a traceback (datasette ``test_error_shape.py``).  Pages of the
web UI get the same information as an HTML page instead (see :mod:`marsad.shells.web.pages`).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad.core.errors import DataError, FetchError, MarsadError, NonPublicURLError, StageError, TooLargeError
from marsad.store.base import StoreBusyError, StoreError

log = logging.getLogger("marsad.shells.api")

#: Codes of errors raised by HTTP itself rather than by marsad (MarsadError keeps its E### code).
HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "read_only", 404: "not_found",
              405: "method_not_allowed", 413: "too_large", 422: "invalid_request",
              500: "internal", 502: "bad_gateway"}

#: A renderer for errors on pages of the web UI: (request, status, code, message) -> response.
HtmlErrors = Callable[[Request, int, str, str], Response]


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None
                   ) -> JSONResponse:
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


def status_of(exc: MarsadError) -> int:
    """The HTTP status for a marsad error: the caller's fault (4xx) unless the server's (5xx)."""
    if isinstance(exc, TooLargeError):
        return 413
    if isinstance(exc, NonPublicURLError):
        return 403
    if isinstance(exc, FetchError):
        return 502
    if isinstance(exc, StoreBusyError):
        return 503
    if isinstance(exc, (DataError, StoreError, StageError)):
        return 500
    return 400


def validation_message(exc: RequestValidationError) -> str:
    """All validation problems on one line: ``query.from: Input should be a valid date; ...``."""
    parts = []
    for problem in exc.errors():
        where = ".".join(str(p) for p in problem.get("loc", ()))
        parts.append(f"{where}: {problem.get('msg', 'invalid')}" if where else str(problem.get("msg")))
    return "; ".join(parts) or "invalid request"


def install_handlers(app: FastAPI, html_errors: HtmlErrors, is_page: Callable[[Request], bool]) -> None:
    """Route every exception to one JSON error shape (or an HTML page for the web UI)."""

    def answer(request: Request, status: int, code: str, message: str,
               headers: dict[str, str] | None = None) -> Response:
        message = " ".join(message.split())  # one line, whatever the source said
        if is_page(request):
            return html_errors(request, status, code, message)
        return error_response(status, code, message, headers)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        code = HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
        return answer(request, exc.status_code, code, str(exc.detail), dict(exc.headers or {}))

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return answer(request, 422, HTTP_CODES[422], validation_message(exc))

    async def on_marsad(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, MarsadError)
        status = status_of(exc)
        if status >= 500:
            log.error("%s %s: %s", request.method, request.url.path, exc)
        return answer(request, status, exc.code, str(exc))

    async def on_other(request: Request, exc: Exception) -> Response:
        # A bug: log it for the operator, tell the client one line without a traceback.
        log.exception("%s %s failed", request.method, request.url.path)
        return answer(request, 500, HTTP_CODES[500],
                      f"internal error: {type(exc).__name__} (please report it)")

    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(MarsadError, on_marsad)
    app.add_exception_handler(Exception, on_other)


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413 before any handler reads them.

    A declared Content-Length over the limit is refused at once; a chunked body is read up to
    the limit and refused as soon as it passes it, so a client cannot stream without end.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.limit:
            await self._refuse(scope, receive, send)
            return
        try:
            messages = await self._read_body(receive)
        except BodyTooLarge:
            await self._refuse(scope, receive, send)
            return
        await self.app(scope, _replay(messages, receive), send)

    async def _read_body(self, receive: Receive) -> list[Message]:
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                return messages
            size += len(message.get("body", b""))
            if size > self.limit:
                raise BodyTooLarge
            if not message.get("more_body", False):
                return messages

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(413, HTTP_CODES[413],
                                  f"request body is larger than {self.limit:,} bytes; "
                                  "send a smaller article (setting max_input_bytes)",
                                  headers={"Connection": "close"})
        await response(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _replay(messages: list[Message], receive: Receive) -> Callable[[], Awaitable[Message]]:
    """A ``receive`` that hands back the buffered body first, then the live channel."""
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay
