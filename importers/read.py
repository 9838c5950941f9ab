"""Open any supported file for import: detect container, encoding and format, map
columns, and return a :class:`ParsedFile` whose records stream from disk."""

from __future__ import annotations

import codecs
import hashlib
import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path

from base.errors import InputError
from importers import behaviour, support, survey, tickets
from importers import interview as interview_mod
from importers.detect import FORMATS, TABLE_SUFFIXES, Detection, container
from importers.encoding import (
    check_encoding,
    detect_encoding,
    open_text,
    resolve_requested,
    utf16_order,
)
from importers.model import ROLES, Column, ParsedFile, ReadStats
from importers.tables import iter_csv, iter_xlsx, sniff_delimiter
from importers.textsafety import check_not_binary_bytes, check_not_binary_text, strip_text

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # (the UTF-32 BOMs start with these)

HEAD_BYTES = 1 << 16
SAMPLE_ROWS = 200
# column roles are decided from at most this many sampled cells (SAMPLE_ROWS rows up to 1,000
# columns; a wider table is judged on fewer rows, never fewer than ROLE_SAMPLE_MIN_ROWS)
ROLE_SAMPLE_CELLS = 200_000
ROLE_SAMPLE_MIN_ROWS = 20
MAX_FILE_BYTES = 4 << 30


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _decode_head(head: bytes, encoding: str) -> str:
    return head.decode(encoding, errors="ignore")


def _looks_tabular(text: str) -> bool:
    lines = [ln for ln in text.splitlines()[:6] if ln.strip()]
    if len(lines) < 2:
        return False
    for d in ("\t", ","):
        counts = [ln.count(d) for ln in lines]
        if counts[0] >= 1 and all(c == counts[0] for c in counts[1:]):
            return True
    return False


def read_file(
    path: str | Path,
    *,
    format: str | None = None,
    encoding: str | None = None,
    overrides: Iterable[tuple[str, str]] = (),
    sheet: str | None = None,
    require_text: bool = True,
) -> ParsedFile:
    """Open ``path`` for import. ``require_text=False`` reads a survey table even when none of its
    columns holds free text (the import wizard shows its columns so that one can be chosen)."""
    p = Path(path)
    name = p.name
    if not p.exists():
        raise InputError("ファイルが見つかりません", file=str(p))
    if not p.is_file():
        raise InputError("ファイルではありません（フォルダなど）", file=str(p))
    size = p.stat().st_size
    if size == 0:
        raise InputError("空のファイルです", file=name)
    if size > MAX_FILE_BYTES:
        raise InputError(f"ファイルが大きすぎます（{size / 2**30:.1f} GB）", file=name, hint="4 GB 以下に分割してください")
    if format is not None and format not in FORMATS:
        raise InputError(f"形式「{format}」は扱えません", hint="形式: " + ", ".join(FORMATS))
    overrides = list(overrides)
    try:
        with open(p, "rb") as f:
            head = f.read(HEAD_BYTES)
    except OSError as e:
        raise InputError(f"ファイルを開けません: {e.strerror}", file=name) from e
    sha = file_sha256(p)
    stats = ReadStats()
    box = container(p, head)

    if box == "ole":
        raise InputError("古い Excel/Word 形式（.xls / .doc）は読めません", file=name,
                         hint="Excel/Word で開き「.xlsx」「.docx」で保存し直してください")
    if box == "docx":
        text = interview_mod.read_docx_text(p)
        return _interview(p, size, sha, text, None, stats)
    if box == "xlsx":
        if format in ("zendesk", "interview"):
            raise InputError(f"Excel ファイルは {FORMATS[format][1]} として読めません", file=name)
        return _table(p, size, sha, iter_xlsx(p, sheet), None, format, overrides, stats, require_text)

    # text
    if encoding:
        check_not_binary_bytes(head, name, controls=False)
        enc = resolve_requested(encoding, head, name)
        check_encoding(p, enc)
    else:
        order = None if head.startswith(_BOMS) else utf16_order(head)
        if order is not None:  # UTF-16 without a BOM, recognised by its NUL bytes
            enc = order
            check_encoding(p, enc)
        else:
            if not head.startswith(_BOMS):  # (a BOM's text is checked once decoded, below)
                check_not_binary_bytes(head, name)
            enc = detect_encoding(p, head)
    check_not_binary_text(_decode_head(head, enc), name)
    # stray NULs are dropped by the readers (importers.textsafety); they must not steer detection
    text_head = _decode_head(head, enc).lstrip("\ufeff").replace("\x00", "")
    first = text_head.lstrip()[:1]
    suffix = p.suffix.lower()
    if format == "zendesk" or ((format is None or format in tickets.JSON_FORMATS)
                               and (first in ("{", "[") or suffix in (".json", ".jsonl", ".ndjson"))):
        return _json(p, size, sha, enc, format, stats)
    if format == "interview" or (format is None and suffix in (".txt", ".md", ".text") and not _looks_tabular(text_head)):
        with open_text(p, enc) as f:
            text = strip_text(f.read(), name, stats)
        return _interview(p, size, sha, text, enc, stats)
    if format is None and suffix not in TABLE_SUFFIXES and not _looks_tabular(text_head):
        raise InputError("表形式（CSV/TSV）として読めません", file=name,
                         hint="CSV・TSV・Excel・JSON・テキストのファイルを選ぶか、--format を指定してください")
    delim = sniff_delimiter(text_head, suffix)
    return _table(p, size, sha, iter_csv(p, enc, delim, stats), enc, format, overrides, stats, require_text)


def _json(p: Path, size: int, sha: str, enc: str, format: str | None, stats: ReadStats) -> ParsedFile:
    found = support.read_json(p, enc, stats, format)
    # look at the first record now so that a JSON of something else fails before any import
    first = next(found.records, None)
    if first is None:
        only = f"（本文のない評価だけが {found.skipped['rating_only']} 件）" if found.skipped.get("rating_only") else ""
        raise InputError(f"チケット・会話・レビューがありません{only}", file=p.name)
    preview = found.preview or [[first.ticket_id, first.customer_id or "", first.subject or "",
                                 (first.messages[0].body if first.messages else "")[:80]]]
    return ParsedFile(str(p), size, sha, found.format, "support", found.confidence, found.reason, enc, found.columns,
                      preview, itertools.chain([first], found.records), stats, found.skipped)


def _interview(p: Path, size: int, sha: str, text: str, enc: str | None, stats: ReadStats) -> ParsedFile:
    iv = interview_mod.parse_interview(text, p.name)
    stats.rows_read = len(iv.utterances)
    if not iv.utterances:
        raise InputError("発言がありません（空のインタビュー記録です）", file=p.name)
    speakers = sorted({u.speaker for u in iv.utterances if u.speaker})
    reason = (f"話者ラベル付きの記録（{', '.join(speakers[:4])}）" if speakers else "話者ラベルのない記録（段落ごとに 1 発言）")
    cols = [Column(0, "speaker", "話者", "attr"), Column(1, "text", "発言", "text")]
    preview = [[u.speaker or "", u.text[:80]] for u in iv.utterances[:5]]
    return ParsedFile(str(p), size, sha, "interview", "interview", 0.9 if speakers else 0.7, reason, enc,
                      cols, preview, iter([iv]), stats)


def _table(
    p: Path,
    size: int,
    sha: str,
    rows: Iterator[tuple[int, list[str]]],
    enc: str | None,
    format: str | None,
    overrides: list[tuple[str, str]],
    stats: ReadStats,
    require_text: bool = True,
) -> ParsedFile:
    name = p.name
    # leading blank rows are not headers
    head: list[tuple[int, list[str]]] = []
    for rowno, cells in rows:
        if not head and not any(c.strip() for c in cells):
            continue
        head.append((rowno, cells))
        if len(head) >= 3 + SAMPLE_ROWS:
            break
    if not head:
        raise InputError("データがありません（空の表です）", file=name)
    matched = support.match_table(head, format, name, stats)  # tickets, reviews, chats (importers.support)
    if matched is not None:
        found, used = matched
        return ParsedFile(str(p), size, sha, found.format, "support", found.confidence, found.reason, enc,
                          found.columns, found.preview, found.read(itertools.chain(head[used:], rows)), stats,
                          found.skipped)
    layout = survey.detect_layout([c for _, c in head[:3]], enc)
    hdr = layout.header_rows
    columns = layout.columns
    if len(columns) < 2 and format not in ("table",):
        raise InputError("表として読めません（列が 1 つしかありません）", file=name, row=head[0][0],
                         hint="区切り文字（カンマ・タブ）が正しいか確認するか、--format を指定してください")
    data_head = head[hdr:]
    sample = [c for _, c in data_head]
    sample = sample[:max(ROLE_SAMPLE_MIN_ROWS, ROLE_SAMPLE_CELLS // len(columns))] if columns else sample
    all_rows = itertools.chain(data_head, rows)
    preview = sample[:5]
    fmt = format or layout.format
    confidence, reason = layout.confidence, layout.reason
    bkind = format if format in behaviour.KINDS else None
    if bkind:
        confidence, reason = 1.0, f"--kind {bkind} の指定どおり"
    elif format is None and layout.format in ("excel_csv", "table", "kintone"):
        found = behaviour.detect(columns, sample)
        if found:
            bkind, confidence, reason = found
    if bkind:
        behaviour.suggest_roles(bkind, columns, overrides, name)
        parsed = ParsedFile(str(p), size, sha, bkind, bkind, confidence, reason, enc, columns, preview, iter(()), stats)
        parsed.records = behaviour.iter_rows(bkind, all_rows, columns, name, stats, parsed.skip_reasons)
        return parsed
    if format is not None and format != layout.format:
        confidence, reason = 1.0, f"--format {format} の指定どおり"
    plan = survey.suggest_roles(columns, sample, fmt, layout)
    survey.apply_overrides(columns, _expand_overrides(overrides), name)
    survey.review_roles(columns, plan, stats, name)
    if require_text and not any(c.role == "text" for c in columns):
        what = FORMATS[fmt][1] if fmt not in ("table", "excel_csv") else "表"
        err = InputError(
            f"自由記述の列が見つかりません（{what}、{len(columns):,} 列: {survey.describe_columns(columns)}）",
            file=name, row=1,
            hint="1 行 1 回答の回答データを書き出すか、自由記述の列を --map text=列名（取り込み画面では役割「自由記述」）"
            "で指定してください。列: "
            + "、".join(survey.shorten(c.id, 30) for c in columns[:12]) + ("…" if len(columns) > 12 else ""))
        err.roles_fixable = True  # the import wizard opens on such a file: the user picks the column there
        raise err
    if not data_head:
        raise InputError(f"見出しだけでデータの行がありません（{FORMATS[fmt][1]}、{len(columns):,} 列）", file=name,
                         row=hdr + 1, hint="回答を含めて書き出し直してください")
    records = survey.iter_responses(all_rows, columns, fmt, name, stats, plan)
    return ParsedFile(str(p), size, sha, fmt, "survey", confidence, reason, enc, columns, preview, records, stats)


def _expand_overrides(overrides: list[tuple[str, str]]) -> list[tuple[str, str]]:
    for role, _ in overrides:
        if role not in ROLES:
            raise InputError(f"役割「{role}」はありません", hint="id, customer, time, nps, score, text, choice, attr, ignore のいずれか")
    return overrides


def parse_map_args(items: Iterable[str]) -> list[tuple[str, str]]:
    out = []
    for item in items:
        if "=" not in item:
            raise InputError(f"--map {item}: 「役割=列名」の形で指定してください（例: --map text=ご意見）")
        role, col = item.split("=", 1)
        out.append((role.strip(), col.strip()))
    return out  # roles are checked against the file's kind when it is read


__all__ = ["read_file", "parse_map_args", "file_sha256"]


def detect(path: str | Path, encoding: str | None = None) -> Detection:
    """Detect format and encoding without importing (reads the head of the file)."""
    parsed = read_file(path, encoding=encoding)
    close = getattr(parsed.records, "close", None)
    if close is not None:
        close()
    return Detection(parsed.format, parsed.kind, parsed.confidence, parsed.reason, parsed.encoding)
