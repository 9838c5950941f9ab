"""Customer signals: every customer scored (ambassador candidate, churn risk) from what they said
and what they did; the loyalty segments; the referral report."""

from __future__ import annotations

from voc_app.store import Project, transaction
from voc_app.store.behaviour import behaviour_of


def segment_of(score, nps: int | None, voices: int, last_active_days: float | None) -> str:
    """Loyalty segment for the overview: ambassador, at_risk, dormant, loyal, unknown."""
    if score.ambassador_flag:
        return "ambassador"
    if score.churn_flag:
        return "at_risk"
    if last_active_days is not None and last_active_days > 180:
        return "dormant"
    if nps is None and not voices:
        return "unknown"
    return "loyal"


def score_project(project: Project, thresholds: dict[str, float] | None = None) -> dict:
    """Score every customer from the project's surveys, tickets and analysed verbatims, store
    the scores and segments (keeping the previous segment to show movement). Thresholds given
    here are stored in the project and used from then on. Run ``analyze_project`` first for
    the text signals. Returns segment counts."""
    from nlp.scoring import CustomerFacts, VoiceFacts, score_customer
    from voc_app.store import signals as store

    if thresholds:
        with transaction(project.conn):
            store.set_thresholds(project.conn, thresholds)
    thresholds = store.thresholds(project.conn)
    behaviour = behaviour_of(project.conn)
    rows = []
    for f in store.customer_facts(project.conn):
        b = behaviour.get(f["id"], {})
        last = [d for d in (f["last_active_days"], b.get("recency_days")) if d is not None]
        facts = CustomerFacts(
            f["external_id"], f["nps"], b["tenure_days"] / 30.44 if b.get("tenure_days") is not None else None,
            f["tickets_90d"], b.get("referrals") if b else None, min(last) if last else None,
            f["unresolved"], f["resolution_days"], b.get("referrals_converted") if b.get("referrals") else None,
            b.get("recency_days") if b.get("frequency") else None, b.get("frequency"), b.get("monetary"))
        voices = [VoiceFacts(*v) for v in f["voices"]]
        s = score_customer(facts, voices, thresholds)
        seg = segment_of(s, f["nps"], len(voices), facts.last_active_days)
        rows.append((f["id"], s, seg, {"nps": f["nps"], "tickets_90d": f["tickets_90d"],
                                       "last_active_days": facts.last_active_days, "unresolved_tickets": f["unresolved"],
                                       "resolution_days": f["resolution_days"]} | {
                                           k: b[k] for k in ("tenure_days", "recency_days", "frequency", "monetary",
                                                             "referrals", "referrals_converted", "rfm_segment")
                                           if b.get(k) is not None}))
    with transaction(project.conn):
        store.save_scores(project.conn, rows)
    return store.segment_counts(project.conn)


def referral_report(project: Project) -> dict:
    """Who refers, whose referrals convert, conversion by loyalty segment and NPS group, referrers
    not yet flagged as ambassadors, and ambassadors who never referred (the next invitation list).
    Scores are recomputed first so that flags match the current data."""
    from voc_app.store import behaviour as store

    score_project(project)
    rows = store.referrers(project.conn)

    def by(key: str) -> list[dict]:
        groups: dict[str, list[int]] = {}
        for r in rows:
            g = groups.setdefault(r[key] or "不明", [0, 0, 0])
            g[0] += 1
            g[1] += r["referrals"]
            g[2] += r["converted"]
        return [{"group": k, "referrers": a, "referrals": b, "converted": c, "conversion_rate": c / b if b else 0.0}
                for k, (a, b, c) in sorted(groups.items(), key=lambda kv: -kv[1][1])]

    total = sum(r["referrals"] for r in rows)
    converted = sum(r["converted"] for r in rows)
    return {"referrers": rows, "total_referrals": total, "converted": converted,
            "conversion_rate": converted / total if total else 0.0,
            "by_segment": by("segment"), "by_nps_group": by("nps_group"),
            "referrers_not_ambassadors": [r for r in rows if not r["ambassador_flag"]],
            "ambassadors_without_referrals": store.ambassadors_without_referrals(project.conn)}


def behaviour_by_customer(project: Project) -> dict[str, dict]:
    """External customer id → the behaviour derived from the imported customer lists, orders and
    referral logs (tenure_days, recency_days, frequency, monetary, referrals, referrals_converted,
    last_referral_at, rfm_segment, source); customers without behaviour are left out."""
    from voc_app.store.queries import customer_ids

    ids = customer_ids(project.conn)
    behaviour = behaviour_of(project.conn)
    return {ext: behaviour[cid] for ext, cid in ids.items() if cid in behaviour}
