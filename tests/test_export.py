"""Excel and CSV export: sheets, headers, row counts, native charts, filters, Excel limits,
PII masking and pseudonyms, cancellation."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from base.errors import Cancelled
from nlp.pii import find, mask, pseudonym
from voc_app.analysis import analyze_project
from voc_app.cli import main
from voc_app.export import excel
from voc_app.export.excel import export
from voc_app.importing import import_file
from voc_app.signals import score_project
from voc_app.store import Project
from voc_app.store.report import Filter
from voc_app.topics import update_topics

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample"
PII_ROWS = [
    ("P001", "40", "9", "田中様から090-1234-5678にお電話をいただき、すぐ交換してもらえて感動しました"),
    ("P002", "30", "3", "返事は yamada.taro@example.co.jp に。〒150-0001 東京都渋谷区神宮前1-2-3 に届かない"),
    ("P003", "20", "10", "担当の佐藤さんがとても親切で、友達にも勧めました"),
]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    d = tmp_path_factory.mktemp("export")
    pii = d / "pii.csv"
    pii.write_text("顧客ID,年代,おすすめ度（0〜10）,ご意見をお聞かせください\n"
                   + "".join(f"{c},{a}代,{n},{t}\n" for c, a, n, t in PII_ROWS)
                   + f"P004,50代,5,{'長い苦情。' * 7000}\n", encoding="utf-8")
    with Project.create(d / "e.voc") as p:
        for f in (SAMPLE / "アンケート_2025上期.csv", SAMPLE / "サポート履歴_2025上期.jsonl", pii):
            import_file(p, f)
        analyze_project(p, workers=1)
        score_project(p)
        for side in ("delight", "pain"):
            update_topics(p, side)
        yield p


def charts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return sorted(re.search(r"<(?:c:)?(bar|line)Chart>", z.read(n).decode()).group(1)
                      for n in z.namelist() if n.startswith("xl/charts/chart"))


def test_workbook_sheets_headers_rows_and_charts(project, tmp_path):
    out = tmp_path / "s.xlsx"
    res = export(project, out)
    n = project.conn.execute("SELECT count(*) FROM verbatims").fetchone()[0]
    assert res.verbatims == n
    wb = load_workbook(out, read_only=True)
    assert wb.sheetnames == ["概要", "喜びのトピック", "不満のトピック", "アンバサダー候補", "解約リスク", "クロス集計", "発言一覧"]
    rows = list(wb["発言一覧"].iter_rows(values_only=True))
    assert list(rows[0]) == excel.VERBATIM_HEADER and len(rows) == n + 1
    assert {r[6] for r in rows[1:]} <= {"喜び", "不満", "中立", "混在"}
    topics = list(wb["喜びのトピック"].iter_rows(values_only=True))
    assert topics[1][:5] == ("ID", "トピック", "キーワード", "件数", "割合")
    sizes = [r[3] for r in topics[2:] if r and isinstance(r[0], int)]
    assert sizes and sizes == sorted(sizes, reverse=True)
    summary = [r for r in wb["概要"].iter_rows(values_only=True)]
    assert summary[0][0].startswith("VoC サマリー") and any(r and r[0] == "NPS" for r in summary)
    assert any(r and r[0] == "個人情報" and "マスクなし" in r[1] for r in summary)
    churn = list(wb["解約リスク"].iter_rows(values_only=True))
    assert churn[1][:4] == ("顧客", "スコア", "理由", "根拠の声") and len(churn) > 2
    kinds = charts(out)
    assert kinds.count("bar") >= 3 and kinds.count("line") == 2  # summary bars + one trend per topic sheet
    long = [r[5] for r in rows[1:] if r[5] and r[5].endswith(excel.TRUNCATED)]
    assert len(long) == 1 and len(long[0]) == excel.MAX_CELL and res.truncated_cells == 1


def test_masking_replaces_pii_and_pseudonymises_ids(project, tmp_path):
    out = tmp_path / "m.xlsx"
    res = export(project, out, mask_pii=True)
    assert res.masked.get("email") and res.masked.get("phone") and res.masked.get("name")
    wb = load_workbook(out, read_only=True)
    text = "\n".join(str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c)
    for secret in ("yamada.taro@example.co.jp", "090-1234-5678", "田中様", "佐藤さん", "神宮前1-2-3", "P001", "N00132"):
        assert secret not in text, secret
    assert "［メール］" in text and "［電話番号］" in text and "［氏名］様" in text
    assert "マスク済み" in text
    again = tmp_path / "m2.xlsx"
    export(project, again, mask_pii=True)
    ids = [r[4] for r in load_workbook(out, read_only=True)["発言一覧"].iter_rows(min_row=2, values_only=True)]
    ids2 = [r[4] for r in load_workbook(again, read_only=True)["発言一覧"].iter_rows(min_row=2, values_only=True)]
    assert ids == ids2 and all(i is None or i.startswith("顧客-") for i in ids)  # stable pseudonyms


def test_filters_and_split_sheets(project, tmp_path, monkeypatch):
    out = tmp_path / "f.xlsx"
    res = export(project, out, flt=Filter(where={"polarity": "pain", "source": "survey"}))
    rows = list(load_workbook(out, read_only=True)["発言一覧"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == res.verbatims > 0 and {(r[1], r[6]) for r in rows} == {("アンケート", "不満")}
    res = export(project, out, flt=Filter(date_from="2025-03-01", date_to="2025-03-31"))
    dates = [r[3] for r in load_workbook(out, read_only=True)["発言一覧"].iter_rows(min_row=2, values_only=True)]
    assert dates and all(d.year == 2025 and d.month == 3 for d in dates)
    # the 1,048,576-row limit: a smaller limit here, the same code path
    monkeypatch.setattr(excel, "MAX_ROWS", 51)
    res = export(project, out)
    wb = load_workbook(out, read_only=True)
    parts = [n for n in wb.sheetnames if n.startswith("発言一覧")]
    assert parts[:3] == ["発言一覧", "発言一覧 (2)", "発言一覧 (3)"]
    assert sum(len(list(wb[n].iter_rows(values_only=True))) - 1 for n in parts) == res.verbatims


def test_csv_utf8_bom_and_cp932(project, tmp_path):
    out = tmp_path / "v.csv"
    export(project, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.decode("utf-8-sig").startswith("ID,種類,")
    export(project, out, csv_encoding="cp932", mask_pii=True)
    text = out.read_bytes().decode("cp932")
    assert "［メール］" in text and "yamada" not in text


def test_cancelled_export_leaves_no_file(project, tmp_path):
    out = tmp_path / "c.xlsx"

    def cancel(fraction, message):
        if fraction and fraction > 0.05:
            raise Cancelled()

    with pytest.raises(Cancelled):
        export(project, out, progress=cancel)
    assert not out.exists() and not list(tmp_path.glob(".*part"))


def test_cli_export(project, tmp_path, capsys):
    project.conn.commit()
    out = tmp_path / "cli.xlsx"
    assert main(["export", str(project.path), str(out), "--mask-pii", "--filter", "年代=40代"]) == 0
    assert "マスク" in capsys.readouterr().out and out.exists()
    assert main(["export", str(project.path), str(tmp_path / "x.pdf")]) == 2
    assert main(["export", str(project.path), str(out), "--from", "昨日"]) == 2


def test_pii_rules():
    assert [s.kind for s in find("佐藤さんに 03-1234-5678 で")] == ["name", "phone"]
    assert mask("京都のお店の店員さんが親切")[0] == "京都のお店の店員さんが親切"  # common nouns stay
    assert mask("会員番号 K000123、2025-01-05 に 9,800円")[1] == []
    assert pseudonym("K1", "s") == pseudonym("K1", "s") != pseudonym("K1", "t")
