"""The コード分析 view: rule preview and auto-coding, inter-coder agreement, code × attribute
cross-tab, and words (frequency, KWIC, co-occurrence network). The work runs as
``voc_app.coding`` operations in background jobs.
"""

from __future__ import annotations

import html
import math
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from voc_app.gui import i18n
from voc_app.gui.coding_widgets import buttons, coding_ops, swatch
from voc_app.gui.i18n import Labels
from voc_app.gui.jobs import Job
from voc_app.gui.labels import label_of
from voc_app.gui.network import NetworkView

BY_LABELS = Labels(polarity=QT_TRANSLATE_NOOP("labels", "極性"), stage=QT_TRANSLATE_NOOP("labels", "段階"),
                   month=QT_TRANSLATE_NOOP("labels", "月"), question=QT_TRANSLATE_NOOP("labels", "設問"),
                   source=QT_TRANSLATE_NOOP("labels", "種類"), nps_group=QT_TRANSLATE_NOOP("labels", "NPS 区分"),
                   segment=QT_TRANSLATE_NOOP("labels", "ロイヤルティ区分"), rfm_segment=QT_TRANSLATE_NOOP("labels", "RFM 区分"))
# Sudachi's part-of-speech names are the values; the labels are translated
POS_NAMES = (QT_TRANSLATE_NOOP("labels", "名詞"), QT_TRANSLATE_NOOP("labels", "動詞"), QT_TRANSLATE_NOOP("labels", "形容詞"),
             QT_TRANSLATE_NOOP("labels", "形状詞"), QT_TRANSLATE_NOOP("labels", "副詞"))


def _fmt(v: float, digits: int = 3) -> str:
    return "—" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:.{digits}f}"


class CodeAnalysisView(QWidget):
    """Auto-coding rules, agreement, cross-tab and word views. Heavy work goes through the main
    window's ``run`` (a job with progress and cancel)."""

    open_ids = Signal(list, str)

    def __init__(self, project_path: Path, run) -> None:
        super().__init__()
        self.project_path = Path(project_path)
        self.run = run
        self.book: list[dict] = []
        self._freq_by = None
        lay = QVBoxLayout(self)
        self.tabs = QTabWidget()
        lay.addWidget(self.tabs)
        self._rules_tab()
        self._agreement_tab()
        self._crosstab_tab()
        self._words_tab()
        self.loaded = False

    def start(self, book: list[dict], coders: list[str]) -> None:
        self.book = book
        cur = self.rule_code.currentData()
        self.rule_code.clear()
        for c in book:
            self.rule_code.addItem(swatch(c["color"]), "　" * c["depth"] + c["name"], c["id"])
        if cur is not None:
            i = self.rule_code.findData(cur)
            if i >= 0:
                self.rule_code.setCurrentIndex(i)
        self.coders.clear()
        for n in coders:
            it = QListWidgetItem(n)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)
            self.coders.addItem(it)
        if not self.loaded:
            self.loaded = True
            self._loader = Job("dimensions", self.project_path, coding_ops().attribute_names).when("done", self._dimensions)
            self._loader.start()

    def idle(self) -> bool:
        return getattr(self, "_loader", None) is None or self._loader.finished

    def _dimensions(self, keys: list[str]) -> None:
        for k in keys:
            for box in (self.by, self.freq_by):
                if box.findData(k) < 0:
                    box.addItem(k, k)

    # --- rules ----------------------------------------------------------------------------------
    def _rules_tab(self) -> None:
        w = QWidget()
        lay = QVBoxLayout(w)
        form = QFormLayout()
        self.rule_code = QComboBox()
        self.rule_code.setObjectName("rule_code")
        self.rule_code.currentIndexChanged.connect(self._rule_of_code)
        form.addRow(self.tr("コード"), self.rule_code)
        self.rule = QLineEdit()
        self.rule.setObjectName("rule")
        self.rule.setPlaceholderText(self.tr("例: (配送 | 届く) & pain ・ \"箱が潰れ\" ・ 解約 & !継続 ・ attr:年代=30代 ・ nps:0-6 ・ topic:12"))
        self.rule.returnPressed.connect(self.preview)
        form.addRow(self.tr("ルール"), self.rule)
        lay.addLayout(form)
        lay.addLayout(buttons(((self.tr("プレビュー (Enter)"), self.preview, "rule_preview"),
                               (self.tr("ルールを保存して自動コーディング"), self.apply, "rule_apply"),
                               (self.tr("すべてのルールを適用"), self.apply_all, "rule_apply_all"),
                               (self.tr("未確認を承認"), lambda: self.review_all(True), "rule_accept"),
                               (self.tr("未確認を却下"), lambda: self.review_all(False), "rule_reject"))))
        help_ = QLabel(self.tr("語は見出し語で照合します（届く → 届いた・届きました）。& かつ、| または、! でない、"
                               "\"…\" は文字列、pain / delight / churn / advocacy、stage:・kind:・question:・"
                               "topic:・attr:・nps:・code: で条件を足せます。"))
        help_.setObjectName("rule_help")  # the rule language's own keywords (pain, churn …) are meant to be read here
        help_.setWordWrap(True)
        help_.setStyleSheet("color:#555555")
        lay.addWidget(help_)
        self.rule_result = QLabel()
        self.rule_result.setObjectName("rule_result")
        self.rule_result.setWordWrap(True)
        lay.addWidget(self.rule_result)
        self.rule_preview = QTextBrowser()
        self.rule_preview.setObjectName("rule_preview_text")
        lay.addWidget(self.rule_preview)
        self.tabs.addTab(w, self.tr("自動コーディング"))

    def _rule_of_code(self, _i=None) -> None:
        c = next((c for c in self.book if c["id"] == self.rule_code.currentData()), None)
        if c is not None:
            self.rule.setText(c["rule"])

    def preview(self) -> None:
        rule = self.rule.text().strip()
        if not rule:
            return
        error, _pos = coding_ops().check_rule(rule)
        if error is not None:
            self.rule_result.setText(f"<span style='color:#C00000'>{html.escape(error)}</span>")
            return
        self.run(self.tr("ルールのプレビュー"), coding_ops().rule_preview, rule=rule, quiet=True, done=self._show_preview)

    def _show_preview(self, p) -> None:
        """Show a ``voc_app.coding.RulePreview``: the count and the sample, matches marked."""
        res = p.result
        self.rule_result.setText(self.tr("<b>{0:,}</b> / {1:,} 件が該当（{2}）— 例を {3} 件表示").format(
            res.matches, res.total, html.escape(p.rule), len(p.rows)))
        out = []
        for row in p.rows:
            vid, text = row.id, row.text
            h, last = "", 0
            for s, e in row.spans:
                if s < last:
                    continue
                h += html.escape(text[last:s]) + f"<b style='background:#FFE699'>{html.escape(text[s:e])}</b>"
                last = e
            h += html.escape(text[last:])
            out.append(f"<p><span style='color:#888'>#{vid}</span> {h}</p>")
        self.rule_preview.setHtml("".join(out) or self.tr("<p>該当なし</p>"))

    def apply(self) -> None:
        cid = self.rule_code.currentData()
        rule = self.rule.text().strip()
        if cid is None or not rule:
            QMessageBox.information(self, self.tr("自動コーディング"), self.tr("コードを選び、ルールを書いてください"))
            return
        self.run(self.tr("自動コーディング"), coding_ops().apply_code_rule, code_id=cid, rule=rule,
                 done=lambda res: self.rule_result.setText(self._applied(res)))

    def apply_all(self) -> None:
        self.run(self.tr("自動コーディング"), coding_ops().apply_code_rule, code_id=None, rule=None,
                 done=lambda res: self.rule_result.setText(self._applied(res)))

    def _applied(self, res: dict) -> str:
        names = {c["id"]: c["name"] for c in self.book}
        if not res:
            return self.tr("ルールのあるコードがありません")
        return "<br>".join(self.tr("{0}: 該当 {1:,} 件（新規 {2:,}・外れた未確認 {3:,}）— 未確認として付けました。"
                                   "コーディング画面の「未確認の自動コードがある発言」で確認できます").format(
            html.escape(names.get(c, str(c))), r.matches, r.added, r.removed) for c, r in res.items())

    def review_all(self, accept: bool) -> None:
        cid = self.rule_code.currentData()
        if cid is not None:
            self.run(self.tr("自動コードの確認"), coding_ops().review_pending, code_id=cid, accept=accept,
                     done=lambda n: self.rule_result.setText(self.tr("{0:,} 件を{1}しました").format(
                         n, self.tr("承認") if accept else self.tr("却下"))))

    # --- agreement ------------------------------------------------------------------------------
    def _agreement_tab(self) -> None:
        w = QWidget()
        lay = QHBoxLayout(w)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("比べるコーダー（2 人以上）")))
        self.coders = QListWidget()
        self.coders.setObjectName("agreement_coders")
        self.coders.setMaximumWidth(220)
        left.addWidget(self.coders)
        b = QPushButton(self.tr("一致率を計算"))
        b.setObjectName("agreement_run")
        b.clicked.connect(self.compute_agreement)
        left.addWidget(b)
        lay.addLayout(left)
        right = QVBoxLayout()
        self.agree_summary = QLabel()
        self.agree_summary.setWordWrap(True)
        right.addWidget(self.agree_summary)
        self.agree_table = QTableWidget(0, 0)
        self.agree_table.setObjectName("agreement_table")
        self.agree_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        right.addWidget(self.agree_table, 1)
        right.addWidget(QLabel(self.tr("不一致（ダブルクリックで発言を開く）")))
        self.disagree = QTableWidget(0, 4)
        self.disagree.setHorizontalHeaderLabels([self.tr("発言"), self.tr("コード"), self.tr("付けた"), self.tr("本文")])
        self.disagree.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.disagree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.disagree.cellDoubleClicked.connect(
            lambda r, _c: self.open_ids.emit([int(self.disagree.item(r, 0).text())], self.tr("不一致")))
        right.addWidget(self.disagree, 1)
        lay.addLayout(right, 1)
        self.tabs.addTab(w, self.tr("一致率"))

    def compute_agreement(self) -> None:
        names = [self.coders.item(i).text() for i in range(self.coders.count())
                 if self.coders.item(i).checkState() == Qt.CheckState.Checked]
        if len(names) < 2:
            QMessageBox.information(self, self.tr("一致率"), self.tr("コーダーを 2 人以上選んでください"))
            return
        self.run(self.tr("一致率"), coding_ops().agreement_details, coders=names, quiet=True,
                 done=self._show_agreement)

    def _show_agreement(self, r) -> None:
        """Show a ``voc_app.coding.AgreementDetails``."""
        rep, names, texts = r.report, r.names, r.texts
        self.agree_summary.setText(self.tr(
            "共通に確認した発言 {0:,} 件 ・ 全体の一致率 {1} % ・ Cohen の κ {2} ・ Krippendorff の α {3}"
            "（発言ごとに各コードの有無で比較。κ は 2 人のとき）").format(
            rep.units, _fmt(rep.overall_percent, 1), _fmt(rep.overall_kappa), _fmt(rep.overall_alpha)))
        heads = [self.tr("コード"), self.tr("発言")] + [f"{c}" for c in rep.coders] + [self.tr("一致率%"), "κ", "α"]
        t = self.agree_table
        t.setColumnCount(len(heads))
        t.setHorizontalHeaderLabels(heads)
        t.setRowCount(len(rep.codes))
        for r, c in enumerate(rep.codes):
            vals = [names.get(c.code, str(c.code)), str(c.units)] + [str(c.applied[k]) for k in rep.coders] + [
                _fmt(c.percent, 1), _fmt(c.kappa), _fmt(c.alpha)]
            for k, v in enumerate(vals):
                t.setItem(r, k, QTableWidgetItem(v))
            if not math.isnan(c.kappa) and c.kappa < 0.6:
                t.item(r, len(vals) - 2).setBackground(QColor("#F8CBAD"))
        self.disagree.setRowCount(len(rep.disagreements))
        for r, d in enumerate(rep.disagreements):
            for k, v in enumerate([str(d.unit), names.get(d.code, str(d.code)), "、".join(d.applied_by),
                                   texts.get(d.unit, "")]):
                self.disagree.setItem(r, k, QTableWidgetItem(v))

    # --- cross-tab ------------------------------------------------------------------------------
    def _crosstab_tab(self) -> None:
        w = QWidget()
        lay = QVBoxLayout(w)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("コード ×")))
        self.by = QComboBox()
        self.by.setObjectName("crosstab_by")
        for key, name in BY_LABELS.items():
            self.by.addItem(name, key)
        row.addWidget(self.by)
        b = QPushButton(self.tr("集計"))
        b.setObjectName("crosstab_run")
        b.clicked.connect(lambda: self.run(self.tr("クロス集計"), coding_ops().crosstab, by=self.by.currentData(), quiet=True,
                                           done=self._show_crosstab))
        row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.ct = QTableWidget(0, 0)
        self.ct.setObjectName("crosstab")
        self.ct.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ct.cellDoubleClicked.connect(self._open_cell)
        lay.addWidget(self.ct)
        lay.addWidget(QLabel(self.tr("件数（列の回答に占める割合）。色: 調整済み残差 > 1.96 は多い（赤）、< −1.96 は少ない（青）。"
                                     "セルをダブルクリックでその発言を開く")))
        self.tabs.addTab(w, self.tr("クロス集計"))
        self._ct = None

    def _show_crosstab(self, ct) -> None:
        self._ct = ct
        t = self.ct
        t.setColumnCount(len(ct.columns) + 1)
        t.setHorizontalHeaderLabels([f"{label_of(ct.by, c)}\n(n={n:,})" for c, n in zip(ct.columns, ct.totals, strict=True)]
                                    + [self.tr("計")])
        t.setRowCount(len(ct.codes))
        t.setVerticalHeaderLabels(["　" * c["depth"] + (self.tr("{0}（子を含む）").format(c["name"]) if c.get("has_children")
                                                      else c["name"]) for c in ct.codes])
        for r, (row, pct, res) in enumerate(zip(ct.counts, ct.percent, ct.residual, strict=True)):
            for k, (n, p, z) in enumerate(zip(row, pct, res, strict=True)):
                it = QTableWidgetItem(f"{n:,} ({p:.1f}%)")
                it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if z > 1.96:
                    it.setBackground(QColor("#F4B183") if z > 3 else QColor("#FBE5D6"))
                elif z < -1.96:
                    it.setBackground(QColor("#9DC3E6") if z < -3 else QColor("#DEEBF7"))
                it.setToolTip(self.tr("調整済み残差 {0:.2f}").format(z))
                t.setItem(r, k, it)
            t.setItem(r, len(row), QTableWidgetItem(f"{sum(row):,}"))
        t.resizeColumnsToContents()

    def _open_cell(self, r: int, c: int) -> None:
        ct = self._ct
        if ct is None or c >= len(ct.columns):
            return
        code = ct.codes[r]
        value = ct.columns[c] if ct.columns[c] != "（なし）" else ""
        self.run(self.tr("発言を開く"), coding_ops().crosstab_cell_ids, code_id=code["id"], by=ct.by, value=value, quiet=True,
                 done=lambda ids: self.open_ids.emit(ids, f"{code['name']} × {label_of(ct.by, ct.columns[c])}"))

    # --- words ----------------------------------------------------------------------------------
    def _words_tab(self) -> None:
        w = QWidget()
        lay = QVBoxLayout(w)
        row = QHBoxLayout()  # frequency and KWIC
        self.pos = QComboBox()
        self.pos.addItem(self.tr("品詞: すべて"), None)
        for p in POS_NAMES:
            self.pos.addItem(i18n.label(p), p)
        row.addWidget(self.pos)
        self.freq_by = QComboBox()
        self.freq_by.addItem(self.tr("属性別: なし"), None)
        for key in ("polarity", "source", "nps_group"):
            self.freq_by.addItem(BY_LABELS[key], key)
        row.addWidget(self.freq_by)
        b = QPushButton(self.tr("頻度"))
        b.setObjectName("words_freq")
        b.clicked.connect(self.run_freq)
        row.addWidget(b)
        self.kwic_word = QLineEdit()
        self.kwic_word.setPlaceholderText(self.tr("KWIC の語（例: 届く）"))
        self.kwic_word.returnPressed.connect(self.run_kwic)
        row.addWidget(self.kwic_word, 1)
        lay.addLayout(row)
        row = QHBoxLayout()  # the co-occurrence network
        row.addWidget(QLabel(self.tr("共起ネットワーク:")))
        row.addWidget(QLabel(self.tr("語の数")))
        self.top_nodes = QSpinBox()
        self.top_nodes.setObjectName("network_nodes")
        self.top_nodes.setRange(5, 150)
        self.top_nodes.setValue(NetworkView.TOP)
        self.top_nodes.setToolTip(self.tr("出現の多い順にこの数の語（コード）だけを描きます"))
        self.top_nodes.valueChanged.connect(self._redraw_network)
        row.addWidget(self.top_nodes)
        row.addWidget(QLabel(self.tr("最小出現")))
        self.min_freq = QSpinBox()
        self.min_freq.setRange(1, 10000)
        self.min_freq.setValue(3)
        row.addWidget(self.min_freq)
        self.net_codes = QCheckBox(self.tr("コードの共起"))
        row.addWidget(self.net_codes)
        b = QPushButton(self.tr("描く"))
        b.setObjectName("words_network")
        b.setToolTip(self.tr("よく一緒に出てくる語を線で結びます（線の太さは Jaccard 係数、色はまとまり）"))
        b.clicked.connect(self.run_network)
        row.addWidget(b)
        b = QPushButton(self.tr("画像を保存…"))
        b.clicked.connect(self.save_network)
        row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.freq = QTableWidget(0, 4)
        self.freq.setObjectName("word_freq")
        self.freq.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.freq.cellDoubleClicked.connect(lambda r, _c: (self.kwic_word.setText(self.freq.item(r, 0).text()), self.run_kwic()))
        split.addWidget(self.freq)
        right = QTabWidget()
        self.network = NetworkView()
        self.network.setObjectName("network")
        self.kwic = QTextBrowser()
        right.addTab(self.network, self.tr("共起ネットワーク"))
        right.addTab(self.kwic, "KWIC")
        self.word_tabs = right
        split.addWidget(right)
        split.setSizes([380, 800])
        lay.addWidget(split)
        self.tabs.addTab(w, self.tr("語"))

    def _show_freq(self, rows) -> None:
        groups = sorted({g for r in rows for g in r.by_group})
        by = self._freq_by
        heads = [self.tr("語"), self.tr("品詞"), self.tr("出現"), self.tr("文書")] + [
            label_of(by, g) if g else label_of("nps_group", "（なし）") for g in groups]
        self.freq.setColumnCount(len(heads))
        self.freq.setHorizontalHeaderLabels(heads)
        self.freq.setRowCount(len(rows))
        for r, w in enumerate(rows):
            for k, v in enumerate([w.word, i18n.label(w.pos) if w.pos in POS_NAMES else w.pos, w.count, w.docs]
                                  + [w.by_group.get(g, 0) for g in groups]):
                it = QTableWidgetItem(str(v))
                if isinstance(v, int):
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.freq.setItem(r, k, it)

    def run_kwic(self) -> None:
        word = self.kwic_word.text().strip()
        if word:
            self.run(self.tr("KWIC"), coding_ops().word_view, view="kwic", word=word, quiet=True, done=self._show_kwic)

    def _show_kwic(self, lines) -> None:
        rows = "".join(f"<tr><td style='color:#888'>#{vid}</td><td align='right'>{html.escape(k.left)}</td>"
                       f"<td><b style='background:#9DC3E6'>{html.escape(k.keyword)}</b></td><td>{html.escape(k.right)}</td></tr>"
                       for vid, k in lines)
        self.kwic.setHtml(self.tr("<p>{0:,} 行</p>").format(len(lines)) + f"<table cellspacing='2'>{rows}</table>")
        self.word_tabs.setCurrentWidget(self.kwic)

    def run_freq(self) -> None:
        self._freq_by = self.freq_by.currentData()
        self.run(self.tr("語の頻度"), coding_ops().word_view, view="freq", pos=self.pos.currentData(),
                 by=self._freq_by, quiet=True, done=self._show_freq)

    def run_network(self) -> None:
        # more pairs than shown: the view keeps the most frequent nodes and their strong edges
        self.run(self.tr("共起ネットワーク"), coding_ops().word_view, view="network", pos=self.pos.currentData(),
                 min_freq=self.min_freq.value(), edges=max(60, 4 * self.top_nodes.value()),
                 codes=self.net_codes.isChecked(), quiet=True, done=self._show_network)

    def _show_network(self, net) -> None:
        self.network.draw(net, top=self.top_nodes.value())
        self.word_tabs.setCurrentWidget(self.network)

    def _redraw_network(self) -> None:
        if self.network.net is not None:
            self.network.draw(self.network.net, top=self.top_nodes.value())

    def save_network(self) -> None:
        if self.network.net is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("ネットワークを保存"), str(self.project_path.parent / "network.png"),
                                              "PNG (*.png);;SVG (*.svg)")
        if name:
            self.network.save(name)
