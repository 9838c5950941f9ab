"""Coding rules in the manner of KH Coder's, on our Sudachi tokens. Pure: no Qt, no SQL.

Grammar (precedence: NOT > AND > OR; parentheses group; adjacent terms are ANDed)::

    rule    := or
    or      := and (("|" | "OR" | "または") and)*
    and     := not (("&" | "AND" | "かつ")? not)*
    not     := ("!" | "-" | "NOT" | "でない") not | atom
    atom    := "(" rule ")" | phrase | field ":" value | keyword | word
    phrase  := '"…"' | 「…」             substring of the text (NFKC, case-folded)
    word    := a word, matched as a token lemma: Sudachi's normalized form, so 届く finds
               届いた / 届きました and イライラ finds いらいら; "配送*" matches lemmas starting
               with 配送. A "word" that Sudachi splits into several tokens is matched as a phrase.
    keyword := delight | pain | mixed | neutral | churn | advocacy
    field   := polarity | stage | kind | question | topic | attr | nps | code
               e.g. polarity:不満  stage:success  kind:support  question:"嬉しかった"
                    topic:12  topic:"配送"  attr:年代=30代  nps:0-6  nps:9

Evaluation is vectorised: a rule over a :class:`Corpus` of N documents gives a boolean numpy
array of N values. Word lookups search the stored token JSON (``[["surface", "normalized",
"pos"], …]``) for the exact normalized field, so no JSON is parsed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from base.errors import UserError
from nlp.synonyms import Synonyms

KEYWORDS = {"delight": ("polarity", "delight"), "pain": ("polarity", "pain"), "mixed": ("polarity", "mixed"),
            "neutral": ("polarity", "neutral"), "churn": ("signal", "churn"), "advocacy": ("signal", "advocacy")}
FIELDS = ("polarity", "stage", "kind", "question", "topic", "attr", "nps", "code", "signal")
# Japanese labels users see in the app, accepted as field values
VALUE_ALIASES = {
    "polarity": {"喜び": "delight", "不満": "pain", "混在": "mixed", "中立": "neutral"},
    "stage": {"初回体験": "first_experience", "成功体験": "success", "推奨": "advocacy", "なし": "none"},
    "kind": {"アンケート": "survey", "問い合わせ": "support", "インタビュー": "interview"},
    "signal": {"解約": "churn", "推奨": "advocacy"},
}
_OP_WORDS = {"AND": "&", "かつ": "&", "OR": "|", "または": "|", "NOT": "!", "でない": "!"}


class RuleError(UserError, ValueError):
    """A rule that cannot be parsed; ``pos`` is the character offset (0-based)."""

    def __init__(self, message: str, pos: int, rule: str) -> None:
        super().__init__(f"{pos + 1} 文字目: {message}（ルール: {rule}）")
        self.pos = pos
        self.rule = rule


# --- AST --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Word:
    text: str


@dataclass(frozen=True)
class Phrase:
    text: str


@dataclass(frozen=True)
class Field:
    name: str
    value: str


@dataclass(frozen=True)
class Not:
    item: Node


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


Node = Word | Phrase | Field | Not | And | Or


# --- lexer and parser -------------------------------------------------------------------------

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<punct>[()&|!（）＆｜！])
  | (?P<quoted>"(?:[^"\\]|\\.)*"|「[^」]*」|“[^”]*”)
  | (?P<field>(?:polarity|stage|kind|question|topic|attr|nps|code|signal)\s*[:：])
  | (?P<word>[^\s()&|!（）＆｜！"「“]+)
""", re.X | re.I)
_FULL = {"（": "(", "）": ")", "＆": "&", "｜": "|", "！": "!"}


def _lex(rule: str) -> list[tuple[str, str, int]]:
    out, pos = [], 0
    while pos < len(rule):
        m = _TOKEN.match(rule, pos)
        if not m:
            raise RuleError(f"読めない文字「{rule[pos]}」", pos, rule)
        kind = m.lastgroup
        text = m.group()
        if kind == "punct":
            out.append(("op", _FULL.get(text, text), pos))
        elif kind == "quoted":
            body = text[1:-1]
            if text[0] == '"':
                body = re.sub(r"\\(.)", r"\1", body)
            out.append(("phrase", body, pos))
        elif kind == "field":
            out.append(("field", text.rstrip(":： ").lower(), pos))
        elif kind == "word":
            op = _OP_WORDS.get(text.upper(), _OP_WORDS.get(text))
            if op:
                out.append(("op", op, pos))
            elif text == "-":
                out.append(("op", "!", pos))
            elif text.startswith("-") and len(text) > 1:
                out.append(("op", "!", pos))
                out.append(("word", text[1:], pos + 1))
            else:
                out.append(("word", text, pos))
        pos = m.end()
    return out


def parse(rule: str) -> Node:
    """Parse a rule into its syntax tree; raises :class:`RuleError` with the position."""
    toks = _lex(rule)
    if not toks:
        raise RuleError("ルールが空です", 0, rule)
    i = 0

    def peek():
        return toks[i] if i < len(toks) else None

    def take():
        nonlocal i
        i += 1
        return toks[i - 1]

    def p_or() -> Node:
        items = [p_and()]
        while (t := peek()) and t[0] == "op" and t[1] == "|":
            take()
            items.append(p_and())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def p_and() -> Node:
        items = [p_not()]
        while (t := peek()) and not (t[0] == "op" and t[1] in ("|", ")")):
            if t[0] == "op" and t[1] == "&":
                take()
            items.append(p_not())
        return items[0] if len(items) == 1 else And(tuple(items))

    def p_not() -> Node:
        t = peek()
        if t and t[0] == "op" and t[1] == "!":
            take()
            return Not(p_not())
        return p_atom()

    def p_atom() -> Node:
        t = peek()
        if t is None:
            raise RuleError("条件が足りません（演算子の後に語がありません）", len(rule), rule)
        take()
        kind, text, pos = t
        if kind == "op":
            if text == "(":
                node = p_or()
                close = peek()
                if not close or close[1] != ")" or close[0] != "op":
                    raise RuleError("「(」が閉じていません", pos, rule)
                take()
                return node
            raise RuleError(f"ここに「{text}」は置けません", pos, rule)
        if kind == "phrase":
            if not text.strip():
                raise RuleError("空のフレーズです", pos, rule)
            return Phrase(text)
        if kind == "field":
            v = peek()
            if v is None or v[0] not in ("word", "phrase"):
                raise RuleError(f"{text}: の後に値がありません", pos, rule)
            take()
            return _field(text, v[1], pos, rule)
        low = text.lower()
        if low in KEYWORDS:
            return Field(*KEYWORDS[low])
        if "=" in text and not text.startswith("="):
            return Field("attr", text)
        return Word(text)

    node = p_or()
    if i < len(toks):
        raise RuleError(f"余分な「{toks[i][1]}」があります", toks[i][2], rule)
    return node


def _field(name: str, value: str, pos: int, rule: str) -> Field:
    value = value.strip()
    value = VALUE_ALIASES.get(name, {}).get(value, value)
    if name == "nps" and not re.fullmatch(r"\d{1,2}(-\d{1,2})?", value):
        raise RuleError("nps: の値は 9 または 0-6 の形で書いてください", pos, rule)
    if name == "attr" and "=" not in value:
        raise RuleError("attr: の値は 属性名=値 の形で書いてください（例 attr:年代=30代）", pos, rule)
    if name == "polarity" and value not in VALUE_ALIASES["polarity"].values():
        raise RuleError("polarity: は delight / pain / mixed / neutral（喜び / 不満 / 混在 / 中立）です", pos, rule)
    if name == "stage" and value not in VALUE_ALIASES["stage"].values():
        raise RuleError("stage: は first_experience / success / advocacy / none です", pos, rule)
    if name == "signal" and value not in ("churn", "advocacy"):
        raise RuleError("signal: は churn / advocacy です", pos, rule)
    return Field(name, value)


def leaves(node: Node) -> list[Word | Phrase | Field]:
    if isinstance(node, (Word, Phrase, Field)):
        return [node]
    if isinstance(node, Not):
        return leaves(node.item)
    return [leaf for item in node.items for leaf in leaves(item)]


def to_text(node: Node) -> str:
    """The rule written back in canonical form (for display and tests)."""
    if isinstance(node, Word):
        return node.text
    if isinstance(node, Phrase):
        return json.dumps(node.text, ensure_ascii=False)
    if isinstance(node, Field):
        return f"{node.name}:{node.value}"
    if isinstance(node, Not):
        return "!" + _group(node.item)
    sep = " & " if isinstance(node, And) else " | "
    return sep.join(_group(i) if isinstance(i, (And, Or)) else to_text(i) for i in node.items)


def _group(node: Node) -> str:
    return f"({to_text(node)})" if isinstance(node, (And, Or)) else to_text(node)


# --- evaluation -------------------------------------------------------------------------------

def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass
class Corpus:
    """N documents: stored token JSON and texts, plus columns for field conditions.

    ``columns`` holds equal-length sequences for polarity, stage, kind, question, nps, churn,
    advocacy (missing ones match nothing). ``lookup(field, value)`` answers the conditions that
    need the store (topic, attr, code) with a boolean array, or None when it cannot.
    ``lemma(word)`` turns a rule word into Sudachi normalized forms (one per token).
    ``synonyms`` (表記ゆれ): a rule word also matches the other spellings of its group.
    """

    tokens_json: Sequence[str]
    texts: Sequence[str]
    columns: dict[str, Sequence] = field(default_factory=dict)
    lookup: Callable[[str, str], np.ndarray | None] | None = None
    lemma: Callable[[str], list[str]] | None = None
    synonyms: Synonyms | None = None
    _folded: list[str] | None = None
    _cache: dict = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.texts)

    def folded(self) -> list[str]:
        if self._folded is None:
            self._folded = [fold(t) for t in self.texts]
        return self._folded

    def column(self, name: str) -> np.ndarray | None:
        col = self.columns.get(name)
        if col is None:
            return None
        key = ("col", name)
        if key not in self._cache:
            self._cache[key] = np.asarray(col, dtype=object)
        return self._cache[key]


def _contains(haystack: Sequence[str], needle: str) -> np.ndarray:
    return np.fromiter((needle in (h or "") for h in haystack), dtype=bool, count=len(haystack))


def _lemma_of(corpus: Corpus, w: Word) -> tuple[str | None, bool, str]:
    """(Sudachi normalized form or None when the word is several tokens, prefix?, text)."""
    text = unicodedata.normalize("NFKC", w.text)
    prefix = text.endswith("*") and len(text) > 1
    if prefix:
        text = text[:-1]
    forms = corpus.lemma(text) if corpus.lemma else [text]
    return (forms[0] if len(forms) == 1 else None), prefix, text


def _targets(corpus: Corpus, w: Word) -> tuple[list[str], bool, list[str]]:
    """What a rule word matches: (normalized forms to find among the tokens, prefix?, texts to
    find as written) — its own form plus, with synonyms, the other spellings of its group."""
    lemma, prefix, text = _lemma_of(corpus, w)
    lemmas = [lemma] if lemma is not None else []
    phrases = [] if lemma is not None else [text]  # several tokens (or none): the word as written
    syn = corpus.synonyms
    if syn is not None and not prefix:
        c = syn.canonical(lemma or "", text)
        if c is not None:
            lemmas += [n for n in syn.norms[c] if n not in lemmas]
            phrases += [p for p in syn.phrases[c] if p not in phrases]
    return lemmas, prefix, phrases


def _word(corpus: Corpus, w: Word) -> np.ndarray:
    lemmas, prefix, phrases = _targets(corpus, w)
    out = np.zeros(len(corpus), dtype=bool)
    for lemma in lemmas:
        quoted = json.dumps(lemma, ensure_ascii=False)
        # the normalized form is the 2nd field of each token: `["surface", "normalized", "pos"]`
        needle = ", " + (quoted[:-1] if prefix else quoted + ", ")
        out |= _contains(corpus.tokens_json, needle)
    for p in phrases:
        out |= _contains(corpus.folded(), fold(p))
    return out


def prefetch_words(nodes: Sequence[Node], corpus: Corpus) -> None:
    """Find every rule word of ``nodes`` in one regular-expression pass over the corpus' token
    JSON (instead of one substring scan per word) and cache the results for :func:`evaluate`."""
    words: dict[Word, tuple[list[str], bool, list[str]]] = {}
    for node in nodes:
        for leaf in leaves(node):
            if isinstance(leaf, Word) and ("leaf", leaf) not in corpus._cache:
                lemmas, prefix, phrases = _targets(corpus, leaf)
                if lemmas:
                    words[leaf] = ([json.dumps(x, ensure_ascii=False)[1:-1] for x in lemmas], prefix, phrases)
    if not words:
        return
    exact = sorted({q for qs, p, _ in words.values() if not p for q in qs}, key=len, reverse=True)
    prefixes = sorted({q for qs, p, _ in words.values() if p for q in qs}, key=len, reverse=True)
    alts = [re.escape(q) + '(?=", ")' for q in exact] + [re.escape(q) + '[^"]*(?=", ")' for q in prefixes]
    pattern = re.compile(', "(' + "|".join(alts) + ')", "')
    sep = "\x00"
    big = sep.join(corpus.tokens_json)
    starts = np.cumsum([0] + [len(t) + 1 for t in corpus.tokens_json[:-1]]) if len(corpus.tokens_json) else np.zeros(0)
    found: dict[str, list[int]] = {}
    for m in pattern.finditer(big):
        found.setdefault(m.group(1), []).append(m.start())
    n = len(corpus)
    for w, (qs, prefix, phrases) in words.items():
        hits = np.zeros(n, dtype=bool)
        pos = [p for k, ps in found.items() if any(k.startswith(q) if prefix else k == q for q in qs) for p in ps]
        if pos:
            hits[np.searchsorted(starts, np.asarray(pos), side="right") - 1] = True
        for phrase in phrases:
            hits |= _contains(corpus.folded(), fold(phrase))
        corpus._cache["leaf", w] = hits


def _nps(corpus: Corpus, value: str) -> np.ndarray:
    col = corpus.column("nps")
    if col is None:
        return np.zeros(len(corpus), dtype=bool)
    lo, _, hi = value.partition("-")
    lo_i, hi_i = int(lo), int(hi or lo)
    return np.fromiter((v is not None and lo_i <= int(v) <= hi_i for v in col), dtype=bool, count=len(corpus))


def _field_value(corpus: Corpus, f: Field) -> np.ndarray:
    n = len(corpus)
    if f.name == "nps":
        return _nps(corpus, f.value)
    if f.name == "signal":
        col = corpus.column(f.value)
        return np.zeros(n, dtype=bool) if col is None else np.fromiter((bool(v) for v in col), bool, n)
    if f.name == "question":
        col = corpus.column("question")
        if col is None:
            return np.zeros(n, dtype=bool)
        q = fold(f.value)
        return np.fromiter((q in fold(v or "") for v in col), dtype=bool, count=n)
    if f.name in ("polarity", "stage", "kind"):
        col = corpus.column(f.name)
        return np.zeros(n, dtype=bool) if col is None else (col == f.value)
    got = corpus.lookup(f.name, f.value) if corpus.lookup else None
    if got is None:
        raise RuleError(f"{f.name}:{f.value} に当たるものがプロジェクトにありません", 0, to_text(f))
    return np.asarray(got, dtype=bool)


def evaluate(node: Node, corpus: Corpus) -> np.ndarray:
    """Boolean array: which of the corpus' documents the rule matches."""
    if isinstance(node, (Word, Phrase, Field)):
        key = ("leaf", node)
        if key not in corpus._cache:
            if isinstance(node, Word):
                corpus._cache[key] = _word(corpus, node)
            elif isinstance(node, Phrase):
                corpus._cache[key] = _contains(corpus.folded(), fold(node.text))
            else:
                corpus._cache[key] = _field_value(corpus, node)
        return corpus._cache[key]
    if isinstance(node, Not):
        return ~evaluate(node.item, corpus)
    parts = [evaluate(i, corpus) for i in node.items]
    out = parts[0].copy()
    for p in parts[1:]:
        if isinstance(node, And):
            out &= p
        else:
            out |= p
    return out


def lemma_forms(text: str) -> list[str]:
    """Sudachi normalized forms of a rule word's tokens (split mode C, as stored)."""
    from nlp.tokenize import tokenize

    toks = [t for t in tokenize(text, "C") if t.pos not in ("補助記号", "空白")]
    return [t.normalized for t in toks]


def match_spans(node: Node, text: str, tokens: Sequence[Sequence[str]] | None = None,
                synonyms: Synonyms | None = None) -> list[tuple[int, int]]:
    """Where a rule's positive words and phrases occur in ``text`` (for highlighting a
    preview): character spans, sorted. ``tokens`` are the stored ``[surface, normalized, pos]``;
    with ``synonyms`` a word's other spellings are marked too."""
    spans: list[tuple[int, int]] = []
    norm_to_surface: dict[str, set[str]] = {}
    for tok in tokens or []:
        norm_to_surface.setdefault(tok[1], set()).add(tok[0])

    def positive(n: Node, neg: bool) -> list[Node]:
        if isinstance(n, Not):
            return positive(n.item, not neg)
        if isinstance(n, (And, Or)):
            return [x for i in n.items for x in positive(i, neg)]
        return [] if neg else [n]

    for leaf in positive(node, False):
        needles: set[str] = set()
        if isinstance(leaf, Phrase):
            needles.add(leaf.text)
        elif isinstance(leaf, Word):
            w = leaf.text.rstrip("*")
            needles.add(w)
            for norm, surfaces in norm_to_surface.items():
                if norm == w or (leaf.text.endswith("*") and norm.startswith(w)):
                    needles |= surfaces
            try:
                forms = lemma_forms(w)
            except Exception:  # noqa: BLE001 - highlighting is best effort
                forms = []
            if len(forms) == 1:
                needles |= norm_to_surface.get(forms[0], set())
            if synonyms is not None and not leaf.text.endswith("*"):
                norms, spellings = synonyms.group(forms[0] if len(forms) == 1 else "", w)
                needles |= set(spellings)
                for n_ in norms:
                    needles |= norm_to_surface.get(n_, set())
        for nd in needles:
            if not nd:
                continue
            start = text.find(nd)
            while start >= 0:
                spans.append((start, start + len(nd)))
                start = text.find(nd, start + 1)
    return sorted(set(spans))
