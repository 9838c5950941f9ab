"""Chat histories: the LINE公式アカウント (LINE Official Account Manager) chat CSV.

The export of one chat ("トーク履歴をダウンロード") starts with a few ``key,value`` lines, then the
header and one line per message::

    アカウント名,○○ショップ
    タイムゾーン,'+09:00
    ダウンロード日時,2025/09/15 14:34
    送信者タイプ,送信者名,送信日,送信時刻,内容
    User,山田 花子,2025/09/12,10:15:22,注文した枕が届きません
    Account,○○ショップ,2025/09/12,10:20:03,"ご連絡ありがとうございます。…"

One file = one chat = one support ticket (channel ``LINE``, type ``chat``):

- ``User`` lines are the customer's messages and verbatims; ``Account`` lines (staff, and the
  automatic ``応答メッセージ``) are agent messages, never verbatims;
- placeholders that stand for a sticker, photo, video, file … (「スタンプを送信しました。」
  「画像を送信しました」「[Sticker]」…) and unsent messages are kept as messages of unknown role and
  are not verbatims (counted as ``placeholder``);
- times are the message's date and time in the export's time zone (``タイムゾーン``; JST when
  absent); the download time is an attribute, never a message time;
- the customer is the user's display name (the export holds no user id): chats with the same
  name, even in later exports, join the same customer, and a later export of the same chat
  updates its ticket and adds only new messages.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from base.errors import InputError
from importers.model import Message, ReadStats, Ticket
from importers.tickets import Found, _norm, has_word, make_columns, shown
from importers.values import JST, clean_id, key64, parse_datetime

_TYPE = ("送信者タイプ", "sender type", "送信者の種類", "種別")
_SENDER = ("送信者名", "sender name", "sender", "送信者", "名前", "name")
_DATE = ("送信日", "date", "日付", "sent date", "date sent", "送信日時", "日時", "datetime")
_TIME = ("送信時刻", "time", "時刻", "sent time", "time sent")
_CONTENT = ("内容", "content", "message", "メッセージ", "本文", "text", "contents")

_USER = {"user", "ユーザー", "友だち", "customer"}
_ACCOUNT = {"account", "アカウント", "admin", "staff", "bot", "管理者"}
_AUTO_SENDERS = {"応答メッセージ", "自動応答", "auto-reply", "auto reply", "autoreply"}

_MEDIA = ("スタンプ", "写真", "画像", "動画", "ファイル", "位置情報", "ボイスメッセージ", "音声メッセージ", "音声", "連絡先",
          "ギフト", "LINEギフト", "プレゼント", "アルバム", "ノート", "リッチメッセージ", "カードタイプメッセージ")
_PLACEHOLDER = re.compile(
    r"^(?:[^\s。、]{1,30}が)?(?:" + "|".join(_MEDIA) + r")を送信しました。?$"
    r"|^(?:送信が取り消されたメッセージです|メッセージの送信を取り消しました|メッセージが削除されました)。?$"
    r"|^\[(?:" + "|".join(_MEDIA) + r"|sticker|photo|image|video|file|location|voice message|audio|contact)\]$"
    r"|^(?:[\w .]{1,30} )?sent (?:a |an )?(?:sticker|photo|image|video|file|location|voice message|audio message"
    r"|contact|gift)\.?$"
    r"|^(?:unsent a message|this message was unsent)\.?$",
    re.IGNORECASE)


def is_placeholder(text: str) -> bool:
    """「スタンプを送信しました。」「画像を送信しました」「[Sticker]」…: a stand-in for something that is not text."""
    t = unicodedata.normalize("NFKC", text).strip()
    return bool(t) and len(t) <= 60 and _PLACEHOLDER.match(t) is not None


def _header_roles(cells: list[str]) -> dict[str, int] | None:
    names = [_norm(c) for c in cells]
    roles: dict[str, int] = {}
    for role, words in (("type", _TYPE), ("sender", _SENDER), ("content", _CONTENT), ("date", _DATE),
                        ("time", _TIME)):
        for i, n in enumerate(names):
            if i in roles.values() or not n:
                continue
            if n in [_norm(w) for w in words] or (role in ("type", "content") and has_word(n, *words)):
                roles[role] = i
                break
    if "type" in roles and "content" in roles and ("date" in roles or "time" in roles):
        return roles
    return None


def _offset(raw: str) -> dt.tzinfo:
    m = re.search(r"([+-])(\d{1,2}):?(\d{2})", raw or "")
    if not m:
        return JST
    sign = 1 if m.group(1) == "+" else -1
    return dt.timezone(sign * dt.timedelta(hours=int(m.group(2)), minutes=int(m.group(3))))


def match_line(head: list[tuple[int, list[str]]], name: str, stats: ReadStats) -> tuple[Found, int] | None:
    """A LINE 公式アカウント chat CSV, recognised by its header (送信者タイプ … 内容) within the first
    lines, after its ``key,value`` preamble."""
    meta: dict[str, str] = {}
    for i, (_, cells) in enumerate(head[:20]):
        roles = _header_roles(cells)
        if roles is None:
            if len(cells) >= 2 and cells[0].strip():
                meta[cells[0].strip().lstrip("\ufeff")] = cells[1].strip().lstrip("'")
            continue
        data = [c for _, c in head[i + 1:i + 41]]
        types = {_norm(c[roles["type"]]) for c in data if roles["type"] < len(c) and c[roles["type"]].strip()}
        if not (types & (_USER | _ACCOUNT)) and not any(_norm(k) in ("アカウント名", "account name") for k in meta):
            return None
        columns = make_columns(cells)
        role_of = {"type": ("attr", "送信者タイプ（User = 顧客、Account = 担当者）"), "sender": ("customer", "送信者名"),
                 "date": ("time", "送信日"), "time": ("time", "送信時刻"), "content": ("text", "メッセージ")}
        by_index = {v: k for k, v in roles.items()}
        for c in columns:
            c.role, c.reason = role_of.get(by_index.get(c.index, ""), ("ignore", ""))
        account = next((v for k, v in meta.items() if _norm(k) in ("アカウント名", "account name", "account")), "")
        tz_raw = next((v for k, v in meta.items() if _norm(k) in ("タイムゾーン", "time zone", "timezone")), "")
        extra = [k for k in meta if _norm(k) not in ("アカウント名", "account name", "account")]
        reason = ("LINE 公式アカウントのトーク履歴 CSV（" + (f"アカウント「{shown(account)}」、" if account else "")
                  + "見出し「" + "・".join(shown(c) for c in cells if c.strip()) + "」）")
        found = Found("line", 0.97 if meta else 0.9, reason, columns, data[:5])
        found.read = partial(_iter_line, roles=roles, account=account, tz=_offset(tz_raw),
                             meta={k: meta[k] for k in extra}, name=name, stats=stats, skipped=found.skipped)
        return found, i + 1
    return None


def _when(date: str, time: str, tz: dt.tzinfo) -> str | None:
    d = unicodedata.normalize("NFKC", date).strip()
    t = unicodedata.normalize("NFKC", time).strip()
    iso = parse_datetime(f"{d} {t}".strip(), tz)
    if iso is None:
        return None
    return dt.datetime.fromisoformat(iso).astimezone(JST).isoformat(timespec="seconds")


def _at(cells: list[str], roles: dict[str, int], role: str) -> str:
    i = roles.get(role)
    return cells[i].strip() if i is not None and i < len(cells) else ""


def _content(cells: list[str], start: int) -> str:
    """The message: cells from ``start`` joined back (an unquoted comma splits it), without the
    apostrophe Excel users prefix and the ``_x000D_`` Excel leaves for carriage returns."""
    s = ",".join(cells[start:])
    s = s.replace("_x000D_", "").replace("\r\n", "\n").replace("\r", "\n")
    if s.startswith("'"):
        s = s[1:]
    return s.strip()


def _iter_line(rows, roles: dict[str, int], account: str, tz: dt.tzinfo, meta: dict[str, str], name: str,
               stats: ReadStats, skipped: Counter) -> Iterator[Ticket]:
    msgs: list[Message] = []
    users: Counter = Counter()
    seen: Counter = Counter()
    first_row = None
    for rowno, cells in rows:
        stats.rows_read += 1
        if not "".join(cells).strip():
            stats.blank_rows += 1
            continue
        first_row = first_row or rowno
        kind, sender, date, time = (_norm(_at(cells, roles, "type")), _at(cells, roles, "sender"),
                                    _at(cells, roles, "date"), _at(cells, roles, "time"))
        when = _when(date, time, tz)
        if (date or time) and when is None:
            stats.warn(f"{name} {rowno} 行目: 送信日時として読めません（{date} {time}）")
        text = _content(cells, roles["content"])
        if kind in _USER:
            role = "customer"
            if sender:
                users[clean_id(sender) or sender] += 1
            if is_placeholder(text):
                role = "unknown"
                skipped["placeholder"] += 1
        elif kind in _ACCOUNT or _norm(sender) in _AUTO_SENDERS:
            role = "agent"
        elif not kind and not sender and not text:
            continue
        else:
            role = "unknown"
        base = f"{kind}|{date}|{time}|{key64(text)}"
        seen[base] += 1
        msgs.append(Message(f"{base}|{seen[base]}", role, clean_id(sender), text, when))
    if not msgs:
        raise InputError("トーク履歴にメッセージがありません", file=name,
                         hint="期間を指定してダウンロードし直してください")
    customer = users.most_common(1)[0][0] if users else None
    who = customer or Path(name).stem
    times = [m.created_at for m in msgs if m.created_at]
    # the chat starts when the customer first wrote (an automatic greeting is not the customer's time)
    start = min((m.created_at for m in msgs if m.author_role == "customer" and m.created_at), default=None)
    attrs = {k: v for k, v in meta.items() if v}
    if account:
        attrs["LINE アカウント"] = account
    yield Ticket(row=first_row or 1, key=key64(*[m.key for m in msgs]), ticket_id=f"LINE:{account}:{who}",
                 customer_id=customer, subject=None, status=None, priority=None, channel="LINE", type="chat",
                 created_at=start or (min(times) if times else None), updated_at=max(times) if times else None,
                 solved_at=None,
                 tags=[], attributes=attrs, messages=msgs)

