"""Locate data files in ``resources/`` (lexicons, word lists, sample data).

Works from a source checkout, an editable install and a PyInstaller bundle.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    env = os.environ.get("VOC_RESOURCES")
    if env:
        return Path(env)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


@cache
def word_list(name: str) -> tuple[str, ...]:
    """Read a one-entry-per-line list; ``#`` starts a comment, blank lines are skipped."""
    out: list[str] = []
    with open(resource_path(name), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                out.append(line)
    return tuple(out)
