"""The project at a glance: counts, import batches, the overview's figures, the questions
(channels, speakers) answered, and the verbatim browser's reads (the ids of a search, rows by id).
Plain functions of an open project, used by the app's views and by ``voc info``."""

from __future__ import annotations

from typing import Any

from base.progress import Progress
from voc_app.store import Project, report
from voc_app.store import queries as q
from voc_app.store.queries import VerbatimRecord

__all__ = ["VerbatimRecord", "all_verbatim_ids", "analysed_counts", "analysis_summary", "batches", "filter_count",
           "overview_figures",
           "project_counts", "project_info", "questions", "verbatim_count_estimate", "verbatim_ids", "verbatims_by_id"]


def project_counts(project: Project) -> dict[str, int]:
    """Verbatims, customers, responses, tickets, non-answers, duplicates skipped, batches …"""
    return q.project_counts(project.conn)


def batches(project: Project, progress: Progress | None = None) -> list[dict[str, Any]]:
    """Every import batch, oldest first (file, format, counts, mapping, warnings)."""
    return q.batches(project.conn)


def analysis_summary(project: Project) -> dict[str, dict[str, int]]:
    """Analysed verbatims by polarity and stage, and the churn / advocacy signal counts."""
    from voc_app.store.analyses import summary

    return summary(project.conn)


def analysed_counts(project: Project) -> tuple[int, int]:
    """(verbatims with a stored analysis, active topics of every map)."""
    return q.analysed_and_topic_counts(project.conn)


def project_info(project: Project) -> dict[str, Any]:
    """What ``voc info`` shows: counts, batches, verbatims per kind and question (kind, question,
    verbatims, non-answers; largest first) and the analysis summary."""
    return {"counts": project_counts(project), "batches": batches(project),
            "by_question": q.verbatims_by_kind_question(project.conn), "analysis": analysis_summary(project)}


def overview_figures(project: Project, progress: Progress | None = None) -> dict[str, Any]:
    """Everything the overview shows: counts, the NPS distribution, polarity by month, counts by
    kind, both topic maps, the loyalty segments and the number of import batches."""
    from voc_app.store.signals import segment_counts
    from voc_app.topics import topic_list

    conn = project.conn
    with report.selection(conn, report.Filter()):
        counts = q.project_counts(conn)
        # every respondent with a score, as the workbook and the drivers card count them
        return {"counts": counts, "nps": report.nps_distribution(conn, everyone=True),
                "months": report.polarity_by_month(conn),
                "kinds": report.counts_by_kind(conn),
                "topics": {s: topic_list(project, s) for s in ("delight", "pain")},
                "segs": segment_counts(conn), "batches": counts["batches"]}


def filter_count(project: Project, progress: Progress | None = None, *, flt: report.Filter | None = None) -> int:
    """How many verbatims an export filter selects (0: an export would write nothing)."""
    with report.selection(project.conn, flt or report.Filter()) as n:
        return n


def questions(project: Project, progress: Progress | None = None) -> list[str]:
    """Questions / channels / speakers, most answers first (the verbatim view's filter)."""
    seen: dict[str, int] = {}
    for _kind, question, n, _na in q.verbatims_by_kind_question(project.conn):
        if question:
            seen[question] = seen.get(question, 0) + n
    return sorted(seen, key=lambda x: -seen[x])


def verbatim_ids(project: Project, search: str = "", filters: dict[str, Any] | None = None,
                 limit: int | None = None) -> list[int]:
    """Ids of the verbatims matching a full-text search and filters (``store.queries.verbatim_ids``)."""
    return q.verbatim_ids(project.conn, search, filters, limit=limit)


def all_verbatim_ids(project: Project, progress: Progress | None = None, search: str = "",
                     filters: dict[str, Any] | None = None) -> list[int]:
    """Every match of a search (a background job: a million ids take ~0.5 s to read)."""
    return q.verbatim_ids(project.conn, search, filters)


def verbatims_by_id(project: Project, ids: list[int]) -> dict[int, VerbatimRecord]:
    return q.verbatims_by_id(project.conn, ids)


def verbatim_count_estimate(project: Project) -> int:
    """About how many verbatims the project holds (the largest id: no table scan)."""
    return q.verbatim_count_estimate(project.conn)
