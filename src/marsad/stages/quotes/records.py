"""From drafts to quotes: the speaker on record (an outlet relaying an unnamed source speaks, citing
it), whether an unnamed speaker speaks for nobody named, and the date of the statement."""

from __future__ import annotations

from marsad.core.document import Actor, Document, Quote, Span
from marsad.stages.quotes.anonymous import unattributed
from marsad.stages.quotes.context import Context, Draft, words_in
from marsad.stages.quotes.sources import outlet_on_record


def quote_of(ctx: Context, d: Draft, on_record: dict[Span, Actor]) -> tuple[Quote, bool]:
    """The quote of draft ``d``, with whether its speaker is unnamed and speaks for nobody named.

    An outlet relaying an unnamed source speaks on record, citing it, and so do the words carried on
    from that source's phrase («…، مشيرة إلى أنه»); ``on_record`` maps the phrases so cited to their
    outlet, in text order."""
    date = statement_date(ctx.doc, d)
    outlet = on_record.get(d.speaker.span) if d.via is None else None
    if outlet is None and d.via is not None and outlet_on_record(ctx, d.speaker, d.via):
        outlet = on_record[d.speaker.span] = d.via
    if outlet is not None:
        return Quote(d.kind, d.content, outlet, d.cue, None, date, citing=d.speaker), False
    return Quote(d.kind, d.content, d.speaker, d.cue, d.via, date), loose(ctx, d.speaker)


def loose(ctx: Context, who: Actor) -> bool:
    """Whether ``who`` is unnamed and names nobody it speaks for, read from the whole phrase
    that named it (an actor carried back keeps that phrase: «المصادر نفسها» → «شهود عيان»)."""
    return unattributed(ctx.cues, words_in(ctx, ctx.phrases.get(who.span, who.span)), who, ctx.names)


def statement_date(doc: Document, d: Draft) -> str | None:
    """Value of the point date in the attribution: the sentence outside the content, on the
    side of the cue («...»، قال الوزير يوم الاثنين has it after the content)."""
    best: tuple[int, str] | None = None
    sent = doc.sentences[d.sentence]
    anchor = d.cue.start if d.cue else d.region
    if anchor >= d.content.end:
        lo, hi = d.content.end, max(sent.end, anchor)
    else:
        lo, hi = min(sent.start, anchor), d.content.start
    for m in doc.dates:
        if m.kind != "point" or not m.value or m.span.overlaps(d.content):
            continue
        if lo <= m.span.start and m.span.end <= hi:
            distance = abs(m.span.start - anchor)
            if best is None or distance < best[0]:
                best = (distance, m.value)
    return best[1] if best else None
