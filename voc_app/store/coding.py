"""Coding store: coders, the codebook, codings (whole verbatims or character spans), review
marks, memos, and an edit log with before/after rows for undo and redo.

Codes, codings and memos are user judgements: nothing derived (analysis, topics) touches them.
Every editing function runs inside :func:`editing`, which is one transaction and one undo step.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from base.errors import UserError
from voc_app.store.db import now_iso, transaction
from voc_app.store.topics import VERBATIM_DATE, breakdown_expr

# tables under undo, parents first
TRACKED = ("codes", "codings", "memos")
PALETTE = ("#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7",
           "#9C755F", "#BAB0AC")
AUTO_CODER = "自動コーディング"


class CodingError(UserError, ValueError):
    """An edit that cannot be done (unknown code, a move into its own subtree, …); for the user."""


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


class Edit:
    """Records rows of the tracked tables before and after one edit."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.before: dict[str, dict[int, list | None]] = {t: {} for t in TRACKED}
        self.cols = {t: _columns(conn, t) for t in TRACKED}

    def watch(self, table: str, where: str, args: Iterable[Any] = ()) -> None:
        """Remember the current rows matching ``where`` (before they change)."""
        for row in self.conn.execute(f"SELECT * FROM {table} WHERE {where}", list(args)):
            self.before[table].setdefault(row[0], list(row))

    def created(self, table: str, ids: Iterable[int]) -> None:
        for i in ids:
            self.before[table].setdefault(i, None)

    def after(self) -> dict[str, dict[int, list | None]]:
        out: dict[str, dict[int, list | None]] = {}
        for t, rows in self.before.items():
            ids = list(rows)
            now: dict[int, list | None] = {i: None for i in ids}
            for k in range(0, len(ids), 500):
                part = ids[k:k + 500]
                for row in self.conn.execute(f"SELECT * FROM {t} WHERE id IN ({','.join('?' * len(part))})", part):
                    now[row[0]] = list(row)
            out[t] = now
        return out


@contextmanager
def editing(conn: sqlite3.Connection, action: str, detail: dict | None = None) -> Iterator[Edit]:
    """One transaction and one undo step. A new edit clears the redo stack."""
    with transaction(conn):
        e = Edit(conn)
        yield e
        after = e.after()
        if any(e.before[t] for t in TRACKED):
            conn.execute("DELETE FROM coding_edits WHERE undone = 1")
            conn.execute("INSERT INTO coding_edits (action, detail, before, after, at) VALUES (?,?,?,?,?)",
                         (action, json.dumps(detail or {}, ensure_ascii=False),
                          json.dumps({t: {"cols": e.cols[t], "rows": e.before[t]} for t in TRACKED}, ensure_ascii=False),
                          json.dumps({t: {"cols": e.cols[t], "rows": after[t]} for t in TRACKED}, ensure_ascii=False),
                          now_iso()))


def _restore(conn: sqlite3.Connection, state: dict) -> None:
    conn.execute("PRAGMA defer_foreign_keys = ON")
    for t in reversed(TRACKED):
        gone = [int(i) for i, row in state[t]["rows"].items() if row is None]
        for k in range(0, len(gone), 500):
            part = gone[k:k + 500]
            conn.execute(f"DELETE FROM {t} WHERE id IN ({','.join('?' * len(part))})", part)
    for t in TRACKED:
        cols = state[t]["cols"]
        rows = [row for row in state[t]["rows"].values() if row is not None]
        if rows:
            sets = ", ".join(f"{c} = excluded.{c}" for c in cols[1:])
            conn.executemany(f"INSERT INTO {t} ({', '.join(cols)}) VALUES ({','.join('?' * len(cols))})"
                             f" ON CONFLICT (id) DO UPDATE SET {sets}", rows)


def _step(conn: sqlite3.Connection, redo: bool) -> str | None:
    """Undo the last edit (restore its "before" rows) or redo the first undone one (its "after"
    rows). Returns the edit's action name, None when there is nothing to do."""
    state, order, snap, mark = (1, "", "after", 0) if redo else (0, "DESC", "before", 1)
    with transaction(conn):
        row = conn.execute(f"SELECT id, action, {snap} FROM coding_edits WHERE undone = ? ORDER BY id {order} LIMIT 1",
                           (state,)).fetchone()
        if not row:
            return None
        _restore(conn, json.loads(row[2]))
        conn.execute("UPDATE coding_edits SET undone = ? WHERE id = ?", (mark, row[0]))
        return row[1]


def undo(conn: sqlite3.Connection) -> str | None:
    return _step(conn, redo=False)


def redo(conn: sqlite3.Connection) -> str | None:
    return _step(conn, redo=True)


def undo_state(conn: sqlite3.Connection) -> tuple[str | None, str | None]:
    """(action that undo would revert, action that redo would reapply)."""
    u = conn.execute("SELECT action FROM coding_edits WHERE undone = 0 ORDER BY id DESC LIMIT 1").fetchone()
    r = conn.execute("SELECT action FROM coding_edits WHERE undone = 1 ORDER BY id LIMIT 1").fetchone()
    return (u[0] if u else None, r[0] if r else None)


# --- coders -----------------------------------------------------------------------------------

def coder_id(conn: sqlite3.Connection, name: str) -> int:
    name = name.strip()
    if not name:
        raise CodingError("コーダー名が空です")
    row = conn.execute("SELECT id FROM coders WHERE name = ?", (name,)).fetchone()
    if row:
        return row[0]
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        cur = conn.execute("INSERT INTO coders (name, created_at) VALUES (?, ?)", (name, now_iso()))
    except BaseException:
        if own:
            conn.execute("ROLLBACK")
        raise
    if own:
        conn.execute("COMMIT")
    return cur.lastrowid


class Coder(NamedTuple):
    id: int
    name: str
    codings: int  # not rejected
    reviewed: int  # verbatims marked as gone through


def coders(conn: sqlite3.Connection) -> list[Coder]:
    return [Coder(*r) for r in conn.execute(
        "SELECT c.id, c.name, (SELECT count(*) FROM codings g WHERE g.coder_id = c.id AND g.state != 'rejected'),"
        " (SELECT count(*) FROM coded d WHERE d.coder_id = c.id) FROM coders c ORDER BY c.id")]


# --- codebook ---------------------------------------------------------------------------------

CODE_COLS = ("id", "guid", "parent_id", "name", "color", "description", "examples", "rule", "position")


def codes(conn: sqlite3.Connection) -> list[dict]:
    """The codebook in tree order (parents before children, siblings by position), with the
    number of verbatims coded (accepted or pending) per code."""
    counts = dict(conn.execute("SELECT code_id, count(DISTINCT verbatim_id) FROM codings WHERE state != 'rejected'"
                               " GROUP BY code_id").fetchall())
    rows = [dict(zip(CODE_COLS, r, strict=True)) for r in
            conn.execute(f"SELECT {', '.join(CODE_COLS)} FROM codes ORDER BY position, id")]
    kids: dict[int | None, list[dict]] = {}
    for r in rows:
        r["examples"] = json.loads(r["examples"])
        r["count"] = counts.get(r["id"], 0)
        kids.setdefault(r["parent_id"], []).append(r)
    out: list[dict] = []

    def visit(parent: int | None, depth: int) -> None:
        for r in kids.get(parent, []):
            r["depth"] = depth
            out.append(r)
            visit(r["id"], depth + 1)

    visit(None, 0)
    return out


def code(conn: sqlite3.Connection, code_id: int) -> dict:
    row = conn.execute(f"SELECT {', '.join(CODE_COLS)} FROM codes WHERE id = ?", (code_id,)).fetchone()
    if not row:
        raise CodingError(f"コード {code_id} はありません")
    d = dict(zip(CODE_COLS, row, strict=True))
    d["examples"] = json.loads(d["examples"])
    return d


def code_by_name(conn: sqlite3.Connection, name: str) -> dict:
    """A code by name or by path 「親/子」, or by id."""
    if name.isdigit():
        return code(conn, int(name))
    parent: int | None = None
    row = None
    for part in name.split("/") if "/" in name else [name]:
        row = conn.execute("SELECT id FROM codes WHERE name = ? AND parent_id IS ?", (part.strip(), parent)).fetchone()
        if row is None and "/" not in name:
            found = conn.execute("SELECT id FROM codes WHERE name = ?", (name.strip(),)).fetchall()
            if len(found) > 1:
                raise CodingError(f"コード「{name}」が複数あります。「親/子」の形で指定してください")
            row = found[0] if found else None
        if row is None:
            raise CodingError(f"コード「{name}」はありません")
        parent = row[0]
    return code(conn, row[0])


def find_code(conn: sqlite3.Connection, *, guid: str, name: str, parent_id: int | None) -> int | None:
    """The code with this guid, else the one with this name under this parent (a codebook import
    updates what it finds)."""
    row = conn.execute("SELECT id FROM codes WHERE guid = ?", (guid,)).fetchone() or conn.execute(
        "SELECT id FROM codes WHERE name = ? AND parent_id IS ?", (name, parent_id)).fetchone()
    return row[0] if row else None


def subtree(conn: sqlite3.Connection, code_id: int) -> list[int]:
    return [r[0] for r in conn.execute(
        "WITH RECURSIVE t(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN t ON c.parent_id = t.id)"
        " SELECT id FROM t", (code_id,))]


def subtree_of(book: list[dict], code_id: int) -> set[int]:
    """Ids of a code and its descendants in a codebook listing (``codes()``)."""
    out = {code_id}
    for c in book:  # tree order: parents come before children
        if c["parent_id"] in out:
            out.add(c["id"])
    return out


def insert_code(conn: sqlite3.Connection, e: Edit, name: str, *, parent_id: int | None = None, color: str = "",
                description: str = "", examples: list[str] | None = None, rule: str = "", guid: str = "") -> int:
    name = name.strip()
    if not name:
        raise CodingError("コード名が空です")
    if "/" in name:
        raise CodingError("コード名に / は使えません（階層の区切りです）")
    if parent_id is not None:
        code(conn, parent_id)
    if conn.execute("SELECT 1 FROM codes WHERE name = ? AND parent_id IS ?", (name, parent_id)).fetchone():
        raise CodingError(f"コード「{name}」は同じ階層に既にあります")
    n = conn.execute("SELECT count(*) FROM codes").fetchone()[0]
    pos = conn.execute("SELECT coalesce(max(position) + 1, 0) FROM codes WHERE parent_id IS ?", (parent_id,)).fetchone()[0]
    now = now_iso()
    cur = conn.execute(
        "INSERT INTO codes (guid, parent_id, name, color, description, examples, rule, position, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)",
        (guid or str(uuid.uuid4()), parent_id, name, color or PALETTE[n % len(PALETTE)], description,
         json.dumps(examples or [], ensure_ascii=False), rule, pos, now, now))
    e.created("codes", [cur.lastrowid])
    return cur.lastrowid


def update_code(conn: sqlite3.Connection, e: Edit, code_id: int, **fields: Any) -> None:
    allowed = {"name", "color", "description", "examples", "rule", "parent_id", "position"}
    bad = set(fields) - allowed
    if bad:
        raise CodingError(f"変更できない項目です: {', '.join(sorted(bad))}")
    cur = code(conn, code_id)
    if "name" in fields:
        fields["name"] = fields["name"].strip()
        if not fields["name"] or "/" in fields["name"]:
            raise CodingError("コード名が空か、/ を含んでいます")
    parent = fields.get("parent_id", cur["parent_id"])
    if "parent_id" in fields and parent is not None and parent in subtree(conn, code_id):
        raise CodingError("コードを自分の下位に移すことはできません")
    name = fields.get("name", cur["name"])
    if conn.execute("SELECT 1 FROM codes WHERE name = ? AND parent_id IS ? AND id != ?", (name, parent, code_id)).fetchone():
        raise CodingError(f"コード「{name}」は移動先の階層に既にあります")
    if "examples" in fields:
        fields["examples"] = json.dumps(fields["examples"], ensure_ascii=False)
    e.watch("codes", "id = ?", [code_id])
    sets = ", ".join(f"{k} = ?" for k in fields)
    conn.execute(f"UPDATE codes SET {sets}, updated_at = ? WHERE id = ?", [*fields.values(), now_iso(), code_id])


def merge_codes(conn: sqlite3.Connection, e: Edit, keep: int, others: list[int]) -> int:
    """Codings of ``others`` move to ``keep`` (duplicates dropped), their children move under
    ``keep``, and they are deleted. Returns the codings moved."""
    code(conn, keep)
    moved = 0
    for o in others:
        if o == keep:
            continue
        code(conn, o)
        if keep in subtree(conn, o):
            raise CodingError("コードをその下位のコードに統合することはできません")
        e.watch("codes", "id = ? OR parent_id = ?", [o, o])
        e.watch("codings", "code_id IN (?, ?)", [o, keep])
        for child in conn.execute("SELECT id, name FROM codes WHERE parent_id = ?", (o,)).fetchall():
            if conn.execute("SELECT 1 FROM codes WHERE parent_id = ? AND name = ?", (keep, child[1])).fetchone():
                raise CodingError(f"統合先に同じ名前の下位コード「{child[1]}」があります。先に名前を変えてください")
        conn.execute("UPDATE codes SET parent_id = ? WHERE parent_id = ?", (keep, o))
        moved += conn.execute(
            "UPDATE OR IGNORE codings SET code_id = ? WHERE code_id = ?", (keep, o)).rowcount
        conn.execute("DELETE FROM codings WHERE code_id = ?", (o,))
        e.watch("memos", "target = 'code' AND target_id = ?", [o])
        conn.execute("DELETE FROM memos WHERE target = 'code' AND target_id = ?", (o,))
        conn.execute("DELETE FROM codes WHERE id = ?", (o,))
    return moved


def delete_code(conn: sqlite3.Connection, e: Edit, code_id: int) -> int:
    """Delete a code, its children and their codings. Returns the codings removed."""
    ids = subtree(conn, code_id)
    marks = ",".join("?" * len(ids))
    e.watch("codes", f"id IN ({marks})", ids)
    e.watch("codings", f"code_id IN ({marks})", ids)
    e.watch("memos", f"target = 'code' AND target_id IN ({marks})", ids)
    n = conn.execute(f"DELETE FROM codings WHERE code_id IN ({marks})", ids).rowcount
    conn.execute(f"DELETE FROM memos WHERE target = 'code' AND target_id IN ({marks})", ids)
    for i in reversed(ids):
        conn.execute("DELETE FROM codes WHERE id = ?", (i,))
    return n


# --- codings ----------------------------------------------------------------------------------

CODING_COLS = ("id", "code_id", "verbatim_id", "coder_id", "span_start", "span_end", "source", "state")


def insert_codings(conn: sqlite3.Connection, e: Edit, rows: list[tuple], *, source: str = "manual",
                   state: str = "accepted") -> list[int]:
    """rows: (code_id, verbatim_id, coder_id, start or None, end or None). Existing identical
    codings are kept (their state is not changed). Returns the new ids."""
    now = now_iso()
    first = conn.execute("SELECT coalesce(max(id), 0) FROM codings").fetchone()[0]
    conn.executemany(
        "INSERT OR IGNORE INTO codings (code_id, verbatim_id, coder_id, span_start, span_end, source, state, created_at)"
        " VALUES (?,?,?,?,?,?,?,?)", [(*r, source, state, now) for r in rows])
    ids = [r[0] for r in conn.execute("SELECT id FROM codings WHERE id > ?", (first,))]
    e.created("codings", ids)
    return ids


def delete_codings(conn: sqlite3.Connection, e: Edit, ids: list[int]) -> int:
    n = 0
    for k in range(0, len(ids), 500):
        part = ids[k:k + 500]
        marks = ",".join("?" * len(part))
        e.watch("codings", f"id IN ({marks})", part)
        n += conn.execute(f"DELETE FROM codings WHERE id IN ({marks})", part).rowcount
    return n


def set_state(conn: sqlite3.Connection, e: Edit, ids: list[int], state: str) -> int:
    n = 0
    for k in range(0, len(ids), 500):
        part = ids[k:k + 500]
        marks = ",".join("?" * len(part))
        e.watch("codings", f"id IN ({marks})", part)
        n += conn.execute(f"UPDATE codings SET state = ? WHERE id IN ({marks})", [state, *part]).rowcount
    return n


def codings_of(conn: sqlite3.Connection, verbatim_id: int, coder: int | None = None) -> list[dict]:
    """Codings of one verbatim (all coders, or one), with code name, colour and coder name."""
    q = ("SELECT g.id, g.code_id, k.name, k.color, g.coder_id, c.name, g.span_start, g.span_end, g.source, g.state"
         " FROM codings g JOIN codes k ON k.id = g.code_id JOIN coders c ON c.id = g.coder_id WHERE g.verbatim_id = ?")
    args: list = [verbatim_id]
    if coder is not None:
        q += " AND g.coder_id = ?"
        args.append(coder)
    keys = ("id", "code_id", "code", "color", "coder_id", "coder", "start", "end", "source", "state")
    return [dict(zip(keys, r, strict=True)) for r in conn.execute(q + " ORDER BY coalesce(g.span_start, -1), g.id", args)]


def mark_reviewed(conn: sqlite3.Connection, coder: int, verbatim_ids: Iterable[int], reviewed: bool = True) -> None:
    ids = list(verbatim_ids)
    if reviewed:
        conn.executemany("INSERT OR IGNORE INTO coded (coder_id, verbatim_id, at) VALUES (?,?,?)",
                         [(coder, v, now_iso()) for v in ids])
    else:
        conn.executemany("DELETE FROM coded WHERE coder_id = ? AND verbatim_id = ?", [(coder, v) for v in ids])


def reviewed(conn: sqlite3.Connection, coder: int) -> set[int]:
    """Verbatims the coder went through: marked, or coded by the coder."""
    return {r[0] for r in conn.execute(
        "SELECT verbatim_id FROM coded WHERE coder_id = ? UNION"
        " SELECT verbatim_id FROM codings WHERE coder_id = ? AND source = 'manual'", (coder, coder))}


def coder_codes(conn: sqlite3.Connection, coder: int, include_pending: bool = True) -> dict[int, set[int]]:
    """verbatim id -> codes the coder applied (rejected auto-codes never count)."""
    states = ("accepted", "pending") if include_pending else ("accepted",)
    out: dict[int, set[int]] = {}
    for v, c in conn.execute(
            f"SELECT verbatim_id, code_id FROM codings WHERE coder_id = ? AND state IN ({','.join('?' * len(states))})",
            (coder, *states)):
        out.setdefault(v, set()).add(c)
    return out


def auto_codings(conn: sqlite3.Connection, code_id: int, source: str = "rule") -> dict[int, tuple[int, str]]:
    """verbatim id -> (coding id, state) of one code's auto-codes."""
    return {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT verbatim_id, id, state FROM codings WHERE code_id = ? AND source = ?", (code_id, source))}


def next_verbatim(conn: sqlite3.Connection, coder: int, after: int, *, backwards: bool = False,
                  uncoded_only: bool = True) -> int | None:
    """The next (or previous) verbatim after ``after`` in id order that the coder has not coded
    (non-answers skipped)."""
    op, order = ("<", "DESC") if backwards else (">", "")
    cond = (" AND NOT EXISTS (SELECT 1 FROM codings g WHERE g.verbatim_id = v.id AND g.coder_id = ? AND g.state != 'rejected')"
            " AND NOT EXISTS (SELECT 1 FROM coded d WHERE d.verbatim_id = v.id AND d.coder_id = ?)") if uncoded_only else ""
    args = [after] + ([coder, coder] if uncoded_only else [])
    row = conn.execute(f"SELECT v.id FROM verbatims v WHERE v.id {op} ? AND NOT v.is_non_answer{cond}"
                       f" ORDER BY v.id {order} LIMIT 1", args).fetchone()
    return row[0] if row else None


# --- verbatims being coded ---------------------------------------------------------------------

class VerbatimToCode(NamedTuple):
    """A verbatim as the coding view shows it."""
    id: int
    text: str
    kind: str
    question: str | None  # the question, channel or speaker
    created_at: str | None
    polarity: str | None


def verbatim_to_code(conn: sqlite3.Connection, verbatim_id: int) -> VerbatimToCode | None:
    row = conn.execute("SELECT v.id, v.text, v.kind, coalesce(v.question, v.channel, v.speaker), v.created_at,"
                       " (SELECT polarity FROM analyses a WHERE a.verbatim_id = v.id) FROM verbatims v WHERE v.id = ?",
                       (verbatim_id,)).fetchone()
    return VerbatimToCode(*row) if row else None


def verbatim_text(conn: sqlite3.Connection, verbatim_id: int) -> str | None:
    """The text of a verbatim, None when there is no such verbatim."""
    row = conn.execute("SELECT text FROM verbatims WHERE id = ?", (verbatim_id,)).fetchone()
    return row[0] if row else None


def verbatim_texts(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, str]:
    """id -> text of these verbatims (missing ids left out)."""
    ids = list(ids)
    out: dict[int, str] = {}
    for k in range(0, len(ids), 500):
        part = ids[k:k + 500]
        out.update(conn.execute(f"SELECT id, text FROM verbatims WHERE id IN ({','.join('?' * len(part))})", part))
    return out


# --- memos ------------------------------------------------------------------------------------

def memo(conn: sqlite3.Connection, target: str, target_id: int = 0, coder: int | None = None) -> str:
    row = conn.execute("SELECT text FROM memos WHERE target = ? AND target_id = ? AND coder_id IS ?",
                       (target, target_id, coder)).fetchone()
    return row[0] if row else ""


def set_memo(conn: sqlite3.Connection, e: Edit, target: str, target_id: int, coder: int | None, text: str) -> None:
    e.watch("memos", "target = ? AND target_id = ? AND coder_id IS ?", [target, target_id, coder])
    if not text.strip():
        conn.execute("DELETE FROM memos WHERE target = ? AND target_id = ? AND coder_id IS ?", (target, target_id, coder))
        return
    row = conn.execute("SELECT id FROM memos WHERE target = ? AND target_id = ? AND coder_id IS ?",
                       (target, target_id, coder)).fetchone()
    if row:
        conn.execute("UPDATE memos SET text = ?, updated_at = ? WHERE id = ?", (text, now_iso(), row[0]))
    else:
        cur = conn.execute("INSERT INTO memos (target, target_id, coder_id, text, updated_at) VALUES (?,?,?,?,?)",
                           (target, target_id, coder, text, now_iso()))
        e.created("memos", [cur.lastrowid])


class Memo(NamedTuple):
    target: str  # project, code or verbatim
    target_id: int
    coder: str | None  # None: a shared memo
    text: str
    updated_at: str


def memos(conn: sqlite3.Connection) -> list[Memo]:
    """Every memo, by target."""
    return [Memo(*r) for r in conn.execute("SELECT m.target, m.target_id, c.name, m.text, m.updated_at FROM memos m"
                                           " LEFT JOIN coders c ON c.id = m.coder_id ORDER BY m.target, m.target_id")]


# --- rules and topics made codes ---------------------------------------------------------------

# what a rule's conditions read from each answer: SQL over ``v`` (verbatims) and ``a`` (analyses)
_RULE_COLUMNS = {
    "text": "v.text", "tokens": "a.tokens", "polarity": "a.polarity", "stage": "a.stage", "churn": "a.churn",
    "advocacy": "a.advocacy", "kind": "v.kind", "question": "coalesce(v.question, v.channel, v.speaker)",
    "nps": "(SELECT r.nps FROM responses r WHERE r.id = v.response_id)",
}
RULE_COLUMNS = frozenset(_RULE_COLUMNS)


class RuleChunk(NamedTuple):
    """Answers in id order and, per column name, their values (one list per column)."""
    ids: list[int]
    columns: dict[str, list]


def answer_count(conn: sqlite3.Connection) -> int:
    """Verbatims that are answers (non-answers excluded)."""
    return conn.execute("SELECT count(*) FROM verbatims WHERE NOT is_non_answer").fetchone()[0]


def rule_chunks(conn: sqlite3.Connection, columns: list[str], size: int) -> Iterator[RuleChunk]:
    """Every answer with the ``columns`` (names of ``RULE_COLUMNS``; tokens are the stored JSON,
    None before analysis), ``size`` answers at a time."""
    sql = (f"SELECT v.id, {', '.join(_RULE_COLUMNS[c] for c in columns)} FROM verbatims v"
           " LEFT JOIN analyses a ON a.verbatim_id = v.id WHERE v.id > ? AND NOT v.is_non_answer"
           " ORDER BY v.id LIMIT ?")
    last = 0
    while True:
        rows = conn.execute(sql, (last, size)).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        yield RuleChunk([r[0] for r in rows], {c: [r[i + 1] for r in rows] for i, c in enumerate(columns)})


def condition_ids(conn: sqlite3.Connection, field: str, value: str) -> Iterator[int] | None:
    """Ids of the verbatims a rule condition selects: ``topic`` (an id, or part of an active
    topic's name), ``attr`` (``name=value``) or ``code`` (a code and its sub-codes, rejected
    auto-codes left out). None when there is no such topic or code, or no such field."""
    if field == "topic":
        if value.isdigit():
            q, args = "SELECT verbatim_id FROM topic_members WHERE topic_id = ?", [int(value)]
        else:
            tids = [r[0] for r in conn.execute(
                "SELECT id FROM topics WHERE status = 'active' AND coalesce(name, auto_label) LIKE ?", (f"%{value}%",))]
            if not tids:
                return None
            q, args = f"SELECT verbatim_id FROM topic_members WHERE topic_id IN ({','.join('?' * len(tids))})", tids
    elif field == "attr":
        k, _, v = value.partition("=")
        expr, params = breakdown_expr(k.strip())
        q, args = f"SELECT v.id FROM verbatims v WHERE {expr} = ?", [*params, v.strip()]
    elif field == "code":
        try:
            c = code_by_name(conn, value)
        except CodingError:
            return None
        ids = subtree(conn, c["id"])
        q, args = ("SELECT DISTINCT verbatim_id FROM codings WHERE state != 'rejected'"
                   f" AND code_id IN ({','.join('?' * len(ids))})", ids)
    else:
        return None
    return (r[0] for r in conn.execute(q, args))


class TopicLabel(NamedTuple):
    label: str  # the name the user gave, else the automatic label
    side: str  # delight, pain or all


def active_topic(conn: sqlite3.Connection, topic_id: int) -> TopicLabel | None:
    row = conn.execute("SELECT coalesce(name, auto_label), side FROM topics WHERE id = ? AND status = 'active'",
                       (topic_id,)).fetchone()
    return TopicLabel(*row) if row else None


def topic_verbatim_ids(conn: sqlite3.Connection, topic_id: int) -> list[int]:
    """The topic's answers, in the order the store keeps them."""
    return [r[0] for r in conn.execute("SELECT verbatim_id FROM topic_members WHERE topic_id = ?", (topic_id,))]


def topic_quotes(conn: sqlite3.Connection, topic_id: int, limit: int = 3) -> list[str]:
    """Texts of the topic's representative answers."""
    return [t for (t,) in conn.execute(
        "SELECT v.text FROM verbatims v WHERE v.id IN (SELECT value FROM json_each("
        "(SELECT quotes FROM topics WHERE id = ?))) LIMIT ?", (topic_id, limit))]


# --- analysis ---------------------------------------------------------------------------------

def _state_cond(include_pending: bool) -> str:
    return "g.state IN ('accepted', 'pending')" if include_pending else "g.state = 'accepted'"


def dimension_expr(by: str) -> tuple[str, list]:
    """SQL over ``v`` for a cross-tab column, and its parameters: polarity, stage, month,
    question, or any breakdown of the topic views (source, nps_group, rfm_segment, segment,
    attributes: the name is a bound parameter)."""
    if by == "polarity":
        return "(SELECT a.polarity FROM analyses a WHERE a.verbatim_id = v.id)", []
    if by == "stage":
        return "(SELECT a.stage FROM analyses a WHERE a.verbatim_id = v.id)", []
    if by == "month":
        return f"substr({VERBATIM_DATE}, 1, 7)", []
    if by == "question":
        return "coalesce(v.question, v.channel, v.speaker)", []
    return breakdown_expr(by)


def dimension_value(by: str | None) -> tuple[str, list]:
    """``COALESCE(dimension, '')`` for ``by`` (``''`` without one), and its parameters."""
    if not by:
        return "''", []
    expr, params = dimension_expr(by)
    return f"COALESCE({expr}, '')", params


def code_counts_by(conn: sqlite3.Connection, by: str | None, *, include_pending: bool = True,
                   coder: int | None = None) -> list[tuple[int, str, int]]:
    """(code id, value of ``by`` or '', distinct verbatims)."""
    val, params = dimension_value(by)
    cond = _state_cond(include_pending) + (" AND g.coder_id = ?" if coder is not None else "")
    return conn.execute(
        f"SELECT g.code_id, {val}, count(DISTINCT g.verbatim_id) FROM codings g JOIN verbatims v ON v.id = g.verbatim_id"
        f" WHERE {cond} GROUP BY 1, 2 ORDER BY 1, 2", [*params, *([coder] if coder is not None else [])]).fetchall()


def totals_by(conn: sqlite3.Connection, by: str) -> dict[str, int]:
    """Answers (non-answers excluded) per value of ``by``: the column totals of a cross-tab."""
    val, params = dimension_value(by)
    return dict(conn.execute(f"SELECT {val}, count(*) FROM verbatims v"
                             " WHERE NOT v.is_non_answer GROUP BY 1", params).fetchall())


class CodePair(NamedTuple):
    a: int  # code id, a < b
    b: int
    verbatims: int  # coded with both


def attribute_names(conn: sqlite3.Connection) -> list[str]:
    """Names of the response and customer attributes (up to 200 of each), sorted."""
    keys = set()
    for table in ("responses", "customers"):
        for (k,) in conn.execute(f"SELECT DISTINCT j.key FROM {table}, json_each({table}.attributes) j LIMIT 200"):
            keys.add(k)
    return sorted(keys)


def code_pairs(conn: sqlite3.Connection, include_pending: bool = True) -> list[CodePair]:
    cond = _state_cond(include_pending)
    return [CodePair(*r) for r in conn.execute(
        f"WITH s AS (SELECT DISTINCT g.verbatim_id, g.code_id FROM codings g WHERE {cond})"
        " SELECT x.code_id, y.code_id, count(*) FROM s x JOIN s y ON x.verbatim_id = y.verbatim_id AND x.code_id < y.code_id"
        " GROUP BY 1, 2")]


def code_sets(conn: sqlite3.Connection, include_pending: bool = True) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {}
    for v, c in conn.execute(f"SELECT DISTINCT g.verbatim_id, g.code_id FROM codings g WHERE {_state_cond(include_pending)}"):
        out.setdefault(v, set()).add(c)
    return out


def code_verbatim_ids(conn: sqlite3.Connection, code_id: int, *, by: str | None = None, value: str | None = None,
                      include_pending: bool = True, with_children: bool = False) -> list[int]:
    """Verbatims coded with a code (optionally its sub-codes too, and one cross-tab cell)."""
    ids = subtree(conn, code_id) if with_children else [code_id]
    cond = _state_cond(include_pending) + f" AND g.code_id IN ({','.join('?' * len(ids))})"
    args: list = list(ids)
    if by:
        val, params = dimension_value(by)
        cond += f" AND {val} = ?"
        args += [*params, value or ""]
    return [r[0] for r in conn.execute(
        f"SELECT DISTINCT v.id FROM codings g JOIN verbatims v ON v.id = g.verbatim_id WHERE {cond} ORDER BY v.id", args)]


def coded_rows(conn: sqlite3.Connection) -> Iterator[tuple]:
    """Every non-rejected coding for export: (verbatim id, code path, coder, start, end, coded
    text, source, state, customer, date, verbatim text)."""
    paths = {c["id"]: c for c in codes(conn)}

    def path(cid: int) -> str:
        parts = []
        while cid is not None:
            parts.append(paths[cid]["name"])
            cid = paths[cid]["parent_id"]
        return "/".join(reversed(parts))

    for row in conn.execute(
            f"SELECT g.verbatim_id, g.code_id, c.name, g.span_start, g.span_end, g.source, g.state, cu.external_id,"
            f" {VERBATIM_DATE}, v.text FROM codings g JOIN verbatims v ON v.id = g.verbatim_id JOIN coders c ON c.id = g.coder_id"
            " LEFT JOIN customers cu ON cu.id = v.customer_id WHERE g.state != 'rejected' ORDER BY g.verbatim_id, g.id"):
        vid, cid, coder, s, e, source, state, cust, date, text = row
        seg = text if s is None else text[s:e]
        yield (vid, path(cid), coder, s, e, seg, source, state, cust, date, text)


def code_paths(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """(code id, path 「親/子」) in tree order."""
    book = codes(conn)
    by_id = {c["id"]: c for c in book}

    def path(cid: int | None) -> str:
        parts = []
        while cid is not None:
            parts.append(by_id[cid]["name"])
            cid = by_id[cid]["parent_id"]
        return "/".join(reversed(parts))

    return [(c["id"], path(c["id"])) for c in book]


def matrix_rows(conn: sqlite3.Connection, coder: int | None = None) -> Iterator[tuple[int, str | None, str | None, str, set[int]]]:
    """One row per answer (and per non-answer someone coded), by id: (verbatim id, customer, date,
    text, the codes given to it — not rejected; one coder's with ``coder``)."""
    q = "SELECT verbatim_id, code_id FROM codings WHERE state != 'rejected'"
    coded: dict[int, set[int]] = {}
    for v, c in conn.execute(q + (" AND coder_id = ?" if coder is not None else ""),
                             (coder,) if coder is not None else ()):
        coded.setdefault(v, set()).add(c)
    for vid, cust, date, text, na in conn.execute(
            f"SELECT v.id, cu.external_id, {VERBATIM_DATE}, v.text, v.is_non_answer FROM verbatims v"
            " LEFT JOIN customers cu ON cu.id = v.customer_id ORDER BY v.id"):
        if not na or vid in coded:
            yield vid, cust, date, text, coded.get(vid, set())


# --- codes that learn from examples (voc_app.coding_examples) -----------------------------------

class ExampleSets(NamedTuple):
    """One coder's examples of one code (verbatim ids)."""
    positives: set[int]  # coded with the code by the coder, accepted (manual or an accepted proposal)
    negatives: set[int]  # gone through by the coder without the code, or a rejected coding of it
    pending: dict[int, int]  # verbatim id -> coding id of the coder's pending proposals of the code


def example_sets(conn: sqlite3.Connection, code_id: int, coder: int) -> ExampleSets:
    """The training examples of a code for a coder: positives are the verbatims the coder coded
    with it (accepted, any source); negatives the verbatims the coder went through (marked, or
    coded with another code and accepted) without it, and those where the coder rejected it."""
    pos = {r[0] for r in conn.execute(
        "SELECT verbatim_id FROM codings WHERE coder_id = ? AND code_id = ? AND state = 'accepted'", (coder, code_id))}
    seen = {r[0] for r in conn.execute(
        "SELECT verbatim_id FROM coded WHERE coder_id = ? UNION"
        " SELECT verbatim_id FROM codings WHERE coder_id = ? AND state = 'accepted' UNION"
        " SELECT verbatim_id FROM codings WHERE coder_id = ? AND code_id = ? AND state = 'rejected'",
        (coder, coder, coder, code_id))}
    pending = {r[0]: r[1] for r in conn.execute(
        "SELECT verbatim_id, id FROM codings WHERE coder_id = ? AND code_id = ? AND state = 'pending'"
        " AND source = 'example'", (coder, code_id))}
    return ExampleSets(pos, seen - pos, pending)


def set_probabilities(conn: sqlite3.Connection, e: Edit, pairs: list[tuple[int, float]]) -> None:
    """Store the model's probability of codings ((coding id, probability) pairs)."""
    for k in range(0, len(pairs), 500):
        part = pairs[k:k + 500]
        e.watch("codings", f"id IN ({','.join('?' * len(part))})", [i for i, _ in part])
        conn.executemany("UPDATE codings SET probability = ? WHERE id = ?", [(p, i) for i, p in part])


def coding_probabilities(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, float | None]:
    """coding id -> the stored probability (None for codings no model proposed)."""
    ids = list(ids)
    out: dict[int, float | None] = {}
    for k in range(0, len(ids), 500):
        part = ids[k:k + 500]
        out.update(conn.execute(f"SELECT id, probability FROM codings WHERE id IN ({','.join('?' * len(part))})", part))
    return out


def code_coders(conn: sqlite3.Connection, code_id: int) -> list[tuple[str, int]]:
    """(coder name, verbatims the coder coded with the code, accepted) — people only (not the
    auto-coder), most first."""
    return conn.execute(
        "SELECT c.name, count(DISTINCT g.verbatim_id) FROM codings g JOIN coders c ON c.id = g.coder_id"
        " WHERE g.code_id = ? AND g.state = 'accepted' AND c.name != ? GROUP BY c.id ORDER BY 2 DESC, c.id",
        (code_id, AUTO_CODER)).fetchall()
