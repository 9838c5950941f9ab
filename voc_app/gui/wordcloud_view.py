"""The word clouds of what delights and what hurts, side by side (``voc_app.wordcloud.both_png``),
drawn in a background job at the size the view has, each under a caption; a side with too few
words says so instead of showing an empty picture. When the view is resized the pictures are
scaled at once and drawn again at the new size shortly after."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from voc_app.gui import colors, i18n
from voc_app.gui.jobs import Job

SIDES = ("delight", "pain")
REDRAW_MS = 400  # after the last resize
MIN_SIZE = QSize(160, 120)  # smaller than this: not worth drawing (the library refuses below 50)
MAX_SIZE = QSize(1400, 1000)


def op_wordclouds(project, progress, width: int, height: int, lang: str = "ja") -> dict:
    """Both clouds as PNG bytes (None for a side with too few words)."""
    from voc_app.wordcloud import both_png

    return both_png(project, progress, width=width, height=height, lang=lang)


class CloudLabel(QLabel):
    """A picture that takes whatever room it is given (it never asks for its pixmap's size)."""

    def __init__(self) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(MIN_SIZE)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet("QLabel { background: #FFFFFF; border: 1px solid #DDDDDD; color: #777777; padding: 8px; }")


class WordCloudView(QWidget):
    """Delight and pain word clouds side by side, drawn off the UI thread."""

    def __init__(self, project_path: Path) -> None:
        super().__init__()
        self.project_path = Path(project_path)
        self.setObjectName("wordclouds")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.labels: dict[str, CloudLabel] = {}
        self.captions: dict[str, QLabel] = {}
        self.pixmaps: dict[str, QPixmap | None] = {s: None for s in SIDES}
        self.png: dict[str, bytes | None] = {s: None for s in SIDES}
        for side in SIDES:
            box = QGroupBox(self.tr("喜びの声の語") if side == "delight" else self.tr("不満の声の語"))
            box.setStyleSheet(f"QGroupBox {{ font-weight: bold; color: {colors.color_of(side)}; }}")
            bl = QVBoxLayout(box)
            label = CloudLabel()
            label.setObjectName(f"wordcloud_{side}")
            caption = QLabel()
            caption.setObjectName(f"wordcloud_{side}_caption")
            caption.setWordWrap(True)
            caption.setStyleSheet("color: #555555; font-weight: normal;")
            bl.addWidget(label, 1)
            bl.addWidget(caption)
            self.labels[side], self.captions[side] = label, caption
            lay.addWidget(box)
        self.job: Job | None = None
        self._old: list[Job] = []  # replaced jobs, kept referenced until they end
        self.drawn_at: QSize | None = None  # the size of the pictures shown
        self.stale = True  # the project changed since they were drawn
        self.error = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.draw)
        for side in SIDES:
            self.labels[side].setText(self.tr("ワードクラウドを描いています…"))

    # --- when to draw ---------------------------------------------------------------------------
    def invalidate(self) -> None:
        """The project changed: draw again when shown."""
        self.stale = True
        if self.isVisible():
            self._timer.start(0)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.stale or self._needs_redraw():
            self._timer.start(0)  # once the layout has given the labels their size

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._show_pixmaps()
        if self.isVisible() and self._needs_redraw():
            self._timer.start(REDRAW_MS)

    def _target(self) -> QSize:
        s = self.labels["delight"].contentsRect().size()
        return QSize(max(MIN_SIZE.width(), min(MAX_SIZE.width(), s.width())),
                     max(MIN_SIZE.height(), min(MAX_SIZE.height(), s.height())))

    def _needs_redraw(self) -> bool:
        if self.drawn_at is None:
            return True
        t = self._target()
        return (abs(t.width() - self.drawn_at.width()) > 0.15 * self.drawn_at.width()
                or abs(t.height() - self.drawn_at.height()) > 0.15 * self.drawn_at.height())

    def idle(self) -> bool:
        return not self._timer.isActive() and (self.job is None or self.job.finished)

    # --- drawing --------------------------------------------------------------------------------
    def draw(self) -> None:
        """Draw both clouds at the labels' size in a background job (a job still running for an
        older size or project is cancelled and its result dropped)."""
        if self.job is not None and not self.job.finished:
            self.job.cancel()
            self._old = [j for j in self._old if not j.finished] + [self.job]
        size = self._target()
        ratio = self.devicePixelRatioF() or 1.0
        job = Job(self.tr("ワードクラウド"), self.project_path, op_wordclouds, width=int(size.width() * ratio),
                  height=int(size.height() * ratio), lang=i18n.current())
        job.when("done", lambda result, j=job, s=size: self._drawn(j, s, result))
        job.when("failed", lambda message, j=job: self._failed(j, message))
        self.job = job
        self.stale = False
        if self.drawn_at is None:
            for side in SIDES:
                self.labels[side].setText(self.tr("ワードクラウドを描いています…"))
        job.start()

    def _drawn(self, job: Job, size: QSize, result: dict) -> None:
        if job is not self.job:
            return
        self.error = ""
        self.drawn_at = size
        ratio = self.devicePixelRatioF() or 1.0
        for side in SIDES:
            png = result.get(side)
            self.png[side] = png
            if png:
                pm = QPixmap()
                pm.loadFromData(png, "PNG")
                pm.setDevicePixelRatio(ratio)
                self.pixmaps[side] = pm
            else:
                self.pixmaps[side] = None
        self._show_pixmaps()

    def _failed(self, job: Job, message: str) -> None:
        if job is not self.job:
            return
        self.error = message
        self.drawn_at = self._target()  # do not retry at once: the message stays until the project changes
        for side in SIDES:
            self.pixmaps[side] = None
        self._show_pixmaps()

    def _show_pixmaps(self) -> None:
        for side in SIDES:
            label, pm = self.labels[side], self.pixmaps[side]
            what = self.tr("喜び") if side == "delight" else self.tr("不満")
            if pm is not None and not pm.isNull():
                ratio = pm.devicePixelRatio() or 1.0
                box = label.contentsRect().size() * ratio
                shown = pm.scaled(box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
                shown.setDevicePixelRatio(ratio)
                label.setPixmap(shown)
                self.captions[side].setText(self.tr("{0}の回答でよく使われる語。大きいほど多くの回答が使っています"
                                                    "（動詞・形容詞は基本形）").format(what))
            elif self.error:
                label.setText(self.error)
                self.captions[side].setText("")
            elif self.drawn_at is not None:
                label.setText(self.tr("語が少なすぎます — {0}の回答がまだ少ないか、分析していません").format(what))
                self.captions[side].setText("")
