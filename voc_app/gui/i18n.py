"""UI language: Japanese by default, English through Qt translations.

Every user-visible string of the GUI is written in Japanese in the code and marked for Qt's
``lupdate`` (``self.tr("…")``, ``QCoreApplication.translate(ctx, "…")`` or
``QT_TRANSLATE_NOOP("labels", "…")`` for value tables). ``make translations`` refreshes
``resources/i18n/voc_en.ts`` (edit it with ``pyside6-linguist``) and compiles ``voc_en.qm``; a test
fails when a string has no English translation. In Japanese, Qt's own dialogs (file dialogs,
buttons) use Qt's ``qtbase_ja`` catalogue (found in Qt's translations folder, PySide6's, or the
PyInstaller bundle's) and ``resources/i18n/qt_extra_ja.tsv`` for the strings it lacks.

Data stay as they are in either language: customers' words, topic labels, code names, and the
reasons and messages that the analysis writes in Japanese.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from base.resources import resource_path

LANGUAGES = {"ja": "日本語", "en": "English"}
DEFAULT = "ja"
_installed: list[QTranslator] = []
_current = DEFAULT


def saved_language() -> str:
    lang = QSettings("VoC Analyzer", "voc-app").value("language", DEFAULT)
    return lang if lang in LANGUAGES else DEFAULT


def save_language(lang: str) -> None:
    QSettings("VoC Analyzer", "voc-app").setValue("language", lang)


def current() -> str:
    return _current


def catalogue(lang: str):
    return resource_path("i18n", f"voc_{lang}.qm")


def install(app: QCoreApplication, lang: str) -> str:
    """Switch the application's translators to ``lang`` (``ja`` or ``en``); returns the language
    in use. Windows built afterwards show the new language."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if lang == "en":
        ours = QTranslator(app)
        if not ours.load(str(catalogue("en"))):
            raise FileNotFoundError(f"English catalogue missing: {catalogue('en')}")
        _installed.append(ours)
    else:
        qt = qt_catalogue(app, "ja")
        if qt is not None:
            _installed.append(qt)
        _installed.append(QtSupplement(app))  # installed last: asked first, for what qtbase_ja lacks
    for t in _installed:
        app.installTranslator(t)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates) if lang == "en"
                       else QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    _current = lang
    return lang


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own catalogues (``qtbase_ja.qm``) may be: Qt's translations path, PySide6's
    folder, and the same inside a PyInstaller bundle (whose Qt may report a path that does not
    exist there)."""
    import PySide6

    pkg = Path(PySide6.__file__).resolve().parent
    found = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), pkg / "Qt" / "translations",
             pkg / "translations"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        found += [Path(frozen) / "PySide6" / "Qt" / "translations", Path(frozen) / "PySide6" / "translations"]
    out: list[Path] = []
    for d in found:
        if d.is_dir() and d not in out:
            out.append(d)
    return out


def qt_catalogue(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Qt's own translation of its dialogs and buttons (``qtbase_<lang>.qm``), or None."""
    for d in qt_translations_dirs():
        t = QTranslator(app)
        if t.load(QLocale(QLocale.Language.Japanese if lang == "ja" else QLocale.Language.English), "qtbase", "_",
                  str(d)):
            return t
    return None


def qt_supplement(lang: str = "ja") -> dict[tuple[str, str], str]:
    """(context, source) → translation of the strings of Qt's dialogs that Qt's own catalogue
    lacks (``resources/i18n/qt_extra_<lang>.tsv``)."""
    path = resource_path("i18n", f"qt_extra_{lang}.tsv")
    out: dict[tuple[str, str], str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and not line.startswith("#"):
                out[parts[0], parts[1]] = parts[2]
    return out


class QtSupplement(QTranslator):
    """Japanese for the few strings of Qt's dialogs that ``qtbase_ja`` does not translate (Qt 6
    added accelerators to the file dialog's labels; the catalogue has them without)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.table = qt_supplement("ja")

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: ARG002 - Qt API
        return self.table.get((context, source_text))  # None: not ours, the next catalogue is asked

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False


def label(text: str) -> str:
    """A value label (context ``labels``) in the current language."""
    return QCoreApplication.translate("labels", text)


class Labels(dict):
    """A value → label table whose labels (marked with ``QT_TRANSLATE_NOOP(context, …)``, context
    ``labels`` unless given) are translated when read, so tables defined at import time follow a
    later language switch."""

    def __init__(self, _context: str = "labels", **labels: str) -> None:
        super().__init__(**labels)
        self.context = _context

    def __getitem__(self, key):
        return QCoreApplication.translate(self.context, super().__getitem__(key))

    def get(self, key, default=None):
        return self[key] if key in self else default

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]


# the words of the progress messages that ``voc_app`` operations report (they are written in
# Japanese by code without Qt; numbers and names around them stay as they are)
PROGRESS_WORDS = (
    QT_TRANSLATE_NOOP("progress", "新しい回答を単語に分解"), QT_TRANSLATE_NOOP("progress", "単語に分解"),
    QT_TRANSLATE_NOOP("progress", "検索索引を更新しています"),
    QT_TRANSLATE_NOOP("progress", "顧客ごとの行動を集計しています"), QT_TRANSLATE_NOOP("progress", "ルールを評価中"),
    QT_TRANSLATE_NOOP("progress", "自動コードを保存中"), QT_TRANSLATE_NOOP("progress", "クラスタリングとラベル"),
    QT_TRANSLATE_NOOP("progress", "特徴量"), QT_TRANSLATE_NOOP("progress", "代表的な声"),
    QT_TRANSLATE_NOOP("progress", "トピックを推定"), QT_TRANSLATE_NOOP("progress", "顧客を評価"),
    QT_TRANSLATE_NOOP("progress", "一致率を計算"), QT_TRANSLATE_NOOP("progress", "クロス集計"),
    QT_TRANSLATE_NOOP("progress", "語を数えています"), QT_TRANSLATE_NOOP("progress", "発言一覧"),
    QT_TRANSLATE_NOOP("progress", "概要"), QT_TRANSLATE_NOOP("progress", "保存"), QT_TRANSLATE_NOOP("progress", "完了"),
    QT_TRANSLATE_NOOP("progress", "件"),
    # merging another copy, backups (voc_app.merge, voc_app.backup)
    QT_TRANSLATE_NOOP("progress", "相手のコピーを読んでいます"), QT_TRANSLATE_NOOP("progress", "統合しています"),
    QT_TRANSLATE_NOOP("progress", "いまの状態をバックアップしています"),
    QT_TRANSLATE_NOOP("progress", "バックアップしています"), QT_TRANSLATE_NOOP("progress", "復元しています"),
)
_WORDS = re.compile("|".join(re.escape(w) for w in sorted(PROGRESS_WORDS, key=len, reverse=True)))


def progress_message(text: str) -> str:
    """A progress message of an operation in the current language."""
    if _current == DEFAULT:
        return text
    return _WORDS.sub(lambda m: QCoreApplication.translate("progress", m.group(0)), text)
