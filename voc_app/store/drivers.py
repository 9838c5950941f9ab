"""What drives NPS: survey respondents with an NPS score and, per active topic, how many of them
mention it — counted by NPS group, so the operation (``voc_app.drivers``) needs no row per person.

A respondent is a survey response with an NPS score (0–10) that is not a duplicate submission
(``responses.duplicate_of IS NULL``). A respondent mentions a topic when any verbatim of their
response is a member of it (``topic_members``; a mixed answer's sides are already split there).
Promoters score 9–10, detractors 0–6."""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

_RESPONDENT = "r.nps IS NOT NULL AND r.duplicate_of IS NULL"
# the respondents of the verbatims an export selected (``store.report.selection``)
_SELECTED = " AND r.id IN (SELECT v.response_id FROM verbatims v JOIN export_ids e ON e.id = v.id)"


class NpsCounts(NamedTuple):
    """Respondents, of whom promoters (9–10) and detractors (0–6)."""

    n: int
    promoters: int
    detractors: int


def respondent_counts(conn: sqlite3.Connection, selected: bool = False) -> NpsCounts:
    """All respondents: survey responses with an NPS score, duplicates left out (with
    ``selected``, only those with a verbatim in the export's selection)."""
    n, p, d = conn.execute(
        "SELECT count(*), coalesce(sum(r.nps >= 9), 0), coalesce(sum(r.nps <= 6), 0)"
        f" FROM responses r WHERE {_RESPONDENT}" + (_SELECTED if selected else "")).fetchone()
    return NpsCounts(int(n), int(p), int(d))


def topic_respondent_counts(conn: sqlite3.Connection, side: str, selected: bool = False) -> dict[int, NpsCounts]:
    """Active topic id → the respondents who mention it (each counted once, however many of
    their answers are in the topic). Topics no respondent mentions are absent. With
    ``selected``, only the respondents of the export's selection (what they mention is still
    read from all their answers: a person either mentions a topic or not)."""
    rows = conn.execute(
        "SELECT x.topic_id, count(*), sum(r.nps >= 9), sum(r.nps <= 6)"
        " FROM (SELECT DISTINCT m.topic_id, v.response_id FROM topic_members m"
        "       JOIN topics t ON t.id = m.topic_id AND t.status = 'active'"
        "       JOIN verbatims v ON v.id = m.verbatim_id"
        "       WHERE m.side = ? AND v.response_id IS NOT NULL) x"
        f" JOIN responses r ON r.id = x.response_id WHERE {_RESPONDENT}" + (_SELECTED if selected else "")
        + " GROUP BY x.topic_id", (side,))
    return {int(t): NpsCounts(int(n), int(p), int(d)) for t, n, p, d in rows}
