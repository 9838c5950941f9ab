"""Inter-coder agreement on code presence per verbatim. Pure: no Qt, no SQL.

The unit is a verbatim, the judgement per code is "applied or not" (a span anywhere in the
verbatim counts as applied). Cohen's kappa (scikit-learn) compares two coders over the units
both reviewed; Krippendorff's alpha (the ``krippendorff`` package, nominal) takes any number of
coders and units some of them did not review.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np


def cohen_kappa(a: Sequence, b: Sequence) -> float:
    """Cohen's kappa of two coders' labels for the same units; NaN when undefined (both
    coders gave one and the same label to every unit: chance agreement is 1)."""
    if len(a) != len(b):
        raise ValueError("two coders need the same units")
    if not a:
        return math.nan
    if len(set(a) | set(b)) < 2:
        return math.nan
    from sklearn.metrics import cohen_kappa_score

    return float(cohen_kappa_score(list(a), list(b)))


def percent_agreement(a: Sequence, b: Sequence) -> float:
    return 100.0 * sum(x == y for x, y in zip(a, b, strict=True)) / len(a) if a else math.nan


def krippendorff_alpha(data: Sequence[Sequence[float | None]], level: str = "nominal") -> float:
    """Krippendorff's alpha. ``data``: one row per coder, one column per unit, None (or NaN)
    where a coder did not code the unit. NaN when undefined (fewer than two pairable values or
    one value throughout)."""
    import krippendorff

    arr = np.array([[np.nan if v is None else float(v) for v in row] for row in data], dtype=float)
    pairable = (~np.isnan(arr)).sum(axis=0) >= 2
    values = arr[:, pairable]
    values = values[~np.isnan(values)]
    if values.size < 2 or len(np.unique(values)) < 2:
        return math.nan
    return float(krippendorff.alpha(reliability_data=arr, level_of_measurement=level))


@dataclass
class CodeAgreement:
    code: int
    units: int
    applied: dict[str, int]  # coder -> units where the coder applied the code
    percent: float
    kappa: float  # two coders only (NaN otherwise)
    alpha: float


@dataclass
class Disagreement:
    unit: int
    code: int
    applied_by: list[str]
    not_applied_by: list[str]


@dataclass
class AgreementReport:
    coders: list[str]
    units: int
    codes: list[CodeAgreement] = field(default_factory=list)
    overall_percent: float = math.nan
    overall_kappa: float = math.nan
    overall_alpha: float = math.nan
    disagreements: list[Disagreement] = field(default_factory=list)


def agreement(coded: Mapping[str, Mapping[int, set[int]]], reviewed: Mapping[str, set[int]],
              codes: Sequence[int]) -> AgreementReport:
    """Agreement between coders.

    ``coded[coder][unit]`` is the set of codes the coder applied to the unit; ``reviewed[coder]``
    the units the coder went through (coded, or decided that no code applies). Kappa and the
    percentages use the units every coder reviewed; alpha uses every unit at least two coders
    reviewed (the others are missing values). Overall figures pool all (unit, code) decisions.
    """
    coders = list(coded)
    if len(coders) < 2:
        raise ValueError("agreement needs at least two coders")
    common = sorted(set.intersection(*(set(reviewed.get(c, ())) for c in coders)))
    some = sorted(u for u in set.union(*(set(reviewed.get(c, ())) for c in coders))
                  if sum(u in reviewed.get(c, ()) for c in coders) >= 2)
    rep = AgreementReport(coders=coders, units=len(common))
    pooled: dict[str, list[int]] = {c: [] for c in coders}
    pooled_alpha: list[list[float | None]] = [[] for _ in coders]
    for code in codes:
        labels = {c: [int(code in coded[c].get(u, ())) for u in common] for c in coders}
        alpha_rows = [[(float(code in coded[c].get(u, ())) if u in reviewed.get(c, ()) else None) for u in some]
                      for c in coders]
        for c in coders:
            pooled[c] += labels[c]
        for i, row in enumerate(alpha_rows):
            pooled_alpha[i] += row
        all_same = [len({labels[c][k] for c in coders}) == 1 for k in range(len(common))]
        two = len(coders) == 2
        rep.codes.append(CodeAgreement(
            code=code, units=len(common), applied={c: sum(labels[c]) for c in coders},
            percent=100.0 * sum(all_same) / len(common) if common else math.nan,
            kappa=cohen_kappa(labels[coders[0]], labels[coders[1]]) if two else math.nan,
            alpha=krippendorff_alpha(alpha_rows)))
        for k, u in enumerate(common):
            if not all_same[k]:
                rep.disagreements.append(Disagreement(
                    unit=u, code=code, applied_by=[c for c in coders if labels[c][k]],
                    not_applied_by=[c for c in coders if not labels[c][k]]))
    if common and codes:
        n = len(pooled[coders[0]])
        rep.overall_percent = 100.0 * sum(len({pooled[c][k] for c in coders}) == 1 for k in range(n)) / n
        if len(coders) == 2:
            rep.overall_kappa = cohen_kappa(pooled[coders[0]], pooled[coders[1]])
    if codes:
        rep.overall_alpha = krippendorff_alpha(pooled_alpha)
    rep.disagreements.sort(key=lambda d: (d.unit, d.code))
    return rep
