"""Customer ambassador and churn rules (nlp.scoring), each on its own."""

from __future__ import annotations

from nlp.scoring import CustomerFacts, VoiceFacts, score_customer


def v(i, polarity="neutral", churn=False, advocacy=False, text="…", **kw):
    return VoiceFacts(f"V{i}", text, polarity, churn, advocacy, **kw)


def test_churn_intent_outweighs_a_high_nps():
    s = score_customer(CustomerFacts("K1", nps=10, referrals=2),
                       [v(1, "neutral", churn=True, text="解約の方法を教えてください"), v(2, "delight", advocacy=True)])
    assert s.churn_flag and not s.ambassador_flag and s.churn_score >= 55
    assert "V1" in s.evidence and any("解約の方法" in r for r in s.reasons)
    # the same words from a detractor rank higher: the flag is the rule, the score the evidence
    detractor = score_customer(CustomerFacts("K1b", nps=2),
                               [v(1, "neutral", churn=True, text="解約の方法を教えてください"), v(2, "pain")])
    assert detractor.churn_score > s.churn_score + 15


def test_advocacy_needs_an_act_not_just_a_score():
    promoter = score_customer(CustomerFacts("K2", nps=10, referrals=0), [v(1, "delight")])
    assert not promoter.ambassador_flag and any("行動はまだない" in r for r in promoter.reasons)
    referrer = score_customer(CustomerFacts("K3", nps=9, referrals=1), [v(1, "delight")])
    assert referrer.ambassador_flag and referrer.ambassador_score >= 55  # the least evidence: near the floor


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


def test_churn_risks_are_ranked_by_their_evidence_not_piled_on_one_value():
    """Issue 22: 32 churn risks all scored 85.0. Sure intent, a low NPS, complaints, open tickets
    and silence each move a churn risk up; a hesitant voice from a promoter stays near the floor."""
    cases = [
        CustomerFacts("A", nps=9),
        CustomerFacts("B", nps=6),
        CustomerFacts("C", nps=3, tickets_90d=2),
        CustomerFacts("D", nps=1, tickets_90d=4, unresolved_tickets=["9"], last_active_days=150),
    ]
    voices = [[v(1, churn=True, churn_p=0.62)], [v(1, churn=True, churn_p=0.97)],
              [v(1, churn=True, churn_p=0.97), v(2, "pain", pain_p=0.9)],
              [v(1, "pain", churn=True, churn_p=0.999, pain_p=0.95), v(2, "pain", pain_p=0.8)]]
    scores = [score_customer(c, vs) for c, vs in zip(cases, voices, strict=True)]
    assert all(s.churn_flag for s in scores)
    values = [s.churn_score for s in scores]
    assert values == sorted(values) and len(set(values)) == 4
    assert values[0] < 70 and values[-1] > 90 and all(55 <= x <= 100 for x in values)
    # each score is explained: the log-odds points behind it and its evidence strength
    assert scores[-1].factors["churn"]["unresolved"] > 0 and 0 < scores[0].factors["churn"]["strength"] < 1


def test_calibrated_probabilities_spread_scores_with_the_same_labels():
    sure = score_customer(CustomerFacts("S", nps=5), [v(1, "pain", churn=True, churn_p=0.99, pain_p=0.97)])
    hesitant = score_customer(CustomerFacts("H", nps=5), [v(1, "pain", churn=True, churn_p=0.55, pain_p=0.6)])
    assert sure.churn_flag and hesitant.churn_flag and sure.churn_score > hesitant.churn_score
    # below the model's threshold: no flag, but a voice close to it ranks above a clear one
    near = score_customer(CustomerFacts("N", nps=5), [v(1, "pain", churn_p=0.45, pain_p=0.9)])
    clear = score_customer(CustomerFacts("C", nps=5), [v(1, "pain", churn_p=0.02, pain_p=0.9)])
    assert not near.churn_flag and not clear.churn_flag and near.churn_score > clear.churn_score
    # a probability that contradicts the final label (a person corrected it) is clipped to agree
    corrected = score_customer(CustomerFacts("P", nps=5), [v(1, "pain", churn=True, churn_p=0.01)])
    assert corrected.churn_flag and corrected.churn_p == 0.5


def test_flags_decide_the_band_so_the_default_threshold_reproduces_the_rules():
    import itertools

    for nps, tickets, silent, pols in itertools.product(
            (None, 0, 5, 7, 9, 10), (0, 3, 6), (0, 200, 400),
            (("pain",), ("pain", "pain"), ("delight",), ("neutral", "delight"), ())):
        for churn, adv in ((False, False), (True, False), (False, True)):
            vs = [v(i, p) for i, p in enumerate(pols)] + [v(9, churn=churn, advocacy=adv)]
            s = score_customer(CustomerFacts("X", nps=nps, tickets_90d=tickets, last_active_days=silent,
                                             referrals=1 if adv else 0), vs)
            for score, flag in ((s.churn_score, s.churn_flag), (s.ambassador_score, s.ambassador_flag)):
                assert (score >= 55) if flag else (score <= 45)
                assert 0 <= score <= 100


def test_ambassadors_rank_by_how_much_they_advocate():
    quiet = score_customer(CustomerFacts("Q", nps=9), [v(1, "delight", advocacy=True, advocacy_p=0.6)])
    loud = score_customer(CustomerFacts("L", nps=10, referrals=4, referrals_converted=3),
                          [v(1, "delight", advocacy=True, advocacy_p=0.99), v(2, "delight", advocacy=True)])
    assert quiet.ambassador_flag and loud.ambassador_flag
    assert 55 <= quiet.ambassador_score < loud.ambassador_score <= 100


def test_a_leaving_customer_shows_where_the_churn_signal_occurred_never_success():
    s = score_customer(CustomerFacts("K20", nps=9),
                       [v(1, "delight", stage="success"), v(2, "pain", stage="first_experience"),
                        v(3, "neutral", churn=True, churn_p=0.9, stage="success", text="今月で卒業します")])
    assert s.churn_flag and (s.stage, s.churn_stage) == ("churn", "success")
    by_pain = score_customer(CustomerFacts("K21", nps=2),
                             [v(1, "pain", stage="first_experience", pain_p=0.95), v(2, "pain", stage="none", pain_p=0.6)])
    assert by_pain.churn_flag and (by_pain.stage, by_pain.churn_stage) == ("churn", "first_experience")
    silent = score_customer(CustomerFacts("K22", nps=None, last_active_days=300), [v(1, "neutral", stage="none")])
    assert (silent.stage, silent.churn_stage) == ("churn", None)
    amb = score_customer(CustomerFacts("K23", nps=10, referrals=1), [v(1, "delight", stage="first_experience")])
    assert amb.ambassador_flag and amb.stage == "advocacy"
    # anyone else: the stage of their latest voice that names one
    other = score_customer(CustomerFacts("K24", nps=8), [v(1, "delight", stage="first_experience"),
                                                         v(2, "delight", stage="success"), v(3, "neutral", stage="none")])
    assert (other.stage, other.churn_stage) == ("success", None)


def test_revenue_at_risk_needs_purchase_data_and_a_churn_flag():
    leaving = score_customer(CustomerFacts("R1", nps=3, tenure_months=24, monetary=120_000),
                             [v(1, "pain", churn=True)])
    assert leaving.churn_flag and leaving.annual_value == 60_000 and leaving.revenue_at_risk == 60_000
    assert any("年 60,000 円" in r for r in leaving.reasons)
    new = score_customer(CustomerFacts("R2", nps=3, tenure_months=4, monetary=18_000), [v(1, "pain", churn=True)])
    assert new.revenue_at_risk == 18_000  # under a year: what they spent so far
    staying = score_customer(CustomerFacts("R3", nps=9, tenure_months=24, monetary=120_000), [v(1, "delight")])
    assert staying.annual_value == 60_000 and staying.revenue_at_risk is None
    no_orders = score_customer(CustomerFacts("R4", nps=3), [v(1, "pain", churn=True)])
    assert no_orders.annual_value is None and no_orders.revenue_at_risk is None
    # an order history gives the last 12 months' purchases (the workbook's figure), 0 when none
    recent = score_customer(CustomerFacts("R5", nps=3, tenure_months=24, monetary=120_000, revenue_12m=30_000),
                            [v(1, "pain", churn=True)])
    assert recent.revenue_at_risk == 30_000
    lapsed = score_customer(CustomerFacts("R6", nps=3, monetary=120_000, revenue_12m=0.0), [v(1, "pain", churn=True)])
    assert lapsed.revenue_at_risk == 0 and not any("失う売上" in r for r in lapsed.reasons)
