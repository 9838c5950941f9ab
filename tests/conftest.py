from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import pytest

from voc_app.store import Project

# Tests never need a screen (and Qt aborts without one): draw offscreen unless told otherwise.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("VOC_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SHARED_FORMATS = SHARED / "data" / "formats"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def project(tmp_path: Path):
    p = Project.create(tmp_path / "test.voc")
    yield p
    p.close()


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Nothing in VoC Analyzer may reach the network: refuse every socket connection."""

    def refuse(*args, **kwargs):
        raise OSError("network access is disabled in tests")

    def local_only(original):
        # Unix-domain sockets are not the network: multiprocessing's fork server uses one
        def connect(self, *args, **kwargs):
            if self.family == socket.AF_UNIX:
                return original(self, *args, **kwargs)
            return refuse()
        return connect

    monkeypatch.setattr(socket.socket, "connect", local_only(socket.socket.connect))
    monkeypatch.setattr(socket.socket, "connect_ex", local_only(socket.socket.connect_ex))
    monkeypatch.setattr(socket, "create_connection", refuse)


def add_window(qtbot, w) -> None:
    """Register a main window with pytest-qt, which closes and deletes it when the test ends —
    before the test's fixtures are torn down. Before it does, the window's running job is
    cancelled and its background work (view loaders, quiet backups) has ended: a fixture that
    waits on the window afterwards would find it deleted, at random."""

    def settle(win) -> None:
        if win.job is not None and not win.job.finished:
            win.job.cancel()
        qtbot.waitUntil(win.idle, timeout=60_000)

    qtbot.addWidget(w, before_close_func=settle)


GC_KEY = pytest.StashKey[object]()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After every fixture of a Qt test is torn down (its windows closed by pytest-qt): their
    garbage collected here, on the UI thread, then collection given back to Python."""
    yield
    collector = item.stash.get(GC_KEY, None)
    if collector is not None:
        from PySide6.QtCore import QCoreApplication, QEvent

        from voc_app.gui.runtime import stop_collecting

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        stop_collecting(collector)


# a modal dialog open this long in a test is one nobody will answer: offscreen nobody sees it
DIALOG_PATIENCE_S = 45


@pytest.fixture(autouse=True)
def no_unanswered_dialog(request):
    """A modal dialog that no test answers would wait forever (offscreen nobody sees it, and the
    run hangs until CI gives up): close any that stays open DIALOG_PATIENCE_S and fail the test
    with its title and text, so the cause is in the report. Garbage is collected as the app does
    it (on the UI thread only)."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("qtbot")  # the QApplication exists
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    first_seen: dict[int, float] = {}
    closed: list[str] = []

    def check() -> None:
        w = QApplication.activeModalWidget()
        if not isinstance(w, QDialog):
            return
        since = first_seen.setdefault(id(w), time.monotonic())
        if time.monotonic() - since >= DIALOG_PATIENCE_S:
            text = w.text() if isinstance(w, QMessageBox) else ""
            closed.append(f"{type(w).__name__} 「{w.windowTitle()}」 {text}".strip())
            first_seen.pop(id(w), None)
            w.done(0)

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(1000)
    # as in the app: cycles (a closed window's widgets) collected on this thread, never in a job's
    # worker thread (where destroying a QObject can deadlock Qt); given back to Python once the
    # test's widgets are closed (pytest_runtest_teardown below)
    from voc_app.gui.runtime import collect_garbage_on_ui_thread

    request.node.stash[GC_KEY] = collect_garbage_on_ui_thread()
    yield
    timer.stop()
    if closed:
        pytest.fail("a modal dialog waited for an answer nobody gave: " + "; ".join(closed))


def dump(project: Project) -> list:
    """Everything in the project, for 'unchanged' checks."""
    out = []
    tables = [r[0] for r in project.conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'verbatims_fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for t in tables:
        out.append((t, project.conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()))
    out.append(("fts", project.conn.execute("SELECT count(*) FROM verbatims_fts").fetchall()))
    return out
