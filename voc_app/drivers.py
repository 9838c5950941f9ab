"""What drives NPS: for each delight and pain topic, how far NPS differs between the survey
respondents who mention it and those who do not — ranked as 「まず直すべき不満」 (pain topics,
most NPS lost first) and 「守るべき喜び」 (delight topics, most NPS gained first).

Definitions
-----------
- **Respondent**: a survey response with an NPS score 0–10 (duplicate submissions left out).
  Promoters score 9–10, passives 7–8, detractors 0–6. NPS = % promoters − % detractors, in
  points (−100 … 100).
- **Mentions**: a respondent mentions a topic when any answer of their response is a member of
  it on the topic map (a mixed answer's delight and pain sentences are already on their own
  maps). Rare voices belong to no topic. Support tickets and interviews carry no NPS: they
  never count.
- **Impact** (per respondent) = NPS of those who mention the topic − NPS of those who do not.
- **95 % confidence interval** (normal approximation): each respondent is a value +1
  (promoter), 0 (passive) or −1 (detractor), so a group's NPS is 100 × their mean. With p_p and
  p_d the group's promoter and detractor shares and n its size, the variance of that mean is
  (p_p + p_d − (p_p − p_d)²) / n. The two groups are independent: the variance of the
  difference is the sum of the two; the interval is impact ± 1.96 × 100 × √(sum). The promoter
  share and detractor share differences use p (1 − p) / n per group the same way. All
  differences are in (percentage) points. The approximation needs a few respondents in each
  group — hence ``min_mentions`` (default 5) on both sides; topics below it are listed as
  「件数不足」 without figures, never dropped.
- **Significant**: the impact's interval excludes 0.
- **Effect on the overall NPS** = impact × share of respondents who mention the topic: how many
  points the overall NPS would change if those respondents scored like the others (the overall
  NPS would then be ``nps_without``). Pain topics are ranked by it, most negative first — a
  strongly negative topic few people mention weighs less than a milder one many mention;
  delight topics most positive first. Its interval (``overall_ci_*``) is the impact's scaled by
  the same share (the share taken as fixed).

``nps_drivers`` reads the project only; it needs the topic maps (``voc topics`` / the app's
topic view) and an imported survey with an NPS column.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from base.errors import InputError
from base.progress import Progress
from voc_app.store import Project

Z95 = 1.959963984540054  # two-sided 95 % quantile of the standard normal
SIDES = ("pain", "delight")  # the order of the tables
TITLES = {"pain": "まず直すべき不満", "delight": "守るべき喜び"}
TOO_FEW = "件数不足"
COLUMNS = ("トピック", "言及 n", "NPS（言及あり）", "NPS（なし）", "差", "95%信頼区間", "全体NPSへの影響")
"""The headers of a drivers table, in the order of ``TopicDriver.cells()``."""


@dataclass(frozen=True)
class NpsEffect:
    """How two groups of respondents differ (in points; see the module's definitions)."""

    nps_with: float
    nps_without: float
    impact: float
    ci_low: float
    ci_high: float
    promoter_diff: float
    promoter_ci_low: float
    promoter_ci_high: float
    detractor_diff: float
    detractor_ci_low: float
    detractor_ci_high: float

    @property
    def significant(self) -> bool:
        return self.ci_low > 0 or self.ci_high < 0


def nps(n: int, promoters: int, detractors: int) -> float:
    """NPS in points; 0.0 for an empty group."""
    return 100.0 * (promoters - detractors) / n if n else 0.0


def nps_effect(n_with: int, promoters_with: int, detractors_with: int,
               n_without: int, promoters_without: int, detractors_without: int, *, z: float = Z95) -> NpsEffect:
    """NPS, promoter share and detractor share of the first group minus the second's, with
    normal-approximation confidence intervals (``z`` = 1.96 for 95 %). Both groups non-empty.

    The variances are computed as if each group had one more promoter, passive and detractor
    (in the spirit of Agresti and Caffo's interval for a difference of proportions): a group whose
    answers are all alike (NPS −100) would otherwise have no spread at all and a small group an
    interval far too narrow. The estimates themselves are the observed ones; the intervals are
    clipped to the possible range (±200 for NPS, ±100 for a share)."""
    if n_with <= 0 or n_without <= 0:
        raise ValueError("both groups need respondents")
    pw, dw = promoters_with / n_with, detractors_with / n_with
    po, do = promoters_without / n_without, detractors_without / n_without
    nps_w, nps_o = 100.0 * (pw - dw), 100.0 * (po - do)
    # adjusted shares for the variances only: one pseudo-respondent of each kind per group
    aw, ao = n_with + 3, n_without + 3
    pw_, dw_ = (promoters_with + 1) / aw, (detractors_with + 1) / aw
    po_, do_ = (promoters_without + 1) / ao, (detractors_without + 1) / ao
    var_nps = (pw_ + dw_ - (pw_ - dw_) ** 2) / aw + (po_ + do_ - (po_ - do_) ** 2) / ao
    var_p = pw_ * (1 - pw_) / aw + po_ * (1 - po_) / ao
    var_d = dw_ * (1 - dw_) / aw + do_ * (1 - do_) / ao

    def ci(diff: float, var: float, bound: float = 100.0) -> tuple[float, float]:
        half = z * 100.0 * math.sqrt(max(var, 0.0))
        return max(diff - half, -bound), min(diff + half, bound)

    impact = nps_w - nps_o
    p_diff, d_diff = 100.0 * (pw - po), 100.0 * (dw - do)
    return NpsEffect(nps_w, nps_o, impact, *ci(impact, var_nps, 200.0), p_diff, *ci(p_diff, var_p), d_diff,
                     *ci(d_diff, var_d))


# --- display: whole points for NPS, one decimal for differences, ASCII signs ------------------

def _half_up(x: float, places: str) -> Decimal:
    """Rounded half away from zero (四捨五入: 12.5 → 13), as a person rounds the shown value."""
    return Decimal(repr(x)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def format_nps(x: float | None) -> str:
    """An NPS as whole points with its sign: ``+12``, ``-23``, ``0``; '' for None."""
    if x is None:
        return ""
    r = _half_up(x, "1")
    return "0" if r == 0 else f"{r:+}"


def format_diff(x: float | None) -> str:
    """A difference in points with one decimal and its sign: ``-23.4``, ``+5.0``, ``0.0``."""
    if x is None:
        return ""
    r = _half_up(x, "0.1")
    return "0.0" if r == 0 else f"{r:+}"


def format_ci(low: float | None, high: float | None) -> str:
    """``-35.1〜-11.7``; '' when there is no interval."""
    return "" if low is None or high is None else f"{format_diff(low)}〜{format_diff(high)}"


@dataclass
class TopicDriver:
    """One topic's effect on NPS. ``enough`` is False when fewer than ``min_mentions``
    respondents mention it or do not mention it: then every figure below ``share_with`` is None
    (shown as 「件数不足」) and ``significant`` is False. Figures are in points."""

    side: str  # "pain" or "delight"
    topic_id: int
    label: str  # as voc_app.topics.topic_list gives it
    n_with: int  # respondents who mention the topic
    n_without: int  # respondents who do not (n_with + n_without = all respondents)
    share_with: float  # n_with / all respondents
    enough: bool
    nps_with: float | None = None
    nps_without: float | None = None  # also the overall NPS if the mentioners scored like the others
    impact: float | None = None  # nps_with - nps_without
    ci_low: float | None = None
    ci_high: float | None = None
    promoter_diff: float | None = None  # promoter share (%) with - without
    promoter_ci_low: float | None = None
    promoter_ci_high: float | None = None
    detractor_diff: float | None = None  # detractor share (%) with - without
    detractor_ci_low: float | None = None
    detractor_ci_high: float | None = None
    overall_effect: float | None = None  # impact * share_with: points of the overall NPS
    overall_ci_low: float | None = None
    overall_ci_high: float | None = None
    significant: bool = False  # the impact's 95 % interval excludes 0
    rank: int | None = None  # 1-based place in its table; None when not enough

    def cells(self) -> list[str]:
        """Display strings in the order of ``COLUMNS`` (「件数不足」 where there are no figures)."""
        if not self.enough:
            return [self.label, str(self.n_with), TOO_FEW, "", "", "", ""]
        return [self.label, str(self.n_with), format_nps(self.nps_with), format_nps(self.nps_without),
                format_diff(self.impact), format_ci(self.ci_low, self.ci_high), format_diff(self.overall_effect)]


@dataclass
class DriverTable:
    """One side's table: ``ranked`` topics in order (pain: most overall NPS lost first; delight:
    most gained first), then the topics with too few respondents (most mentioned first).
    ``has_topics`` is False when the side has no topic map yet (``message`` says what to do)."""

    side: str
    title: str  # 「まず直すべき不満」 / 「守るべき喜び」
    ranked: list[TopicDriver] = field(default_factory=list)
    too_few: list[TopicDriver] = field(default_factory=list)
    has_topics: bool = True
    message: str = ""


@dataclass
class DriversReport:
    """The result of ``nps_drivers``: the overall NPS and one table per side asked (pain first)."""

    respondents: int
    promoters: int
    detractors: int
    nps: float  # overall, in points
    min_mentions: int
    tables: list[DriverTable]

    @property
    def passives(self) -> int:
        return self.respondents - self.promoters - self.detractors

    def table(self, side: str) -> DriverTable | None:
        return next((t for t in self.tables if t.side == side), None)

    @property
    def fix_first(self) -> list[TopicDriver]:
        """「まず直すべき不満」: ranked pain topics ([] when pain was not asked)."""
        t = self.table("pain")
        return t.ranked if t else []

    @property
    def protect(self) -> list[TopicDriver]:
        """「守るべき喜び」: ranked delight topics ([] when delight was not asked)."""
        t = self.table("delight")
        return t.ranked if t else []

    def rows(self) -> list[TopicDriver]:
        """Every topic in display order: per table its ranked topics, then its 「件数不足」 ones."""
        return [d for t in self.tables for d in (*t.ranked, *t.too_few)]


def _driver(side: str, tid: int, label: str, total, with_, min_mentions: int) -> TopicDriver:
    n_w = with_.n if with_ else 0
    n_o = total.n - n_w
    d = TopicDriver(side, tid, label, n_w, n_o, n_w / total.n, enough=n_w >= min_mentions and n_o >= min_mentions)
    if not d.enough:
        return d
    e = nps_effect(n_w, with_.promoters, with_.detractors, n_o, total.promoters - with_.promoters,
                   total.detractors - with_.detractors)
    for k in ("nps_with", "nps_without", "impact", "ci_low", "ci_high", "promoter_diff", "promoter_ci_low",
              "promoter_ci_high", "detractor_diff", "detractor_ci_low", "detractor_ci_high"):
        setattr(d, k, getattr(e, k))
    d.overall_effect = e.impact * d.share_with
    d.overall_ci_low, d.overall_ci_high = e.ci_low * d.share_with, e.ci_high * d.share_with
    d.significant = e.significant
    return d


def nps_drivers(project: Project, progress: Progress | None = None, *, min_mentions: int = 5,
                side: str = "all", selected: bool = False) -> DriversReport:
    """How much each pain and delight topic moves NPS (see the module's definitions).
    ``side``: ``pain``, ``delight`` or ``all`` (both tables, pain first). ``selected``: only the
    respondents of the verbatims an export selected (its period and filters; called inside
    ``store.report.selection``). Raises ``InputError`` when there is no survey response with an
    NPS score, or no topic map on any side asked."""
    from voc_app.store import drivers as store
    from voc_app.topics import SIDE_NAMES, topic_list

    if side not in (*SIDES, "all"):
        raise InputError("side は pain、delight、all のどれかです")
    if min_mentions < 1:
        raise InputError("比べるのに必要な人数（--min）は 1 以上にしてください")
    tick = progress or (lambda f, m: None)
    tick(0.0, "NPS を集計")
    total = store.respondent_counts(project.conn, selected)
    if total.n == 0:
        raise InputError("NPS の点数がある回答がありません",
                         hint="NPS（0〜10）の列があるアンケートを取り込んでください"
                              "（列が見分けられないときは voc import … --map nps=列名）")
    sides = SIDES if side == "all" else (side,)
    tables = []
    for i, s in enumerate(sides):
        tick(0.1 + 0.8 * i / len(sides), f"{SIDE_NAMES[s]}のトピック")
        topics = topic_list(project, s)["topics"]
        table = DriverTable(s, TITLES[s])
        if not topics:
            table.has_topics = False
            table.message = (f"{SIDE_NAMES[s]}のトピックがまだありません"
                             f"（voc topics PROJECT --side {s} で推定してください）")
            tables.append(table)
            continue
        counts = store.topic_respondent_counts(project.conn, s, selected)
        drivers = [_driver(s, t["id"], t["label"], total, counts.get(t["id"]), min_mentions) for t in topics]
        sign = 1 if s == "pain" else -1  # pain: most negative first; delight: most positive first
        table.ranked = sorted((d for d in drivers if d.enough),
                              key=lambda d: (sign * d.overall_effect, sign * d.impact, d.topic_id))
        for rank, d in enumerate(table.ranked, start=1):
            d.rank = rank
        table.too_few = sorted((d for d in drivers if not d.enough), key=lambda d: (-d.n_with, d.topic_id))
        tables.append(table)
    if not any(t.has_topics for t in tables):
        what = "・".join(SIDE_NAMES[s] for s in sides)
        how = " と ".join(f"voc topics PROJECT --side {s}" for s in sides)
        raise InputError(f"{what}のトピックがまだありません", hint=f"先に {how} でトピックを推定してください"
                                                                 "（アプリではトピックの画面）")
    tick(1.0, "完了")
    return DriversReport(total.n, total.promoters, total.detractors, nps(*total), min_mentions, tables)
