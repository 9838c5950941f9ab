"""表記ゆれ (spelling variants) for the word views: word -> canonical form. Pure: no Qt, no SQL.

A :class:`Synonyms` is built from (word, canonical) pairs and a ``lemma`` function (Sudachi's
normalized forms of a word, one per token). Words are matched on their normalized form, so a
group 「問合せ → 問い合わせ」 also catches 問合わせ when Sudachi normalizes it the same way, and
verbs in any conjugation (申込ん → 申し込む). A word Sudachi splits into several tokens can only be
matched as written (KWIC and rule phrases), never as a token.

Applied to a stored token ``[surface, normalized, pos]`` (``__call__``), a member of a group
becomes ``[canonical, key, pos]``: every word view then counts the group as one word and shows the
canonical form. The object holds plain dicts: it pickles (background jobs) and never changes text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field


def clean(word: str) -> str:
    """A spelling as compared and stored: NFKC (half-width katakana, full-width letters), no
    surrounding or inner line breaks."""
    return " ".join(unicodedata.normalize("NFKC", word).split())


@dataclass(frozen=True)
class Synonyms:
    canonical_of: dict[str, str] = field(default_factory=dict)  # spelling or normalized form -> canonical
    key_of: dict[str, str] = field(default_factory=dict)  # canonical -> its grouping key (normalized form)
    spellings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # canonical -> the written members
    norms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # canonical -> members' normalized forms
    phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # canonical -> members of several tokens

    def __bool__(self) -> bool:
        return bool(self.canonical_of)

    def canonical(self, normalized: str, surface: str = "") -> str | None:
        """The canonical form of a token (by its normalized form, else as written), or None."""
        c = self.canonical_of.get(normalized.lstrip("\x00"))
        if c is None and surface:
            c = self.canonical_of.get(surface)
        return c

    def __call__(self, token: Sequence[str]) -> Sequence[str]:
        """A stored token ``[surface, normalized, pos, …]`` with a member's canonical form and key."""
        c = self.canonical(token[1], token[0])
        if c is None:
            return token
        return [c, self.key_of[c], *token[2:]]

    def tokens(self, toks: Iterable[Sequence[str]]) -> list[Sequence[str]]:
        return [self(t) for t in toks]

    def pair(self, shown: str, norm: str) -> tuple[str, str]:
        """A topic token ``(display form, normalized)`` (``nlp.topics.Doc``) through the groups; a
        proper noun keeps its marker."""
        c = self.canonical(norm, shown)
        if c is None:
            return shown, norm
        return c, ("\x00" if norm.startswith("\x00") else "") + self.key_of[c]

    def docs(self, docs: Iterable[Sequence[tuple[str, str]]]) -> list[list[tuple[str, str]]]:
        """Topic documents (lists of ``(display form, normalized)``) through the groups."""
        return [[self.pair(s, n) for s, n in d] for d in docs]

    def word(self, word: str, lemma: Callable[[str], list[str]] | None = None) -> str:
        """A word as written (a topic word, a rule word) -> its canonical form, or itself."""
        w = clean(word)
        c = self.canonical_of.get(w)
        if c is None and lemma is not None:
            forms = lemma(w)
            if len(forms) == 1:
                c = self.canonical_of.get(forms[0])
        return c if c is not None else word

    def group(self, normalized: str, word: str = "") -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(normalized forms, spellings) of the group a word belongs to: what a KWIC line or a
        rule word also matches. Empty when the word is in no group."""
        c = self.canonical(normalized, clean(word) if word else "")
        if c is None:
            return (), ()
        return self.norms[c], self.spellings[c]


def build(pairs: Iterable[tuple[str, str]], lemma: Callable[[str], list[str]]) -> Synonyms:
    """Groups from (word, canonical) pairs; later pairs win over earlier ones for the same word
    (project groups are given after the shipped defaults). A chain a → b → c is followed to c;
    a cycle stops where it closes. ``lemma(word)`` gives a word's normalized forms (one per token)."""
    target: dict[str, str] = {}
    for w, c in pairs:
        w, c = clean(w), clean(c)
        if w and c and w != c:
            target[w] = c
        elif w:
            target.pop(w, None)  # a word mapped to itself: taken out of its group
    final: dict[str, str] = {}
    for w in target:
        c, seen = target[w], {w}
        while c in target and c not in seen:
            seen.add(c)
            c = target[c]
        if c != w:
            final[w] = c
    groups: dict[str, list[str]] = {}
    for w, c in final.items():
        groups.setdefault(c, []).append(w)
    canonical_of: dict[str, str] = {}
    key_of: dict[str, str] = {}
    spellings: dict[str, tuple[str, ...]] = {}
    norms: dict[str, tuple[str, ...]] = {}
    phrases: dict[str, tuple[str, ...]] = {}
    cache: dict[str, list[str]] = {}

    def forms(w: str) -> list[str]:
        if w not in cache:
            cache[w] = [f.lstrip("\x00") for f in lemma(w)]
        return cache[w]

    for c, members in groups.items():
        key = forms(c)[0] if len(forms(c)) == 1 else c
        key_of[c] = key
        spellings[c] = tuple(dict.fromkeys([c, *members]))
        group_norms, several = [], []
        for m in spellings[c]:
            f = forms(m)
            if len(f) == 1:
                group_norms.append(f[0])
            else:
                several.append(m)
        phrases[c] = tuple(several)
        group_norms.append(key)
        norms[c] = tuple(dict.fromkeys(group_norms))
    # normalized forms first, then spellings: a spelling always maps to its own group even when
    # another group's member normalizes the same way (a later group wins a shared normalized form)
    for c in groups:
        for n in norms[c]:
            canonical_of[n] = c
    for c in groups:
        for m in spellings[c]:
            canonical_of[m] = c
    return Synonyms(canonical_of, key_of, spellings, norms, phrases)


def read_defaults(lines: Iterable[str]) -> list[tuple[str, str]]:
    """(word, canonical) pairs of the shipped list: one group a line, ``canonical<TAB>variant…``;
    ``#`` starts a comment."""
    out = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = [p.strip() for p in line.split("\t") if p.strip()]
        out += [(v, parts[0]) for v in parts[1:]]
    return out
