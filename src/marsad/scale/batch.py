"""Analyse many articles in order, on one or many processes, keeping bad items in their place.

With ``jobs`` > 1 the pipeline is loaded (and its lexicons and models read, by a warm-up
article) once in the parent, which then forks: the workers inherit the loaded pipeline
copy-on-write instead of each loading it again.  Each worker turns its Document into what the
caller needs (a JSON line, a contract dict, table rows) before sending it back, so the parent
unpickles one compact value per article rather than a graph of spans and tokens.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from marsad.core.analyze import to_document
from marsad.core.document import Document
from marsad.core.errors import InputError, MarsadError
from marsad.core.pipeline import Pipeline, load_pipeline
from marsad.core.settings import Settings
from marsad.stages.ingest.readers import Article, Item, from_text

T = TypeVar("T")

#: Articles handed to a worker at a time: enough to keep the pipe busy, few enough that both
#: workers get work at the end of a small batch.
CHUNK = 4

#: A short report that makes every stage read its lexicons and models before the fork.
WARM_UP = ("قال وزير الخارجية السعودي الأمير فيصل بن فرحان في الرياض يوم الأحد 5 مايو 2024 إن "
           "المملكة ستقدم 100 مليون دولار لدعم اللاجئين، بينما اعتقلت الشرطة ثلاثة أشخاص في جدة.")


@dataclass(frozen=True)
class Failure:
    """An input that could not be analysed, with the record id that keeps outputs aligned."""

    error: MarsadError
    record_id: str | None = None


Result = Document | Failure


@dataclass(frozen=True)
class _Job(Generic[T]):
    """What each worker needs; set in the parent before the fork and inherited."""

    pipeline: Pipeline
    published: dt.date | None
    convert: Callable[[Document], T]


_JOB: _Job[Any] | None = None


def _analyse(job: _Job[T], item: Item) -> T | Failure:
    if isinstance(item, InputError):
        return Failure(item, item.record_id)
    try:
        return job.convert(job.pipeline(to_document(item, job.published)))
    except MarsadError as exc:
        return Failure(exc, item.record_id)
    except Exception as exc:  # one bad article must not stop a batch; report it on its line
        return Failure(MarsadError(f"could not be analysed ({type(exc).__name__}: {exc})",
                                   source=item.origin), item.record_id)


def _analyse_in_worker(item: Item) -> Any:
    assert _JOB is not None, "worker started without a job"
    return _analyse(_JOB, item)


def _init_spawned(settings: Settings, published: dt.date | None,
                  convert: Callable[[Document], Any]) -> None:
    """Where fork is missing (Windows) each worker loads its own pipeline."""
    global _JOB
    _JOB = _Job(load_pipeline(settings), published, convert)


def worker_count(jobs: int) -> int:
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def warm(pipeline: Pipeline) -> Pipeline:
    """Run one short article so every stage has read its data; returns ``pipeline``."""
    try:
        pipeline(to_document(from_text(WARM_UP, "warm-up")))
    except MarsadError:
        pass  # a custom stage that rejects it will load its data on the first real article
    return pipeline


def same(doc: Document) -> Document:
    return doc


def to_json_line(doc: Document) -> str:
    """The contract JSON on one line (what ``--format jsonl`` writes)."""
    return doc.to_json(indent=None)


def to_record(doc: Document) -> dict[str, Any]:
    """The contract dict (what ``--format json`` writes and a store ingests)."""
    return doc.to_dict()


def analyse_items(items: Iterable[Item], settings: Settings, published: dt.date | None = None
                  ) -> Iterator[Result]:
    """Documents in input order; with ``settings.jobs`` > 1 (0 = all cores) on worker processes."""
    return analyse_mapped(items, settings, published, same)


def analyse_mapped(items: Iterable[Item], settings: Settings, published: dt.date | None,
                   convert: Callable[[Document], T]) -> Iterator[T | Failure]:
    """``convert(document)`` of each item in input order, or its Failure.

    ``convert`` runs in the worker, so it should make something small to send back; it must be
    a module-level function where fork is missing.
    """
    global _JOB
    workers = worker_count(settings.jobs)
    if workers > 1 and "fork" not in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(workers, initializer=_init_spawned, initargs=(settings, published, convert)) as pool:
            yield from pool.imap(_analyse_in_worker, items, chunksize=CHUNK)
        return
    job: _Job[T] = _Job(load_pipeline(settings), published, convert)
    if workers <= 1:
        for item in items:
            result: T | Failure = _analyse(job, item)
            yield result
        return
    warm(job.pipeline)
    _JOB = job
    try:
        # Kept set while the pool lives: a worker that dies is replaced by a new fork of it.
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_analyse_in_worker, items, chunksize=CHUNK)
    finally:
        _JOB = None


def is_article(item: Item) -> bool:
    return isinstance(item, Article)
