"""The topic maps' table: each topic's label (its key phrase or the user's name) as the main
text, its keywords (dictionary forms) as a grey second line, and a 「混在」 flag on a topic that
clearly mixes two themes — hovering it says so, clicking it offers the split."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip

from voc_app.gui import colors
from voc_app.gui.models import RowsModel

KEYWORDS_ROLE = Qt.ItemDataRole.UserRole + 1
MIXED_ROLE = Qt.ItemDataRole.UserRole + 2
LABEL_COLUMN = 1
FLAG_COLOUR = colors.ORANGE


def mixed_tooltip() -> str:
    return QCoreApplication.translate("topics", "2 つの話題が混ざっているようです。分割できます")


def flag_text() -> str:
    return QCoreApplication.translate("topics", "混在")


class TopicsModel(RowsModel):
    """Rows (id, label, size, share) of one map, with each topic's keywords and mixed score."""

    def __init__(self, headers: list[str]) -> None:
        super().__init__(headers, [])
        self.topics: list[dict] = []

    def set_topics(self, topics: list[dict]) -> None:
        self.topics = list(topics)
        self.set_rows([(t["id"], t["label"], t["size"], f"{t['share'] * 100:.1f}%") for t in topics],
                      [t["id"] for t in topics])

    def keywords(self, row: int) -> str:
        t = self.topics[row] if 0 <= row < len(self.topics) else {}
        return "・".join(t.get("keywords") or t.get("words") or [])

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = index.row()
        if index.column() == LABEL_COLUMN and 0 <= r < len(self.topics):
            t = self.topics[r]
            if role == KEYWORDS_ROLE:
                return self.keywords(r)
            if role == MIXED_ROLE:
                return t.get("mixed")
            if role == Qt.ItemDataRole.ToolTipRole:
                lines = [t["label"]]
                if self.keywords(r):
                    lines.append(QCoreApplication.translate("topics", "語: {0}").format(self.keywords(r)))
                if t.get("mixed"):
                    lines.append(mixed_tooltip())
                return "\n".join(lines)
        return super().data(index, role)


class TopicLabelDelegate(QStyledItemDelegate):
    """Paints a topic's label, its keywords below it in grey, and the 「混在」 flag; a click on
    the flag emits ``flag_clicked`` (the row)."""

    flag_clicked = Signal(int)

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        main = QFont(option.font)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.86))
        flag = QFont(small)
        flag.setBold(True)
        return main, small, flag

    def flag_rect(self, option: QStyleOptionViewItem) -> QRect:
        """Where the flag of a mixed topic is drawn in a cell of ``option.rect``."""
        _main, _small, flag = self._fonts(option)
        fm = QFontMetrics(flag)
        w, h = fm.horizontalAdvance(flag_text()) + 12, fm.height() + 2
        r = option.rect
        return QRect(r.right() - w - 4, r.top() + 3, w, h)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt API
        main, small, _flag = self._fonts(option)
        return QSize(120, QFontMetrics(main).height() + QFontMetrics(small).height() + 8)

    def row_height(self, font: QFont) -> int:
        """The height of a row with a label and a line of keywords in ``font``."""
        opt = QStyleOptionViewItem()
        opt.font = font
        return self.sizeHint(opt, QModelIndex()).height()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        if widget is not None:
            widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        main, small, flag = self._fonts(option)
        r = option.rect.adjusted(6, 3, -4, -3)
        mixed = bool(index.data(MIXED_ROLE))
        right = r.right()
        if mixed:
            fr = self.flag_rect(option)
            right = fr.left() - 6
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(FLAG_COLOUR))
            painter.drawRoundedRect(fr, 4, 4)
            painter.setPen(QColor("#FFFFFF"))
            painter.setFont(flag)
            painter.drawText(fr, int(Qt.AlignmentFlag.AlignCenter), flag_text())
        fm_main, fm_small = QFontMetrics(main), QFontMetrics(small)
        text_colour = option.palette.highlightedText().color() if selected else option.palette.text().color()
        line1 = QRect(r.left(), r.top(), max(0, right - r.left()), fm_main.height())
        painter.setFont(main)
        painter.setPen(text_colour)
        painter.drawText(line1, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         fm_main.elidedText(str(index.data() or ""), Qt.TextElideMode.ElideRight, line1.width()))
        words = index.data(KEYWORDS_ROLE) or ""
        if words:
            line2 = QRect(r.left(), line1.bottom() + 1, r.width(), fm_small.height())
            painter.setFont(small)
            painter.setPen(QColor("#E8EEF6") if selected else QColor("#777777"))
            painter.drawText(line2, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             fm_small.elidedText(words, Qt.TextElideMode.ElideRight, line2.width()))
        painter.restore()

    def editorEvent(self, event, model, option, index) -> bool:  # noqa: N802 - Qt API
        if (event.type() == QEvent.Type.MouseButtonRelease and index.data(MIXED_ROLE)
                and self.flag_rect(option).contains(event.position().toPoint())):
            self.flag_clicked.emit(index.row())
            return True
        return super().editorEvent(event, model, option, index)

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 - Qt API
        if index.isValid() and index.data(MIXED_ROLE) and self.flag_rect(option).contains(event.pos()):
            QToolTip.showText(event.globalPos(), mixed_tooltip() + QCoreApplication.translate(
                "topics", "（クリックで分割）"), view)
            return True
        return super().helpEvent(event, view, option, index)
