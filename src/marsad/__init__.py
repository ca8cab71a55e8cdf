"""marsad (مرصد): structured, queryable knowledge from Arabic news, offline.

The public face: :func:`analyze` one article, :func:`load_pipeline` for many, the
:class:`Document` it returns, the :class:`Settings` that steer every stage, and the errors.
"""

from __future__ import annotations

from marsad.core.analyze import analyze
from marsad.core.document import Document
from marsad.core.errors import (
    DataError,
    InputError,
    MarsadError,
    PipelineError,
    SettingsError,
)
from marsad.core.pipeline import Pipeline, load_pipeline
from marsad.core.settings import Settings

__all__ = [
    "DataError",
    "Document",
    "InputError",
    "MarsadError",
    "Pipeline",
    "PipelineError",
    "Settings",
    "SettingsError",
    "analyze",
    "load_pipeline",
]
__version__ = "0.1.0"
