"""「別のコピーを統合」: add what another copy of this project holds and this one lacks (another
coder's codes, codings, memos, label corrections, customer reviews, 表記ゆれ).

Choosing the other copy runs a dry run first (``voc_app.merge.merge_projects(…, dry_run=True)``
in a background job): what would be added, per coder, and every conflict (the same person judged
the same thing differently) with this copy's and the other copy's judgement — conflicts are never
resolved silently: this project's judgement stays, and the list says so. 「統合する」 then merges
for real (one transaction, after a backup); a refusal (different imports, not a project of ours,
a newer version) is a message.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from base.errors import UserError
from voc_app.gui.i18n import progress_message
from voc_app.gui.icons import icon
from voc_app.gui.jobs import Job
from voc_app.gui.labels import label_of


def op_merge(project, progress, other: str, dry_run: bool):
    """``voc_app.merge.merge_projects``; a file that is not a project of ours is a message."""
    from voc_app.merge import merge_projects
    from voc_app.project import ProjectError

    try:
        return merge_projects(project, other, dry_run=dry_run, progress=progress)
    except ProjectError as e:
        raise UserError(str(e)) from e


CORRECTION_FIELDS = ("polarity", "stage", "churn", "advocacy")


def judgement(kind: str, what: str, value: str) -> str:
    """A conflict's value in words: a coding's state, a review's state, a label's value."""
    if not value:
        return "—"
    if kind == "coding":
        return label_of("coding_state", value)
    if kind == "review":
        state, _sep, note = value.partition(" ")
        shown = label_of("review", state)
        return f"{shown} {note}".strip()
    if kind == "correction":
        field = next((f for f in CORRECTION_FIELDS if what.endswith(f)), None)
        if field in ("polarity", "stage"):
            return label_of(field, value)
    return value


class MergeDialog(QDialog):
    """Pick the other copy → dry run → 「統合する」."""

    merged = Signal(object)  # the MergeReport of a merge that changed this project

    def __init__(self, parent, project_path: Path) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self.setWindowTitle(self.tr("別のコピーを統合"))
        self.project_path = Path(project_path)
        self.report = None  # the latest MergeReport (dry run or merge)
        self.job: Job | None = None
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("同じファイルを取り込んだプロジェクトのコピー（別の人がコーディングしたもの）から、こちらにない"
                               "コード・コード付け・メモ・ラベル修正・顧客の確認・表記ゆれを加えます。まず何が加わるかを確かめ、"
                               "それから統合します。判断が食い違うところ（競合）は、こちらの判断を残して一覧にします。"))
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #555555;")
        lay.addWidget(intro)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("統合するコピー:")))
        self.path = QLineEdit()
        self.path.setObjectName("merge_path")
        self.path.setPlaceholderText(self.tr("別のコピー（.voc）を選んでください"))
        self.path.returnPressed.connect(self.dry_run)
        row.addWidget(self.path, 1)
        b = QPushButton(self.tr("選ぶ…"))
        b.setObjectName("merge_choose")
        b.clicked.connect(self.choose)
        row.addWidget(b)
        self.check_button = QPushButton(self.tr("確かめる"))
        self.check_button.setObjectName("merge_dry_run")
        self.check_button.setToolTip(self.tr("何が加わるか、どこが食い違うかを数えます（プロジェクトは変わりません）"))
        self.check_button.clicked.connect(self.dry_run)
        row.addWidget(self.check_button)
        lay.addLayout(row)

        self.summary = QLabel()
        self.summary.setObjectName("merge_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical)
        self.added_title, self.added = self._pane(
            split, self.tr("加わるもの"), "merge_added",
            [self.tr("種類"), self.tr("コーダー"), self.tr("件数"), self.tr("内容")], stretch=3)
        self.conflicts_title, self.conflicts = self._pane(
            split, self.tr("競合"), "merge_conflicts",
            [self.tr("種類"), self.tr("対象"), self.tr("コーダー"), self.tr("こちら（残る）"), self.tr("相手")], stretch=1)
        split.setSizes([200, 220])
        lay.addWidget(split, 1)

        foot = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        foot.addWidget(self.progress)
        self.progress_text = QLabel()
        self.progress_text.setStyleSheet("color: #555555;")
        foot.addWidget(self.progress_text)
        self.cancel_button = QPushButton(self.tr("キャンセル"))
        self.cancel_button.setObjectName("merge_cancel")
        self.cancel_button.clicked.connect(self._cancel)
        self.cancel_button.hide()
        foot.addWidget(self.cancel_button)
        foot.addStretch(1)
        self.merge_button = QPushButton(icon("merge_copy"), self.tr("統合する"))
        self.merge_button.setObjectName("merge_run")
        self.merge_button.setToolTip(self.tr("確かめた内容をこのプロジェクトに加えます（先にバックアップを取ります）"))
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self.merge)
        foot.addWidget(self.merge_button)
        close = QPushButton(self.tr("閉じる"))
        close.setObjectName("merge_close")
        close.clicked.connect(self.reject)
        foot.addWidget(close)
        lay.addLayout(foot)
        self.resize(900, 600)
        self._show_report(None)

    def _pane(self, split: QSplitter, title: str, name: str, heads: list[str], stretch: int
              ) -> tuple[QLabel, QTableWidget]:
        """A bold title over a read-only table, added to ``split``."""
        pane = QWidget()
        lay = QVBoxLayout(pane)
        lay.setContentsMargins(0, 0, 0, 0)
        label = QLabel(title)
        label.setStyleSheet("font-weight: bold;")
        lay.addWidget(label)
        table = QTableWidget(0, len(heads))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(heads)
        self._table(table, stretch)
        lay.addWidget(table)
        split.addWidget(pane)
        return label, table

    def _table(self, t: QTableWidget, stretch: int) -> None:
        t.verticalHeader().setVisible(False)
        t.verticalHeader().setDefaultSectionSize(24)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setWordWrap(False)
        head = t.horizontalHeader()
        for c in range(t.columnCount()):
            head.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch if c == stretch else
                                      QHeaderView.ResizeMode.ResizeToContents)
        from voc_app.gui.table_export import attach

        attach(t, lambda: self.tr("統合の競合") if t is self.conflicts else self.tr("統合で加わるもの"))

    def idle(self) -> bool:
        return self.job is None or self.job.finished

    # --- running ----------------------------------------------------------------------------------
    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("統合するコピーを選ぶ"), str(self.project_path.parent),
                                              self.tr("VoC プロジェクト (*.voc);;すべて (*)"))
        if name:
            self.path.setText(name)
            self.dry_run()

    def dry_run(self) -> Job | None:
        return self._start(dry_run=True)

    def merge(self) -> Job | None:
        return self._start(dry_run=False)

    def _start(self, dry_run: bool) -> Job | None:
        other = self.path.text().strip()
        if not other or not self.idle():
            return None
        if not dry_run and (self.report is None or not self.report.dry_run or Path(self.report.other) != Path(other)):
            return None  # 「統合する」 follows a dry run of the same file
        title = self.tr("統合を確かめています") if dry_run else self.tr("統合しています")
        job = Job(title, self.project_path, op_merge, other=other, dry_run=dry_run)
        job.when("progress", self._progress).when("done", self._done).when("failed", self._failed)
        job.when("cancelled", lambda: self._ended(self.tr("キャンセルしました。プロジェクトは変わっていません。")))
        self.job = job
        self.merge_button.setEnabled(False)
        self.check_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.progress_text.setText(title)
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        return job.start()

    def _progress(self, fraction: float, message: str) -> None:
        if fraction < 0:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(fraction * 1000))
        self.progress_text.setText(progress_message(message))

    def _cancel(self) -> None:
        if self.job is not None and not self.job.finished:
            self.job.cancel()
            self.cancel_button.setEnabled(False)

    def _ended(self, text: str = "") -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.progress_text.setText(text)
        self.check_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self._ended()
        self.report = None
        self._show_report(None)
        self.summary.setStyleSheet("color: #C00000;")
        self.summary.setText(self.tr("統合できません: {0}").format(message))

    def _done(self, report) -> None:
        self._ended()
        self._show_report(report)
        if not report.dry_run and report.changed:
            self.merged.emit(report)

    # --- the report --------------------------------------------------------------------------------
    def _show_report(self, r) -> None:
        self.report = r
        self.summary.setStyleSheet("")
        rows: list[tuple[str, str, str, str]] = []  # kind, coder, count, what
        if r is not None:
            if r.coders_added:
                rows.append((self.tr("新しいコーダー"), "", str(len(r.coders_added)), "、".join(r.coders_added)))
            if r.codes_added:
                rows.append((label_of("merge_kind", "code"), "", str(len(r.codes_added)), "、".join(r.codes_added)))
            for coder, n in sorted(r.codings_added.items()):
                rows.append((label_of("merge_kind", "coding"), coder, f"{n:,}", ""))
            if r.reviewed_added:
                rows.append((self.tr("コーディング済みの印"), "", f"{r.reviewed_added:,}",
                             self.tr("コーダーが目を通した発言（該当なしを含む）")))
            if r.memos_added:
                rows.append((label_of("merge_kind", "memo"), "", f"{r.memos_added:,}", ""))
            for coder, n in sorted(r.corrections_added.items()):
                rows.append((label_of("merge_kind", "correction"), coder or "—", f"{n:,}", ""))
            if r.reviews_added:
                rows.append((label_of("merge_kind", "review"), "", f"{r.reviews_added:,}", ""))
            if r.synonyms_added:
                rows.append((label_of("merge_kind", "synonym"), "", f"{r.synonyms_added:,}", ""))
        self.added.setRowCount(len(rows))
        for i, vals in enumerate(rows):
            for c, v in enumerate(vals):
                it = QTableWidgetItem(v)
                if c == 2:
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 3 and v:
                    it.setToolTip(v.replace("、", "\n"))
                self.added.setItem(i, c, it)
        conflicts = r.conflicts if r is not None else []
        self.conflicts.setRowCount(len(conflicts))
        for i, c in enumerate(conflicts):
            vals = (label_of("merge_kind", c.kind), c.what, c.coder or "—", judgement(c.kind, c.what, c.ours),
                    judgement(c.kind, c.what, c.theirs))
            for k, v in enumerate(vals):
                it = QTableWidgetItem(v)
                it.setToolTip(v)
                self.conflicts.setItem(i, k, it)
        self.added_title.setText(self.tr("加わるもの") if r is None or r.dry_run else self.tr("加わったもの"))
        self.conflicts_title.setText(
            self.tr("競合 {0} 件 — こちらの判断を残します。相手の判断は加えません").format(len(conflicts)) if conflicts
            else self.tr("競合"))
        self.conflicts_title.setStyleSheet("font-weight: bold; color: #B45F06;" if conflicts else "font-weight: bold;")
        self.merge_button.setEnabled(r is not None and r.dry_run and r.changed)
        if r is None:
            self.summary.setText(self.tr("コピーを選ぶと、統合する前に何が加わるかを確かめます。"))
            return
        other = Path(r.other).name
        skipped = self.tr("（こちらにない発言・顧客への判断 {0} 件は加えません）").format(r.skipped) if r.skipped else ""
        if r.dry_run:
            text = (self.tr("{0} から {1:,} 件が加わります。競合 {2} 件。まだ何も変えていません — よければ「統合する」を押してください。").format(
                other, r.added, len(r.conflicts)) if r.changed else
                self.tr("{0} には、こちらにないものはありません（競合 {1} 件）。統合の必要はありません。").format(other, len(r.conflicts)))
        else:
            text = (self.tr("統合しました: {0} から {1:,} 件を加えました。統合前の状態は {2} に保存しました（コードとコード付けは Ctrl+Z で戻せます）。").format(
                other, r.added, r.backup or "—") if r.changed else
                self.tr("{0} から加えるものはありませんでした。").format(other))
        self.summary.setText(text + skipped)
