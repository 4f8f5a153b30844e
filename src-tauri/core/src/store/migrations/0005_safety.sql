-- 0005: the safety check of each relationship: which signs of fear or control were
-- present, when it was answered, and the mode the person chose themself, if any.

CREATE TABLE safety_check (
    relationship_id INTEGER PRIMARY KEY REFERENCES relationship (id) ON DELETE CASCADE,
    present         TEXT    NOT NULL DEFAULT '[]',  -- JSON array of sign ids
    checked_at      INTEGER,                        -- none until the check is answered
    chosen_mode     TEXT    CHECK (chosen_mode IN ('repair', 'safety'))
) STRICT;
