"""Support exports: Zendesk (JSON / JSON Lines / CSV), Freshdesk (CSV / JSON), HubSpot tickets
(CSV / XLSX), Intercom conversations (one row per message, or the API's JSON), and the dispatch
that recognises them and the review (:mod:`importers.reviews`) and chat (:mod:`importers.chat`)
exports.

Every format becomes :class:`Ticket` records: the customer's messages are verbatims, everything
else (agent, admin, bot, system, notes) is kept as a message but is never a verbatim."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from base.errors import InputError
from importers.encoding import open_text
from importers.model import Column, Message, ReadStats, Ticket
from importers.textsafety import strip_text
from importers.values import JST, clean_id, key64, parse_datetime

UTC = dt.UTC

# formats this module (with reviews and chat) reads from tables and from JSON
TABLE_FORMATS = ("zendesk_csv", "freshdesk", "hubspot", "intercom", "google_play", "app_store", "app_reviews",
                 "line")
JSON_FORMATS = ("zendesk", "freshdesk", "intercom", "google_play", "app_store", "app_reviews")
_REVIEW_FORMATS = ("google_play", "app_store", "app_reviews")


@dataclass
class Found:
    """A recognised support / review / chat file: what it is and how to read its records."""

    format: str
    confidence: float
    reason: str
    columns: list[Column]
    preview: list[list[str]]
    records: Iterator[Ticket] = field(default_factory=lambda: iter(()))
    skipped: Counter = field(default_factory=Counter)  # reasons rows or messages were not made verbatims
    # for tables: reads the data rows (the rest of the file after the header) into records
    read: Callable[[Iterator[tuple[int, list[str]]]], Iterator[Ticket]] | None = None


def when(value: object, *, naive_utc: bool = False) -> str | None:
    """A time as exports write it → ISO 8601 in the project time zone (JST). Epoch seconds or
    milliseconds (numbers, or digit strings of 10 / 13 digits) are read as such; ``naive_utc``
    reads a time without an offset as UTC (exports documented to write UTC)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dict):  # {"seconds": "1500000000", "nanos": 0} (Google APIs)
        return when(value.get("seconds"))
    if isinstance(value, (int, float)):
        return _epoch(float(value))
    s = str(value).strip()
    if not s:
        return None
    if s.isdigit() and len(s) in (10, 13):
        return _epoch(float(s))
    iso = parse_datetime(s, UTC) if naive_utc else parse_datetime(s)
    if iso is None:
        iso = _english_date(s, UTC if naive_utc else JST)
    if iso is not None and naive_utc:
        return dt.datetime.fromisoformat(iso).astimezone(JST).isoformat(timespec="seconds")
    return iso


_EN_FORMATS = ("%b %d, %Y %I:%M:%S %p", "%b %d, %Y %I:%M %p", "%b %d, %Y %H:%M:%S", "%b %d, %Y %H:%M", "%b %d, %Y",
               "%B %d, %Y %I:%M %p", "%B %d, %Y %H:%M", "%B %d, %Y", "%d %b %Y %H:%M:%S", "%d %b %Y %H:%M", "%d %b %Y",
               "%d %B %Y", "%a, %d %b %Y %H:%M:%S %z", "%a %b %d %H:%M:%S %Y")


def _english_date(s: str, tz: dt.tzinfo) -> str | None:
    """Dates review tools and mail headers write in English: ``Mar 1, 2025 1:15 AM``, ``1 March 2025``."""
    t = " ".join(s.replace(" at ", " ").split())
    if not any(ch.isalpha() for ch in t):
        return None
    for fmt in _EN_FORMATS:
        try:
            d = dt.datetime.strptime(t, fmt)
        except ValueError:
            continue
        d = d.replace(tzinfo=tz) if d.tzinfo is None else d
        return d.astimezone(JST).isoformat(timespec="seconds") if 1990 <= d.year <= 2200 else None
    return None


def _epoch(v: float) -> str | None:
    if v != v or v <= 0:
        return None
    if v > 1e11:  # milliseconds
        v /= 1000
    try:
        d = dt.datetime.fromtimestamp(v, JST)
    except (OverflowError, OSError, ValueError):
        return None
    return d.isoformat(timespec="seconds") if 1990 <= d.year <= 2200 else None

# --- Zendesk ------------------------------------------------------------------


def _s(v: object) -> str | None:
    if v is None:
        return None
    if isinstance(v, str):
        return v
    return json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else str(v)


_TAG_RE = re.compile(r"<[^>]+>")


def html_to_text(s: str) -> str:
    if "<" not in s:
        return s
    s = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>", "\n", s)
    return html.unescape(_TAG_RE.sub("", s)).strip("\n")


def _json_text(path: Path, encoding: str, stats: ReadStats):
    """(document, None) when the file is one JSON document (an array, or an object holding a
    list), or (None, line objects) for JSON Lines: ``(line, object, key)`` with a canonical
    content key. Raw NUL characters are removed with a warning naming the line
    (:mod:`importers.textsafety`)."""
    name = path.name
    f = open_text(path, encoding, stats)
    try:
        first = ""
        while True:
            ch = f.read(1)
            if not ch or not ch.isspace():
                first = ch
                break
        f.seek(0)
        if first == "[" or (first == "{" and _single_json_document(f)):
            f.seek(0)
            try:
                doc = _no_lone_surrogates(json.loads(strip_text(f.read(), name, stats)))
            except json.JSONDecodeError as e:
                raise InputError(f"JSON として読めません: {e.msg}（{e.colno} 文字目）", file=name, row=e.lineno) from e
            except RecursionError as e:
                raise InputError("JSON の入れ子が深すぎます", file=name) from e
            finally:
                f.close()
            return doc, None
    except BaseException:
        f.close()
        raise
    f.seek(0)
    return None, _json_lines(f, name, stats)


def _json_lines(f, name: str, stats: ReadStats) -> Iterator[tuple[int, dict, int]]:
    with f:
        for lineno, line in enumerate(f, start=1):
            stats.rows_read += 1
            if "\x00" in line:
                line = strip_text(line, name, stats, first_row=lineno)
            if not line.strip():
                stats.blank_rows += 1
                continue
            try:
                obj = json.loads(line)
                if "\\u" in line:
                    obj = _no_lone_surrogates(obj)
            except json.JSONDecodeError as e:
                raise InputError(f"JSON として読めません: {e.msg}（{e.colno} 文字目）", file=name, row=lineno,
                                 hint="1 行に 1 つの JSON オブジェクト（JSON Lines）か、JSON 配列を選んでください") from e
            except RecursionError as e:
                raise InputError("JSON の入れ子が深すぎます", file=name, row=lineno) from e
            if not isinstance(obj, dict):
                raise InputError("チケットのオブジェクトではありません", file=name, row=lineno,
                                 hint="1 行に 1 つの JSON オブジェクト（JSON Lines）を選んでください")
            yield lineno, obj, _obj_key(obj)


def _obj_key(obj: object) -> int:
    return key64(json.dumps(obj, sort_keys=True, ensure_ascii=False))


def _doc_items(items: list, name: str, stats: ReadStats) -> Iterator[tuple[int, dict, int]]:
    for i, obj in enumerate(items, start=1):
        stats.rows_read += 1
        if not isinstance(obj, dict):
            raise InputError(f"{i} 件目がオブジェクトではありません（{type(obj).__name__}）", file=name, row=i,
                             hint="チケット・会話・レビューの JSON オブジェクトの一覧を選んでください")
        yield i, obj, _obj_key(obj)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_lone_surrogates(obj):
    """JSON lets a lone surrogate in through an escape (``"\\ud800"``); it is no character, and
    no UTF-8 file or database can hold it: each becomes U+FFFD, the replacement character, so
    the rest of the text is kept and its length and offsets stay the same."""
    if isinstance(obj, str):
        return _SURROGATE.sub("\ufffd", obj) if _SURROGATE.search(obj) else obj
    if isinstance(obj, list):
        return [_no_lone_surrogates(x) for x in obj]
    if isinstance(obj, dict):
        return {_no_lone_surrogates(k): _no_lone_surrogates(v) for k, v in obj.items()}
    return obj


def _single_json_document(f) -> bool:
    """True when the file is one JSON document (not one object per line)."""
    pos = f.tell()
    head = f.read(1 << 16)
    f.seek(pos)
    lines = [ln for ln in head.splitlines() if ln.strip()]
    if len(lines) <= 1:
        return True
    try:
        json.loads(lines[0].replace("\x00", ""))  # a stray NUL is removed when the line is read
        return False
    except json.JSONDecodeError:
        return True


LIST_KEYS = ("tickets", "results", "data", "items", "conversations", "reviews", "records", "entries")


def _list_in(doc: object, name: str) -> list:
    if isinstance(doc, dict):
        for key in LIST_KEYS:
            if isinstance(doc.get(key), list):
                return doc[key]
        for key in ("ticket", "conversation", "review"):  # one object, as the APIs return it
            if isinstance(doc.get(key), dict):
                return [doc[key]]
        if "id" in doc:
            return [doc]
        raise InputError("チケット・会話・レビューの一覧が見つかりません（キー: " + _keys(doc) + "）", file=name,
                         hint="Zendesk / Freshdesk / Intercom の JSON エクスポートか、App Store / Google Play の"
                         "レビュー JSON を選んでください")
    raise InputError(f"チケット・会話・レビューの一覧が見つかりません（JSON の中身: {type(doc).__name__}）", file=name,
                     hint="Zendesk / Freshdesk / Intercom の JSON エクスポートか、レビューの JSON を選んでください")


def _keys(obj: dict, n: int = 8) -> str:
    keys = [shown(k) for k in list(obj)[:n]]
    return ", ".join(keys) + (" …" if len(obj) > n else "") if keys else "なし"


def shown(name: object, width: int = 30) -> str:
    """A key or column name as an error message shows it: on one line, short."""
    s = re.sub(r"\s+", " ", "".join(ch if ch.isprintable() else " " for ch in str(name))).strip()
    return (s[:width] + "…" if len(s) > width else s) or "（空）"


def shown_list(names, n: int = 12) -> str:
    names = list(names)
    return "、".join(shown(x) for x in names[:n]) + ("…" if len(names) > n else "")


def zendesk_ticket(obj: dict, lineno: int, key: int, name: str, stats: ReadStats) -> Ticket:
    tid = obj.get("id")
    if tid is None or isinstance(tid, (dict, list, bool)) or clean_id(str(tid)) is None:
        raise InputError("チケット ID（id）がありません", file=name, row=lineno, column="id")
    requester = clean_id(_s(obj.get("requester_id")))
    description = _s(obj.get("description")) or ""
    comments = obj.get("comments") or []
    if not isinstance(comments, list):
        raise InputError("comments が配列ではありません", file=name, row=lineno, column="comments")
    messages: list[Message] = []
    for i, c in enumerate(comments):
        if not isinstance(c, dict):
            raise InputError("コメントがオブジェクトではありません", file=name, row=lineno, column=f"comments[{i}]")
        body = _s(c.get("body"))
        if body is None:
            body = _s(c.get("plain_body"))
        if body is None:
            body = html_to_text(_s(c.get("html_body")) or "")
        author = clean_id(_s(c.get("author_id")))
        if i == 0 and (author is None or author == requester):
            role = "customer"
        elif requester is not None and author == requester:
            role = "customer"
        else:
            role = "agent"
        created = _s(c.get("created_at"))
        mkey = _s(c.get("id")) or str(key64(author or "", body, created or ""))
        public = c.get("public")
        messages.append(Message(mkey, role, author, body, parse_datetime(created), public is not False))
    if description.strip() and not any(m.body.strip() == description.strip() for m in messages[:1]):
        messages.insert(0, Message(f"desc:{key64(description)}", "customer", requester, description,
                                   parse_datetime(_s(obj.get("created_at")))))
    via = obj.get("via")
    channel = _s(via.get("channel")) if isinstance(via, dict) else _s(via)
    status = _s(obj.get("status"))
    updated = parse_datetime(_s(obj.get("updated_at")))
    solved = parse_datetime(_s(obj.get("solved_at")))
    if solved is None and status in ("solved", "closed"):
        solved = updated
    tags = obj.get("tags") if isinstance(obj.get("tags"), list) else []
    attrs: dict[str, str] = {}
    for k in ("organization_id", "group_id", "brand_id", "satisfaction_rating"):
        if obj.get(k) not in (None, "", [], {}):
            attrs[k] = _s(obj[k]) or ""
    for cf in obj.get("custom_fields") or []:
        if isinstance(cf, dict) and cf.get("value") not in (None, "", []):
            attrs[f"custom_{cf.get('id')}"] = _s(cf["value"]) or ""
    for k in ("created_at", "updated_at"):
        raw = _s(obj.get(k))
        if raw and parse_datetime(raw) is None:
            stats.warn(f"{name} {lineno} 行目 {k}: 日時として読めません（{raw[:30]!r}）")
    return Ticket(
        row=lineno,
        key=key,
        ticket_id=clean_id(str(tid)) or "",
        customer_id=requester,
        subject=_s(obj.get("subject")),
        status=status,
        priority=_s(obj.get("priority")),
        channel=channel,
        type=_s(obj.get("type")),
        created_at=parse_datetime(_s(obj.get("created_at"))),
        updated_at=updated,
        solved_at=solved,
        tags=[str(t) for t in tags],
        attributes=attrs,
        messages=messages,
    )


def looks_like_zendesk(obj: dict) -> bool:
    return "id" in obj and ("comments" in obj or "description" in obj or "requester_id" in obj)


# --- column names ---------------------------------------------------------------


def _norm(s: str) -> str:
    """Column names compared as words: NFKC, camelCase split, ``_ . - /`` and spaces as one space,
    lower case (``message_author_type`` = ``messageAuthorType`` = ``Message author type``)."""
    s = unicodedata.normalize("NFKC", s).strip()
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", s)
    return re.sub(r"[\s_.\-/:：・]+", " ", s).strip().lower()


def find(columns: list[Column], *names: str) -> Column | None:
    wanted = [_norm(n) for n in names]
    for w in wanted:
        for c in columns:
            if _norm(c.id) == w:
                return c
    return None


def has_word(name: str, *words: str) -> bool:
    """Whether a normalised column name holds one of ``words``: English words as whole words
    (``review text`` and ``レビューurl`` hold ``text`` and ``url``, ``context`` holds no ``text``),
    Japanese as substrings."""
    for w in words:
        if not w.isascii():
            if w in name:
                return True
            continue
        i = name.find(w)
        while i >= 0:
            before = name[i - 1] if i else " "
            after = name[i + len(w)] if i + len(w) < len(name) else " "
            if not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum()):
                return True
            i = name.find(w, i + 1)
    return False


def make_columns(header: list[str]) -> list[Column]:
    cols: list[Column] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(header):
        cid = raw.strip().lstrip("\ufeff") or f"列{i + 1}"
        if cid in seen:
            seen[cid] += 1
            cid = f"{cid} ({seen[cid]})"
        else:
            seen[cid] = 1
        cols.append(Column(i, cid, cid, "attr", ""))
    return cols


def _data_rows(rows: Iterator[tuple[int, list[str]]], stats: ReadStats) -> Iterator[tuple[int, list[str]]]:
    """Rows with any content; blank rows are counted and skipped."""
    for rowno, cells in rows:
        stats.rows_read += 1
        if not "".join(cells).strip():
            stats.blank_rows += 1
            continue
        yield rowno, cells


def _cell(cells: list[str], col: Column | None) -> str:
    if col is None or col.index >= len(cells):
        return ""
    return cells[col.index]


def _set_roles(columns: list[Column], roles: dict[str, Column | None], label: str) -> None:
    """Show what each column is used for: id / customer / time / text, every other one an attribute."""
    shown = {"id": "id", "customer": "customer", "time": "time", "text": "text"}
    taken = set()
    for role, c in roles.items():
        if c is not None and id(c) not in taken:
            taken.add(id(c))
            c.role, c.reason = shown.get(role, "attr"), f"{label} の列（{role}）"
    for c in columns:
        if id(c) not in taken:
            c.role, c.reason = "attr", "チケットの属性として保存"


def _attrs(columns: list[Column], cells: list[str], known: set[int]) -> dict[str, str]:
    return {c.label: cells[c.index].strip() for c in columns
            if id(c) not in known and c.index < len(cells) and cells[c.index].strip()}


def _split_tags(s: str) -> list[str]:
    return [t.strip() for t in re.split(r"[,、;；|]", s) if t.strip()]


def _status(raw: str, table: dict[str, str]) -> str | None:
    """A status as the signals read it: solved / closed / resolved are done, anything else open."""
    s = raw.strip()
    if not s:
        return None
    k = unicodedata.normalize("NFKC", s).lower()
    if k in table:
        return table[k]
    if re.search(r"(未|not\s*|un|non-?)(完了|解決|クローズ|close|solve|resolve)", k):
        return k
    for words, value in _DONE_WORDS:
        if any(w in k for w in words):
            return value
    return k


_DONE_WORDS = ((("closed", "クローズ", "終了", "完了", "close"), "closed"), (("solved", "解決"), "solved"),
               (("resolved",), "resolved"))
_SOLVED = ("solved", "closed", "resolved")


# --- Zendesk CSV -----------------------------------------------------------------

ZENDESK_STATUS = {"new": "new", "open": "open", "pending": "pending", "hold": "hold", "on-hold": "hold",
                  "solved": "solved", "closed": "closed", "新規": "new", "オープン": "open", "保留中": "pending",
                  "待機中": "hold", "解決済み": "solved", "終了": "closed", "終了済み": "closed"}
_ZD_MARKERS = ("requester", "requester id", "requester email", "requester external id", "submitter", "assignee",
               "via", "ticket type", "solved at", "summation column", "assigned at", "initially assigned at",
               "first reply time in minutes", "リクエスタ", "リクエスタid", "リクエスター", "リクエスターid",
               "依頼者", "依頼者id", "提出者", "担当者", "経由", "チケットタイプ", "解決日", "解決日時")


def is_zendesk_csv(columns: list[Column]) -> bool:
    names = {_norm(c.id) for c in columns}
    markers = sum(_norm(m) in names for m in _ZD_MARKERS)
    return "id" in names and markers >= 2 and bool(names & {"subject", "件名", "status", "ステータス"})


def zendesk_csv_roles(columns: list[Column]) -> dict[str, Column | None]:
    roles = {
        "id": find(columns, "id", "ticket id", "チケット id", "チケットid"),
        "customer": find(columns, "requester id", "リクエスタ id", "リクエスター id", "依頼者 id",
                         "requester external id", "requester email", "リクエスタのメール", "依頼者のメール"),
        "subject": find(columns, "subject", "件名"),
        "text": find(columns, "description", "ticket description", "説明", "本文", "チケットの説明"),
        "status": find(columns, "status", "ステータス"),
        "priority": find(columns, "priority", "優先度"),
        "channel": find(columns, "via", "経由", "channel", "チャネル"),
        "type": find(columns, "ticket type", "type", "チケットタイプ", "タイプ"),
        "time": find(columns, "created at", "作成日", "作成日時"),
        "updated": find(columns, "updated at", "更新日", "更新日時"),
        "solved": find(columns, "solved at", "解決日", "解決日時"),
        "tags": find(columns, "tags", "タグ"),
        "summation": find(columns, "summation column"),
    }
    _set_roles(columns, roles, "Zendesk")
    if roles["summation"] is not None:
        roles["summation"].role, roles["summation"].reason = "ignore", "Zendesk の集計用の列"
    return roles


def iter_zendesk_csv(rows: Iterator[tuple[int, list[str]]], columns: list[Column], name: str,
                     stats: ReadStats, skipped: Counter | None = None) -> Iterator[Ticket]:
    """Zendesk's CSV export: one row per ticket, no description or comments (Zendesk leaves
    them out), so such a ticket has no message and no verbatim; a description column, where a
    report adds one, is the requester's first message."""
    r = zendesk_csv_roles(columns)
    known = {id(c) for c in r.values() if c is not None}
    for rowno, cells in _data_rows(rows, stats):
        tid = clean_id(_cell(cells, r["id"]))
        if tid is None:
            raise InputError("チケット ID が空です", file=name, row=rowno, column=r["id"].id if r["id"] else None,
                             hint="Zendesk の CSV エクスポートの「Id」列が空の行を消してください")
        customer = clean_id(_cell(cells, r["customer"]))
        created = when(_cell(cells, r["time"]))
        body = html_to_text(_cell(cells, r["text"]))
        status = _status(_cell(cells, r["status"]), ZENDESK_STATUS)
        updated = when(_cell(cells, r["updated"]))
        solved = when(_cell(cells, r["solved"])) or (updated if status in _SOLVED else None)
        yield Ticket(
            row=rowno, key=key64(*cells), ticket_id=tid, customer_id=customer,
            subject=_cell(cells, r["subject"]).strip() or None, status=status,
            priority=_cell(cells, r["priority"]).strip().lower() or None,
            channel=_cell(cells, r["channel"]).strip() or None, type=_cell(cells, r["type"]).strip() or None,
            created_at=created, updated_at=updated, solved_at=solved,
            tags=[t for t in re.split(r"[\s,]+", _cell(cells, r["tags"])) if t],
            attributes=_attrs(columns, cells, known),
            messages=[Message(f"desc:{key64(body)}", "customer", customer, body, created)] if body.strip() else [],
        )


# --- Freshdesk -------------------------------------------------------------------

FRESHDESK_STATUS = {"2": "open", "3": "pending", "4": "resolved", "5": "closed", "open": "open",
                    "pending": "pending", "resolved": "resolved", "closed": "closed", "オープン": "open",
                    "保留中": "pending", "解決済み": "resolved", "クローズ": "closed", "終了": "closed"}
FRESHDESK_PRIORITY = {"1": "low", "2": "medium", "3": "high", "4": "urgent"}
FRESHDESK_SOURCE = {"1": "email", "2": "portal", "3": "phone", "7": "chat", "9": "feedback_widget",
                    "10": "outbound_email"}
_FD_ID = ("ticket id", "チケット id", "チケットid", "チケット番号")
_FD_MARKERS = ("Created time", "Resolved time", "Closed time", "Due by Time", "Last update time", "Agent", "Group",
               "Source", "Requester email", "Requester name", "Full name", "Contact ID", "Description text",
               "Initial response time", "Resolution status", "作成日時", "解決日時", "エージェント", "グループ", "ソース")


def is_freshdesk(columns: list[Column]) -> bool:
    return find(columns, *_FD_ID) is not None and (
        find(columns, "description text", "description", "説明", "status", "ステータス") is not None
    )


def freshdesk_roles(columns: list[Column]) -> dict[str, Column | None]:
    roles = {
        "id": find(columns, *_FD_ID),
        "customer": find(columns, "requester id", "contact id", "requester email", "email", "依頼者 id",
                         "依頼者のメール", "連絡先 id", "メール", "メールアドレス", "顧客id"),
        "subject": find(columns, "subject", "件名"),
        "text": find(columns, "description text", "description", "説明"),
        "status": find(columns, "status", "ステータス"),
        "priority": find(columns, "priority", "優先度"),
        "channel": find(columns, "source", "ソース"),
        "type": find(columns, "type", "タイプ"),
        "time": find(columns, "created time", "created at", "作成日時", "作成時刻"),
        "updated": find(columns, "last updated time", "last update time", "updated at", "最終更新日時"),
        "solved": find(columns, "resolved time", "closed time", "解決日時", "解決時刻", "クローズ日時"),
        "tags": find(columns, "tags", "タグ"),
    }
    for role, c in roles.items():
        if c is not None:
            c.role, c.reason = ("text" if role == "text" else role if role in ("id", "customer", "time") else "attr"), "Freshdesk の列"
    taken = {id(c) for c in roles.values() if c is not None}
    for c in columns:
        if id(c) not in taken:
            c.role, c.reason = "attr", "チケットの属性として保存"
    return roles


def iter_freshdesk(rows: Iterator[tuple[int, list[str]]], columns: list[Column], name: str,
                   stats: ReadStats, skipped: Counter | None = None) -> Iterator[Ticket]:
    r = freshdesk_roles(columns)
    known = {id(c) for c in r.values() if c is not None}
    for rowno, cells in _data_rows(rows, stats):
        tid = clean_id(_cell(cells, r["id"]))
        if tid is None:
            raise InputError("チケット ID が空です", file=name, row=rowno, column=r["id"].id if r["id"] else None)
        prio = _cell(cells, r["priority"]).strip()
        src = _cell(cells, r["channel"]).strip()
        body = html_to_text(_cell(cells, r["text"]))
        customer = clean_id(_cell(cells, r["customer"]))
        created = when(_cell(cells, r["time"]))
        msgs = [Message(f"desc:{tid}", "customer", customer, body, created)] if body.strip() else []
        yield Ticket(
            row=rowno, key=key64(*cells), ticket_id=tid, customer_id=customer,
            subject=_cell(cells, r["subject"]).strip() or None,
            status=_status(_cell(cells, r["status"]), FRESHDESK_STATUS),
            priority=FRESHDESK_PRIORITY.get(prio, prio.lower() or None),
            channel=FRESHDESK_SOURCE.get(src, src or None),
            type=_cell(cells, r["type"]).strip() or None,
            created_at=created,
            updated_at=when(_cell(cells, r["updated"])),
            solved_at=when(_cell(cells, r["solved"])),
            tags=_split_tags(_cell(cells, r["tags"])),
            attributes=_attrs(columns, cells, known), messages=msgs,
        )


def looks_like_freshdesk(obj: dict) -> bool:
    return "description_text" in obj or (
        "requester_id" in obj and isinstance(obj.get("status"), int) and not isinstance(obj.get("status"), bool))


def freshdesk_ticket(obj: dict, lineno: int, key: int, name: str, stats: ReadStats) -> Ticket:
    """A ticket of Freshdesk's API (``/api/v2/tickets``, with ``include=conversations``): the
    description is the requester's; a conversation is the customer's when it is incoming (or
    written by the requester) and not private, anything else is the agents'."""
    tid = obj.get("id")
    if tid is None or isinstance(tid, (dict, list, bool)) or clean_id(str(tid)) is None:
        raise InputError("チケット ID（id）がありません", file=name, row=lineno, column="id")
    requester = clean_id(_s(obj.get("requester_id")))
    created = when(obj.get("created_at"))
    body = _s(obj.get("description_text"))
    if body is None:
        body = html_to_text(_s(obj.get("description")) or "")
    messages = [Message(f"desc:{tid}", "customer", requester, body, created)] if body.strip() else []
    convs = obj.get("conversations") or []
    if not isinstance(convs, list):
        raise InputError("conversations が配列ではありません", file=name, row=lineno, column="conversations")
    for i, c in enumerate(convs):
        if not isinstance(c, dict):
            raise InputError("会話がオブジェクトではありません", file=name, row=lineno, column=f"conversations[{i}]")
        text = _s(c.get("body_text"))
        if text is None:
            text = html_to_text(_s(c.get("body")) or "")
        author = clean_id(_s(c.get("user_id")))
        private = c.get("private") is True
        incoming = c.get("incoming") is True or (requester is not None and author == requester)
        role = "customer" if incoming and not private else "agent"
        mkey = _s(c.get("id")) or str(key64(author or "", text, _s(c.get("created_at")) or ""))
        messages.append(Message(mkey, role, author, text, when(c.get("created_at")), not private))
    st = obj.get("stats") if isinstance(obj.get("stats"), dict) else {}
    status = _status(_s(obj.get("status")) or "", FRESHDESK_STATUS)
    tags = obj.get("tags") if isinstance(obj.get("tags"), list) else []
    attrs = {k: _s(obj[k]) or "" for k in ("group_id", "responder_id", "company_id", "product_id")
             if obj.get(k) not in (None, "", [], {})}
    for k, v in (obj.get("custom_fields") or {}).items() if isinstance(obj.get("custom_fields"), dict) else ():
        if v not in (None, "", []):
            attrs[f"custom_{k}"] = _s(v) or ""
    return Ticket(
        row=lineno, key=key, ticket_id=clean_id(str(tid)) or "", customer_id=requester,
        subject=_s(obj.get("subject")), status=status,
        priority=FRESHDESK_PRIORITY.get(_s(obj.get("priority")) or "", _s(obj.get("priority"))),
        channel=FRESHDESK_SOURCE.get(_s(obj.get("source")) or "", _s(obj.get("source"))),
        type=_s(obj.get("type")), created_at=created, updated_at=when(obj.get("updated_at")),
        solved_at=when(st.get("resolved_at")) or when(st.get("closed_at")),
        tags=[str(t) for t in tags], attributes=attrs, messages=messages,
    )


# --- HubSpot tickets -------------------------------------------------------------

_HS_ID = ("ticket id", "record id", "チケット id", "チケットid", "レコード id", "レコードid")
_HS_NAME = ("ticket name", "チケット名")
_HS_MARKERS = ("pipeline", "ticket status", "ticket description", "associated contact", "associated contact ids",
               "associated contact id", "create date", "ticket owner", "last activity date", "close date",
               "パイプライン", "チケットのステータス", "チケットステータス", "チケットの説明", "関連付けられたコンタクト",
               "関連付けられたコンタクト id", "作成日", "チケット担当者", "チケット所有者", "クローズ日")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


def is_hubspot(columns: list[Column]) -> bool:
    names = {_norm(c.id) for c in columns}
    return (find(columns, *_HS_NAME) is not None and find(columns, *_HS_ID) is not None
            and sum(_norm(m) in names for m in _HS_MARKERS) >= 1)


def hubspot_roles(columns: list[Column]) -> dict[str, Column | None]:
    roles = {
        "id": find(columns, *_HS_ID),
        "customer": find(columns, "associated contact ids", "associated contact id", "contact id", "contact ids",
                         "関連付けられたコンタクト id", "関連付けられたコンタクトのid", "コンタクト id"),
        "contact": find(columns, "associated contact", "associated contacts", "関連付けられたコンタクト", "コンタクト"),
        "subject": find(columns, *_HS_NAME),
        "text": find(columns, "ticket description", "description", "チケットの説明", "チケット説明", "説明"),
        "status": find(columns, "ticket status", "status", "pipeline stage", "チケットのステータス", "チケットステータス",
                       "ステータス"),
        "priority": find(columns, "priority", "優先度"),
        "channel": find(columns, "source", "ticket source", "channel", "ソース", "チャネル"),
        "type": find(columns, "category", "ticket category", "カテゴリー", "カテゴリ"),
        "time": find(columns, "create date", "created date", "created at", "作成日", "作成日時"),
        "updated": find(columns, "last modified date", "last activity date", "最終更新日", "最終更新日時",
                        "最終アクティビティー日", "最終アクティビティ日"),
        "solved": find(columns, "close date", "closed date", "クローズ日", "クローズ日時"),
    }
    _set_roles(columns, roles, "HubSpot")
    if roles["customer"] is None and roles["contact"] is not None:
        roles["contact"].role = "customer"
    return roles


def _hubspot_contact(ids: str, contact: str) -> str | None:
    """The ticket's contact: its record id (the first of ``;``-separated ids), else the e-mail
    in ``Name (mail@example.com)``, else the name as HubSpot shows it."""
    first = re.split(r"[;,]", ids)[0] if ids.strip() else ""
    if clean_id(first):
        return clean_id(first)
    first = re.split(r";", contact)[0] if contact.strip() else ""
    m = _EMAIL.search(first)
    return m.group(0).lower() if m else clean_id(first)


def iter_hubspot(rows: Iterator[tuple[int, list[str]]], columns: list[Column], name: str,
                 stats: ReadStats, skipped: Counter | None = None) -> Iterator[Ticket]:
    """HubSpot's ticket export (CSV / XLSX, one row per ticket): the description is the
    customer's request, the ticket name its subject (not a verbatim)."""
    r = hubspot_roles(columns)
    known = {id(c) for c in r.values() if c is not None}
    for rowno, cells in _data_rows(rows, stats):
        tid = clean_id(_cell(cells, r["id"]))
        if tid is None:
            raise InputError("チケット ID が空です", file=name, row=rowno, column=r["id"].id if r["id"] else None,
                             hint="HubSpot のエクスポートの「Ticket ID」が空の行を消してください")
        customer = _hubspot_contact(_cell(cells, r["customer"]), _cell(cells, r["contact"]))
        created = when(_cell(cells, r["time"]))
        updated = when(_cell(cells, r["updated"]))
        status = _status(_cell(cells, r["status"]), {})
        body = html_to_text(_cell(cells, r["text"]))
        yield Ticket(
            row=rowno, key=key64(*cells), ticket_id=tid, customer_id=customer,
            subject=_cell(cells, r["subject"]).strip() or None, status=status,
            priority=_cell(cells, r["priority"]).strip().lower() or None,
            channel=_cell(cells, r["channel"]).strip() or None, type=_cell(cells, r["type"]).strip() or None,
            created_at=created, updated_at=updated,
            solved_at=when(_cell(cells, r["solved"])) or (updated if status in _SOLVED else None),
            attributes=_attrs(columns, cells, known),
            messages=[Message(f"desc:{tid}", "customer", customer, body, created)] if body.strip() else [],
        )


# --- Intercom ----------------------------------------------------------------------

INTERCOM_CUSTOMER = {"user", "lead", "contact", "customer", "visitor", "end user", "enduser", "ユーザー", "顧客",
                     "リード", "コンタクト"}
INTERCOM_AGENT = {"admin", "bot", "team", "teammate", "operator", "agent", "fin", "workflow", "assistant",
                  "管理者", "ボット", "オペレーター", "担当者"}
# conversation parts that are someone speaking; any other part (open, close, assignment, snoozed,
# quick_reply …) is an event, never a verbatim
INTERCOM_SPOKEN = {"", "comment", "conversation message", "conversation", "message", "email", "chat", "reply",
                   "user message", "conversation rating changed"}
_IC_CONV = ("conversation id", "会話 id", "会話id")
_IC_AUTHOR_TYPE = ("author type", "part author type", "message author type", "作成者タイプ", "sender type",
                   "author role", "送信者タイプ")


def is_intercom(columns: list[Column]) -> bool:
    return find(columns, *_IC_CONV) is not None and (
        find(columns, *_IC_AUTHOR_TYPE, "author", "body", "message", "part body", "message body") is not None
    )


def intercom_roles(columns: list[Column]) -> dict[str, Column | None]:
    roles = {
        "conversation": find(columns, *_IC_CONV),
        "message": find(columns, "part id", "message id", "conversation part id", "id"),
        "author_type": find(columns, *_IC_AUTHOR_TYPE),
        "author": find(columns, "author id", "part author id", "message author id", "作成者 id"),
        "text": find(columns, "body", "part body", "message body", "message", "メッセージ", "本文", "content"),
        "time": find(columns, "created at", "part created at", "message created at", "作成日時", "timestamp"),
        "conv_time": find(columns, "conversation created at"),
        "customer": find(columns, "user id", "contact id", "contact external id", "external id", "user external id",
                         "message author user id", "顧客id"),
        "state": find(columns, "state", "conversation state", "status"),
        "channel": find(columns, "source type", "channel", "conversation source type"),
        "subject": find(columns, "subject", "title", "conversation title"),
        "part_type": find(columns, "part type", "message type"),
        "tags": find(columns, "conversation tags", "tags"),
        "closed": find(columns, "conversation closed at", "closed at"),
    }
    for role, c in roles.items():
        if c is not None:
            c.role, c.reason = ("text" if role == "text" else "customer" if role == "customer"
                                else "time" if role == "time" else "id" if role == "conversation" else "attr"), "Intercom の列"
    return roles


def _intercom_role(author_type: str, part_type: str) -> str:
    atype = _norm(author_type)
    if atype in INTERCOM_AGENT:
        return "agent"
    if atype in INTERCOM_CUSTOMER:
        return "customer" if _norm(part_type) in INTERCOM_SPOKEN else "unknown"
    return "unknown"


def iter_intercom(rows: Iterator[tuple[int, list[str]]], columns: list[Column], name: str,
                  stats: ReadStats, skipped: Counter | None = None) -> Iterator[Ticket]:
    """One row per message (conversation part). Messages by users, leads and contacts are the
    customer's; admins, bots and teams are agents; events (open, close, assignment …) and rows
    without an author type are neither. The export with ``message_*`` columns writes its times in
    UTC without an offset (its documentation says so): they are read as UTC."""
    r = intercom_roles(columns)
    naive_utc = r["author_type"] is not None and _norm(r["author_type"].id) == "message author type"
    author_customer_col = r["customer"] is not None and "author" in _norm(r["customer"].id)
    convs: dict[str, Ticket] = {}
    for rowno, cells in _data_rows(rows, stats):
        cid = clean_id(_cell(cells, r["conversation"]))
        if cid is None:
            raise InputError("会話 ID が空です", file=name, row=rowno, column=r["conversation"].id)
        rk = key64(*cells)
        author = clean_id(_cell(cells, r["author"]))
        role = _intercom_role(_cell(cells, r["author_type"]), _cell(cells, r["part_type"]))
        customer = clean_id(_cell(cells, r["customer"]))
        if author_customer_col and role != "customer":
            customer = None  # the column names this row's author: an admin is not the customer
        t = convs.get(cid)
        msg_time = when(_cell(cells, r["time"]), naive_utc=naive_utc)
        if t is None:
            start = when(_cell(cells, r["conv_time"]), naive_utc=naive_utc) or msg_time
            t = convs[cid] = Ticket(
                row=rowno, key=0, ticket_id=cid, customer_id=None,
                subject=_cell(cells, r["subject"]).strip() or None,
                status=_cell(cells, r["state"]).strip().lower() or None, priority=None,
                channel=_cell(cells, r["channel"]).strip() or "intercom", type="conversation",
                created_at=start, updated_at=start, solved_at=None,
                tags=_split_tags(_cell(cells, r["tags"])),
            )
        state = _cell(cells, r["state"]).strip().lower()
        if state:
            t.status = state
        closed = when(_cell(cells, r["closed"]), naive_utc=naive_utc)
        if closed:
            t.solved_at = closed
        if t.customer_id is None:
            t.customer_id = customer or (author if role == "customer" else None)
        if msg_time and (t.updated_at is None or msg_time > t.updated_at):
            t.updated_at = msg_time
        body = html_to_text(_cell(cells, r["text"]))
        mkey = _cell(cells, r["message"]).strip() or str(rk)
        t.messages.append(Message(mkey, role, author, body, msg_time, _norm(_cell(cells, r["part_type"])) != "note"))
    for t in convs.values():
        t.key = key64(t.ticket_id, *[f"{m.key}\x1e{m.body}" for m in t.messages])
        if t.solved_at is None and t.status in ("closed", "resolved") and t.updated_at:
            t.solved_at = t.updated_at
        yield t


def looks_like_intercom(obj: dict) -> bool:
    return (obj.get("type") == "conversation" or "conversation_parts" in obj or "conversation_message" in obj
            or (isinstance(obj.get("source"), dict) and "author" in obj["source"]))


def _ic_author(a: object) -> tuple[str, str | None, str | None]:
    """(type, id, external user id) of an Intercom author object."""
    if not isinstance(a, dict):
        return "", None, None
    return (_s(a.get("type")) or "", clean_id(_s(a.get("id"))),
            clean_id(_s(a.get("external_id")) or _s(a.get("user_id"))))


def _ic_channel(source_type: object) -> str:
    """The conversation's channel: the source type (email, twitter …); Messenger chats are ``intercom``."""
    t = _s(source_type) or ""
    return t if t and t not in ("conversation", "chat") else "intercom"


def intercom_conversation(obj: dict, lineno: int, key: int, name: str, stats: ReadStats) -> Ticket:
    """A conversation of Intercom's REST API: ``source`` (or ``conversation_message``) is the
    first message, ``conversation_parts`` the rest; times are Unix seconds."""
    cid = clean_id(_s(obj.get("id")))
    if cid is None or isinstance(obj.get("id"), (dict, list, bool)):
        raise InputError("会話 ID（id）がありません", file=name, row=lineno, column="id")
    customer = None
    contacts = obj.get("contacts")
    if isinstance(contacts, dict):
        contacts = contacts.get("contacts")
    if isinstance(contacts, list) and contacts and isinstance(contacts[0], dict):
        customer = clean_id(_s(contacts[0].get("external_id"))) or clean_id(_s(contacts[0].get("id")))
    user = obj.get("user")
    if customer is None and isinstance(user, dict):
        customer = clean_id(_s(user.get("user_id"))) or clean_id(_s(user.get("id")))
    created = when(obj.get("created_at"))
    messages: list[Message] = []
    src = obj.get("source") if isinstance(obj.get("source"), dict) else obj.get("conversation_message")
    subject = None
    if isinstance(src, dict):
        atype, aid, ext = _ic_author(src.get("author"))
        role = _intercom_role(atype, "comment")
        if customer is None and role == "customer":
            customer = ext or aid
        subject = html_to_text(_s(src.get("subject")) or "") or None
        messages.append(Message(_s(src.get("id")) or f"source:{cid}", role, aid,
                                html_to_text(_s(src.get("body")) or ""), created))
    parts = obj.get("conversation_parts")
    if isinstance(parts, dict):
        parts = parts.get("conversation_parts")
    for i, part in enumerate(parts or [] if isinstance(parts, list) else []):
        if not isinstance(part, dict):
            raise InputError("会話のパーツがオブジェクトではありません", file=name, row=lineno,
                             column=f"conversation_parts[{i}]")
        atype, aid, ext = _ic_author(part.get("author"))
        ptype = _s(part.get("part_type")) or ""
        role = _intercom_role(atype, ptype)
        if customer is None and role == "customer":
            customer = ext or aid
        body = html_to_text(_s(part.get("body")) or "")
        mkey = _s(part.get("id")) or str(key64(aid or "", body, _s(part.get("created_at")) or ""))
        messages.append(Message(mkey, role, aid, body, when(part.get("created_at")), _norm(ptype) != "note"))
    state = (_s(obj.get("state")) or ("closed" if obj.get("open") is False else "")).lower() or None
    updated = when(obj.get("updated_at"))
    tags = obj.get("tags")
    tags = tags.get("tags") if isinstance(tags, dict) else tags
    stats_ = obj.get("statistics") if isinstance(obj.get("statistics"), dict) else {}
    solved = when(stats_.get("last_close_at")) or (updated if state in _SOLVED else None)
    return Ticket(
        row=lineno, key=key, ticket_id=cid, customer_id=customer, subject=_s(obj.get("title")) or subject,
        status=state, priority=_s(obj.get("priority")),
        channel=_ic_channel(src.get("type") if isinstance(src, dict) else None), type="conversation",
        created_at=created, updated_at=updated, solved_at=solved,
        tags=[_s(t.get("name")) or "" if isinstance(t, dict) else str(t) for t in tags or [] if t]
        if isinstance(tags, list) else [],
        messages=messages,
    )
