"""Opening a project file: SQLite with WAL, foreign keys and named migrations."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from voc_app.store.schema import MIGRATIONS

APP_ID = 0x564F4331  # 'VOC1' in PRAGMA application_id


class ProjectError(Exception):
    """A project file that cannot be opened or created; the message is for the user."""


# SQLite's error for a database it cannot use in the middle of a command (another process holds
# the lock, a read-only or vanished file): code outside the store catches it under this name and
# words it with ``operational_message`` — it never imports sqlite3
StoreOperationalError = sqlite3.OperationalError
PROJECT_BUSY = "プロジェクトが他のプログラムで使用中です。しばらくしてから再実行してください"


def operational_message(e: BaseException) -> str:
    """What to tell the user about a ``StoreOperationalError``."""
    return PROJECT_BUSY if "locked" in str(e) else str(e)


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")


NOT_A_PROJECT = "VoC Analyzer のプロジェクトではありません（開いても変更していません）"
NEWER_VERSION = ("このプロジェクトは新しいバージョンの VoC Analyzer で作られています。"
                 "書き換えないよう開くのをやめました。アプリを更新してください")


def check_file(p: Path) -> None:
    """Refuse a file that is not a project, or a project made by a newer version, *before*
    anything writes to it: the application id and the user version (the number of migrations)
    are read over a read-only SQLite connection, which changes no byte of a foreign file. (Not
    with a plain ``open()``: closing a file descriptor of a database releases every lock this
    process holds on it — SQLite's own connections' too — and a project the app has open would
    then be read while another process writes: "database disk image is malformed".) A newer
    project whose last migrations are unknown here is refused by ``migrate`` before any write."""
    if p.is_dir():
        raise ProjectError(f"{p}: {NOT_A_PROJECT}")
    try:
        conn = connect_readonly(p)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise ProjectError(f"{p}: {NOT_A_PROJECT}（{e}）") from e
    if app_id != APP_ID:
        raise ProjectError(f"{p}: {NOT_A_PROJECT}")
    if version > len(MIGRATIONS):
        raise ProjectError(f"{p}: {NEWER_VERSION}")


def connect(path: str | Path, *, create: bool = False) -> sqlite3.Connection:
    p = Path(path)
    if not create and not p.exists():
        raise ProjectError(f"{p}: プロジェクトが見つかりません（voc new {p} で作成できます）")
    if create and p.exists() and p.stat().st_size > 0:
        raise ProjectError(f"{p}: 既にファイルがあります")
    if not create:
        check_file(p)
    try:
        conn = sqlite3.connect(str(p), isolation_level=None, check_same_thread=False, timeout=30)
        if create:  # before WAL: the id is then in the file's own header from the start
            conn.execute(f"PRAGMA application_id = {APP_ID}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = -65536")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    except sqlite3.DatabaseError as e:
        raise ProjectError(f"{p}: VoC Analyzer のプロジェクトではありません（{e}）") from e
    if not create and app_id != APP_ID:
        conn.close()
        raise ProjectError(f"{p}: VoC Analyzer のプロジェクトではありません")
    migrate(conn)
    return conn


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """A connection that cannot write (a URI with ``mode=ro``; the path is quoted, since ``#``,
    ``?`` or ``%`` in a file name would otherwise open another file). No migrations run."""
    from urllib.parse import quote

    return sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True, isolation_level=None)


def snapshot_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection holding one read transaction open: every query sees the project as
    it was when this was called, whatever other connections commit meanwhile."""
    ro = connect_readonly(path)
    ro.execute("BEGIN")
    ro.execute("SELECT 1 FROM batches LIMIT 1").fetchall()  # the snapshot starts at the first read
    return ro


def pending_migrations(path: str | Path) -> list[str]:
    """Names of the migrations an existing project still needs, read without changing it
    ([] for a project that is up to date, or for a file that is not a project: opening it
    reports that). The desktop app runs them in the background before showing a project."""
    p = Path(path)
    if not p.is_file():
        return []
    try:
        conn = connect_readonly(p)
        try:
            done = {r[0] for r in conn.execute("SELECT name FROM _migrations")}
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return []
    return [name for name, _ in MIGRATIONS if name not in done]


def _backup_before_migrating(conn: sqlite3.Connection) -> None:
    """An existing project about to be upgraded is first copied into its backup folder (SQLite's
    backup API over this connection: the file itself is never opened by hand). No migration runs
    without it."""
    from voc_app.store import backup

    path = backup.main_file(conn)
    if not path:
        return
    try:
        backup.take(conn, path, "before-migration")
    except (OSError, sqlite3.Error) as e:
        raise ProjectError(f"{path}: 更新の前のバックアップを作れませんでした。プロジェクトは変更していません（{e}）") from e


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply pending migrations, each in its own transaction. Returns the names applied."""
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {r[0] for r in conn.execute("SELECT name FROM _migrations")}
    known = {name for name, _ in MIGRATIONS}
    if done - known:
        raise ProjectError(NEWER_VERSION)
    if done and any(name not in done for name, _ in MIGRATIONS):
        _backup_before_migrating(conn)
    applied = []
    for n, (name, step) in enumerate(MIGRATIONS, start=1):
        if name in done:
            continue
        record = (f"INSERT INTO _migrations (name, applied_at) VALUES ('{name}', '{now_iso()}');"
                  f"PRAGMA user_version = {n};")
        try:
            if isinstance(step, str):
                conn.executescript("BEGIN IMMEDIATE;\n" + step + "\n" + record + "\nCOMMIT;")
            else:
                conn.execute("BEGIN IMMEDIATE")
                step(conn)
                for stmt in record.split(";"):
                    if stmt.strip():
                        conn.execute(stmt)
                conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def checkpoint(conn: sqlite3.Connection) -> None:
    """Fold the write-ahead log into the project file and empty it (a file to copy or ship)."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: everything or nothing (also on Cancelled or KeyboardInterrupt)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


def database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """sqlite-utils over an open connection, for introspection, counts, upserts and small writes
    (its writes nest as savepoints inside our transaction: one import stays one transaction).
    The hot paths (import, analysis, export, auto-coding) stay on plain sqlite3, measured faster."""
    return sqlite_utils.Database(conn, recursive_triggers=False)


def meta_value(conn: sqlite3.Connection, key: str) -> str | None:
    """A project setting from the ``meta`` table (None when unset)."""
    try:
        return database(conn)["meta"].get(key)["value"]
    except sqlite_utils.db.NotFoundError:
        return None


def set_meta_value(conn: sqlite3.Connection, key: str, value: str) -> None:
    database(conn)["meta"].upsert({"key": key, "value": value}, pk="key")


class Project:
    """An open project file. ``db`` is a sqlite-utils Database over the same connection."""

    def __init__(self, path: str | Path, *, create: bool = False) -> None:
        self.path = Path(path)
        self.conn = connect(self.path, create=create)
        self.db = database(self.conn)

    @classmethod
    def create(cls, path: str | Path) -> Project:
        return cls(path, create=True)

    def close(self) -> None:
        """Close the file. ``PRAGMA optimize`` is housekeeping after the work is done: when it
        cannot run (another process holds the write lock, a read-only file) it is skipped, never
        turning a finished import or export into a failure."""
        try:
            if not self.conn.in_transaction:
                self.conn.execute("PRAGMA busy_timeout = 0")
                self.conn.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass
        finally:
            self.conn.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
