"""The layout's figures for a checkout: the five largest modules, SQL sites outside ``voc_app/store``,
GUI imports of ``nlp``/``importers``/``voc_app.store``, and import cycles (module level, lazy imports
included). Rules and counting: ``tests/layering.py``.

    .venv/bin/python bench/layout_report.py [CHECKOUT]      # default: this checkout

Compare two states with a worktree, e.g. ``git worktree add /tmp/before <commit>`` and run it on both.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.layering import cycles, forbidden_imports, module_graph, python_files, sql_outside_store  # noqa: E402


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent).resolve()
    sizes = sorted(((sum(1 for _ in p.open(encoding="utf-8")), p.relative_to(root).as_posix())
                    for p in python_files(root)), reverse=True)
    print(f"checkout: {root}")
    print("five largest modules (lines):")
    for n, p in sizes[:5]:
        print(f"  {n:5d}  {p}")
    sql = sql_outside_store(root)
    print(f"SQL sites outside voc_app/store: {len(sql)}")
    for path, n in Counter(s.path for s in sql).most_common():
        print(f"  {n:3d}  {path}")
    gui = forbidden_imports(root, "voc_app/gui", ("nlp", "importers", "voc_app.store", "sqlite3"))
    print(f"GUI imports of nlp / importers / voc_app.store / sqlite3: {len(gui)}")
    for path, n in Counter(s.path for s in gui).most_common():
        print(f"  {n:3d}  {path}")
    wings = forbidden_imports(root, "nlp", ("importers", "voc_app")) + \
        forbidden_imports(root, "importers", ("nlp", "voc_app"))
    print(f"nlp <-> importers / voc_app imports: {len(wings)}")
    cyc = cycles(module_graph(root))
    print(f"import cycles: {len(cyc)}")
    for c in cyc:
        print("  " + " <-> ".join(c))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
