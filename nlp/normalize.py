"""Normalisation for analysis. The original text is never changed; these functions
return new strings."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from nlp.resources import word_list

_LAUGH_RE = re.compile(r"(?:w{1,}|笑|草)+$")
_ALL_DASH_RE = re.compile(r"^[ー〜~\-]+$")


@cache
def _non_answer_re() -> re.Pattern[str]:
    """^(prefix)*(core)(suffix)*$ over folded text, built from the word lists in resources/."""

    def alt(name: str) -> str:
        words = sorted({_fold(w) for w in word_list(name)} - {""}, key=len, reverse=True)
        return "|".join(re.escape(w) for w in words)

    return re.compile(
        f"^(?:{alt('lexicon/non_answer_prefixes.txt')})*(?:{alt('lexicon/non_answer_cores.txt')})"
        f"(?:{alt('lexicon/non_answer_suffixes.txt')})*$"
    )


_NON_WORD_RE = re.compile(r"[\W_]+")


def _fold(s: str) -> str:
    """NFKC, lower case, letters and digits only (punctuation, spaces, symbols dropped)."""
    return _NON_WORD_RE.sub("", unicodedata.normalize("NFKC", s).lower())


def _only_punctuation(s: str) -> bool:
    """True when the text has no letters, digits or emoji: '-', '—', '…', '？'."""
    for ch in unicodedata.normalize("NFKC", s):
        cat = unicodedata.category(ch)
        if cat[0] in "LN" and ch not in "ー":
            return False
        if cat == "So":  # emoji and pictographs say something
            return False
    return True


@lru_cache(maxsize=65536)
def is_non_answer(text: str) -> bool:
    """Whether an answer says nothing: 特になし, なし, -, —, N/A, ないです〜, 特にないっすｗ …

    Short answers that do say something are not non-answers: 問題なし！,
    使ってないので特にないです, 可もなく不可もなく.
    """
    if not text or len(text) > 40 or not text.strip():
        return False  # empty is not an answer at all; callers skip it
    if _only_punctuation(text):
        return True
    s = _fold(text)
    s = _LAUGH_RE.sub("", s) or s
    if _ALL_DASH_RE.match(s):
        return True
    return _non_answer_re().match(s) is not None
