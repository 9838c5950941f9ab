"""UI language: Japanese by default, English through Qt translations.

Every user-visible string of the GUI is written in Japanese in the code and marked for Qt's
``lupdate`` (``self.tr("…")``, ``QCoreApplication.translate(ctx, "…")`` or
``QT_TRANSLATE_NOOP("labels", "…")`` for value tables). ``make translations`` refreshes
``resources/i18n/voc_en.ts`` (edit it with ``pyside6-linguist``) and compiles ``voc_en.qm``; a test
fails when a string has no English translation. In Japanese, Qt's own dialogs (file dialogs,
buttons) use Qt's ``qtbase_ja`` catalogue.

Data stay as they are in either language: customers' words, topic labels, code names, and the
reasons and messages that the analysis writes in Japanese.
"""

from __future__ import annotations

import re

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
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang == "en":
        ours = QTranslator(app)
        if not ours.load(str(catalogue("en"))):
            raise FileNotFoundError(f"English catalogue missing: {catalogue('en')}")
        _installed.append(ours)
    else:
        qt = QTranslator(app)
        if qt.load(QLocale(QLocale.Language.Japanese), "qtbase", "_", qt_dir):
            _installed.append(qt)
    for t in _installed:
        app.installTranslator(t)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates) if lang == "en"
                       else QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    _current = lang
    return lang


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
)
_WORDS = re.compile("|".join(re.escape(w) for w in sorted(PROGRESS_WORDS, key=len, reverse=True)))


def progress_message(text: str) -> str:
    """A progress message of an operation in the current language."""
    if _current == DEFAULT:
        return text
    return _WORDS.sub(lambda m: QCoreApplication.translate("progress", m.group(0)), text)
