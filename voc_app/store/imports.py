"""Writing one import batch. The caller holds the transaction (one import = one transaction)."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from importers.model import Interview, ParsedFile, SurveyResponse, Ticket
from voc_app.store.db import now_iso

_EMPTY = "{}"


def _js(d: dict | list) -> str:
    if not d:
        return "[]" if isinstance(d, list) else _EMPTY
    return json.dumps(d, ensure_ascii=False, sort_keys=True)


_JS_CACHE: dict[tuple, str] = {}


def _js_small(d: dict[str, str]) -> str:
    """JSON of a small str->str dict, cached: survey attributes (年代, プラン …) repeat a lot."""
    if not d:
        return _EMPTY
    k = tuple(d.items())
    s = _JS_CACHE.get(k)
    if s is None:
        s = json.dumps(d, ensure_ascii=False, sort_keys=True)
        if len(_JS_CACHE) < 100_000:
            _JS_CACHE[k] = s
    return s


class RowSink(Protocol):
    """Where a batch's rows go: the project connection, or a forwarder to the writing process."""

    def executemany(self, sql: str, rows: list[tuple], /) -> object: ...


@dataclass
class BatchCounts:
    responses: int = 0
    verbatims: int = 0
    non_answers: int = 0
    tickets: int = 0
    tickets_updated: int = 0
    messages: int = 0
    interviews: int = 0
    customers_added: int = 0
    duplicates_skipped: int = 0
    already_present: int = 0
    partial_responses: int = 0
    duplicate_submissions: int = 0
    skipped: Counter = field(default_factory=Counter)

    @property
    def rows_imported(self) -> int:
        return self.responses + self.tickets + self.tickets_updated + self.interviews


class BatchWriter:
    """Adds the records of one parsed file to the project, deduplicating by content."""

    def __init__(self, conn: sqlite3.Connection, parsed: ParsedFile, is_non_answer: Callable[[str], bool], *,
                 writes: RowSink | None = None, batch_id: int | None = None,
                 next_ids: dict[str, int] | None = None) -> None:
        """``conn`` answers the look-ups (what the project held before this batch) and, unless
        ``writes`` is given, takes the rows too. A survey import split over two processes
        (``voc_app.importing``) runs this in the reading process over a read-only snapshot,
        with ``writes`` forwarding the rows, ``batch_id`` and ``next_ids`` from the writer."""
        assert conn.in_transaction, "BatchWriter needs an open transaction (or read snapshot)"
        self.conn = conn
        self.writes: RowSink = writes if writes is not None else conn
        self.is_non_answer = is_non_answer
        self.counts = BatchCounts()
        if batch_id is None:
            batch_id = conn.execute(
                "INSERT INTO batches (file_name, file_path, file_size, sha256, kind, format, format_confidence,"
                " format_reason, encoding, mapping, started_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (parsed.path.rsplit("/", 1)[-1], parsed.path, parsed.size, parsed.sha256, parsed.kind, parsed.format,
                 parsed.confidence, parsed.reason, parsed.encoding, _js(parsed.mapping), now_iso()),
            ).lastrowid
        self.batch_id = batch_id
        self._next = dict(next_ids) if next_ids else {
            t: (conn.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0] + 1)
            for t in ("customers", "responses", "verbatims", "messages")
        }
        self._first_unindexed = self._next["verbatims"]  # verbatims below it are in the search index
        self._fts_paused = False
        self._customers: dict[str, int] = {}
        self._prefetched: set[str] = set()
        self._new_customers: list[tuple] = []
        self._customer_attrs: dict[int, dict[str, str]] = {}  # updates for customers inserted earlier
        self._inserted_attrs: dict[int, dict[str, str]] = {}  # what new customers were inserted with
        # what the project held before this batch: a fresh project needs no look-ups
        self._had = {t: conn.execute(f"SELECT EXISTS (SELECT 1 FROM {t})").fetchone()[0]
                     for t in ("responses", "customers", "tickets")}
        self._tickets: dict[str, tuple[int, int, str | None]] = {}  # tickets written by this batch
        self._seen: dict[int, bool] = {}  # record key -> imported by this batch
        self._signatures: dict[int, int] = {}  # response signature -> response id (this batch)

    # --- split imports (see voc_app.importing._import_in_two_processes) ---------
    def next_ids(self) -> dict[str, int]:
        return dict(self._next)

    def flush(self) -> None:
        self._flush_customers()

    def customer_updates(self) -> dict[int, dict[str, str]]:
        return self._customer_attrs

    def adopt(self, counts: BatchCounts, customer_updates: dict[int, dict[str, str]],
              next_ids: dict[str, int]) -> None:
        """Take over what the reading process counted and allocated, before ``finish``."""
        self.counts = counts
        self._customer_attrs = customer_updates
        self._next = dict(next_ids)

    def apply(self, ops: list[tuple[str, list[tuple]]]) -> None:
        """Write the rows the reading process prepared (its ``writes`` sink), in this transaction."""
        for sql, rows in ops:
            self.conn.executemany(sql, rows)

    def index_verbatims(self, below: int | None = None) -> None:
        """Add this batch's verbatims not yet in the search index (ids below ``below``, or all)
        in one statement; incremental segment merging is paused until ``finish`` (faster on
        large imports) and switched back on for later writes."""
        if self._fts_paused is False:
            self.conn.execute("INSERT INTO verbatims_fts (verbatims_fts, rank) VALUES ('automerge', 0)")
            self._fts_paused = True
        end = below if below is not None else self._next["verbatims"]
        if end > self._first_unindexed:
            self.conn.execute("INSERT INTO verbatims_fts (rowid, text) SELECT id, text FROM verbatims"
                              " WHERE id >= ? AND id < ?", (self._first_unindexed, end))
            self._first_unindexed = end

    # --- ids ---------------------------------------------------------------
    def _id(self, table: str) -> int:
        n = self._next[table]
        self._next[table] = n + 1
        return n

    def prefetch_customers(self, external_ids: set[str]) -> None:
        """Look up many customers in one query (imports call customer() per row)."""
        missing = [e for e in external_ids if e not in self._customers]
        for i in range(0, len(missing), 500):
            part = missing[i:i + 500]
            q = f"SELECT external_id, id FROM customers WHERE external_id IN ({','.join('?' * len(part))})"
            self._customers.update(self.conn.execute(q, part).fetchall())
        self._prefetched.update(missing)

    def customer(self, external_id: str | None, attrs: dict[str, str] | None = None) -> int | None:
        """The customer's row id (created on first sight). ``attrs`` update its attributes: latest wins."""
        if external_id is None:
            return None
        cid = self._customers.get(external_id)
        if cid is None:
            row = None
            if self._had["customers"] and external_id not in self._prefetched:
                row = self.conn.execute("SELECT id FROM customers WHERE external_id = ?", (external_id,)).fetchone()
            if row is None:
                cid = self._id("customers")
                self._new_customers.append((cid, external_id, _js_small(attrs) if attrs else _EMPTY,
                                            self.batch_id, self.batch_id))
                self._inserted_attrs[cid] = attrs or {}
                self.counts.customers_added += 1
                self._customers[external_id] = cid
                return cid
            cid = row[0]
            self._customers[external_id] = cid
        if attrs:
            base = self._inserted_attrs.get(cid)
            if base is None or any(base.get(k) != v for k, v in attrs.items()):
                self._customer_attrs.setdefault(cid, {}).update(attrs)
        return cid

    def _flush_customers(self) -> None:
        if self._new_customers:
            rows, self._new_customers = self._new_customers, []  # a forwarding sink keeps the list
            self.writes.executemany(
                "INSERT INTO customers (id, external_id, attributes, first_batch_id, updated_batch_id)"
                " VALUES (?,?,?,?,?)", rows)

    def _verbatim(self, rows: list[tuple], kind: str, customer: int | None, *, response=None,
                  ticket=None, message=None, interview=None, question=None, channel=None, speaker=None,
                  text: str, created: str | None) -> None:
        na = 1 if self.is_non_answer(text) else 0
        rows.append((self._id("verbatims"), self.batch_id, kind, customer, response, ticket, message, interview,
                     question, channel, speaker, text, created, na))
        self.counts.verbatims += 1
        self.counts.non_answers += na

    def _insert_verbatims(self, rows: list[tuple]) -> None:
        if rows:
            self.conn.executemany(
                "INSERT INTO verbatims (id, batch_id, kind, customer_id, response_id, ticket_id, message_id,"
                " interview_id, question, channel, speaker, text, created_at, is_non_answer)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)

    def _duplicate(self, key: int) -> bool:
        """Exact duplicate of a record seen earlier in this file: counted and skipped."""
        first_imported = self._seen.get(key)
        if first_imported is None:
            return False
        if first_imported:
            self.counts.duplicates_skipped += 1
        else:
            self.counts.already_present += 1
        return True

    def _existing(self, table: str, column: str, values: Sequence) -> set:
        out: set = set()
        for i in range(0, len(values), 500):
            part = values[i:i + 500]
            q = f"SELECT {column} FROM {table} WHERE {column} IN ({','.join('?' * len(part))})"
            out.update(r[0] for r in self.conn.execute(q, part))
        return out

    # --- surveys -------------------------------------------------------------
    def add_responses(self, chunk: list[SurveyResponse]) -> None:
        seen = self._seen
        present: set = set()
        if self._had["responses"]:
            present = self._existing("responses", "key", [r.key for r in chunk if r.key not in seen])
        fresh: list[SurveyResponse] = []
        for r in chunk:
            first = seen.get(r.key)
            if first is not None:
                if first:
                    self.counts.duplicates_skipped += 1
                else:
                    self.counts.already_present += 1
            elif r.key in present:
                seen[r.key] = False
                self.counts.already_present += 1
            else:
                seen[r.key] = True
                fresh.append(r)
        if not fresh:
            return
        if self._had["customers"]:
            self.prefetch_customers({r.customer_id for r in fresh if r.customer_id})
        earlier: dict[int, int] = {}
        if self._had["responses"]:
            sigs = [r.signature for r in fresh if r.signature and r.signature not in self._signatures]
            for i in range(0, len(sigs), 500):
                part = sigs[i:i + 500]
                q = ("SELECT signature, min(id) FROM responses WHERE signature IN"
                     f" ({','.join('?' * len(part))}) GROUP BY signature")
                earlier.update(self.conn.execute(q, part).fetchall())
        resp_rows, verb_rows = [], []
        rid = self._next["responses"]
        next_vid, is_na, signatures, customer = self._next["verbatims"], self.is_non_answer, self._signatures, self.customer
        known = self._customers
        empty = non_answers = partial = dups = 0
        for r in fresh:
            ext = r.customer_id
            if ext is None:
                cust = None
            elif not r.attributes and ext in known:
                cust = known[ext]  # the common case, without a call
            else:
                cust = customer(ext, r.attributes)
            dup_of = None
            if r.signature:
                dup_of = signatures.get(r.signature) or earlier.get(r.signature)
                if dup_of is None:
                    signatures[r.signature] = rid
                else:
                    dups += 1
            partial += r.partial
            resp_rows.append((rid, r.row, r.key, r.signature, r.response_id, cust, r.submitted_at,
                              r.nps, _js(r.scores), _js_small(r.attributes), int(r.partial), r.progress, dup_of))
            for a in r.answers:
                text = a.text
                if not text or text.isspace():
                    empty += 1
                    continue
                na = 1 if is_na(text) else 0
                non_answers += na
                verb_rows.append((next_vid, cust, rid, a.question, text, r.submitted_at, na))
                next_vid += 1
            rid += 1
        c = self.counts
        c.skipped["empty_answer"] += empty
        c.verbatims += next_vid - self._next["verbatims"]
        c.non_answers += non_answers
        c.partial_responses += partial
        c.duplicate_submissions += dups
        c.responses += len(resp_rows)
        self._next["verbatims"] = next_vid
        self._next["responses"] = rid
        self._flush_customers()
        # batch id and kind are literals: fewer parameters to bind per row (a million rows add up)
        self.writes.executemany(
            "INSERT INTO responses (id, batch_id, row_no, key, signature, response_id, customer_id, submitted_at,"
            f" nps, scores, attributes, is_partial, progress, duplicate_of) VALUES (?,{int(self.batch_id)},"
            "?,?,?,?,?,?,?,?,?,?,?,?)", resp_rows)
        self.writes.executemany(
            "INSERT INTO verbatims (id, batch_id, kind, customer_id, response_id, question, text, created_at,"
            f" is_non_answer) VALUES (?,{int(self.batch_id)},'survey',?,?,?,?,?,?)", verb_rows)

    # --- tickets --------------------------------------------------------------
    def add_ticket(self, t: Ticket) -> None:
        if self._duplicate(t.key):
            return
        self._seen[t.key] = True
        cust = self.customer(t.customer_id)
        self._flush_customers()
        row = self._tickets.get(t.ticket_id)
        if row is None and self._had["tickets"]:
            row = self.conn.execute("SELECT id, key, updated_at FROM tickets WHERE external_id = ?",
                                    (t.ticket_id,)).fetchone()
        fields = (t.subject, t.status, t.priority, t.channel, t.type, t.created_at, t.updated_at, t.solved_at,
                  _js(t.tags), _js(t.attributes))
        if row is None:
            tid = self.conn.execute(
                "INSERT INTO tickets (batch_id, external_id, key, customer_id, subject, status, priority, channel,"
                " type, created_at, updated_at, solved_at, tags, attributes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (self.batch_id, t.ticket_id, t.key, cust, *fields)).lastrowid
            self._tickets[t.ticket_id] = (tid, t.key, t.updated_at)
            known: set[str] = set()
            seq = 0
            self.counts.tickets += 1
        else:
            tid, old_key, old_updated = row
            if old_key == t.key:
                self._seen[t.key] = False
                self.counts.already_present += 1
                return
            self._tickets[t.ticket_id] = (tid, t.key, max(t.updated_at or "", old_updated or "") or None)
            if old_updated is None or (t.updated_at or "") >= old_updated:
                self.conn.execute(
                    "UPDATE tickets SET key=?, updated_batch_id=?, customer_id=coalesce(?, customer_id), subject=?,"
                    " status=?, priority=?, channel=?, type=?, created_at=coalesce(created_at, ?), updated_at=?,"
                    " solved_at=?, tags=?, attributes=? WHERE id=?",
                    (t.key, self.batch_id, cust, *fields, tid))
            known = {r[0] for r in self.conn.execute("SELECT key FROM messages WHERE ticket_id=?", (tid,))}
            seq = self.conn.execute("SELECT coalesce(max(seq), -1) + 1 FROM messages WHERE ticket_id=?",
                                    (tid,)).fetchone()[0]
            self.counts.tickets_updated += 1
        msg_rows, verb_rows = [], []
        for m in t.messages:
            if m.key in known:
                continue
            known.add(m.key)
            mid = self._id("messages")
            msg_rows.append((mid, tid, self.batch_id, m.key, seq, m.author_role, m.author_id, m.body, m.created_at,
                             int(m.public)))
            seq += 1
            if m.author_role == "customer":
                if m.body.strip():
                    self._verbatim(verb_rows, "support", cust, ticket=tid,
                                   message=mid, channel=t.channel, text=m.body, created=m.created_at or t.created_at)
                else:
                    self.counts.skipped["empty_message"] += 1
        self.counts.messages += len(msg_rows)
        self.conn.executemany(
            "INSERT INTO messages (id, ticket_id, batch_id, key, seq, author_role, author_id, body, created_at, public)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)", msg_rows)
        self._insert_verbatims(verb_rows)

    # --- interviews -----------------------------------------------------------
    def add_interview(self, iv: Interview) -> None:
        if self._duplicate(iv.key):
            return
        if self.conn.execute("SELECT 1 FROM interviews WHERE key=?", (iv.key,)).fetchone():
            self._seen[iv.key] = False
            self.counts.already_present += 1
            return
        self._seen[iv.key] = True
        cust = self.customer(iv.customer_id)
        self._flush_customers()
        ivid = self.conn.execute(
            "INSERT INTO interviews (batch_id, key, title, customer_id, held_at) VALUES (?,?,?,?,?)",
            (self.batch_id, iv.key, iv.title, cust, iv.held_at)).lastrowid
        self.counts.interviews += 1
        rows: list[tuple] = []
        for u in iv.utterances:
            self._verbatim(rows, "interview", cust, interview=ivid,
                           question=u.question, speaker=u.speaker, text=u.text, created=iv.held_at)
        self._insert_verbatims(rows)

    # --- end ------------------------------------------------------------------
    def finish(self, parsed: ParsedFile) -> None:
        self._flush_customers()
        if self._customer_attrs:
            rows = self.conn.execute(
                "SELECT id, attributes FROM customers WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(self._customer_attrs)),)).fetchall()
            updates = []
            for cid, attrs in rows:
                merged = json.loads(attrs)
                merged.update(self._customer_attrs[cid])
                updates.append((_js(merged), self.batch_id, cid))
            self.conn.executemany("UPDATE customers SET attributes=?, updated_batch_id=? WHERE id=?", updates)
        self.index_verbatims()
        self.conn.execute("INSERT INTO verbatims_fts (verbatims_fts, rank) VALUES ('automerge', 4)")
        c = self.counts
        st = parsed.stats
        skipped = Counter(c.skipped)
        if st.blank_rows:
            skipped["blank_row"] += st.blank_rows
        if c.duplicates_skipped:
            skipped["duplicate"] += c.duplicates_skipped
        if c.already_present:
            skipped["already_imported"] += c.already_present
        rows_skipped = st.blank_rows + c.duplicates_skipped + c.already_present
        self.conn.execute(
            "UPDATE batches SET rows_read=?, rows_imported=?, rows_skipped=?, skipped_reasons=?, responses=?,"
            " verbatims=?, non_answers=?, tickets=?, tickets_updated=?, messages=?, customers_added=?,"
            " duplicates_skipped=?, already_present=?, partial_responses=?, duplicate_submissions=?, warnings=?,"
            " warning_count=?, finished_at=? WHERE id=?",
            (st.rows_read, c.rows_imported, rows_skipped, _js(dict(skipped)), c.responses, c.verbatims,
             c.non_answers, c.tickets, c.tickets_updated, c.messages, c.customers_added, c.duplicates_skipped,
             c.already_present, c.partial_responses, c.duplicate_submissions, _js(st.warnings), st.warning_count,
             now_iso(), self.batch_id))
