"""The "analyse everything" sequence: analyse new verbatims, score every customer, place new
answers on each topic map — after an import in the app (``import_and_analyze``), on F5 in the app
and when the bundled sample project is built."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from base.progress import Progress
from voc_app.store import Project

SIDES = ("delight", "pain")


def _quiet(fraction: float | None, message: str) -> None:
    pass


def analyze_all(project: Project, progress: Progress | None = None, sides: tuple[str, ...] = SIDES, *,
                workers: int | None = None) -> dict:
    """Analyse new verbatims, score customers, place new answers on the topic maps. Returns the
    analysis counts (``analyze_project``)."""
    from voc_app.analysis import analyze_project
    from voc_app.signals import score_project
    from voc_app.topics import update_topics

    tick = progress or _quiet

    def part(lo, hi):
        return lambda f, m: tick(None if f is None else lo + (hi - lo) * f, m)

    res = analyze_project(project, workers=workers, progress=part(0.0, 0.6))
    tick(0.6, "顧客を評価")
    score_project(project)
    for i, side in enumerate(sides):
        update_topics(project, side, progress=part(0.65 + 0.35 * i / len(sides), 0.65 + 0.35 * (i + 1) / len(sides)))
    return res


def import_and_analyze(project: Project, progress: Progress | None, path: str | Path,
                       overrides: Iterable[tuple[str, str]] = ()):
    """Import one file (one transaction), then ``analyze_all``. Returns the ImportReport."""
    from voc_app.importing import import_file

    report = import_file(project, path, overrides=overrides, progress=progress)
    analyze_all(project, progress)
    return report
