"""Every error of the API has one JSON shape: ``{"error": {"code": ..., "message": ...}}``.

Whatever goes wrong (a missing route, a bad parameter, a body too large, a marsad error, a bug),
a client gets the same two keys, a one-line message and no traceback (datasette's
``test_error_shape.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from conftest import ERROR_CLIENT_TOKEN, SMALL_INPUT_BYTES
from marsad.core.settings import Settings
from marsad.shells.server import body_limit, create_app
from marsad.store import Store, StoreError

# Fixtures: memory_store and error_client (a client over it) live in tests/conftest.py.

LIMIT = body_limit(Settings(max_input_bytes=SMALL_INPUT_BYTES))


def check_shape(body: Any) -> dict[str, str]:
    assert isinstance(body, dict) and set(body) == {"error"}, body
    error = body["error"]
    assert set(error) == {"code", "message"}, error
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    assert "\n" not in error["message"] and "Traceback" not in error["message"]
    return error  # type: ignore[no-any-return]


AUTH = {"Authorization": f"Bearer {ERROR_CLIENT_TOKEN}"}
ARABIC = "قال المتحدث باسم الحكومة إن المحادثات ستستمر. "


@pytest.mark.parametrize(("method", "path", "kwargs", "status", "code"), [
    ("GET", "/no/such/route", {}, 404, "not_found"),
    ("GET", "/articles/0000000000000000", {}, 404, "not_found"),
    ("GET", "/entities/Q0", {}, 404, "not_found"),
    ("DELETE", "/articles", {}, 405, "method_not_allowed"),
    ("GET", "/events", {"params": {"from": "17/06/2024"}}, 422, "invalid_request"),
    ("GET", "/events", {"params": {"type": "HUG"}}, 422, "invalid_request"),
    ("GET", "/events", {"params": {"country": "Russia"}}, 422, "invalid_request"),
    ("GET", "/articles", {"params": {"limit": "0"}}, 422, "invalid_request"),
    ("GET", "/entities", {"params": {"type": "PERSON"}}, 422, "invalid_request"),
    ("POST", "/analyze", {"json": {}}, 422, "invalid_request"),
    ("POST", "/analyze", {"json": {"text": ARABIC, "url": "https://example.org/"}}, 422, "invalid_request"),
    ("POST", "/analyze", {"json": {"url": "file:///etc/passwd"}}, 422, "invalid_request"),
    ("POST", "/analyze", {"json": {"text": ARABIC, "colour": "red"}}, 422, "invalid_request"),
    ("POST", "/analyze", {"content": b"{not json", "headers": {"Content-Type": "application/json"}},
     422, "invalid_request"),
    ("POST", "/analyze", {"json": {"text": "   "}}, 400, "E103"),
    ("POST", "/analyze", {"json": {"text": ARABIC, "stages": ["clean", "teleport"]}}, 400, "E300"),
    ("POST", "/analyze", {"json": {"text": ARABIC * 30}}, 413, "E104"),  # over max_input_bytes
    ("POST", "/analyze", {"content": b"x" * (LIMIT + 1), "headers": {"Content-Type": "application/json"}},
     413, "too_large"),  # over the body limit, refused before it is parsed
    ("POST", "/articles", {"json": {"text": ARABIC}}, 401, "unauthorized"),
    ("POST", "/articles", {"json": {"text": ARABIC}, "headers": {"Authorization": "Basic eDp5"}},
     401, "unauthorized"),
    ("POST", "/articles", {"json": {"schema": "marsad.document/1", "id": "x"}, "headers": AUTH}, 400, "E105"),
])
def test_error_shape(error_client: TestClient, method: str, path: str, kwargs: dict[str, Any], status: int,
                     code: str) -> None:
    answer = error_client.request(method, path, **kwargs)
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    assert check_shape(answer.json())["code"] == code


def test_chunked_body_over_the_limit_is_refused(error_client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(LIMIT // 1000 + 2):
            yield b"[" * 1000

    answer = error_client.post("/analyze", content=chunks(), headers={"Content-Type": "application/json"})
    assert answer.status_code == 413
    assert check_shape(answer.json())["code"] == "too_large"


def test_read_only_server(memory_store: Store) -> None:
    client = TestClient(create_app(memory_store, Settings()))
    answer = client.post("/articles", json={"text": ARABIC}, headers=AUTH)
    assert answer.status_code == 403
    assert check_shape(answer.json())["code"] == "read_only"


def test_store_failure_is_a_server_error(memory_store: Store, error_client: TestClient,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise StoreError("marsad.db: database disk image is malformed")

    monkeypatch.setattr(memory_store, "list_articles", broken)
    answer = error_client.get("/articles")
    assert answer.status_code == 500
    assert check_shape(answer.json())["code"] == "E500"


def test_a_bug_is_one_line_without_traceback(memory_store: Store, error_client: TestClient,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def buggy(*_args: Any, **_kwargs: Any) -> None:
        raise KeyError("boom\nsecond line")

    monkeypatch.setattr(memory_store, "quotes", buggy)
    answer = error_client.get("/quotes")
    assert answer.status_code == 500
    error = check_shape(answer.json())
    assert error["code"] == "internal" and "KeyError" in error["message"]
