"""Speed and memory of `voc classify` vs raw SudachiPy tokenisation, same texts, same run.

    .venv/bin/python bench/bench_text.py [--n 100000]

Texts: N generated customer voices of about 100 characters (fragments recombined with a seed),
written to a TSV. Prints: raw SudachiPy (mode C, dictionary created once, ``tokenize()`` only)
wall time, measured before and after (the faster is the reference: the machine is shared);
`voc classify --workers 1` on the same texts as a separate process (start, model load, cue
layer, Sudachi tokens, meaning vectors, the learned model, writing the TSV) and its ratio to
raw Sudachi (target ≤ 10×); that process's peak memory (target ≤ 1.5 GB); and `voc classify`
with all cores.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

HEADS = ["届いた枕が", "アプリの通知が", "サポートの対応が", "定期便の配送が", "カバーの肌ざわりが", "スタッフの説明が",
         "値段のわりに品質が", "組み立ての説明書が", "ポイントの付与が", "返品の手続きが"]
MIDS = ["思ったより", "本当に", "ちょっと", "いつも", "最初は", "最近は", "毎回", "正直"]
TAILS = ["良くて毎朝すっきり目覚めます。", "遅くて困っています。友達にも勧めたいのですが。", "分かりにくいので改善してほしいです。",
         "丁寧で感動しました！また頼みます", "高すぎるので解約を考えています。", "悪くないけど、もう少し安ければ嬉しい。",
         "早くて助かりました。家族にも紹介しました。", "消えてしまいました。二度と使いません。"]


def texts(n: int) -> list[str]:
    rng = random.Random(3)
    return [rng.choice(HEADS) + rng.choice(MIDS) + rng.choice(TAILS) + rng.choice(HEADS) + rng.choice(TAILS)
            + rng.choice(HEADS) + rng.choice(MIDS) + rng.choice(TAILS) for _ in range(n)]


def classify(path: Path, out: Path, workers: int) -> tuple[float, float]:
    """Wall time and peak RSS (GB) of `voc classify` in its own process."""
    import resource
    import subprocess

    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "voc_app.cli", "classify", str(path), "--text-column", "text",
                           "--out", str(out), "--workers", str(workers)], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"voc classify failed: {proc.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1e6  # kB → GB (largest child so far)
    return wall, peak


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    args = ap.parse_args()
    data = texts(args.n)
    print(f"{len(data):,} texts, {sum(map(len, data)) / len(data):.0f} characters on average", flush=True)
    from sudachipy import Dictionary, SplitMode

    tok = Dictionary(dict="core").create(SplitMode.C)

    def raw_run() -> float:
        t0 = time.perf_counter()
        for t in data:
            tok.tokenize(t)
        return time.perf_counter() - t0

    for t in data[:2000]:  # page the dictionary in: the pipeline runs warm too
        tok.tokenize(t)
    raw1 = raw_run()
    print(f"raw SudachiPy tokenisation: {raw1:.1f} s ({len(data) / raw1:,.0f} texts/s)", flush=True)
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        src, out = Path(d) / "in.tsv", Path(d) / "out.tsv"
        src.write_text("id\ttext\n" + "".join(f"{i}\t{t}\n" for i, t in enumerate(data)), encoding="utf-8")
        one, peak = classify(src, out, 1)
        raw2 = raw_run()
        raw = min(raw1, raw2)
        print(f"raw SudachiPy tokenisation again: {raw2:.1f} s", flush=True)
        print(f"voc classify --workers 1: {one:.1f} s ({len(data) / one:,.0f} texts/s); "
              f"ratio to raw Sudachi {one / raw:.2f}× (target ≤ 10×; raw = the faster run); "
              f"peak memory {peak:.2f} GB (target ≤ 1.5 GB)", flush=True)
        cores = os.cpu_count() or 1
        many, _ = classify(src, out, cores)
        print(f"voc classify --workers {cores}: {many:.1f} s; speed-up {one / many:.2f}×; "
              f"ratio to raw Sudachi {many / raw:.2f}×", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
