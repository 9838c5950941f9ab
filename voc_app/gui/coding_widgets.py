"""What the coding views share: rows of push buttons, colour swatches, and the coding
operations they run as jobs."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton


def buttons(specs, columns: int = 0):
    """Push buttons from (text, slot, object name): one row, or a grid of ``columns``."""
    lay = QGridLayout() if columns else QHBoxLayout()
    for i, (text, fn, name) in enumerate(specs):
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(fn)
        if columns:
            lay.addWidget(b, i // columns, i % columns)
        else:
            lay.addWidget(b)
    return lay


def swatch(color: str) -> QIcon:
    pm = QPixmap(12, 12)
    pm.fill(QColor(color))
    return QIcon(pm)


def coding_ops():
    """``voc_app.coding``, whose functions the views run as jobs; imported on first use, so that
    the app starts without the rule and word machinery."""
    from voc_app import coding

    return coding
