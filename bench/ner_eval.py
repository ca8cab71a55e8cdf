"""Entity-level exact-match F1 (CoNLL style) and speed of marsad's NER tagger.

    python bench/ner_eval.py                       # dev sets held out by scripts/train_ner_neural.py
    python bench/ner_eval.py --test PATH/test.txt  # also a CoNLL file such as ANERcorp test
    python bench/ner_eval.py --mode text           # through clean + segment + tagger.tag(doc)
    python bench/ner_eval.py --mode stage          # the whole entities stage, as marsad analyze writes it
    python bench/ner_eval.py --mode stage --currencies  # ... keeping currencies as MISC, as ANERcorp does
    python bench/ner_eval.py --no-dev --news 1000  # tagging speed over real articles

Dev sets: the last 10% of ANERcorp train sentences and AQMAR dev.  The shipped model is trained
on all of ANERcorp train (its recipe was measured with that 10% held out): score anercorp-dev with
``--model build/ner/holdout.npz`` from ``scripts/train_ner_neural.py --holdout``.  AQMAR dev
stays out of every model.  ``--mode tokens`` feeds the corpus tokens to the tagger, 20 sentences per batch as if
they were one article's; ``--mode text`` joins each sentence with spaces, runs it as one article
through clean and segment, tags it with ``tag(doc)`` and maps each mention to the whitespace
tokens it overlaps (how the project's targets are measured).  Speed is tokens per CPU second of
tagging on one core, on a first pass (cold caches: in tokens mode this includes the clitic
analysis that ``segment`` already does in a pipeline) and a second, warm pass.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

# training/ sits beside this folder, outside the installed package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from training import ner_corpus as nc

from marsad.core.analyze import to_document
from marsad.core.document import Document, Span
from marsad.core.errors import MarsadError
from marsad.core.pipeline import load_pipeline
from marsad.core.settings import Settings
from marsad.stages.entities import find_entities
from marsad.stages.entities import tagger as tagger_module
from marsad.stages.entities.features import data_dir, load_lexicons
from marsad.stages.entities.neural import NeuralTagger
from marsad.stages.entities.tagger import MODEL_FILE, TAG_DOMAIN, load_tagger, repair_bio, shipped_subtypes, tag
from marsad.stages.ingest.readers import from_text

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ner"
NEWS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
#: Must match scripts/train_ner_neural.py (the dev part of ANERcorp train the model was not trained on).
DEV_FRACTION = nc.DEV_FRACTION
#: Sentences tagged together in tokens mode, as the sentences of one article are by ``tag(doc)``.
DOC_SENTENCES = 20
#: Coarse type of each fine type that ``tag(doc)`` returns, to score against 4-class corpora.
COARSE = {"GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "EVENT": "MISC", "NORP": "MISC"}


def use_model(path: Path) -> None:
    """Tag with the weights at ``path`` in this process (the stage's ``tag`` included)."""
    global load_tagger
    model = NeuralTagger(path, load_lexicons(data_dir()), TAG_DOMAIN)
    tagger_module.load_tagger = load_tagger = lambda: model


def dev_sets(data: Path) -> dict[str, list[nc.Sentence]]:
    _, aner_dev = nc.split_tail(nc.read_anercorp(data), DEV_FRACTION)
    return {"anercorp-dev": aner_dev, "aqmar-dev": nc.read_aqmar(data, "dev")}


def read_test(path: Path) -> list[nc.Sentence]:
    return [nc.Sentence(tuple(w for w, _ in rows), tuple(nc.map_label(t) for _, t in rows), path.name)
            for rows in nc.read_conll(path)]


def labels_by_tokens(sentences: Sequence[nc.Sentence]) -> tuple[list[list[str]], float]:
    """Predicted labels for each sentence from its corpus tokens, and the seconds spent."""
    tagger = load_tagger()
    assert tagger is not None
    start = time.process_time()
    out: list[list[str]] = []
    for i in range(0, len(sentences), DOC_SENTENCES):
        batch = tagger.tag_batch([list(s.words) for s in sentences[i:i + DOC_SENTENCES]])
        out += [repair_bio(labels) for labels in batch]
    return out, time.process_time() - start


def _char_words(words: Sequence[str]) -> list[int]:
    """For each non-space character of the sentence, the index of the word it belongs to."""
    return [i for i, w in enumerate(words) for ch in w if not ch.isspace()]


def labels_by_stage(sentences: Sequence[nc.Sentence]) -> tuple[list[list[str]], float]:
    """As ``labels_by_text``, but the mentions are those of the whole entities stage (knowledge-base
    names, titles and tagger spans merged), as ``marsad analyze`` writes them."""
    return labels_by_text(sentences, whole_stage=True)


def labels_by_text(sentences: Sequence[nc.Sentence], whole_stage: bool = False) -> tuple[list[list[str]], float]:
    """Predicted labels from ``tag(doc)`` on each sentence as text, mapped to its whitespace tokens.

    Clean may change spacing (it glues « .» back onto the word), so mentions are mapped to words
    through the sequence of non-space characters; a sentence whose non-space characters changed
    or that clean rejects (a lone number) counts as all ``O``.
    """
    pipe = load_pipeline(Settings().replace(stages=("clean", "segment")))
    shipped_subtypes()
    docs: list[Document | None] = []
    for s in sentences:
        try:
            doc: Document | None = pipe(to_document(from_text(" ".join(s.words), "<bench>")))
        except MarsadError:
            doc = None
        same = doc is not None and "".join(doc.text.split()) == "".join("".join(s.words).split())
        docs.append(doc if same else None)
    start = time.process_time()
    found = [(_stage_mentions(doc) if whole_stage else tag(doc)) if doc is not None else [] for doc in docs]
    spent = time.process_time() - start
    out: list[list[str]] = []
    for s, doc, mentions in zip(sentences, docs, found, strict=True):
        labels = ["O"] * len(s.words)
        if doc is not None:
            owner = _char_words(s.words)
            # Rank of each character of doc.text among its non-space characters.
            rank, k = [], 0
            for ch in doc.text:
                rank.append(k)
                k += not ch.isspace()
            for span, kind in mentions:
                hit = sorted({owner[rank[i]] for i in range(span.start, span.end)
                              if not doc.text[i].isspace()})
                for n, i in enumerate(hit):
                    if labels[i] == "O":
                        labels[i] = ("B-" if n == 0 else "I-") + COARSE.get(kind, kind)
        out.append(labels)
    return out, spent


#: Stage mode keeps currency names as MISC entities (ANERcorp's convention; --currencies).
KEEP_CURRENCIES = {"on": False}


def _stage_mentions(doc: Document) -> list[tuple[Span, str]]:
    found = find_entities(doc, currencies=KEEP_CURRENCIES["on"])
    return sorted(((m, str(e.type)) for e in found for m in e.mentions), key=lambda x: x[0].start)


def report(name: str, sentences: Sequence[nc.Sentence], mode: str) -> None:
    """Scores, and tagging speed on a first (cold caches) and second (warm) pass."""
    run = {"text": labels_by_text, "stage": labels_by_stage}.get(mode, labels_by_tokens)
    predicted, cold = run(sentences)
    _, warm = run(sentences)
    scores = nc.evaluate(zip((s.labels for s in sentences), predicted, strict=True))
    tokens = sum(len(s.words) for s in sentences)
    print(f"\n{name} ({mode}): {len(sentences)} sentences, {tokens} tokens; tagging on one core: "
          f"{tokens / cold:,.0f} tokens/s cold, {tokens / warm:,.0f} tokens/s warm")
    print(f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for kind, sc in scores.items():
        print(f"{kind:<10} {sc.precision:6.3f} {sc.recall:6.3f} {sc.f1:6.3f} {sc.gold:6d}")


def news_speed(path: Path, limit: int) -> None:
    """Tagging speed over a stream of real articles (segmented first, untimed), as a worker sees it."""
    pipe = load_pipeline(Settings().replace(stages=("clean", "segment")))
    docs: list[Document] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if len(docs) >= limit:
                break
            try:
                docs.append(pipe(to_document(from_text(json.loads(line)["text"], "<news>"))))
            except MarsadError:
                continue
    shipped_subtypes()
    start = time.process_time()
    mentions = sum(len(tag(doc)) for doc in docs)
    spent = time.process_time() - start
    tokens = sum(len(doc.tokens) for doc in docs)
    print(f"\n{path.name}: {len(docs)} articles, {tokens} tokens, {mentions} mentions; tagging on one "
          f"core: {tokens / spent:,.0f} tokens/s, {len(docs) / spent:,.1f} articles/s")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared/data/ner")
    parser.add_argument("--test", type=Path, action="append", default=[],
                        help="a CoNLL file (token, tag in the last column) to score as well")
    parser.add_argument("--mode", choices=("tokens", "text", "stage"), default="tokens",
                        help="stage: the whole entities stage's mentions, as marsad analyze writes them")
    parser.add_argument("--news", type=int, default=0, metavar="N",
                        help="also time tagging the first N SaudiNewsNet articles")
    parser.add_argument("--currencies", action="store_true",
                        help="stage mode: keep currency names as MISC, as ANERcorp marks them (setting "
                             "entities.currencies; off by default, where they are units of quantities)")
    parser.add_argument("--no-dev", action="store_true", help="score only the --test files")
    parser.add_argument("--model", type=Path, help="a weights file to use instead of the shipped one "
                        "(e.g. build/ner/holdout.npz from scripts/train_ner_neural.py --holdout)")
    args = parser.parse_args(argv)
    KEEP_CURRENCIES["on"] = args.currencies
    if args.model:
        use_model(args.model)
    elif not (data_dir() / MODEL_FILE).is_file():
        parser.error(f"no model at {data_dir() / MODEL_FILE}; run scripts/train_ner_neural.py")
    load_tagger()
    sets: dict[str, list[nc.Sentence]] = {}
    if not args.no_dev:
        if not args.data.is_dir():
            parser.error(f"{args.data} not found; pass --data or --no-dev")
        sets.update(dev_sets(args.data))
    for path in args.test:
        sets[path.name] = read_test(path)
    for name, sentences in sets.items():
        report(name, sentences, args.mode)
    if args.news:
        news_speed(NEWS, args.news)
    return 0


if __name__ == "__main__":
    sys.exit(main())
