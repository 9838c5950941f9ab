"""Automatic backups of a project (issue 24): plain functions the CLI and the app call.

- ``backup(project, reason)`` writes a consistent copy (SQLite's online backup API over the open
  connection) into ``<project>-backups/YYYYmmdd-HHMMSS-reason.voc`` beside the project and rotates
  the folder (the newest 10, and the newest of each day for 14 days).
- ``maybe_backup(project, min_interval_s=600)``: the app calls it after edits; it backs up only
  when the newest backup is older than the interval and the user's work changed since.
- ``list_backups(project_path)``: newest first, with time, reason and what changed since
  (codings, memos, topics, corrections … then and now).
- ``restore(project_path, backup_path)``: one step — the current file is backed up first (even a
  damaged one), then replaced atomically by a copy of the backup. The project must be closed.

Taken automatically before every migration (``voc_app.store.db.migrate``), before a project-layer
refit (``voc_app.corrections.learn``), a codebook import and a merge of another copy."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from base.errors import UserError
from base.progress import Progress
from voc_app.store import Project
from voc_app.store import backup as st
from voc_app.store.db import ProjectError, check_file

COMPARED = ("codings", "memos", "topics", "corrections", "codes", "reviews", "synonyms")


class BackupError(UserError):
    """A backup that cannot be listed or restored; the message is for the user."""


@dataclass
class BackupInfo:
    path: str
    taken_at: str  # local time, ISO (seconds)
    reason: str  # before-migration, refit, codebook-import, before-merge, edits, manual, before-restore …
    size: int  # bytes
    counts: dict[str, int | None] = field(default_factory=dict)  # what the backup holds (None: unreadable)
    changes: dict[str, int] = field(default_factory=dict)  # now minus then, per kind that differs
    now: dict[str, int | None] = field(default_factory=dict)  # what the project holds now (same keys as counts)
    readable: bool = True


def backup_folder(project_path: str | Path) -> Path:
    return st.folder(project_path)


def backup(project: Project, reason: str = "manual", progress: Progress | None = None) -> Path:
    """Back up the open project now (a consistent snapshot) and rotate its backups. Returns the path."""
    if progress:
        progress(None, "バックアップしています")
    return st.take(project.conn, project.path, reason)


def auto_backup(project: Project, reason: str) -> Path | None:
    """A backup taken on the way into another operation (a refit, a codebook import): best effort —
    when it cannot be written (a read-only folder, a full disk) the operation goes on and this
    returns None."""
    return st.try_take(project.conn, project.path, reason)


def maybe_backup(project: Project, progress: Progress | None = None, *, min_interval_s: float = 600,
                 reason: str = "edits") -> Path | None:
    """A backup when the newest one is older than ``min_interval_s`` seconds and the user's work
    (codes, codings, memos, topics, corrections, reviews, synonyms, imports) changed since; None
    when nothing was written. The app calls this after edits."""
    found = st.entries(project.path)
    if found:
        newest = found[0]
        if (dt.datetime.now() - newest.taken_at).total_seconds() < min_interval_s:
            return None
        try:
            then = st.read_file(newest.path, st.fingerprint)
        except st.Unreadable:
            then = None
        if then is not None and then == st.fingerprint(project.conn):
            return None
    return backup(project, reason, progress)


def list_backups(project_path: str | Path, progress: Progress | None = None) -> list[BackupInfo]:
    """The project's backups, newest first: when, why, how big, what each holds and what changed
    since (``changes``: now minus then for codings, memos, topics, corrections, codes, reviews and
    synonyms that differ). A backup that cannot be read is listed with ``readable`` False."""
    now: dict[str, int | None] = {}
    p = Path(project_path)
    if p.is_file():
        try:
            now = st.read_file(p, st.counts)
        except st.Unreadable:
            now = {}
    out = []
    for e in st.entries(p):
        try:
            then = st.read_file(e.path, st.counts)
            ok = True
        except st.Unreadable:
            then, ok = {}, False
        changes = {k: now[k] - then[k] for k in COMPARED
                   if now.get(k) is not None and then.get(k) is not None and now[k] != then[k]}
        try:
            size = e.path.stat().st_size
        except OSError:
            continue
        out.append(BackupInfo(str(e.path), e.taken_at.isoformat(timespec="seconds"), e.reason, size, then,
                              changes, dict(now), ok))
    return out


@dataclass
class RestoreResult:
    project: str
    restored_from: str
    safety_backup: str | None  # the project as it was before the restore (None: there was no file)
    damaged: bool  # the replaced file could not be read as a database (copied byte for byte)


def _safety_copy(project_path: Path) -> tuple[Path | None, bool]:
    """Back up the current file before it is replaced. A readable project goes through the backup
    API; a damaged one (or one that is not a database any more) is copied byte for byte with its
    write-ahead log — nothing of ours has it open. Raises BackupError when the file is in use."""
    if not project_path.exists():
        return None, False
    try:
        check_file(project_path)
        path = st.take_file(project_path, "before-restore")
        damaged = False
    except (ProjectError, st.Unreadable):
        d = st.folder(project_path)
        d.mkdir(parents=True, exist_ok=True)
        path = d / f"{dt.datetime.now().strftime(st.STAMP)}-before-restore-damaged.voc"
        n = 2
        while path.exists():
            path = d / f"{dt.datetime.now().strftime(st.STAMP)}-before-restore-damaged.{n}.voc"
            n += 1
        shutil.copyfile(project_path, path)
        for suffix in ("-wal",):
            side = Path(str(project_path) + suffix)
            if side.exists():
                shutil.copyfile(side, Path(str(path) + suffix))
        damaged = True
    if Path(str(project_path) + "-wal").exists() and not damaged:
        # SQLite removes the log when its last connection closes: another program has the project open
        raise BackupError(f"{project_path}: プロジェクトが開かれています。アプリで閉じてから復元してください"
                          f"（いまの状態は {path} に保存しました）")
    return path, damaged


def restore(project_path: str | Path, backup_path: str | Path, progress: Progress | None = None) -> RestoreResult:
    """Put a backup in place of the project in one step: the backup is checked (a project of ours,
    not from a newer version, intact), the current file is backed up first, then replaced
    atomically by a copy of the backup. The project must not be open."""
    project_path, backup_path = Path(project_path), Path(backup_path)
    if not backup_path.is_file():
        raise BackupError(f"{backup_path}: バックアップが見つかりません")
    if project_path.exists() and backup_path.resolve() == project_path.resolve():
        raise BackupError(f"{backup_path}: プロジェクトそのものです。バックアップを指定してください")
    check_file(backup_path)  # ProjectError for a file that is not a project of ours
    try:
        problem = st.read_file(backup_path, st.quick_check)
    except st.Unreadable as e:
        problem = str(e)
    if problem != "ok":
        raise BackupError(f"{backup_path}: バックアップが壊れています（{problem}）。別のバックアップを選んでください")
    tmp = project_path.with_name(f".{project_path.name}.restoring")
    for side in (tmp, Path(str(tmp) + "-journal")):
        side.unlink(missing_ok=True)
    if progress:
        progress(None, "復元しています")
    try:  # copied first: rotating the folder below may delete the backup
        st.copy_file(backup_path, tmp)
    except st.Unreadable as e:
        raise BackupError(f"{backup_path}: バックアップを読めません（{e}）") from e
    if progress:
        progress(None, "いまの状態をバックアップしています")
    try:
        safety, damaged = _safety_copy(project_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    for suffix in ("-wal", "-shm"):  # a log of the replaced file must never be applied to the backup
        Path(str(project_path) + suffix).unlink(missing_ok=True)
    os.replace(tmp, project_path)
    return RestoreResult(str(project_path), str(backup_path), str(safety) if safety else None, damaged)
