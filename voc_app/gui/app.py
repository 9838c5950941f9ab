"""``voc-app [PROJECT]`` — the desktop app.

Views: 概要 (overview), 発言 (verbatims: search, filters, evidence, KWIC), トピック (delight and
pain maps, curation with undo), 顧客 (ambassador candidates and churn risks, timeline, review),
コーディング (codebook, span coding per coder, memos, undo / redo), コード分析 (auto-coding rules,
agreement, cross-tab, words), 取り込み (batches, import wizard). Heavy work runs in background jobs (``gui/jobs.py``).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox, QPushButton, QTabWidget

from voc_app.gui import i18n, queue_view, team
from voc_app.gui.code_analysis import CodeAnalysisView
from voc_app.gui.coding_view import CodingView
from voc_app.gui.fonts import register_bundled_fonts
from voc_app.gui.jobs import Job, JobBar
from voc_app.gui.views import CustomersView, ImportsView, OverviewView, TopicsView, VerbatimsView

TABS = ("overview", "verbatims", "topics", "customers", "coding", "analysis", "imports")
# Heavy jobs (import, analysis, topic fit, export, 学習する) on a big project or file run in their own
# process: Python code and long C calls (reading a million rows) hold the GIL, and in a thread
# they would stall the UI for up to ~0.4 s at 1M verbatims. A process costs ~2 s to start, so
# small projects keep the thread. VOC_PROCESS_JOBS=1 / 0 forces either way.
PROCESS_JOBS = {"1": True, "0": False}.get(os.environ.get("VOC_PROCESS_JOBS", ""))
PROCESS_MIN_VERBATIMS = 50_000
PROCESS_MIN_BYTES = 5_000_000


# --- operations run as jobs ---------------------------------------------------------------------
# Each is a voc_app operation, imported when first run (the importers, openpyxl and the topic
# stack stay out of the window's start-up).

def op_analyze(project, progress, sides=("delight", "pain")):
    """Analyse new verbatims, score customers, place new answers on the topic maps."""
    from voc_app.workflow import analyze_all

    return analyze_all(project, progress, sides)


def op_import(project, progress, path, overrides=()):
    from voc_app.workflow import import_and_analyze

    return import_and_analyze(project, progress, path, overrides)


def op_dry_run(project, progress, path, overrides=()):
    """The import wizard's counts (``voc_app.importing.dry_run``)."""
    from voc_app.importing import dry_run

    return dry_run(project, progress, path, overrides)


def op_refit(project, progress, side):
    from voc_app.topics import refit_topics

    return refit_topics(project, progress, side=side)


def op_topic_edit(project, progress, side, action, args):
    from voc_app.topics import edit_topics

    return edit_topics(project, progress, side=side, action=action, args=args)


def op_review(project, progress, customer, kind, state, note):
    from voc_app.review import review_customer

    return review_customer(project, progress, customer=customer, kind=kind, state=state, note=note)


def op_questions(project, progress):
    """Questions / channels / speakers, most answers first (the verbatim view's filter)."""
    from voc_app.overview import questions

    return questions(project, progress)


def op_topic_to_code(project, progress, topic_id):
    from voc_app.coding import topic_to_code

    return topic_to_code(project, topic_id)


def op_codebook_import(project, progress, path):
    from voc_app.coding import import_codebook

    return import_codebook(project, path)


def op_codebook_export(project, progress, out):
    from voc_app.coding import export_codebook

    export_codebook(project, progress, out)
    return out


def op_coded_export(project, progress, out):
    from voc_app.coding import export_coded

    return export_coded(project, progress, out)


def op_export(project, progress, out, flt, mask_pii):
    from base.errors import UserError
    from voc_app.export.excel import export
    from voc_app.overview import filter_count

    if not filter_count(project, flt=flt):  # the dialog counts first; a project changed since is caught here
        raise UserError(QCoreApplication.translate("MainWindow", "条件に合う発言がないので、何も書き出していません"))
    return export(project, out, flt=flt, mask_pii=mask_pii, progress=progress)


def op_export_count(project, progress, flt):
    """How many verbatims the export dialog's filter selects."""
    from voc_app.overview import filter_count

    return filter_count(project, flt=flt)


def op_sample(project, progress, dest):
    """Build (or reuse) the bundled sample project at ``dest``; returns its path."""
    from voc_app.sample import build_sample_project

    return build_sample_project(dest)


def sample_destination() -> Path:
    """Where the sample project lives: per-user data in the platform's standard place; an
    existing sample (older versions kept it under XDG_DATA_HOME) is reused."""
    from voc_app.gui import runtime
    from voc_app.sample import default_sample_path

    old = default_sample_path()
    return old if old.exists() else runtime.data_dir() / old.name


# --- settings: recent projects, where the window goes --------------------------------------------

RECENT_MAX = 8


def app_settings() -> QSettings:
    return QSettings("VoC Analyzer", "voc-app")


def read_recent(settings: QSettings) -> list[str]:
    """The recent projects, newest first, always a list of paths: QSettings gives a one-item list
    back as a plain string (INI files cannot tell them apart), and older versions split such a
    string into characters."""
    value = settings.value("recent")
    if value is None or value == "":
        return []
    items = [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else [str(value)]
    out: list[str] = []
    for p in items:
        p = str(p).strip()
        if len(p) > 1 and p not in out:  # single characters are what the old bug left behind
            out.append(p)
    return out[:RECENT_MAX]


def write_recent(settings: QSettings, paths: list[str]) -> None:
    settings.setValue("recent", [str(p) for p in paths][:RECENT_MAX])


def available_geometry(widget) -> QRect:
    """The part of the widget's screen windows may use (without panels and docks)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)


FRAME_ALLOWANCE = (16, 48)  # title bar and borders a window manager adds around the window (before it shows)


def upgrade_project(path: Path) -> None:
    """Bring a project made by an earlier version up to date before its window opens. A
    migration can rebuild a large table (008 re-indexes every verbatim: ~24 s at 1,000,000), so
    it runs in a thread while a progress dialog keeps the UI alive. Each migration is one
    transaction: if the app is closed meanwhile, the project stays as it was."""
    import threading

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QProgressDialog

    from voc_app.project import pending_upgrades
    from voc_app.project import upgrade_project as upgrade

    if not pending_upgrades(path):
        return
    box = QProgressDialog(QCoreApplication.translate("MainWindow", "{0} を新しい形式に更新しています…").format(path.name),
                          "", 0, 0)
    box.setObjectName("upgrade")
    box.setWindowTitle("VoC Analyzer")
    box.setCancelButton(None)
    box.setMinimumDuration(0)
    box.setMinimumWidth(460)
    box.show()
    failure: list[BaseException] = []

    def run() -> None:
        try:
            upgrade(path)
        except BaseException as e:  # noqa: BLE001 - raised again in the UI thread
            failure.append(e)

    worker = threading.Thread(target=run, name="upgrade-project", daemon=True)
    worker.start()
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
    timer.start(50)
    loop.exec()
    timer.stop()
    box.close()
    box.deleteLater()
    if failure:
        raise failure[0]


class MainWindow(QMainWindow):
    def __init__(self, project_path: Path) -> None:
        super().__init__()
        self.project_path = Path(project_path)
        self.settings = app_settings()
        self.setWindowTitle(self.tr("VoC Analyzer — {0}").format(self.project_path.name))
        self.setAcceptDrops(True)
        self.tabs = QTabWidget()
        self.overview = OverviewView(self.project_path)
        self.verbatim_view = VerbatimsView(self.project_path)
        self.topics = TopicsView(self.project_path)
        self.customers = CustomersView(self.project_path)
        self.imports = ImportsView(self.project_path)
        self.coding = CodingView(self.project_path, self.settings)
        self.analysis = CodeAnalysisView(self.project_path, self.run)
        for w, name in ((self.overview, self.tr("概要")), (self.verbatim_view, self.tr("発言")),
                        (self.topics, self.tr("トピック")), (self.customers, self.tr("顧客")),
                        (self.coding, self.tr("コーディング")), (self.analysis, self.tr("コード分析")),
                        (self.imports, self.tr("取り込み"))):
            self.tabs.addTab(w, name)
        self.setCentralWidget(self.tabs)
        self._views = {"overview": self.overview, "topics": self.topics, "customers": self.customers,
                       "imports": self.imports}
        self._stale: set[str] = set()
        self._loading: set[str] = set()
        self.tabs.currentChanged.connect(lambda _i: self._load_visible())
        self.jobbar = JobBar()
        self.statusBar().addPermanentWidget(self.jobbar)
        self.job: Job | None = None
        self.topics.edit_requested.connect(self.edit_topic)
        self.topics.refit_requested.connect(lambda side: self.run(self.tr("トピックを推定"), op_refit, side=side))
        self.topics.open_verbatims.connect(self.open_topic_verbatims)
        self.overview.open_topic.connect(self.open_topic_verbatims)
        self.topics.to_code.connect(lambda tid: self.run(self.tr("トピックをコードに"), op_topic_to_code, topic_id=tid,
                                                         done=lambda _r: self._coding_changed()))
        self.coding.message.connect(lambda m: self.statusBar().showMessage(m, 8000) if m else None)
        self.analysis.open_ids.connect(self.open_coding_ids)
        self.customers.review_requested.connect(
            lambda c, k, s, n: self.run(self.tr("確認を保存"), op_review, customer=c, kind=k, state=s, note=n))
        self.imports.import_requested.connect(self.choose_import)
        self.overview.empty.import_requested.connect(self.choose_import)
        self.overview.empty.file_dropped.connect(self.start_import)
        self.overview.empty.sample_requested.connect(self.open_sample)
        self._menus()
        self._remember()
        self.refresh()
        self.verbatim_view.apply()
        team.install(self)  # ツール menu (表記ゆれ, 統合, バックアップ, 表を書き出す), backups after edits
        queue_view.install(self)  # label keys, 確認待ち, 学習する (issue 21)

    # compatibility with the first window's tests and screenshots
    @property
    def verbatims(self):
        return self.verbatim_view.table

    @property
    def batches(self):
        return self.imports.table

    def _menus(self) -> None:
        def act(menu, text, shortcut, fn, name=None):
            a = QAction(text, self)
            if shortcut:
                a.setShortcut(QKeySequence(shortcut))
            a.triggered.connect(fn)
            if name:
                a.setObjectName(name)
            menu.addAction(a)
            return a

        f = self.menuBar().addMenu(self.tr("ファイル(&F)"))
        act(f, self.tr("開く…"), QKeySequence.StandardKey.Open, self.choose_open)
        act(f, self.tr("新規プロジェクト…"), QKeySequence.StandardKey.New, self.choose_new)
        self.recent_menu = f.addMenu(self.tr("最近使ったプロジェクト"))
        f.addSeparator()
        act(f, self.tr("取り込み…"), "Ctrl+I", self.choose_import, "action_import")
        act(f, self.tr("書き出し（Excel / CSV）…"), "Ctrl+E", self.choose_export, "action_export")
        f.addSeparator()
        act(f, self.tr("コードブックを取り込み（.qdc / .csv）…"), None, self.choose_codebook_import, "action_codebook_import")
        act(f, self.tr("コードブックを書き出し（.qdc / .csv）…"), None, self.choose_codebook_export, "action_codebook_export")
        act(f, self.tr("コード付けを CSV に書き出し…"), None, self.choose_coded_export, "action_coded_export")
        f.addSeparator()
        act(f, self.tr("終了"), QKeySequence.StandardKey.Quit, self.close)
        e = self.menuBar().addMenu(self.tr("編集(&E)"))
        act(e, self.tr("元に戻す"), QKeySequence.StandardKey.Undo, self.undo, "action_undo")
        act(e, self.tr("やり直し"), QKeySequence.StandardKey.Redo, self.redo, "action_redo")
        act(e, self.tr("検索"), QKeySequence.StandardKey.Find, self.focus_search)
        act(e, self.tr("プロジェクトのメモ…"), "Ctrl+M", self.coding.project_memo_dialog, "action_project_memo")
        a = self.menuBar().addMenu(self.tr("分析(&A)"))
        self.analysis_menu = a
        act(a, self.tr("分析を更新（新しい発言・評価・トピック）"), "F5", lambda: self.run(self.tr("分析"), op_analyze),
            "action_analyze")
        v = self.menuBar().addMenu(self.tr("表示(&V)"))
        for i, name in enumerate((self.tr("概要"), self.tr("発言"), self.tr("トピック"), self.tr("顧客"),
                                  self.tr("コーディング"), self.tr("コード分析"), self.tr("取り込み"))):
            act(v, name, f"Ctrl+{i + 1}", lambda _c=False, i=i: self.tabs.setCurrentIndex(i))
        v.addSeparator()
        lang = v.addMenu(self.tr("言語 / Language"))
        group = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():
            a = act(lang, name, None, lambda _c=False, code=code: self.set_language(code), f"action_lang_{code}")
            a.setCheckable(True)
            a.setChecked(code == i18n.current())
            group.addAction(a)

    def _remember(self) -> None:
        self._place()
        recent = [p for p in read_recent(self.settings) if p != str(self.project_path)]
        write_recent(self.settings, [str(self.project_path), *recent])
        self._recent_menu()

    def _place(self) -> None:
        """Restore the saved geometry when it fits the screen; otherwise 1280×800 at most, within
        the screen's available area (a 1024×700 laptop gets the whole of it), centred."""
        avail = available_geometry(self)
        geo = self.settings.value("geometry")
        if geo is not None and self.restoreGeometry(geo):
            if avail.contains(self.frameGeometry()) and not self.isMaximized():
                return
            if self.isMaximized():
                return
        fw, fh = FRAME_ALLOWANCE
        w = max(self.minimumSizeHint().width(), min(1280, avail.width() - fw))
        h = max(self.minimumSizeHint().height(), min(800, avail.height() - fh))
        self.resize(min(w, avail.width()), min(h, avail.height()))
        self.move(avail.x() + max(0, (avail.width() - self.width() - fw) // 2),
                  avail.y() + max(0, (avail.height() - self.height() - fh) // 2))

    def _recent_menu(self) -> None:
        """The recent projects: a project file that is gone is shown greyed out (it may be on a
        drive that is not connected); 「履歴を消去」 forgets them."""
        self.recent_menu.clear()
        recent = read_recent(self.settings)
        for p in recent:
            gone = not Path(p).exists()
            a = self.recent_menu.addAction(self.tr("{0}（見つかりません）").format(p) if gone else p)
            a.setObjectName("recent_project")
            a.setData(p)
            a.setEnabled(not gone and p != str(self.project_path))
            a.triggered.connect(lambda _c=False, p=p: self.open_project(Path(p)))
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(self.tr("履歴を消去"))
        clear.setObjectName("recent_clear")
        clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        write_recent(self.settings, [str(self.project_path)])
        self._recent_menu()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.job is not None and not self.job.finished:
            self.job.cancel()
        self.settings.setValue("geometry", self.saveGeometry())
        self.verbatim_view.model.close()
        self.coding.model.close()
        super().closeEvent(event)

    # --- jobs --------------------------------------------------------------------------------
    def run(self, title: str, fn, *, done=None, quiet: bool = False, process: bool | None = None,
            **kwargs) -> Job | None:
        if self._busy():
            return None
        job = Job(title, self.project_path, fn, process=self._in_process(fn, kwargs) if process is None else process,
                  **kwargs)
        self.jobbar.watch(job)
        job.when("done", lambda result: self._done(title, result, done, quiet))
        job.when("done", lambda _r: team.after_job(self, fn))  # an edit: a backup may be due
        job.when("failed", lambda msg: self._failed(title, msg))
        job.when("cancelled", lambda: self.statusBar().showMessage(
            self.tr("{0}をキャンセルしました。プロジェクトは変更されていません。").format(title), 8000))
        self.job = job
        return job.start()

    def _busy(self) -> bool:
        """A job is running (one at a time): say so and return True."""
        if self.job is None or self.job.finished:
            return False
        QMessageBox.information(self, "VoC Analyzer", self.tr("「{0}」の実行中です。終わるまでお待ちください。").format(
            self.job.title))
        return True

    def _failed(self, title: str, message: str) -> None:
        """A job's error: in the status bar and a window-modal box that does not block the event
        loop (other jobs' results keep arriving; nothing waits on a closed window's box)."""
        self.statusBar().showMessage(f"{title}: {message}", 15000)
        if not self.isVisible():
            return
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("job_error")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _in_process(self, fn, kwargs: dict) -> bool:
        from voc_app.gui.corrections_ui import op_learn, op_use_shipped

        # 学習する on 100,000 answers holds the GIL in a thread for up to ~0.5 s at a time
        # (bench/bench_gui.py --job learn); in a process the UI never waits on it
        if fn not in (op_analyze, op_import, op_dry_run, op_refit, op_export, op_learn, op_use_shipped):
            return False
        if PROCESS_JOBS is not None:
            return PROCESS_JOBS
        path = kwargs.get("path")
        try:
            big_file = path is not None and Path(path).stat().st_size >= PROCESS_MIN_BYTES
        except OSError:
            big_file = False
        return big_file or self.verbatim_view.model.project_size() >= PROCESS_MIN_VERBATIMS

    def _done(self, title: str, result, done, quiet: bool) -> None:
        self.refresh()
        if done is not None:
            done(result)
        elif not quiet:
            self.statusBar().showMessage(self.tr("{0}: 完了").format(title), 6000)

    def refresh(self) -> None:
        """Reload the views from the project in the background: the visible one now, the others
        when they are shown (the UI thread never waits for a view's queries)."""
        self._stale = {"overview", "topics", "customers", "imports"}
        self.verbatim_view.model.refresh()
        self.coding.model.refresh()
        if self.coding.loaded:
            self.coding.reload()
        self._load_visible()
        # a job must stay referenced until it ends (a collected Job's signals would be deleted
        # under the worker thread): running loaders are kept in _loaders
        self._questions = Job("questions", self.project_path, op_questions).when("done", self.verbatim_view.set_questions)
        self._loaders = [j for j in getattr(self, "_loaders", []) if not j.finished] + [self._questions]
        self._questions.start()

    def idle(self) -> bool:
        """No view is loading and no job or quiet backup is running (tests and benchmarks wait
        for this)."""
        return (not self._loading and self.tabs.currentWidget() not in self._stale_views() and self.coding.idle()
                and self.analysis.idle() and self.topics.idle() and (self.job is None or self.job.finished) and self._questions.finished
                and self.verbatim_view.model.idle() and self.coding.model.idle()
                and (not hasattr(self, "queue_view") or self.queue_view.idle())
                and (not hasattr(self, "autobackup") or self.autobackup.idle()))

    def _stale_views(self) -> list:
        return [self._views[n] for n in self._stale]

    def _load_visible(self) -> None:
        if self.tabs.currentWidget() is self.coding:
            self.coding.start()
        if self.tabs.currentWidget() is self.analysis:
            self.analysis.start(self.coding.book, [self.coding.coder.itemText(i) for i in range(self.coding.coder.count())])
        name = next((n for n, v in self._views.items() if v is self.tabs.currentWidget()), None)
        if name not in self._stale or name in self._loading:
            return
        view = self._views[name]
        job = Job(name, self.project_path, lambda project, progress: view.load(project))
        self._loading.add(name)

        def show(data, name=name, view=view):
            self._loading.discard(name)
            self._stale.discard(name)
            view.show_data(data)

        def failed(msg, name=name):
            self._loading.discard(name)
            self.statusBar().showMessage(msg, 10000)

        job.when("done", show).when("failed", failed).when("cancelled", lambda name=name: self._loading.discard(name))
        self._loaders = [j for j in getattr(self, "_loaders", []) if not j.finished] + [job]
        job.start()

    # --- actions -------------------------------------------------------------------------------
    def edit_topic(self, side: str, action: str, args: tuple) -> None:
        self.run(self.tr("トピックの編集"), op_topic_edit, side=side, action=action, args=args, quiet=True,
                 done=lambda r: self.statusBar().showMessage(
                     self.tr("元に戻しました: {0}").format(r) if action == "undo" and r else
                     self.tr("元に戻す編集はありません") if action == "undo" else
                     self.tr("やり直しました: {0}").format(r) if action == "redo" and r else
                     self.tr("やり直す編集はありません") if action == "redo" else
                     self.tr("トピックを編集しました（Ctrl+Z で元に戻す）"), 6000))

    def undo(self) -> None:
        if queue_view.undo_target(self):
            self.corrections.undo()
            return
        if self.tabs.currentWidget() in (self.coding, self.analysis):
            self.coding.undo()
            return
        side = "pain" if self.topics.tables["pain"].hasFocus() else "delight"
        self.edit_topic(side, "undo", ())

    def redo(self) -> None:
        if queue_view.undo_target(self):
            self.corrections.redo()
            return
        if self.tabs.currentWidget() in (self.coding, self.analysis):
            self.coding.redo()
            return
        side = "pain" if self.topics.tables["pain"].hasFocus() else "delight"
        self.edit_topic(side, "redo", ())

    def _coding_changed(self) -> None:
        self.coding.reload()
        self.tabs.setCurrentWidget(self.coding)

    def open_coding_ids(self, ids: list, label: str) -> None:
        self.tabs.setCurrentWidget(self.coding)
        self.coding.open_ids(list(ids), label)

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.verbatim_view)
        self.verbatim_view.search.setFocus()

    def open_topic_verbatims(self, side: str, topic_id, label: str) -> None:
        self.verbatim_view.show_topic(side, topic_id, label)
        self.tabs.setCurrentWidget(self.verbatim_view)
        self.statusBar().showMessage(self.tr("トピック「{0}」の発言（検索・絞り込みを変えると解除）").format(label), 8000)
        self.verbatim_view.clear_extra()

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("取り込むファイル"), str(Path.home()),
                                              self.tr("アンケート・サポート・インタビュー・顧客データ "
                                                      "(*.csv *.tsv *.txt *.xlsx *.xlsm *.json *.jsonl *.md *.docx);;すべて (*)"))
        if name:
            self.start_import(Path(name))

    def start_import(self, path: Path) -> None:
        from voc_app.gui.dialogs import ImportWizard

        def recount(overrides):  # the wizard's counts after a role was changed
            return Job(self.tr("数え直し"), self.project_path, op_dry_run, path=path, overrides=overrides,
                       process=self._in_process(op_dry_run, {"path": path}))

        def show(report):
            wiz = ImportWizard(self, path, report, recount=recount)
            if wiz.exec():
                self.run(self.tr("取り込み"), op_import, path=path, overrides=wiz.overrides(),
                         done=lambda r: self._imported(path, r))

        self.run(self.tr("ファイルを確認"), op_dry_run, path=path, done=show, quiet=True)

    def _imported(self, path: Path, report) -> None:
        c = report.counts
        self.tabs.setCurrentWidget(self.imports)
        self.statusBar().showMessage(self.tr("{0}: 取り込みました（バッチ {1}、発言 {2:,}、重複スキップ {3:,}）— 分析も更新しました")
                                     .format(path.name, report.batch_id, c.get("verbatims", 0),
                                             c.get("duplicates_skipped", 0) + c.get("already_present", 0)), 15000)

    def choose_export(self) -> None:
        from voc_app.gui.dialogs import ExportDialog

        def count(flt):
            return Job(self.tr("該当する発言を数える"), self.project_path, op_export_count, flt=flt)

        dlg = ExportDialog(self, self.project_path.parent, count=count)
        if dlg.exec():
            v = dlg.values()
            self.run(self.tr("書き出し"), op_export, **v,
                     done=lambda r: self.statusBar().showMessage(self.tr("書き出しました: {0}").format(r.path), 10000))

    def choose_codebook_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("コードブックを取り込み"), str(self.project_path.parent),
                                              self.tr("コードブック (*.qdc *.csv);;すべて (*)"))
        if name:
            self.run(self.tr("コードブックを取り込み"), op_codebook_import, path=name,
                     done=lambda r: (self._coding_changed(), self.statusBar().showMessage(
                         self.tr("コードブックを取り込みました: 追加 {0}、更新 {1}（Ctrl+Z で元に戻す）").format(
                             r["added"], r["updated"]), 10000)))

    def choose_codebook_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("コードブックを書き出し"),
                                              str(self.project_path.with_suffix(".qdc")),
                                              self.tr("REFI-QDA コードブック (*.qdc);;CSV (*.csv)"))
        if name:
            self.run(self.tr("コードブックを書き出し"), op_codebook_export, out=name,
                     done=lambda r: self.statusBar().showMessage(self.tr("書き出しました: {0}").format(r), 10000))

    def choose_coded_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("コード付けを書き出し"),
                                              str(self.project_path.with_name(self.project_path.stem + self.tr("_コード付け.csv"))),
                                              "CSV (*.csv)")
        if name:
            self.run(self.tr("コード付けを書き出し"), op_coded_export, out=name,
                     done=lambda n: self.statusBar().showMessage(self.tr("{0:,} 件を書き出しました").format(n), 10000))

    def choose_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("プロジェクトを開く"), str(self.project_path.parent),
                                              self.tr("VoC プロジェクト (*.voc);;すべて (*)"))
        if name:
            self.open_project(Path(name))

    def choose_new(self) -> None:
        from voc_app.project import create_project

        name, _ = QFileDialog.getSaveFileName(self, self.tr("新規プロジェクト"), str(self.project_path.parent),
                                              self.tr("VoC プロジェクト (*.voc)"))
        if name:
            if not name.lower().endswith(".voc"):
                name += ".voc"
            create_project(name).close()
            self.open_project(Path(name))

    def open_sample(self) -> None:
        """Open the bundled sample project (built in the background the first time)."""
        self.run(self.tr("サンプルを用意"), op_sample, dest=sample_destination(),
                 done=lambda path: self.open_project(Path(path)))

    def set_language(self, lang: str) -> None:
        """Switch the UI language now: the window is rebuilt in the new language on the same
        project, tab and geometry (a running job is left to finish first)."""
        if lang == i18n.current():
            return
        if self._busy():
            self._check_language()
            return
        i18n.install(QApplication.instance(), lang)
        i18n.save_language(lang)
        tab = self.tabs.currentIndex()
        self.settings.setValue("geometry", self.saveGeometry())
        win = self.open_project(self.project_path)
        if win is not None:
            win.tabs.setCurrentIndex(tab)

    def _check_language(self) -> None:
        for code in i18n.LANGUAGES:
            a = self.findChild(QAction, f"action_lang_{code}")
            if a is not None:
                a.setChecked(code == i18n.current())

    def open_project(self, path: Path) -> MainWindow | None:
        try:
            upgrade_project(path)
            win = MainWindow(path)
        except Exception as e:  # noqa: BLE001 - a missing or unreadable project is a message
            QMessageBox.warning(self, "VoC Analyzer", self.tr("{0} を開けません: {1}").format(Path(path).name, e))
            return None
        win.show()
        self._others = getattr(self, "_others", []) + [win]
        self.close()
        return win

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        urls = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.start_import(Path(urls[0]))


def wait_idle(win: MainWindow, app: QApplication, seconds: float = 60) -> None:
    """Pump events until the visible view has loaded its data."""
    import time

    deadline = time.monotonic() + seconds
    while not win.idle() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()


def _shot(win: MainWindow, app: QApplication, path: Path, paths: list[Path], *, idle: bool = False) -> None:
    """The window as it is now (after the pending paint events; first idle when asked) → ``path``."""
    if idle:
        wait_idle(win, app)
    for _ in range(3):
        app.processEvents()
    win.grab().save(str(path))
    paths.append(path)


def screenshots(win: MainWindow, out: Path, app: QApplication, size: tuple[int, int] = (1280, 800)) -> list[Path]:
    """A PNG of every view at ``size`` (1280×800 unless told)."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    win.resize(*size)
    for i, name in enumerate(TABS):
        win.tabs.setCurrentIndex(i)
        wait_idle(win, app)
        if name == "topics":
            win.topics.pages.setCurrentIndex(0)
            for side in ("pain", "delight"):  # the detail shows the delight map's first topic
                t = win.topics.tables[side]
                if t.model().rowCount():
                    t.selectRow(0)
        if name == "customers":
            win.customers.kind_tabs.setCurrentIndex(1)  # the churn risks: stage, NPS, the points behind the score
            t = win.customers.tables["churn"]
            if t.model().rowCount():
                t.selectRow(0)
        if name == "verbatims" and win.verbatim_view.model.rowCount():
            win.verbatim_view.table.selectRow(0)
        if name == "coding":
            tree = win.coding.tree
            parent = next((tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                           if tree.topLevelItem(i).childCount()), None)
            if parent is not None:
                tree.setCurrentItem(parent)
                wait_idle(win, app)
        if name == "analysis":
            _analysis_shots(win, app, out, paths, i + 1)
            continue
        _shot(win, app, out / f"{i + 1}_{name}.png", paths)
        if name == "topics":
            _topic_page_shots(win, app, out, paths, i + 1)
        if name == "customers":
            _all_customers_shot(win, app, out, paths, i + 1)
    return paths


def _topic_page_shots(win: MainWindow, app: QApplication, out: Path, paths: list[Path], n: int) -> None:
    """The topics tab's 「NPS への影響」 and word clouds."""
    for page, suffix in ((1, "_topics_nps"), (2, "_topics_wordcloud")):
        win.topics.pages.setCurrentIndex(page)
        _shot(win, app, out / f"{n}{suffix}.png", paths, idle=True)
    win.topics.pages.setCurrentIndex(0)


def _all_customers_shot(win: MainWindow, app: QApplication, out: Path, paths: list[Path], n: int) -> None:
    """Every scored customer, a customer to watch (要注意) selected."""
    c = win.customers
    c.kind_tabs.setCurrentIndex(2)
    rows = c.rows.get("all", [])
    watch = next((i for i, r in enumerate(rows) if r.get("segment") == "watch"), 0 if rows else None)
    if watch is not None:
        c.tables["all"].selectRow(watch)
    _shot(win, app, out / f"{n}_customers_all.png", paths)
    c.kind_tabs.setCurrentIndex(0)


def _analysis_shots(win: MainWindow, app: QApplication, out: Path, paths: list[Path], n: int) -> None:
    """The code analysis view: a rule preview, a cross-tab and a word network."""
    a = win.analysis

    def shot(suffix: str) -> None:
        _shot(win, app, out / f"{n}{suffix}.png", paths, idle=True)

    a.tabs.setCurrentIndex(0)
    if a.rule.text().strip():
        a.preview()
    shot("_analysis_rules")
    a.tabs.setCurrentIndex(2)
    a.findChild(QPushButton, "crosstab_run").click()
    shot("_analysis_crosstab")
    a.tabs.setCurrentIndex(3)
    a.findChild(QPushButton, "words_network").click()
    wait_idle(win, app)
    a.findChild(QPushButton, "words_freq").click()
    shot("_analysis_words")


def dialog_screenshots(win: MainWindow, out: Path, app: QApplication) -> list[Path]:
    """The dialogs and states the views' screenshots do not show: the export dialog with an
    unreadable date, the import wizard on the bundled survey, Qt's file dialog in the UI's
    language, and the overview of an empty project."""
    import tempfile

    from voc_app.gui.dialogs import ExportDialog, ImportWizard
    from voc_app.project import create_project
    from voc_app.sample import sample_files

    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []

    def grab(widget, name: str) -> None:
        for _ in range(5):
            app.processEvents()
        p = out / name
        widget.grab().save(str(p))
        paths.append(p)

    dlg = ExportDialog(win, win.project_path.parent)
    dlg.show()
    dlg.date_from.setText(QCoreApplication.translate("MainWindow", "4月1日"))
    grab(dlg, "8_export_dialog.png")
    dlg.close()
    survey = next(f for f in sample_files() if f.suffix == ".csv")  # the bundled survey
    job = Job("dry run", win.project_path, op_dry_run, path=survey).start()
    while not job.finished:
        app.processEvents()
    if job.result is not None:
        wiz = ImportWizard(win, survey, job.result)
        wiz.show()
        grab(wiz, "9_import_wizard.png")
        wiz.close()
    fd = QFileDialog(win, QCoreApplication.translate("MainWindow", "取り込むファイル"), str(win.project_path.parent),
                     QCoreApplication.translate("MainWindow", "VoC プロジェクト (*.voc);;すべて (*)"))
    fd.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    fd.resize(760, 460)
    fd.show()
    grab(fd, "10_file_dialog.png")
    fd.close()
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.voc"
        create_project(empty).close()
        w = MainWindow(empty)
        w.resize(win.size())
        w.show()
        wait_idle(w, app)
        grab(w, "11_empty_project.png")
        w.close()
        w.verbatim_view.model.close()
        w.coding.model.close()
        w.deleteLater()
        app.processEvents()
    team.dialog_screenshots(win, out, app, grab)  # 表記ゆれ, a merge dry run, the backups
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="voc-app", description="VoC Analyzer デスクトップアプリ")
    parser.add_argument("project", nargs="?", help="開くプロジェクト（.voc）")
    parser.add_argument("--sample", action="store_true", help="同梱のサンプルプロジェクトを開く")
    parser.add_argument("--screenshot", metavar="PNG", help="ウィンドウを PNG に保存して終了（確認用）")
    parser.add_argument("--screenshots", metavar="DIR", help="全画面を 1280×800 の PNG に保存して終了")
    parser.add_argument("--shot-sizes", default="1280x800", metavar="WxH,…",
                        help="--screenshots の大きさ（例 1280x800,1024x700: 大きさごとにフォルダを分ける）")
    parser.add_argument("--shot-langs", metavar="ja,en", help="--screenshots の言語（複数なら言語ごとにフォルダを分ける）")
    parser.add_argument("--shot-dialogs", action="store_true", help="--screenshots にダイアログと空のプロジェクトも含める")
    parser.add_argument("--smoke", metavar="DIR", help="自己診断（サンプル・取り込み・分析・トピック・Excel）を DIR で実行して終了")
    parser.add_argument("--smoke-import", metavar="FILE", help="--smoke で取り込むファイル（既定: 同梱のアンケート）")
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES),
                        help="画面の言語（ja: 日本語、en: English。既定は前回選んだ言語、最初は日本語）")
    args = parser.parse_args(argv)
    from voc_app.gui import runtime

    runtime.setup()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("VoC Analyzer")
    app._gc = runtime.collect_garbage_on_ui_thread()  # never in a job's worker thread
    register_bundled_fonts(app)
    i18n.install(app, args.lang or i18n.saved_language())
    if args.smoke:
        from voc_app.gui import smoke

        return smoke.run(app, Path(args.smoke), Path(args.smoke_import) if args.smoke_import else None,
                         window=MainWindow, wait_idle=wait_idle)
    if args.project:
        path = Path(args.project)
    else:
        from voc_app.sample import build_sample_project, default_sample_path

        # per-user data in the platform's standard place; an existing sample (older versions kept
        # it under XDG_DATA_HOME) is reused
        old = default_sample_path()
        path = build_sample_project(old if old.exists() else runtime.data_dir() / old.name)
    try:
        upgrade_project(path)
        win = MainWindow(path)
    except Exception as e:  # noqa: BLE001 - shown to the user, not a traceback
        QMessageBox.critical(None, "VoC Analyzer", str(e))
        return 2
    win.show()
    if args.screenshots or args.screenshot:
        if args.screenshots:
            sizes = [tuple(int(v) for v in x.lower().split("x")) for x in args.shot_sizes.split(",") if x.strip()]
            langs = [x.strip() for x in (args.shot_langs or i18n.current()).split(",") if x.strip()]
            for lang in langs:
                if lang != i18n.current():
                    before = win
                    before.close()
                    i18n.install(app, lang)
                    win = MainWindow(path)
                    win._others = [before]  # deleted in order at the end
                    win.show()
                for size in sizes:
                    out = Path(args.screenshots)
                    if len(sizes) > 1 or len(langs) > 1:
                        out = out / f"{lang}_{size[0]}x{size[1]}"
                    for p in screenshots(win, out, app, size):
                        print(p)
                    if args.shot_dialogs:
                        for p in dialog_screenshots(win, out, app):
                            print(p)
        else:
            wait_idle(win, app)
            win.grab().save(args.screenshot)
        code = 0
    else:
        import threading

        from voc_app.analysis import warm_up

        threading.Thread(target=warm_up, name="warm-up", daemon=True).start()
        code = app.exec()
    # windows before the application: deleting them in the other order at interpreter exit
    # crashes PySide6 (a language switch or another project opened new windows)
    windows = [win]
    for w in windows:
        windows.extend(getattr(w, "_others", []))
    for w in windows:
        w.close()
        w.deleteLater()
    app.processEvents()
    del win
    return code


if __name__ == "__main__":  # also the entry point of the PyInstaller bundle (build.spec)
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
