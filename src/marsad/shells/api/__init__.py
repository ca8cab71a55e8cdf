"""The REST API (FastAPI routes); ``marsad.shells.server.create_app`` serves it beside the web UI."""

from __future__ import annotations

from marsad.shells.api.routes import api_router

__all__ = ["api_router"]
