"""Ambassador and churn flags per customer on ../shared/data/voc, beside an NPS-only baseline.

    .venv/bin/python bench/eval_signals.py [--shared ../shared]
    VOC_TEXT_MODEL=/tmp/corpus_only.npz .venv/bin/python bench/eval_signals.py   # honest estimate

The shipped text model was trained with the development verbatims once every choice was made,
so on them its flags are a fit. For an estimate, train a model on the corpus alone
(``bench/train_text_model.py --no-dev --out /tmp/corpus_only.npz``) and point VOC_TEXT_MODEL at it.

Runs `voc score customers.tsv verbatims.tsv` (the scorer reads only customer_id, nps,
tenure_months, tickets_90d, referrals, last_active_days and id, customer_id, text; the label
columns are not read) and prints precision / recall / F1 for each flag, and the same for the
baseline "promoter 9–10 = ambassador, detractor 0–6 = churn" and for text + NPS without the
behaviour columns (what behaviour adds) in the same run.

Then the ranking (issue 22: churn risks all scored 85.0), on the scores the app stores — the
same texts analysed once more in-process, with every probability and stage a project passes
(``voc score`` passes no stage or polarity probabilities): how many distinct scores the flagged
customers get, ROC AUC of each score against the labelled flag and of its evidence strength σ(z)
alone (without the rule band), Spearman of the score with the labelled flag and with a graded
truth (0 for customers without the label; else for churn the number of labelled churn
conditions met — churn rows + the repeated-pain rule + the silence rule —, for ambassadors
referrals + advocacy rows), and the same graded Spearman within the labelled positives (does the
order inside the flag follow the evidence?). Spearman against a 0/1 label rewards ties (a pile
of equal scores inside each class ranks "perfectly"), so read AUC and the graded figures first.
Last: the loyalty segments, detractors called loyal, and for churn risks whose churn rows are
labelled, how often the stage shown (where the churn signal occurred) is one of those rows' stages.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def prf(y: list[int], p: list[int]) -> tuple[float, float, float]:
    tp = sum(a and b for a, b in zip(y, p, strict=True))
    fp = sum((not a) and b for a, b in zip(y, p, strict=True))
    fn = sum(a and not b for a, b in zip(y, p, strict=True))
    pr = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)


def read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def main() -> int:
    from voc_app.cli import main as voc

    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    args = ap.parse_args()
    voc_dir = Path(args.shared) / "data" / "voc"
    customers = read(voc_dir / "customers.tsv")
    with tempfile.TemporaryDirectory() as d:
        # hand the scorer only the columns it may use
        cfile, vfile, out = Path(d) / "c.tsv", Path(d) / "v.tsv", Path(d) / "out.tsv"
        ccols = ["customer_id", "nps", "tenure_months", "tickets_90d", "referrals", "last_active_days"]
        cfile.write_text("\t".join(ccols) + "\n" + "".join("\t".join(r[c] for c in ccols) + "\n" for r in customers),
                         encoding="utf-8")
        vcols = ["id", "customer_id", "source", "text"]
        vfile.write_text("\t".join(vcols) + "\n" + "".join("\t".join(r[c] for c in vcols) + "\n"
                                                           for r in read(voc_dir / "verbatims.tsv")), encoding="utf-8")
        voc(["score", str(cfile), str(vfile), "--out", str(out)])
        scored = {r["customer_id"]: r for r in read(out)}
        # text + NPS alone: the behaviour columns (tenure, contacts, referrals, silence) left empty
        tfile, tout = Path(d) / "t.tsv", Path(d) / "t_out.tsv"
        tfile.write_text("customer_id\tnps\n" + "".join(f"{r['customer_id']}\t{r['nps']}\n" for r in customers),
                         encoding="utf-8")
        voc(["score", str(tfile), str(vfile), "--out", str(tout)])
        text_only = {r["customer_id"]: r for r in read(tout)}
    ya = [int(r["ambassador_candidate"]) for r in customers]
    yc = [int(r["churn_risk"]) for r in customers]
    pa = [int(scored[r["customer_id"]]["ambassador_flag"]) for r in customers]
    pc = [int(scored[r["customer_id"]]["churn_flag"]) for r in customers]
    ta = [int(text_only[r["customer_id"]]["ambassador_flag"]) for r in customers]
    tc = [int(text_only[r["customer_id"]]["churn_flag"]) for r in customers]
    nps = [int(r["nps"]) if r["nps"].strip() else None for r in customers]
    ba = [int(n is not None and n >= 9) for n in nps]
    bc = [int(n is not None and n <= 6) for n in nps]
    print(f"{len(customers)} customers")
    print(f"{'':38} {'precision':>9} {'recall':>7} {'F1':>6}")
    for name, y, p in (("ambassador (ours)", ya, pa), ("ambassador (text + NPS, no behaviour)", ya, ta),
                       ("ambassador (NPS only)", ya, ba), ("churn (ours)", yc, pc),
                       ("churn (text + NPS, no behaviour)", yc, tc), ("churn (NPS only)", yc, bc)):
        pr, rc, f1 = prf(y, p)
        print(f"{name:38} {pr:>9.3f} {rc:>7.3f} {f1:>6.3f}")
    print("targets: F1 ≥ 0.92 for both, clearly above the NPS-only baseline")
    ranking(customers, read(voc_dir / "verbatims.tsv"), scored)
    return 0


def ranks(x: list[float]) -> np.ndarray:
    """1-based ranks, ties sharing their average rank."""
    a = np.asarray(x, dtype=float)
    srt = np.sort(a)
    return (np.searchsorted(srt, a, "left") + np.searchsorted(srt, a, "right") + 1) / 2


def spearman(x: list[float], y: list[float]) -> float:
    rx, ry = ranks(x), ranks(y)
    if rx.std() == 0 or ry.std() == 0:
        return float("nan")
    return float(np.corrcoef(rx, ry)[0, 1])


def auc(y: list[int], score: list[float]) -> float:
    """ROC AUC (Mann–Whitney, ties count half)."""
    r = ranks(score)
    pos = [ri for ri, yi in zip(r, y, strict=True) if yi]
    n1, n0 = len(pos), len(y) - len(pos)
    return (sum(pos) - n1 * (n1 + 1) / 2) / (n1 * n0) if n1 and n0 else float("nan")


def ranking(customers: list[dict], verbatims: list[dict], cli: dict[str, dict]) -> None:
    from nlp.scoring import CustomerFacts, VoiceFacts, score_customer
    from voc_app.analysis import analyze_texts
    from voc_app.signals import segment_of

    def num(x: str, kind=float):
        return kind(x) if x.strip() else None

    analysed = analyze_texts([v["text"] for v in verbatims], workers=1)
    voices: dict[str, list] = {}
    for v, (a, _) in zip(verbatims, analysed, strict=True):
        voices.setdefault(v["customer_id"], []).append(VoiceFacts(
            v["id"], v["text"], a.polarity, a.churn, a.advocacy, a.probability("churn"), a.probability("advocacy"),
            a.stage, a.probabilities.get("polarity_pain"), a.probabilities.get("polarity_delight")))
    by_id = {v["id"]: v for v in verbatims}
    rows = []
    for r in customers:
        f = CustomerFacts(r["customer_id"], num(r["nps"], int), num(r["tenure_months"]), num(r["tickets_90d"], int),
                          num(r["referrals"], int), num(r["last_active_days"]))
        vs = voices.get(r["customer_id"], [])
        s = score_customer(f, vs)
        lab = [by_id[v.id] for v in vs]
        low = f.nps is None or f.nps <= 6
        pain = sum(v["polarity"] == "pain" for v in lab)
        conditions = (sum(v["churn"] == "1" for v in lab) + int(low and (pain >= 2 or (pain >= 1 and (f.tickets_90d or 0) >= 3)))
                      + int((f.last_active_days or 0) > 180 and low and not any(v["polarity"] == "delight" for v in lab)))
        acts = (f.referrals or 0) + sum(v["advocacy"] == "1" for v in lab)
        rows.append({"s": s, "seg": segment_of(s, f, vs), "nps": f.nps, "lab": lab,
                     "churn": int(r["churn_risk"]), "amb": int(r["ambassador_candidate"]),
                     "g_churn": conditions * int(r["churn_risk"]), "g_amb": acts * int(r["ambassador_candidate"])})
    same = sum(int(cli[r["customer_id"]]["churn_flag"]) == x["s"].churn_flag
               and int(cli[r["customer_id"]]["ambassador_flag"]) == x["s"].ambassador_flag
               for r, x in zip(customers, rows, strict=True))
    print(f"\nranking, on the scores a project stores (flags equal to `voc score`'s for {same} of {len(rows)} customers)")
    print(f"{'':12} {'flagged':>7} {'distinct':>8} {'AUC':>6} {'AUC σ(z)':>8} {'ρ 0/1':>6} {'ρ graded':>8} "
          f"{'ρ in positives':>14}")
    for kind, key, flag, score in (("churn", "churn", "churn_flag", "churn_score"),
                                   ("ambassador", "amb", "ambassador_flag", "ambassador_score")):
        sc = [getattr(x["s"], score) for x in rows]
        y = [x[key] for x in rows]
        g = [x["g_" + key] for x in rows]
        flagged = [v for v, x in zip(sc, rows, strict=True) if getattr(x["s"], flag)]
        strength = [x["s"].factors[kind]["strength"] for x in rows]
        pos_s = [v for v, yi in zip(sc, y, strict=True) if yi]
        pos_g = [gi for gi, yi in zip(g, y, strict=True) if yi]
        print(f"{kind:12} {len(flagged):>7} {len(set(flagged)):>8} {auc(y, sc):>6.3f} {auc(y, strength):>8.3f} "
              f"{spearman(sc, y):>6.3f} {spearman(sc, g):>8.3f} {spearman(pos_s, pos_g):>14.3f}")
        print(f"{'':12} flagged scores min / quartiles / max: "
              + " / ".join(f"{q:.1f}" for q in np.quantile(flagged, [0, 0.25, 0.5, 0.75, 1])))
    segs: dict[str, int] = {}
    for x in rows:
        segs[x["seg"]] = segs.get(x["seg"], 0) + 1
    print("segments: " + ", ".join(f"{k} {v}" for k, v in sorted(segs.items(), key=lambda kv: -kv[1])))
    print("detractors (NPS 0–6) in loyal:", sum(x["seg"] == "loyal" and x["nps"] is not None and x["nps"] <= 6
                                               for x in rows))
    risks = [x for x in rows if x["s"].churn_flag]
    print("churn risks whose headline is a verbatim stage (should be 0):", sum(x["s"].stage != "churn" for x in risks))
    staged = [x for x in risks if any(v["churn"] == "1" for v in x["lab"])]
    hit = sum((x["s"].churn_stage or "none") in {v["stage"] for v in x["lab"] if v["churn"] == "1"} for x in staged)
    print(f"stage of the churn signal = a labelled stage of the customer's churn rows: {hit} of {len(staged)}")


if __name__ == "__main__":
    sys.exit(main())
