"""What a project without data shows instead of empty charts: a way in — a zone that takes a
dropped file (→ the import wizard), a button that opens the file dialog, and a link to the
bundled sample project."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from voc_app.gui.icons import icon


class DropZone(QFrame):
    """A framed area that accepts dropped files: ``dropped`` carries the first local file."""

    dropped = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("drop_zone")
        self.setAcceptDrops(True)
        self._style(False)

    def _style(self, hover: bool) -> None:
        self.setStyleSheet("QFrame#drop_zone { border: 2px dashed %s; border-radius: 12px; background: %s; }"
                           % (("#4E79A7", "#EEF4FB") if hover else ("#A0A0A0", "#FAFAFA")))

    @staticmethod
    def _files(event) -> list[str]:
        md = event.mimeData()
        return [u.toLocalFile() for u in md.urls() if u.isLocalFile()] if md.hasUrls() else []

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._files(event):
            self._style(True)
            event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802
        self._style(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        self._style(False)
        files = self._files(event)
        if files:
            event.acceptProposedAction()
            self.dropped.emit(files[0])


class EmptyState(QWidget):
    """The overview of a project that holds no data yet."""

    import_requested = Signal()
    file_dropped = Signal(Path)
    sample_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("empty_state")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        self.zone = DropZone()
        self.zone.dropped.connect(lambda p: self.file_dropped.emit(Path(p)))
        lay = QVBoxLayout(self.zone)
        lay.setContentsMargins(32, 32, 32, 32)
        lay.setSpacing(14)
        lay.addStretch(1)
        art = QLabel()
        art.setPixmap(icon("import").pixmap(72, 72))
        art.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(art)
        title = QLabel(self.tr("このプロジェクトにはまだ声がありません"))
        title.setObjectName("empty_title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 20px; font-weight: bold; color: #1F3864;")
        lay.addWidget(title)
        hint = QLabel(self.tr("アンケート・サポート履歴・インタビュー記録のファイル（CSV / Excel / JSON / テキスト / Word）を"
                              "ここにドロップすると、取り込みウィザードが開きます。"))
        hint.setObjectName("empty_hint")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("font-size: 14px; color: #444444;")
        lay.addWidget(hint)
        row = QHBoxLayout()
        row.addStretch(1)
        self.import_button = QPushButton(icon("import"), self.tr("ファイルを取り込む"))
        self.import_button.setObjectName("empty_import")
        self.import_button.setMinimumHeight(36)
        self.import_button.setStyleSheet("font-size: 14px; padding: 4px 18px;")
        self.import_button.clicked.connect(self.import_requested.emit)
        row.addWidget(self.import_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.sample_link = QLabel("<a href='sample'>" + self.tr("サンプルを開く") + "</a>　"
                                  + self.tr("（寝具の通販の声 220 件で、できることを見る）"))
        self.sample_link.setObjectName("empty_sample")
        self.sample_link.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sample_link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                 | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.sample_link.linkActivated.connect(lambda _l: self.sample_requested.emit())
        lay.addWidget(self.sample_link)
        lay.addStretch(1)
        outer.addWidget(self.zone)
