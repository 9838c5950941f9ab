"""Churn and advocacy cues in one verbatim, with their type and evidence spans."""

from __future__ import annotations

from dataclasses import dataclass, field

from nlp import cues as cue_mod
from nlp.cues import Cue

CHURN_PRIORITY = ("how_to_cancel", "explicit", "switch", "never_again", "conditional", "refund", "dormant")
ADVOCACY_PRIORITY = ("referred", "recommended", "gifted", "review", "community")


@dataclass
class SignalResult:
    flag: bool
    type: str | None
    evidence: list[Cue] = field(default_factory=list)
    blocked_by: list[Cue] = field(default_factory=list)


def churn(text: str) -> SignalResult:
    hits = cue_mod.remove_overlapped(cue_mod.find("churn", text))
    stop = cue_mod.find("churn_negators", text)
    strong = [c for c in hits if c.type in ("how_to_cancel", "switch", "never_again", "conditional")]
    if hits and stop and not strong:
        return SignalResult(False, None, [], stop)
    if not hits:
        return SignalResult(False, None)
    best = min(hits, key=lambda c: CHURN_PRIORITY.index(c.type) if c.type in CHURN_PRIORITY else 99)
    return SignalResult(True, best.type, hits)


def advocacy(text: str) -> SignalResult:
    hits = cue_mod.remove_overlapped(cue_mod.find("advocacy", text))
    stop = cue_mod.find("advocacy_negators", text)
    if stop:
        hits = [c for c in hits if not any(abs(c.start - s.start) < 15 for s in stop)]
        if not hits:
            return SignalResult(False, None, [], stop)
    if not hits:
        return SignalResult(False, None)
    best = min(hits, key=lambda c: ADVOCACY_PRIORITY.index(c.type) if c.type in ADVOCACY_PRIORITY else 99)
    return SignalResult(True, best.type, hits)
