"""Customers flagged as ambassador candidates or churn risks, the review of a flag (confirmed,
dismissed or contacted, with a note — a user judgement, kept across re-scoring) and a customer's
timeline. Used by the app's customer view and by ``voc signals`` / ``voc review``."""

from __future__ import annotations

from base.progress import Progress
from voc_app.store import Project, transaction
from voc_app.store import queries as q
from voc_app.store import signals as store

KINDS = ("ambassador", "churn")
REVIEW_STATES = ("confirmed", "dismissed", "contacted")


def flagged_customers(project: Project, kind: str) -> list[dict]:
    """Flagged customers of ``kind``, best first: customer_id, score, reasons, evidence (verbatim
    ids), review, note. A dismissed flag stays hidden until new evidence arrives."""
    return store.flagged(project.conn, kind)


def flagged_lists(project: Project, progress: Progress | None = None,
                  kinds: tuple[str, ...] | list[str] = KINDS) -> dict[str, list[dict]]:
    """``flagged_customers`` of each kind."""
    return {kind: flagged_customers(project, kind) for kind in kinds}


def review_customer(project: Project, progress: Progress | None = None, *, customer: str, kind: str, state: str,
                    note: str = "") -> None:
    """Record the review of a customer's ``kind`` flag (one transaction). Raises KeyError for a
    customer the project does not know."""
    with transaction(project.conn):
        store.review(project.conn, customer, kind, state, note)


def customer_timeline(project: Project, customer: str) -> list[tuple[str | None, str, str]]:
    """(date, what, text) of a customer's answers, ticket messages and utterances, oldest first."""
    return q.customer_timeline(project.conn, customer)
