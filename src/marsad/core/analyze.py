"""The Python API: ``marsad.analyze`` on a text, a path or a URL."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from marsad.core.document import Document
from marsad.core.errors import InputError
from marsad.core.pipeline import Pipeline, load_pipeline
from marsad.core.settings import Settings, parse_published
from marsad.stages.ingest.readers import Article, from_text, read_inputs

#: A string longer than this, or with a line break, is article text rather than a path.
MAX_PATH_CHARS = 4096


def _is_reference(value: str) -> bool:
    if "\n" in value or len(value) > MAX_PATH_CHARS:
        return False
    if value.startswith(("http://", "https://")) or os.path.isfile(value):
        return True
    # "." or "…" are text, not the current directory: a directory must be named with letters.
    return os.path.isdir(value) and any(ch.isalnum() for ch in value)


def to_document(article: Article, published: dt.date | None = None) -> Document:
    return Document(raw=article.raw, published=article.published or published, title=article.title,
                    source=article.source, url=article.url, origin=article.origin,
                    record_id=article.record_id)


def analyze(text_or_path: str | os.PathLike[str], published: str | dt.date | None = None, *,
            settings: Settings | None = None, stages: Sequence[str] | None = None,
            pipeline: Pipeline | None = None) -> Document:
    """Analyse one article given as text, a file path or a URL, and return its Document."""
    settings = settings or Settings()
    if stages is not None:
        settings = settings.replace(stages=tuple(stages))
    pipe = pipeline or load_pipeline(settings)
    when = parse_published(published) if published is not None else settings.published
    if isinstance(text_or_path, os.PathLike) or _is_reference(str(text_or_path)):
        items = list(read_inputs([os.fspath(text_or_path)], settings))
        if not items:
            raise InputError("holds no article", source=os.fspath(text_or_path))
        first = items[0]
        if isinstance(first, InputError):
            raise first
        article = first
    else:
        article = from_text(str(text_or_path), "<text>")
    return pipe(to_document(article, when))


def analyze_path(path: Path, published: str | None = None) -> Document:
    return analyze(path, published)
