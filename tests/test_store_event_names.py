"""Event actors carry the same names in `marsad events`, `marsad export` and the GDELT-like table."""

from __future__ import annotations

from pathlib import Path

import marsad
from marsad.stages.events.table import event_rows
from marsad.store import Store
from marsad.store.export import export_table

TEXT = ("فرضت الولايات المتحدة عقوبات جديدة على إيران أمس. "
        "واعتقلت الشرطة التركية عشرات الصحفيين في إسطنبول يوم الاثنين.")


def _jsonl(path: Path) -> list[dict[str, object]]:
    import json

    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_event_table_names_actors_as_the_events_view(store: Store, tmp_path: Path) -> None:
    doc = marsad.analyze(TEXT, "2015-08-11")
    view = event_rows(doc)
    assert view, "the sentences report a sanction and arrests"
    # A nationality actor keeps its words (its entity's English name is its people).
    assert any("الشرطة التركية" in row["source"] for row in view)
    store.ingest([doc.to_dict()])
    export_table(store, "events", "jsonl", tmp_path / "events.jsonl")
    export_table(store, "gdelt", "jsonl", tmp_path / "gdelt.jsonl")
    events, gdelt = _jsonl(tmp_path / "events.jsonl"), _jsonl(tmp_path / "gdelt.jsonl")
    by_trigger = {str(e["trigger"]): e for e in events}
    for row, ev in zip(view, doc.events, strict=True):
        stored = by_trigger[doc.span_text(ev.trigger)]
        assert (stored["source_names"] or "") == row["source"]
        assert (stored["target_names"] or "") == row["target"]
    assert sorted(str(g["Actor1Name"]) for g in gdelt if g["Actor1Name"]) == \
        sorted(r["source"] for r in view if r["source"])
