"""Draw the candidate articles of the held-apart event/quote gold set (bench/heldout/gold).

    python bench/heldout_select.py [--seed 20261206] [--show N] [--skip-records FIRST-LAST ...]

Prints, in draw order, SaudiNewsNet ids of political/security news articles of 150-450 words
that have a reporting cue and at least two event words (keyword filter, then a seeded shuffle),
none in ../shared/devset, none whose SaudiNewsNet id appears anywhere in this repository, and
none sharing a sentence with the repository's tests, data or docs.  The annotator then read the
candidates in this order and kept the first ones with at least one quote or reported statement
and two political events, at most two per outlet (the rejected ones are listed in
bench/heldout/README.md).  ``--skip-records FIRST-LAST`` (repeatable; 0-based positions in the
corpus file, both ends included) leaves out records that someone studies or studied by hand, so
that a new blind set is drawn outside them (set C: seed 20261207, skipping 2000-2399, 3000-3399
and 20000-29999; set D: seed 20261208, same ranges; set E: seed 20261209, those ranges and
4000-4399, 5000-5399; set F: seed 20261210, the same ranges as set E; set G: seed 20261211, the
same ranges as set F; set H: seed 20261212, the same ranges as set G; set I: seed 20261213, the
same ranges as set H; set J: seed 20261214, the same ranges as set I; set K: seed 20261215, the same
ranges as set J; set L: seed 20261216, the same ranges as set K; set M: seed 20261217, the same
ranges as set L; set N: seed 20261218, the same ranges as set M; set O: seed 20261219, the same
ranges as set N; set P: seed 20261220, the same ranges as set O;
set Q: seed 20261221, the same ranges as set P;
set R: seed 20261222, the same ranges as set Q;
set S: seed 20261223, the same ranges as set R;
set T: seed 20261224, the same ranges as set S).  Earlier sets drop out of a new
draw because their golds (bench/heldout/gold, gold-c, gold-d, gold-e, gold-f, gold-g, gold-h,
gold-i, gold-j, gold-k, gold-l, gold-m, gold-n, gold-o, gold-p, gold-q, gold-r, gold-s, gold-t) and the README's
rejected ids are in the repository.
Nothing here runs marsad.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "data" / "news" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
SEED = 20261206

# Words of politics and security (a story must contain one of them in its text).
TOPIC = ("وزير", "الرئيس", "الحكومة", "قوات", "الجيش", "مجلس الأمن", "الأمم المتحدة", "داعش",
         "الحوثي", "المعارضة", "الشرطة", "الأمن", "البرلمان", "السفير", "الخارجية")
# Reporting cues: a statement attributed to someone.
CUES = ("قال", "أكد", "أوضح", "صرح", "أضاف", "أعلن", "أشار", "ذكر", "وفق", "بحسب")
# Event words (CAMEO/PLOVER verbs and nouns); two distinct ones are required.
EVENTS = ("التقى", "استقبل", "بحث", "مباحثات", "اجتماع", "زيارة", "أدان", "استنكر", "اعتقال",
          "اعتقل", "قصف", "هجوم", "غارات", "اشتباكات", "اتفاق", "دعا", "طالب", "اتهم", "عقوبات",
          "مساعدات", "تظاهر", "احتجاج", "هدد", "قتل", "سيطر", "انسحب", "رفض", "دعم")


def records() -> Iterator[dict[str, str]]:
    """Every SaudiNewsNet record, in file order."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def record_range(spec: str) -> range:
    """'FIRST-LAST' (0-based file positions, both included) as a range; argparse's type check."""
    m = re.fullmatch(r"(\d+)-(\d+)", spec.strip())
    if not m or int(m[1]) > int(m[2]):
        raise argparse.ArgumentTypeError(f"--skip-records wants FIRST-LAST, e.g. 20000-29999; got {spec!r}")
    return range(int(m[1]), int(m[2]) + 1)


def devset_keys() -> tuple[set[str], set[str]]:
    """Record ids and opening snippets of the devset articles, to keep them (and wire twins) out."""
    ids: set[str] = set()
    heads: set[str] = set()
    for gold in (SHARED / "devset" / "gold").glob("*.gold.json"):
        g = json.loads(gold.read_text(encoding="utf-8"))
        if g.get("source", {}).get("record"):
            ids.add(g["source"]["record"])
    for art in (SHARED / "devset" / "articles").glob("*.txt"):
        heads.add(squash(art.read_text(encoding="utf-8"))[:80])
    return ids, heads


def squash(text: str) -> str:
    """Letters only, so that spacing and punctuation differences do not hide a copy."""
    return re.sub(r"\W+", "", text)


def repo_text() -> tuple[set[str], str]:
    """Ids cited anywhere in the repository, and its tests/data/docs text squashed."""
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    ids: set[str] = set()
    parts: list[str] = []
    for name in files:
        path = ROOT / name
        if path.suffix in {".gz", ".npz", ".npy", ".so", ".bin", ".db", ".png"} or not path.is_file():
            continue
        try:
            body = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        ids.update(re.findall(r"snn-[0-9a-f]{12}", body))
        parts.append(squash(body))
    return ids, "\n".join(parts)


def candidate(rec: dict[str, str]) -> bool:
    """The keyword filter: length, topic, a cue and two distinct event words."""
    text = rec["text"]
    words = len(text.split())
    if not 150 <= words <= 450:
        return False
    if not any(w in text for w in TOPIC) or not any(c in text for c in CUES):
        return False
    return sum(1 for e in EVENTS if e in text) >= 2


def shares_sentence(text: str, repo: str) -> bool:
    """True when a sentence of 40+ letters of the article occurs in the repository."""
    for sent in re.split(r"[.!؟\n]", text):
        s = squash(sent)
        if len(s) >= 40 and s[:60] in repo:
            return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--show", type=int, default=40, help="how many candidates to print")
    ap.add_argument("--skip-records", type=record_range, action="append", default=[], metavar="FIRST-LAST",
                    help="leave out the records at these 0-based file positions (repeatable)")
    a = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    dev_ids, dev_heads = devset_keys()
    repo_ids, repo = repo_text()
    skipped = a.skip_records
    pool = [r for i, r in enumerate(records()) if not any(i in rng for rng in skipped) and candidate(r)]
    pool.sort(key=lambda r: r["id"])
    random.Random(a.seed).shuffle(pool)
    shown = 0
    for rec in pool:
        if rec["id"] in dev_ids or rec["id"] in repo_ids or squash(rec["text"])[:80] in dev_heads:
            continue
        if shares_sentence(rec["text"], repo):
            continue
        print(rec["id"], rec["outlet"], rec["date"], len(rec["text"].split()), rec["title"], sep="\t")
        shown += 1
        if shown >= a.show:
            break
    print(f"pool={len(pool)} seed={a.seed}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
