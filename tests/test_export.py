"""Excel and CSV export: sheets, headers, row counts, native charts, filters, Excel limits,
PII masking and pseudonyms, cancellation."""

from __future__ import annotations

import datetime as dt
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
    assert wb.sheetnames == ["概要", "NPSへの影響", "ワードクラウド", "喜びのトピック", "不満のトピック", "分布と推移",
                             "アンバサダー候補", "解約リスク", "クロス集計", "発言一覧"]
    rows = list(wb["発言一覧"].iter_rows(values_only=True))
    assert list(rows[0]) == excel.VERBATIM_HEADER and len(rows) == n + 1
    assert {r[6] for r in rows[1:]} <= {"喜び", "不満", "中立", "混在"}
    topics = list(wb["喜びのトピック"].iter_rows(values_only=True))
    assert topics[2][:5] == ("順位", "トピック", "件数", "割合", "キーワード")
    sizes = [r[2] for r in topics[3:] if r and isinstance(r[0], int)]
    assert sizes and sizes == sorted(sizes, reverse=True)
    summary = [r for r in wb["概要"].iter_rows(values_only=True)]
    assert summary[0][0].startswith("VoC サマリー") and any(r and r[0] == "NPS" for r in summary)
    assert any(r and r[0] == "個人情報" and "マスクなし" in r[1] for r in summary)
    churn = list(wb["解約リスク"].iter_rows(values_only=True))
    assert churn[2][:4] == ("顧客", "スコア", "理由", "根拠の声") and len(churn) > 3
    kinds = charts(out)
    assert kinds.count("bar") >= 3 and kinds.count("line") == 2  # distribution bars + one trend per side
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


# --- a workbook a manager reads as is --------------------------------------------------------

@pytest.fixture(scope="module")
def book(project, tmp_path_factory):
    out = tmp_path_factory.mktemp("book") / "manager.xlsx"
    export(project, out)
    return out


def _cells(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    yield ws, c


def test_labels_name_every_internal_code():
    """Every code of the store's CHECK constraints, of nlp/ and of the cue lexicons has a
    display name in voc_app.labels, and no Japanese name contains a code."""
    from nlp.journey import STAGES
    from nlp.signals import ADVOCACY_PRIORITY, CHURN_PRIORITY
    from voc_app import labels

    root = Path(__file__).resolve().parent.parent
    schema = (root / "voc_app" / "store" / "schema.py").read_text(encoding="utf-8")
    found = set()
    for _column, values in re.findall(r"CHECK \((\w+) IN \(([^)]*)\)\)", schema):
        found |= set(re.findall(r"'([^']+)'", values))
    found |= set(STAGES) | set(CHURN_PRIORITY) | set(ADVOCACY_PRIORITY)
    import nlp.scoring

    found |= set(getattr(nlp.scoring, "CUSTOMER_STAGES", ()))
    for f in (root / "resources" / "cues").glob("*.tsv"):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                cols = line.split("\t")
                found |= {cols[0], cols[1]} if len(cols) == 3 else {cols[0]}
    known = labels.codes()
    assert found and found <= known, sorted(found - known)
    assert {"watch", "explicit", "how_to_cancel", "recommended", "orders"} <= known
    assert labels.label("segment", "watch") == "要注意" and labels.label("segment", "at_risk", "en") == "Churn risk"
    assert labels.signal_label("churn", "1") == "あり" and labels.signal_label("advocacy", None) == ""
    assert labels.label("churn_type", "a_new_type") == "a_new_type"  # a newer project's code is shown, not lost
    word = re.compile(r"(?<![A-Za-z_])(" + "|".join(sorted(map(re.escape, known), key=len, reverse=True)) + r")(?![A-Za-z_])")
    for kind, names in labels.TABLE.items():
        for code, (ja, _en) in names.items():
            assert not word.search(ja), (kind, code, ja)
    assert labels.rule_text("advocacy | 紹介 & stage:success") == "推奨・紹介 | 紹介 & 段階:成功体験"


def test_workbook_has_no_internal_code_and_no_formula(book):
    from voc_app.labels import codes

    # a whole word: not part of a longer word, an e-mail address or a URL in a customer's text
    word = re.compile(r"(?<![A-Za-z_.@/-])(" + "|".join(sorted(map(re.escape, codes()), key=len, reverse=True))
                      + r")(?![A-Za-z_.@/-])")
    wb = load_workbook(book)
    seen = 0
    for ws, c in _cells(wb):
        assert c.data_type != "f", (ws.title, c.coordinate, c.value)
        if isinstance(c.value, str):
            seen += 1
            hit = word.search(c.value)
            assert hit is None, (ws.title, c.coordinate, c.value, hit.group(0))
    assert seen > 500
    with zipfile.ZipFile(book) as z:  # no formula element in any sheet
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert "<f>" not in z.read(name).decode() and "<f " not in z.read(name).decode(), name


def test_nps_sheet_tables(book, project):
    from voc_app.drivers import COLUMNS, nps_drivers

    rep = nps_drivers(project)
    rows = [r for r in load_workbook(book, read_only=True)["NPSへの影響"].iter_rows(values_only=True)]
    text = [r[0] for r in rows if r and isinstance(r[0], str)]
    assert any(t.startswith("まず直すべき不満") for t in text) and any(t.startswith("守るべき喜び") for t in text)
    heads = [r for r in rows if r and r[0] == "順位"]
    assert len(heads) == 2 and all(tuple(h[1:8]) == COLUMNS for h in heads)
    ranked = [r for r in rows if r and isinstance(r[0], int)]
    assert len(ranked) == len(rep.fix_first) + len(rep.protect) > 0
    first = next(r for r in rows if r and r[0] == 1)
    d = rep.fix_first[0]
    assert first[2] == d.n_with and first[3] == round(d.nps_with) and first[4] == round(d.nps_without)
    assert first[5] == pytest.approx(d.impact, abs=0.051) and first[7] == pytest.approx(d.overall_effect, abs=0.051)
    assert "〜" in first[6] and first[8] in ("確かな差", "偶然の可能性")


def test_a_filtered_workbook_measures_nps_and_words_on_its_own_answers(project, tmp_path):
    """A workbook for January to March: the NPS drivers and the word clouds are those of the
    respondents and answers of that period (as its counts are), not of the whole project."""
    from voc_app import wordcloud as W
    from voc_app.drivers import nps_drivers
    from voc_app.store.report import selection

    flt = Filter(date_from="2025-01-01", date_to="2025-03-31")
    everyone = nps_drivers(project)
    with selection(project.conn, flt):
        part = nps_drivers(project, selected=True)
        words = W.word_frequencies(project, side="pain", top=0, selected=True)
    assert 0 < part.respondents < everyone.respondents
    assert dict(words) != dict(W.word_frequencies(project, side="pain", top=0))
    export(project, tmp_path / "q1.xlsx", flt=flt)
    rows = [r for r in load_workbook(tmp_path / "q1.xlsx", read_only=True)["NPSへの影響"].iter_rows(values_only=True)]
    title = next(r[0] for r in rows if r and isinstance(r[0], str) and r[0].startswith("NPS への影響"))
    assert f"NPS の回答者 {part.respondents:,} 人" in title
    assert any(r and isinstance(r[0], str) and "書き出しの条件（期間 2025年1月1日 〜 2025年3月31日）" in r[0] for r in rows)
    first = next(r for r in rows if r and r[0] == 1)
    d = part.fix_first[0]
    assert first[2] == d.n_with and first[3] == round(d.nps_with)
    # support tickets alone carry no NPS: the sheet says so instead of a table
    support = Filter(where={"source": "support"})
    from voc_app.overview import filter_count

    assert filter_count(project, flt=support) > 0
    export(project, tmp_path / "none.xlsx", flt=support)
    rows = [r for r in load_workbook(tmp_path / "none.xlsx", read_only=True)["NPSへの影響"].iter_rows(values_only=True)]
    assert any(r and isinstance(r[0], str) and "この条件に該当する回答に NPS" in r[0] for r in rows)


def test_nps_sheet_explains_when_there_is_no_nps(tmp_path):
    src = tmp_path / "no_nps.csv"
    src.write_text("顧客ID,ご意見\n" + "".join(f"C{i},配送がとても遅くて困りました{i}\n" for i in range(8)), encoding="utf-8")
    with Project.create(tmp_path / "n.voc") as p:
        import_file(p, src)
        analyze_project(p, workers=1)
        export(p, tmp_path / "n.xlsx")
    rows = [r for r in load_workbook(tmp_path / "n.xlsx", read_only=True)["NPSへの影響"].iter_rows(values_only=True)]
    assert any(r and isinstance(r[0], str) and "計算できません" in r[0] for r in rows)


def test_every_sheet_prints_a4_landscape_one_page_wide(book):
    wb = load_workbook(book)
    for ws in wb.worksheets:
        ps = ws.page_setup
        assert ps.orientation == "landscape" and int(ps.paperSize) == 9, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ps.fitToWidth == 1, ws.title
        assert ps.fitToHeight == (1 if ws.title == "概要" else 0), ws.title  # the summary is one page
        assert ws.page_margins.left == excel.MARGINS["left"] and ws.page_margins.top == excel.MARGINS["top"]
        assert all(ws.column_dimensions[col].width for col in ("A", "B")), ws.title
    for name, row in (("喜びのトピック", 3), ("不満のトピック", 3), ("アンバサダー候補", 3), ("解約リスク", 3), ("発言一覧", 1)):
        assert wb[name].print_title_rows.replace("$", "") == f"{row}:{row}", name  # the header row on every page
    # a chart or picture never crosses a page break: no break falls inside the rows it covers, and
    # it is shorter than a page; the sheets with several blocks have breaks between them
    drawn = 0
    for ws in wb.worksheets:
        breaks = {b.id for b in ws.row_breaks.brk}  # a break after row ``id``
        for obj in [*ws._charts, *ws._images]:
            anchor = obj.anchor
            first = anchor._from.row + 1
            height_pt = anchor.ext.height / 12700  # EMU → points
            assert height_pt < excel.PAGE_H_PT, ws.title
            covered, last = 0.0, first
            while covered < height_pt - 1:
                covered += ws.row_dimensions[last].height or 15
                last += 1
            assert not any(first <= b < last - 1 for b in breaks), (ws.title, first, last, sorted(breaks))
            drawn += 1
    assert drawn >= 7  # 5 charts + 2 word clouds
    assert wb["分布と推移"].row_breaks.brk


def test_row_heights_fit_wrapped_text(book):
    wb = load_workbook(book)
    for name in ("概要", "喜びのトピック", "不満のトピック", "アンバサダー候補", "解約リスク", "NPSへの影響", "発言一覧"):
        ws = wb[name]
        checked = 0
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.alignment.wrap_text and c.coordinate not in ws.merged_cells:
                    width = ws.column_dimensions[c.column_letter].width
                    lines = excel.text_lines(c.value, width)
                    if lines > 1:
                        h = ws.row_dimensions[c.row].height
                        need = min(excel.MAX_ROW_PT, excel.LINE_PT * lines)  # Excel's tallest row: 409 pt
                        assert h is not None and h >= need, (name, c.coordinate, h, lines)
                        checked += 1
        if name not in ("NPSへの影響", "概要"):  # (概要's long texts are merged rows, checked below)
            assert checked, name  # each of these sheets has wrapped text taller than a line
    # findings and notes span the page (merged) and get the height of their lines
    ws = wb["概要"]
    for rng in ws.merged_cells.ranges:
        c = ws.cell(rng.min_row, rng.min_col)
        width = sum(ws.column_dimensions[chr(64 + k)].width for k in range(rng.min_col, rng.max_col + 1))
        assert ws.row_dimensions[rng.min_row].height >= excel.LINE_PT * excel.text_lines(c.value, width) - 0.1


def test_months_dates_and_numbers_read_well(book):
    wb = load_workbook(book)
    month_cells = 0
    for ws, c in _cells(wb):
        v, fmt = c.value, c.number_format
        if isinstance(v, dt.datetime):
            assert fmt in (excel.MONTH, excel.DAY, excel.DATETIME), (ws.title, c.coordinate, fmt)
            month_cells += fmt == excel.MONTH
        elif isinstance(v, str):
            assert not re.fullmatch(r"\d{4}-\d{1,2}", v.strip()), (ws.title, c.coordinate, v)  # no 「2025-0」
            month_cells += bool(re.fullmatch(r"\d{4}年\n?\d{1,2}月", v))
        elif isinstance(v, int | float) and not isinstance(v, bool):
            if "%" in fmt or fmt == excel.DIFF:  # shares; NPS differences (one decimal by definition)
                continue
            assert ".0" not in fmt and ".#" not in fmt, (ws.title, c.coordinate, v, fmt)
            if isinstance(v, float):
                assert fmt != "General", (ws.title, c.coordinate, v)  # a float shows as a whole number
    assert month_cells >= 6  # the monthly table (dates) and the trend headers (text)
    trends = [r for r in wb["分布と推移"].iter_rows(values_only=True)]
    months = [r[0] for r in trends if r and isinstance(r[0], dt.datetime)]
    assert months and months == sorted(months) and all(m.day == 1 for m in months)
    scores = [c for c in wb["解約リスク"]["B"][3:] if c.value is not None]
    assert scores and all(c.number_format == "0" for c in scores)
    nps = next(r for r in wb["概要"].iter_rows() if r[0].value == "NPS")[1]
    assert isinstance(nps.value, int) and nps.number_format == excel.NPS_FMT
    assert any(c.number_format == excel.PCT for _, c in _cells(wb) if isinstance(c.value, float))


def test_findings_on_page_one(book, project):
    from voc_app.topics import topic_list

    rows = [r for r in load_workbook(book, read_only=True)["概要"].iter_rows(values_only=True)]
    at = next(i for i, r in enumerate(rows) if r and r[0] == "主な発見")
    findings = []
    for r in rows[at + 1:]:
        if not r or not isinstance(r[0], str) or not re.match(r"\d\. ", r[0]):
            break
        findings.append(r[0])
    assert 3 <= len(findings) <= 5
    pains = sorted(topic_list(project, "pain")["topics"], key=lambda t: -t["size"])
    assert f"「{pains[0]['label']}」" in findings[0] and "NPS" in findings[0]
    churn = project.conn.execute("SELECT count(*) FROM customer_scores WHERE churn_flag").fetchone()[0]
    assert any(f"解約リスクのある顧客は {churn:,} 人" in f for f in findings)
    delights = sorted(topic_list(project, "delight")["topics"], key=lambda t: -t["size"])
    assert any(f"「{delights[0]['label']}」" in f for f in findings)


def test_filter_and_revenue_at_risk_in_words(project, tmp_path):
    out = tmp_path / "f.xlsx"
    export(project, out, flt=Filter(where={"polarity": "pain", "source": "survey"}))
    summary = [r for r in load_workbook(out, read_only=True)["概要"].iter_rows(values_only=True)]
    period = next(r[1] for r in summary if r and r[0] == "期間")
    assert "極性 = 不満" in period and "種類 = アンケート" in period and "pain" not in period
    # with an order history the churn finding states the purchases at stake
    orders = tmp_path / "orders.csv"
    rows = project.conn.execute("SELECT c.external_id FROM customer_scores s JOIN customers c ON c.id = s.customer_id"
                                " WHERE s.churn_flag ORDER BY c.external_id LIMIT 3").fetchall()
    orders.write_text("注文番号,顧客ID,注文日,商品名,金額\n" + "".join(
        f"#{i},{cid},2025/0{i + 1}/10,まくら,\"{1000 * (i + 1):,}円\"\n" for i, (cid,) in enumerate(rows)), encoding="utf-8")
    import shutil

    copy = tmp_path / "copy.voc"
    project.conn.commit()
    shutil.copy(project.path, copy)
    with Project(copy) as p:
        import_file(p, orders)
        score_project(p)
        export(p, tmp_path / "o.xlsx")
    summary = [r for r in load_workbook(tmp_path / "o.xlsx", read_only=True)["概要"].iter_rows(values_only=True)]
    text = next(r[0] for r in summary if r and isinstance(r[0], str) and "解約リスクのある顧客" in r[0])
    assert "購入額は合計 6,000 円" in text
    churn = list(load_workbook(tmp_path / "o.xlsx")["解約リスク"].iter_rows(values_only=True))
    assert churn[2][7] == "購入額（直近12か月）" and sum(r[7] or 0 for r in churn[3:]) == 6000


def test_cli_shows_labels_not_codes(project, capsys):
    from voc_app.labels import codes

    project.conn.commit()
    # a whole word: not part of a longer word, an e-mail address or a URL in a customer's text
    word = re.compile(r"(?<![A-Za-z_.@/-])(" + "|".join(sorted(map(re.escape, codes()), key=len, reverse=True))
                      + r")(?![A-Za-z_.@/-])")
    for argv in (["info", str(project.path)], ["signals", str(project.path)]):
        capsys.readouterr()
        assert main(argv) == 0
        out = capsys.readouterr().out
        assert not word.search(out), (argv, word.search(out))
    assert "ロイヤルティ区分: " in out and "解約リスク" in out
    capsys.readouterr()
    main(["signals", str(project.path), "--kind", "churn", "--format", "tsv"])  # the TSV contract keeps codes
    assert capsys.readouterr().out.splitlines()[1].split("\t")[0] == "churn"
