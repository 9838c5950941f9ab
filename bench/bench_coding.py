"""Rule-based auto-coding at scale: a 20-rule codebook applied to a project of N verbatims
(real import, real Sudachi analysis). Target: 1,000,000 verbatims in ≤ 60 s.

    .venv/bin/python bench/bench_coding.py [--sizes 1000000] [--keep DIR]

The project is built as in bench_export.py (``--keep DIR`` reuses ``DIR/export_N.voc`` built by
either script). The timed step runs in a fresh process: ``voc_app.coding.apply_rules`` on the
whole codebook (evaluation, writing the auto-codes and the undo record), then a second apply
(nothing changes: the cost of keeping codes current after a re-import), and a preview of one
rule. The reference in the same run is the naive way: json.loads every stored token list and
test the rules' lemmas in Python sets (evaluation only, no writes).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# 20 rules over the development VoC sentences' vocabulary: lemmas, phrases, AND / OR / NOT and
# conditions on polarity, stage, signals, NPS and attributes
RULES = {
    "配送": "配送 | 届く | 発送 | 到着",
    "配送の遅れ": "(配送 | 届く | 発送) & (遅い | 遅れる | 待つ)",
    "梱包": "箱 | 梱包 | 包装",
    "価格": "値段 | 価格 | 高い | 安い | 料金",
    "ポイント": "ポイント | クーポン | 割引",
    "サポート対応": "(問い合わせ | 対応 | 電話 | サポート) & !delight",
    "丁寧な対応": "(対応 | 説明) & (丁寧 | 親切 | 早い)",
    "アプリ": "アプリ | ログイン | 画面",
    "解約意向": "churn | 解約 | 退会",
    "乗り換え": "乗り換える | 他社 | 乗り換え",
    "推奨": "advocacy | 紹介 | 勧める",
    "家族": "家族 | 子ども | 子供 | 夫 | 妻 | 母 | 父",
    "使いやすさ": "使いやすい | 便利 | 簡単 | 分かりやすい",
    "分かりにくさ": "分かる & pain",
    "品質": "品質 | 壊れる | 不良 | 汚れ",
    "味・香り": "味 | 香り | 美味しい | におい",
    "初回体験": "stage:first_experience",
    "批判者の不満": "pain & nps:0-6",
    "30代の喜び": "delight & attr:年代=30代",
    "定期便": '定期便 | "定期"',
}


CHILD = """
import json, sys, time
from voc_app import coding as C
from voc_app.store import Project
rules = json.loads(sys.argv[2])
out = {}
with Project(sys.argv[1]) as p:
    for name, rule in rules.items():
        C.add_code(p, name, rule=rule)
    t = time.perf_counter()
    res = C.apply_rules(p)
    out["apply_s"] = time.perf_counter() - t
    out["codings"] = sum(r.added for r in res.values())
    out["matches"] = {name: r.matches for name, r in zip(rules, res.values())}
    t = time.perf_counter()
    res2 = C.apply_rules(p)
    out["reapply_s"] = time.perf_counter() - t
    out["reapply_added"] = sum(r.added for r in res2.values())
    t = time.perf_counter()
    prev = C.preview_rule(p, rules["配送の遅れ"])
    out["preview_s"] = time.perf_counter() - t
    out["verbatims"] = prev.total
    t = time.perf_counter()
    C.undo(p)
    out["undo_s"] = time.perf_counter() - t
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
out["rss_mb"] = hwm / 1024
print(json.dumps(out, ensure_ascii=False))
"""

REFERENCE = """
import json, sqlite3, sys, time
from nlp import coderules as cr
from nlp.coderules import lemma_forms
rules = json.loads(sys.argv[2])
# the naive evaluator: parse each token list, test lemma sets (word rules only, no writes)
words = {}
for rule in rules.values():
    for leaf in cr.leaves(cr.parse(rule)):
        if isinstance(leaf, cr.Word):
            forms = lemma_forms(leaf.text)
            words[leaf.text] = forms[0] if len(forms) == 1 else leaf.text
conn = sqlite3.connect(sys.argv[1])
t = time.perf_counter()
hits = dict.fromkeys(words, 0)
for (toks,) in conn.execute("SELECT tokens FROM analyses"):
    lemmas = {tok[1] for tok in json.loads(toks)}
    for w, lemma in words.items():
        if lemma in lemmas:
            hits[w] += 1
print(json.dumps({"seconds": time.perf_counter() - t, "words": len(words)}))
"""


def child(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
    if out.returncode:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000_000])
    ap.add_argument("--keep", type=Path, help="keep / reuse built projects here")
    args = ap.parse_args()
    from bench.bench_export import build

    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        for n in args.sizes:
            src = base / f"export_{n}.voc"
            if not src.exists():
                print(f"building a project of {n:,} answers …", flush=True)
                build(src, n)
            work = Path(tmp) / f"coding_{n}.voc"
            subprocess.run(["cp", str(src), str(work)], check=True)
            ours = child(CHILD, str(work), json.dumps(RULES, ensure_ascii=False))
            ref = child(REFERENCE, str(src), json.dumps(RULES, ensure_ascii=False))
            verdict = "MET" if ours["apply_s"] <= 60 else "NOT MET"
            print(f"{ours['verbatims']:,} verbatims, {len(RULES)} rules: apply {ours['apply_s']:.1f} s "
                  f"({ours['codings']:,} auto-codes written, undo record included) — target ≤ 60 s: {verdict}")
            print(f"  re-apply (nothing new) {ours['reapply_s']:.1f} s · preview of one rule {ours['preview_s']:.1f} s"
                  f" · undo {ours['undo_s']:.1f} s · peak RSS {ours['rss_mb']:.0f} MB")
            print(f"  reference (json.loads + Python sets, {ref['words']} words, evaluation only) {ref['seconds']:.1f} s")
            print("  matches: " + ", ".join(f"{k} {v:,}" for k, v in ours["matches"].items()))


if __name__ == "__main__":
    main()
