"""``analyze(texts)``: polarity, churn, advocacy and journey stage for each verbatim, each with a
calibrated probability and the evidence (character spans in the original text) behind it.

Two layers. The cue layer (``resources/cues``: general constructions — negation, contrast,
concession, questions, churn and advocacy phrasings — and the policy's rules over them,
``analyze_one``) finds evidence and gives a first reading. The learned model
(``nlp.model``, trained by ``bench/train_text_model.py`` on the project's training corpus)
then decides every label from the text's characters, lemmas with negation scope, a meaning
vector, and the cue layer's findings as features. Cue spans that agree with the final label are
its evidence; a label no cue supports is explained by the words that moved the model most.
Without a shipped model the cue layer's labels stand.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from nlp import cues as cue_mod
from nlp import journey, polarity, signals
from nlp.cues import Cue
from nlp.evidence import Evidence
from nlp.normalize import Normalized, is_non_answer, normalize, split_sentences

# Part of the stored analyser version: bump when a code change alters results, so that stored
# analyses are redone (rules-2: the trained refinement keeps the stage cues' evidence; rules-3:
# questions with advocacy stay neutral, a recommendation set against a complaint is mixed,
# reservations after praise, quoted claims, use questions, English answers left to the rules).
# model-1: the learned model decides every label (cues are features and evidence), with
# calibrated probabilities stored per label.
ANALYZER_VERSION = "model-1"


@dataclass
class SentenceResult:
    start: int
    end: int
    polarity: str
    score: float


@dataclass
class VerbatimAnalysis:
    polarity: str  # delight | pain | neutral | mixed
    score: float  # -1 … +1
    churn: bool
    churn_type: str | None
    advocacy: bool
    advocacy_type: str | None
    stage: str  # first_experience | success | advocacy | none
    non_answer: bool
    sentences: list[SentenceResult] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)
    # calibrated probabilities of the learned model: polarity_<label>, stage_<label>, churn,
    # advocacy (empty when no model ships)
    probabilities: dict[str, float] = field(default_factory=dict)
    tokens: list = field(default_factory=list)  # Sudachi tokens of the text (mode C)
    content: list = field(default_factory=list)  # its content words (nlp.tokenize.content_words)

    def probability(self, target: str) -> float | None:
        """P(churn), P(advocacy), or the probability of the chosen polarity / stage label."""
        p = self.probabilities
        if not p:
            return None
        if target in ("churn", "advocacy"):
            return p.get(target)
        return p.get(f"{target}_{getattr(self, target)}")


def _ev(norm: Normalized, kind: str, cues: list[Cue]) -> list[Evidence]:
    out = []
    for c in cues:
        s, e = norm.span(c.start, c.end)
        out.append(Evidence(kind, f"{c.family}/{c.type}", s, e, norm.original[s:e]))
    return out


def _recommended_then_complaint(pol: polarity.PolarityResult, ad: signals.SignalResult,
                                structure: list[Cue]) -> polarity.PolarityResult:
    """Having recommended the offering — or wanting to (「友達にも勧めたいんだけど…」) — is the
    positive part of a text that sets a complaint against it after a contrast: mixed."""
    praise = ad.evidence or [c for c in ad.blocked_by if c.type == "hesitant" and "たい" in c.text]
    negs = [c for c in pol.evidence if c.family == "neg"]
    # not a bare 「が、」: after a noun it marks the subject (「紹介した特典が、…」)
    turns = [c for c in structure if c.type == "contrast" and c.text not in ("が、", "が,")]
    for p in praise:
        for t in turns:
            if p.start < t.start and any(n.start >= t.start for n in negs):
                ev = [Cue("pos", "recommended", p.start, p.end, p.text), *negs]
                return polarity.PolarityResult(polarity.MIXED, 0.0, ev, pol.features)
    return pol


def analyze_one(text: str, norm: Normalized | None = None) -> VerbatimAnalysis:
    norm = norm or normalize(text)
    t = norm.text
    na = is_non_answer(text)
    found = polarity.evaluative_cues(t)  # one search serves the verbatim and its sentences
    structure = polarity.contrast_points(t)
    if na:
        pol = polarity.PolarityResult(polarity.NEUTRAL, 0.0)
    else:
        pol = polarity.decide(t, found, structure)
    sentences = []
    spans = split_sentences(t)
    # one sentence: the same decision
    per = [pol] if len(spans) == 1 else polarity.decide_sentences(t, spans, found, structure)
    for (s, e), r in zip(spans, per, strict=True):
        os_, oe = norm.span(s, e)
        sentences.append(SentenceResult(os_, oe, r.label, r.score))
    ch = signals.churn(t)
    ad = signals.advocacy(t)
    if pol.label == polarity.PAIN and not na:
        pol = _recommended_then_complaint(pol, ad, structure)
    if ad.flag and pol.label == polarity.NEUTRAL and not na and not pol.features.get("question"):
        # an act of advocacy with no complaint is a positive evaluation (recommending = liking
        # it); a question stays a question (「友人も誘いたいのですが、…できますか」)
        pol = polarity.PolarityResult(polarity.DELIGHT, 0.5, [], pol.features)
    st = journey.stage(t, advocacy=ad.flag, non_answer=na,
                       evaluative=pol.label != polarity.NEUTRAL or any(c.family != "neutral" for c in pol.evidence))
    evidence = _ev(norm, "polarity", pol.evidence) + _ev(norm, "churn", ch.evidence) + \
        _ev(norm, "advocacy", ad.evidence) + _ev(norm, "stage", st.evidence)
    feats = dict(pol.features)
    feats.update({f"stage_{k}": v for k, v in st.scores.items()})
    feats["non_answer"] = float(na)
    for c in ch.evidence:
        feats[f"churn_{c.type}"] = feats.get(f"churn_{c.type}", 0) + 1
    for c in ad.evidence:
        feats[f"adv_{c.type}"] = feats.get(f"adv_{c.type}", 0) + 1
    feats["churn_blocked"] = float(bool(ch.blocked_by))
    feats["adv_blocked"] = float(bool(ad.blocked_by))
    return VerbatimAnalysis(pol.label, pol.score, ch.flag, ch.type, ad.flag, ad.type, st.stage, na, sentences,
                            evidence, feats)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector in this block. A batch allocates hundreds of
    thousands of small objects and no reference cycles; the collections they trigger (each one
    walking every live object) took ~20 % of the analysis time. Reference counting still frees
    everything; the collector resumes, as it was, at the end."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def analyze(texts: Sequence[str]) -> list[VerbatimAnalysis]:
    """Analyse verbatims (pure: no I/O beyond reading resources)."""
    with collector_paused():
        return _analyze(texts)


def _analyze(texts: Sequence[str]) -> list[VerbatimAnalysis]:
    from nlp import model
    from nlp.tokenize import content_words, tokenize

    norms = [normalize(t) for t in texts]
    with cue_mod.searched([n.text for n in norms]):  # every lexicon searched once over all texts
        results = [analyze_one(t, n) for t, n in zip(texts, norms, strict=True)]
    tokens = [tokenize(t) for t in texts]
    content = [content_words(t) for t in tokens]
    for r, toks, cw in zip(results, tokens, content, strict=True):
        r.tokens, r.content = toks, cw
    m = model.load()
    if m is not None:
        m.decide(texts, results, norms, tokens, content)
    return results
