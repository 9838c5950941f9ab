"""SudachiPy tokens. The dictionary is created once per process (≈12 ms each time; a new
one per call is hundreds of times slower); inputs over Sudachi's 49,149-byte limit are
split at sentence or line boundaries, never passed whole."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache

from nlp.resources import word_list

MAX_BYTES = 49_149
CONTENT_POS = {"名詞", "動詞", "形容詞", "形状詞", "副詞"}
_local = threading.local()


@dataclass(frozen=True, slots=True)
class Token:
    surface: str
    normalized: str  # Sudachi normalized_form: the grouping key (reads badly: 苛々, 御店)
    dictionary: str  # dictionary_form
    pos: str  # first part-of-speech level
    pos2: str
    start: int  # character offsets in the analysed text
    end: int


def _tokenizer(mode: str):
    """One Sudachi tokenizer per thread and split mode (dictionaries are not shared across threads)."""
    cache_ = getattr(_local, "tok", None)
    if cache_ is None:
        cache_ = _local.tok = {}
    tok = cache_.get(mode)
    if tok is None:
        from sudachipy import Dictionary, SplitMode

        d = getattr(_local, "dict", None)
        if d is None:
            d = _local.dict = Dictionary(dict="core")
        tok = cache_[mode] = d.create(getattr(SplitMode, mode))
    return tok


def chunks(text: str, limit: int = MAX_BYTES) -> list[tuple[int, str]]:
    """Pieces of ``text`` (with their start offsets) each under ``limit`` UTF-8 bytes."""
    if len(text) * 4 < limit or len(text.encode("utf-8")) < limit:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit // 4)
        # prefer a sentence or line end inside the window
        cut = max(text.rfind(c, start, end) for c in "。\n！？!?")
        if cut > start and end < len(text):
            end = cut + 1
        out.append((start, text[start:end]))
        start = end
    return out


def tokenize(text: str, mode: str = "C") -> list[Token]:
    tok = _tokenizer(mode)
    out: list[Token] = []
    for offset, piece in chunks(text):
        for m in tok.tokenize(piece):
            pos = m.part_of_speech()
            out.append(Token(m.surface(), m.normalized_form(), m.dictionary_form(), pos[0], pos[1],
                             offset + m.begin(), offset + m.end()))
    return out


@cache
def stopwords() -> frozenset[str]:
    return frozenset(word_list("stopwords_ja.txt"))


def content_words(tokens: list[Token]) -> list[Token]:
    """Nouns, verbs, adjectives, adjectival nouns and adverbs; no numerals, symbols or stopwords."""
    stop = stopwords()
    return [t for t in tokens if t.pos in CONTENT_POS and t.pos2 not in ("数詞", "非自立可能")
            and t.normalized not in stop and t.surface not in stop and not t.surface.isdigit()]
