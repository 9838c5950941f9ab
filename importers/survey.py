"""Survey tables: layouts (Qualtrics, SurveyMonkey, Google Forms, Microsoft Forms,
Japanese Excel CSV, generic), column roles, and rows → :class:`SurveyResponse`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from importers.errors import InputError
from importers.model import Column, ReadStats, SurveyAnswer, SurveyResponse
from importers.values import clean_id, key64, parse_bool, parse_datetime, parse_float, parse_int
from nlp.resources import resource_path

SINGLE_ROLES = ("id", "customer", "time", "nps")


@dataclass
class Layout:
    format: str
    confidence: float
    reason: str
    header_rows: int
    columns: list[Column]


def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s).strip().lower()


def _has_japanese(s: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in s)


def detect_layout(head: list[list[str]], encoding: str | None) -> Layout:
    """Recognise the survey export layout from its first rows."""
    if not head:
        raise InputError("データがありません（空のファイルです）")
    r1 = [c.strip() for c in head[0]]
    n1 = [_norm(c) for c in r1]
    r2 = head[1] if len(head) > 1 else []
    r3 = head[2] if len(head) > 2 else []
    s1 = set(n1)

    # Qualtrics: column ids, question text, then {"ImportId": ...}
    if {"responseid", "finished"} <= s1 or {"startdate", "enddate", "progress"} <= s1:
        if r3 and sum(c.strip().startswith('{"ImportId"') for c in r3) >= max(1, len(r3) // 2):
            return Layout("qualtrics", 0.99, "Qualtrics 形式（1 行目に列 ID、2 行目に設問文、3 行目に ImportId）", 3,
                          _columns(r1, r2))
        if r2 and any(_norm(c) in ("response id", "start date") for c in r2):
            return Layout("qualtrics", 0.9, "Qualtrics 形式（旧形式: 列 ID と設問文の 2 行見出し）", 2, _columns(r1, r2))
        return Layout("qualtrics", 0.75, "Qualtrics の列（ResponseId, Finished など）があります", 1, _columns(r1))

    # SurveyMonkey: question row (blank cells continue the previous question) + sub-label row
    sm_markers = {"respondent id", "collector id", "回答者 id", "回答者id", "コレクター id", "コレクターid"}
    if s1 & sm_markers:
        return Layout("surveymonkey", 0.95, "SurveyMonkey 形式（Respondent ID / Collector ID と 2 行見出し）", 2,
                      _surveymonkey_columns(r1, r2))

    if n1 and n1[0] in ("タイムスタンプ", "timestamp"):
        return Layout("google_forms", 0.95, "Google フォーム形式（1 列目が「タイムスタンプ」）", 1, _columns(r1))

    msf = {"開始時刻", "完了時刻", "start time", "completion time"}
    if len(s1 & msf) >= 2 and ("id" in s1):
        return Layout("ms_forms", 0.95, "Microsoft Forms 形式（ID・開始時刻・完了時刻の列）", 1, _columns(r1))

    jp = sum(_has_japanese(c) for c in r1)
    if encoding in ("cp932", "utf-8-sig") and jp:
        enc = "CP932" if encoding == "cp932" else "UTF-8 (BOM 付き)"
        return Layout("excel_csv", 0.85, f"日本語 Excel の CSV（{enc}、日本語の見出し {jp} 列）", 1, _columns(r1))
    return Layout("table", 0.5, "一般的な表（1 行目を見出しとして読みます）", 1, _columns(r1))


def _columns(ids: list[str], labels: list[str] | None = None) -> list[Column]:
    cols = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(ids):
        cid = raw.strip() or f"列{i + 1}"
        if cid in seen:
            seen[cid] += 1
            cid = f"{cid} ({seen[cid]})"
        else:
            seen[cid] = 1
        label = labels[i].strip() if labels and i < len(labels) and labels[i].strip() else cid
        cols.append(Column(index=i, id=cid, label=label))
    return cols


_SM_GENERIC = {"response", "open-ended response", "回答", "自由回答", "自由記述", ""}


def _surveymonkey_columns(r1: list[str], r2: list[str]) -> list[Column]:
    labels, ids = [], []
    current = ""
    for i, q in enumerate(r1):
        q = q.strip()
        if q:
            current = q
        sub = r2[i].strip() if i < len(r2) else ""
        label = current if _norm(sub) in _SM_GENERIC else f"{current} - {sub}"
        labels.append(label)
        ids.append(label if not q or _norm(sub) not in _SM_GENERIC else q)
    return _columns(ids, labels)


# --- roles -----------------------------------------------------------------

@cache
def _role_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    with open(resource_path("column_roles.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            role, pattern = line.rstrip("\n").split("\t", 1)
            out.append((role, re.compile(pattern, re.IGNORECASE)))
    return tuple(out)


def _header_role(col: Column) -> str | None:
    return _header_role_of(col.id, col.label)


@lru_cache(maxsize=65536)
def _header_role_of(cid: str, label: str) -> str | None:
    names = {_norm(cid), _norm(label)}
    for role, pat in _role_patterns():
        if any(pat.search(n) for n in names):
            return role
    return None


_QUESTION_RE = re.compile(r"[？?]$|ください|教えて|ご意見|ご感想|ご要望|自由記述|コメント|comment|feedback|理由|why", re.I)


def suggest_roles(columns: list[Column], sample: list[list[str]], fmt: str) -> None:
    """Fill ``role`` and ``reason`` of every column from its header and sample values."""
    for col in columns:
        vals = [r[col.index].strip() for r in sample if col.index < len(r) and r[col.index].strip()]
        role = _header_role(col)
        reason = "見出しから判断" if role else ""
        if role == "nps":
            ints = [parse_int(v) for v in vals]
            if vals and not all(i is not None and 0 <= i <= 10 for i in ints[: len(vals)]) and not _QUESTION_RE.search(col.label):
                role, reason = "score", "見出しは推奨度ですが値が 0〜10 の整数ではありません"
            elif vals and not all(i is not None for i in ints):
                role, reason = "text", "推奨度の理由を尋ねる自由記述"
        if role is None:
            role, reason = _value_role(col, vals, len(sample))
        if role == "id" and fmt == "excel_csv" and vals and len(set(vals)) < len(vals) * 0.9:
            role, reason = "attr", "ID らしい見出しですが値が重複しています"
        col.role, col.reason = role, reason
    _dedupe_single_roles(columns)
    if not any(c.role == "customer" for c in columns):
        for col in columns:
            if _header_role(col) != "ignore":
                continue
            vals = [r[col.index].strip() for r in sample if col.index < len(r) and r[col.index].strip()]
            if vals and all(_EMAIL_RE.match(v) for v in vals):
                col.role, col.reason = "customer", "顧客 ID の列がないため、メールアドレスで顧客を識別"
                break


_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _value_role(col: Column, vals: list[str], n: int) -> tuple[str, str]:
    if not vals:
        if _QUESTION_RE.search(col.label):
            return "text", "設問文らしい見出し（値は空）"
        return "ignore", "値がありません"
    ints = _all_ints(vals)
    if ints is not None:
        if all(0 <= i <= 10 for i in ints) and re.search(r"0\s*[-〜~～]\s*10", col.label):
            return "nps", "0〜10 の整数で見出しに 0-10"
        if max(ints) - min(ints) <= 10:
            return "score", "小さな範囲の整数"
        return "ignore", "数値の列"
    if _mostly_dates(vals):
        return "time", "日時の値"
    distinct = len(set(vals))
    avg = sum(len(v) for v in vals) / len(vals)
    if len(vals) >= 10 and distinct <= max(8, 0.1 * len(vals)) and avg <= 8:
        return "attr", "少数の短い値を繰り返す属性"
    if _QUESTION_RE.search(col.label) or "？" in col.label or (avg >= 12 and distinct >= 0.6 * len(vals)):
        return "text", "自由記述（長く多様な値）"
    if distinct <= max(12, 0.3 * len(vals)) and avg <= 20:
        return "attr", "少数の値を繰り返す属性"
    if avg >= 6 and distinct >= 0.5 * len(vals):
        return "text", "自由記述（多様な値）"
    return "attr", "属性"


def _all_ints(vals: list[str]) -> list[int] | None:
    """Every value as an integer, or None at the first one that is not."""
    out = []
    for v in vals:
        i = parse_int(v)
        if i is None:
            return None
        out.append(i)
    return out


def _mostly_dates(vals: list[str]) -> bool:
    """At least 80 % of ``vals`` are dates. Stops at the first value that makes that impossible:
    a column of words costs a few failed parses, not one per sampled cell."""
    n = len(vals)
    misses = 0
    for v in vals:
        if parse_datetime(v) is None:
            misses += 1
            if n - misses < 0.8 * n:
                return False
    return True


def _dedupe_single_roles(columns: list[Column]) -> None:
    """Only one column can be the id / customer / time / NPS: keep the first, or for time the last
    (exports put submission/completion time after start time)."""
    for role in SINGLE_ROLES:
        cols = [c for c in columns if c.role == role]
        if len(cols) <= 1:
            continue
        keep = cols[-1] if role == "time" else cols[0]
        for c in cols:
            if c is not keep:
                c.role = "attr" if role in ("customer", "id") else "ignore"
                c.reason = f"{role} は「{keep.label}」を使用"


def apply_overrides(columns: list[Column], overrides: Iterable[tuple[str, str]], file: str) -> None:
    """``--map role=column``: the named column takes that role; single roles move."""
    for role, name in overrides:
        col = find_column(columns, name, file)
        if role in SINGLE_ROLES:
            for c in columns:
                if c.role == role and c is not col:
                    c.role, c.reason = "ignore", f"--map {role}= で置き換え"
        col.role, col.reason = role, "--map で指定"


def find_column(columns: list[Column], name: str, file: str) -> Column:
    n = _norm(name)
    for c in columns:
        if _norm(c.id) == n or _norm(c.label) == n:
            return c
    if n.startswith("#") and n[1:].isdigit():
        i = int(n[1:]) - 1
        if 0 <= i < len(columns):
            return columns[i]
    listed = "、".join(c.id for c in columns[:30])
    raise InputError(f"列「{name}」がありません", file=file, hint=f"列: {listed}")


# --- records -----------------------------------------------------------------

def iter_responses(
    rows: Iterator[tuple[int, list[str]]],
    columns: list[Column],
    fmt: str,
    file: str,
    stats: ReadStats,
) -> Iterator[SurveyResponse]:
    by_role: dict[str, list[Column]] = {}
    for c in columns:
        by_role.setdefault(c.role, []).append(c)
    width = len(columns)

    def one(role: str) -> Column | None:
        cs = by_role.get(role)
        return cs[0] if cs else None

    id_col, cust_col, time_col, nps_col = one("id"), one("customer"), one("time"), one("nps")
    text_cols = by_role.get("text", [])
    attr_cols = by_role.get("attr", [])
    score_cols = by_role.get("score", [])
    ids = {_norm(c.id): c for c in columns}
    fin_col = ids.get("finished") if fmt == "qualtrics" else None
    prog_col = ids.get("progress") if fmt == "qualtrics" else None

    for rowno, cells in rows:
        stats.rows_read += 1
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        elif len(cells) > width:
            extra = [i for i in range(width, len(cells)) if cells[i].strip()]
            if extra:
                raise InputError(
                    f"見出しより列が多い行です（見出し {width} 列、この行 {len(cells)} 列）",
                    file=file, row=rowno, column=f"{extra[0] + 1} 列目",
                    hint="区切り文字や引用符（\"）がずれていないか確認してください",
                )
            cells = cells[:width]
        if not "".join(cells).strip():
            stats.blank_rows += 1
            continue
        attrs: dict[str, str] = {}
        nps = None
        if nps_col is not None:
            raw = cells[nps_col.index]
            nps = parse_int(raw)
            if raw.strip() and (nps is None or not 0 <= nps <= 10):
                stats.warn(f"{file} {rowno} 行目 列「{nps_col.label}」: NPS が 0〜10 の整数ではありません（{raw[:20]!r}）")
                attrs[nps_col.label] = raw.strip()
                nps = None
        when = None
        if time_col is not None:
            raw = cells[time_col.index]
            when = parse_datetime(raw)
            if raw.strip() and when is None:
                stats.warn(f"{file} {rowno} 行目 列「{time_col.label}」: 日時として読めません（{raw[:30]!r}）")
                attrs[time_col.label] = raw.strip()
        scores = {}
        for c in score_cols:
            v = parse_float(cells[c.index])
            if v is not None:
                scores[c.label] = v
            elif cells[c.index].strip():
                attrs[c.label] = cells[c.index].strip()
        for c in attr_cols:
            v = cells[c.index].strip()
            if v:
                attrs[c.label] = v
        answers = [SurveyAnswer(c.id, c.label, cells[c.index]) for c in text_cols]
        customer = clean_id(cells[cust_col.index]) if cust_col is not None else None
        partial = False
        progress = None
        if fin_col is not None:
            partial = parse_bool(cells[fin_col.index]) is False
        if prog_col is not None:
            progress = parse_int(cells[prog_col.index])
            if progress is not None and progress < 100:
                partial = True
        texts = [a.text.strip() for a in answers]
        # a same-content submission is a duplicate only when it identifies someone or says something
        signature = key64(
            customer or "",
            str(nps),
            repr(sorted(scores.items())) if scores else "",
            *texts,
            repr(sorted(attrs.items())) if attrs else "",
        ) if customer or any(len(t) >= 10 for t in texts) else 0
        yield SurveyResponse(
            row=rowno,
            key=key64(*cells),
            response_id=cells[id_col.index].strip() or None if id_col is not None else None,
            customer_id=customer,
            submitted_at=when,
            nps=nps,
            scores=scores,
            answers=answers,
            attributes=attrs,
            partial=partial,
            progress=progress,
            signature=signature,
        )
