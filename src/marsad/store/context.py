"""What a server's handlers share: the store, the settings and the write token.

The REST API and the web UI both take one; neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.core.settings import Settings
from marsad.store.base import Store


@dataclass(frozen=True)
class Context:
    """What every handler needs: the store, the settings and the write token (None: read-only)."""

    store: Store
    settings: Settings
    token: str | None
