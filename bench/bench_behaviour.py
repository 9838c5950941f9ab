"""Behaviour imports at scale: 100,000-customer list, 1,000,000 orders and 100,000 referrals,
each imported with ``voc_app.importing.import_file`` (one transaction, then the per-customer
aggregation: RFM, tenure, referrals made and converted). Prints time per file and peak RSS.
Target: orders + referrals imported and aggregated in ≤ 60 s, peak RSS ≤ 1 GB.

    .venv/bin/python bench/bench_behaviour.py [--orders 1000000] [--referrals 100000]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from voc_app.importing import import_file  # noqa: E402
from voc_app.store import Project  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_files(d: Path, customers: int, orders: int, referrals: int) -> tuple[Path, Path, Path]:
    rnd = random.Random(7)
    ids = [f"K{i:07d}" for i in range(1, customers + 1)]
    cpath, opath, rpath = d / "customers.csv", d / "orders.csv", d / "referrals.csv"
    with open(cpath, "w", encoding="utf-8", newline="") as f:
        f.write("Customer ID,Email,Total Spent,Total Orders,Created At,プラン,地域\n")
        for i, c in enumerate(ids):
            f.write(f"{c},user{i}@example.jp,{rnd.randint(0, 200) * 100},{rnd.randint(0, 30)},"
                    f"20{rnd.randint(18, 24)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d},"
                    f"{rnd.choice(['定期便', '単品', 'プレミアム'])},{rnd.choice(['関東', '関西', '九州', '北海道'])}\n")
    with open(opath, "w", encoding="cp932", newline="") as f:
        f.write("注文番号,顧客ID,注文日,商品名,金額\r\n")
        for n in range(orders):
            # a few ids written the messy way (full-width, padded) as real exports do
            c = rnd.choice(ids)
            if n % 50 == 0:
                c = " " + c.replace("K", "Ｋ") + " "
            f.write(f"#{n + 100000},{c},2025/{rnd.randint(1, 12):02d}/{rnd.randint(1, 28):02d} "
                    f"{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d},"
                    f"{rnd.choice(['まくら', 'カバー', '敷きパッド', '定期便'])},{rnd.randint(5, 300) * 100}円\r\n")
    with open(rpath, "w", encoding="utf-8", newline="") as f:
        f.write("紹介者ID,紹介された顧客ID,紹介日,ステータス\n")
        for n in range(referrals):
            referred = rnd.choice(ids) if n % 3 else f"friend{n}@example.jp"
            f.write(f"{rnd.choice(ids)},{referred},2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d},"
                    f"{rnd.choice(['登録', '購入', '特典付与', '未購入'])}\n")
    return cpath, opath, rpath


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--customers", type=int, default=100_000)
    ap.add_argument("--orders", type=int, default=1_000_000)
    ap.add_argument("--referrals", type=int, default=100_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        t = time.perf_counter()
        files = write_files(d, args.customers, args.orders, args.referrals)
        print(f"generated files in {time.perf_counter() - t:.1f} s:",
              ", ".join(f"{p.name} {p.stat().st_size / 2**20:.0f} MB" for p in files))
        with Project.create(d / "b.voc") as project:
            times = {}
            for path in files:
                t = time.perf_counter()
                rep = import_file(project, path)
                times[path.name] = time.perf_counter() - t
                c = rep.counts
                print(f"  {path.name:<15} {rep.kind:<9} {times[path.name]:6.1f} s   "
                      + ", ".join(f"{k} {v:,}" for k, v in c.items()
                                  if k in ("customers_listed", "orders", "referrals", "unmatched_ids",
                                           "referred_not_customers") and v)
                      + f"   peak RSS {peak_mb():.0f} MB")
            segs = project.conn.execute("SELECT rfm_segment, count(*) FROM customer_behaviour GROUP BY 1"
                                        " ORDER BY 2 DESC").fetchall()
            print("  RFM segments:", ", ".join(f"{s or '-'} {n:,}" for s, n in segs))
        both = times["orders.csv"] + times["referrals.csv"]
        print(f"orders + referrals imported and aggregated: {both:.1f} s (target ≤ 60 s); "
              f"peak RSS {peak_mb():.0f} MB (target ≤ 1,024 MB)")


if __name__ == "__main__":
    main()
