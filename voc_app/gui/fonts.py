"""Japanese fonts: register any font shipped in ``resources/fonts/`` so that text renders
on machines without a system CJK font, and prefer a Japanese family when one exists."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from base.resources import resource_path

PREFERRED = ("Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAPGothic", "IPAGothic", "Yu Gothic UI", "Meiryo",
             "Hiragino Sans", "Source Han Sans JP")


def register_bundled_fonts(app: QApplication) -> str | None:
    folder = resource_path("fonts")
    if folder.is_dir():
        for f in sorted(folder.iterdir()):
            if f.suffix.lower() in (".ttf", ".otf", ".ttc"):
                QFontDatabase.addApplicationFont(str(f))
    families = set(QFontDatabase.families())
    for fam in PREFERRED:
        if fam in families:
            font = QFont(fam)
            font.setPointSize(app.font().pointSize())
            app.setFont(font)
            return fam
    return None
