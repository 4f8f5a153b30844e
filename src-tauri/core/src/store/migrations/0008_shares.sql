-- 0008: shares between vaults (src/share): this vault's Mend identity, the contacts of
-- each relationship, and the shares received into a relationship with their items, each
-- item's older versions kept, and received items linked as evidence of a checklist step.
-- Everything of a relationship goes when it is deleted.

-- The vault's one identity: its seed as Identity::to_bytes writes it (a version byte and
-- 32 bytes), never stored anywhere but here; and the sequence its next share will carry.
CREATE TABLE share_identity (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    secret          BLOB    NOT NULL,
    created_at      INTEGER NOT NULL,
    next_sequence   INTEGER NOT NULL DEFAULT 1 CHECK (next_sequence >= 1)
) STRICT;

-- A person's contact code kept under a relationship, in its canonical form (compact).
CREATE TABLE share_contact (
    id              INTEGER PRIMARY KEY,
    relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
    name            TEXT    NOT NULL,
    code            TEXT    NOT NULL,
    added_at        INTEGER NOT NULL,
    UNIQUE (relationship_id, code)
) STRICT;

-- A share accepted into a relationship. A sender's sequence is received once.
CREATE TABLE received_share (
    id              INTEGER PRIMARY KEY,
    relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
    sender          TEXT    NOT NULL,        -- the sender's contact code, compact
    sequence        INTEGER NOT NULL,
    sent_at         INTEGER NOT NULL,        -- the share's created-at, ms
    received_at     INTEGER NOT NULL,
    by_passphrase   INTEGER NOT NULL CHECK (by_passphrase IN (0, 1)),
    UNIQUE (sender, sequence)
) STRICT;
CREATE INDEX received_share_by_relationship ON received_share (relationship_id, sender);

-- One item of a received share: its kind, the sender's opaque key for it (the same item
-- shared again carries the same key), the item as the share held it (JSON), and the
-- item of a later share that replaced it (NULL while it is the current version).
CREATE TABLE received_item (
    id              INTEGER PRIMARY KEY,
    share_id        INTEGER NOT NULL REFERENCES received_share (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN (
        'entry', 'commitment', 'checklistMark', 'checkIn', 'decisionReview', 'note')),
    item_key        TEXT    NOT NULL,
    item            TEXT    NOT NULL,
    superseded_by   INTEGER REFERENCES received_item (id) ON DELETE SET NULL,
    UNIQUE (share_id, position)
) STRICT;
CREATE INDEX received_item_by_key ON received_item (item_key);
CREATE INDEX received_item_by_successor ON received_item (superseded_by);

-- A received item linked as evidence of a checklist step of the same relationship (beside
-- step_evidence, which links the vault's own records). Gone with the item.
CREATE TABLE step_shared_evidence (
    id              INTEGER PRIMARY KEY,
    relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
    framework_id    TEXT    NOT NULL,
    step_id         TEXT    NOT NULL,
    item_id         INTEGER NOT NULL REFERENCES received_item (id) ON DELETE CASCADE,
    created_at      INTEGER NOT NULL,
    UNIQUE (relationship_id, framework_id, step_id, item_id)
) STRICT;
CREATE INDEX step_shared_evidence_by_item ON step_shared_evidence (item_id);
