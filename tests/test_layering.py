"""The layout of ../shared/DESIGN.md, enforced: import-linter's contracts (pyproject.toml, section
tool.importlinter), no SQL outside voc_app/store, Qt only in voc_app/gui, and no import cycles. The
last test breaks a copy of the code on purpose and checks that every rule notices."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.layering import PACKAGES, Site, cycles, imports_of, module_graph, python_files, sql_outside_store

ROOT = Path(__file__).resolve().parent.parent


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """import-linter over the packages in ``root`` (a checkout or a copy of one)."""
    env = dict(os.environ, PYTHONPATH=str(root))
    return subprocess.run([sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command;"
                           " sys.exit(lint_imports_command(['--no-cache']))"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)


def qt_outside_gui(root: Path) -> list[Site]:
    out = []
    for path in python_files(root):
        rel = path.relative_to(root).as_posix()
        if not rel.startswith("voc_app/gui/"):
            out += [Site(rel, line, "import " + mod) for line, mod in imports_of(path)
                    if mod.split(".")[0] in ("PySide6", "shiboken6")]
    return out


def test_import_contracts_are_kept():
    res = lint_imports(ROOT)
    assert res.returncode == 0, res.stdout[-4000:] + res.stderr[-2000:]
    assert "0 broken" in res.stdout


def test_every_application_module_is_under_the_front_end_contract():
    """The contract "Operations, export and store know no front end" lists its modules: a new
    operation module must be added there (else it could import the GUI unnoticed)."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    listed = next(set(c["source_modules"]) for c in config["contracts"] if c["name"].startswith("Operations"))
    front = {"voc_app.gui", "voc_app.cli", "voc_app.cli_coding", "voc_app.cli_common", "voc_app.cli_labels",
             "voc_app.cli_team"}
    modules = {"voc_app." + (p.stem if p.is_file() else p.name) for p in (ROOT / "voc_app").iterdir()
               if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").exists()}
    assert modules - front - listed == set()


def test_no_sql_outside_the_store():
    sites = sql_outside_store(ROOT)
    assert not sites, "SQL belongs in voc_app/store:\n" + "\n".join(map(str, sites))


def test_qt_only_in_the_gui():
    sites = qt_outside_gui(ROOT)
    assert not sites, "\n".join(map(str, sites))


def test_no_import_cycles():
    found = cycles(module_graph(ROOT))
    assert not found, "\n".join(" <-> ".join(c) for c in found)


def test_every_rule_notices_a_break(tmp_path):
    """A copy of the code with one forbidden thing of each kind added: each check must fail."""
    for pkg in PACKAGES:
        shutil.copytree(ROOT / pkg, tmp_path / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")

    def append(rel: str, code: str) -> None:
        with open(tmp_path / rel, "a", encoding="utf-8") as f:
            f.write("\n\n" + code + "\n")

    append("voc_app/gui/models.py", "def _forbidden():\n    from nlp import cues  # noqa\n    return cues")
    append("voc_app/review.py", "def _sql(conn):\n    return conn.execute(f\"SELECT id FROM {'customers'}\")")
    append("nlp/words.py", "def _qt():\n    from PySide6 import QtCore  # noqa\n    return QtCore")
    append("nlp/normalize.py", "def _cycle():\n    from nlp import analyze  # noqa\n    return analyze")

    res = lint_imports(tmp_path)
    assert res.returncode != 0
    assert "voc_app.gui.models -> nlp" in res.stdout
    assert "nlp.words -> PySide6" in res.stdout
    line = len((tmp_path / "voc_app/review.py").read_text(encoding="utf-8").splitlines())
    assert set(map(str, sql_outside_store(tmp_path))) - set(map(str, sql_outside_store(ROOT))) == {
        f"voc_app/review.py:{line}: .execute(…)"}
    assert {s.path for s in qt_outside_gui(tmp_path)} - {s.path for s in qt_outside_gui(ROOT)} == {"nlp/words.py"}
    assert any({"nlp.normalize", "nlp.analyze"} <= set(c) for c in cycles(module_graph(tmp_path)))
    assert sum(1 for _ in python_files(tmp_path)) == sum(1 for _ in python_files(ROOT))
