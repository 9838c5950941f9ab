"""Behaviour tables: customer lists, order / usage histories and referral logs.

Pure: column roles from ``resources/behaviour/columns.tsv`` (overridable with ``--map``), rows
streamed as plain records. Customer ids are cleaned the same way as everywhere else (NFKC,
trimmed: ``Ｋ000123`` and `` K000123 `` are ``K000123``); e-mail addresses are lower-cased.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from base.errors import InputError
from base.resources import resource_path
from importers.model import Column, ReadStats
from importers.values import clean_id, key64, parse_datetime, parse_float

KINDS = ("customers", "orders", "referrals")
ROLES = {
    "customers": ("customer", "email", "signup", "last_active", "status", "total_spent", "total_orders", "attr", "ignore"),
    "orders": ("order_id", "customer", "customer_email", "time", "amount", "item", "status", "attr", "ignore"),
    "referrals": ("referrer", "referred", "referred_email", "time", "status", "attr", "ignore"),
}
_SINGLE = {"customer", "email", "signup", "last_active", "status", "total_spent", "total_orders", "order_id",
           "customer_email", "time", "amount", "item", "referrer", "referred", "referred_email"}
REQUIRED = {"customers": ("customer", "email"), "orders": ("customer", "customer_email"),
            "referrals": ("referrer",)}
KIND_LABELS = {"customers": "顧客リスト", "orders": "注文・利用履歴", "referrals": "紹介ログ"}


@dataclass(slots=True)
class CustomerRow:
    row: int
    customer_id: str
    email: str | None
    signup_at: str | None
    last_active_at: str | None
    status: str | None
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class OrderRow:
    row: int
    key: int
    order_id: str | None
    customer_id: str        # id, or the e-mail when the history has no id
    at: str | None
    amount: float | None
    item: str | None
    status: str | None


@dataclass(slots=True)
class ReferralRow:
    row: int
    key: int
    referrer_id: str
    referred: str | None    # id or e-mail of the referred person
    at: str | None
    status: str | None
    converted: bool         # from the status (purchased / rewarded …)


def _norm(s: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKC", s).strip().lower()


@cache
def _patterns() -> list[tuple[str, str, re.Pattern]]:
    out = []
    with open(resource_path("behaviour", "columns.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            kind, role, pat = line.rstrip("\n").split("\t")
            out.append((kind, role, re.compile(pat, re.I)))
    return out


@cache
def _status_rules() -> list[tuple[re.Pattern, bool]]:
    out = []
    with open(resource_path("behaviour", "referral_status.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            pat, conv = line.rstrip("\n").split("\t")
            out.append((re.compile(pat, re.I), conv.strip() == "1"))
    return out


def converted_status(status: str | None) -> bool:
    if not status:
        return False
    s = _norm(status)
    for pat, conv in _status_rules():
        if pat.search(s):
            return conv
    return False


def header_role(kind: str, header: str) -> str | None:
    h = _norm(header)
    for k, role, pat in _patterns():
        if k in (kind, "*") and pat.search(h):
            return role
    return None


def detect(columns: list[Column], sample: list[list[str]]) -> tuple[str, float, str] | None:
    """(kind, confidence, reason) when the table is a behaviour table, else None (a survey)."""
    def roles(kind: str) -> dict[str, str]:
        return {c.id: r for c in columns if (r := header_role(kind, c.id))}

    ref = roles("referrals")
    if "referrer" in ref.values():
        col = next(k for k, v in ref.items() if v == "referrer")
        return "referrals", 0.9, f"紹介者の列（{col}）がある表"
    if _has_free_text(columns, sample):
        return None
    orders = roles("orders")
    if "order_id" in orders.values() and ({"customer", "customer_email"} & set(orders.values())):
        col = next(k for k, v in orders.items() if v == "order_id")
        return "orders", 0.9, f"注文番号（{col}）と顧客の列がある表"
    if {"amount", "time"} <= set(orders.values()) and "customer" in orders.values():
        return "orders", 0.75, "顧客・日時・金額の列がある表（1 行 1 注文・利用）"
    cust = roles("customers")
    behaviour = {"email", "signup", "last_active", "total_spent", "total_orders", "status"} & set(cust.values())
    if ("customer" in cust.values() or "email" in cust.values()) and len(behaviour) >= 2:
        return "customers", 0.85, "顧客 ID と登録日・最終購入日・累計金額などの列がある表"
    if "customer" in cust.values() and not any(_SURVEY_SCORE.search(_norm(c.id)) for c in columns):
        return "customers", 0.6 + 0.1 * len(behaviour), "顧客 ID と属性の列だけの表（自由記述・評価の列なし）"
    return None


_SURVEY_SCORE = re.compile(r"nps|推奨|満足|評価|score|rating|すすめる|勧める|薦める")


def _has_free_text(columns: list[Column], sample: list[list[str]]) -> bool:
    """A column of sentences (a survey answer) makes the table a survey; dates, amounts, ids and
    short labels are not sentences."""
    for c in columns:
        vals = [r[c.index] for r in sample if c.index < len(r) and r[c.index].strip()]
        if not vals or sum(len(v) for v in vals) / len(vals) < 15:
            continue
        wordy = sum(sum(ch.isalpha() for ch in v) >= 10 and (any(p in v for p in "。、！？!?") or " " in v.strip())
                    for v in vals)
        if wordy >= len(vals) / 2:
            return True
    return False


def suggest_roles(kind: str, columns: list[Column], overrides: list[tuple[str, str]], file: str) -> None:
    for c in columns:
        role = header_role(kind, c.id)
        if role and role not in ROLES[kind]:
            role = None
        c.role, c.reason = (role, "見出しから判断") if role else ("attr", "その他の列は属性として保存")
    seen: set[str] = set()
    for c in columns:  # one column per single role: the first wins
        if c.role in _SINGLE:
            if c.role in seen:
                c.role, c.reason = "attr", f"「{c.role}」の列が複数あるため属性として保存"
            seen.add(c.role)
    for role, name in overrides:
        if role not in ROLES[kind]:
            raise InputError(f"役割「{role}」は{KIND_LABELS[kind]}にはありません", file=file,
                             hint="使える役割: " + ", ".join(ROLES[kind]))
        col = next((c for c in columns if c.id == name or _norm(c.id) == _norm(name)), None)
        if col is None:
            raise InputError(f"列「{name}」がありません", file=file, row=1,
                             hint="列: " + "、".join(c.id for c in columns[:30]))
        if role in _SINGLE:
            for c in columns:
                if c.role == role and c is not col:
                    c.role, c.reason = "attr", "指定により置き換え"
        col.role, col.reason = role, "指定どおり"
    if not any(c.role in REQUIRED[kind] for c in columns):
        need = " または ".join(REQUIRED[kind])
        raise InputError(f"{KIND_LABELS[kind]}に必要な列（{need}）が見つかりません", file=file, row=1,
                         hint=f"--map {REQUIRED[kind][0]}=列名 で指定してください（列: "
                         + "、".join(c.id for c in columns[:20]) + "）")


def _email(v: str | None) -> str | None:
    v = clean_id(v)
    return v.lower() if v and "@" in v else None


def _get(cells: list[str], idx: int | None) -> str | None:
    if idx is None or idx >= len(cells):
        return None
    v = cells[idx].strip()
    return v or None


def iter_rows(kind: str, rows: Iterator[tuple[int, list[str]]], columns: list[Column], file: str,
              stats: ReadStats, skips: dict) -> Iterator[CustomerRow | OrderRow | ReferralRow]:
    """Records of a behaviour table. Rows without the id they need are skipped and counted
    (``skips``: reason → count) with a warning naming the row; unreadable dates and amounts
    are warned about and left empty — nothing else is lost."""
    idx = {c.role: c.index for c in reversed(columns) if c.role not in ("attr", "ignore")}
    attrs = [(c.index, c.id) for c in columns if c.role == "attr"]
    name_of = {c.index: c.id for c in columns}

    def when(cells, role, rowno):
        raw = _get(cells, idx.get(role))
        v = parse_datetime(raw) if raw else None
        if raw and v is None:
            stats.warn(f"{file} 行 {rowno} 列「{name_of[idx[role]]}」: 日付として読めません（{raw[:30]}）— 空として扱います")
        return v

    for rowno, cells in rows:
        stats.rows_read += 1
        if not any(c.strip() for c in cells):
            stats.blank_rows += 1
            continue
        if kind == "customers":
            cid = clean_id(_get(cells, idx.get("customer")))
            email = _email(_get(cells, idx.get("email")))
            if not cid and not email:
                skips["no_customer_id"] = skips.get("no_customer_id", 0) + 1
                stats.warn(f"{file} 行 {rowno}: 顧客 ID がない行を飛ばしました")
                continue
            a = {name: v for i, name in attrs if (v := _get(cells, i))}
            for role in ("total_spent", "total_orders"):
                v = _get(cells, idx.get(role))
                if v is not None:
                    num = parse_float(v)
                    if num is None:
                        stats.warn(f"{file} 行 {rowno} 列「{name_of[idx[role]]}」: 数値として読めません（{v[:20]}）")
                    else:
                        a[role] = str(int(num)) if role == "total_orders" else str(num)
            yield CustomerRow(rowno, cid or email, email, when(cells, "signup", rowno),
                              when(cells, "last_active", rowno), _get(cells, idx.get("status")), a)
        elif kind == "orders":
            cid = clean_id(_get(cells, idx.get("customer"))) or _email(_get(cells, idx.get("customer_email")))
            if not cid:
                skips["no_customer_id"] = skips.get("no_customer_id", 0) + 1
                stats.warn(f"{file} 行 {rowno}: 顧客 ID がない注文を飛ばしました")
                continue
            oid = clean_id(_get(cells, idx.get("order_id")))
            raw_amount = _get(cells, idx.get("amount"))
            amount = parse_float(raw_amount.replace("¥", "").replace("￥", "").replace("円", "")) if raw_amount else None
            if raw_amount and amount is None:
                stats.warn(f"{file} 行 {rowno} 列「{name_of[idx['amount']]}」: 金額として読めません（{raw_amount[:20]}）")
            key = key64("order", oid) if oid else key64("order-row", *cells)
            yield OrderRow(rowno, key, oid, cid, when(cells, "time", rowno), amount, _get(cells, idx.get("item")),
                           _get(cells, idx.get("status")))
        else:
            rid = clean_id(_get(cells, idx.get("referrer")))
            if not rid:
                skips["no_referrer_id"] = skips.get("no_referrer_id", 0) + 1
                stats.warn(f"{file} 行 {rowno}: 紹介者 ID がない行を飛ばしました")
                continue
            referred = clean_id(_get(cells, idx.get("referred"))) or _email(_get(cells, idx.get("referred_email")))
            at = when(cells, "time", rowno)
            status = _get(cells, idx.get("status"))
            key = key64("referral", rid, referred) if referred else key64("referral-row", rid, at or "", *cells)
            yield ReferralRow(rowno, key, rid, referred, at, status, converted_status(status))


