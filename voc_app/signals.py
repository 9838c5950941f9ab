"""Customer signals: every customer scored (ambassador candidate, churn risk) from what they said
and what they did; the loyalty segments; the referral report."""

from __future__ import annotations

from voc_app.store import Project, transaction
from voc_app.store.behaviour import behaviour_of

SEGMENTS = ("ambassador", "at_risk", "dormant", "watch", "loyal", "unknown")


def segment_and_reason(score, facts, voices) -> tuple[str, str]:
    """(loyalty segment, why) — the first that applies, in this order:

    - ambassador: flagged as an ambassador candidate;
    - at_risk (解約リスク): flagged as a churn risk;
    - dormant (休眠): no activity for more than 180 days (and neither flag);
    - watch (要注意): a detractor (NPS 0–6), an unresolved ticket, or pain that praise does not
      outweigh (more complaints than praise) — never called loyal, but no churn flag either;
    - loyal (ロイヤル): a promoter or passive (NPS 7–10), or no NPS but praise, without such pain;
    - unknown (不明): no NPS and no voice that evaluates anything.

    One improvement wish beside praise (a promoter answering the survey's 「ご不満な点は？」) does not
    make a customer 要注意, nor does a complaint outweighed by later praise. ``facts`` is the
    customer's ``nlp.scoring.CustomerFacts``, ``voices`` their ``VoiceFacts``."""
    nps = facts.nps
    if score.ambassador_flag:
        return "ambassador", "アンバサダー候補"
    if score.churn_flag:
        return "at_risk", "解約リスク"
    if facts.last_active_days is not None and facts.last_active_days > 180:
        return "dormant", f"最終利用から {facts.last_active_days:.0f} 日"
    pain = sum(v.polarity == "pain" for v in voices)
    praise = sum(v.polarity == "delight" for v in voices)
    if nps is not None and nps <= 6:
        return "watch", f"NPS {nps}（批判者）"
    if facts.unresolved_tickets:
        return "watch", f"未解決の問い合わせ {len(facts.unresolved_tickets)} 件"
    if pain > praise:
        return "watch", f"不満の声 {pain} 件が喜びの声 {praise} 件より多い"
    if nps is not None:
        return "loyal", f"NPS {nps}" + (f"、喜びの声 {praise} 件" if praise else "") + "、不満が上回らない"
    if praise:
        return "loyal", f"NPS 未回答、喜びの声 {praise} 件、不満が上回らない"
    return "unknown", "NPS も評価を含む声もない"


def segment_of(score, facts, voices) -> str:
    """Loyalty segment (``SEGMENTS``; see ``segment_and_reason``)."""
    return segment_and_reason(score, facts, voices)[0]


def score_project(project: Project, thresholds: dict[str, float] | None = None) -> dict:
    """Score every customer from the project's surveys, tickets and analysed verbatims, store
    the scores and segments (keeping the previous segment to show movement). Thresholds given
    here are stored in the project and used from then on. Run ``analyze_project`` first for
    the text signals. Returns segment counts ({"now", "before", "moved"}) and the yearly revenue
    at risk ({"revenue_at_risk": {"amount", "customers"}}). Besides scores, flags, reasons and
    evidence, each customer's stored facts carry segment_reason, stage (journey headline:
    nlp.scoring.CUSTOMER_STAGES), churn_stage, annual_value, revenue_at_risk, churn_p, pain_n and
    factors (the points behind each score)."""
    from nlp.scoring import CustomerFacts, VoiceFacts, score_customer
    from voc_app.store import signals as store
    from voc_app.store.report import purchases_of

    if thresholds:
        with transaction(project.conn):
            store.set_thresholds(project.conn, thresholds)
    thresholds = store.thresholds(project.conn)
    behaviour = behaviour_of(project.conn)
    all_facts = store.customer_facts(project.conn)
    # the yearly value the workbook also shows: purchases in the 12 months up to the latest order
    purchases = purchases_of(project.conn, [f["external_id"] for f in all_facts])
    by_orders = purchases[3] if purchases is not None and purchases[0] == "orders" else None
    rows = []
    at_risk, valued = 0.0, 0
    for f in all_facts:
        b = behaviour.get(f["id"], {})
        last = [d for d in (f["last_active_days"], b.get("recency_days")) if d is not None]
        facts = CustomerFacts(
            f["external_id"], f["nps"], b["tenure_days"] / 30.44 if b.get("tenure_days") is not None else None,
            f["tickets_90d"], b.get("referrals") if b else None, min(last) if last else None,
            f["unresolved"], f["resolution_days"], b.get("referrals_converted") if b.get("referrals") else None,
            b.get("recency_days") if b.get("frequency") else None, b.get("frequency"), b.get("monetary"),
            by_orders.get(f["external_id"], 0.0) if by_orders is not None and b.get("source") == "orders" else None)
        voices = [VoiceFacts(*v) for v in f["voices"]]
        s = score_customer(facts, voices, thresholds)
        seg, why = segment_and_reason(s, facts, voices)
        rows.append((f["id"], s, seg, {"nps": f["nps"], "tickets_90d": f["tickets_90d"],
                                       "last_active_days": facts.last_active_days, "unresolved_tickets": f["unresolved"],
                                       "resolution_days": f["resolution_days"]} | {
                                           k: b[k] for k in ("tenure_days", "recency_days", "frequency", "monetary",
                                                             "referrals", "referrals_converted", "rfm_segment")
                                           if b.get(k) is not None} | {
                                           "segment_reason": why, "stage": s.stage, "churn_stage": s.churn_stage,
                                           "annual_value": s.annual_value, "revenue_at_risk": s.revenue_at_risk,
                                           "churn_p": s.churn_p, "pain_n": s.pain_n, "factors": s.factors}))
        at_risk += s.revenue_at_risk or 0.0
        valued += s.revenue_at_risk is not None
    with transaction(project.conn):
        store.save_scores(project.conn, rows)
    out = store.segment_counts(project.conn)
    # the yearly revenue of the churn risks whose purchases are known (0 customers: no order data)
    out["revenue_at_risk"] = {"amount": at_risk, "customers": valued}
    return out


def scored_customers(project: Project) -> list[dict]:
    """Every customer as last scored (``score_project``), highest churn score first: scores, flags,
    segment (and the previous one), reasons, NPS, segment_reason, stage (journey headline:
    ``nlp.scoring.CUSTOMER_STAGES``), churn_stage, annual_value and revenue_at_risk (order data
    only) — the rows of a customer list."""
    from voc_app.store import signals as store

    return store.scored_customers(project.conn)


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
