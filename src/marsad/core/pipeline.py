"""Build a pipeline from stage names, check that it fits together, and run it on documents."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from marsad.core import registry
from marsad.core.document import Document
from marsad.core.errors import MarsadError, PipelineError, StageError
from marsad.core.settings import Settings


@dataclass(frozen=True)
class Pipeline:
    stages: tuple[registry.Stage, ...]
    settings: Settings

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            try:
                stage.fn(doc, self.settings)
            except MarsadError:
                raise
            except Exception as exc:  # only marsad's own errors leave analyze: name the stage at fault
                raise StageError(f"stage {stage.name} failed ({type(exc).__name__}: {str(exc)[:200]}); "
                                 "please report it with the article", source=doc.origin) from exc
            doc.done.add(stage.name)
        return doc


def check(stages: Iterable[registry.Stage]) -> None:
    """Raise one PipelineError listing every requirement no earlier stage provides."""
    have = set(registry.INITIAL)
    gaps: list[str] = []
    for stage in stages:
        missing = sorted(stage.requires - have)
        if missing:
            gaps.append(f"{stage.name} needs {', '.join(missing)}")
        have |= stage.provides
    if gaps:
        raise PipelineError("pipeline does not fit together: " + "; ".join(gaps)
                            + " (add the stages that provide them earlier in `stages`)")


def load_pipeline(settings: Settings | None = None) -> Pipeline:
    """Resolve the stage names in ``settings`` and check them before any article is read."""
    settings = settings or Settings()
    unknown = [n for n in settings.stages if n not in registry.all_stages()]
    if unknown:
        known = ", ".join(registry.all_stages())
        raise PipelineError(f"unknown stage(s) {', '.join(unknown)} in settings.stages; known: {known}")
    stages = tuple(registry.get(n) for n in settings.stages)
    check(stages)
    return Pipeline(stages, settings)
