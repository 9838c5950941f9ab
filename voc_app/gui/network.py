"""A co-occurrence network (of words or codes) drawn with QGraphicsScene."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView


class NetworkView(QGraphicsView):
    """A co-occurrence network drawn with QGraphicsScene; saved as PNG or SVG."""

    COLORS = ("#A6CEE3", "#B2DF8A", "#FB9A99", "#FDBF6F", "#CAB2D6", "#FFFF99", "#1F78B4", "#33A02C", "#E31A1C", "#FF7F00")

    def __init__(self) -> None:
        super().__init__()
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.net = None

    def draw(self, net) -> None:
        self.net = net
        sc = self.scene()
        sc.clear()
        w, h, pad = 900.0, 640.0, 50.0
        maxf = max((n[1] for n in net.nodes), default=1)
        xy = [QPointF(pad + n[2] * (w - 2 * pad), pad + (1 - n[3]) * (h - 2 * pad)) for n in net.nodes]
        for a, b, j in net.edges:
            sc.addLine(xy[a].x(), xy[a].y(), xy[b].x(), xy[b].y(), QPen(QColor(120, 120, 120, 170), 0.8 + 4 * j))
        font = QFont(self.font())
        font.setPointSize(10)
        for (label, freq, _x, _y, comm), p in zip(net.nodes, xy, strict=True):
            r = 6 + 14 * (freq / maxf) ** 0.5
            sc.addEllipse(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r), QPen(QColor("#555555")),
                          QBrush(QColor(self.COLORS[comm % len(self.COLORS)])))
            t = sc.addText(label, font)
            br = t.boundingRect()
            t.setPos(p.x() - br.width() / 2, p.y() - br.height() / 2)
        sc.setSceneRect(0, 0, w, h)
        self.fitInView(sc.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def save(self, path: str) -> None:
        sc = self.scene()
        rect = sc.sceneRect()
        if path.lower().endswith(".svg"):
            from PySide6.QtSvg import QSvgGenerator

            gen = QSvgGenerator()
            gen.setFileName(path)
            gen.setSize(rect.size().toSize())
            gen.setViewBox(rect)
            gen.setTitle("co-occurrence network")
            p = QPainter(gen)
            sc.render(p, rect, rect)
            p.end()
        else:
            from PySide6.QtGui import QImage

            img = QImage(rect.size().toSize() * 2, QImage.Format.Format_ARGB32)
            img.fill(QColor("white"))
            p = QPainter(img)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            sc.render(p, QRectF(img.rect()), rect)
            p.end()
            img.save(path)

    def resizeEvent(self, e) -> None:  # noqa: N802
        super().resizeEvent(e)
        if self.net is not None:
            self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
