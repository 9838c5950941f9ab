from __future__ import annotations

import sqlite3

import pytest

from voc_app.store import Project, ProjectError
from voc_app.store.db import migrate
from voc_app.store.schema import MIGRATIONS


def test_new_project_settings(project):
    c = project.conn
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert c.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert [r[0] for r in c.execute("SELECT name FROM _migrations")] == [n for n, _ in MIGRATIONS]
    with pytest.raises(sqlite3.IntegrityError):
        c.execute("INSERT INTO verbatims (batch_id, kind, text) VALUES (999, 'survey', 'x')")


def test_migrations_are_idempotent_and_reopen(tmp_path):
    path = tmp_path / "a.voc"
    Project.create(path).close()
    with Project(path) as p:
        assert migrate(p.conn) == []


def test_failed_migration_rolls_back(tmp_path, monkeypatch):
    from voc_app.store import db as dbmod

    path = tmp_path / "b.voc"
    Project.create(path).close()
    bad = [*MIGRATIONS, ("999_broken", "CREATE TABLE extra (x INTEGER); THIS IS NOT SQL;")]
    monkeypatch.setattr(dbmod, "MIGRATIONS", bad)
    with pytest.raises(sqlite3.OperationalError):
        Project(path)
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS)
    with Project(path) as p:
        assert p.conn.execute("SELECT count(*) FROM sqlite_master WHERE name='extra'").fetchone()[0] == 0
        assert p.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_project_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "c.voc"
    with Project.create(path) as p:
        p.conn.execute("INSERT INTO _migrations VALUES ('500_future', 'x')")
    with pytest.raises(ProjectError, match="新しいバージョン"):
        Project(path)


def test_search_index_migration_keeps_a_projects_search(tmp_path, monkeypatch, fixtures):
    """A project made before 008 (search index with per-row token counts) is re-indexed on open:
    the same verbatims are found, deletions still leave the index, and the index has no docsize."""
    from voc_app.importing import import_file
    from voc_app.store import db as dbmod

    path = tmp_path / "old.voc"
    monkeypatch.setattr(dbmod, "MIGRATIONS", [m for m in MIGRATIONS if m[0] < "008"])
    with Project.create(path) as p:
        import_file(p, fixtures / "excel_cp932.csv")
        before = p.conn.execute("SELECT rowid FROM verbatims_fts WHERE verbatims_fts MATCH 'ません' ORDER BY 1").fetchall()
        assert p.conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'verbatims_fts_docsize'").fetchone()[0]
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS)
    with Project(path) as p:
        c = p.conn
        assert c.execute("SELECT count(*) FROM sqlite_master WHERE name = 'verbatims_fts_docsize'").fetchone()[0] == 0
        after = c.execute("SELECT rowid FROM verbatims_fts WHERE verbatims_fts MATCH 'ません' ORDER BY 1").fetchall()
        assert after == before and len(after) == 2
        c.execute("DELETE FROM analyses")
        c.execute("DELETE FROM verbatims WHERE id = ?", (after[0][0],))
        assert c.execute("SELECT rowid FROM verbatims_fts WHERE verbatims_fts MATCH 'ません' ORDER BY 1").fetchall() == after[1:]
        # raises "database disk image is malformed" when the index and the verbatims disagree
        c.execute("INSERT INTO verbatims_fts (verbatims_fts) VALUES ('integrity-check')")
