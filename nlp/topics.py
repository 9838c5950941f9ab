"""Delight and pain topics: offline embeddings, BERTopic with injected stages, rare voices.

Pure: no Qt, no SQL. ``voc_app`` stores what this returns and applies curation.

Embeddings (``embed``): GiNZA's 300-d word vectors (package ``ja_ginza``, loaded as a bare
vector table, never the spaCy pipeline) looked up with our own Sudachi content words, the
table's mean and top 2 principal directions removed, unit length per word, weighted by SIF (a / (a + p(w)), p from the vector table's frequency rank) and
without proper nouns (names pull sentences together by who, not what).

Topic features (``topic_features``) add a customer-experience aspect block: seed words per aspect
(配送, 価格, 不具合・故障 … in ``resources/topics/aspects.tsv``, no company or product names), so
that answers cluster by what customers talk about rather than by which product they own.

Clustering runs inside BERTopic (``umap_model`` = identity, ``hdbscan_model`` = ``RareVoiceKMeans``,
vectorizer over our Sudachi tokens, c-TF-IDF labels shown in surface forms). k-means assigns
every answer; answers far from every topic centre are **rare voices** (label -1), kept, grouped
with their near-duplicates, never dropped.
"""

from __future__ import annotations

import math
import os
import threading
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

from base.resources import resource_path
from nlp.tokenize import content_words, tokenize

DIM = 300
SIF_A = 3e-4
COMMON_COMPONENTS = 2   # "all-but-the-top": the table's mean and first principal directions removed
ASPECT_WEIGHT = 1.0
RARE_SHARE_MAX = 0.15   # at most this share of answers left unassigned by default
MIN_TOPIC_SIZE = 3      # smaller clusters dissolve into rare voices
RARE_Z = 2.5            # rare: similarity below the topic's median − RARE_Z × MAD
NEAR_DUPLICATE = 0.92   # rare voices at least this similar form one group
SEED = 42

Doc = list[tuple[str, str]]  # content words as (display form, normalized form)

_lock = threading.Lock()


# ---------------------------------------------------------------- word vectors

@dataclass
class _Vectors:
    table: np.ndarray          # (rows, 300) unit vectors
    key2row: dict              # spaCy hash → row
    weight: np.ndarray         # SIF weight per row
    hash_string: object


def _cache_file(vocab: Path) -> Path:
    import os

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    stamp = f"{vocab.parent.name}-{int((vocab / 'vectors').stat().st_mtime)}-abtt{COMMON_COMPONENTS}"
    return Path(base) / "voc-analyzer" / f"vectors-{stamp}.npz"


def _post_processed(vocab: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(table, keys, rows) of the vector table after post-processing, from a cache file when
    one exists (loading spaCy's table and the SVD hold the GIL for ~1.5 s; the cache ~50 ms)."""
    cache_path = _cache_file(vocab)
    try:
        with np.load(cache_path) as z:
            return z["table"], z["keys"], z["rows"]
    except (OSError, KeyError, ValueError):
        pass
    from spacy.vectors import Vectors

    v = Vectors().from_disk(vocab)
    table = np.asarray(v.data, dtype=np.float32)
    # post-process the word vectors (Mu & Viswanath 2018): subtract the mean and the top
    # principal directions, which every word shares and which carry frequency, not meaning
    table = table - table.mean(0)
    if COMMON_COMPONENTS:
        top = np.linalg.svd(table, full_matrices=False)[2][:COMMON_COMPONENTS]
        table = table - (table @ top.T) @ top
    table = (table / (np.linalg.norm(table, axis=1, keepdims=True) + 1e-9)).astype(np.float32)
    keys = np.fromiter(v.key2row.keys(), dtype=np.uint64, count=len(v.key2row))
    rows = np.fromiter(v.key2row.values(), dtype=np.int64, count=len(v.key2row))
    try:
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_path.with_name(cache_path.name + f".{os.getpid()}.tmp.npz")
        np.savez(tmp, table=table, keys=keys, rows=rows)
        os.replace(tmp, cache_path)
    except OSError:
        pass  # a read-only home: compute again next time
    return table, keys, rows


VECTORS_FILE = "ginza_vectors.npz"  # the desktop bundle's table: no spaCy needed to read it


def _ginza_vocab() -> Path:
    import ja_ginza

    return next(Path(ja_ginza.__file__).parent.glob("ja_ginza-*/vocab"))


def export_vectors(out: str | Path) -> Path:
    """Write the post-processed GiNZA table with its words (not spaCy's hashes) to ``out``, so
    that a bundle reads it with numpy alone (spaCy + GiNZA would add ~200 MB)."""
    import json

    from spacy.strings import hash_string

    vocab = _ginza_vocab()
    table, keys, rows = _post_processed(vocab)
    key2row = dict(zip(keys.tolist(), rows.tolist(), strict=True))
    words, wrows = [], []
    for s in json.loads((vocab / "strings.json").read_text(encoding="utf-8")):
        r = key2row.get(hash_string(s))
        if r is not None and "\n" not in s:
            words.append(s)
            wrows.append(r)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, table=table, rows=np.asarray(wrows, dtype=np.int32),
                        words=np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8))
    return out


def _identity(s: str) -> str:
    return s


@cache
def _vectors() -> _Vectors:
    bundled = resource_path("models", VECTORS_FILE)
    if bundled.exists():
        with np.load(bundled) as z:
            table, rows = z["table"], z["rows"]
            words = z["words"].tobytes().decode("utf-8").split("\n")
        key2row, hash_string = dict(zip(words, rows.tolist(), strict=True)), _identity
    else:
        from spacy.strings import hash_string

        table, keys, rows = _post_processed(_ginza_vocab())
        key2row = dict(zip(keys.tolist(), rows.tolist(), strict=True))
    # rows are ordered by corpus frequency: Zipf estimate of p(w) from the rank
    rank = np.arange(table.shape[0], dtype=np.float64)
    p = 1.0 / ((rank + 10.0) * math.log(table.shape[0]))
    weight = (SIF_A / (SIF_A + p)).astype(np.float32)
    return _Vectors(table, key2row, weight, hash_string)


def _row(vec: _Vectors, *forms: str) -> int | None:
    for f in forms:
        r = vec.key2row.get(vec.hash_string(f))
        if r is not None:
            return r
    return None


def warm_up() -> None:
    """Load what the first topic fit needs (BERTopic and its imports, the vector table, the
    aspect lexicon) — call from a background thread at app start so the first fit is not
    seconds slower than the next."""
    import bertopic  # noqa: F401

    _vectors()
    aspects()


# ---------------------------------------------------------------- tokens

def doc_tokens(text: str) -> Doc:
    """Content words of ``text`` as (display form, normalized form). The display form is what a
    label shows: the surface of a noun, the dictionary form of a verb or adjective (送る, not
    送っ). Proper nouns, marked by a leading ``\\x00`` in the normalized form, are left out of
    vectors but kept for labels."""
    return doc_of_tokens(tokenize(text))


def doc_of_tokens(tokens: list) -> Doc:
    """``doc_tokens`` of a text already tokenized (``nlp.tokenize.tokenize``)."""
    return doc_of_content(content_words(tokens))


def doc_of_content(content: list) -> Doc:
    """``doc_tokens`` from a text's content words (``nlp.tokenize.content_words``)."""
    out: Doc = []
    for t in content:
        if t.pos2 == "助動詞語幹":  # そう of 良さそう
            continue
        norm = "".join(t.normalized.split())
        if not norm:
            continue
        shown = t.dictionary if t.pos in ("動詞", "形容詞") else t.surface
        out.append((shown.strip() or norm, ("\x00" + norm) if t.pos2 == "固有名詞" else norm))
    return out


def docs_tokens(texts: Sequence[str]) -> list[Doc]:
    return [doc_tokens(t) for t in texts]


def plain(norm: str) -> str:
    return norm.lstrip("\x00")


# ---------------------------------------------------------------- embeddings

@lru_cache(maxsize=100_000)
def _part_rows(surface: str) -> tuple[int, ...]:
    """Rows of the known short units (Sudachi mode A) of a word the table lacks — a long
    compound (国際宇宙ステーション, 補正予算案) keeps its meaning through its parts. ~2 % of
    content words; MewsC-16 k-means accuracy 53.8 → 55.1 (10 seeds)."""
    vec = _vectors()
    rows = []
    for t in content_words(tokenize(surface, "A")):
        r = _row(vec, "".join(t.normalized.split()), t.surface)
        if r is not None:
            rows.append(r)
    return tuple(rows)


def embed_docs(docs: Sequence[Doc]) -> np.ndarray:
    """SIF-weighted mean of unit GiNZA vectors over content words (no proper nouns; a word
    missing from the table counts through its known parts); unit-length rows; all-zero for an
    answer without known words."""
    vec = _vectors()
    X = np.zeros((len(docs), DIM), dtype=np.float32)
    for i, doc in enumerate(docs):
        rows = []
        for surface, norm in doc:
            if norm.startswith("\x00"):
                continue
            r = _row(vec, norm, surface)
            if r is not None:
                rows.append(r)
            else:
                rows.extend(_part_rows(surface))
        if rows:
            w = vec.weight[rows]
            X[i] = (vec.table[rows] * w[:, None]).sum(0) / w.sum()
    n = np.linalg.norm(X, axis=1, keepdims=True)
    np.divide(X, n, out=X, where=n > 0)
    return X


def embed(texts: Sequence[str]) -> np.ndarray:
    """Default embeddings of raw texts (``voc embed``): float32, one row per text."""
    return embed_docs(docs_tokens(texts))


# ---------------------------------------------------------------- aspects

@dataclass(frozen=True)
class Aspects:
    names: tuple[str, ...]
    single: dict  # normalized form → aspect indexes
    multi: tuple  # (normalized tuple, aspect index)


@cache
def aspects() -> Aspects:
    names: list[str] = []
    single: dict[str, set[int]] = defaultdict(set)
    multi: list[tuple[tuple[str, ...], int]] = []
    with open(resource_path("topics", "aspects.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, words = line.rstrip("\n").split("\t", 1)
            j = len(names)
            names.append(name.strip())
            for w in words.split(","):
                w = w.strip()
                if not w:
                    continue
                forms = tuple(plain(n) for _, n in doc_tokens(w)) or (w,)
                if len(forms) == 1:
                    single[forms[0]].add(j)
                    single[w].add(j)
                else:
                    multi.append((forms, j))
    return Aspects(tuple(names), {k: tuple(v) for k, v in single.items()}, tuple(multi))


def aspect_matrix(docs: Sequence[Doc]) -> np.ndarray:
    """Unit-length counts of aspect seed words per answer (zeros when none)."""
    asp = aspects()
    F = np.zeros((len(docs), len(asp.names)), dtype=np.float32)
    for i, doc in enumerate(docs):
        norms = [plain(n) for _, n in doc]
        for (surface, _), n in zip(doc, norms, strict=False):
            for j in asp.single.get(n) or asp.single.get(surface) or ():
                F[i, j] += 1
        if asp.multi and len(norms) > 1:
            joined = " " + " ".join(norms) + " "
            for forms, j in asp.multi:
                if " " + " ".join(forms) + " " in joined:
                    F[i, j] += 1
    n = np.linalg.norm(F, axis=1, keepdims=True)
    np.divide(F, n, out=F, where=n > 0)
    return F


def topic_features(docs: Sequence[Doc], embeddings: np.ndarray | None = None) -> np.ndarray:
    """What topics are clustered on: embeddings plus the weighted aspect block, unit rows."""
    E = embed_docs(docs) if embeddings is None else embeddings
    X = np.hstack([E, ASPECT_WEIGHT * aspect_matrix(docs)]).astype(np.float32)
    n = np.linalg.norm(X, axis=1, keepdims=True)
    np.divide(X, n, out=X, where=n > 0)
    return X


# ---------------------------------------------------------------- clustering

def auto_topic_count(n: int) -> int:
    """Topics for ``n`` answers when the user does not choose: grows like √n, 2–60."""
    if n < 6:
        return 1
    return int(min(60, max(2, round(1.2 * math.sqrt(n)))))


class RareVoiceKMeans:
    """k-means on unit features (cosine), then rare voices: answers without features, clusters
    under ``min_size``, and answers much less similar to their centre than the topic's others.
    Plugs into BERTopic as ``hdbscan_model`` (``fit``, ``labels_``, ``predict``)."""

    def __init__(self, n_clusters: int, *, random_state: int = SEED, min_size: int = MIN_TOPIC_SIZE,
                 rare_share_max: float = RARE_SHARE_MAX, init: np.ndarray | None = None):
        self.n_clusters = n_clusters
        self.random_state = random_state
        self.min_size = min_size
        self.rare_share_max = rare_share_max
        self.init = init
        self.labels_: np.ndarray | None = None
        self.centers_: np.ndarray | None = None
        self.floor_: np.ndarray | None = None

    def fit(self, X: np.ndarray, y=None) -> RareVoiceKMeans:
        from sklearn.cluster import KMeans

        X = np.asarray(X, dtype=np.float32)
        has = np.linalg.norm(X, axis=1) > 0
        idx = np.flatnonzero(has)
        labels = np.full(len(X), -1, dtype=np.int64)
        k = min(self.n_clusters, len(idx))
        if k >= 1:
            if self.init is not None and len(self.init) == k:
                km = KMeans(k, init=self.init, n_init=1, random_state=self.random_state)
            else:
                km = KMeans(k, n_init=3 if len(idx) <= 30_000 else 1, random_state=self.random_state)
            labels[idx] = km.fit_predict(X[idx])
        # dissolve clusters that are too small, renumber densely
        sizes = Counter(labels[labels >= 0].tolist())
        keep = sorted(c for c, s in sizes.items() if s >= self.min_size)
        remap = {c: i for i, c in enumerate(keep)}
        labels = np.array([remap.get(int(c), -1) for c in labels], dtype=np.int64)
        centers = np.zeros((len(keep), X.shape[1]), dtype=np.float32)
        floor = np.zeros(len(keep), dtype=np.float32)
        sim = np.zeros(len(X), dtype=np.float32)
        for c in range(len(keep)):
            members = labels == c
            m = X[members].mean(0)
            centers[c] = m / (np.linalg.norm(m) + 1e-9)
            s = X[members] @ centers[c]
            sim[members] = s
            med = float(np.median(s))
            mad = float(np.median(np.abs(s - med))) * 1.4826
            floor[c] = med - RARE_Z * mad
        if not keep:  # every cluster too small: all answers are rare voices, no topic
            self.labels_, self.centers_, self.floor_, self.similarity_ = labels, centers, floor, sim
            return self
        rare = (labels >= 0) & (sim < floor[np.maximum(labels, 0)])
        # never leave more than rare_share_max unassigned because of low similarity
        budget = int(self.rare_share_max * len(X)) - int((labels < 0).sum())
        cand = np.flatnonzero(rare)
        if len(cand) > max(0, budget):
            order = cand[np.argsort(sim[cand] - floor[labels[cand]])]
            cand = order[:max(0, budget)]
        labels[cand] = -1
        self.labels_, self.centers_, self.floor_ = labels, centers, floor
        self.similarity_ = sim
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:
        return assign(np.asarray(X, dtype=np.float32), self.centers_, self.floor_)[0]


def assign(X: np.ndarray, centers: np.ndarray, floor: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Nearest topic centre per row, or -1 (rare voice) below that topic's similarity floor."""
    if len(centers) == 0 or len(X) == 0:
        return np.full(len(X), -1, dtype=np.int64), np.zeros(len(X), dtype=np.float32)
    S = X @ centers.T
    best = S.argmax(1)
    sim = S[np.arange(len(X)), best].astype(np.float32)
    labels = np.where((sim >= floor[best]) & (np.linalg.norm(X, axis=1) > 0), best, -1)
    return labels.astype(np.int64), sim


# ---------------------------------------------------------------- BERTopic

def _analyzer(doc: str) -> list[str]:
    return doc.split()


class _TokenEmbedder:
    """BERTopic embedder over documents given as space-joined normalized tokens (used by
    ``transform`` and by guided seed words)."""

    def __new__(cls, surfaces: dict[str, str]):
        from bertopic.backend import BaseEmbedder

        class Embedder(BaseEmbedder):
            def embed(self, documents, verbose=False):
                docs = [[(surfaces.get(w, plain(w)), w) for w in d.split()] for d in documents]
                return topic_features(docs)

        return Embedder()


@dataclass
class Topic:
    number: int                  # 0.. by size
    words: list[str]             # top words, surface forms
    weights: list[float]
    size: int
    center: np.ndarray
    floor: float
    quotes: list[int]            # indexes of representative answers, most central first

    @property
    def label(self) -> str:
        return "・".join(self.words[:4])


@dataclass
class TopicFit:
    labels: np.ndarray           # topic number per answer, -1 = rare voice
    similarity: np.ndarray       # similarity to the assigned (or nearest) topic centre
    topics: list[Topic]
    rare_groups: list[list[int]]  # rare voices grouped with their near-duplicates
    features: np.ndarray = field(repr=False)

    def info(self) -> list[dict]:
        n = len(self.labels)
        return [{"topic": t.number, "label": t.label, "size": t.size, "share": t.size / n if n else 0,
                 "words": t.words} for t in self.topics]


def _surface_map(docs: Sequence[Doc]) -> dict[str, str]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for doc in docs:
        for surface, norm in doc:
            counts[norm][surface] += 1
    return {n: c.most_common(1)[0][0] for n, c in counts.items()}


def topic_words(docs: Sequence[Doc], labels: np.ndarray, n_words: int = 10,
                seed_words: Sequence[Sequence[str]] | None = None) -> dict[int, list[tuple[str, float]]]:
    """c-TF-IDF words per topic (BERTopic's ClassTfidfTransformer over our tokens), in surface
    forms. Used for a fit and for a curated topic (merge, split, move)."""
    from bertopic.vectorizers import ClassTfidfTransformer
    from sklearn.feature_extraction.text import CountVectorizer

    surf = _surface_map(docs)
    topics = sorted({int(x) for x in labels if x >= 0})
    if not topics:
        return {}
    joined = [" ".join(n for d, lab in zip(docs, labels, strict=False) if lab == t for _, n in d) for t in topics]
    cv = CountVectorizer(analyzer=_analyzer, min_df=1)
    try:
        counts = cv.fit_transform(joined)
    except ValueError:  # no words at all
        return {t: [] for t in topics}
    vocab = cv.get_feature_names_out()
    seeds = {w for ws in (seed_words or []) for w in ws}
    multiplier = np.array([2.0 if plain(w) in seeds else 1.0 for w in vocab]) if seeds else None
    ctfidf = ClassTfidfTransformer(reduce_frequent_words=True).fit(counts, multiplier=multiplier)
    M = ctfidf.transform(counts).toarray()
    out: dict[int, list[tuple[str, float]]] = {}
    for row, t in zip(M, topics, strict=False):
        order = np.argsort(-row)[:n_words]
        out[t] = _by_surface((surf.get(vocab[i], plain(vocab[i])), float(row[i])) for i in order)
    return out


def _by_surface(pairs) -> list[tuple[str, float]]:
    """Label words once per surface form (two normalized forms can read the same), best first."""
    best: dict[str, float] = {}
    for w, x in pairs:
        if w and w.strip() and x > 0 and x > best.get(w, 0.0):
            best[w] = x
    return sorted(best.items(), key=lambda p: -p[1])


def fit_topics(docs: Sequence[Doc], *, n_topics: int | None = None,
               seed_topics: Sequence[Sequence[str]] | None = None, random_state: int = SEED,
               n_quotes: int = 5, embeddings: np.ndarray | None = None, progress=None) -> TopicFit:
    """Fit topics on ``docs`` (Sudachi tokens per answer) with BERTopic and injected stages.

    ``seed_topics``: lists of seed words (guided topics) — answers using them are pulled toward
    them (BERTopic's guided modelling) and the words rank first in their topic's label.
    ``progress(fraction, message)`` is called between stages (and may raise to cancel)."""
    from bertopic import BERTopic
    from bertopic.dimensionality import BaseDimensionalityReduction
    from bertopic.vectorizers import ClassTfidfTransformer
    from sklearn.feature_extraction.text import CountVectorizer

    tick = progress or (lambda f, m: None)
    n = len(docs)
    tick(0.0, "特徴量")
    X = topic_features(docs, embeddings)
    tick(0.2, "クラスタリングとラベル")
    strings = [" ".join(norm for _, norm in d) for d in docs]
    k = n_topics or auto_topic_count(n)
    if n == 0:
        return TopicFit(np.zeros(0, np.int64), np.zeros(0, np.float32), [], [], X)
    surfaces = _surface_map(docs)
    clusterer = RareVoiceKMeans(k, random_state=random_state)
    seeds = [[w for w in (plain(n) for s in ws for _, n in (doc_tokens(s) or [(s, s)]))] for ws in (seed_topics or [])]
    seeds = [s for s in seeds if s]
    model = BERTopic(
        embedding_model=_TokenEmbedder(surfaces),
        umap_model=BaseDimensionalityReduction(),
        hdbscan_model=clusterer,
        vectorizer_model=CountVectorizer(analyzer=_analyzer, min_df=1),
        ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
        seed_topic_list=seeds or None,
        top_n_words=10,
        calculate_probabilities=False,
        verbose=False,
    )
    with _lock:
        labels = np.asarray(model.fit_transform(strings, embeddings=X)[0], dtype=np.int64)
    tick(0.8, "代表的な声")
    # BERTopic renumbers clusters by size; recompute centres in its numbering
    topics: list[Topic] = []
    sim = np.zeros(n, dtype=np.float32)
    words = {t: _by_surface((surfaces.get(w, plain(w)), float(x)) for w, x in (model.get_topic(t) or []))
             for t in set(labels.tolist()) if t >= 0}
    for t in sorted({int(x) for x in labels if x >= 0}):
        members = np.flatnonzero(labels == t)
        c = X[members].mean(0)
        c /= np.linalg.norm(c) + 1e-9
        s = X[members] @ c
        sim[members] = s
        med = float(np.median(s))
        floor = med - RARE_Z * float(np.median(np.abs(s - med))) * 1.4826
        quotes = _quotes(members, s, docs, n_quotes)
        tw = words.get(t, [])
        topics.append(Topic(t, [w for w, _ in tw], [x for _, x in tw], len(members), c, floor, quotes))
    rare = np.flatnonzero(labels < 0)
    if topics and len(rare):
        C = np.array([t.center for t in topics])
        sim[rare] = (X[rare] @ C.T).max(1)
    return TopicFit(labels, sim, topics, group_near_duplicates(X, rare), X)


def central_members(fit: TopicFit, number: int) -> np.ndarray:
    """Indexes of topic ``number``'s answers, most central first (what ``nlp.topic_labels``
    reads)."""
    members = np.flatnonzero(fit.labels == number)
    return members[np.argsort(-fit.similarity[members], kind="stable")]


def _quotes(members: np.ndarray, sims: np.ndarray, docs: Sequence[Doc], n: int) -> list[int]:
    """Most central answers first, skipping near-identical token lists."""
    seen: set[tuple] = set()
    out: list[int] = []
    for i in members[np.argsort(-sims, kind="stable")]:
        key = tuple(n_ for _, n_ in docs[i])
        if key in seen:
            continue
        seen.add(key)
        out.append(int(i))
        if len(out) == n:
            break
    return out


def group_near_duplicates(X: np.ndarray, idx: np.ndarray, threshold: float = NEAR_DUPLICATE) -> list[list[int]]:
    """Greedy grouping of rows ``idx`` whose features are at least ``threshold`` similar;
    every index appears in exactly one group (singletons included)."""
    idx = [int(i) for i in idx]
    groups: list[list[int]] = []
    heads: list[int] = []
    for i in idx:
        if heads and np.linalg.norm(X[i]) > 0:
            s = X[heads] @ X[i]
            j = int(s.argmax())
            if s[j] >= threshold:
                groups[j].append(i)
                continue
        heads.append(i)
        groups.append([i])
    return sorted(groups, key=len, reverse=True)


def split_topic(X: np.ndarray, parts: int = 2, random_state: int = SEED) -> np.ndarray:
    """Re-cluster the rows of one topic into ``parts`` (labels 0..parts-1)."""
    from sklearn.cluster import KMeans

    if len(X) < parts:
        return np.zeros(len(X), dtype=np.int64)
    return KMeans(parts, n_init=3, random_state=random_state).fit_predict(X).astype(np.int64)
