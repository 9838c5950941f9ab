"""The desktop app driven like a user: search and filter, curate a topic and undo it, review a
customer, import through the wizard, export through the dialog, cancel a running job, and a
screenshot of every view."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtGui import QAction, QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPushButton  # noqa: E402

from tests.conftest import FIXTURES, add_window, dump  # noqa: E402
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
        # the sample's codebook (a parent with two sub-codes), its rules applied: auto-codes to review
        from voc_app.coding import apply_rules, import_codebook

        import_codebook(p, SAMPLE / "コードブック.qdc")
        apply_rules(p)
    return path


@pytest.fixture
def win(qtbot, built, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # QSettings of this test only
    path = tmp_path / "app.voc"
    shutil.copy(built, path)
    w = MainWindow(path)
    add_window(qtbot, w)
    w.show()
    qtbot.waitUntil(w.idle, timeout=30_000)
    yield w  # add_window: its job cancelled and the window idle before pytest-qt closes it


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
    merge = win.findChild(QAction, "delight_merge")
    assert merge.isEnabled()
    merge.trigger()
    wait_job(qtbot, win)
    assert model.rowCount() == n - 1 and second not in model.keys
    undo = win.findChild(QAction, "delight_undo")
    assert undo.isEnabled()  # there is an edit to undo now
    undo.trigger()
    wait_job(qtbot, win)
    assert model.rowCount() == n and second in model.keys
    assert win.findChild(QAction, "delight_redo").isEnabled()


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
    assert [p.name for p in paths] == ["1_overview.png", "2_verbatims.png", "3_topics.png", "3_topics_nps.png",
                                       "3_topics_wordcloud.png", "4_customers.png", "4_customers_all.png",
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
        add_window(qtbot, en)
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
        add_window(qtbot, ja)
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
        if callable(step):  # a migration written as a function
            step(conn)
            return
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


# --- issue 22: the defects of the user test -----------------------------------------------------

def test_recent_projects_survive_a_restart(qtbot, win, tmp_path, monkeypatch):
    """A one-item list comes back from QSettings as a plain string: it is read as one path (not
    split into characters); several paths come back as they were; a missing project is shown
    greyed out; clicking an entry opens that project."""
    from PySide6.QtCore import QSettings

    from voc_app.gui import app as gui_app

    ini = str(tmp_path / "settings.ini")

    def fresh() -> QSettings:  # what the next start reads
        return QSettings(ini, QSettings.Format.IniFormat)

    s = fresh()
    gui_app.write_recent(s, ["/projects/一つ目.voc"])
    s.sync()
    del s
    assert gui_app.read_recent(fresh()) == ["/projects/一つ目.voc"]
    several = ["/projects/a.voc", "/projects/b, c.voc", "/projects/ｄ.voc"]
    s = fresh()
    gui_app.write_recent(s, several)
    s.sync()
    del s
    assert gui_app.read_recent(fresh()) == several
    s = fresh()
    s.setValue("recent", "/projects/old.voc")  # what an older version left: a plain string
    assert gui_app.read_recent(s) == ["/projects/old.voc"]
    s.setValue("recent", ["/projects/new.voc", *list("/project")])  # ... or the characters the old bug wrote back
    assert gui_app.read_recent(s) == ["/projects/new.voc"]
    # the menu of a window started with: another project that exists, one that is gone
    other = tmp_path / "other.voc"
    shutil.copy(win.project_path, other)
    gone = tmp_path / "gone.voc"
    s = fresh()
    gui_app.write_recent(s, [str(other), str(gone)])
    s.sync()
    monkeypatch.setattr(gui_app, "app_settings", fresh)
    w = MainWindow(win.project_path)
    add_window(qtbot, w)
    qtbot.waitUntil(w.idle, timeout=30_000)
    entries = {a.data(): a for a in w.recent_menu.actions() if a.objectName() == "recent_project"}
    assert list(entries) == [str(win.project_path), str(other), str(gone)]
    assert gui_app.read_recent(fresh()) == [str(win.project_path), str(other), str(gone)]
    assert entries[str(other)].isEnabled() and not entries[str(gone)].isEnabled()
    assert "見つかりません" in entries[str(gone)].text()
    entries[str(other)].trigger()
    opened = w._others[-1]
    add_window(qtbot, opened)
    qtbot.waitUntil(opened.idle, timeout=30_000)
    assert opened.project_path == other and opened.tabs.count() == 7


def test_the_window_fits_a_small_screen(qtbot, win, monkeypatch):
    """On a 1024×700 screen the first window opens inside the available area, a saved geometry
    that does not fit is not restored, and no view needs more than 1024×700 in either language."""
    from PySide6.QtCore import QRect

    from voc_app.gui import app as gui_app
    from voc_app.gui import i18n

    small = QRect(0, 0, 1024, 700)
    monkeypatch.setattr(gui_app, "available_geometry", lambda _w: small)
    win.resize(1280, 800)
    big = win.saveGeometry()  # saved on a large screen: does not fit 1024×700
    try:
        for lang in ("ja", "en"):
            i18n.install(QApplication.instance(), lang)
            w = MainWindow(win.project_path)
            add_window(qtbot, w)
            w.settings.setValue("geometry", big)
            w._place()
            w.show()
            qtbot.waitUntil(w.idle, timeout=30_000)
            for i in range(w.tabs.count()):
                show(qtbot, w, w.tabs.widget(i))
            hint = w.minimumSizeHint()
            assert hint.width() <= 1024 and hint.height() <= 700, (lang, hint)
            assert small.contains(w.frameGeometry()), (lang, w.frameGeometry())
            w.close()
    finally:
        i18n.install(QApplication.instance(), "ja")


def test_an_empty_project_invites_an_import(qtbot, tmp_path):
    """No blank charts: the overview of an empty project shows a drop zone, 「ファイルを取り込む」
    and 「サンプルを開く」; dropping a file on it opens the import wizard."""
    import pyqtgraph as pg
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    from voc_app.gui.dialogs import ImportWizard
    from voc_app.project import create_project

    path = tmp_path / "empty.voc"
    create_project(path).close()
    w = MainWindow(path)
    add_window(qtbot, w)
    w.show()
    qtbot.waitUntil(w.idle, timeout=30_000)
    empty = w.overview.empty
    assert w.overview.is_empty() and empty.isVisible()
    assert not [c for c in w.overview.findChildren(pg.PlotWidget) if c.isVisible()]
    assert empty.findChild(QPushButton, "empty_import").text() == "ファイルを取り込む"
    assert "サンプルを開く" in empty.findChild(QLabel, "empty_sample").text()
    seen = []

    def wizard():
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, ImportWizard):
            QTimer.singleShot(100, wizard)
            return
        seen.append(dlg.path.name)
        dlg.reject()

    QTimer.singleShot(100, wizard)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(FIXTURES / "excel_cp932.csv"))])
    zone = empty.zone
    event = QDropEvent(QPoint(10, 10).toPointF(), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    zone.dropEvent(event)
    qtbot.waitUntil(lambda: seen == ["excel_cp932.csv"], timeout=60_000)
    wait_job(qtbot, w)


def test_one_colour_scheme_for_every_chart():
    from voc_app.gui import colors

    green, grey, red, orange = colors.GREEN, colors.GREY, colors.RED, colors.ORANGE
    assert [colors.nps_group(s) for s in (0, 6, 7, 8, 9, 10)] == ["detractor", "detractor", "passive", "passive",
                                                                  "promoter", "promoter"]
    assert colors.nps_colors(range(11)) == [red] * 7 + [grey] * 2 + [green] * 2
    assert colors.color_of("ambassador") == colors.color_of("promoter") == colors.color_of("delight") == green
    assert colors.color_of("at_risk") == colors.color_of("detractor") == colors.color_of("pain") == red
    assert colors.color_of("watch") == orange and colors.color_of("passive") == grey
    assert colors.color_of("loyal") not in (red, orange)


def test_the_overview_charts_use_the_scheme(qtbot, win):
    import pyqtgraph as pg

    from voc_app.gui import colors

    charts = {c.objectName(): c for c in win.overview.findChildren(pg.PlotWidget)}
    nps = [i for i in charts["chart_nps"].getPlotItem().items if isinstance(i, pg.BarGraphItem)][0]
    assert [pg.mkBrush(b).color().name().upper() for b in nps.opts["brushes"]] == [
        c.upper() for c in colors.nps_colors(range(11))]
    seg = [i for i in charts["chart_segments"].getPlotItem().items if isinstance(i, pg.BarGraphItem)][0]
    ticks = dict(charts["chart_segments"].getAxis("bottom")._tickLevels[0])
    brushes = {ticks[x]: pg.mkBrush(b).color().name().upper()
               for x, b in zip(range(len(ticks)), seg.opts["brushes"], strict=True)}
    assert brushes["解約リスク"] == colors.RED.upper() and brushes["アンバサダー"] == colors.GREEN.upper()


def _internal_codes() -> set[str]:
    """The codes the project stores (the store's CHECK constraints), the analysis' churn,
    advocacy and stage types, the importers' skip reasons and format names."""
    import inspect
    import re

    from importers.detect import FORMATS
    from nlp.journey import STAGES
    from nlp.signals import ADVOCACY_PRIORITY, CHURN_PRIORITY
    from voc_app.store import schema

    codes: set[str] = set()
    for m in re.finditer(r"CHECK \(\w+ IN \(([^)]*)\)\)", inspect.getsource(schema)):
        codes |= set(re.findall(r"'(\w+)'", m.group(1)))
    codes |= {*CHURN_PRIORITY, *ADVOCACY_PRIORITY, *STAGES, *FORMATS}
    root = Path(__file__).resolve().parent.parent
    for f in [*(root / "importers").glob("*.py"), root / "voc_app" / "store" / "imports.py"]:
        codes |= set(re.findall(r'skip\w*\["(\w+)"\]', f.read_text(encoding="utf-8")))
    codes |= {"watch", "promoter", "passive", "detractor"}
    # a customer's journey headline ('churn' = 解約検討) and the points behind a score
    from nlp.scoring import CUSTOMER_STAGES, CustomerFacts, score_customer

    codes |= set(CUSTOMER_STAGES)
    codes |= {"model", "project", "person"}  # who decided a verbatim's labels (analyses.label_source)
    codes |= {k for points in score_customer(CustomerFacts("x"), []).factors.values() for k in points}
    return codes


def _visible_texts(w) -> list[tuple[str, str]]:
    """(where, text) of everything a user reads in a window: labels, buttons, tabs, boxes, combo
    items, table / tree cells and headers, text panes, chart titles and axis labels, network
    labels. The rule editor's syntax help (pain / delight / churn are its keywords) is left out."""
    import html as h
    import re

    import pyqtgraph as pg
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QTabWidget,
        QTextEdit,
        QTreeWidget,
    )

    from voc_app.gui.network import NetworkView

    def count(m, rows: bool) -> int:  # Python models take no argument, some of Qt's own require one
        for args in ((), (QModelIndex(),)):
            try:
                return m.rowCount(*args) if rows else m.columnCount(*args)
            except TypeError:
                continue
        return 0

    def plain(t: str) -> str:
        return h.unescape(re.sub(r"<[^>]+>", " ", t or ""))

    skip = {"rule", "rule_help"}
    out = []
    for lab in w.findChildren(QLabel):
        if lab.isVisibleTo(w) and lab.objectName() not in skip:
            out.append(("label", plain(lab.text())))
    out += [("button", b.text()) for b in w.findChildren(QAbstractButton) if b.text()]
    out += [("box", g.title()) for g in w.findChildren(QGroupBox)]
    out += [("tab", t.tabText(i)) for t in w.findChildren(QTabWidget) for i in range(t.count())]
    out += [("combo", c.itemText(i)) for c in w.findChildren(QComboBox) for i in range(c.count())]
    out += [("text", e.toPlainText()) for e in w.findChildren(QTextEdit)]
    for view in w.findChildren(QAbstractItemView):
        m = view.model()
        if m is None:
            continue
        for o in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
            n = count(m, o == Qt.Orientation.Vertical)
            out += [("header", str(m.headerData(i, o) or "")) for i in range(min(n, 300))]
        if isinstance(view, QTreeWidget):
            items = [view.topLevelItem(i) for i in range(view.topLevelItemCount())]
            while items:
                it = items.pop()
                out += [("tree", it.text(c)) for c in range(it.columnCount())]
                items += [it.child(i) for i in range(it.childCount())]
            continue
        for r in range(min(count(m, True), 300)):
            out += [("cell", str(m.index(r, c).data() or "")) for c in range(count(m, False))]
    for chart in w.findChildren(pg.PlotWidget):
        item = chart.getPlotItem()
        out.append(("chart", plain(item.titleLabel.text)))
        for side in ("bottom", "left"):
            for level in item.getAxis(side)._tickLevels or []:
                out += [("axis", str(t)) for _v, t in level]
    for net in w.findChildren(NetworkView):
        out += [("network", t.text()) for t in net.labels]
    return out


def _codes_in(texts, codes) -> list[tuple[str, str, str]]:
    import re

    pattern = re.compile(r"(?<![A-Za-z0-9_])(" + "|".join(sorted(map(re.escape, codes), key=len, reverse=True))
                         + r")(?![A-Za-z0-9_])")
    return [(where, m.group(1), text[:80]) for where, text in texts for m in [pattern.search(text)] if m]


def test_no_internal_code_reaches_a_widget(qtbot, win):
    """Every view of the sample project, driven to show its details (a topic, a customer, many
    verbatims with their evidence, every cross-tab dimension, word groups, the network, the
    import wizard with skipped rows): no stored code (pain, at_risk, how_to_cancel,
    empty_answer …) is shown as it is."""
    from voc_app.gui.dialogs import ImportWizard
    from voc_app.importing import dry_run
    from voc_app.project import open_project

    codes = _internal_codes()
    assert {"pain", "at_risk", "how_to_cancel", "explicit", "recommended", "first_experience", "empty_answer",
            "excel_csv", "pending"} <= codes
    texts = []
    for i in range(win.tabs.count()):
        show(qtbot, win, win.tabs.widget(i))
        texts += _visible_texts(win)
    # topics: each side's first topic
    show(qtbot, win, win.topics)
    for side in ("delight", "pain"):
        win.topics.tables[side].selectRow(0)
        texts += _visible_texts(win)
    # topics: what drives NPS (every cell and tooltip) and the word clouds' captions
    for page in (1, 2):
        win.topics.pages.setCurrentIndex(page)
        qtbot.waitUntil(win.idle, timeout=60_000)
        texts += _visible_texts(win.topics)
    for panel in win.topics.drivers.panels.values():
        m = panel.model
        texts += [("tooltip", str(m.index(r, 0).data(Qt.ItemDataRole.ToolTipRole))) for r in range(m.rowCount())]
    win.topics.pages.setCurrentIndex(0)
    # customers: the three lists, their first customer, and a customer to watch
    show(qtbot, win, win.customers)
    for k, kind in enumerate(("ambassador", "churn", "all")):
        win.customers.kind_tabs.setCurrentIndex(k)
        win.customers.tables[kind].selectRow(0)
        texts.append(("customer", win.customers.detail.toPlainText()))
        m = win.customers.models[kind]
        texts += [("tooltip", str(m.index(r, c).data(Qt.ItemDataRole.ToolTipRole) or ""))
                  for r in range(m.rowCount()) for c in range(m.columnCount())]
    watch = next(i for i, r in enumerate(win.customers.rows["all"]) if r["segment"] == "watch")
    win.customers.tables["all"].selectRow(watch)
    texts.append(("customer", win.customers.detail.toPlainText()))
    # verbatims with churn and advocacy evidence: their detail
    view = win.verbatim_view
    show(qtbot, win, view)
    for signal in ("churn", "advocacy"):
        box = view.filters["signal"]
        box.setCurrentIndex(box.findData(signal))
        qtbot.waitUntil(lambda: view.model.complete, timeout=30_000)
        for r in range(min(view.model.rowCount(), 25)):
            view.table.selectRow(r)
            texts.append(("detail", view.detail.toPlainText()))
    # 確認待ち (issue 21): the queue, every answer's detail and the project model's box
    view.modes.setCurrentWidget(win.queue_view)
    qtbot.waitUntil(lambda: win.idle() and win.queue_view.model.rowCount() > 0, timeout=60_000)
    texts += _visible_texts(win.queue_view)
    for r in range(win.queue_view.model.rowCount()):
        win.queue_view.table.selectRow(r)
        texts.append(("queue", win.queue_view.detail.toPlainText()))
    view.modes.setCurrentIndex(0)
    # coding: a parent code and an auto-coded answer
    show(qtbot, win, win.coding)
    win.coding.show_filter.setCurrentIndex(win.coding.show_filter.findData("pending"))
    qtbot.waitUntil(win.coding.idle, timeout=30_000)
    texts += _visible_texts(win.coding)
    # code analysis: every cross-tab dimension, word groups, the network
    show(qtbot, win, win.analysis)
    a = win.analysis
    for i in range(a.by.count()):
        a.by.setCurrentIndex(i)
        a.findChild(QPushButton, "crosstab_run").click()
        wait_job(qtbot, win)
        texts += [t for t in _visible_texts(a) if t[0] in ("header", "cell")]
    for i in range(a.freq_by.count()):
        a.freq_by.setCurrentIndex(i)
        a.findChild(QPushButton, "words_freq").click()
        wait_job(qtbot, win)
        texts += [t for t in _visible_texts(a) if t[0] in ("header", "cell")]
    a.findChild(QPushButton, "words_network").click()
    wait_job(qtbot, win)
    texts += _visible_texts(a)
    # the import wizard of a file with empty answers, blank rows and a duplicate
    with open_project(win.project_path) as p:
        report = dry_run(p, None, FIXTURES / "excel_cp932.csv")
    assert report.skipped.get("empty_answer")
    wiz = ImportWizard(win, FIXTURES / "excel_cp932.csv", report)
    wiz.show()
    texts += _visible_texts(wiz)
    assert "空欄の回答" in wiz.messages.toPlainText()
    wiz.reject()
    assert len(texts) > 2000
    assert _codes_in(texts, codes) == []


def test_export_dialog_checks_dates_and_writes_nothing_for_no_match(qtbot, win, tmp_path):
    """「4月1日」 is not a date (an inline message, OK disabled, nothing written); a period
    without verbatims is counted first and reported, and no file is made."""
    from voc_app.gui.app import op_export_count
    from voc_app.gui.dialogs import ExportDialog
    from voc_app.gui.jobs import Job

    out = tmp_path / "報告.xlsx"
    dlg = ExportDialog(win, tmp_path, count=lambda flt: Job("count", win.project_path, op_export_count, flt=flt))
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.path.setText(str(out))
    qtbot.waitUntil(lambda: not dlg.counting(), timeout=30_000)
    assert dlg.matches == 217 and "217" in dlg.message.text()
    dlg.date_from.setText("4月1日")
    assert not dlg.ok.isEnabled() and "YYYY-MM-DD" in dlg.message.text() and "4月1日" in dlg.message.text()
    dlg.accept()
    assert dlg.isVisible() and dlg.result() == 0
    dlg.date_from.setText("2025-06-01")
    dlg.date_to.setText("2025-04-01")
    assert not dlg.ok.isEnabled() and "後" in dlg.message.text()
    dlg.date_from.setText("2030-01-01")
    dlg.date_to.setText("2030-12-31")
    dlg.accept()  # counted first: nothing matches, so the dialog stays and says so
    qtbot.waitUntil(lambda: not dlg.counting(), timeout=30_000)
    assert dlg.matches == 0 and dlg.isVisible() and not dlg.ok.isEnabled()
    assert "ありません" in dlg.message.text()
    assert not out.exists()
    dlg.date_from.setText("2025-03-01")
    dlg.date_to.setText("2025-03-31")
    dlg.accept()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=30_000)
    assert dlg.result() == 1 and dlg.matches > 0
    assert dlg.values()["flt"].date_from == "2025-03-01"
    # the export job refuses a filter that selects nothing (the project may change after the count)
    from voc_app.export.excel import Filter
    from voc_app.gui.app import op_export

    win.run("書き出し", op_export, out=str(out), flt=Filter("2030-01-01", "2030-12-31"), mask_pii=False)
    wait_job(qtbot, win)
    assert not out.exists() and "何も書き出していません" in win.statusBar().currentMessage()
    box = win.findChild(QMessageBox, "job_error")
    if box is not None:
        box.accept()


def test_import_wizard_columns_are_readable(qtbot, win):
    """Long question headers are elided with the full text on hover, columns resize, and the
    skipped rows are named in words."""
    from PySide6.QtWidgets import QHeaderView

    from voc_app.gui.dialogs import ImportWizard
    from voc_app.importing import dry_run
    from voc_app.project import open_project

    with open_project(win.project_path) as p:
        report = dry_run(p, None, FIXTURES / "excel_cp932.csv")
    wiz = ImportWizard(win, FIXTURES / "excel_cp932.csv", report)
    qtbot.addWidget(wiz)
    wiz.show()
    t = wiz.table
    head = t.horizontalHeader()
    question = next(j for j in range(t.columnCount()) if "嬉しかった" in t.horizontalHeaderItem(j).text())
    item = t.horizontalHeaderItem(question)
    assert "買ってみて一番嬉しかったのはどんな時でしたか" in item.toolTip()  # the full text on hover
    assert head.sectionResizeMode(question) == QHeaderView.ResizeMode.Interactive
    assert head.textElideMode() == Qt.TextElideMode.ElideRight
    assert 110 <= t.columnWidth(question) <= 240
    assert all(t.item(1, j).toolTip() for j in range(t.columnCount()))  # why each role was chosen
    text = wiz.messages.toPlainText()
    assert "空欄の回答 2" in text and "empty_answer" not in text
    wiz.reject()


def test_qt_dialogs_speak_japanese(qtbot):
    """Qt's own file dialog in the Japanese UI: qtbase_ja plus what it lacks."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog

    from voc_app.gui import i18n

    i18n.install(QApplication.instance(), "ja")
    assert any((d / "qtbase_ja.qm").exists() for d in i18n.qt_translations_dirs())
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "場所(&L):"
    assert QCoreApplication.translate("QFileDialog", "Back") == "戻る"  # from qtbase_ja
    fd = QFileDialog(None, "開く", str(FIXTURES))
    fd.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(fd)
    fd.show()
    labels = [lab.text() for lab in fd.findChildren(QLabel) if lab.text()]
    assert labels and all(not lab.replace("&", "").isascii() for lab in labels), labels
    buttons = [b.text() for b in fd.findChildren(QPushButton) if b.text()]
    assert buttons and all(not b.isascii() for b in buttons), buttons
    fd.reject()


def test_coding_text_column_is_wide_at_1024(qtbot, win):
    show(qtbot, win, win.coding)
    win.resize(1024, 700)
    for _ in range(5):
        QApplication.processEvents()
    table = win.coding.list
    assert table.viewport().width() >= 0.25 * 1024
    assert table.columnWidth(7) >= 0.4 * table.viewport().width()
    assert table.columnWidth(7) >= 0.85 * (table.viewport().width() - table.columnWidth(4))


def test_a_parent_code_counts_its_children(qtbot, win):
    """配送・梱包 has no codings of its own; its count is that of its sub-codes (distinct verbatims)."""
    from voc_app.coding import codebook
    from voc_app.project import open_project

    with open_project(win.project_path) as p:
        book = codebook(p)
        parent = next(c for c in book if c["has_children"])
        kids = [c for c in book if c["parent_id"] == parent["id"]]
        ids = set()
        for c in kids:
            ids |= {r[0] for r in p.conn.execute("SELECT verbatim_id FROM codings WHERE code_id = ? AND state != 'rejected'",
                                                   (c["id"],))}
    assert kids and parent["total"] == len(ids) > parent["count"]
    assert all(c["total"] == c["count"] for c in kids)
    with open_project(win.project_path) as p:  # the cross-tab's parent row too
        from voc_app.coding import crosstab

        ct = crosstab(p, "polarity")
    assert sum(ct.counts[[c["id"] for c in ct.codes].index(parent["id"])]) == len(ids)
    show(qtbot, win, win.coding)
    tree = win.coding.tree
    item = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == parent["id"])
    assert item.text(1) == f"{len(ids):,}（子を含む）"
    assert item.child(0).text(1) == f"{kids[0]['count']:,}"


def test_topic_actions_follow_the_selection(qtbot, win):
    """The topic maps' edits are actions with icons and tooltips (toolbar and context menu),
    enabled only when they can act; 「コードにする」 says what it does."""
    from PySide6.QtWidgets import QToolBar

    show(qtbot, win, win.topics)
    names = ("rename", "merge", "split", "move", "delete", "undo", "redo", "refit", "rare", "code")
    for side in ("delight", "pain"):
        acts = {n: win.findChild(QAction, f"{side}_{n}") for n in names}
        assert all(a is not None and not a.icon().isNull() and a.toolTip() for a in acts.values())
        bar = win.findChild(QToolBar, f"{side}_toolbar")
        assert set(bar.actions()) >= set(acts.values())
        assert acts["code"].text() == "コードにする" and "コード" in acts["code"].toolTip() and "回答" in acts["code"].toolTip()
        table = win.topics.tables[side]
        table.clearSelection()
        assert not any(acts[n].isEnabled() for n in ("rename", "merge", "split", "move", "delete", "code"))
        assert acts["refit"].isEnabled() and not acts["undo"].isEnabled() and not acts["redo"].isEnabled()
        table.selectRow(0)
        assert all(acts[n].isEnabled() for n in ("rename", "split", "move", "delete", "code"))
        assert not acts["merge"].isEnabled()
        table.selectionModel().select(table.model().index(1, 0), table.selectionModel().SelectionFlag.Select
                                      | table.selectionModel().SelectionFlag.Rows)
        assert acts["merge"].isEnabled() and not acts["rename"].isEnabled()
    # the context menu holds the same actions
    win.topics._menu("pain", win.topics.tables["pain"].rect().center())
    menu = win.topics._context_menu
    assert win.findChild(QAction, "pain_merge") in menu.actions()
    menu.close()
    # 「コードにする」 makes a code whose answers are pending auto-codes
    table = win.topics.tables["pain"]
    table.selectRow(0)
    label = win.topics.models["pain"].rows[0][1]
    win.findChild(QAction, "pain_code").trigger()
    wait_job(qtbot, win)
    assert win.tabs.currentWidget() is win.coding
    qtbot.waitUntil(lambda: any(c["name"] == label for c in win.coding.book), timeout=30_000)


def test_network_labels_do_not_overlap(qtbot, win):
    show(qtbot, win, win.analysis)
    a = win.analysis
    a.tabs.setCurrentIndex(3)
    for top in (40, 80):
        a.top_nodes.setValue(top)
        a.findChild(QPushButton, "words_network").click()
        wait_job(qtbot, win)
        rects = a.network.label_rects()
        assert 5 <= len(rects) <= top
        overlaps = [(i, j) for i in range(len(rects)) for j in range(i + 1, len(rects)) if rects[i].intersects(rects[j])]
        assert overlaps == []
    # the topics' intertopic map too
    show(qtbot, win, win.topics)
    for side in ("delight", "pain"):
        win.topics.tables[side].selectRow(0)
        rects = win.topics.map.label_rects()
        assert len(rects) == win.topics.models[side].rowCount() >= 3
        assert not [(i, j) for i in range(len(rects)) for j in range(i + 1, len(rects)) if rects[i].intersects(rects[j])]


def test_evidence_is_shown_as_whole_words(qtbot, win):
    """「…清潔なのが嬉しい」: the model's evidence ends inside 嬉しい (「嬉し」); the detail shows
    and highlights the whole word, and 「替えの」 is read on to the noun it describes."""
    import json

    from voc_app.analysis import evidence_words

    text = "らくらく定期便で毎月替えのカバーが届くので、いつも清潔なのが嬉しい"
    raw = [{"kind": "polarity", "label": "pos/praise", "start": 30, "end": 32, "text": "嬉し"},
           {"kind": "stage", "label": "stage/success", "start": 10, "end": 13, "text": "替えの"},
           {"kind": "polarity", "label": "model/delight", "start": 17, "end": 19, "text": "届く"}]
    got = {e["text"] for e in evidence_words(text, raw)}
    assert "嬉しい" in got and "替えのカバー" in got and "嬉し" not in got and "替えの" not in got
    view = win.verbatim_view
    show(qtbot, win, view)
    view.search.setText("清潔なのが嬉しい")
    view.apply()
    qtbot.waitUntil(lambda: view.model.complete and view.model.rowCount() > 0, timeout=30_000)
    row = next(r for r in range(view.model.rowCount()) if any(
        e["text"] == "嬉し" for e in view.model.evidence(r)))  # stored: ends mid-word
    view.table.selectRow(row)
    shown = view.detail.toPlainText()
    assert "嬉しい" in shown.split("根拠")[-1] and "嬉し、" not in shown and "嬉し " not in shown
    assert "嬉しい</span>" in view.detail.toHtml().replace("\n", "")
    stored = json.dumps(view.model.evidence(row), ensure_ascii=False)
    assert "嬉し\"" in stored  # the project is unchanged: widening is for display


# --- issue 22: what drives NPS, word clouds, topic labels, customers ------------------------------

def test_what_drives_nps_lists_the_top_pain_topic_first(qtbot, win):
    """The topics tab's 「NPS への影響」 shows nps_drivers' tables in its order (the top pain topic
    first), significant rows in bold, 件数不足 rows greyed; the overview's card its top 3."""
    from PySide6.QtGui import QColor

    from voc_app.drivers import format_ci, format_diff, nps_drivers
    from voc_app.gui.drivers_view import DRIVER_ROLE, TOO_FEW_COLOUR
    from voc_app.project import open_project

    with open_project(win.project_path) as p:
        report = nps_drivers(p)
    top = report.fix_first[0]
    assert report.fix_first and report.protect and report.table("pain").too_few
    # the overview card: the top 3 of each list, with the difference (and its interval in the tooltip)
    qtbot.waitUntil(lambda: win.overview.drivers_card is not None and win.overview.drivers_card.isVisible(),
                    timeout=10_000)  # a widget added to a shown layout is shown by a queued call
    card = win.overview.drivers_card
    assert not card.message.isVisible()
    m = card.models["pain"]
    assert m.rowCount() == min(3, len(report.fix_first))
    assert m.index(0, 0).data() == top.label and m.index(0, 1).data() == format_diff(top.impact)
    assert format_ci(top.ci_low, top.ci_high) in m.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert [card.models["delight"].index(r, 0).data() for r in range(card.models["delight"].rowCount())] == [
        d.label for d in report.protect[:3]]
    # the topics tab: the full ranked table per side
    show(qtbot, win, win.topics)
    win.topics.pages.setCurrentIndex(1)
    panel = win.topics.drivers.panels["pain"]
    assert panel.table.isVisible() and not panel.message.isVisible()
    m = panel.model
    rows = [m.index(r, 0).data(DRIVER_ROLE) for r in range(m.rowCount())]
    assert rows[0].topic_id == top.topic_id and m.index(0, 1).data() == top.label and m.index(0, 0).data() == "1"
    assert [d.topic_id for d in rows] == [d.topic_id for d in (*report.table("pain").ranked,
                                                              *report.table("pain").too_few)]
    impact = m.column("impact")
    for r, d in enumerate(rows):
        font = m.index(r, 1).data(Qt.ItemDataRole.FontRole)
        assert (font is not None and font.bold()) == d.significant
        if not d.enough:
            assert m.index(r, impact).data() == "件数不足" and m.index(r, m.column("with")).data() == ""
            assert m.index(r, 1).data(Qt.ItemDataRole.ForegroundRole) == QColor(TOO_FEW_COLOUR)
        else:
            assert m.index(r, impact).data() == format_diff(d.impact)
    assert any(d.significant for t in report.tables for d in t.ranked)  # the sample has one to mark
    # a double-click lists the topic's verbatims
    panel.table.doubleClicked.emit(m.index(0, 1))
    assert win.tabs.currentWidget() is win.verbatim_view and top.label in win.statusBar().currentMessage()


def test_a_project_without_nps_explains_instead_of_a_table(qtbot, tmp_path, monkeypatch, fixtures):
    """Support tickets only (no NPS): one line saying why, in the overview and the topics tab."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = tmp_path / "tickets.voc"
    with Project.create(path) as p:
        import_file(p, fixtures / "zendesk.jsonl")
        analyze_project(p, workers=1)
    w = MainWindow(path)
    add_window(qtbot, w)
    w.show()
    qtbot.waitUntil(w.idle, timeout=30_000)
    qtbot.waitUntil(lambda: w.overview.drivers_card is not None and w.overview.drivers_card.isVisible(), timeout=10_000)
    card = w.overview.drivers_card  # a widget added to a shown layout is shown by a queued call
    assert card.message.isVisible() and "NPS の点数がある回答がありません" in card.message.text()
    assert not any(t.isVisible() for t in card.tables.values())
    show(qtbot, w, w.topics)
    w.topics.pages.setCurrentIndex(1)
    page = w.topics.drivers
    assert page.message.isVisible() and "NPS の点数がある回答がありません" in page.message.text()
    assert not page.tables.isVisible() and not any(p.table.isVisible() for p in page.panels.values())


def test_word_clouds_are_drawn_in_a_background_job(qtbot, win, monkeypatch):
    import threading

    from voc_app.gui import wordcloud_view

    threads = []
    draw = wordcloud_view.op_wordclouds

    def recorded(project, progress, **kw):
        threads.append(threading.get_ident())
        return draw(project, progress, **kw)

    monkeypatch.setattr(wordcloud_view, "op_wordclouds", recorded)
    show(qtbot, win, win.topics)
    clouds = win.topics.clouds
    win.topics.pages.setCurrentIndex(2)
    qtbot.waitUntil(lambda: win.idle() and clouds.drawn_at is not None, timeout=60_000)
    assert threads and threading.get_ident() not in threads  # drawn off the UI thread
    for side in ("delight", "pain"):
        pm = clouds.pixmaps[side]
        assert pm is not None and pm.width() > 0 and pm.height() > 0
        shown = clouds.labels[side].pixmap()
        assert not shown.isNull() and shown.width() <= clouds.labels[side].width()
        assert "よく使われる語" in clouds.captions[side].text()
    # a much larger view: scaled at once, drawn again at the new size shortly after
    before = clouds.drawn_at
    win.resize(win.width() + 300, win.height() + 200)
    qtbot.waitUntil(lambda: win.idle() and clouds.drawn_at != before, timeout=60_000)
    assert clouds.drawn_at.width() > before.width() and len(threads) == 2


def test_a_mixed_topic_shows_its_flag_and_offers_the_split(qtbot, win, monkeypatch):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QStyleOptionViewItem

    from voc_app.gui.topic_widgets import FLAG_COLOUR, KEYWORDS_ROLE, MIXED_ROLE

    show(qtbot, win, win.topics)
    found = [(side, r, t) for side in ("delight", "pain") for r, t in enumerate(win.topics.data[side]["topics"])
             if t["mixed"]]
    assert found  # the sample's 「SNSに載せる」 mixes word of mouth with a referral code
    side, row, topic = found[0]
    table, model = win.topics.tables[side], win.topics.models[side]
    index = model.index(row, 1)
    assert index.data() == topic["label"] and index.data(MIXED_ROLE)
    assert index.data(KEYWORDS_ROLE) == "・".join(topic["keywords"])
    assert "2 つの話題が混ざっているようです。分割できます" in index.data(Qt.ItemDataRole.ToolTipRole)
    plain = next(r for r, t in enumerate(win.topics.data[side]["topics"]) if not t["mixed"])
    assert "混ざって" not in model.index(plain, 1).data(Qt.ItemDataRole.ToolTipRole)
    # the flag is drawn: its box holds the flag colour
    table.scrollTo(index)
    opt = QStyleOptionViewItem()
    opt.rect, opt.font = table.visualRect(index), table.font()
    rect = win.topics.delegates[side].flag_rect(opt)
    image = table.viewport().grab().toImage()
    colour = QColor(FLAG_COLOUR)
    hits = sum(image.pixelColor(x, y) == colour for x in range(rect.left(), rect.right())
               for y in range(rect.top(), rect.bottom()))
    assert hits > rect.width() * rect.height() * 0.15  # the rest: the word 混在 and anti-aliased edges
    off = table.visualRect(model.index(plain, 1))
    assert not any(image.pixelColor(x, off.center().y()) == colour for x in range(off.left(), off.right()))
    # clicking it offers the split (the existing edit, undoable)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    before = list(model.keys)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert asked and topic["label"] in asked[0]
    wait_job(qtbot, win)
    assert model.rowCount() == len(before) + 1 and len(set(model.keys) - set(before)) == 1  # split in two


def test_a_churn_risk_shows_its_stage_in_words(qtbot, win):
    """Churn risks: 解約検討 (with where the signal occurred), NPS, the points behind the score; every
    customer's segment (要注意 with its reason on hover); no internal code anywhere."""
    from voc_app.gui.views import format_yen
    from voc_app.project import open_project
    from voc_app.review import flagged_lists

    with open_project(win.project_path) as p:
        churn = flagged_lists(p)["churn"]
    show(qtbot, win, win.customers)
    view = win.customers
    view.kind_tabs.setCurrentIndex(1)
    m = view.models["churn"]
    stages = [m.index(r, 3).data() for r in range(m.rowCount())]
    assert stages and all(s.startswith("解約検討") for s in stages)
    where = {"success": "解約検討（活用期に）", "first_experience": "解約検討（購入直後に）"}
    for r, row in enumerate(churn):
        assert stages[r] == where.get(row["churn_stage"], "解約検討")
    assert "解約検討（活用期に）" in stages
    assert [m.index(r, 4).data() for r in range(m.rowCount())] == [str(r["nps"]) if r["nps"] is not None else ""
                                                                  for r in churn]
    assert view.tables["churn"].isColumnHidden(5)  # no order data in the sample: no revenue at risk
    view.tables["churn"].selectRow(0)
    detail = view.detail.toPlainText()
    assert "解約検討" in detail and "解約スコアを動かした要因" in detail and "解約をほのめかす声" in detail
    assert format_yen(12000.0) == "12,000 円" and format_yen(None) == ""
    # every customer: segments in words, why on hover, review only for a flag
    view.kind_tabs.setCurrentIndex(2)
    m = view.models["all"]
    segs = {m.index(r, 1).data() for r in range(m.rowCount())}
    assert {"要注意", "解約リスク", "ロイヤル"} <= segs
    watch = next(r for r in range(m.rowCount()) if m.index(r, 1).data() == "要注意")
    reason = view.rows["all"][watch]["segment_reason"]
    assert reason and reason in m.index(watch, 1).data(Qt.ItemDataRole.ToolTipRole)
    view.tables["all"].selectRow(watch)
    assert "要注意" in view.detail.toPlainText() and reason in view.detail.toPlainText()
    assert not win.findChild(QPushButton, "review_confirmed").isEnabled()
    texts = _visible_texts(view) + [("customer", view.detail.toPlainText())]
    assert _codes_in(texts, _internal_codes()) == []
