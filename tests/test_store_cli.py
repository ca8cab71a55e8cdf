"""The store commands (``marsad ingest``, ``search``, ``export``) as a user runs them."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from conftest import CLI_SENTENCES
from marsad.shells.cli.store import add_commands

# Fixtures: feed_with_bad_lines (a JSONL feed of CLI_SENTENCES) lives in tests/conftest.py.


def _cli() -> click.Group:
    group = click.Group("marsad")
    add_commands(group)
    return group


def _run(*args: str) -> Any:
    return CliRunner().invoke(_cli(), list(args))


def test_commands_are_added_to_the_group() -> None:
    assert set(_cli().commands) == {"ingest", "search", "export", "stories"}


def test_ingest_is_idempotent_and_reports_bad_items(feed_with_bad_lines: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    first = _run("ingest", str(feed_with_bad_lines), "--db", db)
    assert first.exit_code == 1  # something was skipped: a script must notice
    assert "stored 3 new, 0 already stored, 2 skipped" in first.stderr
    assert f"skipped E105 {feed_with_bad_lines}:3: is not valid JSON" in first.stderr
    assert f"skipped E105 {feed_with_bad_lines}:4: record has no text" in first.stderr
    again = _run("ingest", str(feed_with_bad_lines), "--db", db)
    assert "stored 0 new, 3 already stored, 2 skipped" in again.stderr


def test_ingest_analyses_raw_articles_once(example_path: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    first = _run("ingest", str(example_path), "--db", db, "--published", "2024-06-17")
    assert first.exit_code == 0, first.stderr
    assert "stored 1 new" in first.stderr
    assert "stored 0 new, 1 already stored" in _run("ingest", str(example_path), "--db", db).stderr
    found = json.loads(_run("search", "وبالكرملين", "--db", db, "--format", "json").stdout)
    assert [h["published"] for h in found] == ["2024-06-17"]


def test_ingest_rejects_a_bad_date(feed_with_bad_lines: Path, tmp_path: Path) -> None:
    result = _run("ingest", str(feed_with_bad_lines), "--db", str(tmp_path / "m.db"), "--published", "17/06/2024")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "YYYY-MM-DD" in result.stderr


def test_search_json_and_text(feed_with_bad_lines: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    _run("ingest", str(feed_with_bad_lines), "--db", db)
    hits = json.loads(_run("search", "وللكرملين", "--db", db, "--format", "json").stdout)
    assert len(hits) == 1 and set(hits[0]) >= {"id", "title", "snippet"}
    assert "[الكرملين]" in _run("search", "كرملين", "--db", db).stdout
    speaker = json.loads(_run("search", "--db", db, "--speaker", "لافروف", "--format", "json").stdout)
    assert [h["published"] for h in speaker] == ["2024-03-02"]
    dated = json.loads(_run("search", "--db", db, "--from", "2024-04-01", "--to", "2024-04-30",
                            "--format", "json").stdout)
    assert [h["published"] for h in dated] == ["2024-04-10"]
    none = _run("search", "واشنطن", "--db", db, "--type", "PROTEST")
    assert none.exit_code == 0 and "no articles found" in none.stderr


def test_quotes_by_speaker_and_keyword(feed_with_bad_lines: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    _run("ingest", str(feed_with_bad_lines), "--db", db)
    said = json.loads(_run("search", "بواشنطن", "--quotes", "--speaker", "لافروف", "--db", db,
                           "--format", "json").stdout)
    assert [q["content"] for q in said] == ["موسكو مستعدة للحوار مع واشنطن"]
    assert "سيرغي لافروف: «موسكو" in _run("search", "--quotes", "--speaker", "لافروف", "--db", db).stdout


def test_search_on_a_missing_database_is_one_line(tmp_path: Path) -> None:
    result = _run("search", "بوتين", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "marsad ingest" in result.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_writes_every_table(feed_with_bad_lines: Path, tmp_path: Path, fmt: str) -> None:
    db = str(tmp_path / "m.db")
    _run("ingest", str(feed_with_bad_lines), "--db", db)
    out = tmp_path / "out"
    result = _run("export", "--db", db, "--format", fmt, "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{t}.{fmt}" for t in ("articles", "mentions", "entities", "quotes", "events", "gdelt"))
    assert f"articles.{fmt}: 3 rows" in result.stderr
    assert f"quotes.{fmt}: 1 rows" in result.stderr


def test_progress_shows_articles_per_second_on_a_terminal(feed_with_bad_lines: Path, tmp_path: Path) -> None:
    """On a terminal the ingest shows a progress bar with a rate; in a pipe it shows none."""
    main, child = pty.openpty()
    env = {**os.environ, "COLUMNS": "120"}
    proc = subprocess.Popen([sys.executable, "-m", "marsad.shells.cli.store", "ingest", str(feed_with_bad_lines),
                             "--db", str(tmp_path / "m.db")], stdin=child, stdout=child, stderr=child, env=env)
    os.close(child)
    output = b""
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        output += data
    proc.wait(timeout=60)
    os.close(main)
    text = output.decode("utf-8", "replace")
    assert proc.returncode == 1  # the feed's two bad lines are skipped
    assert "articles/s" in text and "ingesting" in text
    piped = _run("ingest", str(feed_with_bad_lines), "--db", str(tmp_path / "m.db"))
    assert "articles/s" not in piped.stderr


def test_ingest_of_a_folder_skips_bad_articles(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(CLI_SENTENCES[2][1] + "\n", encoding="utf-8")
    (folder / "b.txt").write_text("   \n", encoding="utf-8")
    result = _run("ingest", str(folder), "--db", str(tmp_path / "m.db"), "--published", "2024-05-20")
    assert result.exit_code == 1, result.stderr  # the good article is stored, the bad one reported
    assert "stored 1 new, 0 already stored, 1 skipped" in result.stderr
    assert f"{folder / 'b.txt'}" in result.stderr and "Traceback" not in result.stderr


def test_the_ingest_total_is_known_for_folders_and_feeds(tmp_path: Path, feed_with_bad_lines: Path) -> None:
    """The progress bar shows N/TOTAL, not N/?, when the inputs can be counted ahead."""
    from marsad.store.ingest import count_items

    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text("قال الرئيس إن الحكومة ستستقيل.", encoding="utf-8")
    lines = sum(1 for line in feed_with_bad_lines.read_text(encoding="utf-8").splitlines() if line.strip())
    assert count_items((str(folder), str(feed_with_bad_lines))) == 3 + lines
    assert count_items(("https://example.org/a.html",)) is None
