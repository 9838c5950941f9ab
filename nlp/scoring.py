"""Per-customer ambassador and churn scores: attitude (NPS, what they say and how it feels)
plus behaviour (support contacts, referrals, silence). Pure: plain records in, plain out.

Flags follow explicit rules (the ones a CS lead can challenge):
- churn: any churn intent in their words; or a low / missing NPS (≤ 6) with repeated pain
  (two unresolved complaints, or one plus ≥ 3 contacts in 90 days); or a long silence
  (> 180 days) with a low / missing NPS and no positive voice.
- ambassador: an act or stated willingness to advocate (a referral, or advocacy in their
  words), a promoter NPS (≥ 9; with no NPS: praise and no complaint), no churn intent, and
  not a churn risk.

Scores (0–100) rank customers inside and outside the flags. The flag decides the band —
flagged customers score 55–100, the others 0–45, so any threshold between 45 and 55 (the
default 50) reproduces the rules — and the *strength of the evidence* places the customer
inside the band:

    score = 55 + 45 · σ(z − 2)   flagged          score = 45 · σ(z + 2)   not flagged

where z is a sum of log-odds points over everything known about the customer (``_churn_points``,
``_ambassador_points``). Its text terms are the learned model's calibrated probabilities, not
the yes/no labels: P(some voice says they would leave) = 1 − Π(1 − churn_p), the expected number
of complaints Σ P(pain), of praises Σ P(delight), of recommendations Σ advocacy_p. A probability
is clipped to agree with the final label (a label a person corrected wins over the model).
The weights are stated in the code, chosen by hand for what a CS lead would rank first (a sure
intent over a hesitant question, a detractor over a promoter, open tickets and silence on top),
not fitted to evaluation labels. The offsets ±2 only place each band's range (they move no
flag): a flagged customer of median evidence (z ≈ 2 on the development set) sits mid-band, an
unflagged one with no evidence against them (z ≈ −5) near 0. Each point's
contribution is kept (``CustomerScore.factors``) so that a score can be explained.

Also per customer: the journey stage to show as their headline (a churn risk shows 「解約検討」 with
the stage where the churn signal occurred, never the stage of continued use), and where order
data give a monetary value, the yearly revenue at risk of a churn risk (``yearly_value``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

DEFAULT_THRESHOLDS = {"ambassador": 50.0, "churn": 50.0}
# bands: a flagged customer scores at least FLAG_FLOOR, an unflagged one at most UNFLAGGED_CEIL
FLAG_FLOOR, UNFLAGGED_CEIL = 55.0, 45.0
# customer journey headlines: the verbatim stages (nlp.journey.STAGES) and 'churn' (解約検討)
CUSTOMER_STAGES = ("first_experience", "success", "advocacy", "churn", "none")


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
    revenue_12m: float | None = None  # amount ordered in the 12 months up to the latest order (order history)


@dataclass
class VoiceFacts:
    """What scoring needs of one analysed verbatim (oldest first when the order is known)."""

    id: str
    text: str
    polarity: str
    churn: bool
    advocacy: bool
    churn_p: float | None = None  # the model's calibrated probabilities (None: not known)
    advocacy_p: float | None = None
    stage: str | None = None  # journey stage of the verbatim (nlp.journey.STAGES)
    pain_p: float | None = None  # P(polarity = pain), P(polarity = delight)
    delight_p: float | None = None


@dataclass
class CustomerScore:
    customer_id: str
    ambassador_score: float
    churn_score: float
    ambassador_flag: bool
    churn_flag: bool
    reasons: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)  # verbatim ids, and ticket:ID for unresolved tickets
    stage: str = "none"  # the customer's journey headline (CUSTOMER_STAGES)
    churn_stage: str | None = None  # for a churn risk: the stage of the voice that carries the signal
    annual_value: float | None = None  # yearly revenue of the customer (order / list data only)
    revenue_at_risk: float | None = None  # annual_value of a churn risk (order / list data only)
    # how the scores were made: points per factor (log-odds) and the evidence strength σ(z)
    factors: dict[str, dict[str, float]] = field(default_factory=dict)
    churn_p: float | None = None  # P(at least one voice says they would leave)
    pain_n: float = 0.0  # expected number of complaints (Σ P(pain))


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


def _agree(p: float | None, label: bool) -> float:
    """The model's probability, clipped to agree with the final label (1 / 0 when unknown)."""
    if p is None:
        return 1.0 if label else 0.0
    return max(p, 0.5) if label else min(p, 0.5)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _any(ps: Sequence[float]) -> float:
    """P(at least one) of independent events."""
    q = 1.0
    for p in ps:
        q *= 1.0 - p
    return 1.0 - q


def _silence(c: CustomerFacts) -> float:
    """0 up to 90 days without activity, 1 at 180, at most 3 (a year and more)."""
    return max(0.0, min(3.0, ((c.last_active_days or 0) - 90) / 90))


@dataclass
class _Soft:
    churn_any: float  # P(some voice says they would leave)
    churn_n: float
    pain_n: float
    delight_n: float
    adv_any: float
    adv_n: float


def _soft(voices: Sequence[VoiceFacts]) -> _Soft:
    wc = [_agree(v.churn_p, v.churn) for v in voices]
    wa = [_agree(v.advocacy_p, v.advocacy) for v in voices]
    return _Soft(_any(wc), sum(wc), sum(_agree(v.pain_p, v.polarity == "pain") for v in voices),
                 sum(_agree(v.delight_p, v.polarity == "delight") for v in voices), _any(wa), sum(wa))


def _churn_points(c: CustomerFacts, s: _Soft) -> dict[str, float]:
    """Log-odds points towards leaving (bias −3: a customer with no evidence is at σ(−3) ≈ 5 %)."""
    nps = c.nps
    return {
        "bias": -3.0,
        "churn_voice": 3.0 * s.churn_any,                 # they say it (how sure the model is)
        "churn_voices": 0.5 * min(s.churn_n, 3.0),        # and how often
        "pain": 0.6 * min(s.pain_n, 4.0),                 # expected complaints
        "delight": -0.5 * min(s.delight_n, 4.0),          # expected praise
        "nps": 0.8 * ((6.5 - nps) / 3.5 if nps is not None else 0.3),  # 0 → +1.5, 6 → +0.1, 10 → −0.8
        "contacts": 0.25 * min(c.tickets_90d or 0, 6),
        "unresolved": 0.4 * min(len(c.unresolved_tickets), 3),
        "slow": 0.4 if c.resolution_days is not None and c.resolution_days > 7 else 0.0,
        "silence": 0.6 * _silence(c),
    }


def _ambassador_points(c: CustomerFacts, s: _Soft) -> dict[str, float]:
    """Log-odds points towards advocating (bias −2.5)."""
    nps = c.nps
    return {
        "bias": -2.5,
        "advocacy_voice": 2.0 * s.adv_any,                # they say it (how sure the model is)
        "advocacy_voices": 0.7 * min(s.adv_n, 4.0),       # and how often: acts weigh most
        "referrals": 2.0 * math.log1p(c.referrals or 0),  # 1 → +1.4, 3 → +2.8
        "converted": 0.3 * min(c.referrals_converted or 0, 3),
        "nps": (nps - 8) / 2 if nps is not None else 0.0,  # 10 → +1, 9 → +0.5, 0 → −4
        "delight": 0.4 * min(s.delight_n, 3.0),
        "pain": -0.7 * min(s.pain_n, 3.0),
        "churn_voice": -3.0 * s.churn_any,
        "silence": -0.3 * _silence(c),
    }


def _banded(points: dict[str, float], flagged: bool) -> tuple[float, float]:
    """(score, evidence strength σ(z)): 55–100 when flagged, 0–45 otherwise."""
    z = sum(points.values())
    if flagged:
        return FLAG_FLOOR + (100.0 - FLAG_FLOOR) * _sigmoid(z - 2.0), _sigmoid(z)
    return UNFLAGGED_CEIL * _sigmoid(z + 2.0), _sigmoid(z)


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
    soft = _soft(voices)
    reasons: list[str] = []
    evidence: list[str] = []
    if not voices:
        reasons.append("発言なし（NPS と行動データのみで評価）")
    nps_txt = f"NPS {nps}" if nps is not None else "NPS 未回答"

    # --- churn: the rules decide the flag ----------------------------------------------------
    rules = []
    if churn_v:
        rules.append("intent")
        sure = max((v.churn_p for v in churn_v if v.churn_p is not None), default=None)
        how = f"（確信度 {sure:.0%}）" if sure is not None else ""
        reasons.append(f"解約の兆し {len(churn_v)} 件{how}: " + "、".join(_quote(v.text) for v in churn_v[:2]))
        evidence += [v.id for v in churn_v]
    if low and (len(pain_v) >= 2 or (pain_v and tickets >= 3)):
        rules.append("pain")
        why = f"{nps_txt}、不満の声 {len(pain_v)} 件" + (f"、90日で問い合わせ {tickets} 件" if tickets else "")
        if c.unresolved_tickets:
            why += f"（うち未解決 {len(c.unresolved_tickets)} 件）"
        reasons.append(why + ": " + _quote(pain_v[0].text))
        evidence += [v.id for v in pain_v]
    if silent > 180 and low and not delight_v:
        rules.append("silence")
        since = "最終購入から" if c.days_since_purchase is not None and abs(c.days_since_purchase - silent) < 1 \
            else "最終利用から"
        reasons.append(f"{since} {silent:.0f} 日、{nps_txt}、前向きな声なし")
    if c.unresolved_tickets and (rules or pain_v):
        evidence += [f"ticket:{t}" for t in c.unresolved_tickets]
        if not any("未解決" in r for r in reasons):
            reasons.append(f"未解決の問い合わせ {len(c.unresolved_tickets)} 件")
    slow = c.resolution_days is not None and c.resolution_days > 7
    if slow and (rules or pain_v):
        reasons.append(f"問い合わせの解決まで平均 {c.resolution_days:.0f} 日")
    churn_rule = bool(rules)
    churn_pts = _churn_points(c, soft)
    churn_score, churn_strength = _banded(churn_pts, churn_rule)

    # --- ambassador ------------------------------------------------------------------------
    acts = referrals >= 1 or bool(adv_v)
    attitude = (nps is not None and nps >= 9) or (nps is None and bool(delight_v) and not pain_v)
    amb_rule = acts and attitude and not churn_v and not churn_rule
    amb_pts = _ambassador_points(c, soft)
    amb_score, amb_strength = _banded(amb_pts, amb_rule)
    if amb_rule:
        parts = [nps_txt]
        if referrals:
            parts.append(f"紹介 {referrals} 件中 {c.referrals_converted} 件が購入" if c.referrals_converted is not None
                         else f"紹介 {referrals} 件")
        if adv_v:
            parts.append("推奨・紹介の声: " + _quote(adv_v[0].text))
            evidence += [v.id for v in adv_v]
        reasons.insert(0, "、".join(parts))
    elif acts and not attitude:
        reasons.append(f"紹介・推奨はあるが {nps_txt}（アンバサダー条件は NPS 9 以上）")
    elif attitude and not acts and not churn_rule:
        reasons.append(f"{nps_txt} だが紹介・推奨の行動はまだない")

    amb_score, churn_score = round(amb_score, 1), round(churn_score, 1)
    churn_flag = churn_score >= th["churn"]
    amb_flag = amb_score >= th["ambassador"]
    stage, churn_stage = journey_headline(voices, churn_flag, amb_flag)
    annual = yearly_value(c)
    at_risk = annual if churn_flag else None
    if at_risk:
        reasons.append(f"失う売上の目安: 年 {at_risk:,.0f} 円")
    behaviour = _behaviour_summary(c)
    if behaviour and (amb_flag or churn_flag):
        reasons.append(behaviour)
    return CustomerScore(
        c.customer_id, amb_score, churn_score, amb_flag, churn_flag, reasons, list(dict.fromkeys(evidence)),
        stage, churn_stage, annual, at_risk,
        {"churn": {k: round(v, 3) for k, v in churn_pts.items()} | {"strength": round(churn_strength, 4)},
         "ambassador": {k: round(v, 3) for k, v in amb_pts.items()} | {"strength": round(amb_strength, 4)}},
        round(soft.churn_any, 4), round(soft.pain_n, 3))


def yearly_value(c: CustomerFacts) -> float | None:
    """What the customer brings in a year: with an order history, what they ordered in the 12
    months up to the project's latest order (0 when nothing); with only a total (a customer list's
    `Total Spent`), the total over their years as a customer (at least one: a customer of under a
    year counts with what they spent so far). None without either."""
    if c.revenue_12m is not None:
        return round(c.revenue_12m, 0)
    if c.monetary:
        return round(c.monetary / max((c.tenure_months or 0) / 12, 1.0), 0)
    return None


def journey_headline(voices: Sequence[VoiceFacts], churn_flag: bool,
                     ambassador_flag: bool) -> tuple[str, str | None]:
    """(the customer's journey headline, the stage of their churn signal).

    A churn risk is 'churn' (解約検討) whatever stage they were in; the second value says where the
    signal occurred: the stage of the voice the model is surest says they would leave, else of
    their surest complaint (None when it is only silence, or the voice names no stage). An
    ambassador is 'advocacy'. Anyone else is where their latest voice that names a stage is
    (voices oldest first), 'none' without one."""
    staged = [v for v in voices if v.stage and v.stage != "none"]
    if churn_flag:
        signal = [v for v in voices if v.churn] or [v for v in voices if v.polarity == "pain"]
        best = max(signal, key=lambda v: (_agree(v.churn_p, v.churn), _agree(v.pain_p, v.polarity == "pain")),
                   default=None)
        where = best.stage if best is not None and best.stage and best.stage != "none" else None
        return "churn", where
    if ambassador_flag:
        return "advocacy", None
    return (staged[-1].stage if staged else "none"), None


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
