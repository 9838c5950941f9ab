"""Customer ambassador and churn rules (nlp.scoring), each on its own."""

from __future__ import annotations

from nlp.scoring import CustomerFacts, VoiceFacts, score_customer


def v(i, polarity="neutral", churn=False, advocacy=False, text="…"):
    return VoiceFacts(f"V{i}", text, polarity, churn, advocacy)


def test_churn_intent_outweighs_a_high_nps():
    s = score_customer(CustomerFacts("K1", nps=10, referrals=2),
                       [v(1, "neutral", churn=True, text="解約の方法を教えてください"), v(2, "delight", advocacy=True)])
    assert s.churn_flag and not s.ambassador_flag and s.churn_score >= 85
    assert "V1" in s.evidence and any("解約の方法" in r for r in s.reasons)


def test_advocacy_needs_an_act_not_just_a_score():
    promoter = score_customer(CustomerFacts("K2", nps=10, referrals=0), [v(1, "delight")])
    assert not promoter.ambassador_flag and any("行動はまだない" in r for r in promoter.reasons)
    referrer = score_customer(CustomerFacts("K3", nps=9, referrals=1), [v(1, "delight")])
    assert referrer.ambassador_flag and referrer.ambassador_score >= 60


def test_a_passive_who_referred_is_not_an_ambassador():
    s = score_customer(CustomerFacts("K4", nps=8, referrals=2), [v(1, "delight", advocacy=True)])
    assert not s.ambassador_flag and any("NPS 9 以上" in r for r in s.reasons)


def test_no_nps_ambassador_needs_praise_and_no_complaint():
    assert score_customer(CustomerFacts("K5", referrals=1), [v(1, "delight")]).ambassador_flag
    assert not score_customer(CustomerFacts("K6", referrals=1), [v(1, "delight"), v(2, "pain")]).ambassador_flag


def test_repeated_pain_with_low_nps_is_a_churn_risk_but_one_complaint_is_not():
    assert score_customer(CustomerFacts("K7", nps=3), [v(1, "pain"), v(2, "pain")]).churn_flag
    assert score_customer(CustomerFacts("K8", nps=3, tickets_90d=3), [v(1, "pain")]).churn_flag
    one = score_customer(CustomerFacts("K9", nps=3, tickets_90d=1), [v(1, "pain")])
    assert not one.churn_flag and one.churn_score <= 45


def test_a_resolved_problem_followed_by_praise_lowers_risk():
    resolved = score_customer(CustomerFacts("K10", nps=5, tickets_90d=2), [v(1, "pain"), v(2, "delight")])
    unresolved = score_customer(CustomerFacts("K11", nps=5, tickets_90d=2), [v(1, "pain"), v(2, "neutral")])
    assert not resolved.churn_flag and resolved.churn_score < unresolved.churn_score


def test_long_silence_with_no_positive_voice_raises_risk():
    assert score_customer(CustomerFacts("K12", nps=6, last_active_days=210), [v(1, "neutral")]).churn_flag
    assert not score_customer(CustomerFacts("K13", nps=6, last_active_days=210), [v(1, "delight")]).churn_flag
    assert not score_customer(CustomerFacts("K14", nps=9, last_active_days=210), [v(1, "neutral")]).churn_flag


def test_customers_without_text_are_scored_from_behaviour_and_say_so():
    s = score_customer(CustomerFacts("K15", nps=None, last_active_days=400), [])
    assert s.churn_flag and any("発言なし" in r for r in s.reasons)


def test_thresholds_are_configurable():
    s = score_customer(CustomerFacts("K16", nps=9, referrals=1), [v(1, "delight")], {"ambassador": 99})
    assert not s.ambassador_flag and s.ambassador_score < 99


def test_unresolved_tickets_are_named_and_linked():
    s = score_customer(CustomerFacts("K17", nps=2, tickets_90d=4, unresolved_tickets=["501", "502"]),
                       [v(1, "pain", churn=True, text="解約方法を教えてください"), v(2, "pain")])
    assert s.churn_flag and "ticket:501" in s.evidence
    assert any("未解決 2 件" in r for r in s.reasons)


def test_slow_resolution_is_named_and_raises_the_rank():
    fast = score_customer(CustomerFacts("K18", nps=5, resolution_days=1), [v(1, "pain")])
    slow = score_customer(CustomerFacts("K19", nps=5, resolution_days=12), [v(1, "pain")])
    assert slow.churn_score > fast.churn_score and not slow.churn_flag
    assert any("平均 12 日" in r for r in slow.reasons)
