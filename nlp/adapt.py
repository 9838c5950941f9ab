"""The per-project layer: a small model on top of the shipped text model (``nlp.model``), taught
by the project's label corrections. Pure numpy / scipy / scikit-learn: no SQL, no Qt.

For each label ``t`` and verbatim ``i`` the layer's logits are

    z_i = o_i + W·φ_i + b

- ``o_i``: the shipped model's calibrated logits, read back from its stored probabilities
  (``log p`` per class for polarity and stage, ``logit p`` for churn and advocacy) — the offset,
  so the shipped model is never re-run;
- ``φ_i``: project features built from what the analysis stored: a hashed bag of the content
  words' normalised forms (sublinear tf × the project's idf, rows L2-normalised), and
  optionally the dense meaning vector (``nlp.topics.embed_docs`` over
  the same words), centred on the project's mean (a direction every answer shares would
  otherwise move every label at once) and times ``DENSE_WEIGHT``;
- ``W``, ``b``: fitted on the corrected verbatims by L-BFGS, minimising the summed
  cross-entropy (multinomial for polarity / stage, binary for churn / advocacy) plus
  ``λ/2·‖W‖² + λ_b/2·‖b‖²``; ``λ_b`` is large, since the corrections a person makes are no
  random sample of the project (a shift of every answer needs many of them). With no or few
  corrections the penalty keeps ``W = 0, b = 0``: exactly the shipped model. ``λ`` is
  ``DEFAULT_LAMBDA`` (chosen in ``bench/eval_adapt.py``'s simulations; with the loss summed over
  the corrections, more corrections weigh more against it). Choosing ``λ`` per label by
  cross-validation on the corrections (``lam=None``) scored no better there and costs ~5× the time.

Churn and advocacy keep the shipped model's thresholds; stage is 'advocacy' exactly when
advocacy is flagged (the labelling policy), as ``TextModel.decide`` does.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

TARGETS = ("polarity", "churn", "advocacy", "stage")
BINARY = ("churn", "advocacy")
N_FEATURES = 2 ** 18
DENSE_WEIGHT = 0.5
DEFAULT_LAMBDA = 0.03
LAMBDAS = (0.01, 0.03, 0.1, 0.3, 1.0)
OFFSET_CLIP = 5.0   # |logit| at most this: a correction can move an answer the model was sure of
LAMBDA_BIAS = 10.0
MIN_FOR_CV = 30     # corrections of a label before λ is chosen by cross-validation
CV_FOLDS = 5
_EPS = 1e-4


# --- features -------------------------------------------------------------------------------

def _hash_column(term: str) -> int:
    from sklearn.utils import murmurhash3_32

    return murmurhash3_32("w:" + term, seed=0, positive=True) % N_FEATURES


class _Words:
    """One pass over the stored tokens: each distinct (surface, normalised form) gets an id; the
    rows of a CSR (verbatim × id) count them. Hashing, the idf and the meaning vectors then work
    on the few thousand distinct words, not on the millions of tokens."""

    def __init__(self, token_lists: Iterable[Sequence[Sequence[str]]]) -> None:
        ids: dict[str, int] = {}
        self.words: list[tuple[str, str]] = []
        idx: list[int] = []
        indptr = [0]
        for toks in token_lists:
            for t in toks:
                if len(t) < 2:
                    continue
                norm = t[1]
                if " " in norm or "\u3000" in norm:
                    norm = "".join(norm.split())
                if not norm:
                    continue
                key = f"{t[0]}\x1f{norm}"
                j = ids.get(key)
                if j is None:
                    j = ids[key] = len(self.words)
                    self.words.append((str(t[0]), norm))
                idx.append(j)
            indptr.append(len(idx))
        self.idx = np.array(idx, dtype=np.int64)
        self.indptr = np.array(indptr, dtype=np.int64)

    @property
    def n(self) -> int:
        return len(self.indptr) - 1

    def counts(self, columns: np.ndarray, width: int):
        """(verbatims, width) CSR counting each verbatim's words mapped to ``columns``."""
        from scipy.sparse import csr_matrix

        x = csr_matrix((np.ones(len(self.idx), dtype=np.float32), columns[self.idx] if len(self.idx) else self.idx,
                        self.indptr), shape=(self.n, width))
        x.sum_duplicates()
        return x


def term_counts(token_lists: Iterable[Sequence[Sequence[str]]]):
    """Hashed counts of the content words' normalised forms per verbatim (CSR, ``N_FEATURES``
    columns; the column of a word is murmurhash3 of ``w:NORM``). Adjacent pairs of words were
    tried as terms too: each is nearly unique to its answer, dilutes the shared words and scored
    lower in ``bench/eval_adapt.py``'s simulations."""
    return _term_counts(_Words(token_lists))


def _term_counts(w: _Words):
    cols = np.array([_hash_column(norm) for _, norm in w.words], dtype=np.int64)
    return w.counts(cols, N_FEATURES)


def idf_of(counts) -> np.ndarray:
    """Smoothed idf over the rows of ``counts`` (as sklearn's TfidfTransformer)."""
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    return (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)


def weighted(counts, idf: np.ndarray):
    """Sublinear tf × idf, rows L2-normalised (float32 CSR)."""
    x = counts.astype(np.float32, copy=True)
    x.data = (1.0 + np.log(x.data)) * idf[x.indices]
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    x.data /= np.repeat(norms, np.diff(x.indptr)).astype(np.float32)
    return x


def dense_vectors(token_lists: Sequence[Sequence[Sequence[str]]]) -> np.ndarray:
    """The meaning vector of each verbatim from its stored content words (unit rows; all zero
    without known words); an (n, 0) array when the word-vector table is not available."""
    return _dense(_Words(token_lists))


def _dense(w: _Words) -> np.ndarray:
    """``nlp.topics.embed_docs`` over the verbatims' words, computed per distinct word: the
    SIF-weighted sum of the table rows of each word (or of its known parts) is a sparse
    (words × table rows) matrix, and every verbatim's vector is its word counts times it,
    normalised — the same vectors, without a Python loop over every token."""
    try:
        from scipy.sparse import csr_matrix

        from nlp.topics import _part_rows, _row, _vectors

        vec = _vectors()
    except (ImportError, OSError):
        return np.zeros((w.n, 0), dtype=np.float32)
    r_idx, r_ptr = [], [0]
    for surface, norm in w.words:
        r = _row(vec, norm, surface)
        r_idx.extend((r,) if r is not None else _part_rows(surface))
        r_ptr.append(len(r_idx))
    r_idx_a = np.array(r_idx, dtype=np.int64)
    m = csr_matrix((vec.weight[r_idx_a].astype(np.float32), r_idx_a, np.array(r_ptr, dtype=np.int64)),
                   shape=(len(w.words), vec.table.shape[0]))
    per_word = np.asarray(m @ vec.table, dtype=np.float32)             # (words, dim)
    x = np.asarray(w.counts(np.arange(len(w.words), dtype=np.int64), len(w.words)) @ per_word, dtype=np.float32)
    n = np.linalg.norm(x, axis=1, keepdims=True)
    np.divide(x, n, out=x, where=n > 0)
    return x


@dataclass
class Features:
    """The project features of a set of verbatims (rows in the caller's order)."""

    x: object                 # CSR (n, N_FEATURES), tf-idf weighted, unit rows
    dense: np.ndarray         # (n, d) meaning vectors centred on the project's mean, or (n, 0)

    @property
    def n(self) -> int:
        return self.x.shape[0]

    def take(self, rows: np.ndarray) -> Features:
        return Features(self.x[rows], self.dense[rows])


def build_features(token_lists: Iterable[Sequence[Sequence[str]]], *, dense: bool = True) -> Features:
    """Project features of verbatims from their stored content words ([surface, normalized,
    pos] each)."""
    w = _Words(token_lists)
    counts = _term_counts(w)
    x = weighted(counts, idf_of(counts))
    d = _dense(w) if dense else np.zeros((w.n, 0), dtype=np.float32)
    known = np.abs(d).sum(axis=1) > 0 if d.shape[1] else np.zeros(0, dtype=bool)
    if known.any():  # centred: what every answer shares moves no label
        d[known] -= d[known].mean(axis=0)
    return Features(x, d)


def similarity_rows(f: Features, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Similarity between rows ``a`` and rows ``b`` (dense (len(a), len(b))): the cosine of the
    word features, averaged with the cosine of the (centred) meaning vectors when there are any."""
    s = np.asarray((f.x[a] @ f.x[b].T).todense(), dtype=np.float32)
    if f.dense.shape[1]:
        da, db = f.dense[a], f.dense[b]
        na = np.linalg.norm(da, axis=1, keepdims=True)
        nb = np.linalg.norm(db, axis=1, keepdims=True)
        s = (s + (da / np.where(na > 0, na, 1.0)) @ (db / np.where(nb > 0, nb, 1.0)).T) / 2.0
    return s


# --- offsets from the shipped model's stored probabilities ------------------------------------

def classes_of(probabilities: Iterable[dict]) -> dict[str, list[str]]:
    """The class names of each multinomial label found in stored probability dicts."""
    out: dict[str, set[str]] = {"polarity": set(), "stage": set()}
    for p in probabilities:
        for k in p:
            t, _, c = k.partition("_")
            if t in out and c:
                out[t].add(c)
        if all(out.values()):
            break
    return {t: sorted(v) for t, v in out.items()}


def offsets(probabilities: Sequence[dict], classes: dict[str, list[str]], *, clip: bool = True) -> dict[str, np.ndarray]:
    """The shipped model's logits per label: (n, classes) log-probabilities for polarity and
    stage, (n,) log-odds for churn and advocacy (rows without stored probabilities: uniform),
    clipped at ``OFFSET_CLIP``: the shipped model's near-certainties (p < 0.007) would otherwise
    take dozens of corrections to move. Clipping keeps every shipped label (the most probable
    class stays the most probable; the churn / advocacy thresholds lie well inside the clip)."""
    n = len(probabilities)
    out: dict[str, np.ndarray] = {}
    for t in ("polarity", "stage"):
        cl = classes[t]
        p = np.full((n, len(cl)), 1.0 / max(len(cl), 1), dtype=np.float64)
        for i, d in enumerate(probabilities):
            if d:
                p[i] = [d.get(f"{t}_{c}", 0.0) for c in cl]
        p = np.clip(p, _EPS, 1.0)
        out[t] = np.log(p / p.sum(axis=1, keepdims=True))
        if clip:
            out[t] = np.maximum(out[t], -OFFSET_CLIP)
    for t in BINARY:
        p = np.array([d.get(t, 0.5) if d else 0.5 for d in probabilities], dtype=np.float64)
        p = np.clip(p, _EPS, 1.0 - _EPS)
        out[t] = np.log(p) - np.log1p(-p)
        if clip:
            out[t] = np.clip(out[t], -OFFSET_CLIP, OFFSET_CLIP)
    return out


# --- the layer ------------------------------------------------------------------------------

def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))


@dataclass
class Head:
    """One label's layer: weights over the columns ``cols`` of the hashed features (the columns
    seen in the corrected verbatims), over the dense vector, and a bias."""

    target: str
    classes: list[str]        # multinomial: class names; binary: ['0', '1']
    cols: np.ndarray          # int64 hashed columns
    w: np.ndarray             # (len(cols), K) or (len(cols),) for binary
    wd: np.ndarray            # (d, K) or (d,)
    b: np.ndarray             # (K,) or ()
    lam: float = DEFAULT_LAMBDA
    threshold: float = 0.5    # binary: P(1) at or above it flags
    n: int = 0                # corrections it was fitted on

    @property
    def binary(self) -> bool:
        return self.target in BINARY

    def logits(self, f: Features, off: np.ndarray, dense_weight: float) -> np.ndarray:
        z = off
        if len(self.cols):
            if self.binary:
                full = np.zeros(f.x.shape[1], dtype=np.float64)
                full[self.cols] = self.w
                z = z + f.x @ full
            else:
                full = np.zeros((f.x.shape[1], len(self.classes)), dtype=np.float64)
                full[self.cols] = self.w
                z = z + np.asarray(f.x @ full)
        if f.dense.shape[1] and self.wd.size:
            z = z + dense_weight * (f.dense @ self.wd)
        return z + self.b

    def proba(self, f: Features, off: np.ndarray, dense_weight: float) -> np.ndarray:
        """Multinomial: (n, K) probabilities; binary: (n,) P(1)."""
        z = self.logits(f, off, dense_weight)
        return _sigmoid(z) if self.binary else _softmax(z)


def _fit_head(target: str, classes: list[str], f: Features, off: np.ndarray, y: np.ndarray, lam: float,
              dense_weight: float, threshold: float) -> Head:
    """Fit one head on the corrected rows (``f``, ``off`` and ``y`` are those rows only; ``y``:
    class indices, or 0/1 for a binary label): L-BFGS over the weights of the hashed columns
    present in these rows (the others stay 0 under the L2 penalty), the dense weights and the
    bias. (The n-dimensional dual form gives the same optimum and was slower at 200 corrections.)"""
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix, hstack

    binary = target in BINARY
    k = 1 if binary else len(classes)
    x = f.x.tocsc()
    cols = np.flatnonzero(np.diff(x.indptr))
    xs = x[:, cols].tocsr().astype(np.float64)
    e = f.dense.astype(np.float64) * dense_weight
    design = hstack([xs, csr_matrix(e)]).tocsr() if e.shape[1] else xs
    n, m = len(y), design.shape[1]
    onehot = None if binary else np.eye(k)[y]
    off2 = off[:, None] if binary else off

    def loss(theta):
        v, b = theta[:m * k].reshape(m, k), theta[m * k:]
        z = off2 + design @ v + b
        if binary:
            z = z[:, 0]
            nll = np.sum(np.logaddexp(0.0, z) - y * z)  # log(1 + e^z) − y·z, stable
            g = (_sigmoid(z) - y)[:, None]
        else:
            zmax = z.max(axis=1, keepdims=True)
            lse = zmax[:, 0] + np.log(np.exp(z - zmax).sum(axis=1))
            nll = np.sum(lse - z[np.arange(n), y])
            g = _softmax(z) - onehot
        reg = 0.5 * lam * np.sum(v * v) + 0.5 * LAMBDA_BIAS * np.sum(b * b)
        grad = np.concatenate([np.asarray(design.T @ g + lam * v).ravel(), g.sum(axis=0) + LAMBDA_BIAS * b])
        return nll + reg, grad

    res = minimize(loss, np.zeros((m + 1) * k), jac=True, method="L-BFGS-B", options={"maxiter": 1000})
    v, b = res.x[:m * k].reshape(m, k), res.x[m * k:]
    w, wd = v[:len(cols)], v[len(cols):]
    if binary:
        w, wd, b = w[:, 0], wd[:, 0], b[0]
    return Head(target, classes, cols.astype(np.int64), w, wd, np.asarray(b), lam, threshold, n)


@dataclass
class Layer:
    """The fitted heads (labels without corrections have none: the shipped model stands)."""

    heads: dict[str, Head]
    classes: dict[str, list[str]]
    thresholds: dict[str, float]
    dense_weight: float = DENSE_WEIGHT
    info: dict = field(default_factory=dict)

    def proba(self, f: Features, offs: dict[str, np.ndarray],
              shipped: dict[str, np.ndarray] | None = None) -> dict[str, np.ndarray]:
        """Probabilities per label: (n, K) for polarity / stage, (n,) P(1) for churn / advocacy. A
        label without a head keeps the shipped model's (from ``shipped``: unclipped offsets,
        when given)."""
        out = {}
        for t in TARGETS:
            h = self.heads.get(t)
            base = (shipped or offs)[t]
            if h is not None:
                out[t] = h.proba(f, offs[t], self.dense_weight)
            elif t in BINARY:
                out[t] = _sigmoid(base)
            else:
                out[t] = _softmax(base)
        return out

    # --- bytes (a blob in the project; plain arrays, no pickle) -------------------------------
    def to_bytes(self) -> bytes:
        arrays: dict[str, np.ndarray] = {}
        meta = {"classes": self.classes, "thresholds": self.thresholds, "dense_weight": self.dense_weight,
                "info": self.info, "heads": {}}
        for t, h in self.heads.items():
            arrays[f"{t}_cols"], arrays[f"{t}_w"] = h.cols, h.w.astype(np.float32)
            arrays[f"{t}_wd"], arrays[f"{t}_b"] = h.wd.astype(np.float32), np.asarray(h.b, dtype=np.float32)
            meta["heads"][t] = {"classes": h.classes, "lam": h.lam, "threshold": h.threshold, "n": h.n}
        arrays["meta"] = np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)
        buf = io.BytesIO()
        np.savez_compressed(buf, **arrays)
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, blob: bytes) -> Layer:
        with np.load(io.BytesIO(blob), allow_pickle=False) as z:
            meta = json.loads(bytes(z["meta"]).decode("utf-8"))
            heads = {t: Head(t, h["classes"], z[f"{t}_cols"], z[f"{t}_w"].astype(np.float64),
                             z[f"{t}_wd"].astype(np.float64), z[f"{t}_b"].astype(np.float64), h["lam"],
                             h["threshold"], h["n"]) for t, h in meta["heads"].items()}
        return cls(heads, meta["classes"], meta["thresholds"], meta["dense_weight"], meta["info"])


def _targets_of(labels: dict[str, tuple[np.ndarray, list[str]]], classes: dict[str, list[str]]):
    """(rows, y as indices / 0-1) per label, leaving out values the label's classes lack."""
    out = {}
    for t, (rows, values) in labels.items():
        cl = ["0", "1"] if t in BINARY else classes[t]
        keep = [k for k, v in enumerate(values) if v in cl]
        if keep:
            out[t] = (np.asarray(rows)[keep], np.array([cl.index(values[k]) for k in keep], dtype=np.int64))
    return out


def fit(f: Features, offs: dict[str, np.ndarray], labels: dict[str, tuple[np.ndarray, list[str]]],
        classes: dict[str, list[str]], thresholds: dict[str, float], *,
        lam: float | dict[str, float] | None = DEFAULT_LAMBDA, dense_weight: float = DENSE_WEIGHT) -> Layer:
    """The layer fitted on ``labels``: per label, (row indices into ``f``, corrected values).
    ``lam``: the penalty (or one per label); None: chosen by cross-validation per label
    (``choose_lambda``) once it has ``MIN_FOR_CV`` corrections."""
    heads = {}
    chosen = {}
    for t, (rows, y) in _targets_of(labels, classes).items():
        cl = ["0", "1"] if t in BINARY else classes[t]
        if isinstance(lam, dict):
            lt = lam.get(t, DEFAULT_LAMBDA)
        elif lam is not None:
            lt = lam
        else:
            lt = choose_lambda(t, cl, f.take(rows), offs[t][rows], y, dense_weight, thresholds.get(t, 0.5))
        chosen[t] = lt
        heads[t] = _fit_head(t, cl, f.take(rows), offs[t][rows], y, lt, dense_weight, thresholds.get(t, 0.5))
    return Layer(heads, classes, dict(thresholds), dense_weight, {"lambda": chosen})


def _folds(n: int, k: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).permutation(n) % k


def choose_lambda(target: str, classes: list[str], f: Features, off: np.ndarray, y: np.ndarray,
                  dense_weight: float, threshold: float) -> float:
    """The penalty with the lowest cross-validated log-loss on this label's corrections
    (``DEFAULT_LAMBDA`` below ``MIN_FOR_CV`` corrections or with a single class)."""
    n = len(y)
    if n < MIN_FOR_CV or len(np.unique(y)) < 2:
        return DEFAULT_LAMBDA
    folds = _folds(n, CV_FOLDS)
    best, best_lam = np.inf, DEFAULT_LAMBDA
    for lam in LAMBDAS:
        nll = 0.0
        for k in range(CV_FOLDS):
            te, tr = np.flatnonzero(folds == k), np.flatnonzero(folds != k)
            h = _fit_head(target, classes, f.take(tr), off[tr], y[tr], lam, dense_weight, threshold)
            p = h.proba(f.take(te), off[te], dense_weight)
            py = np.where(y[te] == 1, p, 1.0 - p) if target in BINARY else p[np.arange(len(te)), y[te]]
            nll -= float(np.sum(np.log(np.clip(py, 1e-9, None))))
        if nll < best - 1e-9:
            best, best_lam = nll, lam
    return best_lam


# --- deciding -------------------------------------------------------------------------------

def decide(probs: dict[str, np.ndarray], classes: dict[str, list[str]], thresholds: dict[str, float]) -> dict[str, list]:
    """Labels from probabilities as ``TextModel.decide`` sets them: polarity the most probable
    class, churn / advocacy at or above the threshold, stage 'advocacy' exactly when advocacy is
    flagged, else the most probable other stage."""
    pc, sc = classes["polarity"], classes["stage"]
    pol = [pc[i] for i in probs["polarity"].argmax(axis=1)]
    churn = (probs["churn"] >= thresholds.get("churn", 0.5)).astype(int).tolist()
    adv = (probs["advocacy"] >= thresholds.get("advocacy", 0.5)).astype(int).tolist()
    ps = probs["stage"].copy()
    if "advocacy" in sc:
        ps[:, sc.index("advocacy")] = -1.0
    stage = ["advocacy" if a else sc[i] for a, i in zip(adv, ps.argmax(axis=1), strict=True)]
    return {"polarity": pol, "churn": churn, "advocacy": adv, "stage": stage}


def as_dicts(probs: dict[str, np.ndarray], classes: dict[str, list[str]]) -> list[dict[str, float]]:
    """Per row, probabilities in the stored form (``polarity_<c>``, ``stage_<c>``, ``churn``,
    ``advocacy``; 4 decimals)."""
    n = len(probs["churn"])
    cols: list[tuple[str, np.ndarray]] = []
    for t in ("polarity", "stage"):
        cols += [(f"{t}_{c}", np.round(probs[t][:, k], 4)) for k, c in enumerate(classes[t])]
    cols += [(t, np.round(probs[t], 4)) for t in BINARY]
    lists = [(k, v.tolist()) for k, v in cols]
    return [{k: v[i] for k, v in lists} for i in range(n)]


def settle(machine: dict, person: dict[str, str], classes_stage: Sequence[str] = ()) -> dict:
    """Final labels of one verbatim: the machine's labels (``machine``: polarity, churn,
    advocacy, stage, probabilities, churn_type, advocacy_type, score) with a person's corrections
    (``person``: target → value) on top; the stage policy ties advocacy and stage unless the
    person set both. Returns the stored fields (labels, score, the probability of each final
    label, the final probability dict: the machine's with corrected labels as certainties)."""
    probs = dict(machine.get("probabilities") or {})
    pol, stage = machine["polarity"], machine["stage"]
    churn, adv = int(machine["churn"]), int(machine["advocacy"])
    if "polarity" in person:
        pol = person["polarity"]
    if "churn" in person:
        churn = int(person["churn"])
    if "advocacy" in person:
        adv = int(person["advocacy"])
    if "stage" in person:
        stage = person["stage"]
        if "advocacy" not in person:
            adv = int(stage == "advocacy")
    elif "advocacy" in person:
        if adv:
            stage = "advocacy"
        elif stage == "advocacy":
            others = [(probs.get(f"stage_{c}", 0.0), c) for c in classes_stage if c != "advocacy"]
            stage = max(others)[1] if others else "none"
    if probs:
        for t, v in (("polarity", pol), ("stage", stage)):
            if t in person:
                for k in [k for k in probs if k.startswith(t + "_")]:
                    probs[k] = 1.0 if k == f"{t}_{v}" else 0.0
        for t, v in (("churn", churn), ("advocacy", adv)):
            if t in person or (t == "advocacy" and "stage" in person):
                probs[t] = float(v)
    score = machine.get("score", 0.0)
    if probs and "polarity_delight" in probs:
        score = round(probs.get("polarity_delight", 0.0) - probs.get("polarity_pain", 0.0), 4)

    def p_of(t, v):
        if not probs:
            return None
        return probs.get(t) if t in BINARY else probs.get(f"{t}_{v}")

    return {"polarity": pol, "churn": churn, "advocacy": adv, "stage": stage, "score": score,
            "churn_type": machine.get("churn_type") if churn else None,
            "advocacy_type": machine.get("advocacy_type") if adv else None,
            "polarity_p": p_of("polarity", pol), "churn_p": p_of("churn", churn),
            "advocacy_p": p_of("advocacy", adv), "stage_p": p_of("stage", stage), "probabilities": probs}


# --- how sure, for the review queue ---------------------------------------------------------

def uncertainty(probs: dict[str, float], target: str, threshold: float = 0.5) -> float:
    """0 (sure) … 1 (a coin toss) for one verbatim's final probabilities: one minus the margin
    between the two most probable classes (polarity, stage), or how close P(1) is to the
    threshold (churn, advocacy)."""
    if target in BINARY:
        p = probs.get(target)
        if p is None:
            return 0.0
        return float(max(0.0, 1.0 - abs(p - threshold) / max(threshold, 1.0 - threshold)))
    ps = sorted((v for k, v in probs.items() if k.startswith(target + "_")), reverse=True)
    if len(ps) < 2:
        return 0.0
    return float(1.0 - (ps[0] - ps[1]))


def entropy(ps: Sequence[float]) -> float:
    return float(-sum(p * math.log(p) for p in ps if p > 0))


# --- how well it agrees with the corrections ------------------------------------------------

def _take_labels(labels: dict[str, tuple[np.ndarray, list[str]]], keep: np.ndarray):
    """The labels of the rows in ``keep`` (a boolean mask over all rows), rows renumbered into
    ``np.flatnonzero(keep)``."""
    new_index = np.cumsum(keep) - 1
    out = {}
    for t, (rows, values) in labels.items():
        rows = np.asarray(rows)
        m = keep[rows]
        if m.any():
            out[t] = (new_index[rows[m]], [v for v, k in zip(values, m, strict=True) if k])
    return out


def shipped_probs(offs: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {t: (_sigmoid(o) if t in BINARY else _softmax(o)) for t, o in offs.items()}


def cross_validate(f: Features, offs: dict[str, np.ndarray], labels: dict[str, tuple[np.ndarray, list[str]]],
                   classes: dict[str, list[str]], thresholds: dict[str, float], lam: dict[str, float] | float,
                   *, folds: int = CV_FOLDS, dense_weight: float = DENSE_WEIGHT) -> dict[str, dict]:
    """Per label: corrections ``n``, the share of them the layer gets right when fitted without
    them (``agreement``: k-fold over the corrected verbatims) and the share the shipped model gets
    right (``shipped``); 'all' pools the labels."""
    rows_all = np.unique(np.concatenate([np.asarray(r) for r, _ in labels.values()])) if labels else np.array([], int)
    out: dict[str, dict] = {}
    if not len(rows_all):
        return out
    sub = f.take(rows_all)
    soffs = {t: o[rows_all] for t, o in offs.items()}
    pos = {r: k for k, r in enumerate(rows_all.tolist())}
    slabels = {t: (np.array([pos[r] for r in np.asarray(rows).tolist()]), list(v)) for t, (rows, v) in labels.items()}
    n = len(rows_all)
    k = min(folds, n)
    fold = _folds(n, k) if k >= 2 else np.zeros(n, dtype=int)
    pred = {t: [None] * n for t in TARGETS}
    for j in range(k if k >= 2 else 0):
        tr, te = fold != j, fold == j
        layer = fit(sub.take(np.flatnonzero(tr)), {t: o[tr] for t, o in soffs.items()}, _take_labels(slabels, tr),
                    classes, thresholds, lam=lam, dense_weight=dense_weight)
        te_idx = np.flatnonzero(te)
        lab = decide(layer.proba(sub.take(te_idx), {t: o[te] for t, o in soffs.items()}), classes, thresholds)
        for t in TARGETS:
            for i, v in zip(te_idx, lab[t], strict=True):
                pred[t][i] = str(v)
    shipped = decide(shipped_probs(soffs), classes, thresholds)
    tot = [0, 0, 0, 0]
    for t, (rows, values) in slabels.items():
        ok = [pred[t][r] == v for r, v in zip(rows, values, strict=True) if pred[t][r] is not None]
        sh = [str(shipped[t][r]) == v for r, v in zip(rows, values, strict=True)]
        out[t] = {"n": len(values), "agreement": float(np.mean(ok)) if ok else None,
                  "shipped": float(np.mean(sh)) if sh else None}
        tot[0] += sum(ok)
        tot[1] += len(ok)
        tot[2] += sum(sh)
        tot[3] += len(sh)
    out["all"] = {"n": tot[3], "agreement": tot[0] / tot[1] if tot[1] else None,
                  "shipped": tot[2] / tot[3] if tot[3] else None}
    return out
