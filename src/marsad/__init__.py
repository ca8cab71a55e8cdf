"""marsad (مرصد): structured, queryable knowledge from Arabic news, offline."""

from __future__ import annotations

from .api_python import analyze
from .document import Document
from .pipeline import load_pipeline

__all__ = ["Document", "analyze", "load_pipeline"]
__version__ = "0.1.0"
