"""What drives NPS, in the app (``voc_app.drivers.nps_drivers``): per side the ranked table —
「まず直すべき不満」 and 「守るべき喜び」 — with the difference in NPS between the respondents who
mention a topic and those who do not drawn as a small forest plot (its 95 % interval as a line,
the estimate as a dot: filled and coloured when the interval excludes 0, the row in bold), the
topics with too few respondents greyed out; and the overview's card with the top 3 of each list.

When the project has no NPS (or no topics yet) the views show one line saying why, never an
empty table. The report is read by the views' background loaders (``load_drivers``)."""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from voc_app.gui import colors

DRIVER_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's TopicDriver
SCALE_ROLE = Qt.ItemDataRole.UserRole + 2  # the forest plots' half width, in points
TOO_FEW_COLOUR = "#A6A6A6"
NOT_SIGNIFICANT = "#8C8C8C"
SIDES = ("delight", "pain")  # left to right, as the topic maps

# the reasons nps_drivers gives (voc_app.drivers), marked so that they have an English form; a
# reason not listed here is shown as the operation wrote it
KNOWN_MESSAGES = (
    QT_TRANSLATE_NOOP("drivers", "NPS の点数がある回答がありません"),
    QT_TRANSLATE_NOOP("drivers", "不満・喜びのトピックがまだありません"),
    QT_TRANSLATE_NOOP("drivers", "不満のトピックがまだありません"),
    QT_TRANSLATE_NOOP("drivers", "喜びのトピックがまだありません"),
)


def load_drivers(project) -> dict:
    """The drivers report of ``project`` for a view (run in a background loader): ``{"report":
    DriversReport}``, or ``{"message": why there is none}`` (no NPS, no topics yet)."""
    from base.errors import InputError
    from voc_app.drivers import nps_drivers

    try:
        return {"report": nps_drivers(project)}
    except InputError as e:
        return {"message": e.message}


def message_text(message: str) -> str:
    """The one line shown instead of a table: the reason ``nps_drivers`` gave."""
    return QCoreApplication.translate("drivers", "NPS への影響はまだ出せません: {0}").format(
        QCoreApplication.translate("drivers", message))


def format_points(x: float | None, places: int = 1) -> str:
    """A signed number of points as ``voc_app.drivers`` shows it (``-11.7``, ``+5.0``, ``+12``)."""
    from voc_app.drivers import format_diff, format_nps

    return format_diff(x) if places else format_nps(x)


def format_interval(low: float | None, high: float | None) -> str:
    """``-78.1〜+54.7`` (``-78.1 to +54.7`` in English); '' without an interval."""
    if low is None or high is None:
        return ""
    return QCoreApplication.translate("drivers", "{0}〜{1}").format(format_points(low), format_points(high))


def side_title(side: str) -> str:
    return QCoreApplication.translate("drivers", "まず直すべき不満") if side == "pain" else QCoreApplication.translate("drivers", "守るべき喜び")


def driver_colour(d) -> str:
    """Red for a topic that significantly lowers NPS, green for one that raises it, grey else."""
    if not d.enough:
        return TOO_FEW_COLOUR
    if not d.significant:
        return NOT_SIGNIFICANT
    return colors.RED if d.impact < 0 else colors.GREEN


def driver_tooltip(d, min_mentions: int) -> str:
    if not d.enough:
        return QCoreApplication.translate("drivers", "{0}\n言及 {1} 人: 比べるには言及あり・なしとも {2} 人以上が必要です（件数不足）").format(
            d.label, d.n_with, min_mentions)
    verdict = QCoreApplication.translate("drivers", "有意（95%信頼区間が 0 をまたがない）") if d.significant else QCoreApplication.translate("drivers", "有意ではない（95%信頼区間が 0 をまたぐ）")
    return QCoreApplication.translate("drivers", "{0}\n言及あり {1} 人の NPS {2}、なし {3} 人の NPS {4}\n差 {5}（95%信頼区間 {6}）: {7}\n"
              "全体 NPS への影響 {8}（言及した人がほかの人と同じ点をつけていたら全体 NPS は {9}）").format(
        d.label, d.n_with, format_points(d.nps_with, 0), d.n_without, format_points(d.nps_without, 0),
        format_points(d.impact), format_interval(d.ci_low, d.ci_high), verdict, format_points(d.overall_effect),
        format_points(d.nps_without, 0))


class DriversModel(QAbstractTableModel):
    """One side's drivers: ranked topics, then those with too few respondents (``compact``: the
    top ``limit`` ranked ones with their topic, difference and overall effect only)."""

    FULL = ("rank", "topic", "n", "with", "without", "impact", "overall")
    COMPACT = ("topic", "impact", "overall")
    NUMBERS = {"rank", "n", "with", "without", "overall"}

    def __init__(self, side: str, compact: bool = False, limit: int | None = None) -> None:
        super().__init__()
        self.side, self.compact, self.limit = side, compact, limit
        self.columns = self.COMPACT if compact else self.FULL
        self.drivers: list = []
        self.min_mentions = 5
        self.scale = 20.0

    def set_table(self, table, min_mentions: int) -> None:
        """Show ``table`` (a ``voc_app.drivers.DriverTable``; None: nothing)."""
        self.beginResetModel()
        rows = [] if table is None else list(table.ranked) if self.compact else [*table.ranked, *table.too_few]
        self.drivers = rows[:self.limit] if self.limit else rows
        self.min_mentions = min_mentions
        bound = max((abs(v) for d in self.drivers if d.enough for v in (d.ci_low, d.ci_high)), default=20.0)
        self.scale = min(200.0, max(20.0, math.ceil(bound / 20.0) * 20.0))
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt API
        return 0 if parent is not None and parent.isValid() else len(self.drivers)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.columns)

    def column(self, key: str) -> int:
        return self.columns.index(key)

    def _text(self, d, key: str) -> str:
        if key == "rank":
            return str(d.rank) if d.rank else ""
        if key == "topic":
            return d.label
        if key == "n":
            return f"{d.n_with:,}"
        if not d.enough:  # said where the difference would be (the widest column)
            return QCoreApplication.translate("drivers", "件数不足") if key == "impact" else ""
        return {"with": format_points(d.nps_with, 0), "without": format_points(d.nps_without, 0),
                "impact": format_points(d.impact), "overall": format_points(d.overall_effect)}[key]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.drivers):
            return None
        d, key = self.drivers[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(d, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return driver_tooltip(d, self.min_mentions)
        if role == DRIVER_ROLE:
            return d
        if role == SCALE_ROLE:
            return self.scale
        if role == Qt.ItemDataRole.ForegroundRole:
            if not d.enough:
                return QColor(TOO_FEW_COLOUR)
            if key in ("impact", "overall") and d.significant:
                return QColor(driver_colour(d))
            return None
        if role == Qt.ItemDataRole.FontRole and d.significant:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.TextAlignmentRole and key in self.NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        key = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            if self.compact and key != "impact":
                return side_title(self.side) if key == "topic" else QCoreApplication.translate("drivers", "全体")
            if self.compact:
                return QCoreApplication.translate("drivers", "差（95%CI）")
            return {"rank": QCoreApplication.translate("drivers", "順位"),
                    "topic": QCoreApplication.translate("drivers", "トピック"),
                    "n": QCoreApplication.translate("drivers", "言及"),
                    "with": QCoreApplication.translate("drivers", "NPS\nあり"),
                    "without": QCoreApplication.translate("drivers", "NPS\nなし"),
                    "impact": QCoreApplication.translate("drivers", "差（95%信頼区間）"),
                    "overall": QCoreApplication.translate("drivers", "全体への\n影響")}[key]
        if role == Qt.ItemDataRole.ToolTipRole:
            return {"rank": QCoreApplication.translate("drivers", "全体 NPS への影響の大きい順"), "topic": QCoreApplication.translate("drivers", "トピック（ダブルクリックで発言を一覧）"),
                    "n": QCoreApplication.translate("drivers", "このトピックに触れた回答者の数"), "with": QCoreApplication.translate("drivers", "このトピックに触れた回答者の NPS"),
                    "without": QCoreApplication.translate("drivers", "このトピックに触れていない回答者の NPS"),
                    "impact": QCoreApplication.translate("drivers", "触れた人の NPS − 触れていない人の NPS（点）。線は 95% 信頼区間、"
                                 "塗った点は有意（区間が 0 をまたがない）"),
                    "overall": QCoreApplication.translate("drivers", "差 × 触れた人の割合: 全体の NPS がこのトピックで何点動いているか（並びの順）")}[key]
        return None


class ForestDelegate(QStyledItemDelegate):
    """The difference as text and a small forest plot: the 95 % interval as a line on a shared
    axis (0 marked), the estimate as a dot — filled and red / green when significant."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        d = index.data(DRIVER_ROLE)
        if d is None or not d.enough:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        colour = QColor(driver_colour(d))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        fm = option.fontMetrics
        text_w = fm.horizontalAdvance("+100.0") + 6
        r = option.rect
        text_rect = QRectF(r.left() + 2, r.top(), text_w, r.height())
        font = QFont(option.font)
        font.setBold(d.significant)
        painter.setFont(font)
        painter.setPen(option.palette.highlightedText().color() if selected else
                       (colour if d.significant else option.palette.text().color()))
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         format_points(d.impact))
        left, right = r.left() + text_w + 10, r.right() - 8
        if right - left > 20:
            scale = float(index.data(SCALE_ROLE) or 20.0)
            y = r.center().y() + 0.5

            def x(v: float) -> float:
                v = max(-scale, min(scale, v))
                return left + (v + scale) / (2 * scale) * (right - left)

            zero = QPen(QColor("#FFFFFF" if selected else "#B0B0B0"), 1, Qt.PenStyle.DotLine)
            painter.setPen(zero)
            painter.drawLine(QPointF(x(0.0), r.top() + 3), QPointF(x(0.0), r.bottom() - 3))
            pen = QPen(QColor("#FFFFFF") if selected and not d.significant else colour, 2)
            painter.setPen(pen)
            lo, hi = x(d.ci_low), x(d.ci_high)
            painter.drawLine(QPointF(lo, y), QPointF(hi, y))
            for end in (lo, hi):
                painter.drawLine(QPointF(end, y - 3), QPointF(end, y + 3))
            painter.setBrush(pen.color() if d.significant else QColor("#FFFFFF"))
            painter.drawEllipse(QPointF(x(d.impact), y), 4.0, 4.0)
        painter.restore()


def drivers_table(model: DriversModel, name: str) -> QTableView:
    t = QTableView()
    t.setObjectName(name)
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.verticalHeader().setDefaultSectionSize(24)
    t.setItemDelegateForColumn(model.column("impact"), ForestDelegate(t))
    head = t.horizontalHeader()
    head.setSectionResizeMode(model.column("topic"), QHeaderView.ResizeMode.Stretch)
    head.setHighlightSections(False)
    fm = t.fontMetrics()
    t.setColumnWidth(model.column("impact"), forest_width(fm, model.compact))
    for key, sample in (("rank", "99"), ("n", "9,999"), ("with", "+100"), ("without", "+100"), ("overall", "+100.0")):
        if key in model.columns:
            text = model.headerData(model.column(key), Qt.Orientation.Horizontal)
            t.setColumnWidth(model.column(key), max(fm.horizontalAdvance(x) for x in (sample, *text.split("\n"))) + 16)
    from voc_app.gui.table_export import attach

    attach(t, lambda: QCoreApplication.translate("drivers", "NPS への影響（{0}）").format(side_title(model.side)))
    return t


def forest_width(fm, compact: bool) -> int:
    """The difference column: its text, then a plot 56 (compact) or 84 pixels wide."""
    return fm.horizontalAdvance("+100.0") + 6 + 10 + (56 if compact else 84) + 8


class DriversPanel(QWidget):
    """One side's full table in the topics tab, or a line saying why there is none. A
    double-click lists the topic's verbatims (``open_topic``: side, topic id, label)."""

    open_topic = Signal(str, object, str)

    def __init__(self, side: str) -> None:
        super().__init__()
        self.side = side
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.model = DriversModel(side)
        self.table = drivers_table(self.model, f"drivers_{side}")
        self.table.doubleClicked.connect(self._open)
        self._nps_width = sum(self.table.columnWidth(self.model.column(k)) for k in ("with", "without"))
        self.message = QLabel()
        self.message.setObjectName(f"drivers_{side}_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #666666; padding: 8px;")
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.message, 1)
        self.message.hide()

    TOPIC_MIN = 130  # narrower than this, the two NPS columns make room (their figures stay in the tooltip)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        t, m = self.table, self.model
        cols = {m.column("with"), m.column("without")}
        others = sum(t.columnWidth(c) for c in range(m.columnCount()) if c != m.column("topic") and c not in cols)
        room = self.width() - 2 * t.frameWidth() - t.verticalScrollBar().sizeHint().width() - others
        narrow = room - self._nps_width < self.TOPIC_MIN
        for c in cols:
            t.setColumnHidden(c, narrow)

    def set_table(self, table, min_mentions: int) -> None:
        if table is None or not table.has_topics:
            self.model.set_table(None, min_mentions)
            self._say(QCoreApplication.translate("drivers", "まだトピックがありません（「トピック一覧」で推定すると表示します）"))
        elif not table.ranked and not table.too_few:
            self.model.set_table(None, min_mentions)
            self._say(QCoreApplication.translate("drivers", "トピックはありますが、NPS のある回答者が触れたものはありません"))
        else:
            self.model.set_table(table, min_mentions)
            self.message.hide()
            self.table.show()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.table.hide()
        self.message.show()

    def _open(self, index: QModelIndex) -> None:
        d = index.data(DRIVER_ROLE)
        if d is not None:
            self.open_topic.emit(self.side, d.topic_id, d.label)


class DriversPage(QWidget):
    """The topics tab's 「NPS への影響」: what the figures mean, then 「守るべき喜び」 and
    「まず直すべき不満」 side by side (as the maps), or one line when there is no report."""

    def __init__(self) -> None:
        super().__init__()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("drivers_summary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        row = QHBoxLayout()
        self.panels: dict[str, DriversPanel] = {}
        self.boxes: dict[str, QGroupBox] = {}
        for side in SIDES:
            box = QGroupBox(side_title(side))
            box.setStyleSheet(f"QGroupBox {{ font-weight: bold; color: {colors.color_of(side)}; }}")
            bl = QVBoxLayout(box)
            self.panels[side] = DriversPanel(side)
            bl.addWidget(self.panels[side])
            self.boxes[side] = box
            row.addWidget(box)
        self.tables = QWidget()
        self.tables.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tables, 1)
        self.legend = QLabel()
        self.legend.setObjectName("drivers_legend")
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #555555;")
        lay.addWidget(self.legend)
        self.message = QLabel()
        self.message.setObjectName("drivers_message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: #666666; border: 1px solid #DDDDDD; background: #FAFAFA; padding: 16px;")
        lay.addWidget(self.message)
        lay.addStretch(0)
        self.message.hide()
        self.report = None

    def set_data(self, data: dict) -> None:
        """``load_drivers``' result."""
        self.report = report = data.get("report")
        if report is None:
            self.message.setText(message_text(data.get("message", "")))
            for w in (self.summary, self.tables, self.legend):
                w.hide()
            self.message.show()
            return
        self.message.hide()
        for w in (self.summary, self.tables, self.legend):
            w.show()
        self.summary.setText(QCoreApplication.translate("drivers", "NPS {0}（回答者 {1:,} 人: 推奨者 {2:,}・中立者 {3:,}・批判者 {4:,}）。"
                                "差 = トピックに触れた人の NPS − 触れていない人の NPS。"
                                "全体への影響 = 差 × 触れた人の割合で、この順に並べています。").format(
            format_points(report.nps, 0), report.respondents, report.promoters, report.passives, report.detractors))
        for side in SIDES:
            self.panels[side].set_table(report.table(side), report.min_mentions)
        self.legend.setText(QCoreApplication.translate("drivers", "<span style='color:{0}'>●</span> 有意に下げる　<span style='color:{1}'>●</span> 有意に上げる"
                               "　<span style='color:{2}'>○</span> 有意ではない（線は 95% 信頼区間）"
                               "　<span style='color:{3}'>灰色</span>: 件数不足（言及 {4} 人未満）"
                               "　ダブルクリックで発言を一覧").format(
            colors.RED, colors.GREEN, NOT_SIGNIFICANT, TOO_FEW_COLOUR, report.min_mentions))


class DriversCard(QGroupBox):
    """The overview's card: the top 3 of 「まず直すべき不満」 and of 「守るべき喜び」 with their
    difference, its interval and the effect on the overall NPS; one line when there is none."""

    open_topic = Signal(str, object, str)
    TOP = 3

    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("drivers", "NPS を動かすトピック"))
        self.setObjectName("drivers_card")
        self.setStyleSheet(f"QGroupBox#drivers_card {{ font-weight: bold; color: {colors.HIGHLIGHT}; }}")
        lay = QVBoxLayout(self)
        self.models: dict[str, DriversModel] = {}
        self.tables: dict[str, QTableView] = {}
        self.notes: dict[str, QLabel] = {}
        for side in ("pain", "delight"):  # fix first, then protect
            m = DriversModel(side, compact=True, limit=self.TOP)
            t = drivers_table(m, f"drivers_card_{side}")
            t.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            t.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            t.verticalHeader().setDefaultSectionSize(22)
            t.horizontalHeader().setStyleSheet(f"QHeaderView::section {{ color: {colors.color_of(side)}; font-weight: bold; }}")
            t.doubleClicked.connect(lambda idx, s=side: self._open(s, idx))
            note = QLabel()
            note.setObjectName(f"drivers_card_{side}_note")
            note.setWordWrap(True)
            note.setStyleSheet("color: #777777;")
            note.hide()
            self.models[side], self.tables[side], self.notes[side] = m, t, note
            lay.addWidget(t)
            lay.addWidget(note)
        self.message = QLabel()
        self.message.setObjectName("drivers_card_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #666666; font-weight: normal;")
        lay.addWidget(self.message)
        lay.addStretch(1)
        self.message.hide()

    def set_data(self, data: dict) -> None:
        report = data.get("report")
        if report is None:
            self.setTitle(QCoreApplication.translate("drivers", "NPS を動かすトピック"))
            self.message.setText(message_text(data.get("message", "")))
            self.message.show()
            for side in self.tables:
                self.tables[side].hide()
                self.notes[side].hide()
            return
        self.message.hide()
        self.setTitle(QCoreApplication.translate("drivers", "NPS を動かすトピック（NPS {0}、回答者 {1:,} 人）").format(format_points(report.nps, 0),
                                                                                 report.respondents))
        for side, t in self.tables.items():
            table = report.table(side)
            self.models[side].set_table(table, report.min_mentions)
            n = self.models[side].rowCount()
            if n:
                t.setFixedHeight(t.horizontalHeader().sizeHint().height() + n * t.verticalHeader().defaultSectionSize()
                                 + 2 * t.frameWidth() + 1)
                t.show()
                self.notes[side].hide()
            else:
                t.hide()
                self.notes[side].setText(QCoreApplication.translate("drivers", "{0}: 言及 {1} 人以上のトピックはまだありません").format(
                    side_title(side), report.min_mentions) if table is not None and table.has_topics else
                    QCoreApplication.translate("drivers", "{0}: まだトピックがありません").format(side_title(side)))
                self.notes[side].show()

    def _open(self, side: str, index: QModelIndex) -> None:
        d = index.data(DRIVER_ROLE)
        if d is not None:
            self.open_topic.emit(side, d.topic_id, d.label)
