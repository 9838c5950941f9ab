"""Survey tables: the layouts of the survey tools' exports (Typeform, SurveyMonkey, Questant,
Google Forms, Microsoft Forms, Qualtrics, kintone, Japanese Excel CSV, any other table), column
roles from what the columns hold, and rows → :class:`SurveyResponse`.

Column roles are decided from the values first — numbers and their range, dates, identifiers,
how many distinct values, how long and how varied — and header words (``resources/column_roles.tsv``)
only break ties: a column of long, varied sentences is open text even when its header says 評価,
and a ``score`` needs numbers. Whatever holds free text and does not become verbatims is named,
with its role and why, in the file's warnings (:func:`review_roles`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from base.errors import InputError
from base.resources import resource_path
from importers.model import Column, ReadStats, SurveyAnswer, SurveyResponse
from importers.values import clean_id, key64, parse_bool, parse_datetime, parse_float, parse_int

SINGLE_ROLES = ("id", "customer", "time", "nps")
ROLE_NAMES = {"id": "回答 ID", "customer": "顧客 ID", "time": "日時", "nps": "NPS", "score": "評価",
              "text": "自由記述", "attr": "属性", "choice": "選択肢", "ignore": "使わない"}
UTC = dt.UTC


@dataclass
class Layout:
    format: str
    confidence: float
    reason: str
    header_rows: int
    columns: list[Column]
    subs: dict[int, str] = field(default_factory=dict)  # SurveyMonkey's second header row
    questions: dict[int, str] = field(default_factory=dict)  # the question a sub-labelled column belongs to
    tz: dict[int, dt.tzinfo] = field(default_factory=dict)  # the time zone a column's times are written in


def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s).strip().lower()


def _has_japanese(s: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in s)


# --- layouts ------------------------------------------------------------------

_TF_TOKEN = {"#", "token", "response token"}
_TF_MARKERS = {"network id", "submit date (utc)", "start date (utc)", "stage date (utc)", "submitted at",
               "response type", "ending", "tags"}
_KINTONE_ID = {"レコード番号", "record number", "record no.", "record id"}
_KINTONE_META = {"作成者", "作成日時", "更新者", "更新日時", "created by", "created datetime", "updated by",
                 "updated datetime", "created", "updated"}
_MSF = {"開始時刻", "完了時刻", "start time", "completion time"}
_TYPE_TAG = re.compile(r"[\[【(（<＜]\s*(sa|ma|fa)\s*[\]】)）>＞]|^q\d+[^ ]*\s+(sa|ma|fa)\b", re.I)
_TAG_ONLY = re.compile(r"[\[【(（<＜]\s*(SA|MA|FA)\s*[\]】)）>＞]", re.I)
_CODE = re.compile(r"^[a-z]{1,6}\d+([_\-.][a-z0-9]+)*$", re.I)


def detect_layout(head: list[list[str]], encoding: str | None) -> Layout:
    """Recognise the survey export layout from its first rows."""
    if not head:
        raise InputError("データがありません（空のファイルです）")
    r1 = [c.strip() for c in head[0]]
    n1 = [_norm(c) for c in r1]
    r2 = head[1] if len(head) > 1 else []
    r3 = head[2] if len(head) > 2 else []
    s1 = set(n1)
    # the language of the tool's own columns (questions may be in any language)
    lang = "日本語" if s1 & {"タイムスタンプ", "開始時刻", "完了時刻", "回答者 id", "回答者id", "コレクター id"} else "英語"

    # Qualtrics: column ids, question text, then {"ImportId": ...}
    if {"responseid", "finished"} <= s1 or {"startdate", "enddate", "progress"} <= s1:
        if r3 and sum(c.strip().startswith('{"ImportId"') for c in r3) >= max(1, len(r3) // 2):
            lay = Layout("qualtrics", 0.99, "Qualtrics 形式（1 行目に列 ID、2 行目に設問文、3 行目に ImportId）", 3,
                         _columns(r1, r2))
            lay.tz = _qualtrics_zones(r3)
            return lay
        if r2 and any(_norm(c) in ("response id", "start date") for c in r2):
            return Layout("qualtrics", 0.9, "Qualtrics 形式（旧形式: 列 ID と設問文の 2 行見出し）", 2, _columns(r1, r2))
        return Layout("qualtrics", 0.75, "Qualtrics の列（ResponseId, Finished など）があります", 1, _columns(r1))

    # SurveyMonkey: question row (blank cells continue the previous question) + sub-label row
    if "respondent id" in s1 or s1 & {"collector id", "コレクター id", "コレクターid"}:
        two = bool(r2) and not r2[0].strip() and any(c.strip() for c in r2)
        cols, subs, questions = _surveymonkey_columns(r1, r2 if two else [])
        how = "2 行見出し" if two else "1 行見出し"
        return Layout("surveymonkey", 0.95 if two else 0.85,
                      f"SurveyMonkey 形式（{lang}、Respondent ID / Collector ID と{how}）", 2 if two else 1,
                      cols, subs, questions)

    # Typeform: "#" (the response token) with its dates in UTC and Network ID
    tf = s1 & _TF_MARKERS
    if (s1 & _TF_TOKEN and tf) or len(tf & {"network id", "submit date (utc)", "start date (utc)", "stage date (utc)"}) >= 2:
        found = "、".join(c for c in r1 if _norm(c) in _TF_MARKERS | _TF_TOKEN)
        return Layout("typeform", 0.95 if s1 & _TF_TOKEN else 0.8, f"Typeform 形式（{found} の列）", 1, _columns(r1))

    # kintone: レコード番号 and the record's 作成者 / 作成日時 / 更新者 / 更新日時
    if s1 & _KINTONE_ID and s1 & _KINTONE_META:
        enc = {"cp932": "Shift_JIS", "utf-8-sig": "UTF-8 (BOM 付き)"}.get(encoding or "", encoding or "Excel")
        return Layout("kintone", 0.95, f"kintone アプリの CSV（{enc}、レコード番号・作成日時などの列）", 1, _columns(r1))

    # Questant (クエスタント) raw data: question types SA / MA / FA in the headers
    tags = sum(bool(_TYPE_TAG.search(c)) for c in n1)
    tags2 = sum(bool(_TYPE_TAG.search(_norm(c))) for c in r2) if r2 else 0
    if tags >= 2 or tags2 >= 2:
        two = tags2 > tags and _code_row(r1)
        cols = _columns(r1, r2) if two else _columns(r1)
        enc = {"cp932": "Shift_JIS"}.get(encoding or "", encoding or "Excel")
        return Layout("questant", 0.9, f"クエスタント（Questant）のローデータ（{enc}、設問に SA/MA/FA の種別）",
                      2 if two else 1, cols)

    if n1 and n1[0] in ("タイムスタンプ", "timestamp"):
        return Layout("google_forms", 0.95, f"Google フォーム形式（{lang}、1 列目が「{r1[0]}」）", 1, _columns(r1))

    if len(s1 & _MSF) >= 2 and ("id" in s1):
        return Layout("ms_forms", 0.95, f"Microsoft Forms 形式（{lang}、ID・開始時刻・完了時刻の列）", 1, _columns(r1))

    # a row of variable codes (Q1, Q2_1 …) above a row of question texts
    if r2 and _code_row(r1) and _label_row(r2) and r3 and not _label_row(r3):
        lay_fmt = "excel_csv" if encoding in ("cp932", "utf-8-sig") else "table"
        return Layout(lay_fmt, 0.7, "2 行見出しの表（1 行目に設問番号、2 行目に設問文）", 2, _columns(r1, r2))

    jp = sum(_has_japanese(c) for c in r1)
    if encoding in ("cp932", "utf-8-sig") and jp:
        enc = "CP932" if encoding == "cp932" else "UTF-8 (BOM 付き)"
        return Layout("excel_csv", 0.85, f"日本語 Excel の CSV（{enc}、日本語の見出し {jp} 列）", 1, _columns(r1))
    return Layout("table", 0.5, "一般的な表（1 行目を見出しとして読みます）", 1, _columns(r1))


def _code_row(row: list[str]) -> bool:
    cells = [c.strip() for c in row if c.strip()]
    return len(cells) >= 2 and sum(bool(_CODE.match(c)) for c in cells) >= 0.6 * len(cells)


def _label_row(row: list[str]) -> bool:
    """Question texts, not data: words (Japanese or spaced), no numbers or dates."""
    cells = [c.strip() for c in row if c.strip()]
    if len(cells) < 2:
        return False
    wordy = sum(_has_japanese(c) and parse_float(c) is None and parse_datetime(c) is None for c in cells)
    return wordy >= 0.6 * len(cells)


def _qualtrics_zones(r3: list[str]) -> dict[int, dt.tzinfo]:
    """The time zone Qualtrics wrote each date column in ({"ImportId":"endDate","timeZone":"…"})."""
    out: dict[int, dt.tzinfo] = {}
    for i, cell in enumerate(r3):
        if "timeZone" not in cell:
            continue
        try:
            name = json.loads(cell).get("timeZone")
        except (ValueError, AttributeError):
            continue
        tz = _zone(name) if isinstance(name, str) else None
        if tz is not None:
            out[i] = tz
    return out


@lru_cache(maxsize=64)
def _zone(name: str) -> dt.tzinfo | None:
    if name.upper() in ("UTC", "GMT", "Z"):
        return UTC
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except Exception:  # noqa: BLE001 - unknown or malformed zone names are ignored (local time)
        return None


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


_SM_GENERIC = {"response", "open-ended response", "回答", "自由回答", "自由記述", "open ended response", ""}


def _surveymonkey_columns(r1: list[str], r2: list[str]) -> tuple[list[Column], dict[int, str], dict[int, str]]:
    labels, ids = [], []
    subs: dict[int, str] = {}
    questions: dict[int, str] = {}
    current = ""
    width = max(len(r1), len(r2))
    for i in range(width):
        q = r1[i].strip() if i < len(r1) else ""
        if q:
            current = q
        sub = r2[i].strip() if i < len(r2) else ""
        generic = _norm(sub) in _SM_GENERIC
        label = current if generic else f"{current} - {sub}"
        labels.append(label)
        ids.append(label if not q or not generic else q)
        if sub:
            subs[i] = sub
            questions[i] = current
    return _columns(ids, labels), subs, questions


# --- header hints ---------------------------------------------------------------

@cache
def _hint_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    with open(resource_path("column_roles.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            hint, pattern = line.rstrip("\n").split("\t", 1)
            out.append((hint, re.compile(pattern, re.IGNORECASE)))
    return tuple(out)


@lru_cache(maxsize=65536)
def header_hints(cid: str, label: str, sub: str = "") -> frozenset[str]:
    """Every hint of ``resources/column_roles.tsv`` that the column's id, label or sub-label matches."""
    names = {_norm(cid), _norm(label)} | ({_norm(sub)} if sub else set())
    return frozenset(h for h, pat in _hint_patterns() if any(pat.search(n) for n in names))


@cache
def _status_words() -> dict[str, str]:
    out = {}
    with open(resource_path("response_status.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            value, meaning = line.rstrip("\n").split("\t", 1)
            out[_norm(value)] = meaning.strip()
    return out


# --- what a column holds ------------------------------------------------------------

_HIRAGANA = re.compile(r"[\u3041-\u309f]")
_SENTENCE = re.compile(r"[。、！？!?]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_TECH = set("/;=(){}[]<>_\\|@#$%^*+")
_TOKEN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-.:]{3,}$")
_URL = re.compile(r"^(https?://|www\.)\S+$", re.I)
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_NULLS = {"null", "nan", "none", "undefined"}
_NO_CUSTOMER = {"anonymous", "匿名", "anonymous user", "-", "null", "n/a", "none"}
_MULTI_DELIMS = ("\n", ";", ", ", "、", ",", "|")
_FLAG_TRUE = {"1", "true", "yes", "○", "〇", "◯", "✓", "✔", "x", "はい"}


@dataclass
class Profile:
    n: int = 0  # non-empty values in the sample
    distinct: int = 0
    avg: float = 0.0
    kind: str = "empty"  # empty | int | float | date | url | email | multi | text | token | short
    lo: float = 0.0
    hi: float = 0.0
    numeric_share: float = 0.0
    flags01: bool = False
    identifier: bool = False  # numbers or tokens, (nearly) one per row
    same: bool = False  # one value in every row
    free: bool = False  # long, varied, sentence-like text
    delim: str = ""  # multi-select cells: the delimiter
    self_label: bool = False  # the only value is the column's own choice label
    rating: bool = False  # the labels of a rating scale (とても満足 … 不満)
    value: str = ""  # that value (self-labelled columns), or an example
    kana: int = 0  # distinct values with hiragana or sentence punctuation
    words: float = 0.0  # Latin words per value
    emails: float = 0.0
    stray: list[str] = field(default_factory=list)  # a choice column's one-off sentences


def profile(col: Column, vals: list[str], sub: str = "") -> Profile:
    """What the sampled non-empty values of a column are (cheap: stops early where it can)."""
    vals = [v for v in vals if v.lower() not in _NULLS]
    p = Profile(n=len(vals))
    if not vals:
        return p
    counts = Counter(vals)
    n, p.distinct = len(vals), len(counts)
    p.avg = sum(len(v) for v in vals) / n
    p.kana = sum(1 for v in counts if _HIRAGANA.search(v) or _SENTENCE.search(v))
    p.words = sum(len(_LATIN_WORD.findall(v)) for v in vals[:200]) / min(n, 200)
    p.value = vals[0]
    p.same = n >= 3 and p.distinct == 1
    nums = _numbers(vals)
    if nums is not None:
        p.numeric_share = 1.0
        p.lo, p.hi = min(nums), max(nums)
        ints = all(x == int(x) for x in nums)
        p.kind = "int" if ints else "float"
        p.flags01 = ints and set(nums) <= {0, 1}
        uniq = p.distinct >= 0.9 * n and n >= 2
        consecutive = ints and uniq and p.hi - p.lo + 1 == p.distinct
        p.identifier = ints and uniq and ((n >= 5 and (p.hi >= 1000 or p.hi - p.lo >= 50)) or p.hi >= 100000
                                          or (consecutive and n >= 5))
        return p
    p.numeric_share = sum(parse_float(v) is not None for v in vals[:200]) / min(n, 200)
    if _mostly_dates(vals):
        p.kind = "date"
        return p
    if sum(bool(_URL.match(v)) for v in vals) >= 0.8 * n:
        p.kind = "url"
        return p
    named = [v for v in vals if v.lower() not in _NO_CUSTOMER]  # "anonymous" stands for no address
    p.emails = sum(bool(_EMAIL_RE.match(v)) for v in named) / len(named) if named else 0.0
    if p.emails >= 0.8:
        p.kind = "email"
        return p
    if p.distinct == 1 and _is_own_label(vals[0], col, sub):
        p.kind, p.self_label = "short", True
        return p
    delim = _multi(vals, counts)
    if delim:
        p.kind, p.delim = "multi", delim
        p.stray = _strays(Counter(x.strip() for v in vals for x in v.split(delim) if x.strip()))
        return p
    if _rating_labels(counts):
        p.kind, p.rating = "short", True
        return p
    if _free_text(counts, n):
        p.kind, p.free = "text", True
        return p
    if p.distinct >= 0.5 * n and all(_TOKEN.match(unicodedata.normalize("NFKC", v)) and any(ch.isdigit() for ch in v)
                                     for v in vals):
        p.kind = "token"
        p.identifier = p.distinct >= 0.9 * n
        return p
    p.kind = "short"
    p.stray = _strays(counts)
    return p


def _numbers(vals: list[str]) -> list[float] | None:
    out = []
    for v in vals:
        i = parse_int(v)
        if i is not None:
            out.append(float(i))
            continue
        f = parse_float(v)
        if f is None:
            return None
        out.append(f)
    return out


def _is_own_label(value: str, col: Column, sub: str) -> bool:
    """A checkbox column whose cells hold the choice's own label (SurveyMonkey, Typeform)."""
    v = _norm(value)
    if not v or len(v) > 80:
        return False
    for name in (col.id, col.label, sub):
        t = _norm(name)
        if t and (t == v or t.endswith(v) or t.startswith(v)):
            return True
    return False


def _multi(vals: list[str], counts: Counter) -> str:
    """The delimiter of multi-select cells ("店頭, Webサイト", "店頭;Webサイト;", kintone's lines):
    the same parts come back in different combinations, as choices do. A sentence split at its
    commas gives parts found in that sentence only, however often the sentence is repeated."""
    n = len(vals)
    for d in _MULTI_DELIMS:
        joined = sum(c for v, c in counts.items() if d in v.strip(d + " "))
        if joined < max(1, 0.2 * n):
            continue
        parts: Counter = Counter()  # in how many different cells each part appears
        uses: Counter = Counter()  # how often each part is chosen
        for v, c in counts.items():
            ps = {x.strip() for x in v.split(d) if x.strip()}
            parts.update(ps)
            for x in ps:
                uses[x] += c
        total = sum(uses.values())
        shared = sum(uses[x] for x, k in parts.items() if k >= 2)
        if total and shared >= 0.7 * total and len(parts) <= max(12, 0.6 * n):
            return d
    return ""


def _sentence(v: str) -> bool:
    """Reads like a respondent's own sentence: Japanese with kana or sentence punctuation, or
    Latin prose of a few words without technical symbols."""
    if _SENTENCE.search(v) and len(v) >= 4:
        return True
    if len(v) >= 6 and _HIRAGANA.search(v):
        return True
    return (len(v) >= 12 and " " in v.strip() and len(_LATIN_WORD.findall(v)) >= 3
            and sum(ch in _TECH for ch in v) <= 0.05 * len(v))


@cache
def _rating_words() -> tuple[str, ...]:
    with open(resource_path("rating_labels.txt"), encoding="utf-8") as f:
        return tuple(w for line in f if (w := line.strip().lower()) and not w.startswith("#"))


def _rating_labels(counts: Counter) -> bool:
    """The labels of a rating scale (とても満足 … 不満, Very satisfied … Very dissatisfied): a few short
    values without sentence punctuation, most of them with a rating word."""
    if len(counts) > 11 or any(len(v) > (16 if _has_japanese(v) else 40) or _END.search(v) for v in counts):
        return False
    words = _rating_words()
    rated = sum(1 for v in counts if any(w in v.lower() for w in words))
    return rated >= 0.8 * len(counts)


_END = re.compile(r"[。！？!?]|です|ます|でした|ました")


def _free_text(counts: Counter, n: int) -> bool:
    """Long, varied text: most distinct values are sentences, and they vary (or are long: a
    sentence said again by another respondent is still one, 「特になし」 between them is no
    reason to call the column a choice)."""
    if n >= 5 and len(counts) == 1:
        return False
    said = [v for v in counts if _sentence(v)]
    if not said or 2 * len(said) < len(counts):
        return False
    times = sum(counts[v] for v in said)
    avg = sum(len(v) for v in said) / len(said)
    jp = sum(1 for v in said if _HIRAGANA.search(v) or _SENTENCE.search(v))
    if 2 * jp < len(said) and avg < 15:  # Latin prose: short phrases are labels
        return False
    if avg < 6:
        return False
    return len(said) >= 0.5 * times or (avg >= 15 and len(said) >= min(10, 0.5 * times))


def _strays(counts: Counter) -> list[str]:
    """Values said once that read like a respondent's own sentence (an "other" typed into a choice)."""
    return [v for v, c in counts.items()
            if c == 1 and (len(v) >= 10 or len(v) >= 8 and len(_HIRAGANA.findall(v)) >= 3)
            and (_HIRAGANA.search(v) or _SENTENCE.search(v))]


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


# --- roles -----------------------------------------------------------------

@dataclass
class Group:
    """Columns of one multiple-choice question, one column per choice."""

    question: str
    options: dict[int, str]  # column index → the choice's label
    flags: bool  # 0/1 cells (Questant) rather than the label itself (SurveyMonkey, Typeform)


@dataclass
class Plan:
    """How rows are read beyond the roles: what each column holds, multiple-choice groups, time
    zones, the response-status column and the start times that date partial responses."""

    profiles: dict[int, Profile] = field(default_factory=dict)
    hints: dict[int, frozenset[str]] = field(default_factory=dict)
    subs: dict[int, str] = field(default_factory=dict)
    questions: dict[int, str] = field(default_factory=dict)
    tz: dict[int, dt.tzinfo] = field(default_factory=dict)
    groups: list[Group] = field(default_factory=list)
    status: int | None = None
    starts: list[int] = field(default_factory=list)


def suggest_roles(columns: list[Column], sample: list[list[str]], fmt: str, layout: Layout | None = None) -> Plan:
    """Fill ``role`` and ``reason`` of every column from what its sampled values are (header words
    break ties) and return the :class:`Plan` the rows are read with."""
    plan = Plan()
    if layout is not None:
        plan.subs, plan.questions, plan.tz = dict(layout.subs), dict(layout.questions), dict(layout.tz)
    for col in columns:
        vals = [r[col.index].strip() for r in sample if col.index < len(r) and r[col.index].strip()]
        sub = plan.subs.get(col.index, "")
        h = header_hints(col.id, col.label, sub)
        p = profile(col, vals, sub)
        plan.hints[col.index], plan.profiles[col.index] = h, p
        col.role, col.reason = _decide(col, p, h, sub)
        if p.kind == "date" and col.index not in plan.tz and re.search(r"\b(utc|gmt)\b", _norm(col.id)):
            plan.tz[col.index] = UTC
    _resolve_singles(columns, plan)
    _find_status(columns, plan, sample)
    plan.starts = [c.index for c in columns if "time_start" in plan.hints[c.index]
                   and plan.profiles[c.index].kind == "date"]
    plan.starts.sort(key=lambda i: "stage" not in _norm(columns[i].id))  # Typeform's stage date first
    return plan


def _hint_word(h: frozenset[str]) -> str:
    for hint, word in (("nps", "推奨度"), ("score", "評価・満足度"), ("attr", "属性"), ("id", "ID"),
                       ("customer", "顧客 ID"), ("meta", "メタデータ"), ("time", "日時")):
        if hint in h:
            return word
    return ""


def _decide(col: Column, p: Profile, h: frozenset[str], sub: str = "") -> tuple[str, str]:
    if p.kind == "empty":
        if h & {"other_text", "text_tag"} or ("question" in h and not sub):
            return "text", "設問文らしい見出し（見本の値は空）"
        if sub and _norm(sub) not in _SM_GENERIC:
            return "choice", "選択肢の列（見本では選ばれていません）"
        return "ignore", "値がありません"
    if p.self_label:
        return "choice", f"値が選択肢名「{p.value[:20]}」だけの列（選ばれた選択肢）"
    if p.kind == "text":
        if "pii" in h:
            return "ignore", "長い文章ですが、見出しは氏名・住所・連絡先（個人情報）"
        word = _hint_word(h)
        if word:
            return "text", f"長く多様な文章（見出しは{word}を思わせますが、値が文章なので自由記述）"
        return "text", "自由記述（長く多様な文章）"
    if p.kind == "url":
        return "ignore", "リンク（URL）の列"
    if p.kind == "email":
        if "customer" in h:
            return "customer", "顧客 ID（見出し）、値はメールアドレス"
        return "ignore", "メールアドレス"
    if p.kind == "date":
        if p.same and ":" in p.value:  # to the minute in every row: not when each customer answered
            return "ignore", "全行が同じ日時（書き出した日時で、回答の日時ではない）"
        if "time_not" in h:
            return "ignore", "開始・途中・更新・書き出しの日時（回答を送信した日時ではない）"
        if "date_other" in h:
            return "attr", "回答以外の出来事の日付（属性）"
        return "time", "日時の値"
    if p.kind in ("int", "float"):
        if p.distinct == 1 and sub and _norm(sub) not in _SM_GENERIC:
            return "choice", f"選択肢の列（選ばれた選択肢の番号 {p.value}）"
        return _decide_number(p, h)
    if p.kind == "multi":
        shown = {"\n": "改行", ";": "；", ", ": "，", ",": "，", "、": "、", "|": "｜"}[p.delim]
        return "choice", f"複数選択（{shown}区切りの選択肢）"
    if p.kind == "token":
        if "customer" in h:
            return "customer", "顧客 ID（見出しと識別子の値）"
        if h & {"meta", "pii"}:
            return "ignore", "識別子（メタデータ）"
        if p.identifier:
            return "id", "識別子（回答ごとに異なる値）"
        return "ignore", "識別子（回答ごとではない値）"
    # short values
    if "customer" in h:
        return "customer", "顧客 ID（見出し）"
    if h & {"meta", "pii"}:
        return "ignore", "メタデータ（見出し）"
    if h & {"other_text", "text_tag"}:
        return "text", "「その他」などの記入欄（回答者自身の言葉）"
    if "id" in h and p.distinct >= 0.9 * p.n:
        return "id", "ID（見出し、回答ごとに異なる値）"
    if "id" in h:
        return "attr", "ID らしい見出しですが値が重複しています"
    if p.rating:
        return "choice", "評価の選択肢（満足・不満などの短い文言）"
    if "question" in h and p.n >= 2 and p.distinct >= 0.8 * p.n and (2 * p.kana >= p.n or p.words >= 1.5):
        return "text", "設問文の見出しで、値が多様（回答者の言葉）"
    if "attr" in h:
        return "attr", "属性（見出し）"
    if h & {"question", "choice_tag", "score", "nps"} or p.distinct <= max(3, 0.5 * p.n):
        return "choice", "選択肢（少数の短い値を繰り返す）"
    return "attr", "短い値（属性）"


def _decide_number(p: Profile, h: frozenset[str]) -> tuple[str, str]:
    lo, hi = p.lo, p.hi
    rng = f"{int(lo)}〜{int(hi)}" if p.kind == "int" else f"{lo:g}〜{hi:g}"
    if "customer" in h:
        return "customer", "顧客 ID（見出し）"
    if "meta" in h or "pii" in h:
        return "ignore", "メタデータ（見出し）"
    if p.identifier or ("id" in h and p.distinct >= 0.9 * p.n and p.kind == "int"):
        return "id", f"識別子（{rng}、回答ごとに異なる数）"
    if "id" in h:
        return "attr", "ID らしい見出しですが値が重複しています"
    if p.flags01:
        return "choice", "0/1 の選択（1 = 選ばれた）"
    small = lo >= 0 and hi <= 10
    if small and p.kind == "int" and "nps" in h:
        return "nps", f"{rng} の整数で、見出しが推奨度（0〜10）"
    if "choice_tag" in h and not h & {"score", "nps"}:
        return "choice", f"番号で書かれた選択肢（{rng}、見出しに SA/MA）"
    if "date_other" in h or "attr" in h:
        return "attr", f"数値（{rng}、見出しが属性）"
    if small or (hi - lo <= 10 and hi <= 100):
        return "score", f"{rng} の数値（評価）"
    return "attr", f"数値（{rng}、範囲の広い値）"


def _resolve_singles(columns: list[Column], plan: Plan) -> None:
    """One id, customer, time and NPS column: the best by its header, the rest step down."""
    def hint(c: Column, name: str) -> bool:
        return name in plan.hints[c.index]

    # time: the customer's submission, then when it was recorded / created, then a plain date
    times = [c for c in columns if c.role == "time"]
    if times:
        rank = {c.index: 3 if hint(c, "time") else 2 if hint(c, "time_recorded") else 1 for c in times}
        best = max(rank.values())
        keep = [c for c in times if rank[c.index] == best][-1]
        keep.reason = ("回答を送信した日時" if best == 3 else "記録・作成された日時" if best == 2 else "日時の値") + \
            ("（UTC から日本時間に）" if keep.index in plan.tz and plan.tz[keep.index] is UTC else "")
        for c in times:
            if c is not keep:
                if plan.hints[c.index] & {"time", "time_recorded", "time_neutral"}:
                    c.role, c.reason = "ignore", f"日時は「{keep.label}」を使用"
                else:  # a date the respondent gave (「購入した日は？」): an answer, kept as an attribute
                    c.role, c.reason = "attr", f"日付の回答（回答の日時は「{keep.label}」）"
    ids = [c for c in columns if c.role == "id"]
    if ids:
        keep = max(ids, key=lambda c: (hint(c, "id"), -c.index))
        for c in ids:
            if c is not keep:
                c.role, c.reason = "ignore", f"識別子（回答 ID は「{keep.label}」）"
    nps = [c for c in columns if c.role == "nps"]
    for c in nps[1:]:
        c.role, c.reason = "score", f"0〜10 の評価（NPS は「{nps[0].label}」を使用）"
    cust = [c for c in columns if c.role == "customer"]
    for c in cust[1:]:
        c.role, c.reason = "attr", f"顧客 ID は「{cust[0].label}」を使用"
    if not cust:
        mails = [c for c in columns if plan.profiles[c.index].kind == "email" and c.role == "ignore"]
        mails.sort(key=lambda c: not hint(c, "email"))
        if mails:
            mails[0].role, mails[0].reason = "customer", "顧客 ID の列がないため、メールアドレスで顧客を識別"


def _find_status(columns: list[Column], plan: Plan, sample: list[list[str]]) -> None:
    """A column whose values all say complete / partial (Typeform's Response Type, 回答ステータス)."""
    words = _status_words()
    for c in columns:
        p = plan.profiles[c.index]
        if p.kind not in ("short", "token") or p.n == 0 or p.distinct > 4:
            continue
        vals = {_norm(r[c.index]) for r in sample if c.index < len(r) and r[c.index].strip()}
        if vals and all(v in words for v in vals):
            plan.status = c.index
            c.role, c.reason = "ignore", "回答の状態（途中回答の判定に使用）"
            return


_SEPARATORS = " -:：_/／[]【】()（）・.。「」<>＜＞|｜"


def _groups(columns: list[Column], plan: Plan) -> list[Group]:
    """Multiple-choice questions spread over one column per choice: by SurveyMonkey's question row,
    or adjacent 0/1 or self-labelled columns whose headers share the question before a separator."""
    out: list[Group] = []
    run: list[Column] = []

    def member(c: Column) -> bool:
        p = plan.profiles.get(c.index)
        return c.role == "choice" and p is not None and (p.flags01 or p.self_label or p.kind == "empty")

    def close() -> None:
        if len(run) >= 2:
            out.extend(_split_run(run, plan))
        run.clear()

    for c in columns:
        if member(c):
            if run and c.index != run[-1].index + 1:
                close()
            run.append(c)
        else:
            close()
    close()
    return out


def _split_run(run: list[Column], plan: Plan) -> list[Group]:
    out: list[Group] = []
    by_q: dict[str, list[Column]] = {}
    for c in run:
        q = plan.questions.get(c.index)
        if q and plan.subs.get(c.index) and _norm(plan.subs[c.index]) not in _SM_GENERIC:
            by_q.setdefault(q, []).append(c)
    if by_q:  # SurveyMonkey: the question row says which columns belong together
        for q, cols in by_q.items():
            flags = any(plan.profiles[c.index].flags01 for c in cols)
            out.append(Group(q, {c.index: plan.subs[c.index] for c in cols}, flags))
        return out
    labels = [c.label for c in run]
    prefix = os.path.commonprefix(labels)
    cut = max((prefix.rfind(ch) for ch in _SEPARATORS), default=-1)
    if cut <= 0:
        return out
    question = " ".join(_TAG_ONLY.sub(" ", prefix[:cut]).split()).strip(_SEPARATORS + " ")
    if not question:
        return out
    options = {}
    for c in run:
        opt = c.label[cut + 1:].strip(_SEPARATORS + " ")
        opt = re.sub(r"^\d+[\s.:：)）]*(?=\S)", "", opt) or opt or c.label
        options[c.index] = opt
    flags = any(plan.profiles[c.index].flags01 for c in run)
    out.append(Group(question, options, flags))
    return out


def apply_overrides(columns: list[Column], overrides: Iterable[tuple[str, str]], file: str) -> None:
    """``--map role=column``: the named column takes that role; single roles move."""
    for role, name in overrides:
        col = find_column(columns, name, file)
        if role in SINGLE_ROLES:
            for c in columns:
                if c.role == role and c is not col:
                    c.role, c.reason = "ignore", f"--map {role}= で置き換え"
        col.role, col.reason = role, "--map で指定"


def review_roles(columns: list[Column], plan: Plan, stats: ReadStats, file: str) -> None:
    """After detection and ``--map``: a score or NPS needs numbers; every column of free text that
    does not become verbatims is named with its role and why; multiple-choice groups are set."""
    for c in columns:
        p = plan.profiles.get(c.index)
        if p is None or p.n == 0:
            continue
        if c.role in ("score", "nps") and p.numeric_share < 0.8:
            raise InputError(
                f"列「{shorten(c.label)}」は数値ではない値が多いので{ROLE_NAMES[c.role]}にできません"
                f"（数値 {p.numeric_share:.0%}、例:「{shorten(p.value, 20)}」）",
                file=file, row=1, column=c.id,
                hint=f"自由記述なら --map text={shorten(c.id)}、選択肢・属性なら --map attr={shorten(c.id)} を指定してください")
        if p.free and c.role != "text":
            stats.warn(f"列「{shorten(c.label)}」は長く多様な文章（見本 {p.n:,} 件）ですが「{ROLE_NAMES.get(c.role, c.role)}」"
                       f"として取り込み、発言にしません — {c.reason}。発言にするには役割を「自由記述」に"
                       f"（--map text={shorten(c.id)}）")
        elif p.stray and c.role in ("choice", "attr"):
            stats.warn(f"列「{shorten(c.label)}」は選択肢の列ですが、選択肢にない記述が {len(p.stray):,} 件あります"
                       f"（例:「{shorten(p.stray[0], 30)}」）— 属性として保存し、発言にはしません")
    plan.groups = _groups(columns, plan)


def shorten(s: str, n: int = 40) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def describe_columns(columns: list[Column]) -> str:
    """'ID 1・日時 1・選択肢 5・評価 2' — what a file was found to hold, for one-line messages."""
    counts = Counter(c.role for c in columns)
    order = ("id", "customer", "time", "nps", "score", "choice", "attr", "text", "ignore")
    return "・".join(f"{ROLE_NAMES[r]} {counts[r]}" for r in order if counts.get(r))


def find_column(columns: list[Column], name: str, file: str) -> Column:
    n = _norm(name)
    for c in columns:
        if _norm(c.id) == n or _norm(c.label) == n:
            return c
    if n.startswith("#") and n[1:].isdigit():
        i = int(n[1:]) - 1
        if 0 <= i < len(columns):
            return columns[i]
    listed = "、".join(shorten(c.id, 30) for c in columns[:30])
    raise InputError(f"列「{name}」がありません", file=file, hint=f"列: {listed}")


# --- records -----------------------------------------------------------------

def iter_responses(
    rows: Iterator[tuple[int, list[str]]],
    columns: list[Column],
    fmt: str,
    file: str,
    stats: ReadStats,
    plan: Plan | None = None,
) -> Iterator[SurveyResponse]:
    plan = plan or Plan()
    by_role: dict[str, list[Column]] = {}
    for c in columns:
        by_role.setdefault(c.role, []).append(c)
    width = len(columns)

    def one(role: str) -> Column | None:
        cs = by_role.get(role)
        return cs[0] if cs else None

    id_col, cust_col, time_col, nps_col = one("id"), one("customer"), one("time"), one("nps")
    text_cols = by_role.get("text", [])
    score_cols = by_role.get("score", [])
    grouped = {i: g for g in plan.groups for i in g.options}
    attr_cols = [c for c in columns if c.role in ("attr", "choice") and c.index not in grouped]
    groups = [g for g in plan.groups if any(columns[i].role == "choice" for i in g.options)]
    ids = {_norm(c.id): c for c in columns}
    fin_col = ids.get("finished") if fmt == "qualtrics" else None
    prog_col = ids.get("progress") if fmt == "qualtrics" else None
    status_col = plan.status
    status_words = _status_words() if status_col is not None else {}
    tz_time = plan.tz.get(time_col.index) if time_col is not None else None
    starts = [(i, plan.tz.get(i)) for i in plan.starts if time_col is None or i != time_col.index]
    # a response that was started but has no submission time was not submitted (Typeform's partials)
    submit_col = time_col if time_col is not None and starts and "time" in plan.hints.get(time_col.index, ()) else None

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
        partial = False
        progress = None
        if fin_col is not None:
            partial = parse_bool(cells[fin_col.index]) is False
        if prog_col is not None:
            progress = parse_int(cells[prog_col.index])
            if progress is not None and progress < 100:
                partial = True
        if status_col is not None and status_words.get(_norm(cells[status_col])) == "partial":
            partial = True
        when = None
        if time_col is not None:
            raw = cells[time_col.index]
            if raw.strip() and raw.strip().lower() not in _NULLS:
                when = parse_datetime(raw, source=tz_time)
                if when is None:
                    stats.warn(f"{file} {rowno} 行目 列「{time_col.label}」: 日時として読めません（{raw[:30]!r}）")
                    attrs[time_col.label] = raw.strip()
            elif submit_col is not None and any(cells[i].strip() for i, _ in starts):
                partial = True
            if when is None and partial:
                # a partial response has no submission: its last own activity dates it
                for i, tz in starts:
                    v = cells[i].strip()
                    if v and v.lower() not in _NULLS:
                        when = parse_datetime(v, source=tz)
                        if when is not None:
                            break
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
        for g in groups:
            chosen = []
            for i, opt in g.options.items():
                v = cells[i].strip()
                if not v:
                    continue
                if g.flags:
                    if _norm(v) in _FLAG_TRUE:
                        chosen.append(opt)
                else:
                    chosen.append(v)
            if chosen:
                attrs[g.question] = "; ".join(chosen)
        answers = [SurveyAnswer(c.id, c.label, cells[c.index]) for c in text_cols]
        customer = clean_id(cells[cust_col.index]) if cust_col is not None else None
        if customer is not None and customer.lower() in _NO_CUSTOMER:
            customer = None
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
