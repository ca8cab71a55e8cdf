"""Time ``analyze`` on 100 KB of one repeated word, for every distinct word of the bundled example.

The hardening check of issue #17 (CPU seconds, so a busy machine does not skew it): every stage
must be linear in its input, so 100 KB of any single repeated word or letter analyses in a few
seconds on one core.  Every Arabic letter is tried too.

    python3 bench/repeated_words.py [--size 100000] [--limit N]
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import marsad
from marsad.core.errors import MarsadError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cnn-putin-north-korea.ar.txt"
#: Letters, digits and marks tried on their own besides the example's words.
EXTRA = ["ب", "ا", "و", "ال", "1", "٩", "«", ".", "،", "-", "\u200f", "<p>", "قال:", "مليار", "قبل"]


def words() -> list[str]:
    letters = [chr(cp) for cp in range(0x0621, 0x064B) if chr(cp).isalpha()]
    seen = dict.fromkeys([*EXTRA, *letters, *re.findall(r"\S+", EXAMPLE.read_text(encoding="utf-8"))])
    return list(seen)


def time_one(word: str, size: int) -> float:
    unit = word + " "
    text = unit * (size // len(unit.encode("utf-8")))
    start = time.process_time()
    try:
        marsad.analyze(text, "2024-06-17")
    except MarsadError:
        pass
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="bytes of UTF-8 per text")
    parser.add_argument("--limit", type=int, default=0, help="try only the first N words")
    args = parser.parse_args()
    marsad.analyze("قال بوتين", "2024-06-17")  # load the models before timing
    todo = words()[: args.limit or None]
    timings = sorted(((time_one(w, args.size), w) for w in todo), reverse=True)
    print(f"{len(todo)} words, {args.size} bytes each: slowest {timings[0][0]:.2f} s ({timings[0][1]!r}), "
          f"median {timings[len(timings) // 2][0]:.2f} s")
    for seconds, word in timings[:10]:
        print(f"  {seconds:6.2f} s  {word!r}")


if __name__ == "__main__":
    main()
