"""Durability of ``marsad ingest``: kill -9 in the middle, many times, then nothing lost or doubled;
concurrent writers refused cleanly.

1. A JSONL feed of already-analysed articles (clean and segment on sentences of the bundled
   example, each numbered, so each has its own id) is ingested into a fresh SQLite store; the
   ingest is killed with SIGKILL after a random delay, ``--kills`` times, then run to the end.
   The store must then hold every article exactly once, and pass ``PRAGMA integrity_check``.
2. ``--writers`` ingests of different feeds start at once on one store: one writes, the others
   must exit 1 with a one-line E501 (no traceback); rerun, each stores its feed.

    python3 bench/durability.py [--articles 6000] [--kills 20] [--writers 3]
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import marsad
from marsad.core.pipeline import load_pipeline
from marsad.core.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cnn-putin-north-korea.ar.txt"


def make_feed(path: Path, count: int, tag: str) -> None:
    """``count`` contract documents, one a line, each a different article."""
    pipe = load_pipeline(Settings(stages=("clean", "segment")))
    sentences = [s for s in EXAMPLE.read_text(encoding="utf-8").split(".") if len(s.split()) > 4]
    rng = random.Random(tag)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            # The number inside a sentence: clean may drop a short last line, and two texts would be one.
            picked = rng.sample(sentences, 4)
            body = ". ".join([picked[0] + f" ({tag} {number})", *picked[1:]]) + "."
            handle.write(marsad.analyze(body, "2024-06-17", pipeline=pipe).to_json(indent=None) + "\n")


def distinct_ids(*feeds: Path) -> int:
    return len({json.loads(line)["id"] for feed in feeds for line in feed.open(encoding="utf-8")})


def ingest(feed: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "marsad", "ingest", str(feed), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def counts(db: Path) -> tuple[int, int, str]:
    with sqlite3.connect(db) as conn:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone():
            return 0, 0, conn.execute("PRAGMA integrity_check").fetchone()[0]  # killed while migrating
        total, distinct = conn.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles").fetchone()
        texts = conn.execute("SELECT COUNT(*) FROM article_texts").fetchone()[0]
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    assert texts == total, f"{texts} texts for {total} articles"
    return total, distinct, check


def fresh(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def kill_test(work: Path, articles: int, kills: int, rng: random.Random) -> None:
    feed, db = work / "feed.jsonl", work / "kill.db"
    make_feed(feed, articles, "kill")
    start = time.monotonic()
    done = ingest(feed, db)
    done.wait()
    full = time.monotonic() - start  # one whole ingest, to spread the kills over it
    fresh(db)
    stored, mid = [], 0
    for _ in range(kills):
        proc = ingest(feed, db)
        # Past the interpreter's start (about a second) and before a whole ingest's time.
        time.sleep(rng.uniform(0.8, full * 0.9))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        total, distinct, check = counts(db) if db.exists() else (0, 0, "ok")
        assert total == distinct and check == "ok", (total, distinct, check)
        stored.append(total)
        if total < articles:
            mid += 1  # killed in the middle: the next run resumes it
        else:
            fresh(db)  # the kill came after the end: start again so the next one lands mid-ingest
    final = ingest(feed, db)
    _, err = final.communicate()
    total, distinct, check = counts(db)
    print(f"kill -9: {kills} kills ({mid} in the middle of an ingest) of {articles} articles (one whole ingest "
          f"{full:.1f} s); stored after each kill: {stored}; no duplicate and integrity_check ok after each; "
          f"after the final run: {total} rows, {distinct} distinct ids, "
          f"integrity_check {check}, exit {final.returncode}")
    assert total == distinct == distinct_ids(feed) and check == "ok" and final.returncode == 0, err


def writers_test(work: Path, articles: int, writers: int) -> None:
    db = work / "writers.db"
    feeds = []
    for n in range(writers):
        feeds.append(work / f"w{n}.jsonl")
        make_feed(feeds[-1], articles, f"writer{n}")
    procs = [ingest(f, db) for f in feeds]
    outcomes = [(p.wait(), p.communicate()[1]) for p in procs]
    refused = [err for code, err in outcomes if code == 1]
    one_line = all(len(err.strip().splitlines()) == 1 and "E501" in err and "Traceback" not in err
                   for err in refused)
    first_total = counts(db)[0]
    for feed in feeds:
        ingest(feed, db).wait()
    total, distinct, check = counts(db)
    expected = distinct_ids(*feeds)
    print(f"concurrent writers: {writers} ingests at once: {writers - len(refused)} wrote ({first_total} articles), "
          f"{len(refused)} refused with one E501 line each: {one_line}; after reruns {total} rows, "
          f"{distinct} distinct (expected {expected}), integrity_check {check}")
    assert one_line and total == distinct == expected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=6000)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--writers", type=int, default=3)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        kill_test(Path(tmp), args.articles, args.kills, random.Random(args.seed))
        writers_test(Path(tmp), args.articles // 3, args.writers)


if __name__ == "__main__":
    main()
