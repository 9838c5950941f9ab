"""Topic labels before and after ``nlp.topic_labels``: fits topics with ``nlp.topics.fit_topics``
and prints, per topic, the old label (c-TF-IDF keywords) → the new key phrase, the cleaned
keywords, the mixed-theme score and flag, and the labelling time.

    .venv/bin/python bench/show_topic_labels.py                 # the bundled sample project
    .venv/bin/python bench/show_topic_labels.py --dev           # ../shared/data/dev_topics.tsv
    .venv/bin/python bench/show_topic_labels.py --corpus        # training/corpus/*.tsv
    .venv/bin/python bench/show_topic_labels.py --voc           # ../shared/data/voc/verbatims.tsv
    .venv/bin/python bench/show_topic_labels.py --calibrate     # the mixed-theme threshold

``--calibrate`` fits topics on the project's own training corpus (training/corpus, written for the
project), takes every fitted topic of at least 20 answers as a *single* topic and every pair of
such topics with dissimilar centres (cosine < 0.5) as a synthetic *mixture* (the two member sets
concatenated, the smaller one trimmed to at least 30 % of the mixture), and prints the silhouette
distribution of both and the accuracy at candidate thresholds. With ``--dev`` it also checks the
chosen threshold on dev_topics.tsv's labelled categories (evaluation only: nothing is tuned there).
"""

from __future__ import annotations

import argparse
import csv
import glob
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

from nlp import topic_labels as tl  # noqa: E402
from nlp import topics as nt  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "アンケート_2025上期.csv"


def sample_sides() -> list[tuple[str, list[str]]]:
    with open(SAMPLE, encoding="cp932", newline="") as f:
        rows = list(csv.reader(f))
    head, rows = rows[0], rows[1:]
    out = []
    for col in (5, 6):
        out.append((head[col], [r[col] for r in rows if len(r) > col and r[col].strip()]))
    return out


def read_tsv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def corpus_texts() -> list[dict]:
    rows = []
    for p in sorted(glob.glob(str(ROOT / "training" / "corpus" / "*.tsv"))):
        rows += read_tsv(Path(p))
    return [r for r in rows if r["text"].strip()]


def central(fit, t) -> np.ndarray:
    """Members of topic ``t``, most central first."""
    return nt.central_members(fit, t.number)


def show(name: str, texts: list[str], n_topics: int | None = None) -> None:
    docs = nt.docs_tokens(texts)
    fit = nt.fit_topics(docs, n_topics=n_topics)
    print(f"\n== {name}: {len(texts)} answers, {len(fit.topics)} topics, "
          f"{int((fit.labels < 0).sum())} rare voices")
    orders = [central(fit, t) for t in fit.topics]
    t0 = time.perf_counter()
    labels = tl.label_topics([([texts[i] for i in o[:tl.TOP_N]], t.words) for o, t in zip(orders, fit.topics, strict=True)])
    joint = time.perf_counter() - t0
    times = []
    for t, order, lab in zip(fit.topics, orders, labels, strict=True):
        t0 = time.perf_counter()
        tl.label_topic([texts[i] for i in order[:tl.TOP_N]], t.words)
        times.append(time.perf_counter() - t0)
        mix = tl.mixed_themes(fit.features[order])
        flag = f"MIXED {mix.score:.2f} ({mix.shares[0]:.0%}/{mix.shares[1]:.0%})" if mix.mixed else f"{mix.score:.2f}"
        print(f"[{t.number:2d}] n={t.size:3d}  {t.label}  →  「{lab.label}」")
        print(f"       keywords: {'・'.join(lab.keywords[:6])}   mixed: {flag}")
        if mix.mixed:
            for part in (0, 1):
                idx = order[mix.split == part]
                sub = tl.label_topic([texts[i] for i in idx[:tl.TOP_N]], t.words)
                print(f"         part {part}: 「{sub.label}」 e.g. {texts[idx[0]][:40]}")
    if times:
        print(f"   labelling: all {len(times)} topics together (label_topics) {joint * 1000:.0f} ms; one topic alone "
              f"(label_topic) mean {np.mean(times) * 1000:.1f} ms, max {np.max(times) * 1000:.1f} ms")


def _pairs(fit, min_size: int = 20, low: float = -1.0, high: float = 0.5):
    """Member sets of the fitted topics of at least ``min_size`` answers, and mixtures of two of
    them whose centres' cosine lies in [low, high)."""
    big = [t for t in fit.topics if t.size >= min_size]
    singles = [np.flatnonzero(fit.labels == t.number) for t in big]
    mixtures = []
    for a in range(len(big)):
        for b in range(a + 1, len(big)):
            if low <= float(big[a].center @ big[b].center) < high:
                ia, ib = singles[a], singles[b]
                small, large = (ia, ib) if len(ia) < len(ib) else (ib, ia)
                keep = min(len(large), int(len(small) / 0.3))
                mixtures.append(np.concatenate([large[:keep], small]))
    return singles, mixtures


def _checks(X: np.ndarray, groups: list[np.ndarray]) -> np.ndarray:
    """(silhouette, centre similarity) of the best 2-means split of each group."""
    out = []
    for g in groups:
        m = tl.mixed_themes(X[g])
        out.append((m.score, m.similarity))
    return np.array(out).reshape(-1, 2)


def _rates(single: np.ndarray, mixed: np.ndarray, grid) -> None:
    for th, sim in grid:
        f1 = np.mean((single[:, 0] >= th) & (single[:, 1] <= sim)) * 100
        f2 = np.mean((mixed[:, 0] >= th) & (mixed[:, 1] <= sim)) * 100
        print(f"   silhouette ≥ {th:.2f} and centre cosine ≤ {sim:.2f}: single topics flagged {f1:5.1f}%  "
              f"mixtures flagged {f2:5.1f}%")


def _distribution(name: str, a: np.ndarray) -> None:
    q = [1, 10, 50, 90, 99]
    print(f"   {name:8s} silhouette p1/p10/p50/p90/p99 " + " ".join(f"{x:.3f}" for x in np.percentile(a[:, 0], q))
          + "   centre cosine " + " ".join(f"{x:.2f}" for x in np.percentile(a[:, 1], q)))


GRID = [(0.12, 1.0), (0.16, 1.0), (0.20, 1.0), (0.12, 0.6), (0.14, 0.6), (0.16, 0.6), (0.16, 0.5), (0.20, 0.6)]


def calibrate(dev: bool) -> None:
    rows = corpus_texts()
    texts = [r["text"] for r in rows]
    docs = nt.docs_tokens(texts)
    fit = nt.fit_topics(docs)
    singles, mixtures = _pairs(fit)
    s1, s2 = _checks(fit.features, singles), _checks(fit.features, mixtures)
    print(f"training corpus: {len(texts)} answers, {len(fit.topics)} topics; {len(singles)} single topics "
          f"(≥ 20 answers), {len(mixtures)} synthetic mixtures of two (centres cosine < 0.5)")
    _distribution("single", s1)
    _distribution("mixtures", s2)
    _rates(s1, s2, GRID)
    _, close = _pairs(fit, low=0.5, high=0.7)
    s3 = _checks(fit.features, close)
    print(f"   {len(close)} mixtures of two related topics (centres cosine 0.5–0.7) flagged at the chosen "
          f"thresholds: {np.mean((s3[:, 0] >= tl.MIXED_THRESHOLD) & (s3[:, 1] <= tl.MAX_PART_SIMILARITY)) * 100:.1f}%")
    big = [t for t in fit.topics if t.size >= 20]
    flagged = [(t, s) for t, s in zip(big, s1, strict=True)
               if s[0] >= tl.MIXED_THRESHOLD and s[1] <= tl.MAX_PART_SIMILARITY]
    print(f"   single topics flagged at the chosen thresholds ({tl.MIXED_THRESHOLD}, {tl.MAX_PART_SIMILARITY}):")
    for t, s in flagged:
        m = tl.mixed_themes(fit.features[central(fit, t)])
        order = central(fit, t)
        ex = [texts[order[m.split == k][0]][:30] for k in (0, 1)]
        print(f"     [{t.number}] {t.label} silhouette {s[0]:.2f} cosine {s[1]:.2f}: 「{ex[0]}」 / 「{ex[1]}」")
    if dev:
        d = read_tsv(DATA / "dev_topics.tsv")
        texts = [r["text"] for r in d]
        cats = np.array([r["topic_label"] for r in d])
        X = nt.topic_features(nt.docs_tokens(texts))
        names = [c for c in sorted(set(cats)) if (cats == c).sum() >= 20]
        singles = [np.flatnonzero(cats == c) for c in names]
        mixtures = []
        for a in range(len(names)):
            for b in range(a + 1, len(names)):
                ia, ib = singles[a], singles[b]
                small, large = (ia, ib) if len(ia) < len(ib) else (ib, ia)
                mixtures.append(np.concatenate([large[:min(len(large), int(len(small) / 0.3))], small]))
        s1, s2 = _checks(X, singles), _checks(X, mixtures)
        print(f"dev_topics.tsv (held out, news): {len(singles)} categories, {len(mixtures)} mixtures of two")
        print("   single: " + " ".join(f"{n}:{x:.3f}/{y:.2f}" for n, (x, y) in zip(names, s1, strict=True)))
        _distribution("mixtures", s2)
        _rates(s1, s2, [(tl.MIXED_THRESHOLD, tl.MAX_PART_SIMILARITY)])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", action="store_true", help="dev_topics.tsv (MewsC-16 ja)")
    ap.add_argument("--corpus", action="store_true", help="the training corpus")
    ap.add_argument("--voc", action="store_true", help="../shared/data/voc/verbatims.tsv (to look at only)")
    ap.add_argument("--calibrate", action="store_true", help="mixed-theme threshold on synthetic mixtures")
    ap.add_argument("--topics", type=int, default=None)
    args = ap.parse_args()
    if args.calibrate:
        calibrate(args.dev)
        return
    if args.dev:
        show("dev_topics.tsv", [r["text"] for r in read_tsv(DATA / "dev_topics.tsv")], args.topics)
    elif args.voc:
        show("voc/verbatims.tsv", [r["text"] for r in read_tsv(DATA / "voc" / "verbatims.tsv") if r["text"].strip()],
             args.topics)
    elif args.corpus:
        show("training corpus", [r["text"] for r in corpus_texts()], args.topics)
    else:
        for name, texts in sample_sides():
            show(f"sample: {name}", texts, args.topics)


if __name__ == "__main__":
    main()
