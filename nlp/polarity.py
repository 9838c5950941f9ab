"""Delight / pain / neutral / mixed, decided per sentence and per verbatim from cue lexicons,
with negation (悪くない, 期待したほどではない), contrast (〜けど, ただ, でも: the clause after
weighs more), concessions, resolved complaints, past-vs-present and sarcasm."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlp import cues as cue_mod
from nlp.cues import Cue

DELIGHT, PAIN, NEUTRAL, MIXED = "delight", "pain", "neutral", "mixed"
_CLAUSE_END = re.compile(r"[。!！?？]|けど|けれど|でも|しかし|ただ")
_TRAILING = re.compile(r"(?:けど|けれど|けども|が|のに)(?:ね|ねー|な|なぁ|…|\.\.\.)*[。!！…]*$")
_NOT_FIXED = re.compile(r"(?:が|は|も)?(?:直ら|治ら|消えな|解消されな|改善されな|なくならな|減らな)")
# quoted claims (「…」って書いてある / 謳っている) and phrases said over and over (…ばっかり言われる);
# praise someone said about the product (『きれいですね』って言われた) stays praise
_QUOTED = re.compile(r"[『「“]([^』」”]{1,40})[』」”](?=(?:って|と)(?:書|謳|うた)|ばっか|ばかり)")
_QUESTION = re.compile(r"か[?？]|ますか|でしょうか")
_NEGATE = None


def _negation_re() -> re.Pattern[str]:
    global _NEGATE
    if _NEGATE is None:
        (_, _, pat), = cue_mod.lexicon("negation")
        _NEGATE = pat
    return _NEGATE


@dataclass
class PolarityResult:
    label: str
    score: float  # -1 (pain) … +1 (delight)
    evidence: list[Cue] = field(default_factory=list)  # the cues that decided, in normalised text
    features: dict[str, float] = field(default_factory=dict)


def evaluative_cues(text: str) -> tuple[list[Cue], dict[str, float]]:
    """Positive and negative cues after negation handling; each Cue.family is 'pos' or 'neg'
    (type says why: praise, negated_positive, shortfall, sarcasm …)."""
    feats: dict[str, float] = {}
    special = cue_mod.find("positive_negations", text)
    raw = [c for c in cue_mod.find("polarity", text) if not cue_mod.covered(c, special)]
    out: list[Cue] = []
    neg_re = _negation_re()
    for c in raw:
        if c.family == "neutral":
            out.append(c)
            continue
        after = text[c.end:c.end + 8]
        if c.family == "neg" and _NOT_FIXED.match(after):
            out.append(c)  # 「バグが直らない」: a problem not fixed stays a problem
            continue
        if c.type not in ("shortfall", "sarcasm", "sarcasm_end", "verdict") and neg_re.match(after) and not c.text.endswith(("ない", "なく", "ません")):
            if c.family == "pos":
                out.append(Cue("neg", "negated_positive", c.start, c.end, c.text))
                feats["negated_positive"] = feats.get("negated_positive", 0) + 1
            else:  # 「一度も荒れてない」: a negated problem reads as mild praise
                out.append(Cue("pos", "negated_negative", c.start, c.end, c.text))
                feats["negated_negative"] = feats.get("negated_negative", 0) + 1
            continue
        out.append(c)
    for s in special:
        out.append(Cue(s.family, s.type, s.start, s.end, s.text))
    out = cue_mod.remove_overlapped(out)
    # 「『朝採れ新鮮』って書いてある」「『That's great!』ばっかり言われる」: words quoted from a
    # claim or a repeated phrase are not the customer's evaluation
    quoted = [m.span(1) for m in _QUOTED.finditer(text)]
    if quoted:
        out = [c for c in out if not (c.family == "pos" and any(s <= c.start and c.end <= e for s, e in quoted))]
    # 「時短レシピだと助かります」: what a wish asks for is no praise
    wishes = [c for c in out if c.type == "wish"]
    if wishes:
        out = [c for c in out if not (c.family == "pos" and any(
            w.start - 15 <= c.start < w.start and not _CLAUSE_END.search(text[c.end:w.start]) for w in wishes))]
    # 「もう少し安いと嬉しい」: the positive word after a shortfall is the wish, not praise
    shortfalls = [c for c in out if c.type == "shortfall"]
    if shortfalls:
        def in_wish(c: Cue) -> bool:
            return any(f.end <= c.start <= f.end + 25 and not _CLAUSE_END.search(text[f.end:c.start])
                       for f in shortfalls)
        out = [c for c in out if not (c.family == "pos" and in_wish(c))]
    return out, feats


def contrast_points(text: str) -> list[Cue]:
    return cue_mod.find("contrast", text)


def decide_sentences(text: str, spans: list[tuple[int, int]], found: tuple[list[Cue], dict[str, float]] | None = None,
                     structure: list[Cue] | None = None) -> list[PolarityResult]:
    """Per-sentence decisions from one search of the whole text (cues never cross 。);
    ``found`` / ``structure``: that search when the caller has made it already. The results
    carry no features."""
    ev_all, _ = found if found is not None else evaluative_cues(text)
    st_all = contrast_points(text) if structure is None else structure
    out = []
    for s, e in spans:
        ev = [Cue(c.family, c.type, c.start - s, c.end - s, c.text) for c in ev_all if s <= c.start and c.end <= e]
        if not ev:  # nothing evaluative in this sentence
            out.append(PolarityResult(NEUTRAL, 0.0))
            continue
        st = [Cue(c.family, c.type, c.start - s, c.end - s, c.text) for c in st_all if s <= c.start and c.end <= e]
        if not st:  # the common one-sided sentences, decided as decide() would
            families = {c.family for c in ev}
            if families == {"pos"}:
                out.append(PolarityResult(DELIGHT, 1.0))
                continue
            if families == {"neg"} and not any(c.type in ("sarcasm", "sarcasm_end") for c in ev):
                out.append(PolarityResult(PAIN, -1.0))
                continue
        out.append(decide(text[s:e], (ev, {}), st, features=False))
    return out


def decide(text: str, found: tuple[list[Cue], dict[str, float]] | None = None,
           structure: list[Cue] | None = None, *, features: bool = True) -> PolarityResult:
    """The polarity of ``text``; ``features``: also describe it for the trained refinement
    (cue counts, contrast, question, 言いさし …) in ``PolarityResult.features``."""
    ev, feats = found if found is not None else evaluative_cues(text)
    feats = dict(feats)
    pos = [c for c in ev if c.family == "pos"]
    neg = [c for c in ev if c.family == "neg"]
    mid = [c for c in ev if c.family == "neutral"]
    structure = contrast_points(text) if structure is None else structure
    kinds = {c.type for c in structure}
    if features:
        feats.update({"pos": len(pos), "neg": len(neg), "neutral_cues": len(mid), "contrast": len(structure)})
        for k in ("concession", "resolved", "past_good"):
            feats[k] = float(k in kinds)
        question = text.rstrip().endswith(("?", "？", "か", "かね")) or bool(_QUESTION.search(text))
        feats["question"] = float(question)
        # 言いさし: a trailing contrast with the complaint left unsaid (「…感動したんですけどね」)
        feats["trailing_contrast"] = float(bool(_TRAILING.search(text)))
    # irony: a closing 「さすがです」 counts alone; elsewhere only beside a real complaint
    sarcasm = [c for c in neg if c.type == "sarcasm_end"]
    if any(c.type not in ("sarcasm", "sarcasm_end") for c in neg):
        sarcasm += [c for c in neg if c.type == "sarcasm"]
    else:
        neg = [c for c in neg if c.type != "sarcasm"]
    total = len(pos) + len(neg)
    score = 0.0 if not total else (len(pos) - len(neg)) / total
    if sarcasm:
        return PolarityResult(PAIN, -1.0, sarcasm, feats)
    if not pos and not neg:
        return PolarityResult(NEUTRAL, 0.0, mid, feats)
    if mid and any(c.type == "middling" for c in mid) and not neg:
        return PolarityResult(NEUTRAL, 0.0, mid, feats)  # 「値段相応」「可もなく不可もなく」
    if pos and not neg:
        if "past_good" in kinds:  # 「…使えてた頃は最高だった」: praise of a past that is gone
            return PolarityResult(PAIN, -0.5, pos, feats)
        if _reservation_after(text, pos, structure):
            return PolarityResult(MIXED, 0.0, pos, feats)
        return PolarityResult(DELIGHT, score, pos, feats)
    if neg and not pos:
        return PolarityResult(PAIN, score, neg, feats)
    # both: where does the text end up?
    last = max(ev, key=lambda c: c.end if c.family in ("pos", "neg") else -1)
    first = min((c for c in ev if c.family in ("pos", "neg")), key=lambda c: c.start)
    if features:
        feats["pos_then_neg"] = float(first.family == "pos" and last.family == "neg")
        feats["neg_then_pos"] = float(first.family == "neg" and last.family == "pos")
    turn = [c for c in structure if c.type == "contrast" and first.end <= c.start <= last.start]
    if "past_good" in kinds:  # a past that was good, set against the present
        return PolarityResult(PAIN, score, [c for c in ev if c.family == "neg"] or pos, feats)
    if last.family == "neg" and _resolved_past(text, neg, structure):
        return PolarityResult(DELIGHT, score, pos, feats)
    if last.family == "pos" and ("resolved" in kinds or first.family == "neg"):
        return PolarityResult(DELIGHT, score, pos, feats)  # resolved complaint or positive conclusion
    if last.family == "neg" and "concession" in kinds:
        return PolarityResult(PAIN, score, neg, feats)
    if turn or first.family != last.family:
        return PolarityResult(MIXED, score, pos + neg, feats)
    return PolarityResult(DELIGHT if score > 0 else PAIN, score, pos if score > 0 else neg, feats)


_RESERVATION = re.compile(r"ただ[、,]|でも[、,]|but |however")


def _reservation_after(text: str, pos: list[Cue], structure: list[Cue]) -> bool:
    """「生地の質感は好き。ただ、この値段だとなかなか手が出ない」: praise, then ただ／でも／but and a
    clause of its own with no praise in it — a reservation even without a negative word."""
    last = max(c.end for c in pos)
    for c in structure:
        if c.type == "contrast" and c.start >= last and _RESERVATION.match(c.text):
            rest = text[c.end:]
            return len(rest.strip(" 。.!！…")) >= 8
    return False


_PAST = re.compile(r"^[^。]{0,6}?(?:だった|でした|かった|ました|てた|ていた)")


def _resolved_past(text: str, neg: list[Cue], structure: list[Cue]) -> bool:
    """「最初は不安だったけど、…回り始めました」: every negative is in the past, before a
    contrast, and nothing negative follows it."""
    turns = [c for c in structure if c.type == "contrast"]
    if not turns:
        return False
    turn = turns[-1]
    return all(c.end <= turn.start and _PAST.match(text[c.end:]) for c in neg)
