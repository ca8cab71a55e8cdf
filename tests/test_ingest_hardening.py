"""One bad item never sinks a batch: each is reported in one line naming it, and the rest is read.

Issue #17: deeply nested JSON, symlink loops, unreadable folders, FIFOs and /dev/zero used to
raise out of the readers (E999); feeds larger than ``max_input_bytes`` were refused whole.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad.core.errors import InputError, RecordError, TooLargeError
from marsad.core.settings import Settings
from marsad.stages.ingest.readers import Article, read_inputs, walk_items

ARTICLE = "قال وزير الخارجية إن بلاده ستواصل المفاوضات مع الجانب الأمريكي خلال الأسبوع المقبل.\n"
DEEP = "[" * 100_000 + "]" * 100_000


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "marsad", *args], capture_output=True, text=True, timeout=300)


def bad_batch(folder: Path) -> Path:
    """A folder with a deep JSON file, a deep JSONL line, a symlink loop and one good article."""
    folder.mkdir()
    (folder / "deep.json").write_text(DEEP, encoding="utf-8")
    (folder / "deep.jsonl").write_text(DEEP + "\n", encoding="utf-8")
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_batch_with_deep_json_and_symlink_loop_reads_the_good_file(tmp_path: Path) -> None:
    items = list(read_inputs([str(bad_batch(tmp_path / "news"))]))
    good = [i for i in items if isinstance(i, Article)]
    errors = {Path(str(e.source).split(":")[0]).name: str(e) for e in items if isinstance(e, InputError)}
    assert [a.raw for a in good] == [ARTICLE]
    assert set(errors) == {"deep.json", "deep.jsonl", "loop.txt"}
    assert "nested too deeply" in errors["deep.json"] and "symbolic links" in errors["loop.txt"]


def test_cli_batch_reports_each_bad_item_in_one_line(tmp_path: Path) -> None:
    folder = bad_batch(tmp_path / "news")
    proc = run("analyze", str(folder / "loop.txt"), str(folder / "deep.json"), str(folder / "good.txt"),
               "--format", "jsonl", "--stages", "clean,segment")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and "E999" not in proc.stderr
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2 and "loop.txt" in errors[0] and "deep.json" in errors[1]
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [("error" in line) for line in lines] == [True, True, False]


def test_fifo_and_dev_zero_are_read_up_to_the_limit(tmp_path: Path) -> None:
    settings = Settings(max_input_bytes=1000)
    [zero] = list(read_inputs(["/dev/zero"], settings))
    assert isinstance(zero, TooLargeError) and "1,000" in str(zero)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    pid = os.fork()
    if pid == 0:  # the writer: one article, then the pipe closes
        with fifo.open("w", encoding="utf-8") as handle:
            handle.write(ARTICLE)
        os._exit(0)
    [item] = list(read_inputs([str(fifo)], settings))
    os.waitpid(pid, 0)
    assert isinstance(item, Article) and item.raw == ARTICLE


def test_fifo_inside_a_folder_is_reported_not_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    found = walk_items(tmp_path)
    assert found[0] == tmp_path / "good.txt"
    assert isinstance(found[1], InputError) and "not a regular file" in str(found[1])


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folder_is_reported(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    try:
        items = list(read_inputs([str(tmp_path)])) + list(read_inputs([str(locked / "a.txt")]))
    finally:
        locked.chmod(0o755)
    assert sum(isinstance(i, Article) for i in items) == 1
    assert all("permission denied" in str(i) for i in items if isinstance(i, InputError))


def feed(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            handle.write(json.dumps({"id": f"n{number}", "text": f"الخبر {number}. {ARTICLE}"}, ensure_ascii=False)
                         + "\n")
    return path


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_feed_over_the_limit_is_read_record_by_record(tmp_path: Path, suffix: str) -> None:
    path = feed(tmp_path / "feed.jsonl", 40)
    if suffix == ".json":
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        records.insert(7, {"id": "big", "text": ARTICLE * 20})
        path = tmp_path / "feed.json"
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    settings = Settings(max_input_bytes=1000)
    assert path.stat().st_size > 5 * settings.max_input_bytes
    items = list(read_inputs([str(path)], settings))
    articles = [i.record_id for i in items if isinstance(i, Article)]
    assert articles == [f"n{n}" for n in range(40)]
    if suffix == ".json":
        [big] = [i for i in items if isinstance(i, InputError)]
        assert isinstance(big, TooLargeError) and str(big).startswith(f"E104 {path}[7]: is a record over")


def test_feed_line_over_the_limit_is_skipped_alone(tmp_path: Path) -> None:
    path = feed(tmp_path / "feed.jsonl", 3)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": ARTICLE * 300}, ensure_ascii=False) + "\n")
        handle.write("[" * 10_000 + "]" * 10_000 + "\n")
        handle.write(json.dumps({"id": "last", "text": ARTICLE}, ensure_ascii=False) + "\n")
    items = list(read_inputs([str(path)], Settings(max_input_bytes=30_000)))
    assert [type(i).__name__ for i in items] == ["Article"] * 3 + ["TooLargeError", "RecordError", "Article"]
    assert isinstance(items[4], RecordError) and items[4].source == f"{path}:5"


def test_cli_max_input_bytes_and_ingest_exit_status(tmp_path: Path) -> None:
    path = feed(tmp_path / "feed.jsonl", 6)
    db = str(tmp_path / "m.db")
    proc = run("ingest", str(path), "--db", db, "--max-input-bytes", "400")
    assert proc.returncode == 0, proc.stderr
    assert "stored 6 new" in proc.stderr
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("   ", encoding="utf-8")
    (bad / "deep.json").write_text(DEEP, encoding="utf-8")
    proc = run("ingest", str(bad), "--db", db)
    assert proc.returncode == 1 and "0 new" in proc.stderr and "2 skipped" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_ingest_wait_queues_behind_the_writer(tmp_path: Path) -> None:
    from marsad.store import open_store

    path = feed(tmp_path / "feed.jsonl", 2)
    db = str(tmp_path / "m.db")
    holder = open_store(db)
    holder.wait_for_writer(0)  # this process is the writer now
    busy = run("ingest", str(path), "--db", db)
    assert busy.returncode == 1 and "E501" in busy.stderr and len(busy.stderr.strip().splitlines()) == 1
    queued = subprocess.Popen([sys.executable, "-m", "marsad", "ingest", str(path), "--db", db, "--wait", "120"],
                              stderr=subprocess.PIPE, text=True)
    time.sleep(2)
    assert queued.poll() is None, "the queued ingest waits for the writer"
    holder.close()
    _, err = queued.communicate(timeout=300)
    assert queued.returncode == 0 and "stored 2 new" in err


def test_unreadable_folder_inside_a_batch_is_reported_even_as_root(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads every folder, so EACCES is simulated where os.walk lists a folder."""
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    real = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = walk_items(tmp_path)
    assert found[0] == tmp_path / "good.txt"
    assert isinstance(found[1], InputError) and str(found[1]) == f"E101 {locked}: cannot be read (permission denied)"
