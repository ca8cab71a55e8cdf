"""The server answers every hostile request with a 4xx in its one error shape, and stores only
documents under the id their text gives.

Issue #17: huge offsets answered 500, a contract document could be stored under any id (a path,
or a real article's id with other text), the Host header was not checked (DNS rebinding) and
JSON and static answers lacked ``X-Content-Type-Options: nosniff``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import marsad
from conftest import WRITER_TOKEN
from marsad.core.contract import problems
from marsad.core.settings import Settings
from marsad.shells.api.guard import host_name, trusted_hosts
from marsad.shells.server import create_app
from marsad.store import Store

AUTH = {"Authorization": f"Bearer {WRITER_TOKEN}"}
ARTICLE = "قال المتحدث باسم الكرملين دميتري بيسكوف إن الرئيس الروسي سيزور كوريا الشمالية الأسبوع المقبل."
HUGE = str(2**63)


def contract(text: str = ARTICLE) -> dict[str, Any]:
    return marsad.analyze(text, "2024-06-17", stages=("clean", "segment")).to_dict()


@pytest.mark.parametrize("path", ["/articles", "/entities", "/quotes", "/events", "/search?q=بوتين",
                                  "/", "/ui/entities", "/ui/quotes", "/ui/events"])
def test_huge_offsets_are_4xx(api_client: TestClient, path: str) -> None:
    sep = "&" if "?" in path else "?"
    response = api_client.get(f"{path}{sep}offset={HUGE}")
    assert 400 <= response.status_code < 500, response.text
    if not path.startswith(("/ui", "/?")) and path != "/":
        assert response.json()["error"]["code"] == "invalid_request"


@pytest.mark.parametrize("forged_id", ["../../etc/passwd", "doc-1"])
def test_forged_id_is_refused(writer: TestClient, forged_id: str) -> None:
    doc = {**contract(), "id": forged_id}
    response = writer.post("/articles", json=doc, headers=AUTH)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "E105" and "is not the id its text gives" in response.text


def test_real_id_with_other_text_is_refused(writer: TestClient, docs: list[dict[str, Any]]) -> None:
    forged = {**contract(), "id": docs[0]["id"]}
    assert writer.post("/articles", json=forged, headers=AUTH).status_code == 400
    assert writer.get(f"/articles/{docs[0]['id']}").json()["text"] == docs[0]["text"]


def test_server_assigns_the_id_its_text_gives(writer: TestClient) -> None:
    doc = contract()
    expected = doc.pop("id")
    response = writer.post("/articles", json=doc, headers=AUTH)
    assert response.status_code == 201 and response.json()["id"] == expected
    assert writer.get(f"/articles/{expected}").status_code == 200


def test_store_refuses_a_forged_id(memory_store: Store) -> None:
    with pytest.raises(marsad.MarsadError, match=r"E105 .*is not the id its text gives"):
        memory_store.add({**contract(), "id": "../../etc/passwd"})


def test_foreign_host_is_refused(filled_store: Store) -> None:
    client = TestClient(create_app(filled_store, Settings(), trusted_hosts("127.0.0.1", ["news.example.org"])))
    for host in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000", "news.example.org", "10.0.0.5"):
        assert client.get("/health", headers={"Host": host}).status_code == 200, host
    refused = client.get("/health", headers={"Host": "attacker.example.com"})
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "bad_host"
    assert refused.headers["X-Content-Type-Options"] == "nosniff"


def test_host_names() -> None:
    assert host_name("LocalHost:8000") == "localhost" and host_name("[::1]:80") == "::1"
    assert trusted_hosts("0.0.0.0") == {"localhost"}
    assert "marsad.lan" in trusted_hosts("marsad.lan", ["other"])


@pytest.mark.parametrize("path", ["/health", "/articles", "/nowhere", "/static/style.css", "/", "/docs"])
def test_nosniff_everywhere(api_client: TestClient, path: str) -> None:
    assert api_client.get(path).headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(("start", "end"), [(10, 5), (10_000, 10_005), (-3, 0)])
def test_validate_refuses_bad_offsets(tmp_path: Path, start: int, end: int) -> None:
    doc = contract()
    doc["dates"] = [{"start": start, "end": end, "text": "", "value": None, "kind": "point"}]
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "marsad", "validate", str(path)], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "dates/0" in proc.stderr


def test_anonymous_analyze_has_a_size_budget(analyser: TestClient) -> None:
    response = analyser.post("/analyze", json={"text": "قال بوتين " * 6_000})  # 114,000 bytes
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["code"] == "E104" and "without the token" in error["message"]


@pytest.mark.parametrize("text", ["قبل " + "9" * 400 + " سنة", "قال " + "1" * 4301, "2,137٫2e"])
def test_crash_reproductions_answer_200(analyser: TestClient, text: str) -> None:
    response = analyser.post("/analyze", json={"text": text})
    assert response.status_code == 200 and problems(response.json()) == []
