"""Customer facts for scoring, stored scores, and reviews."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable

from voc_app.store.db import database, meta_value, now_iso, set_meta_value


def reference_time(conn: sqlite3.Connection) -> str | None:
    """'Now' for behaviour figures: the latest activity in the project (data may be historical)."""
    times = [t for (t,) in conn.execute(
        "SELECT max(submitted_at) FROM responses UNION ALL SELECT max(coalesce(updated_at, created_at)) FROM tickets"
        " UNION ALL SELECT max(created_at) FROM verbatims UNION ALL SELECT max(ordered_at) FROM orders"
        " UNION ALL SELECT max(last_active_at) FROM customers UNION ALL SELECT max(referred_at) FROM referrals") if t]
    # compare as instants (offsets may differ between sources)
    return max(times, key=lambda t: dt.datetime.fromisoformat(t)) if times else None


def customer_facts(conn: sqlite3.Connection) -> list[dict]:
    """Per customer: external id, latest NPS, contacts in the 90 days before the reference time,
    days since last activity, and their analysed voices oldest first: (id, text, polarity, churn,
    advocacy, churn_p, advocacy_p, stage, P(pain), P(delight)) — ``nlp.scoring.VoiceFacts``'s fields."""
    ref = reference_time(conn)
    ref_dt = dt.datetime.fromisoformat(ref) if ref else None
    start = (ref_dt - dt.timedelta(days=90)).isoformat(timespec="seconds") if ref_dt else None
    rows = conn.execute(
        """
        SELECT c.id, c.external_id,
          (SELECT r.nps FROM responses r WHERE r.customer_id = c.id AND r.nps IS NOT NULL
            ORDER BY r.submitted_at DESC, r.id DESC LIMIT 1),
          (SELECT count(*) FROM tickets t WHERE t.customer_id = c.id AND t.created_at >= ?),
          (SELECT max(x) FROM (SELECT max(submitted_at) x FROM responses WHERE customer_id = c.id
             UNION ALL SELECT max(created_at) FROM verbatims WHERE customer_id = c.id
             UNION ALL SELECT max(created_at) FROM tickets WHERE customer_id = c.id))
        FROM customers c ORDER BY c.id
        """, (start,)).fetchall()
    unresolved: dict[int, list[str]] = {}
    # a chat history (LINE) or an app-store review is no case that gets resolved: never "unresolved"
    for cid, ext in conn.execute("SELECT customer_id, external_id FROM tickets WHERE customer_id IS NOT NULL"
                                 " AND coalesce(status, '') NOT IN ('solved', 'closed', 'resolved')"
                                 " AND coalesce(type, '') NOT IN ('chat', 'review') ORDER BY created_at"):
        unresolved.setdefault(cid, []).append(ext)
    resolution = dict(conn.execute(
        "SELECT customer_id, avg(julianday(solved_at) - julianday(created_at)) FROM tickets"
        " WHERE customer_id IS NOT NULL AND solved_at IS NOT NULL AND created_at IS NOT NULL GROUP BY 1"))
    voices: dict[int, list[tuple]] = {}
    for cid, vid, text, pol, churn, adv, churn_p, adv_p, stage, probs in conn.execute(
            "SELECT v.customer_id, v.id, v.text, a.polarity, a.churn, a.advocacy, a.churn_p, a.advocacy_p, a.stage,"
            " a.probabilities FROM verbatims v JOIN analyses a ON a.verbatim_id = v.id"
            " WHERE v.customer_id IS NOT NULL AND NOT v.is_non_answer ORDER BY v.created_at IS NULL, v.created_at, v.id"):
        p = json.loads(probs) if probs else {}
        voices.setdefault(cid, []).append((str(vid), text, pol, bool(churn), bool(adv), churn_p, adv_p, stage,
                                           p.get("polarity_pain"), p.get("polarity_delight")))
    out = []
    for cid, ext, nps, tickets90, last in rows:
        days = None
        if ref_dt and last:
            days = max(0.0, (ref_dt - dt.datetime.fromisoformat(last)).total_seconds() / 86400)
        out.append({"id": cid, "external_id": ext, "nps": nps, "tickets_90d": tickets90 if start else None,
                    "last_active_days": days, "voices": voices.get(cid, []), "unresolved": unresolved.get(cid, []),
                    "resolution_days": resolution.get(cid)})
    return out


def save_scores(conn: sqlite3.Connection, rows: Iterable[tuple]) -> None:
    """rows: (customer_id, CustomerScore, segment, facts dict)."""
    prev = dict(conn.execute("SELECT customer_id, segment FROM customer_scores"))
    now = now_iso()
    conn.execute("DELETE FROM customer_scores")
    conn.executemany(
        "INSERT INTO customer_scores (customer_id, ambassador_score, churn_score, ambassador_flag, churn_flag,"
        " segment, previous_segment, reasons, evidence, facts, scored_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(cid, s.ambassador_score, s.churn_score, int(s.ambassador_flag), int(s.churn_flag), seg, prev.get(cid),
          json.dumps(s.reasons, ensure_ascii=False), json.dumps(s.evidence), json.dumps(facts), now)
         for cid, s, seg, facts in rows])


def segment_counts(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    now = dict(conn.execute("SELECT segment, count(*) FROM customer_scores GROUP BY 1"))
    before = dict(conn.execute("SELECT previous_segment, count(*) FROM customer_scores"
                               " WHERE previous_segment IS NOT NULL GROUP BY 1"))
    moved = conn.execute("SELECT count(*) FROM customer_scores WHERE previous_segment IS NOT NULL"
                         " AND previous_segment != segment").fetchone()[0]
    return {"now": now, "before": before, "moved": {"customers": moved}}


# what a customer list shows beside the score, from the stored facts (None when not known)
_SHOWN_FACTS = ("nps", "segment_reason", "stage", "churn_stage", "annual_value", "revenue_at_risk", "factors")


def flagged(conn: sqlite3.Connection, kind: str) -> list[dict]:
    """Flagged customers, best first, with their review. A dismissed flag stays hidden unless
    the evidence now contains verbatims the reviewer did not see. Each row: customer_id, score,
    reasons, evidence, review, note, segment, and from the stored facts nps, segment_reason,
    stage (journey headline), churn_stage, annual_value, revenue_at_risk, factors (the points behind
    each score: {"churn": {factor: points}, "ambassador": {…}}; None for a project scored before)."""
    col = "ambassador" if kind == "ambassador" else "churn"
    out = []
    for ext, score, reasons, evidence, state, note, seen, segment, facts in conn.execute(
            f"SELECT c.external_id, s.{col}_score, s.reasons, s.evidence, r.state, r.note, r.evidence, s.segment,"
            " s.facts FROM customer_scores s JOIN customers c ON c.id = s.customer_id"
            f" LEFT JOIN reviews r ON r.customer_id = s.customer_id AND r.kind = ?"
            f" WHERE s.{col}_flag ORDER BY s.{col}_score DESC, c.external_id", (kind,)):
        ev = json.loads(evidence)
        if state == "dismissed" and set(ev) <= set(json.loads(seen or "[]")):
            continue
        f = json.loads(facts or "{}")
        out.append({"customer_id": ext, "score": score, "reasons": json.loads(reasons), "evidence": ev,
                    "review": state, "note": note or "", "segment": segment} | {k: f.get(k) for k in _SHOWN_FACTS})
    return out


def scored_customers(conn: sqlite3.Connection) -> list[dict]:
    """Every scored customer, highest churn score first: customer_id, ambassador_score,
    churn_score, ambassador_flag, churn_flag, segment, previous_segment, reasons, and the shown
    facts (nps, segment_reason, stage, churn_stage, annual_value, revenue_at_risk, factors)."""
    out = []
    for ext, a, c, af, cf, seg, prev, reasons, facts in conn.execute(
            "SELECT c.external_id, s.ambassador_score, s.churn_score, s.ambassador_flag, s.churn_flag, s.segment,"
            " s.previous_segment, s.reasons, s.facts FROM customer_scores s JOIN customers c ON c.id = s.customer_id"
            " ORDER BY s.churn_score DESC, s.ambassador_score DESC, c.external_id"):
        f = json.loads(facts or "{}")
        out.append({"customer_id": ext, "ambassador_score": a, "churn_score": c, "ambassador_flag": bool(af),
                    "churn_flag": bool(cf), "segment": seg, "previous_segment": prev,
                    "reasons": json.loads(reasons)} | {k: f.get(k) for k in _SHOWN_FACTS})
    return out


def review(conn: sqlite3.Connection, external_id: str, kind: str, state: str, note: str) -> None:
    row = conn.execute("SELECT c.id, s.evidence FROM customers c LEFT JOIN customer_scores s ON s.customer_id = c.id"
                       " WHERE c.external_id = ?", (external_id,)).fetchone()
    if row is None:
        raise KeyError(external_id)
    database(conn)["reviews"].upsert({"customer_id": row[0], "kind": kind, "state": state, "note": note,
                                      "evidence": row[1] or "[]", "reviewed_at": now_iso()}, pk=("customer_id", "kind"))


def thresholds(conn: sqlite3.Connection) -> dict[str, float]:
    """Flag thresholds stored in the project (defaults from nlp.scoring)."""
    from nlp.scoring import DEFAULT_THRESHOLDS

    stored = meta_value(conn, "signal_thresholds")
    return {**DEFAULT_THRESHOLDS, **(json.loads(stored) if stored else {})}


def set_thresholds(conn: sqlite3.Connection, values: dict[str, float]) -> None:
    merged = {**thresholds(conn), **values}
    set_meta_value(conn, "signal_thresholds", json.dumps(merged))
