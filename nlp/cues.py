"""Cue lexicons from ``resources/cues/*.tsv``: regular expressions over normalised text,
found with their spans so that every decision can show its evidence."""

from __future__ import annotations

import re
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
    out = []
    for family, type_, pat in lexicon(name):
        for m in pat.finditer(text):
            if m.end() > m.start():
                out.append(Cue(family, type_, m.start(), m.end(), m.group()))
    out.sort(key=lambda c: (c.start, -(c.end - c.start)))
    return out


def remove_overlapped(cues: list[Cue]) -> list[Cue]:
    """Keep the longest cue where cues overlap (earlier first on ties)."""
    kept: list[Cue] = []
    for c in sorted(cues, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def covered(c: Cue, spans: list[Cue]) -> bool:
    return any(s.start <= c.start and c.end <= s.end for s in spans)
