"""Support exports: Zendesk JSON/JSONL, Freshdesk CSV, Intercom conversations (one row per message)."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from importers.encoding import open_text
from importers.errors import InputError
from importers.model import Column, Message, ReadStats, Ticket
from importers.textsafety import strip_text
from importers.values import clean_id, key64, parse_datetime

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


def iter_json_objects(path: Path, encoding: str, stats: ReadStats) -> Iterator[tuple[int, dict, int]]:
    """Objects of a JSON Lines file, a JSON array, or an object holding a list
    (``{"tickets": [...]}``), with their line number and a canonical content key. Raw NUL
    characters are removed with a warning naming the line (:mod:`importers.textsafety`)."""
    name = path.name
    with open_text(path, encoding, stats) as f:
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
            items = doc if isinstance(doc, list) else _list_in(doc, name)
            for i, obj in enumerate(items, start=1):
                stats.rows_read += 1
                if not isinstance(obj, dict):
                    raise InputError("チケットのオブジェクトではありません", file=name, row=i,
                                     hint="Zendesk のチケット（JSON オブジェクト）の一覧を選んでください")
                yield i, obj, key64(json.dumps(obj, sort_keys=True, ensure_ascii=False))
            return
        f.seek(0)
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
                raise InputError("チケットのオブジェクトではありません", file=name, row=lineno)
            yield lineno, obj, key64(json.dumps(obj, sort_keys=True, ensure_ascii=False))


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


def _list_in(doc: object, name: str) -> list:
    if isinstance(doc, dict):
        for key in ("tickets", "results", "data", "items", "conversations"):
            if isinstance(doc.get(key), list):
                return doc[key]
        if "id" in doc:
            return [doc]
    raise InputError("チケットの一覧が見つかりません", file=name,
                     hint="Zendesk のエクスポート（JSON Lines、または tickets の配列）を選んでください")


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


def iter_zendesk(path: Path, encoding: str, stats: ReadStats) -> Iterator[Ticket]:
    for lineno, obj, key in iter_json_objects(path, encoding, stats):
        yield zendesk_ticket(obj, lineno, key, path.name, stats)


def looks_like_zendesk(obj: dict) -> bool:
    return "id" in obj and ("comments" in obj or "description" in obj or "requester_id" in obj)


# --- CSV ticket exports --------------------------------------------------------


def _norm(s: str) -> str:
    return re.sub(r"[\s_]+", " ", unicodedata.normalize("NFKC", s).strip().lower())


def find(columns: list[Column], *names: str) -> Column | None:
    wanted = [_norm(n) for n in names]
    for w in wanted:
        for c in columns:
            if _norm(c.id) == w:
                return c
    return None


FRESHDESK_STATUS = {"2": "open", "3": "pending", "4": "resolved", "5": "closed"}
FRESHDESK_PRIORITY = {"1": "low", "2": "medium", "3": "high", "4": "urgent"}
FRESHDESK_SOURCE = {"1": "email", "2": "portal", "3": "phone", "7": "chat", "9": "feedback_widget",
                    "10": "outbound_email"}


def is_freshdesk(columns: list[Column]) -> bool:
    return find(columns, "ticket id", "チケット id", "チケットid") is not None and (
        find(columns, "description text", "description", "説明") is not None
        or find(columns, "status", "ステータス") is not None
    )


def is_intercom(columns: list[Column]) -> bool:
    return find(columns, "conversation id", "会話 id") is not None and (
        find(columns, "author type", "part author type", "author", "body", "message", "part body") is not None
    )


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


def freshdesk_roles(columns: list[Column]) -> dict[str, Column | None]:
    roles = {
        "id": find(columns, "ticket id", "チケット id", "チケットid"),
        "customer": find(columns, "requester id", "contact id", "requester email", "email", "依頼者 id",
                         "依頼者のメール", "顧客id"),
        "subject": find(columns, "subject", "件名"),
        "text": find(columns, "description text", "description", "説明"),
        "status": find(columns, "status", "ステータス"),
        "priority": find(columns, "priority", "優先度"),
        "channel": find(columns, "source", "ソース"),
        "type": find(columns, "type", "タイプ"),
        "time": find(columns, "created time", "created at", "作成日時"),
        "updated": find(columns, "last updated time", "updated at", "最終更新日時"),
        "solved": find(columns, "resolved time", "closed time", "解決日時"),
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
                   stats: ReadStats) -> Iterator[Ticket]:
    r = freshdesk_roles(columns)
    known = {id(c) for c in r.values() if c is not None}
    for rowno, cells in _data_rows(rows, stats):
        tid = clean_id(_cell(cells, r["id"]))
        if tid is None:
            raise InputError("チケット ID が空です", file=name, row=rowno, column=r["id"].id if r["id"] else None)
        status = _cell(cells, r["status"]).strip()
        prio = _cell(cells, r["priority"]).strip()
        src = _cell(cells, r["channel"]).strip()
        body = html_to_text(_cell(cells, r["text"]))
        customer = clean_id(_cell(cells, r["customer"]))
        created = parse_datetime(_cell(cells, r["time"]))
        msgs = [Message(f"desc:{tid}", "customer", customer, body, created)] if body.strip() else []
        attrs = {c.label: cells[c.index].strip() for c in columns
                 if id(c) not in known and c.index < len(cells) and cells[c.index].strip()}
        yield Ticket(
            row=rowno, key=key64(*cells), ticket_id=tid, customer_id=customer,
            subject=_cell(cells, r["subject"]).strip() or None,
            status=FRESHDESK_STATUS.get(status, status or None),
            priority=FRESHDESK_PRIORITY.get(prio, prio or None),
            channel=FRESHDESK_SOURCE.get(src, src or None),
            type=_cell(cells, r["type"]).strip() or None,
            created_at=created,
            updated_at=parse_datetime(_cell(cells, r["updated"])),
            solved_at=parse_datetime(_cell(cells, r["solved"])),
            tags=[t.strip() for t in re.split(r"[,、]", _cell(cells, r["tags"])) if t.strip()],
            attributes=attrs, messages=msgs,
        )


INTERCOM_CUSTOMER = {"user", "lead", "contact", "customer", "visitor", "ユーザー", "顧客"}


def intercom_roles(columns: list[Column]) -> dict[str, Column | None]:
    roles = {
        "conversation": find(columns, "conversation id", "会話 id"),
        "message": find(columns, "part id", "message id", "conversation part id", "id"),
        "author_type": find(columns, "author type", "part author type", "作成者タイプ"),
        "author": find(columns, "author id", "part author id", "作成者 id"),
        "text": find(columns, "body", "part body", "message", "メッセージ", "本文"),
        "time": find(columns, "created at", "part created at", "作成日時", "timestamp"),
        "customer": find(columns, "user id", "contact id", "contact external id", "external id", "user external id",
                         "顧客id"),
        "state": find(columns, "state", "conversation state", "status"),
        "channel": find(columns, "source type", "channel"),
        "subject": find(columns, "subject", "title", "conversation title"),
    }
    for role, c in roles.items():
        if c is not None:
            c.role, c.reason = ("text" if role == "text" else "customer" if role == "customer"
                                else "time" if role == "time" else "id" if role == "conversation" else "attr"), "Intercom の列"
    return roles


def iter_intercom(rows: Iterator[tuple[int, list[str]]], columns: list[Column], name: str,
                  stats: ReadStats) -> Iterator[Ticket]:
    r = intercom_roles(columns)
    convs: dict[str, Ticket] = {}
    for rowno, cells in _data_rows(rows, stats):
        cid = clean_id(_cell(cells, r["conversation"]))
        if cid is None:
            raise InputError("会話 ID が空です", file=name, row=rowno, column=r["conversation"].id)
        rk = key64(*cells)
        atype = _norm(_cell(cells, r["author_type"]))
        author = clean_id(_cell(cells, r["author"]))
        customer = clean_id(_cell(cells, r["customer"]))
        role = "customer" if atype in INTERCOM_CUSTOMER else ("agent" if atype else "unknown")
        t = convs.get(cid)
        when = parse_datetime(_cell(cells, r["time"]))
        if t is None:
            t = convs[cid] = Ticket(
                row=rowno, key=0, ticket_id=cid, customer_id=None,
                subject=_cell(cells, r["subject"]).strip() or None,
                status=_cell(cells, r["state"]).strip() or None, priority=None,
                channel=_cell(cells, r["channel"]).strip() or "intercom", type="conversation",
                created_at=when, updated_at=when, solved_at=None,
            )
        if t.customer_id is None:
            t.customer_id = customer or (author if role == "customer" else None)
        if when and (t.updated_at is None or when > t.updated_at):
            t.updated_at = when
        body = html_to_text(_cell(cells, r["text"]))
        mkey = _cell(cells, r["message"]).strip() or str(rk)
        t.messages.append(Message(mkey, role, author, body, when))
    for t in convs.values():
        t.key = key64(t.ticket_id, *[f"{m.key}\x1e{m.body}" for m in t.messages])
        if t.status in ("closed", "resolved") and t.updated_at:
            t.solved_at = t.updated_at
        yield t
