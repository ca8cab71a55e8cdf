"""List trigger candidates from the UniversalPetrarch Arabic verb dictionary that marsad lacks.

    python scripts/build_event_candidates.py [../shared/data/universalpetrarch-ar/CAMEO.ar.0.5.txt] [--type ASSAULT]

The dictionary (Open Event Data Alliance, MIT) is raw material: its verb blocks are
machine-built and hold wrong codes and mistranslations, so nothing is copied into marsad
automatically.  This prints, per PLOVER type, the block lemmas and synonyms whose folded form no
trigger of ``src/marsad/data/events/triggers.tsv`` reaches, with the CAMEO codes of their
patterns, for a person to check and add by hand (as the current triggers were).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

from marsad.stages.events import lexicon
from marsad.text.keys import fold

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "data" / "universalpetrarch-ar" / "CAMEO.ar.0.5.txt"
HEADER = re.compile(r"^--- (?P<verb>.+?) \[(?P<code>[-\d]+)\] ---")
PATTERN_CODE = re.compile(r"\[(\d{2,4})\]")
ARABIC_WORD = re.compile(r"^[\u0621-\u064a+ ]+$")


def blocks(text: str) -> list[tuple[list[str], set[str]]]:
    """(lemma and synonyms, CAMEO codes of the block's patterns) for every verb block."""
    out: list[tuple[list[str], set[str]]] = []
    words: list[str] = []
    codes: set[str] = set()
    for line in text.splitlines():
        head = HEADER.match(line)
        if head:
            if words:
                out.append((words, codes))
            words = [head.group("verb")]
            codes = {head.group("code")} if head.group("code") != "---" else set()
        elif words and line.startswith("-"):
            codes.update(PATTERN_CODE.findall(line))
        elif words and line.strip() and not line.startswith(("#", "+", "&")):
            word = line.split("#")[0].strip()
            if ARABIC_WORD.match(word):
                words.append(word)
    if words:
        out.append((words, codes))
    return out


def plover_type(code: str, table: dict[str, tuple[str, str | None]]) -> str | None:
    for size in (len(code), 3, 2):
        if code[:size] in table:
            return table[code[:size]][0]
    return None


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", nargs="?", type=Path, default=SOURCE)
    ap.add_argument("--type", action="append", help="only these PLOVER types")
    args = ap.parse_args(argv[1:])
    table = lexicon.cameo_plover()
    known = set(lexicon.trigger_index())
    missing: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for words, codes in blocks(args.source.read_text(encoding="utf-8")):
        for code in codes:
            ptype = plover_type(code, table)
            if ptype is None or (args.type and ptype not in args.type):
                continue
            for word in words:
                form = fold(word.split("+")[0].split()[0])
                if len(form) >= 3 and form not in known:
                    missing[ptype][form].add(code)
    for ptype in sorted(missing):
        for form, codes in sorted(missing[ptype].items()):
            print(f"{ptype}\t{form}\t{','.join(sorted(codes))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
