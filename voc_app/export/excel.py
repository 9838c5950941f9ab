"""The Excel summary a manager can read, and the CSV of verbatims.

openpyxl in write-only mode (streams rows, so a million verbatims fit in memory); native Excel
charts; Japanese sheet names; Excel's limits respected (32,767 characters per cell, 1,048,576
rows per sheet — the verbatim list continues on numbered sheets, sheet names ≤ 31 characters).
The CLI (``voc export``) and the app's export dialog both call ``export``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from base.errors import InputError
from voc_app.export.safe import SafeCsvWriter, temp_files_in, xlsx_cell
from voc_app.store import Project
from voc_app.store import report as q
from voc_app.store.report import Filter, VerbatimRow, parse_filters

__all__ = ["ExportResult", "Filter", "export", "parse_filters"]

Progress = Callable[[float | None, str], None]

MAX_CELL = 32_767
TRUNCATED = "…［以下省略］"
MAX_ROWS = 1_048_576
KINDS = {"survey": "アンケート", "support": "サポート", "interview": "インタビュー"}
POLARITY = {"delight": "喜び", "pain": "不満", "neutral": "中立", "mixed": "混在"}
STAGES = {"first_experience": "初回体験", "success": "成功体験", "advocacy": "推奨", "none": "なし"}
SEGMENTS = {"ambassador": "アンバサダー", "loyal": "ロイヤル", "at_risk": "解約リスク", "dormant": "休眠", "unknown": "不明"}
REVIEW = {"confirmed": "確認済み", "dismissed": "対象外", "contacted": "連絡済み"}
VERBATIM_HEADER = ["ID", "種類", "設問・チャネル", "日時", "顧客", "発言", "極性", "段階", "喜びのトピック", "不満のトピック",
                   "コード", "解約の兆し", "推奨・紹介"]
VERBATIM_WIDTHS = [9, 11, 28, 17, 13, 70, 8, 10, 24, 24, 24, 14, 14]


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


def _date(s: str | None):
    """ISO text with offset → naive local datetime (Excel has no time zones)."""
    if not s:
        return None
    try:
        return dt.datetime.fromisoformat(s).replace(tzinfo=None)
    except ValueError:
        return s


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
    """The cells of ``VERBATIM_HEADER`` for one verbatim."""
    return [row.id, KINDS.get(row.kind, row.kind), row.question, _date(row.date), masker.customer(row.customer),
            masker.text(row.text), POLARITY.get(row.polarity, row.polarity or ""),
            STAGES.get(row.stage, row.stage or ""), masker.text(row.delight_topic) or "",
            masker.text(row.pain_topic) or "", row.codes or "", row.churn or "", row.advocacy or ""]


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


# --- workbook ---------------------------------------------------------------------------------

def _styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="D0D7DE")
    return {
        "title": Font(name="Yu Gothic", size=16, bold=True, color="1F3864"),
        "h2": Font(name="Yu Gothic", size=12, bold=True, color="1F3864"),
        "head": Font(name="Yu Gothic", bold=True, color="FFFFFF"),
        "head_fill": PatternFill("solid", fgColor="2F5597"),
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "top": Alignment(vertical="top"),
        "note": Font(name="Yu Gothic", size=9, color="595959"),
        "border": Border(bottom=thin),
        "pct": "0.0%",
        "date": "yyyy/mm/dd hh:mm",
    }


class _Sheet:
    """A write-only sheet with row tracking and styled helpers."""

    def __init__(self, wb, title: str, widths: list[float] | None = None) -> None:
        self.ws = wb.create_sheet(title[:31])
        self.row = 0
        self._next_chart = 1  # first row free for the next chart (see anchor)
        # printed the way a manager reads it: landscape, all columns on one page width
        self.ws.page_setup.orientation = "landscape"
        self.ws.page_setup.paperSize = "9"  # A4
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        self.st = _styles()
        for i, w in enumerate(widths or [], start=1):
            from openpyxl.utils import get_column_letter

            self.ws.column_dimensions[get_column_letter(i)].width = w

    def anchor(self, row: int, height_cm: float, col: str = "G") -> str:
        """Where the next chart goes: beside ``row`` but never over the previous chart."""
        r = max(row, self._next_chart)
        self._next_chart = r + int(height_cm / 0.5) + 2  # default rows are ~0.5 cm high
        return f"{col}{r}"

    def cell(self, value, *, font=None, fill=None, fmt=None, align=None):
        c = xlsx_cell(self.ws, value)  # text is a string cell, never a formula
        if font is not None:
            c.font = font
        if fill is not None:
            c.fill = fill
        if fmt:
            c.number_format = fmt
        if align is not None:
            c.alignment = align
        return c

    def append(self, values: list) -> int:
        # every text value becomes a string cell: customer text is never written as a formula
        self.ws.append([xlsx_cell(self.ws, v) if isinstance(v, str) else v for v in values])
        self.row += 1
        return self.row

    def blank(self, n: int = 1) -> None:
        for _ in range(n):
            self.append([])

    def title(self, text: str) -> None:
        self.append([self.cell(text, font=self.st["title"])])

    def h2(self, text: str) -> None:
        self.append([self.cell(text, font=self.st["h2"])])

    def header(self, names: list[str]) -> int:
        return self.append([self.cell(n, font=self.st["head"], fill=self.st["head_fill"]) for n in names])


def _bar(title: str, sheet: _Sheet, cats: tuple[int, int, int], data: list[tuple[int, int, int]], anchor: str, *,
         stacked: bool = False, horizontal: bool = False, y_title: str = "件数", width: float = 16, height: float = 7.5):
    from openpyxl.chart import BarChart, Reference

    ch = BarChart()
    ch.type = "bar" if horizontal else "col"
    ch.title, ch.y_axis.title = title, y_title
    if stacked:
        ch.grouping, ch.overlap = "stacked", 100
    for col, r1, r2 in data:
        ch.add_data(Reference(sheet.ws, min_col=col, min_row=r1, max_row=r2), titles_from_data=True)
    col, r1, r2 = cats
    ch.set_categories(Reference(sheet.ws, min_col=col, min_row=r1, max_row=r2))
    ch.width, ch.height = width, height
    if horizontal:
        ch.x_axis.scaling.orientation = "maxMin"  # largest first, top to bottom
    sheet.ws.add_chart(ch, anchor)


def _line(title: str, sheet: _Sheet, cats: tuple[int, int, int], data: list[tuple[int, int, int]], anchor: str,
          width: float = 18, height: float = 7.5):
    from openpyxl.chart import LineChart, Reference

    ch = LineChart()
    ch.title, ch.y_axis.title = title, "件数"
    for col, r1, r2 in data:
        ch.add_data(Reference(sheet.ws, min_col=col, min_row=r1, max_row=r2), titles_from_data=True)
    for series in ch.series:
        series.smooth = False  # counts per month: straight segments, no invented curves
    col, r1, r2 = cats
    ch.set_categories(Reference(sheet.ws, min_col=col, min_row=r1, max_row=r2))
    ch.width, ch.height = width, height
    sheet.ws.add_chart(ch, anchor)


def _write_xlsx(project: Project, path: Path, n: int, flt: Filter, masker: _Masker, tick: Progress) -> ExportResult:
    from openpyxl import Workbook

    from voc_app.topics import topic_list

    conn = project.conn
    res = ExportResult(str(path), n)
    clipped = [0]
    wb = Workbook(write_only=True)
    topics = {side: topic_list(project, side) for side in ("delight", "pain")}
    sizes = {side: q.topic_sizes(conn, side) for side in ("delight", "pain")}
    attrs = q.main_attributes(conn)
    try:
        tick(0.02, "概要")
        _summary(wb, project, n, flt, masker, topics, sizes)
        for side, name in (("delight", "喜びのトピック"), ("pain", "不満のトピック")):
            tick(0.05, name)
            _topic_sheet(wb, conn, name, side, topics[side], sizes[side], attrs, masker, clipped)
        for kind, name in (("ambassador", "アンバサダー候補"), ("churn", "解約リスク")):
            _customer_sheet(wb, conn, name, kind, masker, clipped)
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


def _summary(wb, project: Project, n: int, flt: Filter, masker: _Masker, topics: dict, sizes: dict) -> None:
    conn = project.conn
    s = _Sheet(wb, "概要", [22, 14, 12, 12, 12, 4, 26, 12, 10])
    st = s.st
    s.title(f"VoC サマリー — {project.path.stem}")
    start, end = q.period(conn)
    s.append(["期間", f"{start or '—'} 〜 {end or '—'}"])
    s.append(["作成日時", dt.datetime.now().strftime("%Y/%m/%d %H:%M")])
    s.append(["対象", f"発言 {n:,} 件（フィルター: {flt.describe()}）"])
    s.append(["個人情報", "マスク済み: メール・電話番号・郵便番号・住所・マイナンバー・カード番号・氏名を［…］に置換、顧客 ID は仮名"
              if masker.on else "マスクなし（社外に出す場合は --mask-pii で書き出してください）"])
    s.blank()

    s.h2("件数")
    s.header(["種類", "発言", "無回答", "顧客"])
    for kind, cnt, na, cust in q.counts_by_kind(conn):
        s.append([KINDS.get(kind, kind), cnt, na or 0, cust])
    s.blank()

    s.h2("NPS")
    dist = q.nps_distribution(conn)
    total = sum(dist.values())
    if total:
        prom = sum(c for k, c in dist.items() if k >= 9) / total
        det = sum(c for k, c in dist.items() if k <= 6) / total
        s.append(["NPS", round((prom - det) * 100, 1), "回答", total])
        s.append(["推奨者（9–10）", s.cell(prom, fmt=st["pct"]), "批判者（0–6）", s.cell(det, fmt=st["pct"])])
        r1 = s.header(["点数", "回答数"]) + 1
        for k in range(11):
            s.append([str(k), dist.get(k, 0)])
        _bar("NPS の分布", s, (1, r1, r1 + 10), [(2, r1 - 1, r1 + 10)], s.anchor(r1 - 3, 6.5), width=15, height=6.5)
    else:
        s.append(["NPS の回答はありません"])
    s.blank()

    s.h2("喜びと不満")
    pol = q.polarity_counts(conn)
    allp = sum(pol.values())
    s.header(["極性", "発言", "割合"])
    for key in ("delight", "pain", "mixed", "neutral"):
        s.append([POLARITY[key], pol.get(key, 0), s.cell(pol.get(key, 0) / allp if allp else 0, fmt=st["pct"])])
    months: dict[str, dict[str, int]] = {}
    for m, p, c in q.polarity_by_month(conn):
        months.setdefault(m, {})[p] = c
    if months:
        s.blank()
        r1 = s.header(["月", "喜び", "不満", "混在"]) + 1
        for m in sorted(months):
            s.append([m, months[m].get("delight", 0), months[m].get("pain", 0), months[m].get("mixed", 0)])
        r2 = s.row
        _bar("月別の喜びと不満", s, (1, r1, r2), [(2, r1 - 1, r2), (3, r1 - 1, r2), (4, r1 - 1, r2)],
             s.anchor(r1 - 1, 7.5), stacked=True, width=18)
    s.blank()

    s.h2("ロイヤルティ区分")
    segs = q.segments(conn)
    r1 = s.header(["区分", "顧客"]) + 1
    for key in ("ambassador", "loyal", "at_risk", "dormant", "unknown"):
        s.append([SEGMENTS[key], segs.get(key, 0)])
    _bar("ロイヤルティ区分", s, (1, r1, r1 + 4), [(2, r1 - 1, r1 + 4)], s.anchor(r1 - 1, 6), width=15, height=6)
    s.blank(max(1, s._next_chart - s.row))

    s.h2("トピック上位 5（喜び ／ 不満）")
    s.header(["喜びのトピック", "件数", "割合", "", "", "", "不満のトピック", "件数", "割合"])
    top = {side: [t for t in topics[side]["topics"] if sizes[side].get(t["id"])] for side in ("delight", "pain")}
    for side in top:
        top[side].sort(key=lambda t: -sizes[side].get(t["id"], 0))
    tot = {side: sum(sizes[side].values()) or 1 for side in sizes}
    for i in range(5):
        row: list = []
        for side, pad in (("delight", ["", "", ""]), ("pain", [])):
            if i < len(top[side]):
                t = top[side][i]
                c = sizes[side].get(t["id"], 0)
                row += [masker.text(t["label"]), c, s.cell(c / tot[side], fmt=st["pct"])]
            else:
                row += ["", "", ""]
            row += pad
        s.append(row)
    if not any(top.values()):
        s.append(["トピックはまだありません（voc topics で推定します）"])


def _topic_sheet(wb, conn, name: str, side: str, info: dict, sizes: dict, attrs: list[str], masker: _Masker,
                 clipped: list[int]) -> None:
    topics = [t for t in info["topics"] if sizes.get(t["id"])]
    topics.sort(key=lambda t: -sizes.get(t["id"], 0))
    total = sum(sizes.values()) or 1
    breakdowns = ["nps_group", "source", *attrs]
    values: dict[str, list[str]] = {}
    counts: dict[tuple[str, int, str], int] = {}
    for by in breakdowns:
        rows = q.topic_counts_filtered(conn, side, "by", by)
        vals = sorted({v for _, v, _ in rows if v}, key=str)[:8]
        values[by] = vals
        for tid, v, c in rows:
            counts[(by, tid, v)] = c
    label = {"nps_group": "", "source": ""}
    head = ["ID", "トピック", "キーワード", "件数", "割合", "代表的な声 1", "代表的な声 2", "代表的な声 3"]
    cols = []
    for by in breakdowns:
        for v in values[by]:
            shown = KINDS.get(v, v) if by == "source" else v
            head.append(f"{label.get(by, by + ': ')}{shown}")
            cols.append((by, v))
    s = _Sheet(wb, name, [6, 26, 30, 8, 8, 40, 40, 40] + [11] * len(cols))
    s.title(f"{name}（{sum(sizes.values()):,} 件、まれな声 {sizes.get(None, 0):,} 件）")
    r_head = s.header(head)
    for t in topics:
        c = sizes.get(t["id"], 0)
        quotes = [_clip(masker.text(x), clipped) for x in t["quotes"][:3]] + [""] * (3 - len(t["quotes"][:3]))
        s.append([t["id"], masker.text(t["label"]), "、".join(t["words"][:8]), c, s.cell(c / total, fmt=s.st["pct"]),
                  *[s.cell(x, align=s.st["wrap"]) for x in quotes],
                  *[counts.get((by, t["id"], v), 0) for by, v in cols]])
    if not topics:
        s.append(["トピックはまだありません（voc topics で推定します）"])
        return
    s.ws.freeze_panes = f"C{r_head + 1}"
    # trend by month: one row per topic (top 8), months as columns, with a line chart
    trend = q.topic_counts_filtered(conn, side, "month")
    months = sorted({m for _, m, _ in trend if m})
    if months:
        s.blank()
        s.h2("月別の件数（上位 8 トピック）")
        by_t = {(tid, m): c for tid, m, c in trend}
        r1 = s.header(["月", *[masker.text(t["label"])[:30] for t in topics[:8]]]) + 1
        for m in months:
            s.append([m, *[by_t.get((t["id"], m), 0) for t in topics[:8]]])
        r2 = s.row
        from openpyxl.utils import get_column_letter

        _line(f"{name}の推移", s, (1, r1, r2), [(i, r1 - 1, r2) for i in range(2, 2 + len(topics[:8]))],
              f"{get_column_letter(len(topics[:8]) + 3)}{r1 - 1}", width=24, height=9)
        s.blank(max(0, 18 - len(months)))


def _customer_sheet(wb, conn, name: str, kind: str, masker: _Masker, clipped: list[int]) -> None:
    from voc_app.store.signals import flagged

    rows = flagged(conn, kind)
    s = _Sheet(wb, name, [14, 8, 60, 60, 12, 30, 17])
    s.title(f"{name}（{len(rows):,} 人）")
    r_head = s.header(["顧客", "スコア", "理由", "根拠の声", "確認状態", "メモ", "最終接点"])
    ids = [int(e) for r in rows for e in r["evidence"] if e.isdigit()]
    texts = q.texts_of(conn, ids)
    for r in rows:
        quotes = "\n".join(f"・{texts[int(e)]}" for e in r["evidence"][:5] if e.isdigit() and int(e) in texts)
        s.append([masker.customer(r["customer_id"]), r["score"],
                  s.cell(_clip(masker.text(" / ".join(r["reasons"])), clipped), align=s.st["wrap"]),
                  s.cell(_clip(masker.text(quotes), clipped), align=s.st["wrap"]),
                  REVIEW.get(r["review"] or "", "未確認"), masker.text(r["note"]),
                  s.cell(_date(q.last_contact(conn, r["customer_id"])), fmt=s.st["date"])])
    s.ws.freeze_panes = f"B{r_head + 1}"
    if rows:
        s.ws.auto_filter.ref = f"A{r_head}:G{s.row}"


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
    s = _Sheet(wb, "コード", [30, 9, 8, 9, 11, 11, 46, 36])
    s.title(f"コード（{len(book)} 個、回答 {total:,} 件）")
    s.append([s.cell("件数は発言の数（コーダーや箇所が複数でも 1 件）。未確認はルール・トピックからの自動コードで、まだ人が確認していないもの。",
                     font=s.st["note"])])
    r1 = s.header(["コード", "件数", "割合", "手作業", "自動（確定）", "自動（未確認）", "説明", "自動コーディングのルール"]) + 1
    for c in book:
        m, a, p = states.get(c["id"], (0, 0, 0))
        n = counts.get(c["id"], 0)
        s.append(["　" * c["depth"] + masker.text(c["name"]), n, s.cell(n / total, fmt=s.st["pct"]), m, a, p,
                  s.cell(masker.text(c["description"]), align=s.st["wrap"]), c["rule"]])
    r2 = s.row
    _bar("コードごとの件数", s, (1, r1, r2), [(2, r1 - 1, r2)], f"A{r2 + 2}", horizontal=True)
    return book


def _crosstab_sheet(wb, conn, topics: dict, attrs: list[str], masker: _Masker, codebook: list[dict]) -> None:
    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.utils import get_column_letter

    s = _Sheet(wb, "クロス集計", [30] + [10] * 24)
    s.title("クロス集計: トピック・コード × 属性（件数と行の割合）")
    s.append([s.cell("色が濃いほど多い。割合はトピック（コード）の件数に占める割合。", font=s.st["note"])])
    code_names = {c["id"]: "　" * c["depth"] + masker.text(c["name"]) for c in codebook}
    sections = [(side, f"{side_name}のトピック", {t["id"]: masker.text(t["label"]) for t in topics[side]["topics"]})
                for side, side_name in (("delight", "喜び"), ("pain", "不満"))]
    if codebook:
        sections.append(("codes", "コード", code_names))
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
            s.blank()
            title = {"nps_group": "NPS 区分", "source": "種類"}.get(by, by)
            s.h2(f"{what} × {title}")
            shown = [KINDS.get(v, v) if by == "source" else v for v in vals]
            r1 = s.header(["コード" if side == "codes" else "トピック", *shown, "計", *[f"{v}（%）" for v in shown]]) + 1
            order = [c for c in names if c in table] if side == "codes" else \
                sorted(table, key=lambda t: -sum(table[t].values()))
            for tid in order:
                row = [table[tid].get(v, 0) for v in vals]
                tot = sum(row) or 1
                s.append([names[tid], *row, sum(row), *[s.cell(x / tot, fmt=s.st["pct"]) for x in row]])
            r2 = s.row
            k = len(vals)
            rng = f"{get_column_letter(k + 3)}{r1}:{get_column_letter(2 * k + 2)}{r2}"
            s.ws.conditional_formatting.add(rng, ColorScaleRule(start_type="num", start_value=0, start_color="FFFFFF",
                                                                end_type="num", end_value=1, end_color="5B9BD5"))
    if s.row <= 2:
        s.append(["トピックがないため、クロス集計はありません（voc topics で推定します）"])


def _verbatim_sheets(wb, conn, n: int, masker: _Masker, clipped: list[int], tick: Progress) -> None:
    per_sheet = MAX_ROWS - 1
    sheet = None
    done = 0
    part = 0
    for row in q.verbatim_rows(conn):
        if sheet is None or sheet.row > per_sheet:
            if sheet is not None:
                sheet.ws.auto_filter.ref = f"A1:M{sheet.row}"
            part += 1
            sheet = _Sheet(wb, "発言一覧" if part == 1 else f"発言一覧 ({part})", VERBATIM_WIDTHS)
            sheet.ws.freeze_panes = "B2"
            sheet.header(VERBATIM_HEADER)
            wrap, date_fmt = sheet.st["wrap"], sheet.st["date"]
        cells = _verbatim_cells(row, masker)
        cells[3] = sheet.cell(cells[3], fmt=date_fmt) if cells[3] is not None else None
        cells[5] = sheet.cell(_clip(cells[5], clipped), align=wrap)
        sheet.append(cells)
        done += 1
        if done % 10_000 == 0:
            tick(0.1 + 0.85 * done / max(n, 1), f"発言一覧 {done:,} / {n:,} 件")
    if sheet is None:
        sheet = _Sheet(wb, "発言一覧", VERBATIM_WIDTHS)
        sheet.header(VERBATIM_HEADER)
    sheet.ws.auto_filter.ref = f"A1:M{max(sheet.row, 1)}"
