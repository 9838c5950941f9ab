"""The desktop app driven like a user: search and filter, curate a topic and undo it, review a
customer, import through the wizard, export through the dialog, cancel a running job, and a
screenshot of every view."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPushButton  # noqa: E402

from tests.conftest import FIXTURES, dump  # noqa: E402
from voc_app.analysis import analyze_project
from voc_app.gui.app import MainWindow, screenshots  # noqa: E402
from voc_app.importing import import_file
from voc_app.signals import score_project
from voc_app.store import Project  # noqa: E402
from voc_app.store import topics as topic_store  # noqa: E402
from voc_app.topics import update_topics

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("gui")
    path = d / "base.voc"
    with Project.create(path) as p:
        import_file(p, SAMPLE / "アンケート_2025上期.csv")
        import_file(p, SAMPLE / "サポート履歴_2025上期.jsonl")
        analyze_project(p, workers=1)
        score_project(p)
        for side in ("delight", "pain"):
            update_topics(p, side)
    return path


@pytest.fixture
def win(qtbot, built, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # QSettings of this test only
    path = tmp_path / "app.voc"
    shutil.copy(built, path)
    w = MainWindow(path)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(w.idle, timeout=30_000)
    yield w
    if w.job is not None and not w.job.finished:
        w.job.cancel()
        qtbot.waitUntil(lambda: w.job.finished, timeout=30_000)


def wait_job(qtbot, w, timeout=60_000):
    qtbot.waitUntil(lambda: w.job is not None and w.job.finished and w.idle(), timeout=timeout)


def show(qtbot, w, view):
    w.tabs.setCurrentWidget(view)
    qtbot.waitUntil(w.idle, timeout=30_000)


def test_overview_and_search_and_filters(qtbot, win):
    assert "発言 217" in win.findChild(QLabel, "summary").text()  # 202 survey answers + 15 ticket messages
    view = win.verbatim_view
    win.focus_search()
    view.search.setText("配送")  # typed text: QTest cannot type kana offscreen
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    m = view.model
    assert 0 < m.rowCount() < 217 and view.count.text() == f"{m.rowCount()} 件"
    assert all("配送" in m.index(r, 7).data() for r in range(m.rowCount()))
    box = view.filters["polarity"]
    box.setCurrentIndex(box.findData("pain"))
    assert m.rowCount() > 0 and {m.index(r, 4).data() for r in range(m.rowCount())} == {"不満"}
    view.table.selectRow(0)
    assert "background" in view.detail.toHtml() and "配送" in view.kwic.toPlainText()


def test_merge_topics_and_undo(qtbot, win):
    show(qtbot, win, win.topics)
    table, model = win.topics.tables["delight"], win.topics.models["delight"]
    n = model.rowCount()
    first, second = model.keys[0], model.keys[1]
    table.selectRow(0)
    table.selectionModel().select(model.index(1, 0), table.selectionModel().SelectionFlag.Select
                                  | table.selectionModel().SelectionFlag.Rows)
    assert win.topics.selected("delight") == [first, second]
    qtbot.mouseClick(win.findChild(QPushButton, "delight_merge"), Qt.MouseButton.LeftButton)
    wait_job(qtbot, win)
    assert model.rowCount() == n - 1 and second not in model.keys
    qtbot.mouseClick(win.findChild(QPushButton, "delight_undo"), Qt.MouseButton.LeftButton)
    wait_job(qtbot, win)
    assert model.rowCount() == n and second in model.keys


def test_review_a_customer(qtbot, win):
    show(qtbot, win, win.customers)
    view = win.customers
    view.kind_tabs.setCurrentIndex(1)  # 解約リスク
    view.tables["churn"].selectRow(0)
    customer = view.models["churn"].keys[0]
    assert customer in view.detail.toPlainText()
    view.note.setText("電話でお詫び済み")
    qtbot.mouseClick(win.findChild(QPushButton, "review_contacted"), Qt.MouseButton.LeftButton)
    wait_job(qtbot, win)
    row = view.models["churn"].keys.index(customer)
    assert view.models["churn"].index(row, 2).data() == "連絡済み"


def test_import_wizard(qtbot, win, fixtures):
    show(qtbot, win, win.imports)
    before = win.imports.model.rowCount()

    def accept():
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(100, accept)
            return
        assert "Zendesk" in dlg.findChild(QLabel, "detected").text()
        dlg.findChild(QPushButton, "do_import").click()

    QTimer.singleShot(100, accept)
    win.start_import(fixtures / "zendesk.jsonl")
    qtbot.waitUntil(lambda: win.imports.model.rowCount() == before + 1, timeout=60_000)
    wait_job(qtbot, win)


def test_export_dialog(qtbot, win, tmp_path):
    out = tmp_path / "報告.xlsx"

    def fill():
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(100, fill)
            return
        dlg.path.setText(str(out))
        dlg.mask.setChecked(True)
        dlg.accept()

    QTimer.singleShot(100, fill)
    win.choose_export()
    wait_job(qtbot, win)
    assert out.exists() and out.stat().st_size > 10_000


def test_cancel_a_running_import(qtbot, win, tmp_path):
    big = tmp_path / "big.csv"
    with open(big, "w", encoding="utf-8") as f:
        f.write("回答ID,顧客ID,ご意見をお聞かせください\n")
        for i in range(150_000):
            f.write(f"R{i},C{i % 5000},配送が遅い日もあるけれど枕はとても気持ちいいです {i}\n")
    with Project(win.project_path) as p:
        before = dump(p)
    from voc_app.gui.app import op_import

    win.run("取り込み", op_import, path=big)
    qtbot.waitUntil(lambda: win.jobbar.isVisible(), timeout=10_000)  # shown after 0.5 s
    qtbot.mouseClick(win.jobbar.cancel_button, Qt.MouseButton.LeftButton)
    wait_job(qtbot, win)
    assert "キャンセル" in win.statusBar().currentMessage()
    with Project(win.project_path) as p:
        assert dump(p) == before


def test_heavy_jobs_run_in_their_own_process(qtbot, win, tmp_path, monkeypatch):
    """Big files and big projects are imported, analysed and fitted in a separate process (the
    UI thread never waits for the GIL); the result, the refresh and errors work the same."""
    from voc_app.gui import app as gui_app

    monkeypatch.setattr(gui_app, "PROCESS_JOBS", None)
    big, small = tmp_path / "big.csv", tmp_path / "small.csv"
    big.write_bytes(b"0" * gui_app.PROCESS_MIN_BYTES)
    small.write_text("回答ID,ご意見\n1,よかった\n", encoding="utf-8")
    assert win._in_process(gui_app.op_import, {"path": big})
    assert not win._in_process(gui_app.op_import, {"path": small})  # the sample project is small
    assert not win._in_process(gui_app.op_review, {})
    monkeypatch.setattr(gui_app, "PROCESS_MIN_VERBATIMS", 10)
    assert win._in_process(gui_app.op_refit, {"side": "pain"})
    # a real refit in a separate process: its result arrives and the views reload
    job = win.run("トピックを推定", gui_app.op_refit, side="pain")
    assert job.process
    wait_job(qtbot, win, timeout=120_000)
    assert job.result["fitted"] and job.result["topics"] > 3
    with Project(win.project_path) as p:
        assert len(topic_store.topics(p.conn, "pain")) == job.result["topics"]
    win.tabs.setCurrentWidget(win.topics)
    qtbot.waitUntil(win.idle, timeout=30_000)
    assert win.topics.tables["pain"].model().rowCount() == job.result["topics"]
    # an import job in its own process that reads the file in a second one (a large survey file)
    monkeypatch.setenv("VOC_SPLIT_IMPORT", "1")
    job = win.run("取り込み", gui_app.op_import, path=FIXTURES / "google_forms.csv", process=True)
    wait_job(qtbot, win, timeout=120_000)
    assert job.result.counts["responses"] > 0 and job.result.counts["verbatims"] > 0
    with Project(win.project_path) as p:
        assert p.conn.execute("SELECT count(*) FROM verbatims WHERE batch_id = ?",
                              (job.result.batch_id,)).fetchone()[0] == job.result.counts["verbatims"]
    # an error in the child process is a message, and the project is unchanged
    with Project(win.project_path) as p:
        unchanged = dump(p)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01\x02")
    win.run("取り込み", gui_app.op_import, path=bad, process=True)
    wait_job(qtbot, win, timeout=120_000)
    box = win.findChild(QMessageBox, "job_error")
    assert box is not None and box.isVisible()
    assert "bad.csv" in box.text() and "Traceback" not in box.text()
    box.accept()
    with Project(win.project_path) as p:
        assert dump(p) == unchanged


def test_screenshots_of_every_view(qtbot, win, tmp_path):
    paths = screenshots(win, tmp_path / "shots", QApplication.instance())
    assert [p.name for p in paths] == ["1_overview.png", "2_verbatims.png", "3_topics.png", "4_customers.png",
                                       "5_coding.png", "6_analysis_rules.png", "6_analysis_crosstab.png",
                                       "6_analysis_words.png", "7_imports.png"]
    for p in paths:
        img = QImage(str(p))
        assert (img.width(), img.height()) == (1280, 800)


def test_filters_by_question_period_and_attribute(qtbot, win):
    view = win.verbatim_view
    show(qtbot, win, view)
    qtbot.waitUntil(lambda: view.question.count() > 1, timeout=30_000)
    all_n = view.model.rowCount()
    view.question.setCurrentIndex(1)
    q = view.question.currentData()
    n_q = view.model.rowCount()
    assert 0 < n_q < all_n and all(view.model.index(r, 1).data() == q for r in range(n_q))
    view.question.setCurrentIndex(0)
    view.date_from.setText("2025-03-01")
    view.date_to.setText("2025/03/31")
    qtbot.keyClick(view.date_to, Qt.Key.Key_Return)
    dates = [view.model.index(r, 3).data() for r in range(view.model.rowCount())]
    assert dates and all(d.startswith("2025-03") for d in dates)
    view.date_from.setText("いつか")
    qtbot.keyClick(view.date_from, Qt.Key.Key_Return)
    assert "日付が読めません" in view.count.text()
    view.date_from.clear()
    view.date_to.clear()
    view.attribute.setText("年代=30代")
    qtbot.keyClick(view.attribute, Qt.Key.Key_Return)
    with Project(win.project_path) as p:  # the answer's own attribute, else the customer's
        want = p.conn.execute(
            "SELECT count(*) FROM verbatims v LEFT JOIN responses r ON r.id = v.response_id"
            " LEFT JOIN customers c ON c.id = v.customer_id WHERE coalesce(json_extract(r.attributes, '$.\"年代\"'),"
            " json_extract(c.attributes, '$.\"年代\"')) = '30代'").fetchone()[0]
    assert view.model.rowCount() == want > 0


def test_large_results_arrive_in_two_steps(qtbot, win, monkeypatch):
    from voc_app.gui.models import VerbatimModel

    monkeypatch.setattr(VerbatimModel, "FIRST", 50)  # the sample is small: make "large" small too
    view = win.verbatim_view
    show(qtbot, win, view)
    shown = view.apply()
    assert shown == 50 and "+" in view.count.text()  # the first page at once, the count pending
    qtbot.waitUntil(lambda: view.model.complete, timeout=30_000)
    assert view.model.rowCount() == 217 and view.count.text() == "217 件"
    assert view.model.index(216, 7).data()  # rows past the first page are readable
    # a newer query wins over a slower older one
    view.search.setText("配送")
    view.apply()
    view.search.setText("")
    view.apply()
    qtbot.waitUntil(lambda: view.model.complete and view.model.idle(), timeout=30_000)
    assert view.model.rowCount() == 217


def _chrome(w) -> list[str]:
    """The texts a user reads on buttons, menus, tabs, boxes and table headers of a window
    (not the data: verbatims, topic labels, code names)."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLineEdit, QMenu, QTabWidget

    out = [a.text() for m in w.findChildren(QMenu) for a in m.actions() if a.text() and not a.menu()]
    out += [m.title() for m in w.findChildren(QMenu)]
    out += [b.text() for b in w.findChildren(QAbstractButton) if b.text()]
    out += [g.title() for g in w.findChildren(QGroupBox)]
    out += [t.tabText(i) for t in w.findChildren(QTabWidget) for i in range(t.count())]
    out += [e.placeholderText() for e in w.findChildren(QLineEdit) if e.placeholderText()]
    for table in (w.verbatim_view.table, w.customers.tables["ambassador"], w.topics.tables["delight"]):
        m = table.model()
        out += [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    return out


def test_english_ui_switch(qtbot, win):
    import re

    from voc_app.gui import i18n

    japanese = re.compile(r"[\u3040-\u30fa\u30fc-\u30ff\u4e00-\u9fff]")
    assert win.tabs.tabText(2) == "トピック"
    win.tabs.setCurrentIndex(2)
    try:
        win.set_language("en")
        en = win._others[-1]
        qtbot.addWidget(en)
        qtbot.waitUntil(en.idle, timeout=30_000)
        assert i18n.current() == "en" and i18n.saved_language() == "en"
        assert not win.isVisible() and en.project_path == win.project_path and en.tabs.currentIndex() == 2
        assert [en.tabs.tabText(i) for i in range(en.tabs.count())] == [
            "Overview", "Verbatims", "Topics", "Customers", "Coding", "Code analysis", "Imports"]
        for i in range(en.tabs.count()):
            show(qtbot, en, en.tabs.widget(i))
        texts = _chrome(en)
        assert len(texts) > 80
        # placeholders may quote Japanese examples (配送, 年代=30代) around English words
        bad = [t for t in texts if japanese.search(t) and t not in ("日本語", "Language / 言語")  # found in either language
               and not (re.search("[A-Za-z]{3}", t) and t in [e.placeholderText() for e in en.findChildren(QLineEdit)])]
        assert bad == []
        assert en.verbatim_view.model.data(en.verbatim_view.model.index(0, 0)) in ("Survey", "Support", "Interviews")
        assert en.findChild(QPushButton, "review_confirmed").text() == "Confirmed"
        # the data stay as written
        assert japanese.search(en.verbatim_view.model.data(en.verbatim_view.model.index(0, 7)))
        en.set_language("ja")
        ja = en._others[-1]
        qtbot.addWidget(ja)
        qtbot.waitUntil(ja.idle, timeout=30_000)
        assert ja.tabs.tabText(3) == "顧客" and ja.findChild(QPushButton, "review_confirmed").text() == "確認済み"
        assert i18n.saved_language() == "ja"
    finally:
        i18n.install(QApplication.instance(), "ja")


def test_a_project_from_an_earlier_version_is_upgraded_in_the_background(qtbot, tmp_path, monkeypatch, fixtures):
    """Pending migrations run in a thread behind a progress dialog: the UI keeps processing
    events while a long one runs, and the project then opens up to date."""
    import time

    from PySide6.QtCore import QTimer

    from voc_app.gui.app import upgrade_project
    from voc_app.importing import import_file
    from voc_app.store import db as dbmod
    from voc_app.store.db import pending_migrations
    from voc_app.store.schema import MIGRATIONS

    path = tmp_path / "old.voc"
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS[:-1])
    with Project.create(path) as p:
        import_file(p, fixtures / "excel_cp932.csv")
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS)
    assert pending_migrations(path) == [MIGRATIONS[-1][0]]
    # a slow last migration: the real one, after half a second
    name, step = MIGRATIONS[-1]

    def slow(conn):
        time.sleep(0.5)
        for stmt in step.split(";"):  # inside the migration's transaction (executescript would commit)
            if stmt.strip():
                conn.execute(stmt)

    monkeypatch.setattr(dbmod, "MIGRATIONS", [*MIGRATIONS[:-1], (name, lambda conn: slow(conn))])
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    upgrade_project(path)
    timer.stop()
    assert len(ticks) >= 10  # the event loop ran during the migration
    assert max(b - a for a, b in zip(ticks, ticks[1:], strict=False)) < 0.3
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS)
    assert pending_migrations(path) == []
    with Project(path) as p:
        assert p.conn.execute("SELECT count(*) FROM verbatims_fts WHERE verbatims_fts MATCH 'ません'").fetchone()[0] == 2
