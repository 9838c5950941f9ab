"""One colour scheme for every chart: good green, neutral grey, bad red, a warning orange.

Promoters, ambassadors and delight are green; loyal customers a lighter green; passives and
neutral answers grey; customers to watch and mixed answers orange; detractors, churn risks and
pain red; dormant customers brown; unknown light grey. ``color_of(code)`` is the only way a
chart picks a colour for a group.
"""

from __future__ import annotations

GREEN = "#59A14F"
LIGHT_GREEN = "#8CD17D"
GREY = "#9D9D9D"
LIGHT_GREY = "#CFCFCF"
ORANGE = "#F28E2B"
RED = "#E15759"
BROWN = "#9C755F"
BLUE = "#4E79A7"  # neither good nor bad: counts, sizes
HIGHLIGHT = "#1F3864"

SCHEME = {
    # NPS groups
    "promoter": GREEN, "passive": GREY, "detractor": RED,
    # loyalty segments
    "ambassador": GREEN, "loyal": LIGHT_GREEN, "watch": ORANGE, "at_risk": RED, "dormant": BROWN, "unknown": LIGHT_GREY,
    # polarity of an answer, and the two topic maps
    "delight": GREEN, "pain": RED, "neutral": GREY, "mixed": ORANGE,
    # signals
    "advocacy": GREEN, "churn": RED,
}


def color_of(code: str | None, default: str = BLUE) -> str:
    """The colour of a group code (``promoter``, ``at_risk``, ``delight`` …)."""
    return SCHEME.get(code or "", default)


def nps_group(score: int) -> str:
    """``promoter`` (9–10), ``passive`` (7–8) or ``detractor`` (0–6)."""
    return "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"


def nps_colors(scores) -> list[str]:
    return [color_of(nps_group(s)) for s in scores]
