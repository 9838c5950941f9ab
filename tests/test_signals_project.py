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
