-- 0001: the journal itself, and the vault's settings.
CREATE TABLE entry (
    id          INTEGER PRIMARY KEY,
    created_at  INTEGER NOT NULL,   -- Unix milliseconds, UTC
    updated_at  INTEGER NOT NULL,   -- Unix milliseconds, UTC
    body        TEXT    NOT NULL    -- Markdown, as written
) STRICT;

-- The timeline walks this index newest first (keyset pagination).
CREATE INDEX entry_timeline ON entry (created_at DESC, id DESC);

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
