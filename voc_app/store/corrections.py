"""Label corrections (primary data), the project layer's fitted model and the three label layers
of ``analyses`` (the shipped model's ``model_*``, the layer's ``project_probabilities``, the
final labels everything reads). Every statement of issue 21 lives here."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence

from voc_app.store.db import now_iso

TARGETS = ("polarity", "churn", "advocacy", "stage")


def _chunks(ids: Sequence[int], n: int = 500) -> Iterator[list[int]]:
    ids = list(ids)
    for k in range(0, len(ids), n):
        yield ids[k:k + n]


def _in(n: int) -> str:
    return ",".join("?" * n)


# --- corrections and their edit log ---------------------------------------------------------

def existing_verbatims(conn: sqlite3.Connection, ids: Iterable[int]) -> set[int]:
    out: set[int] = set()
    for part in _chunks(sorted(set(ids))):
        out.update(r[0] for r in conn.execute(f"SELECT id FROM verbatims WHERE id IN ({_in(len(part))})", part))
    return out


def record(conn: sqlite3.Connection, action: str, coder: str, rows: Sequence[tuple[int, str, str | None]]) -> int:
    """One edit (one undo step) of corrections (verbatim id, target, value; None removes the
    correction), in the caller's transaction. A new edit clears the redo stack. Returns its id."""
    conn.execute("DELETE FROM label_edits WHERE undone = 1")  # their corrections go with them (cascade)
    at = now_iso()
    edit = conn.execute("INSERT INTO label_edits (action, coder, at) VALUES (?,?,?)", (action, coder, at)).lastrowid
    conn.executemany("INSERT INTO label_corrections (edit_id, verbatim_id, target, value, coder, at) VALUES (?,?,?,?,?,?)",
                     [(edit, vid, t, v, coder, at) for vid, t, v in rows])
    return edit


def _step(conn: sqlite3.Connection, redo: bool) -> tuple[str, list[int]] | None:
    """Undo the last edit or redo the first undone one, in the caller's transaction. Returns
    (its action, the verbatims it touched), None when there is nothing to do."""
    row = conn.execute("SELECT id, action FROM label_edits WHERE undone = 1 ORDER BY id LIMIT 1" if redo else
                       "SELECT id, action FROM label_edits WHERE undone = 0 ORDER BY id DESC LIMIT 1").fetchone()
    if not row:
        return None
    conn.execute("UPDATE label_edits SET undone = ? WHERE id = ?", (0 if redo else 1, row[0]))
    ids = [r[0] for r in conn.execute("SELECT DISTINCT verbatim_id FROM label_corrections WHERE edit_id = ?", (row[0],))]
    return row[1], ids


def undo(conn: sqlite3.Connection) -> tuple[str, list[int]] | None:
    return _step(conn, redo=False)


def redo(conn: sqlite3.Connection) -> tuple[str, list[int]] | None:
    return _step(conn, redo=True)


def undo_state(conn: sqlite3.Connection) -> tuple[str | None, str | None]:
    """(action undo would revert, action redo would reapply)."""
    u = conn.execute("SELECT action FROM label_edits WHERE undone = 0 ORDER BY id DESC LIMIT 1").fetchone()
    r = conn.execute("SELECT action FROM label_edits WHERE undone = 1 ORDER BY id LIMIT 1").fetchone()
    return (u[0] if u else None, r[0] if r else None)


def current(conn: sqlite3.Connection, ids: Iterable[int] | None = None) -> dict[int, dict[str, str]]:
    """verbatim id → {target: value} of the corrections in force (all, or of ``ids``)."""
    out: dict[int, dict[str, str]] = {}
    if ids is None:
        rows: Iterable = conn.execute("SELECT verbatim_id, target, value FROM label_corrections_current")
    else:
        rows = []
        for part in _chunks(sorted(set(ids))):
            rows += conn.execute("SELECT verbatim_id, target, value FROM label_corrections_current"
                                 f" WHERE verbatim_id IN ({_in(len(part))})", part).fetchall()
    for vid, t, v in rows:
        out.setdefault(vid, {})[t] = v
    return out


def current_rows(conn: sqlite3.Connection) -> list[tuple[int, str, str, str, str]]:
    """(verbatim id, target, value, coder, at) of the corrections in force, by verbatim."""
    return conn.execute("SELECT verbatim_id, target, value, coder, at FROM label_corrections_current"
                        " ORDER BY verbatim_id, target").fetchall()


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Corrections in force per target, 'verbatims' corrected and 'edits' in the log."""
    out = {t: 0 for t in TARGETS}
    out.update(dict(conn.execute("SELECT target, count(*) FROM label_corrections_current GROUP BY 1")))
    out["verbatims"] = conn.execute("SELECT count(DISTINCT verbatim_id) FROM label_corrections_current").fetchone()[0]
    out["edits"] = conn.execute("SELECT count(*) FROM label_edits WHERE undone = 0").fetchone()[0]
    return out


def digest(conn: sqlite3.Connection) -> str:
    """A fingerprint of the corrections in force (which ones a fitted layer has seen)."""
    h = hashlib.sha256()
    for row in conn.execute("SELECT verbatim_id, target, value FROM label_corrections_current"
                            " ORDER BY verbatim_id, target"):
        h.update(repr(row).encode())
    return h.hexdigest()[:16]


# --- the three label layers of analyses -----------------------------------------------------

def adopt_model_labels(conn: sqlite3.Connection, lo: int | None = None, hi: int | None = None) -> int:
    """Rows the analysis has just written (``model_polarity`` still NULL; within ids lo…hi when
    given): their labels are the shipped model's own — copy them to the ``model_*`` columns."""
    where = "model_polarity IS NULL" + (" AND verbatim_id BETWEEN ? AND ?" if lo is not None else "")
    cur = conn.execute(
        "UPDATE analyses SET model_polarity = polarity, model_score = score, model_churn = churn,"
        " model_churn_type = churn_type, model_advocacy = advocacy, model_advocacy_type = advocacy_type,"
        f" model_stage = stage, model_probabilities = probabilities WHERE {where}",
        (lo, hi) if lo is not None else ())
    return cur.rowcount


MACHINE_COLUMNS = ("verbatim_id", "model_polarity", "model_score", "model_churn", "model_churn_type",
                   "model_advocacy", "model_advocacy_type", "model_stage", "model_probabilities",
                   "project_probabilities", "label_source")


def machine_rows(conn: sqlite3.Connection, ids: Iterable[int] | None = None) -> list[tuple]:
    """``MACHINE_COLUMNS`` of the analysed verbatims (all, or ``ids``), by id."""
    sql = f"SELECT {', '.join(MACHINE_COLUMNS)} FROM analyses"
    if ids is None:
        return conn.execute(sql + " ORDER BY verbatim_id").fetchall()
    out = []
    for part in _chunks(sorted(set(ids))):
        out += conn.execute(sql + f" WHERE verbatim_id IN ({_in(len(part))})", part).fetchall()
    return sorted(out)


def write_final(conn: sqlite3.Connection, rows: Iterable[tuple]) -> None:
    """rows: (polarity, score, churn, churn_type, advocacy, advocacy_type, stage, polarity_p,
    churn_p, advocacy_p, stage_p, probabilities JSON, label_source, verbatim_id)."""
    conn.executemany(
        "UPDATE analyses SET polarity = ?, score = ?, churn = ?, churn_type = ?, advocacy = ?, advocacy_type = ?,"
        " stage = ?, polarity_p = ?, churn_p = ?, advocacy_p = ?, stage_p = ?, probabilities = ?, label_source = ?"
        " WHERE verbatim_id = ?", rows)


def set_project_probabilities(conn: sqlite3.Connection, rows: Iterable[tuple[str | None, int]]) -> None:
    """rows: (probabilities JSON or None, verbatim id)."""
    conn.executemany("UPDATE analyses SET project_probabilities = ? WHERE verbatim_id = ?", rows)


def clear_project_probabilities(conn: sqlite3.Connection) -> list[int]:
    """Drop the project layer's probabilities; returns the verbatims that had them."""
    ids = [r[0] for r in conn.execute("SELECT verbatim_id FROM analyses WHERE project_probabilities IS NOT NULL")]
    conn.execute("UPDATE analyses SET project_probabilities = NULL WHERE project_probabilities IS NOT NULL")
    return ids


def fingerprint(conn: sqlite3.Connection) -> tuple:
    """Changes whenever analyses are added, removed or redone (the project features' cache key)."""
    return conn.execute("SELECT count(*), total(verbatim_id), max(analyzed_at), group_concat(DISTINCT analyzer)"
                        " FROM analyses").fetchone()


def learn_rows(conn: sqlite3.Connection) -> Iterator[tuple[int, str, str | None, int]]:
    """(verbatim id, tokens JSON, the shipped model's probabilities JSON, non-answer flag) of every
    analysed verbatim, by id."""
    cur = conn.execute("SELECT a.verbatim_id, a.tokens, a.model_probabilities, v.is_non_answer FROM analyses a"
                       " JOIN verbatims v ON v.id = a.verbatim_id ORDER BY a.verbatim_id")
    while rows := cur.fetchmany(5000):
        yield from rows


def queue_rows(conn: sqlite3.Connection) -> list[tuple]:
    """(verbatim id, kind, customer id, final probabilities JSON, polarity, churn, advocacy, stage,
    label_source, corrected targets 'a,b' or None) of every analysed answer (non-answers left out)."""
    return conn.execute(
        "SELECT a.verbatim_id, v.kind, v.customer_id, a.probabilities, a.polarity, a.churn, a.advocacy, a.stage,"
        " a.label_source, (SELECT group_concat(target) FROM label_corrections_current c"
        "   WHERE c.verbatim_id = a.verbatim_id)"
        " FROM analyses a JOIN verbatims v ON v.id = a.verbatim_id WHERE NOT v.is_non_answer"
        " ORDER BY a.verbatim_id").fetchall()


def tokens_of(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for part in _chunks(ids):
        out.update(conn.execute(f"SELECT verbatim_id, tokens FROM analyses WHERE verbatim_id IN ({_in(len(part))})",
                                part))
    return out


# --- the fitted layer -----------------------------------------------------------------------

def layer_row(conn: sqlite3.Connection) -> dict | None:
    row = conn.execute("SELECT weights, fitted_at, n_corrections, agreement, shipped_agreement, detail,"
                       " corrections_digest, active FROM project_model WHERE id = 1").fetchone()
    if row is None:
        return None
    keys = ("weights", "fitted_at", "n_corrections", "agreement", "shipped_agreement", "detail",
            "corrections_digest", "active")
    out = dict(zip(keys, row, strict=True))
    out["detail"] = json.loads(out["detail"] or "{}")
    out["active"] = bool(out["active"])
    return out


def save_layer(conn: sqlite3.Connection, weights: bytes | None, n_corrections: int, agreement: float | None,
               shipped_agreement: float | None, detail: dict, corrections_digest: str, active: bool = True) -> None:
    conn.execute(
        "INSERT INTO project_model (id, weights, fitted_at, n_corrections, agreement, shipped_agreement, detail,"
        " corrections_digest, active) VALUES (1,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET"
        " weights = excluded.weights, fitted_at = excluded.fitted_at, n_corrections = excluded.n_corrections,"
        " agreement = excluded.agreement, shipped_agreement = excluded.shipped_agreement, detail = excluded.detail,"
        " corrections_digest = excluded.corrections_digest, active = excluded.active",
        (weights, now_iso(), n_corrections, agreement, shipped_agreement, json.dumps(detail, ensure_ascii=False),
         corrections_digest, int(active)))


def set_layer_active(conn: sqlite3.Connection, active: bool) -> None:
    conn.execute("INSERT INTO project_model (id, active) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET"
                 " active = excluded.active", (int(active),))


# --- reading labels out ---------------------------------------------------------------------

# the respondent / ticket / message id read from the imported file: a survey answer's response id
# (else its customer's id, else its row in the file); a support message's ticket id (a later
# customer message of the same ticket: the ticket id, '#' and the message's number in the ticket);
# an interview utterance's interview title, '#' and its number in the interview
_EXTERNAL_ID = """
    CASE v.kind
      WHEN 'survey' THEN coalesce(r.response_id, c.external_id, 'row:' || r.row_no)
      WHEN 'support' THEN CASE WHEN m.seq = (SELECT min(m2.seq) FROM messages m2 WHERE m2.ticket_id = v.ticket_id
                                             AND m2.author_role = 'customer')
                               THEN t.external_id ELSE t.external_id || '#' || m.seq END
      ELSE coalesce(i.title, '') || '#' || (v.id - s.first + 1)
    END"""
_SOURCES = """
    FROM verbatims v LEFT JOIN responses r ON r.id = v.response_id LEFT JOIN customers c ON c.id = v.customer_id
    LEFT JOIN tickets t ON t.id = v.ticket_id LEFT JOIN messages m ON m.id = v.message_id
    LEFT JOIN interviews i ON i.id = v.interview_id LEFT JOIN starts s ON s.interview_id = v.interview_id"""
_STARTS = ("WITH starts AS (SELECT interview_id, min(id) AS first FROM verbatims WHERE interview_id IS NOT NULL"
           " GROUP BY 1) ")


def label_rows(conn: sqlite3.Connection, ids: Sequence[int] | None = None) -> Iterator[tuple]:
    """One row per verbatim (all, or ``ids``), by id: (verbatim id, external id, text, polarity,
    churn, advocacy, stage, polarity_p, churn_p, advocacy_p, stage_p, corrected 0/1, label_source,
    corrected targets 'a,b', model polarity, model churn, model advocacy, model stage).
    Unanalysed verbatims: labels None."""
    sql = (_STARTS + f"SELECT v.id, {_EXTERNAL_ID}, v.text, a.polarity, a.churn, a.advocacy, a.stage, a.polarity_p,"
           " a.churn_p, a.advocacy_p, a.stage_p,"
           " EXISTS (SELECT 1 FROM label_corrections_current k WHERE k.verbatim_id = v.id), a.label_source,"
           " (SELECT group_concat(target) FROM label_corrections_current k WHERE k.verbatim_id = v.id),"
           " a.model_polarity, a.model_churn, a.model_advocacy, a.model_stage"
           f" {_SOURCES} LEFT JOIN analyses a ON a.verbatim_id = v.id")
    if ids is not None:
        for part in _chunks(sorted(set(ids))):
            yield from conn.execute(sql + f" WHERE v.id IN ({_in(len(part))}) ORDER BY v.id", part)
        return
    cur = conn.execute(sql + " ORDER BY v.id")
    while rows := cur.fetchmany(5000):
        yield from rows


def describe(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """verbatim id → (external id, text)."""
    out = {}
    for part in _chunks(sorted(set(ids))):
        for vid, ext, text in conn.execute(_STARTS + f"SELECT v.id, {_EXTERNAL_ID}, v.text {_SOURCES}"
                                           f" WHERE v.id IN ({_in(len(part))})", part):
            out[vid] = (ext or "", text)
    return out


def customer_flags(conn: sqlite3.Connection) -> dict[int, tuple[int, int]]:
    """customer id → (churn flag, ambassador flag) of the stored customer scores."""
    return {cid: (c, a) for cid, c, a in conn.execute(
        "SELECT customer_id, churn_flag, ambassador_flag FROM customer_scores")}


def corrected_between(conn: sqlite3.Connection, lo: int, hi: int) -> list[int]:
    """Verbatims lo…hi with a correction in force."""
    return [r[0] for r in conn.execute("SELECT DISTINCT verbatim_id FROM label_corrections_current"
                                       " WHERE verbatim_id BETWEEN ? AND ?", (lo, hi))]


def model_labels(conn: sqlite3.Connection) -> list[tuple]:
    """(verbatim id, model polarity, churn, churn type, advocacy, advocacy type, stage) by id."""
    return conn.execute("SELECT verbatim_id, model_polarity, model_churn, model_churn_type, model_advocacy,"
                        " model_advocacy_type, model_stage FROM analyses ORDER BY verbatim_id").fetchall()


def write_learned(conn: sqlite3.Connection, rows: Iterable[tuple]) -> None:
    """rows: (project probabilities JSON or None, then ``write_final``'s fields and the id)."""
    conn.executemany(
        "UPDATE analyses SET project_probabilities = ?, polarity = ?, score = ?, churn = ?, churn_type = ?,"
        " advocacy = ?, advocacy_type = ?, stage = ?, polarity_p = ?, churn_p = ?, advocacy_p = ?, stage_p = ?,"
        " probabilities = ?, label_source = ? WHERE verbatim_id = ?", rows)
