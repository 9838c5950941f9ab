"""Backups of a project file: consistent copies made with SQLite's online backup API over an open
connection (never a file copy of a database that may be open: closing a plain file descriptor of
it would drop this process' locks), kept in a folder beside the project and rotated.

A backup is a complete project file in rollback-journal mode (one file, nothing beside it),
named ``YYYYmmdd-HHMMSS-reason.voc`` (``…-reason.2.voc`` when two share a second) in
``<project>-backups`` (``study.voc`` → ``study.voc-backups/``). Rotation keeps the newest
``KEEP_LAST`` and the newest of each day of the last ``KEEP_DAYS`` days.

``db.migrate`` calls :func:`take` before it changes an existing project: this module imports
nothing else of the store (``db`` imports it)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

KEEP_LAST = 10
KEEP_DAYS = 14
STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(\d{8}-\d{6})-([A-Za-z0-9_-]+?)(?:\.(\d+))?\.voc$")


def folder(project_path: str | Path) -> Path:
    """Where a project's backups live: ``study.voc`` → ``study.voc-backups`` beside it."""
    p = Path(project_path).resolve()
    return p.with_name(p.name + "-backups") if p.suffix.lower() == ".voc" else p.with_name(p.name + ".voc-backups")


def slug(reason: str) -> str:
    s = re.sub(r"[^A-Za-z0-9_-]+", "-", reason.strip()).strip("-_")
    return (s or "backup")[:40]


@dataclass(frozen=True)
class Entry:
    path: Path
    taken_at: dt.datetime  # local time, from the name
    reason: str
    seq: int = 1  # the n of ``….n.voc`` when several were taken in one second


def parse(path: Path) -> Entry | None:
    m = _NAME.match(path.name)
    if not m:
        return None
    try:
        at = dt.datetime.strptime(m.group(1), STAMP)
    except ValueError:
        return None
    return Entry(path, at, m.group(2), int(m.group(3) or 1))


def entries(project_path: str | Path) -> list[Entry]:
    """The backups of a project, newest first."""
    d = folder(project_path)
    if not d.is_dir():
        return []
    found = [e for p in d.iterdir() if p.is_file() and (e := parse(p)) is not None]
    found.sort(key=lambda e: (e.taken_at, e.seq, e.path.name), reverse=True)
    return found


def copy(source: sqlite3.Connection, dest: Path) -> Path:
    """A consistent copy of the database open on ``source`` (what it sees: committed data, WAL
    included) written to ``dest`` through a temporary file, in rollback-journal mode."""
    tmp = dest.with_name(dest.name + ".part")
    if tmp.exists():
        tmp.unlink()
    target = sqlite3.connect(str(tmp), isolation_level=None)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
    except BaseException:
        target.close()
        tmp.unlink(missing_ok=True)
        raise
    target.close()
    with open(tmp, "rb") as f:  # the temporary copy: no connection holds it any more
        os.fsync(f.fileno())
    os.replace(tmp, dest)
    return dest


def main_file(conn: sqlite3.Connection) -> str:
    """The file of a connection's main database ('' for an in-memory one)."""
    for _, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return file or ""
    return ""


def take(conn: sqlite3.Connection, project_path: str | Path, reason: str, *, now: dt.datetime | None = None,
         keep_last: int = KEEP_LAST, keep_days: int = KEEP_DAYS) -> Path:
    """Back up the project open on ``conn`` into its backup folder, then rotate. Returns the path."""
    d = folder(project_path)
    d.mkdir(parents=True, exist_ok=True)
    now = now or dt.datetime.now()
    base = f"{now.strftime(STAMP)}-{slug(reason)}"
    dest = d / f"{base}.voc"
    n = 2
    while dest.exists():
        dest = d / f"{base}.{n}.voc"
        n += 1
    copy(conn, dest)
    rotate(project_path, now=now, keep_last=keep_last, keep_days=keep_days)
    return dest


def try_take(conn: sqlite3.Connection, project_path: str | Path, reason: str) -> Path | None:
    """``take``, or None when the backup cannot be written (a read-only folder, a full disk)."""
    try:
        return take(conn, project_path, reason)
    except (OSError, sqlite3.Error):
        return None


def rotate(project_path: str | Path, *, now: dt.datetime | None = None, keep_last: int = KEEP_LAST,
           keep_days: int = KEEP_DAYS) -> list[Path]:
    """Delete the backups rotation does not keep: kept are the newest ``keep_last`` and the newest of
    each calendar day within the last ``keep_days`` days. Also removes temporary files left by a
    backup that stopped over an hour ago. Returns the deleted paths."""
    now = now or dt.datetime.now()
    found = entries(project_path)  # newest first
    keep = {e.path for e in found[:keep_last]}
    first_day = (now - dt.timedelta(days=keep_days)).date()
    days: set[dt.date] = set()
    for e in found:
        day = e.taken_at.date()
        if day > first_day and day not in days:
            days.add(day)
            keep.add(e.path)
    removed = []
    for e in found:
        if e.path not in keep:
            e.path.unlink(missing_ok=True)
            removed.append(e.path)
    d = folder(project_path)
    if d.is_dir():
        for p in d.glob("*.part"):
            try:
                if time.time() - p.stat().st_mtime > 3600:
                    p.unlink()
            except OSError:
                pass
    return removed


# --- what a backup holds ---------------------------------------------------------------------

COUNTS = {  # the user judgements a backup list compares (None: the table is not in that file)
    "codes": "SELECT count(*) FROM codes",
    "codings": "SELECT count(*) FROM codings WHERE state != 'rejected'",
    "memos": "SELECT count(*) FROM memos WHERE text != ''",
    "topics": "SELECT count(*) FROM topics WHERE status = 'active'",
    "corrections": "SELECT count(*) FROM label_corrections_current",
    "reviews": "SELECT count(*) FROM reviews",
    "synonyms": "SELECT count(*) FROM synonyms",
    "verbatims": "SELECT count(*) FROM verbatims",
}

_FINGERPRINT = (
    "SELECT count(*), max(id) FROM codings", "SELECT count(*), max(id), sum(undone) FROM coding_edits",
    "SELECT count(*), max(updated_at) FROM codes", "SELECT count(*), max(updated_at) FROM memos",
    "SELECT count(*), max(at) FROM coded", "SELECT count(*), max(updated_at) FROM topics",
    "SELECT count(*), max(id), sum(undone) FROM topic_edits", "SELECT count(*), max(id), sum(undone) FROM label_edits",
    "SELECT count(*), max(reviewed_at) FROM reviews", "SELECT count(*), max(added_at) FROM synonyms",
    "SELECT count(*) FROM user_terms", "SELECT count(*), max(id) FROM batches",
    "SELECT value FROM meta WHERE key = 'synonym_defaults'",
)


def counts(conn: sqlite3.Connection) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for k, q in COUNTS.items():
        try:
            out[k] = conn.execute(q).fetchone()[0]
        except sqlite3.Error:
            out[k] = None
    return out


def fingerprint(conn: sqlite3.Connection) -> str:
    """A digest of the user judgements and imports: equal when nobody changed anything."""
    h = hashlib.sha256()
    for q in _FINGERPRINT:
        try:
            h.update(repr(conn.execute(q).fetchall()).encode())
        except sqlite3.Error:
            h.update(b"-")
    return h.hexdigest()


def quick_check(conn: sqlite3.Connection) -> str:
    """'ok', or what SQLite's quick check found wrong."""
    rows = conn.execute("PRAGMA quick_check").fetchall()
    return "ok" if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:3])


# --- over a file (what the operations use without knowing SQLite) --------------------------------

class Unreadable(Exception):
    """A file SQLite cannot read as a database (damaged, or not a database at all)."""


def read_file(path: str | Path, fn):
    """``fn(connection)`` over a read-only connection to ``path``; Unreadable when SQLite fails."""
    from urllib.parse import quote

    try:
        conn = sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True, isolation_level=None)
        try:
            return fn(conn)
        finally:
            conn.close()
    except sqlite3.Error as e:
        raise Unreadable(str(e)) from e


def take_file(project_path: str | Path, reason: str) -> Path:
    """Back up a project that is not open here (a read-write connection of our own, closed again:
    SQLite folds and removes its log when it was the last one). Unreadable when it is damaged."""
    try:
        conn = sqlite3.connect(str(project_path), isolation_level=None, timeout=5)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return take(conn, project_path, reason)
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise Unreadable(str(e)) from e


def copy_file(source_path: str | Path, dest: Path) -> Path:
    """``copy`` from a file (a backup) to ``dest``."""
    try:
        src = sqlite3.connect(str(source_path), isolation_level=None)
        try:
            return copy(src, dest)
        finally:
            src.close()
    except sqlite3.DatabaseError as e:
        raise Unreadable(str(e)) from e
