"""Label corrections in the app (issue 21): one key corrects the selected verbatim (the row and
the detail pane show the new label and ✎), Ctrl+Z / Ctrl+Shift+Z undo and redo it, the review
queue 「確認待ち」 lists answers with their reason and progress and moves on after a correction,
「学習する」 teaches similar uncorrected answers and 「出荷時のモデルに戻す」 takes that back. The
project is the made-up-word one of tests/test_corrections.py."""

from __future__ import annotations

import shutil

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from tests.conftest import add_window  # noqa: E402
from tests.test_corrections import MAP, RIVAL, write_csv  # noqa: E402
from voc_app import corrections as C  # noqa: E402
from voc_app.analysis import analyze_project  # noqa: E402
from voc_app.gui.app import MainWindow  # noqa: E402
from voc_app.gui.corrections_ui import STAGE_CYCLE  # noqa: E402
from voc_app.importing import import_file  # noqa: E402
from voc_app.store import Project  # noqa: E402


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("gui_corrections")
    src = write_csv(d / "answers.csv")
    path = d / "base.voc"
    with Project.create(path) as p:
        import_file(p, src, format="excel_csv", overrides=MAP)
        analyze_project(p, workers=1)
    return path


@pytest.fixture
def win(qtbot, built, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = tmp_path / "app.voc"
    shutil.copy(built, path)
    w = MainWindow(path)
    add_window(qtbot, w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.idle, timeout=30_000)
    yield w  # add_window: idle before pytest-qt closes it


def settle(qtbot, w):
    qtbot.waitUntil(lambda: w.idle() and w.corrections.idle(), timeout=60_000)


def row_of(view, text: str) -> int:
    m = view.model
    return next(r for r in range(m.rowCount()) if m.row(r).text == text)


def cell(view, r: int, c: int) -> str:
    return view.model.index(r, c).data()


def select(qtbot, w, text: str) -> int:
    view = w.verbatim_view
    w.tabs.setCurrentWidget(view)
    view.modes.setCurrentIndex(0)
    r = row_of(view, text)
    view.table.selectRow(r)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus, timeout=5_000)
    return r


def test_correct_by_keyboard_undo_and_redo(qtbot, win):
    view = win.verbatim_view
    r = select(qtbot, win, "梱包が丁寧でした")
    before = view.model.row(r)
    assert before.polarity == "delight" and before.label_source == "model" and "✎" not in cell(view, r, 4)
    qtbot.keyClick(view.table, Qt.Key.Key_2)  # 2 = 不満
    qtbot.waitUntil(lambda: cell(view, r, 4) == "不満 ✎", timeout=30_000)
    assert view.model.row(r).label_source == "person"
    assert "✎ 人が修正" in view.detail.toPlainText() and "不満" in view.detail.toPlainText()
    qtbot.keyClick(view.table, Qt.Key.Key_C)  # C toggles 解約の兆し
    qtbot.waitUntil(lambda: "解約" in cell(view, r, 6), timeout=30_000)
    qtbot.keyClick(view.table, Qt.Key.Key_S)  # S: the next stage
    settle(qtbot, win)
    assert view.model.row(r).stage == STAGE_CYCLE[(STAGE_CYCLE.index(before.stage or "none") + 1) % 4]
    with Project(win.project_path) as p:
        got = {c["target"]: (c["value"], c["coder"]) for c in C.corrections(p)}
    assert got["polarity"] == ("pain", win.coding.coder_name()) and got["churn"][0] == "1"
    # Ctrl+Z three times: back to the model's labels; Ctrl+Shift+Z puts the first correction back
    for _ in range(3):
        qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, win)
    assert cell(view, r, 4) == "喜び" and "解約" not in cell(view, r, 6)
    assert view.model.row(r).label_source == "model" and "✎" not in view.detail.toPlainText()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: cell(view, r, 4) == "不満 ✎", timeout=30_000)
    assert "解約" not in cell(view, r, 6)
    # the keys are listed for the user
    assert "1 喜び" in view.table.toolTip().replace("<br>", " ") and "Ctrl+Z" in view.table.toolTip()


def test_a_correction_takes_a_quiet_backup(qtbot, win, monkeypatch):
    """A label correction is the user's work: like any edit it is backed up (at most every
    INTERVAL_S; here at once), and the backup holds the correction."""
    from voc_app.backup import list_backups
    from voc_app.gui.backups_dialog import AutoBackup

    monkeypatch.setattr(AutoBackup, "INTERVAL_S", 0.0)
    assert list_backups(win.project_path) == []
    view = win.verbatim_view
    r = select(qtbot, win, "梱包が丁寧でした")
    qtbot.keyClick(view.table, Qt.Key.Key_2)  # 2 = 不満
    qtbot.waitUntil(lambda: bool(win.autobackup.results) and win.autobackup.idle(), timeout=30_000)
    found = list_backups(win.project_path)
    assert [b.reason for b in found] == ["edits"] and found[0].path == win.autobackup.results[-1]
    assert found[0].counts["corrections"] == 1 and found[0].changes == {}
    assert cell(view, r, 4) == "不満 ✎"


def test_keys_do_not_reach_the_search_box(qtbot, win):
    view = win.verbatim_view
    win.tabs.setCurrentWidget(view)
    view.search.setFocus()
    qtbot.waitUntil(view.search.hasFocus, timeout=5_000)
    qtbot.keyClicks(view.search, "2C")
    settle(qtbot, win)
    assert view.search.text() == "2C"
    with Project(win.project_path) as p:
        assert C.corrections(p) == []


def test_review_queue_lists_reasons_and_moves_on(qtbot, win):
    win.tabs.setCurrentWidget(win.verbatim_view)
    qv = win.queue_view
    win.verbatim_view.modes.setCurrentWidget(qv)
    qtbot.waitUntil(lambda: qv.idle() and qv.model.rowCount() > 0, timeout=60_000)
    m = qv.model
    assert m.rowCount() <= 20
    reasons = [m.index(r, 2).data() for r in range(m.rowCount())]
    assert all(reasons) and any("不確か" in x or "境目" in x for x in reasons)
    assert "確認済み 0" in qv.count.text() and qv.progress.value() == 0 and qv.progress.maximum() >= 1
    assert qv.table.currentIndex().row() == 0
    first = m.items[0]
    qv.table.setFocus()
    qtbot.waitUntil(qv.table.hasFocus, timeout=5_000)
    qtbot.keyClick(qv.table, Qt.Key.Key_3)  # 3 = 中立
    assert qv.table.currentIndex().row() == 1  # on to the next at once
    qtbot.waitUntil(lambda: first.verbatim_id in m.done, timeout=30_000)
    assert m.index(0, 0).data().startswith("✓") and "✎" in m.index(0, 1).data()
    assert "確認済み 1" in qv.count.text() and qv.progress.value() == 1
    with Project(win.project_path) as p:
        assert [(c["verbatim_id"], c["target"], c["value"]) for c in C.corrections(p)] == \
            [(first.verbatim_id, "polarity", "neutral")]
    # 次を読み込む: the corrected answer is not asked again
    qv.next_button.click()
    qtbot.waitUntil(qv.idle, timeout=60_000)
    assert first.verbatim_id not in [it.verbatim_id for it in m.items] and qv.reviewed == 1
    # filter by task: only churn questions
    qv.task.setCurrentIndex(qv.task.findData("churn"))
    qtbot.waitUntil(qv.idle, timeout=60_000)
    assert m.items and {it.task for it in m.items} == {"churn"}


@pytest.mark.parametrize("process", [False, True], ids=["thread", "process"])
def test_learn_changes_similar_answers_and_the_shipped_model_reverts(qtbot, win, monkeypatch, process):
    """In a thread (a small project) and in its own process (a project of ≥ 50,000 answers, where
    a thread would stall the UI)."""
    import voc_app.gui.app as app_module

    monkeypatch.setattr(app_module, "PROCESS_JOBS", process)
    view = win.verbatim_view
    win.tabs.setCurrentWidget(view)
    with Project(win.project_path) as p:
        ids = {r.text: r.verbatim_id for r in C.labels(p)}
    for t in RIVAL[:8]:
        win.corrections.correct(ids[t], {"churn": 1})
    settle(qtbot, win)
    rest = [row_of(view, t) for t in RIVAL[8:]]
    assert all("解約" not in cell(view, r, 6) for r in rest)  # the shipped model does not know ポポロン
    qv = win.queue_view
    view.modes.setCurrentWidget(qv)
    qtbot.waitUntil(lambda: qv.idle() and qv.learn_button.isEnabled(), timeout=60_000)
    assert "まだ学習していません" in qv.status.text()
    qv.learn_button.click()
    qtbot.waitUntil(lambda: win.job is not None and win.job.finished, timeout=120_000)
    assert win.job.process is process and win.job.result is not None
    settle(qtbot, win)
    assert "人の修正 8 件" in qv.status.text() and "一致" in qv.status.text()
    followed = [r for r in rest if "解約" in cell(view, r, 6)]
    assert len(followed) >= 2
    assert all(view.model.row(r).label_source == "project" for r in followed)
    assert qv.shipped_button.isEnabled()
    # back to the shipped model, after a confirmation
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    qv.shipped_button.click()
    qtbot.waitUntil(lambda: win.job.finished and win.job.title == "出荷時のモデルに戻す", timeout=60_000)
    settle(qtbot, win)
    assert asked and all("解約" not in cell(view, r, 6) for r in rest)
    assert all(view.model.row(row_of(view, t)).label_source == "person" for t in RIVAL[:8])
    assert "出荷時のモデル" in qv.status.text()
