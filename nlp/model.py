"""The learned model that decides every label: polarity, churn, advocacy and journey stage, each
with a calibrated probability.

Inputs per verbatim (all computed here, offline, from what the packages and ``resources/`` ship):
- character 1–3-grams of the normalised text (spelling, kana variants, emoji, English words);
- Sudachi lemmas (normalized forms) with **negation scope**: a content word under a following
  ない／ず／ません is a different feature (``n:買う`` in 「二度と買わない」, ``w:買う`` in 「また買う」);
- the cue layer's findings (``resources/cues``: counts per cue type, contrast, concession,
  question …) and the labels its rules would give — general constructions, used as features;
- a sentence vector carrying meaning beyond surface characters: the SIF-weighted mean of the
  GiNZA/chiVe word vectors of the content words (the table topics use, ``nlp.topics``), so
  「乗り換え」 and 「他社に移る」 or 「消した」 and 「削除」 land near each other.

One multinomial logistic regression per label over those features (TF-IDF-weighted sparse
block + the dense vector), trained by ``bench/train_text_model.py`` on the training corpus
written for the project (``training/``); probabilities calibrated by a temperature fitted on
leave-one-industry-out predictions; churn and advocacy flagged above thresholds chosen on the
same predictions. Shipped as ``resources/models/text_model.npz`` (plain arrays, no pickle).

Cue hits never override the model: they are features, and they are the evidence shown when they
agree with the final label; otherwise the evidence is the words and character n-grams of the
text that moved the model most towards its label.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from base.resources import resource_path
from nlp.evidence import Evidence, label_evidence

MODEL_PATH = ("models", "text_model.npz")
NGRAMS = (1, 3)
TARGETS = ("polarity", "churn", "advocacy", "stage")

_SPACE = re.compile(r"\s+")
_NO_CHAR = 0x110000  # stands for NUL in n-gram codes: above every code point, in no n-gram

# lemma features: parts of speech that carry meaning (particles and symbols do not)
_LEMMA_POS = {"名詞", "動詞", "形容詞", "形状詞", "副詞", "連体詞", "感動詞", "助動詞", "接続詞", "代名詞", "接頭辞", "接尾辞"}
_CONTENT = {"名詞", "動詞", "形容詞", "形状詞", "副詞"}
_NEGATORS = {"無い", "ない", "ず", "ぬ"}
_NEG_SCOPE = 2  # content words a negator reaches back to


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


def lemma_items(tokens: Sequence) -> list[tuple[str, int]]:
    """(feature name, token index) of a text's Sudachi tokens: ``w:LEMMA``, or ``n:LEMMA`` for a
    content word in the scope of a following negation (up to two content words back, skipping
    dependent verbs such as して／いる and stopping at punctuation or a clause-joining particle)."""
    negated: set[int] = set()
    for i, t in enumerate(tokens):
        if t.normalized in _NEGATORS and t.pos in ("助動詞", "形容詞") and i > 0:
            reached = 0
            for j in range(i - 1, -1, -1):
                p = tokens[j]
                if p.pos == "補助記号" or (p.pos == "助詞" and p.pos2 == "接続助詞" and p.normalized not in ("て", "で")):
                    break
                if p.pos in _CONTENT and (p.pos2 != "非自立可能" or p.pos == "形容詞"):
                    negated.add(j)
                    reached += 1
                    if reached >= _NEG_SCOPE:
                        break
    out = []
    for i, t in enumerate(tokens):
        if t.pos not in _LEMMA_POS or i in negated and t.normalized in _NEGATORS:
            continue
        lemma = "".join(t.normalized.split())
        if lemma:
            out.append((("n:" if i in negated else "w:") + lemma, i))
    return out


def feature_dict(norm_text: str, rule_feats: dict[str, float], rule_labels: dict[str, str],
                 tokens: Sequence = ()) -> dict[str, float]:
    """The sparse features of one text by name (the training path; ``TextModel.vectorize_texts``
    computes the same rows faster)."""
    d: dict[str, float] = {}
    for g in char_ngrams(norm_text):
        d["g:" + g] = d.get("g:" + g, 0.0) + 1.0
    for name, _ in lemma_items(tokens):
        d[name] = d.get(name, 0.0) + 1.0
    for k, v in rule_feats.items():
        if v:
            d["f:" + k] = float(min(v, 3.0))
    for k, v in rule_labels.items():
        d[f"r:{k}={v}"] = 1.0
    return d


def rule_labels_of(r) -> dict[str, str]:
    """What the cue layer's rules say, as features (``VerbatimAnalysis`` from ``analyze_one``)."""
    return {"polarity": r.polarity, "stage": r.stage, "churn": str(int(r.churn)), "advocacy": str(int(r.advocacy))}


def dense_features(tokens_per_text: Sequence[Sequence], content_per_text: Sequence[Sequence] | None = None) -> np.ndarray:
    """The meaning vector per text: SIF-weighted mean of unit word vectors over content words
    (``content_per_text``: the texts' content words when already at hand)."""
    from nlp.topics import doc_of_content, doc_of_tokens, embed_docs

    if content_per_text is not None:
        return embed_docs([doc_of_content(list(c)) for c in content_per_text])
    return embed_docs([doc_of_tokens(list(t)) for t in tokens_per_text])


@dataclass
class Head:
    classes: list[str]
    coef: np.ndarray       # (classes, sparse features + dense dimensions)
    intercept: np.ndarray  # (classes,)
    temperature: float = 1.0
    threshold: float = 0.5  # binary heads: P(class "1") at or above it flags


@dataclass
class TextModel:
    """TF-IDF-weighted sparse features + a dense meaning vector → one calibrated multinomial
    logistic regression per label."""

    vocab: dict[str, int]
    idf: np.ndarray
    dense_scale: float
    heads: dict[str, Head]
    info: dict

    # --- features ---------------------------------------------------------------------------
    def vectorize(self, feats: list[dict[str, float]]):
        """Sparse rows from feature dicts (as built for training by ``feature_dict``)."""
        vocab = self.vocab
        return self._csr([{j: v for k, v in d.items() if (j := vocab.get(k)) is not None} for d in feats])

    def vectorize_texts(self, norm_texts: Sequence[str], rule_feats: Sequence[dict[str, float]],
                        rule_labels: Sequence[dict[str, str]], tokens: Sequence[Sequence] | None = None,
                        lemmas: Sequence[list[tuple[str, int]]] | None = None):
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
        er, ec, ev = [], [], []  # lemmas, rule features and rule labels
        fcols, rcols = self._rule_columns()
        vocab = self.vocab
        for i, (feats, labels) in enumerate(zip(rule_feats, rule_labels, strict=True)):
            if lemmas is not None or tokens is not None:
                for name, _ in (lemmas[i] if lemmas is not None else lemma_items(tokens[i])):
                    if (j := vocab.get(name)) is not None:
                        er.append(i)
                        ec.append(j)
                        ev.append(1.0)
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

    # --- prediction -------------------------------------------------------------------------
    @property
    def dense_dim(self) -> int:
        """Columns of the dense meaning vector (0: the model was trained without it)."""
        return self.heads["polarity"].coef.shape[1] - len(self.vocab)

    def dense(self, tokens: Sequence[Sequence], content: Sequence[Sequence] | None = None) -> np.ndarray:
        if self.dense_dim == 0:
            return np.zeros((len(tokens), 0), dtype=np.float32)
        return dense_features(tokens, content)

    def logits(self, target: str, x, dense: np.ndarray) -> np.ndarray:
        h = self.heads[target]
        nv = len(self.vocab)
        z = np.asarray(x @ h.coef[:, :nv].T) + h.intercept
        if self.dense_dim:
            z = z + (dense * self.dense_scale) @ h.coef[:, nv:].T
        return z / h.temperature

    def predict(self, target: str, x, dense: np.ndarray) -> tuple[list[str], np.ndarray]:
        """Calibrated class probabilities (rows sum to 1) and the most probable class."""
        h = self.heads[target]
        z = self.logits(target, x, dense)
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        return [h.classes[i] for i in p.argmax(axis=1)], p

    def contributions(self, target: str, label: str, x_row, limit: int = 40) -> list[tuple[str, float]]:
        """The sparse features present in one row, by how much they pushed ``target`` towards
        ``label`` (largest first; only positive pushes)."""
        h = self.heads[target]
        k = h.classes.index(label)
        idx = x_row.indices
        w = h.coef[k, idx]
        if len(h.classes) > 2:  # push towards this class against the average of the others
            w = w - (h.coef[:, idx].sum(axis=0) - w) / (len(h.classes) - 1)
        contrib = x_row.data * w
        inv = self._inverse()
        order = np.argsort(-contrib)[:limit]
        return [(inv[idx[p]], float(contrib[p])) for p in order if contrib[p] > 0]

    @cache  # noqa: B019 - one model per process
    def _inverse(self) -> list[str]:
        inv = [""] * len(self.vocab)
        for k, j in self.vocab.items():
            inv[j] = k
        return inv

    def __hash__(self) -> int:
        return id(self)

    # --- file -------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        arrays = {"idf": self.idf.astype(np.float32)}
        meta = {"vocab": sorted(self.vocab, key=self.vocab.get), "heads": {}, "info": self.info,
                "dense_scale": self.dense_scale, "format": 2}
        for t, h in self.heads.items():
            arrays[f"{t}_coef"] = h.coef.astype(np.float32)
            arrays[f"{t}_intercept"] = h.intercept.astype(np.float32)
            meta["heads"][t] = {"classes": h.classes, "temperature": h.temperature, "threshold": h.threshold}
        arrays["meta"] = np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, **arrays)

    @classmethod
    def read(cls, path: Path) -> TextModel:
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(bytes(z["meta"]).decode("utf-8"))
            if meta.get("format") != 2:
                raise ValueError(f"{path}: a text model of an older format")
            heads = {t: Head(h["classes"], z[f"{t}_coef"], z[f"{t}_intercept"], h["temperature"], h["threshold"])
                     for t, h in meta["heads"].items()}
            return cls({k: i for i, k in enumerate(meta["vocab"])}, z["idf"], meta["dense_scale"], heads, meta["info"])

    # --- deciding ---------------------------------------------------------------------------
    def decide(self, texts: Sequence[str], results: list, norms: Sequence, tokens: Sequence[Sequence],
               content: Sequence[Sequence] | None = None) -> None:
        """Set every label of ``results`` (``VerbatimAnalysis`` of the cue layer, whose findings
        are features here) from the model, with calibrated probabilities and evidence
        (``content``: each text's content words, when already at hand)."""
        labels = [rule_labels_of(r) for r in results]
        lemmas = [lemma_items(t) for t in tokens]
        x = self.vectorize_texts([n.text for n in norms], [r.features for r in results], labels, lemmas=lemmas)
        dense = self.dense(tokens, content)
        probs = {t: self.predict(t, x, dense)[1] for t in TARGETS}
        pc, sc = self.heads["polarity"].classes, self.heads["stage"].classes
        p_churn = probs["churn"][:, self.heads["churn"].classes.index("1")]
        p_adv = probs["advocacy"][:, self.heads["advocacy"].classes.index("1")]
        for i, r in enumerate(results):
            pp, ps = probs["polarity"][i], probs["stage"][i]
            r.probabilities = {f"polarity_{c}": float(v) for c, v in zip(pc, pp, strict=True)}
            r.probabilities.update({f"stage_{c}": float(v) for c, v in zip(sc, ps, strict=True)})
            r.probabilities["churn"], r.probabilities["advocacy"] = float(p_churn[i]), float(p_adv[i])
            if r.non_answer:  # nothing said: the policy's neutral answer, whatever the words
                r.polarity, r.churn, r.advocacy, r.stage = "neutral", False, False, "none"
            else:
                r.polarity = pc[int(pp.argmax())]
                r.churn = bool(p_churn[i] >= self.heads["churn"].threshold)
                r.advocacy = bool(p_adv[i] >= self.heads["advocacy"].threshold)
                # stage 'advocacy' exactly when advocacy is flagged (the labelling policy)
                if r.advocacy:
                    r.stage = "advocacy"
                else:
                    order = np.argsort(-ps)
                    r.stage = next(sc[k] for k in order if sc[k] != "advocacy")
            r.score = float(pp[pc.index("delight")] - pp[pc.index("pain")]) if "delight" in pc else r.score
            r.churn_type = r.churn_type if r.churn else None
            r.advocacy_type = r.advocacy_type if r.advocacy else None
            r.evidence = label_evidence(r)
            for target, label, present in (("polarity", r.polarity, r.polarity != "neutral"),
                                           ("churn", "1", r.churn), ("advocacy", "1", r.advocacy),
                                           ("stage", r.stage, r.stage not in ("none", "advocacy"))):
                if present and not any(e.kind == target for e in r.evidence):
                    self._explain(r, target, label, x[i], norms[i], tokens[i], texts[i], lemmas[i])

    def _explain(self, r, target: str, label: str, x_row, norm, tokens: Sequence, text: str,
                 lemmas: list[tuple[str, int]], k: int = 3) -> None:
        """Evidence for a label no cue supports: the words (lemma features → their tokens) and
        character n-grams of the text that pushed the model most towards it, as spans of the
        original text (longest first among equals; no span inside another)."""
        items = dict(lemmas)
        spans: list[tuple[int, int]] = []
        for name, _ in self.contributions(target, label, x_row, k * 6):
            if name[:2] in ("w:", "n:") and name in items:
                t = tokens[items[name]]
                s, e = t.start, t.end
            elif name.startswith("g:") and len(name) > 3:
                pos = norm.text.find(name[2:])
                if pos < 0:
                    continue
                s, e = norm.span(pos, pos + len(name) - 2)
            else:
                continue
            if e <= s or any(a <= s and e <= b for a, b in spans):
                continue
            spans = [(a, b) for a, b in spans if not (s <= a and b <= e)] + [(s, e)]
            if len(spans) >= k:
                break
        for s, e in sorted(spans):
            r.evidence.append(Evidence(target, f"model/{label}", s, e, text[s:e]))


_MODEL: TextModel | None = None
_LOADED = False


def load() -> TextModel | None:
    global _MODEL, _LOADED
    if not _LOADED:
        import os

        # VOC_TEXT_MODEL: another model file (benchmarks score a model trained without the
        # development sets this way); the app always uses the shipped one
        p = Path(os.environ["VOC_TEXT_MODEL"]) if os.environ.get("VOC_TEXT_MODEL") else resource_path(*MODEL_PATH)
        try:
            _MODEL = TextModel.read(p) if p.exists() else None
        except ValueError:
            _MODEL = None  # a model of an older format: the cue layer's labels stand until it is retrained
        _LOADED = True
    return _MODEL
