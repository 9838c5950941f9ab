"""Raw rows from CSV/TSV and XLSX/XLSM files, as lists of strings.

Row numbers are 1-based records as a spreadsheet shows them (header = row 1).
"""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path

from base.errors import InputError
from importers.archive import open_workbook
from importers.encoding import open_text
from importers.textsafety import strip_cells

MAX_CELL = 1_000_000  # characters; a larger cell is almost always a broken quote
csv.field_size_limit(MAX_CELL)

DELIMITERS = [",", "\t", ";", "|"]

Row = tuple[int, list[str]]


def sniff_delimiter(sample: str, suffix: str) -> str:
    if suffix in (".tsv", ".tab"):
        return "\t"
    first = sample.split("\n", 1)[0]
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] > 0:
        return best
    try:
        return csv.Sniffer().sniff(sample[:65536], delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        return "\t" if suffix == ".txt" else ","


def iter_csv(path: Path, encoding: str, delimiter: str, stats=None) -> Iterator[Row]:
    """Rows of a CSV/TSV file. NUL characters are removed from the cells that hold them, with a
    warning naming the row and column; a block of them is an error (:mod:`importers.textsafety`)."""
    name = path.name
    with open_text(path, encoding, stats) as f:
        nul = [False]  # set when the line just read holds a NUL (checked per line, in C)

        def lines() -> Iterator[str]:
            for line in f:
                if "\x00" in line:
                    nul[0] = True
                yield line

        reader = csv.reader(lines(), delimiter=delimiter, quotechar='"', doublequote=True, strict=False)
        n = 0
        header: list[str] | None = None
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                msg = str(e)
                if "field larger" in msg:
                    raise InputError(
                        f"セルが大きすぎます（{MAX_CELL:,} 文字を超えています）",
                        file=name,
                        row=n + 1,
                        hint="引用符（\"）の閉じ忘れがないか確認してください",
                    ) from e
                if "NUL" in msg:
                    raise InputError(
                        "NUL 文字が含まれています（テキストファイルではないようです）",
                        file=name,
                        row=n + 1,
                        hint="CSV・Excel・JSON で書き出したファイルを選んでください",
                    ) from e
                raise InputError(f"CSV として読めません: {msg}", file=name, row=n + 1) from e
            except UnicodeDecodeError as e:  # pragma: no cover - encoding is checked first
                raise InputError("文字コードが途中で変わっています", file=name, row=n + 1) from e
            n += 1
            if nul[0]:
                nul[0] = False
                cells = strip_cells(cells, n, name, header, stats)
            if header is None and any(c.strip() for c in cells):
                header = cells
            yield n, cells


def _cell_text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def iter_xlsx(path: Path, sheet: str | None = None) -> Iterator[Row]:
    """Rows of a workbook's sheet, read within the zip limits of :mod:`importers.archive`."""
    try:
        wb = open_workbook(path)
    except InputError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as e:
        raise InputError(
            "Excel ファイルとして開けません（壊れているか、xlsx/xlsm ではありません）",
            file=path.name,
            hint="Excel で開き直して「Excel ブック (*.xlsx)」で保存してください",
        ) from e
    except Exception as e:  # openpyxl raises assorted errors on junk
        raise InputError(f"Excel ファイルとして開けません: {type(e).__name__}", file=path.name) from e
    try:
        if sheet is not None:
            if sheet not in wb.sheetnames:
                raise InputError(f"シート「{sheet}」がありません（{', '.join(wb.sheetnames)}）", file=path.name)
            ws = wb[sheet]
        else:
            ws = wb.worksheets[0] if wb.worksheets else None
            if ws is None:
                raise InputError("シートがありません", file=path.name)
        try:
            for n, values in enumerate(ws.iter_rows(values_only=True), start=1):
                cells = [_cell_text(v) for v in values]
                for i, c in enumerate(cells):
                    if len(c) > MAX_CELL:
                        raise InputError(
                            f"セルが大きすぎます（{MAX_CELL:,} 文字を超えています）",
                            file=path.name,
                            row=n,
                            column=str(i + 1),
                        )
                yield n, cells
        except InputError:
            raise
        except Exception as e:
            raise InputError(f"Excel ファイルの読み込みに失敗しました: {type(e).__name__}", file=path.name) from e
    finally:
        wb.close()
