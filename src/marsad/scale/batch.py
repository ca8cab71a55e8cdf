"""Analyse many articles in order, on one or many processes, keeping bad items in their place."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from marsad.core.analyze import to_document
from marsad.core.document import Document
from marsad.core.errors import InputError, MarsadError
from marsad.core.pipeline import Pipeline, load_pipeline
from marsad.core.settings import Settings
from marsad.stages.ingest.readers import Article, Item


@dataclass(frozen=True)
class Failure:
    """An input that could not be analysed, with the record id that keeps outputs aligned."""

    error: MarsadError
    record_id: str | None = None


Result = Document | Failure

_PIPELINE: Pipeline | None = None
_PUBLISHED: dt.date | None = None


def _init_worker(settings: Settings, published: dt.date | None) -> None:
    global _PIPELINE, _PUBLISHED
    _PIPELINE = load_pipeline(settings)
    _PUBLISHED = published


def _analyse_item(item: Item) -> Result:
    if isinstance(item, InputError):
        return Failure(item, item.record_id)
    assert _PIPELINE is not None
    try:
        return _PIPELINE(to_document(item, _PUBLISHED))
    except MarsadError as exc:
        return Failure(exc, item.record_id)
    except Exception as exc:  # one bad article must not stop a batch; report it on its line
        return Failure(MarsadError(f"could not be analysed ({type(exc).__name__}: {exc})",
                                   source=item.origin), item.record_id)


def worker_count(jobs: int) -> int:
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def analyse_items(items: Iterable[Item], settings: Settings, published: dt.date | None = None
                  ) -> Iterator[Result]:
    """Results in input order; with ``settings.jobs`` > 1 (0 = all cores) on worker processes."""
    workers = worker_count(settings.jobs)
    if workers <= 1:
        _init_worker(settings, published)
        for item in items:
            yield _analyse_item(item)
        return
    ctx = multiprocessing.get_context("spawn" if os.name != "posix" else "fork")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(settings, published)) as pool:
        yield from pool.imap(_analyse_item, items, chunksize=4)


def is_article(item: Item) -> bool:
    return isinstance(item, Article)
