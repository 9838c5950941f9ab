"""Check the training corpus (training/corpus/*.tsv) and, with --fix, drop the rows that break
the rules of training/README.md.

    .venv/bin/python training/check_corpus.py [--shared ../shared] [--fix] [--counts]

Checks:
- format: the header, 10 tab-separated columns, UTF-8, LF, no quoting, unique ids;
- label values and the policy's consistency rules: stage = advocacy exactly when advocacy = 1,
  churn_type given exactly when churn = 1, advocacy_type exactly when advocacy = 1;
- no duplicate text inside the corpus (exact, or after NFKC, lower case and removing spaces,
  punctuation and symbols) — a repeated text would sit on both sides of a cross-validation split;
- no exact or near-duplicate (character 3-gram Jaccard ≥ 0.45 on the normalised text, the
  evaluation data's own measure) of any text in ../shared/data (the development VoC set, the
  polarity and topic sets, the import fixtures): evaluation rows are never training rows;
- no company or product name of the development set's fictional companies;
- the probe set (training/probe/probe.tsv), written before training and never trained on, shares
  no text (exact or near) with the corpus.

Exit status 0 when clean (after --fix: when what is left is clean), 1 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADER = ["id", "industry", "channel", "text", "polarity", "churn", "advocacy", "stage", "churn_type", "advocacy_type"]
VALUES = {
    "channel": {"survey_delight_q", "survey_pain_q", "survey_nps_reason", "support", "app_review", "interview", "sns"},
    "polarity": {"delight", "pain", "neutral", "mixed"},
    "churn": {"0", "1"},
    "advocacy": {"0", "1"},
    "stage": {"first_experience", "success", "advocacy", "none"},
    "churn_type": {"", "explicit", "switch", "refund", "never_again", "how_to_cancel", "conditional", "dormant"},
    "advocacy_type": {"", "recommended", "referred", "gifted", "review", "community"},
}
DEV_NAMES = ["はなゆい", "コトリ", "やさい便り", "KAZEMI", "マネログ", "Speakle", "キンタイPro", "請求ラク", "FIT24", "もくれん家具"]
NEAR = 0.45
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


def norm(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in _PUNCT.sub("", t) if unicodedata.category(ch)[0] not in "PSZ")


def grams(t: str) -> set[str]:
    return {t[i:i + 3] for i in range(len(t) - 2)} if len(t) >= 3 else {t}


def read(path: Path) -> tuple[list[str], list[list[str]], list[str]]:
    problems = []
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{path.name}: has a BOM")
    if b"\r" in raw:
        problems.append(f"{path.name}: has CR line ends")
    lines = raw.decode("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header = lines[0].split("\t") if lines else []
    rows = [ln.split("\t") for ln in lines[1:]]
    return header, rows, problems


def shared_texts(shared: Path) -> list[tuple[str, str]]:
    """(where, text) of every text in ../shared/data."""
    out = []
    data = shared / "data"
    for rel, col in (("voc/verbatims.tsv", "text"), ("dev_polarity.tsv", "text"), ("dev_topics.tsv", "text")):
        p = data / rel
        if p.exists():
            with open(p, encoding="utf-8", newline="") as f:
                out += [(f"{rel}:{r.get('id', '')}", r[col]) for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    fmt = data / "formats"
    if fmt.is_dir():
        for p in fmt.iterdir():
            if p.suffix == ".jsonl":
                for ln in p.read_text(encoding="utf-8").splitlines():
                    try:
                        obj = json.loads(ln)
                    except ValueError:
                        continue
                    for v in _strings(obj):
                        if len(v) >= 4:
                            out.append((p.name, v))
            elif p.suffix == ".csv":
                enc = "cp932" if "cp932" in p.name else "utf-8-sig"
                with open(p, encoding=enc, errors="replace", newline="") as f:
                    for row in csv.reader(f):
                        out += [(p.name, c) for c in row if len(c) >= 8]
    return out


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


class NearIndex:
    """Texts by normalised form and by 3-gram, to find exact and near duplicates quickly."""

    def __init__(self, items: list[tuple[str, str]]) -> None:
        self.items = [(w, n, grams(n)) for w, t in items if (n := norm(t))]
        self.exact = {n: w for w, n, _ in self.items}
        self.by_gram: dict[str, list[int]] = defaultdict(list)
        for i, (_, _, g) in enumerate(self.items):
            for x in g:
                self.by_gram[x].append(i)

    def match(self, text: str) -> str | None:
        n = norm(text)
        if not n:
            return None
        if n in self.exact:
            return f"same text as {self.exact[n]}"
        g = grams(n)
        seen = Counter(i for x in g for i in self.by_gram.get(x, ()))
        for i, inter in seen.most_common(20):
            w, _, h = self.items[i]
            if inter / len(g | h) >= NEAR:
                return f"near-duplicate (3-gram Jaccard {inter / len(g | h):.2f}) of {w}"
        return None


def check(shared: Path, fix: bool = False, counts: bool = False) -> int:
    files = sorted((HERE / "corpus").glob("*.tsv"))
    problems: list[str] = []
    evaluation = NearIndex(shared_texts(shared))
    corpus_seen = NearIndex([])
    ids: set[str] = set()
    kept_rows: list[dict[str, str]] = []
    dropped: Counter = Counter()
    for path in files:
        header, rows, probs = read(path)
        problems += probs
        if header != HEADER:
            problems.append(f"{path.name}: header is {header}")
            continue
        keep = []
        for k, cells in enumerate(rows, start=2):
            where = f"{path.name}:{k}"
            if len(cells) != len(HEADER):
                problems.append(f"{where}: {len(cells)} columns")
                dropped["format"] += 1
                continue
            r = dict(zip(HEADER, cells, strict=True))
            bad = [f"{c}={r[c]!r}" for c, vals in VALUES.items() if r[c] not in vals]
            if r["id"] in ids:
                bad.append(f"id {r['id']} repeated")
            if (r["stage"] == "advocacy") != (r["advocacy"] == "1"):
                bad.append("stage = advocacy must go with advocacy = 1")
            if (r["churn_type"] != "") != (r["churn"] == "1"):
                bad.append("churn_type must be given exactly when churn = 1")
            if (r["advocacy_type"] != "") != (r["advocacy"] == "1"):
                bad.append("advocacy_type must be given exactly when advocacy = 1")
            if not r["text"].strip():
                bad.append("empty text")
            if any(name.lower() in r["text"].lower() for name in DEV_NAMES):
                bad.append("names a company of the development set")
            if bad:
                problems.append(f"{where} ({r['id']}): " + "; ".join(bad))
                dropped["labels"] += 1
                continue
            hit = evaluation.match(r["text"])
            if hit:
                problems.append(f"{where} ({r['id']}): {hit}")
                dropped["evaluation overlap"] += 1
                continue
            n = norm(r["text"])
            if n in corpus_seen.exact:
                problems.append(f"{where} ({r['id']}): repeats {corpus_seen.exact[n]}")
                dropped["repeated in corpus"] += 1
                continue
            corpus_seen.exact[n] = r["id"]
            ids.add(r["id"])
            keep.append(cells)
            kept_rows.append(r)
        if fix and len(keep) != len(rows):
            path.write_text("\t".join(HEADER) + "\n" + "".join("\t".join(c) + "\n" for c in keep), encoding="utf-8")
    probe = HERE / "probe" / "probe.tsv"
    if probe.exists():
        pheader, prows, probs = read(probe)
        problems += probs
        cidx = NearIndex([(r["id"], r["text"]) for r in kept_rows])
        pkeep = []
        for k, cells in enumerate(prows, start=2):
            hit = cidx.match(cells[3]) if len(cells) == len(HEADER) else None
            if hit:
                problems.append(f"probe.tsv:{k}: {hit} of the corpus")
                dropped["probe overlapping the corpus"] += 1
            else:
                pkeep.append(cells)
        if fix and len(pkeep) != len(prows):  # the probe gives way: it must be text the model never saw
            probe.write_text("\t".join(pheader) + "\n" + "".join("\t".join(c) + "\n" for c in pkeep), encoding="utf-8")
    print(f"corpus: {len(kept_rows):,} clean rows in {len(files)} files, "
          f"{len({r['industry'] for r in kept_rows})} industries; problems {len(problems)}"
          + (f"; dropped by --fix: {dict(dropped)}" if fix and dropped else ""))
    for p in problems[:60]:
        print("  " + p)
    if len(problems) > 60:
        print(f"  … {len(problems) - 60} more")
    if counts:
        print_counts(kept_rows)
    return 1 if problems else 0


def print_counts(rows: list[dict[str, str]]) -> None:
    n = len(rows)

    def dist(key: str, sub: list[dict[str, str]] | None = None) -> str:
        sub = rows if sub is None else sub
        c = Counter(r[key] for r in sub)
        return ", ".join(f"{k or '—'} {v} ({v / len(sub):.0%})" for k, v in c.most_common())

    print(f"rows {n:,}")
    for key in ("polarity", "churn", "advocacy", "stage", "channel"):
        print(f"{key}: {dist(key)}")
    print("churn_type: " + dist("churn_type", [r for r in rows if r["churn"] == "1"]))
    print("advocacy_type: " + dist("advocacy_type", [r for r in rows if r["advocacy"] == "1"]))
    lens = sorted(len(r["text"]) for r in rows)
    print(f"length (characters) min / median / max: {lens[0]} / {lens[n // 2]} / {lens[-1]}; "
          + ", ".join(f"{a}–{b}: {sum(a <= x <= b for x in lens)}" for a, b in ((1, 10), (11, 60), (61, 150), (151, 10_000))))
    print("industry: rows, polarity d/p/n/m, churn, advocacy")
    by = defaultdict(list)
    for r in rows:
        by[r["industry"]].append(r)
    for ind in sorted(by):
        sub = by[ind]
        pc = Counter(r["polarity"] for r in sub)
        print(f"  {ind:<18} {len(sub):>4}  {pc['delight']}/{pc['pain']}/{pc['neutral']}/{pc['mixed']}  "
              f"{sum(r['churn'] == '1' for r in sub)}  {sum(r['advocacy'] == '1' for r in sub)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(HERE.parents[1] / "shared"))
    ap.add_argument("--fix", action="store_true", help="drop the rows that break a rule (the files are rewritten)")
    ap.add_argument("--counts", action="store_true", help="print the counts of the clean rows")
    a = ap.parse_args()
    if a.fix:
        check(Path(a.shared), fix=True)
        print("after --fix:")
    return check(Path(a.shared), counts=a.counts)


if __name__ == "__main__":
    sys.exit(main())
