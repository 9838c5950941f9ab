"""Normalisation for analysis. The original text is never changed; these functions
return new strings."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from base.resources import word_list

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


@cache
def _first_characters() -> frozenset[str]:
    """Every character a folded non-answer can start with: the first letters of the prefixes
    and cores, laughter and the long-vowel mark."""
    words = [_fold(w) for name in ("prefixes", "cores") for w in word_list(f"lexicon/non_answer_{name}.txt")]
    return frozenset(w[0] for w in words if w) | set("wｗ笑草ー")


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
    head = text.lstrip()[:2]  # two characters: a half-width kana and its voiced mark fold into one
    if head[0].isalnum() and _fold(head)[:1] not in _first_characters():
        return False  # most answers: the first letter already rules every word list out
    s = _fold(text)
    if not s or s == "ー" * len(s):
        return _only_punctuation(text)  # '-', '—', '？' say nothing; an emoji says something
    s = _LAUGH_RE.sub("", s) or s
    if _ALL_DASH_RE.match(s):
        return True
    return _non_answer_re().match(s) is not None


# --- normalisation for analysis, with a map back to the original -------------------

_URL_RE = re.compile(r"https?://[^\s　]+|www\.[^\s　]+")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_RE = re.compile(r"(?<!\d)(?:0\d{1,4}[-(]?\d{1,4}[-)]?\d{3,4}|\+81[-\s]?\d{1,4}[-\s]?\d{1,4}[-\s]?\d{3,4})(?!\d)")
# a single w is laughter only after something that is not a Latin letter (「草w」, not "how to")
_LAUGH_RUN_RE = re.compile(r"(?:(?<=[^a-z])|^)[wｗ]{2,}|(?<![a-z])[wｗ](?=$|[\s。！？!?、])|(?:笑)+(?=$|[\s。！？!?、)）])|\(笑\)|（笑）")
_LONG_RE = re.compile(r"([ー〜~～])\1+")
_UPPER = re.compile(r"[A-Z]")
# Whatever any of the five patterns above could change (a superset: one search to skip them all)
_MAYBE_REPLACED = re.compile(r"https?://|www\.|@|\d|[wｗ笑]|[ー〜~～]{2}")


_REPLACEMENTS = ((_URL_RE, "<url>"), (_EMAIL_RE, "<email>"), (_PHONE_RE, "<tel>"), (_LAUGH_RUN_RE, "笑"),
                 (_LONG_RE, r"\1"))


class _Folded(dict):
    """``str.translate`` table: code point → its NFKC form in lower case, filled as met."""

    vanishing = False  # whether some character folded into nothing (then lengths prove nothing)

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = self[code] = (unicodedata.normalize("NFKC", ch) if not ch.isascii() else ch).lower()
        if not folded:
            _Folded.vanishing = True
        return folded


_FOLD = _Folded()


@dataclass
class Normalized:
    """Text for analysis and, for each of its characters, the index of the original character
    it came from (so evidence found in ``text`` can be shown in the original)."""

    text: str
    origin: list[int] | None  # None: the text is the original (each character maps to itself)
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original character span of normalised ``[start, end)``."""
        origin = self.origin
        if origin is None:  # nothing changed: positions are the same
            s = min(start, len(self.text) - 1)
            return (s, end if end > start else s) if self.text else (0, 0)
        if not origin:
            return (0, 0)
        s = origin[min(start, len(origin) - 1)]
        e = origin[end - 1] + 1 if end > start else s
        return (s, e)


def normalize(text: str) -> Normalized:
    """NFKC (half-width kana, full-width digits and letters), lower case, long vowels and
    〜 runs collapsed, laughter (www, ｗｗ, 笑) → ``笑``, URLs / e-mail / phone numbers
    masked as ``<url>``, ``<email>``, ``<tel>``. Emoji and kaomoji are kept as they are cues."""
    if unicodedata.is_normalized("NFKC", text) and not _UPPER.search(text):
        # fast path: nothing to fold character by character, and usually nothing to replace
        if not _MAYBE_REPLACED.search(text):
            return Normalized(text, None, text)
        s, origin = text, list(range(len(text)))
        for pattern, repl in _REPLACEMENTS:
            s, origin = _sub_with_origin(pattern, repl, s, origin)
        return Normalized(s, origin, text)
    s = text.translate(_FOLD)
    if len(s) == len(text) and not _Folded.vanishing and "\u3099" not in s and "\u309a" not in s:
        # every character folded into exactly one (no character folds into none): the same
        # positions, nothing to compose (ﾞ ﾟ fold into combining marks)
        if not _MAYBE_REPLACED.search(s):
            return Normalized(s, None, text)
        origin = list(range(len(s)))
        for pattern, repl in _REPLACEMENTS:
            s, origin = _sub_with_origin(pattern, repl, s, origin)
        return Normalized(s, origin, text)
    return _normalize_by_character(text)


def _normalize_by_character(text: str) -> Normalized:
    """``normalize`` one character at a time (what the faster paths above must equal)."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for c in _FOLD[ord(ch)]:
            if c in "\u3099\u309a" and chars:  # ﾞ ﾟ: compose with the kana before (ｺﾞ → ゴ)
                composed = unicodedata.normalize("NFC", chars[-1] + c)
                if len(composed) == 1:
                    chars[-1] = composed
                    continue
            chars.append(c)
            origin.append(i)
    s = "".join(chars)
    for pattern, repl in _REPLACEMENTS:
        s, origin = _sub_with_origin(pattern, repl, s, origin)
    return Normalized(s, origin, text)


def _sub_with_origin(pattern: re.Pattern[str], repl: str, s: str, origin: list[int]) -> tuple[str, list[int]]:
    out: list[str] = []
    org: list[int] = []
    last = 0
    for m in pattern.finditer(s):
        out.append(s[last:m.start()])
        org.extend(origin[last:m.start()])
        r = m.expand(repl)
        out.append(r)
        org.extend([origin[m.start()]] * len(r))
        last = m.end()
    if last == 0:
        return s, origin
    out.append(s[last:])
    org.extend(origin[last:])
    return "".join(out), org


_SENT_END = set("。！？!?\n")
_OPEN, _CLOSE = "「『（(【[“", "」』）)】]”"


_ANY_BRACKET = re.compile("[" + re.escape(_OPEN + _CLOSE) + "]")
# without brackets or quotes: a sentence is what runs up to (and with) a run of end marks
_PLAIN_SENTENCE = re.compile(r"[^。！？!?\n]*[。！？!?\n]+|[^。！？!?\n]+\Z")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``[start, end)``: ends at 。！？!? and line breaks, not inside brackets or
    quotes; a run of end marks stays with its sentence."""
    if not _ANY_BRACKET.search(text):
        return [m.span() for m in _PLAIN_SENTENCE.finditer(text) if not m.group().isspace()]
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in _SENT_END and (depth == 0 or ch == "\n"):
            j = i + 1
            while j < n and (text[j] in _SENT_END or text[j] in _CLOSE):
                j += 1
            if text[start:j].strip():
                spans.append((start, j))
            start = j
            depth = 0
            i = j
            continue
        i += 1
    if text[start:].strip():
        spans.append((start, n))
    return spans
