"""Read-only queries over a project: counts and batches."""

from __future__ import annotations

import json
import sqlite3
from typing import Any, NamedTuple

from voc_app.store.db import database

COUNT_KEYS = ("verbatims", "customers", "responses", "tickets", "non_answers", "duplicates_skipped")


def project_counts(conn: sqlite3.Connection) -> dict[str, int]:
    db = database(conn)
    return {
        "verbatims": db["verbatims"].count,
        "customers": db["customers"].count,
        "responses": db["responses"].count,
        "tickets": db["tickets"].count,
        "non_answers": db["verbatims"].count_where("is_non_answer"),
        "duplicates_skipped": conn.execute("SELECT sum(duplicates_skipped) FROM batches").fetchone()[0] or 0,
        "messages": db["messages"].count,
        "interviews": db["interviews"].count,
        "partial_responses": db["responses"].count_where("is_partial"),
        "duplicate_submissions": db["responses"].count_where("duplicate_of IS NOT NULL"),
        "batches": db["batches"].count,
    }


def verbatim_count_estimate(conn: sqlite3.Connection) -> int:
    """The largest verbatim id: the number of verbatims ever imported, read without a scan."""
    return conn.execute("SELECT coalesce(max(id), 0) FROM verbatims").fetchone()[0]


def analysed_and_topic_counts(conn: sqlite3.Connection) -> tuple[int, int]:
    """(stored analyses, active topics of every map)."""
    return (conn.execute("SELECT count(*) FROM analyses").fetchone()[0],
            conn.execute("SELECT count(*) FROM topics WHERE status = 'active'").fetchone()[0])


def code_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM codes").fetchone()[0]


def customer_ids(conn: sqlite3.Connection) -> dict[str, int]:
    """External customer id → internal id."""
    return dict(conn.execute("SELECT external_id, id FROM customers"))


def verbatim_texts(conn: sqlite3.Connection, limit: int) -> list[str]:
    """The text of the first ``limit`` verbatims (in the table's order)."""
    return [t for (t,) in conn.execute("SELECT text FROM verbatims LIMIT ?", (limit,))]


def batches(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    conn.row_factory = sqlite3.Row
    try:
        rows = [dict(r) for r in conn.execute("SELECT * FROM batches ORDER BY id")]
    finally:
        conn.row_factory = None
    for r in rows:
        for k in ("mapping", "skipped_reasons", "warnings"):
            r[k] = json.loads(r[k])
    return rows


def verbatims_by_kind_question(conn: sqlite3.Connection) -> list[tuple[str, str | None, int, int]]:
    """(kind, question or channel, verbatims, non-answers), largest first."""
    return conn.execute(
        "SELECT kind, coalesce(question, channel, speaker), count(*), sum(is_non_answer) FROM verbatims"
        " GROUP BY 1, 2 ORDER BY 3 DESC"
    ).fetchall()


def batches_with_sha(conn: sqlite3.Connection, sha256: str) -> list[int]:
    return [r[0] for r in conn.execute("SELECT id FROM batches WHERE sha256 = ? ORDER BY id", (sha256,))]


# --- the app's verbatim browser -----------------------------------------------------------------

VERBATIM_FILTERS = ("kind", "question", "polarity", "stage", "signal", "customer", "topic", "date_from", "date_to", "code",
                    "uncoded_by", "pending", "cell", "ids")


# filters with one value: the SQL over ``v`` with one parameter
_ONE_VALUE = {
    "kind": "v.kind = ?",
    "question": "coalesce(v.question, v.channel, v.speaker) = ?",
    "customer": "v.customer_id = (SELECT id FROM customers WHERE external_id = ?)",
    "date_from": "substr(v.created_at, 1, 10) >= ?",
    "date_to": "substr(v.created_at, 1, 10) <= ?",
    "code": ("v.id IN (SELECT verbatim_id FROM codings WHERE state != 'rejected' AND code_id IN ("
             "WITH RECURSIVE t(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN t ON c.parent_id = t.id)"
             " SELECT id FROM t))"),
}
_ANALYSIS_VALUE = {"polarity": "a.polarity = ?", "stage": "a.stage = ?"}  # over ``a`` = the analysis


def verbatim_ids(conn: sqlite3.Connection, search: str = "", filters: dict[str, Any] | None = None,
                 limit: int | None = None) -> list[int]:
    """Ids of the verbatims matching a Japanese full-text search (FTS5 trigram; 1–2 characters
    fall back to LIKE) and filters: kind, question (question / channel / speaker), polarity, stage, signal (churn / advocacy), customer
    (external id), topic ((side, topic id), or (side, None) for rare voices), date_from / date_to
    (YYYY-MM-DD), code (code id: verbatims coded with it or a sub-code), uncoded_by (coder name:
    verbatims the coder has neither coded nor marked), pending (auto-codes awaiting review), cell
    ((dimension, value) of a code cross-tab, see ``store.coding.dimension_expr``), ids (a list)."""
    f = filters or {}
    cond, args = [], []
    s = search.strip()
    if s:
        if len(s) >= 3:
            cond.append("v.id IN (SELECT rowid FROM verbatims_fts WHERE verbatims_fts MATCH ?)")
            args.append('"' + s.replace('"', '""') + '"')
        else:
            cond.append("v.text LIKE ? ESCAPE '\\'")
            args.append("%" + s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    for key, sql in _ONE_VALUE.items():
        if f.get(key):
            cond.append(sql)
            args.append(f[key])
    sub = [sql for key, sql in _ANALYSIS_VALUE.items() if f.get(key)]
    args += [f[key] for key in _ANALYSIS_VALUE if f.get(key)]
    if f.get("signal") in ("churn", "advocacy"):
        sub.append(f"a.{f['signal']} = 1")
    if sub:
        # a correlated probe, not a join: SQLite then walks verbatims in id order and a LIMIT
        # (the first page of a large result) stops early instead of sorting every match
        cond.append("EXISTS (SELECT 1 FROM analyses a WHERE a.verbatim_id = v.id AND " + " AND ".join(sub) + ")")
    if f.get("topic"):
        side, tid = f["topic"]
        cond.append("v.id IN (SELECT verbatim_id FROM topic_members WHERE side = ? AND topic_id IS ?)")
        args += [side, tid]
    if f.get("uncoded_by"):
        cond.append("NOT v.is_non_answer AND NOT EXISTS (SELECT 1 FROM codings g WHERE g.verbatim_id = v.id"
                    " AND g.coder_id = (SELECT id FROM coders WHERE name = ?) AND g.state != 'rejected')"
                    " AND NOT EXISTS (SELECT 1 FROM coded d WHERE d.verbatim_id = v.id"
                    " AND d.coder_id = (SELECT id FROM coders WHERE name = ?))")
        args += [f["uncoded_by"], f["uncoded_by"]]
    if f.get("pending"):
        cond.append("v.id IN (SELECT verbatim_id FROM codings WHERE state = 'pending')")
    if f.get("cell"):
        from voc_app.store.coding import dimension_value

        by, value = f["cell"]
        val, params = dimension_value(by)
        cond.append(f"{val} = ?")
        args += [*params, value]
    if f.get("ids") is not None:
        ids = [int(i) for i in f["ids"]]
        cond.append(f"v.id IN ({','.join(map(str, ids)) or 'NULL'})")
    where = (" WHERE " + " AND ".join(cond)) if cond else ""
    tail = f" LIMIT {int(limit)}" if limit else ""
    return [r[0] for r in conn.execute(f"SELECT v.id FROM verbatims v{where} ORDER BY v.id{tail}", args)]


class VerbatimRecord(NamedTuple):
    """A verbatim as the app's browser shows it (the analysis fields are None before analysis)."""

    kind: str
    question: str | None      # question, channel or speaker
    customer: str | None      # external id
    created_at: str | None
    text: str
    polarity: str | None
    stage: str | None
    churn: int | None
    advocacy: int | None
    evidence: str | None      # JSON list of evidence spans
    polarity_p: float | None
    churn_p: float | None
    advocacy_p: float | None
    label_source: str | None = None  # model | project | person (who decided the labels)


def verbatims_by_id(conn: sqlite3.Connection, ids: list[int]) -> dict[int, VerbatimRecord]:
    """id → its ``VerbatimRecord``."""
    out: dict[int, VerbatimRecord] = {}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        for row in conn.execute(
                "SELECT v.id, v.kind, coalesce(v.question, v.channel, v.speaker), c.external_id, v.created_at, v.text,"
                " a.polarity, a.stage, a.churn, a.advocacy, a.evidence, a.polarity_p, a.churn_p, a.advocacy_p,"
                " a.label_source FROM verbatims v"
                " LEFT JOIN customers c ON c.id = v.customer_id LEFT JOIN analyses a ON a.verbatim_id = v.id"
                f" WHERE v.id IN ({','.join('?' * len(part))})", part):
            out[row[0]] = VerbatimRecord._make(row[1:])
    return out


def customer_timeline(conn: sqlite3.Connection, external_id: str) -> list[tuple[str | None, str, str]]:
    """(date, what, text) of one customer's survey answers, ticket messages and interview
    utterances, oldest first."""
    return conn.execute(
        "SELECT v.created_at, v.kind || coalesce(' / ' || coalesce(v.question, v.channel, v.speaker), ''), v.text"
        " FROM verbatims v WHERE v.customer_id = (SELECT id FROM customers WHERE external_id = ?)"
        " ORDER BY v.created_at, v.id", (external_id,)).fetchall()
