"""Per-customer ambassador and churn scores: attitude (NPS, what they say and how it feels)
plus behaviour (support contacts, referrals, silence). Pure: plain records in, plain out.

Flags follow explicit rules (the ones a CS lead can challenge):
- churn: any churn intent in their words; or a low / missing NPS (≤ 6) with repeated pain
  (two unresolved complaints, or one plus ≥ 3 contacts in 90 days); or a long silence
  (> 180 days) with a low / missing NPS and no positive voice.
- ambassador: an act or stated willingness to advocate (a referral, or advocacy in their
  words), a promoter NPS (≥ 9; with no NPS: praise and no complaint), no churn intent, and
  not a churn risk.
Scores rank customers inside and outside the flags: flagged customers score ≥ 55 and
unflagged ones ≤ 45, so the default threshold of 50 reproduces the rules. Where the analysis
gives the model's calibrated probabilities, they spread the scores: a churn intent the model is
sure of ranks above a hesitant one, and a voice just below the churn threshold raises an
unflagged customer's score.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

DEFAULT_THRESHOLDS = {"ambassador": 50.0, "churn": 50.0}


@dataclass
class CustomerFacts:
    customer_id: str
    nps: int | None = None
    tenure_months: float | None = None
    tickets_90d: int | None = None
    referrals: int | None = None
    last_active_days: float | None = None
    unresolved_tickets: list[str] = field(default_factory=list)  # ids of open / pending tickets
    resolution_days: float | None = None  # mean days from a ticket's creation to its resolution
    # behaviour from order histories and referral logs (None when the project has none)
    referrals_converted: int | None = None  # referred people who became paying customers
    days_since_purchase: float | None = None
    frequency: int | None = None  # purchases / uses
    monetary: float | None = None  # total amount


@dataclass
class VoiceFacts:
    """What scoring needs of one analysed verbatim."""

    id: str
    text: str
    polarity: str
    churn: bool
    advocacy: bool
    churn_p: float | None = None  # the model's calibrated probabilities (None: not known)
    advocacy_p: float | None = None


@dataclass
class CustomerScore:
    customer_id: str
    ambassador_score: float
    churn_score: float
    ambassador_flag: bool
    churn_flag: bool
    reasons: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)  # verbatim ids, and ticket:ID for unresolved tickets


def _quote(text: str, n: int = 28) -> str:
    """A short quote for a reason. Never cut inside personal data (an e-mail address, a phone
    number, a name …): the export masks reasons, and a cut ``090-111…`` would escape the mask."""
    t = " ".join(text.split())
    if len(t) <= n:
        return f"『{t}』"
    from nlp.pii import find

    for span in find(t[:n + 120]):
        if span.start < n < span.end:
            n = span.end
    return f"『{t[:n]}…』" if len(t) > n else f"『{t}』"


def score_customer(c: CustomerFacts, voices: Sequence[VoiceFacts],
                   thresholds: dict[str, float] | None = None) -> CustomerScore:
    th = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
    nps = c.nps
    low = nps is None or nps <= 6
    tickets = c.tickets_90d or 0
    referrals = c.referrals or 0
    silent = c.last_active_days or 0
    churn_v = [v for v in voices if v.churn]
    adv_v = [v for v in voices if v.advocacy]
    pain_v = [v for v in voices if v.polarity == "pain"]
    delight_v = [v for v in voices if v.polarity == "delight"]
    reasons: list[str] = []
    evidence: list[str] = []
    if not voices:
        reasons.append("発言なし（NPS と行動データのみで評価）")
    nps_txt = f"NPS {nps}" if nps is not None else "NPS 未回答"

    # --- churn ---------------------------------------------------------------------------
    churn_rules = []
    churn_ps = [v.churn_p for v in voices if v.churn_p is not None]
    adv_ps = [v.advocacy_p for v in voices if v.advocacy_p is not None]
    if churn_v:
        sure = max((v.churn_p for v in churn_v if v.churn_p is not None), default=None)
        churn_rules.append((60 + 30 * sure if sure is not None else 85) + 3 * min(len(churn_v) - 1, 3))
        reasons.append(f"解約の兆し {len(churn_v)} 件: " + "、".join(_quote(v.text) for v in churn_v[:2]))
        evidence += [v.id for v in churn_v]
    if low and (len(pain_v) >= 2 or (pain_v and tickets >= 3)):
        churn_rules.append(70 + 5 * min(len(pain_v) - 1, 4) + min(tickets, 5))
        why = f"{nps_txt}、不満の声 {len(pain_v)} 件" + (f"、90日で問い合わせ {tickets} 件" if tickets else "")
        if c.unresolved_tickets:
            why += f"（うち未解決 {len(c.unresolved_tickets)} 件）"
        reasons.append(why + ": " + _quote(pain_v[0].text))
        evidence += [v.id for v in pain_v]
    if silent > 180 and low and not delight_v:
        churn_rules.append(65 + min((silent - 180) / 30, 10))
        since = "最終購入から" if c.days_since_purchase is not None and abs(c.days_since_purchase - silent) < 1 \
            else "最終利用から"
        reasons.append(f"{since} {silent:.0f} 日、{nps_txt}、前向きな声なし")
    if c.unresolved_tickets and (churn_rules or pain_v):
        evidence += [f"ticket:{t}" for t in c.unresolved_tickets]
        if not any("未解決" in r for r in reasons):
            reasons.append(f"未解決の問い合わせ {len(c.unresolved_tickets)} 件")
    slow = c.resolution_days is not None and c.resolution_days > 7
    if slow and (churn_rules or pain_v):
        reasons.append(f"問い合わせの解決まで平均 {c.resolution_days:.0f} 日")
    churn_flag = bool(churn_rules)
    if churn_flag:
        churn_score = min(100.0, max(churn_rules))
    else:
        churn_score = min(45.0, 10 * len(pain_v) + (20 if low else 0) + 3 * min(tickets, 5)
                          + 5 * min(len(c.unresolved_tickets), 3) + (5 if slow else 0) + (10 if silent > 90 else 0)
                          - 5 * len(delight_v) + 20 * max(churn_ps, default=0.0))
        churn_score = max(0.0, churn_score)

    # --- ambassador ------------------------------------------------------------------------
    acts = referrals >= 1 or bool(adv_v)
    attitude = (nps is not None and nps >= 9) or (nps is None and bool(delight_v) and not pain_v)
    amb_flag = acts and attitude and not churn_v and not churn_flag
    if amb_flag:
        sure = max((v.advocacy_p for v in adv_v if v.advocacy_p is not None), default=None)
        said = 8 * min(len(adv_v), 2) if sure is None else (10 * sure + 4 * min(len(adv_v) - 1, 1) if adv_v else 0)
        amb_score = min(100.0, 60 + 8 * min(referrals, 3) + 4 * min(c.referrals_converted or 0, 3)
                        + said + (6 if nps == 10 else 0))
        parts = [nps_txt]
        if referrals:
            parts.append(f"紹介 {referrals} 件中 {c.referrals_converted} 件が購入" if c.referrals_converted is not None
                         else f"紹介 {referrals} 件")
        if adv_v:
            parts.append("推奨・紹介の声: " + _quote(adv_v[0].text))
            evidence += [v.id for v in adv_v]
        reasons.insert(0, "、".join(parts))
    else:
        amb_score = ((15 if acts else 0) + (nps or 0) * 2 + 5 * min(len(delight_v), 2) - 10 * len(pain_v)
                     + 10 * max(adv_ps, default=0.0))
        amb_score = max(0.0, min(45.0, amb_score))
        if acts and not attitude:
            reasons.append(f"紹介・推奨はあるが {nps_txt}（アンバサダー条件は NPS 9 以上）")
        elif attitude and not acts and not churn_flag:
            reasons.append(f"{nps_txt} だが紹介・推奨の行動はまだない")
    behaviour = _behaviour_summary(c)
    if behaviour and (amb_flag or churn_flag):
        reasons.append(behaviour)
    return CustomerScore(
        c.customer_id, round(amb_score, 1), round(churn_score, 1),
        amb_score >= th["ambassador"], churn_score >= th["churn"],
        reasons, list(dict.fromkeys(evidence)),
    )


def _behaviour_summary(c: CustomerFacts) -> str:
    """「行動: 利用 26 か月、購入 6 回、累計 44,100 円、最終購入から 12 日」 — what a CS lead weighs
    next to the words (tenure, frequency, value, recency)."""
    parts = []
    if c.tenure_months is not None:
        parts.append(f"利用 {c.tenure_months:.0f} か月")
    if c.frequency:
        parts.append(f"購入 {c.frequency} 回")
    if c.monetary:
        parts.append(f"累計 {c.monetary:,.0f} 円")
    if c.days_since_purchase is not None:
        parts.append(f"最終購入から {c.days_since_purchase:.0f} 日")
    return "行動: " + "、".join(parts) if parts else ""
