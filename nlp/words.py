"""Word-level views researchers know from KH Coder, on our stored Sudachi tokens: frequency
lists (by part of speech and by a grouping attribute), KWIC concordance, and co-occurrence
networks (Jaccard) of words or codes laid out with networkx. Pure: no Qt, no SQL.

Tokens are the stored content words ``[surface, normalized, pos]``; the normalized form is the
grouping key and the most frequent surface form is what users read.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

POS_JA = {"名詞": "名詞", "動詞": "動詞", "形容詞": "形容詞", "形状詞": "形状詞", "副詞": "副詞"}


@dataclass
class WordCount:
    word: str  # the most frequent surface form
    lemma: str  # Sudachi normalized form (the grouping key)
    pos: str
    count: int  # occurrences
    docs: int  # documents containing it
    by_group: dict[str, int] = field(default_factory=dict)  # documents per group


def frequency(docs: Iterable[Sequence[Sequence[str]]], groups: Iterable[str | None] | None = None, *,
              pos: str | None = None, top: int | None = None) -> list[WordCount]:
    """Word frequency over documents (lists of ``[surface, normalized, pos]``), optionally
    limited to one part of speech and counted per group (e.g. an attribute's values)."""
    count: Counter = Counter()
    docs_n: Counter = Counter()
    surf: dict[tuple[str, str], Counter] = defaultdict(Counter)
    by_group: dict[tuple[str, str], Counter] = defaultdict(Counter)
    group_iter = iter(groups) if groups is not None else None
    for toks in docs:
        g = next(group_iter) if group_iter is not None else None
        seen = set()
        for t in toks:
            if pos and t[2] != pos:
                continue
            key = (t[1], t[2])
            count[key] += 1
            surf[key][t[0]] += 1
            seen.add(key)
        for key in seen:
            docs_n[key] += 1
            if g is not None:
                by_group[key][g] += 1
    rows = [WordCount(surf[k].most_common(1)[0][0], k[0], k[1], c, docs_n[k], dict(by_group.get(k, {})))
            for k, c in count.items()]
    rows.sort(key=lambda r: (-r.count, -r.docs, r.lemma))
    return rows[:top] if top else rows


@dataclass
class KwicLine:
    doc: int  # index of the document
    left: str
    keyword: str
    right: str
    start: int


def kwic(texts: Sequence[str], needles: Iterable[str], *, width: int = 20, limit: int = 500,
         sort: str = "right") -> list[KwicLine]:
    """Keyword in context: every occurrence of any of ``needles`` (e.g. the surface forms of one
    lemma) with ``width`` characters either side, sorted by the right context (or left / doc)."""
    ns = sorted({n for n in needles if n}, key=len, reverse=True)
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
    return Network(nodes, [(index[a], index[b], round(j, 4)) for j, a, b in scored])


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
