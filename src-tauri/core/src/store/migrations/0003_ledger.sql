-- 0003: the commitments ledger: reminder settings per commitment, and each due
-- occurrence as logged (kept, partly, missed, or renegotiated).

ALTER TABLE commitment ADD COLUMN due_time TEXT;                     -- HH:MM, local
ALTER TABLE commitment ADD COLUMN remind INTEGER NOT NULL DEFAULT 0;
ALTER TABLE commitment ADD COLUMN show_details INTEGER NOT NULL DEFAULT 0;

CREATE TABLE occurrence (
    commitment_id INTEGER NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
    due_on        TEXT    NOT NULL,          -- YYYY-MM-DD
    status        TEXT    NOT NULL CHECK (status IN ('kept', 'partly', 'missed', 'renegotiated')),
    ahead         INTEGER NOT NULL,          -- logged on or before the day it was due
    note          TEXT    NOT NULL DEFAULT '',
    logged_at     INTEGER NOT NULL,
    PRIMARY KEY (commitment_id, due_on)
) STRICT;
