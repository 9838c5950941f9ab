"""import → analyze → signals, as plain functions with a progress callback.

A progress callback is ``progress(fraction: float | None, message: str)``; it may
raise :class:`importers.errors.Cancelled` to stop the work, and the project is then
exactly as it was before.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from importers import read_file
from importers.behaviour import KINDS as BEHAVIOUR_KINDS
from importers.errors import Cancelled, InputError  # noqa: F401 - re-exported for callers
from importers.model import Interview, SurveyResponse, Ticket
from nlp.normalize import is_non_answer
from voc_app.store import Project, transaction
from voc_app.store.behaviour import BehaviourImport, behaviour_of
from voc_app.store.behaviour import refresh as refresh_behaviour
from voc_app.store.imports import BatchWriter
from voc_app.store.queries import batches_with_sha
from voc_app.workers import watch_parent

Progress = Callable[[float | None, str], None]

CHUNK = 2000


class _Rollback(Exception):
    """Internal: undo a dry run after counting."""


@dataclass
class ImportReport:
    file: str
    format: str
    format_label: str
    kind: str
    confidence: float
    reason: str
    encoding: str | None
    mapping: dict[str, str]
    columns: list[dict[str, Any]]
    preview: list[list[str]]
    counts: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    warning_count: int = 0
    batch_id: int | None = None
    dry_run: bool = False
    same_file_batches: list[int] = field(default_factory=list)


def import_file(
    project: Project,
    path: str | Path,
    *,
    format: str | None = None,
    encoding: str | None = None,
    overrides: Iterable[tuple[str, str]] = (),
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import one file as one transaction. Raises InputError (nothing imported) or
    Cancelled (nothing imported). With ``dry_run`` everything is checked and counted,
    then rolled back."""
    parsed = read_file(path, format=format, encoding=encoding, overrides=overrides)
    from importers.detect import FORMATS

    report = ImportReport(
        file=str(path), format=parsed.format, format_label=FORMATS[parsed.format][1], kind=parsed.kind,
        confidence=parsed.confidence, reason=parsed.reason, encoding=parsed.encoding, mapping=parsed.mapping,
        columns=[{"id": c.id, "label": c.label, "role": c.role, "reason": c.reason} for c in parsed.columns],
        preview=parsed.preview, dry_run=dry_run,
        same_file_batches=batches_with_sha(project.conn, parsed.sha256),
    )
    name = Path(path).name
    total = max(parsed.size, 1)

    def tick(n: int) -> None:
        if progress is not None:
            frac = min(parsed.stats.bytes_done / total, 1.0) if parsed.stats.bytes_done else None
            progress(frac, f"{name}: {n:,} 件")

    try:
        with transaction(project.conn):
            writer = BatchWriter(project.conn, parsed, is_non_answer)
            behaviour = BehaviourImport(writer) if parsed.kind in BEHAVIOUR_KINDS else None
            n = 0
            split = behaviour is None and _split_import(project, parsed)
            if split:
                _import_in_two_processes(project, writer, parsed, tick, path=path, format=format,
                                         encoding=encoding, overrides=overrides)
            for chunk in () if split else _chunks(parsed.records, CHUNK):
                if behaviour is not None:
                    {"customers": behaviour.add_customers, "orders": behaviour.add_orders,
                     "referrals": behaviour.add_referrals}[parsed.kind](chunk)
                    n += len(chunk)
                    tick(n)
                    continue
                surveys = [r for r in chunk if isinstance(r, SurveyResponse)]
                if surveys:
                    writer.add_responses(surveys)
                for rec in chunk:
                    if isinstance(rec, Ticket):
                        writer.add_ticket(rec)
                    elif isinstance(rec, Interview):
                        writer.add_interview(rec)
                n += len(chunk)
                tick(n)
            if progress is not None:
                progress(1.0, f"{name}: 検索索引を更新しています")
            writer.finish(parsed)
            if behaviour is not None:
                report.counts.update(behaviour.finish())
                if progress is not None:
                    progress(1.0, f"{name}: 顧客ごとの行動を集計しています")
                refresh_behaviour(project.conn)
            report.batch_id = writer.batch_id
            c = writer.counts
            report.counts = report.counts | {
                "responses": c.responses,
                "verbatims": c.verbatims,
                "non_answers": c.non_answers,
                "customers_added": c.customers_added,
                "tickets": c.tickets,
                "tickets_updated": c.tickets_updated,
                "messages": c.messages,
                "interviews": c.interviews,
                "duplicates_skipped": c.duplicates_skipped,
                "already_present": c.already_present,
                "partial_responses": c.partial_responses,
                "duplicate_submissions": c.duplicate_submissions,
                "rows_read": parsed.stats.rows_read,
                "blank_rows": parsed.stats.blank_rows,
            }
            report.skipped = dict(c.skipped) | dict(parsed.skip_reasons)
            report.warnings = list(parsed.stats.warnings)
            report.warning_count = parsed.stats.warning_count
            if behaviour is not None:
                _warn_unmatched(report, parsed.kind)
            if dry_run:
                raise _Rollback
    except _Rollback:
        report.batch_id = None
    except InputError as e:
        raise e.with_file(name) from None
    return report


SPLIT_BYTES = 8_000_000  # survey files from this size are read in a second process


def _split_import(project: Project, parsed) -> bool:
    """A large survey file is read, checked and deduplicated in a second process while this one
    writes the rows: on two cores the Python work and SQLite's work overlap (1,000,000 rows:
    see bench/import_bench.py). ``VOC_SPLIT_IMPORT=1/0`` forces it on or off."""
    import os

    force = os.environ.get("VOC_SPLIT_IMPORT")
    if parsed.kind != "survey" or str(project.path) == ":memory:":
        return False
    if force in ("0", "1"):
        return force == "1"
    return parsed.size >= SPLIT_BYTES and (os.cpu_count() or 1) > 1


class _Forward:
    """RowSink of the reading process: collects the rows of one chunk for the writer."""

    def __init__(self) -> None:
        self.ops: list[tuple[str, list[tuple]]] = []

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        self.ops.append((sql, rows))

    def take(self) -> list[tuple[str, list[tuple]]]:
        ops, self.ops = self.ops, []
        return ops


def _survey_reader_process(pipe, db_path: str, path: str, args: dict, batch_id: int, next_ids: dict[str, int],
                           sha256: str) -> None:
    """The reading half of a split survey import: parse the file, deduplicate against a
    read-only snapshot of the project, send the rows chunk by chunk, then the counts."""
    import pickle

    watch_parent()
    import queue
    import threading
    import traceback

    from voc_app.store.db import connect_readonly

    # a sending thread lets the reader run up to a few chunks ahead of the writer (a pipe
    # buffers only 64 KB): writing to the pipe releases the GIL, pickling is done here
    outbox: queue.Queue = queue.Queue(8)

    def sender() -> None:
        while (data := outbox.get()) is not None:
            try:
                pipe.send_bytes(data)
            except OSError:  # the writer has gone (cancelled or killed): stop reading
                return

    thread = threading.Thread(target=sender, name="send", daemon=True)
    thread.start()

    def send(msg: tuple) -> None:
        data = pickle.dumps(msg, protocol=pickle.HIGHEST_PROTOCOL)
        while thread.is_alive():
            try:
                outbox.put(data, timeout=0.5)
                return
            except queue.Full:
                continue
        raise SystemExit(0)  # nobody to send to

    try:
        parsed = read_file(path, **args)
        if parsed.sha256 != sha256:
            raise InputError("取り込みの途中でファイルが変わりました", file=Path(path).name,
                             hint="ファイルの保存が終わってから、もう一度取り込んでください")
        ro = connect_readonly(db_path)
        ro.execute("BEGIN")  # one snapshot: the project as it was before this batch
        ro.execute("SELECT 1 FROM batches LIMIT 1").fetchall()
        out = _Forward()
        writer = BatchWriter(ro, parsed, is_non_answer, writes=out, batch_id=batch_id, next_ids=next_ids)
        for chunk in _chunks(parsed.records, CHUNK):
            writer.add_responses(chunk)
            send(("rows", out.take(), len(chunk), parsed.stats.bytes_done, writer.next_ids()["verbatims"]))
        writer.flush()
        send(("done", out.take(), writer.counts, writer.customer_updates(), writer.next_ids(), parsed.stats,
              parsed.skip_reasons))
    except InputError as e:
        send(("input_error", e.message, e.file, e.row, e.column, e.hint))
    except SystemExit:
        pass
    except BaseException:  # noqa: BLE001 - reported to the writing process
        send(("crash", traceback.format_exc()))
    finally:
        if thread.is_alive():
            outbox.put(None)
            thread.join()
        pipe.close()


def _import_in_two_processes(project: Project, writer: BatchWriter, parsed, tick: Callable[[int], None], *,
                             path, format, encoding, overrides) -> None:
    """Run the reading half in a second process and write what it sends, in this process's
    transaction. Cancelling (``tick`` raises) or any failure ends the reader; the caller's
    transaction then rolls back, so the project is unchanged."""
    import multiprocessing as mp
    import sys

    # the desktop bundle starts processes by spawning (what its smoke test checks); elsewhere a
    # fork server starts the reader without copying this process
    ctx = mp.get_context("spawn") if getattr(sys, "frozen", False) else _pool_context() or mp.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    args = {"format": format, "encoding": encoding, "overrides": list(overrides)}
    proc = ctx.Process(target=_survey_reader_process, name="voc-import-reader",
                       args=(send, str(project.path), str(path), args, writer.batch_id, writer.next_ids(),
                             parsed.sha256))
    proc.start()
    send.close()  # only the reader holds the sending end: its exit ends recv() with EOFError
    conn = project.conn
    n = 0
    try:
        while True:
            try:
                msg = receive.recv()
            except EOFError:
                proc.join(timeout=10)
                raise RuntimeError(f"読み込み用のプロセスが異常終了しました（終了コード {proc.exitcode}）") from None
            kind = msg[0]
            if kind in ("rows", "done"):
                for sql, rows in msg[1]:
                    conn.executemany(sql, rows)
            if kind == "rows":
                # the search index grows chunk by chunk, while the reader prepares the next one
                writer.index_verbatims(below=msg[4])
                n += msg[2]
                parsed.stats.bytes_done = msg[3]
                tick(n)
            elif kind == "done":
                writer.adopt(msg[2], msg[3], msg[4])
                parsed.stats, parsed.skip_reasons = msg[5], msg[6]
                return
            elif kind == "input_error":
                raise InputError(msg[1], file=msg[2], row=msg[3], column=msg[4], hint=msg[5])
            elif kind == "crash":  # one line for the user; the reader's traceback goes to the log
                err = RuntimeError("読み込み用のプロセスでエラーが起きました: " + msg[1].strip().splitlines()[-1])
                err.add_note(msg[1])
                raise err
    finally:
        receive.close()
        if proc.is_alive():
            proc.kill()
        proc.join(timeout=10)


def _warn_unmatched(report: ImportReport, kind: str) -> None:
    c = report.counts
    if c.get("unmatched_ids"):
        what = {"customers": "顧客", "orders": "注文の顧客", "referrals": "紹介者"}[kind]
        report.warnings.insert(0, f"{what} ID {c['unmatched_ids']:,} 件はプロジェクトの他のデータ（顧客リスト・アンケート・"
                                  f"問い合わせ・注文）にありませんでした（例: {', '.join(c['unmatched_examples'][:5])}）。"
                                  "新しい顧客として登録しました")
        report.warning_count += 1
    if c.get("referred_not_customers"):
        report.warnings.insert(0, f"紹介された人 {c['referred_not_customers']:,} 人はまだ顧客として見つかりません"
                                  "（顧客リスト・注文を取り込むと照合されます）")
        report.warning_count += 1


def _chunks(records: Iterator, size: int) -> Iterator[list]:
    chunk: list = []
    for rec in records:
        chunk.append(rec)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- analysis -------------------------------------------------------------------------

ANALYZE_CHUNK = 2000


def user_dictionary(project: Project) -> tuple[str | None, str]:
    """The project's compiled user dictionary (cached per set of terms) and its hash."""
    import hashlib
    import os

    from nlp.tokenize import build_user_dictionary
    from voc_app.store.analyses import user_terms

    terms = user_terms(project.conn)
    if not terms:
        return None, ""
    digest = hashlib.sha256(repr(terms).encode("utf-8")).hexdigest()[:16]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    out = Path(base) / "voc-analyzer" / "userdic" / f"{digest}.dic"
    if not out.exists():
        tmp = out.with_name(out.name + ".tmp")
        build_user_dictionary(terms, tmp)
        tmp.replace(out)
    return str(out), digest


def analyzer_version(user_dic_hash: str = "") -> str:
    import hashlib

    from nlp.analyze import ANALYZER_VERSION
    from nlp.model import MODEL_PATH
    from nlp.resources import resource_path

    h = hashlib.sha256()
    for sub in ("cues", "lexicon"):
        for f in sorted(resource_path(sub).glob("*")):
            h.update(f.name.encode() + f.read_bytes())
    model = resource_path(*MODEL_PATH)
    if model.exists():
        h.update(model.read_bytes())
    h.update(user_dic_hash.encode())
    return f"{ANALYZER_VERSION}+{h.hexdigest()[:12]}"


def _analyze_chunk(texts: list[str], user_dic: str | None = None) -> list[tuple]:
    """Worker: analysis plus stored content words for each text."""
    from nlp.analyze import analyze, collector_paused
    from nlp.tokenize import use_user_dictionary

    use_user_dictionary(user_dic)
    with collector_paused():
        results = analyze(texts)
        out = []
        for a in results:
            # the stored content words come from the analysis's own tokens (one Sudachi pass)
            out.append((a, [[w.surface, w.normalized, w.pos] for w in a.content]))
            a.features, a.tokens, a.content = {}, [], []  # the model's inputs, used up: nothing stores them
        return out


def analyze_texts(texts: list[str], *, workers: int | None = None, progress: Progress | None = None) -> list[tuple]:
    """(VerbatimAnalysis, tokens) per text, using all cores for large inputs."""
    import gc
    import os
    from concurrent.futures import ProcessPoolExecutor

    workers = workers or os.cpu_count() or 1
    parts = [texts[i:i + ANALYZE_CHUNK] for i in range(0, len(texts), ANALYZE_CHUNK)]
    out: list[tuple] = []

    def add(res: list[tuple]) -> None:
        out.extend(res)
        # the results piling up here would make every full garbage collection longer (100,000
        # texts: ~10 s of ~50); they hold no reference cycles, so set them aside until the end
        gc.freeze()
        if progress:
            progress(len(out) / max(len(texts), 1), f"{len(out):,} / {len(texts):,} 件")

    try:
        if workers <= 1 or len(parts) <= 1:
            for p in parts:
                add(_analyze_chunk(p))
        else:
            with ProcessPoolExecutor(workers, initializer=watch_parent) as ex:
                for res in ex.map(_analyze_chunk, parts):
                    add(res)
    finally:
        gc.unfreeze()
    return out


def analyze_project(project: Project, *, workers: int | None = None, progress: Progress | None = None) -> dict:
    """Analyse every verbatim that has no current analysis. Each chunk is committed on its own:
    a cancelled or killed run keeps what it finished and the next run resumes (results are
    derived data). Returns counts."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    from voc_app.store import analyses

    user_dic, user_hash = user_dictionary(project)
    version = analyzer_version(user_hash)
    total = analyses.count_pending(project.conn, version)
    done = 0
    workers = workers or os.cpu_count() or 1
    ex = ProcessPoolExecutor(workers, initializer=watch_parent) if workers > 1 and total > ANALYZE_CHUNK else None
    last_id = 0
    try:
        while True:
            batch = analyses.pending(project.conn, version, ANALYZE_CHUNK * (workers if ex else 1), last_id)
            if not batch:
                break
            last_id = batch[-1][0]
            # the same text (「特になし」, a repeated complaint) is analysed once
            texts = list(dict.fromkeys(t for _, t in batch))
            parts = [texts[i:i + ANALYZE_CHUNK] for i in range(0, len(texts), ANALYZE_CHUNK)]
            dics = [user_dic] * len(parts)
            by_text = dict(zip(texts, (r for res in (ex.map(_analyze_chunk, parts, dics) if ex
                                                    else map(_analyze_chunk, parts, dics)) for r in res), strict=True))
            results = [by_text[t] for _, t in batch]
            with transaction(project.conn):
                analyses.save(project.conn, version, [(vid, a, toks) for (vid, _), (a, toks) in
                                                      zip(batch, results, strict=True)])
            done += len(batch)
            if progress:
                progress(done / max(total, 1), f"{done:,} / {total:,} 件")
    finally:
        if ex:
            ex.shutdown(cancel_futures=True)
    return {"analyzed": done, "analyzer": version}


# --- customer signals -------------------------------------------------------------------


def segment_of(score, nps: int | None, voices: int, last_active_days: float | None) -> str:
    """Loyalty segment for the overview: ambassador, at_risk, dormant, loyal, unknown."""
    if score.ambassador_flag:
        return "ambassador"
    if score.churn_flag:
        return "at_risk"
    if last_active_days is not None and last_active_days > 180:
        return "dormant"
    if nps is None and not voices:
        return "unknown"
    return "loyal"


def score_project(project: Project, thresholds: dict[str, float] | None = None) -> dict:
    """Score every customer from the project's surveys, tickets and analysed verbatims, store
    the scores and segments (keeping the previous segment to show movement). Thresholds given
    here are stored in the project and used from then on. Run ``analyze_project`` first for
    the text signals. Returns segment counts."""
    from nlp.scoring import CustomerFacts, VoiceFacts, score_customer
    from voc_app.store import signals as store

    if thresholds:
        with transaction(project.conn):
            store.set_thresholds(project.conn, thresholds)
    thresholds = store.thresholds(project.conn)
    behaviour = behaviour_of(project.conn)
    rows = []
    for f in store.customer_facts(project.conn):
        b = behaviour.get(f["id"], {})
        last = [d for d in (f["last_active_days"], b.get("recency_days")) if d is not None]
        facts = CustomerFacts(
            f["external_id"], f["nps"], b["tenure_days"] / 30.44 if b.get("tenure_days") is not None else None,
            f["tickets_90d"], b.get("referrals") if b else None, min(last) if last else None,
            f["unresolved"], f["resolution_days"], b.get("referrals_converted") if b.get("referrals") else None,
            b.get("recency_days") if b.get("frequency") else None, b.get("frequency"), b.get("monetary"))
        voices = [VoiceFacts(*v) for v in f["voices"]]
        s = score_customer(facts, voices, thresholds)
        seg = segment_of(s, f["nps"], len(voices), facts.last_active_days)
        rows.append((f["id"], s, seg, {"nps": f["nps"], "tickets_90d": f["tickets_90d"],
                                       "last_active_days": facts.last_active_days, "unresolved_tickets": f["unresolved"],
                                       "resolution_days": f["resolution_days"]} | {
                                           k: b[k] for k in ("tenure_days", "recency_days", "frequency", "monetary",
                                                             "referrals", "referrals_converted", "rfm_segment")
                                           if b.get(k) is not None}))
    with transaction(project.conn):
        store.save_scores(project.conn, rows)
    return store.segment_counts(project.conn)


def referral_report(project: Project) -> dict:
    """Who refers, whose referrals convert, conversion by loyalty segment and NPS group, referrers
    not yet flagged as ambassadors, and ambassadors who never referred (the next invitation list).
    Scores are recomputed first so that flags match the current data."""
    from voc_app.store import behaviour as store

    score_project(project)
    rows = store.referrers(project.conn)

    def by(key: str) -> list[dict]:
        groups: dict[str, list[int]] = {}
        for r in rows:
            g = groups.setdefault(r[key] or "不明", [0, 0, 0])
            g[0] += 1
            g[1] += r["referrals"]
            g[2] += r["converted"]
        return [{"group": k, "referrers": a, "referrals": b, "converted": c, "conversion_rate": c / b if b else 0.0}
                for k, (a, b, c) in sorted(groups.items(), key=lambda kv: -kv[1][1])]

    total = sum(r["referrals"] for r in rows)
    converted = sum(r["converted"] for r in rows)
    return {"referrers": rows, "total_referrals": total, "converted": converted,
            "conversion_rate": converted / total if total else 0.0,
            "by_segment": by("segment"), "by_nps_group": by("nps_group"),
            "referrers_not_ambassadors": [r for r in rows if not r["ambassador_flag"]],
            "ambassadors_without_referrals": store.ambassadors_without_referrals(project.conn)}


# --- topics -------------------------------------------------------------------------------

SIDE_NAMES = {"delight": "喜び", "pain": "不満", "all": "全体"}


def side_units(rows: list[tuple[int, str, str, str]], side: str) -> list[tuple[int, str, list[list[int]]]]:
    """(verbatim id, text on this side, spans) — a mixed answer gives its delight sentences to
    the delight map and its pain sentences to the pain map (the whole answer when no sentence
    carries that side on its own)."""
    out = []
    for vid, text, polarity, sentences in rows:
        spans: list[list[int]] = []
        if side != "all" and polarity == "mixed":
            spans = [[a, b] for a, b, p, _ in json.loads(sentences) if p == side]
        unit = "".join(text[a:b] for a, b in spans) if spans else text
        out.append((vid, unit, spans))
    return out


def _topic_tokens_chunk(texts: list[str], user_dic: str | None = None) -> list:
    from nlp.tokenize import use_user_dictionary
    from nlp.topics import docs_tokens

    use_user_dictionary(user_dic)
    try:
        return docs_tokens(texts)
    finally:
        use_user_dictionary(None)


def _pool_context():
    """Workers started by a fork server, not forked from this process: forking a process that
    holds a million texts copies its page tables and stalls the app's UI thread for ~0.5 s."""
    import multiprocessing as mp

    return mp.get_context("forkserver") if "forkserver" in mp.get_all_start_methods() else None


def tokens_parallel(texts: list[str], user_dic: str | None = None, *, workers: int | None = None,
                    progress: Callable[[float], None] | None = None) -> list:
    """Topic tokens of ``texts`` (``nlp.topics.docs_tokens``), on all cores for large inputs;
    ``progress(fraction)`` after each part."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    workers = workers or os.cpu_count() or 1
    # small parts: each result is unpickled in this process holding the GIL, and a long unpickle
    # is a UI stall when this runs as a background job of the app (10,000 docs: ~400 ms)
    parts = [texts[i:i + ANALYZE_CHUNK] for i in range(0, len(texts), ANALYZE_CHUNK)]
    if workers <= 1 or len(parts) <= 1:
        return _topic_tokens_chunk(texts, user_dic)
    out: list = []
    with ProcessPoolExecutor(workers, mp_context=_pool_context(), initializer=watch_parent) as ex:
        try:
            for part in ex.map(_topic_tokens_chunk, parts, [user_dic] * len(parts)):
                out.extend(part)
                if progress:
                    progress(len(out) / len(texts))
        except BaseException:
            ex.shutdown(cancel_futures=True)
            raise
    return out


def _tokens_for(project: Project, texts: list[str], progress: Callable[[float], None] | None = None) -> list:
    return tokens_parallel(texts, user_dictionary(project)[0], progress=progress)


def update_topics(project: Project, side: str = "delight", *, refit: bool = False, n_topics: int | None = None,
                  progress: Progress | None = None) -> dict:
    """Keep a side's topic map current. The first call (or ``refit``) fits topics with BERTopic;
    later calls place only answers that are new since (``transform`` onto the curated topics,
    rare voices below a topic's floor) and drop answers that left the side, so names, merges,
    deletions and moved answers survive re-imports and re-analysis. A refit keeps the name, seed
    words and pinned answers of every old topic it matches (member overlap). One transaction."""
    from nlp import topics as nt
    from voc_app.store import topics as store

    conn = project.conn
    if side not in store.SIDES:
        raise InputError(f"side は {', '.join(store.SIDES)} のどれかです")
    tick = progress or (lambda f, m: None)
    units = side_units(store.side_rows(conn, side), side)
    old = store.members(conn, side)
    first = store.run(conn, side) is None
    if refit or first:
        tick(0.05, "単語に分解")
        docs = _tokens_for(project, [u for _, u, _ in units], lambda f: tick(0.05 + 0.35 * f, "単語に分解"))
        seeds = [t["seed_words"] for t in store.topics(conn, side) if t["seed_words"]]
        tick(0.4, "トピックを推定")
        fit = nt.fit_topics(docs, n_topics=n_topics, seed_topics=seeds or None,
                            progress=lambda f, m: tick(0.4 + 0.45 * f, m))
        tick(0.85, "保存")
        with transaction(conn):
            mapping = _save_fit(conn, side, units, fit, old, n_topics)
        tick(1.0, "完了")
        return {"side": side, "answers": len(units), "topics": len(fit.topics), "fitted": True,
                "rare": int((fit.labels < 0).sum()), "kept_names": mapping}
    current = {vid for vid, _, _ in units}
    new = [u for u in units if u[0] not in old]
    gone = [v for v, (_, pinned) in old.items() if v not in current and not pinned]
    active = store.topics(conn, side)
    rows = []
    if new:
        tick(0.1, "新しい回答を単語に分解")
        docs = _tokens_for(project, [u for _, u, _ in new])
        X = nt.topic_features(docs)
        if active:
            C = np.array([t["center"] for t in active])
            F = np.array([t["floor"] for t in active], dtype=np.float32)
            labels, sim = nt.assign(X, C, F)
        else:
            labels, sim = np.full(len(new), -1), np.zeros(len(new), dtype=np.float32)
        ids = [t["id"] for t in active]
        rows = [(vid, ids[lab] if lab >= 0 else None, float(s), 0, None, spans)
                for (vid, _, spans), lab, s in zip(new, labels, sim, strict=True)]
    with transaction(conn):
        store.delete_members(conn, side, gone)
        store.upsert_members(conn, side, rows)
        store.save_run(conn, side, {}, fitted=False)
    tick(1.0, "完了")
    return {"side": side, "answers": len(units), "topics": len(active), "fitted": False, "added": len(rows),
            "rare_added": sum(1 for r in rows if r[1] is None), "removed": len(gone)}


def _save_fit(conn, side: str, units: list, fit, old: dict, n_topics: int | None) -> int:
    """Write a fit; old active topics matched by member overlap (Jaccard ≥ 0.2, one-to-one) keep
    their id, name and seed words. Returns how many old topics were matched."""
    from scipy.optimize import linear_sum_assignment

    from nlp.topics import auto_topic_count
    from voc_app.store import topics as store

    vids = [vid for vid, _, _ in units]
    vid_array = np.asarray(vids)
    new_sets = [set(vid_array[fit.labels == t.number].tolist()) for t in fit.topics]
    old_topics = store.topics(conn, side)
    by_topic: dict[int | None, set[int]] = {}
    for v, (tid, _) in old.items():
        by_topic.setdefault(tid, set()).add(v)
    old_sets = [by_topic.get(t["id"], set()) for t in old_topics]
    match: dict[int, dict] = {}
    if old_topics and fit.topics:
        J = np.array([[len(o & n) / max(1, len(o | n)) for n in new_sets] for o in old_sets])
        for r, c in zip(*linear_sum_assignment(-J), strict=True):
            if J[r, c] >= 0.2:
                match[c] = old_topics[r]
    store.clear_edits(conn, side)
    matched_ids = {t["id"] for t in match.values()}
    for t in old_topics:
        if t["id"] not in matched_ids:
            store.update_topic(conn, t["id"], status="retired")
    ids = []
    for i, t in enumerate(fit.topics):
        fields = dict(auto_label=t.label, words=[[w, round(x, 5)] for w, x in zip(t.words, t.weights, strict=True)],
                      center=t.center, floor=t.floor, quotes=[vids[q] for q in t.quotes])
        if i in match:
            store.update_topic(conn, match[i]["id"], **fields)
            ids.append(match[i]["id"])
        else:
            ids.append(store.insert_topic(conn, side, **fields))
    group_of = {}
    for g, members in enumerate(fit.rare_groups):
        if len(members) > 1:
            for m in members:
                group_of[m] = g
    alive = set(ids)
    rows = []
    for i, (vid, _, spans) in enumerate(units):
        lab = int(fit.labels[i])
        tid, pinned = old.get(vid, (None, 0))
        if pinned and (tid is None or tid in alive):  # the user's placement wins
            rows.append((vid, tid, float(fit.similarity[i]), 1, None, spans))
            continue
        rows.append((vid, ids[lab] if lab >= 0 else None, float(fit.similarity[i]), 0, group_of.get(i), spans))
    kept = set(vids)
    store.delete_members(conn, side, [v for v in old if v not in kept])
    store.upsert_members(conn, side, rows)
    store.save_run(conn, side, {"n_topics": n_topics or auto_topic_count(len(units)), "answers": len(units)},
                   fitted=True)
    return len(match)


def topic_list(project: Project, side: str = "delight") -> dict:
    """Active topics by size with label, words, share and quotes; rare voices; counts."""
    from voc_app.store import topics as store

    conn = project.conn
    sizes = store.sizes(conn, side)
    total = sum(sizes.values())
    out = []
    for t in store.topics(conn, side):
        n = sizes.get(t["id"], 0)
        out.append({"id": t["id"], "label": t["label"], "name": t["name"], "auto_label": t["auto_label"],
                    "size": n, "share": n / total if total else 0.0, "words": [w for w, _ in t["words"]],
                    "seed_words": t["seed_words"], "quotes": store.quote_texts(conn, side, t["quotes"])})
    out.sort(key=lambda t: (-t["size"], t["id"]))
    return {"side": side, "answers": total, "rare": sizes.get(None, 0), "topics": out,
            "run": store.run(conn, side)}


# --- topic curation (each edit is one transaction with an undo snapshot) -----------------------

def _edit(project: Project, side: str, action: str, detail: dict, topic_ids, verbatim_ids=()):
    from voc_app.store import topics as store

    snap = store.snapshot(project.conn, side, topic_ids, verbatim_ids)
    return snap, (lambda: store.record_edit(project.conn, side, action, detail, snap))


def _active_topic(project: Project, topic_id: int, side: str | None = None) -> dict:
    from voc_app.store import topics as store

    t = store.topic(project.conn, topic_id)
    if t is None or t["status"] != "active" or (side and t["side"] != side):
        raise InputError(f"トピック {topic_id} はありません（voc topics で番号を確認してください）")
    return t


def rename_topic(project: Project, topic_id: int, name: str) -> None:
    from voc_app.store import topics as store

    t = _active_topic(project, topic_id)
    with transaction(project.conn):
        _, record = _edit(project, t["side"], "rename", {"topic": topic_id, "name": name}, [topic_id])
        store.update_topic(project.conn, topic_id, name=name.strip() or None)
        record()


def set_seed_words(project: Project, topic_id: int, words: list[str]) -> None:
    """Pin seed words: they lead the topic's words now and guide the next refit."""
    from voc_app.store import topics as store

    t = _active_topic(project, topic_id)
    words = [w.strip() for w in words if w.strip()]
    with transaction(project.conn):
        _, record = _edit(project, t["side"], "seed", {"topic": topic_id, "words": words}, [topic_id])
        rest = [[w, x] for w, x in t["words"] if w not in words]
        store.update_topic(project.conn, topic_id, seed_words=words, words=[[w, None] for w in words] + rest)
        record()


def merge_topics(project: Project, keep_id: int, other_ids: list[int]) -> None:
    """Merge topics into ``keep_id``: their answers move, the kept topic's centre and words become
    the size-weighted blend; no other topic changes."""
    from voc_app.store import topics as store

    keep = _active_topic(project, keep_id)
    others = [_active_topic(project, o, keep["side"]) for o in other_ids if o != keep_id]
    if not others:
        raise InputError("統合するトピックを 2 つ以上指定してください")
    conn = project.conn
    sizes = store.sizes(conn, keep["side"])
    with transaction(conn):
        _, record = _edit(project, keep["side"], "merge", {"keep": keep_id, "others": other_ids},
                          [keep_id, *other_ids])
        parts = [keep, *others]
        w = np.array([max(1, sizes.get(t["id"], 0)) for t in parts], dtype=np.float32)
        center = (np.array([t["center"] for t in parts]) * w[:, None]).sum(0)
        center /= np.linalg.norm(center) + 1e-9
        words: dict[str, float] = {}
        for t, wt in zip(parts, w, strict=True):
            for word, x in t["words"]:
                words[word] = words.get(word, 0.0) + float(wt) * float(x or 0.0)
        total = float(w.sum())
        blended = sorted(([k, round(v / total, 5)] for k, v in words.items()), key=lambda p: -p[1])[:10]
        for o in others:
            store.reassign_topic(conn, o["id"], keep_id)
            store.update_topic(conn, o["id"], status="merged", merged_into=keep_id)
        store.update_topic(conn, keep_id, center=center, floor=min(t["floor"] for t in parts), words=blended,
                           auto_label="・".join(k for k, _ in blended[:4]),
                           seed_words=list(dict.fromkeys(s for t in parts for s in t["seed_words"])),
                           quotes=[q for t in parts for q in t["quotes"]][:5])
        record()


def delete_topic(project: Project, topic_id: int) -> int:
    """Delete a topic: its answers become rare voices (kept, listed). Returns how many."""
    from voc_app.store import topics as store

    t = _active_topic(project, topic_id)
    with transaction(project.conn):
        _, record = _edit(project, t["side"], "delete", {"topic": topic_id}, [topic_id])
        n = store.reassign_topic(project.conn, topic_id, None)
        store.update_topic(project.conn, topic_id, status="deleted")
        record()
    return n


def move_to_topic(project: Project, side: str, verbatim_ids: list[int], topic_id: int | None) -> int:
    """Move answers to a topic (or to rare voices with ``None``); they stay there (pinned)."""
    from voc_app.store import topics as store

    if topic_id is not None:
        _active_topic(project, topic_id, side)
    old = store.members(project.conn, side)
    missing = [v for v in verbatim_ids if v not in old]
    if missing:
        raise InputError(f"回答 {', '.join(map(str, missing[:5]))} はこのマップ（{SIDE_NAMES.get(side, side)}）にありません")
    with transaction(project.conn):
        _, record = _edit(project, side, "move", {"verbatims": verbatim_ids, "topic": topic_id},
                          [topic_id, *(old[v][0] for v in verbatim_ids)], verbatim_ids)
        n = store.move_members(project.conn, side, verbatim_ids, topic_id, pinned=True)
        record()
    return n


def split_topic(project: Project, topic_id: int, parts: int = 2) -> list[int]:
    """Re-cluster one topic's answers into ``parts`` topics; the largest part keeps the id and
    name. Pinned answers stay in the original topic. Returns the topic ids."""
    from nlp import topics as nt
    from voc_app.store import topics as store

    t = _active_topic(project, topic_id)
    side, conn = t["side"], project.conn
    vids = store.topic_member_ids(conn, topic_id)
    pinned = {v for v, (_, p) in store.members(conn, side).items() if p}
    free = [v for v in vids if v not in pinned]
    if len(free) < 2 * nt.MIN_TOPIC_SIZE:
        raise InputError(f"トピック {topic_id} は小さすぎて分割できません（{len(free)} 件）")
    texts = store.member_texts(conn, side, free)
    units = [store.unit_text(*texts[v]) for v in free]
    docs = _tokens_for(project, units)
    X = nt.topic_features(docs)
    labels = nt.split_topic(X, parts)
    order = [c for c, n in sorted(((c, int((labels == c).sum())) for c in range(parts)), key=lambda p: -p[1]) if n]
    if len(order) < 2:
        raise InputError(f"トピック {topic_id} の回答はほぼ同じ内容で、これ以上分けられません")
    words = nt.topic_words(docs, labels)
    with transaction(conn):
        snap, record = _edit(project, side, "split", {"topic": topic_id, "parts": parts}, [topic_id])
        out = []
        for rank, c in enumerate(order):
            idx = np.flatnonzero(labels == c)
            center = X[idx].mean(0)
            center /= np.linalg.norm(center) + 1e-9
            s = X[idx] @ center
            med = float(np.median(s))
            floor = med - nt.RARE_Z * float(np.median(np.abs(s - med))) * 1.4826
            tw = words.get(c, [])
            fields = dict(auto_label="・".join(w for w, _ in tw[:4]) or t["auto_label"],
                          words=[[w, round(x, 5)] for w, x in tw], center=center, floor=floor,
                          quotes=[free[i] for i in idx[np.argsort(-s)][:5]])
            if rank == 0:
                store.update_topic(conn, topic_id, **fields)
                tid = topic_id
            else:
                tid = store.insert_topic(conn, side, **fields)
                snap["created"].append(tid)
                store.move_members(conn, side, [free[i] for i in idx], tid, pinned=False)
            out.append(tid)
        record()
    return out


def undo_topic_edit(project: Project, side: str) -> str | None:
    """Undo the last topic edit of a side; returns its action or None when there is nothing."""
    from voc_app.store import topics as store

    last = store.last_edit(project.conn, side)
    if last is None:
        return None
    edit_id, action, detail, snap = last
    with transaction(project.conn):
        detail["redo"] = store.after_snapshot(project.conn, side, snap)
        project.conn.execute("UPDATE topic_edits SET detail = ? WHERE id = ?",
                             (json.dumps(detail, ensure_ascii=False), edit_id))
        store.restore(project.conn, side, edit_id, snap)
    return action


def redo_topic_edit(project: Project, side: str) -> str | None:
    """Re-apply the first undone topic edit of a side (the state it left, kept when it was
    undone); a new edit clears what could be redone. Returns its action or None."""
    from voc_app.store import topics as store

    first = store.first_undone(project.conn, side)
    if first is None or "redo" not in first[2]:
        return None
    edit_id, action, detail = first
    with transaction(project.conn):
        store.restore(project.conn, side, edit_id, detail["redo"], undone=0)
    return action
