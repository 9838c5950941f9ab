"""Customer scoring speed: 100,000 customers, 1,000,000 verbatims, 300,000 tickets.

    .venv/bin/python bench/bench_signals.py [--customers 100000]

Builds a project through the real importers (a survey CSV with 350,000 responses × 2 open
questions and a Zendesk JSONL with 300,000 tickets, texts recombined from fragments), runs the
real text analysis (identical texts are analysed once), then times ``score_project`` — the
target is ≤ 30 s for scoring after the text analysis. Import and analysis times are printed too.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SUBJECTS = ["配送", "梱包", "価格", "アプリ", "サポートの対応", "枕の高さ", "カバーの肌ざわり", "定期便", "ポイント", "説明書"]
GOOD = ["がとても良かった", "に感動しました", "のおかげで毎朝すっきり", "が期待以上でした", "が早くて助かりました"]
BAD = ["が分かりにくい", "が遅すぎます", "がもう少し安ければ", "の連絡がありませんでした", "で困っています"]
EXTRA = ["", "。友達にも勧めました", "。解約を考えています", "。また買います", "。最近は使っていません", "！"]


def main() -> int:
    from voc_app.analysis import analyze_project
    from voc_app.importing import import_file
    from voc_app.signals import score_project
    from voc_app.store import Project

    ap = argparse.ArgumentParser()
    ap.add_argument("--customers", type=int, default=100_000)
    args = ap.parse_args()
    n_cust = args.customers
    n_resp = n_cust * 35 // 10
    n_tick = n_cust * 3
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        survey, tickets = d / "survey.csv", d / "tickets.jsonl"
        with open(survey, "w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(["回答ID", "回答日時", "顧客ID", "NPS(0-10)", "買ってみて一番嬉しかったのはどんな時でしたか？",
                        "ご不満な点があれば教えてください"])
            for i in range(n_resp):
                w.writerow([i + 1, f"2025/{1 + i % 12}/{1 + i % 28} 10:00", f"K{rng.randrange(n_cust):06d}",
                            rng.randrange(11), rng.choice(SUBJECTS) + rng.choice(GOOD) + rng.choice(EXTRA),
                            rng.choice(SUBJECTS) + rng.choice(BAD) + rng.choice(EXTRA)])
        with open(tickets, "w", encoding="utf-8") as f:
            for i in range(n_tick):
                text = rng.choice(SUBJECTS) + rng.choice(BAD) + rng.choice(EXTRA)
                cust = f"K{rng.randrange(n_cust):06d}"
                t = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T09:00:00Z"
                f.write(json.dumps({"id": 10_000_000 + i, "subject": text[:24], "description": text, "status": "open",
                                    "requester_id": cust, "created_at": t, "updated_at": t,
                                    "comments": [{"id": i, "author_id": cust, "body": text, "created_at": t}]},
                                   ensure_ascii=False) + "\n")
        with Project.create(d / "bench.voc") as p:
            t0 = time.perf_counter()
            import_file(p, survey)
            import_file(p, tickets)
            t1 = time.perf_counter()
            analyze_project(p)
            t2 = time.perf_counter()
            counts = p.conn.execute("SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM verbatims),"
                                    " (SELECT count(*) FROM tickets)").fetchone()
            seg = score_project(p)
            t3 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"customers {counts[0]:,}, verbatims {counts[1]:,}, tickets {counts[2]:,}")
    print(f"import {t1 - t0:.1f} s; text analysis {t2 - t1:.1f} s (identical texts analysed once)")
    print(f"scoring {t3 - t2:.1f} s (target ≤ 30 s); segments {seg['now']}; peak RSS {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
