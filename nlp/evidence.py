"""Evidence: the spans of a text that support its labels (cue findings that agree with the final
labels, or the words that moved the model), shared by the cue layer and the model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Evidence:
    kind: str  # polarity | churn | advocacy | stage
    label: str  # e.g. pos/praise, neg/shortfall, churn/how_to_cancel, stage/first_experience
    start: int  # span in the original text
    end: int
    text: str  # the original text of the span

    def as_dict(self) -> dict:
        return {"kind": self.kind, "label": self.label, "start": self.start, "end": self.end, "text": self.text}


def stage_of(label: str) -> str:
    """'stage/success' → 'success'; a 'repeat' cue (continued use) and a question about using the
    product ('use_question') are evidence of success."""
    kind = label.split("/", 1)[-1]
    return "success" if kind in ("repeat", "use_question") else kind


def _agrees(label: str, polarity: str) -> bool:
    fam = label.split("/", 1)[0]
    return {"delight": fam == "pos", "pain": fam == "neg", "mixed": fam in ("pos", "neg"),
            "neutral": fam == "neutral"}.get(polarity, False)


def label_evidence(r: Any) -> list[Evidence]:
    """The cue evidence of ``r`` that agrees with its (final) labels."""
    out = []
    for e in r.evidence:
        if e.kind == "polarity":
            ok = _agrees(e.label, r.polarity)
        elif e.kind == "churn":
            ok = r.churn
        elif e.kind == "advocacy":
            ok = r.advocacy
        elif e.kind == "stage":
            ok = stage_of(e.label) == r.stage
        else:
            ok = True
        if ok:
            out.append(e)
    return out
