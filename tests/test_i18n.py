"""The English UI: every Japanese string of the GUI is marked for translation, has an English
translation with the same placeholders, and the compiled catalogue is the one the app loads."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUI = sorted((ROOT / "voc_app" / "gui").glob("*.py"))
TS = ROOT / "resources" / "i18n" / "voc_en.ts"
QM = ROOT / "resources" / "i18n" / "voc_en.qm"
BIN = Path(sys.executable).parent
JAPANESE = re.compile(r"[\u3040-\u30fa\u30fc-\u30ff\u4e00-\u9fff]")
MARKERS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
# Japanese literals that are data, not UI text: values compared with what the analysis stores,
# the Excel sheet the smoke test opens, the language's own name, operations' progress messages
# (translated word by word by i18n.progress_message) and the command line's help
NOT_UI = {"（なし）", "発言一覧", "日本語", "顧客を評価", "一致率を計算", "クロス集計", "語を数えています"}


def _unmarked(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {ch: node for node in ast.walk(tree) for ch in ast.iter_child_nodes(node)}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
            if JAPANESE.search(literal):
                out.append(f"{path.name}:{node.lineno}: f-string {literal!r}")
            # lupdate does not read tr() inside f-strings
            if any(isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "tr" for n in ast.walk(node)):
                out.append(f"{path.name}:{node.lineno}: tr() inside an f-string")
            continue
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and JAPANESE.search(node.value)):
            continue
        p = parents.get(node)
        if isinstance(p, ast.JoinedStr) or isinstance(p, ast.Expr) or node.value in NOT_UI:
            continue
        if isinstance(p, ast.Call) and node in p.args:
            f = p.func
            if (f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")) in MARKERS:
                continue
        if isinstance(p, ast.keyword) and p.arg in ("help", "description"):
            continue
        if isinstance(p, ast.Call) and getattr(p.func, "attr", "") == "ArgumentParser":
            continue
        out.append(f"{path.name}:{node.lineno}: {node.value!r}")
    return out


def test_every_japanese_string_of_the_gui_is_marked_for_translation():
    found = [u for p in GUI for u in _unmarked(p)]
    # runtime.py's last resort prints to the terminal (no Qt application any more)
    assert [u for u in found if not u.startswith("runtime.py") or "f-string" not in u] == []


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(c.find("name").text, m.find("source").text, m.find("translation"))
            for c in root.iter("context") for m in c.iter("message")]


def test_every_marked_string_has_an_english_translation():
    msgs = _messages(TS)
    assert len(msgs) > 300
    unfinished = [(c, s) for c, s, t in msgs if t.get("type") in ("unfinished", "vanished", "obsolete") or not t.text]
    assert unfinished == []
    placeholder = re.compile(r"\{\d[^}]*\}")
    for ctx, src, t in msgs:
        assert sorted(placeholder.findall(src)) == sorted(placeholder.findall(t.text)), (ctx, src, t.text)
        # Japanese in a translation only where the source quotes it as an example (配送, 年代=30代)
        for run in re.findall(r"[\u3040-\u30fa\u30fc-\u30ff\u4e00-\u9fff]+", t.text):
            assert run in src or t.text == "Language / 言語", (ctx, src, t.text)


@pytest.mark.skipif(not (BIN / "pyside6-lupdate").exists(), reason="PySide6 tools not installed")
def test_catalogue_is_up_to_date_with_the_code(tmp_path):
    """``make translations`` was run: the code has no string the catalogue lacks, and the
    compiled .qm is what lrelease makes of the .ts."""
    ts = tmp_path / "voc_en.ts"
    shutil.copy(TS, ts)
    subprocess.run([str(BIN / "pyside6-lupdate"), *map(str, GUI), "-ts", str(ts), "-no-obsolete"],
                   check=True, capture_output=True)
    assert {(c, s) for c, s, _ in _messages(ts)} == {(c, s) for c, s, _ in _messages(TS)}
    qm = tmp_path / "voc_en.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == QM.read_bytes()


def test_install_switches_translations(qtbot):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from voc_app.gui import i18n
    from voc_app.gui.models import POLARITY_LABELS

    app = QApplication.instance()
    try:
        assert i18n.install(app, "en") == "en"
        assert QCoreApplication.translate("MainWindow", "トピック") == "Topics"
        assert POLARITY_LABELS["pain"] == "Pain" and POLARITY_LABELS.get("delight") == "Delight"
        assert i18n.progress_message("単語に分解 1,200 / 5,000 件") == "Tokenising 1,200 / 5,000 items"
        i18n.install(app, "ja")
        assert POLARITY_LABELS["pain"] == "不満"
        assert i18n.progress_message("単語に分解") == "単語に分解"
        with pytest.raises(ValueError):
            i18n.install(app, "fr")
    finally:
        i18n.install(app, "ja")
