"""A small trained refinement of the rule labels: logistic regression over character
n-grams of the normalised text plus the rule features (cue counts, contrast, negation …).

Trained here by ``bench/train_text_model.py`` from data we may use; shipped as
``resources/models/text_model.npz`` (plain arrays, no pickle); loaded offline with numpy.
Evidence stays explainable: the cues that agree with the final label, and otherwise the
character n-grams that pushed the model most towards it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from nlp.resources import resource_path

MODEL_PATH = ("models", "text_model.npz")
NGRAMS = (1, 3)
# The model overrides a rule label only when it prefers its own label by this much
# probability (chosen by cross-validation in bench/train_text_model.py).
MARGIN = {"polarity": 0.1, "stage": 0.1}


def mixed_possible(feats: dict[str, float]) -> bool:
    """'mixed' needs a turn: a positive then a negative part, a contrast marker, or a trailing
    contrast (言いさし). The model may not call a one-sided text, a concession whose
    conclusion is positive (negative → positive), or a concession (「分かってるけど」「どんなに
    良くても」「…が台無し」: its conclusion decides) mixed."""
    if feats.get("concession"):
        return False
    return bool(feats.get("pos_then_neg") or feats.get("trailing_contrast")
                or (feats.get("contrast") and not feats.get("neg_then_pos")))


def combine(rule_label: str, classes: list[str], probs: np.ndarray, margin: float,
            feats: dict[str, float] | None = None) -> str:
    """The model's label when it beats the rule's by ``margin`` (``combine_many`` for one row)."""
    ok = None if feats is None else np.array([mixed_possible(feats)])
    return combine_many([rule_label], classes, np.asarray(probs)[None, :], margin, ok)[0]


_SPACE = re.compile(r"\s+")
_LATIN = re.compile("[a-z]")
_NO_CHAR = 0x110000  # stands for NUL in n-gram codes: above every code point, in no n-gram


def gram_code(gram: str) -> int:
    """One integer per n-gram of up to 3 characters, 21 bits per character: codes of different
    lengths never meet because every character is ≥ 1 (NUL counts as ``_NO_CHAR``)."""
    code = 0
    for ch in gram:
        code = (code << 21) | (ord(ch) or _NO_CHAR)
    return code


def char_ngrams(text: str, lo: int = NGRAMS[0], hi: int = NGRAMS[1]) -> list[str]:
    t = _SPACE.sub(" ", text)
    return [t[i:i + n] for n in range(lo, hi + 1) for i in range(len(t) - n + 1)]


def feature_dict(norm_text: str, rule_feats: dict[str, float], rule_labels: dict[str, str]) -> dict[str, float]:
    d: dict[str, float] = {}
    for g in char_ngrams(norm_text):
        d["g:" + g] = d.get("g:" + g, 0.0) + 1.0
    for k, v in rule_feats.items():
        if v:
            d["f:" + k] = float(min(v, 3.0))
    for k, v in rule_labels.items():
        d[f"r:{k}={v}"] = 1.0
    return d


@dataclass
class LinearModel:
    """TF-IDF-weighted sparse features → multinomial logistic regression, one head per target."""

    vocab: dict[str, int]
    idf: np.ndarray
    heads: dict[str, tuple[list[str], np.ndarray, np.ndarray]]  # target -> (classes, coef, intercept)
    info: dict

    def vectorize(self, feats: list[dict[str, float]]):
        """Sparse rows from feature dicts (as built for training by ``feature_dict``)."""
        vocab = self.vocab
        return self._csr([{j: v for k, v in d.items() if (j := vocab.get(k)) is not None} for d in feats])

    def vectorize_texts(self, norm_texts: Sequence[str], rule_feats: Sequence[dict[str, float]],
                        rule_labels: Sequence[dict[str, str]]):
        """The same rows as ``vectorize(feature_dict(...))``, computed for all texts at once:
        each character n-gram becomes one integer (21 bits per character) and is looked up in
        the sorted codes of the n-grams the model knows (the inference fast path)."""
        gram_codes, gram_cols = self._gram_codes()
        texts = [_SPACE.sub(" ", t) for t in norm_texts]
        n = len(texts)
        lens = np.fromiter(map(len, texts), dtype=np.int64, count=n)
        chars = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)
        chars[chars == 0] = _NO_CHAR
        doc = np.repeat(np.arange(n, dtype=np.int64), lens)
        rows, cols = [], []
        lo, hi = NGRAMS
        for k in range(lo, hi + 1):
            m = len(chars) - k + 1
            if m <= 0:
                continue
            code = chars[:m].copy()
            for d in range(1, k):
                code = (code << np.uint64(21)) | chars[d:d + m]
            inside = doc[:m] == doc[k - 1:k - 1 + m]  # an n-gram never spans two texts
            code, r = code[inside], doc[:m][inside]
            at = np.searchsorted(gram_codes, code)
            at[at == len(gram_codes)] = 0
            hit = gram_codes[at] == code
            rows.append(r[hit])
            cols.append(gram_cols[at[hit]])
        er, ec, ev = [], [], []  # rule features and rule labels
        fcols, rcols = self._rule_columns()
        for i, (feats, labels) in enumerate(zip(rule_feats, rule_labels, strict=True)):
            for k, v in feats.items():
                if v > 0 and (j := fcols.get(k)) is not None:
                    er.append(i)
                    ec.append(j)
                    ev.append(min(v, 3.0))
            for kv in labels.items():
                if (j := rcols.get(kv)) is not None:
                    er.append(i)
                    ec.append(j)
                    ev.append(1.0)
        rows.append(np.array(er, dtype=np.int64))
        cols.append(np.array(ec, dtype=np.int64))
        counts = [np.ones(sum(map(len, rows[:-1])), dtype=np.float64), np.array(ev, dtype=np.float64)]
        return self._weighted(np.concatenate(rows), np.concatenate(cols), np.concatenate(counts), n)

    def _weighted(self, rows: np.ndarray, cols: np.ndarray, counts: np.ndarray, n: int):
        """Sublinear tf × idf, L2-normalised rows (as sklearn's TfidfTransformer), CSR. A
        (row, column) given more than once counts the sum of its counts."""
        from scipy.sparse import csr_matrix

        x = csr_matrix((counts, (rows, cols)), shape=(n, len(self.vocab)), dtype=np.float64)
        x.sum_duplicates()  # also sorts each row's columns
        w = (1.0 + np.log(x.data)) * self.idf[x.indices].astype(np.float64)
        lengths = np.diff(x.indptr)
        row_of = np.repeat(np.arange(n), lengths)
        norm = np.sqrt(np.bincount(row_of, weights=w * w, minlength=n))
        norm[norm == 0] = 1.0
        w /= norm[row_of]
        return csr_matrix((w.astype(np.float32), x.indices.astype(np.int32), x.indptr.astype(np.int64)),
                          shape=(n, len(self.vocab)))

    def _csr(self, rows: list[dict[int, float]]):
        """``_weighted`` for rows given as {column: count}."""
        r = np.array([i for i, d in enumerate(rows) for _ in d], dtype=np.int64)
        c = np.array([j for d in rows for j in d], dtype=np.int64)
        v = np.array([x for d in rows for x in d.values()], dtype=np.float64)
        keep = v > 0
        return self._weighted(r[keep], c[keep], v[keep], len(rows))

    @cache  # noqa: B019 - one model per process
    def _rule_columns(self) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
        """Columns of the rule features ('f:NAME') and rule labels ('r:TARGET=LABEL')."""
        f = {k[2:]: j for k, j in self.vocab.items() if k.startswith("f:")}
        r = {tuple(k[2:].split("=", 1)): j for k, j in self.vocab.items() if k.startswith("r:") and "=" in k}
        return f, r

    @cache  # noqa: B019 - one model per process
    def _gram_codes(self) -> tuple[np.ndarray, np.ndarray]:
        """Sorted integer codes of the model's character n-grams, and their columns."""
        items = sorted((gram_code(k[2:]), j) for k, j in self.vocab.items() if k.startswith("g:"))
        return (np.array([c for c, _ in items], dtype=np.uint64), np.array([j for _, j in items], dtype=np.int64))

    def predict(self, target: str, x: np.ndarray) -> tuple[list[str], np.ndarray]:
        classes, coef, intercept = self.heads[target]
        z = np.asarray(x @ coef.T) + intercept
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        return [classes[i] for i in p.argmax(axis=1)], p

    def top_ngrams(self, target: str, label: str, x_row: np.ndarray, k: int = 3) -> list[str]:
        classes, coef, _ = self.heads[target]
        idx = x_row.indices
        contrib = x_row.data * coef[classes.index(label)][idx]  # only the features present
        inv = self._inverse()
        out = []
        for pos in np.argsort(-contrib)[: k * 4]:
            if contrib[pos] <= 0:
                break
            name = inv[idx[pos]]
            if name.startswith("g:") and len(name) > 3:
                out.append(name[2:])
            if len(out) >= k:
                break
        return out

    @cache  # noqa: B019 - one model per process
    def _inverse(self) -> list[str]:
        inv = [""] * len(self.vocab)
        for k, j in self.vocab.items():
            inv[j] = k
        return inv

    def __hash__(self) -> int:
        return id(self)

    def save(self, path: Path) -> None:
        arrays = {"idf": self.idf.astype(np.float32)}
        meta = {"vocab": sorted(self.vocab, key=self.vocab.get), "heads": {}, "info": self.info}
        for t, (classes, coef, intercept) in self.heads.items():
            arrays[f"{t}_coef"] = coef.astype(np.float32)
            arrays[f"{t}_intercept"] = intercept.astype(np.float32)
            meta["heads"][t] = classes
        arrays["meta"] = np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, **arrays)

    @classmethod
    def read(cls, path: Path) -> LinearModel:
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(bytes(z["meta"]).decode("utf-8"))
            heads = {t: (classes, z[f"{t}_coef"], z[f"{t}_intercept"]) for t, classes in meta["heads"].items()}
            return cls({k: i for i, k in enumerate(meta["vocab"])}, z["idf"], heads, meta["info"])

    # --- refinement of rule results -----------------------------------------------------
    def refine(self, texts: Sequence[str], results: list, norms: Sequence | None = None) -> None:
        """Refine ``results`` (of ``texts``; ``norms``: their normalisations, when at hand)."""
        from nlp.normalize import normalize

        norms = norms if norms is not None else [normalize(t) for t in texts]
        x = self.vectorize_texts([n.text for n in norms], [r.features for r in results],
                                 [{"polarity": r.polarity, "stage": r.stage} for r in results])
        pol = combine_many([r.polarity for r in results], self.heads["polarity"][0], self.predict("polarity", x)[1],
                           MARGIN["polarity"], np.array([mixed_possible(r.features) for r in results], dtype=bool))
        st = combine_many([r.stage for r in results], self.heads["stage"][0], self.predict("stage", x)[1],
                          MARGIN["stage"])
        for i, r in enumerate(results):
            if r.non_answer or mostly_latin(norms[i].text):
                continue  # the model learnt from Japanese: English answers keep the rules' labels
            if pol[i] != r.polarity:
                r.polarity = pol[i]
                r.evidence = [e for e in r.evidence if e.kind != "polarity" or _agrees(e.label, r.polarity)]
                if not any(e.kind == "polarity" for e in r.evidence):
                    self._explain(r, "polarity", r.polarity, x[i], norms[i], texts[i])
            if not r.advocacy and st[i] != "advocacy" and st[i] != r.stage:
                r.stage = st[i]
                r.evidence = [e for e in r.evidence if e.kind != "stage" or _stage_of(e.label) == r.stage]
                if r.stage != "none" and not any(e.kind == "stage" for e in r.evidence):
                    self._explain(r, "stage", r.stage, x[i], norms[i], texts[i])

    def _explain(self, r, target: str, label: str, x_row, norm, text: str) -> None:
        """Evidence for a label the model chose without a cue: the character n-grams of the text
        that pushed it most towards that label."""
        from nlp.analyze import Evidence

        for g in self.top_ngrams(target, label, x_row):
            pos = norm.text.find(g)
            if pos >= 0:
                s, e = norm.span(pos, pos + len(g))
                r.evidence.append(Evidence(target, f"model/{label}", s, e, text[s:e]))


def combine_many(rule_labels: Sequence[str], classes: list[str], probs: np.ndarray, margin: float,
                 mixed_ok: np.ndarray | None = None) -> list[str]:
    """Per row: the model's most probable class, unless the rule's label is one of the classes
    and the model prefers its own by less than ``margin``; 'mixed' is not a candidate where
    ``mixed_ok[i]`` (``mixed_possible`` of row i) is False."""
    if mixed_ok is not None and "mixed" in classes and not mixed_ok.all():
        probs = probs.copy()
        probs[~mixed_ok, classes.index("mixed")] = 0.0
    n = len(rule_labels)
    best = probs.argmax(axis=1)
    index = {c: k for k, c in enumerate(classes)}
    rule = np.array([index.get(lab, -1) for lab in rule_labels], dtype=np.int64)
    rows = np.arange(n)
    gain = probs[rows, best] - probs[rows, np.maximum(rule, 0)]
    take = (rule < 0) | (best == rule) | (gain >= margin)
    return [classes[b] if t else lab for b, t, lab in zip(best.tolist(), take.tolist(), rule_labels, strict=True)]


def mostly_latin(text: str) -> bool:
    """Whether most letters of ``text`` (normalised: lower case) are Latin (an English answer)."""
    if not _LATIN.search(text):
        return False  # most answers: not one Latin letter
    latin = sum(1 for ch in text if "a" <= ch <= "z")
    return latin > 0 and latin * 2 > sum(1 for ch in text if ch.isalpha())


def _stage_of(label: str) -> str:
    """'stage/success' → 'success'; a 'repeat' cue (continued use) and a question about using the
    product ('use_question') are evidence of success."""
    kind = label.split("/", 1)[-1]
    return "success" if kind in ("repeat", "use_question") else kind


def _agrees(label: str, polarity: str) -> bool:
    fam = label.split("/", 1)[0]
    return {"delight": fam == "pos", "pain": fam == "neg", "mixed": fam in ("pos", "neg"),
            "neutral": fam == "neutral"}.get(polarity, False)


_MODEL: LinearModel | None = None
_LOADED = False


def load() -> LinearModel | None:
    global _MODEL, _LOADED
    if not _LOADED:
        p = resource_path(*MODEL_PATH)
        _MODEL = LinearModel.read(p) if p.exists() else None
        _LOADED = True
    return _MODEL
