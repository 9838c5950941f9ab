"""``voc-app [PROJECT]`` — the desktop window.

This is the first, small window: it opens a project (or the bundled sample) and shows
its counts, its import batches and its verbatims. The full app (import wizard, topics,
customers) is built on top of it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from voc_app.gui.fonts import register_bundled_fonts
from voc_app.store import Project
from voc_app.store.queries import batches, project_counts, verbatim_page

KIND_LABELS = {"survey": "アンケート", "support": "サポート", "interview": "インタビュー"}
POLARITY_LABELS = {"delight": "喜び", "pain": "不満", "neutral": "中立", "mixed": "混在"}
STAGE_LABELS = {"first_experience": "初回体験", "success": "活用", "advocacy": "推奨", "none": "—"}


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: list[str], rows: list[tuple]) -> None:
        super().__init__()
        self.headers, self.rows = headers, rows

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt API
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and index.isValid():
            v = self.rows[index.row()][index.column()]
            return "" if v is None else str(v)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class MainWindow(QMainWindow):
    def __init__(self, project_path: Path) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("VoC Analyzer — {0}").format(project_path.name))
        self.resize(1280, 800)
        with Project(project_path) as project:
            counts = project_counts(project.conn)
            bs = batches(project.conn)
            page = verbatim_page(project.conn, limit=1000)
        central = QWidget()
        layout = QVBoxLayout(central)
        summary = QLabel(self.tr("発言 {0:,}（無回答 {1:,}） ・ 顧客 {2:,} ・ 回答 {3:,} ・ チケット {4:,}").format(
            counts["verbatims"], counts["non_answers"], counts["customers"], counts["responses"], counts["tickets"]))
        summary.setObjectName("summary")
        summary.setStyleSheet("font-size: 16px; padding: 6px;")
        layout.addWidget(summary)
        tabs = QTabWidget()
        self.verbatims = QTableView()
        self.verbatims.setModel(RowsModel(
            [self.tr("種類"), self.tr("設問・チャネル"), self.tr("顧客"), self.tr("日時"), self.tr("極性"),
             self.tr("段階"), self.tr("兆し"), self.tr("発言")],
            [(KIND_LABELS.get(k, k), q, c, (t or "")[:16].replace("T", " "), POLARITY_LABELS.get(p, ""),
              STAGE_LABELS.get(st, ""), "・".join(x for x, on in ((self.tr("解約"), ch), (self.tr("推奨"), ad)) if on),
              x.replace("\n", " ")) for k, q, c, t, x, p, st, ch, ad in page]))
        self.verbatims.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 90), (1, 230), (2, 80), (3, 130), (4, 60), (5, 80), (6, 70)):
            self.verbatims.setColumnWidth(col, width)
        tabs.addTab(self.verbatims, self.tr("発言"))
        self.batches = QTableView()
        self.batches.setModel(RowsModel(
            [self.tr("ID"), self.tr("ファイル"), self.tr("形式"), self.tr("回答"), self.tr("発言"), self.tr("チケット"),
             self.tr("重複スキップ"), self.tr("取り込み日時")],
            [(b["id"], b["file_name"], b["format"], b["responses"], b["verbatims"], b["tickets"],
              b["duplicates_skipped"], b["started_at"][:16].replace("T", " ")) for b in bs]))
        self.batches.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        tabs.addTab(self.batches, self.tr("取り込み"))
        layout.addWidget(tabs)
        self.setCentralWidget(central)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="voc-app", description="VoC Analyzer デスクトップアプリ")
    parser.add_argument("project", nargs="?", help="開くプロジェクト（.voc）")
    parser.add_argument("--sample", action="store_true", help="同梱のサンプルプロジェクトを開く")
    parser.add_argument("--screenshot", metavar="PNG", help="ウィンドウを PNG に保存して終了（確認用）")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    register_bundled_fonts(app)
    if args.project:
        path = Path(args.project)
    else:
        from voc_app.sample import build_sample_project

        path = build_sample_project()
    try:
        win = MainWindow(path)
    except Exception as e:  # noqa: BLE001 - shown to the user, not a traceback
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "VoC Analyzer", str(e))
        return 2
    win.show()
    if not args.screenshot:
        import threading

        from nlp.topics import warm_up

        threading.Thread(target=warm_up, name="warm-up", daemon=True).start()
    if args.screenshot:
        app.processEvents()
        win.grab().save(args.screenshot)
        return 0
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
