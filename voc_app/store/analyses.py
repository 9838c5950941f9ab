"""Stored analysis results (derived data, one row per verbatim)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from voc_app.store.db import now_iso


def pending(conn: sqlite3.Connection, analyzer: str, limit: int, after_id: int = 0) -> list[tuple[int, str]]:
    """Verbatims after ``after_id`` without a current analysis (new, or made by another analyzer
    version), in id order: callers walk the table once instead of rescanning it."""
    return conn.execute(
        "SELECT v.id, v.text FROM verbatims v LEFT JOIN analyses a ON a.verbatim_id = v.id"
        " WHERE v.id > ? AND (a.verbatim_id IS NULL OR a.analyzer != ?) ORDER BY v.id LIMIT ?",
        (after_id, analyzer, limit)).fetchall()


def count_pending(conn: sqlite3.Connection, analyzer: str) -> int:
    return conn.execute(
        "SELECT count(*) FROM verbatims v LEFT JOIN analyses a ON a.verbatim_id = v.id"
        " WHERE a.verbatim_id IS NULL OR a.analyzer != ?", (analyzer,)).fetchone()[0]


def save(conn: sqlite3.Connection, analyzer: str, rows: Iterable[tuple]) -> None:
    """rows: (verbatim_id, VerbatimAnalysis, tokens) — written in the caller's transaction."""
    now = now_iso()
    def p(a, target):
        v = a.probability(target)
        return None if v is None else round(v, 4)

    conn.executemany(
        "INSERT OR REPLACE INTO analyses (verbatim_id, analyzer, polarity, score, churn, churn_type, advocacy,"
        " advocacy_type, stage, evidence, sentences, tokens, analyzed_at, polarity_p, churn_p, advocacy_p, stage_p,"
        " probabilities) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(vid, analyzer, a.polarity, round(a.score, 4), int(a.churn), a.churn_type, int(a.advocacy), a.advocacy_type,
          a.stage, json.dumps([e.as_dict() for e in a.evidence], ensure_ascii=False),
          json.dumps([[s.start, s.end, s.polarity, round(s.score, 3)] for s in a.sentences]),
          json.dumps(tokens, ensure_ascii=False), now, p(a, "polarity"), p(a, "churn"), p(a, "advocacy"),
          p(a, "stage"), json.dumps({k: round(v, 4) for k, v in a.probabilities.items()}))
         for vid, a, tokens in rows])


def summary(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for col in ("polarity", "stage"):
        out[col] = dict(conn.execute(f"SELECT {col}, count(*) FROM analyses GROUP BY 1 ORDER BY 2 DESC").fetchall())
    out["signals"] = dict(zip(("churn", "advocacy"),
                              conn.execute("SELECT total(churn), total(advocacy) FROM analyses").fetchone(), strict=True))
    out["signals"] = {k: int(v) for k, v in out["signals"].items()}
    return out


def add_user_terms(conn: sqlite3.Connection, terms: list[tuple[str, str | None]]) -> int:
    before = conn.total_changes
    conn.executemany("INSERT INTO user_terms (term, reading, added_at) VALUES (?,?,?)"
                     " ON CONFLICT (term) DO UPDATE SET reading = coalesce(excluded.reading, reading)",
                     [(t, r, now_iso()) for t, r in terms])
    return conn.total_changes - before


def user_terms(conn: sqlite3.Connection) -> list[tuple[str, str | None]]:
    return conn.execute("SELECT term, reading FROM user_terms ORDER BY term").fetchall()
