"""Qt item models over ``voc_app`` queries (the GUI never writes SQL)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt, Signal

from voc_app.gui.i18n import label
from voc_app.gui.labels import (  # noqa: F401 - re-exported
    KIND_LABELS,
    LABEL_SOURCE_LABELS,
    POLARITY_LABELS,
    STAGE_LABELS,
)
from voc_app.overview import (
    VerbatimRecord,
    all_verbatim_ids,
    verbatim_count_estimate,
    verbatim_ids,
    verbatims_by_id,
)
from voc_app.project import open_project


class RowsModel(QAbstractTableModel):
    """A small table held in memory."""

    def __init__(self, headers: list[str], rows: list[tuple], keys: list | None = None) -> None:
        super().__init__()
        self.headers, self.rows, self.keys = headers, rows, keys or []

    def set_rows(self, rows: list[tuple], keys: list | None = None) -> None:
        self.beginResetModel()
        self.rows, self.keys = rows, keys or []
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt API
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        v = self.rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if isinstance(v, float):
                return f"{v:.1f}"
            return "" if v is None else str(v)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(v, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class VerbatimModel(QAbstractTableModel):
    """All matching verbatims, virtualised: the ids of the current search are held (8 bytes a
    row), rows are fetched from SQLite a page at a time when the view shows them."""

    PAGE = 200
    HEADERS = [QT_TRANSLATE_NOOP("labels", "種類"), QT_TRANSLATE_NOOP("labels", "設問・チャネル"),
               QT_TRANSLATE_NOOP("labels", "顧客"), QT_TRANSLATE_NOOP("labels", "日時"), QT_TRANSLATE_NOOP("labels", "極性"),
               QT_TRANSLATE_NOOP("labels", "段階"), QT_TRANSLATE_NOOP("labels", "兆し"), QT_TRANSLATE_NOOP("labels", "発言")]

    def __init__(self, project_path: Path) -> None:
        super().__init__()
        self.project_path = Path(project_path)
        self.ids: list[int] = []
        self._cache: dict[int, VerbatimRecord] = {}
        self._project = open_project(self.project_path)
        self.complete = True
        self._generation = 0  # the latest query; an older query's background result is dropped
        self._jobs: list = []  # background reads still running (kept referenced until they end)

    def close(self) -> None:
        self._project.close()

    def project_size(self) -> int:
        """About how many verbatims the project holds (the largest id: no table scan)."""
        return verbatim_count_estimate(self._project)

    # the first page of a query is read on the UI thread (fast: LIMIT); the rest of the ids in a
    # background job, appended when they arrive (a million ids take ~0.5 s to read)
    FIRST = 300  # a screenful and then some: on a cold cache a rare 2-character term (a LIKE scan) must stop early
    completed = Signal(int)  # total rows once the whole result is known

    def query(self, search: str = "", filters: dict | None = None) -> int:
        """Show the matches of a search: the first ``FIRST`` at once, the rest when a background
        read finishes (``completed`` then carries the total). Returns the rows shown now."""
        self._generation += 1
        self.beginResetModel()
        self.ids = verbatim_ids(self._project, search, filters, limit=self.FIRST)
        self._cache.clear()
        self.endResetModel()
        self.complete = len(self.ids) < self.FIRST
        if self.complete:
            self.completed.emit(len(self.ids))
            return len(self.ids)
        from voc_app.gui.jobs import Job

        generation = self._generation
        job = Job("ids", self.project_path, all_verbatim_ids, search=search, filters=filters)
        job.when("done", lambda ids: self._rest(generation, ids))
        self._jobs = [j for j in self._jobs if not j.finished] + [job]
        job.start()
        return len(self.ids)

    def _rest(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation or ids[:len(self.ids)] != self.ids:
            return  # a newer query replaced this one (or the project changed): drop the result
        if len(ids) > len(self.ids):
            self.beginInsertRows(QModelIndex(), len(self.ids), len(ids) - 1)
            self.ids = ids
            self.endInsertRows()
        self.complete = True
        self.completed.emit(len(self.ids))

    def idle(self) -> bool:
        return all(j.finished for j in self._jobs)

    def refresh(self) -> None:
        """Forget cached rows (the project changed underneath)."""
        self.beginResetModel()
        self._cache.clear()
        self.endResetModel()

    def row(self, r: int) -> VerbatimRecord | None:
        if not 0 <= r < len(self.ids):
            return None
        vid = self.ids[r]
        got = self._cache.get(vid)
        if got is None:
            start = (r // self.PAGE) * self.PAGE
            page = self.ids[start:start + self.PAGE]
            if len(self._cache) > 20 * self.PAGE:
                self._cache.clear()
            self._cache.update(verbatims_by_id(self._project, page))
            got = self._cache.get(vid)
        return got

    def forget(self, ids) -> None:
        """Rows of ``ids`` changed (a correction; None: any row may have): read them again when
        shown, keeping the selection."""
        if ids is None:
            self._cache.clear()
        for vid in ids or ():
            self._cache.pop(vid, None)
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(self.HEADERS) - 1))

    def row_of(self, vid: int) -> int | None:
        try:
            return self.ids.index(vid)
        except ValueError:
            return None

    def verbatim_id(self, r: int) -> int | None:
        return self.ids[r] if 0 <= r < len(self.ids) else None

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.ids)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row(index.row())
        if row is None:
            return None
        c = index.column()
        if c == 0:
            return KIND_LABELS.get(row.kind, row.kind)
        if c == 1:
            return row.question or ""
        if c == 2:
            return row.customer or ""
        if c == 3:
            return (row.created_at or "")[:16].replace("T", " ")
        if c == 4:  # ✎: a person set the labels of this verbatim
            shown = POLARITY_LABELS.get(row.polarity or "", "")
            if row.label_source == "person":
                return (f"{shown} ✎" if role == Qt.ItemDataRole.DisplayRole
                        else f"{shown}（✎ {LABEL_SOURCE_LABELS['person']}）")
            return shown
        if c == 5:
            return STAGE_LABELS.get(row.stage or "", "")
        if c == 6:
            return "・".join(x for x, on in ((self.tr("解約"), row.churn), (self.tr("推奨"), row.advocacy)) if on)
        return row.text if role == Qt.ItemDataRole.ToolTipRole else row.text.replace("\n", " ")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return label(self.HEADERS[section])
        return None

    def evidence(self, r: int) -> list[dict]:
        row = self.row(r)
        return json.loads(row.evidence) if row and row.evidence else []
