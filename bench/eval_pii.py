"""What PII masking catches: recall and precision per kind on a labelled evaluation set written for
this project **after** the masking was built, by a writer who never saw its code or tests, and
never tuned on (``bench/data/pii_eval.tsv``: 300 texts, expected ``kind:substring`` spans; 100
rows without personal data check for false alarms). A span counts as caught when a found span
of the same kind covers it exactly. (``tests/fixtures/pii_samples.tsv`` is the small set the
masking was developed against: pass it as FILE to see that one.)

    .venv/bin/python bench/eval_pii.py [FILE.tsv]
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp.pii import find  # noqa: E402

DEFAULT = Path(__file__).resolve().parent / "data" / "pii_eval.tsv"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    tp, fn, fp = Counter(), Counter(), Counter()
    for r in rows:
        text = r["text"]
        gold = {tuple(x.split(":", 1)) for x in r["pii"].split(";") if x}
        found = {(s.kind, text[s.start:s.end]) for s in find(text)}
        for g in gold:
            (tp if g in found else fn)[g[0]] += 1
            if g not in found:
                print(f"  missed {g[0]:<8} 「{g[1]}」 in {text}")
        for x in found - gold:
            fp[x[0]] += 1
            print(f"  extra  {x[0]:<8} 「{x[1]}」 in {text}")
    print(f"{len(rows)} texts")
    print(f"{'kind':<10}{'recall':>8}{'precision':>11}")
    for k in sorted(set(tp) | set(fn) | set(fp)):
        rec = tp[k] / (tp[k] + fn[k]) if tp[k] + fn[k] else 1.0
        prec = tp[k] / (tp[k] + fp[k]) if tp[k] + fp[k] else 1.0
        print(f"{k:<10}{rec:>8.2f}{prec:>11.2f}")
    T, N, P = sum(tp.values()), sum(fn.values()), sum(fp.values())
    print(f"{'all':<10}{T / (T + N):>8.2f}{T / (T + P):>11.2f}")


if __name__ == "__main__":
    main()
