-- livrev registry, first layout: search runs, records, dual screening, studies.
--
-- History is the database. Every writing command inserts one `revision` row and
-- then only appends fact rows that carry it. Nothing is ever updated or deleted:
-- a correction is a newer row for the same key (the highest id wins), and the
-- triggers at the end refuse UPDATE and DELETE on every table. The state "as of"
-- revision R is the latest row per key among rows with revision <= R.

CREATE TABLE revision (
    id          INTEGER PRIMARY KEY,
    created_at  TEXT NOT NULL,            -- UTC, ISO 8601 with milliseconds
    reviewer    TEXT,                     -- the acting reviewer (--as), when one was given
    command     TEXT NOT NULL             -- the command line, shell-quoted
);

-- The review itself; the latest row holds the title.
CREATE TABLE review (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    title       TEXT NOT NULL
);

CREATE TABLE reviewer (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    name        TEXT NOT NULL UNIQUE,
    role        TEXT NOT NULL CHECK (role IN ('reviewer', 'arbiter'))
);

-- A search run. kind 'previous' holds the reports of studies included in the
-- previous version of the review: they are not screened again and are counted
-- in PRISMA's previous-version boxes, not under identification.
CREATE TABLE search (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    source      TEXT NOT NULL,
    searched_on TEXT NOT NULL,
    query       TEXT,
    kind        TEXT NOT NULL CHECK (kind IN ('database', 'register', 'previous'))
);

CREATE TABLE record (
    id               INTEGER PRIMARY KEY,
    revision         INTEGER NOT NULL REFERENCES revision(id),
    search_id        INTEGER NOT NULL REFERENCES search(id),
    title            TEXT NOT NULL,
    abstract         TEXT,
    authors          TEXT,                -- one author per line, as written in the export
    year             INTEGER,
    journal          TEXT,
    doi              TEXT,                -- normalized: lower case, no resolver prefix
    pmid             TEXT,
    registry_numbers TEXT,                -- NCT numbers, space-separated
    source_file      TEXT,
    source_line      INTEGER
);

-- Duplicate marks. The latest row per record wins; duplicate_of NULL undoes a mark
-- (and keeps dedup from marking that record again).
CREATE TABLE duplicate_mark (
    id           INTEGER PRIMARY KEY,
    revision     INTEGER NOT NULL REFERENCES revision(id),
    record_id    INTEGER NOT NULL REFERENCES record(id),
    duplicate_of INTEGER REFERENCES record(id),
    reason       TEXT NOT NULL
);
CREATE INDEX duplicate_mark_by_record ON duplicate_mark(record_id);

-- A reviewer's vote on a record at a stage. The latest row per
-- (record, stage, reviewer) is that reviewer's current decision.
CREATE TABLE decision (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    record_id   INTEGER NOT NULL REFERENCES record(id),
    stage       TEXT NOT NULL CHECK (stage IN ('title-abstract', 'full-text')),
    reviewer_id INTEGER NOT NULL REFERENCES reviewer(id),
    decision    TEXT NOT NULL CHECK (decision IN ('include', 'exclude', 'maybe')),
    reason      TEXT
);
CREATE INDEX decision_by_record ON decision(record_id, stage, reviewer_id);
CREATE INDEX decision_by_reviewer ON decision(reviewer_id, stage, record_id);

-- The final word on a conflict, by an arbiter or by consensus. Latest per (record, stage).
CREATE TABLE resolution (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    record_id   INTEGER NOT NULL REFERENCES record(id),
    stage       TEXT NOT NULL CHECK (stage IN ('title-abstract', 'full-text')),
    reviewer_id INTEGER NOT NULL REFERENCES reviewer(id),
    decision    TEXT NOT NULL CHECK (decision IN ('include', 'exclude', 'maybe')),
    reason      TEXT,
    consensus   INTEGER NOT NULL CHECK (consensus IN (0, 1))
);
CREATE INDEX resolution_by_record ON resolution(record_id, stage);

-- Full-text retrieval. Latest per record; retrieved = 0 is PRISMA's "not retrieved".
CREATE TABLE retrieval (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    record_id   INTEGER NOT NULL REFERENCES record(id),
    retrieved   INTEGER NOT NULL CHECK (retrieved IN (0, 1)),
    reason      TEXT
);
CREATE INDEX retrieval_by_record ON retrieval(record_id);

CREATE TABLE study (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    key         TEXT NOT NULL UNIQUE
);

-- Which study a record (report) belongs to. Latest per record; study_id NULL unlinks.
CREATE TABLE study_report (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    record_id   INTEGER NOT NULL REFERENCES record(id),
    study_id    INTEGER REFERENCES study(id)
);
CREATE INDEX study_report_by_record ON study_report(record_id);

-- The previous version's flow counts as published (typed in, never derived).
-- Latest per stage.
CREATE TABLE previous_count (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    stage       TEXT NOT NULL,
    count       INTEGER NOT NULL CHECK (count >= 0),
    note        TEXT
);

-- History is append-only: no code path can rewrite it.
CREATE TRIGGER revision_is_history_u BEFORE UPDATE ON revision BEGIN SELECT RAISE(ABORT, 'revision rows are history and cannot change'); END;
CREATE TRIGGER revision_is_history_d BEFORE DELETE ON revision BEGIN SELECT RAISE(ABORT, 'revision rows are history and cannot change'); END;
CREATE TRIGGER review_is_history_u BEFORE UPDATE ON review BEGIN SELECT RAISE(ABORT, 'review rows are history and cannot change'); END;
CREATE TRIGGER review_is_history_d BEFORE DELETE ON review BEGIN SELECT RAISE(ABORT, 'review rows are history and cannot change'); END;
CREATE TRIGGER reviewer_is_history_u BEFORE UPDATE ON reviewer BEGIN SELECT RAISE(ABORT, 'reviewer rows are history and cannot change'); END;
CREATE TRIGGER reviewer_is_history_d BEFORE DELETE ON reviewer BEGIN SELECT RAISE(ABORT, 'reviewer rows are history and cannot change'); END;
CREATE TRIGGER search_is_history_u BEFORE UPDATE ON search BEGIN SELECT RAISE(ABORT, 'search rows are history and cannot change'); END;
CREATE TRIGGER search_is_history_d BEFORE DELETE ON search BEGIN SELECT RAISE(ABORT, 'search rows are history and cannot change'); END;
CREATE TRIGGER record_is_history_u BEFORE UPDATE ON record BEGIN SELECT RAISE(ABORT, 'record rows are history and cannot change'); END;
CREATE TRIGGER record_is_history_d BEFORE DELETE ON record BEGIN SELECT RAISE(ABORT, 'record rows are history and cannot change'); END;
CREATE TRIGGER duplicate_mark_is_history_u BEFORE UPDATE ON duplicate_mark BEGIN SELECT RAISE(ABORT, 'duplicate_mark rows are history and cannot change'); END;
CREATE TRIGGER duplicate_mark_is_history_d BEFORE DELETE ON duplicate_mark BEGIN SELECT RAISE(ABORT, 'duplicate_mark rows are history and cannot change'); END;
CREATE TRIGGER decision_is_history_u BEFORE UPDATE ON decision BEGIN SELECT RAISE(ABORT, 'decision rows are history and cannot change'); END;
CREATE TRIGGER decision_is_history_d BEFORE DELETE ON decision BEGIN SELECT RAISE(ABORT, 'decision rows are history and cannot change'); END;
CREATE TRIGGER resolution_is_history_u BEFORE UPDATE ON resolution BEGIN SELECT RAISE(ABORT, 'resolution rows are history and cannot change'); END;
CREATE TRIGGER resolution_is_history_d BEFORE DELETE ON resolution BEGIN SELECT RAISE(ABORT, 'resolution rows are history and cannot change'); END;
CREATE TRIGGER retrieval_is_history_u BEFORE UPDATE ON retrieval BEGIN SELECT RAISE(ABORT, 'retrieval rows are history and cannot change'); END;
CREATE TRIGGER retrieval_is_history_d BEFORE DELETE ON retrieval BEGIN SELECT RAISE(ABORT, 'retrieval rows are history and cannot change'); END;
CREATE TRIGGER study_is_history_u BEFORE UPDATE ON study BEGIN SELECT RAISE(ABORT, 'study rows are history and cannot change'); END;
CREATE TRIGGER study_is_history_d BEFORE DELETE ON study BEGIN SELECT RAISE(ABORT, 'study rows are history and cannot change'); END;
CREATE TRIGGER study_report_is_history_u BEFORE UPDATE ON study_report BEGIN SELECT RAISE(ABORT, 'study_report rows are history and cannot change'); END;
CREATE TRIGGER study_report_is_history_d BEFORE DELETE ON study_report BEGIN SELECT RAISE(ABORT, 'study_report rows are history and cannot change'); END;
CREATE TRIGGER previous_count_is_history_u BEFORE UPDATE ON previous_count BEGIN SELECT RAISE(ABORT, 'previous_count rows are history and cannot change'); END;
CREATE TRIGGER previous_count_is_history_d BEFORE DELETE ON previous_count BEGIN SELECT RAISE(ABORT, 'previous_count rows are history and cannot change'); END;
