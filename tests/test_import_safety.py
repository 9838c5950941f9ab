"""Import faults from hostile or damaged files, through the real import path (``voc import``):
UTF-16 without a BOM, NUL characters, very wide tables and zip bombs."""

from __future__ import annotations

import io
import json
import os
import struct
import zipfile

import pytest

from importers import archive
from importers.encoding import utf16_order
from tests.conftest import dump
from voc_app.cli import main
from voc_app.store import Project

SURVEY = (
    "回答ID,ご意見,年代\n"
    "1,配送がとても早くて助かりました,30代\n"
    "2,梱包が丁寧でまた買いたいと思いました,40代\n"
    "3,サポートの返事が遅くて困りました,20代\n"
)


@pytest.fixture
def proj(tmp_path):
    path = str(tmp_path / "p.voc")
    assert main(["new", path]) == 0
    return path


def voc_import(proj, path, capsys, *args):
    capsys.readouterr()
    rc = main(["import", proj, str(path), "--no-progress", *args])
    out = capsys.readouterr()
    return rc, out.out, out.err


def info(proj, capsys):
    capsys.readouterr()
    assert main(["info", proj, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def texts(proj):
    with Project(proj) as p:
        return [r[0] for r in p.conn.execute("SELECT text FROM verbatims ORDER BY id")]


def snapshot(proj):
    with Project(proj) as p:
        return dump(p)


# --- UTF-16 without a BOM ----------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("given", [["--encoding", "utf-16"], []])
def test_utf16_without_bom(proj, tmp_path, capsys, codec, given):
    f = tmp_path / "nobom.csv"
    f.write_bytes(SURVEY.encode(codec))  # no BOM
    rc, out, err = voc_import(proj, f, capsys, *given)
    assert rc == 0, err
    assert "Traceback" not in err and "内部エラー" not in err
    assert codec in out  # the byte order that was detected is reported
    i = info(proj, capsys)
    assert (i["responses"], i["verbatims"]) == (3, 3)
    assert texts(proj)[0] == "配送がとても早くて助かりました"


def test_utf16_byte_order_without_ascii():
    """No NUL bytes to go by (no ASCII at all): the order that reads as Japanese wins."""
    text = "ありがとうございました。とても気に入っています。また買います。"
    assert utf16_order(text.encode("utf-16-le"), sure=True) == "utf-16-le"
    assert utf16_order(text.encode("utf-16-be"), sure=True) == "utf-16-be"
    assert utf16_order(text.encode("utf-16-be")) is None  # not without being told it is UTF-16


# --- NUL characters -------------------------------------------------------------


def test_nul_in_a_cell_is_removed_with_a_warning_naming_row_and_column(proj, tmp_path, capsys):
    """Policy (importers/textsafety.py): a stray NUL is removed, every row imported, each cell
    that had one reported with its row and column."""
    f = tmp_path / "nul.csv"
    lines = SURVEY.splitlines()
    lines[2] = "2,梱包が丁寧で\x00また買いたいと思いました,40代"
    f.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    rc, out, err = voc_import(proj, f, capsys)
    assert rc == 0, err
    assert "nul.csv 3 行目 列「2 列目（ご意見）」: NUL 文字" in out
    i = info(proj, capsys)
    assert (i["responses"], i["verbatims"]) == (3, 3)
    assert "梱包が丁寧でまた買いたいと思いました" in texts(proj)
    assert not any("\x00" in t for t in texts(proj))


def test_nul_block_is_refused_with_row_and_column_and_nothing_imported(proj, tmp_path, capsys):
    f = tmp_path / "broken.csv"
    rows = ["回答ID,ご意見"] + [f"{i},配送がとても早くて助かりました {i}" for i in range(1, 3000)]
    rows[2000] = "2000,途中で" + "\x00" * 4096 + "切れた行"  # a zero-filled block, as a crash leaves
    f.write_bytes(("\n".join(rows) + "\n").encode("utf-8"))
    before = snapshot(proj)
    rc, _, err = voc_import(proj, f, capsys)
    assert rc != 0 and "Traceback" not in err
    assert "broken.csv, 2001 行目, 列「2 列目（ご意見）」" in err and "NUL" in err and "書き出す" in err
    assert snapshot(proj) == before


def test_nul_in_json_lines_and_interview(proj, tmp_path, capsys):
    f = tmp_path / "tickets.jsonl"
    f.write_bytes(('{"id": 1, "requester_id": "K1", "description": "届くのが遅い\x00です"}\n'
                   '{"id": 2, "requester_id": "K2", "description": "とても満足しています"}\n').encode())
    rc, out, err = voc_import(proj, f, capsys)
    assert rc == 0, err
    assert "tickets.jsonl 1 行目" in out and "NUL" in out
    g = tmp_path / "interview.txt"
    g.write_bytes("司会: 使ってみていかがでしたか？\n佐藤: 思ったより\x00軽くて驚きました\n".encode())
    rc, out, err = voc_import(proj, g, capsys)
    assert rc == 0, err
    assert "interview.txt 2 行目" in out
    assert "届くのが遅いです" in texts(proj) and "思ったより軽くて驚きました" in texts(proj)


def test_binary_files_are_still_refused_as_not_text(proj, tmp_path, capsys):
    png = tmp_path / "picture.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
                    b"\x1f\x15\xc4\x89\x00\x00\x00\nIDATx\x9cc\x00\x01\x00\x00\x05\x00\x01\r\n-\xb4"
                    b"\x00\x00\x00\x00IEND\xaeB`\x82")
    noise = tmp_path / "noise.csv"
    noise.write_bytes(os.urandom(4096))
    before = snapshot(proj)
    for f, needle in [(png, "テキストファイルではありません（PNG 画像"), (noise, "バイナリファイル")]:
        rc, _, err = voc_import(proj, f, capsys)
        assert rc != 0 and needle in err and f.name in err and "Traceback" not in err, err
    assert snapshot(proj) == before


# --- wide tables ----------------------------------------------------------------------


def test_ten_thousand_columns(proj, tmp_path, capsys):
    """Role detection looks at a sample: 10,000 columns × 50 rows imports in seconds
    (it took minutes when every cell was tried as a date)."""
    f = tmp_path / "wide.csv"
    header = ["回答ID", "ご意見"] + [f"Q{i}" for i in range(9998)]
    rows = [",".join(header)]
    for r in range(50):
        rows.append(",".join([str(r + 1), f"配送がとても早くて助かりました その{r}"]
                             + [f"選択肢{(r + i) % 5}" for i in range(9998)]))
    f.write_text("\n".join(rows) + "\n", encoding="utf-8")
    rc, out, err = voc_import(proj, f, capsys)
    assert rc == 0, err
    i = info(proj, capsys)
    assert (i["responses"], i["verbatims"]) == (50, 50)
    assert texts(proj)[49] == "配送がとても早くて助かりました その49"


# --- zip bombs ------------------------------------------------------------------------


def _xlsx_with_padded_sheet(path, pad: int) -> None:
    """A real workbook whose sheet carries ``pad`` bytes of blanks: inflates ~1,000×."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in [["回答ID", "ご意見"], [1, "配送がとても早くて助かりました"], [2, "梱包が丁寧でした"]]:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(buf)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info_ in src.infolist():
            data = src.read(info_.filename)
            if info_.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * pad)
            z.writestr(info_.filename, data, compresslevel=9)


def test_xlsx_ratio_bomb_is_refused_before_reading(proj, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(archive, "RATIO_MIN_BYTES", 1 << 20)
    f = tmp_path / "bomb.xlsx"
    _xlsx_with_padded_sheet(f, 4 << 20)
    before = snapshot(proj)
    rc, _, err = voc_import(proj, f, capsys)
    assert rc != 0 and "Traceback" not in err
    assert "bomb.xlsx" in err and "xl/worksheets/sheet1.xml" in err
    assert "上限は 100 倍" in err and "zip bomb" in err and "CSV で書き出して" in err
    assert snapshot(proj) == before


def test_xlsx_total_over_the_limit_is_refused(proj, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(archive, "MAX_XLSX_INFLATED", 2 << 20)
    f = tmp_path / "big.xlsx"
    _xlsx_with_padded_sheet(f, 3 << 20)
    before = snapshot(proj)
    rc, _, err = voc_import(proj, f, capsys)
    assert rc != 0 and "Traceback" not in err
    assert "big.xlsx" in err and "上限 2.0 MiB" in err and "limit" in err
    assert snapshot(proj) == before


def test_xlsx_reading_is_bounded_when_sizes_are_not_checked_first(proj, tmp_path, capsys, monkeypatch):
    """Even past the declared-size check, a member stops inflating at its limit."""
    monkeypatch.setattr(archive, "check_zip", lambda path, kind: None)
    monkeypatch.setattr(archive, "MAX_XLSX_INFLATED", 2 << 20)
    f = tmp_path / "bomb.xlsx"
    _xlsx_with_padded_sheet(f, 3 << 20)
    before = snapshot(proj)
    rc, _, err = voc_import(proj, f, capsys)
    assert rc != 0 and "Traceback" not in err
    assert "bomb.xlsx" in err and "展開の途中で上限を超えました" in err and "上限 2.0 MiB" in err
    assert snapshot(proj) == before


def test_xlsx_whose_declared_size_lies_is_refused_cleanly(proj, tmp_path, capsys):
    f = tmp_path / "lie.xlsx"
    _xlsx_with_padded_sheet(f, 3 << 20)
    data = bytearray(f.read_bytes())
    eocd = data.rfind(b"PK\x05\x06")
    p = struct.unpack_from("<I", data, eocd + 16)[0]
    while data[p:p + 4] == b"PK\x01\x02":  # the central directory says the sheet is 1,000 bytes
        nlen, elen, clen = struct.unpack_from("<HHH", data, p + 28)
        if data[p + 46:p + 46 + nlen] == b"xl/worksheets/sheet1.xml":
            struct.pack_into("<I", data, p + 24, 1000)
            struct.pack_into("<I", data, struct.unpack_from("<I", data, p + 42)[0] + 22, 1000)
        p += 46 + nlen + elen + clen
    f.write_bytes(bytes(data))
    before = snapshot(proj)
    rc, _, err = voc_import(proj, f, capsys)
    assert rc != 0 and "Traceback" not in err and "内部エラー" not in err
    assert "lie.xlsx" in err and "Excel" in err
    assert snapshot(proj) == before


def test_docx_bomb_is_refused(proj, tmp_path, capsys, monkeypatch):
    import docx

    monkeypatch.setattr(archive, "RATIO_MIN_BYTES", 1 << 20)
    d = docx.Document()
    d.add_paragraph("佐藤: とても使いやすいです")
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(buf)
    f = tmp_path / "bomb.docx"
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
        for info_ in src.infolist():
            data = src.read(info_.filename)
            if info_.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b" " * (4 << 20))
            z.writestr(info_.filename, data, compresslevel=9)
    before = snapshot(proj)
    rc, _, err = voc_import(proj, f, capsys)
    assert rc != 0 and "Traceback" not in err
    assert "bomb.docx" in err and "word/document.xml" in err and "zip bomb" in err and "Word" in err
    assert snapshot(proj) == before


def test_ordinary_workbook_and_word_file_still_import(proj, tmp_path, capsys):
    f = tmp_path / "ok.xlsx"
    _xlsx_with_padded_sheet(f, 0)
    rc, _, err = voc_import(proj, f, capsys)
    assert rc == 0, err
    import docx

    d = docx.Document()
    d.add_paragraph("司会: 使ってみていかがでしたか？")
    d.add_paragraph("佐藤: とても使いやすいです")
    g = tmp_path / "ok.docx"
    d.save(g)
    rc, _, err = voc_import(proj, g, capsys)
    assert rc == 0, err
    assert texts(proj)[-1] == "とても使いやすいです"
