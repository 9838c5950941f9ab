"""The voc command: outputs, one-line errors with non-zero exit codes, documented commands."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from voc_app.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "voc_app.cli", *args], capture_output=True, text=True)


def test_new_import_info(tmp_path, fixtures, capsys):
    proj = str(tmp_path / "p.voc")
    assert main(["new", proj]) == 0
    assert main(["import", proj, str(fixtures / "excel_cp932.csv"), "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "日本語 Excel の CSV" in out and "回答 9" in out and "重複行スキップ 1" in out
    assert main(["info", proj, "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert (info["verbatims"], info["responses"], info["customers"], info["non_answers"]) == (16, 9, 8, 3)
    assert info["batches"][0]["file_name"] == "excel_cp932.csv"
    assert main(["info", proj]) == 0
    assert "アンケート / ご不満な点があれば教えてください: 8" in capsys.readouterr().out


def test_dry_run_prints_detection_mapping_and_rows(tmp_path, fixtures, capsys):
    proj = str(tmp_path / "p.voc")
    main(["new", proj])
    assert main(["import", proj, str(fixtures / "qualtrics_utf16.tsv"), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Qualtrics" in out and "utf-16" in out and "nps      Q1:" in out and "R_aaa111" in out
    assert "試行" in out
    main(["info", proj, "--json"])
    assert json.loads(capsys.readouterr().out)["responses"] == 0


def test_map_option(tmp_path, fixtures, capsys):
    proj = str(tmp_path / "p.voc")
    main(["new", proj])
    assert main(["import", proj, str(fixtures / "bad_no_text.csv"), "--map", "text=NPS(0-10)"]) == 0
    capsys.readouterr()
    main(["info", proj, "--json"])
    assert json.loads(capsys.readouterr().out)["verbatims"] == 2


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["import", "{proj}", "{fx}/bad_ragged.csv"], "bad_ragged.csv, 3 行目, 列「3 列目」"),
        (["import", "{proj}", "{fx}/nope.csv"], "見つかりません"),
        (["import", "{proj}", "{fx}/excel_cp932.csv", "--encoding", "klingon"], "文字コード「klingon」"),
        (["import", "{proj}", "{fx}/excel_cp932.csv", "--map", "text"], "役割=列名"),
        (["import", "{proj}", "{fx}/excel_cp932.csv", "--map", "colour=年代"], "役割「colour」"),
        (["info", "{tmp}/missing.voc"], "プロジェクトが見つかりません"),
        (["new", "{proj}"], "既にファイルがあります"),
        (["info", "{fx}/excel_cp932.csv"], "プロジェクトではありません"),
    ],
)
def test_errors_are_one_line_without_traceback(tmp_path, fixtures, args, needle):
    proj = tmp_path / "p.voc"
    assert run("new", str(proj)).returncode == 0
    args = [a.format(proj=proj, fx=fixtures, tmp=tmp_path) for a in args]
    r = run(*args)
    assert r.returncode != 0
    assert "Traceback" not in r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("エラー: ") and needle in lines[0], r.stderr


def test_every_command_is_documented_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name in sub.choices:
        assert re.search(rf"`voc {name}\b", readme), f"voc {name} is not documented in README.md"


def test_classify_copies_columns_and_adds_labels(tmp_path):
    src = tmp_path / "in.tsv"
    src.write_text("id\ttext\tpolarity\n1\t友達に勧めたら喜ばれました\tx\n2\t解約の方法を教えてください\ty\n"
                   '3\t「最高」と書いた "引用"\tz\n', encoding="utf-8")
    out = tmp_path / "out.tsv"
    assert main(["classify", str(src), "--text-column", "text", "--out", str(out), "--workers", "1"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    assert header == ["id", "text", "polarity_input", "polarity", "churn", "advocacy", "stage", "evidence",
                      "polarity_p", "churn_p", "advocacy_p"]
    rows = [dict(zip(header, ln.split("\t"), strict=True)) for ln in lines[1:]]
    from nlp.model import load

    if load() is not None:  # the model's calibrated probabilities: P(label), P(churn), P(advocacy)
        for r in rows:
            assert all(0.0 <= float(r[k]) <= 1.0 for k in ("polarity_p", "churn_p", "advocacy_p"))
        assert float(rows[1]["churn_p"]) > float(rows[0]["churn_p"])
        assert float(rows[0]["advocacy_p"]) > float(rows[1]["advocacy_p"])
    assert rows[0]["advocacy"] == "1" and rows[0]["stage"] == "advocacy" and rows[0]["polarity_input"] == "x"
    assert rows[1]["churn"] == "1"
    assert rows[2]["text"] == '「最高」と書いた "引用"'  # copied exactly, no quoting added
    ev = json.loads(rows[1]["evidence"])
    assert any(e["kind"] == "churn" and rows[1]["text"][e["start"]:e["end"]] == e["text"] for e in ev)


def test_analyze_stores_results_and_skips_analysed_rows(tmp_path, fixtures, capsys):
    proj = str(tmp_path / "p.voc")
    main(["new", proj])
    main(["import", proj, str(fixtures / "excel_cp932.csv"), "--no-progress"])
    capsys.readouterr()
    assert main(["analyze", proj, "--workers", "1"]) == 0
    assert "分析しました: 16 件" in capsys.readouterr().out
    assert main(["analyze", proj, "--workers", "1"]) == 0
    assert "分析しました: 0 件" in capsys.readouterr().out
    from voc_app.store import Project

    with Project(proj) as p:
        row = p.conn.execute("SELECT a.polarity, a.churn, a.tokens FROM analyses a JOIN verbatims v ON v.id = a.verbatim_id"
                             " WHERE v.text LIKE '問い合わせの返事が%'").fetchone()
        assert row[0] == "pain" and row[1] == 1
        assert any(t[0] == "返事" for t in json.loads(row[2]))


def test_terms_change_tokens_and_trigger_reanalysis(tmp_path, fixtures, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    proj = str(tmp_path / "p.voc")
    main(["new", proj])
    main(["import", proj, str(fixtures / "excel_cp932.csv"), "--no-progress"])
    main(["analyze", proj, "--workers", "1"])
    terms = tmp_path / "terms.csv"
    terms.write_text("睡眠記録,スイミンキロク\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["terms", proj, str(terms)]) == 0
    assert "1 件登録" in capsys.readouterr().out
    assert main(["analyze", proj, "--workers", "1"]) == 0
    assert "分析しました: 16 件" in capsys.readouterr().out  # new dictionary = new analyzer version
    from voc_app.store import Project

    with Project(proj) as p:
        toks = p.conn.execute("SELECT a.tokens FROM analyses a JOIN verbatims v ON v.id=a.verbatim_id"
                              " WHERE v.text LIKE 'アプリの睡眠記録%'").fetchone()[0]
    assert "睡眠記録" in [t[0] for t in json.loads(toks)]


def test_info_reports_analysis(tmp_path, fixtures, capsys):
    proj = str(tmp_path / "p.voc")
    main(["new", proj])
    main(["import", proj, str(fixtures / "excel_cp932.csv"), "--no-progress"])
    capsys.readouterr()
    main(["info", proj])
    assert "分析: まだです" in capsys.readouterr().out
    main(["analyze", proj, "--workers", "1"])
    capsys.readouterr()
    main(["info", proj, "--json"])
    info = json.loads(capsys.readouterr().out)
    assert sum(info["analysis"]["polarity"].values()) == 16 and info["analysis"]["signals"]["churn"] >= 1


def test_score_plain_files(tmp_path):
    c = tmp_path / "c.tsv"
    c.write_text("customer_id\tnps\ttenure_months\ttickets_90d\treferrals\tlast_active_days\n"
                 "K1\t10\t12\t0\t2\t3\nK2\t3\t5\t4\t0\t20\nK3\t\t1\t0\t0\t300\n", encoding="utf-8")
    v = tmp_path / "v.tsv"
    v.write_text("id\tcustomer_id\tsource\ttext\nV1\tK1\tsurvey\t友達に勧めたら二人とも買ってくれました\n"
                 "V2\tK2\tsupport\t解約の方法を教えてください\nV3\tK2\tsupport\t配送が遅すぎて困っています\n", encoding="utf-8")
    out = tmp_path / "o.tsv"
    assert main(["score", str(c), str(v), "--out", str(out), "--workers", "1"]) == 0
    rows = [ln.split("\t") for ln in out.read_text(encoding="utf-8").splitlines()]
    assert rows[0][:6] == ["customer_id", "ambassador_score", "churn_score", "ambassador_flag", "churn_flag", "reasons"]
    got = {r[0]: r for r in rows[1:]}
    assert got["K1"][3] == "1" and got["K1"][4] == "0"
    assert got["K2"][4] == "1" and "V2" in got["K2"][6]
    assert got["K3"][4] == "1" and "発言なし" in got["K3"][5]  # silent, no NPS, no text


def test_signals_and_review_commands(tmp_path, fixtures, capsys):
    proj = str(tmp_path / "p.voc")
    main(["new", proj])
    main(["import", proj, str(fixtures / "excel_cp932.csv"), "--no-progress"])
    main(["analyze", proj, "--workers", "1"])
    capsys.readouterr()
    assert main(["signals", proj, "--kind", "churn", "--format", "tsv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == ["kind", "customer_id", "score", "review", "reasons", "evidence"]
    assert any(ln.split("\t")[1] == "K000106" for ln in lines[1:])
    assert main(["review", proj, "K000106", "--kind", "churn", "--state", "dismissed", "--note", "確認済"]) == 0
    capsys.readouterr()
    main(["signals", proj, "--kind", "churn", "--format", "tsv"])
    assert not any(ln.split("\t")[1] == "K000106" for ln in capsys.readouterr().out.splitlines()[1:])
    assert main(["review", proj, "NOBODY", "--kind", "churn", "--state", "confirmed"]) == 2


def test_export_with_a_filter_that_matches_nothing_writes_nothing(tmp_path, fixtures, capsys):
    """An export whose period or filter selects no verbatim is an error (exit 2), not an empty
    workbook reported as written."""
    proj = str(tmp_path / "p.voc")
    main(["new", proj])
    main(["import", proj, str(fixtures / "excel_cp932.csv"), "--no-progress"])
    capsys.readouterr()
    out = tmp_path / "empty.xlsx"
    assert main(["export", proj, str(out), "--from", "2030-01-01", "--to", "2030-12-31"]) == 2
    err = capsys.readouterr().err
    assert "発言がありません" in err and "2030" in err and "Traceback" not in err
    assert not out.exists()
    assert main(["export", proj, str(out), "--filter", "polarity=存在しない値"]) == 2
    assert not out.exists()
    assert main(["export", proj, str(out)]) == 0 and out.exists()


def test_every_help_page_prints(capsys):
    """`voc --help` and each command's --help print (a bare % in a help text made argparse raise
    instead of printing the overview)."""
    import argparse

    from voc_app.cli import build_parser, main

    with pytest.raises(SystemExit) as e:
        main(["--help"])
    assert e.value.code == 0 and "drivers" in capsys.readouterr().out
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert len(sub.choices) > 20
    for name in sub.choices:
        with pytest.raises(SystemExit) as e:
            main([name, "--help"])
        assert e.value.code == 0, name
        assert capsys.readouterr().out.startswith(f"usage: voc {name}"), name
