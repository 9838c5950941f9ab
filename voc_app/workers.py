"""Worker processes that never outlive the process that started them.

``kill -9`` of ``voc analyze`` (or a crash of the app) cannot run any clean-up in the killed
process, so each worker watches its parent instead: every half second it compares ``getppid()``
with the parent it started under, and ends itself at once when the parent has gone (on POSIX an
orphan is re-parented, so its parent id changes). A worker of a fork server is the fork server's
child; the fork server itself ends when the process that started it dies, so the workers follow.
Pass ``watch_parent`` as a pool's ``initializer`` or call it first thing in a child process.
"""

from __future__ import annotations

import os
import threading
import time

CHECK_EVERY_S = 0.5


def watch_parent(interval: float = CHECK_EVERY_S) -> None:
    import signal

    # a forked worker inherits the CLI's SIGTERM → KeyboardInterrupt handler (voc_app.cli): a
    # worker asked to end must end, so the default comes back
    if threading.current_thread() is threading.main_thread():
        for name in ("SIGTERM", "SIGHUP"):
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), signal.SIG_DFL)
    if os.name != "posix":  # Windows does not re-parent; its job objects are the tool there (not built here)
        return
    parent = os.getppid()

    def loop() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                os._exit(1)  # nothing to flush: an uncommitted transaction is rolled back by SQLite

    threading.Thread(target=loop, name="voc-parent-watch", daemon=True).start()
