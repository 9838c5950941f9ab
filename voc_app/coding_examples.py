"""Codes that learn from examples (issue 21, NVivo-style): a model trained on one coder's codings
of a code proposes the code for the answers that coder has not gone through yet.

- Examples (``voc_app.store.coding.example_sets``): positives are the verbatims the coder coded
  with the code (accepted: manual codings and accepted proposals); negatives the verbatims the
  coder went through without it (marked as reviewed, or coded with other codes) and the
  proposals the coder rejected. Accepting or rejecting proposals therefore changes the next
  training set. When the coder has fewer negatives than twice the positives, a random sample
  of the answers the coder has not gone through fills up the negatives with weight
  ``UNLABELLED_WEIGHT`` (most of them do not carry the code; a few do, hence the low weight).
- Features: the project features of the label corrections (``nlp.adapt.build_features``: hashed
  normalised content words, tf-idf, plus the centred chiVe meaning vector when available).
- Model: logistic regression with balanced class weights (scikit-learn, liblinear).
- Before anything is proposed the model is cross-validated on the coder's examples (stratified
  k-fold, k ≤ 5): the threshold is the lowest out-of-fold probability cut whose precision
  reaches ``target_precision`` (0.8 by default: 4 of 5 proposals right), halfway to the next
  lower probability; its out-of-fold precision and recall are reported. When no cut reaches
  the target, nothing is proposed.
- Proposals: pending codings of the coder with source 'example' and the model's probability,
  on answers the coder has not gone through; a coder's earlier pending proposals of the code
  that fall below the threshold are removed. One undo step. Rule auto-coding is unchanged.

The estimate assumes the coder's examples are like the remaining answers (e.g. coded in the
order they came); examples picked because they are obvious make it optimistic.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from base.progress import Progress
from voc_app.store import Project
from voc_app.store import coding as st
from voc_app.store import corrections as stc
from voc_app.store.coding import CodingError

MIN_EXAMPLES = 10
TARGET_PRECISION = 0.8
MIN_NEGATIVES = 5  # labelled negatives below this: the unlabelled sample counts as negatives in the estimate
UNLABELLED_WEIGHT = 0.2
REG_C = 10.0  # inverse L2 penalty of the logistic regression (features are unit rows)
CV_FOLDS = 5
SEED = 0
SOURCE = "example"


@dataclass
class ExampleProposal:
    code_id: int
    coder: str
    positives: int
    negatives: int
    cv_precision: float | None  # out-of-fold precision at the threshold (None: not estimable)
    cv_recall: float | None
    threshold: float | None  # None: the target precision was not reached, nothing proposed
    proposed: list[tuple[int, float]] = field(default_factory=list)  # (verbatim id, probability), most probable first
    message: str = ""
    unlabelled: int = 0  # answers not gone through used as down-weighted negatives
    added: int = 0  # new pending proposals (what would be added with dry_run)
    removed: int = 0  # earlier pending proposals no longer above the threshold
    dry_run: bool = False


# --- features (the project features of nlp.adapt, cached per project and analyses) ---------------

_CACHE: dict[str, tuple[tuple, np.ndarray, object]] = {}


def _features(project: Project, progress: Progress | None):
    from nlp.adapt import build_features

    conn = project.conn
    key = (*stc.fingerprint(conn), st.answer_count(conn))
    name = str(Path(project.path).resolve())
    hit = _CACHE.get(name)
    if hit is not None and hit[0] == key:
        return hit[1], hit[2]
    if progress:
        progress(None, "学習用の特徴を準備")
    ids: list[int] = []
    toks: list = []
    for chunk in st.rule_chunks(conn, ["tokens"], 100_000):
        ids.extend(chunk.ids)
        toks.extend(json.loads(t or "[]") for t in chunk.columns["tokens"])
    f = build_features(toks)
    _CACHE.clear()
    _CACHE[name] = (key, np.array(ids, dtype=np.int64), f)
    return _CACHE[name][1], f


def _design(f, rows: np.ndarray):
    from scipy.sparse import csr_matrix, hstack

    from nlp.adapt import DENSE_WEIGHT

    sub = f.take(rows)
    if sub.dense.shape[1]:
        return hstack([sub.x, csr_matrix(sub.dense.astype(np.float32) * DENSE_WEIGHT)]).tocsr()
    return sub.x.tocsr()


def _fit(x, y: np.ndarray, w: np.ndarray):
    from sklearn.linear_model import LogisticRegression

    m = LogisticRegression(C=REG_C, class_weight="balanced", solver="liblinear", random_state=SEED)
    m.fit(x, y, sample_weight=w)
    return m


def _threshold(p: np.ndarray, y: np.ndarray, target: float) -> tuple[float | None, float | None, float | None]:
    """(threshold, precision, recall) of the most recall whose precision reaches ``target`` over
    out-of-fold probabilities; (None, precision, recall at 0.5) when no cut reaches it."""
    npos = int(y.sum())
    order = np.argsort(-p, kind="stable")
    ps, ys = p[order], y[order]
    tp = np.cumsum(ys)
    k = np.arange(1, len(ys) + 1)
    prec = tp / k
    last = np.r_[ps[1:] != ps[:-1], True]  # cut only between distinct probabilities
    ok = np.flatnonzero(last & (prec >= target) & (tp > 0))
    if not len(ok) or npos == 0:
        sel = p >= 0.5
        return (None, float(y[sel].mean()) if sel.any() else None, float((sel & (y == 1)).sum() / npos) if npos else None)
    j = int(ok[-1])
    below = ps[j + 1] if j + 1 < len(ps) else max(ps[j] - 0.05, 0.0)
    return float((ps[j] + below) / 2.0), float(prec[j]), float(tp[j] / npos)


# --- the operation -------------------------------------------------------------------------------

def propose_by_example(project: Project, progress: Progress | None = None, *, code: int | str,
                       coder: str | None = None, dry_run: bool = False, min_examples: int = MIN_EXAMPLES,
                       target_precision: float = TARGET_PRECISION) -> ExampleProposal:
    """Train on ``coder``'s codings of ``code`` (an id, name or path; ``coder`` None: the person
    who coded it most), estimate precision / recall by cross-validation, and propose the code
    (pending, source 'example', with the probability) on the answers the coder has not gone
    through whose probability is above the threshold for ``target_precision``. ``dry_run``:
    nothing is written. Raises ``CodingError`` with fewer than ``min_examples`` positives."""
    conn = project.conn
    code_row = st.code_by_name(conn, code) if isinstance(code, str) else st.code(conn, code)
    code_id, code_name = code_row["id"], code_row["name"]
    if not 0.0 < target_precision <= 1.0:
        raise CodingError("目標の精度は 0 より大きく 1 以下で指定してください")
    if coder is None:
        who = st.code_coders(conn, code_id)
        if not who:
            raise CodingError(f"例から学ぶには、コード「{code_name}」を人が {min_examples} 件以上の発言に付けている"
                              "必要があります（いまは 0 件）")
        coder = who[0][0]
    known = {c.name: c.id for c in st.coders(conn)}
    if coder not in known:
        raise CodingError(f"コーダー「{coder}」はいません（登録済み: {', '.join(known) or 'なし'}）")
    sets = st.example_sets(conn, code_id, known[coder])
    npos, nneg = len(sets.positives), len(sets.negatives)
    if npos < min_examples:
        raise CodingError(f"例から学ぶには、{coder} さんがコード「{code_name}」を付けた発言が {min_examples} 件以上"
                          f"要ります（いまは {npos} 件。あと {min_examples - npos} 件付けてください）")
    ids, f = _features(project, progress)
    index = {int(v): i for i, v in enumerate(ids.tolist())}
    pos_rows = np.array(sorted(index[v] for v in sets.positives if v in index), dtype=np.int64)
    neg_rows = np.array(sorted(index[v] for v in sets.negatives if v in index), dtype=np.int64)
    labelled = set(sets.positives) | set(sets.negatives)
    cand_rows = np.array([i for i, v in enumerate(ids.tolist()) if v not in labelled], dtype=np.int64)
    rng = np.random.default_rng(SEED)
    n_unl = min(max(0, 2 * len(pos_rows) - len(neg_rows)), len(cand_rows))
    unl_rows = np.sort(rng.choice(cand_rows, size=n_unl, replace=False)) if n_unl else np.zeros(0, dtype=np.int64)
    if len(neg_rows) + n_unl == 0:
        raise CodingError("否定例がありません: このコードに当たらない発言も確認済みにしてください")

    # cross-validation on the coder's examples (the unlabelled sample only trains, unless the
    # coder has almost no negatives: then it counts as negatives in the estimate too)
    eval_unl = len(neg_rows) < MIN_NEGATIVES
    rows = np.concatenate([pos_rows, neg_rows, unl_rows])
    y = np.r_[np.ones(len(pos_rows)), np.zeros(len(neg_rows) + n_unl)].astype(np.int64)
    w = np.r_[np.ones(len(pos_rows) + len(neg_rows)), np.full(n_unl, UNLABELLED_WEIGHT)]
    evaluated = np.r_[np.ones(len(pos_rows) + len(neg_rows), dtype=bool), np.full(n_unl, eval_unl)]
    x = _design(f, rows)
    from sklearn.model_selection import StratifiedKFold

    ev = np.flatnonzero(evaluated)
    k = int(min(CV_FOLDS, y[ev].sum(), (y[ev] == 0).sum()))
    oof = np.full(len(rows), np.nan)
    if k >= 2:
        train_only = np.flatnonzero(~evaluated)
        for j, (tr, te) in enumerate(StratifiedKFold(k, shuffle=True, random_state=SEED).split(ev, y[ev])):
            tr_rows = np.concatenate([ev[tr], train_only])
            m = _fit(x[tr_rows], y[tr_rows], w[tr_rows])
            oof[ev[te]] = m.predict_proba(x[ev[te]])[:, 1]
            if progress:
                progress(0.8 * (j + 1) / (k + 1), f"交差検証 {j + 1}/{k}")
        threshold, cv_p, cv_r = _threshold(oof[ev], y[ev], target_precision)
    else:
        threshold, cv_p, cv_r = None, None, None

    proposed: list[tuple[int, float]] = []
    if threshold is not None and len(cand_rows):
        m = _fit(x, y, w)
        p = m.predict_proba(_design(f, cand_rows))[:, 1]
        keep = np.flatnonzero(p >= threshold)
        keep = keep[np.argsort(-p[keep], kind="stable")]
        proposed = [(int(ids[cand_rows[i]]), round(float(p[i]), 4)) for i in keep]
    if progress:
        progress(0.9, "提案を保存中")

    chosen = {v for v, _ in proposed}
    stale = [cid for v, cid in sets.pending.items() if v not in chosen]
    new = [(v, pr) for v, pr in proposed if v not in sets.pending]
    res = ExampleProposal(code_id, coder, npos, nneg, cv_p, cv_r, threshold, proposed, unlabelled=n_unl,
                          added=len(new), removed=len(stale), dry_run=dry_run)
    if not dry_run and (proposed or stale):
        cid = known[coder]
        with st.editing(conn, "例から自動コーディング", {"code": code_id, "coder": coder}) as e:
            st.delete_codings(conn, e, stale)
            made = st.insert_codings(conn, e, [(code_id, v, cid, None, None) for v, _ in new], source=SOURCE,
                                     state="pending")
            got = dict(zip((v for v, _ in new), made, strict=True)) if len(made) == len(new) else {}
            prob = dict(proposed)
            pairs = [(got[v], prob[v]) for v in got] + [(sets.pending[v], prob[v]) for v in chosen & set(sets.pending)]
            st.set_probabilities(conn, e, pairs)
    res.message = _message(res, code_name, target_precision, eval_unl)
    return res


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v * 100:.0f}%"


def _message(r: ExampleProposal, name: str, target: float, eval_unl: bool) -> str:
    head = (f"「{name}」{r.coder} さんの例: 正例 {r.positives} 件・否定例 {r.negatives} 件"
            + (f"（未確認の発言 {r.unlabelled} 件を重み {UNLABELLED_WEIGHT} の否定例に追加）" if r.unlabelled else "")
            + f"。交差検証の推定 精度 {_pct(r.cv_precision)}・再現率 {_pct(r.cv_recall)}")
    if eval_unl:
        head += "（否定例が少ないため未確認の発言を否定例とみなした控えめな推定）"
    if r.threshold is None:
        return head + f"。目標の精度 {target * 100:.0f}% に届かないため提案しません（例を増やしてください）"
    verb = "提案します（試行、保存していません）" if r.dry_run else "提案しました（未確認の自動コード）"
    tail = f"、外れた以前の提案 {r.removed} 件" if r.removed else ""
    return head + f"。確率 {r.threshold:.2f} 以上の {len(r.proposed)} 件を{verb}（新規 {r.added} 件{tail}）"
