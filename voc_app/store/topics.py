"""Topics in the project: runs, topics, members, edit snapshots (undo), trend and breakdowns."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

import numpy as np

from voc_app.store.db import now_iso

SIDES = ("delight", "pain", "all")
_SIDE_POLARITY = {"delight": ("delight", "mixed"), "pain": ("pain", "mixed")}


def side_rows(conn: sqlite3.Connection, side: str, selected: bool = False) -> list[tuple[int, str, str, str]]:
    """(verbatim id, text, polarity, sentences JSON) of the analysed answers that belong to a
    side; non-answers (「特になし」) never make a topic. ``selected``: only the verbatims an
    export selected (``store.report.selection``)."""
    sql = ("SELECT v.id, v.text, a.polarity, a.sentences FROM verbatims v JOIN analyses a ON a.verbatim_id = v.id"
           " WHERE v.is_non_answer = 0" + (" AND v.id IN (SELECT id FROM export_ids)" if selected else ""))
    if side in _SIDE_POLARITY:
        sql += f" AND a.polarity IN {_SIDE_POLARITY[side]}"
    return conn.execute(sql + " ORDER BY v.id").fetchall()


def run(conn: sqlite3.Connection, side: str) -> dict | None:
    r = conn.execute("SELECT fitted_at, updated_at, params FROM topic_runs WHERE side = ?", (side,)).fetchone()
    return None if r is None else {"fitted_at": r[0], "updated_at": r[1], "params": json.loads(r[2])}


def save_run(conn: sqlite3.Connection, side: str, params: dict, *, fitted: bool) -> None:
    now = now_iso()
    if fitted:
        conn.execute("INSERT INTO topic_runs (side, fitted_at, updated_at, params) VALUES (?,?,?,?)"
                     " ON CONFLICT (side) DO UPDATE SET fitted_at = excluded.fitted_at,"
                     " updated_at = excluded.updated_at, params = excluded.params",
                     (side, now, now, json.dumps(params, ensure_ascii=False)))
    else:
        conn.execute("UPDATE topic_runs SET updated_at = ? WHERE side = ?", (now, side))


def _topic(row: tuple) -> dict:
    (tid, side, auto, name, words, seeds, center, floor, quotes, status, merged_into, mixed) = row
    return {"id": tid, "side": side, "auto_label": auto, "name": name, "label": name or auto,
            "words": json.loads(words), "seed_words": json.loads(seeds),
            "center": np.frombuffer(center, dtype=np.float32), "floor": floor, "quotes": json.loads(quotes),
            "status": status, "merged_into": merged_into, "mixed": mixed}


# ``mixed``: the silhouette of the best two-way split when the topic clearly mixes two themes, else NULL
_TOPIC_COLS = "id, side, auto_label, name, words, seed_words, center, floor, quotes, status, merged_into, mixed"


def topics(conn: sqlite3.Connection, side: str, status: str | None = "active") -> list[dict]:
    sql = f"SELECT {_TOPIC_COLS} FROM topics WHERE side = ?"
    args: list[Any] = [side]
    if status:
        sql += " AND status = ?"
        args.append(status)
    return [_topic(r) for r in conn.execute(sql + " ORDER BY id", args)]


def topic(conn: sqlite3.Connection, topic_id: int) -> dict | None:
    r = conn.execute(f"SELECT {_TOPIC_COLS} FROM topics WHERE id = ?", (topic_id,)).fetchone()
    return None if r is None else _topic(r)


def insert_topic(conn: sqlite3.Connection, side: str, *, auto_label: str, words: list, center: np.ndarray,
                 floor: float, quotes: list[int], name: str | None = None, seed_words: list | None = None,
                 mixed: float | None = None) -> int:
    now = now_iso()
    cur = conn.execute(
        "INSERT INTO topics (side, auto_label, name, words, seed_words, center, floor, quotes, mixed, created_at,"
        " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (side, auto_label, name, json.dumps(words, ensure_ascii=False), json.dumps(seed_words or [], ensure_ascii=False),
         np.asarray(center, dtype=np.float32).tobytes(), float(floor), json.dumps(quotes), mixed, now, now))
    return int(cur.lastrowid)


def update_topic(conn: sqlite3.Connection, topic_id: int, **fields: Any) -> None:
    enc = {"words": lambda v: json.dumps(v, ensure_ascii=False), "seed_words": lambda v: json.dumps(v, ensure_ascii=False),
           "quotes": json.dumps, "center": lambda v: np.asarray(v, dtype=np.float32).tobytes(), "floor": float}
    cols = sorted(fields)
    conn.execute(f"UPDATE topics SET {', '.join(c + ' = ?' for c in cols)}, updated_at = ? WHERE id = ?",
                 [enc.get(c, lambda v: v)(fields[c]) for c in cols] + [now_iso(), topic_id])


def members(conn: sqlite3.Connection, side: str) -> dict[int, tuple[int | None, int]]:
    """verbatim id → (topic id or None for a rare voice, pinned)."""
    return {v: (t, p) for v, t, p in conn.execute(
        "SELECT verbatim_id, topic_id, pinned FROM topic_members WHERE side = ?", (side,))}


def topic_member_ids(conn: sqlite3.Connection, topic_id: int) -> list[int]:
    return [r[0] for r in conn.execute("SELECT verbatim_id FROM topic_members WHERE topic_id = ? ORDER BY verbatim_id",
                                       (topic_id,))]


def central_member_ids(conn: sqlite3.Connection, topic_id: int, limit: int) -> list[int]:
    """A topic's answers nearest its centre first (by the similarity stored when each was placed)."""
    return [r[0] for r in conn.execute("SELECT verbatim_id FROM topic_members WHERE topic_id = ?"
                                       " ORDER BY similarity DESC, verbatim_id LIMIT ?", (topic_id, limit))]


def upsert_members(conn: sqlite3.Connection, side: str, rows: Iterable[tuple]) -> None:
    """rows: (verbatim id, topic id | None, similarity, pinned, rare group | None, spans)."""
    conn.executemany(
        "INSERT INTO topic_members (side, verbatim_id, topic_id, similarity, pinned, rare_group, spans)"
        " VALUES (?,?,?,?,?,?,?) ON CONFLICT (side, verbatim_id) DO UPDATE SET topic_id = excluded.topic_id,"
        " similarity = excluded.similarity, pinned = excluded.pinned, rare_group = excluded.rare_group,"
        " spans = excluded.spans",
        ((side, v, t, float(s), int(p), g, json.dumps(sp)) for v, t, s, p, g, sp in rows))


def delete_members(conn: sqlite3.Connection, side: str, verbatim_ids: Iterable[int]) -> None:
    conn.executemany("DELETE FROM topic_members WHERE side = ? AND verbatim_id = ?", ((side, v) for v in verbatim_ids))


def move_members(conn: sqlite3.Connection, side: str, verbatim_ids: Iterable[int], topic_id: int | None,
                 *, pinned: bool) -> int:
    n = 0
    for v in verbatim_ids:
        n += conn.execute("UPDATE topic_members SET topic_id = ?, pinned = ?, rare_group = NULL"
                          " WHERE side = ? AND verbatim_id = ?", (topic_id, int(pinned), side, v)).rowcount
    return n


def reassign_topic(conn: sqlite3.Connection, from_id: int, to_id: int | None) -> int:
    return conn.execute("UPDATE topic_members SET topic_id = ?, rare_group = NULL WHERE topic_id = ?",
                        (to_id, from_id)).rowcount


def sizes(conn: sqlite3.Connection, side: str) -> dict[int | None, int]:
    return {t: n for t, n in conn.execute(
        "SELECT topic_id, count(*) FROM topic_members WHERE side = ? GROUP BY topic_id", (side,))}


def member_texts(conn: sqlite3.Connection, side: str, verbatim_ids: Iterable[int]) -> dict[int, tuple[str, list]]:
    """verbatim id → (text, spans on this side)."""
    out = {}
    for v in verbatim_ids:
        r = conn.execute("SELECT v.text, m.spans FROM topic_members m JOIN verbatims v ON v.id = m.verbatim_id"
                         " WHERE m.side = ? AND m.verbatim_id = ?", (side, v)).fetchone()
        if r:
            out[v] = (r[0], json.loads(r[1]))
    return out


def rare_voices(conn: sqlite3.Connection, side: str) -> list[dict]:
    """Rare voices, near-duplicate groups first (largest first), then singletons by id."""
    rows = conn.execute(
        "SELECT m.verbatim_id, m.rare_group, m.similarity, m.spans, v.text, c.external_id"
        " FROM topic_members m JOIN verbatims v ON v.id = m.verbatim_id"
        " LEFT JOIN customers c ON c.id = v.customer_id"
        " WHERE m.side = ? AND m.topic_id IS NULL ORDER BY m.verbatim_id", (side,)).fetchall()
    groups: dict[Any, list[dict]] = {}
    for vid, g, sim, spans, text, cust in rows:
        key = g if g is not None else f"v{vid}"
        groups.setdefault(key, []).append({"verbatim_id": vid, "text": unit_text(text, json.loads(spans)),
                                           "customer_id": cust, "similarity": sim})
    return [{"group": i + 1, "size": len(g), "voices": g}
            for i, g in enumerate(sorted(groups.values(), key=lambda g: (-len(g), g[0]["verbatim_id"])))]


def unit_text(text: str, spans: list) -> str:
    return "".join(text[a:b] for a, b in spans) if spans else text


def quote_texts(conn: sqlite3.Connection, side: str, verbatim_ids: list[int]) -> list[str]:
    got = member_texts(conn, side, verbatim_ids)
    return [unit_text(*got[v]) for v in verbatim_ids if v in got]


# --- snapshots for undo -------------------------------------------------------------------

def snapshot(conn: sqlite3.Connection, side: str, topic_ids: Iterable[int], verbatim_ids: Iterable[int] = ()) -> dict:
    tids = sorted({int(t) for t in topic_ids if t is not None})
    trows = [list(conn.execute(f"SELECT {_TOPIC_COLS}, created_at, updated_at FROM topics WHERE id = ?", (t,)).fetchone())
             for t in tids]
    for r in trows:
        r[6] = r[6].hex()  # center blob
    mrows = set()
    for t in tids:
        mrows.update(conn.execute("SELECT verbatim_id, topic_id, similarity, pinned, rare_group, spans FROM topic_members"
                                  " WHERE side = ? AND topic_id = ?", (side, t)))
    for v in verbatim_ids:
        r = conn.execute("SELECT verbatim_id, topic_id, similarity, pinned, rare_group, spans FROM topic_members"
                         " WHERE side = ? AND verbatim_id = ?", (side, v)).fetchone()
        if r:
            mrows.add(r)
    return {"topics": trows, "members": sorted(mrows), "created": []}


def record_edit(conn: sqlite3.Connection, side: str, action: str, detail: dict, snap: dict) -> int:
    conn.execute("DELETE FROM topic_edits WHERE side = ? AND undone = 1", (side,))  # a new edit ends redo
    cur = conn.execute("INSERT INTO topic_edits (side, action, detail, snapshot, at) VALUES (?,?,?,?,?)",
                       (side, action, json.dumps(detail, ensure_ascii=False), json.dumps(snap, ensure_ascii=False),
                        now_iso()))
    return int(cur.lastrowid)


def set_edit_detail(conn: sqlite3.Connection, edit_id: int, detail: dict) -> None:
    conn.execute("UPDATE topic_edits SET detail = ? WHERE id = ?", (json.dumps(detail, ensure_ascii=False), edit_id))


def last_edit(conn: sqlite3.Connection, side: str) -> tuple[int, str, dict, dict] | None:
    r = conn.execute("SELECT id, action, detail, snapshot FROM topic_edits WHERE side = ? AND undone = 0"
                     " ORDER BY id DESC LIMIT 1", (side,)).fetchone()
    return None if r is None else (r[0], r[1], json.loads(r[2]), json.loads(r[3]))


def first_undone(conn: sqlite3.Connection, side: str) -> tuple[int, str, dict] | None:
    """The edit a redo would re-apply: (id, action, detail with its "redo" snapshot)."""
    r = conn.execute("SELECT id, action, detail FROM topic_edits WHERE side = ? AND undone = 1 ORDER BY id LIMIT 1",
                     (side,)).fetchone()
    return None if r is None else (r[0], r[1], json.loads(r[2]))


def after_snapshot(conn: sqlite3.Connection, side: str, snap: dict) -> dict:
    """The state an edit left (taken just before undoing it): the same topics, the topics it
    created, and the same answers — what a redo restores."""
    tids = [r[0] for r in snap["topics"]] + list(snap["created"])
    return snapshot(conn, side, tids, [m[0] for m in snap["members"]])


def restore(conn: sqlite3.Connection, side: str, edit_id: int, snap: dict, *, undone: int = 1) -> None:
    for r in snap["topics"]:
        r = list(r)
        r[6] = bytes.fromhex(r[6])
        if len(r) == 13:  # a snapshot taken before topics had ``mixed`` (migration 011)
            r = r[:11] + [None] + r[11:]
        conn.execute(f"INSERT OR REPLACE INTO topics ({_TOPIC_COLS}, created_at, updated_at)"
                     f" VALUES ({','.join('?' * len(r))})", r)
    upsert_members(conn, side, [(v, t, s, p, g, json.loads(sp)) for v, t, s, p, g, sp in snap["members"]])
    for t in snap["created"]:
        conn.execute("UPDATE topic_members SET topic_id = NULL WHERE topic_id = ?", (t,))
        conn.execute("DELETE FROM topics WHERE id = ?", (t,))
    conn.execute("UPDATE topic_edits SET undone = ? WHERE id = ?", (undone, edit_id))


def clear_edits(conn: sqlite3.Connection, side: str) -> None:
    """A refit starts a new history (its snapshots would restore topics that no longer exist)."""
    conn.execute("DELETE FROM topic_edits WHERE side = ?", (side,))


# --- trend and breakdown ----------------------------------------------------------------------

VERBATIM_DATE = ("COALESCE(v.created_at, (SELECT r.submitted_at FROM responses r WHERE r.id = v.response_id),"
         " (SELECT t.created_at FROM tickets t WHERE t.id = v.ticket_id),"
         " (SELECT i.held_at FROM interviews i WHERE i.id = v.interview_id))")


def trend(conn: sqlite3.Connection, side: str, period: str = "month") -> list[tuple[int | None, str, int]]:
    """(topic id, period, answers) — month ``YYYY-MM`` or ISO week ``YYYY-Www``; undated answers
    are counted under an empty period."""
    # dates are stored with their offset (JST): group by the local calendar date as written
    expr = f"substr({VERBATIM_DATE}, 1, 7)" if period == "month" else f"strftime('%Y-W%W', substr({VERBATIM_DATE}, 1, 10))"
    return conn.execute(
        f"SELECT m.topic_id, COALESCE({expr}, '') AS p, count(*)"
        " FROM topic_members m JOIN verbatims v ON v.id = m.verbatim_id WHERE m.side = ?"
        " GROUP BY 1, 2 ORDER BY 1, 2", (side,)).fetchall()


# a response attribute, else the customer's: two ``?`` for the attribute name
ATTRIBUTE_EXPR = ("COALESCE((SELECT j.value FROM responses r, json_each(r.attributes) j"
                  " WHERE r.id = v.response_id AND j.key = ?),"
                  " (SELECT j.value FROM customers c, json_each(c.attributes) j WHERE c.id = v.customer_id AND j.key = ?))")


def breakdown_expr(by: str) -> tuple[str, list]:
    """SQL (over ``v`` = verbatims) for a breakdown value and its parameters: ``source``
    (survey/support/interview), ``nps_group`` (推奨者 9–10 / 中立者 7–8 / 批判者 0–6),
    ``rfm_segment`` (優良 / 安定 / 新規 / 休眠予備軍 / 休眠), ``segment`` (loyalty segment) or any
    response or customer attribute. An attribute name is user input: it is a bound parameter
    (matched as a JSON key by ``json_each``), never part of the SQL text."""
    if by == "source":
        return "v.kind", []
    if by == "rfm_segment":
        return "(SELECT b.rfm_segment FROM customer_behaviour b WHERE b.customer_id = v.customer_id)", []
    if by == "segment":
        return "(SELECT s.segment FROM customer_scores s WHERE s.customer_id = v.customer_id)", []
    if by == "nps_group":
        return ("(SELECT CASE WHEN r.nps >= 9 THEN '推奨者' WHEN r.nps >= 7 THEN '中立者' ELSE '批判者' END"
                " FROM responses r WHERE r.customer_id = v.customer_id AND r.nps IS NOT NULL"
                " ORDER BY r.submitted_at DESC LIMIT 1)", [])
    return ATTRIBUTE_EXPR, [by, by]


def breakdown(conn: sqlite3.Connection, side: str, by: str) -> list[tuple[int | None, str, int]]:
    """(topic id, value, answers) by ``breakdown_expr(by)``."""
    expr, params = breakdown_expr(by)
    return conn.execute(
        f"SELECT m.topic_id, COALESCE({expr}, '') AS val, count(*) FROM topic_members m"
        " JOIN verbatims v ON v.id = m.verbatim_id WHERE m.side = ? GROUP BY 1, 2 ORDER BY 1, 2", [*params, side]).fetchall()
