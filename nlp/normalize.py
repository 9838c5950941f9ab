"""Normalisation for analysis. The original text is never changed; these functions
return new strings."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from nlp.resources import word_list

_LAUGH_RE = re.compile(r"(?:w{1,}|笑|草)+$")
_ALL_DASH_RE = re.compile(r"^[ー〜~\-]+$")


@cache
def _non_answer_lexicon() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    cores = frozenset(_fold(w) for w in word_list("lexicon/non_answer_cores.txt"))
    prefixes = tuple(sorted({_fold(w) for w in word_list("lexicon/non_answer_prefixes.txt")}, key=len, reverse=True))
    suffixes = tuple(sorted({_fold(w) for w in word_list("lexicon/non_answer_suffixes.txt")}, key=len, reverse=True))
    return cores, prefixes, suffixes


def _fold(s: str) -> str:
    """NFKC, lower case, letters and digits only (punctuation, spaces, symbols dropped)."""
    s = unicodedata.normalize("NFKC", s).lower()
    return "".join(ch for ch in s if unicodedata.category(ch)[0] in "LN")


def _only_punctuation(s: str) -> bool:
    """True when the text has no letters, digits or emoji: '-', '—', '…', '？'."""
    for ch in unicodedata.normalize("NFKC", s):
        cat = unicodedata.category(ch)
        if cat[0] in "LN" and ch not in "ー":
            return False
        if cat == "So":  # emoji and pictographs say something
            return False
    return True


def is_non_answer(text: str) -> bool:
    """Whether an answer says nothing: 特になし, なし, -, —, N/A, ないです〜, 特にないっすｗ …

    Short answers that do say something are not non-answers: 問題なし！,
    使ってないので特にないです, 可もなく不可もなく.
    """
    if not text or not text.strip():
        return False  # empty is not an answer at all; callers skip it
    if len(text) > 40:
        return False
    if _only_punctuation(text):
        return True
    s = _fold(text)
    s = _LAUGH_RE.sub("", s) or s
    if _ALL_DASH_RE.match(s):
        return True
    cores, prefixes, suffixes = _non_answer_lexicon()
    for _ in range(6):
        if s in cores:
            return True
        for p in prefixes:
            if s.startswith(p) and len(s) > len(p):
                s = s[len(p):]
                break
        else:
            for x in suffixes:
                if s.endswith(x) and len(s) > len(x):
                    s = s[: -len(x)]
                    break
            else:
                return False
    return s in cores
