"""A project file: open, create, check and upgrade it — what the app and the CLI need without
knowing the store. ``Project`` is the open file (a context manager); the operations of ``voc_app``
take it as their first argument."""

from __future__ import annotations

from pathlib import Path

from voc_app.store.db import (
    Project,
    ProjectError,
    StoreOperationalError,
    check_file,
    operational_message,
    pending_migrations,
)
from voc_app.store.db import checkpoint as _checkpoint

__all__ = ["Project", "ProjectError", "StoreOperationalError", "check_project", "checkpoint", "create_project",
           "open_project", "operational_message", "pending_upgrades", "upgrade_project"]


def open_project(path: str | Path) -> Project:
    """Open an existing project (pending migrations run first); raises ProjectError."""
    return Project(path)


def create_project(path: str | Path) -> Project:
    """Create a new, empty project file; raises ProjectError when a file is already there."""
    return Project.create(path)


def check_project(path: str | Path) -> None:
    """Raise ProjectError for a file that is not a project or was made by a newer version
    (read without changing a byte)."""
    check_file(Path(path))


def pending_upgrades(path: str | Path) -> list[str]:
    """The migrations an existing project still needs ([] when up to date or not a project)."""
    return pending_migrations(path)


def upgrade_project(path: str | Path) -> None:
    """Bring a project made by an earlier version up to date (each migration one transaction)."""
    Project(path).close()


def checkpoint(project: Project) -> None:
    """Fold the write-ahead log into the project file (a single file to copy or ship)."""
    _checkpoint(project.conn)
