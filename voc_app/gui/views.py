"""The app's views: overview, verbatims, topics, customers, imports. Each reads through
``voc_app`` functions; edits and heavy work go through the main window (jobs, undo)."""

from __future__ import annotations

import html
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedLayout,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from voc_app.gui import colors
from voc_app.gui.empty_state import EmptyState
from voc_app.gui.icons import icon
from voc_app.gui.labels import (  # noqa: F401 - EVIDENCE_LABELS, REVIEW_LABELS and SEGMENT_LABELS re-exported
    CHURN_STAGE_LABELS,
    CUSTOMER_STAGE_LABELS,
    EVIDENCE_LABELS,
    FORMAT_LABELS,
    KIND_LABELS,
    POLARITY_LABELS,
    REVIEW_LABELS,
    SEGMENT_LABELS,
    SEGMENT_ORDER,
    STAGE_LABELS,
    customer_stage_label,
    evidence_label,
    label_of,
)
from voc_app.gui.models import RowsModel, VerbatimModel
from voc_app.gui.network import TopicMapView

# pyqtgraph's exit clean-up deletes graphics items at interpreter shutdown, after PySide6 has
# started tearing down: with PySide6 6.x that crashes the process on exit. Qt frees them itself.
pg.setConfigOptions(exitCleanup=False, antialias=True)

DELIGHT, PAIN = colors.color_of("delight"), colors.color_of("pain")


def _table(model, stretch: int | None = None) -> QTableView:
    v = QTableView()
    v.setModel(model)
    v.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    v.setAlternatingRowColors(True)
    v.verticalHeader().setVisible(False)
    v.verticalHeader().setDefaultSectionSize(24)
    if stretch is not None:
        v.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return v


def _fit_column(table: QTableView, col: int, texts, minimum: int) -> None:
    """Width for the longest of ``texts`` (labels differ in length between languages)."""
    fm = table.fontMetrics()
    table.setColumnWidth(col, max(minimum, max((fm.horizontalAdvance(t) for t in texts), default=0) + 16))


def _bar_chart(title: str, labels: list[str], values: list[float], color: str = colors.BLUE,
               stacked: list[float] | None = None, stacked_color: str = PAIN,
               brushes: list[str] | None = None, export: tuple[list[str], list[tuple]] | None = None) -> pg.PlotWidget:
    """Bars (one colour, or ``brushes`` per bar from ``colors.color_of``), optionally a second
    series stacked on them; ``export``: the (header, rows) its 「表を書き出す…」 writes."""
    w = pg.PlotWidget(background="w")
    w.setTitle(title, color=colors.HIGHLIGHT, size="11pt")
    w.setMinimumHeight(170)
    xs = list(range(len(labels)))
    if brushes:
        w.addItem(pg.BarGraphItem(x=xs, height=values, width=0.6, brushes=brushes, pens=brushes))
    else:
        w.addItem(pg.BarGraphItem(x=xs, height=values, width=0.6, brush=color, pen=color))
    if stacked is not None:
        w.addItem(pg.BarGraphItem(x=xs, y0=values, height=stacked, width=0.6, brush=stacked_color, pen=stacked_color))
    top = max((v + (stacked[i] if stacked else 0) for i, v in enumerate(values)), default=0)
    w.setYRange(0, max(1, top) * 1.08, padding=0)
    w.setXRange(-0.6, len(labels) - 0.4, padding=0)
    ax = w.getAxis("bottom")
    ax.setTicks([list(zip(xs, labels, strict=True))])
    ax.setTextPen("#333333")
    w.getAxis("left").setTextPen("#333333")
    w.setMouseEnabled(False, False)
    w.hideButtons()
    from voc_app.gui.table_export import attach

    attach(w, title, rows=(lambda: export) if export is not None else None)
    return w


def _legend(items: list[tuple[str, str]]) -> QLabel:
    """A one-line colour key: (colour, label) pairs."""
    lab = QLabel("　".join(f"<span style='color:{c}'>■</span> {html.escape(t)}" for c, t in items))
    lab.setObjectName("legend")
    lab.setStyleSheet("color: #333333;")
    lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return lab


def _with_legend(chart: QWidget, legend: QLabel) -> QWidget:
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addWidget(chart, 1)
    lay.addWidget(legend)
    return box


def _no_data(text: str) -> QLabel:
    lab = QLabel(text)
    lab.setObjectName("no_data")
    lab.setWordWrap(True)
    lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
    lab.setStyleSheet("color: #777777; border: 1px solid #DDDDDD; background: #FAFAFA; padding: 12px;")
    lab.setMinimumHeight(120)
    return lab


def whole_words(text: str, evidence: list[dict]) -> list[dict]:
    """Evidence spans widened to whole words (``voc_app.analysis.evidence_words``): never a
    fragment such as 「嬉し」 or 「替えの」; the stored spans when the text cannot be read."""
    from voc_app.analysis import evidence_words

    try:
        return evidence_words(text, evidence)
    except Exception:  # noqa: BLE001 - the detail still shows the spans as stored
        return evidence


def _highlight(text: str, evidence: list[dict], term: str = "") -> str:
    """HTML of ``text`` with evidence spans (and a search term) highlighted."""
    marks = [0] * (len(text) + 1)
    kinds = {}
    for e in evidence:
        for i in range(max(0, e.get("start", 0)), min(len(text), e.get("end", 0))):
            marks[i] = 1
            kinds[i] = e.get("kind", "")
    if term:
        start = text.find(term)
        while start >= 0 and term:
            for i in range(start, start + len(term)):
                marks[i] = 2
            start = text.find(term, start + len(term))
    out, i = [], 0
    colours = {1: "#FFE699", 2: "#9DC3E6"}
    while i < len(text):
        j = i
        while j < len(text) and marks[j] == marks[i]:
            j += 1
        chunk = html.escape(text[i:j]).replace("\n", "<br>")
        out.append(f'<span style="background:{colours[marks[i]]}">{chunk}</span>' if marks[i] else chunk)
        i = j
    return "".join(out)


# ------------------------------------------------------------------------------------------------

class OverviewView(QWidget):
    """The project at a glance; a project without data shows a way in instead (``EmptyState``:
    drop a file, import, or open the sample), never empty charts. Its card 「NPS を動かすトピック」
    lists the top 3 topics to fix and to protect (``drivers_view.DriversCard``); a double-click
    lists a topic's verbatims (``open_topic``)."""

    open_topic = Signal(str, object, str)  # side, topic id, label

    def __init__(self, project_path: Path) -> None:
        super().__init__()
        self.project_path = project_path
        self.setObjectName("overview")
        self.stack = QStackedLayout(self)
        self.empty = EmptyState()
        self.board = QWidget()
        self.board.setObjectName("dashboard")
        self.grid = QGridLayout(self.board)
        self.stack.addWidget(self.board)
        self.stack.addWidget(self.empty)
        self.stack.setCurrentWidget(self.board)
        self.drivers_card = None  # DriversCard, once the data are shown

    @staticmethod
    def load(p) -> dict:
        """Everything the overview shows (runs in a worker thread)."""
        from voc_app.gui.drivers_view import load_drivers
        from voc_app.overview import overview_figures

        return overview_figures(p) | {"drivers": load_drivers(p)}

    def is_empty(self) -> bool:
        return self.stack.currentWidget() is self.empty

    def show_data(self, d: dict) -> None:
        while self.grid.count():
            w = self.grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        counts = d["counts"]
        if not (counts.get("verbatims") or counts.get("customers") or counts.get("responses")):
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.board)
        nps, months, kinds, topics, segs, batches = (d["nps"], d["months"], d["kinds"], d["topics"], d["segs"],
                                                     d["batches"])
        head = QLabel(self.tr("発言 {0:,}（無回答 {1:,}） ・ 顧客 {2:,} ・ 回答 {3:,} ・ チケット {4:,} ・ 取り込み {5}").format(
            counts["verbatims"], counts["non_answers"], counts["customers"], counts["responses"], counts["tickets"],
            batches))
        head.setObjectName("summary")
        head.setWordWrap(True)
        head.setStyleSheet("font-size: 16px; padding: 4px;")
        self.grid.addWidget(head, 0, 0, 1, 3)
        kinds_txt = " ・ ".join(f"{label_of('kind', k)} {n:,}" for k, n, _, _ in kinds)
        self.grid.addWidget(QLabel(self.tr("種類: ") + (kinds_txt or "—")), 1, 0, 1, 3)
        total = sum(nps.values())
        if total:
            score = (sum(c for k, c in nps.items() if k >= 9) - sum(c for k, c in nps.items() if k <= 6)) / total * 100
            chart = _bar_chart(self.tr("NPS の分布（NPS {0:+.1f}、{1:,} 件）").format(score, total),
                               [str(k) for k in range(11)], [nps.get(k, 0) for k in range(11)],
                               brushes=colors.nps_colors(range(11)),
                               export=([self.tr("NPS"), self.tr("件数")], [(k, nps.get(k, 0)) for k in range(11)]))
            chart.setObjectName("chart_nps")
            self.grid.addWidget(_with_legend(chart, _legend([
                (colors.color_of("detractor"), self.tr("批判者 0–6")), (colors.color_of("passive"), self.tr("中立者 7–8")),
                (colors.color_of("promoter"), self.tr("推奨者 9–10"))])), 2, 0)
        else:
            self.grid.addWidget(_no_data(self.tr("NPS の回答はありません")), 2, 0)
        by_m: dict[str, dict[str, int]] = {}
        for m, pol, c in months:
            by_m.setdefault(m, {})[pol] = c
        ms = sorted(m for m in by_m if m)
        if ms and any(by_m[m].get("delight") or by_m[m].get("pain") for m in ms):
            chart = _bar_chart(self.tr("月別の喜びと不満"), [m[2:] for m in ms],
                               [by_m[m].get("delight", 0) for m in ms], DELIGHT,
                               [by_m[m].get("pain", 0) for m in ms], PAIN,
                               export=([self.tr("月"), label_of("polarity", "delight"), label_of("polarity", "pain")],
                                       [(m, by_m[m].get("delight", 0), by_m[m].get("pain", 0)) for m in ms]))
            chart.setObjectName("chart_months")
            self.grid.addWidget(_with_legend(chart, _legend([(DELIGHT, label_of("polarity", "delight")),
                                                              (PAIN, label_of("polarity", "pain"))])), 2, 1)
        else:
            self.grid.addWidget(_no_data(self.tr("日付のある喜び・不満の声はまだありません（分析を更新すると数えます）")), 2, 1)
        now = segs["now"]
        base = ("ambassador", "loyal", "at_risk", "dormant", "unknown")
        keys = [k for k in SEGMENT_ORDER if k in base or now.get(k)] + sorted(k for k in now if k not in SEGMENT_ORDER)
        moved = segs["moved"]["customers"]
        if sum(now.values()):
            chart = _bar_chart(self.tr("ロイヤルティ区分（前回から移動 {0} 人）").format(moved),
                               [label_of("segment", k) for k in keys], [now.get(k, 0) for k in keys],
                               brushes=[colors.color_of(k, colors.GREY) for k in keys],
                               export=([self.tr("区分"), self.tr("人数"), self.tr("前回")],
                                       [(label_of("segment", k), now.get(k, 0), segs["before"].get(k, 0)) for k in keys]))
            chart.setObjectName("chart_segments")
            # the change since the previous scoring, under the chart
            changes = [self.tr("{0} {1:,} → {2:,}").format(label_of("segment", k), segs["before"].get(k, 0), now.get(k, 0))
                       for k in keys if segs["before"] and (segs["before"].get(k, 0) or now.get(k, 0))]
            change = QLabel(self.tr("前回の評価から: {0}").format("、".join(changes)) if changes else
                            self.tr("前回の評価はまだありません（取り込みのたびに比べます）"))
            change.setObjectName("segment_changes")
            change.setWordWrap(True)
            change.setAlignment(Qt.AlignmentFlag.AlignCenter)
            change.setStyleSheet("color: #333333;")
            self.grid.addWidget(_with_legend(chart, change), 2, 2)
        else:
            self.grid.addWidget(_no_data(self.tr("顧客の評価はまだありません（分析を更新すると評価します）")), 2, 2)
        for col, side, name, colour in ((0, "delight", self.tr("喜びのトピック上位"), DELIGHT),
                                        (1, "pain", self.tr("不満のトピック上位"), PAIN)):
            box = QGroupBox(name)
            box.setStyleSheet(f"QGroupBox {{ font-weight: bold; color: {colour}; }}")
            lay = QVBoxLayout(box)
            ts = topics[side]["topics"][:8]
            if not ts:
                lay.addWidget(QLabel(self.tr("まだありません（トピック画面で推定します）")))
            for t in ts:
                lab = QLabel(self.tr("{0}　<b>{1:,}</b> 件（{2:.0f}%）").format(html.escape(t["label"]), t["size"],
                                                                             t["share"] * 100))
                lab.setWordWrap(True)
                lay.addWidget(lab)
            lay.addStretch()
            self.grid.addWidget(box, 3, col)
        from voc_app.gui.drivers_view import DriversCard

        card = DriversCard()  # what drives NPS: the top 3 to fix and to protect
        card.set_data(d.get("drivers") or {})
        card.open_topic.connect(self.open_topic.emit)
        self.drivers_card = card
        self.grid.addWidget(card, 3, 2)
        for c in range(3):
            self.grid.setColumnStretch(c, 1)
        self.grid.setRowStretch(2, 1)
        self.grid.setRowStretch(3, 1)


# ------------------------------------------------------------------------------------------------

class VerbatimsView(QWidget):
    def __init__(self, project_path: Path) -> None:
        super().__init__()
        self.model = VerbatimModel(project_path)
        # two modes: every verbatim (一覧) and the review queue (確認待ち, added by the main window)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.modes = QTabWidget()
        self.modes.setObjectName("verbatim_modes")
        self.modes.setDocumentMode(True)
        browse = QWidget()
        self.modes.addTab(browse, self.tr("一覧"))
        outer.addWidget(self.modes)
        lay = QVBoxLayout(browse)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("検索（例: 配送、解約）— Enter で検索"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 3)
        self.filters: dict[str, QComboBox] = {}
        for key, label, options in (
                ("kind", self.tr("種類"), KIND_LABELS), ("polarity", self.tr("極性"), POLARITY_LABELS),
                ("stage", self.tr("段階"), STAGE_LABELS),
                ("signal", self.tr("兆し"), {"churn": self.tr("解約の兆し"), "advocacy": self.tr("推奨・紹介")})):
            box = QComboBox()
            box.setObjectName(f"filter_{key}")
            box.addItem(self.tr("{0}: すべて").format(label), None)
            for k, v in options.items():
                box.addItem(v, k)
            box.currentIndexChanged.connect(self.apply)
            self.filters[key] = box
            bar.addWidget(box)
        self.customer = QLineEdit()
        self.customer.setPlaceholderText(self.tr("顧客 ID"))
        self.customer.setMaximumWidth(110)
        self.customer.returnPressed.connect(self.apply)
        bar.addWidget(self.customer)
        self.count = QLabel()
        self.count.setObjectName("count")
        bar.addWidget(self.count)
        lay.addLayout(bar)
        # second row: question, period, attribute
        bar2 = QHBoxLayout()
        self.question = QComboBox()
        self.question.setObjectName("filter_question")
        self.question.addItem(self.tr("設問・チャネル: すべて"), None)
        self.question.setMinimumContentsLength(16)
        self.question.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.question.currentIndexChanged.connect(self.apply)
        bar2.addWidget(self.question, 3)
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        for edit, name, hint in ((self.date_from, "filter_from", self.tr("開始日 2025-01-01")),
                                 (self.date_to, "filter_to", self.tr("終了日 2025-06-30"))):
            edit.setObjectName(name)
            edit.setPlaceholderText(hint)
            edit.setToolTip(hint)
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(hint) + 40)
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance(hint) + 48)
            edit.setClearButtonEnabled(True)
            edit.returnPressed.connect(self.apply)
            bar2.addWidget(edit)
        self.attribute = QLineEdit()
        self.attribute.setObjectName("filter_attribute")
        self.attribute.setPlaceholderText(self.tr("属性 例: 年代=30代（Enter）"))
        self.attribute.setClearButtonEnabled(True)
        self.attribute.returnPressed.connect(self.apply)
        bar2.addWidget(self.attribute, 1)
        lay.addLayout(bar2)
        split = QSplitter(Qt.Orientation.Vertical)
        self.table = _table(self.model, 7)
        for col, width in ((1, 220), (2, 80), (3, 122), (6, 70)):
            self.table.setColumnWidth(col, width)
        _fit_column(self.table, 0, KIND_LABELS.values(), 86)
        _fit_column(self.table, 4, POLARITY_LABELS.values(), 50)
        _fit_column(self.table, 5, STAGE_LABELS.values(), 70)
        split.addWidget(self.table)
        detail = QTabWidget()
        self.detail = QTextBrowser()
        self.detail.setObjectName("detail")
        self.kwic = QTextBrowser()
        self.kwic.setObjectName("kwic")
        detail.addTab(self.detail, self.tr("発言と根拠"))
        detail.addTab(self.kwic, self.tr("KWIC（検索語の前後）"))
        split.addWidget(detail)
        split.setSizes([520, 180])
        lay.addWidget(split)
        self.search.returnPressed.connect(self.apply)
        self.model.completed.connect(self._counted)
        self.table.selectionModel().currentRowChanged.connect(self._show)
        self.extra: dict = {}

    def set_questions(self, questions: list[str]) -> None:
        """Fill the question filter (from the overview's per-question counts)."""
        current = self.question.currentData()
        self.question.blockSignals(True)
        while self.question.count() > 1:
            self.question.removeItem(1)
        for q in questions:
            self.question.addItem(q[:60], q)
        i = self.question.findData(current)
        self.question.setCurrentIndex(max(i, 0))
        self.question.blockSignals(False)

    def _filters(self) -> dict | None:
        """The filters of both rows; None (and a message) when a date or attribute is unreadable."""
        from voc_app.importing import parse_datetime

        f = {k: b.currentData() for k, b in self.filters.items() if b.currentData()}
        if self.customer.text().strip():
            f["customer"] = self.customer.text().strip()
        if self.question.currentData():
            f["question"] = self.question.currentData()
        for edit, key in ((self.date_from, "date_from"), (self.date_to, "date_to")):
            text = edit.text().strip()
            if text:
                iso = parse_datetime(text)
                if iso is None:
                    self.count.setText(self.tr("日付が読めません: {0}（例 2025-04-01）").format(text))
                    return None
                f[key] = iso[:10]
        attr = self.attribute.text().strip()
        if attr:
            key, sep, value = attr.partition("=")
            if not sep or not key.strip():
                self.count.setText(self.tr("属性は 名前=値 の形で（例 年代=30代）"))
                return None
            f["cell"] = (key.strip(), value.strip())
        return f

    def apply(self) -> int:
        f = self._filters()
        if f is None:
            return 0
        f.update(self.extra)
        n = self.model.query(self.search.text(), f)
        if not self.model.complete:
            self.count.setText(self.tr("{0:,}+ 件（数えています…）").format(n))
        self._kwic()
        return n

    def _counted(self, n: int) -> None:
        self.count.setText(self.tr("{0:,} 件").format(n))

    def show_topic(self, side: str, topic_id: int | None, label: str) -> None:
        self.extra = {"topic": (side, topic_id)}
        self.count.setToolTip(label)
        self.apply()

    def clear_extra(self) -> None:
        self.extra = {}

    def _show(self, current, _previous=None) -> None:
        row = self.model.row(current.row())
        if row is None:
            self.detail.clear()
            return
        meta = (f"{label_of('kind', row.kind)} ・ {html.escape(row.question or '')} ・ {row.customer or '—'}"
                f" ・ {(row.created_at or '')[:16].replace('T', ' ')}")
        ev = whole_words(row.text, self.model.evidence(current.row()))
        grouped: dict[str, list[str]] = {}
        for e in ev:  # 段階（活用）: 定期便・いつも ／ 極性: 嬉しい
            words = grouped.setdefault(evidence_label(e["kind"], e.get("label", "")), [])
            if e["text"] not in words:
                words.append(e["text"])
        cues = " ／ ".join(html.escape(f"{what}: {'・'.join(words)}") for what, words in grouped.items())
        evidence_word = self.tr("根拠")
        # how sure the model is: of the polarity it chose, and that there is churn / advocacy
        sure = " ・ ".join(f"{label_of('evidence', k)} {p:.0%}" for k, p in
                          (("polarity", row.polarity_p), ("churn", row.churn_p), ("advocacy", row.advocacy_p))
                          if p is not None)
        sure_word = self.tr("確からしさ")
        sure_line = f"<p style='color:#777'>{sure_word}: {sure}</p>" if sure else ""
        # who set the labels: ✎ a person (a correction), or the model the project taught
        signals = "・".join(label_of("evidence", k) for k, on in (("churn", row.churn), ("advocacy", row.advocacy)) if on)
        who = {"person": f" <b style='color:{colors.HIGHLIGHT}'>✎ {label_of('label_source', 'person')}</b>",
               "project": f" <span style='color:#777'>（{label_of('label_source', 'project')}）</span>"
               }.get(row.label_source or "", "")
        self.detail.setHtml(f"<p style='color:#555'>{meta}</p><p style='font-size:15px'>"
                            f"{_highlight(row.text, ev, self.search.text().strip())}</p>"
                            f"<p style='color:#555'>{label_of('polarity', row.polarity)} ・ "
                            f"{label_of('stage', row.stage)}{' ・ ' + signals if signals else ''}{who} ・ "
                            f"{evidence_word}: {cues or '—'}</p>{sure_line}")

    def _kwic(self, width: int = 24, limit: int = 200) -> None:
        term = self.search.text().strip()
        if not term:
            self.kwic.setHtml(self.tr("<p style='color:#777'>検索語を入れると、その前後の文脈を一覧します。</p>"))
            return
        lines = []
        for r in range(min(self.model.rowCount(), limit * 2)):
            row = self.model.row(r)
            text = row.text.replace("\n", " ") if row else ""
            i = text.find(term)
            while i >= 0 and len(lines) < limit:
                left, right = text[max(0, i - width):i], text[i + len(term):i + len(term) + width]
                lines.append(f"<tr><td align='right'>{html.escape(left)}</td><td><b style='background:#9DC3E6'>"
                             f"{html.escape(term)}</b></td><td>{html.escape(right)}</td></tr>")
                i = text.find(term, i + len(term))
        self.kwic.setHtml("<table cellspacing='2'>" + "".join(lines) + "</table>")


# ------------------------------------------------------------------------------------------------

class TopicsView(QWidget):
    """Three pages: the delight and pain maps side by side, each with a toolbar of its edits
    (icons, tooltips; the same actions in the table's context menu, enabled as the selection
    allows), a topic's label over its keywords and a 「混在」 flag on a topic mixing two themes,
    the selected topic's words, quotes and charts below; 「NPS への影響」 (what drives NPS, per
    side); and the word clouds of delight and pain."""

    edit_requested = Signal(str, str, tuple)   # side, action, args
    refit_requested = Signal(str)
    open_verbatims = Signal(str, object, str)  # side, topic id (None = rare voices), label
    to_code = Signal(int)                      # topic id: make it a code (answers auto-coded, pending)

    def __init__(self, project_path: Path) -> None:
        from voc_app.gui.drivers_view import DriversPage
        from voc_app.gui.topic_widgets import TopicLabelDelegate, TopicsModel
        from voc_app.gui.wordcloud_view import WordCloudView

        super().__init__()
        self.project_path = project_path
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self.pages = QTabWidget()
        self.pages.setObjectName("topics_pages")
        self.pages.setDocumentMode(True)
        outer.addWidget(self.pages)
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 4, 0, 0)
        maps = QHBoxLayout()
        self.tables: dict[str, QTableView] = {}
        self.models: dict[str, TopicsModel] = {}
        self.delegates: dict[str, TopicLabelDelegate] = {}
        self.totals: dict[str, QLabel] = {}
        self.actions: dict[str, dict[str, QAction]] = {}
        self.toolbars: dict[str, QToolBar] = {}
        for side, title, colour in (("delight", self.tr("喜びのトピック"), DELIGHT), ("pain", self.tr("不満のトピック"), PAIN)):
            box = QGroupBox(title)
            box.setStyleSheet(f"QGroupBox {{ font-weight: bold; color: {colour}; }}")
            bl = QVBoxLayout(box)
            self.totals[side] = QLabel()
            self.totals[side].setWordWrap(True)
            bl.addWidget(self.totals[side])
            model = TopicsModel([self.tr("ID"), self.tr("トピック"), self.tr("件数"), self.tr("割合")])
            table = _table(model, 1)
            table.setObjectName(f"topics_{side}")
            delegate = TopicLabelDelegate(table)
            delegate.flag_clicked.connect(lambda row, s=side: self._offer_split(s, row))
            table.setItemDelegateForColumn(1, delegate)
            table.verticalHeader().setDefaultSectionSize(delegate.row_height(table.font()))
            table.setMouseTracking(True)
            self.delegates[side] = delegate
            table.setColumnWidth(0, 44)
            table.setColumnWidth(2, 56)
            table.setColumnWidth(3, 56)
            table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            table.selectionModel().currentRowChanged.connect(lambda cur, _p, s=side: self._detail(s, cur.row()))
            table.selectionModel().selectionChanged.connect(lambda *_a, s=side: self._enable(s))
            table.doubleClicked.connect(lambda idx, s=side: self._open(s, idx.row()))
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            table.customContextMenuRequested.connect(lambda pos, s=side: self._menu(s, pos))
            self.tables[side], self.models[side] = table, model
            self.toolbars[side] = self._toolbar(side, table)
            bl.addWidget(self.toolbars[side])
            bl.addWidget(table)
            maps.addWidget(box)
        lay.addLayout(maps, 3)
        bottom = QHBoxLayout()
        self.detail = QTextBrowser()
        self.detail.setObjectName("topic_detail")
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self._detail_link)
        bottom.addWidget(self.detail, 1)
        charts = QTabWidget()
        charts.setObjectName("topic_charts")
        self.bars = pg.PlotWidget(background="w")
        self.map = TopicMapView()
        self.map.setObjectName("topic_map")
        self.trend = pg.PlotWidget(background="w")
        for w in (self.bars, self.trend):
            w.setMouseEnabled(False, False)
            w.hideButtons()
            for ax in ("left", "bottom"):
                w.getAxis(ax).setTextPen("#333333")
        for w, title in ((self.bars, self.tr("件数")), (self.map, self.tr("トピック間マップ")), (self.trend, self.tr("月別の推移"))):
            charts.addTab(w, title)
        self.charts = charts
        charts.hide()  # until a topic is selected: never empty axes
        bottom.addWidget(charts, 1)
        lay.addLayout(bottom, 2)
        self.pages.addTab(page, self.tr("トピック一覧"))
        self.drivers = DriversPage()
        self.drivers.setObjectName("topics_drivers")
        for panel in self.drivers.panels.values():
            panel.open_topic.connect(self.open_verbatims.emit)
        self.pages.addTab(self.drivers, self.tr("NPS への影響"))
        self.clouds = WordCloudView(project_path)
        self.pages.addTab(self.clouds, self.tr("ワードクラウド"))
        self.data: dict[str, dict] = {}
        for side in ("delight", "pain"):
            self._enable(side)

    def idle(self) -> bool:
        """No word cloud is being drawn (tests and screenshots wait for this)."""
        return self.clouds.idle()

    def _offer_split(self, side: str, row: int) -> None:
        """The 「混在」 flag was clicked: offer to split the topic in two (undoable)."""
        from PySide6.QtWidgets import QMessageBox

        topics = (self.data.get(side) or {}).get("topics") or []
        if not 0 <= row < len(topics):
            return
        t = topics[row]
        answer = QMessageBox.question(
            self, self.tr("トピックを分割"),
            self.tr("「{0}」には 2 つの話題が混ざっているようです。2 つのトピックに分割しますか？"
                    "（Ctrl+Z で元に戻せます）").format(t["label"]))
        if answer == QMessageBox.StandardButton.Yes:
            self.edit_requested.emit(side, "split", (t["id"], 2))

    def _detail_link(self, url) -> None:
        """A link of the detail pane: ``split:SIDE:ROW`` offers the split of a mixed topic."""
        parts = url.toString().split(":")
        if len(parts) == 3 and parts[0] == "split":
            self._offer_split(parts[1], int(parts[2]))

    def _toolbar(self, side: str, table: QTableView) -> QToolBar:
        """The side's edits as actions with icons and tooltips, in a toolbar and the table's context menu."""
        specs = (
            ("rename", self.tr("名前を変更…"), self.tr("選んだトピックの名前を変えます（F2）"), "F2"),
            ("merge", self.tr("統合"), self.tr("選んだ 2 つ以上のトピックを 1 つにまとめます（Ctrl / Shift + クリックで複数選択）"), None),
            ("split", self.tr("分割"), self.tr("選んだトピックの回答を 2 つのトピックに分け直します"), None),
            ("move", self.tr("回答を移動…"), self.tr("選んだトピックの回答の一部を、別のトピックかまれな声へ移します"), None),
            ("delete", self.tr("削除"), self.tr("選んだトピックを削除します。回答はまれな声になります（Del）"), "Delete"),
            None,
            ("undo", self.tr("元に戻す"), self.tr("このマップの最後の編集を取り消します（Ctrl+Z）"), None),
            ("redo", self.tr("やり直し"), self.tr("取り消した編集をやり直します（Ctrl+Shift+Z）"), None),
            None,
            ("refit", self.tr("推定し直す"), self.tr("このマップのトピックを最初から推定し直します（名前を付けたトピックと移した回答は残ります）"), None),
            ("rare", self.tr("まれな声"), self.tr("どのトピックにも入らなかった少数の声を一覧します"), None),
            None,
            ("code", self.tr("コードにする"), self.tr("選んだトピックをコードブックのコードにし、その回答に未確認の自動コードとして付けます"
                                                  "（コーディング画面で承認・却下できます）"), None),
        )
        bar = QToolBar()
        bar.setObjectName(f"{side}_toolbar")
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        acts: dict[str, QAction] = {}
        for spec in specs:
            if spec is None:
                bar.addSeparator()
                continue
            name, text, tip, key = spec
            a = QAction(icon("to_code" if name == "code" else name), text, self)
            a.setObjectName(f"{side}_{name}")
            a.setToolTip(f"<b>{html.escape(text.rstrip('…'))}</b><br>{html.escape(tip)}")
            a.setStatusTip(tip)
            a.triggered.connect(lambda _c=False, s=side, n=name: self._action(s, n))
            if key:
                a.setShortcut(QKeySequence(key))
                a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                table.addAction(a)
            bar.addAction(a)
            acts[name] = a
        # the one action whose name a user needs to read: its text beside the icon
        bar.widgetForAction(acts["code"]).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.actions[side] = acts
        return bar

    def _menu(self, side: str, pos) -> None:
        acts = self.actions[side]
        menu = QMenu(self)
        menu.setObjectName(f"{side}_menu")
        for name in ("rename", "merge", "split", "move", "delete", None, "code", None, "undo", "redo", None, "refit",
                     "rare"):
            menu.addSeparator() if name is None else menu.addAction(acts[name])
        from voc_app.gui.table_export import add_export_action

        add_export_action(menu, self.tables[side])  # 「表を書き出す…」
        menu.popup(self.tables[side].viewport().mapToGlobal(pos))
        self._context_menu = menu

    def _enable(self, side: str) -> None:
        """Each action enabled when it can do something: one topic selected for rename, split,
        move, delete and to-code; two or more for merge; undo / redo when there is an edit."""
        acts = self.actions[side]
        n = len(self.selected(side))
        info = self.data.get(side) or {}
        fitted = bool(info.get("run"))
        for name in ("rename", "split", "move", "delete", "code"):
            acts[name].setEnabled(n == 1)
        acts["merge"].setEnabled(n >= 2)
        acts["undo"].setEnabled(bool(info.get("undo")))
        acts["redo"].setEnabled(bool(info.get("redo")))
        acts["rare"].setEnabled(fitted and bool(info.get("rare")))
        acts["refit"].setEnabled(bool(info) and bool(info.get("answers") or not fitted))

    @staticmethod
    def load(p) -> dict:
        from voc_app.gui.drivers_view import load_drivers
        from voc_app.topics import topic_maps

        return topic_maps(p) | {"drivers": load_drivers(p)}

    def show_data(self, data: dict) -> None:
        self.drivers.set_data(data.get("drivers") or {})
        self.clouds.invalidate()
        for side in ("delight", "pain"):
            info = self.data[side] = data[side]
            self.models[side].set_topics(info["topics"])
            run = info["run"]
            self.totals[side].setText(
                self.tr("回答 {0:,} 件 ・ トピック {1} ・ まれな声 {2:,} 件").format(
                    info["answers"], len(info["topics"]), info["rare"]) if run else
                self.tr("まだ推定していません — 「推定し直す」で推定します"))
            self._enable(side)
        if not any(self.data[s]["topics"] for s in ("delight", "pain")):
            self.charts.hide()
            self.detail.setHtml(self.tr("<p style='color:#777'>トピックはまだありません。発言を取り込んで分析を更新（F5）すると、"
                                        "喜びと不満の声がトピックにまとまります。</p>"))
        elif not self.charts.isVisible() and not self.detail.toPlainText().strip():
            self.detail.setHtml(self.tr("<p style='color:#777'>トピックを選ぶと、語・代表的な声・件数と推移を表示します。</p>"))

    def selected(self, side: str) -> list[int]:
        rows = sorted({i.row() for i in self.tables[side].selectionModel().selectedRows()})
        keys = self.models[side].keys
        return [keys[r] for r in rows if r < len(keys)]

    def _overview_charts(self, side: str, current: int) -> None:
        """Bars by size and a 2-D map of topic centres (PCA), the current topic highlighted."""
        import numpy as np

        info = self.data[side]
        ts = info["topics"][:15]
        colour = DELIGHT if side == "delight" else PAIN
        self.bars.clear()
        ys = list(range(len(ts)))
        self.bars.addItem(pg.BarGraphItem(x0=0, y=ys, width=[t["size"] for t in ts], height=0.7,
                                          brushes=[colour if t["id"] == current else "#BBBBBB" for t in ts]))
        self.bars.getAxis("left").setTicks([[(i, t["label"][:12]) for i, t in enumerate(ts)]])
        self.bars.getViewBox().invertY(True)
        centers = [info["centers"].get(t["id"]) for t in info["topics"]]
        if len(centers) >= 3 and all(c is not None for c in centers):
            X = np.array(centers, dtype=float)
            X -= X.mean(0)
            xy = X @ np.linalg.svd(X, full_matrices=False)[2][:2].T
            self.map.draw([(t["label"], float(x), float(y), t["size"], t["id"] == current)
                           for (x, y), t in zip(xy, info["topics"], strict=True)], colour)
        else:
            self.map.draw([], colour)

    def _detail(self, side: str, row: int) -> None:
        info = self.data.get(side)
        if not info or not 0 <= row < len(info["topics"]):
            return
        t = info["topics"][row]
        self.charts.show()
        self._overview_charts(side, t["id"])
        quotes = "".join(f"<li>{html.escape(q)}</li>" for q in t["quotes"][:5])
        seeds = self.tr("<p>シード語: {0}</p>").format(html.escape("、".join(t["seed_words"]))) if t["seed_words"] else ""
        mixed = self.tr("<p style='color:#B45F06'>2 つの話題が混ざっているようです — "
                        "<a href='split:{0}:{1}'>2 つに分割する…</a></p>").format(side, row) if t.get("mixed") else ""
        self.detail.setHtml(
            f"<h3>{html.escape(t['label'])}</h3>"
            + self.tr("<p>{0:,} 件（{1:.1f}%） ・ 自動ラベル: {2}</p><p><b>語</b>: {3}</p>").format(
                t["size"], t["share"] * 100, html.escape(t["auto_label"]),
                html.escape("、".join(t.get("keywords") or t["words"])))
            + mixed + seeds + self.tr("<p><b>代表的な声</b></p>") + f"<ul>{quotes}</ul>"
            + self.tr("<p style='color:#777'>ダブルクリックでこのトピックの発言を一覧</p>"))
        months = sorted({m for d in info["trend"].values() for m in d if m})
        self.trend.clear()
        if months:
            ys = [info["trend"].get(t["id"], {}).get(m, 0) for m in months]
            self.trend.plot(list(range(len(months))), ys, pen=pg.mkPen(DELIGHT if side == "delight" else PAIN, width=2),
                            symbol="o", symbolSize=6)
            self.trend.getAxis("bottom").setTicks([[(i, m[2:]) for i, m in enumerate(months)]])

    def _open(self, side: str, row: int) -> None:
        info = self.data.get(side)
        if info and 0 <= row < len(info["topics"]):
            t = info["topics"][row]
            self.open_verbatims.emit(side, t["id"], t["label"])

    def _action(self, side: str, action: str) -> None:
        ids = self.selected(side)
        if action == "refit":
            self.refit_requested.emit(side)
        elif action in ("undo", "redo"):
            self.edit_requested.emit(side, action, ())
        elif action == "rare":
            self.open_verbatims.emit(side, None, self.tr("まれな声"))
        elif not ids:
            return
        elif action == "rename":
            current = next((t["label"] for t in self.data[side]["topics"] if t["id"] == ids[0]), "")
            name, ok = QInputDialog.getText(self, self.tr("トピックの名前"), self.tr("名前:"), text=current)
            if ok and name.strip():
                self.edit_requested.emit(side, "rename", (ids[0], name.strip()))
        elif action == "merge" and len(ids) >= 2:
            self.edit_requested.emit(side, "merge", (ids[0], ids[1:]))
        elif action == "split":
            self.edit_requested.emit(side, "split", (ids[0], 2))
        elif action == "delete":
            self.edit_requested.emit(side, "delete", (ids[0],))
        elif action == "code":
            self.to_code.emit(ids[0])
        elif action == "move":
            self._move(side, ids[0])

    def _move(self, side: str, topic_id: int) -> None:
        """Read the topic's answers in the background, then let the user pick some and a target."""
        from voc_app.gui.jobs import Job
        from voc_app.topics import topic_answers

        def pick(answers) -> None:
            from voc_app.gui.dialogs import MoveAnswersDialog

            topics = self.data[side]["topics"]
            source = next((t["label"] for t in topics if t["id"] == topic_id), "")
            targets = [(t["label"], t["id"]) for t in topics if t["id"] != topic_id]
            dlg = MoveAnswersDialog(self, source, answers, targets)
            if dlg.exec() and dlg.chosen():
                vids, target = dlg.chosen()
                self.edit_requested.emit(side, "move", (side, vids, target))

        self._answers = Job("answers", self.project_path, topic_answers, side=side, topic_id=topic_id)
        self._answers.when("done", pick).start()


# ------------------------------------------------------------------------------------------------

def _what(where: str) -> str:
    """A timeline entry's source, 「survey / 設問」 → 「アンケート / 設問」."""
    kind, sep, rest = where.partition(" / ")
    return label_of("kind", kind) + sep + rest


def format_yen(amount: float | None) -> str:
    """A yearly amount in yen, whole: 12000.0 → 「12,000 円」 (English ¥12,000); '' for None."""
    if amount is None:
        return ""
    return QCoreApplication.translate("CustomersView", "{0:,} 円").format(int(round(amount)))


class CustomersModel(RowsModel):
    """A customer list: per-cell tooltips (a segment's reason), a colour swatch beside a
    segment, figures aligned right."""

    def __init__(self, headers: list[str], right: set[int]) -> None:
        super().__init__(headers, [])
        self.right = right
        self.tips: list[dict[int, str]] = []
        self.swatches: list[dict[int, str]] = []

    def set_customers(self, rows: list[tuple], keys: list, tips: list[dict[int, str]],
                      swatches: list[dict[int, str]]) -> None:
        self.tips, self.swatches = tips, swatches
        self.set_rows(rows, keys)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and 0 <= index.row() < len(self.tips):
            r, c = index.row(), index.column()
            if role == Qt.ItemDataRole.ToolTipRole and c in self.tips[r]:
                return self.tips[r][c]
            if role == Qt.ItemDataRole.DecorationRole and c in self.swatches[r]:
                return QColor(self.swatches[r][c])
            if role == Qt.ItemDataRole.TextAlignmentRole and c in self.right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


class CustomersView(QWidget):
    """Ambassador candidates, churn risks and every scored customer: their stage (a churn risk's
    「解約検討（活用期に）」), NPS, the yearly revenue a churn risk would take away, their
    loyalty segment (why, on hover); the selected customer's reasons, the points behind the
    score, and their timeline; the review of a flag."""

    review_requested = Signal(str, str, str, str)  # customer, kind, state, note
    KINDS = ("ambassador", "churn", "all")
    REVENUE = {"ambassador": 5, "churn": 5, "all": 6}  # the 失う売上（年） column: shown when a row has one

    def __init__(self, project_path: Path) -> None:
        super().__init__()
        self.project_path = project_path
        lay = QHBoxLayout(self)
        left = QTabWidget()
        self.models: dict[str, CustomersModel] = {}
        self.tables: dict[str, QTableView] = {}
        stages = [customer_stage_label(s, w) for s in CUSTOMER_STAGE_LABELS for w in (None, *CHURN_STAGE_LABELS)]
        for kind, title in (("ambassador", self.tr("アンバサダー候補")), ("churn", self.tr("解約リスク")),
                            ("all", self.tr("すべての顧客"))):
            if kind == "all":
                m = CustomersModel([self.tr("顧客"), self.tr("区分"), self.tr("段階"), self.tr("NPS"), self.tr("解約"),
                                    self.tr("推奨"), self.tr("失う売上（年）"), self.tr("理由")], {3, 4, 5, 6})
                t = _table(m, 7)
                _fit_column(t, 1, SEGMENT_LABELS.values(), 70)
                t.setColumnWidth(1, t.columnWidth(1) + 18)  # the colour swatch
                for col in (4, 5):
                    _fit_column(t, col, [m.headers[col], "100.0"], 44)
            else:
                m = CustomersModel([self.tr("顧客"), self.tr("スコア"), self.tr("確認"), self.tr("段階"), self.tr("NPS"),
                                    self.tr("失う売上（年）"), self.tr("理由")], {4, 5})
                t = _table(m, 6)
                t.setColumnWidth(1, 56)
                _fit_column(t, 2, [*REVIEW_LABELS.values(), self.tr("未確認"), self.tr("確認")], 70)
            t.setObjectName(f"customers_{kind}")
            t.setSortingEnabled(False)
            t.setColumnWidth(0, 86)
            stage_col, nps_col = (2, 3) if kind == "all" else (3, 4)
            _fit_column(t, stage_col, stages, 70)
            t.setColumnWidth(stage_col, min(t.columnWidth(stage_col), 160))  # a longer stage is elided (full on hover)
            _fit_column(t, nps_col, [m.headers[nps_col], "10"], 36)
            _fit_column(t, self.REVENUE[kind], [m.headers[self.REVENUE[kind]], format_yen(9_999_999)], 80)
            t.setColumnHidden(self.REVENUE[kind], True)
            t.selectionModel().currentRowChanged.connect(lambda cur, _p, k=kind: self._detail(k, cur.row()))
            self.models[kind], self.tables[kind] = m, t
            left.addTab(t, title)
        left.currentChanged.connect(lambda _i: self._sync_review())
        self.kind_tabs = left
        lay.addWidget(left, 3)
        right = QVBoxLayout()
        self.detail = QTextBrowser()
        self.detail.setObjectName("customer_detail")
        right.addWidget(self.detail, 1)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("メモ（確認の理由、連絡の内容）"))
        right.addWidget(self.note)
        buttons = QHBoxLayout()
        self.review_buttons: list[QPushButton] = []
        for state, label in REVIEW_LABELS.items():
            b = QPushButton(label)
            b.setObjectName(f"review_{state}")
            b.clicked.connect(lambda _c=False, s=state: self._review(s))
            buttons.addWidget(b)
            self.review_buttons.append(b)
        right.addLayout(buttons)
        holder = QWidget()
        holder.setLayout(right)
        lay.addWidget(holder, 2)
        self.rows: dict[str, list[dict]] = {}

    @staticmethod
    def load(p) -> dict:
        from voc_app.review import flagged_lists
        from voc_app.signals import scored_customers

        return flagged_lists(p) | {"all": scored_customers(p)}

    def _segment(self, r: dict) -> tuple[str, str]:
        """(label, tooltip: why) of a customer's loyalty segment."""
        seg = label_of("segment", r.get("segment"))
        why = r.get("segment_reason")
        return seg, (self.tr("{0}: {1}").format(seg, why) if why else seg)

    def show_data(self, data: dict) -> None:
        for kind in self.KINDS:
            rows = data.get(kind, [])
            self.rows[kind] = rows
            out, tips, swatches = [], [], []
            for r in rows:
                stage = customer_stage_label(r.get("stage"), r.get("churn_stage"))
                seg, why = self._segment(r)
                money = format_yen(r.get("revenue_at_risk"))
                reasons = " / ".join(r["reasons"])
                if kind == "all":
                    out.append((r["customer_id"], seg, stage, r.get("nps"), r["churn_score"], r["ambassador_score"], money,
                                reasons or r.get("segment_reason") or ""))
                    tips.append({1: why, 7: "\n".join(r["reasons"]) or why})
                    swatches.append({1: colors.color_of(r.get("segment"), colors.GREY)})
                else:
                    out.append((r["customer_id"], r["score"], REVIEW_LABELS.get(r["review"] or "", self.tr("未確認")),
                                stage, r.get("nps"), money, reasons))
                    tips.append({0: why, 6: "\n".join(r["reasons"])})
                    swatches.append({})
            self.models[kind].set_customers(out, [r["customer_id"] for r in rows], tips, swatches)
            self.tables[kind].setColumnHidden(self.REVENUE[kind], not any(r.get("revenue_at_risk") for r in rows))
        self._sync_review()

    def current(self) -> tuple[str, dict] | None:
        """(review kind, row) of the selected customer; the kind of a customer in 「すべての顧客」
        is their flag ('' when they have none)."""
        kind = self.KINDS[self.kind_tabs.currentIndex()]
        row = self.tables[kind].currentIndex().row()
        rows = self.rows.get(kind, [])
        if not 0 <= row < len(rows):
            return None
        r = rows[row]
        if kind == "all":
            kind = "churn" if r.get("churn_flag") else "ambassador" if r.get("ambassador_flag") else ""
        return kind, r

    def _sync_review(self) -> None:
        """The review buttons act on a flag: disabled for a customer without one."""
        cur = self.current()
        can = cur is None and self.KINDS[self.kind_tabs.currentIndex()] != "all" or bool(cur and cur[0])
        for b in self.review_buttons:
            b.setEnabled(can)
        self.note.setEnabled(can)

    def _factors(self, factors: dict | None, kind: str) -> str:
        """HTML of the points behind a score, largest first: what raised it, then what lowered it."""
        points = (factors or {}).get(kind) or {}
        items = sorted(((k, v) for k, v in points.items() if k not in ("bias", "strength") and abs(v) >= 0.05),
                       key=lambda kv: -kv[1])
        if not items:
            return ""
        up = colors.RED if kind == "churn" else colors.GREEN
        rows = []
        for k, v in items:
            colour = up if v > 0 else colors.GREY
            bar = "&nbsp;" * max(1, round(abs(v) * 4))
            rows.append(f"<tr><td>{html.escape(label_of('factor', k))}</td>"
                        f"<td align='right' style='color:{colour}'>{v:+.1f}</td>"
                        f"<td><span style='background:{colour}'>{bar}</span></td></tr>")
        title = (self.tr("<p><b>解約スコアを動かした要因</b>（点: + は上げ、− は下げた）</p>") if kind == "churn" else
                 self.tr("<p><b>推奨スコアを動かした要因</b>（点: + は上げ、− は下げた）</p>"))
        return title + "<table cellspacing='3'>" + "".join(rows) + "</table>"

    def _detail(self, kind: str, row: int) -> None:
        from voc_app.project import open_project
        from voc_app.review import customer_timeline

        rows = self.rows.get(kind, [])
        if not 0 <= row < len(rows):
            return
        r = rows[row]
        self._sync_review()
        with open_project(self.project_path) as p:
            timeline = customer_timeline(p, r["customer_id"])
        items = "".join(f"<tr><td style='color:#555'>{(d or '')[:10]}</td><td style='color:#555'>{html.escape(_what(w))}</td>"
                        f"<td>{html.escape(t)}</td></tr>" for d, w, t in timeline)
        reasons = "".join(f"<li>{html.escape(x)}</li>" for x in r["reasons"])
        self.note.setText(r.get("note") or "")
        seg, _why = self._segment(r)
        nps = r.get("nps")
        segment = self.tr("区分: <b>{0}</b>").format(html.escape(seg))
        if r.get("segment_reason") and r.get("segment") not in ("ambassador", "at_risk"):  # those: the flag itself
            segment += self.tr(" — {0}").format(html.escape(r["segment_reason"]))
        profile = self.tr("<p>{0}<br>段階: {1} ・ NPS: {2}</p>").format(
            segment, html.escape(customer_stage_label(r.get("stage"), r.get("churn_stage"))), "—" if nps is None else nps)
        if r.get("revenue_at_risk"):
            profile += self.tr("<p>失う売上（年）: <b>{0}</b></p>").format(format_yen(r["revenue_at_risk"]))
        elif r.get("annual_value"):
            profile += self.tr("<p>年間の売上: {0}</p>").format(format_yen(r["annual_value"]))
        if kind == "all":
            head = self.tr("<h3>{0}　解約 {1:.0f} ・ 推奨 {2:.0f}</h3>").format(
                html.escape(r["customer_id"]), r["churn_score"], r["ambassador_score"])
            kinds = [k for k, flag in (("churn", r.get("churn_flag")), ("ambassador", r.get("ambassador_flag"))) if flag] \
                or ["churn"]
        else:
            review = REVIEW_LABELS.get(r["review"] or "", self.tr("未確認"))
            head = self.tr("<h3>{0}　スコア {1:.0f}</h3><p>確認: {2}</p>").format(
                html.escape(r["customer_id"]), r["score"], review)
            kinds = [kind]
        factors = "".join(self._factors(r.get("factors"), k) for k in kinds)
        self.detail.setHtml(head + profile + f"<ul>{reasons}</ul>" + factors + self.tr("<p><b>時系列</b></p>")
                            + f"<table cellspacing='4'>{items}</table>")

    def _review(self, state: str) -> None:
        cur = self.current()
        if cur and cur[0]:
            kind, r = cur
            self.review_requested.emit(r["customer_id"], kind, state, self.note.text())


# ------------------------------------------------------------------------------------------------

class ImportsView(QWidget):
    import_requested = Signal()

    def __init__(self, project_path: Path) -> None:
        super().__init__()
        self.project_path = project_path
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        b = QPushButton(self.tr("ファイルを取り込む…"))
        b.setObjectName("import_button")
        b.clicked.connect(self.import_requested.emit)
        top.addWidget(b)
        top.addWidget(QLabel(self.tr("ファイルをウィンドウにドラッグしても取り込めます")))
        top.addStretch()
        lay.addLayout(top)
        self.model = RowsModel([self.tr("ID"), self.tr("ファイル"), self.tr("種類"), self.tr("形式"), self.tr("回答"),
                                self.tr("発言"), self.tr("チケット"), self.tr("重複スキップ"), self.tr("飛ばした行"),
                                self.tr("取り込み日時")], [])
        self.table = _table(self.model, 1)
        self.table.setObjectName("batches")
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        lay.addWidget(self.table)

    @staticmethod
    def load(p) -> list:
        from voc_app.overview import batches

        return batches(p)

    def show_data(self, bs: list) -> None:
        self.model.set_rows([(b["id"], b["file_name"], label_of("batch_kind", b.get("kind")), label_of("format", b["format"]),
                              b["responses"], b["verbatims"], b["tickets"], b["duplicates_skipped"],
                              "、".join(f"{label_of('skip', k)} {v:,}" for k, v in (b.get("skipped_reasons") or {}).items()
                                       if v),
                              (b["started_at"] or "")[:16].replace("T", " ")) for b in bs])
        for col in (0, 2, 3, 4, 5, 6, 7, 9):
            self.table.resizeColumnToContents(col)
        self.table.setColumnWidth(8, min(260, max(90, self.table.sizeHintForColumn(8) + 12)))
