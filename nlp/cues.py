"""Cue lexicons from ``resources/cues/*.tsv``: regular expressions over normalised text,
found with their spans so that every decision can show its evidence."""

from __future__ import annotations

import itertools
import os
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, partial
from typing import NamedTuple

from base.resources import resource_path


class Cue(NamedTuple):  # a tuple: created several times per verbatim, ~3× cheaper than a frozen dataclass
    family: str  # pos, neg, churn, advocacy, first_experience ...
    type: str  # praise, explicit, how_to_cancel ...
    start: int  # span in the normalised text
    end: int
    text: str


@cache
def lexicon(name: str) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """Rows (family, type, pattern) of ``resources/cues/NAME.tsv``. Files with two columns
    (type, pattern) use the file name as the family."""
    rows = []
    with open(resource_path("cues", f"{name}.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) == 3:
                family, type_, pattern = parts
            elif len(parts) == 2:
                family, (type_, pattern) = name, parts
            else:
                raise ValueError(f"resources/cues/{name}.tsv line {n}: expected 2 or 3 tab-separated columns")
            try:
                rows.append((family, type_, re.compile(pattern, re.IGNORECASE)))
            except re.error as e:
                raise ValueError(f"resources/cues/{name}.tsv line {n}: {e}") from e
    return tuple(rows)


def find(name: str, text: str) -> list[Cue]:
    """Cues of lexicon ``name`` in ``text``, by position (longest first at one position)."""
    if _found is not None:
        done = _found.get(text)
        if done is not None:
            return list(done.get(name, ()))
    out = []
    for family, type_, pat in lexicon(name):
        for m in pat.finditer(text):
            if m.end() > m.start():
                out.append(Cue(family, type_, m.start(), m.end(), m.group()))
    out.sort(key=_order)
    return out


def _start(c: Cue) -> int:
    return c.start


def _order(c: Cue) -> tuple[int, int]:
    return (c.start, -(c.end - c.start))


# --- many texts at once --------------------------------------------------------------
# Searching each pattern once over all texts of a batch, joined by a separator, replaces
# (patterns × texts) regex calls by (patterns) calls. The joined patterns are rewritten so that
# no match can include the separator and ``$`` / ``^`` still mean the end / start of one text.

SEP = "\ue000"  # a private-use character: never in a lexicon
LEXICONS = ("polarity", "positive_negations", "contrast", "churn", "churn_negators", "advocacy",
            "advocacy_negators", "stage")


def _pieces(source: str) -> Iterator[tuple[int, str, str]]:
    """(index, piece, where) over a pattern's source, where is ``escape`` (a backslash and the
    character after it), ``class`` (a member of ``[...]`` or its closing ``]``), ``open`` (``[``
    or ``[^``) or ``top`` (a character outside classes)."""
    i, n = 0, len(source)
    in_class = False
    class_body = 0  # where the current class's members begin (a ']' there is a member)
    while i < n:
        ch = source[i]
        if ch == "\\":
            yield i, source[i:i + 2], "escape"
            i += 2
        elif in_class:
            if ch == "]" and i > class_body:
                in_class = False
            yield i, ch, "class"
            i += 1
        elif ch == "[":
            piece = "[^" if source[i + 1:i + 2] == "^" else "["
            yield i, piece, "open"
            in_class = True
            i += len(piece)
            class_body = i
        else:
            yield i, ch, "top"
            i += 1


def _rewrite(source: str, *, dot: str, negated: str, end: str, start: str, check: bool) -> str:
    """``source`` with ``.``, the opening of negated classes ``[^``, ``$`` and ``^`` replaced
    (escapes and class members kept as they are)."""
    top = {".": dot, "$": end, "^": start}
    out = []
    for _, piece, where in _pieces(source):
        if where == "escape" and check and piece[1:] in ("W", "S", "D", "Z", "A"):
            raise ValueError(f"{piece} is not supported in cue patterns")
        if where == "open":
            out.append(negated if piece == "[^" else piece)
        elif where == "top":
            out.append(top.get(piece, piece))
        else:
            out.append(piece)
    return "".join(out)


def joined_pattern(source: str) -> str:
    """``source`` for texts joined by SEP: ``.`` and negated classes never match SEP, ``$`` is
    the end of a text and ``^`` its start. Raises ValueError on constructs it cannot keep
    inside one text (``\\W``, ``\\S``, ``\\D``, ``\\Z``, ``\\A``)."""
    # $ as Python's: the end, or before a newline that ends the text
    return _rewrite(source, dot="[^\\n" + SEP + "]", negated="[^" + SEP, end=f"(?=\\n?{SEP})",
                    start=f"(?<={SEP})", check=True)


def broadened_pattern(source: str) -> str:
    """``source`` without its ``^`` / ``$`` anchors: matches wherever ``source`` matches (and
    more) — what the prefilter compiles (Hyperscan refuses anchors inside a pattern)."""
    return _rewrite(source, dot=".", negated="[^", end="", start="", check=False)


@cache
def joined_lexicon(name: str) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    return tuple((family, type_, re.compile(joined_pattern(pat.pattern), pat.flags))
                 for family, type_, pat in lexicon(name))


def find_many(name: str, texts: Sequence[str]) -> list[list[Cue]]:
    """``[find(name, t) for t in texts]``, with one regex search per pattern."""
    from bisect import bisect_right

    joined = SEP + SEP.join(texts) + SEP
    starts = []
    pos = 1
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    out: list[list[Cue]] = [[] for _ in texts]
    for family, type_, pat in joined_lexicon(name):
        for m in pat.finditer(joined):
            s, e = m.span()
            if e > s:
                i = bisect_right(starts, s) - 1
                o = starts[i]
                out[i].append(Cue(family, type_, s - o, e - o, m.group()))
    for cues in out:
        if len(cues) > 1:
            cues.sort(key=_order)
    return out


# --- a compiled prefilter ------------------------------------------------------------
# Python's ``re`` scans every pattern over every character (~25 ns per character per pattern:
# most of the analysis time). Hyperscan (Vectorscan) runs all patterns at once in compiled
# code and says which ones *may* match a text: in prefilter mode its answer is a superset of
# the real matches. It is asked per top-level alternative (``不満|残念|悪い`` is three), and
# ``re`` then runs, on that text, the pattern made of the alternatives that may match, in their
# order. That is exact: an alternative that matches nowhere in a text never decides a match
# there, so leaving it out changes no match, span or order — but the pattern ``re`` scans is a
# few words instead of a hundred. Without Hyperscan (or for a small batch, where compiling
# the database, ~0.4 s, would not pay off) the joined search above runs instead.

PREFILTER_MIN_TEXTS = 300
_PREFILTER_OFF = os.environ.get("VOC_CUE_PREFILTER") == "0"  # for tests and measurements
_local = threading.local()


def alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern: ``a|(?:b|c)|[|]`` → ``a``, ``(?:b|c)``, ``[|]``."""
    out = []
    depth = 0
    last = 0
    for i, piece, where in _pieces(source):
        if where != "top":
            continue
        if piece == "(":
            depth += 1
        elif piece == ")":
            depth -= 1
        elif piece == "|" and depth == 0:
            out.append(source[last:i])
            last = i + 1
    out.append(source[last:])
    return out


@dataclass
class _Prefilter:
    database: object  # hyperscan.Database (None: every pattern is run by re)
    rows: tuple[tuple[str, str, str, re.Pattern[str]], ...]  # (lexicon, family, type, pattern)
    parts: tuple[tuple[str, ...], ...]  # per row: its alternatives (one when it must stay whole)
    ids: tuple[tuple[int, int], ...]  # Hyperscan id → (row, alternative)
    always: tuple[int, ...]  # rows Hyperscan could not compile: run whole on every text
    patterns: dict[tuple[int, tuple[int, ...]], re.Pattern[str]]  # (row, alternatives) → re


@cache
def _prefilter() -> _Prefilter | None:
    if _PREFILTER_OFF:
        return None
    try:
        import hyperscan
    except ImportError:
        return None
    rows = tuple((name, family, type_, pat) for name in LEXICONS for family, type_, pat in lexicon(name))
    # a pattern with group references must stay whole (dropping alternatives renumbers groups)
    parts = tuple((pat.pattern,) if re.search(r"\\[1-9]|\(\?P[<=]", pat.pattern) else tuple(alternatives(pat.pattern))
                  for _, _, _, pat in rows)
    flags = (hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP | hyperscan.HS_FLAG_CASELESS
             | hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY)

    def compile_(ids: list[tuple[int, int]]):
        db = hyperscan.Database()
        db.compile(expressions=[broadened_pattern(parts[r][a]).encode("utf-8") for r, a in ids],
                   ids=list(range(len(ids))), elements=len(ids), flags=[flags] * len(ids))
        return db

    def ids_of(rs) -> list[tuple[int, int]]:
        return [(r, a) for r in rs for a in range(len(parts[r]))]

    always: list[int] = []
    try:
        db = compile_(ids_of(range(len(rows))))
    except hyperscan.error:  # find the patterns it refuses: re runs them whole on every text
        for r in range(len(rows)):
            try:
                compile_(ids_of([r]))
            except hyperscan.error:
                always.append(r)
        kept = [r for r in range(len(rows)) if r not in always]
        db = compile_(ids_of(kept)) if kept else None
    ids = tuple(ids_of(r for r in range(len(rows)) if r not in always))
    return _Prefilter(db, rows, parts, ids, tuple(always), {})


def _pattern(pf: _Prefilter, row: int, alts: tuple[int, ...]) -> re.Pattern[str]:
    """The pattern of ``row`` made of its alternatives ``alts`` (in their order)."""
    pat = pf.patterns.get((row, alts))
    if pat is None:
        whole = pf.rows[row][3]
        if len(alts) == len(pf.parts[row]):
            pat = whole
        else:
            pat = re.compile("|".join(pf.parts[row][a] for a in alts), whole.flags)
        if len(pf.patterns) < 100_000:
            pf.patterns[(row, alts)] = pat
    return pat


def _search_prefiltered(pf: _Prefilter, texts: Sequence[str]) -> list[dict[str, list[Cue]]]:
    """Per text: {lexicon: cues}, exactly as ``find`` returns them."""
    hits: list[int] = []
    add = hits.append

    def on_match(id_: int, start: int, end: int, flags: int, context: object = None) -> None:
        add(id_)

    scan = None
    if pf.database is not None:
        import hyperscan

        # a scratch space belongs to one database and may not be shared by threads
        db, scratch = getattr(_local, "scratch", (None, None))
        if db is not pf.database:
            scratch = hyperscan.Scratch(pf.database)
            _local.scratch = (pf.database, scratch)
        scan = partial(pf.database.scan, match_event_handler=on_match, scratch=scratch)
    rows, ids, patterns = pf.rows, pf.ids, pf.patterns
    whole = tuple((r, tuple(range(len(pf.parts[r])))) for r in pf.always)
    every_row = tuple((r, tuple(range(len(pf.parts[r])))) for r in range(len(rows)))
    out = []
    for t in texts:
        hits.clear()
        try:
            data = t.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: not UTF-8, so Hyperscan cannot vouch for it
            data = None
        if data is None:
            groups = list(every_row)
        else:
            if scan is not None:
                scan(data)
            # alternatives that may match, grouped by row, rows in lexicon order
            todo: dict[int, list[int]] = {}
            for h in sorted(hits):
                r, a = ids[h]
                todo.setdefault(r, []).append(a)
            groups = [(r, tuple(a)) for r, a in todo.items()]
            if whole:
                groups = sorted(groups + list(whole))
        found: dict[str, list[Cue]] = {}
        for key in groups:
            name, family, type_, _ = rows[key[0]]
            pat = patterns.get(key) or _pattern(pf, *key)
            for m in pat.finditer(t):
                s, e = m.span()
                if e > s:
                    found.setdefault(name, []).append(Cue(family, type_, s, e, m.group()))
        for cues in found.values():
            if len(cues) > 1:
                cues.sort(key=_order)
        out.append(found)
    return out


_found: dict[str, dict[str, list[Cue]]] | None = None


@contextmanager
def searched(texts: Sequence[str]) -> Iterator[None]:
    """Within this block ``find`` answers for these texts from one search of all of them."""
    global _found
    unique = list(dict.fromkeys(texts))
    pf = _prefilter() if len(unique) >= PREFILTER_MIN_TEXTS else None
    if pf is not None:
        found = dict(zip(unique, _search_prefiltered(pf, unique), strict=True))
    else:
        per_lexicon = {name: find_many(name, unique) for name in LEXICONS}
        found = {t: {name: per_lexicon[name][i] for name in LEXICONS if per_lexicon[name][i]}
                 for i, t in enumerate(unique)}
    previous = _found
    _found = found
    try:
        yield
    finally:
        _found = previous


def remove_overlapped(cues: list[Cue]) -> list[Cue]:
    """Keep the longest cue where cues overlap (earlier first on ties)."""
    if len(cues) < 2:
        return list(cues)
    by_start = sorted(cues, key=_start)
    if all(a.end <= b.start for a, b in itertools.pairwise(by_start)):  # nothing overlaps
        return by_start
    kept: list[Cue] = []
    for c in sorted(cues, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def covered(c: Cue, spans: list[Cue]) -> bool:
    return any(s.start <= c.start and c.end <= s.end for s in spans)
