"""Merge repeated mentions of one event: within a sentence into one event (a verb and its noun,
«سافر إلى أنقرة في زيارة»), and a definite noun without actors (الزيارة) into the event it names
again.  A report told again in another sentence stays an event of its own, as PLOVER codes one
event per type per sentence (the devset's convention too); ``sentences`` lists where it is told."""

from __future__ import annotations

import dataclasses

from marsad.core.document import Actor, Document, Event
from marsad.text.keys import key


def actor_key(doc: Document, actor: Actor) -> str:
    """What identifies an actor across sentences: its entity, else its folded words."""
    if actor.entity is not None:
        return f"entity:{actor.entity}"
    return "text:" + key(doc.span_text(actor.span))


def group_key(doc: Document, actors: tuple[Actor, ...]) -> frozenset[str]:
    """A group of actors by its entities; a title beside a named entity (الرئيس ماكرون) adds nothing."""
    keys = {actor_key(doc, a) for a in actors}
    named = {k for k in keys if k.startswith("entity:")}
    return frozenset(named or keys)


def event_key(doc: Document, ev: Event) -> tuple[object, ...] | None:
    """Sentence, type, actors and date; None when the event names no actor (two bare «هجوم» may
    differ)."""
    source = group_key(doc, ev.source)
    target = group_key(doc, ev.target)
    if not source and not target:
        return None
    return (ev.sentence, ev.type, source, target, ev.date)


def _covered(doc: Document, ev: Event, earlier: Event) -> bool:
    """Whether ``ev`` repeats ``earlier`` in the same sentence (سافر إلى … في زيارة): same type and
    mode, and no actor or date of its own that the earlier event lacks."""
    if ev.sentence != earlier.sentence or ev.type != earlier.type or ev.mode != earlier.mode:
        return False
    if ev.date and earlier.date and ev.date != earlier.date:
        return False
    # Side by side: a protest whose protesters and protested state are one state («المتظاهرون»
    # → IRQ against IRQ) does not repeat an earlier one that names only the state as target.
    def keys(actors: tuple[Actor, ...]) -> set[str]:
        return {actor_key(doc, a) for a in actors}
    return keys(ev.source) <= keys(earlier.source) and keys(ev.target) <= keys(earlier.target)


def same_parties(doc: Document, ev: Event, other: Event) -> bool:
    """Whether two events name the same groups of actors on each side."""
    return (group_key(doc, ev.source), group_key(doc, ev.target)) == (
        group_key(doc, other.source), group_key(doc, other.target))


def _fold_anaphora(doc: Document, events: list[Event], anaphoric: list[bool]) -> list[Event]:
    """Fold a definite verbal noun without actors (الزيارة، للزيارة), or one naming the parties of an
    earlier event again, into the last earlier event of its type and mode (with those parties): the
    article is naming again an event it has already told."""
    out: list[Event] = []
    for ev, back in zip(events, anaphoric, strict=True):
        k = next((k for k in range(len(out) - 1, -1, -1)
                  if out[k].type == ev.type and out[k].mode == ev.mode
                  and (not (ev.source or ev.target) or same_parties(doc, ev, out[k]))),
                 None) if back else None
        if k is None:
            out.append(ev)
            continue
        first = out[k]
        out[k] = dataclasses.replace(first, sentences=tuple(sorted({*first.sentences, ev.sentence})))
    return out


def collapse(doc: Document, events: list[Event], anaphoric: list[bool] | None = None) -> list[Event]:
    """Events in first-mention order, repeats within a sentence and anaphoric nouns folded into
    the first with ``sentences`` merged."""
    events = [dataclasses.replace(ev, sentences=ev.sentences or (ev.sentence,)) for ev in events]
    keep = [k for k, ev in enumerate(events) if not any(_covered(doc, ev, other) for other in events[:k])]
    events = _fold_anaphora(doc, [events[k] for k in keep], [bool(anaphoric and anaphoric[k]) for k in keep])
    out: list[Event] = []
    seen: dict[tuple[object, ...], int] = {}
    for ev in events:
        k = event_key(doc, ev)
        if k is None or k not in seen:
            if k is not None:
                seen[k] = len(out)
            out.append(dataclasses.replace(ev, sentences=ev.sentences or (ev.sentence,)))
            continue
        first = out[seen[k]]
        sentences = tuple(sorted(set(first.sentences) | {ev.sentence}))
        out[seen[k]] = dataclasses.replace(first, sentences=sentences, mode=first.mode or ev.mode,
                                           location=first.location or ev.location)
    return out
