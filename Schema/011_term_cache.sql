-- A cache of each record's tokenised title and abstract (its distinct terms, hashed, with their
-- counts), so that ranking records for screening in a new process need not tokenise every record
-- again. Records are never edited, so a record's entry, once written, holds for good.
--
-- Like the record-state cache (004) it is derived data, not history: it has no revision column,
-- so it is outside every revision's seal, and it is written outside revisions (by the first
-- ranking that finds records missing, when it can take the write lock at once; never waited for).
-- `verify` checks it against the records' texts, so a hand edit to it fails there as an edit to
-- a fact does. Rows of another `featuriser` (a tokeniser version) are never read: a livrev whose
-- tokeniser differs treats them as missing and replaces them.

-- Term ids: the term hashes in the order they were first cached, `term_count` 8-byte little-endian
-- hashes per row, ids `first_id ..< first_id + term_count`.
CREATE TABLE term_vocabulary (
    featuriser  INTEGER NOT NULL,
    first_id    INTEGER NOT NULL,
    term_count  INTEGER NOT NULL,
    hashes      BLOB NOT NULL,
    PRIMARY KEY (featuriser, first_id)
);

-- Per record, its distinct terms in order of first appearance (unigrams, then bigrams), each as
-- the varint `id · 2 + (count > 1)`, followed by the varint `count` when that bit is set.
CREATE TABLE record_terms (
    record_id   INTEGER PRIMARY KEY REFERENCES record(id),
    featuriser  INTEGER NOT NULL,
    terms       BLOB NOT NULL
);
