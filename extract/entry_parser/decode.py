"""Sequence decoding for the tagger: the best BIO path under tag-bigram transitions.

The tagger scores each token on its own, so its argmax can break a title in two or start a
field with I-. Viterbi over log-softmax scores plus log transition probabilities (estimated
from the training tags, saved next to the model as transitions.json) gives CRF-like coherent
spans; invalid moves (O -> I-TITLE) are forbidden outright. Vectorised over a whole batch.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Sequence

import numpy

FORBIDDEN = -1e4
TRANSITIONS_FILE = "transitions.json"


def valid(prev: str, tag: str) -> bool:
    """BIO: I-X only continues B-X or I-X."""
    if not tag.startswith("I-"):
        return True
    return prev in (f"B-{tag[2:]}", tag)


def estimate(tag_sequences: Iterable[Sequence[str]], labels: Sequence[str], smoothing: float = 1.0) -> dict:
    """Log transition and start probabilities from training tag sequences."""
    index = {t: i for i, t in enumerate(labels)}
    n = len(labels)
    counts = numpy.full((n, n), smoothing)
    starts = numpy.full(n, smoothing)
    for tags in tag_sequences:
        ids = [index[t] for t in tags if t in index]
        if not ids:
            continue
        starts[ids[0]] += 1
        for a, b in zip(ids, ids[1:]):
            counts[a, b] += 1
    trans = numpy.log(counts / counts.sum(axis=1, keepdims=True))
    start = numpy.log(starts / starts.sum())
    for i, a in enumerate(labels):
        for j, b in enumerate(labels):
            if not valid(a, b):
                trans[i, j] = FORBIDDEN
        if b_is_inside(a):
            start[i] = FORBIDDEN
    return {"labels": list(labels), "transitions": trans.round(4).tolist(), "start": start.round(4).tolist()}


def b_is_inside(tag: str) -> bool:
    return tag.startswith("I-")


def save(model: dict, model_dir: Path) -> None:
    (model_dir / TRANSITIONS_FILE).write_text(json.dumps(model, indent=1))


class Decoder:
    def __init__(self, labels: Sequence[str], transitions: numpy.ndarray, start: numpy.ndarray, weight: float = 1.0):
        self.labels = list(labels)
        self.trans = transitions * weight
        self.trans[transitions <= FORBIDDEN] = FORBIDDEN  # forbidden stays forbidden at any weight
        self.start = start * weight
        self.start[start <= FORBIDDEN] = FORBIDDEN
        # with no bigram weights the best path is the per-token argmax whenever that path breaks
        # no BIO rule, which it does for most entries: those skip the Viterbi pass
        self.constraints_only = bool(numpy.isin(self.trans, (0.0, FORBIDDEN)).all()
                                     and numpy.isin(self.start, (0.0, FORBIDDEN)).all())
        self.allowed = self.trans > FORBIDDEN
        self.may_start = self.start > FORBIDDEN

    @classmethod
    def load(cls, model_dir: Path, labels: Sequence[str], weight: float = 1.0) -> "Decoder":
        path = model_dir / TRANSITIONS_FILE
        n = len(labels)
        if path.exists():
            data = json.loads(path.read_text())
            order = [data["labels"].index(l) for l in labels]
            trans = numpy.asarray(data["transitions"])[numpy.ix_(order, order)]
            start = numpy.asarray(data["start"])[order]
        else:  # constraints only
            trans, start = numpy.zeros((n, n)), numpy.zeros(n)
            for i, a in enumerate(labels):
                start[i] = FORBIDDEN if b_is_inside(a) else 0.0
                for j, b in enumerate(labels):
                    trans[i, j] = 0.0 if valid(a, b) else FORBIDDEN
        return cls(labels, trans, start, weight)

    def decode(self, scores: list[numpy.ndarray], chunk: int = 32) -> list[tuple[list[int], list[float]]]:
        """Best tag ids and per-token probabilities for each doc's (n_tokens, n_labels) scores.
        Docs are decoded in chunks of similar length, so short entries do not pay for the
        padding of the longest one."""
        out: list = [None] * len(scores)
        rest = []
        for i, s in enumerate(scores):
            fast = self._argmax_path(s) if self.constraints_only else None
            if fast is None:
                rest.append(i)
            else:
                out[i] = fast
        order = sorted(rest, key=lambda i: len(scores[i]))
        for start in range(0, len(order), chunk):
            ids = order[start : start + chunk]
            for i, result in zip(ids, self._decode([scores[i] for i in ids])):
                out[i] = result
        return out

    def _argmax_path(self, scores: numpy.ndarray):
        """(path, probabilities) of the per-token argmax, or None when that path is not valid."""
        if not len(scores):
            return [], []
        s = numpy.asarray(scores, dtype="float64")
        s = s - s.max(axis=1, keepdims=True)
        p = numpy.exp(s)
        p /= p.sum(axis=1, keepdims=True)
        # argmax of the log-probabilities Viterbi adds up (p + 1e-12, as _decode), so ties break alike
        path = numpy.log(p + 1e-12).argmax(axis=1)
        if not self.may_start[path[0]] or not self.allowed[path[:-1], path[1:]].all():
            return None
        return path.tolist(), p[numpy.arange(len(path)), path].tolist()

    def _decode(self, scores: list[numpy.ndarray]) -> list[tuple[list[int], list[float]]]:
        if not scores:
            return []
        lengths = [len(s) for s in scores]
        batch, longest, n = len(scores), max(lengths), len(self.labels)
        logp = numpy.zeros((batch, longest, n))
        probs_out = []
        for b, s in enumerate(scores):
            s = numpy.asarray(s, dtype="float64")
            s = s - s.max(axis=1, keepdims=True)
            p = numpy.exp(s)
            p /= p.sum(axis=1, keepdims=True)
            probs_out.append(p)
            logp[b, : len(s)] = numpy.log(p + 1e-12)
        lengths_arr = numpy.asarray(lengths)
        best = self.start[None, :] + logp[:, 0]
        back = numpy.zeros((batch, longest, n), dtype="int64")
        identity = numpy.arange(n)
        for t in range(1, longest):
            cand = best[:, :, None] + self.trans[None, :, :]  # (batch, prev, cur)
            arg = cand.argmax(axis=1)
            step = numpy.take_along_axis(cand, arg[:, None, :], axis=1)[:, 0, :] + logp[:, t]
            active = (t < lengths_arr)[:, None]
            best = numpy.where(active, step, best)
            back[:, t] = numpy.where(active, arg, identity[None, :])
        out = []
        for b, length in enumerate(lengths):
            if length == 0:
                out.append(([], []))
                continue
            tag = int(best[b].argmax())
            path = [tag]
            for t in range(length - 1, 0, -1):
                tag = int(back[b, t, tag])
                path.append(tag)
            path.reverse()
            p = probs_out[b]
            out.append((path, [float(p[i, k]) for i, k in enumerate(path)]))
        return out
