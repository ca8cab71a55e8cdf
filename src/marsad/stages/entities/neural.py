"""The neural NER tagger's forward pass in numpy: char-CNN, BiLSTM, linear layer and Viterbi.

The weights are trained with PyTorch by ``scripts/train_ner_neural.py`` and shipped as
``data/ner/ner.npz`` (float16); tagging needs numpy only.  Each word's input is the
concatenation of: its folded form's and its clitic-free key's pretrained word vectors, small
learnt embeddings of shape, frequency bucket, clitic roles and word cluster, a character CNN
over its letters, trigger-word and sentence-topic flags, embeddings of its gazetteer and
knowledge-base name marks and of its distance to an organisation head, and the embedding of
the corpus whose conventions to follow.  All sentences of a document run as one batch, so
numpy's per-call cost is paid once per time step of the longest sentence, not per sentence.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from importlib.abc import Traversable
from pathlib import Path

import numpy as np
import numpy.typing as npt
from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

from marsad.stages.entities.features import Lexicons
from marsad.stages.entities.neural_features import MAX_CHARS, Featurizer, SentenceInputs, Vocabularies

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]
#: Word types whose projected inputs are kept (float16, 2 KB each at hidden size 128).
MAX_PROJECTED_WORDS = 30_000
#: Vocabulary arrays stored in the weights file, by ``Vocabularies`` field.
VOCAB_KEYS = ("words", "chars", "shapes", "zipfs", "roles", "clusters", "marks", "domains")


@lru_cache(maxsize=1)
def _blas() -> ThreadpoolController:
    """The process's BLAS libraries, found once (a scan of loaded libraries takes about 1 ms)."""
    return ThreadpoolController()


def read_vocabularies(arrays: dict[str, npt.NDArray[np.str_]]) -> Vocabularies:
    """The string tables of a weights file (``v_words``, ``v_chars``…)."""
    tables = {name: Vocabularies.table([str(s) for s in arrays[f"v_{name}"]]) for name in VOCAB_KEYS}
    triggers = tuple(str(s) for s in arrays["v_triggers"])
    return Vocabularies(triggers=triggers, **tables)


class NeuralTagger:
    """BiLSTM-CRF emissions and Viterbi decoding over numpy arrays, for one corpus's conventions."""

    def __init__(self, weights: Traversable | Path, lexicons: Lexicons, domain: str) -> None:
        with weights.open("rb") as handle, np.load(handle, allow_pickle=False) as npz:
            data = {name: npz[name] for name in npz.files}
        self.labels = tuple(str(s) for s in data["labels"])
        self.vocab = read_vocabularies({k: v for k, v in data.items() if k.startswith("v_")})
        self.features = Featurizer(lexicons, self.vocab)
        w = {k: v.astype(np.float32) for k, v in data.items()
             if not k.startswith(("v_", "labels", "notice"))}
        d = self.vocab.domains[domain]
        self.emb = {name: w[f"emb_{name}"] for name in
                    ("word", "char", "shape", "zipf", "roles", "cluster", "mark", "orghead")}
        # Convolution as one matrix product over windows of 3 letters: (3 * char_dim, filters).
        conv = w["conv_w"]  # (filters, char_dim, width), torch Conv1d layout
        self.conv_w = conv.transpose(2, 1, 0).reshape(-1, conv.shape[0])
        self.conv_b = w["conv_b"]
        self.width = conv.shape[2]
        # Gates reordered from torch's (i, f, g, o) to (i, f, o, g): the sigmoid gates side by side.
        h = w["lstm_whh_f"].shape[1]
        order = np.r_[0:2 * h, 3 * h:4 * h, 2 * h:3 * h]
        self.hidden = h
        # Both directions' input weights side by side, so one product serves both: (dim, 8H).
        w_ih = np.concatenate([w["lstm_wih_f"][order].T, w["lstm_wih_b"][order].T], axis=1)
        # Sigmoid gates (i, f, o) scaled by 1/2 so that ``_bilstm`` takes one tanh per step.
        scale = np.concatenate([np.full(3 * h, 0.5, np.float32), np.ones(h, np.float32)])
        w_ih = w_ih * np.concatenate([scale, scale])
        self.w_hh = np.stack([w["lstm_whh_f"][order].T, w["lstm_whh_b"][order].T]) * scale  # (2, H, 4H)
        self._split_input_weights(w_ih, w, d, np.concatenate([w["lstm_b_f"][order], w["lstm_b_b"][order]])
                                  * np.concatenate([scale, scale]))
        self.out_w = (w["out_w"] + w["out_dom_w"][d]).T
        self.out_b = w["out_b"] + w["out_dom_b"][d]
        self.trans = w["trans"][d]
        self.start = w["start"][d]
        self.end = w["end"][d]
        self._rows: dict[str, int] = {}
        self._table: npt.NDArray[np.float16] | None = None
        # The API serves requests on several threads: the cache's rows are claimed and read
        # under one lock, so two threads never write the same row or read a cleared one.
        self._lock = threading.Lock()

    def _split_input_weights(self, w_ih: FloatArray, w: dict[str, FloatArray], domain: int,
                             bias: FloatArray) -> None:
        """Cut the LSTM input weights into the rows each input feeds.

        A word's own inputs (vectors, shape, letters, triggers...) are projected once per word
        type and cached (``_static``); the sentence-dependent ones are small tables whose rows
        are projected here once: the input product per word becomes a few row look-ups.
        """
        e = self.emb
        sizes = [e["word"].shape[1], e["word"].shape[1], e["shape"].shape[1], e["zipf"].shape[1],
                 e["roles"].shape[1], e["cluster"].shape[1], self.conv_w.shape[1],
                 len(self.vocab.triggers), len(self.features.topics), e["mark"].shape[1],
                 e["mark"].shape[1], e["orghead"].shape[1], w["emb_domain"].shape[1]]
        cuts = np.cumsum([0, *sizes])
        rows = [w_ih[cuts[i]:cuts[i + 1]] for i in range(len(sizes))]
        self.w_static = w_ih[:cuts[8]]
        self.w_topic = rows[8]
        gaz, kb, orghead = e["mark"] @ rows[9], e["mark"] @ rows[10], e["orghead"] @ rows[11]
        bias = bias + w["emb_domain"][domain] @ rows[12]
        # Every (gazetteer mark, knowledge-base mark, head distance) triple's share, bias
        # included, in one table (about 3,000 rows): one look-up per word instead of four sums.
        self.context_shape = (len(gaz), len(kb), len(orghead))
        self.context_table = (gaz[:, None, None] + kb[None, :, None] + orghead[None, None, :]
                              + bias).reshape(-1, gaz.shape[1])

    def _static(self, words: Sequence[str]) -> FloatArray:
        """Each word's own inputs projected through the LSTM input weights, cached per word type."""
        with self._lock:
            return self._static_locked(words)

    def _static_locked(self, words: Sequence[str]) -> FloatArray:
        rows = self._rows
        missing = list(dict.fromkeys(w for w in words if w not in rows))
        if missing:
            if len(rows) + len(missing) > MAX_PROJECTED_WORDS:
                rows.clear()  # a long-running worker must not grow without bound
                missing = list(dict.fromkeys(words))
            if self._table is None:  # pages are only touched as rows are written
                self._table = np.empty((MAX_PROJECTED_WORDS, self.w_static.shape[1]), np.float16)
            inputs = self.features.words(missing)
            ids, e = inputs.ids, self.emb
            x = np.concatenate([e["word"][ids[:, 0]], e["word"][ids[:, 1]], e["shape"][ids[:, 2]],
                                e["zipf"][ids[:, 3]], e["roles"][ids[:, 4]], e["cluster"][ids[:, 5]],
                                self._char_cnn(inputs.chars), inputs.triggers], axis=1)
            first = len(rows)
            self._table[first:first + len(missing)] = x @ self.w_static
            rows.update(zip(missing, range(first, first + len(missing)), strict=True))
        assert self._table is not None
        return self._table[[rows[w] for w in words]].astype(np.float32)

    def _projection(self, sents: Sequence[SentenceInputs], words: Sequence[str]) -> FloatArray:
        """The LSTM input product ``x @ W_ih + b`` of every word of ``sents``: ``(words, 8H)``."""
        context = np.concatenate([s.context for s in sents])
        out = self._static(words)
        out += self.context_table[np.ravel_multi_index(context.T, self.context_shape)]
        # A sentence's topics feed each of its words; most sentences have none.
        start = 0
        for sent in sents:
            end = start + len(sent.context)
            if sent.topics.any():
                out[start:end] += sent.topics @ self.w_topic
            start = end
        return out

    def _char_cnn(self, chars: IntArray) -> FloatArray:
        """Max over positions of a ReLU convolution (width 3, zero padding) over letter vectors."""
        x = self.emb["char"][chars]  # (n, MAX_CHARS, char_dim)
        pad = self.width // 2
        x = np.pad(x, ((0, 0), (pad, pad), (0, 0)))
        windows = np.concatenate([x[:, i:i + MAX_CHARS] for i in range(self.width)], axis=2)
        conv = windows @ self.conv_w + self.conv_b
        out: FloatArray = np.maximum(conv.max(axis=1), 0.0)  # ReLU commutes with max
        return out

    def _bilstm(self, proj: FloatArray, lengths: Sequence[int]) -> FloatArray:
        """BiLSTM states ``(words, 2H)`` from the input products of sentences of ``lengths``.

        Sentences run longest first, so at step t the ones still running are a prefix of the
        batch; each step reads and writes only their words (no padded copies: a document's
        longest sentence is often several times its average one).
        """
        h = self.hidden
        lens = np.array(lengths)
        order = np.argsort(-lens, kind="stable")
        lens = lens[order]
        starts = np.cumsum([0, *lengths[:-1]])[order]
        steps = np.arange(int(lens[0]))[:, None]
        running = (lens[None, :] > steps).sum(axis=1)
        # Forward reads word t of each running sentence at step t, backward word len-1-t.
        fwd_at = starts[None, :] + steps
        bwd_at = (starts + lens - 1)[None, :] - steps
        fwd_in, bwd_in = proj[:, :4 * h], proj[:, 4 * h:]
        out = np.empty((len(proj), 2 * h), dtype=np.float32)
        fwd_out, bwd_out = out[:, :h], out[:, h:]
        state = np.zeros((2, len(lens), h), dtype=np.float32)
        cell = np.zeros((2, len(lens), h), dtype=np.float32)
        for t, b in enumerate(running):
            fwd, bwd = fwd_at[t, :b], bwd_at[t, :b]
            g = state[:, :b] @ self.w_hh
            g[0] += fwd_in[fwd]
            g[1] += bwd_in[bwd]
            # Gate columns i, f, o were pre-scaled by 1/2: sigmoid(z) = (tanh(z/2) + 1) / 2,
            # so one tanh serves all four gates.
            np.tanh(g, out=g)
            sig = g[..., :3 * h] * 0.5 + 0.5
            c = cell[:, :b]
            c *= sig[..., h:2 * h]
            c += sig[..., :h] * g[..., 3 * h:]
            new = state[:, :b]
            np.multiply(sig[..., 2 * h:], np.tanh(c), out=new)
            fwd_out[fwd] = new[0]
            bwd_out[bwd] = new[1]
        return out

    def _viterbi(self, scores: FloatArray, lengths: Sequence[int]) -> list[list[int]]:
        """Best label index sequence of each sentence under the learnt transition scores."""
        n_sent, longest, k = len(lengths), max(lengths), len(self.labels)
        offsets = np.cumsum([0, *lengths[:-1]])
        lens = np.array(lengths)
        idx = np.minimum(offsets[:, None] + np.arange(longest)[None, :], len(scores) - 1)
        em = scores[idx]  # (B, T, K); rows past a sentence's end are ignored below
        best = self.start + em[:, 0]
        back = np.zeros((n_sent, longest, k), dtype=np.int64)
        live = np.arange(longest)[None, :] < lens[:, None]
        for t in range(1, longest):
            cand = best[:, :, None] + self.trans[None]  # (B, from, to)
            back[:, t] = cand.argmax(axis=1)
            nxt = cand.max(axis=1) + em[:, t]
            best = np.where(live[:, t, None], nxt, best)
        last = (best + self.end).argmax(axis=1)
        paths: list[list[int]] = []
        for b in range(n_sent):
            label = int(last[b])
            path = [label]
            row = back[b]
            for t in range(lengths[b] - 1, 0, -1):
                label = int(row[t, label])
                path.append(label)
            paths.append(path[::-1])
        return paths

    def tag_batch(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels for each sentence of words (empty sentences get empty lists)."""
        keep = [i for i, s in enumerate(sentences) if s]
        out: list[list[str]] = [[] for _ in sentences]
        if not keep:
            return out
        inputs = [self.features.sentence(sentences[i]) for i in keep]
        lengths = [len(sentences[i]) for i in keep]
        # One BLAS thread: the products are small, and a second thread on a busy machine spent
        # more CPU waiting than working (bench/ner_eval.py --news 1000: 3,583 tokens/s with two).
        with _blas().limit(limits=1, user_api="blas"):
            proj = self._projection(inputs, [w for i in keep for w in sentences[i]])
            scores = self._bilstm(proj, lengths) @ self.out_w + self.out_b
            paths = self._viterbi(scores, lengths)
        for i, path in zip(keep, paths, strict=True):
            out[i] = [self.labels[j] for j in path]
        return out
