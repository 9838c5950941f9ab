"""Stored tokens for the word views (frequency lists, co-occurrence networks, KWIC; non-answers
left out) and for highlighting rule previews. Tokens are the analysis' JSON
``[[surface, normalized, pos], ...]``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from voc_app.store.coding import dimension_value


def _token_rows(conn: sqlite3.Connection, by: str | None, ids: Iterable[int] | None) -> sqlite3.Cursor:
    val, params = dimension_value(by) if by else ("", [])
    val = f", {val}" if by else ""
    q = f"SELECT a.tokens{val} FROM analyses a JOIN verbatims v ON v.id = a.verbatim_id WHERE NOT v.is_non_answer"
    if ids is not None:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS word_ids (id INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM word_ids")
        conn.executemany("INSERT INTO word_ids VALUES (?)", [(i,) for i in ids])
        q += " AND v.id IN (SELECT id FROM word_ids)"
    return conn.execute(q, params)


def token_lists(conn: sqlite3.Connection, ids: Iterable[int] | None = None) -> Iterator[str]:
    """The stored token JSON of every analysed answer (or of the answers ``ids``)."""
    return (t for (t,) in _token_rows(conn, None, ids))


def token_lists_by(conn: sqlite3.Connection, by: str, ids: Iterable[int] | None = None) -> Iterator[tuple[str, str]]:
    """(token JSON, value of the cross-tab dimension ``by`` or '') of every analysed answer."""
    return _token_rows(conn, by, ids)


class TokenizedText(NamedTuple):
    id: int
    text: str
    tokens: str  # JSON


def containing(conn: sqlite3.Connection, lemma: str, word: str) -> list[TokenizedText]:
    """Analysed answers with a token of this normalized form, or with ``word`` in their text, by id."""
    needle = ", " + json.dumps(lemma, ensure_ascii=False) + ", "  # the normalized form in the stored JSON
    return [TokenizedText(*r) for r in conn.execute(
        "SELECT v.id, v.text, a.tokens FROM verbatims v JOIN analyses a ON a.verbatim_id = v.id"
        " WHERE NOT v.is_non_answer AND (instr(a.tokens, ?) > 0 OR instr(v.text, ?) > 0) ORDER BY v.id",
        (needle, word))]


def tokens_by_id(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, str]:
    """verbatim id -> stored token JSON (verbatims not analysed left out)."""
    ids = list(ids)
    out: dict[int, str] = {}
    for k in range(0, len(ids), 500):
        part = ids[k:k + 500]
        out.update(conn.execute(
            f"SELECT verbatim_id, tokens FROM analyses WHERE verbatim_id IN ({','.join('?' * len(part))})", part))
    return out
