"""Read-only queries over a project: counts and batches."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

COUNT_KEYS = ("verbatims", "customers", "responses", "tickets", "non_answers", "duplicates_skipped")


def project_counts(conn: sqlite3.Connection) -> dict[str, int]:
    one = lambda q: conn.execute(q).fetchone()[0] or 0  # noqa: E731
    return {
        "verbatims": one("SELECT count(*) FROM verbatims"),
        "customers": one("SELECT count(*) FROM customers"),
        "responses": one("SELECT count(*) FROM responses"),
        "tickets": one("SELECT count(*) FROM tickets"),
        "non_answers": one("SELECT count(*) FROM verbatims WHERE is_non_answer"),
        "duplicates_skipped": one("SELECT sum(duplicates_skipped) FROM batches"),
        "messages": one("SELECT count(*) FROM messages"),
        "interviews": one("SELECT count(*) FROM interviews"),
        "partial_responses": one("SELECT count(*) FROM responses WHERE is_partial"),
        "duplicate_submissions": one("SELECT count(*) FROM responses WHERE duplicate_of IS NOT NULL"),
        "batches": one("SELECT count(*) FROM batches"),
    }


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


def verbatim_page(conn: sqlite3.Connection, *, limit: int = 500, offset: int = 0) -> list[tuple]:
    """(kind, question/channel/speaker, customer external id, created_at, text, polarity, stage,
    churn, advocacy) in import order; the analysis columns are None before ``voc analyze``."""
    return conn.execute(
        "SELECT v.kind, coalesce(v.question, v.channel, v.speaker), c.external_id, v.created_at, v.text,"
        " a.polarity, a.stage, a.churn, a.advocacy"
        " FROM verbatims v LEFT JOIN customers c ON c.id = v.customer_id"
        " LEFT JOIN analyses a ON a.verbatim_id = v.id ORDER BY v.id LIMIT ? OFFSET ?",
        (limit, offset)).fetchall()
