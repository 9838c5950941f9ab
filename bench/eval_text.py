"""Text analysis quality on the development sets, beside a simple baseline, in one run.

    .venv/bin/python bench/eval_text.py [--shared ../shared]

Data: ../shared/data/voc/verbatims.tsv (customer voices: polarity, churn, advocacy, stage)
and ../shared/data/dev_polarity.tsv (annual-report sentences, chABSA, CC BY 4.0, 3 classes).

Columns printed:
  baseline  a lexicon count without negation or contrast (positive vs negative cue count;
            churn = 解約/退会/やめ…; advocacy = 紹介/勧め/おすすめ…; stage = most frequent cue)
  rules     the cue rules alone (resources/cues)
  model-cv  rules + the trained refinement, 5-fold cross-validated: each row is scored by a
            model trained without it — the estimate for unseen text
  shipped   the shipped model on these rows; it was trained on them, so this is a fit, not
            an estimate
Churn and advocacy are decided by the rules in every column but the baseline.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.train_text_model import SEED, features, fit, load_data  # noqa: E402
from nlp import cues as cue_mod  # noqa: E402
from nlp.analyze import analyze, analyze_one  # noqa: E402
from nlp.journey import STAGES  # noqa: E402
from nlp.model import MARGIN, combine  # noqa: E402
from nlp.normalize import normalize  # noqa: E402

BASE_CHURN = re.compile(r"解約|退会|やめ|辞め|乗り換")
BASE_ADV = re.compile(r"紹介|勧め|すすめ|薦め|おすすめ")


def baseline(text: str) -> tuple[str, str, str, str]:
    t = normalize(text).text
    hits = cue_mod.find("polarity", t)
    p = sum(c.family == "pos" for c in hits)
    n = sum(c.family == "neg" for c in hits)
    pol = "neutral" if p == n == 0 else "delight" if p > n else "pain" if n > p else "mixed"
    st_hits = cue_mod.find("stage", t)
    adv = "1" if BASE_ADV.search(t) else "0"
    if adv == "1":
        stage = "advocacy"
    elif any(c.type in STAGES for c in st_hits):
        kinds = [c.type for c in st_hits if c.type in STAGES]  # the most frequent stage cue
        stage = max(set(kinds), key=kinds.count)
    else:
        stage = "none"
    return pol, "1" if BASE_CHURN.search(t) else "0", adv, stage


def f1(y, p, macro: bool) -> float:
    from sklearn.metrics import f1_score

    return f1_score(y, p, average="macro") if macro else f1_score(y, p, pos_label="1")


def main() -> int:
    from sklearn.model_selection import StratifiedKFold

    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    args = ap.parse_args()
    shared = Path(args.shared)
    import csv

    with open(shared / "data" / "voc" / "verbatims.tsv", encoding="utf-8", newline="") as f:
        voc = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    with open(shared / "data" / "dev_polarity.tsv", encoding="utf-8", newline="") as f:
        cha = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))

    # cross-validated refinement over the same training data as bench/train_text_model.py
    rows = load_data(shared)
    feats = features(rows)
    pol = [r[1] for r in rows]
    stage = [r[2] or "none" for r in rows]
    src = np.array([r[3] for r in rows])
    masks = {"polarity": np.ones(len(rows), bool), "stage": src == "voc"}
    cv_pol = np.empty(len(rows), dtype=object)
    cv_stage = np.empty(len(rows), dtype=object)
    strat = [f"{s}:{p}" for s, p in zip(src, pol, strict=True)]
    rule_pol = [next(k.split("=", 1)[1] for k in f if k.startswith("r:polarity=")) for f in feats]
    rule_feats = [{k[2:]: v for k, v in f.items() if k.startswith("f:")} for f in feats]
    rule_stage = [next(k.split("=", 1)[1] for k in f if k.startswith("r:stage=")) for f in feats]
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=SEED).split(feats, strat):
        m = fit([feats[i] for i in tr], {"polarity": [pol[i] for i in tr], "stage": [stage[i] for i in tr]},
                {k: v[tr] for k, v in masks.items()})
        xt = m.vectorize([feats[i] for i in te])
        pp, ps = m.predict("polarity", xt)[1], m.predict("stage", xt)[1]
        cv_pol[te] = [combine(rule_pol[i], m.heads["polarity"][0], pp[k], MARGIN["polarity"], rule_feats[i]) for k, i in enumerate(te)]
        cv_stage[te] = [combine(rule_stage[i], m.heads["stage"][0], ps[k], MARGIN["stage"]) for k, i in enumerate(te)]
    nv = len(voc)
    # the advocacy stage is decided by the advocacy rule, as in nlp.model.refine
    rules_voc = [analyze_one(r["text"]) for r in voc]
    for i, r in enumerate(rules_voc):
        if r.advocacy:
            cv_stage[i] = "advocacy"
        elif cv_stage[i] == "advocacy":
            cv_stage[i] = r.stage
        if r.non_answer:
            cv_pol[i] = "neutral"
    shipped_voc = analyze([r["text"] for r in voc])
    base_voc = [baseline(r["text"]) for r in voc]

    y = {k: [r[k] for r in voc] for k in ("polarity", "churn", "advocacy", "stage")}
    table = [
        ("VoC polarity macro-F1 (target 0.85)", "polarity", True,
         [b[0] for b in base_voc], [r.polarity for r in rules_voc], list(cv_pol[:nv]), [r.polarity for r in shipped_voc]),
        ("VoC churn F1 (target 0.85)", "churn", False,
         [b[1] for b in base_voc], [str(int(r.churn)) for r in rules_voc], [str(int(r.churn)) for r in rules_voc],
         [str(int(r.churn)) for r in shipped_voc]),
        ("VoC advocacy F1 (target 0.85)", "advocacy", False,
         [b[2] for b in base_voc], [str(int(r.advocacy)) for r in rules_voc], [str(int(r.advocacy)) for r in rules_voc],
         [str(int(r.advocacy)) for r in shipped_voc]),
        ("VoC stage macro-F1 (target 0.75)", "stage", True,
         [b[3] for b in base_voc], [r.stage for r in rules_voc], list(cv_stage[:nv]), [r.stage for r in shipped_voc]),
    ]
    print(f"{'':42} {'baseline':>9} {'rules':>7} {'model-cv':>9} {'shipped':>8}")
    for name, key, macro, *preds in table:
        print(f"{name:42} " + " ".join(f"{f1(y[key], p, macro):>{w}.3f}" for p, w in zip(preds, (9, 7, 9, 8), strict=True)))
    yc = [r["label"] for r in cha]
    base_c = [baseline(r["text"])[0] for r in cha]
    base_c = ["neutral" if p == "mixed" else p for p in base_c]
    rules_c = [analyze_one(r["text"]).polarity for r in cha]
    rules_c = ["neutral" if p == "mixed" else p for p in rules_c]
    shipped_c = ["neutral" if a.polarity == "mixed" else a.polarity for a in analyze([r["text"] for r in cha])]
    cv_c = ["neutral" if p == "mixed" else p for p in cv_pol[nv:]]
    print(f"{'dev_polarity 3-class macro-F1 (target 0.70)':42} {f1(yc, base_c, True):>9.3f} {f1(yc, rules_c, True):>7.3f}"
          f" {f1(yc, cv_c, True):>9.3f} {f1(yc, shipped_c, True):>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
