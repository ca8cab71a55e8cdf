"""Store ingest survives ``kill -9``: after a rerun every article is stored exactly once and
none is partial; a second ingest meanwhile is refused (one writer); on every backend."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import RESUME_ARTICLES
from marsad.store import open_store

# Fixtures: store_url and big_feed (RESUME_ARTICLES analysed articles) live in tests/conftest.py.


def _ingest(feed: Path, db: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "marsad.shells.cli.store", "ingest", str(feed), "--db", db],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _count(db: str) -> int:
    try:
        with open_store(db) as store:
            return store.count()
    except Exception:  # the database may not be migrated yet
        return 0


def _kill_midway(proc: subprocess.Popen[str], db: str) -> int:
    """SIGKILL ``proc`` once some articles are stored; how many were stored by then."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        stored = _count(db)
        if stored > 0:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            return stored
        time.sleep(0.02)
    raise AssertionError(f"ingest ended before it could be killed: {proc.communicate()}")


def test_kill_9_then_rerun_stores_every_article_once(big_feed: Path, store_url: str) -> None:
    stored = _kill_midway(_ingest(big_feed, store_url), store_url)
    assert 0 < stored < RESUME_ARTICLES
    assert _count(store_url) < RESUME_ARTICLES
    rerun = _ingest(big_feed, store_url)
    _out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert "skipped" not in err.split("stored")[0]
    with open_store(store_url) as store:
        assert store.count() == RESUME_ARTICLES
        # No partial article: each one has all its quote rows and its search entry.
        assert store.count("quotes") == RESUME_ARTICLES
        assert len(store.search("(17)", limit=5)) == 1
        assert len({a["id"] for a in store.list_articles(limit=1000)}) == 1000


def test_a_second_writer_is_refused(big_feed: Path, store_url: str) -> None:
    first = json.loads(big_feed.read_text(encoding="utf-8").splitlines()[0])
    with open_store(store_url) as writer:
        assert writer.add(first)  # this store is the writer until it is closed
        second = _ingest(big_feed, store_url)
        _out, err = second.communicate(timeout=60)
        assert second.returncode == 1
        assert "another marsad process is writing" in err and "Traceback" not in err
        assert writer.count() == 1
