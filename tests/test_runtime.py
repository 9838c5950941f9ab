"""The desktop app's start-up: per-user folders in the platform's standard places and a crash
log the user can send (never a silent exit)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_uncaught_error_goes_to_the_log(tmp_path):
    # a fresh process (setup() installs hooks for the whole interpreter)
    code = (
        "from voc_app.gui import runtime\n"
        "log = runtime.setup()\n"
        "print(log)\n"
        "raise RuntimeError('boom 42')\n"
    )
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    log = Path(out.stdout.strip().splitlines()[0])
    assert log.is_relative_to(tmp_path / "data") and log.name == "voc-app.log"
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError: boom 42" in text and "Traceback" in text
    assert str(log) in out.stderr and out.returncode != 0


def test_qt_event_processing_keeps_reference_counts(qtbot):
    """PySide6 6.12.0 drops a reference to None on every processEvents() call, and Python aborts
    ("none_dealloc") after a few thousand calls (screenshots, smoke test, waiting for jobs):
    pyproject.toml keeps PySide6 below it, and this catches a PySide6 that does it again."""
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    before = sys.getrefcount(None)
    for _ in range(500):
        app.processEvents()
    assert abs(sys.getrefcount(None) - before) < 50
