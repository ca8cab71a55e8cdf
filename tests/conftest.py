"""The only place fixtures live (house style): shared paths, the example article, fresh stores."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from marsad.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "cnn-putin-north-korea.ar.txt"
EXAMPLE_PUBLISHED = "2024-06-17"
#: A PostgreSQL server for the store suite (scripts/test.sh starts one); its cases skip without it.
PG_URL = os.environ.get("MARSAD_TEST_PG")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout; tests that need it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    """A fresh empty database per test: an SQLite file, or a new PostgreSQL database on the
    server named by MARSAD_TEST_PG (start one with `bash scripts/pg_test_server.sh`)."""
    if request.param == "sqlite":
        yield str(tmp_path / "marsad.db")
        return
    if not PG_URL:
        pytest.skip("MARSAD_TEST_PG is not set; start a server with scripts/pg_test_server.sh")
    import psycopg

    # A schema per test: as separate as a database, and much faster to make.
    name = f"marsad_t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {name}")
    yield f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{name}"
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {name} CASCADE")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened
