"""The progress callback every long operation takes.

``progress(fraction, message)``: ``fraction`` in 0…1, or ``None`` when the amount of work is not
known; ``message`` in Japanese for the status bar. The callback may raise
:class:`base.errors.Cancelled` to stop the work; the operation then rolls its transaction back.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[float | None, str], None]
