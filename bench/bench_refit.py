"""Refit time of the project layer (issue 21): a 100,000-verbatim project with 200 corrections.

    .venv/bin/python bench/bench_refit.py [--n 100000] [--corrections 200] [--rebuild]

The project (built once and kept in bench/out/: 100,000 distinct survey answers, each two
sentences of the training corpus joined, imported and analysed as a user's project) gets 200
corrections from a TSV (``voc correct --from``); then, in this process:

- ``learn`` cold: project features built from the stored tokens (hashed words + the meaning
  vectors, the vector table loaded), fit, cross-validation, every verbatim re-labelled and
  written back;
- ``learn`` warm: one more correction, features cached in memory (the app's case: a person
  corrects, then refits);
- ``queue`` (warm);
- the reference, measured in the same run: analysing one chunk of the same texts
  (``ANALYZE_CHUNK`` = 2,000 answers, the unit of ``voc analyze``, one process).

Target: a refit ≤ 30 s on 2 cores.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "bench" / "out"


def texts(n: int) -> tuple[list[str], list[dict]]:
    """``n`` distinct answers: two corpus texts joined (the first one's labels kept)."""
    from bench import train_text_model as T

    rows = [r for p in sorted(T.CORPUS.glob("*.tsv")) for r in T.read_tsv(p)]
    rng = np.random.default_rng(0)
    seen, out, labels = set(), [], []
    while len(out) < n:
        a, b = rng.integers(0, len(rows), 2)
        t = rows[a]["text"].rstrip("。") + "。" + rows[b]["text"]
        if t not in seen:
            seen.add(t)
            out.append(t)
            labels.append(rows[a])
    return out, labels


def build(path: Path, n: int) -> None:
    import csv

    from voc_app.analysis import analyze_project
    from voc_app.importing import import_file
    from voc_app.store import Project

    src = path.with_suffix(".csv")
    ts, _ = texts(n)
    with open(src, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["回答ID", "顧客ID", "ご意見"])
        w.writerows((f"A{i:06d}", f"C{i // 3:06d}", t) for i, t in enumerate(ts))
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    with Project.create(path) as p:
        import_file(p, src, format="excel_csv", overrides=[("id", "回答ID"), ("customer", "顧客ID"), ("text", "ご意見")])
        t1 = time.perf_counter()
        analyze_project(p, workers=2)
    print(f"built {path.name}: {n:,} answers, import {t1 - t0:.0f} s, analysis {time.perf_counter() - t1:.0f} s (2 processes)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--corrections", type=int, default=200)
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"refit_{args.n}.voc"
    if args.rebuild or not path.exists():
        build(path, args.n)

    import shutil

    from voc_app import corrections as C
    from voc_app.analysis import ANALYZE_CHUNK, _analyze_chunk
    from voc_app.store import Project

    work = OUT / f"refit_{args.n}_work.voc"
    for suffix in ("", "-wal", "-shm"):
        Path(str(work) + suffix).unlink(missing_ok=True)
    shutil.copy(path, work)
    ts, gold = texts(args.n)
    rng = np.random.default_rng(1)
    with Project(work) as p:
        ids = [r.verbatim_id for r in C.labels(p)]
        pick = sorted(rng.choice(len(ids), size=args.corrections, replace=False).tolist())
        tsv = OUT / "refit_corrections.tsv"
        with open(tsv, "w", encoding="utf-8") as f:
            f.write("verbatim_id\tpolarity\tchurn\tadvocacy\tstage\n")
            for k in pick:
                g = gold[k]
                f.write(f"{ids[k]}\t{g['polarity']}\t{g['churn']}\t{g['advocacy']}\t{g['stage']}\n")
        t0 = time.perf_counter()
        C.correct_many(p, tsv, coder="bench")
        t_correct = time.perf_counter() - t0

        steps: list[tuple[float, str]] = []

        def tick(fraction, message):
            steps.append((time.perf_counter(), message))

        t0 = time.perf_counter()
        cold = C.learn(p, tick)
        t_cold = time.perf_counter() - t0
        marks = [(s - t0, m) for s, m in steps]
        C.correct(p, ids[0], polarity="pain")
        t0 = time.perf_counter()
        warm = C.learn(p)
        t_warm = time.perf_counter() - t0
        t0 = time.perf_counter()
        q = C.queue(p, 20)
        t_queue = time.perf_counter() - t0
    for suffix in ("", "-wal", "-shm"):
        Path(str(work) + suffix).unlink(missing_ok=True)
    shutil.rmtree(str(work) + "-backups", ignore_errors=True)  # the automatic backups taken before each refit

    t0 = time.perf_counter()
    _analyze_chunk(ts[:ANALYZE_CHUNK])  # loads Sudachi, the cue patterns and the model: not counted
    t_first = time.perf_counter() - t0
    t0 = time.perf_counter()
    _analyze_chunk(ts[ANALYZE_CHUNK:2 * ANALYZE_CHUNK])
    t_chunk = time.perf_counter() - t0

    print(f"project: {args.n:,} analysed answers, {cold.corrections} corrected (TSV in {t_correct:.1f} s)")
    print(f"learn, cold (features from the stored tokens, vector table loaded): {t_cold:5.1f} s")
    for at, m in marks:
        print(f"    {at:5.1f} s  {m}")
    print(f"learn, warm (features cached, one more correction):                 {t_warm:5.1f} s")
    print(f"queue (20, warm):                                                   {t_queue:5.1f} s")
    print(f"reference: analysing one chunk of {ANALYZE_CHUNK:,} of these answers (1 process): {t_chunk:5.1f} s"
          f" (first chunk, with loading: {t_first:.1f} s); the whole project ≈ {t_chunk * args.n / ANALYZE_CHUNK:.0f} s"
          " in 1 process")
    print(f"cross-validated agreement {cold.agreement:.3f} (shipped model {cold.shipped_agreement:.3f});"
          f" labels changed by the layer: {cold.relabelled:,} (warm {warm.relabelled:,}); queue returned {len(q.items)}")
    print(f"target ≤ 30 s: cold {'met' if t_cold <= 30 else 'MISSED'}, warm {'met' if t_warm <= 30 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
