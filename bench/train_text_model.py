"""Train the text model shipped in resources/models/text_model.npz (see nlp/model.py).

    .venv/bin/python bench/train_text_model.py [--shared ../shared]

Training data (both usable here): the development VoC set ../shared/data/voc/verbatims.tsv
(written for this project) for polarity and stage, and ../shared/data/dev_polarity.tsv
(chABSA, CC BY 4.0) for polarity. Prints 5-fold cross-validated macro-F1 (a model trained
without the fold it is scored on: the honest estimate for unseen data) before fitting the
shipped model on everything.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp.analyze import analyze_one  # noqa: E402
from nlp.model import MODEL_PATH, LinearModel, combine, feature_dict  # noqa: E402
from nlp.normalize import normalize  # noqa: E402
from nlp.resources import resource_path  # noqa: E402

C = 4.0
SEED = 0


def read_tsv(path: Path) -> list[dict[str, str]]:
    import csv

    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_data(shared: Path):
    voc = read_tsv(shared / "data" / "voc" / "verbatims.tsv")
    pol = read_tsv(shared / "data" / "dev_polarity.tsv")
    rows = [(r["text"], r["polarity"], r["stage"], "voc") for r in voc]
    rows += [(r["text"], r["label"], None, "chabsa") for r in pol]
    return rows


def features(rows):
    out = []
    for text, _, _, _ in rows:
        r = analyze_one(text)
        out.append(feature_dict(normalize(text).text, r.features, {"polarity": r.polarity, "stage": r.stage}))
    return out


def fit(feats, ys_by_target, mask_by_target):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.linear_model import LogisticRegression

    dv = DictVectorizer()
    counts = dv.fit_transform(feats)
    df = np.asarray((counts > 0).sum(axis=0)).ravel()
    keep = np.where(df >= 2)[0]
    counts = counts[:, keep]
    names = [dv.feature_names_[i] for i in keep]
    tfidf = TfidfTransformer(sublinear_tf=True)
    x = tfidf.fit_transform(counts)
    heads = {}
    for target, y in ys_by_target.items():
        m = mask_by_target[target]
        clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced", random_state=SEED)
        clf.fit(x[m], np.asarray(y)[m])
        heads[target] = (list(clf.classes_), clf.coef_.astype(np.float32), clf.intercept_.astype(np.float32))
    return LinearModel({n: i for i, n in enumerate(names)}, tfidf.idf_.astype(np.float32), heads,
                       {"C": C, "ngrams": [1, 3], "min_df": 2, "trained_on": "voc dev + chABSA dev"})


def main() -> int:
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    args = ap.parse_args()
    rows = load_data(Path(args.shared))
    feats = features(rows)
    pol = [r[1] for r in rows]
    stage = [r[2] or "none" for r in rows]
    src = np.array([r[3] for r in rows])
    masks_all = {"polarity": np.ones(len(rows), bool), "stage": src == "voc"}
    # cross-validation: folds stratified by source+label
    strat = [f"{s}:{p}" for s, p in zip(src, pol, strict=True)]
    rule_pol = [next(k.split("=", 1)[1] for k in f if k.startswith("r:polarity=")) for f in feats]
    rule_feats = [{k[2:]: v for k, v in f.items() if k.startswith("f:")} for f in feats]
    rule_stage = [next(k.split("=", 1)[1] for k in f if k.startswith("r:stage=")) for f in feats]
    margins = (0.0, 0.1, 0.2, 0.3, 0.5)
    pred_pol = {mg: np.empty(len(rows), dtype=object) for mg in margins}
    pred_stage = {mg: np.empty(len(rows), dtype=object) for mg in margins}
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=SEED).split(feats, strat):
        m = fit([feats[i] for i in tr], {"polarity": [pol[i] for i in tr], "stage": [stage[i] for i in tr]},
                {k: v[tr] for k, v in masks_all.items()})
        xt = m.vectorize([feats[i] for i in te])
        pp, ps = m.predict("polarity", xt)[1], m.predict("stage", xt)[1]
        for mg in margins:
            pred_pol[mg][te] = [combine(rule_pol[i], m.heads["polarity"][0], pp[k], mg, rule_feats[i]) for k, i in enumerate(te)]
            pred_stage[mg][te] = [combine(rule_stage[i], m.heads["stage"][0], ps[k], mg) for k, i in enumerate(te)]
    voc = src == "voc"
    for mg in margins:
        print(f"margin {mg:.1f}: 5-fold CV polarity macro-F1 VoC "
              f"{f1_score(np.array(pol)[voc], pred_pol[mg][voc], average='macro'):.3f}, chABSA "
              f"{f1_score(np.array(pol)[~voc], pred_pol[mg][~voc], average='macro'):.3f}; stage (VoC) "
              f"{f1_score(np.array(stage)[voc], pred_stage[mg][voc], average='macro'):.3f}")
    model = fit(feats, {"polarity": pol, "stage": stage}, masks_all)
    out = resource_path(*MODEL_PATH)
    model.save(out)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB, {len(model.vocab):,} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
