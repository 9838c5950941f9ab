"""Topic fit speed and memory on 20,000 and 100,000 verbatims, and transform of 10,000 new ones.

Texts: sentences of the development VoC set (``../shared/data/voc/verbatims.tsv``) recombined
(1–3 per answer) with varied numbers, so there are many distinct answers with realistic words.
Stages timed separately: Sudachi tokens (all cores, as the app does), embeddings + aspect
features, the BERTopic fit (clustering, c-TF-IDF, quotes), transform of 10,000 new answers.
Reference in the same run: BERTopic's default clustering stages (UMAP + HDBSCAN) on the same
features for the 20,000 set (``--no-reference`` skips it).

    .venv/bin/python bench/bench_topics.py [--sizes 20000 100000] [--no-reference]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import resource
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp import topics as nt  # noqa: E402
from voc_app.analysis import tokens_parallel  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "voc" / "verbatims.tsv"


def sentences() -> list[str]:
    with open(DATA, encoding="utf-8", newline="") as f:
        texts = [r["text"] for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    out = []
    for t in texts:
        out.extend(s for s in re.split(r"(?<=[。！？!?])", t) if len(s) > 3)
    return out


def generate(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    pool = sentences()
    out = []
    for _ in range(n):
        text = "".join(rnd.choice(pool) for _ in range(rnd.choice((1, 1, 2, 2, 3))))
        out.append(re.sub(r"\d+", lambda m: str(rnd.randint(1, 99)), text))
    return out


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int, reference: bool) -> None:
    texts = generate(n, seed=n)
    new = generate(10_000, seed=n + 1)
    print(f"\n== {n:,} answers ({len(set(texts)):,} distinct), {sum(map(len, texts)) / n:.0f} characters on average")
    t0 = time.perf_counter()
    docs = tokens_parallel(texts)
    t1 = time.perf_counter()
    E = nt.embed_docs(docs)
    F = nt.topic_features(docs, E)
    t2 = time.perf_counter()
    fit = nt.fit_topics(docs, embeddings=E)
    t3 = time.perf_counter()
    new_docs = tokens_parallel(new)
    X = nt.topic_features(new_docs)
    C = np.array([t.center for t in fit.topics])
    labels, _ = nt.assign(X, C, np.array([t.floor for t in fit.topics], dtype=np.float32))
    t4 = time.perf_counter()
    print(f"  tokens (Sudachi, all cores)   {t1 - t0:6.1f} s")
    print(f"  embeddings + aspect features  {t2 - t1:6.1f} s")
    print(f"  fit (features, k-means, c-TF-IDF, quotes)  {t3 - t2:6.1f} s   → {len(fit.topics)} topics,"
          f" rare voices {np.mean(fit.labels < 0) * 100:.1f}%")
    print(f"  total fit from raw text       {t3 - t0:6.1f} s")
    print(f"  transform 10,000 new answers  {t4 - t3:6.1f} s   (rare {np.mean(labels < 0) * 100:.1f}%)")
    print(f"  peak RSS so far               {peak_mb():6.0f} MB")
    if reference:
        from hdbscan import HDBSCAN
        from umap import UMAP

        t = time.perf_counter()
        U = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=42).fit_transform(F)
        tu = time.perf_counter()
        lab = HDBSCAN(min_cluster_size=10).fit_predict(U)
        th = time.perf_counter()
        print(f"  reference: UMAP {tu - t:.1f} s (incl. numba JIT) + HDBSCAN {th - tu:.1f} s on the same features"
              f" → {lab.max() + 1} clusters, outliers {np.mean(lab < 0) * 100:.1f}%; peak RSS {peak_mb():.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    ap.add_argument("--no-reference", action="store_true")
    args = ap.parse_args()
    t = time.perf_counter()
    import bertopic  # noqa: F401 - import cost is part of the first fit in a new process

    print(f"import BERTopic: {time.perf_counter() - t:.1f} s")
    for n in args.sizes:
        run(n, reference=not args.no_reference and n <= 20_000)


if __name__ == "__main__":
    main()
