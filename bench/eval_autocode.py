"""Do codes learn from a coder's examples? Proposal precision / recall on a coded fixture.

    .venv/bin/python bench/eval_autocode.py [--seeds 3] [--n 10,20,40]

Protocol (issue 21 item 4):
1. ``bench/data/autocode_answers.tsv`` (400 answers of a mail-order shop, 5 codes by
   construction: see ``bench/autocode_fixture.py``) is imported as a survey and analysed.
2. A simulated coder goes through the answers in a random order (per seed), giving each answer
   all of its true codes (an answer without any is marked as reviewed), until every code has at
   least N examples (N = 10, 20, 40) — a coder codes answers as they come, so frequent codes get
   more than N.
3. Per code, ``propose_by_example`` (target precision 0.8) trains on the coder's codings and
   proposes the code on the answers the coder has not gone through.
4. Printed per N and code: the coder's positives / negatives, the cross-validated estimate
   (precision, recall) and the proposals' actual precision and recall on the remaining answers
   (recall: of the remaining answers that truly carry the code); averages over the codes, over
   seeds. A code without proposals counts as recall 0 and has no precision.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.autocode_fixture import CODES, read_answers, write_csv  # noqa: E402

CODER = "評価者"


def build(tmp: Path) -> tuple[Path, dict[int, set[str]]]:
    from voc_app.analysis import analyze_project
    from voc_app.importing import import_file
    from voc_app.store import Project

    rows = read_answers()
    path = tmp / "base.voc"
    with Project.create(path) as p:
        import_file(p, write_csv(rows, tmp / "answers.csv"))
        analyze_project(p, workers=1)
        got = p.conn.execute("SELECT id, text FROM verbatims ORDER BY id").fetchall()
    assert len(got) == len(rows) and all(t == r[2] for (_, t), r in zip(got, rows, strict=True)), "import order"
    return path, {vid: r[1] for (vid, _), r in zip(got, rows, strict=True)}


def simulate(path: Path, truth: dict[int, set[str]], n: int, seed: int) -> set[int]:
    """The coder codes answers in a random order until every code has ``n`` examples."""
    from voc_app import coding as C
    from voc_app.store import Project

    order = list(truth)
    np.random.default_rng(seed).shuffle(order)
    have = dict.fromkeys(CODES, 0)
    seen = set()
    with Project(path) as p:
        ids = {c: C.add_code(p, c) for c in CODES}
        for vid in order:
            if min(have.values()) >= n:
                break
            seen.add(vid)
            if not truth[vid]:
                C.mark_reviewed(p, [vid], CODER)
            for c in truth[vid]:
                C.tag(p, vid, ids[c], CODER)
                have[c] += 1
    return seen


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--n", default="10,20,40")
    args = ap.parse_args()
    from voc_app.coding_examples import propose_by_example
    from voc_app.store import Project

    ns = [int(x) for x in args.n.split(",")]
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        base, truth = build(tmp)
        print(f"{len(truth)} answers; " + ", ".join(f"{c} {sum(c in t for t in truth.values())}" for c in CODES))
        print("N  seed  code          pos  neg  | CV prec  CV rec | proposed  precision  recall  (remaining)")
        summary = {}
        for n in ns:
            per: dict[str, list[tuple]] = {c: [] for c in CODES}
            for seed in range(args.seeds):
                path = tmp / f"n{n}_s{seed}.voc"
                shutil.copy(base, path)
                seen = simulate(path, truth, n, seed)
                rest = [v for v in truth if v not in seen]
                with Project(path) as p:
                    for c in CODES:
                        r = propose_by_example(p, code=c, coder=CODER)
                        got = {v for v, _ in r.proposed}
                        true = {v for v in rest if c in truth[v]}
                        tp = len(got & true)
                        prec = tp / len(got) if got else None
                        rec = tp / len(true) if true else None
                        per[c].append((r.positives, r.negatives, r.cv_precision, r.cv_recall, len(got), prec, rec))
                        print(f"{n:<3}{seed:>4}  {c:<10}{r.positives:>5}{r.negatives:>5}  | {_f(r.cv_precision):>7}"
                              f" {_f(r.cv_recall):>6} | {len(got):>8}  {_f(prec):>9}  {_f(rec):>6}  ({len(rest)})")
            summary[n] = per
        print("\nMean over seeds (precision over runs with proposals; recall 0 when nothing is proposed)")
        print("N   code          pos   CV prec  CV rec | precision  recall  proposed")
        for n, per in summary.items():
            allp, allr, allcp, allcr = [], [], [], []
            for c, runs in per.items():
                ps = [r[5] for r in runs if r[5] is not None]
                rs = [r[6] or 0.0 for r in runs]
                cps = [r[2] for r in runs if r[2] is not None]
                crs = [r[3] for r in runs if r[3] is not None]
                allp += ps
                allr += rs
                allcp += cps
                allcr += crs
                print(f"{n:<4}{c:<10}{np.mean([r[0] for r in runs]):>7.1f}  {_m(cps):>7} {_m(crs):>6} | {_m(ps):>9}"
                      f"  {_m(rs):>6}  {np.mean([r[4] for r in runs]):>8.1f}")
            print(f"{n:<4}{'average':<10}{'':>7}  {_m(allcp):>7} {_m(allcr):>6} | {_m(allp):>9}  {_m(allr):>6}")
    return 0


def _f(v: float | None) -> str:
    return "—" if v is None else f"{v:.2f}"


def _m(vs: list[float]) -> str:
    return "—" if not vs else f"{np.mean(vs):.2f}"


if __name__ == "__main__":
    sys.exit(main())
