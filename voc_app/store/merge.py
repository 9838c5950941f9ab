"""Merging another copy of a project (issue 24): what the other copy's people judged, read with
natural keys instead of row ids, and added to this project where it is missing.

Natural keys: a coder by name; a code by GUID, else by name under the same parent; a verbatim by
its content key (its response's row hash, its ticket and message key or its interview's key, plus
question, speaker and text — what an import makes identical in two copies of the same files,
never the row id); a customer by external id. Codings (code, verbatim, coder, span), reviewed
marks (coder, verbatim), memos (target, coder), current label corrections (verbatim, label),
customer reviews (customer, kind) and 表記ゆれ (word). Adding is idempotent: what is there already
is not added again; what differs is a conflict for the report, never resolved here."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from voc_app.store.coding import Edit, coder_id
from voc_app.store.db import now_iso

VKey = tuple  # a verbatim's content key


def _has(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def batch_files(conn: sqlite3.Connection) -> dict[str, str]:
    """sha256 -> file name of every import batch."""
    return {sha: name for sha, name in conn.execute("SELECT sha256, file_name FROM batches ORDER BY id")}


# --- verbatim content keys --------------------------------------------------------------------

_SIBLINGS = """
SELECT v.id, v.kind, r.key, t.external_id, m.key, i.key, v.question, v.speaker, v.text
FROM verbatims v LEFT JOIN responses r ON r.id = v.response_id LEFT JOIN tickets t ON t.id = v.ticket_id
LEFT JOIN messages m ON m.id = v.message_id LEFT JOIN interviews i ON i.id = v.interview_id
"""


def _anchor(kind, rkey, ticket, mkey, ikey) -> tuple | None:
    if rkey is not None:
        return ("response", rkey)
    if mkey is not None:
        return ("message", ticket, mkey)
    if ikey is not None:
        return ("interview", ikey)
    return None


def _keys_of(rows: Iterable[tuple]) -> dict[int, VKey]:
    """Content keys of verbatims given with all their siblings (same response / message /
    interview): anchor, question, speaker, text digest and the rank among identical siblings."""
    rank: dict[tuple, int] = {}
    out: dict[int, VKey] = {}
    for vid, kind, rkey, ticket, mkey, ikey, question, speaker, text in sorted(rows, key=lambda r: r[0]):
        anchor = _anchor(kind, rkey, ticket, mkey, ikey)
        if anchor is None:
            continue
        base = (kind, *anchor, question or "", speaker or "", hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest())
        n = rank.get(base, 0)
        rank[base] = n + 1
        out[vid] = (*base, n)
    return out


def _chunks(values: list, n: int = 400) -> Iterable[list]:
    for k in range(0, len(values), n):
        yield values[k:k + n]


def _siblings(conn: sqlite3.Connection, anchors: set[tuple]) -> list[tuple]:
    rows: list[tuple] = []
    by = {"response": [], "message": [], "interview": []}
    for a in anchors:
        by[a[0]].append(a)
    for part in _chunks(sorted({a[1] for a in by["response"]})):
        rows += conn.execute(_SIBLINGS + f" WHERE r.key IN ({','.join('?' * len(part))})", part).fetchall()
    for part in _chunks(sorted({a[1] for a in by["message"]})):
        rows += conn.execute(_SIBLINGS + f" WHERE t.external_id IN ({','.join('?' * len(part))})", part).fetchall()
    for part in _chunks(sorted({a[1] for a in by["interview"]})):
        rows += conn.execute(_SIBLINGS + f" WHERE i.key IN ({','.join('?' * len(part))})", part).fetchall()
    return rows


def verbatim_keys(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, VKey]:
    """id -> content key for ``ids`` (verbatims without an anchor left out)."""
    ids = sorted(set(ids))
    anchors: set[tuple] = set()
    for part in _chunks(ids):
        for row in conn.execute(_SIBLINGS + f" WHERE v.id IN ({','.join('?' * len(part))})", part):
            a = _anchor(*row[1:6])
            if a is not None:
                anchors.add(a)
    wanted = set(ids)
    return {v: k for v, k in _keys_of(_siblings(conn, anchors)).items() if v in wanted}


def find_verbatims(conn: sqlite3.Connection, keys: Iterable[VKey]) -> dict[VKey, int]:
    """content key -> this project's verbatim id, for the keys found here."""
    keys = set(keys)
    anchors = {k[1:4] if k[1] == "message" else k[1:3] for k in keys}
    return {k: v for v, k in _keys_of(_siblings(conn, anchors)).items() if k in keys}


# --- what a copy holds -------------------------------------------------------------------------

@dataclass
class Judgements:
    """One copy's user judgements with natural keys (verbatims as content keys)."""
    codes: list[dict] = field(default_factory=list)  # tree order: guid, parent_guid, name, color, description, examples, rule, position, created_at, updated_at
    codings: list[tuple] = field(default_factory=list)  # (code guid, vkey, coder, start, end, source, state, created_at)
    coded: list[tuple] = field(default_factory=list)  # (coder, vkey, at)
    memos: list[tuple] = field(default_factory=list)  # (target, code guid | vkey | None, coder | None, text, updated_at)
    corrections: list[tuple] = field(default_factory=list)  # (vkey, target, value, coder, at)
    reviews: list[tuple] = field(default_factory=list)  # (customer external id, kind, state, note, evidence, reviewed_at)
    synonyms: list[tuple] = field(default_factory=list)  # (word, canonical)
    unkeyed: int = 0  # judgements on verbatims without a content key (left out)


def read(conn: sqlite3.Connection) -> Judgements:
    """Everything people judged in a copy (read-only; tables a copy of an earlier version lacks
    are read as empty)."""
    j = Judgements()
    guid: dict[int, str] = {}
    if _has(conn, "codes"):
        rows = conn.execute("SELECT id, guid, parent_id, name, color, description, examples, rule, position,"
                            " created_at, updated_at FROM codes ORDER BY id").fetchall()
        guid = {r[0]: r[1] for r in rows}
        kids: dict[int | None, list[tuple]] = {}
        for r in rows:
            kids.setdefault(r[2], []).append(r)

        def visit(parent: int | None) -> None:
            for r in sorted(kids.get(parent, []), key=lambda r: (r[8], r[0])):
                j.codes.append({"guid": r[1], "parent_guid": guid.get(r[2]), "name": r[3], "color": r[4],
                                "description": r[5], "examples": r[6], "rule": r[7], "position": r[8],
                                "created_at": r[9], "updated_at": r[10]})
                visit(r[0])

        visit(None)
    coders = dict(conn.execute("SELECT id, name FROM coders")) if _has(conn, "coders") else {}
    codings = conn.execute("SELECT code_id, verbatim_id, coder_id, span_start, span_end, source, state, created_at"
                           " FROM codings ORDER BY id").fetchall() if _has(conn, "codings") else []
    coded = conn.execute("SELECT coder_id, verbatim_id, at FROM coded").fetchall() if _has(conn, "coded") else []
    memos = conn.execute("SELECT target, target_id, coder_id, text, updated_at FROM memos WHERE text != ''"
                         " ORDER BY id").fetchall() if _has(conn, "memos") else []
    corrections = conn.execute("SELECT verbatim_id, target, value, coder, at FROM label_corrections_current"
                               " ORDER BY verbatim_id, target").fetchall() if _has(conn, "label_corrections_current") else []
    vids = {r[1] for r in codings} | {r[1] for r in coded} | {r[1] for r in memos if r[0] == "verbatim"} | \
        {r[0] for r in corrections}
    keys = verbatim_keys(conn, vids)
    for code, vid, coder, s, e, source, state, at in codings:
        if vid in keys and code in guid:
            j.codings.append((guid[code], keys[vid], coders[coder], s, e, source, state, at))
        else:
            j.unkeyed += 1
    for coder, vid, at in coded:
        if vid in keys:
            j.coded.append((coders[coder], keys[vid], at))
        else:
            j.unkeyed += 1
    for target, tid, coder, text, at in memos:
        ref = None if target == "project" else guid.get(tid) if target == "code" else keys.get(tid)
        if target != "project" and ref is None:
            j.unkeyed += 1
            continue
        j.memos.append((target, ref, coders.get(coder) if coder is not None else None, text, at))
    for vid, target, value, coder, at in corrections:
        if vid in keys:
            j.corrections.append((keys[vid], target, value, coder, at))
        else:
            j.unkeyed += 1
    if _has(conn, "reviews"):
        j.reviews = conn.execute("SELECT c.external_id, r.kind, r.state, r.note, r.evidence, r.reviewed_at"
                                 " FROM reviews r JOIN customers c ON c.id = r.customer_id ORDER BY 1, 2").fetchall()
    if _has(conn, "synonyms"):
        j.synonyms = conn.execute("SELECT word, canonical FROM synonyms ORDER BY word").fetchall()
    return j


# --- adding them here ---------------------------------------------------------------------------

@dataclass
class Conflict:
    kind: str  # code, coding, memo, correction, review, synonym
    what: str  # for a person: which code / verbatim / customer / word
    coder: str | None  # whose judgement (None: shared or not per coder)
    ours: str
    theirs: str
    verbatim_id: int | None = None  # this project's verbatim, when it is about one
    code_id: int | None = None


@dataclass
class Added:
    coders: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # code paths
    codes_matched: int = 0
    codings: dict[str, int] = field(default_factory=dict)  # coder -> codings added
    reviewed: int = 0
    memos: int = 0
    corrections: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)  # coder -> rows to record
    reviews: int = 0
    synonyms: int = 0
    skipped: int = 0  # judgements on verbatims or customers this project does not have
    conflicts: list[Conflict] = field(default_factory=list)


def _code_path(conn: sqlite3.Connection, code_id: int) -> str:
    parts = []
    cid: int | None = code_id
    while cid is not None:
        name, cid = conn.execute("SELECT name, parent_id FROM codes WHERE id = ?", (cid,)).fetchone()
        parts.append(name)
    return "/".join(reversed(parts))


def _short(text: str | None, n: int = 80) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= n else t[:n - 1] + "…"


def add(conn: sqlite3.Connection, e: Edit, j: Judgements) -> Added:
    """Add what ``j`` holds and this project lacks, in the caller's transaction (``e`` records the
    new codes, codings and memos as one undo step of coding). Label corrections are returned per
    coder for the caller to record (an edit of their own log) and settle."""
    out = Added()
    coders_before = {n for (n,) in conn.execute("SELECT name FROM coders")}

    def coder(name: str) -> int:
        if name not in coders_before and name not in out.coders:
            out.coders.append(name)
        return coder_id(conn, name)

    # codes: by guid, else by name under the same parent
    code_of: dict[str, int] = {}
    for c in j.codes:
        parent = code_of.get(c["parent_guid"]) if c["parent_guid"] else None
        row = conn.execute("SELECT id, name, parent_id, color, description, examples, rule FROM codes WHERE guid = ?",
                           (c["guid"],)).fetchone() or conn.execute(
            "SELECT id, name, parent_id, color, description, examples, rule FROM codes WHERE name = ? AND parent_id IS ?",
            (c["name"], parent)).fetchone()
        if row is None:
            cid = conn.execute("INSERT INTO codes (guid, parent_id, name, color, description, examples, rule, position,"
                               " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                               (c["guid"], parent, c["name"], c["color"], c["description"], c["examples"], c["rule"],
                                c["position"], c["created_at"], c["updated_at"])).lastrowid
            e.created("codes", [cid])
            code_of[c["guid"]] = cid
            out.codes.append(_code_path(conn, cid))
            continue
        cid = row[0]
        code_of[c["guid"]] = cid
        out.codes_matched += 1
        ours = {"name": row[1], "parent": row[2], "color": row[3], "description": row[4],
                "examples": json.loads(row[5] or "[]"), "rule": row[6]}
        theirs = {"name": c["name"], "parent": parent, "color": c["color"], "description": c["description"],
                  "examples": json.loads(c["examples"] or "[]"), "rule": c["rule"]}
        differ = [k for k in ours if ours[k] != theirs[k]]
        if differ:
            show = {k: (_code_path(conn, v) if k == "parent" and v else "（最上位）" if k == "parent" else v)
                    for k, v in ours.items()}
            shown = {k: (_code_path(conn, v) if k == "parent" and v else "（最上位）" if k == "parent" else v)
                     for k, v in theirs.items()}
            out.conflicts.append(Conflict("code", f"コード「{_code_path(conn, cid)}」（{'、'.join(differ)}）", None,
                                          "; ".join(f"{k}={show[k]}" for k in differ),
                                          "; ".join(f"{k}={shown[k]}" for k in differ), code_id=cid))

    vid_of = find_verbatims(conn, [c[1] for c in j.codings] + [c[1] for c in j.coded] +
                            [m[1] for m in j.memos if m[0] == "verbatim"] + [c[0] for c in j.corrections])

    def text_of(vid: int) -> str:
        return _short(conn.execute("SELECT text FROM verbatims WHERE id = ?", (vid,)).fetchone()[0], 30)

    for code_guid, vkey, name, s, en, source, state, at in j.codings:
        vid, cid = vid_of.get(vkey), code_of.get(code_guid)
        if vid is None or cid is None:
            out.skipped += 1
            continue
        who = coder(name)
        row = conn.execute("SELECT id, state FROM codings WHERE code_id = ? AND verbatim_id = ? AND coder_id = ?"
                           " AND coalesce(span_start, -1) = ? AND coalesce(span_end, -1) = ?",
                           (cid, vid, who, -1 if s is None else s, -1 if en is None else en)).fetchone()
        if row is not None:
            if row[1] != state:
                span = "" if s is None else f" {s}:{en}"
                out.conflicts.append(Conflict("coding", f"発言 {vid}「{text_of(vid)}」のコード「{_code_path(conn, cid)}」{span}",
                                              name, row[1], state, verbatim_id=vid, code_id=cid))
            continue
        new = conn.execute("INSERT INTO codings (code_id, verbatim_id, coder_id, span_start, span_end, source, state,"
                           " created_at) VALUES (?,?,?,?,?,?,?,?)", (cid, vid, who, s, en, source, state, at)).lastrowid
        e.created("codings", [new])
        out.codings[name] = out.codings.get(name, 0) + 1

    for name, vkey, at in j.coded:
        vid = vid_of.get(vkey)
        if vid is None:
            out.skipped += 1
            continue
        out.reviewed += conn.execute("INSERT OR IGNORE INTO coded (coder_id, verbatim_id, at) VALUES (?,?,?)",
                                     (coder(name), vid, at)).rowcount

    for target, ref, name, text, at in j.memos:
        tid = 0 if target == "project" else code_of.get(ref) if target == "code" else vid_of.get(ref)
        if tid is None:
            out.skipped += 1
            continue
        who = coder(name) if name else None
        row = conn.execute("SELECT text FROM memos WHERE target = ? AND target_id = ? AND coder_id IS ?",
                           (target, tid, who)).fetchone()
        if row is not None:
            if row[0] != text:
                what = {"project": "プロジェクトのメモ", "code": f"コード「{_code_path(conn, tid) if target == 'code' else ''}」のメモ",
                        "verbatim": f"発言 {tid}「{text_of(tid) if target == 'verbatim' else ''}」のメモ"}[target]
                out.conflicts.append(Conflict("memo", what, name, _short(row[0]), _short(text),
                                              verbatim_id=tid if target == "verbatim" else None,
                                              code_id=tid if target == "code" else None))
            continue
        new = conn.execute("INSERT INTO memos (target, target_id, coder_id, text, updated_at) VALUES (?,?,?,?,?)",
                           (target, tid, who, text, at)).lastrowid
        e.created("memos", [new])
        out.memos += 1

    if j.corrections and _has(conn, "label_corrections_current"):
        ours_corr = {(v, t): (value, who) for v, t, value, who in conn.execute(
            "SELECT verbatim_id, target, value, coder FROM label_corrections_current")}
        for vkey, target, value, name, _at in j.corrections:
            vid = vid_of.get(vkey)
            if vid is None:
                out.skipped += 1
                continue
            have = ours_corr.get((vid, target))
            if have is None:
                out.corrections.setdefault(name or "", []).append((vid, target, value))
                ours_corr[vid, target] = (value, name)
            elif have[0] != value:
                who = name if have[1] == name else f"{have[1] or '（名前なし）'} / {name or '（名前なし）'}"
                out.conflicts.append(Conflict("correction", f"発言 {vid}「{text_of(vid)}」の{target}", who or None,
                                              have[0], value, verbatim_id=vid))

    for ext, kind, state, note, evidence, at in j.reviews:
        cust = conn.execute("SELECT id FROM customers WHERE external_id = ?", (ext,)).fetchone()
        if cust is None:
            out.skipped += 1
            continue
        row = conn.execute("SELECT state, note FROM reviews WHERE customer_id = ? AND kind = ?", (cust[0], kind)).fetchone()
        if row is None:
            conn.execute("INSERT INTO reviews (customer_id, kind, state, note, evidence, reviewed_at) VALUES (?,?,?,?,?,?)",
                         (cust[0], kind, state, note, evidence, at))
            out.reviews += 1
        elif row[0] != state or (note and row[1] and note != row[1]):
            out.conflicts.append(Conflict("review", f"顧客 {ext} の{kind}", None, f"{row[0]} {_short(row[1], 40)}".strip(),
                                          f"{state} {_short(note, 40)}".strip()))

    if j.synonyms and _has(conn, "synonyms"):
        ours_syn = dict(conn.execute("SELECT word, canonical FROM synonyms"))
        for word, canonical in j.synonyms:
            have = ours_syn.get(word)
            if have is None:
                conn.execute("INSERT INTO synonyms (word, canonical, added_at) VALUES (?,?,?)", (word, canonical, now_iso()))
                ours_syn[word] = canonical
                out.synonyms += 1
            elif have != canonical:
                out.conflicts.append(Conflict("synonym", f"表記ゆれ「{word}」", None, have, canonical))
    return out


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Sizes of what a merge adds to, for checks."""
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("codes", "codings", "coded", "memos", "reviews") if _has(conn, t)}
