"""Queries behind exports (Excel, CSV): a filter over verbatims, the summary figures, the
verbatim list, topic figures and cross-tabs restricted to the filtered verbatims."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import NamedTuple

from base.errors import InputError
from voc_app.store.db import database, meta_value
from voc_app.store.topics import VERBATIM_DATE  # one definition of "the date of a verbatim"

_COLUMNS = {"source": "v.kind", "kind": "v.kind", "polarity": "a.polarity", "stage": "a.stage",
            "question": "coalesce(v.question, v.channel, v.speaker)", "customer": "c.external_id"}


@dataclass
class Filter:
    date_from: str | None = None   # YYYY-MM-DD, inclusive
    date_to: str | None = None     # YYYY-MM-DD, inclusive
    where: dict[str, str] = field(default_factory=dict)  # source / polarity / stage / question / attribute

    def describe(self) -> str:
        """The filter in words for people: field names and coded values in Japanese
        (``polarity=pain`` → 「極性 = 不満」); attribute names and values as given."""
        from voc_app.labels import label

        parts = []
        if self.date_from or self.date_to:
            parts.append(f"期間 {_day_ja(self.date_from) or '…'} 〜 {_day_ja(self.date_to) or '…'}")
        for k, v in self.where.items():
            name, kind = _FILTER_NAMES.get(k, (k, None))
            parts.append(f"{name} = {label(kind, v) if kind else v}")
        return "、".join(parts) or "なし（全件）"


_FILTER_NAMES = {"source": ("種類", "source"), "kind": ("種類", "source"), "polarity": ("極性", "polarity"),
                 "stage": ("段階", "stage"), "question": ("設問・チャネル", None), "customer": ("顧客", None)}


def _day_ja(iso: str | None) -> str | None:
    """'2025-04-01' → '2025年4月1日' (other text unchanged)."""
    if not iso or len(iso) < 10 or iso[4] != "-" or iso[7] != "-":
        return iso
    try:
        return f"{int(iso[:4])}年{int(iso[5:7])}月{int(iso[8:10])}日"
    except ValueError:
        return iso


def parse_filters(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        if "=" not in item:
            raise InputError(f"--filter {item}: 「項目=値」の形で指定してください（例: --filter polarity=pain、"
                             "--filter 年代=30代）")
        k, v = item.split("=", 1)
        out[k.strip()] = v.strip()
    return out


def select_verbatims(conn: sqlite3.Connection, flt: Filter) -> int:
    """Fill the temporary table ``export_ids`` with the filtered verbatim ids; returns the count."""
    conn.execute("DROP TABLE IF EXISTS temp.export_ids")
    conn.execute("CREATE TEMP TABLE export_ids (id INTEGER PRIMARY KEY)")
    cond, args = ["1"], []
    if flt.date_from:
        cond.append(f"substr({VERBATIM_DATE}, 1, 10) >= ?")
        args.append(flt.date_from)
    if flt.date_to:
        cond.append(f"substr({VERBATIM_DATE}, 1, 10) <= ?")
        args.append(flt.date_to)
    for key, value in flt.where.items():
        if key in _COLUMNS:
            cond.append(f"{_COLUMNS[key]} = ?")
        else:  # an attribute: its name is a bound parameter like its value
            from voc_app.store.topics import ATTRIBUTE_EXPR

            cond.append(f"{ATTRIBUTE_EXPR} = ?")
            args += [key, key]
        args.append(value)
    conn.execute(
        "INSERT INTO export_ids SELECT v.id FROM verbatims v LEFT JOIN analyses a ON a.verbatim_id = v.id"
        " LEFT JOIN customers c ON c.id = v.customer_id WHERE " + " AND ".join(cond), args)
    return conn.execute("SELECT count(*) FROM export_ids").fetchone()[0]


def clear_selection(conn: sqlite3.Connection) -> None:
    """Drop the temporary table ``select_verbatims`` filled (kept otherwise until the connection closes)."""
    conn.execute("DROP TABLE IF EXISTS temp.export_ids")


@contextmanager
def selection(conn: sqlite3.Connection, flt: Filter) -> Iterator[int]:
    """``select_verbatims`` for the queries of a ``with`` block (yields the count), dropped after it."""
    n = select_verbatims(conn, flt)
    try:
        yield n
    finally:
        clear_selection(conn)


def answer_count(conn: sqlite3.Connection) -> int:
    """The selected verbatims that are answers (non-answers such as 「特になし」 left out)."""
    return conn.execute("SELECT count(*) FROM export_ids e JOIN verbatims v ON v.id = e.id WHERE NOT v.is_non_answer"
                        ).fetchone()[0]


def period(conn: sqlite3.Connection) -> tuple[str | None, str | None]:
    return conn.execute(f"SELECT min(substr({VERBATIM_DATE}, 1, 10)), max(substr({VERBATIM_DATE}, 1, 10)) FROM verbatims v"
                        " JOIN export_ids e ON e.id = v.id").fetchone()


def counts_by_kind(conn: sqlite3.Connection) -> list[tuple[str, int, int, int]]:
    """(kind, verbatims, non-answers, customers)."""
    return conn.execute("SELECT v.kind, count(*), sum(v.is_non_answer), count(DISTINCT v.customer_id) FROM verbatims v"
                        " JOIN export_ids e ON e.id = v.id GROUP BY 1 ORDER BY 2 DESC").fetchall()


def has_scores(conn: sqlite3.Connection) -> bool:
    """Whether customers have been scored (ambassador / churn flags exist to report)."""
    return conn.execute("SELECT 1 FROM customer_scores LIMIT 1").fetchone() is not None


def customer_count(conn: sqlite3.Connection) -> int:
    """Distinct customers among the selected verbatims."""
    return conn.execute("SELECT count(DISTINCT v.customer_id) FROM verbatims v JOIN export_ids e ON e.id = v.id"
                        ).fetchone()[0]


def purchases_of(conn: sqlite3.Connection, external_ids: list[str]) -> tuple[str, str | None, str | None,
                                                                             dict[str, float]] | None:
    """What these customers bought, for 「売上への影響」: (basis, start, end, external id → amount).
    With an order history the basis is ``orders``: the amounts ordered in the 12 months up to
    the project's latest order (start and end those dates, ISO); with only a customer list's
    totals it is ``list``: each customer's total spent (start and end None). None when the
    project has neither. Customers without a purchase are left out of the dict."""
    has_orders = conn.execute("SELECT 1 FROM orders WHERE amount IS NOT NULL LIMIT 1").fetchone()
    out: dict[str, float] = {}
    if has_orders:
        end = conn.execute("SELECT max(substr(ordered_at, 1, 10)) FROM orders WHERE amount IS NOT NULL").fetchone()[0]
        if end is None:
            return None
        start = conn.execute("SELECT date(?, '-1 year', '+1 day')", (end,)).fetchone()[0]
        for i in range(0, len(external_ids), 500):
            part = external_ids[i:i + 500]
            out.update(conn.execute(
                "SELECT c.external_id, sum(o.amount) FROM orders o JOIN customers c ON c.id = o.customer_id"
                f" WHERE c.external_id IN ({','.join('?' * len(part))}) AND o.amount IS NOT NULL"
                " AND substr(o.ordered_at, 1, 10) BETWEEN ? AND ? GROUP BY 1", [*part, start, end]))
        return "orders", start, end, {k: v for k, v in out.items() if v}
    has_list = conn.execute("SELECT 1 FROM customer_behaviour WHERE source = 'list' AND monetary IS NOT NULL"
                            " LIMIT 1").fetchone()
    if not has_list:
        return None
    for i in range(0, len(external_ids), 500):
        part = external_ids[i:i + 500]
        out.update(conn.execute(
            "SELECT c.external_id, b.monetary FROM customer_behaviour b JOIN customers c ON c.id = b.customer_id"
            f" WHERE c.external_id IN ({','.join('?' * len(part))}) AND b.monetary IS NOT NULL", part))
    return "list", None, None, {k: v for k, v in out.items() if v}


def nps_distribution(conn: sqlite3.Connection, everyone: bool = False) -> dict[int, int]:
    """NPS score → responses (duplicate submissions left out): the responses of the filtered
    verbatims, or with ``everyone`` every response with a score — also those whose free-text
    answers were all left empty (the respondents ``voc_app.drivers`` counts)."""
    rows = conn.execute(
        "SELECT r.nps, count(*) FROM responses r WHERE r.nps IS NOT NULL AND r.duplicate_of IS NULL"
        + ("" if everyone else " AND r.id IN (SELECT v.response_id FROM verbatims v JOIN export_ids e ON e.id = v.id)")
        + " GROUP BY 1").fetchall()
    return {n: c for n, c in rows}


def polarity_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return dict(conn.execute("SELECT a.polarity, count(*) FROM analyses a JOIN export_ids e ON e.id = a.verbatim_id"
                             " JOIN verbatims v ON v.id = a.verbatim_id WHERE NOT v.is_non_answer GROUP BY 1"))


def polarity_by_month(conn: sqlite3.Connection) -> list[tuple[str, str, int]]:
    return conn.execute(
        f"SELECT substr({VERBATIM_DATE}, 1, 7) AS m, a.polarity, count(*) FROM verbatims v JOIN export_ids e ON e.id = v.id"
        " JOIN analyses a ON a.verbatim_id = v.id WHERE NOT v.is_non_answer AND m IS NOT NULL GROUP BY 1, 2 ORDER BY 1"
    ).fetchall()


def segments(conn: sqlite3.Connection) -> dict[str, int]:
    return dict(conn.execute("SELECT segment, count(*) FROM customer_scores WHERE customer_id IN"
                             " (SELECT v.customer_id FROM verbatims v JOIN export_ids e ON e.id = v.id) GROUP BY 1"))


def topic_sizes(conn: sqlite3.Connection, side: str) -> dict[int | None, int]:
    return dict(conn.execute("SELECT m.topic_id, count(*) FROM topic_members m JOIN export_ids e ON e.id = m.verbatim_id"
                             " WHERE m.side = ? GROUP BY 1", (side,)))


def topic_counts_filtered(conn: sqlite3.Connection, side: str, expr_kind: str, by: str | None = None) -> list[tuple]:
    """Like ``topics.trend`` / ``topics.breakdown`` but only over the filtered verbatims."""
    from voc_app.store import topics as t

    conn.execute("DROP TABLE IF EXISTS temp.export_members")
    conn.execute("CREATE TEMP TABLE export_members AS SELECT m.* FROM topic_members m JOIN export_ids e"
                 " ON e.id = m.verbatim_id WHERE m.side = ?", (side,))
    try:
        if expr_kind == "month":
            return conn.execute(
                f"SELECT m.topic_id, COALESCE(substr({VERBATIM_DATE}, 1, 7), '') AS p, count(*) FROM temp.export_members m"
                " JOIN verbatims v ON v.id = m.verbatim_id GROUP BY 1, 2 ORDER BY 1, 2").fetchall()
        expr, params = t.breakdown_expr(by or "source")
        return conn.execute(
            f"SELECT m.topic_id, COALESCE({expr}, '') AS val, count(*)"
            " FROM temp.export_members m JOIN verbatims v ON v.id = m.verbatim_id GROUP BY 1, 2 ORDER BY 1, 2", params
        ).fetchall()
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.export_members")


def code_counts_filtered(conn: sqlite3.Connection, by: str | None) -> list[tuple[int, str, int]]:
    """(code id, value of ``by`` or '', verbatims) over the filtered verbatims (rejected auto-codes
    left out; a verbatim counts once per code whatever the number of coders or spans)."""
    from voc_app.store.coding import dimension_value

    val, params = dimension_value(by)
    return conn.execute(
        f"SELECT g.code_id, {val}, count(DISTINCT g.verbatim_id) FROM codings g JOIN export_ids e ON e.id = g.verbatim_id"
        " JOIN verbatims v ON v.id = g.verbatim_id WHERE g.state != 'rejected' GROUP BY 1, 2 ORDER BY 1, 2", params).fetchall()


def code_states_filtered(conn: sqlite3.Connection) -> dict[int, tuple[int, int, int]]:
    """code id -> (verbatims with a manual coding, with an accepted auto-code, with a pending one)."""
    out: dict[int, list[int]] = {}
    for cid, kind, n in conn.execute(
            "SELECT g.code_id, CASE WHEN g.source = 'manual' THEN 0 WHEN g.state = 'accepted' THEN 1 ELSE 2 END,"
            " count(DISTINCT g.verbatim_id) FROM codings g JOIN export_ids e ON e.id = g.verbatim_id"
            " WHERE g.state != 'rejected' GROUP BY 1, 2"):
        out.setdefault(cid, [0, 0, 0])[kind] = n
    return {k: tuple(v) for k, v in out.items()}


def main_attributes(conn: sqlite3.Connection, limit: int = 3) -> list[str]:
    """The attribute keys most answers carry (年代, プラン …), for breakdowns and cross-tabs."""
    keys: dict[str, int] = {}
    for (attrs,) in conn.execute("SELECT r.attributes FROM responses r WHERE r.id IN (SELECT v.response_id FROM"
                                 " verbatims v JOIN export_ids e ON e.id = v.id) LIMIT 5000"):
        for k in json.loads(attrs):
            keys[k] = keys.get(k, 0) + 1
    for (attrs,) in conn.execute("SELECT c.attributes FROM customers c WHERE c.id IN (SELECT v.customer_id FROM"
                                 " verbatims v JOIN export_ids e ON e.id = v.id) LIMIT 5000"):
        for k in json.loads(attrs):
            if k not in ("total_spent", "total_orders"):
                keys[k] = keys.get(k, 0) + 1
    return [k for k, _ in sorted(keys.items(), key=lambda kv: -kv[1])[:limit]]


class VerbatimRow(NamedTuple):
    """One line of the exported verbatim list."""

    id: int
    kind: str
    question: str | None      # question, channel or speaker
    date: str | None          # ISO 8601 (``VERBATIM_DATE``)
    customer: str | None      # external id
    text: str
    polarity: str | None
    stage: str | None
    churn: str | None         # churn type ('1' when untyped), None without churn intent
    advocacy: str | None      # advocacy type ('1' when untyped), None without advocacy
    delight_topic: str | None
    pain_topic: str | None
    codes: str | None         # code names joined with 「、」


def verbatim_rows(conn: sqlite3.Connection, batch: int = 5000) -> Iterator[VerbatimRow]:
    """The filtered verbatims in id order. Codes: the names of the codes on the verbatim (any
    coder; rejected auto-codes left out), joined with 「、」."""
    cur = conn.execute(
        f"SELECT v.id, v.kind, coalesce(v.question, v.channel, v.speaker), {VERBATIM_DATE}, c.external_id, v.text,"
        " a.polarity, a.stage, CASE WHEN a.churn THEN coalesce(a.churn_type, '1') END,"
        " CASE WHEN a.advocacy THEN coalesce(a.advocacy_type, '1') END,"
        " (SELECT coalesce(t.name, t.auto_label) FROM topic_members m JOIN topics t ON t.id = m.topic_id"
        "   WHERE m.side = 'delight' AND m.verbatim_id = v.id),"
        " (SELECT coalesce(t.name, t.auto_label) FROM topic_members m JOIN topics t ON t.id = m.topic_id"
        "   WHERE m.side = 'pain' AND m.verbatim_id = v.id),"
        " (SELECT group_concat(name, '、') FROM (SELECT DISTINCT k.name FROM codings g JOIN codes k ON k.id = g.code_id"
        "   WHERE g.verbatim_id = v.id AND g.state != 'rejected' ORDER BY k.position, k.id))"
        " FROM verbatims v JOIN export_ids e ON e.id = v.id LEFT JOIN customers c ON c.id = v.customer_id"
        " LEFT JOIN analyses a ON a.verbatim_id = v.id ORDER BY v.id")
    while True:
        rows = cur.fetchmany(batch)
        if not rows:
            return
        yield from map(VerbatimRow._make, rows)


def texts_of(conn: sqlite3.Connection, ids: list[int]) -> dict[int, str]:
    out = {}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        out.update(conn.execute(f"SELECT id, text FROM verbatims WHERE id IN ({','.join('?' * len(part))})", part))
    return out


def last_contact(conn: sqlite3.Connection, external_id: str) -> str | None:
    return conn.execute(
        "SELECT max(t) FROM (SELECT max(v.created_at) t FROM verbatims v JOIN customers c ON c.id = v.customer_id"
        " WHERE c.external_id = ? UNION ALL SELECT max(coalesce(t.updated_at, t.created_at)) FROM tickets t"
        " JOIN customers c ON c.id = t.customer_id WHERE c.external_id = ?)", (external_id, external_id)).fetchone()[0]


def salt(conn: sqlite3.Connection) -> str:
    """The project's pseudonym salt (created once, kept in ``meta``)."""
    value = meta_value(conn, "pii_salt")
    if value:
        return value
    import secrets

    database(conn)["meta"].insert({"key": "pii_salt", "value": secrets.token_hex(16)}, pk="key", ignore=True)
    return meta_value(conn, "pii_salt")
