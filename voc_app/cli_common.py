"""What the ``voc`` commands share (kept apart so that ``cli`` and ``cli_coding`` import it, not each other)."""

from __future__ import annotations

import sys


class ProgressBar:
    """A tqdm progress bar on stderr fed by the pipeline's progress callback."""

    def __init__(self, desc: str, enabled: bool) -> None:
        self.bar = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=100, desc=desc, unit="%", file=sys.stderr, leave=False,
                            bar_format="{desc} {percentage:3.0f}%|{bar}| {postfix}")

    def __call__(self, fraction: float | None, message: str) -> None:
        if self.bar is None:
            return
        if fraction is not None:
            self.bar.n = round(fraction * 100)
        self.bar.set_postfix_str(message, refresh=False)
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
