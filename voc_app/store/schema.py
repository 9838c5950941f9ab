"""Named, transactional migrations. Each runs once, in order, inside one transaction,
and is recorded in ``_migrations``; ``PRAGMA user_version`` holds the count."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# A migration is SQL (run as one script inside the migration's transaction) or a
# function that uses ``execute`` only (``executescript`` would commit early).
Migration = tuple[str, "str | Callable[[sqlite3.Connection], None]"]

M001_INITIAL = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

        CREATE TABLE batches (
            id INTEGER PRIMARY KEY,
            file_name TEXT NOT NULL,
            file_path TEXT,
            file_size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('survey', 'support', 'interview')),
            format TEXT NOT NULL,
            format_confidence REAL,
            format_reason TEXT,
            encoding TEXT,
            mapping TEXT NOT NULL DEFAULT '{}',          -- JSON: column -> role
            rows_read INTEGER NOT NULL DEFAULT 0,
            rows_imported INTEGER NOT NULL DEFAULT 0,
            rows_skipped INTEGER NOT NULL DEFAULT 0,
            skipped_reasons TEXT NOT NULL DEFAULT '{}',  -- JSON: reason -> count
            responses INTEGER NOT NULL DEFAULT 0,
            verbatims INTEGER NOT NULL DEFAULT 0,
            non_answers INTEGER NOT NULL DEFAULT 0,
            tickets INTEGER NOT NULL DEFAULT 0,
            tickets_updated INTEGER NOT NULL DEFAULT 0,
            messages INTEGER NOT NULL DEFAULT 0,
            customers_added INTEGER NOT NULL DEFAULT 0,
            duplicates_skipped INTEGER NOT NULL DEFAULT 0,
            already_present INTEGER NOT NULL DEFAULT 0,
            partial_responses INTEGER NOT NULL DEFAULT 0,
            duplicate_submissions INTEGER NOT NULL DEFAULT 0,
            warnings TEXT NOT NULL DEFAULT '[]',         -- JSON list (first 50)
            warning_count INTEGER NOT NULL DEFAULT 0,
            started_at TEXT NOT NULL,
            finished_at TEXT
        );
        CREATE INDEX batches_sha ON batches (sha256);

        CREATE TABLE customers (
            id INTEGER PRIMARY KEY,
            external_id TEXT NOT NULL UNIQUE,
            attributes TEXT NOT NULL DEFAULT '{}',
            first_batch_id INTEGER REFERENCES batches (id),
            updated_batch_id INTEGER REFERENCES batches (id)
        );

        CREATE TABLE responses (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES batches (id),
            row_no INTEGER NOT NULL,
            key INTEGER NOT NULL UNIQUE,                 -- hash of the raw row
            signature INTEGER NOT NULL,                  -- hash of what was answered
            response_id TEXT,
            customer_id INTEGER REFERENCES customers (id),
            submitted_at TEXT,
            nps INTEGER CHECK (nps BETWEEN 0 AND 10),
            scores TEXT NOT NULL DEFAULT '{}',
            attributes TEXT NOT NULL DEFAULT '{}',
            is_partial INTEGER NOT NULL DEFAULT 0,
            progress INTEGER,
            duplicate_of INTEGER REFERENCES responses (id)
        );
        CREATE INDEX responses_customer ON responses (customer_id);
        CREATE INDEX responses_signature ON responses (signature);

        CREATE TABLE tickets (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES batches (id),
            updated_batch_id INTEGER REFERENCES batches (id),
            external_id TEXT NOT NULL UNIQUE,
            key INTEGER NOT NULL,                        -- hash of the last imported record
            customer_id INTEGER REFERENCES customers (id),
            subject TEXT,
            status TEXT,
            priority TEXT,
            channel TEXT,
            type TEXT,
            created_at TEXT,
            updated_at TEXT,
            solved_at TEXT,
            tags TEXT NOT NULL DEFAULT '[]',
            attributes TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX tickets_customer ON tickets (customer_id);

        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER NOT NULL REFERENCES tickets (id),
            batch_id INTEGER NOT NULL REFERENCES batches (id),
            key TEXT NOT NULL,
            seq INTEGER NOT NULL,
            author_role TEXT NOT NULL CHECK (author_role IN ('customer', 'agent', 'unknown')),
            author_id TEXT,
            body TEXT NOT NULL,
            created_at TEXT,
            public INTEGER NOT NULL DEFAULT 1,
            UNIQUE (ticket_id, key)
        );

        CREATE TABLE interviews (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES batches (id),
            key INTEGER NOT NULL UNIQUE,
            title TEXT NOT NULL,
            customer_id INTEGER REFERENCES customers (id),
            held_at TEXT
        );

        -- One row per customer voice. text is exactly as read and never changed.
        CREATE TABLE verbatims (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES batches (id),
            kind TEXT NOT NULL CHECK (kind IN ('survey', 'support', 'interview')),
            customer_id INTEGER REFERENCES customers (id),
            response_id INTEGER REFERENCES responses (id),
            ticket_id INTEGER REFERENCES tickets (id),
            message_id INTEGER REFERENCES messages (id),
            interview_id INTEGER REFERENCES interviews (id),
            question TEXT,       -- survey question text, or the interviewer's question
            channel TEXT,        -- support channel (web, email, chat ...)
            speaker TEXT,        -- interview speaker
            text TEXT NOT NULL,
            created_at TEXT,
            is_non_answer INTEGER NOT NULL DEFAULT 0
        );
        -- Few indexes on purpose: every index slows a million-row import. Views that need
        -- more (filters by question or date) add them in their own migration, measured.
        -- A verbatim's identity comes from its response / message / interview, which are
        -- deduplicated; the ids of one import are one increasing range.
        CREATE INDEX verbatims_customer ON verbatims (customer_id);

        -- Japanese full-text search: trigram tokenizer (substring search of 3+ characters;
        -- shorter terms fall back to LIKE). External content: rows are added by the import
        -- in the same transaction; the triggers keep deletions in sync.
        CREATE VIRTUAL TABLE verbatims_fts USING fts5 (
            text, content='verbatims', content_rowid='id', tokenize='trigram'
        );
        CREATE TRIGGER verbatims_fts_delete AFTER DELETE ON verbatims BEGIN
            INSERT INTO verbatims_fts (verbatims_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        CREATE TRIGGER verbatims_fts_update AFTER UPDATE OF text ON verbatims BEGIN
            INSERT INTO verbatims_fts (verbatims_fts, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO verbatims_fts (rowid, text) VALUES (new.id, new.text);
        END;
"""


# Derived data: recomputable from the verbatims; ``analyzer`` says which version made it.
M002_ANALYSES = """
CREATE TABLE analyses (
    verbatim_id INTEGER PRIMARY KEY REFERENCES verbatims (id) ON DELETE CASCADE,
    analyzer TEXT NOT NULL,
    polarity TEXT NOT NULL CHECK (polarity IN ('delight', 'pain', 'neutral', 'mixed')),
    score REAL NOT NULL,
    churn INTEGER NOT NULL,
    churn_type TEXT,
    advocacy INTEGER NOT NULL,
    advocacy_type TEXT,
    stage TEXT NOT NULL CHECK (stage IN ('first_experience', 'success', 'advocacy', 'none')),
    evidence TEXT NOT NULL DEFAULT '[]',   -- JSON: [{kind, label, start, end, text}]
    sentences TEXT NOT NULL DEFAULT '[]',  -- JSON: [[start, end, polarity, score]]
    tokens TEXT NOT NULL DEFAULT '[]',     -- JSON: content words [[surface, normalized_form, pos]]
    analyzed_at TEXT NOT NULL
);
CREATE INDEX analyses_analyzer ON analyses (analyzer);
"""


# User judgement (primary data): product, brand and service names tokenized as one word.
M003_USER_TERMS = """
CREATE TABLE user_terms (
    term TEXT PRIMARY KEY,
    reading TEXT,
    added_at TEXT NOT NULL
);
"""


# Customer scores are derived (recomputed by `voc signals`); reviews are user judgements and
# survive every re-analysis and re-import.
M004_SIGNALS = """
CREATE TABLE customer_scores (
    customer_id INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    ambassador_score REAL NOT NULL,
    churn_score REAL NOT NULL,
    ambassador_flag INTEGER NOT NULL,
    churn_flag INTEGER NOT NULL,
    segment TEXT NOT NULL CHECK (segment IN ('ambassador', 'loyal', 'at_risk', 'dormant', 'unknown')),
    previous_segment TEXT,
    reasons TEXT NOT NULL DEFAULT '[]',
    evidence TEXT NOT NULL DEFAULT '[]',   -- verbatim ids
    facts TEXT NOT NULL DEFAULT '{}',      -- the behaviour figures used
    scored_at TEXT NOT NULL
);
CREATE TABLE reviews (
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('ambassador', 'churn')),
    state TEXT NOT NULL CHECK (state IN ('confirmed', 'dismissed', 'contacted')),
    note TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '[]',   -- the evidence the reviewer saw
    reviewed_at TEXT NOT NULL,
    PRIMARY KEY (customer_id, kind)
);
"""


# Topics. topic_runs / centers / similarities are derived (a refit recomputes them); names,
# seed words, merges, deletions and moved answers (pinned) are user judgements kept through
# re-analysis and refits. topic_edits keeps a snapshot before each edit (undo).
M005_TOPICS = """
CREATE TABLE topic_runs (
    side TEXT PRIMARY KEY CHECK (side IN ('delight', 'pain', 'all')),
    fitted_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    params TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE topics (
    id INTEGER PRIMARY KEY,
    side TEXT NOT NULL CHECK (side IN ('delight', 'pain', 'all')),
    auto_label TEXT NOT NULL,
    name TEXT,                               -- the user's name; shown instead of auto_label
    words TEXT NOT NULL DEFAULT '[]',        -- JSON: [[surface, c-TF-IDF weight]]
    seed_words TEXT NOT NULL DEFAULT '[]',   -- JSON: pinned seed words (guided topics)
    center BLOB NOT NULL,                    -- float32 unit vector of topic features
    floor REAL NOT NULL,                     -- similarity below which an answer is a rare voice
    quotes TEXT NOT NULL DEFAULT '[]',       -- JSON: representative verbatim ids
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'deleted', 'retired')),
    merged_into INTEGER REFERENCES topics (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX topics_side ON topics (side, status);
CREATE TABLE topic_members (
    side TEXT NOT NULL CHECK (side IN ('delight', 'pain', 'all')),
    verbatim_id INTEGER NOT NULL REFERENCES verbatims (id) ON DELETE CASCADE,
    topic_id INTEGER REFERENCES topics (id),  -- NULL: a rare voice
    similarity REAL NOT NULL,
    pinned INTEGER NOT NULL DEFAULT 0,        -- placed by the user: kept through updates and refits
    rare_group INTEGER,                       -- rare voices with near-duplicates share a group
    spans TEXT NOT NULL DEFAULT '[]',         -- JSON: [[start, end]] of the text on this side
    PRIMARY KEY (side, verbatim_id)
);
CREATE INDEX topic_members_topic ON topic_members (topic_id);
CREATE TABLE topic_edits (
    id INTEGER PRIMARY KEY,
    side TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}',
    snapshot TEXT NOT NULL,                   -- JSON: rows to restore on undo
    at TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0
);
"""


# Behaviour: customer lists, orders / usage, referral logs. orders and referrals are imported
# data; customer_behaviour is derived (recomputed after every behaviour import).
M006_BEHAVIOUR_DDL = """
ALTER TABLE customers ADD COLUMN email TEXT;
ALTER TABLE customers ADD COLUMN signup_at TEXT;
ALTER TABLE customers ADD COLUMN last_active_at TEXT;
ALTER TABLE customers ADD COLUMN status TEXT;
CREATE INDEX customers_email ON customers (email);
ALTER TABLE batches ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';   -- JSON: counts of other kinds
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES batches (id),
    key INTEGER NOT NULL UNIQUE,         -- hash of the order id, or of the raw row without one
    order_id TEXT,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    ordered_at TEXT,
    amount REAL,
    item TEXT,
    status TEXT
);
CREATE INDEX orders_customer ON orders (customer_id);
CREATE TABLE referrals (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES batches (id),
    key INTEGER NOT NULL UNIQUE,         -- hash of referrer + referred (+ date when nothing is referred)
    referrer_id INTEGER NOT NULL REFERENCES customers (id),
    referred TEXT,                       -- the referred person's id or e-mail (normalised)
    referred_customer_id INTEGER REFERENCES customers (id),
    referred_at TEXT,
    status TEXT,
    converted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX referrals_referrer ON referrals (referrer_id);
CREATE TABLE customer_behaviour (
    customer_id INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    first_at TEXT,
    last_at TEXT,
    tenure_days REAL,
    recency_days REAL,
    frequency INTEGER,
    monetary REAL,
    referrals INTEGER NOT NULL DEFAULT 0,
    referrals_converted INTEGER NOT NULL DEFAULT 0,
    last_referral_at TEXT,
    rfm_segment TEXT,
    source TEXT NOT NULL,                -- 'orders' (derived from history) or 'list' (customer list fields)
    computed_at TEXT NOT NULL
);
"""

_OLD_KIND = "CHECK (kind IN ('survey', 'support', 'interview'))"
_NEW_KIND = "CHECK (kind IN ('survey', 'support', 'interview', 'customers', 'orders', 'referrals'))"


def _widen_check(conn: sqlite3.Connection, table: str, old: str, new: str) -> None:
    """Replace a CHECK constraint by a wider one in the table's schema text. Widening a CHECK
    changes no stored row, so SQLite documents editing the schema in place (writable_schema) for
    it; the table is not rebuilt (other tables reference it)."""
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()[0]
    if old in sql:
        version = conn.execute("PRAGMA schema_version").fetchone()[0]
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
                     (sql.replace(old, new), table))
        conn.execute(f"PRAGMA schema_version = {version + 1}")
        conn.execute("PRAGMA writable_schema = OFF")


def m006_behaviour(conn: sqlite3.Connection) -> None:
    """Widen batches.kind's CHECK to the behaviour kinds. Widening a CHECK changes no stored
    row, so SQLite documents editing the schema text in place (writable_schema) for it; the
    table is not rebuilt (every other table references batches)."""
    _widen_check(conn, "batches", _OLD_KIND, _NEW_KIND)
    for stmt in M006_BEHAVIOUR_DDL.split(";"):
        if stmt.strip():
            conn.execute(stmt)


# Coding (researchers' tags): codes, codings, memos and the coders are user judgements (primary
# data): re-analysis never touches them. Auto-codes (source 'rule' / 'topic') are marked and wait
# for a person to accept or reject them. coding_edits keeps before/after rows for undo and redo.
M007_CODING = """
CREATE TABLE coders (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE codes (
    id INTEGER PRIMARY KEY,
    guid TEXT NOT NULL UNIQUE,                -- REFI-QDA identity, kept through export / import
    parent_id INTEGER REFERENCES codes (id),
    name TEXT NOT NULL,
    color TEXT NOT NULL DEFAULT '#4E79A7',
    description TEXT NOT NULL DEFAULT '',
    examples TEXT NOT NULL DEFAULT '[]',      -- JSON list of example passages
    rule TEXT NOT NULL DEFAULT '',            -- auto-coding rule (nlp/coderules.py)
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX codes_name ON codes (coalesce(parent_id, 0), name);
CREATE TABLE codings (
    id INTEGER PRIMARY KEY,
    code_id INTEGER NOT NULL REFERENCES codes (id),
    verbatim_id INTEGER NOT NULL REFERENCES verbatims (id) ON DELETE CASCADE,
    coder_id INTEGER NOT NULL REFERENCES coders (id),
    span_start INTEGER,                       -- character offsets in verbatims.text; NULL: whole verbatim
    span_end INTEGER,
    source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'rule', 'topic')),
    state TEXT NOT NULL DEFAULT 'accepted' CHECK (state IN ('accepted', 'pending', 'rejected')),
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX codings_unique ON codings
    (code_id, verbatim_id, coder_id, coalesce(span_start, -1), coalesce(span_end, -1));
CREATE INDEX codings_verbatim ON codings (verbatim_id);
CREATE TABLE coded (                          -- verbatims a coder went through (agreement units)
    coder_id INTEGER NOT NULL REFERENCES coders (id),
    verbatim_id INTEGER NOT NULL REFERENCES verbatims (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    PRIMARY KEY (coder_id, verbatim_id)
);
CREATE TABLE memos (
    id INTEGER PRIMARY KEY,
    target TEXT NOT NULL CHECK (target IN ('project', 'code', 'verbatim')),
    target_id INTEGER NOT NULL DEFAULT 0,
    coder_id INTEGER REFERENCES coders (id),
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX memos_target ON memos (target, target_id, coalesce(coder_id, 0));
CREATE TABLE coding_edits (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}',
    before TEXT NOT NULL,                     -- JSON: {table: {id: row or null}}
    after TEXT NOT NULL,
    at TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0
);
"""


# The search index keeps no per-row token counts (columnsize=0): nothing ranks results by
# bm25, and a 1,000,000-row import spends ~20 % less time indexing. Existing indexes are rebuilt.
M008_FTS_NO_COLUMNSIZE = """
DROP TABLE verbatims_fts;
CREATE VIRTUAL TABLE verbatims_fts USING fts5 (
    text, content='verbatims', content_rowid='id', tokenize='trigram', columnsize=0
);
INSERT INTO verbatims_fts (verbatims_fts) VALUES ('rebuild');
"""

# Analyses say how sure the learned model is of each label (derived data: recomputed with the
# next analysis; NULL for rows analysed before, until the next run redoes them).
M009_LABEL_PROBABILITIES = """
ALTER TABLE analyses ADD COLUMN polarity_p REAL;
ALTER TABLE analyses ADD COLUMN churn_p REAL;
ALTER TABLE analyses ADD COLUMN advocacy_p REAL;
ALTER TABLE analyses ADD COLUMN stage_p REAL;
ALTER TABLE analyses ADD COLUMN probabilities TEXT NOT NULL DEFAULT '{}';
"""


# Label corrections (issue 21). label_corrections and label_edits are user judgements (primary
# data): an append-only log, one edit (one undo step) per correct() call; a verbatim's current
# correction of a label is its latest row in an edit not undone (value NULL: the correction was
# removed). analyses keeps three layers: model_* (the shipped model's own labels, derived), the
# project layer's probabilities (derived, NULL without one) and the final labels in the columns
# everything reads (polarity, churn, advocacy, stage, their _p, probabilities) with
# label_source saying who decided them: model, project (the layer changed a label) or person.
# project_model holds the fitted layer (weights as a blob) and how well it agrees with the
# corrections (cross-validated); active = 0 after "back to the shipped model".
M010_LABEL_CORRECTIONS = """
ALTER TABLE analyses ADD COLUMN model_polarity TEXT;
ALTER TABLE analyses ADD COLUMN model_score REAL;
ALTER TABLE analyses ADD COLUMN model_churn INTEGER;
ALTER TABLE analyses ADD COLUMN model_churn_type TEXT;
ALTER TABLE analyses ADD COLUMN model_advocacy INTEGER;
ALTER TABLE analyses ADD COLUMN model_advocacy_type TEXT;
ALTER TABLE analyses ADD COLUMN model_stage TEXT;
ALTER TABLE analyses ADD COLUMN model_probabilities TEXT;
ALTER TABLE analyses ADD COLUMN project_probabilities TEXT;
ALTER TABLE analyses ADD COLUMN label_source TEXT NOT NULL DEFAULT 'model'
    CHECK (label_source IN ('model', 'project', 'person'));
UPDATE analyses SET model_polarity = polarity, model_score = score, model_churn = churn,
    model_churn_type = churn_type, model_advocacy = advocacy, model_advocacy_type = advocacy_type,
    model_stage = stage, model_probabilities = probabilities;
CREATE TABLE label_edits (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL,
    coder TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE label_corrections (
    id INTEGER PRIMARY KEY,
    edit_id INTEGER NOT NULL REFERENCES label_edits (id) ON DELETE CASCADE,
    verbatim_id INTEGER NOT NULL REFERENCES verbatims (id) ON DELETE CASCADE,
    target TEXT NOT NULL CHECK (target IN ('polarity', 'churn', 'advocacy', 'stage')),
    value TEXT CHECK (value IS NULL
        OR (target = 'polarity' AND value IN ('delight', 'pain', 'neutral', 'mixed'))
        OR (target IN ('churn', 'advocacy') AND value IN ('0', '1'))
        OR (target = 'stage' AND value IN ('first_experience', 'success', 'advocacy', 'none'))),
    coder TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX label_corrections_verbatim ON label_corrections (verbatim_id, target);
CREATE INDEX label_corrections_edit ON label_corrections (edit_id);
CREATE VIEW label_corrections_current AS
    SELECT c.verbatim_id, c.target, c.value, c.coder, c.at, c.edit_id
    FROM label_corrections c JOIN label_edits e ON e.id = c.edit_id
    WHERE NOT e.undone AND c.value IS NOT NULL AND c.id = (
        SELECT max(c2.id) FROM label_corrections c2 JOIN label_edits e2 ON e2.id = c2.edit_id
        WHERE c2.verbatim_id = c.verbatim_id AND c2.target = c.target AND NOT e2.undone);
CREATE TABLE project_model (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    weights BLOB,                          -- nlp.adapt.Layer.to_bytes(); NULL: nothing fitted
    fitted_at TEXT,
    n_corrections INTEGER NOT NULL DEFAULT 0,
    agreement REAL,                        -- cross-validated agreement with the corrections
    shipped_agreement REAL,                -- the shipped model's agreement with the same
    detail TEXT NOT NULL DEFAULT '{}',     -- JSON: per label n / agreement / lambda, thresholds
    corrections_digest TEXT,               -- which corrections it was fitted on
    active INTEGER NOT NULL DEFAULT 1
);
"""


# a topic that clearly mixes two themes keeps the silhouette of its best two-way split (else NULL)
M011_TOPIC_MIXED = """
ALTER TABLE topics ADD COLUMN mixed REAL;
"""


# the loyalty segment 'watch' (要注意: a detractor or recent pain without a churn flag; see
# voc_app.signals.segment_and_reason). Scores are derived data and nothing references the table:
# rebuilt with the widened CHECK, rows kept.
M012_SEGMENT_WATCH = """
CREATE TABLE customer_scores_new (
    customer_id INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    ambassador_score REAL NOT NULL,
    churn_score REAL NOT NULL,
    ambassador_flag INTEGER NOT NULL,
    churn_flag INTEGER NOT NULL,
    segment TEXT NOT NULL CHECK (segment IN ('ambassador', 'loyal', 'watch', 'at_risk', 'dormant', 'unknown')),
    previous_segment TEXT,
    reasons TEXT NOT NULL DEFAULT '[]',
    evidence TEXT NOT NULL DEFAULT '[]',   -- verbatim ids
    facts TEXT NOT NULL DEFAULT '{}',      -- the behaviour figures used, segment reason, stage, revenue, score factors
    scored_at TEXT NOT NULL
);
INSERT INTO customer_scores_new SELECT customer_id, ambassador_score, churn_score, ambassador_flag, churn_flag,
    segment, previous_segment, reasons, evidence, facts, scored_at FROM customer_scores;
DROP TABLE customer_scores;
ALTER TABLE customer_scores_new RENAME TO customer_scores;
"""


# 表記ゆれ (issue 24): the project's own spellings -> canonical form (user judgements, primary
# data). Word views, topic words and rule matching read through it; stored text never changes.
# Whether the shipped defaults (resources/synonyms/) apply is the meta key 'synonym_defaults'.
M013_SYNONYMS = """
CREATE TABLE synonyms (
    word TEXT PRIMARY KEY,            -- a spelling (NFKC) as users write it
    canonical TEXT NOT NULL,          -- the form the word views show for it
    added_at TEXT NOT NULL
);
CREATE INDEX synonyms_canonical ON synonyms (canonical);
"""


# Codes that learn from examples (issue 21): a coder's pending proposals from a model trained on
# that coder's codings get the source 'example' and keep the model's probability (NULL for every
# other coding). Widening a CHECK changes no stored row: the schema text is edited in place, as
# in m006 (codings is referenced by the undo log's JSON only, but a rebuild is not needed).
_OLD_SOURCE = "CHECK (source IN ('manual', 'rule', 'topic'))"
_NEW_SOURCE = "CHECK (source IN ('manual', 'rule', 'topic', 'example'))"


def m014_example_codings(conn: sqlite3.Connection) -> None:
    _widen_check(conn, "codings", _OLD_SOURCE, _NEW_SOURCE)
    conn.execute("ALTER TABLE codings ADD COLUMN probability REAL")


MIGRATIONS: list[Migration] = [
    ("001_initial", M001_INITIAL),
    ("002_analyses", M002_ANALYSES),
    ("003_user_terms", M003_USER_TERMS),
    ("004_signals", M004_SIGNALS),
    ("005_topics", M005_TOPICS),
    ("006_behaviour", m006_behaviour),
    ("007_coding", M007_CODING),
    ("008_fts_no_columnsize", M008_FTS_NO_COLUMNSIZE),
    ("009_label_probabilities", M009_LABEL_PROBABILITIES),
    ("010_label_corrections", M010_LABEL_CORRECTIONS),
    ("011_topic_mixed", M011_TOPIC_MIXED),
    ("012_segment_watch", M012_SEGMENT_WATCH),
    ("013_synonyms", M013_SYNONYMS),
    ("014_example_codings", m014_example_codings),
]
