"""Churn and advocacy cues in one verbatim, with their type and evidence spans."""

from __future__ import annotations

from dataclasses import dataclass, field

from nlp import cues as cue_mod
from nlp.cues import Cue

CHURN_PRIORITY = ("how_to_cancel", "conditional", "switch", "never_again", "refund", "explicit", "dormant")
ADVOCACY_PRIORITY = ("referred", "recommended", "gifted", "review", "community")


@dataclass
class SignalResult:
    flag: bool
    type: str | None
    evidence: list[Cue] = field(default_factory=list)
    blocked_by: list[Cue] = field(default_factory=list)


def _best(raw: list[Cue], priority: tuple[str, ...]) -> str:
    return min(raw, key=lambda c: priority.index(c.type) if c.type in priority else 99).type


def churn(text: str) -> SignalResult:
    raw = cue_mod.find("churn", text)
    hits = cue_mod.remove_overlapped(raw)
    stop = cue_mod.find("churn_negators", text)
    strong = [c for c in hits if c.type in ("how_to_cancel", "switch", "never_again", "conditional")]
    if hits and stop and not strong:
        return SignalResult(False, None, [], stop)
    if not hits:
        return SignalResult(False, None)
    return SignalResult(True, _best(raw, CHURN_PRIORITY), hits)


def advocacy(text: str) -> SignalResult:
    raw = cue_mod.find("advocacy", text)
    hits = cue_mod.remove_overlapped(raw)
    stop = cue_mod.find("advocacy_negators", text)
    if stop:
        hits = [c for c in hits if not any(abs(c.start - s.start) < 15 for s in stop)]
        if not hits:
            return SignalResult(False, None, [], stop)
    if not hits:
        return SignalResult(False, None)
    kept = [c for c in raw if any(h.start <= c.start and c.end <= h.end for h in hits)]
    return SignalResult(True, _best(kept, ADVOCACY_PRIORITY), hits)
