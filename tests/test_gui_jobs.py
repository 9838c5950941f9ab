"""Background jobs and Qt's threads: a job nobody keeps a reference to still delivers its end, and
no Qt object of the UI thread is ever destroyed in a worker thread (Qt then cannot stop the job's
timer, which keeps firing on freed memory: a crash or a hang, at random)."""

from __future__ import annotations

import gc
import threading
import time
import weakref

import pytest

pytest.importorskip("pytestqt")

from voc_app.gui.jobs import Job  # noqa: E402
from voc_app.store import Project  # noqa: E402


def slow(project, progress, seconds: float = 0.3):
    time.sleep(seconds)
    return threading.current_thread().name


def test_a_job_without_an_owner_ends_on_the_ui_thread(qtbot, tmp_path, qtlog):
    Project.create(tmp_path / "p.voc").close()
    got: list[str] = []
    destroyed_in: list[str] = []
    job = Job("orphan", tmp_path / "p.voc", slow)
    job.destroyed.connect(lambda *_: destroyed_in.append(threading.current_thread().name))
    job.when("done", got.append).start()
    ref = weakref.ref(job)
    del job  # the caller keeps nothing: the job must still deliver, then go away on this thread
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    assert got[0] != threading.current_thread().name  # it ran in a worker
    qtbot.waitUntil(lambda: gc.collect() >= 0 and ref() is None, timeout=5_000)  # gone, not kept forever
    qtbot.wait(200)  # the worker has let go of everything by now
    assert destroyed_in == [threading.current_thread().name]
    assert not [m for m in qtlog.records if "another thread" in m.message]


def test_many_orphan_jobs_leave_no_timer_behind(qtbot, tmp_path, qtlog):
    """Jobs whose owner is gone before they end (a view closed mid-load): each one's timer is
    stopped on the UI thread, never by a worker."""
    Project.create(tmp_path / "p.voc").close()
    done: list[str] = []
    for i in range(8):
        Job(f"orphan {i}", tmp_path / "p.voc", slow, seconds=0.05 * (i % 3)).when("done", done.append).start()
    qtbot.waitUntil(lambda: len(done) == 8, timeout=20_000)
    qtbot.wait(300)
    gc.collect()
    assert not [m for m in qtlog.records if "another thread" in m.message or "Timers" in m.message]
