"""Topic quality on the development sets, each figure beside a baseline measured in the same run.

1. Embeddings (``voc embed``'s function) on MewsC-16 ja (``dev_topics.tsv``): k-means accuracy
   (Hungarian matching) and NMI with k = number of classes, mean of 5 seeds; baseline: Sudachi
   TF-IDF + SVD (100-d).
2. The full topic pipeline (``voc cluster``, run as a command) on ``dev_topics.tsv`` and on
   ``voc/verbatims.tsv`` (its ``topic`` column): NMI and ARI (rare voices counted as one more
   cluster, and over assigned rows only), share of rare voices; baselines: the same pipeline on
   TF-IDF + SVD features, and BERTopic's default clustering (UMAP + HDBSCAN) on our features.

    .venv/bin/python bench/eval_topics.py [--quick]
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

from nlp import topics as nt  # noqa: E402


def read(path: Path, label: str) -> tuple[list[str], np.ndarray]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    names = sorted({r[label] for r in rows})
    return [r["text"] for r in rows], np.array([names.index(r[label]) for r in rows])


def accuracy(y: np.ndarray, p: np.ndarray) -> float:
    k = int(max(y.max(), p.max())) + 1
    m = np.zeros((k, k))
    for a, b in zip(y, p, strict=True):
        m[a, b] += 1
    r, c = linear_sum_assignment(-m)
    return m[r, c].sum() / len(y)


def kmeans_scores(X: np.ndarray, y: np.ndarray, seeds: int) -> tuple[float, float]:
    k = len(set(y.tolist()))
    acc, nmi = [], []
    for s in range(seeds):
        p = KMeans(k, n_init=10, random_state=s).fit_predict(X)
        acc.append(accuracy(y, p))
        nmi.append(normalized_mutual_info_score(y, p))
    return float(np.mean(acc)) * 100, float(np.mean(nmi))


def tfidf_svd(docs: list) -> np.ndarray:
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    T = TfidfVectorizer(analyzer=lambda d: [n for _, n in d], sublinear_tf=True).fit_transform(docs)
    S = TruncatedSVD(min(100, T.shape[1] - 1), random_state=0).fit_transform(T)
    n = np.linalg.norm(S, axis=1, keepdims=True)
    return (S / np.where(n > 0, n, 1)).astype(np.float32)


def pipeline_scores(y: np.ndarray, labels: np.ndarray) -> str:
    m = labels >= 0
    return (f"NMI {normalized_mutual_info_score(y, labels):.3f} (assigned only {normalized_mutual_info_score(y[m], labels[m]):.3f})"
            f"  ARI {adjusted_rand_score(y, labels):.3f}  rare {np.mean(~m) * 100:4.1f}%"
            f"  topics {len(set(labels[m].tolist()))}")


def voc_cluster(path: Path, tmp: Path) -> tuple[np.ndarray, float]:
    out = tmp / (path.stem + ".clustered.tsv")
    t = time.perf_counter()
    subprocess.run([str(ROOT / ".venv" / "bin" / "voc"), "cluster", str(path), "--text-column", "text",
                    "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
    dt = time.perf_counter() - t
    with open(out, encoding="utf-8", newline="") as f:
        return np.array([int(r["topic"]) for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]), dt


def kmeans_rare(X: np.ndarray) -> np.ndarray:
    return nt.RareVoiceKMeans(nt.auto_topic_count(len(X))).fit(X).labels_


def umap_hdbscan(X: np.ndarray) -> np.ndarray:
    """BERTopic's default clustering stages (its own defaults) on the same features."""
    from hdbscan import HDBSCAN
    from umap import UMAP

    U = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=42).fit_transform(X)
    return HDBSCAN(min_cluster_size=10, metric="euclidean", cluster_selection_method="eom").fit_predict(U)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="2 k-means seeds, no UMAP + HDBSCAN reference")
    args = ap.parse_args()
    seeds = 2 if args.quick else 5
    sets = {"MewsC-16 ja (dev_topics.tsv)": (DATA / "dev_topics.tsv", "topic_label"),
            "VoC (voc/verbatims.tsv, topic)": (DATA / "voc" / "verbatims.tsv", "topic")}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (path, label) in sets.items():
            texts, y = read(path, label)
            docs = nt.docs_tokens(texts)
            t = time.perf_counter()
            E = nt.embed_docs(docs)
            dt = time.perf_counter() - t
            B = tfidf_svd(docs)
            print(f"\n== {name}: {len(texts)} texts, {len(set(y.tolist()))} classes")
            acc, nmi = kmeans_scores(E, y, seeds)
            print(f"  embeddings k-means   ours (GiNZA vectors, SIF)   acc {acc:5.1f}  NMI {nmi:.3f}"
                  f"   ({len(texts) / max(dt, 1e-9):,.0f} texts/s after tokenizing)")
            acc, nmi = kmeans_scores(B, y, seeds)
            print(f"                       baseline TF-IDF + SVD       acc {acc:5.1f}  NMI {nmi:.3f}")
            labels, dt = voc_cluster(path, Path(tmp))
            print(f"  pipeline  voc cluster ({dt:.1f} s, incl. start-up)  {pipeline_scores(y, labels)}")
            print(f"            same pipeline on TF-IDF + SVD         {pipeline_scores(y, kmeans_rare(B))}")
            if not args.quick:
                F = nt.topic_features(docs, E)
                print(f"            UMAP + HDBSCAN (BERTopic defaults) on our features  "
                      f"{pipeline_scores(y, umap_hdbscan(F))}")


if __name__ == "__main__":
    main()
