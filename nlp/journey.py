"""Post-purchase journey stage: first_experience | success | advocacy | none."""

from __future__ import annotations

from dataclasses import dataclass, field

from nlp import cues as cue_mod
from nlp.cues import Cue

STAGES = ("first_experience", "success", "advocacy", "none")


@dataclass
class StageResult:
    stage: str
    evidence: list[Cue] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)


def stage(text: str, *, advocacy: bool, non_answer: bool) -> StageResult:
    if advocacy:
        return StageResult("advocacy")
    if non_answer:
        return StageResult("none")
    hits = cue_mod.remove_overlapped(cue_mod.find("stage", text))
    scores = {s: float(sum(1 for c in hits if c.type == s)) for s in ("first_experience", "success", "none")}
    if not hits:
        return StageResult("none", [], scores)
    best = max(("first_experience", "success", "none"), key=lambda s: (scores[s], s == "success"))
    if scores["first_experience"] and scores["first_experience"] >= scores["success"]:
        best = "first_experience"
    return StageResult(best, [c for c in hits if c.type == best], scores)
