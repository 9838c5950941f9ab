"""Scores, segments and reviews on a real project: reviews survive re-analysis and re-import,
and a dismissed flag returns only with new evidence."""

from __future__ import annotations

from voc_app.analysis import analyze_project
from voc_app.importing import import_file
from voc_app.signals import score_project
from voc_app.store import Project, transaction
from voc_app.store.signals import flagged, review


def ids(rows):
    return [r["customer_id"] for r in rows]


def test_review_persistence_and_new_evidence(tmp_path, fixtures):
    with Project.create(tmp_path / "s.voc") as p:
        import_file(p, fixtures / "excel_cp932.csv")
        analyze_project(p, workers=1)
        seg = score_project(p)
        assert sum(seg["now"].values()) == 8
        churn = flagged(p.conn, "churn")
        assert "K000106" in ids(churn)
        k106 = next(r for r in churn if r["customer_id"] == "K000106")
        assert k106["evidence"] and any("解約" in x for x in k106["reasons"])
        amb = ids(flagged(p.conn, "ambassador"))
        assert "K000107" in amb  # NPS 10 and 「友達に勧めたら２人とも買ってくれた！」

        with transaction(p.conn):
            review(p.conn, "K000106", "churn", "dismissed", "家族の引っ越しで一時的な発言")
            review(p.conn, "K000107", "ambassador", "contacted", "紹介キャンペーンに招待済み")
        assert "K000106" not in ids(flagged(p.conn, "churn"))
        # re-scoring and re-importing the same file keep the reviews and add no evidence
        import_file(p, fixtures / "excel_cp932.csv")
        analyze_project(p, workers=1)
        score_project(p)
        assert "K000106" not in ids(flagged(p.conn, "churn"))
        k107 = next(r for r in flagged(p.conn, "ambassador") if r["customer_id"] == "K000107")
        assert (k107["review"], k107["note"]) == ("contacted", "紹介キャンペーンに招待済み")

        # new evidence: K000106 asks how to cancel in a support ticket → the flag comes back
        import_file(p, fixtures / "zendesk.jsonl")
        analyze_project(p, workers=1)
        seg = score_project(p)
        back = next(r for r in flagged(p.conn, "churn") if r["customer_id"] == "K000106")
        assert back["review"] == "dismissed" and len(back["evidence"]) >= 2
        assert seg["before"]  # the previous run's segments are kept to show movement


def test_thresholds_are_stored_in_the_project(tmp_path, fixtures):
    from voc_app.store.signals import thresholds

    path = tmp_path / "t.voc"
    with Project.create(path) as p:
        import_file(p, fixtures / "excel_cp932.csv")
        analyze_project(p, workers=1)
        score_project(p, {"churn": 95})
        assert "K000106" not in ids(flagged(p.conn, "churn"))  # its score is below 95
    with Project(path) as p:
        assert thresholds(p.conn)["churn"] == 95
        score_project(p)  # no thresholds given: the stored ones apply
        assert "K000106" not in ids(flagged(p.conn, "churn"))
        score_project(p, {"churn": 50})
        assert "K000106" in ids(flagged(p.conn, "churn"))


def test_a_chat_history_or_a_review_is_never_an_unresolved_ticket(tmp_path):
    """A LINE chat has no status: it is a conversation, not a case to resolve; counting it as an
    open ticket would push every chatting customer towards churn risk."""
    from pathlib import Path

    from voc_app.importing import import_file
    from voc_app.store import Project
    from voc_app.store.signals import customer_facts

    fixture = Path(__file__).resolve().parent / "fixtures" / "formats" / "chat_line.csv"
    with Project.create(tmp_path / "c.voc") as p:
        import_file(p, fixture)
        assert p.conn.execute("SELECT count(*) FROM tickets WHERE type = 'chat' AND customer_id IS NOT NULL"
                              ).fetchone()[0] >= 1
        facts = customer_facts(p.conn)
        assert facts and all(f["unresolved"] == [] for f in facts)
        p.conn.execute("UPDATE tickets SET type = 'question'")  # the same rows as ordinary open tickets
        assert any(f["unresolved"] for f in customer_facts(p.conn))


# --- issue 22, item 5: segments, stages and revenue that a CS lead can act on ---------------------

def _seg(nps=None, voices=(), last=None, unresolved=(), amb=False, churn=False):
    from types import SimpleNamespace

    from nlp.scoring import CustomerFacts, VoiceFacts
    from voc_app.signals import segment_and_reason

    vs = [VoiceFacts(f"V{i}", "…", pol, False, False) for i, pol in enumerate(voices)]
    return segment_and_reason(SimpleNamespace(ambassador_flag=amb, churn_flag=churn),
                              CustomerFacts("K", nps=nps, last_active_days=last, unresolved_tickets=list(unresolved)), vs)


def test_a_detractor_is_never_loyal():
    for nps in range(0, 7):
        seg, why = _seg(nps, ["delight", "delight"])
        assert seg == "watch" and f"NPS {nps}" in why
    assert _seg(9, ["delight"])[0] == "loyal"
    assert _seg(7, [])[0] == "loyal"  # a passive without pain


def test_segments_follow_flags_silence_and_pain():
    assert _seg(10, ["delight"], amb=True)[0] == "ambassador"
    assert _seg(10, ["delight"], churn=True)[0] == "at_risk"
    assert _seg(9, ["delight"], last=200)[0] == "dormant"
    # pain that praise does not outweigh, or an open ticket, makes a passive or promoter 要注意
    assert _seg(8, ["pain", "pain", "delight"])[0] == "watch"
    assert _seg(9, ["delight"], unresolved=["T1"])[0] == "watch"
    assert _seg(None, ["pain"])[0] == "watch"
    # one improvement wish beside praise (the survey asks for it) does not
    assert _seg(9, ["delight", "pain"])[0] == "loyal"
    assert _seg(None, ["delight"])[0] == "loyal"
    assert _seg(None, ["neutral"])[0] == "unknown" and _seg(None, [])[0] == "unknown"


def test_stored_scores_carry_segment_stage_and_revenue(tmp_path, fixtures):
    from voc_app.signals import scored_customers

    with Project.create(tmp_path / "r.voc") as p:
        import_file(p, fixtures / "excel_cp932.csv")
        for name in ("customers_shopify.csv", "orders_cp932.csv", "referrals.csv"):
            import_file(p, fixtures / name)
        analyze_project(p, workers=1)
        seg = score_project(p)
        rows = {r["customer_id"]: r for r in scored_customers(p)}
        assert sum(seg["now"].values()) == len(rows)
        # every segment has its reason; no detractor is loyal; no churn risk's headline is 活用
        assert all(r["segment_reason"] for r in rows.values())
        assert not any(r["segment"] == "loyal" and r["nps"] is not None and r["nps"] <= 6 for r in rows.values())
        assert all(r["stage"] == "churn" for r in rows.values() if r["churn_flag"])
        # K000106 (NPS 2, 「このままなら解約します」) leads the list; K000103 (NPS 3, no flag) is 要注意
        assert next(iter(rows)) == "K000106" and rows["K000106"]["segment"] == "at_risk"
        assert rows["K000103"]["segment"] == "watch"
        # yearly value = orders in the 12 months up to the latest order (2025-06-10): K000104 ordered
        # 4,900 + 9,800 + 4,900 + 9,800 円 since 2024-06-11; K000201 last ordered in 2023 and has been
        # silent for 740 days: a churn risk with nothing left to lose
        assert rows["K000104"]["annual_value"] == 29_400 and rows["K000104"]["revenue_at_risk"] is None
        assert rows["K000201"]["churn_flag"] and rows["K000201"]["revenue_at_risk"] == 0
        assert seg["revenue_at_risk"] == {"amount": 0, "customers": 1}
        assert all(r["revenue_at_risk"] is None for r in rows.values() if not r["churn_flag"])
        churn = flagged(p.conn, "churn")
        assert {r["customer_id"] for r in churn} == {k for k, r in rows.items() if r["churn_flag"]}
        assert all(r["segment"] == "at_risk" and r["stage"] == "churn" for r in churn)
        # K000106 (no orders yet) orders 12,000 円: its revenue at risk is named in its reasons
        orders = tmp_path / "more.csv"
        orders.write_text("注文番号,顧客ID,注文日,商品名,金額\n#2001,K000106,2025/05/01,まくら,\"12,000円\"\n",
                          encoding="utf-8")
        import_file(p, orders)
        seg = score_project(p)
        k106 = next(r for r in flagged(p.conn, "churn") if r["customer_id"] == "K000106")
        assert k106["revenue_at_risk"] == 12_000 and any("年 12,000 円" in x for x in k106["reasons"])
        assert seg["revenue_at_risk"] == {"amount": 12_000, "customers": 2}


def test_a_project_scored_before_watch_existed_is_upgraded(tmp_path, fixtures, monkeypatch):
    from voc_app.store import db as dbmod
    from voc_app.store.schema import MIGRATIONS

    names = [n for n, _ in MIGRATIONS]
    path = tmp_path / "old.voc"
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS[:names.index("012_segment_watch")])
    with Project.create(path) as p:
        import_file(p, fixtures / "excel_cp932.csv")
        p.conn.execute("INSERT INTO customer_scores (customer_id, ambassador_score, churn_score, ambassador_flag,"
                       " churn_flag, segment, scored_at) SELECT id, 1, 2, 0, 0, 'loyal', 'x' FROM customers")
        p.conn.commit()
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS)
    with Project(path) as p:
        assert p.conn.execute("SELECT count(*) FROM customer_scores WHERE segment = 'loyal'").fetchone()[0] == 8
        analyze_project(p, workers=1)
        assert score_project(p)["now"].get("watch")
