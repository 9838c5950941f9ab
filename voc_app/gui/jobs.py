"""Background jobs: heavy work (import, analysis, topic fits, export) runs off the UI thread.

A job is a plain ``voc_app`` function called as ``fn(project, progress=cb, **kwargs)`` with its
own project connection — in a worker thread for quick work (SQL releases the GIL), in a separate
process for heavy Python work (``process=True``: module-level function, picklable arguments and
result), so the UI thread is never starved of the GIL. The
progress callback raises ``Cancelled`` once the user pressed cancel, so the operation stops at
its next progress report and rolls its transaction back. The status bar shows a progress bar
and a cancel button after 0.5 s (quick jobs never flash). Errors arrive as one clear message.
"""

from __future__ import annotations

import queue
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from base.errors import Cancelled, InputError, UserError
from voc_app.gui.i18n import progress_message

# errors whose message is meant for the user as it is (no traceback, no type name)
USER_ERRORS = (UserError,)

SHOW_AFTER_MS = 500
POLL_MS = 25  # how often the UI thread looks for a job's reports
KILL_AFTER_S = 3.0  # a job in its own process that has not stopped this long after "cancel" is ended


def _child(fn, project_path: str, kwargs: dict, out, cancel) -> None:  # a separate process
    """Run ``fn`` in its own process: heavy Python work there never holds the UI's GIL."""
    from voc_app.project import open_project
    from voc_app.workers import watch_parent

    watch_parent()  # the app killed or crashed: this process ends too, its transaction rolled back

    def report(fraction, message):
        if cancel.is_set():
            raise Cancelled()
        out.put(("progress", -1.0 if fraction is None else float(fraction), message))

    try:
        with open_project(project_path) as project:
            result = fn(project, progress=report, **kwargs)
    except Cancelled:
        out.put(("cancelled",))
    except InputError as e:
        out.put(("failed", e.describe()))
    except USER_ERRORS as e:
        out.put(("failed", str(e)))
    except BaseException as e:  # noqa: BLE001 - reported to the app; the traceback goes to the log
        _log(traceback.format_exc())
        out.put(("failed", f"{type(e).__name__}: {e}"))
    else:
        out.put(("done", result))


class _Work:
    """What a worker thread sees of a job: the call, the cancel flag and the queue its reports go
    through — plain Python, no Qt object. A worker never holds a reference to the ``Job`` (a
    QObject of the UI thread): if the last reference to a QObject is dropped in a worker, Qt
    destroys it (and its timer) on the wrong thread, which can deadlock the UI thread."""

    __slots__ = ("fn", "project_path", "kwargs", "process", "cancel", "events", "result")

    def __init__(self, fn: Callable[..., Any], project_path: Path, kwargs: dict, process: bool) -> None:
        self.fn, self.project_path, self.kwargs, self.process = fn, project_path, kwargs, process
        self.cancel = threading.Event()
        self.events: queue.SimpleQueue = queue.SimpleQueue()
        self.result: Any = None

    def post(self, kind: str, *args: Any) -> None:  # any thread
        self.events.put((kind, args))

    def report(self, fraction: float | None, message: str) -> None:  # worker thread
        if self.cancel.is_set():
            raise Cancelled()
        self.post("progress", -1.0 if fraction is None else float(fraction), message)


class _Runnable(QRunnable):
    def __init__(self, work: _Work) -> None:
        super().__init__()
        self.work = work

    def run(self) -> None:  # worker thread
        if self.work.process:
            self._run_process()
        else:
            self._run_thread()

    def _run_process(self) -> None:
        import multiprocessing as mp

        work = self.work
        ctx = mp.get_context("spawn")
        q, cancel = ctx.Queue(), ctx.Event()
        # not a daemon: the job may use a process pool of its own (analysis, tokens)
        proc = ctx.Process(target=_child, args=(work.fn, str(work.project_path), work.kwargs, q, cancel))
        proc.start()
        ended = False
        cancelled_at = None
        while not ended:
            if work.cancel.is_set() and cancelled_at is None:
                cancel.set()
                cancelled_at = time.monotonic()
            if (cancelled_at is not None and time.monotonic() - cancelled_at > KILL_AFTER_S and proc.is_alive()
                    and q.empty()):
                # the operation reports progress only between its stages: when it does not stop
                # by itself, end the process — its transaction was never committed, so SQLite
                # leaves the project as it was (the same guarantee as a crash; tests/test_kill.py)
                proc.kill()
                proc.join(timeout=10)
                work.post("cancelled")
                return
            try:
                msg = q.get(timeout=0.1)
            except queue.Empty:
                if not proc.is_alive() and q.empty():
                    work.post("failed", QCoreApplication.translate(
                        "Job", "処理が異常終了しました（終了コード {0}）。プロジェクトは変更されていません。").format(proc.exitcode))
                    break
                continue
            kind = msg[0]
            if kind == "progress":
                work.post("progress", msg[1], msg[2])
            elif kind == "done":
                work.result = msg[1]
                work.post("done")
                ended = True
            elif kind == "failed":
                work.post("failed", msg[1])
                ended = True
            else:
                work.post("cancelled")
                ended = True
        proc.join(timeout=30)

    def _run_thread(self) -> None:
        work = self.work
        try:
            from voc_app.project import open_project

            with open_project(work.project_path) as project:
                result = work.fn(project, progress=work.report, **work.kwargs)
        except Cancelled:
            work.post("cancelled")
        except InputError as e:
            work.post("failed", e.describe())
        except USER_ERRORS as e:
            work.post("failed", str(e))
        except Exception as e:  # noqa: BLE001 - shown as a message, the traceback goes to the log
            _log(traceback.format_exc())
            work.post("failed", f"{type(e).__name__}: {e}")
        else:
            work.result = result
            work.post("done")


# jobs that have started and not yet delivered their end, kept alive by the UI thread (a caller may
# start a job and keep no reference to it); released in ``Job._drain``, on the UI thread
_RUNNING: set = set()


def _log(text: str) -> None:
    """A job's unexpected error goes to the app's own log (the one the crash dialog names)."""
    from voc_app.gui.runtime import write_log

    try:
        write_log(text)
    except OSError:
        pass


class Job(QObject):
    """One background operation. Connect ``done``/``failed``/``cancelled`` before ``start``."""

    def __init__(self, title: str, project_path: Path, fn: Callable[..., Any], *, process: bool = False,
                 **kwargs: Any) -> None:
        super().__init__()
        self.title, self.project_path, self.fn, self.kwargs = title, Path(project_path), fn, kwargs
        # heavy work (import, analysis, topic fits, export) runs in its own process: Python code
        # holds the GIL, and a thread would stall the UI for as long as a C call lasts
        self.process = process
        self.result: Any = None
        self.finished = False
        # what the worker reports reaches the UI thread through a plain queue that a timer of the
        # UI thread drains: no Qt signal crosses threads (cross-thread signals to Python slots are
        # a known PySide6 6.8+ trouble spot, PYSIDE-3124), and a burst of progress reports costs
        # one update
        self._work = _Work(fn, self.project_path, kwargs, process)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._drain)
        self._callbacks: dict[str, list[Callable]] = {"done": [], "failed": [], "cancelled": [], "progress": []}

    def when(self, event: str, fn: Callable) -> Job:
        """Call ``fn`` in the UI thread on ``done`` (with the result), ``failed`` (message),
        ``cancelled`` or ``progress`` (fraction, message)."""
        self._callbacks[event].append(fn)
        return self

    @Slot()
    def _drain(self) -> None:  # UI thread
        progress = None
        while True:
            try:
                kind, args = self._work.events.get_nowait()
            except queue.Empty:
                break
            if kind == "progress":
                progress = args  # only the latest report matters
                continue
            self.finished = True
            self._timer.stop()
            self.result = self._work.result
            try:
                if progress is not None:
                    self._deliver("progress", *progress)
                self._deliver(kind, *((self.result,) if kind == "done" else args))
            finally:
                _RUNNING.discard(self)
            return
        if progress is not None:
            self._deliver("progress", *progress)

    def _deliver(self, kind: str, *args: Any) -> None:
        for fn in self._callbacks[kind]:
            owner = getattr(fn, "__self__", None)
            if isinstance(owner, QObject) and not shiboken6.isValid(owner):
                continue  # the view that asked has been closed meanwhile: nobody to tell
            fn(*args)

    def cancel(self) -> None:
        self._work.cancel.set()

    @property
    def cancelled(self) -> bool:
        """Cancel was asked for (the job may still be stopping)."""
        return self._work.cancel.is_set()

    def start(self, pool: QThreadPool | None = None) -> Job:
        _RUNNING.add(self)
        self._timer.start()
        (pool or QThreadPool.globalInstance()).start(_Runnable(self._work))
        return self


class JobBar(QWidget):
    """Status-bar widget: title, progress and a cancel button for the running job."""

    def __init__(self) -> None:
        super().__init__()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setFixedWidth(220)
        self.bar.setRange(0, 1000)
        self.cancel_button = QPushButton(self.tr("キャンセル"))
        self.cancel_button.setObjectName("cancelJob")
        lay.addWidget(self.label)
        lay.addWidget(self.bar)
        lay.addWidget(self.cancel_button)
        self.job: Job | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._reveal)
        self.cancel_button.clicked.connect(self._cancel)
        self.hide()

    def watch(self, job: Job) -> None:
        self.job = job
        self.label.setText(job.title)
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.cancel_button.setEnabled(True)
        job.when("progress", self._progress).when("done", self._end).when("failed", self._end)
        job.when("cancelled", self._end)
        self._timer.start(SHOW_AFTER_MS)

    def _reveal(self) -> None:
        if self.job is not None and not self.job.finished:
            self.show()

    def _progress(self, fraction: float, message: str) -> None:
        if fraction < 0:
            self.bar.setRange(0, 0)  # busy, no known fraction
        else:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(fraction * 1000))
        self.label.setText(f"{self.job.title if self.job else ''}: {progress_message(message)}")

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("キャンセルしています…"))

    def _end(self, *_: Any) -> None:
        self._timer.stop()
        self.job = None
        self.hide()
