"""What the desktop app sets up before anything else: per-user folders in the platform's
standard locations (QStandardPaths), a UTF-8 locale, numba's cache in a writable folder (a
frozen bundle's own folder may be read-only), and a crash log the user can send — an uncaught
error or a hard crash never ends the app silently."""

from __future__ import annotations

import datetime as dt
import faulthandler
import locale
import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

APP = "VoC Analyzer"
_fault_file = None


def _location(kind: QStandardPaths.StandardLocation, fallback: Path) -> Path:
    p = QStandardPaths.writableLocation(kind)
    path = Path(p) if p else fallback
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """Per-user data (the sample project): ~/.local/share/VoC Analyzer, %APPDATA%, ~/Library/…"""
    return _location(QStandardPaths.StandardLocation.AppLocalDataLocation, Path.home() / ".voc-analyzer")


def cache_dir() -> Path:
    return _location(QStandardPaths.StandardLocation.CacheLocation, Path.home() / ".voc-analyzer" / "cache")


def log_path() -> Path:
    d = data_dir() / "logs"
    d.mkdir(parents=True, exist_ok=True)
    return d / "voc-app.log"


def setup() -> Path:
    """Call first in ``main``. Returns the log file."""
    global _fault_file
    QCoreApplication.setApplicationName(APP)
    # Qt warns and mis-decodes file names under the C / POSIX locale
    if (locale.getlocale()[1] or "").upper().replace("-", "") not in ("UTF8",):
        os.environ.setdefault("LC_ALL", "C.UTF-8")
        os.environ.setdefault("LANG", "C.UTF-8")
    os.environ.setdefault("NUMBA_CACHE_DIR", str(cache_dir() / "numba"))
    unpack_dictionary()
    log = log_path()
    try:
        _fault_file = open(log, "a", encoding="utf-8")  # noqa: SIM115 - kept open for faulthandler
        faulthandler.enable(file=_fault_file)
    except OSError:
        pass
    sys.excepthook = _excepthook
    return log


def unpack_dictionary() -> Path | None:
    """The bundle ships SudachiDict core xz-compressed (45 MB instead of 217 MB): unpack it once
    into the user's cache (≈3 s) and point the tokenizer at it (``VOC_SUDACHI_DIC``)."""
    import lzma

    from base.resources import resource_path

    packed = resource_path("sudachi", "system.dic.xz")
    if not packed.exists() or os.environ.get("VOC_SUDACHI_DIC"):
        return None
    st = packed.stat()
    target = cache_dir() / "sudachi" / f"system-{st.st_size}-{int(st.st_mtime)}.dic"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + f".{os.getpid()}.tmp")
        with lzma.open(packed) as src, open(tmp, "wb") as dst:
            while chunk := src.read(1 << 22):
                dst.write(chunk)
        os.replace(tmp, target)
        for old in target.parent.glob("system-*.dic"):  # a previous version's copy
            if old != target:
                old.unlink(missing_ok=True)
    os.environ["VOC_SUDACHI_DIC"] = str(target)
    return target


def write_log(text: str) -> Path:
    log = log_path()
    with open(log, "a", encoding="utf-8") as f:
        f.write(f"\n=== {dt.datetime.now().isoformat(timespec='seconds')} {APP} ===\n{text}\n")
    return log


def _excepthook(kind, value, tb) -> None:
    """An uncaught error: write it to the log and tell the user where it is."""
    log = write_log("".join(traceback.format_exception(kind, value, tb)))
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox

        # no modal box without a screen (offscreen screenshots, smoke tests): it would wait forever
        if QApplication.instance() is not None and QApplication.platformName() != "offscreen":
            from PySide6.QtCore import QCoreApplication

            QMessageBox.critical(None, APP, QCoreApplication.translate(
                "runtime", "予期しないエラーが起きました: {0}: {1}\n\n詳細はログに保存しました（送っていただければ調べます）:\n{2}")
                .format(kind.__name__, value, log))
            return
    except Exception:  # noqa: BLE001 - the log is written either way
        pass
    print(f"エラー: {kind.__name__}: {value}（詳細: {log}）", file=sys.stderr)


def collect_garbage_on_ui_thread():
    """Python's cycle collector runs in whichever thread happens to allocate: in a job's worker
    thread it would destroy the UI's QObjects caught in reference cycles (a closed window, a view's
    lambdas) on the wrong thread, which crashes or deadlocks Qt. Collection is switched off and
    done by a timer of the UI thread instead (pyqtgraph's GarbageCollector; the pattern of calibre
    and pyqtgraph). Keep the returned object alive; ``stop_collecting`` gives collection back to
    Python."""
    from pyqtgraph.util.garbage_collector import GarbageCollector

    return GarbageCollector(interval=1.0)


def stop_collecting(collector) -> None:
    """Back to Python's own collection after ``collect_garbage_on_ui_thread`` (its timer stopped,
    what is pending collected now, on this thread)."""
    import gc

    collector.timer.stop()
    gc.collect()
    gc.enable()

