-- A cache of each record's derived state at the head revision, so that `prisma` and
-- `screen next` need not re-derive 100,000 records from their decisions. It is not history:
-- it has no revision column, is not sealed, and is rewritten by every write for the records
-- that write touched. `as_of` says which revision it reflects; a cache that does not match the
-- head is ignored by reads and rebuilt from the facts by the next write.

CREATE TABLE record_state (
    record_id   INTEGER PRIMARY KEY,
    search_id   INTEGER NOT NULL,
    status      TEXT NOT NULL,
    reason      TEXT,                   -- the full-text exclusion reason, for excluded-full-text
    study_id    INTEGER
);
CREATE INDEX record_state_by_status ON record_state(status, record_id);

CREATE TABLE record_state_head (
    as_of       INTEGER NOT NULL
);
INSERT INTO record_state_head (as_of) VALUES (0);
