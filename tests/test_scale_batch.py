"""``--jobs N`` forks workers that inherit the loaded pipeline and send back compact results:
the same outputs, in the same order, as one process."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

from marsad.core.errors import InputError
from marsad.core.settings import Settings
from marsad.scale.batch import Failure, analyse_mapped, to_json_line, to_record
from marsad.stages.ingest.readers import Article, Item


def _saudinewsnet(shared: Path, count: int) -> list[Article]:
    items: list[Article] = []
    with gzip.open(shared / "data/news/saudinewsnet/saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["text"].strip():
                items.append(Article(raw=rec["text"], origin=f"snn#{rec['id']}", title=rec["title"],
                                     source=rec["outlet"], record_id=str(rec["id"])))
            if len(items) == count:
                return items
    return items


def _plain(result: object) -> object:
    return (result.record_id, str(result.error)) if isinstance(result, Failure) else result


def test_two_workers_give_the_same_lines_in_order(shared_dir: Path) -> None:
    items: list[Item] = list(_saudinewsnet(shared_dir, 12))
    items.insert(5, InputError("is empty", source="bad.txt", record_id="bad-1"))
    one = list(analyse_mapped(items, Settings(jobs=1), None, to_json_line))
    two = list(analyse_mapped(items, Settings(jobs=2), None, to_json_line))
    assert [_plain(x) for x in one] == [_plain(x) for x in two]
    assert isinstance(two[5], Failure) and two[5].record_id == "bad-1"
    lines = [json.loads(x) for x in two if isinstance(x, str)]
    assert [d["record_id"] for d in lines] == [i.record_id for i in items if isinstance(i, Article)]
    assert any(d["entities"] for d in lines)


def _pid(_doc: object) -> int:
    return os.getpid()


def test_workers_are_forked_processes_and_send_back_what_convert_makes(shared_dir: Path) -> None:
    items = _saudinewsnet(shared_dir, 6)
    pids = set(analyse_mapped(items, Settings(jobs=2), None, _pid))
    assert os.getpid() not in pids and pids
    records = list(analyse_mapped(items[:2], Settings(jobs=2), None, to_record))
    assert all(isinstance(r, dict) and r["schema"] == "marsad.document/1" for r in records)
