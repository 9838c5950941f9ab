"""import → analyze → signals, as plain functions with a progress callback.

A progress callback is ``progress(fraction: float | None, message: str)``; it may
raise :class:`importers.errors.Cancelled` to stop the work, and the project is then
exactly as it was before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from importers import read_file
from importers.errors import Cancelled, InputError  # noqa: F401 - re-exported for callers
from importers.model import Interview, SurveyResponse, Ticket
from nlp.normalize import is_non_answer
from voc_app.store import Project, transaction
from voc_app.store.imports import BatchWriter
from voc_app.store.queries import batches_with_sha

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
            n = 0
            for chunk in _chunks(parsed.records, CHUNK):
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
            report.batch_id = writer.batch_id
            c = writer.counts
            report.counts = {
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
            report.skipped = dict(c.skipped)
            report.warnings = list(parsed.stats.warnings)
            report.warning_count = parsed.stats.warning_count
            if dry_run:
                raise _Rollback
    except _Rollback:
        report.batch_id = None
    except InputError as e:
        raise e.with_file(name) from None
    return report


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
    from nlp.analyze import analyze
    from nlp.tokenize import content_words, tokenize, use_user_dictionary

    use_user_dictionary(user_dic)

    results = analyze(texts)
    out = []
    for t, a in zip(texts, results, strict=True):
        toks = [[w.surface, w.normalized, w.pos] for w in content_words(tokenize(t))]
        out.append((a, toks))
    return out


def analyze_texts(texts: list[str], *, workers: int | None = None, progress: Progress | None = None) -> list[tuple]:
    """(VerbatimAnalysis, tokens) per text, using all cores for large inputs."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    workers = workers or os.cpu_count() or 1
    parts = [texts[i:i + ANALYZE_CHUNK] for i in range(0, len(texts), ANALYZE_CHUNK)]
    if workers <= 1 or len(parts) <= 1:
        out = []
        for p in parts:
            out.extend(_analyze_chunk(p))
            if progress:
                progress(len(out) / max(len(texts), 1), f"{len(out):,} / {len(texts):,} 件")
        return out
    out = []
    with ProcessPoolExecutor(workers) as ex:
        for res in ex.map(_analyze_chunk, parts):
            out.extend(res)
            if progress:
                progress(len(out) / max(len(texts), 1), f"{len(out):,} / {len(texts):,} 件")
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
    ex = ProcessPoolExecutor(workers) if workers > 1 and total > ANALYZE_CHUNK else None
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
    rows = []
    for f in store.customer_facts(project.conn):
        facts = CustomerFacts(f["external_id"], f["nps"], None, f["tickets_90d"], None, f["last_active_days"],
                              f["unresolved"], f["resolution_days"])
        voices = [VoiceFacts(*v) for v in f["voices"]]
        s = score_customer(facts, voices, thresholds)
        seg = segment_of(s, f["nps"], len(voices), f["last_active_days"])
        rows.append((f["id"], s, seg, {"nps": f["nps"], "tickets_90d": f["tickets_90d"],
                                       "last_active_days": f["last_active_days"], "unresolved_tickets": f["unresolved"],
                                       "resolution_days": f["resolution_days"]}))
    with transaction(project.conn):
        store.save_scores(project.conn, rows)
    return store.segment_counts(project.conn)
