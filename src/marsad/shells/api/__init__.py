"""The REST API (FastAPI): ``create_app(store, settings)`` serves the JSON routes and the web UI."""

from __future__ import annotations

from marsad.shells.api.app import create_app

__all__ = ["create_app"]
