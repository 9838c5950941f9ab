"""The first window opens a real project and shows its counts, verbatims and analysis."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QLabel  # noqa: E402

from tests.conftest import add_window  # noqa: E402
from voc_app.analysis import analyze_project  # noqa: E402
from voc_app.gui.app import MainWindow  # noqa: E402
from voc_app.importing import import_file  # noqa: E402
from voc_app.store import Project  # noqa: E402


def test_main_window_shows_project(qtbot, tmp_path, fixtures):
    path = tmp_path / "g.voc"
    with Project.create(path) as p:
        import_file(p, fixtures / "excel_cp932.csv")
        analyze_project(p, workers=1)
    win = MainWindow(path)
    add_window(qtbot, win)
    win.show()
    qtbot.waitUntil(win.idle, timeout=30_000)
    summary = win.findChild(QLabel, "summary")
    assert "発言 16" in summary.text() and "顧客 8" in summary.text()
    model = win.verbatims.model()
    assert model.rowCount() == 16
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers[4] == "極性" and headers[-1] == "発言"
    texts = [model.index(r, 7).data() for r in range(model.rowCount())]
    row = texts.index("問い合わせの返事が３日来なかった。このままなら解約します")
    assert model.index(row, 4).data() == "不満" and "解約" in model.index(row, 6).data()
    win.tabs.setCurrentWidget(win.imports)
    qtbot.waitUntil(win.idle, timeout=30_000)
    assert win.batches.model().rowCount() == 1
