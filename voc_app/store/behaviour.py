"""Customer lists, orders and referrals in the project; derived behaviour per customer (RFM,
tenure, referrals made and converted) and the referral report's queries."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter

import numpy as np

from importers.behaviour import CustomerRow, OrderRow, ReferralRow
from voc_app.store.db import now_iso
from voc_app.store.imports import BatchWriter

UNMATCHED_EXAMPLES = 10
RFM_SEGMENTS = ("優良", "安定", "新規", "休眠予備軍", "休眠")


class BehaviourImport:
    """Writes behaviour records through a BatchWriter (same batch, same transaction)."""

    def __init__(self, writer: BatchWriter) -> None:
        self.w = writer
        self.conn = writer.conn
        self.extra: Counter = Counter()
        self.unmatched: dict[str, None] = {}      # ids this file names that the project did not know
        self.unmatched_referred: dict[str, None] = {}
        self._seen_keys: set[int] = set()
        self._by_email: dict[str, int] = {}

    def _customer(self, external: str) -> int:
        """Customer row id for an id or e-mail: an e-mail matches a customer list's e-mail first."""
        if "@" in external:
            cid = self._by_email.get(external)
            if cid is None:
                row = self.conn.execute("SELECT id FROM customers WHERE email = ?", (external,)).fetchone()
                if row:
                    cid = self._by_email[external] = row[0]
            if cid is not None:
                return cid
        before = self.w.counts.customers_added
        cid = self.w.customer(external)
        if self.w.counts.customers_added > before:
            self.unmatched[external] = None
        return cid

    def _tally(self, key: int, existing: set, what: str) -> None:
        """Count a record as new, updated (imported before) or repeated in this file."""
        if key in self._seen_keys:
            self.extra[f"{what}_repeated_in_file"] += 1
        elif key in existing:
            self.extra[f"{what}_updated"] += 1
        else:
            self.extra[what] += 1
        self._seen_keys.add(key)

    def add_customers(self, rows: list[CustomerRow]) -> None:
        self.w.prefetch_customers({r.customer_id for r in rows})
        updates = []
        for r in rows:
            before = self.w.counts.customers_added
            cid = self.w.customer(r.customer_id, r.attributes or None)
            self.extra["customers_listed"] += 1
            if self.w.counts.customers_added == before:
                self.extra["customers_updated"] += 1
            updates.append((r.email, r.signup_at, r.last_active_at, r.status, self.w.batch_id, cid))
            if r.email:
                self._by_email[r.email] = cid
        self.w._flush_customers()
        # latest wins for every value the list gives; an empty cell keeps what was known
        self.conn.executemany(
            "UPDATE customers SET email = coalesce(?, email), signup_at = coalesce(?, signup_at),"
            " last_active_at = coalesce(?, last_active_at), status = coalesce(?, status), updated_batch_id = ?"
            " WHERE id = ?", updates)

    def add_orders(self, rows: list[OrderRow]) -> None:
        self.w.prefetch_customers({r.customer_id for r in rows if "@" not in r.customer_id})
        keys = [r.key for r in rows if r.key not in self._seen_keys]
        existing = self.w._existing("orders", "key", keys)
        out = []
        for r in rows:
            self._tally(r.key, existing, "orders")
            out.append((self.w.batch_id, r.key, r.order_id, self._customer(r.customer_id), r.at, r.amount, r.item,
                        r.status))
        self.w._flush_customers()
        # an order re-exported with a new status or amount is updated (latest wins), never doubled
        self.conn.executemany(
            "INSERT INTO orders (batch_id, key, order_id, customer_id, ordered_at, amount, item, status)"
            " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (key) DO UPDATE SET batch_id = excluded.batch_id,"
            " customer_id = excluded.customer_id, ordered_at = excluded.ordered_at, amount = excluded.amount,"
            " item = excluded.item, status = excluded.status", out)

    def add_referrals(self, rows: list[ReferralRow]) -> None:
        self.w.prefetch_customers({r.referrer_id for r in rows if "@" not in r.referrer_id}
                                  | {r.referred for r in rows if r.referred and "@" not in r.referred})
        keys = [r.key for r in rows if r.key not in self._seen_keys]
        existing = self.w._existing("referrals", "key", keys)
        out = []
        for r in rows:
            self._tally(r.key, existing, "referrals")
            referred_id = None
            if r.referred:
                referred_id = self.w._customers.get(r.referred)
                if referred_id is None:
                    row = self.conn.execute("SELECT id FROM customers WHERE external_id = ? OR email = ?",
                                            (r.referred, r.referred)).fetchone()
                    referred_id = row[0] if row else None
                if referred_id is None:
                    self.unmatched_referred[r.referred] = None
            out.append((self.w.batch_id, r.key, self._customer(r.referrer_id), r.referred, referred_id,
                        r.at, r.status, int(r.converted)))
        self.w._flush_customers()
        self.conn.executemany(
            "INSERT INTO referrals (batch_id, key, referrer_id, referred, referred_customer_id, referred_at, status,"
            " converted) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (key) DO UPDATE SET batch_id = excluded.batch_id,"
            " referred_customer_id = coalesce(excluded.referred_customer_id, referred_customer_id),"
            " referred_at = coalesce(excluded.referred_at, referred_at), status = excluded.status,"
            " converted = excluded.converted", out)

    def finish(self) -> dict:
        counts = dict(self.extra)
        counts["unmatched_ids"] = len(self.unmatched)
        counts["unmatched_examples"] = list(self.unmatched)[:UNMATCHED_EXAMPLES]
        if self.unmatched_referred:
            counts["referred_not_customers"] = len(self.unmatched_referred)
        self.conn.execute("UPDATE batches SET extra = ?, rows_imported = ? WHERE id = ?",
                          (json.dumps(counts, ensure_ascii=False),
                           sum(self.extra[k] for k in ("customers_listed", "orders", "orders_updated", "referrals",
                                                       "referrals_updated")), self.w.batch_id))
        return counts


# --- derived behaviour ---------------------------------------------------------------------

def _days(ref: dt.datetime, when: str | None) -> float | None:
    if not when:
        return None
    try:
        d = dt.datetime.fromisoformat(when)
    except ValueError:
        return None
    if d.tzinfo is None and ref.tzinfo is not None:
        d = d.replace(tzinfo=ref.tzinfo)
    return max(0.0, (ref - d).total_seconds() / 86400)


def _num(v) -> float | None:
    try:
        return float(v) if v not in (None, "") else None
    except (TypeError, ValueError):
        return None


def rfm_segments(recency: np.ndarray, frequency: np.ndarray, monetary: np.ndarray) -> list[str]:
    """RFM segment per customer from quintile scores (5 = best) among customers who bought:
    優良 R≥4 F≥4 M≥3; 新規 one purchase, recent (R≥4); 休眠 R=1; 休眠予備軍 R=2; else 安定."""
    n = len(recency)
    if n == 0:
        return []

    def score(x: np.ndarray, higher_is_better: bool) -> np.ndarray:
        v = x if higher_is_better else -x
        ordered = np.sort(v)
        # average rank (1-based) of each value: equal values share one score
        r = (np.searchsorted(ordered, v, "left") + np.searchsorted(ordered, v, "right") + 1) / 2
        return np.clip(np.ceil(r / n * 5), 1, 5).astype(int)

    R, F, M = score(recency, False), score(frequency, True), score(monetary, True)
    out = []
    for r, f, m, freq in zip(R, F, M, frequency, strict=True):
        if r >= 4 and f >= 4 and m >= 3:
            out.append("優良")
        elif freq <= 1 and r >= 4:
            out.append("新規")
        elif r == 1:
            out.append("休眠")
        elif r == 2:
            out.append("休眠予備軍")
        else:
            out.append("安定")
    return out


def refresh(conn: sqlite3.Connection) -> int:
    """Recompute customer_behaviour for every customer with behaviour data (in the caller's
    transaction): referred people matched to customers, conversions (status, or the referred
    person has an order), tenure / recency / frequency / monetary — derived from the order
    history, or from the customer list's fields when there is no history — and RFM segments."""
    conn.execute("UPDATE referrals SET referred_customer_id = (SELECT c.id FROM customers c WHERE c.external_id ="
                 " referrals.referred OR c.email = referrals.referred LIMIT 1)"
                 " WHERE referred_customer_id IS NULL AND referred IS NOT NULL")
    conn.execute("UPDATE referrals SET converted = 1 WHERE converted = 0 AND referred_customer_id IN"
                 " (SELECT customer_id FROM orders)")
    from voc_app.store.signals import reference_time

    ref_s = reference_time(conn)
    conn.execute("DELETE FROM customer_behaviour")
    if ref_s is None:
        return 0
    ref = dt.datetime.fromisoformat(ref_s)
    orders = {cid: (first, last, n, total) for cid, first, last, n, total in conn.execute(
        "SELECT customer_id, min(ordered_at), max(ordered_at), count(*), sum(amount) FROM orders GROUP BY 1")}
    refs = {cid: (n, conv, last) for cid, n, conv, last in conn.execute(
        "SELECT referrer_id, count(*), sum(converted), max(referred_at) FROM referrals GROUP BY 1")}
    listed = conn.execute(
        "SELECT id, signup_at, last_active_at, json_extract(attributes, '$.total_orders'),"
        " json_extract(attributes, '$.total_spent') FROM customers"
        " WHERE signup_at IS NOT NULL OR last_active_at IS NOT NULL"
        " OR json_extract(attributes, '$.total_orders') IS NOT NULL").fetchall()
    info = {cid: (s, la, to, ts) for cid, s, la, to, ts in listed}
    ids = sorted(set(orders) | set(refs) | set(info))
    rows = []
    for cid in ids:
        signup, last_active, total_orders, total_spent = info.get(cid, (None, None, None, None))
        if cid in orders:
            first, last, freq, money, source = (*orders[cid][:3], orders[cid][3], "orders")
            last = max((t for t in (last, last_active) if t), default=None, key=lambda t: dt.datetime.fromisoformat(t))
        else:
            first, last, source = None, last_active, "list"
            freq = int(_num(total_orders)) if _num(total_orders) is not None else None
            money = _num(total_spent)
        starts = [t for t in (signup, first) if t]
        start = min(starts, key=lambda t: dt.datetime.fromisoformat(t)) if starts else None
        n_ref, conv, last_ref = refs.get(cid, (0, 0, None))
        rows.append([cid, start, last, _days(ref, start), _days(ref, last), freq, money, n_ref, conv or 0, last_ref,
                     None, source])
    buyers = [i for i, r in enumerate(rows) if r[5] and r[4] is not None]
    if buyers:
        seg = rfm_segments(np.array([rows[i][4] for i in buyers], dtype=float),
                           np.array([rows[i][5] for i in buyers], dtype=float),
                           np.array([rows[i][6] or 0.0 for i in buyers], dtype=float))
        for i, s in zip(buyers, seg, strict=True):
            rows[i][10] = s
    now = now_iso()
    conn.executemany(
        "INSERT INTO customer_behaviour (customer_id, first_at, last_at, tenure_days, recency_days, frequency,"
        " monetary, referrals, referrals_converted, last_referral_at, rfm_segment, source, computed_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", [(*r, now) for r in rows])
    return len(rows)


def behaviour_of(conn: sqlite3.Connection) -> dict[int, dict]:
    cols = ("tenure_days", "recency_days", "frequency", "monetary", "referrals", "referrals_converted",
            "last_referral_at", "rfm_segment", "source")
    return {r[0]: dict(zip(cols, r[1:], strict=True)) for r in conn.execute(
        f"SELECT customer_id, {', '.join(cols)} FROM customer_behaviour")}


def referrers(conn: sqlite3.Connection) -> list[dict]:
    """Every customer who referred someone, most conversions first, with NPS and segments."""
    rows = conn.execute(
        """
        SELECT c.external_id, b.referrals, b.referrals_converted, b.last_referral_at, b.rfm_segment,
          (SELECT r.nps FROM responses r WHERE r.customer_id = c.id AND r.nps IS NOT NULL
             ORDER BY r.submitted_at DESC, r.id DESC LIMIT 1) AS nps,
          s.segment, s.ambassador_flag
        FROM customer_behaviour b JOIN customers c ON c.id = b.customer_id
        LEFT JOIN customer_scores s ON s.customer_id = b.customer_id
        WHERE b.referrals > 0
        ORDER BY b.referrals_converted DESC, b.referrals DESC, c.external_id
        """).fetchall()
    out = []
    for ext, n, conv, last, rfm, nps, seg, amb in rows:
        out.append({"customer_id": ext, "referrals": n, "converted": conv, "conversion_rate": conv / n if n else 0.0,
                    "last_referral_at": last, "rfm_segment": rfm or "", "nps": nps, "nps_group": nps_group(nps),
                    "segment": seg or "", "ambassador_flag": bool(amb)})
    return out


def ambassadors_without_referrals(conn: sqlite3.Connection) -> list[dict]:
    rows = conn.execute(
        "SELECT c.external_id, s.ambassador_score FROM customer_scores s JOIN customers c ON c.id = s.customer_id"
        " LEFT JOIN customer_behaviour b ON b.customer_id = s.customer_id"
        " WHERE s.ambassador_flag AND coalesce(b.referrals, 0) = 0 ORDER BY s.ambassador_score DESC, c.external_id"
    ).fetchall()
    return [{"customer_id": e, "ambassador_score": sc} for e, sc in rows]


def nps_group(nps: int | None) -> str:
    if nps is None:
        return "未回答"
    return "推奨者" if nps >= 9 else "中立者" if nps >= 7 else "批判者"
