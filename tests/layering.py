"""The layout's rules as code: where SQL may appear, which packages may import Qt or sqlite3, and
import cycles. Used by ``tests/test_layering.py`` (the rules) and ``bench/layout_report.py`` (the
figures of a checkout: module sizes, SQL sites outside the store, GUI imports, cycles).

SQL is found by reading the syntax tree, not by grep: a call of ``.execute``/``.executemany``/
``.executescript``, or a string (plain or f-string) that starts like a SQL statement. Strings
shown to users never start with an upper-case SQL keyword followed by SQL syntax.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGES = ("base", "nlp", "importers", "voc_app")
SQL_START = re.compile(
    r"^\s*(SELECT\s+(\w|\*|DISTINCT|count|coalesce)|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
    r"CREATE\s+(TEMP\s+|TEMPORARY\s+|UNIQUE\s+|VIRTUAL\s+)?(TABLE|INDEX|VIEW|TRIGGER)|DROP\s+(TABLE|INDEX|VIEW|TRIGGER)|"
    r"PRAGMA\s+\w|BEGIN(\s+(IMMEDIATE|EXCLUSIVE|DEFERRED))?\s*$|WITH\s+(RECURSIVE\s+)?\w+\s*(\(|AS\b)|ALTER\s+TABLE|"
    r"REPLACE\s+INTO|ATTACH\s+DATABASE|VACUUM\b)")
EXECUTE = {"execute", "executemany", "executescript"}


@dataclass(frozen=True)
class Site:
    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


def python_files(root: Path, packages=PACKAGES) -> Iterator[Path]:
    for pkg in packages:
        yield from sorted((root / pkg).rglob("*.py"))


def _string_start(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):  # the literal text before the first placeholder
        out = []
        for v in node.values:
            if isinstance(v, ast.Constant) and isinstance(v.value, str):
                out.append(v.value)
            else:
                out.append("x")  # a placeholder: stands for a name or a list of columns
        return "".join(out)
    return None


def sql_sites(path: Path, root: Path) -> list[Site]:
    """Every place in one file that runs or spells SQL, or imports sqlite3."""
    rel = path.relative_to(root).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
    sites: list[Site] = []
    inside_call: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in EXECUTE:
            sites.append(Site(rel, node.lineno, f".{node.func.attr}(…)"))
            for arg in ast.walk(node):
                inside_call.add(id(arg))
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            if any(n == "sqlite3" or n.startswith("sqlite3.") or n == "sqlite_utils" for n in names):
                sites.append(Site(rel, node.lineno, "import " + ", ".join(names)))
    for node in ast.walk(tree):
        if id(node) in inside_call or isinstance(node, ast.Constant) and _parent_is_joined(tree, node):
            continue
        text = _string_start(node)
        if text and SQL_START.match(text):
            sites.append(Site(rel, node.lineno, "SQL text: " + " ".join(text.split())[:60]))
    return sorted(set(sites), key=lambda s: (s.path, s.line, s.what))


def _parent_is_joined(tree: ast.AST, node: ast.AST) -> bool:
    cache = getattr(tree, "_joined_parts", None)
    if cache is None:
        cache = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
        tree._joined_parts = cache  # type: ignore[attr-defined]
    return id(node) in cache


def sql_outside_store(root: Path) -> list[Site]:
    out: list[Site] = []
    for path in python_files(root):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("voc_app/store/"):
            continue
        out.extend(sql_sites(path, root))
    return out


def imports_of(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) of every import in a file, at any depth (lazy imports included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                yield node.lineno, a.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
            for a in node.names:  # ``from voc_app import coding`` imports voc_app.coding
                yield node.lineno, f"{node.module}.{a.name}"


def forbidden_imports(root: Path, where: str, forbidden: tuple[str, ...]) -> list[Site]:
    """Imports of any of ``forbidden`` (a package and its modules) by files under ``where``."""
    out: dict[tuple[str, int], Site] = {}  # one per import statement
    for path in sorted((root / where).rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        for line, mod in imports_of(path):
            if (rel, line) not in out and any(mod == f or mod.startswith(f + ".") for f in forbidden):
                out[rel, line] = Site(rel, line, "import " + mod)
    return sorted(out.values(), key=lambda s: (s.path, s.line))


def module_graph(root: Path) -> dict[str, set[str]]:
    """Module → the project modules it imports (lazy imports included), from the syntax trees."""
    modules: dict[str, Path] = {}
    for path in python_files(root):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for mod, path in modules.items():
        for _, target in imports_of(path):
            # the module itself if it is one, else the nearest package that is
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != mod and not mod.startswith(target + "."):
                graph[mod].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, it = work[-1]
            for nxt in it:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    comp = []
                    while True:
                        m = stack.pop()
                        on_stack.discard(m)
                        comp.append(m)
                        if m == node:
                            break
                    if len(comp) > 1:
                        out.append(sorted(comp))
    return sorted(out)
