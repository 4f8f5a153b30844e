-- Migration 0009: the highest share number ever kept from each sender, per relationship.
-- Replays were checked against the shares still kept, so deleting every share from a
-- sender let an older file from them be accepted again. The mark outlives the shares it
-- counts and goes with the relationship; it holds a public code and a number, no words.
CREATE TABLE share_sender_mark (
    relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
    sender          TEXT NOT NULL,
    last_sequence   INTEGER NOT NULL,
    PRIMARY KEY (relationship_id, sender)
) WITHOUT ROWID;

CREATE INDEX share_sender_mark_by_sender ON share_sender_mark (sender);

INSERT INTO share_sender_mark (relationship_id, sender, last_sequence)
    SELECT relationship_id, sender, max(sequence) FROM received_share
    GROUP BY relationship_id, sender;
