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
  model-lio rules + the refinement, leave-one-industry-out: each VoC row is scored by a model
            trained without any row of its industry (industries guessed per customer from
            the words of the dev set's ten fictional companies, see INDUSTRY_WORDS; ~80 rows
            stay unassigned and form one more group). The held-out set has other companies and
            wording, so this is nearer what to expect there than model-cv
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
from nlp.model import MARGIN, combine, mostly_latin  # noqa: E402
from nlp.normalize import normalize  # noqa: E402

# An evaluation device only (the product never sees it): the dev set's industries, told apart by
# their products' words, to score each industry with a model that never saw it.
INDUSTRY_WORDS = {
    "skincare": "肌|化粧水|美容液|クレンジング|保湿|毛穴|ニキビ|乾燥|スキンケア|バーム",
    "apparel": "リネン|シャツ|ワンピ|パンツ|着|服|生地|ポップアップ|コーデ|丈",
    "food box": "野菜|レシピ|葉物|有機|無農薬|小松菜|お試し|トマト|料理|献立",
    "appliance": "掃除機|空気清浄|ケトル|ロボット|充電|吸引|ブラシ|フィルター",
    "budget app": "家計|口座|連携|支出|資産|予算|広告|貯金|通帳",
    "language": "英語|発音|ai|会話|レッスン|discord|ストリーク|english|toeic",
    "attendance": "勤怠|打刻|シフト|有給|給与|残業|icカード|店舗",
    "invoicing": "請求書|インボイス|適格|消込|入金|取引先|顧問先|pdf|経理",
    "gym": "ジム|トレーナー|マシン|休会|筋トレ|体脂肪|入会|退会",
    "furniture": "家具|ソファ|テーブル|搬入|受注生産|ショールーム|ワークショップ|椅子|無垢",
}


def industries(voc: list[dict[str, str]]) -> list[str]:
    """Per row: its customer's industry, by the words of all that customer's rows ('?' if none)."""
    from collections import Counter, defaultdict

    hits: dict[str, Counter] = defaultdict(Counter)
    for r in voc:
        text = r["text"].lower()
        for name, words in INDUSTRY_WORDS.items():
            hits[r["customer_id"]][name] += len(re.findall(words, text))
    best = {c: (n.most_common(1)[0][0] if n and n.most_common(1)[0][1] else "?") for c, n in hits.items()}
    return [best[r["customer_id"]] for r in voc]


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
    strat = [f"{s}:{p}" for s, p in zip(src, pol, strict=True)]
    rule_pol = [next(k.split("=", 1)[1] for k in f if k.startswith("r:polarity=")) for f in feats]
    rule_feats = [{k[2:]: v for k, v in f.items() if k.startswith("f:")} for f in feats]
    rule_stage = [next(k.split("=", 1)[1] for k in f if k.startswith("r:stage=")) for f in feats]
    nv = len(voc)
    # folds: 5 stratified random ones (model-cv); one per industry, chABSA rows spread at random
    # over them (model-lio)
    random_folds = np.empty(len(rows), dtype=np.int64)
    for k, (_, te) in enumerate(StratifiedKFold(5, shuffle=True, random_state=SEED).split(feats, strat)):
        random_folds[te] = k
    names = sorted(set(industry := industries(voc)))
    industry_folds = np.array([names.index(g) for g in industry]
                              + list(np.random.default_rng(SEED).integers(0, len(names), len(rows) - nv)))
    rules_voc = [analyze_one(r["text"]) for r in voc]

    def cross_validated(folds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        cv_pol = np.empty(len(rows), dtype=object)
        cv_stage = np.empty(len(rows), dtype=object)
        for k in np.unique(folds):
            te, tr = np.where(folds == k)[0], np.where(folds != k)[0]
            m = fit([feats[i] for i in tr], {"polarity": [pol[i] for i in tr], "stage": [stage[i] for i in tr]},
                    {key: v[tr] for key, v in masks.items()})
            xt = m.vectorize([feats[i] for i in te])
            pp, ps = m.predict("polarity", xt)[1], m.predict("stage", xt)[1]
            cv_pol[te] = [combine(rule_pol[i], m.heads["polarity"][0], pp[j], MARGIN["polarity"], rule_feats[i])
                          for j, i in enumerate(te)]
            cv_stage[te] = [combine(rule_stage[i], m.heads["stage"][0], ps[j], MARGIN["stage"]) for j, i in enumerate(te)]
        # as in nlp.model.refine: English answers keep the rules' labels, and the advocacy stage
        # is decided by the advocacy rule
        for i, r in enumerate(rules_voc):
            if mostly_latin(normalize(voc[i]["text"]).text):
                cv_pol[i], cv_stage[i] = r.polarity, r.stage
            if r.advocacy:
                cv_stage[i] = "advocacy"
            elif cv_stage[i] == "advocacy":
                cv_stage[i] = r.stage
            if r.non_answer:
                cv_pol[i] = "neutral"
        return cv_pol, cv_stage

    cv_pol, cv_stage = cross_validated(random_folds)
    lio_pol, lio_stage = cross_validated(industry_folds)
    shipped_voc = analyze([r["text"] for r in voc])
    base_voc = [baseline(r["text"]) for r in voc]

    y = {k: [r[k] for r in voc] for k in ("polarity", "churn", "advocacy", "stage")}
    churn = [str(int(r.churn)) for r in rules_voc]
    advocacy = [str(int(r.advocacy)) for r in rules_voc]
    table = [
        ("VoC polarity macro-F1 (target 0.85)", "polarity", True,
         [b[0] for b in base_voc], [r.polarity for r in rules_voc], list(cv_pol[:nv]), list(lio_pol[:nv]),
         [r.polarity for r in shipped_voc]),
        ("VoC churn F1 (target 0.85)", "churn", False,
         [b[1] for b in base_voc], churn, churn, churn, [str(int(r.churn)) for r in shipped_voc]),
        ("VoC advocacy F1 (target 0.85)", "advocacy", False,
         [b[2] for b in base_voc], advocacy, advocacy, advocacy, [str(int(r.advocacy)) for r in shipped_voc]),
        ("VoC stage macro-F1 (target 0.75)", "stage", True,
         [b[3] for b in base_voc], [r.stage for r in rules_voc], list(cv_stage[:nv]), list(lio_stage[:nv]),
         [r.stage for r in shipped_voc]),
    ]
    widths = (9, 7, 9, 10, 8)
    print(f"{'':42} {'baseline':>9} {'rules':>7} {'model-cv':>9} {'model-lio':>10} {'shipped':>8}")
    for name, key, macro, *preds in table:
        print(f"{name:42} " + " ".join(f"{f1(y[key], p, macro):>{w}.3f}" for p, w in zip(preds, widths, strict=True)))
    yc = [r["label"] for r in cha]
    base_c = [baseline(r["text"])[0] for r in cha]
    base_c = ["neutral" if p == "mixed" else p for p in base_c]
    rules_c = [analyze_one(r["text"]).polarity for r in cha]
    rules_c = ["neutral" if p == "mixed" else p for p in rules_c]
    shipped_c = ["neutral" if a.polarity == "mixed" else a.polarity for a in analyze([r["text"] for r in cha])]
    cv_c = ["neutral" if p == "mixed" else p for p in cv_pol[nv:]]
    lio_c = ["neutral" if p == "mixed" else p for p in lio_pol[nv:]]
    print(f"{'dev_polarity 3-class macro-F1 (target 0.70)':42} {f1(yc, base_c, True):>9.3f} {f1(yc, rules_c, True):>7.3f}"
          f" {f1(yc, cv_c, True):>9.3f} {f1(yc, lio_c, True):>10.3f} {f1(yc, shipped_c, True):>8.3f}")
    print(f"industries (rows): {', '.join(f'{n} {industry.count(n)}' for n in names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
