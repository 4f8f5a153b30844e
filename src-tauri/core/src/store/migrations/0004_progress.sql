-- 0004: evidence of progress: checklist marks and the evidence linked to them, ABCD
-- ratings, the decider's trust level, decision reviews, and each relationship's
-- check-in schedule.

-- A checklist step the person has marked done (repairer) or observed (decider).
CREATE TABLE step_mark (
    relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
    framework_id    TEXT    NOT NULL,
    step_id         TEXT    NOT NULL,
    marked_on       TEXT    NOT NULL,        -- YYYY-MM-DD
    note            TEXT    NOT NULL DEFAULT '',
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (relationship_id, framework_id, step_id)
) STRICT;

-- Something that shows a step happened: an entry, a marked event, or a logged occurrence
-- of a commitment. A link disappears with the thing it points to.
CREATE TABLE step_evidence (
    id              INTEGER PRIMARY KEY,
    relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
    framework_id    TEXT    NOT NULL,
    step_id         TEXT    NOT NULL,
    entry_id        INTEGER REFERENCES entry (id) ON DELETE CASCADE,
    event_id        INTEGER REFERENCES relationship_event (id) ON DELETE CASCADE,
    commitment_id   INTEGER,
    due_on          TEXT,
    created_at      INTEGER NOT NULL,
    FOREIGN KEY (commitment_id, due_on) REFERENCES occurrence (commitment_id, due_on) ON DELETE CASCADE,
    CHECK ((entry_id IS NOT NULL) + (event_id IS NOT NULL) + (commitment_id IS NOT NULL) = 1),
    CHECK ((commitment_id IS NULL) = (due_on IS NULL))
) STRICT;
CREATE INDEX step_evidence_by_step ON step_evidence (relationship_id, framework_id, step_id);
CREATE UNIQUE INDEX step_evidence_entry ON step_evidence (relationship_id, framework_id, step_id, entry_id)
    WHERE entry_id IS NOT NULL;
CREATE UNIQUE INDEX step_evidence_event ON step_evidence (relationship_id, framework_id, step_id, event_id)
    WHERE event_id IS NOT NULL;
CREATE UNIQUE INDEX step_evidence_occurrence ON step_evidence (relationship_id, framework_id, step_id, commitment_id, due_on)
    WHERE commitment_id IS NOT NULL;
CREATE INDEX step_evidence_by_entry ON step_evidence (entry_id);
CREATE INDEX step_evidence_by_event ON step_evidence (event_id);
CREATE INDEX step_evidence_by_occurrence ON step_evidence (commitment_id, due_on);

-- One ABCD check-in per relationship and day: item id -> 1..5, as a JSON object.
CREATE TABLE rating (
    relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
    rated_on        TEXT    NOT NULL,        -- YYYY-MM-DD
    answers         TEXT    NOT NULL,
    note            TEXT    NOT NULL DEFAULT '',
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (relationship_id, rated_on)
) STRICT;

-- The decider's overall trust, 0 to 10, at most one per day.
CREATE TABLE trust_level (
    relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
    rated_on        TEXT    NOT NULL,        -- YYYY-MM-DD
    level           INTEGER NOT NULL CHECK (level BETWEEN 0 AND 10),
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (relationship_id, rated_on)
) STRICT;

-- A decision review: where the decider stands, and why.
CREATE TABLE decision (
    id              INTEGER PRIMARY KEY,
    relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
    decided_on      TEXT    NOT NULL,        -- YYYY-MM-DD
    choice          TEXT    NOT NULL CHECK (choice IN ('extend', 'hold', 'pause', 'stepAway')),
    reasons         TEXT    NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX decision_by_date ON decision (relationship_id, decided_on);

-- How often the person wants to check in on a relationship, and whether to be reminded.
CREATE TABLE checkin_schedule (
    relationship_id INTEGER PRIMARY KEY REFERENCES relationship (id) ON DELETE CASCADE,
    rrule           TEXT    NOT NULL,
    starts_on       TEXT    NOT NULL,        -- YYYY-MM-DD
    at              TEXT    NOT NULL,        -- HH:MM, local
    remind          INTEGER NOT NULL
) STRICT;

-- Checklists list the days each step was answered: cover the entry's time in the index.
DROP INDEX entry_by_step;
CREATE INDEX entry_by_step ON entry (relationship_id, framework_id, step_id, created_at);
