"""The bundled sample project: the files in ``resources/sample/`` imported into one project."""

from __future__ import annotations

import os
from pathlib import Path

from base.resources import resource_path
from voc_app.importing import import_file
from voc_app.project import checkpoint, create_project, open_project
from voc_app.workflow import analyze_all

SAMPLE_SUFFIXES = {".csv", ".jsonl", ".json", ".txt", ".xlsx", ".docx", ".tsv"}


def sample_files() -> list[Path]:
    return sorted(p for p in resource_path("sample").iterdir() if p.suffix.lower() in SAMPLE_SUFFIXES)


def default_sample_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(Path.home(), ".local", "share")
    return Path(base) / "voc-analyzer" / "サンプル_ねむりや.voc"


def build_sample_project(dest: str | Path | None = None, *, rebuild: bool = False) -> Path:
    """Create (or reuse) the sample project at ``dest`` and return its path."""
    path = Path(dest) if dest else default_sample_path()
    if path.exists() and not rebuild and _complete(path):
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    tmp = path.with_name(path.name + ".building")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    with create_project(tmp) as project:
        for f in sample_files():
            import_file(project, f)
        analyze_all(project, workers=1)  # analysis, customer scores, both topic maps
        # a codebook in the exchange format (REFI-QDA), its rules applied: auto-codes to review
        from voc_app.coding import apply_rules, import_codebook

        import_codebook(project, resource_path("sample") / "コードブック.qdc")
        apply_rules(project)
        checkpoint(project)
    tmp.rename(path)
    return path


def _complete(path: Path) -> bool:
    """A sample built by an older version (without scores, topics or a codebook) is rebuilt."""
    from voc_app.store import topics
    from voc_app.store.queries import code_count

    try:
        with open_project(path) as project:
            return (all(topics.run(project.conn, side) for side in ("delight", "pain"))
                    and code_count(project.conn) > 0)
    except Exception:  # noqa: BLE001 - unreadable or partial: rebuild it
        return False
