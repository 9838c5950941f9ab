from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from voc_app.store import Project

# Tests never need a screen (and Qt aborts without one): draw offscreen unless told otherwise.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("VOC_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SHARED_FORMATS = SHARED / "data" / "formats"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def project(tmp_path: Path):
    p = Project.create(tmp_path / "test.voc")
    yield p
    p.close()


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Nothing in VoC Analyzer may reach the network: refuse every socket connection."""

    def refuse(*args, **kwargs):
        raise OSError("network access is disabled in tests")

    def local_only(original):
        # Unix-domain sockets are not the network: multiprocessing's fork server uses one
        def connect(self, *args, **kwargs):
            if self.family == socket.AF_UNIX:
                return original(self, *args, **kwargs)
            return refuse()
        return connect

    monkeypatch.setattr(socket.socket, "connect", local_only(socket.socket.connect))
    monkeypatch.setattr(socket.socket, "connect_ex", local_only(socket.socket.connect_ex))
    monkeypatch.setattr(socket, "create_connection", refuse)


def dump(project: Project) -> list:
    """Everything in the project, for 'unchanged' checks."""
    out = []
    tables = [r[0] for r in project.conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'verbatims_fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for t in tables:
        out.append((t, project.conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()))
    out.append(("fts", project.conn.execute("SELECT count(*) FROM verbatims_fts").fetchall()))
    return out
