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
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

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
    return 0


if __name__ == "__main__":
    sys.exit(main())
