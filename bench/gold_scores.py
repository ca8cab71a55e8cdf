"""Score the default pipeline on every gold document and compare with the pinned floors.

    python bench/gold_scores.py [--gold ../shared/gold]
    python bench/gold_scores.py --devset          # ../shared/devset/gold with bench/devset_floors.json

Prints score.py's figures for each key in bench/gold_floors.json (or devset_floors.json) with its
floor and the ratio to it; exits 1 when a figure is below its floor.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FLOORS = ROOT / "bench" / "gold_floors.json"
DEVSET_FLOORS = ROOT / "bench" / "devset_floors.json"
RUN = f"{sys.executable} -m marsad analyze {{doc}} --published {{published}} --format json"


def scores(gold_dir: Path) -> dict[str, float | None]:
    proc = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "--dir", str(gold_dir),
                           "--run", RUN, "--json"], capture_output=True, text=True, check=True)
    # score.py prints its JSON and then a headline line: read the JSON value only.
    payload, _ = json.JSONDecoder().raw_decode(proc.stdout.lstrip())
    mean: dict[str, float | None] = payload["mean"]
    return mean


def below_floor(figures: dict[str, float | None], floors: dict[str, dict[str, float]]) -> list[str]:
    bad = []
    for key, floor in floors.items():
        value = figures.get(key)
        if "min" in floor and (value is None or value < floor["min"]):
            bad.append(f"{key}={value} < {floor['min']}")
        if "max" in floor and (value is None or value > floor["max"]):
            bad.append(f"{key}={value} > {floor['max']}")
    return bad


def floors(path: Path = FLOORS) -> dict[str, dict[str, float]]:
    loaded: dict[str, dict[str, float]] = {k: v for k, v in json.loads(path.read_text()).items()
                                            if not k.startswith("_")}
    return loaded


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", type=Path, default=SHARED / "gold")
    ap.add_argument("--devset", action="store_true", help="score ../shared/devset against its floors")
    args = ap.parse_args()
    gold = SHARED / "devset" / "gold" if args.devset else args.gold
    figures = scores(gold)
    pinned = floors(DEVSET_FLOORS if args.devset else FLOORS)
    for key, value in figures.items():
        floor = pinned.get(key, {})
        limit = floor.get("min", floor.get("max"))
        ratio = f"{value / limit:.2f}" if isinstance(value, (int, float)) and limit else "-"
        print(f"{key:22} {value!s:>8}   floor {limit!s:>6}   ratio {ratio}")
    bad = below_floor(figures, pinned)
    for line in bad:
        print("BELOW FLOOR:", line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
