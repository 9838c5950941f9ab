"""Cue lexicons from ``resources/cues/*.tsv``: regular expressions over normalised text,
found with their spans so that every decision can show its evidence."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

from nlp.resources import resource_path


@dataclass(frozen=True, slots=True)
class Cue:
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
            return list(done[name])
    out = []
    for family, type_, pat in lexicon(name):
        for m in pat.finditer(text):
            if m.end() > m.start():
                out.append(Cue(family, type_, m.start(), m.end(), m.group()))
    out.sort(key=_order)
    return out


def _order(c: Cue) -> tuple[int, int]:
    return (c.start, -(c.end - c.start))


# --- many texts at once --------------------------------------------------------------
# Searching each pattern once over all texts of a batch, joined by a separator, replaces
# (patterns × texts) regex calls by (patterns) calls. The joined patterns are rewritten so that
# no match can include the separator and ``$`` / ``^`` still mean the end / start of one text.

SEP = "\ue000"  # a private-use character: never in a lexicon
LEXICONS = ("polarity", "positive_negations", "contrast", "churn", "churn_negators", "advocacy",
            "advocacy_negators", "stage")


def joined_pattern(source: str) -> str:
    """``source`` for texts joined by SEP: ``.`` and negated classes never match SEP, ``$`` is
    the end of a text and ``^`` its start. Raises ValueError on constructs it cannot keep
    inside one text (``\\W``, ``\\S``, ``\\D``, ``\\Z``, ``\\A``)."""
    out = []
    i, n = 0, len(source)
    in_class = False
    class_body = 0  # where the current class's members begin (a ']' there is a member)
    while i < n:
        ch = source[i]
        if ch == "\\":
            nxt = source[i + 1:i + 2]
            if nxt in ("W", "S", "D", "Z", "A"):
                raise ValueError(f"\\{nxt} is not supported in cue patterns")
            out.append(source[i:i + 2])
            i += 2
            continue
        if in_class:
            if ch == "]" and i > class_body:
                in_class = False
            out.append(ch)
        elif ch == "[":
            in_class = True
            if source[i + 1:i + 2] == "^":
                out.append("[^" + SEP)
                i += 2
            else:
                out.append(ch)
                i += 1
            class_body = i
            continue
        elif ch == ".":
            out.append("[^\\n" + SEP + "]")
        elif ch == "$":  # as Python's: the end, or before a newline that ends the text
            out.append(f"(?=\\n?{SEP})")
        elif ch == "^":
            out.append(f"(?<={SEP})")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


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


_found: dict[str, dict[str, list[Cue]]] | None = None


@contextmanager
def searched(texts: Sequence[str]) -> Iterator[None]:
    """Within this block ``find`` answers for these texts from one search of all of them."""
    global _found
    unique = list(dict.fromkeys(texts))
    per_lexicon = {name: find_many(name, unique) for name in LEXICONS}
    previous = _found
    _found = {t: {name: per_lexicon[name][i] for name in LEXICONS} for i, t in enumerate(unique)}
    try:
        yield
    finally:
        _found = previous


def remove_overlapped(cues: list[Cue]) -> list[Cue]:
    """Keep the longest cue where cues overlap (earlier first on ties)."""
    kept: list[Cue] = []
    for c in sorted(cues, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def covered(c: Cue, spans: list[Cue]) -> bool:
    return any(s.start <= c.start and c.end <= s.end for s in spans)
