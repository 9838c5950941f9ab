"""Killing the process in the middle of an import leaves the previous state intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from tests.conftest import dump
from voc_app.importing import import_file
from voc_app.store import Project


def test_sigkill_mid_import_keeps_previous_state(tmp_path, fixtures):
    proj = tmp_path / "k.voc"
    with Project.create(proj) as p:
        import_file(p, fixtures / "excel_cp932.csv")
        before = dump(p)
    big = tmp_path / "big.csv"
    with open(big, "w", encoding="cp932", newline="") as f:
        f.write("回答ID,顧客ID,NPS(0-10),ご意見をお聞かせください\r\n")
        for i in range(300_000):
            f.write(f"{i},K{i % 5000:06d},{i % 11},配送がとても早くて助かりました。梱包も丁寧でした {i}\r\n")
    proc = subprocess.Popen([sys.executable, "-m", "voc_app.cli", "import", str(proj), str(big), "--no-progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = proj.with_name(proj.name + "-wal")
    deadline = time.time() + 120
    # wait until the import is writing (the WAL grows past a few MB), then kill it
    while time.time() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 4 << 20:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the import finished before it could be killed; make the file bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Project(proj) as p:
        assert p.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert dump(p) == before
