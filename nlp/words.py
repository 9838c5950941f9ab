"""Word-level views researchers know from KH Coder, on our stored Sudachi tokens: frequency
lists (by part of speech and by a grouping attribute), KWIC concordance, and co-occurrence
networks (Jaccard) of words or codes laid out with networkx. Pure: no Qt, no SQL.

Tokens are the stored content words ``[surface, normalized, pos]``; the normalized form is the
grouping key. What users read is the word's display form (``display_form``): the most frequent
surface of a noun, the dictionary form of a verb or adjective (届く, 眠れる, 買う — never the
conjugation stems 届い, 眠れ, 買っ that the stored surfaces hold). ``is_junk`` tells words that
never carry a theme (light verbs, bare counters, fillers, relative-time nouns …); co-occurrence
networks of words (``word_network``) leave them out.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from base.resources import word_list

# a stored token through the project's 表記ゆれ groups (``nlp.synonyms.Synonyms``): a member comes
# back as ``[canonical, key, pos]``, anything else unchanged
TokenMap = Callable[[Sequence[str]], Sequence[str]]

POS_JA = {"名詞": "名詞", "動詞": "動詞", "形容詞": "形容詞", "形状詞": "形状詞", "副詞": "副詞"}
CONJUGATING = ("動詞", "形容詞")
JUNK_LIST = "stopwords/topic_junk.txt"


# ---------------------------------------------------------------- display forms and junk words

@lru_cache(maxsize=50_000)
def entries(surface: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Sudachi's dictionary entries spelled ``surface``: (dictionary form, normalized form, full
    part of speech). Uses the project's per-thread dictionary (``nlp.tokenize``), never a new one."""
    from nlp import tokenize as T

    T._tokenizer("C")
    d = T._local.dicts[T._user_dic]
    return tuple((m.dictionary_form(), m.normalized_form(), tuple(m.part_of_speech())) for m in d.lookup(surface))


def _prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


@lru_cache(maxsize=100_000)
def display_form(surface: str, normalized: str, pos: str) -> str:
    """What a word view shows for a stored token: a verb or adjective in its dictionary form,
    spelled as written (届い → 届く, 眠れ → 眠れる, わかっ → わかる, 遅く → 遅い), anything else
    as written. The entry is Sudachi's own: among the dictionary entries spelled ``surface`` with
    this part of speech and normalized form, the modern one sharing the longest prefix with it,
    the base verb before a derived one when they tie (申し込ん → 申し込む)."""
    if pos not in CONJUGATING:
        return surface
    best, key = None, None
    for i, (dic, norm, p) in enumerate(entries(surface)):
        if p[0] != pos or normalized not in (norm, dic):
            continue
        k = (not p[4].startswith("文語"), _prefix(dic, surface), dic == norm, -i)
        if key is None or k > key:
            best, key = dic, k
    return best or normalized or surface


@cache
def junk_words() -> frozenset[str]:
    return frozenset(word_list(JUNK_LIST)) | frozenset(word_list("stopwords_ja.txt"))


_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ffー]+")
_LETTER = re.compile(r"[^\W\d_]")
_KANJI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff々]")


def mimetic(word: str) -> bool:
    """A sound-symbolic adverb (ぐっすり, ふかふか, のんびり): kana only, reduplicated or of the
    shape CっCり / CんCり. These say how something feels; other adverbs (degree, time, modality:
    とても, もう, まだ, どう) say nothing about a theme."""
    if not _KANA.fullmatch(word):
        return False
    half = len(word) // 2
    if len(word) >= 4 and len(word) % 2 == 0 and word[:half] == word[half:]:
        return True
    return len(word) == 4 and word[1] in "っッんン" and word[3] in "りリ"


def _only(surface: str, normalized: str, pos: str, kinds: set[str], level: int) -> bool:
    """Every dictionary entry of this word (same part of speech and normalized form, proper
    nouns aside) has its part of speech at ``level`` in ``kinds``."""
    found = [p for _, n, p in entries(surface) if p[0] == pos and n == normalized and p[1] != "固有名詞"]
    return bool(found) and all(p[level] in kinds for p in found)


@lru_cache(maxsize=100_000)
def is_junk(surface: str, normalized: str = "", pos: str = "名詞", pos2: str | None = None) -> bool:
    """A word that never names a theme. By part of speech: anything but a noun, verb, adjective,
    adjectival noun or adverb; numerals; dependent (非自立可能) verbs and adjectives (する, いる,
    ない, 良い …); auxiliary stems (そう, よう); adverbs that are not mimetic; a bare one-character
    noun that is only ever a counter, or that can be an adverbial noun (分, 回, 時, 中, 前). By the list
    ``resources/stopwords/topic_junk.txt`` (and the analysis stopwords): light verbs in other
    spellings, verbs of saying and thinking (言う, 思う, きく), fillers and interrogatives (なんか,
    どう), relative-time nouns (最近, 今回). And anything without a letter, or a lone kana or
    Latin letter. ``pos2`` is the second part-of-speech level when known (Sudachi tokens);
    without it the dictionary entries decide."""
    s = surface.strip()
    n = (normalized or s).lstrip("\x00").strip() or s
    if not s or pos not in POS_JA:
        return True
    junk = junk_words()
    if s in junk or n in junk or display_form(s, n, pos) in junk or (s.isascii() and s.lower() in junk):
        return True
    if not _LETTER.search(s) or (len(s) == 1 and not _KANJI.match(s)):
        return True
    if pos2 in ("数詞", "助動詞語幹") or (pos2 == "非自立可能" and pos in CONJUGATING):
        return True
    if pos == "副詞":
        return not mimetic(s)
    if pos2 is None and pos in CONJUGATING and _only(s, n, pos, {"非自立可能"}, 1):
        return True
    if pos2 is None and pos == "形状詞" and _only(s, n, pos, {"助動詞語幹"}, 1):
        return True
    if pos == "名詞" and len(s) == 1:  # bare relational, temporal or counting nouns: 中, 前, 時, 分, 回
        return _only(s, n, pos, {"助数詞可能", "副詞可能", "数詞"}, 2) or any(
            p[0] == "名詞" and p[2] == "副詞可能" for _, m, p in entries(s) if m == n)
    return False


@dataclass
class WordCount:
    word: str  # the most frequent display form (a verb or adjective in its dictionary form)
    lemma: str  # Sudachi normalized form (the grouping key)
    pos: str
    count: int  # occurrences
    docs: int  # documents containing it
    by_group: dict[str, int] = field(default_factory=dict)  # documents per group


def frequency(docs: Iterable[Sequence[Sequence[str]]], groups: Iterable[str | None] | None = None, *,
              pos: str | None = None, top: int | None = None, drop_junk: bool = False,
              canon: TokenMap | None = None) -> list[WordCount]:
    """Word frequency over documents (lists of ``[surface, normalized, pos]``), optionally
    limited to one part of speech and counted per group (e.g. an attribute's values). Words are
    grouped by normalized form and shown in their most frequent display form (``display_form``:
    届く for the stored 届い / 届き). ``drop_junk`` leaves out ``is_junk`` words (分, 回, 最初 …).
    ``canon`` maps each token first (表記ゆれ: 問合せ counted as 問い合わせ)."""
    count: Counter = Counter()
    docs_n: Counter = Counter()
    surf: dict[tuple[str, str], Counter] = defaultdict(Counter)
    by_group: dict[tuple[str, str], Counter] = defaultdict(Counter)
    group_iter = iter(groups) if groups is not None else None
    for toks in docs:
        g = next(group_iter) if group_iter is not None else None
        seen = set()
        for t in toks:
            if canon is not None:
                t = canon(t)
            if (pos and t[2] != pos) or (drop_junk and is_junk(t[0], t[1], t[2])):
                continue
            key = (t[1], t[2])
            count[key] += 1
            surf[key][t[0]] += 1
            seen.add(key)
        for key in seen:
            docs_n[key] += 1
            if g is not None:
                by_group[key][g] += 1
    rows = [WordCount(_shown(k, surf[k]), k[0], k[1], c, docs_n[k], dict(by_group.get(k, {})))
            for k, c in count.items()]
    rows.sort(key=lambda r: (-r.count, -r.docs, r.lemma))
    return rows[:top] if top else rows


def _shown(key: tuple[str, str], surfaces: Counter) -> str:
    """The most frequent display form of a word from the counts of its stored surfaces."""
    shown: Counter = Counter()
    for surface, c in surfaces.items():
        shown[display_form(surface, key[0], key[1])] += c
    return min(shown.items(), key=lambda kv: (-kv[1], kv[0]))[0]


@dataclass
class KwicLine:
    doc: int  # index of the document
    left: str
    keyword: str
    right: str
    start: int


_GODAN_ROWS = {"う": "わいうえおっ", "く": "かきくけこい", "ぐ": "がぎぐげごい", "す": "さしすせそ", "つ": "たちつてとっ",
               "ぬ": "なにぬねのん", "ぶ": "ばびぶべぼん", "む": "まみむめもん", "る": "らりるれろっ"}


@lru_cache(maxsize=10_000)
def inflections(word: str) -> tuple[str, ...]:
    """The written forms to look for when ``word`` is a verb or adjective in its dictionary
    form: its stem plus each conjugation ending (届く → 届か, 届き, 届い, 届け …; 眠れる → 眠れな,
    眠れた …; 遅い → 遅く, 遅か …). Anything else (a noun, a conjugated form) stands for itself."""
    from nlp.tokenize import tokenize

    toks = tokenize(word)
    if len(toks) != 1 or toks[0].pos not in CONJUGATING or toks[0].dictionary != word:
        return (word,)
    kinds = {p[4] for d, _, p in entries(word) if d == word and p[0] == toks[0].pos}
    stem, last = word[:-1], word[-1]
    if toks[0].pos == "形容詞" and last == "い" and stem:
        return tuple(stem + c for c in "いくかけさ")
    if any(k.startswith("五段") for k in kinds) and last in _GODAN_ROWS and stem:
        return tuple(stem + c for c in _GODAN_ROWS[last])
    if any(k.startswith(("上一段", "下一段")) for k in kinds) and last == "る" and stem:
        return tuple(stem + c for c in "るれろよたてなまずさらに")
    return (word,)


def kwic(texts: Sequence[str], needles: Iterable[str], *, width: int = 20, limit: int = 500,
         sort: str = "right", inflect: bool = False) -> list[KwicLine]:
    """Keyword in context: every occurrence of any of ``needles`` (e.g. the surface forms of one
    lemma) with ``width`` characters either side, sorted by the right context (or left / doc).
    With ``inflect``, a verb or adjective needle in its dictionary form also finds its
    conjugated forms (届く finds 届いた, 届かない); the keyword column shows the text as written."""
    ns = {n for n in needles if n}
    if inflect:
        ns = {f for n in ns for f in inflections(n)}
    ns = sorted(ns, key=len, reverse=True)
    out: list[KwicLine] = []
    for i, text in enumerate(texts):
        taken: list[tuple[int, int]] = []
        for n in ns:
            s = text.find(n)
            while s >= 0:
                e = s + len(n)
                if not any(a < e and s < b for a, b in taken):
                    taken.append((s, e))
                    out.append(KwicLine(i, text[max(0, s - width):s].replace("\n", " "), text[s:e],
                                        text[e:e + width].replace("\n", " "), s))
                s = text.find(n, s + 1)
        if len(out) >= limit:
            break
    if sort == "right":
        out.sort(key=lambda k: (k.right, k.left))
    elif sort == "left":
        out.sort(key=lambda k: (k.left[::-1], k.right))
    return out[:limit]


@dataclass
class Network:
    nodes: list[tuple[str, int, float, float, int]]  # label, frequency, x, y (in [0, 1]), community
    edges: list[tuple[int, int, float]]  # node index, node index, Jaccard coefficient
    counts: list[int] = field(default_factory=list)  # per edge: documents with both


def cooccurrence(doc_items: Iterable[Iterable[Hashable]], labels: dict | None = None, *, min_freq: int = 3,
                 edges: int = 60, seed: int = 1) -> Network:
    """Co-occurrence network in the manner of KH Coder: items (words or codes) appearing in at
    least ``min_freq`` documents, the ``edges`` strongest pairs by Jaccard coefficient (documents
    with both / documents with either), laid out with networkx's spring layout (fixed seed) and
    coloured by modularity communities."""
    import networkx as nx

    freq: Counter = Counter()
    sets = []
    for items in doc_items:
        s = set(items)
        sets.append(s)
        freq.update(s)
    keep = {k for k, c in freq.items() if c >= min_freq}
    pair: Counter = Counter()
    for s in sets:
        ks = sorted((k for k in s if k in keep), key=str)
        for i in range(len(ks)):
            for j in range(i + 1, len(ks)):
                pair[ks[i], ks[j]] += 1
    scored = sorted(((both / (freq[a] + freq[b] - both), a, b) for (a, b), both in pair.items()),
                    key=lambda t: (-t[0], str(t[1]), str(t[2])))[:edges]
    both_of = {(a, b): pair[a, b] for _, a, b in scored}
    g = nx.Graph()
    for jac, a, b in scored:
        g.add_edge(a, b, weight=jac)
    if not g:
        return Network([], [])
    pos = nx.spring_layout(g, seed=seed, weight="weight", k=3.0 / math.sqrt(g.number_of_nodes()), iterations=200)
    comms = nx.algorithms.community.greedy_modularity_communities(g, weight="weight")
    comm_of = {n: i for i, c in enumerate(comms) for n in c}
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    order = sorted(g.nodes, key=lambda n: (-freq[n], str(n)))
    index = {n: i for i, n in enumerate(order)}
    nodes = [(str((labels or {}).get(n, n)), freq[n], (pos[n][0] - x0) / ((x1 - x0) or 1),
              (pos[n][1] - y0) / ((y1 - y0) or 1), comm_of[n]) for n in order]
    return Network(nodes, [(index[a], index[b], round(j, 4)) for j, a, b in scored],
                   [both_of[a, b] for _, a, b in scored])


def word_items(docs: Iterable[Sequence[Sequence[str]]], *, pos: str | None = None,
               drop_junk: bool = True, canon: TokenMap | None = None) -> tuple[list[set[str]], dict[str, str]]:
    """The words of each document (stored ``[surface, normalized, pos]`` lists) as sets of
    normalized forms, without junk words (``is_junk``), and normalized form → display form
    (the most frequent one: dictionary forms for verbs and adjectives) — what ``cooccurrence``
    takes for a network of words. ``canon`` maps each token first (表記ゆれ)."""
    out: list[set[str]] = []
    surf: dict[tuple[str, str], Counter] = defaultdict(Counter)
    junk: dict[tuple[str, str, str], bool] = {}
    for toks in docs:
        items: set[str] = set()
        for t in toks:
            if canon is not None:
                t = canon(t)
            if pos and t[2] != pos:
                continue
            k = (t[0], t[1], t[2])
            bad = junk.get(k)
            if bad is None:
                bad = junk[k] = drop_junk and is_junk(*k)
            if bad:
                continue
            items.add(t[1])
            surf[t[1], t[2]][t[0]] += 1
        out.append(items)
    best: dict[str, tuple[int, str]] = {}
    for key, c in surf.items():  # one label per normalized form, from its commonest part of speech
        n = sum(c.values())
        if key[0] not in best or n > best[key[0]][0]:
            best[key[0]] = (n, _shown(key, c))
    return out, {k: v[1] for k, v in best.items()}


def word_network(docs: Iterable[Sequence[Sequence[str]]], *, pos: str | None = None, min_freq: int = 5,
                 edges: int = 60, seed: int = 1, canon: TokenMap | None = None) -> Network:
    """Co-occurrence network of words (``cooccurrence`` over ``word_items``): junk words left
    out, verbs and adjectives shown in their dictionary forms."""
    items, labels = word_items(docs, pos=pos, canon=canon)
    return cooccurrence(items, labels, min_freq=min_freq, edges=edges, seed=seed)


def residuals(table: Sequence[Sequence[int]]) -> list[list[float]]:
    """Adjusted standardized residuals of a contingency table (Haberman): |r| > 1.96 marks a cell
    significantly above or below independence at 5 %."""
    rows = [sum(r) for r in table]
    cols = [sum(c) for c in zip(*table, strict=True)] if table else []
    n = sum(rows)
    out = []
    for i, r in enumerate(table):
        line = []
        for j, obs in enumerate(r):
            if not n or not rows[i] or not cols[j] or rows[i] == n or cols[j] == n:
                line.append(0.0)
                continue
            exp = rows[i] * cols[j] / n
            var = exp * (1 - rows[i] / n) * (1 - cols[j] / n)
            line.append((obs - exp) / math.sqrt(var))
        out.append(line)
    return out
