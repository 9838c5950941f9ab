"""表記ゆれ: the project's spellings -> canonical form (table ``synonyms``, migration
013_synonyms) and whether the shipped defaults apply (meta key ``synonym_defaults``). User
judgements: nothing derived writes here."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from voc_app.store.db import meta_value, now_iso, set_meta_value

DEFAULTS_KEY = "synonym_defaults"


def pairs(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(word, canonical) of the project, by canonical then word."""
    return [(w, c) for w, c in conn.execute("SELECT word, canonical FROM synonyms ORDER BY canonical, word")]


def upsert(conn: sqlite3.Connection, rows: Iterable[tuple[str, str]]) -> int:
    """Add or change (word, canonical) rows, in the caller's transaction. Returns the rows written."""
    at = now_iso()
    rows = [(w, c, at) for w, c in rows]
    conn.executemany("INSERT INTO synonyms (word, canonical, added_at) VALUES (?,?,?)"
                     " ON CONFLICT (word) DO UPDATE SET canonical = excluded.canonical, added_at = excluded.added_at"
                     " WHERE canonical != excluded.canonical", rows)
    return len(rows)


def delete_words(conn: sqlite3.Connection, words: Iterable[str]) -> int:
    n = 0
    for w in words:
        n += conn.execute("DELETE FROM synonyms WHERE word = ?", (w,)).rowcount
    return n


def delete_groups(conn: sqlite3.Connection, canonicals: Iterable[str]) -> int:
    n = 0
    for c in canonicals:
        n += conn.execute("DELETE FROM synonyms WHERE canonical = ?", (c,)).rowcount
    return n


def delete_all(conn: sqlite3.Connection) -> int:
    return conn.execute("DELETE FROM synonyms").rowcount


def defaults_on(conn: sqlite3.Connection) -> bool:
    return meta_value(conn, DEFAULTS_KEY) != "off"


def set_defaults_on(conn: sqlite3.Connection, on: bool) -> None:
    set_meta_value(conn, DEFAULTS_KEY, "on" if on else "off")
