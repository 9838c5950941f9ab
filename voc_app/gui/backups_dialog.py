"""バックアップ: the project's backups (``voc_app.backup.list_backups``: when, why, how big, what
changed since), 「今すぐバックアップ」, and 「この時点に戻す」 — in one step, after the user
confirmed: the window lets its reads end and closes the project, ``voc_app.backup.restore`` backs
the current file up and puts the backup in its place, and the project opens again; the message
says where the copy of the state before the restore went.

``AutoBackup`` calls ``voc_app.backup.maybe_backup`` quietly in a background job after the user's
edits (coding, topic curation, reviews, 表記ゆれ): at most one every ``INTERVAL_S`` seconds, and
an edit made in between is backed up when the interval has passed.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from voc_app.gui.icons import icon
from voc_app.gui.jobs import Job
from voc_app.gui.labels import label_of


def op_list(project, progress):
    from voc_app.backup import backup_folder, list_backups

    return str(backup_folder(project.path)), list_backups(project.path, progress)


def op_backup_now(project, progress):
    from voc_app.backup import backup

    return str(backup(project, "manual", progress))


def op_maybe_backup(project, progress, min_interval_s: float):
    from voc_app.backup import maybe_backup

    path = maybe_backup(project, progress, min_interval_s=min_interval_s)
    return None if path is None else str(path)


def size_text(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    return f"{max(1, round(n / 1000)):,} KB"


def when_text(iso: str) -> str:
    """「2025-06-30 18:15」 from an ISO time."""
    return iso[:16].replace("T", " ")


def changes_text(info) -> str:
    """What changed since a backup, in words: 「コード付け +12、メモ +1」."""
    if not info.readable:
        return QCoreApplication.translate("BackupsDialog", "読めません（壊れているかもしれません）")
    if not info.changes:
        return QCoreApplication.translate("BackupsDialog", "変更なし")
    return "、".join(f"{label_of('team_count', k)} {v:+,}" for k, v in info.changes.items())


class BackupsDialog(QDialog):
    """The backups, newest first; 「今すぐバックアップ」 and 「この時点に戻す…」."""

    restore_requested = Signal(str)  # the backup to put in place (the user confirmed)

    def __init__(self, parent, project_path: Path) -> None:
        super().__init__(parent)
        self.setObjectName("backups_dialog")
        self.setWindowTitle(self.tr("バックアップ"))
        self.project_path = Path(project_path)
        self.backups: list = []
        self.folder = ""
        self.jobs: list[Job] = []
        lay = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setObjectName("backups_intro")
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("color: #555555;")
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.intro)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("backups")
        self.table.setHorizontalHeaderLabels([self.tr("日時"), self.tr("理由"), self.tr("大きさ"), self.tr("その後の変更"),
                                              self.tr("ファイル")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        head = self.table.horizontalHeader()
        for c in range(5):
            head.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch if c == 3 else
                                      QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.doubleClicked.connect(lambda _i: self.restore_selected())
        from voc_app.gui.table_export import attach

        attach(self.table, lambda: self.tr("バックアップの一覧"))
        lay.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setObjectName("backups_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.status)
        row = QHBoxLayout()
        self.now_button = QPushButton(icon("backup"), self.tr("今すぐバックアップ"))
        self.now_button.setObjectName("backup_now")
        self.now_button.setToolTip(self.tr("いまのプロジェクトをバックアップの一覧に加えます"))
        self.now_button.clicked.connect(self.backup_now)
        row.addWidget(self.now_button)
        self.restore_button = QPushButton(self.tr("この時点に戻す…"))
        self.restore_button.setObjectName("backup_restore")
        self.restore_button.setToolTip(self.tr("選んだバックアップの状態にプロジェクトを戻します。いまの状態は先にバックアップします"))
        self.restore_button.clicked.connect(self.restore_selected)
        row.addWidget(self.restore_button)
        folder = QPushButton(self.tr("フォルダを開く"))
        folder.setObjectName("backup_folder")
        folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder)) if self.folder else None)
        row.addWidget(folder)
        row.addStretch(1)
        close = QPushButton(self.tr("閉じる"))
        close.setObjectName("backups_close")
        close.clicked.connect(self.reject)
        row.addWidget(close)
        lay.addLayout(row)
        self.resize(860, 460)
        self._enable()
        self.reload()

    def idle(self) -> bool:
        return all(j.finished for j in self.jobs)

    def _run(self, fn, done) -> Job:
        job = Job(self.tr("バックアップ"), self.project_path, fn)
        job.when("done", done).when("failed", self._failed)
        job.when("done", lambda _r: self._enable()).when("failed", lambda _m: self._enable())
        self.jobs = [j for j in self.jobs if not j.finished] + [job]
        job.start()
        self._enable()
        return job

    def _failed(self, message: str) -> None:
        self.status.setStyleSheet("color: #C00000;")
        self.status.setText(message)

    def reload(self) -> Job:
        return self._run(op_list, self._show)

    def _show(self, result) -> None:
        self.folder, self.backups = result
        self.intro.setText(self.tr("保存先: {0}\n自動で取るとき: 形式の更新・学習し直し・コードブックの取り込み・統合の前と、編集のあと"
                                   "（10 分に 1 回まで）。新しい 10 件と、14 日間は各日の最新を残します。").format(self.folder))
        self.table.setRowCount(len(self.backups))
        for r, b in enumerate(self.backups):
            vals = [when_text(b.taken_at), label_of("backup_reason", b.reason), size_text(b.size), changes_text(b),
                    Path(b.path).name]
            for c, v in enumerate(vals):
                it = QTableWidgetItem(v)
                if c == 2:
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 3:
                    it.setToolTip(self._counts_tip(b))
                if c == 4:
                    it.setToolTip(b.path)
                if not b.readable:
                    it.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, it)
        if not self.backups:
            self.status.setStyleSheet("color: #555555;")
            self.status.setText(self.tr("まだバックアップはありません"))
        self._enable()

    def _counts_tip(self, b) -> str:
        lines = [self.tr("この時点 → いま")]
        for k, then in b.counts.items():
            if k in b.now or then is not None:
                now = b.now.get(k)
                lines.append(self.tr("{0}: {1} → {2}").format(label_of("team_count", k), "—" if then is None else f"{then:,}",
                                                             "—" if now is None else f"{now:,}"))
        return "\n".join(lines)

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows and rows[0].row() < len(self.backups) else None

    def _enable(self) -> None:
        free = self.idle()
        b = self.selected()
        self.now_button.setEnabled(free)
        self.restore_button.setEnabled(free and b is not None and b.readable)

    def backup_now(self) -> Job:
        def done(path: str) -> None:
            self.status.setStyleSheet("color: #555555;")
            self.status.setText(self.tr("バックアップしました: {0}").format(path))
            self.reload()

        return self._run(op_backup_now, done)

    def restore_selected(self) -> None:
        b = self.selected()
        if b is None or not b.readable:
            return
        when, why = when_text(b.taken_at), label_of("backup_reason", b.reason)
        text = self.tr("{0}（{1}）の状態に戻しますか？\n\nいまの状態は先にバックアップします（あとでこの一覧から戻せます）。"
                       "プロジェクトをいったん閉じ、戻したあと開き直します。").format(when, why)
        if b.changes:
            text += "\n\n" + self.tr("その後の変更（{0}）は、戻したプロジェクトには含まれません。").format(changes_text(b))
        answer = QMessageBox.question(self, self.tr("この時点に戻す"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_requested.emit(b.path)
            self.accept()


# --- restoring in the app ---------------------------------------------------------------------------

def _pump_until(ready, seconds: float) -> bool:
    """Keep the UI alive until ``ready()`` (or the time is up); True when it became ready."""
    deadline = time.monotonic() + seconds
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if ready() or time.monotonic() > deadline else None)
    timer.start(25)
    if not ready():
        loop.exec()
    timer.stop()
    return ready()


def _quiet(window) -> bool:
    """No job of the window reads or writes the project."""
    auto = getattr(window, "autobackup", None)
    return window.idle() and (auto is None or auto.idle())


def restore_in_window(window, backup_path: str | Path):
    """Close the project in ``window``, put ``backup_path`` in its place, open it again (a new
    window, returned) and say where the state before the restore was saved. Nothing happens while
    a job is running."""
    from voc_app.backup import restore

    if window._busy():
        return None
    auto = getattr(window, "autobackup", None)
    if auto is not None:
        auto.stop()  # no backup of the file while it is being replaced
    path = Path(window.project_path)
    window.settings.setValue("geometry", window.saveGeometry())  # the reopened window goes where this one was
    window.setEnabled(False)
    box = QProgressDialog(QCoreApplication.translate("BackupsDialog", "{0} を閉じて、バックアップから戻しています…").format(path.name), "", 0, 0)
    box.setObjectName("restoring")
    box.setWindowTitle("VoC Analyzer")
    box.setCancelButton(None)
    box.setMinimumDuration(0)
    box.setMinimumWidth(460)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    box.show()
    _pump_until(lambda: _quiet(window), 30)  # the views' reads end first
    window.verbatim_view.model.close()
    window.coding.model.close()
    result: list = []

    def run() -> None:
        try:
            result.append(restore(path, backup_path))
        except BaseException as e:  # noqa: BLE001 - shown to the user in the UI thread
            result.append(e)

    worker = threading.Thread(target=run, name="restore-project", daemon=True)
    worker.start()
    _pump_until(lambda: not worker.is_alive(), 3600)
    box.close()
    box.deleteLater()
    outcome = result[0] if result else RuntimeError(QCoreApplication.translate("BackupsDialog", "復元が終わりませんでした"))
    window.setEnabled(True)
    new = window.open_project(path)  # the restored file, or the same one when nothing was replaced
    window.restored_window = new
    parent = new if new is not None else None
    if isinstance(outcome, BaseException):
        msg = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("BackupsDialog", "この時点に戻す"),
                          QCoreApplication.translate("BackupsDialog", "戻せませんでした（プロジェクトは変わっていません）: {0}").format(outcome),
                          QMessageBox.StandardButton.Ok, parent)
    else:
        text = QCoreApplication.translate("BackupsDialog", "バックアップ {0} の状態に戻しました。").format(Path(outcome.restored_from).name)
        if outcome.safety_backup:
            text += "\n" + QCoreApplication.translate("BackupsDialog", "戻す前の状態は {0} に保存しました（バックアップの一覧からいつでも戻せます）。").format(
                outcome.safety_backup)
        msg = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("BackupsDialog", "この時点に戻す"), text, QMessageBox.StandardButton.Ok, parent)
        if new is not None:
            new.statusBar().showMessage(text.replace("\n", " "), 20000)
    msg.setObjectName("restore_result")
    msg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    msg.open()
    if new is not None:
        new.restore_message = msg
    return new


# --- backups after edits ----------------------------------------------------------------------------

class AutoBackup(QObject):
    """``maybe_backup`` after the user's edits, quietly, at most once every ``INTERVAL_S`` seconds
    from this window (the operation itself also skips when the newest backup is younger than the
    interval or nothing changed since). An edit in between is backed up when the interval ends."""

    INTERVAL_S = 600.0
    backed_up = Signal(str)  # the path of a backup written

    def __init__(self, project_path: Path, parent=None) -> None:
        super().__init__(parent)
        self.project_path = Path(project_path)
        self.job: Job | None = None
        self.last: float | None = None  # when this window last asked (monotonic)
        self.results: list[str | None] = []
        self.stopped = False
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.timeout.connect(self._check)

    def idle(self) -> bool:
        return self.job is None or self.job.finished

    def edited(self) -> None:
        """The user changed something: back up now or when the interval has passed."""
        if self.stopped or self._later.isActive():
            return
        wait = 0.0 if self.last is None else self.INTERVAL_S - (time.monotonic() - self.last)
        if wait > 0 or not self.idle():
            self._later.start(int(max(wait, 1.0) * 1000))
            return
        self._check()

    def _check(self) -> None:
        if self.stopped:
            return
        if not self.idle():
            self._later.start(1000)
            return
        self.last = time.monotonic()
        job = Job("backup", self.project_path, op_maybe_backup, min_interval_s=self.INTERVAL_S)
        job.when("done", self._done)
        job.when("failed", lambda _m: self.results.append(None))  # quietly: the next edit tries again
        self.job = job
        job.start()

    def _done(self, path: str | None) -> None:
        self.results.append(path)
        if path:
            self.backed_up.emit(path)

    def stop(self) -> None:
        """No more backups from this window (it closes, or its file is being restored)."""
        self.stopped = True
        self._later.stop()


EDIT_OPERATIONS = {"op_topic_edit", "op_review", "op_topic_to_code", "op_codebook_import", "apply_code_rule",
                   "review_pending"}


def is_edit(fn) -> bool:
    """A job that changes the user's judgements (a backup may be due after it)."""
    return getattr(fn, "__name__", "") in EDIT_OPERATIONS
