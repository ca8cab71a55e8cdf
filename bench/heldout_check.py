"""Check that a held-apart gold set quotes its articles verbatim (no marsad run).

    python bench/heldout_check.py [GOLD_DIR]     # default bench/heldout/gold-c; also gold-d to gold-t

For every gold in GOLD_DIR, reads the article text from the SaudiNewsNet corpus (the texts are not
in the repository) and reports each string that score.py could never find: an event's evidence or
a quote's contains that is not inside one sentence of the text, an entity mention or also_ok entry
that is not a whole word of the text (a proclitic and score.py's لل-for-ال rule allowed), a removed
line that is not verbatim, an actor or speaker that is neither an ISO3 code nor a gold entity's
name_en, and an event type outside PLOVER.  Strings are compared after score.py's normalisation
(NFKC, no diacritics or tatweel, alef and ya folded, quotation marks dropped).  Sentences are split
at . ! ? followed by space and at line ends, which is stricter than marsad's splitter.  Exit code 1
when anything is reported.  Nothing here runs marsad, so it is safe on a blind set.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

from heldout_events import GOLD_DIR_C, texts

#: score.py's normalisation, copied so that this check needs nothing from ../shared but the corpus.
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
PLOVER = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


def norm(text: str) -> str:
    """score.py's norm()."""
    text = DIACRITICS.sub("", unicodedata.normalize("NFKC", text))
    text = re.sub("[أإآٱ]", "ا", text).replace("ى", "ي")
    text = re.sub("[“”«»\"'‘’]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def sentences(text: str) -> list[str]:
    """The normalised sentences of a text, split where any splitter would split."""
    return [norm(s) for s in re.split(r"(?<=[.!؟?])\s+|\n", text) if s.strip()]


def whole_word(mention: str, text: str) -> bool:
    """The mention stands as a word of the text, maybe after و ف ب ل ك, or as لل- for ال-."""
    n = norm(mention)
    if re.search(r"(?<!\w)[وفبلك]{0,2}" + re.escape(n) + r"(?!\w)", text):
        return True
    return n.startswith("ال") and re.search(r"(?<!\w)[وف]?لل" + re.escape(n[2:]) + r"(?!\w)", text) is not None


def problems(gold: dict[str, Any], text: str) -> list[str]:
    """Every string of one gold that score.py could not find in its article."""
    flat, sents = norm(text), sentences(text)
    names = {e["name_en"] for e in gold["entities"]}
    out = [f"mention {m!r}" for e in gold["entities"] for m in e["mentions"] if not whole_word(m, flat)]
    out += [f"also_ok {a!r}" for a in gold.get("also_ok", []) if not whole_word(a, flat)]
    out += [f"removed {r['text']!r}" for r in gold.get("removed", []) if r["text"] not in text]
    for q in gold["quotes"]:
        if not any(norm(q["contains"]) in s for s in sents):
            out.append(f"quote contains {q['contains']!r}")
        if q["speaker"] not in names and not re.fullmatch("[A-Z]{3}", q["speaker"]):
            out.append(f"speaker {q['speaker']!r}")
    for ev in gold["events"]:
        if ev["type"] not in PLOVER:
            out.append(f"event type {ev['type']!r}")
        if not any(norm(ev["evidence"]) in s for s in sents):
            out.append(f"evidence {ev['evidence']!r}")
        out += [f"actor {a!r}" for a in ev["source"] + ev["target"]
                if a not in names and not re.fullmatch("[A-Z]{3}", a)]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", nargs="?", type=Path, default=GOLD_DIR_C)
    a = ap.parse_args()
    golds = {}
    for path in sorted(a.gold_dir.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        golds[gold["source"]["record"]] = gold
    found = texts(set(golds))
    bad = 0
    for rid, gold in golds.items():
        issues = ["record not in the corpus"] if rid not in found else problems(gold, found[rid])
        bad += len(issues)
        print(rid, "ok" if not issues else f"{len(issues)} problem(s)")
        for issue in issues:
            print("   ", issue)
    print(f"{len(golds)} golds, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
