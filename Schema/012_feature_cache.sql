-- A cache of the TF-IDF rows of the set of records last ranked for screening (the records of the
-- review's current searches that are not duplicates), so that a ranking in a new process reads
-- them instead of weighting every record's terms again (see 011 for the terms themselves).
--
-- Weighting depends on the whole set (document frequencies, the columns' numbering), so it holds
-- one set at a time: the record ids it was made from are its first part, and a ranking of any
-- other set (after an import or a duplicate mark) weights that set and replaces the cache. Like
-- 004 and 011 it is derived data, not history: no revision column, outside every seal, written
-- outside revisions when the write lock is free at once; `verify` checks it against the records'
-- texts. Rows of another `featuriser` or `weighting` version are never read.

-- The versions that wrote the parts, and the number of columns (terms kept) and of shared ones.
CREATE TABLE feature_rows_head (
    featuriser          INTEGER NOT NULL,
    weighting           INTEGER NOT NULL,
    term_count          INTEGER NOT NULL,
    shared_term_count   INTEGER NOT NULL
);

-- The arrays of `TextFeatures`, each as its elements' little-endian bytes: 1 the record ids
-- (8 bytes each, ascending), 2 where each row's entries start, and their end (8 bytes), 3 each
-- row's private mass (8-byte doubles), 4 the entries' columns (4 bytes), 5 their values (4-byte
-- floats). One part a row, so each is read from its own overflow pages alone.
CREATE TABLE feature_rows (
    part    INTEGER PRIMARY KEY,
    bytes   BLOB NOT NULL
);
