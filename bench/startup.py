"""Start-up of a one-sentence ``marsad analyze``: a first run (empty cache) and later runs.

    python bench/startup.py [--runs 5]

Each run is a new process (``python -m marsad analyze ONE.txt --format json``), as a user types
it. Wall time depends on what else the machine runs, so CPU time (user + system of the child)
is printed beside it: on a shared machine it is the steadier figure. The first run of each
kind starts with an empty cache folder (``MARSAD_CACHE_DIR``), so it builds the knowledge base
and the tagger's lexicons; the later ones read them back. Issue 18's target: under 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = "وقال وزير الخارجية الروسي سيرغي لافروف في موسكو أمس إن بلاده ستواصل دعم الحكومة السورية."
TARGET_SECONDS = 1.5


def one_run(article: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one ``marsad analyze`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "marsad", "analyze", str(article), "--format", "json"],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="warm runs after the first (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "one.txt"
        article.write_text(SENTENCE, encoding="utf-8")
        env = {**os.environ, "MARSAD_CACHE_DIR": str(Path(tmp) / "cache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's Python keeps compiled modules
        one_run(article, {**env, "MARSAD_CACHE": "off"})  # compile the modules once, untimed
        cold = one_run(article, env)
        warm = [one_run(article, env) for _ in range(args.runs)]
        off = [one_run(article, {**env, "MARSAD_CACHE": "off"}) for _ in range(args.runs)]
    load = os.getloadavg()[0]
    print(f"load average (1 min): {load:.2f}")
    print(f"first run (builds the cache): wall {cold[0]:.2f} s, CPU {cold[1]:.2f} s")
    for label, runs in (("later runs (cache read)", warm), ("cache off", off)):
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print(f"{label}: wall median {statistics.median(walls):.2f} s (min {min(walls):.2f}), "
              f"CPU median {statistics.median(cpus):.2f} s; "
              f"target {TARGET_SECONDS} s / median wall = {TARGET_SECONDS / statistics.median(walls):.2f}")


if __name__ == "__main__":
    main()
