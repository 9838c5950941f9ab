"""The Excel summary a manager reads as is, and the CSV of verbatims.

The workbook: 「概要」 (one A4 page: findings in sentences made from the numbers, key figures,
top topics), 「NPSへの影響」 (``voc_app.drivers``), 「ワードクラウド」 (``voc_app.wordcloud``),
「喜びのトピック」「不満のトピック」 (one summary row per topic), 「分布と推移」 (counts, NPS
distribution, monthly figures and trends with native Excel charts), 「アンバサダー候補」「解約リスク」,
「コード」, 「クロス集計」 and 「発言一覧」. Every sheet prints on A4 landscape, one page wide, header
rows repeated; column widths follow the content (a Japanese character counts about two), row
heights follow the wrapped text (openpyxl does not fit them), charts and pictures never cross a
page break (the page a block starts on is worked out from the row heights; a block that would
not fit starts a new page). No internal code reaches a cell (``voc_app.labels``); every text
cell is a string cell, never a formula (``voc_app.export.safe.xlsx_cell``).

openpyxl in write-only mode: the summary sheets are small and are laid out in memory, then
written; the verbatim list streams (a million verbatims fit in memory). Excel's limits are
respected (32,767 characters per cell, 1,048,576 rows per sheet — the verbatim list continues on
numbered sheets, sheet names ≤ 31 characters). The CLI (``voc export``) and the app's export
dialog both call ``export``.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from base.errors import InputError, UserError
from voc_app.export.safe import SafeCsvWriter, temp_files_in, xlsx_cell
from voc_app.labels import label, rule_text, signal_label
from voc_app.store import Project
from voc_app.store import report as q
from voc_app.store.report import Filter, VerbatimRow, parse_filters

__all__ = ["ExportResult", "Filter", "export", "parse_filters"]

Progress = Callable[[float | None, str], None]

MAX_CELL = 32_767
TRUNCATED = "…［以下省略］"
MAX_ROWS = 1_048_576
VERBATIM_HEADER = ["ID", "種類", "設問・チャネル", "日時", "顧客", "発言", "極性", "段階", "喜びのトピック", "不満のトピック",
                   "コード", "解約の兆し", "推奨・紹介"]
VERBATIM_WIDTHS = [8, 10, 22, 17, 11, 54, 6, 9, 15, 15, 15, 14, 12]
VERBATIM_WRAP = (2, 5, 8, 9, 10)  # 0-based columns whose text wraps

# number formats: whole numbers without 「.0」, shares as percentages, months in Japanese
INT = "#,##0"
SCORE = "0"
PCT = "0.0%"
PCT0 = "0%"
NPS_FMT = "+0;-0;0"
DIFF = "+0.0;-0.0;0.0"
YEN = '#,##0"円"'
MONTH = 'yyyy"年"m"月"'
DAY = "yyyy/mm/dd"
DATETIME = "yyyy/mm/dd hh:mm"

# A4 landscape with these margins (inches); what fits on one page at 100 %
MARGINS = {"left": 0.5, "right": 0.5, "top": 0.6, "bottom": 0.6, "header": 0.25, "footer": 0.25}
PAGE_W_PX = (29.7 / 2.54 - MARGINS["left"] - MARGINS["right"]) * 96
PAGE_H_PT = (21.0 / 2.54 - MARGINS["top"] - MARGINS["bottom"]) * 72 * 0.96  # a little room to spare
LINE_PT = 15.0     # one line of 11 pt text
MAX_ROW_PT = 409.0  # Excel's largest row height
QUOTE_CHARS = 120  # quotes on the summary sheets are cut here (the verbatim list has them whole)


@dataclass
class ExportResult:
    path: str
    verbatims: int
    sheets: list[str] = field(default_factory=list)
    masked: dict[str, int] = field(default_factory=dict)  # kind → spans replaced
    truncated_cells: int = 0


class _Masker:
    """Masks text (cached: answers repeat) and pseudonymises customer ids; counts what it did."""

    def __init__(self, on: bool, salt: str) -> None:
        self.on, self.salt = on, salt
        self.counts: dict[str, int] = {}
        self._cache: dict[str, str] = {}

    def text(self, s: str | None) -> str | None:
        if not self.on or not s:
            return s
        got = self._cache.get(s)
        if got is None:
            from nlp.pii import mask

            got, spans = mask(s)
            for sp in spans:
                self.counts[sp.kind] = self.counts.get(sp.kind, 0) + 1
            if len(self._cache) < 200_000:
                self._cache[s] = got
        return got

    def customer(self, cid: str | None) -> str | None:
        if not self.on or not cid:
            return cid
        from nlp.pii import pseudonym

        return pseudonym(cid, self.salt)


def _clip(s, counter: list[int]):
    if isinstance(s, str) and len(s) > MAX_CELL:
        counter[0] += 1
        return s[:MAX_CELL - len(TRUNCATED)] + TRUNCATED
    return s


def _short(s: str | None, n: int = QUOTE_CHARS) -> str:
    """A quote on one of the summary sheets: on one line, cut after ``n`` characters (masked
    text only is ever cut: masking comes first)."""
    t = " ".join((s or "").split())
    return t if len(t) <= n else t[:n - 1] + "…"


def _date(s: str | None):
    """ISO text with offset → naive local datetime (Excel has no time zones)."""
    if not s:
        return None
    try:
        return dt.datetime.fromisoformat(s).replace(tzinfo=None)
    except ValueError:
        return s


def _month(ym: str) -> dt.datetime | str:
    """'2025-04' → the first of that month (a real date, shown with ``MONTH``)."""
    try:
        return dt.datetime(int(ym[:4]), int(ym[5:7]), 1)
    except (ValueError, IndexError):
        return ym


def _month_ja(ym: str) -> str:
    m = _month(ym)
    return f"{m.year}年{m.month}月" if isinstance(m, dt.datetime) else ym


def _day_ja(iso: str | None) -> str:
    d = _date(iso)
    return f"{d.year}年{d.month}月{d.day}日" if isinstance(d, dt.datetime) else (iso or "—")


def export(project: Project, out: str | Path, *, flt: Filter | None = None, mask_pii: bool = False,
           progress: Progress | None = None, csv_encoding: str = "utf-8-sig") -> ExportResult:
    """Write ``out`` (.xlsx: the workbook; .csv: the verbatim list). The file appears only when
    complete (written beside it, then renamed): a cancelled or failed export leaves no half file."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise InputError("出力ファイルは .xlsx か .csv にしてください", file=out.name)
    flt = flt or Filter()
    tick = progress or (lambda f, m: None)
    conn = project.conn
    n = q.select_verbatims(conn, flt)
    masker = _Masker(mask_pii, q.salt(conn) if mask_pii else "")
    tmp = out.with_name(f".{out.name}.part")
    # openpyxl streams each sheet through a temporary file holding verbatim text: those go to a
    # private folder beside the target (not a shared temp folder) and are removed on any exit we
    # can catch; a previous export killed outright leaves them there, and they are removed here
    scratch = out.with_name(f".{out.name}.tmp")
    _remove_scratch(tmp, scratch)
    try:
        if suffix == ".csv":
            res = _write_csv(conn, tmp, n, masker, csv_encoding, tick)
        else:
            scratch.mkdir(mode=0o700)
            with temp_files_in(scratch):
                res = _write_xlsx(project, tmp, n, flt, masker, tick)
        os.replace(tmp, out)
    finally:
        _remove_scratch(tmp, scratch)
        q.clear_selection(conn)
    res.path, res.masked = str(out), dict(masker.counts)
    return res


def _remove_scratch(tmp: Path, scratch: Path) -> None:
    import shutil

    tmp.unlink(missing_ok=True)
    if scratch.is_dir():
        shutil.rmtree(scratch, ignore_errors=True)


def _verbatim_cells(row: VerbatimRow, masker: _Masker) -> list:
    """The cells of ``VERBATIM_HEADER`` for one verbatim (codes as their display names)."""
    return [row.id, label("source", row.kind), row.question, _date(row.date), masker.customer(row.customer),
            masker.text(row.text), label("polarity", row.polarity), label("stage", row.stage),
            masker.text(row.delight_topic) or "", masker.text(row.pain_topic) or "", row.codes or "",
            signal_label("churn", row.churn), signal_label("advocacy", row.advocacy)]


def _write_csv(conn, path: Path, n: int, masker: _Masker, encoding: str, tick: Progress) -> ExportResult:
    res = ExportResult(str(path), n)
    bad = [0]
    enc = {"utf-8": "utf-8-sig", "utf8": "utf-8-sig", "sjis": "cp932", "shift_jis": "cp932"}.get(encoding.lower(),
                                                                                               encoding.lower())
    if enc not in ("utf-8-sig", "cp932"):
        raise InputError(f"CSV の文字コード「{encoding}」は使えません", hint="utf-8（BOM 付き、既定）か cp932")

    def replace(err):
        bad[0] += err.end - err.start
        return "?" * (err.end - err.start), err.end

    import codecs

    codecs.register_error("voc_count_replace", replace)
    with open(path, "w", encoding=enc, errors="voc_count_replace", newline="") as f:
        w = SafeCsvWriter(f)  # text that looks like a formula is prefixed with ' (OWASP)
        w.writerow(VERBATIM_HEADER)
        for i, row in enumerate(q.verbatim_rows(conn), start=1):
            cells = _verbatim_cells(row, masker)
            cells[3] = cells[3].strftime("%Y/%m/%d %H:%M") if isinstance(cells[3], dt.datetime) else (cells[3] or "")
            w.writerow(cells)
            if i % 10_000 == 0:
                tick(i / max(n, 1), f"{i:,} / {n:,} 件")
    res.sheets = ["CSV"]
    res.truncated_cells = bad[0]  # characters CP932 cannot hold, written as "?"
    return res


# --- measuring text ---------------------------------------------------------------------------

_NARROW3 = re.compile("[\u0800-\u10ff\u2000-\u2bff\uff61-\uff9f]")  # 3 bytes in UTF-8, narrow


def text_width(s: str) -> float:
    """The width of ``s`` on one line in Excel's column-width units (the default font's digit
    width): a Japanese (wide) character counts about two. Fast: UTF-8 length tells wide from
    narrow (3 bytes: CJK and other wide scripts; 1: ASCII)."""
    if not s:
        return 0.0
    n = len(s)
    wide = (len(s.encode("utf-8", "surrogatepass")) - n) / 2
    if wide:  # punctuation and symbols such as − — … → take 3 bytes but about one digit's width
        wide -= len(_NARROW3.findall(s))
    return (n - wide) * 1.1 + wide * 2.1


def text_lines(s, width: float) -> int:
    """Lines ``s`` takes when wrapped in a column ``width`` units wide."""
    if s is None or s == "":
        return 1
    s = str(s)
    cap = max(1.0, width - 1.2)
    if "\n" not in s and len(s) * 2.1 <= cap:
        return 1
    return sum(max(1, math.ceil(text_width(p) / cap)) for p in s.split("\n"))


def _height(lines: int) -> float:
    return min(MAX_ROW_PT, LINE_PT * lines + (3.0 if lines > 1 else 0.0))


def _col_px(width: float) -> float:
    return width * 7 + 5


def _shown_width(v, fmt: str | None) -> float:
    """The width a value takes as displayed (numbers and dates with their formats)."""
    if v is None:
        return 0.0
    if isinstance(v, str):
        return max((text_width(p) for p in v.split("\n")), default=0.0)
    if isinstance(v, dt.datetime | dt.date):
        return 9.5 if fmt == MONTH else 16.0 if fmt == DATETIME else 10.5
    if isinstance(v, int | float):
        if fmt and "%" in fmt:
            return len(f"{v * 100:.1f}%") * 1.1
        if fmt and "円" in fmt:
            return len(f"{v:,.0f}") * 1.1 + 2.1
        return len(f"{v:,.1f}" if fmt == DIFF else f"{v:,.0f}") * 1.1 + (1.1 if fmt in (NPS_FMT, DIFF) else 0)
    return len(str(v)) * 1.1


# --- sheets -------------------------------------------------------------------------------------

@functools.cache
def _styles():
    """The workbook's styles: the same objects for every export (``_StyleCache`` keys on them)."""
    from openpyxl.styles import Alignment, Font, PatternFill

    return {
        "title": Font(name="Yu Gothic", size=16, bold=True, color="1F3864"),
        "h2": Font(name="Yu Gothic", size=12, bold=True, color="1F3864"),
        "head": Font(name="Yu Gothic", bold=True, color="FFFFFF"),
        "head_fill": PatternFill("solid", fgColor="2F5597"),
        "finding": Font(name="Yu Gothic", size=11),
        "note": Font(name="Yu Gothic", size=9, color="595959"),
        "bold": Font(name="Yu Gothic", bold=True),
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "top": Alignment(vertical="top"),
        "head_align": Alignment(wrap_text=True, vertical="center"),
        "center": Alignment(horizontal="center"),
        "left": Alignment(horizontal="left"),
        "indent": Alignment(horizontal="left", indent=1),
    }


class _StyleCache:
    """Cell styles worked out once per combination and copied onto cells: assigning a font or an
    alignment through openpyxl's descriptors hashes and looks up the style object every time
    (tens of microseconds), too slow for a million verbatims."""

    def __init__(self, wb) -> None:
        self.wb = wb
        self._full: dict[tuple, object] = {}
        self._align: dict[tuple, int] = {}

    @staticmethod
    def of(ws) -> _StyleCache:
        wb = ws.parent
        got = wb.__dict__.get("_voc_styles")
        if got is None:
            got = wb.__dict__["_voc_styles"] = _StyleCache(wb)
        return got

    def apply(self, ws, cell, font=None, fill=None, fmt=None, align=None):
        from copy import copy

        key = (id(font), id(fill), fmt, id(align))
        style = self._full.get(key)
        if style is None:
            from openpyxl.cell import WriteOnlyCell

            c = WriteOnlyCell(ws)
            if font is not None:
                c.font = font
            if fill is not None:
                c.fill = fill
            if fmt:
                c.number_format = fmt
            if align is not None:
                c.alignment = align
            style = self._full[key] = c._style
        cell._style = copy(style)
        return cell

    def realign(self, cell, *, horizontal=None, vertical=None, wrap=False):
        """``cell`` with this alignment, the rest of its style kept."""
        from copy import copy

        key = (horizontal, vertical, wrap)
        aid = self._align.get(key)
        if aid is None:
            from openpyxl.styles import Alignment

            aid = self._align[key] = self.wb._alignments.add(
                Alignment(horizontal=horizontal, vertical=vertical, wrap_text=wrap or None))
        style = copy(cell._style)
        style.alignmentId = aid
        cell._style = style
        return cell


def _page_setup(ws, title_row: int | None = None, one_page: bool = False) -> None:
    """A4 landscape, all columns on one page width, margins, page numbers in the footer, the
    header row repeated on every printed page. ``one_page``: the sheet also fits one page
    high (the summary page, designed to fit; this only guards against very long findings)."""
    from openpyxl.worksheet.page import PageMargins

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if one_page else 0
    ws.page_margins = PageMargins(**MARGINS)
    ws.oddFooter.center.text = "&A　&P / &N ページ"
    ws.oddFooter.center.size = 8
    if title_row:
        ws.print_title_rows = f"{title_row}:{title_row}"


class _Sheet:
    """A summary sheet laid out in memory, then written (``close``): column widths from the
    content, row heights from the wrapped text, page breaks so that blocks (a chart with its
    table, a section) never cross a page. Row numbers are known as rows are added."""

    def __init__(self, wb, title: str, widths: list, *, span: int | None = None) -> None:
        """``widths``: per column a fixed width, or (min, max) to fit the content within."""
        self.ws = wb.create_sheet(title[:31])
        self.st = _styles()
        self.widths = list(widths)
        self.span = span or len(widths)  # columns a full-width text row covers
        self.rows: list[list] = []
        self.fixed: dict[int, float] = {}       # row → height (pt) set by the caller
        self.merged: dict[int, tuple[int, int]] = {}  # row → (first, last column) of its text
        self.blocks: list[tuple[int, int]] = []  # rows kept on one page
        self.new_page: set[int] = set()          # rows that start a page
        self.drawings: list[tuple[int, float]] = []  # (first column, right edge px) of charts/images
        self.head_row: int | None = None
        self.header_rows: set[int] = set()
        self.freeze: str | None = None
        self.filter_cols: int | None = None
        self.one_page = False

    @property
    def row(self) -> int:
        return len(self.rows)

    # cells and rows
    def cell(self, value, *, font=None, fill=None, fmt=None, align=None):
        c = xlsx_cell(self.ws, value)  # text is a string cell, never a formula
        if font is not None or fill is not None or fmt or align is not None:
            _StyleCache.of(self.ws).apply(self.ws, c, font, fill, fmt, align)
        return c

    def append(self, values: list, height: float | None = None) -> int:
        self.rows.append(list(values))
        if height:
            self.fixed[self.row] = height
        return self.row

    def blank(self, n: int = 1) -> None:
        for _ in range(n):
            self.append([])

    def title(self, text: str) -> int:
        r = self.append([self.cell(text, font=self.st["title"])], height=26)
        self.merged[r] = (1, self.span)
        return r

    def h2(self, text: str) -> int:
        return self.append([self.cell(text, font=self.st["h2"])], height=20)

    def text(self, text: str, *, font=None, first: int = 1, last: int | None = None, prefix: list | None = None) -> int:
        """A line of text across columns ``first``–``last`` (merged, wrapped)."""
        for c in prefix or []:
            if c is not None:
                _StyleCache.of(self.ws).realign(c, horizontal=c.alignment.horizontal, vertical="top")
        cells = list(prefix or []) + [None] * (first - 1 - len(prefix or []))
        cells.append(self.cell(text, font=font, align=self.st["wrap"]))
        r = self.append(cells)
        self.merged[r] = (first, last or self.span)
        return r

    def note(self, text: str) -> int:
        return self.text(text, font=self.st["note"])

    def header(self, names: list, *, repeat: bool = False) -> int:
        r = self.append([n if hasattr(n, "number_format") else
                         self.cell(n, font=self.st["head"], fill=self.st["head_fill"], align=self.st["head_align"])
                         if n not in (None, "") else None for n in names])
        self.header_rows.add(r)
        if repeat:
            self.head_row = r
        return r

    # layout
    def keep(self, first: int, last: int | None = None) -> None:
        """Rows ``first``–``last`` (default: to the last row so far) print on one page."""
        self.blocks.append((first, last or self.row))

    def page_break(self) -> None:
        """The next row starts a new page."""
        self.new_page.add(self.row + 1)

    def cover(self, first: int, height_cm: float) -> None:
        """Add blank rows until the rows from ``first`` are as tall as ``height_cm`` (a chart
        anchored at ``first``), and keep them on one page: a chart never crosses a page break."""
        need = height_cm / 2.54 * 72 + 6
        have = sum(self.fixed.get(r, LINE_PT) for r in range(first, self.row + 1))
        while have < need:
            self.append([], height=LINE_PT)
            have += LINE_PT
        self.keep(first)

    def chart(self, chart, row: int, col: int, width_cm: float, height_cm: float) -> None:
        from openpyxl.utils import get_column_letter

        chart.width, chart.height = width_cm, height_cm
        self.ws.add_chart(chart, f"{get_column_letter(col)}{row}")
        self.drawings.append((col, width_cm / 2.54 * 96))

    def image(self, png: bytes, row: int, col: int, width_px: int, height_px: int) -> None:
        import io

        from openpyxl.drawing.image import Image
        from openpyxl.utils import get_column_letter

        img = Image(io.BytesIO(png))
        img.width, img.height = width_px, height_px
        self.ws.add_image(img, f"{get_column_letter(col)}{row}")
        self.drawings.append((col, width_px))

    # writing
    def _fit_widths(self) -> list[float]:
        out = []
        for i, w in enumerate(self.widths):
            if not isinstance(w, tuple):
                out.append(float(w))
                continue
            lo, hi = w
            seen = lo
            for r, row in enumerate(self.rows, start=1):
                if i >= len(row) or r in self.merged or row[i] is None:
                    continue
                c = row[i]
                v, fmt = (c.value, c.number_format) if hasattr(c, "number_format") else (c, None)
                if r in self.header_rows:
                    # headers wrap: their longest word decides, not the whole header
                    seen = max(seen, min(_shown_width(v, fmt), 12.0) + 1.5)
                else:
                    seen = max(seen, _shown_width(v, fmt) + 1.5)
            out.append(round(min(hi, seen), 1))
        return out

    def _row_height(self, r: int, cells: list, widths: list[float]) -> float:
        if r in self.fixed:
            return self.fixed[r]
        lines = 1
        if r in self.merged:
            a, b = self.merged[r]
            w = sum(widths[a - 1:b]) if b <= len(widths) else sum(widths[a - 1:])
            c = cells[a - 1] if len(cells) >= a else None
            v = getattr(c, "value", c)
            lines = text_lines(v, w)
            return _height(lines) + (2 if lines == 1 else 0)
        for i, c in enumerate(cells):
            if c is None or i >= len(widths):
                continue
            v = getattr(c, "value", c)
            if not isinstance(v, str):
                continue
            n = text_lines(v, widths[i])
            if n > 1 and hasattr(c, "alignment") and not c.alignment.wrap_text:
                _StyleCache.of(self.ws).realign(c, horizontal=c.alignment.horizontal, vertical="top", wrap=True)
            lines = max(lines, n)
        return _height(lines)

    def close(self) -> None:
        """Column widths, row heights, page breaks and print set-up; then the rows."""
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.pagebreak import Break

        ws = self.ws
        widths = self._fit_widths()
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w
        cells_rows = []
        heights = []
        for r, row in enumerate(self.rows, start=1):
            cells = [c if (c is None or hasattr(c, "number_format")) else xlsx_cell(ws, c) for c in row]
            cells_rows.append(cells)
            h = self._row_height(r, cells, widths)
            heights.append(h)
            if h > LINE_PT + 1 and r not in self.merged:  # a tall row: every cell reads from the top
                styles = _StyleCache.of(ws)
                for c in cells:
                    if c is not None and not c.alignment.wrap_text and c.alignment.vertical is None:
                        styles.realign(c, horizontal=c.alignment.horizontal, vertical="top")
        # pages: the scale that fits the widest content to the page width, then where pages end
        px = sum(_col_px(w) for w in widths)
        for col, right in self.drawings:
            px = max(px, sum(_col_px(w) for w in widths[:col - 1]) + right)
        scale = min(1.0, PAGE_W_PX / max(px, 1.0))
        page = PAGE_H_PT / scale
        starts = {a: b for a, b in sorted(self.blocks)}
        used = 0.0
        head = heights[self.head_row - 1] if self.head_row else 0.0
        for r, h in enumerate(heights, start=1):
            brk = r in self.new_page and used > 0
            if not brk and r in starts and used > 0:
                need = sum(heights[r - 1:starts[r]])
                brk = used + need > page
            if brk:
                ws.row_breaks.append(Break(id=r - 1))
                used = head if self.head_row and r > self.head_row else 0.0
            if used + h > page:
                used = (head if self.head_row and r > self.head_row else 0.0) + h
            else:
                used += h
        _page_setup(ws, self.head_row, self.one_page)
        if self.freeze:
            ws.freeze_panes = self.freeze
        for r, (a, b) in self.merged.items():
            if b > a:
                ws.merged_cells.add(f"{get_column_letter(a)}{r}:{get_column_letter(b)}{r}")
        if self.filter_cols and self.head_row and self.row > self.head_row:
            ws.auto_filter.ref = f"A{self.head_row}:{get_column_letter(self.filter_cols)}{self.row}"
        for r, (cells, h) in enumerate(zip(cells_rows, heights, strict=True), start=1):
            ws.row_dimensions[r].height = round(h, 1)
            ws.append(cells)
            del ws.row_dimensions[r]  # written with the row: nothing left to hold


def _no_axis_delete(ch) -> None:
    for ax in (ch.x_axis, ch.y_axis):
        ax.delete = False


def _bar(title: str, ws, cats: tuple[int, int, int], data: list[tuple[int, int, int]], *, stacked: bool = False,
         horizontal: bool = False, y_title: str = "件数", legend: bool = True, date_axis: bool = False):
    from openpyxl.chart import BarChart, Reference

    ch = BarChart()
    ch.type = "bar" if horizontal else "col"
    ch.title, ch.y_axis.title = title, y_title
    if stacked:
        ch.grouping, ch.overlap = "stacked", 100
    for col, r1, r2 in data:
        ch.add_data(Reference(ws, min_col=col, min_row=r1, max_row=r2), titles_from_data=True)
    col, r1, r2 = cats
    ch.set_categories(Reference(ws, min_col=col, min_row=r1, max_row=r2))
    if horizontal:
        ch.x_axis.scaling.orientation = "maxMin"  # largest first, top to bottom
    if date_axis:
        ch.x_axis.number_format = MONTH
    if not legend:
        ch.legend = None
    _no_axis_delete(ch)
    return ch


def _line_rows(title: str, ws, head_row: int, first: int, last: int, ncols: int):
    """A line chart with one series per table row (label in column A, months across)."""
    from openpyxl.chart import LineChart, Reference

    ch = LineChart()
    ch.title, ch.y_axis.title = title, "件数"
    ch.add_data(Reference(ws, min_col=1, max_col=1 + ncols, min_row=first, max_row=last), from_rows=True,
                titles_from_data=True)
    ch.set_categories(Reference(ws, min_col=2, max_col=1 + ncols, min_row=head_row, max_row=head_row))
    for series in ch.series:
        series.smooth = False  # counts per month: straight segments, no invented curves
    ch.x_axis.number_format = MONTH
    _no_axis_delete(ch)
    return ch


# --- the workbook -----------------------------------------------------------------------------

@dataclass
class _Facts:
    """What several sheets and the findings share."""

    topics: dict
    sizes: dict
    months: dict  # side → {(topic id, 'YYYY-MM'): count}
    drivers: object | None = None
    drivers_note: str = ""
    flagged: dict = field(default_factory=dict)  # kind → rows
    purchases: tuple | None = None  # report.purchases_of for the churn risks
    last_day_note: str = ""  # 「（6月は28日までのデータです）」 when the last month is partial
    filtered: bool = False  # the export is restricted by --from / --to / --filter
    scored: bool = False  # customers have been scored (flags exist)


def _write_xlsx(project: Project, path: Path, n: int, flt: Filter, masker: _Masker, tick: Progress) -> ExportResult:
    from openpyxl import Workbook

    from voc_app.store.signals import flagged
    from voc_app.topics import topic_list

    conn = project.conn
    res = ExportResult(str(path), n)
    clipped = [0]
    wb = Workbook(write_only=True)
    topics = {side: topic_list(project, side) for side in ("delight", "pain")}
    sizes = {side: q.topic_sizes(conn, side) for side in ("delight", "pain")}
    months = {side: {(tid, m): c for tid, m, c in q.topic_counts_filtered(conn, side, "month") if m}
              for side in ("delight", "pain")}
    facts = _Facts(topics, sizes, months, filtered=_filtered(flt), scored=q.has_scores(conn))
    facts.flagged = {kind: flagged(conn, kind) for kind in ("ambassador", "churn")}
    facts.purchases = q.purchases_of(conn, [r["customer_id"] for r in facts.flagged["churn"]])
    attrs = q.main_attributes(conn)
    try:
        tick(0.02, "概要")
        facts.drivers, facts.drivers_note = _drivers(project, facts.filtered)
        _summary(wb, project, n, flt, masker, facts)
        _drivers_sheet(wb, facts, masker, flt)
        _wordcloud_sheet(wb, project, flt, masker.on)
        for side, name in (("delight", "喜びのトピック"), ("pain", "不満のトピック")):
            tick(0.05, name)
            _topic_sheet(wb, name, side, facts, masker, clipped)
        _trends_sheet(wb, conn, facts, masker)
        for kind in ("ambassador", "churn"):
            _customer_sheet(wb, conn, kind, facts, masker, clipped)
        codebook = _code_sheet(wb, conn, masker)
        tick(0.1, "クロス集計")
        _crosstab_sheet(wb, conn, topics, attrs, masker, codebook)
        _verbatim_sheets(wb, conn, n, masker, clipped, tick)
        tick(0.97, "保存")
    except BaseException:
        # close the streamed sheets cleanly (the caller deletes the partial file)
        try:
            wb.save(path)
        except Exception:  # noqa: BLE001 - already failing; the original error matters
            pass
        raise
    res.sheets = [ws.title for ws in wb.worksheets]
    wb.save(path)
    res.truncated_cells = clipped[0]
    return res


def _filtered(flt: Filter) -> bool:
    return bool(flt.where or flt.date_from or flt.date_to)


def _drivers(project: Project, filtered: bool = False):
    """``voc_app.drivers.nps_drivers`` for the project (a filtered export: for the respondents of
    the selected verbatims), or (None, why not) — without NPS answers or topics, or in a build
    without the module."""
    try:
        from voc_app.drivers import nps_drivers
    except ImportError:
        return None, "この版では NPS への影響を計算できません。"
    try:
        return nps_drivers(project, selected=filtered), ""
    except InputError as e:
        if "NPS" in str(e):
            return None, ("この条件に該当する回答に NPS の点数（0〜10）がないため、NPS への影響は計算できません。" if filtered
                          else "NPS の点数（0〜10）がある回答がないため、NPS への影響は計算できません。")
        return None, "喜び・不満のトピックがまだないため、NPS への影響は計算できません（アプリのトピック画面か voc topics で推定してください）。"


def _ranked(side: str, facts: _Facts) -> list[dict]:
    """The side's topics with answers among the selected verbatims, largest first."""
    sizes = facts.sizes[side]
    out = [t for t in facts.topics[side]["topics"] if sizes.get(t["id"])]
    out.sort(key=lambda t: (-sizes.get(t["id"], 0), t["id"]))
    return out


def _driver_of(facts: _Facts, side: str, topic_id: int):
    rep = facts.drivers
    if rep is None:
        return None
    table = rep.table(side)
    if table is None:
        return None
    return next((d for d in (*table.ranked, *table.too_few) if d.topic_id == topic_id), None)


def _nps(x: float) -> str:
    """An NPS in a sentence: whole points with a sign (a true minus sign: no line break after it)."""
    r = round(x)
    return "0" if r == 0 else f"{r:+d}".replace("-", "\u2212")


def _pts(x: float) -> str:
    """A difference in points in a sentence: one decimal with a sign."""
    r = round(x, 1)
    return "0.0" if r == 0 else f"{r:+.1f}".replace("-", "\u2212")


def findings(project: Project, facts: _Facts, masker: _Masker) -> list[str]:
    """3–5 sentences a manager reads first, each made from the numbers: the largest pain topic
    and what it does to NPS, the topic that grew most since the previous month, the churn risks
    and the purchases at stake, the largest delight and what it does to NPS."""
    out: list[str] = []
    name = {side: {t["id"]: masker.text(t["label"]) for t in facts.topics[side]["topics"]} for side in facts.topics}
    # 1. the largest pain
    pains = _ranked("pain", facts)
    if pains:
        t = pains[0]
        total = sum(facts.sizes["pain"].values())
        c = facts.sizes["pain"][t["id"]]
        s = f"最も多い不満は「{name['pain'][t['id']]}」で、不満の声 {total:,} 件のうち {c:,} 件（{c / total:.0%}）。"
        d = _driver_of(facts, "pain", t["id"])
        if d is not None and d.enough:
            s += f"この不満を挙げた回答者の NPS は {_nps(d.nps_with)}、挙げていない回答者は {_nps(d.nps_without)}"
            if d.overall_effect < 0:
                s += f" で、全体の NPS を {abs(d.overall_effect):.1f} ポイント押し下げています"
            else:
                s += " で、この不満が全体の NPS を押し下げてはいません"
            s += "。" if d.significant else "（偶然でも起こりうる大きさの差）。"
        elif d is not None:
            s += f"NPS への影響は、挙げた回答者が {d.n_with} 人と少ないため計算していません。"
        worst = facts.drivers.fix_first[0] if facts.drivers is not None and facts.drivers.fix_first else None
        if worst is not None and worst.topic_id != t["id"] and worst.overall_effect < 0:
            s += (f"NPS を最も押し下げている不満は「{name['pain'].get(worst.topic_id, worst.label)}」"
                  f"（{_pts(worst.overall_effect)} ポイント{'' if worst.significant else '、偶然の可能性あり'}）です。")
        out.append(s)
    # 2. the fastest-growing topic, month over month
    grown = _fastest_growing(facts)
    if grown is not None:
        side, tid, prev, last, c_prev, c_last, partial = grown
        if tid is None:
            out.append(f"{_month_ja(last)}に前月より目立って増えたトピックはありません。{partial}")
        else:
            out.append(f"前月から最も増えたのは{label('side', side)}の「{name[side].get(tid, '')}」で、{_month_ja(prev)}の "
                       f"{c_prev:,} 件から{_month_ja(last)}は {c_last:,} 件（+{c_last - c_prev:,} 件）。{partial}")
    # 3. churn risks and the purchases at stake
    churn = facts.flagged.get("churn", [])
    if churn:
        open_ = sum(1 for r in churn if not r["review"])
        s = f"解約リスクのある顧客は {len(churn):,} 人（うち未確認 {open_:,} 人）。"
        if facts.purchases is not None and facts.purchases[3]:
            basis, start, end, amounts = facts.purchases
            total = sum(amounts.values())
            if basis == "orders":
                s += (f"このうち {len(amounts):,} 人の直近 12 か月（{_day_ja(start)}〜{_day_ja(end)}）の購入額は合計 "
                      f"{total:,.0f} 円で、離れると失われうる売上です。")
            else:
                s += f"このうち {len(amounts):,} 人の累計購入額は合計 {total:,.0f} 円です。"
        out.append(s)
    elif facts.scored:
        out.append("解約リスクのある顧客はいません。")
    else:
        out.append("顧客の解約リスクはまだ評価していません（アプリの顧客画面か voc signals で評価します）。")
    # 4. the strongest delight
    delights = _ranked("delight", facts)
    if delights:
        t = delights[0]
        total = sum(facts.sizes["delight"].values())
        c = facts.sizes["delight"][t["id"]]
        s = f"最も多い喜びは「{name['delight'][t['id']]}」で、喜びの声 {total:,} 件のうち {c:,} 件（{c / total:.0%}）。"
        d = _driver_of(facts, "delight", t["id"])
        if d is not None and d.enough:
            if round(d.nps_with) == round(d.nps_without):
                s += f"これを挙げた回答者の NPS（{_nps(d.nps_with)}）は、挙げていない回答者と変わりません。"
            else:
                s += (f"これを挙げた回答者の NPS は {_nps(d.nps_with)} で、挙げていない回答者（{_nps(d.nps_without)}）より"
                      f" {abs(d.nps_with - d.nps_without):.0f} ポイント{'高い' if d.nps_with > d.nps_without else '低い'}"
                      + ("。" if d.significant else "（偶然でも起こりうる大きさの差）。"))
        best = facts.drivers.protect[0] if facts.drivers is not None and facts.drivers.protect else None
        if best is not None and best.topic_id != t["id"] and best.overall_effect > 0:
            s += (f"NPS を最も支えている喜びは「{name['delight'].get(best.topic_id, best.label)}」"
                  f"（{_pts(best.overall_effect)} ポイント{'' if best.significant else '、偶然の可能性あり'}）です。")
        out.append(s)
    if not pains and not delights:
        out.append("喜び・不満のトピックはまだありません（アプリのトピック画面か voc topics で推定してください）。")
    return out


def _fastest_growing(facts: _Facts):
    """(side, topic id or None, previous month, last month, count then, count now, note on a
    partial last month) over the last two months with data; None with fewer than two months."""
    months = sorted({m for side in facts.months for (_, m) in facts.months[side]})
    if len(months) < 2:
        return None
    prev, last = months[-2], months[-1]
    best = None
    for side in ("pain", "delight"):
        live = {t["id"] for t in facts.topics[side]["topics"]}
        for tid in live:
            a = facts.months[side].get((tid, prev), 0)
            b = facts.months[side].get((tid, last), 0)
            if b - a >= 2 and b >= 3:
                key = (b - a, b / max(a, 1))
                if best is None or key > best[0]:
                    best = (key, side, tid, a, b)
    partial = facts.last_day_note
    if best is None:
        return "pain", None, prev, last, 0, 0, partial
    _, side, tid, a, b = best
    return side, tid, prev, last, a, b, partial


def _summary(wb, project: Project, n: int, flt: Filter, masker: _Masker, facts: _Facts) -> None:
    """Page 1: what the numbers say, the key figures and the top topics — one A4 page."""
    conn = project.conn
    s = _Sheet(wb, "概要", [22, 11, 2, 33, 7, 8, 2, 33, 7, 8])
    s.one_page = True
    st = s.st
    s.title(f"VoC サマリー — {project.path.stem}")
    start, end = q.period(conn)
    if end:
        last = _date(end)
        if isinstance(last, dt.datetime):
            month_end = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            if month_end.day - last.day > 2:
                facts.last_day_note = f"（{last.month}月は{last.day}日までのデータです）"
    s.text(f"{_day_ja(start)} 〜 {_day_ja(end)}、発言 {n:,} 件（フィルター: {flt.describe()}）", first=2,
           prefix=[s.cell("期間", font=st["bold"])])
    now = dt.datetime.now()
    s.text(f"{now.year}年{now.month}月{now.day}日 {now:%H:%M}", first=2, prefix=[s.cell("作成日時", font=st["bold"])])
    s.text("マスク済み: メール・電話番号・郵便番号・住所・マイナンバー・カード番号・氏名を［…］に置換、顧客 ID は仮名"
           if masker.on else "マスクなし（社外に出す場合は個人情報をマスクして書き出してください: voc export --mask-pii、"
           "アプリでは書き出しの「個人情報をマスク」）", first=2, prefix=[s.cell("個人情報", font=st["bold"])])
    s.blank()
    s.h2("主な発見")
    for i, sentence in enumerate(findings(project, facts, masker), start=1):
        s.text(f"{i}. {sentence}", font=st["finding"])
    s.blank()
    # key figures beside the top topics
    dist = q.nps_distribution(conn, everyone=not _filtered(flt))
    total = sum(dist.values())
    pol = q.polarity_counts(conn)
    allp = sum(pol.values())
    kpis: list[tuple[str, object, str]] = [("発言", n, '#,##0"件"'), ("顧客", q.customer_count(conn), '#,##0"人"')]
    if total:
        prom = sum(c for k, c in dist.items() if k >= 9) / total
        det = sum(c for k, c in dist.items() if k <= 6) / total
        kpis += [("NPS", round((prom - det) * 100), NPS_FMT), ("NPS の回答", total, '#,##0"人"'),
                 ("推奨者（9〜10点）", prom, PCT), ("批判者（0〜6点）", det, PCT)]
    else:
        kpis.append(("NPS", "回答なし", ""))
    if allp:
        kpis += [("喜びの声", pol.get("delight", 0) / allp, PCT), ("不満の声", pol.get("pain", 0) / allp, PCT)]
    kpis += [("解約リスク", len(facts.flagged.get("churn", [])), '#,##0"人"'),
             ("アンバサダー候補", len(facts.flagged.get("ambassador", [])), '#,##0"人"')]
    if facts.purchases is not None and facts.purchases[3]:
        what = "解約リスクの購入額（12か月）" if facts.purchases[0] == "orders" else "解約リスクの累計購入額"
        kpis.append((what, round(sum(facts.purchases[3].values())), YEN))
    s.header(["主な数字", "", None, "喜びのトピック上位 5", "件数", "割合", None, "不満のトピック上位 5", "件数", "割合"])
    top = {side: _ranked(side, facts)[:5] for side in ("delight", "pain")}
    tot = {side: sum(facts.sizes[side].values()) or 1 for side in facts.sizes}
    for i in range(max(len(kpis), 5)):
        row: list = []
        if i < len(kpis):
            k, v, fmt = kpis[i]
            row += [s.cell(k, font=st["bold"]), s.cell(v, fmt=fmt or None), None]
        else:
            row += [None, None, None]
        for side, pad in (("delight", [None]), ("pain", [])):
            if i < len(top[side]):
                t = top[side][i]
                c = facts.sizes[side].get(t["id"], 0)
                row += [s.cell(masker.text(t["label"]), align=s.st["wrap"]), s.cell(c, fmt=INT),
                        s.cell(c / tot[side], fmt=PCT)]
            else:
                row += [None, None, None]
            row += pad
        s.append(row)
    if not any(top.values()):
        s.note("トピックはまだありません（アプリのトピック画面か voc topics で推定します）")
    s.blank()
    s.note("NPS = 推奨者の割合 − 批判者の割合（ポイント）。喜び・不満の割合は無回答を除く発言に占める割合。"
           "このブックのシート: NPSへの影響（どの不満・喜びが NPS を動かしているか）、ワードクラウド、喜び・不満のトピック、"
           "分布と推移（グラフ）、アンバサダー候補、解約リスク、クロス集計、発言一覧。")
    s.close()


def _drivers_sheet(wb, facts: _Facts, masker: _Masker, flt: Filter) -> None:
    """NPSへの影響: 「まず直すべき不満」 and 「守るべき喜び」 (``voc_app.drivers``)."""
    s = _Sheet(wb, "NPSへの影響", [6, (18, 34), 8, 10, 10, 8, 18, 11, (10, 15)])
    st = s.st
    rep = facts.drivers
    if rep is None:
        s.title("NPS への影響")
        s.text(facts.drivers_note or "NPS への影響は計算できません。")
        s.close()
        return
    s.title(f"NPS への影響（NPS の回答者 {rep.respondents:,} 人、全体の NPS {_nps(rep.nps)}）")
    s.note("トピックを挙げた回答者と挙げていない回答者の NPS の差。全体NPSへの影響 = 差 × 挙げた回答者の割合"
           "（挙げた人が他の人と同じ点をつけていたら、全体の NPS が何ポイント違ったか）。判定「確かな差」は 95%信頼区間が 0 を"
           f"含まないもの。言及が {rep.min_mentions} 人未満（または挙げていない人が {rep.min_mentions} 人未満）のトピックは件数不足。"
           + (f"書き出しの条件（{flt.describe()}）に該当する回答をした回答者で計算しています。" if _filtered(flt) else ""))
    from voc_app.drivers import COLUMNS, format_ci  # present: ``rep`` came from it
    names = {side: {t["id"]: masker.text(t["label"]) for t in facts.topics[side]["topics"]} for side in facts.topics}
    for table in rep.tables:
        s.blank()
        first = s.h2(table.title + ("（全体の NPS を大きく下げている順）" if table.side == "pain"
                                    else "（全体の NPS を大きく支えている順）"))
        if not table.has_topics:
            s.text(f"{label('side', table.side)}のトピックがまだありません。")
            continue
        s.header(["順位", *COLUMNS, "判定"])
        for d in (*table.ranked, *table.too_few):
            topic = names[table.side].get(d.topic_id, masker.text(d.label))
            if not d.enough:
                s.append([None, s.cell(topic, align=st["wrap"]), s.cell(d.n_with, fmt=INT),
                          s.cell("件数不足", align=st["indent"])])
                continue
            s.append([s.cell(d.rank, fmt=INT, align=st["center"]), s.cell(topic, align=st["wrap"]), s.cell(d.n_with, fmt=INT),
                      s.cell(round(d.nps_with), fmt=NPS_FMT), s.cell(round(d.nps_without), fmt=NPS_FMT),
                      s.cell(round(d.impact, 1), fmt=DIFF),
                      s.cell(format_ci(d.ci_low, d.ci_high).replace("〜", " 〜 "), align=st["center"]),
                      s.cell(round(d.overall_effect, 1), fmt=DIFF),
                      s.cell("確かな差" if d.significant else "偶然の可能性", align=st["indent"])])
        if not table.ranked and not table.too_few:
            s.text("トピックがありません。")
        s.keep(first, s.row if s.row - first <= 25 else first + 6)  # a short table on one page
    s.close()


def _wordcloud_sheet(wb, project: Project, flt: Filter, mask_pii: bool = False) -> None:
    """ワードクラウド: the delight and the pain word clouds side by side (``voc_app.wordcloud``)."""
    s = _Sheet(wb, "ワードクラウド", [9] * 15)
    s.title("ワードクラウド（よく使われる語）")
    s.note("語の大きさは、その語を使った回答の数（喜びの声・不満の声それぞれ）。"
           + (f"書き出しの条件（{flt.describe()}）に該当する回答から描いています。" if _filtered(flt) else ""))
    pngs: dict[str, bytes | None] = {}
    why = ""
    try:
        from voc_app.wordcloud import render_png, word_frequencies, wordcloud_png
    except ImportError:
        why = "この版ではワードクラウドを描けません。"
    else:
        try:
            for side in ("delight", "pain"):
                if mask_pii:  # no personal name in the picture either: words that are personal data left out
                    from nlp.pii import find

                    freq = [(w, c) for w, c in word_frequencies(project, side=side, selected=_filtered(flt))
                            if not find(w)]
                    pngs[side] = render_png(freq, side=side, width=800, height=500)
                else:
                    pngs[side] = wordcloud_png(project, side=side, width=800, height=500, selected=_filtered(flt))
        except (UserError, ImportError) as e:
            why = f"ワードクラウドを描けません: {e}"
            pngs = {}
    if why:
        s.text(why)
        s.close()
        return
    cols = {"delight": 1, "pain": 9}
    row = s.append([s.cell("喜びの声", font=s.st["h2"]), *[None] * 7, s.cell("不満の声", font=s.st["h2"])], height=20)
    first = s.row + 1
    missing = [None] * 15
    for side, col in cols.items():
        if pngs.get(side) is None:
            missing[col - 1] = "語が少ないため描けません"
    s.append(missing)
    for side, col in cols.items():
        if pngs.get(side):
            s.image(pngs[side], first, col, 460, 290)
    s.cover(first, 290 / 96 * 2.54)
    s.keep(row)
    s.close()


def _topic_sheet(wb, name: str, side: str, facts: _Facts, masker: _Masker, clipped: list[int]) -> None:
    """One row per topic: label, size, share, keywords, two representative voices."""
    topics = _ranked(side, facts)
    sizes = facts.sizes[side]
    total = sum(sizes.values())
    s = _Sheet(wb, name, [6, (14, 30), 8, 8, (16, 28), 56])
    s.title(f"{name}（回答 {total:,} 件、まれな声 {sizes.get(None, 0):,} 件）")
    s.note(f"割合は{label('side', side)}の回答 {total:,} 件に占める割合。まれな声はどのトピックにも入らない回答"
           "（アプリで一覧できます）。月ごとの推移は「分布と推移」、属性ごとの内訳は「クロス集計」のシート。")
    r_head = s.header(["順位", "トピック", "件数", "割合", "キーワード", "代表的な声"], repeat=True)
    for rank, t in enumerate(topics, start=1):
        c = sizes.get(t["id"], 0)
        quotes = "\n".join(f"・{_short(masker.text(x))}" for x in t["quotes"][:2])
        s.append([s.cell(rank, align=s.st["center"]), s.cell(masker.text(t["label"]), align=s.st["wrap"]), s.cell(c, fmt=INT),
                  s.cell(c / (total or 1), fmt=PCT), s.cell("、".join(t["words"][:8]), align=s.st["wrap"]),
                  s.cell(_clip(quotes, clipped), align=s.st["wrap"])])
    if not topics:
        s.note("トピックはまだありません（アプリのトピック画面か voc topics で推定します）")
    s.freeze = f"C{r_head + 1}"
    s.close()


def _trends_sheet(wb, conn, facts: _Facts, masker: _Masker) -> None:
    """分布と推移: counts by source, the NPS distribution, delight and pain by month, loyalty
    segments and each side's top topics by month — tables with their charts, a block per page."""
    s = _Sheet(wb, "分布と推移", [30] + [11.5] * 12)
    st = s.st
    ws = s.ws
    s.title("分布と推移")
    s.blank()
    first = s.h2("種類ごとの件数")
    s.header(["種類", "発言", "無回答", "顧客"])
    for kind, cnt, na, cust in q.counts_by_kind(conn):
        s.append([label("source", kind), s.cell(cnt, fmt=INT), s.cell(na or 0, fmt=INT), s.cell(cust, fmt=INT)])
    s.keep(first)
    s.blank()

    dist = q.nps_distribution(conn, everyone=not facts.filtered)
    if sum(dist.values()):
        first = s.h2("NPS の分布")
        r1 = s.header(["点数", "回答数"]) + 1
        for k in range(11):
            s.append([f"{k} 点", s.cell(dist.get(k, 0), fmt=INT)])
        s.chart(_bar("NPS の分布（点数ごとの回答数）", ws, (1, r1, r1 + 10), [(2, r1 - 1, r1 + 10)], y_title="回答数",
                     legend=False), first + 1, 4, 15, 7)
        s.cover(first + 1, 7)
        s.keep(first)
        s.blank()

    first = s.h2("喜びと不満")
    pol = q.polarity_counts(conn)
    allp = sum(pol.values())
    s.header(["極性", "発言", "割合"])
    for key in ("delight", "pain", "mixed", "neutral"):
        s.append([label("polarity", key), s.cell(pol.get(key, 0), fmt=INT),
                  s.cell(pol.get(key, 0) / allp if allp else 0, fmt=PCT)])
    by_month: dict[str, dict[str, int]] = {}
    for m, p, c in q.polarity_by_month(conn):
        by_month.setdefault(m, {})[p] = c
    if by_month:
        s.blank()
        r1 = s.header(["月", "喜び", "不満", "混在"]) + 1
        for m in sorted(by_month):
            s.append([s.cell(_month(m), fmt=MONTH, align=st["left"]), s.cell(by_month[m].get("delight", 0), fmt=INT),
                      s.cell(by_month[m].get("pain", 0), fmt=INT), s.cell(by_month[m].get("mixed", 0), fmt=INT)])
        r2 = s.row
        s.chart(_bar("月別の喜びと不満", ws, (1, r1, r2), [(2, r1 - 1, r2), (3, r1 - 1, r2), (4, r1 - 1, r2)],
                     stacked=True, date_axis=True), first + 1, 6, 15, 8)
        s.cover(first + 1, 8)
    s.keep(first)
    s.blank()

    first = s.h2("ロイヤルティ区分")
    segs = q.segments(conn)
    r1 = s.header(["区分", "顧客"]) + 1
    keys = [k for k in ("ambassador", "loyal", "watch", "at_risk", "dormant", "unknown")
            if k in segs or k in ("ambassador", "loyal", "at_risk", "dormant", "unknown")]
    keys += sorted(k for k in segs if k not in keys)
    for key in keys:
        s.append([label("segment", key), s.cell(segs.get(key, 0), fmt=INT)])
    s.chart(_bar("ロイヤルティ区分（顧客数）", ws, (1, r1, s.row), [(2, r1 - 1, s.row)], y_title="顧客", legend=False),
            first + 1, 4, 15, 6.5)
    s.cover(first + 1, 6.5)
    s.keep(first)

    months = sorted({m for side in facts.months for (_, m) in facts.months[side]})[-12:]
    for side in ("delight", "pain"):
        top = _ranked(side, facts)[:8]
        if not months or not top:
            continue
        s.blank()
        first = s.h2(f"{label('side', side)}のトピックの推移（上位 {len(top)}、直近 {len(months)} か月）")
        head = s.header(["トピック", *[_month_ja(m).replace("年", "年\n") for m in months]])
        for t in top:
            s.append([s.cell(masker.text(t["label"]), align=st["wrap"]),
                      *[s.cell(facts.months[side].get((t["id"], m), 0), fmt=INT) for m in months]])
        last = s.row
        s.blank()
        s.chart(_line_rows(f"{label('side', side)}のトピックの推移", ws, head, head + 1, last, len(months)),
                s.row + 1, 1, 24, 7.5)
        s.cover(s.row + 1, 7.5)
        s.keep(first)
    s.close()


def _customer_sheet(wb, conn, kind: str, facts: _Facts, masker: _Masker, clipped: list[int]) -> None:
    name = label("flag", kind)
    rows = facts.flagged.get(kind, [])
    amounts = facts.purchases[3] if kind == "churn" and facts.purchases is not None and facts.purchases[3] else None
    widths = [(10, 14), 8, 36, 52, (9, 10), (8, 16), 11] + ([(10, 13)] if amounts is not None else [])
    s = _Sheet(wb, name, widths)
    s.title(f"{name}（{len(rows):,} 人）")
    s.note("スコアは 0〜100（高いほど確か）。根拠の声は最大 3 件、長い声は途中まで（全文は「発言一覧」）。"
           "確認状態はアプリの顧客画面（またはコマンド）で記録します。")
    head = ["顧客", "スコア", "理由", "根拠の声", "確認状態", "メモ", "最終接点"]
    if amounts is not None:
        head.append("購入額（直近12か月）" if facts.purchases[0] == "orders" else "累計購入額")
    r_head = s.header(head, repeat=True)
    ids = [int(e) for r in rows for e in r["evidence"] if e.isdigit()]
    texts = q.texts_of(conn, ids)
    wrap = s.st["wrap"]
    for r in rows:
        found = list(dict.fromkeys(texts[int(e)] for e in r["evidence"] if e.isdigit() and int(e) in texts))
        quotes = "\n".join(f"・{_short(masker.text(t))}" for t in found[:3])
        if len(found) > 3:
            quotes += f"\n（ほか {len(found) - 3} 件）"
        cells = [masker.customer(r["customer_id"]), s.cell(r["score"], fmt=SCORE),
                 s.cell(_clip(masker.text("\n".join(r["reasons"])), clipped), align=wrap),
                 s.cell(_clip(quotes, clipped), align=wrap),
                 label("review_state", r["review"], default="未確認"), s.cell(masker.text(r["note"]) or None, align=wrap),
                 s.cell(_date(q.last_contact(conn, r["customer_id"])), fmt=DAY)]
        if amounts is not None:
            got = amounts.get(r["customer_id"])
            cells.append(s.cell(round(got), fmt=YEN) if got else None)
        s.append(cells)
    if not rows:
        s.note(f"{name}の顧客はいません。")
    s.freeze = f"B{r_head + 1}"
    s.filter_cols = len(head) if rows else None
    s.close()


def _code_sheet(wb, conn, masker: _Masker) -> list[dict]:
    """コード: the codebook with the number of verbatims per code (manual, accepted and pending
    auto-codes) and its share, description and rule; with a bar chart. Absent without codes."""
    from voc_app.store.coding import codes

    book = codes(conn)
    if not book:
        return []
    counts = {c: n for c, _, n in q.code_counts_filtered(conn, None)}
    states = q.code_states_filtered(conn)
    total = q.answer_count(conn) or 1
    s = _Sheet(wb, "コード", [(14, 28), 8, 8, 8, 9, 9, (20, 40), (16, 32)])
    s.title(f"コード（{len(book)} 個、回答 {total:,} 件）")
    s.note("件数は発言の数（コーダーや箇所が複数でも 1 件）。未確認はルール・トピックからの自動コードで、まだ人が確認していないもの。")
    r1 = s.header(["コード", "件数", "割合", "手作業", "自動（確定）", "自動（未確認）", "説明", "自動コーディングのルール"],
                  repeat=True) + 1
    for c in book:
        m, a, p = states.get(c["id"], (0, 0, 0))
        n = counts.get(c["id"], 0)
        s.append(["　" * c["depth"] + masker.text(c["name"]), s.cell(n, fmt=INT), s.cell(n / total, fmt=PCT),
                  s.cell(m, fmt=INT), s.cell(a, fmt=INT), s.cell(p, fmt=INT),
                  s.cell(masker.text(c["description"]) or None, align=s.st["wrap"]),
                  s.cell(rule_text(c["rule"]) or None, align=s.st["wrap"])])
    r2 = s.row
    s.blank()
    height = min(16.0, max(6.0, 0.8 * len(book) + 2))
    s.chart(_bar("コードごとの件数", s.ws, (1, r1, r2), [(2, r1 - 1, r2)], horizontal=True, legend=False),
            s.row + 1, 1, 18, height)
    s.cover(s.row + 1, height)
    s.close()
    return book


def _crosstab_sheet(wb, conn, topics: dict, attrs: list[str], masker: _Masker, codebook: list[dict]) -> None:
    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.utils import get_column_letter

    s = _Sheet(wb, "クロス集計", [(16, 34), 8] + [(7, 11)] * 10)
    s.title("クロス集計: トピック・コード × 属性（行の割合）")
    s.note("各行の割合は、そのトピック（コード）の件数に占める割合。色が濃いほど多い。")
    code_names = {c["id"]: "　" * c["depth"] + masker.text(c["name"]) for c in codebook}
    sections = [(side, f"{label('side', side)}のトピック", {t["id"]: masker.text(t["label"]) for t in topics[side]["topics"]})
                for side in ("delight", "pain")]
    if codebook:
        sections.append(("codes", "コード", code_names))
    wrote = False
    for side, what, names in sections:
        for by in ["nps_group", "source", *attrs]:
            rows = q.code_counts_filtered(conn, by) if side == "codes" else q.topic_counts_filtered(conn, side, "by", by)
            vals = sorted({v for _, v, _ in rows if v}, key=str)[:10]
            if not vals:
                continue
            table: dict[int | None, dict[str, int]] = {}
            for tid, v, c in rows:
                if tid in names:
                    table.setdefault(tid, {})[v] = c
            if not table:
                continue
            wrote = True
            s.blank()
            title = {"nps_group": "NPS 区分", "source": "種類"}.get(by, by)
            first = s.h2(f"{what} × {title}")
            shown = [label("source", v) if by == "source" else v for v in vals]
            r1 = s.header(["コード" if side == "codes" else "トピック", "件数", *shown]) + 1
            order = [c for c in names if c in table] if side == "codes" else \
                sorted(table, key=lambda t: -sum(table[t].values()))
            for tid in order:
                row = [table[tid].get(v, 0) for v in vals]
                tot = sum(row) or 1
                s.append([s.cell(names[tid], align=s.st["wrap"]), s.cell(sum(row), fmt=INT),
                          *[s.cell(x / tot, fmt=PCT0) for x in row]])
            r2 = s.row
            k = len(vals)
            rng = f"C{r1}:{get_column_letter(k + 2)}{r2}"
            s.ws.conditional_formatting.add(rng, ColorScaleRule(start_type="num", start_value=0, start_color="FFFFFF",
                                                                end_type="num", end_value=1, end_color="5B9BD5"))
            s.keep(first)
    if not wrote:
        s.note("トピックがないため、クロス集計はありません（アプリのトピック画面か voc topics で推定します）")
    s.close()


def _verbatim_sheets(wb, conn, n: int, masker: _Masker, clipped: list[int], tick: Progress) -> None:
    """発言一覧: streamed (fixed widths; each row as tall as its wrapped text, read from the top)."""
    from copy import copy

    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    per_sheet = MAX_ROWS - 1
    ws = None
    rows = 0
    done = 0
    part = 0
    st = _styles()
    widths = VERBATIM_WIDTHS
    cache: dict[tuple[int, str], int] = {}  # (column, text) → lines, for the repeating short texts
    last_col = get_column_letter(len(VERBATIM_HEADER))
    looks: dict[str, object] = {}  # style arrays copied onto cells (``_StyleCache``)

    def start(name: str):
        w = wb.create_sheet(name)
        styles = _StyleCache.of(w)
        for key, kw in (("wrap", {"align": st["wrap"]}), ("top", {"align": st["top"]}),
                        ("date", {"fmt": DATETIME}), ("date_top", {"fmt": DATETIME, "align": st["top"]})):
            looks[key] = styles.apply(w, WriteOnlyCell(w), **kw)._style
        for i, width in enumerate(widths, start=1):
            w.column_dimensions[get_column_letter(i)].width = width
        _page_setup(w, 1)
        w.freeze_panes = "B2"
        w.row_dimensions[1].height = max(20.0, _height(max(text_lines(h, wd) for h, wd in zip(VERBATIM_HEADER, widths,
                                                                                               strict=True))))
        w.append([styles.apply(w, xlsx_cell(w, h), st["head"], st["head_fill"], None, st["head_align"])
                  for h in VERBATIM_HEADER])
        del w.row_dimensions[1]
        return w

    for row in q.verbatim_rows(conn):
        if ws is None or rows > per_sheet:
            if ws is not None:
                ws.auto_filter.ref = f"A1:{last_col}{rows}"
            part += 1
            ws = start("発言一覧" if part == 1 else f"発言一覧 ({part})")
            rows = 1
        cells = _verbatim_cells(row, masker)
        lines = 1
        for i in VERBATIM_WRAP:
            v = cells[i]
            if not v:
                continue
            if i == 5:
                v = _clip(v, clipped)
                k = text_lines(v, widths[i])
            else:
                key = (i, v)
                k = cache.get(key)
                if k is None:
                    k = text_lines(v, widths[i])
                    if len(cache) < 100_000:
                        cache[key] = k
            if k > lines:
                lines = k
            c = cells[i] = xlsx_cell(ws, v)
            c._style = copy(looks["wrap"])
        if cells[3] is not None:
            c = cells[3] = WriteOnlyCell(ws, cells[3])
            c._style = copy(looks["date_top" if lines > 1 else "date"])
        rows += 1
        if lines > 1:  # a tall row: every cell reads from the top
            ws.row_dimensions[rows].height = _height(lines)
            for i, v in enumerate(cells):
                if v is not None and v != "" and not hasattr(v, "number_format"):
                    c = cells[i] = xlsx_cell(ws, v)
                    c._style = copy(looks["top"])
        ws.append([xlsx_cell(ws, v) if isinstance(v, str) else v for v in cells])
        if lines > 1:
            del ws.row_dimensions[rows]
        done += 1
        if done % 10_000 == 0:
            tick(0.1 + 0.85 * done / max(n, 1), f"発言一覧 {done:,} / {n:,} 件")
    if ws is None:
        ws = start("発言一覧")
        rows = 1
    ws.auto_filter.ref = f"A1:{last_col}{max(rows, 1)}"
