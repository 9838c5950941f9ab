"""SudachiPy tokens. The dictionary is created once per process (≈12 ms each time; a new
one per call is hundreds of times slower); inputs over Sudachi's 49,149-byte limit are
split at sentence or line boundaries, never passed whole."""

from __future__ import annotations

import json
import os
import re
import threading
import unicodedata
from functools import cache
from pathlib import Path
from typing import NamedTuple

from base.resources import word_list

MAX_BYTES = 49_149
CONTENT_POS = {"名詞", "動詞", "形容詞", "形状詞", "副詞"}
_local = threading.local()


class Token(NamedTuple):  # a tuple: created for every morpheme, about 3× cheaper than a frozen dataclass
    surface: str
    normalized: str  # Sudachi normalized_form: the grouping key (reads badly: 苛々, 御店)
    dictionary: str  # dictionary_form
    pos: str  # first part-of-speech level
    pos2: str
    start: int  # character offsets in the analysed text
    end: int


_user_dic: str | None = None  # compiled user dictionary in use (see use_user_dictionary)


def use_user_dictionary(path: str | Path | None) -> None:
    """Tokenize with a compiled user dictionary (product and brand names as one token), or
    without one. Tokenizers are re-created per thread on the next call."""
    global _user_dic
    _user_dic = str(path) if path else None


def _tokenizer(mode: str):
    """One Sudachi tokenizer per thread, split mode and user dictionary (a dictionary costs
    ~12 ms to create and is not shared across threads)."""
    cache_ = getattr(_local, "tok", None)
    if cache_ is None:
        cache_ = _local.tok = {}
    key = (mode, _user_dic)
    tok = cache_.get(key)
    if tok is None:
        from sudachipy import Dictionary, SplitMode

        dicts = getattr(_local, "dicts", None)
        if dicts is None:
            dicts = _local.dicts = {}
        d = dicts.get(_user_dic)
        if d is None:
            config = json.dumps({"userDict": [_user_dic]}) if _user_dic else None
            system = system_dictionary()
            d = dicts[_user_dic] = Dictionary(dict=system, config=config) if config else Dictionary(dict=system)
        tok = cache_[key] = d.create(getattr(SplitMode, mode))
    return tok


# Connection ids and cost for user terms: a proper noun (名詞,固有名詞,一般) of SudachiDict core.
_PROPER_NOUN_ID = 4786
_USER_COST = 5000


def system_dictionary() -> str:
    """SudachiDict core: the ``sudachidict_core`` package, or the file named by
    ``VOC_SUDACHI_DIC`` (the desktop bundle ships the same dictionary compressed and unpacks it
    into the user's cache on first start, see ``voc_app.gui.runtime``)."""
    return os.environ.get("VOC_SUDACHI_DIC") or "core"


def system_dictionary_path() -> Path:
    env = os.environ.get("VOC_SUDACHI_DIC")
    if env:
        return Path(env)
    import sudachidict_core

    return Path(sudachidict_core.__file__).parent / "resources" / "system.dic"


def build_user_dictionary(terms: list[tuple[str, str | None]], out: Path) -> Path:
    """Compile ``(term, reading)`` pairs with Sudachi's user-dictionary builder into ``out``."""
    from sudachipy import sudachipy as sp

    lines = []
    for term, reading in terms:
        t = unicodedata.normalize("NFKC", term).strip()
        if not t or "," in t:
            continue
        yomi = (reading or "").strip() or "*"
        lines.append(f"{t},{_PROPER_NOUN_ID},{_PROPER_NOUN_ID},{_USER_COST},{t},名詞,固有名詞,一般,*,*,*,"
                     f"{yomi},{t},*,A,*,*,*,*")
    out.parent.mkdir(parents=True, exist_ok=True)
    src = out.with_suffix(".csv")
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sp.build_user_dic(system_dictionary_path(), [src], out)
    return out


def chunks(text: str, limit: int = MAX_BYTES) -> list[tuple[int, str]]:
    """Pieces of ``text`` (with their start offsets) each under ``limit`` UTF-8 bytes."""
    if len(text) * 4 < limit or len(text.encode("utf-8", "surrogatepass")) < limit:
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


_SURROGATE = re.compile("[\ud800-\udfff]")


def _morphemes(tok, piece: str):
    """Sudachi's morphemes of ``piece``; a lone surrogate (Python lets one into a str, e.g. from a
    JSON escape; Sudachi takes UTF-8 only) is read as U+FFFD, one character for one, so every
    offset stays the same."""
    try:
        return tok.tokenize(piece)
    except UnicodeEncodeError:
        return tok.tokenize(_SURROGATE.sub("\ufffd", piece))


def tokenize(text: str, mode: str = "C") -> list[Token]:
    tok = _tokenizer(mode)
    pos_of = _pos_pairs()
    out: list[Token] = []
    for offset, piece in chunks(text):
        for m in _morphemes(tok, piece):
            pid = m.part_of_speech_id()
            pos = pos_of.get(pid)
            if pos is None:  # the two levels we keep, read once per part of speech (not per morpheme)
                full = _local.dicts[_user_dic].pos_of(pid)
                pos = pos_of[pid] = (full[0], full[1])
            out.append(Token(m.surface(), m.normalized_form(), m.dictionary_form(), pos[0], pos[1],
                             offset + m.begin(), offset + m.end()))
    return out


def _pos_pairs() -> dict[int, tuple[str, str]]:
    """Part-of-speech id → its first two levels (per thread and dictionary)."""
    tables = getattr(_local, "pos_pairs", None)
    if tables is None:
        tables = _local.pos_pairs = {}
    return tables.setdefault(_user_dic, {})


def content_triples(text: str, mode: str = "C") -> list[list[str]]:
    """``[surface, normalized_form, pos]`` of the content words of ``text`` — the same as
    ``content_words(tokenize(text))`` — deciding by part-of-speech id before reading anything
    else of a morpheme (what analysis stores for every verbatim: about twice as fast)."""
    tok = _tokenizer(mode)
    table = _content_pos()
    stop = stopwords()
    out: list[list[str]] = []
    for _, piece in chunks(text):
        for m in _morphemes(tok, piece):
            pid = m.part_of_speech_id()
            pos = table.get(pid)
            if pos is None:
                pos = table[pid] = _content_pos_name(_local.dicts[_user_dic].pos_of(pid))
            if pos:
                surface, normalized = m.surface(), m.normalized_form()
                if _kept(surface, normalized, stop):
                    out.append([surface, normalized, pos])
    return out


def _content_pos() -> dict[int, str]:
    """Part-of-speech id → its first level for content words, '' for the rest (per thread and
    dictionary: a user dictionary may add parts of speech)."""
    tables = getattr(_local, "content_pos", None)
    if tables is None:
        tables = _local.content_pos = {}
    return tables.setdefault(_user_dic, {})


def _content_pos_name(pos: tuple[str, ...]) -> str:
    return pos[0] if _is_content_pos(pos[0], pos[1]) else ""


def _is_content_pos(pos: str, pos2: str) -> bool:
    """The parts of speech content words have: no numerals, no dependent (非自立可能) words."""
    return pos in CONTENT_POS and pos2 not in ("数詞", "非自立可能")


def _kept(surface: str, normalized: str, stop: frozenset[str]) -> bool:
    return normalized not in stop and surface not in stop and not surface.isdigit()


@cache
def stopwords() -> frozenset[str]:
    return frozenset(word_list("stopwords_ja.txt"))


def content_words(tokens: list[Token]) -> list[Token]:
    """Nouns, verbs, adjectives, adjectival nouns and adverbs; no numerals, symbols or stopwords."""
    stop = stopwords()
    return [t for t in tokens if _is_content_pos(t.pos, t.pos2) and _kept(t.surface, t.normalized, stop)]
