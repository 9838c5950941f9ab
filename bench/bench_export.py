"""Excel export at scale: a project with N survey answers (real importer, real analysis, topics
and scores), then ``voc export`` timed in a fresh process (its own peak RSS).
Targets: 100,000 verbatims ≤ 30 s and ≤ 1 GB; 1,000,000 completes (split sheets), time reported.

    .venv/bin/python bench/bench_export.py [--sizes 100000 1000000] [--keep DIR] [--mask-pii]

Texts: sentences of the development VoC set recombined (as in bench_topics.py), with attributes
and NPS. ``--keep DIR`` keeps the built projects there and reuses them on the next run.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHILD = """
import json, sys, time
from voc_app.export.excel import export
from voc_app.store import Project
t = time.perf_counter()
with Project(sys.argv[1]) as p:
    res = export(p, sys.argv[2], mask_pii=sys.argv[3] == "1")
# VmHWM, not ru_maxrss: ru_maxrss keeps the forking parent's peak across exec
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({"seconds": time.perf_counter() - t, "rss_mb": hwm / 1024,
                  "sheets": res.sheets, "verbatims": res.verbatims}))
"""


def build(path: Path, n: int) -> None:
    from bench.bench_topics import generate
    from voc_app.analysis import analyze_project
    from voc_app.importing import import_file
    from voc_app.signals import score_project
    from voc_app.store import Project
    from voc_app.topics import update_topics

    rnd = random.Random(n)
    texts = generate(n, seed=n)
    csv_path = path.with_suffix(".csv")
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        f.write("回答ID,顧客ID,回答日時,年代,プラン,おすすめ度（0〜10）,ご意見をお聞かせください\n")
        for i, t in enumerate(texts):
            f.write(f"R{i},K{rnd.randint(1, max(1, n // 4)):07d},2025/{rnd.randint(1, 12):02d}/{rnd.randint(1, 28):02d}"
                    f" 10:00,{rnd.choice(['20代', '30代', '40代', '50代'])},{rnd.choice(['定期便', '単品'])},"
                    f"{rnd.randint(0, 10)},\"{t}\"\n")
    with Project.create(path) as p:
        for step, fn in (("import", lambda: import_file(p, csv_path)), ("analyze", lambda: analyze_project(p)),
                         ("topics", lambda: [update_topics(p, s) for s in ("delight", "pain")]),
                         ("score", lambda: score_project(p))):
            t = time.perf_counter()
            fn()
            print(f"  build {step:<8} {time.perf_counter() - t:6.1f} s", flush=True)
    csv_path.unlink()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--keep", help="folder to keep (and reuse) the built projects")
    ap.add_argument("--mask-pii", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(args.keep) if args.keep else Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        for n in args.sizes:
            project = base / f"export_{n}.voc"
            print(f"== {n:,} verbatims", flush=True)
            if not project.exists():
                build(project, n)
            out = Path(tmp) / f"export_{n}.xlsx"
            r = subprocess.run([sys.executable, "-c", CHILD, str(project), str(out), "1" if args.mask_pii else "0"],
                               capture_output=True, text=True, cwd=ROOT, check=True)
            res = json.loads(r.stdout.strip().splitlines()[-1])
            print(f"  export {res['verbatims']:,} verbatims{' (masked)' if args.mask_pii else ''}: "
                  f"{res['seconds']:.1f} s, peak RSS {res['rss_mb']:.0f} MB, {out.stat().st_size / 2**20:.0f} MB, "
                  f"sheets: {', '.join(res['sheets'])}", flush=True)


if __name__ == "__main__":
    main()
