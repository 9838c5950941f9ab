"""Import wizard and export dialog."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from voc_app.gui.i18n import Labels
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


class ImportWizard(QDialog):
    """File → detected format, encoding and confidence with the reason → preview → column roles
    (editable, each with why it was chosen) → validation messages and counts, counted again as
    soon as a role is changed (``recount(overrides)`` returns a dry-run job) → import (a
    background job) → summary."""

    RECOUNT_AFTER_MS = 250  # a burst of changes is counted once

    def __init__(self, parent, path: Path, report, recount=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("取り込み: {0}").format(path.name))
        self.resize(980, 680)
        self.path = path
        self.report = report
        self.detected = [c["role"] for c in report.columns]  # what detection chose: overrides differ from it
        self._recount = recount
        self._job = None
        self._pending = False
        self._failed = False
        self._closed = False
        lay = QVBoxLayout(self)
        conf = QLabel(self.tr("形式: <b>{0}</b>（確度 {1:.0%}）— {2}<br>文字コード: {3}").format(
            html.escape(report.format_label), report.confidence, html.escape(report.reason),
            report.encoding or self.tr("（Excel / Word ファイル）")))
        conf.setObjectName("detected")
        conf.setWordWrap(True)
        lay.addWidget(conf)
        lay.addWidget(QLabel(self.tr("列の役割（変更すると件数を数え直します）、その理由と先頭の行:")))
        cols = report.columns
        self.table = QTableWidget(2 + min(5, len(report.preview)), len(cols))
        self.table.setObjectName("roles")
        self.table.setHorizontalHeaderLabels([c["id"] for c in cols])
        self.table.setVerticalHeaderLabels([self.tr("役割"), self.tr("理由")]
                                           + [str(i) for i in range(1, 1 + min(5, len(report.preview)))])
        self.boxes: list[QComboBox] = []
        for j, c in enumerate(cols):
            box = QComboBox()
            for r in roles_for(report.kind):
                box.addItem(ROLE_LABELS.get(r, r), r)
            i = box.findData(c["role"])
            box.setCurrentIndex(max(0, i))
            box.setToolTip(c["reason"])
            box.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(0, j, box)
            self.boxes.append(box)
            for r, row in enumerate(report.preview[:5], start=2):
                self.table.setItem(r, j, QTableWidgetItem(row[j] if j < len(row) else ""))
        self._show_reasons(cols)
        self.table.setMaximumHeight(250)
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
            item.setToolTip(c["reason"])
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
            out.append("<p>" + self.tr("飛ばす行: ") + html.escape("、".join(f"{k} {v:,}" for k, v in r.skipped.items())) + "</p>")
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


class ExportDialog(QDialog):
    def __init__(self, parent, default_dir: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("書き出し"))
        self.resize(560, 220)
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
        self.date_from.setPlaceholderText("2025-04-01")
        self.date_to = QLineEdit()
        self.date_to.setPlaceholderText("2025-09-30")
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("〜"))
        dates.addWidget(self.date_to)
        form.addRow(self.tr("期間（空欄は全期間）"), dates)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("書き出し先"), self.path.text(),
                                              self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if name:
            self.path.setText(name)

    def values(self) -> dict:
        from voc_app.export.excel import Filter

        return {"out": self.path.text().strip(), "mask_pii": self.mask.isChecked(),
                "flt": Filter(self.date_from.text().strip() or None, self.date_to.text().strip() or None)}
