"""Import wizard and export dialog."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from voc_app.gui import i18n
from voc_app.gui.i18n import Labels
from voc_app.gui.labels import FORMAT_LABELS, label_of
from voc_app.importing import roles_for

ROLE_LABELS = Labels(
    id=QT_TRANSLATE_NOOP("labels", "回答 ID"), customer=QT_TRANSLATE_NOOP("labels", "顧客 ID"),
    time=QT_TRANSLATE_NOOP("labels", "日時"), nps="NPS", score=QT_TRANSLATE_NOOP("labels", "評価"),
    text=QT_TRANSLATE_NOOP("labels", "自由記述"), choice=QT_TRANSLATE_NOOP("labels", "選択肢"),
    attr=QT_TRANSLATE_NOOP("labels", "属性"),
    ignore=QT_TRANSLATE_NOOP("labels", "使わない"), email=QT_TRANSLATE_NOOP("labels", "メール"),
    signup=QT_TRANSLATE_NOOP("labels", "登録日"), last_active=QT_TRANSLATE_NOOP("labels", "最終利用日"),
    status=QT_TRANSLATE_NOOP("labels", "状態"), total_spent=QT_TRANSLATE_NOOP("labels", "累計金額"),
    total_orders=QT_TRANSLATE_NOOP("labels", "累計回数"), order_id=QT_TRANSLATE_NOOP("labels", "注文番号"),
    customer_email=QT_TRANSLATE_NOOP("labels", "顧客メール"), amount=QT_TRANSLATE_NOOP("labels", "金額"),
    item=QT_TRANSLATE_NOOP("labels", "商品"), referrer=QT_TRANSLATE_NOOP("labels", "紹介者"),
    referred=QT_TRANSLATE_NOOP("labels", "被紹介者"), referred_email=QT_TRANSLATE_NOOP("labels", "被紹介者メール"))
COUNT_LABELS = Labels(
    "counts",
    responses=QT_TRANSLATE_NOOP("counts", "回答"), verbatims=QT_TRANSLATE_NOOP("counts", "発言"),
    non_answers=QT_TRANSLATE_NOOP("counts", "無回答"), tickets=QT_TRANSLATE_NOOP("counts", "チケット"),
    interviews=QT_TRANSLATE_NOOP("counts", "インタビュー"), customers_added=QT_TRANSLATE_NOOP("counts", "新規顧客"),
    duplicates_skipped=QT_TRANSLATE_NOOP("counts", "重複行"), already_present=QT_TRANSLATE_NOOP("counts", "取り込み済み"),
    partial_responses=QT_TRANSLATE_NOOP("counts", "途中回答"),
    duplicate_submissions=QT_TRANSLATE_NOOP("counts", "重複送信"),
    customers_listed=QT_TRANSLATE_NOOP("counts", "顧客リストの行"), orders=QT_TRANSLATE_NOOP("counts", "注文"),
    referrals=QT_TRANSLATE_NOOP("counts", "紹介"))


def _fit_screen(dialog: QDialog, width: int, height: int) -> None:
    """``width`` × ``height``, or less on a small screen (a 1024×700 laptop)."""
    screen = dialog.screen()
    if screen is not None:
        avail = screen.availableGeometry()
        width, height = min(width, avail.width() - 24), min(height, avail.height() - 60)
    dialog.resize(width, height)


def _wrapped(text: str) -> str:
    """A tooltip that wraps long text (rich text tooltips are word-wrapped)."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>" if text else ""


class ImportWizard(QDialog):
    """File → detected format, encoding and confidence with the reason → preview → column roles
    (editable, each with why it was chosen) → validation messages and counts, counted again as
    soon as a role is changed (``recount(overrides)`` returns a dry-run job) → import (a
    background job) → summary."""

    RECOUNT_AFTER_MS = 250  # a burst of changes is counted once

    def __init__(self, parent, path: Path, report, recount=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("取り込み: {0}").format(path.name))
        _fit_screen(self, 980, 680)
        self.path = path
        self.report = report
        self.detected = [c["role"] for c in report.columns]  # what detection chose: overrides differ from it
        self._recount = recount
        self._job = None
        self._pending = False
        self._failed = False
        self._closed = False
        lay = QVBoxLayout(self)
        fmt = FORMAT_LABELS.get(report.format) if i18n.current() != "ja" else None
        conf = QLabel(self.tr("形式: <b>{0}</b>（確度 {1:.0%}）— {2}<br>文字コード: {3}").format(
            html.escape(fmt or report.format_label), report.confidence, html.escape(report.reason),
            report.encoding or self.tr("（Excel / Word ファイル）")))
        conf.setObjectName("detected")
        conf.setWordWrap(True)
        lay.addWidget(conf)
        lay.addWidget(QLabel(self.tr("列の役割（変更すると件数を数え直します）、その理由と先頭の行"
                                     "（列の幅は見出しの境目をドラッグで変えられます。省略された文字はマウスを重ねると全文）:")))
        cols = report.columns
        n_preview = min(5, len(report.preview))
        self.table = QTableWidget(2 + n_preview, len(cols))
        self.table.setObjectName("roles")
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setTextElideMode(Qt.TextElideMode.ElideRight)
        head.setMinimumSectionSize(72)
        head.setStretchLastSection(False)
        for j, c in enumerate(cols):
            item = QTableWidgetItem(c["id"])
            item.setToolTip(_wrapped(c["id"]))
            self.table.setHorizontalHeaderItem(j, item)
        self.table.setVerticalHeaderLabels([self.tr("役割"), self.tr("理由")]
                                           + [str(i) for i in range(1, 1 + n_preview)])
        self.boxes: list[QComboBox] = []
        fm = self.table.fontMetrics()
        for j, c in enumerate(cols):
            box = QComboBox()
            for r in roles_for(report.kind):
                box.addItem(ROLE_LABELS.get(r, r), r)
            i = box.findData(c["role"])
            box.setCurrentIndex(max(0, i))
            box.setToolTip(_wrapped(c["reason"]))
            box.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(0, j, box)
            self.boxes.append(box)
            cells = [row[j] if j < len(row) else "" for row in report.preview[:5]]
            for r, text in enumerate(cells, start=2):
                item = QTableWidgetItem(text.replace("\n", " "))
                item.setToolTip(_wrapped(text))
                self.table.setItem(r, j, item)
            # wide enough for the role and a short header or answer; long ones are elided (full text on hover)
            want = max([box.sizeHint().width(), fm.horizontalAdvance(c["id"]) + 24,
                        *(fm.horizontalAdvance(t) + 16 for t in cells)])
            self.table.setColumnWidth(j, max(110, min(240, want)))
        self._show_reasons(cols)
        self.table.setRowHeight(1, fm.lineSpacing() * 3 + 8)  # the reason, word-wrapped on three lines
        self.table.setMinimumHeight(200)
        self.table.setMaximumHeight(320)
        lay.addWidget(self.table)
        self.messages = QTextBrowser()
        self.messages.setObjectName("validation")
        lay.addWidget(self.messages)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(self.tr("取り込む"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("do_import")
        buttons.addButton(self.tr("キャンセル"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start_recount)
        self._update()

    # --- counts -----------------------------------------------------------------------------
    def _show_reasons(self, cols) -> None:
        grey = QColor("#666666")
        for j, c in enumerate(cols):
            item = QTableWidgetItem(c["reason"])
            item.setToolTip(_wrapped(c["reason"]))
            item.setForeground(grey)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(1, j, item)

    def _changed(self) -> None:
        if self._recount is None:
            self._update()
            return
        self.import_button.setEnabled(False)
        self.messages.setHtml(self.tr("<p><b>件数を数え直しています…</b></p>"))
        self._timer.start(self.RECOUNT_AFTER_MS)

    def _start_recount(self) -> None:
        if self._job is not None and not self._job.finished:
            self._pending = True  # counted again when the running count ends
            return
        self._pending = False
        self._job = self._recount(self.overrides())
        self._job.when("done", self._recounted).when("failed", self._recount_failed)
        self._job.when("cancelled", lambda: None)
        self._job.start()

    def _recounted(self, report) -> None:
        if self._closed:
            return
        if self._pending:
            self._start_recount()
            return
        self.report = report
        self._failed = False
        # the roles stay as the user set them; the reasons say why (--map, or detection)
        self._show_reasons(report.columns)
        self._update()

    def _recount_failed(self, message: str) -> None:
        if self._closed:
            return
        if self._pending:
            self._start_recount()
            return
        self._failed = True
        self.messages.setHtml(self.tr("<p style='color:#B00020'><b>この役割では取り込めません</b>: {0}</p>")
                              .format(html.escape(message)))
        self.import_button.setEnabled(False)

    def counting(self) -> bool:
        """A count is due or running (tests wait for this)."""
        return self._timer.isActive() or self._pending or (self._job is not None and not self._job.finished)

    def _update(self) -> None:
        self.messages.setHtml(self._messages(self.report))
        has_text = self.report.kind != "survey" or any(b.currentData() == "text" for b in self.boxes)
        self.import_button.setEnabled(has_text and not self._failed and bool(self.report.counts))

    def _messages(self, r) -> str:
        c = r.counts
        parts = "、".join(f"{lab} {c[k]:,}" for k, lab in COUNT_LABELS.items() if c.get(k))
        out = [self.tr("<p><b>取り込むと</b>: {0}</p>").format(html.escape(parts) or "—")]
        if r.same_file_batches:
            out.append(self.tr("<p style='color:#B45F06'>同じファイルを取り込み済みです（バッチ {0}）。重複は取り込まれません。</p>")
                       .format(", ".join(map(str, r.same_file_batches))))
        if r.skipped:
            out.append("<p>" + self.tr("飛ばす行: ") + html.escape("、".join(
                f"{label_of('skip', k)} {v:,}" for k, v in r.skipped.items() if v)) + "</p>")
        if r.warnings:
            out.append(self.tr("<p style='color:#B45F06'>注意 {0:,}:</p>").format(r.warning_count) + "<ul>"
                       + "".join(f"<li>{html.escape(w)}</li>" for w in r.warnings[:20]) + "</ul>")
        return "".join(out)

    def overrides(self) -> list[tuple[str, str]]:
        out = []
        for box, c, detected in zip(self.boxes, self.report.columns, self.detected, strict=True):
            if box.currentData() != detected:
                out.append((box.currentData(), c["id"]))
        return out

    def done(self, result: int) -> None:  # closing: a running count is no longer wanted
        self._closed = True
        self._timer.stop()
        if self._job is not None and not self._job.finished:
            self._job.cancel()
        super().done(result)


DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ExportDialog(QDialog):
    """Where to write, masking, and a period. Dates are read strictly as YYYY-MM-DD (a message
    under them says what is wrong); what the filter selects is counted (``count(flt)`` returns
    a job) and shown, and nothing is written when it selects nothing."""

    COUNT_AFTER_MS = 300

    def __init__(self, parent, default_dir: Path, count=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("書き出し"))
        self.resize(600, 260)
        self._count = count
        self._job = None
        self._accept_when_counted = False
        self.matches: int | None = None  # verbatims the current filter selects (None: not counted yet)
        form = QFormLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit(str(default_dir / self.tr("VoC_サマリー.xlsx")))
        self.path.setObjectName("export_path")
        browse = QPushButton(self.tr("参照…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path)
        row.addWidget(browse)
        form.addRow(self.tr("ファイル（.xlsx / .csv）"), row)
        self.mask = QCheckBox(self.tr("個人情報を伏せる（メール・電話・住所・氏名、顧客 ID は仮名）"))
        self.mask.setObjectName("export_mask")
        form.addRow("", self.mask)
        self.date_from = QLineEdit()
        self.date_from.setObjectName("export_from")
        self.date_from.setPlaceholderText("2025-04-01")
        self.date_to = QLineEdit()
        self.date_to.setObjectName("export_to")
        self.date_to.setPlaceholderText("2025-09-30")
        dates = QHBoxLayout()
        for edit in (self.date_from, self.date_to):
            edit.setClearButtonEnabled(True)
            edit.setMaximumWidth(150)
            edit.textChanged.connect(self._changed)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("〜"))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        form.addRow(self.tr("期間（YYYY-MM-DD、空欄は全期間）"), dates)
        self.message = QLabel()
        self.message.setObjectName("export_message")
        self.message.setWordWrap(True)
        form.addRow("", self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("書き出す"))
        self.ok.setObjectName("export_ok")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.path.textChanged.connect(lambda _t: self._check())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start_count)
        self._changed()

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("書き出し先"), self.path.text(),
                                              self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if name:
            self.path.setText(name)

    # --- checks -------------------------------------------------------------------------------
    def _say(self, text: str, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #B00020;" if error else "color: #333333;")

    def dates(self) -> tuple[str | None, str | None] | None:
        """(from, to) as YYYY-MM-DD (None: open), or None when a date cannot be read."""
        out = []
        for edit, which in ((self.date_from, self.tr("開始日")), (self.date_to, self.tr("終了日"))):
            text = edit.text().strip()
            if not text:
                out.append(None)
                continue
            try:
                if not DATE.fullmatch(text):
                    raise ValueError(text)
                out.append(dt.date.fromisoformat(text).isoformat())
            except ValueError:
                self._say(self.tr("{0}「{1}」は日付として読めません。YYYY-MM-DD の形で入力してください（例 2025-04-01）")
                          .format(which, text), True)
                return None
        if out[0] and out[1] and out[0] > out[1]:
            self._say(self.tr("開始日 {0} が終了日 {1} より後です").format(out[0], out[1]), True)
            return None
        return out[0], out[1]

    def _check(self) -> bool:
        """Dates and file name readable; the OK button follows."""
        ok = self.dates() is not None
        if ok and Path(self.path.text().strip()).suffix.lower() not in (".xlsx", ".csv"):
            self._say(self.tr("ファイル名は .xlsx か .csv で終わるようにしてください"), True)
            ok = False
        self.ok.setEnabled(ok and self.matches != 0)
        return ok

    def _changed(self) -> None:
        self.matches = None
        self._accept_when_counted = False
        if self._check():
            self._say(self.tr("該当する発言を数えています…") if self._count else "", False)
            if self._count is not None:
                self._timer.start(self.COUNT_AFTER_MS)

    def _start_count(self) -> None:
        if self._job is not None and not self._job.finished:
            self._job.cancel()
        flt = self.values()["flt"]
        self._job = self._count(flt)
        self._job.when("done", lambda n, job=self._job: self._counted(job, n))
        self._job.when("failed", lambda msg: self._say(msg, True))
        self._job.start()

    def _counted(self, job, n: int) -> None:
        if job is not self._job or self.dates() is None:
            return  # a newer count is on its way
        self.matches = n
        if n:
            self._say(self.tr("書き出す発言: {0:,} 件").format(n), False)
        else:
            self._say(self.tr("この期間に該当する発言はありません — 書き出すものがないので、ファイルは作りません"), True)
        self._check()
        if self._accept_when_counted and n:
            super().accept()
        self._accept_when_counted = False

    def counting(self) -> bool:
        """A count is due or running (tests wait for this)."""
        return self._timer.isActive() or (self._job is not None and not self._job.finished)

    def accept(self) -> None:
        """Written only when the dates are readable and the filter selects something."""
        if not self._check():
            return
        if self._count is None or self.matches:
            super().accept()
        elif self.matches is None:
            self._accept_when_counted = True  # accepted when the count arrives (if not 0)
            if not self.counting():
                self._start_count()

    def done(self, result: int) -> None:
        self._timer.stop()
        if self._job is not None and not self._job.finished:
            self._job.cancel()
        super().done(result)

    def values(self) -> dict:
        from voc_app.export.excel import Filter

        d = self.dates() or (None, None)
        return {"out": self.path.text().strip(), "mask_pii": self.mask.isChecked(), "flt": Filter(d[0], d[1])}


class MoveAnswersDialog(QDialog):
    """Tick answers of a topic and pick where they go: another topic, or the rare voices."""

    def __init__(self, parent, source: str, answers: list[tuple[int, str]], targets: list[tuple[str, int]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("回答を移動: {0}").format(source))
        self.resize(640, 480)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("移す回答にチェックを付けてください（移した回答は推定し直しても動きません）")))
        self.list = QListWidget()
        self.list.setObjectName("move_answers")
        self.list.setWordWrap(True)
        for vid, text in answers:
            it = QListWidgetItem(text.replace("\n", " "))
            it.setData(Qt.ItemDataRole.UserRole, vid)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)
            it.setToolTip(_wrapped(text))
            self.list.addItem(it)
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("移動先:")))
        self.target = QComboBox()
        self.target.setObjectName("move_target")
        for label, tid in targets:
            self.target.addItem(label, tid)
        self.target.addItem(self.tr("（まれな声へ）"), None)
        row.addWidget(self.target, 1)
        lay.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("移動"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def chosen(self) -> tuple[list[int], int | None] | None:
        vids = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]
        return (vids, self.target.currentData()) if vids else None
