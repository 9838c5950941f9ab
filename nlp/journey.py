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


def stage(text: str, *, advocacy: bool, non_answer: bool, evaluative: bool = True) -> StageResult:
    """advocacy when the text advocates; none for non-answers; first_experience with a
    first-time cue (arrival, unboxing, set-up, first use …) unless the text speaks of repeated
    use; none for procedures, payments and pre-purchase matters without a use cue; success —
    the product in continued use — otherwise (the default for an evaluation of the product)."""
    if advocacy:
        return StageResult("advocacy")
    if non_answer:
        return StageResult("none")
    hits = cue_mod.remove_overlapped(cue_mod.find("stage", text))
    scores = {s: float(sum(1 for c in hits if c.type == s))
              for s in ("first_experience", "success", "none", "repeat", "use_question", "procedure")}
    if scores["repeat"]:  # deliveries and first-time cues that speak of repeated use are continued use
        scores["success"] += scores["repeat"]
        scores["first_experience"] = 0.0

    def pick(s: str) -> StageResult:
        kinds = {s, "repeat", "use_question"} if s in ("success", "use_question") else {s}
        return StageResult("success" if s == "use_question" else s, [c for c in hits if c.type in kinds], scores)

    if scores["first_experience"] and scores["first_experience"] >= scores["success"] - scores["repeat"]:
        return pick("first_experience")
    if scores["none"] and not scores["success"]:
        return pick("none")
    if scores["success"] or evaluative:
        return pick("success")
    if scores["use_question"] and not scores["none"] and not scores["procedure"]:
        # a question or request about using the product (「…はできますか」「…方法を教えてください」),
        # not about a procedure (cancelling, refunds, payment: none)
        return pick("use_question")
    return pick("none")
