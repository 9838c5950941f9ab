"""Working as a team in the app (issue 24): the 表記ゆれ editor, merging another copy, the backups
list with restore, 「表を書き出す」 from the views, and quiet backups after edits — driven like a
user on small projects built here."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QAction  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton  # noqa: E402

from tests.conftest import add_window, dump  # noqa: E402
from tests.test_team import LATER, VOICES, _survey  # noqa: E402
from voc_app import coding as C  # noqa: E402
from voc_app.analysis import analyze_project  # noqa: E402
from voc_app.backup import backup, list_backups  # noqa: E402
from voc_app.gui import table_export  # noqa: E402
from voc_app.gui.app import MainWindow  # noqa: E402
from voc_app.gui.backups_dialog import AutoBackup  # noqa: E402
from voc_app.importing import import_file  # noqa: E402
from voc_app.signals import score_project  # noqa: E402
from voc_app.store import Project  # noqa: E402


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Two survey files with the same words in several spellings, analysed and scored."""
    d = tmp_path_factory.mktemp("gui_team")
    path = d / "base.voc"
    with Project.create(path) as p:
        import_file(p, _survey(d / "voices.csv", VOICES, 1000))
        import_file(p, _survey(d / "later.csv", LATER, 5000))
        analyze_project(p, workers=1)
        score_project(p)
    return path


def _vid(path: Path, text: str) -> int:
    with Project(path) as p:
        return next(i for i, t in C.verbatim_texts(p, list(range(1, 200))).items() if t == text)


@pytest.fixture
def open_win(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # QSettings of this test only
    opened = []

    def make(path: Path) -> MainWindow:
        w = MainWindow(path)
        add_window(qtbot, w)
        w.show()
        qtbot.waitUntil(w.idle, timeout=30_000)
        opened.append(w)
        return w

    yield make
    for w in opened:
        for other in [w, *getattr(w, "_others", [])]:
            qtbot.waitUntil(lambda o=other: o.team.idle() and o.autobackup.idle(), timeout=30_000)
            other.close()


@pytest.fixture
def win(open_win, built, tmp_path):
    path = tmp_path / "app.voc"
    shutil.copy(built, path)
    return open_win(path)


def wait_job(qtbot, w, timeout=60_000):
    qtbot.waitUntil(lambda: w.job is not None and w.job.finished and w.idle(), timeout=timeout)


def word_column(table) -> dict[str, int]:
    return {table.item(r, 0).text(): int(table.item(r, 2).text()) for r in range(table.rowCount())}


def show_words(qtbot, win):
    a = win.analysis
    win.tabs.setCurrentWidget(a)
    qtbot.waitUntil(win.idle, timeout=30_000)
    a.tabs.setCurrentIndex(3)
    a.findChild(QPushButton, "words_freq").click()
    wait_job(qtbot, win)
    return a


# --- 表記ゆれ ---------------------------------------------------------------------------------------

def test_the_synonym_editor_groups_words_and_the_frequency_view_shows_the_canonical_form(qtbot, win, tmp_path,
                                                                                         monkeypatch):
    a = show_words(qtbot, win)
    before = word_column(a.freq)
    assert before["価格"] == 3 and before["料金"] == 3
    assert win.findChild(QAction, "action_synonyms").shortcut().toString() == "Ctrl+Shift+Y"
    dlg = win.team.open_synonyms()
    qtbot.waitUntil(dlg.idle, timeout=30_000)
    # the shipped groups are listed and marked as such
    sources = {dlg.list.item(r, 0).text(): dlg.list.item(r, 2).text() for r in range(dlg.list.rowCount())}
    assert sources["問い合わせ"] == "同梱" and "価格" not in sources
    dlg.new_group()
    dlg.canonical.setText("価格")
    dlg.word.setText("料金")
    dlg.add_button.click()
    qtbot.waitUntil(lambda: dlg.idle() and "価格" in [g.canonical for g in dlg.groups], timeout=30_000)
    group = next(g for g in dlg.groups if g.canonical == "価格")
    assert group.words == ["料金"] and group.source == "project"
    row = [g.canonical for g in dlg.groups].index("価格")
    assert dlg.list.item(row, 2).text() == "プロジェクト" and dlg.list.item(row, 1).text() == "料金"
    # the word view is drawn again through the group: the canonical form only
    qtbot.waitUntil(lambda: win.team.idle() and "料金" not in word_column(a.freq), timeout=30_000)
    assert word_column(a.freq)["価格"] == 6
    # a bad CSV is refused with its row and column, and nothing is written
    bad = tmp_path / "bad.csv"
    bad.write_text("word,canonical\n問合せ,問い合わせ\nサーバ,\n", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: shown.append(args[2]))
    dlg.import_csv(bad)
    qtbot.waitUntil(dlg.idle, timeout=30_000)
    assert shown and "3 行目" in shown[0] and "canonical" in shown[0]
    assert "3 行目" in dlg.status.text()
    # export, then import again: the same groups
    out = tmp_path / "groups.csv"
    dlg.export_csv(out)
    qtbot.waitUntil(dlg.idle, timeout=30_000)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines())) == [["word", "canonical"], ["料金", "価格"]]
    # taking the word out again brings 料金 back in the frequency view
    dlg.list.selectRow(row)
    dlg.words.item(0).setSelected(True)
    dlg.remove_words_button.click()
    qtbot.waitUntil(lambda: dlg.idle() and win.team.idle() and "料金" in word_column(a.freq), timeout=30_000)
    # the shipped list switched off: メモリ and メモリー are two words again
    assert "メモリ" not in word_column(a.freq) and dlg.defaults.isChecked()
    dlg.defaults.click()
    qtbot.waitUntil(lambda: dlg.idle() and win.team.idle() and "メモリ" in word_column(a.freq), timeout=30_000)
    assert not dlg.defaults.isChecked() and not [g for g in dlg.groups if g.source == "default"]
    assert word_column(a.freq)["メモリ"] == 3 and word_column(a.freq)["メモリー"] == 2
    dlg.close()


# --- merge ------------------------------------------------------------------------------------------

def test_the_merge_dialog_dry_run_lists_the_conflict_and_adds_nothing_then_merges(qtbot, open_win, built, tmp_path):
    a, b = tmp_path / "a.voc", tmp_path / "b.voc"
    v0, v1 = _vid(built, VOICES[0]), _vid(built, VOICES[1])
    shutil.copy(built, a)
    shutil.copy(built, b)
    with Project(a) as p:
        C.set_memo(p, "verbatim", v0, "返事の遅さ", coder="佐藤")
    with Project(b) as p:
        C.set_memo(p, "verbatim", v0, "対応が遅い", coder="佐藤")  # the same coder, other text: a conflict
        price = C.add_code(p, "価格")
        C.tag(p, v1, price, "鈴木")
    win = open_win(a)
    with Project(a) as p:
        before = dump(p)
    dlg = win.team.open_merge()
    dlg.path.setText(str(b))
    dlg.check_button.click()
    qtbot.waitUntil(lambda: dlg.idle() and dlg.report is not None, timeout=60_000)
    rows = [[dlg.conflicts.item(r, c).text() for c in range(5)] for r in range(dlg.conflicts.rowCount())]
    assert len(rows) == 1
    kind, what, coder, ours, theirs = rows[0]
    assert (kind, coder, ours, theirs) == ("メモ", "佐藤", "返事の遅さ", "対応が遅い") and str(v0) in what
    assert "こちらの判断を残します" in dlg.conflicts_title.text()
    added = {(dlg.added.item(r, 0).text(), dlg.added.item(r, 1).text()): (dlg.added.item(r, 2).text(),
                                                                         dlg.added.item(r, 3).text())
             for r in range(dlg.added.rowCount())}
    assert added[("コード付け", "鈴木")] == ("1", "") and added[("コード", "")] == ("1", "価格")
    assert added[("新しいコーダー", "")] == ("1", "鈴木")
    assert "まだ何も変えていません" in dlg.summary.text()
    with Project(a) as p:
        assert dump(p) == before  # the dry run added nothing
    assert dlg.merge_button.isEnabled()
    dlg.merge_button.click()
    qtbot.waitUntil(lambda: dlg.idle() and dlg.report is not None and not dlg.report.dry_run, timeout=60_000)
    assert "統合しました" in dlg.summary.text() and dlg.report.backup and Path(dlg.report.backup).exists()
    assert not dlg.merge_button.isEnabled()
    with Project(a) as p:
        got = sorted((g["coder"], g["code"]) for g in C.verbatim_codings(p, v1))
        assert got == [("鈴木", "価格")]
        assert C.memo_text(p, target="verbatim", target_id=v0, coder="佐藤") == "返事の遅さ"  # ours stays
    # a file that is not a project of ours is refused with a message
    junk = tmp_path / "junk.voc"
    junk.write_text("not a project", encoding="utf-8")
    dlg.path.setText(str(junk))
    dlg.dry_run()
    qtbot.waitUntil(dlg.idle, timeout=30_000)
    assert dlg.summary.text().startswith("統合できません") and "junk.voc" in dlg.summary.text()
    assert "Error" not in dlg.summary.text() and dlg.conflicts.rowCount() == 0 and not dlg.merge_button.isEnabled()
    dlg.close()


# --- backups ----------------------------------------------------------------------------------------

def test_the_backups_dialog_lists_a_backup_and_restores_it(qtbot, win, monkeypatch):
    path = win.project_path
    dlg = win.team.open_backups()
    qtbot.waitUntil(dlg.idle, timeout=30_000)
    assert dlg.table.rowCount() == 0
    dlg.now_button.click()
    qtbot.waitUntil(lambda: dlg.idle() and dlg.table.rowCount() == 1, timeout=30_000)
    assert dlg.table.item(0, 1).text() == "手動" and dlg.table.item(0, 3).text() == "変更なし"
    assert dlg.table.item(0, 2).text().endswith(("KB", "MB"))
    # a change after the backup (another window of the same project)
    with Project(path) as p:
        C.add_code(p, "あとで消えるコード")
    dlg.reload()
    qtbot.waitUntil(lambda: dlg.idle() and dlg.table.item(0, 3).text() != "変更なし", timeout=30_000)
    assert dlg.table.item(0, 3).text() == "コード +1"
    dlg.table.selectRow(0)
    assert dlg.restore_button.isEnabled()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: asked.append(args[2]) or QMessageBox.StandardButton.Yes)
    dlg.restore_button.click()
    assert asked and "コード +1" in asked[0]
    qtbot.waitUntil(lambda: getattr(win, "restored_window", None) is not None, timeout=60_000)
    new = win.restored_window
    qtbot.waitUntil(new.idle, timeout=30_000)
    assert new.project_path == path and not win.isVisible()
    with Project(path) as p:
        assert "あとで消えるコード" not in [c["name"] for c in C.codebook(p)]
    # the state before the restore was saved, and the message says where
    found = list_backups(path)
    safety = next(b for b in found if b.reason == "before-restore")
    assert safety.counts["codes"] == 1
    assert Path(safety.path).name in new.restore_message.text()
    new.restore_message.close()


# --- 表を書き出す --------------------------------------------------------------------------------------

def test_a_table_export_writes_the_rows_of_the_view_with_a_bom(qtbot, win, tmp_path, monkeypatch):
    view = win.customers
    win.tabs.setCurrentWidget(view)
    qtbot.waitUntil(win.idle, timeout=30_000)
    view.kind_tabs.setCurrentIndex(2)
    table = view.tables["all"]
    model = table.model()
    assert model.rowCount() > 5
    exp = table_export.exporter_of(table)
    assert exp.action in table.actions()  # in the table's context menu
    out = tmp_path / "顧客.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "CSV"))
    exp.action.trigger()
    qtbot.waitUntil(lambda: out.exists() and all(j.finished for j in exp.jobs), timeout=30_000)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    got = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    shown = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    assert got[0] == [model.headerData(c, Qt.Orientation.Horizontal) for c in shown]
    assert got[1:] == [[model.index(r, c).data() for c in shown] for r in range(model.rowCount())]
    assert not list(tmp_path.glob(".*.part"))
    # the same table as a workbook: the same cells, numbers as numbers
    from openpyxl import load_workbook

    xlsx = tmp_path / "顧客.xlsx"
    job = exp.export_to(xlsx)
    qtbot.waitUntil(lambda: job.finished, timeout=30_000)
    ws = load_workbook(xlsx).active
    cells = [list(r) for r in ws.iter_rows(values_only=True)]
    assert cells[0] == got[0] and len(cells) == len(got)
    churn = got[0].index("解約")
    assert all(isinstance(r[churn], int | float) for r in cells[1:])
    assert [str(r[0]) for r in cells[1:]] == [r[0] for r in got[1:]]


def test_word_tables_are_written_by_the_clis_function(qtbot, win, tmp_path, monkeypatch):
    a = show_words(qtbot, win)
    exp = table_export.exporter_of(a.freq)
    out = tmp_path / "words.csv"
    job = exp.export_to(out)
    qtbot.waitUntil(lambda: job.finished, timeout=30_000)
    cli = tmp_path / "cli.csv"
    with Project(win.project_path) as p:
        C.write_word_table(p, out=cli, top=300)
    assert out.read_bytes() == cli.read_bytes()
    # the menu's 「表を書き出す」 finds the table of the visible tab
    target = tmp_path / "menu.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV"))
    a.freq.setFocus()
    menu_action = win.findChild(QAction, "action_export_table")
    assert menu_action.shortcut().toString() == "Ctrl+Shift+E"
    menu_action.trigger()
    qtbot.waitUntil(lambda: target.exists() and all(j.finished for j in exp.jobs), timeout=30_000)
    assert target.read_bytes() == cli.read_bytes()
    # as a workbook: the CLI's cells, counts as numbers
    from openpyxl import load_workbook

    xlsx = tmp_path / "words.xlsx"
    job = exp.export_to(xlsx)
    qtbot.waitUntil(lambda: job.finished, timeout=30_000)
    cells = [list(r) for r in load_workbook(xlsx).active.iter_rows(values_only=True)]
    rows = list(csv.reader(cli.read_text(encoding="utf-8-sig").splitlines()))
    assert cells[0] == rows[0] == ["word", "attribute", "value", "count", "docs"]
    assert [(r[0], r[3]) for r in cells[1:]] == [(r[0], int(r[3])) for r in rows[1:]]
    # the coding list's table is the coded matrix of 「voc coded --matrix」
    with Project(win.project_path) as p:
        C.tag(p, _vid(win.project_path, VOICES[0]), C.add_code(p, "返事"), "佐藤")
        C.export_coded_matrix(p, out=tmp_path / "matrix_cli.csv")
    matrix = table_export.exporter_of(win.coding.list)
    job = matrix.export_to(tmp_path / "matrix.csv")
    qtbot.waitUntil(lambda: job.finished, timeout=30_000)
    assert (tmp_path / "matrix.csv").read_bytes() == (tmp_path / "matrix_cli.csv").read_bytes()


def test_csv_cells_stay_safe_and_numbers_stay_numbers(tmp_path):
    out = tmp_path / "t.csv"
    table_export.write_rows(out, ["語", "差"], [["=HYPERLINK(\"x\")", "-3.2"], ["@SUM(A1)", "+1.5"], ["0012", "1,234"]])
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1:] == [["'=HYPERLINK(\"x\")", "-3.2"], ["'@SUM(A1)", "1.5"], ["0012", "1,234"]]
    from openpyxl import load_workbook

    x = tmp_path / "t.xlsx"
    table_export.write_rows(x, ["語", "差"], [["=HYPERLINK(\"x\")", "-3.2"], ["0012", "1,234"]])
    ws = load_workbook(x).active
    assert [c.data_type for c in ws[2]] == ["s", "n"] and ws["A3"].value == "0012" and ws["B3"].value == 1234


# --- backups after edits ------------------------------------------------------------------------------

def test_an_edit_takes_a_quiet_backup(qtbot, open_win, built, tmp_path, monkeypatch):
    monkeypatch.setattr(AutoBackup, "INTERVAL_S", 0.0)
    path = tmp_path / "edit.voc"
    shutil.copy(built, path)
    with Project(path) as p:
        backup(p, "manual")  # the newest backup: the next one only when something changed
    win = open_win(path)
    assert [b.reason for b in list_backups(path)] == ["manual"]
    win.customers.review_requested.emit("C1005", "churn", "confirmed", "電話で確認")  # a review: an edit
    wait_job(qtbot, win)
    qtbot.waitUntil(lambda: bool(win.autobackup.results) and win.autobackup.idle(), timeout=30_000)
    found = {b.reason: b for b in list_backups(path)}  # (two taken in one second: either order)
    assert sorted(found) == ["edits", "manual"] and win.autobackup.results[-1] == found["edits"].path
    assert found["manual"].changes == {"reviews": 1} and found["edits"].changes == {}
    # a coding edit in the coding view too
    win.tabs.setCurrentWidget(win.coding)
    qtbot.waitUntil(win.idle, timeout=30_000)
    n = len(win.autobackup.results)
    win.coding.submit("add_code", name="新しいコード", parent=None)
    qtbot.waitUntil(lambda: len(win.autobackup.results) > n and win.autobackup.idle(), timeout=30_000)
    assert sorted(b.reason for b in list_backups(path)) == ["edits", "edits", "manual"]
    # with the real interval, a second edit right after does not back up again
    monkeypatch.setattr(AutoBackup, "INTERVAL_S", 600.0)
    n = len(win.autobackup.results)
    win.coding.submit("add_code", name="もう一つ", parent=None)
    qtbot.waitUntil(win.coding.idle, timeout=30_000)
    qtbot.wait(300)
    assert len(win.autobackup.results) == n and win.autobackup._later.isActive()
