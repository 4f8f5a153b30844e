-- 0002: relationships and their events, entry metadata (relationship, framework step,
-- mood, tags), encrypted full-text search, guided-flow drafts, the person's own prompts
-- and templates, repair-conversation plans, and commitments.

CREATE TABLE relationship (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('repairer', 'decider')),
    what_happened TEXT    NOT NULL DEFAULT '',
    happened_on   TEXT,                      -- YYYY-MM-DD, if known
    breach_kind   TEXT    NOT NULL CHECK (breach_kind IN ('competence', 'integrity', 'care')),
    created_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE relationship_event (
    id              INTEGER PRIMARY KEY,
    relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('breach', 'repeatBreach', 'milestone')),
    occurred_on     TEXT    NOT NULL,        -- YYYY-MM-DD
    note            TEXT    NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX relationship_event_by_date ON relationship_event (relationship_id, occurred_on);

-- Entries outlive their relationship: deleting one leaves its entries as free journaling.
ALTER TABLE entry ADD COLUMN relationship_id INTEGER REFERENCES relationship (id) ON DELETE SET NULL;
ALTER TABLE entry ADD COLUMN framework_id TEXT;
ALTER TABLE entry ADD COLUMN step_id TEXT;
ALTER TABLE entry ADD COLUMN mood TEXT;
CREATE INDEX entry_by_relationship ON entry (relationship_id, created_at DESC, id DESC);
CREATE INDEX entry_by_step ON entry (relationship_id, framework_id, step_id);

CREATE TABLE tag (
    id   INTEGER PRIMARY KEY,
    name TEXT    NOT NULL UNIQUE COLLATE NOCASE
) STRICT;

CREATE TABLE entry_tag (
    entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    tag_id   INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (entry_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX entry_tag_by_tag ON entry_tag (tag_id, entry_id);

-- The index lives inside the encrypted database, so it is encrypted too.
CREATE VIRTUAL TABLE entry_fts USING fts5 (
    body,
    content = 'entry',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER entry_fts_insert AFTER INSERT ON entry BEGIN
    INSERT INTO entry_fts (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER entry_fts_delete AFTER DELETE ON entry BEGIN
    INSERT INTO entry_fts (entry_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER entry_fts_update AFTER UPDATE OF body ON entry BEGIN
    INSERT INTO entry_fts (entry_fts, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO entry_fts (rowid, body) VALUES (new.id, new.body);
END;
INSERT INTO entry_fts (entry_fts) VALUES ('rebuild');

-- Answers to a guided step, saved as the person types, until the step is completed.
-- framework_id 'template' with step_id = a template's id for the person's own templates.
CREATE TABLE draft (
    relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
    framework_id    TEXT    NOT NULL,
    step_id         TEXT    NOT NULL,
    answers         TEXT    NOT NULL,        -- JSON array of strings, one per prompt
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (relationship_id, framework_id, step_id)
) STRICT;

CREATE TABLE user_prompt (
    id           INTEGER PRIMARY KEY,
    framework_id TEXT    NOT NULL,
    step_id      TEXT    NOT NULL,
    role         TEXT    NOT NULL CHECK (role IN ('repairer', 'decider')),
    text         TEXT    NOT NULL,
    created_at   INTEGER NOT NULL
) STRICT;

CREATE TABLE template (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    prompts    TEXT    NOT NULL,             -- JSON array of strings
    created_at INTEGER NOT NULL
) STRICT;

-- A five-step repair conversation: notes to prepare each step, then how it went.
CREATE TABLE conversation (
    id              INTEGER PRIMARY KEY,
    relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
    notes           TEXT    NOT NULL DEFAULT '{}',  -- JSON object: step id -> notes
    planned_on      TEXT,                           -- YYYY-MM-DD
    held_on         TEXT,                           -- YYYY-MM-DD, once it happened
    outcome         TEXT    NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;

-- Promises whose keeping is logged over time (the ledger builds on this table).
-- rrule: an RFC 5545 recurrence rule, or NULL for a one-off due on starts_on.
CREATE TABLE commitment (
    id              INTEGER PRIMARY KEY,
    relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
    owner           TEXT    NOT NULL CHECK (owner IN ('me', 'them', 'both')),
    promise         TEXT    NOT NULL,
    rrule           TEXT,
    starts_on       TEXT    NOT NULL,        -- YYYY-MM-DD
    ends_on         TEXT,                    -- YYYY-MM-DD
    kept_looks_like TEXT    NOT NULL DEFAULT '',
    conversation_id INTEGER REFERENCES conversation (id) ON DELETE SET NULL,
    created_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX commitment_by_relationship ON commitment (relationship_id);
