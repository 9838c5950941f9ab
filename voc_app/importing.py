"""Importing: a file (survey, interviews, tickets, reviews, chat, behaviour) into the project as one
batch in one transaction. A failed or cancelled import leaves the project exactly as it was.

The progress callback (:data:`base.progress.Progress`) may raise :class:`base.errors.Cancelled`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from base.errors import InputError
from base.progress import Progress
from importers import read_file
from importers.behaviour import KINDS as BEHAVIOUR_KINDS
from importers.model import Interview, SurveyResponse, Ticket
from nlp.normalize import is_non_answer
from voc_app.analysis import _pool_context
from voc_app.store import Project, transaction
from voc_app.store.behaviour import BehaviourImport
from voc_app.store.behaviour import refresh as refresh_behaviour
from voc_app.store.imports import BatchWriter
from voc_app.store.queries import batches_with_sha
from voc_app.workers import watch_parent

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

    from voc_app.store.db import snapshot_readonly

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
        ro = snapshot_readonly(db_path)  # the project as it was before this batch
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
                writer.apply(msg[1])
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


# --- what the app's import wizard needs ------------------------------------------------------------

def dry_run(project: Project, progress: Progress | None, path: str | Path,
            overrides: Iterable[tuple[str, str]] = ()) -> ImportReport:
    """The import wizard's counts: a dry run with the roles chosen so far. A survey table whose
    free-text column was not found still opens the wizard (the user picks it there): its columns,
    no counts, and the reason as the first message."""
    try:
        return import_file(project, path, dry_run=True, progress=progress, overrides=overrides)
    except InputError as e:
        from importers.detect import FORMATS

        if not getattr(e, "roles_fixable", False):
            raise
        parsed = read_file(path, overrides=overrides, require_text=False)
        getattr(parsed.records, "close", lambda: None)()
        report = ImportReport(
            file=str(path), format=parsed.format, format_label=FORMATS[parsed.format][1], kind=parsed.kind,
            confidence=parsed.confidence, reason=parsed.reason, encoding=parsed.encoding, mapping=parsed.mapping,
            columns=[{"id": c.id, "label": c.label, "role": c.role, "reason": c.reason} for c in parsed.columns],
            preview=parsed.preview, dry_run=True)
        report.warnings = [e.with_file(Path(path).name).describe(), *parsed.stats.warnings]
        report.warning_count = 1 + parsed.stats.warning_count
        return report


def roles_for(kind: str) -> tuple[str, ...]:
    """The column roles a file of ``kind`` offers (a behaviour file's own, else a survey's)."""
    from importers.behaviour import ROLES as BEHAVIOUR_ROLES
    from importers.model import ROLES

    return BEHAVIOUR_ROLES.get(kind, ROLES)


def parse_datetime(text: str | None) -> str | None:
    """A date or timestamp as people write it → ISO 8601 in the project's time zone (None when
    it cannot be read)."""
    from importers.values import parse_datetime as parse

    return parse(text)
