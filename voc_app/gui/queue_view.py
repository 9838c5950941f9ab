"""確認待ち — the review queue (issue 21): the answers whose labels are least sure, each with the
reason it is asked, filtered by label to check, current label and source; corrected with the
same keys as the verbatim list (1–4, C, A, S), which then move to the next answer. The project
model's box says how well the model taught by the corrections agrees with them (cross-validated,
against the shipped model), and holds 学習する and 出荷時のモデルに戻す.

A mode of the 発言 tab (``install`` below); reads through ``voc_app.corrections`` in
thread jobs.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from voc_app.gui import colors
from voc_app.gui.corrections_ui import (
    Corrections,
    install_keys,
    keys_help,
    keys_hint,
    op_learn,
    op_queue,
    op_status,
    op_use_shipped,
)
from voc_app.gui.jobs import Job
from voc_app.gui.labels import KIND_LABELS, LABEL_SOURCE_LABELS, POLARITY_LABELS, label_of

BATCH = 20
TASKS = ("any", "polarity", "churn", "advocacy", "stage")
VALUES = {"polarity": ("delight", "pain", "neutral", "mixed"), "churn": ("0", "1"), "advocacy": ("0", "1"),
          "stage": ("first_experience", "success", "advocacy", "none")}


def value_text(target: str, value) -> str:
    """A label's value for a person: 不満, 初回体験, 解約の兆し あり …"""
    if value is None:
        return "—"
    if target in ("churn", "advocacy"):
        what = label_of("evidence", target)
        return (QCoreApplication.translate("Queue", "{0} あり") if int(value) else QCoreApplication.translate("Queue", "{0} なし")).format(what)
    if target == "stage" and value == "none":
        return QCoreApplication.translate("Queue", "段階なし")
    return label_of(target, value)


def reason_text(item) -> str:
    """Why an answer is asked (``QueueItem``), in the app's language."""
    t, probs = item.task, item.probabilities or {}
    if t in ("churn", "advocacy"):
        why = QCoreApplication.translate("Queue", "{0}の判定が境目（確率 {1:.2f}）").format(label_of("evidence", t), float(probs.get(t, 0.0)))
    else:
        top = sorted(((v, k[len(t) + 1:]) for k, v in probs.items() if k.startswith(t + "_")), reverse=True)[:2]
        shown = QCoreApplication.translate("Queue", "、").join(f"{value_text(t, c)} {v:.2f}" for v, c in top)
        why = QCoreApplication.translate("Queue", "{0}が不確か（{1}）").format(label_of("evidence", t), shown)
    if item.flips_customer:
        why += (QCoreApplication.translate("Queue", "。直すと顧客の解約リスク判定が変わりうる") if t == "churn"
                else QCoreApplication.translate("Queue", "。直すと顧客のアンバサダー判定が変わりうる"))
    if item.similar >= 2:
        why += QCoreApplication.translate("Queue", "。似た未確認の回答 約{0:,}件").format(item.similar)
    return why


class QueueModel(QAbstractTableModel):
    """The queue's answers: label to check, its value now, the reason, the answer."""

    HEADERS = (QT_TRANSLATE_NOOP("Queue", "確認"), QT_TRANSLATE_NOOP("Queue", "今のラベル"),
               QT_TRANSLATE_NOOP("Queue", "理由"), QT_TRANSLATE_NOOP("Queue", "発言"))

    def __init__(self) -> None:
        super().__init__()
        self.items: list = []
        self.done: dict[int, dict] = {}  # verbatim id → its labels after a person's correction

    def set_items(self, items: list) -> None:
        self.beginResetModel()
        self.items, self.done = list(items), {}
        self.endResetModel()

    def mark(self, vid: int, labels: dict) -> int | None:
        for r, it in enumerate(self.items):
            if it.verbatim_id == vid:
                self.done[vid] = labels
                self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.HEADERS) - 1))
                return r
        return None

    def labels(self, r: int) -> dict:
        it = self.items[r]
        return self.done.get(it.verbatim_id) or it.labels

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt API
        return 0 if parent is not None and parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        it, c = self.items[index.row()], index.column()
        done = it.verbatim_id in self.done
        if role == Qt.ItemDataRole.ForegroundRole and done:
            from PySide6.QtGui import QColor

            return QColor(colors.GREY)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if c == 0:
            return ("✓ " if done else "") + label_of("task", it.task)
        if c == 1:
            shown = value_text(it.task, self.labels(index.row()).get(it.task))
            return f"{shown} ✎" if done else shown
        if c == 2:
            return reason_text(it)
        return it.text if role == Qt.ItemDataRole.ToolTipRole else it.text.replace("\n", " ")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("Queue", self.HEADERS[section])
        return None


class QueueView(QWidget):
    """確認待ち: the queue, its progress, and the project model's box."""

    refitted = Signal()  # the labels of answers nobody corrected may have changed

    def __init__(self, project_path: Path, corrections: Corrections, run: Callable) -> None:
        super().__init__()
        self.project_path, self.corrections, self.run = Path(project_path), corrections, run
        self.stale = True
        self._jobs: list[Job] = []
        self.reviewed = self.left = 0
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.task = QComboBox()
        self.task.setObjectName("queue_task")
        for t in TASKS:
            self.task.addItem(self.tr("確認するラベル: {0}").format(label_of("task", t)), t)
        self.label = QComboBox()
        self.label.setObjectName("queue_label")
        self.source = QComboBox()
        self.source.setObjectName("queue_source")
        self.source.addItem(self.tr("出どころ: すべて"), None)
        for k, v in KIND_LABELS.items():
            self.source.addItem(v, k)
        for k in ("model", "project"):
            self.source.addItem(self.tr("ラベル: {0}").format(LABEL_SOURCE_LABELS[k]), k)
        self._fill_labels()
        self.task.currentIndexChanged.connect(lambda _i: (self._fill_labels(), self.load()))
        self.label.currentIndexChanged.connect(lambda _i: self.load())
        self.source.currentIndexChanged.connect(lambda _i: self.load())
        for w in (self.task, self.label, self.source):
            bar.addWidget(w)
        self.next_button = QPushButton(self.tr("次を読み込む"))
        self.next_button.setObjectName("queue_next")
        self.next_button.setToolTip(self.tr("確認が済んだ回答を除いて、次に見るべき回答を読み込みます"))
        self.next_button.clicked.connect(self.load)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        self.count = QLabel()
        self.count.setObjectName("queue_count")
        bar.addWidget(self.count)
        self.progress = QProgressBar()
        self.progress.setObjectName("queue_progress")
        self.progress.setFixedWidth(180)
        self.progress.setTextVisible(False)
        bar.addWidget(self.progress)
        lay.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical)
        self.model = QueueModel()
        self.table = QTableView()
        self.table.setObjectName("queue_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 100), (1, 110), (2, 430)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._show(cur.row()))
        install_keys(self.table, self._current, self._correct)
        split.addWidget(self.table)
        below = QWidget()
        blay = QHBoxLayout(below)
        blay.setContentsMargins(0, 0, 0, 0)
        self.detail = QTextBrowser()
        self.detail.setObjectName("queue_detail")
        blay.addWidget(self.detail, 3)
        box = QGroupBox(self.tr("プロジェクトのモデル"))
        box.setObjectName("model_box")
        box_lay = QVBoxLayout(box)
        self.status = QLabel()
        self.status.setObjectName("model_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box_lay.addWidget(self.status, 1)
        buttons = QHBoxLayout()
        self.learn_button = QPushButton(self.tr("学習する"))
        self.learn_button.setObjectName("learn")
        self.learn_button.setToolTip(self.tr("人が直したラベルから、このプロジェクトのモデルを学習し直します。"
                                             "直していない回答のラベルが変わることがあります"))
        self.learn_button.clicked.connect(self.learn)
        self.shipped_button = QPushButton(self.tr("出荷時のモデルに戻す…"))
        self.shipped_button.setObjectName("use_shipped")
        self.shipped_button.setToolTip(self.tr("学習したモデルを使わず、出荷時のモデルのラベルに戻します（人の修正は残ります）"))
        self.shipped_button.clicked.connect(lambda _c=False: self.use_shipped())
        buttons.addWidget(self.learn_button)
        buttons.addWidget(self.shipped_button)
        box_lay.addLayout(buttons)
        blay.addWidget(box, 2)
        split.addWidget(below)
        split.setSizes([460, 220])
        lay.addWidget(split)
        self.table.setToolTip(keys_help(rich=True))
        corrections.corrected.connect(self._corrected)

    # --- loading ---------------------------------------------------------------------------
    def _fill_labels(self) -> None:
        t = self.task.currentData() or "any"
        self.label.blockSignals(True)
        self.label.clear()
        self.label.addItem(self.tr("今のラベル: すべて"), None)
        for target in (("polarity", "churn", "advocacy", "stage") if t == "any" else (t,)):
            for v in VALUES[target]:
                shown = value_text(target, v)
                self.label.addItem(shown if t != "any" or target in ("churn", "advocacy")
                                   else f"{label_of('task', target)}: {shown}", f"{target}={v}")
        self.label.blockSignals(False)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.stale:
            self.load()

    def idle(self) -> bool:
        return all(j.finished for j in self._jobs) and self.corrections.idle()

    def _start(self, job: Job) -> None:
        self._jobs = [j for j in self._jobs if not j.finished] + [job]
        job.start()

    def load(self) -> None:
        """The next batch (「次を読み込む」) and the model's status."""
        self.stale = False
        self.count.setText(self.tr("読み込んでいます…"))
        job = Job(self.tr("確認待ち"), self.project_path, op_queue, n=BATCH, task=self.task.currentData() or "any",
                  source=self.source.currentData(), label=self.label.currentData())
        job.when("done", self._loaded).when("failed", lambda m: self.count.setText(m))
        self._start(job)
        self.load_status()

    def load_status(self) -> None:
        job = Job(self.tr("モデルの状態"), self.project_path, op_status)
        job.when("done", self._show_status)
        self._start(job)

    def labels_changed(self, ids: list) -> None:
        """Labels changed elsewhere (undo, a refit): the status now, the queue when next shown."""
        if not ids:
            self.stale = True
            if self.isVisible():
                self.load()
                return
        self.load_status()

    def _loaded(self, q) -> None:
        self.model.set_items(q.items)
        self.reviewed, self.left = q.reviewed, q.left
        self._progress()
        if q.items:
            self.table.selectRow(0)
        else:
            self.detail.setHtml(self.tr("<p style='color:#777'>確認待ちの回答はありません。"
                                        "ラベルや出どころの絞り込みを変えると、ほかの回答が出ます。</p>"))

    def _progress(self) -> None:
        total = self.reviewed + self.left
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(self.reviewed, max(total, 1)))
        self.count.setText(self.tr("確認済み {0:,} ・ 残り {1:,}").format(self.reviewed, self.left))
        self.progress.setToolTip(self.count.text())

    def _show_status(self, s) -> None:
        if s.fitted_corrections and s.agreement is not None:
            text = self.tr("人の修正 {0:,} 件で学習: 修正との一致 <b>{1:.0%}</b>（出荷時のモデル {2:.0%}、交差検証）").format(
                s.fitted_corrections, s.agreement, s.shipped_agreement or 0.0)
            text += "<br>" + (self.tr("いまのラベル: 学習したモデル") if s.active else self.tr("いまのラベル: 出荷時のモデル"))
        else:
            text = self.tr("まだ学習していません。いまのラベル: 出荷時のモデル")
        text += "<br>" + self.tr("修正した回答 {0:,} 件").format(s.corrections)
        if s.stale and s.corrections and s.fitted_corrections:
            text += " — " + self.tr("学習のあとに修正が変わりました（「学習する」で反映）")
        self.status.setText(text)
        self.learn_button.setEnabled(s.corrections > 0)
        self.shipped_button.setEnabled(bool(s.active))

    # --- correcting ------------------------------------------------------------------------
    def _current(self) -> tuple[int, dict] | None:
        r = self.table.currentIndex().row()
        if not 0 <= r < self.model.rowCount():
            return None
        return self.model.items[r].verbatim_id, self.model.labels(r)

    def _correct(self, vid: int, labels: dict) -> None:
        self.corrections.correct(vid, labels)
        r = self.table.currentIndex().row()
        if r + 1 < self.model.rowCount():
            self.table.selectRow(r + 1)  # on to the next answer at once; the row shows ✓ when done

    def _corrected(self, vid: int, labels: dict) -> None:
        first = vid not in self.model.done
        r = self.model.mark(vid, labels)
        if r is not None and first:
            self.reviewed += 1
            self.left = max(self.left - 1, 0)
            self._progress()
        if r is not None and r == self.table.currentIndex().row():
            self._show(r)

    def _show(self, r: int) -> None:
        if not 0 <= r < self.model.rowCount():
            self.detail.clear()
            return
        it = self.model.items[r]
        now = self.model.labels(r)
        pol = now.get("polarity")
        color = colors.color_of(pol)
        shown = " ・ ".join([f"<b style='color:{color}'>{html.escape(POLARITY_LABELS.get(pol or '', '—'))}</b>",
                             html.escape(value_text("stage", now.get("stage"))),
                             html.escape(value_text("churn", now.get("churn"))),
                             html.escape(value_text("advocacy", now.get("advocacy")))])
        mark = (f" <b style='color:{colors.HIGHLIGHT}'>✎ {label_of('label_source', 'person')}</b>"
                if it.verbatim_id in self.model.done else
                f" <span style='color:#777'>（{label_of('label_source', it.source)}）</span>")
        ext = self.tr("ID {0}").format(it.external_id) if it.external_id else ""
        self.detail.setHtml(f"<p style='color:#555'>{html.escape(ext)}</p>"
                            f"<p style='font-size:15px'>{html.escape(it.text)}</p><p>{shown}{mark}</p>"
                            f"<p style='color:#777'>{html.escape(reason_text(it))}</p>")

    # --- the project model -----------------------------------------------------------------
    def learn(self) -> None:
        self.run(self.tr("学習する"), op_learn, done=self._learned)

    def _learned(self, res) -> None:
        msg = self.tr("学習しました: 人の修正 {0:,} 件、ラベルが変わった回答 {1:,} 件").format(res.corrections, res.relabelled)
        if res.agreement is not None:
            msg += self.tr("（修正との一致 {0:.0%}、出荷時のモデル {1:.0%}）").format(res.agreement, res.shipped_agreement or 0.0)
        self.status.setText(msg)
        win = self.window()
        if hasattr(win, "statusBar"):
            win.statusBar().showMessage(msg, 10000)
        self._relabelled()

    def use_shipped(self, confirm: bool = True) -> None:
        if confirm and QMessageBox.question(
                self, self.tr("出荷時のモデルに戻す"),
                self.tr("学習したモデルを使うのをやめ、直していない回答のラベルを出荷時のモデルのものに戻します。"
                        "人が直したラベルはそのまま残ります。「学習する」でいつでも学習したモデルに戻せます。\n\n戻しますか？")
        ) != QMessageBox.StandardButton.Yes:
            return
        self.run(self.tr("出荷時のモデルに戻す"), op_use_shipped, done=self._shipped)

    def _shipped(self, res: dict) -> None:
        self.status.setText(self.tr("出荷時のモデルに戻しました（ラベルが変わった回答 {0:,} 件）").format(res.get("relabelled", 0)))
        self._relabelled()

    def _relabelled(self) -> None:
        """Labels of uncorrected answers changed (a refit or the shipped model back): the list
        and the model box read again."""
        self.refitted.emit()
        self.stale = True
        if self.isVisible():
            self.load()
        else:
            self.load_status()


def install(win) -> None:
    """The corrections in the main window: keys on the verbatim list, the 確認待ち mode of the
    発言 tab, and 学習する / 出荷時のモデルに戻す in the 分析 menu."""
    view = win.verbatim_view
    win.corrections = Corrections(win.project_path, win.coding.coder_name, win)

    def current() -> tuple[int, dict] | None:
        r = view.table.currentIndex().row()
        row = view.model.row(r)
        vid = view.model.verbatim_id(r)
        if row is None or vid is None or row.polarity is None:
            return None
        return vid, {"polarity": row.polarity, "churn": row.churn, "advocacy": row.advocacy, "stage": row.stage}

    install_keys(view.table, current, win.corrections.correct)
    hint = QLabel(keys_hint())
    hint.setObjectName("correction_keys")
    hint.setStyleSheet("color:#777; padding: 0 6px")
    hint.setToolTip(keys_help(rich=True))
    view.modes.setCornerWidget(hint, Qt.Corner.TopRightCorner)
    win.queue_view = QueueView(win.project_path, win.corrections, win.run)
    view.modes.addTab(win.queue_view, QCoreApplication.translate("Corrections", "確認待ち"))

    def changed(ids: list, message: str) -> None:
        if message:
            win.statusBar().showMessage(message, 8000)
        view.model.forget(ids or None)
        win._stale.update({"overview", "topics", "customers"})  # counts and signals read the labels
        cur = view.table.currentIndex()
        if cur.isValid():
            view._show(cur)
        win.queue_view.labels_changed(ids)

    win.corrections.changed.connect(changed)
    if hasattr(win, "autobackup"):  # a correction is the user's work: backed up like any edit
        win.corrections.edited.connect(win.autobackup.edited)
    win.queue_view.refitted.connect(lambda: view.model.forget(None))
    # redo: every platform binding of Redo (a QKeySequence made of StandardKey keeps only the first)
    redo = win.findChild(QAction, "action_redo")
    if redo is not None:
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if not any(k.matches(QKeySequence("Ctrl+Shift+Z")) == QKeySequence.SequenceMatch.ExactMatch for k in keys):
            keys.append(QKeySequence("Ctrl+Shift+Z"))
        redo.setShortcuts(keys)
    menu = getattr(win, "analysis_menu", None)
    if menu is not None:
        menu.addSeparator()
        for name, text, fn in (("action_learn", QCoreApplication.translate("Corrections", "学習する（ラベルの修正から）"),
                                win.queue_view.learn),
                               ("action_use_shipped", QCoreApplication.translate("Corrections", "出荷時のモデルに戻す…"),
                                win.queue_view.use_shipped)):
            a = QAction(text, win)
            a.setObjectName(name)
            a.triggered.connect(lambda _c=False, fn=fn: fn())
            menu.addAction(a)


def undo_target(win) -> bool:
    """Ctrl+Z / Ctrl+Shift+Z go to the corrections while the 発言 tab is shown."""
    return getattr(win, "corrections", None) is not None and win.tabs.currentWidget() is win.verbatim_view
