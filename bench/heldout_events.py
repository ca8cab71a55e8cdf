"""Events, quotes and entities on 12 held-apart SaudiNewsNet articles (bench/heldout/gold).

    python bench/heldout_events.py [--half A|B|C|D|E|F|G|H|I|J|K|L|M|N|O|P|Q|R|S|T] [--json]
        [--run 'marsad analyze {doc} --published {published} --format json']

The gold set was drawn at random (bench/heldout_select.py, seed 20261206; selection record in
bench/heldout/README.md) and annotated by hand **blind, on 2026-12-06**: nobody had run marsad
on these articles before the annotations were committed. It measures how marsad does on news it
was not built around, for issue 14's "articles held apart" targets (event_f1 >= 0.35, quote_f1 >=
0.70). Once anyone studies its errors to change marsad, it stops being held out: say so in
bench/heldout/README.md and draw a new set.  On the evening of 2026-12-06 half A (six articles,
``--half A``) was studied for failure patterns, and later that night half B (``--half B``) too,
once set C existed: set C is the blind measure now.  Set C
(``--half C``: 12 more articles in bench/heldout/gold-c, drawn with seed 20261207 and annotated
blind on 2026-12-06, late evening) is a separate directory, so the default run (no ``--half``)
still scores the first 12 articles and their floors and tests still hold.  Set D (``--half D``:
12 more articles in bench/heldout/gold-d, drawn with seed 20261208 and annotated blind on
2026-12-07) is a third blind set in its own directory, for the same reason.  Set E (``--half E``:
12 more articles in bench/heldout/gold-e, drawn with seed 20261209 and annotated blind late on
2026-12-07) is the fourth, in its own directory too.  Set F (``--half F``: 12 more articles in
bench/heldout/gold-f, drawn with seed 20261210 and annotated blind early on 2026-12-07) is the fifth.
Set G (``--half G``: 12 more articles in bench/heldout/gold-g, drawn with seed 20261211 and annotated
blind) is the sixth.  Set H (``--half H``: 12 more articles in bench/heldout/gold-h, drawn with seed
20261212 and annotated blind) is the seventh.  Set I (``--half I``: 12 more articles in
bench/heldout/gold-i, drawn with seed 20261213 and annotated blind) is the eighth.  Set J (``--half J``:
12 more articles in bench/heldout/gold-j, drawn with seed 20261214 and annotated blind) is the ninth.
Set K (``--half K``: 12 more articles in bench/heldout/gold-k, drawn with seed 20261215 and annotated
blind) is the tenth.  Set L (``--half L``: 12 more articles in bench/heldout/gold-l, drawn with seed
20261216 and annotated blind) is the eleventh.  Set M (``--half M``: 12 more articles in
bench/heldout/gold-m, drawn with seed 20261217 and annotated blind) is the twelfth.  Set N (``--half N``: 12
more articles in bench/heldout/gold-n, drawn with seed 20261218 and annotated blind) is the thirteenth.  Set O
(``--half O``: 12 more articles in bench/heldout/gold-o, drawn with seed 20261219 and annotated blind) is the
fourteenth.  Set P (``--half P``: 12 more articles in bench/heldout/gold-p, drawn with seed 20261220 and annotated
blind) is the fifteenth.  Set Q (``--half Q``: 12 more articles in bench/heldout/gold-q, drawn with seed 20261221 and
annotated blind) is the sixteenth.  Set R (``--half R``: 12 more articles in bench/heldout/gold-r, drawn with seed
20261222 and annotated blind) is the seventeenth.  Set S (``--half S``: 12 more articles in bench/heldout/gold-s,
drawn with seed 20261223 and annotated blind) is the eighteenth.  Set T (``--half T``: 12 more articles in
bench/heldout/gold-t, drawn with seed 20261224 and annotated blind) is the nineteenth.

The article texts are not in the repository (SaudiNewsNet is CC BY-NC-SA 4.0): this script takes
each gold's record from ../shared/data/news/saudinewsnet/saudinewsnet.jsonl.gz, writes the texts
into a temporary directory beside copies of the golds, and runs ../shared/tools/score.py --dir on
them with the same command as the devset. It prints one row per article and the mean, and skips
cleanly (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "bench" / "heldout" / "gold"
#: Set C, the second blind set (bench/heldout/README.md, "Set C"): its own directory, not a half.
GOLD_DIR_C = ROOT / "bench" / "heldout" / "gold-c"
#: Set D, the third blind set (bench/heldout/README.md, "Set D"): its own directory, like set C.
GOLD_DIR_D = ROOT / "bench" / "heldout" / "gold-d"
#: Set E, the fourth blind set (bench/heldout/README.md, "Set E"): its own directory, like C and D.
GOLD_DIR_E = ROOT / "bench" / "heldout" / "gold-e"
#: Set F, the fifth blind set (bench/heldout/README.md, "Set F"): its own directory, like C, D and E.
GOLD_DIR_F = ROOT / "bench" / "heldout" / "gold-f"
#: Set G, the sixth blind set (bench/heldout/README.md, "Set G"): its own directory, like C to F.
GOLD_DIR_G = ROOT / "bench" / "heldout" / "gold-g"
#: Set H, the seventh blind set (bench/heldout/README.md, "Set H"): its own directory, like C to G.
GOLD_DIR_H = ROOT / "bench" / "heldout" / "gold-h"
#: Set I, the eighth blind set (bench/heldout/README.md, "Set I"): its own directory, like C to H.
GOLD_DIR_I = ROOT / "bench" / "heldout" / "gold-i"
#: Set J, the ninth blind set (bench/heldout/README.md, "Set J"): its own directory, like C to I.
GOLD_DIR_J = ROOT / "bench" / "heldout" / "gold-j"
#: Set K, the tenth blind set (bench/heldout/README.md, "Set K"): its own directory, like C to J.
GOLD_DIR_K = ROOT / "bench" / "heldout" / "gold-k"
#: Set L, the eleventh blind set (bench/heldout/README.md, "Set L"): its own directory, like C to K.
GOLD_DIR_L = ROOT / "bench" / "heldout" / "gold-l"
#: Set M, the twelfth blind set (bench/heldout/README.md, "Set M"): its own directory, like C to L.
GOLD_DIR_M = ROOT / "bench" / "heldout" / "gold-m"
#: Set N, the thirteenth blind set (bench/heldout/README.md, "Set N"): its own directory, like C to M.
GOLD_DIR_N = ROOT / "bench" / "heldout" / "gold-n"
#: Set O, the fourteenth blind set (bench/heldout/README.md, "Set O"): its own directory, like C to N.
GOLD_DIR_O = ROOT / "bench" / "heldout" / "gold-o"
#: Set P, the fifteenth blind set (bench/heldout/README.md, "Set P"): its own directory, like C to O.
GOLD_DIR_P = ROOT / "bench" / "heldout" / "gold-p"
#: Set Q, the sixteenth blind set (bench/heldout/README.md, "Set Q"): its own directory, like C to P.
GOLD_DIR_Q = ROOT / "bench" / "heldout" / "gold-q"
#: Set R, the seventeenth blind set (bench/heldout/README.md, "Set R"): its own directory, like C to Q.
GOLD_DIR_R = ROOT / "bench" / "heldout" / "gold-r"
#: Set S, the eighteenth blind set (bench/heldout/README.md, "Set S"): its own directory, like C to R.
GOLD_DIR_S = ROOT / "bench" / "heldout" / "gold-s"
#: Set T, the nineteenth blind set (bench/heldout/README.md, "Set T"): its own directory, like C to S.
GOLD_DIR_T = ROOT / "bench" / "heldout" / "gold-t"
#: The sets kept in their own directory, by their --half letter.
SET_DIRS = {"C": GOLD_DIR_C, "D": GOLD_DIR_D, "E": GOLD_DIR_E, "F": GOLD_DIR_F, "G": GOLD_DIR_G,
            "H": GOLD_DIR_H, "I": GOLD_DIR_I, "J": GOLD_DIR_J, "K": GOLD_DIR_K, "L": GOLD_DIR_L,
            "M": GOLD_DIR_M, "N": GOLD_DIR_N, "O": GOLD_DIR_O, "P": GOLD_DIR_P,
            "Q": GOLD_DIR_Q, "R": GOLD_DIR_R, "S": GOLD_DIR_S, "T": GOLD_DIR_T}
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "data" / "news" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
SCORE = SHARED / "tools" / "score.py"
COMMAND = "marsad analyze {doc} --published {published} --format json"
#: The split of 2026-12-06 (the sorted ids, alternately): half A was then studied to find failure
#: patterns, and half B later that night, once set C (GOLD_C) was there to measure blind.
HALVES = {
    "A": frozenset({"snn-1bb4fb0764aa", "snn-23f92c7ae77b", "snn-5b21442be3c2", "snn-6af4745b5f9c",
                    "snn-8789ed22e584", "snn-f201710a5aa1"}),
    "B": frozenset({"snn-22e8142f9e4c", "snn-2c8f53cbd8b2", "snn-63b846047e0c", "snn-8231167e7d6a",
                    "snn-ec3dbe5b11b4", "snn-fd1858e8789f"}),
}
# The columns printed per article; the mean line carries every figure score.py gives.
COLUMNS = ("event_f1", "event_typed_recall", "event_recall", "event_precision", "event_status_acc",
           "event_date_acc", "quote_f1", "quote_found", "quote_attributed", "quote_precision",
           "entity_f1", "entity_linked")


def golds(gold_dir: Path = GOLD_DIR) -> dict[str, dict[str, Any]]:
    """Every gold file of the set in gold_dir, keyed by its SaudiNewsNet record id."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        out[gold["source"]["record"]] = gold
    return out


def set_golds(half: str | None) -> dict[str, dict[str, Any]]:
    """The golds of one ``--half`` letter: a half of the first 12 articles (A, B), a set of its own
    directory (C, D …), or, with None, the first 12."""
    gold_by_id = golds(SET_DIRS.get(half or "", GOLD_DIR))
    if half in HALVES:
        gold_by_id = {rid: g for rid, g in gold_by_id.items() if rid in HALVES[half]}
    return gold_by_id


def texts(ids: set[str]) -> dict[str, str]:
    """The article text of each wanted record, read from the corpus."""
    found: dict[str, str] = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in ids:
                found[rec["id"]] = rec["text"]
    return found


def stage(workdir: Path, gold_by_id: dict[str, dict[str, Any]], text_by_id: dict[str, str],
          source_dir: Path = GOLD_DIR) -> Path:
    """Lay out workdir/gold and workdir/articles as score.py --dir expects; return the gold dir."""
    gold_dir = workdir / "gold"
    gold_dir.mkdir()
    for rid, gold in gold_by_id.items():
        doc = workdir / gold["document"]
        doc.parent.mkdir(parents=True, exist_ok=True)
        doc.write_text(text_by_id[rid], encoding="utf-8")
        shutil.copy(source_dir / f"{rid}.gold.json", gold_dir / f"{rid}.gold.json")
    return gold_dir


def score(gold_dir: Path, command: str) -> dict[str, Any]:
    """Run score.py --dir --json and return its documents and mean."""
    res = subprocess.run([sys.executable, str(SCORE), "--dir", str(gold_dir), "--run", command, "--json"],
                         capture_output=True, text=True, check=False)
    if res.returncode != 0 or not res.stdout.strip():
        raise SystemExit(f"score.py failed ({res.returncode}): {res.stderr[-800:]}")
    for line in res.stderr.splitlines():  # per-document failures are scored as zero and named here
        if "FAILED" in line:
            print(line, file=sys.stderr)
    result: dict[str, Any] = json.loads(res.stdout)
    return result


def cell(value: object) -> str:
    """A figure for the table; '-' where the gold has nothing to score."""
    return "-" if value is None else f"{value}"


def report(result: dict[str, Any]) -> None:
    """One row per article, then the mean of every figure on one headline line."""
    print("article".ljust(28) + " ".join(c[:12].rjust(12) for c in COLUMNS))
    for name, figures in result["documents"].items():
        print(name.removesuffix(".gold.json").ljust(28)
              + " ".join(cell(figures.get(c)).rjust(12) for c in COLUMNS))
    mean = result["mean"]
    print("mean".ljust(28) + " ".join(cell(mean.get(c)).rjust(12) for c in COLUMNS))
    print("headline: " + " ".join(f"{k}={v}" for k, v in mean.items()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", default=COMMAND, help="command with {doc} and {published} that prints the JSON")
    ap.add_argument("--json", action="store_true", help="print score.py's JSON instead of the table")
    ap.add_argument("--half", choices=sorted({*HALVES, *SET_DIRS}), help="only half A (studied since "
                    "2026-12-06, evening), half B (studied since late that night), set C (bench/heldout/"
                    "gold-c, the second blind set), set D (bench/heldout/gold-d, the third), set E "
                    "(bench/heldout/gold-e, the fourth), set F (bench/heldout/gold-f, the fifth), set G "
                    "(bench/heldout/gold-g, the sixth), set H (bench/heldout/gold-h, the seventh), set I "
                    "(bench/heldout/gold-i, the eighth), set J (bench/heldout/gold-j, the ninth), set K "
                    "(bench/heldout/gold-k, the tenth), set L (bench/heldout/gold-l, the eleventh), set M "
                    "(bench/heldout/gold-m, the twelfth), set N (bench/heldout/gold-n, the thirteenth), set O "
                    "(bench/heldout/gold-o, the fourteenth), set P (bench/heldout/gold-p, the fifteenth), set Q "
                    "(bench/heldout/gold-q, the sixteenth), set R (bench/heldout/gold-r, the seventeenth), set S "
                    "(bench/heldout/gold-s, the eighteenth) or set T (bench/heldout/gold-t, the nineteenth): "
                    "see bench/heldout/README.md")
    a = ap.parse_args()
    if not (CORPUS.exists() and SCORE.exists()):
        print(f"skipped: {SHARED} (corpus and tools/score.py) is absent")
        return 0
    source_dir = SET_DIRS.get(a.half or "", GOLD_DIR)
    gold_by_id = set_golds(a.half)
    text_by_id = texts(set(gold_by_id))
    missing = sorted(set(gold_by_id) - set(text_by_id))
    if missing:
        raise SystemExit(f"records not in {CORPUS.name}: {', '.join(missing)}")
    with tempfile.TemporaryDirectory(prefix="marsad-heldout-") as tmp:
        result = score(stage(Path(tmp), gold_by_id, text_by_id, source_dir), a.run)
    if a.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
