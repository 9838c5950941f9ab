"""Open any supported file for import: detect container, encoding and format, map
columns, and return a :class:`ParsedFile` whose records stream from disk."""

from __future__ import annotations

import codecs
import hashlib
import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path

from importers import behaviour, survey, tickets
from importers import interview as interview_mod
from importers.detect import FORMATS, TABLE_SUFFIXES, container
from importers.encoding import (
    check_encoding,
    detect_encoding,
    open_text,
    resolve_requested,
    utf16_order,
)
from importers.errors import InputError
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
) -> ParsedFile:
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
        return _table(p, size, sha, iter_xlsx(p, sheet), None, format, overrides, stats)

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
    if format == "zendesk" or (format is None and (first in ("{", "[") or suffix in (".json", ".jsonl", ".ndjson"))):
        return _zendesk(p, size, sha, enc, stats)
    if format == "interview" or (format is None and suffix in (".txt", ".md", ".text") and not _looks_tabular(text_head)):
        with open_text(p, enc) as f:
            text = strip_text(f.read(), name, stats)
        return _interview(p, size, sha, text, enc, stats)
    if format is None and suffix not in TABLE_SUFFIXES and not _looks_tabular(text_head):
        raise InputError("表形式（CSV/TSV）として読めません", file=name,
                         hint="CSV・TSV・Excel・JSON・テキストのファイルを選ぶか、--format を指定してください")
    delim = sniff_delimiter(text_head, suffix)
    return _table(p, size, sha, iter_csv(p, enc, delim, stats), enc, format, overrides, stats)


def _zendesk(p: Path, size: int, sha: str, enc: str, stats: ReadStats) -> ParsedFile:
    records = tickets.iter_zendesk(p, enc, stats)
    # look at the first record now so that a non-ticket JSON fails before any import
    first = next(records, None)
    if first is None:
        raise InputError("チケットがありません", file=p.name)
    preview = [[first.ticket_id, first.customer_id or "", first.subject or "", (first.messages[0].body if first.messages else "")[:80]]]
    cols = [Column(0, "id", "チケット ID", "id"), Column(1, "requester_id", "依頼者", "customer"),
            Column(2, "subject", "件名", "attr"), Column(3, "comments", "コメント", "text")]
    return ParsedFile(str(p), size, sha, "zendesk", "support", 0.95,
                      "JSON のチケット（id・description・comments・requester_id）", enc, cols, preview,
                      itertools.chain([first], records), stats)


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
    if format is None or format in ("freshdesk", "intercom"):
        if (format == "freshdesk") or (format is None and tickets.is_freshdesk(columns)):
            if tickets.find(columns, "ticket id", "チケット id", "チケットid") is None:
                raise InputError("必須の列「Ticket ID」がありません", file=name, row=1)
            tickets.freshdesk_roles(columns)
            records = tickets.iter_freshdesk(all_rows, columns, name, stats)
            return ParsedFile(str(p), size, sha, "freshdesk", "support", 0.9,
                              "Freshdesk のチケット CSV（Ticket ID・Description の列）", enc, columns, preview, records, stats)
        if (format == "intercom") or (format is None and tickets.is_intercom(columns)):
            if tickets.find(columns, "conversation id", "会話 id") is None:
                raise InputError("必須の列「Conversation ID」がありません", file=name, row=1)
            tickets.intercom_roles(columns)
            records = tickets.iter_intercom(all_rows, columns, name, stats)
            return ParsedFile(str(p), size, sha, "intercom", "support", 0.9,
                              "Intercom の会話（1 行 1 メッセージ、Conversation ID・Author type）", enc, columns, preview,
                              records, stats)
    bkind = format if format in behaviour.KINDS else None
    if bkind:
        confidence, reason = 1.0, f"--kind {bkind} の指定どおり"
    elif format is None and layout.format in ("excel_csv", "table"):
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
    survey.suggest_roles(columns, sample, fmt)
    survey.apply_overrides(columns, _expand_overrides(overrides), name)
    if not any(c.role == "text" for c in columns):
        raise InputError("自由記述の列が見つかりません", file=name, row=1,
                         hint="--map text=列名 で自由記述の列を指定してください（列: "
                         + "、".join(c.id for c in columns[:20]) + "）")
    records = survey.iter_responses(all_rows, columns, fmt, name, stats)
    return ParsedFile(str(p), size, sha, fmt, "survey", confidence, reason, enc, columns, preview, records, stats)


def _expand_overrides(overrides: list[tuple[str, str]]) -> list[tuple[str, str]]:
    for role, _ in overrides:
        if role not in ROLES:
            raise InputError(f"役割「{role}」はありません", hint="id, customer, time, nps, score, text, attr, ignore のいずれか")
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
