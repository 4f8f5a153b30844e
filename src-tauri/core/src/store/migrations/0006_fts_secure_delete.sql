-- 0006: the search index forgets deleted and edited text. With FTS5's secure-delete
-- option, removing an entry's words from the index overwrites them in its segments
-- instead of leaving them until the next merge. Rebuilding once clears what earlier
-- deletions and edits left behind; optimising merges the index into one segment.

INSERT INTO entry_fts (entry_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO entry_fts (entry_fts) VALUES ('rebuild');
INSERT INTO entry_fts (entry_fts) VALUES ('optimize');
