"""「表を書き出す」: the table behind a view or a chart saved as CSV (UTF-8 with BOM, so Japanese
Excel opens it) or Excel (.xlsx).

- A table (``QTableView`` / ``QTableWidget`` / ``QTreeWidget``) is written as it is shown: its
  visible columns, its header, its rows in their order (row headers too, such as the cross-tab's
  codes). A chart gives the rows it was drawn from.
- Word frequencies, KWIC, the co-occurrence network and the coded matrix are written by the same
  ``voc_app.coding`` functions as the CLI (``write_word_table``, ``write_kwic``,
  ``write_network_edges``, ``export_coded_matrix``), so the CSV equals ``voc words … --csv``; an
  Excel file holds the same cells.
- Every cell goes through ``voc_app/export/safe.py``: text that starts like a formula is prefixed
  in a CSV (``SafeCsvWriter``) and is a string cell in a workbook (``xlsx_cell``); numbers stay
  numbers. The file is written beside its target and renamed into place.

``attach(widget, name, …)`` puts the action 「表を書き出す…」 in the widget's context menu (a view
with a menu of its own adds it with ``add_export_action``); the main window's ツール menu offers
the tables of the visible tab (``visible_exports``). The writing runs as a background job.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

from voc_app.export.safe import FORMULA_PREFIXES, SafeCsvWriter, temp_files_in, xlsx_cell
from voc_app.gui.icons import icon

OBJECT_NAME = "table_export"
_NUMBER = re.compile(r"^[+\-\u2212]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


# --- cells ----------------------------------------------------------------------------------------

def as_number(value: Any) -> Decimal | int | float | None:
    """A shown number as a number (「1,234」 → 1234, 「−3.2」 → -3.2; numbers as they are); None
    for anything else, also for digits with a leading zero (an id such as 「0012」)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        return value
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not _NUMBER.match(s):
        return None
    digits = s.lstrip("+-\u2212")
    if len(digits) > 1 and digits[0] == "0" and digits[1] != ".":
        return None
    try:
        return Decimal(s.replace(",", "").replace("\u2212", "-").lstrip("+"))
    except InvalidOperation:
        return None


def csv_cell(value: Any) -> Any:
    """A cell for ``SafeCsvWriter``: shown text as it is, except a signed number (「+3.2」, 「−1」),
    which becomes the number (else the formula guard would prefix it with an apostrophe)."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("+", "-", "\u2212"):
        n = as_number(value)
        if n is not None:
            return n
    return value


def numeric_columns(rows: list[list]) -> set[int]:
    """Columns whose every filled cell is a number (they are numbers in a workbook)."""
    width = max((len(r) for r in rows), default=0)
    out = set()
    for c in range(width):
        values = [r[c] for r in rows if c < len(r) and r[c] not in (None, "")]
        if values and all(as_number(v) is not None for v in values):
            out.add(c)
    return out


def sheet_title(name: str) -> str:
    """A worksheet name Excel accepts (31 characters, none of ``[]:*?/\\``)."""
    return (re.sub(r"[\[\]:*?/\\]", "_", name).strip("' ") or "Sheet")[:31]


# --- writing --------------------------------------------------------------------------------------

def _part(out: Path) -> Path:
    return out.with_name(f".{out.name}.part")


def write_rows(out: str | Path, header: list, rows: list[list], sheet: str = "Sheet") -> int:
    """``header`` and ``rows`` as CSV (UTF-8 with BOM) or, for a ``.xlsx`` name, a workbook; written
    beside the target and renamed into place. Returns the rows written (without the header)."""
    out = Path(out)
    tmp = _part(out)
    try:
        if out.suffix.lower() == ".xlsx":
            _write_xlsx(tmp, header, rows, sheet)
        else:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
                w = SafeCsvWriter(f)
                w.writerow([csv_cell(h) for h in header])
                for r in rows:
                    w.writerow([csv_cell(v) for v in r])
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return len(rows)


def _write_xlsx(path: Path, header: list, rows: list[list], sheet: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    numbers = numeric_columns(rows)
    folder = path.with_name(f".{path.name}.tmp")
    folder.mkdir(exist_ok=True)
    try:
        with temp_files_in(folder):
            wb = Workbook(write_only=True)
            ws = wb.create_sheet(sheet_title(sheet))
            for c, h in enumerate(header):
                longest = max([_width(h)] + [_width(r[c]) for r in rows[:500] if c < len(r)])
                ws.column_dimensions[get_column_letter(c + 1)].width = min(60, max(6, longest + 2))
            ws.freeze_panes = "A2"
            bold = Font(bold=True)
            head = []
            for h in header:
                cell = xlsx_cell(ws, "" if h is None else str(h))
                cell.font = bold
                head.append(cell)
            ws.append(head)
            for r in rows:
                ws.append([xlsx_cell(ws, _xlsx_value(v, c in numbers)) for c, v in enumerate(r)])
            wb.save(path)
    finally:
        for p in folder.glob("*"):
            p.unlink(missing_ok=True)
        folder.rmdir()


def _xlsx_value(v: Any, number: bool) -> Any:
    if v is None or v == "":
        return None
    if number:
        n = as_number(v)
        if n is not None:
            return n
    return v if isinstance(v, int | float | Decimal) else str(v)


def _width(v: Any) -> int:
    """Characters a cell needs; a Japanese character counts about two."""
    s = "" if v is None else str(v)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in s[:80])


def read_safe_csv(path: str | Path) -> tuple[list[str], list[list[str]]]:
    """A CSV we wrote, read back: the apostrophe the formula guard added is taken off again."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        got = [[_unguard(c) for c in row] for row in csv.reader(f)]
    return (got[0] if got else []), got[1:]


def _unguard(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_PREFIXES) else cell


# --- operations run as jobs (module level: picklable) --------------------------------------------

def op_write_rows(project, progress, out: str, header: list, rows: list[list], sheet: str) -> str:
    """Write rows read from a view (the project is not read)."""
    if progress:
        progress(None, QCoreApplication.translate("TableExport", "書き出しています"))
    write_rows(out, header, rows, sheet)
    return out


BACKENDS = ("words", "kwic", "network", "matrix")


def op_write_backend(project, progress, out: str, kind: str, params: dict, sheet: str) -> str:
    """Write a word table, a KWIC, a network's edges or the coded matrix with the CLI's function
    (a workbook: the same cells)."""
    from voc_app import coding

    fn = {"words": coding.write_word_table, "kwic": coding.write_kwic, "network": coding.write_network_edges,
          "matrix": coding.export_coded_matrix}[kind]
    target = Path(out)
    if target.suffix.lower() != ".xlsx":
        tmp = _part(target)
        try:
            fn(project, progress, out=str(tmp), **params)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        return out
    tmp = target.with_name(f".{target.stem}.csv.part")
    try:
        fn(project, progress, out=str(tmp), **params)
        header, rows = read_safe_csv(tmp)
    finally:
        tmp.unlink(missing_ok=True)
    write_rows(target, header, rows, sheet)
    return out


# --- what a widget shows ----------------------------------------------------------------------------

def _text(v: Any) -> str:
    return "" if v is None else str(v)


def model_rows(view: QAbstractItemView, row_header: str = "") -> tuple[list[str], list[list[str]]]:
    """(header, rows) as ``view`` shows them: visible columns, rows in view order, a tree's
    children after their parent (indented), the vertical header's labels as a first column when
    the view shows its own (the cross-tab's codes)."""
    model = view.model()
    hidden = view.isColumnHidden if isinstance(view, QTableView | QTreeView) else (lambda _c: False)
    cols = [c for c in range(model.columnCount()) if not hidden(c)]
    header = [_text(model.headerData(c, Qt.Orientation.Horizontal)).replace("\n", " ") for c in cols]
    rows: list[list[str]] = []
    labels = None
    if isinstance(view, QTableView) and view.verticalHeader().isVisible():
        shown = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
        if any(v is not None and str(v) != str(r + 1) for r, v in enumerate(shown)):
            labels = [_text(v).replace("\n", " ") for v in shown]
    if labels is not None:
        header = [row_header, *header]

    def walk(parent, depth: int) -> None:
        for r in range(model.rowCount(parent)):
            cells = [_text(model.index(r, c, parent).data()) for c in cols]
            if depth and cells:
                cells[0] = "\u3000" * depth + cells[0]
            if labels is not None and depth == 0:
                cells = [labels[r], *cells]
            rows.append(cells)
            first = model.index(r, 0, parent)
            if isinstance(view, QTreeView) and model.hasChildren(first):
                walk(first, depth + 1)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex(), 0)
    return header, rows


def chart_rows(plot, header: list[str] | None = None) -> tuple[list[str], list[list]]:
    """The rows a pyqtgraph chart was drawn from: each bar series and line a column, the axis'
    labels as the first column."""
    import pyqtgraph as pg

    item = plot.getPlotItem()
    series: list[tuple[list[float], list[float]]] = []
    horizontal = False
    for it in item.items:
        if isinstance(it, pg.BarGraphItem):
            o = it.opts
            if o.get("x0") is not None and o.get("y") is not None:  # horizontal bars
                horizontal = True
                ys = list(_seq(o["y"]))
                series.append((ys, list(_seq(o.get("width"), len(ys)))))
            else:
                xs = list(_seq(o.get("x")))
                series.append((xs, list(_seq(o.get("height"), len(xs)))))
        elif isinstance(it, pg.PlotDataItem):
            xs, ys = it.getData()
            if xs is not None:
                series.append((list(xs), list(ys)))
    ticks = plot.getAxis("left" if horizontal else "bottom")._tickLevels or []
    names = {float(v): str(t) for level in ticks for v, t in level}
    keys = sorted({float(x) for xs, _ in series for x in xs})
    table = []
    for k in keys:
        row: list = [names.get(k, _plain(k))]
        for xs, ys in series:
            found = [y for x, y in zip(xs, ys, strict=False) if float(x) == k]
            row.append(_plain(found[0]) if found else "")
        table.append(row)
    value = QCoreApplication.translate("TableExport", "値")
    head = list(header or [QCoreApplication.translate("TableExport", "項目")])
    head += [value] * (1 + len(series) - len(head))
    return head[:1 + len(series)], table


def _seq(v, n: int = 0):
    if v is None:
        return [0] * n
    try:
        return list(v)
    except TypeError:
        return [v] * max(n, 1)


def _plain(v) -> Any:
    f = float(v)
    return int(f) if f.is_integer() else round(f, 4)


# --- the action ---------------------------------------------------------------------------------------

class TableExport(QObject):
    """The 「表を書き出す…」 action of one widget. ``rows`` gives (header, rows) when asked;
    ``backend`` gives (kind, params) for a table the CLI writes (None: nothing to write yet)."""

    def __init__(self, widget: QWidget, name: str | Callable[[], str], *,
                 rows: Callable[[], tuple[list, list]] | None = None,
                 backend: Callable[[], tuple[str, dict] | None] | None = None) -> None:
        super().__init__(widget)
        self.setObjectName(OBJECT_NAME)
        self.widget, self._name, self._rows, self._backend = widget, name, rows, backend
        self.jobs: list = []
        self.last_path: str | None = None
        self.action = QAction(icon("table_export"), self.tr("表を書き出す（CSV / Excel）…"), widget)
        self.action.setObjectName("action_table_export")
        tip = self.tr("この表を CSV（UTF-8、BOM 付き）か Excel のファイルに保存します")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.triggered.connect(lambda _c=False: self.choose())

    def name(self) -> str:
        return self._name() if callable(self._name) else self._name

    def available(self) -> bool:
        """Something to write: rows, or the parameters of a table the CLI writes."""
        if self._backend is not None:
            return self._backend() is not None
        if self._rows is None and isinstance(self.widget, QAbstractItemView):
            model = self.widget.model()
            return model is not None and model.rowCount() > 0
        try:
            _head, rows = self.rows()
        except Exception:  # noqa: BLE001 - a view without data yet
            return False
        return bool(rows)

    def rows(self) -> tuple[list, list]:
        if self._rows is not None:
            return self._rows()
        if isinstance(self.widget, QAbstractItemView):
            return model_rows(self.widget)
        return chart_rows(self.widget)

    def _window(self):
        win = self.widget.window()
        return win if hasattr(win, "project_path") else None

    def default_path(self, suffix: str = ".csv") -> Path:
        win = self._window()
        folder = Path(win.project_path).parent if win is not None else Path.home()
        stem = Path(win.project_path).stem + "_" if win is not None else ""
        safe = re.sub(r'[\\/:*?"<>|\s]+', "_", self.name()).strip("_") or "table"
        return folder / f"{stem}{safe}{suffix}"

    def choose(self) -> None:
        """Ask where to save (CSV or Excel), then write in the background."""
        if not self.available():
            QMessageBox.information(self.widget.window(), self.tr("表を書き出す"),
                                    self.tr("「{0}」にはまだ書き出す行がありません").format(self.name()))
            return
        xlsx = "Excel (*.xlsx)"
        start = self.last_path or str(self.default_path())
        name, chosen = QFileDialog.getSaveFileName(self.widget.window(), self.tr("表を書き出す: {0}").format(self.name()),
                                                   start, self.tr("CSV（UTF-8、BOM 付き） (*.csv)") + ";;" + xlsx)
        if not name:
            return
        if Path(name).suffix.lower() not in (".csv", ".xlsx"):
            name += ".xlsx" if chosen == xlsx else ".csv"
        self.export_to(name)

    def export_to(self, path: str | Path):
        """Write the table to ``path`` (.csv or .xlsx) in a background job; returns the job."""
        from voc_app.gui.jobs import Job

        path = str(path)
        self.last_path = path
        win = self._window()
        sheet = self.name()
        if self._backend is not None:
            spec = self._backend()
            if spec is None or win is None:
                return None
            kind, params = spec
            job = Job(self.tr("表を書き出す"), win.project_path, op_write_backend, out=path, kind=kind, params=params,
                      sheet=sheet)
        else:
            header, rows = self.rows()
            if win is None:  # no project to open: write here (a small table of a dialog)
                op_write_rows(None, None, path, header, rows, sheet)
                return None
            job = Job(self.tr("表を書き出す"), win.project_path, op_write_rows, out=path, header=header, rows=rows,
                      sheet=sheet)
        job.when("done", lambda out: self._done(out))
        job.when("failed", lambda msg: self._failed(msg))
        self.jobs = [j for j in self.jobs if not j.finished] + [job]
        if win is not None and hasattr(win, "jobbar") and (win.job is None or win.job.finished):
            win.jobbar.watch(job)
        return job.start()

    def _done(self, out: str) -> None:
        win = self._window()
        if win is not None and hasattr(win, "statusBar"):
            win.statusBar().showMessage(self.tr("書き出しました: {0}").format(out), 10000)

    def _failed(self, message: str) -> None:
        if self.widget.isVisible():
            QMessageBox.warning(self.widget.window(), self.tr("表を書き出す"), message)


class _TextMenu(QObject):
    """A text view's own context menu (copy, select all) with the export action added."""

    def __init__(self, view: QTextEdit, action: QAction) -> None:
        super().__init__(view)
        self.view, self.action = view, action
        view.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ContextMenu:
            menu = self.view.createStandardContextMenu(event.pos())
            menu.addSeparator()
            menu.addAction(self.action)
            menu.exec(event.globalPos())
            menu.deleteLater()
            return True
        return False


def attach(widget: QWidget, name: str | Callable[[], str], *, rows: Callable[[], tuple[list, list]] | None = None,
           backend: Callable[[], tuple[str, dict] | None] | None = None) -> TableExport:
    """Give ``widget`` the action 「表を書き出す…」 in its context menu (a widget that builds a menu of
    its own adds it with ``add_export_action``). Returns the exporter (one per widget)."""
    old = exporter_of(widget)
    if old is not None:
        return old
    exp = TableExport(widget, name, rows=rows, backend=backend)
    if isinstance(widget, QTextEdit):
        exp._menu = _TextMenu(widget, exp.action)
        return exp
    if hasattr(widget, "getPlotItem"):  # pyqtgraph: its own menus are for zooming, which the charts turn off
        widget.getPlotItem().setMenuEnabled(False)
    if widget.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu:
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        widget.addAction(exp.action)
    return exp


def exporter_of(widget: QWidget) -> TableExport | None:
    for child in widget.children():
        if isinstance(child, TableExport):
            return child
    return None


def add_export_action(menu: QMenu, widget: QWidget) -> None:
    """Add the widget's 「表を書き出す…」 to a context menu the view builds itself."""
    exp = exporter_of(widget)
    if exp is not None:
        menu.addSeparator()
        menu.addAction(exp.action)


def visible_exports(root: QWidget) -> list[TableExport]:
    """The exporters of the tables and charts shown now, the focused one first."""
    found = [e for e in root.findChildren(QObject, OBJECT_NAME)
             if isinstance(e, TableExport) and e.widget.isVisible()]
    focus = root.focusWidget()
    found.sort(key=lambda e: 0 if focus is not None and (focus is e.widget or e.widget.isAncestorOf(focus)) else 1)
    return found


def choose_and_export(root: QWidget) -> None:
    """The menu's 「表を書き出す…」: the focused table, the only one shown, or one picked from a list."""
    found = [e for e in visible_exports(root) if e.available()]
    if not found:
        QMessageBox.information(root, QCoreApplication.translate("TableExport", "表を書き出す"),
                                QCoreApplication.translate("TableExport", "この画面には書き出せる表がまだありません（集計や表示をしてから選んでください）"))
        return
    focus = root.focusWidget()
    if len(found) == 1 or (focus is not None and (focus is found[0].widget or found[0].widget.isAncestorOf(focus))):
        found[0].choose()
        return
    names = [e.name() for e in found]
    picked, ok = QInputDialog.getItem(root, QCoreApplication.translate("TableExport", "表を書き出す"), QCoreApplication.translate("TableExport", "書き出す表"), names, 0, False)
    if ok and picked in names:
        found[names.index(picked)].choose()
