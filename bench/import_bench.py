"""Import speed and memory on 1,000,000 generated survey rows (CP932 and UTF-8).

    .venv/bin/python bench/import_bench.py [--rows 1000000]

For each encoding it writes a Japanese-Excel-style survey CSV (7 columns, two open
questions), then measures in separate processes (so that peak RSS is per run):
  - reference: the same file read with the csv module and written with a raw
    sqlite-utils ``insert_all`` into one table (no dedup, no search index);
  - ours: ``voc import`` via ``voc_app.importing.import_file`` (encoding check, format
    detection, dedup, customers, responses, 2 verbatims per row, non-answer marks,
    FTS5 trigram index, one transaction; a file this large is read and deduplicated in a
    second process while the first writes).
It prints rows/s, peak RSS (ours: also of both processes together, sampled every 50 ms) and
ours/reference (target: ratio ≥ 0.5, peak RSS ≤ 1 GB).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

HEADER = ["回答ID", "回答日時", "顧客ID", "年代", "NPS(0-10)", "買ってみて一番嬉しかったのはどんな時でしたか？",
          "ご不満な点があれば教えてください"]
SUBJECTS = ["配送", "梱包", "価格", "アプリ", "サポートの対応", "枕の高さ", "カバーの肌ざわり", "定期便", "ポイント", "説明書"]
GOOD = ["がとても良かった", "に感動しました", "のおかげで毎朝すっきり", "が期待以上でした", "が早くて助かりました"]
BAD = ["が分かりにくい", "が遅すぎます", "がもう少し安ければ", "の連絡がありませんでした", "で困っています"]
TAILS = ["", "。", "！", "😊", "ｗ", "。また買います", "。改善をお願いします", "（３回目です）"]
AGES = ["20代", "30代", "40代", "50代", "60代", ""]


def generate(path: Path, rows: int, encoding: str) -> None:
    rng = random.Random(7)
    # like Japanese Excel, characters CP932 cannot hold (emoji) are written as "?"
    with open(path, "w", encoding=encoding, errors="replace", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(HEADER)
        for i in range(rows):
            d = rng.choice(SUBJECTS) + rng.choice(GOOD) + rng.choice(TAILS) if rng.random() < 0.9 else ""
            p = (rng.choice(SUBJECTS) + rng.choice(BAD) + rng.choice(TAILS)) if rng.random() < 0.8 else "特になし"
            w.writerow([i + 1, f"2025/{1 + i % 12}/{1 + i % 28} {i % 24}:{i % 60:02d}", f"K{i % 200_000:06d}",
                        AGES[i % 6], str(i % 11) if i % 17 else "", f"{d} {i}" if d else "", p])


def child_reference(path: Path, encoding: str, db: Path) -> dict:
    import sqlite_utils

    t0 = time.perf_counter()
    database = sqlite_utils.Database(db)
    with open(path, encoding=encoding, newline="") as f:
        r = csv.reader(f)
        header = next(r)
        database["rows"].insert_all(dict(zip(header, row, strict=False)) for row in r)  # defaults, as documented
    n = database["rows"].count
    return {"seconds": time.perf_counter() - t0, "rows": n}


def child_ours(path: Path, db: Path) -> dict:
    import threading

    import psutil

    from voc_app.importing import import_file
    from voc_app.store import Project

    # a large survey file is read in a second process: sample the memory of this process and
    # all its descendants together (ru_maxrss covers this process only)
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        me = psutil.Process()
        while not stop.wait(0.05):
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            peak[0] = max(peak[0], total)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t0 = time.perf_counter()
    with Project.create(db) as p:
        r = import_file(p, path)
    seconds = time.perf_counter() - t0
    stop.set()
    sampler.join()
    return {"seconds": seconds, "rows": r.counts["responses"], "verbatims": r.counts["verbatims"],
            "peak_rss_all_mb": peak[0] / 2**20}


def run_child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--child", nargs="+")
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        res = child_reference(Path(rest[0]), rest[1], Path(rest[2])) if kind == "ref" else child_ours(Path(rest[0]), Path(rest[1]))
        res["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(res))
        return 0
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        for enc in ("cp932", "utf-8"):
            src = d / f"survey_{enc}.csv"
            t0 = time.perf_counter()
            generate(src, args.rows, enc)
            size = src.stat().st_size
            print(f"[{enc}] generated {args.rows:,} rows, {size / 1e6:.0f} MB in {time.perf_counter() - t0:.0f} s", flush=True)
            ref = run_child("ref", str(src), enc, str(d / f"ref_{enc}.db"))
            ours = run_child("ours", str(src), str(d / f"ours_{enc}.voc"))
            ref_rate = ref["rows"] / ref["seconds"]
            our_rate = ours["rows"] / ours["seconds"]
            print(f"[{enc}] reference csv + sqlite-utils insert_all: {ref['seconds']:.1f} s, {ref_rate:,.0f} rows/s, "
                  f"peak RSS {ref['peak_rss_mb']:.0f} MB", flush=True)
            print(f"[{enc}] voc import (responses {ours['rows']:,}, verbatims {ours['verbatims']:,}): "
                  f"{ours['seconds']:.1f} s, {our_rate:,.0f} rows/s, peak RSS {ours['peak_rss_mb']:.0f} MB "
                  f"(with its reading process: {ours['peak_rss_all_mb']:.0f} MB)", flush=True)
            print(f"[{enc}] ratio ours/reference = {our_rate / ref_rate:.2f} (target ≥ 0.5); "
                  f"peak RSS {'OK' if ours['peak_rss_all_mb'] <= 1024 else 'OVER'} (target ≤ 1024 MB)", flush=True)
            for f in d.glob(f"*{enc}*"):
                f.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
