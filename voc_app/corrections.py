"""Label corrections (issue 21): a person's labels are primary data and teach a per-project layer.

Operations (plain functions ``fn(project, progress=None, **kw)``; results are picklable, so the
app runs them as background jobs):

- ``correct`` / ``clear`` / ``correct_many`` (a TSV) / ``undo`` / ``redo``: corrections of
  polarity, churn, advocacy and stage; the final label changes at once.
- ``learn``: refit the project layer (``nlp.adapt``) on the corrections and re-label every
  verbatim nobody corrected; ``use_shipped_model`` goes back to the shipped model's labels
  (corrections still apply); ``status``: how well the layer agrees with the corrections.
- ``queue``: 「確認待ち」 — the verbatims worth a person's look first, with a reason each.
- ``labels``: the final labels of every verbatim (``voc labels`` writes them with
  ``voc_app.export.labels_tsv``).

Final labels live in ``analyses`` (polarity, churn, advocacy, stage and their probabilities:
what customer signals, topics, exports and the app read); the shipped model's own labels stay in
``analyses.model_*`` and the layer's probabilities in ``analyses.project_probabilities``. After
every analysis ``analyze_project`` calls ``after_analysis``: corrected verbatims get their
corrections back chunk by chunk, and the layer is refitted when there are corrections.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from base.errors import InputError, UserError
from base.progress import Progress
from nlp.adapt import DEFAULT_LAMBDA
from voc_app.store import Project, transaction
from voc_app.store import corrections as st

TARGETS = ("polarity", "churn", "advocacy", "stage")
VALUES = {"polarity": ("delight", "pain", "neutral", "mixed"), "churn": ("0", "1"), "advocacy": ("0", "1"),
          "stage": ("first_experience", "success", "advocacy", "none")}
TASKS = (*TARGETS, "any")
KINDS = ("survey", "support", "interview")
SOURCES = ("model", "project", "person")
LABELS_HEADER = ("verbatim_id", "external_id", "text", "polarity", "churn", "advocacy", "stage", "polarity_p",
                 "churn_p", "advocacy_p", "corrected")
QUEUE_HEADER = ("verbatim_id", "external_id", "text", "reason")
_NAMES = {"polarity": "極性", "churn": "解約の兆し", "advocacy": "推奨・紹介", "stage": "段階"}
_VALUE_NAMES = {"delight": "喜び", "pain": "不満", "neutral": "中立", "mixed": "混在", "first_experience": "初回体験",
                "success": "成功体験", "advocacy": "推奨", "none": "なし"}


class CorrectionError(UserError):
    """A correction that cannot be made (unknown verbatim, bad value, no model to learn from)."""


def _quiet(fraction: float | None, message: str) -> None:
    pass


def check_value(target: str, value) -> str:
    """The stored form of a label value ('0'/'1' for churn and advocacy); ValueError when the
    value is not one of the label's values."""
    if target not in VALUES:
        raise ValueError(f"ラベル {target!r} はありません（{', '.join(TARGETS)}）")
    v = str(int(value)) if isinstance(value, bool) else str(value).strip()
    if v not in VALUES[target]:
        raise ValueError(f"{_NAMES[target]}の値 {value!r} は使えません（{' / '.join(VALUES[target])}）")
    return v


# --- settling final labels ------------------------------------------------------------------

def _thresholds(project: Project) -> dict[str, float]:
    from nlp.model import load

    m = load()
    if m is None:
        return {"churn": 0.5, "advocacy": 0.5}
    return {t: float(m.heads[t].threshold) for t in ("churn", "advocacy")}


def _machine_from_project(probs: dict, model: dict, classes: dict[str, list[str]], thresholds: dict) -> dict:
    """The labels the layer's probabilities give (as ``TextModel.decide``), cue types kept where
    the label agrees with the shipped model."""
    from nlp.adapt import decide

    arr = {t: np.array([[probs.get(f"{t}_{c}", 0.0) for c in classes[t]]]) for t in ("polarity", "stage")}
    arr.update({t: np.array([probs.get(t, 0.0)]) for t in ("churn", "advocacy")})
    lab = {t: v[0] for t, v in decide(arr, classes, thresholds).items()}
    return {**lab, "probabilities": probs, "score": round(probs.get("polarity_delight", 0.0)
                                                          - probs.get("polarity_pain", 0.0), 4),
            "churn_type": model["churn_type"] if lab["churn"] and model["churn"] else None,
            "advocacy_type": model["advocacy_type"] if lab["advocacy"] and model["advocacy"] else None}


def _final_tuple(final: dict, source: str, vid: int) -> tuple:
    return (final["polarity"], final["score"], int(final["churn"]), final["churn_type"], int(final["advocacy"]),
            final["advocacy_type"], final["stage"], final["polarity_p"], final["churn_p"], final["advocacy_p"],
            final["stage_p"], json.dumps(final["probabilities"], ensure_ascii=False), source, vid)


def _differs(a: dict, b: dict) -> bool:
    return any(str(a[t]) != str(b[t]) for t in TARGETS)


def _settle(conn, ids: Sequence[int] | None) -> int:
    """Recompute the final labels of ``ids`` (all when None) from the three layers, in the
    caller's transaction. Returns the rows written."""
    from nlp.adapt import settle

    layer = st.layer_row(conn)
    use_layer = layer is not None and layer["active"] and layer["weights"] is not None
    classes = (layer or {}).get("detail", {}).get("classes") or {}
    thresholds = (layer or {}).get("detail", {}).get("thresholds") or {}
    person = st.current(conn, ids)
    out = []
    for (vid, mpol, mscore, mchurn, mctype, madv, matype, mstage, mprobs, pprobs, _src) in st.machine_rows(conn, ids):
        if mpol is None:
            continue
        model = {"polarity": mpol, "score": mscore, "churn": mchurn, "churn_type": mctype, "advocacy": madv,
                 "advocacy_type": matype, "stage": mstage, "probabilities": json.loads(mprobs or "{}")}
        machine, source = model, "model"
        if use_layer and pprobs and classes:
            machine = _machine_from_project(json.loads(pprobs), model, classes, thresholds)
            source = "project" if _differs(machine, model) else "model"
        corr = person.get(vid, {})
        if corr:
            source = "person"
        stage_classes = classes.get("stage") or [k[6:] for k in machine["probabilities"] if k.startswith("stage_")]
        out.append(_final_tuple(settle(machine, corr, stage_classes), source, vid))
    st.write_final(conn, out)
    return len(out)


def settle_analysed(project: Project, lo: int, hi: int) -> None:
    """In the analysis' transaction, after it stored the verbatims ``lo…hi``: their labels are the
    shipped model's own (kept in ``model_*``), and corrected ones get their corrections back."""
    conn = project.conn
    st.adopt_model_labels(conn, lo, hi)
    ids = st.corrected_between(conn, lo, hi)
    if ids:
        _settle(conn, ids)


def after_analysis(project: Project, analysed: int, progress: Progress | None = None) -> LearnResult | None:
    """Called at the end of ``analyze_project``: refit the project layer when there are
    corrections and the analysis changed something (or the layer has not seen the current
    corrections) — unless the user went back to the shipped model. Returns ``learn``'s result
    when it ran."""
    conn = project.conn
    layer = st.layer_row(conn)
    if layer is not None and not layer["active"]:
        return None
    n = st.counts(conn)["verbatims"]
    if not n and (layer is None or layer["weights"] is None):
        return None
    if analysed or layer is None or layer["corrections_digest"] != st.digest(conn):
        try:
            return learn(project, progress)
        except CorrectionError:  # no model probabilities to learn on: the corrections alone apply
            return None
    return None


# --- corrections ----------------------------------------------------------------------------

def _with_policy(conn, rows: list[tuple[int, str, str | None]]) -> list[tuple[int, str, str | None]]:
    """A stage or advocacy correction that contradicts the verbatim's other correction (stage
    'advocacy' exactly when advocacy is 1) brings the other along: the latest judgement wins."""
    given = {(vid, t): v for vid, t, v in rows}
    person = st.current(conn, {vid for vid, _, _ in rows})
    extra = []
    for (vid, t), v in given.items():
        have = person.get(vid, {})
        if t == "stage" and v is not None and (vid, "advocacy") not in given:
            if have.get("advocacy") == ("0" if v == "advocacy" else "1"):
                extra.append((vid, "advocacy", "1" if v == "advocacy" else "0"))
        elif t == "advocacy" and v is not None and (vid, "stage") not in given and "stage" in have:
            if (have["stage"] == "advocacy") != (v == "1"):
                extra.append((vid, "stage", "advocacy" if v == "1" else None))
    return rows + extra


def _labels_of(conn, vid: int) -> dict:
    row = next((r for r in label_rows(conn, [vid])), None)
    return row.as_dict() if row else {}


def correct(project: Project, verbatim_id: int, *, coder: str = "", polarity: str | None = None,
            churn: int | str | bool | None = None, advocacy: int | str | bool | None = None,
            stage: str | None = None, progress: Progress | None = None) -> dict:
    """A person's labels for one verbatim (only the labels given; the same value as now confirms
    it). One undo step. The final labels change at once; returns them (``LabelRow.as_dict``)."""
    given = {t: v for t, v in (("polarity", polarity), ("churn", churn), ("advocacy", advocacy), ("stage", stage))
             if v is not None}
    if not given:
        raise CorrectionError("直すラベルを 1 つ以上指定してください（polarity / churn / advocacy / stage）")
    try:
        rows = [(int(verbatim_id), t, check_value(t, v)) for t, v in given.items()]
    except ValueError as e:
        raise CorrectionError(str(e)) from e
    conn = project.conn
    with transaction(conn):
        if not st.existing_verbatims(conn, [int(verbatim_id)]):
            raise CorrectionError(f"発言 {verbatim_id} はありません")
        st.record(conn, f"発言 {verbatim_id} のラベルを修正", coder, _with_policy(conn, rows))
        _settle(conn, [int(verbatim_id)])
    return _labels_of(conn, int(verbatim_id))


def clear(project: Project, verbatim_id: int, targets: Sequence[str] = TARGETS, *, coder: str = "",
          progress: Progress | None = None) -> dict:
    """Remove a person's corrections of ``targets`` on one verbatim (the machine's label returns).
    One undo step. Returns the final labels."""
    conn = project.conn
    with transaction(conn):
        have = st.current(conn, [int(verbatim_id)]).get(int(verbatim_id), {})
        rows = [(int(verbatim_id), t, None) for t in targets if t in have]
        if rows:
            st.record(conn, f"発言 {verbatim_id} の修正を取り消し", coder, rows)
            _settle(conn, [int(verbatim_id)])
    return _labels_of(conn, int(verbatim_id))


def read_corrections(path: str | Path) -> list[tuple[int, dict[str, str]]]:
    """(verbatim id, {target: value}) per row of a corrections TSV: header ``verbatim_id`` plus
    any of polarity, churn, advocacy, stage (other columns are ignored; an empty cell changes
    nothing). A file written by ``voc labels`` (it has a ``corrected`` column) is read as the
    edited labels: rows with corrected=0 count only the cells that differ from the current
    labels (``correct_many`` compares). Raises InputError naming the file, row and column."""
    p = Path(path)
    if not p.exists():
        raise InputError("ファイルが見つかりません", file=str(p))
    try:
        text = p.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError("UTF-8 の TSV ではありません", file=str(p), hint=str(e)) from e
    lines = text.splitlines()
    if not lines:
        raise InputError("空のファイルです", file=str(p))
    header = [h.strip() for h in lines[0].split("\t")]
    if "verbatim_id" not in header:
        raise InputError("見出しに verbatim_id 列がありません", file=str(p), row=1)
    cols = [t for t in TARGETS if t in header]
    if not cols:
        raise InputError("見出しに polarity / churn / advocacy / stage のどれもありません", file=str(p), row=1)
    out = []
    for n, cells in enumerate(csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE), start=2):
        if not any(c.strip() for c in cells):
            continue
        row = dict(zip(header, cells, strict=False))
        raw = (row.get("verbatim_id") or "").strip()
        if not raw.isdigit():
            raise InputError(f"発言 ID {raw!r} は数字ではありません", file=str(p), row=n, column="verbatim_id")
        vals = {}
        for t in cols:
            v = (row.get(t) or "").strip()
            if not v:
                continue
            try:
                vals[t] = check_value(t, v)
            except ValueError as e:
                raise InputError(str(e), file=str(p), row=n, column=t) from e
        if "corrected" in header:
            vals["_corrected"] = (row.get("corrected") or "").strip()
        out.append((int(raw), vals))
    return out


def correct_many(project: Project, path: str | Path, *, coder: str = "", progress: Progress | None = None) -> dict:
    """Corrections from a TSV (``read_corrections``), all in one transaction and one undo step;
    nothing is written when a row is bad. Returns counts."""
    rows = read_corrections(path)
    conn = project.conn
    tick = progress or _quiet
    with transaction(conn):
        known = st.existing_verbatims(conn, [v for v, _ in rows])
        for n, (vid, _) in enumerate(rows, start=2):
            if vid not in known:
                raise InputError(f"発言 {vid} はプロジェクトにありません", file=str(path), row=n, column="verbatim_id")
        final = {r.verbatim_id: r for r in label_rows(conn, [v for v, _ in rows])}
        person = st.current(conn, [v for v, _ in rows])
        out: dict[tuple[int, str], str] = {}
        for vid, vals in rows:
            export = "_corrected" in vals
            was_corrected = vals.pop("_corrected", "") == "1"
            for t, v in vals.items():
                now = final.get(vid)
                same = now is not None and str(getattr(now, t)) == v
                if export and not was_corrected and same and t not in person.get(vid, {}):
                    continue  # an unedited cell of a labels export: no judgement
                out[(vid, t)] = v
        if out:
            st.record(conn, f"ファイルからラベルを修正（{Path(path).name}）", coder,
                      _with_policy(conn, [(vid, t, v) for (vid, t), v in out.items()]))
            tick(0.5, "ラベルを反映")
            _settle(conn, sorted({vid for vid, _ in out}))
    return {"rows": len(rows), "verbatims": len({vid for vid, _ in out}), "corrections": len(out)}


def undo(project: Project, progress: Progress | None = None) -> str | None:
    """Undo the last correction edit. Returns its description, None when there is nothing."""
    with transaction(project.conn):
        done = st.undo(project.conn)
        if done:
            _settle(project.conn, done[1])
    return done[0] if done else None


def redo(project: Project, progress: Progress | None = None) -> str | None:
    with transaction(project.conn):
        done = st.redo(project.conn)
        if done:
            _settle(project.conn, done[1])
    return done[0] if done else None


def undo_state(project: Project) -> tuple[str | None, str | None]:
    return st.undo_state(project.conn)


def corrections(project: Project) -> list[dict]:
    """The corrections in force: verbatim_id, target, value, coder, at."""
    return [dict(zip(("verbatim_id", "target", "value", "coder", "at"), r, strict=True))
            for r in st.current_rows(project.conn)]


# --- labels out -----------------------------------------------------------------------------

@dataclass
class LabelRow:
    verbatim_id: int
    external_id: str
    text: str
    polarity: str | None
    churn: int | None
    advocacy: int | None
    stage: str | None
    polarity_p: float | None
    churn_p: float | None
    advocacy_p: float | None
    stage_p: float | None
    corrected: int                      # 1: a person corrected at least one label
    source: str | None                  # model | project | person (None: not analysed)
    corrected_targets: list[str] = field(default_factory=list)
    model: dict = field(default_factory=dict)  # the shipped model's own labels

    def as_dict(self) -> dict:
        return dict(self.__dict__)

    def cells(self) -> list:
        """The ``voc labels`` columns (``LABELS_HEADER``)."""
        def p(v):
            return "" if v is None else f"{v:.4f}"
        return [self.verbatim_id, self.external_id, self.text, self.polarity or "",
                "" if self.churn is None else int(self.churn), "" if self.advocacy is None else int(self.advocacy),
                self.stage or "", p(self.polarity_p), p(self.churn_p), p(self.advocacy_p), self.corrected]


def label_rows(conn, ids: Sequence[int] | None = None) -> Iterator[LabelRow]:
    for r in st.label_rows(conn, ids):
        yield LabelRow(r[0], r[1] or "", r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], int(r[11]), r[12],
                       sorted((r[13] or "").split(",")) if r[13] else [],
                       {"polarity": r[14], "churn": r[15], "advocacy": r[16], "stage": r[17]})


def labels(project: Project, progress: Progress | None = None) -> list[LabelRow]:
    """Final labels of every verbatim, by id (for export and the app's table)."""
    return list(label_rows(project.conn))


# --- the project layer ----------------------------------------------------------------------

@dataclass
class _Table:
    """Project features and the shipped model's offsets of every analysed verbatim (built from
    the stored tokens and probabilities; kept in memory per process, rebuilt when the analyses
    change)."""

    key: tuple
    ids: np.ndarray
    features: object          # nlp.adapt.Features
    offsets: dict             # the shipped model's logits, clipped (the layer's offset)
    shipped: dict             # the same, unclipped (labels the layer leaves to the shipped model)
    classes: dict
    non_answer: np.ndarray

    def index(self) -> dict[int, int]:
        return {int(v): i for i, v in enumerate(self.ids)}


_TABLES: dict[str, _Table] = {}


def _table(project: Project, progress: Progress | None = None, *, dense: bool = True) -> _Table:
    from nlp.adapt import build_features, classes_of, offsets

    key = (*st.fingerprint(project.conn), dense)
    name = str(Path(project.path).resolve())
    t = _TABLES.get(name)
    if t is not None and t.key == key:
        return t
    tick = progress or _quiet
    tick(None, "学習用の特徴を準備")
    ids, toks, probs, na = [], [], [], []
    for vid, tokens, mprobs, non_answer in st.learn_rows(project.conn):
        ids.append(vid)
        toks.append(json.loads(tokens or "[]"))
        probs.append(json.loads(mprobs or "{}"))
        na.append(bool(non_answer))
    classes = classes_of(probs)
    ok = all(classes.values())
    offs = offsets(probs, classes) if ok else {}
    shipped = offsets(probs, classes, clip=False) if ok else {}
    del probs
    t = _Table(key, np.array(ids, dtype=np.int64), build_features(toks, dense=dense), offs, shipped, classes,
               np.array(na, dtype=bool))
    _TABLES.clear()  # one project's table at a time (a few hundred MB at 1,000,000 answers)
    _TABLES[name] = t
    return t


def _training_labels(person: dict[int, dict[str, str]], index: dict[int, int]) -> dict[str, tuple[np.ndarray, list]]:
    """Per label, (rows, values) of the corrections, with the stage policy's implications when
    the other label was not corrected (advocacy 1 ⇔ stage advocacy)."""
    out: dict[str, tuple[list, list]] = {t: ([], []) for t in TARGETS}
    for vid, corr in person.items():
        i = index.get(vid)
        if i is None:
            continue
        for t in TARGETS:
            v = corr.get(t)
            if v is None and t == "advocacy" and "stage" in corr:
                v = "1" if corr["stage"] == "advocacy" else "0"
            if v is None and t == "stage" and corr.get("advocacy") == "1":
                v = "advocacy"
            if v is not None:
                out[t][0].append(i)
                out[t][1].append(v)
    return {t: (np.array(r, dtype=np.int64), v) for t, (r, v) in out.items() if r}


@dataclass
class LearnResult:
    corrections: int                 # corrected verbatims the layer was fitted on
    agreement: float | None          # cross-validated share of corrected labels the layer gets right
    shipped_agreement: float | None  # the shipped model's share on the same labels
    per_target: dict                 # target → {n, agreement, shipped, lambda, used}
    relabelled: int                  # verbatims whose final label the layer changed
    seconds: float


def learn(project: Project, progress: Progress | None = None, *, dense: bool = True,
          lam: float | dict | None = DEFAULT_LAMBDA) -> LearnResult:
    """Refit the project layer on the corrections and re-label every verbatim nobody corrected
    (``nlp.adapt``; the shipped model is never re-run: its stored probabilities are the offset).
    A label's layer decides only when, cross-validated over the corrections, it agrees with them
    more often than the shipped model does (``per_target[label]['used']``); otherwise that label
    stays the shipped model's. Activates the layer. With no corrections the layer is dropped."""
    import time

    from nlp import adapt

    t0 = time.perf_counter()
    tick = progress or _quiet
    conn = project.conn
    from voc_app.backup import auto_backup

    auto_backup(project, "refit")  # the labels as they were before the refit, restorable in one step
    with transaction(conn):
        st.adopt_model_labels(conn)
    table = _table(project, tick, dense=dense)
    if not table.offsets and len(table.ids):
        raise CorrectionError("学習済みモデルの確率が保存されていません。先に voc analyze を実行してください")
    person = st.current(conn)
    digest = st.digest(conn)
    thresholds = _thresholds(project)
    index = table.index()
    labels_ = _training_labels(person, index)
    if not labels_:
        with transaction(conn):
            ids = st.clear_project_probabilities(conn)
            st.save_layer(conn, None, 0, None, None, {"classes": table.classes, "thresholds": thresholds}, digest)
            _settle(conn, sorted(set(ids) | set(person)))
        return LearnResult(0, None, None, {}, 0, time.perf_counter() - t0)
    tick(0.2, f"補正モデルを学習（修正 {len(person):,} 件）")
    layer = adapt.fit(table.features, table.offsets, labels_, table.classes, thresholds, lam=lam)
    tick(0.4, "交差検証")
    per = adapt.cross_validate(table.features, table.offsets, labels_, table.classes, thresholds,
                               layer.info["lambda"])
    for t in TARGETS:
        d = per.get(t)
        if d is None:
            continue
        d["lambda"] = layer.info["lambda"].get(t)
        d["used"] = d.get("agreement") is not None and d.get("shipped") is not None and d["agreement"] > d["shipped"]
        if not d["used"]:
            layer.heads.pop(t, None)
    if "all" in per:  # what the labels now agree with: the layer where it decides, else the shipped model
        n = sum(per[t]["n"] for t in TARGETS if t in per)
        per["all"]["agreement"] = sum(per[t]["n"] * (per[t]["agreement"] if per[t]["used"] else per[t]["shipped"])
                                      for t in TARGETS if t in per) / n if n else None
    tick(0.6, "全件のラベルを付け直し")
    probs = layer.proba(table.features, table.offsets, table.shipped)
    lab = adapt.decide(probs, table.classes, thresholds)
    pdicts = adapt.as_dicts(probs, table.classes)
    models = {r[0]: r for r in st.model_labels(conn)}
    rows, changed = [], 0
    corrected_ids = []
    for i, vid in enumerate(table.ids.tolist()):
        if vid in person:
            corrected_ids.append(vid)
        if table.non_answer[i]:
            continue
        m = models.get(vid)
        if m is None or m[1] is None:
            continue
        model = {"polarity": m[1], "churn": m[2], "churn_type": m[3], "advocacy": m[4], "advocacy_type": m[5],
                 "stage": m[6]}
        pd = pdicts[i]
        pj = json.dumps(pd)
        if vid in person:
            rows.append((pj, *_final_tuple(adapt.settle(
                _machine_from_project(pd, model, table.classes, thresholds), person[vid], table.classes["stage"]),
                "person", vid)))
            continue
        mine = {t: lab[t][i] for t in TARGETS}
        diff = _differs(mine, model)
        changed += diff
        pol, stg = mine["polarity"], mine["stage"]
        rows.append((pj, pol, round(pd.get("polarity_delight", 0.0) - pd.get("polarity_pain", 0.0), 4),
                     int(mine["churn"]), m[3] if mine["churn"] and m[2] else None, int(mine["advocacy"]),
                     m[5] if mine["advocacy"] and m[4] else None, stg, pd.get(f"polarity_{pol}"), pd["churn"],
                     pd["advocacy"], pd.get(f"stage_{stg}"), pj, "project" if diff else "model", vid))
    detail = {"classes": table.classes, "thresholds": thresholds, "per_target": per,
              "lambda": layer.info["lambda"], "dense": bool(table.features.dense.shape[1])}
    allp = per.get("all", {})
    tick(0.8, "保存")
    with transaction(conn):
        st.write_learned(conn, rows)
        st.save_layer(conn, layer.to_bytes(), len(person), allp.get("agreement"), allp.get("shipped"), detail, digest)
        na_corrected = [v for v in corrected_ids if table.non_answer[index[v]]]
        if na_corrected:
            _settle(conn, na_corrected)
    return LearnResult(len(person), allp.get("agreement"), allp.get("shipped"), per, changed,
                       time.perf_counter() - t0)


def use_shipped_model(project: Project, progress: Progress | None = None) -> dict:
    """Back to the shipped model: the layer is switched off (kept, ``learn`` refits and switches it
    on again) and every label the layer changed returns to the shipped model's; corrections stay."""
    conn = project.conn
    with transaction(conn):
        st.set_layer_active(conn, False)
        ids = st.clear_project_probabilities(conn)
        ids = sorted(set(ids) | set(st.current(conn)))
        n = _settle(conn, ids)
    return {"relabelled": n}


@dataclass
class Status:
    corrections: int                 # corrected verbatims now
    per_target_corrections: dict     # target → corrections now
    fitted_corrections: int          # corrected verbatims the layer was fitted on
    agreement: float | None          # the layer's cross-validated agreement with the corrections
    shipped_agreement: float | None  # the shipped model's agreement with the same corrections
    per_target: dict                 # target → {n, agreement, shipped, lambda}
    active: bool                     # the layer decides the labels (False: the shipped model)
    fitted_at: str | None
    stale: bool                      # corrections changed since the fit (``learn`` refits)
    can_undo: str | None
    can_redo: str | None


def status(project: Project, progress: Progress | None = None) -> Status:
    conn = project.conn
    c = st.counts(conn)
    layer = st.layer_row(conn)
    u, r = st.undo_state(conn)
    if layer is None:
        return Status(c["verbatims"], {t: c[t] for t in TARGETS}, 0, None, None, {}, False, None,
                      bool(c["verbatims"]), u, r)
    return Status(c["verbatims"], {t: c[t] for t in TARGETS}, layer["n_corrections"], layer["agreement"],
                  layer["shipped_agreement"], layer["detail"].get("per_target", {}),
                  layer["active"] and layer["weights"] is not None, layer["fitted_at"],
                  layer["corrections_digest"] != st.digest(conn), u, r)


# --- the review queue 「確認待ち」 ---------------------------------------------------------------

@dataclass
class QueueItem:
    verbatim_id: int
    external_id: str
    text: str
    task: str                 # the label to look at: polarity | churn | advocacy | stage
    reason: str               # why it is asked, for a person
    score: float              # priority (higher first)
    uncertainty: float        # 0 sure … 1 a coin toss, of ``task``
    similar: int              # estimated uncorrected answers like it
    flips_customer: bool      # correcting it may flip its customer's churn / ambassador flag
    labels: dict              # final labels now
    probabilities: dict       # final probabilities now
    source: str               # model | project | person


@dataclass
class Queue:
    items: list[QueueItem]
    task: str
    reviewed: int             # verbatims with a correction (of ``task``, unless 'any')
    left: int                 # uncorrected answers still unsure (uncertainty ≥ 0.5) under the filters


NEAR_DUPLICATE = 0.8
SIMILAR = 0.35
_SAMPLE = 3000


def _label_filter(task: str, label: str | None) -> tuple[str, str] | None:
    if not label:
        return None
    if "=" in label:
        t, v = label.split("=", 1)
    else:
        cands = [t for t in TARGETS if label in VALUES[t]] if task == "any" else [task]
        if not cands:
            raise CorrectionError(f"ラベル {label!r} はありません")
        t, v = cands[0], label
    try:
        return t.strip(), check_value(t.strip(), v)
    except ValueError as e:
        raise CorrectionError(str(e)) from e


def _features_for(project: Project, ids: list[int]):
    """Project features of ``ids``: from the in-memory table when it is current, else the sparse
    part built from their stored tokens."""
    from nlp.adapt import build_features

    name = str(Path(project.path).resolve())
    t = _TABLES.get(name)
    if t is not None and t.key[:4] == tuple(st.fingerprint(project.conn)):
        index = t.index()
        if all(i in index for i in ids):
            return t.features.take(np.array([index[i] for i in ids], dtype=np.int64))
    toks = st.tokens_of(project.conn, ids)
    return build_features([json.loads(toks.get(i) or "[]") for i in ids], dense=False)


def queue(project: Project, n: int = 20, task: str = "any", source: str | None = None, label: str | None = None,
          progress: Progress | None = None) -> Queue:
    """The ``n`` verbatims a person should check first for ``task`` (or whichever label is least
    sure, 'any'): least sure first (margin of the final probabilities; churn / advocacy: how close
    to the threshold), raised when a correction could flip the customer's churn or ambassador flag
    and when many uncorrected answers are like it; near-duplicates of an answer already picked are
    left out. ``source`` filters by where the answer came from (survey / support / interview) or
    who decided its labels (model / project); ``label`` by a final label ('pain', 'churn=1' …).
    Verbatims a person already corrected (for ``task``; any label for 'any') are not asked again."""
    from nlp.adapt import similarity_rows, uncertainty

    if task not in TASKS:
        raise CorrectionError(f"task は {' / '.join(TASKS)} のどれかです")
    if source is not None and source not in KINDS + SOURCES:
        raise CorrectionError(f"source は {' / '.join(KINDS + SOURCES)} のどれかです")
    lf = _label_filter(task, label)
    conn = project.conn
    layer = st.layer_row(conn)
    th = (layer or {}).get("detail", {}).get("thresholds") or _thresholds(project)
    tasks = TARGETS if task == "any" else (task,)
    rows = st.queue_rows(conn)
    churn_voices: dict[int, int] = {}
    adv_voices: dict[int, int] = {}
    for r in rows:
        if r[2] is not None:
            churn_voices[r[2]] = churn_voices.get(r[2], 0) + int(r[5])
            adv_voices[r[2]] = adv_voices.get(r[2], 0) + int(r[6])
    reviewed = 0
    cands = []
    left = 0
    for vid, kind, cid, probs_json, pol, churn, adv, stage, src, corrected in rows:
        done = set(corrected.split(",")) if corrected else set()
        if (task == "any" and done) or task in done:
            reviewed += 1
            continue
        if source in KINDS and kind != source or source in SOURCES and src != source:
            continue
        now = {"polarity": pol, "churn": str(churn), "advocacy": str(adv), "stage": stage}
        if lf and now[lf[0]] != lf[1]:
            continue
        probs = json.loads(probs_json or "{}")
        if not probs:
            continue
        best, bu = None, -1.0
        for t in tasks:
            u = uncertainty(probs, t, th.get(t, 0.5))
            if u > bu:
                best, bu = t, u
        flips = False
        if cid is not None and best in ("churn", "advocacy"):
            have = (churn_voices if best == "churn" else adv_voices).get(cid, 0)
            flips = have == (1 if now[best] == "1" else 0)
        if bu >= 0.5:
            left += 1
        cands.append((bu * (1.25 if flips else 1.0), vid, best, bu, flips, now, probs, src))
    cands.sort(key=lambda c: (-c[0], c[1]))
    pool = [c for c in cands[:max(20 * n, 500)] if c[3] > 0.0]
    if not pool:
        return Queue([], task, reviewed, left)
    tick = progress or _quiet
    tick(0.3, "似た回答を数える")
    rng = np.random.default_rng(0)
    eligible = [c[1] for c in cands]
    sample = sorted(rng.choice(eligible, size=min(_SAMPLE, len(eligible)), replace=False).tolist())
    pool_ids = [c[1] for c in pool]
    all_ids = sorted(set(pool_ids) | set(sample))
    f = _features_for(project, all_ids)
    pos = {v: k for k, v in enumerate(all_ids)}
    pa = np.array([pos[v] for v in pool_ids])
    sims = similarity_rows(f, pa, np.array([pos[v] for v in sample]))
    similar = (sims >= SIMILAR).sum(axis=1) * (len(eligible) / max(len(sample), 1))
    scored = sorted(((c[0] * (1.0 + 0.15 * np.log1p(s)), k) for k, (c, s) in enumerate(zip(pool, similar, strict=True))),
                    key=lambda x: (-x[0], pool[x[1]][1]))
    picked: list[int] = []
    tick(0.6, "重複を除く")
    for _score, k in scored:
        if len(picked) >= n:
            break
        if picked:
            s = similarity_rows(f, pa[[k]], pa[picked])
            if s.max() >= NEAR_DUPLICATE:
                continue
        picked.append(k)
    info = st.describe(conn, [pool[k][1] for k in picked])
    items = []
    for k in picked:
        score0, vid, t, u, flips, now, probs, src = pool[k]
        sim = int(round(float(similar[k])))
        ext, text = info.get(vid, ("", ""))
        items.append(QueueItem(vid, ext, text, t, _reason(t, u, probs, th, flips, sim), float(score0), float(u), sim,
                               flips, {**now, "churn": int(now["churn"]), "advocacy": int(now["advocacy"])}, probs,
                               src))
    items.sort(key=lambda it: -(it.score * (1.0 + 0.15 * np.log1p(it.similar))))
    return Queue(items, task, reviewed, left)


def _reason(t: str, u: float, probs: dict, th: dict, flips: bool, similar: int) -> str:
    if t in ("churn", "advocacy"):
        p = probs.get(t, 0.0)
        why = f"{_NAMES[t]}の判定が境目（確率 {p:.2f}、しきい値 {th.get(t, 0.5):.2f}）"
    else:
        top = sorted(((v, k[len(t) + 1:]) for k, v in probs.items() if k.startswith(t + "_")), reverse=True)[:2]
        why = f"{_NAMES[t]}が不確か（" + "、".join(f"{_VALUE_NAMES.get(c, c)} {v:.2f}" for v, c in top) + "）"
    if flips:
        why += "。直すと顧客の" + ("解約リスク" if t == "churn" else "アンバサダー") + "判定が変わりうる"
    if similar >= 2:
        why += f"。似た未確認の回答 約{similar:,}件"
    return why
