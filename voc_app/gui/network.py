"""A co-occurrence network (of words or codes) drawn with QGraphicsScene: the most frequent
items only (``top``, adjustable) joined by their stronger edges, laid out by networkx's spring
layout and then spread until no two labels overlap (label sizes measured in the view's font)."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView


def select(net, top: int, min_strength: float) -> tuple[list[int], list[tuple[int, int, float]]]:
    """The ``top`` most frequent nodes (``net.nodes`` come most frequent first) that keep an edge
    of at least ``min_strength`` (Jaccard) to another of them, and those edges."""
    keep = set(range(min(top, len(net.nodes))))
    edges = [(a, b, j) for a, b, j in net.edges if a in keep and b in keep and j >= min_strength]
    used = sorted({a for a, _, _ in edges} | {b for _, b, _ in edges})
    return used, edges


def spread(xy: np.ndarray, sizes: np.ndarray, gap: float = 4.0) -> np.ndarray:
    """Centres near ``xy`` (n × 2) at which no two boxes of ``sizes`` (n × 2: width, height)
    overlap, ``gap`` apart: the largest box keeps its place, each next one takes the free spot
    nearest to where the layout wanted it (a sunflower spiral around it), so the picture keeps
    its shape and stays compact."""
    xy = np.asarray(xy, dtype=float)
    n = len(xy)
    out = xy.copy()
    if n < 2:
        return out
    half = (np.asarray(sizes, dtype=float) + gap) / 2.0
    step = max(2.0, float(np.median(half[:, 1])) / 2.0)
    golden = math.pi * (3 - math.sqrt(5))
    placed: list[int] = []
    for i in np.argsort(-(half[:, 0] * half[:, 1]), kind="stable"):
        x0, y0 = xy[i]
        px, ph = (out[placed], half[placed]) if placed else (np.zeros((0, 2)), np.zeros((0, 2)))
        k = 0
        while True:
            r = step * math.sqrt(k)
            x, y = x0 + r * math.cos(k * golden), y0 + r * math.sin(k * golden)
            if not placed or not ((np.abs(px[:, 0] - x) < ph[:, 0] + half[i, 0])
                                  & (np.abs(px[:, 1] - y) < ph[:, 1] + half[i, 1])).any():
                break
            k += 1
        out[i] = (x, y)
        placed.append(i)
    return out


class SceneView(QGraphicsView):
    """A drawing in a QGraphicsScene, fitted to the view (never magnified past ``MAX_ZOOM``),
    saved as PNG or SVG."""

    MAX_ZOOM = 1.6

    def __init__(self) -> None:
        super().__init__()
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.labels: list[QGraphicsSimpleTextItem] = []

    def label_rects(self) -> list[QRectF]:
        """Where each label is drawn (scene coordinates)."""
        return [t.sceneBoundingRect() for t in self.labels]

    def fit(self) -> None:
        """The whole drawing in view, never magnified more than ``MAX_ZOOM`` (text stays sharp)."""
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        zoom = self.transform().m11()
        if zoom > self.MAX_ZOOM:
            self.resetTransform()
            self.scale(self.MAX_ZOOM, self.MAX_ZOOM)
            self.centerOn(rect.center())

    def _aspect(self) -> float:
        """Width / height of the view (3:2 before it is shown): the layout takes the view's shape."""
        size = self.viewport().size()
        return min(3.0, max(1.0, size.width() / size.height())) if size.height() > 50 and size.width() > 50 else 1.5

    def resizeEvent(self, e) -> None:  # noqa: N802
        super().resizeEvent(e)
        if self.labels:
            self.fit()


class TopicMapView(SceneView):
    """Topics as circles (area by size) placed by their centres' first two principal components,
    spread until no two labels overlap; the current topic in its side's colour."""

    def draw(self, topics: list[tuple[str, float, float, int, bool]], colour: str) -> None:
        """``topics``: (label, x, y, size, current)."""
        sc = self.scene()
        sc.clear()
        self.labels = []
        if not topics:
            return
        font = QFont(self.font())
        font.setPointSize(10)
        fm = QFontMetricsF(font)
        biggest = max(t[3] for t in topics) or 1
        radius = [6 + 22 * math.sqrt(t[3] / biggest) for t in topics]
        box = np.array([[max(fm.horizontalAdvance(t[0]) + 6, 2 * r), max(fm.height() + 2, 2 * r)]
                        for t, r in zip(topics, radius, strict=True)])
        xy = np.array([[t[1], -t[2]] for t in topics], dtype=float)
        span = np.ptp(xy, 0)
        span[span == 0] = 1.0
        linear = (xy - xy.min(0)) / span
        # half by value, half by rank: a far-off topic keeps its side without leaving the rest in a heap
        rank = np.argsort(np.argsort(xy, axis=0), axis=0) / max(1, len(topics) - 1)
        aspect = self._aspect()
        area = float((box[:, 0] + 8).dot(box[:, 1] + 8)) * 1.3  # compact: spread() makes room where needed
        w, h = math.sqrt(area * aspect), math.sqrt(area / aspect)
        xy = spread((0.5 * linear + 0.5 * rank) * [w, h], box)
        for (_label, _x, _y, _n, current), (x, y), r in zip(topics, xy, radius, strict=True):
            sc.addEllipse(QRectF(x - r, y - r, 2 * r, 2 * r), QPen(QColor("#777777")),
                          QBrush(QColor(colour if current else "#D5D5D5")))
        for (label, _x, _y, n, current), (x, y) in zip(topics, xy, strict=True):
            f = QFont(font)
            f.setBold(current)
            t = sc.addSimpleText(label, f)
            t.setBrush(QBrush(QColor("#1A1A1A")))
            br = t.boundingRect()
            t.setPos(x - br.width() / 2, y - br.height() / 2)
            t.setToolTip(self.tr("{0}: {1:,} 件").format(label, n))
            t.setZValue(2)
            self.labels.append(t)
        sc.setSceneRect(sc.itemsBoundingRect().adjusted(-16, -16, 16, 16))
        self.fit()


class NetworkView(SceneView):
    """A co-occurrence network drawn with QGraphicsScene; saved as PNG or SVG."""

    COLORS = ("#A6CEE3", "#B2DF8A", "#FB9A99", "#FDBF6F", "#CAB2D6", "#FFFF99", "#8DD3C7", "#BEBADA", "#FCCDE5",
              "#D9D9D9")
    TOP = 40             # nodes drawn by default
    MIN_STRENGTH = 0.05  # weaker edges (Jaccard) are left out

    def __init__(self) -> None:
        super().__init__()
        self.net = None

    def draw(self, net, top: int | None = None) -> None:
        import networkx as nx

        self.net = net
        sc = self.scene()
        sc.clear()
        self.labels = []
        nodes, edges = select(net, top or self.TOP, self.MIN_STRENGTH)
        if not nodes:
            t = sc.addSimpleText(self.tr("共起する語がありません（最小出現を下げてみてください）"))
            t.setBrush(QBrush(QColor("#777777")))
            sc.setSceneRect(t.sceneBoundingRect().adjusted(-20, -20, 20, 20))
            self.fit()
            return
        font = QFont(self.font())
        font.setPointSize(11)
        fm = QFontMetricsF(font)
        maxf = max(net.nodes[i][1] for i in nodes)
        radius = {i: 7 + 13 * math.sqrt(net.nodes[i][1] / maxf) for i in nodes}
        label = {i: net.nodes[i][0] for i in nodes}
        box = np.array([[max(fm.horizontalAdvance(label[i]) + 6, 2 * radius[i]), max(fm.height() + 2, 2 * radius[i])]
                        for i in nodes])
        g = nx.Graph()
        g.add_nodes_from(nodes)
        g.add_weighted_edges_from(edges)
        pos = nx.spring_layout(g, seed=1, weight="weight", k=1.5 / math.sqrt(len(nodes)), iterations=300)
        xy = np.array([pos[i] for i in nodes], dtype=float)
        # scale to an area that holds the labels about twice over, in the view's shape (then spread
        # apart where needed)
        area = float((box[:, 0] + 12).dot(box[:, 1] + 12)) * 2
        aspect = self._aspect()
        w, h = math.sqrt(area * aspect), math.sqrt(area / aspect)
        span = np.ptp(xy, 0)
        span[span == 0] = 1.0
        xy = (xy - xy.min(0)) / span * [w, h]
        xy = spread(xy, box)
        at = {i: QPointF(*xy[k]) for k, i in enumerate(nodes)}
        strongest = max(j for _, _, j in edges)
        for a, b, j in edges:
            pen = QPen(QColor(110, 110, 110, 90 + int(120 * j / strongest)), 0.8 + 3.5 * j / strongest)
            sc.addLine(at[a].x(), at[a].y(), at[b].x(), at[b].y(), pen)
        for i in nodes:
            p, r = at[i], radius[i]
            comm = net.nodes[i][4]
            sc.addEllipse(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r), QPen(QColor("#666666")),
                          QBrush(QColor(self.COLORS[comm % len(self.COLORS)])))
        for i in nodes:
            t = sc.addSimpleText(label[i], font)
            t.setBrush(QBrush(QColor("#1A1A1A")))
            br = t.boundingRect()
            t.setPos(at[i].x() - br.width() / 2, at[i].y() - br.height() / 2)
            t.setToolTip(self.tr("{0}: {1:,} 件").format(label[i], net.nodes[i][1]))
            t.setZValue(2)
            self.labels.append(t)
        sc.setSceneRect(sc.itemsBoundingRect().adjusted(-24, -24, 24, 24))
        self.fit()

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

