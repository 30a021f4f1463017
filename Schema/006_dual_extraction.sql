-- Dual extraction: each extractor's own values, the arbiter's resolutions, and the review's mode.
--
-- A value row is keyed by (study, outcome, label) for outcome data and (study, name) for a
-- characteristic. What counts (pool, check, report, export) is derived, never typed in: a key is
-- consolidated when two extractors' current entries are identical, when an arbiter resolved it,
-- or when it was recorded directly (outcome_row and characteristic: single mode, `--final`); an
-- extractor's entry newer than a resolution or a direct record makes the key pending again
-- unless it agrees with it. The rules live in LivrevStore/Extraction/.

-- How this review records new extraction. Latest row wins; a registry without one is 'single'
-- (files made before dual extraction existed keep working as they did).
CREATE TABLE extraction_mode (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    mode        TEXT NOT NULL CHECK (mode IN ('single', 'dual'))
);

-- One extractor's entry of one outcome row. Latest per (extractor, study, outcome, label);
-- withdrawn = 1 says that extractor no longer has the row (a --replace that left it out).
CREATE TABLE outcome_entry (
    id           INTEGER PRIMARY KEY,
    revision     INTEGER NOT NULL REFERENCES revision(id),
    extractor_id INTEGER NOT NULL REFERENCES reviewer(id),
    study_id     INTEGER NOT NULL REFERENCES study(id),
    outcome_id   INTEGER NOT NULL REFERENCES outcome(id),
    label        TEXT,
    withdrawn    INTEGER NOT NULL CHECK (withdrawn IN (0, 1)),
    kind         TEXT CHECK (kind IN ('dichotomous', 'generic', 'single-arm')),
    event_name   TEXT,
    year         INTEGER,
    events_t     INTEGER CHECK (events_t >= 0),
    n_t          INTEGER CHECK (n_t >= 0),
    events_c     INTEGER CHECK (events_c >= 0),
    n_c          INTEGER CHECK (n_c >= 0),
    events       INTEGER CHECK (events >= 0),
    n            INTEGER CHECK (n >= 0),
    measure      TEXT,
    estimate     REAL,
    ci_lower     REAL,
    ci_upper     REAL,
    yi           REAL,
    sei          REAL,
    source_file  TEXT,
    source_line  INTEGER
);
CREATE INDEX outcome_entry_by_outcome ON outcome_entry(outcome_id, study_id);

-- An arbiter's final word on a discrepancy in one outcome row. Latest per (study, outcome, label).
-- accepted_id names the extractor whose values were taken (NULL: typed by value); kind NULL
-- says the row does not exist (an extractor's extra row rejected).
CREATE TABLE outcome_resolution (
    id           INTEGER PRIMARY KEY,
    revision     INTEGER NOT NULL REFERENCES revision(id),
    reviewer_id  INTEGER NOT NULL REFERENCES reviewer(id),
    study_id     INTEGER NOT NULL REFERENCES study(id),
    outcome_id   INTEGER NOT NULL REFERENCES outcome(id),
    label        TEXT,
    accepted_id  INTEGER REFERENCES reviewer(id),
    kind         TEXT CHECK (kind IN ('dichotomous', 'generic', 'single-arm')),
    event_name   TEXT,
    year         INTEGER,
    events_t     INTEGER CHECK (events_t >= 0),
    n_t          INTEGER CHECK (n_t >= 0),
    events_c     INTEGER CHECK (events_c >= 0),
    n_c          INTEGER CHECK (n_c >= 0),
    events       INTEGER CHECK (events >= 0),
    n            INTEGER CHECK (n >= 0),
    measure      TEXT,
    estimate     REAL,
    ci_lower     REAL,
    ci_upper     REAL,
    yi           REAL,
    sei          REAL
);
CREATE INDEX outcome_resolution_by_outcome ON outcome_resolution(outcome_id, study_id);

-- One extractor's value of one study characteristic. Latest per (extractor, study, name);
-- value_text NULL withdraws it.
CREATE TABLE characteristic_entry (
    id           INTEGER PRIMARY KEY,
    revision     INTEGER NOT NULL REFERENCES revision(id),
    extractor_id INTEGER NOT NULL REFERENCES reviewer(id),
    study_id     INTEGER NOT NULL REFERENCES study(id),
    name         TEXT NOT NULL,
    value_text   TEXT,
    value_number REAL
);
CREATE INDEX characteristic_entry_by_study ON characteristic_entry(study_id, name);

-- An arbiter's final word on a characteristic. Latest per (study, name); value_text NULL says the
-- study has no such value.
CREATE TABLE characteristic_resolution (
    id           INTEGER PRIMARY KEY,
    revision     INTEGER NOT NULL REFERENCES revision(id),
    reviewer_id  INTEGER NOT NULL REFERENCES reviewer(id),
    study_id     INTEGER NOT NULL REFERENCES study(id),
    name         TEXT NOT NULL,
    accepted_id  INTEGER REFERENCES reviewer(id),
    value_text   TEXT,
    value_number REAL
);
CREATE INDEX characteristic_resolution_by_study ON characteristic_resolution(study_id, name);

CREATE TRIGGER extraction_mode_is_history_u BEFORE UPDATE ON extraction_mode BEGIN SELECT RAISE(ABORT, 'extraction_mode rows are history and cannot change'); END;
CREATE TRIGGER extraction_mode_is_history_d BEFORE DELETE ON extraction_mode BEGIN SELECT RAISE(ABORT, 'extraction_mode rows are history and cannot change'); END;
CREATE TRIGGER outcome_entry_is_history_u BEFORE UPDATE ON outcome_entry BEGIN SELECT RAISE(ABORT, 'outcome_entry rows are history and cannot change'); END;
CREATE TRIGGER outcome_entry_is_history_d BEFORE DELETE ON outcome_entry BEGIN SELECT RAISE(ABORT, 'outcome_entry rows are history and cannot change'); END;
CREATE TRIGGER outcome_resolution_is_history_u BEFORE UPDATE ON outcome_resolution BEGIN SELECT RAISE(ABORT, 'outcome_resolution rows are history and cannot change'); END;
CREATE TRIGGER outcome_resolution_is_history_d BEFORE DELETE ON outcome_resolution BEGIN SELECT RAISE(ABORT, 'outcome_resolution rows are history and cannot change'); END;
CREATE TRIGGER characteristic_entry_is_history_u BEFORE UPDATE ON characteristic_entry BEGIN SELECT RAISE(ABORT, 'characteristic_entry rows are history and cannot change'); END;
CREATE TRIGGER characteristic_entry_is_history_d BEFORE DELETE ON characteristic_entry BEGIN SELECT RAISE(ABORT, 'characteristic_entry rows are history and cannot change'); END;
CREATE TRIGGER characteristic_resolution_is_history_u BEFORE UPDATE ON characteristic_resolution BEGIN SELECT RAISE(ABORT, 'characteristic_resolution rows are history and cannot change'); END;
CREATE TRIGGER characteristic_resolution_is_history_d BEFORE DELETE ON characteristic_resolution BEGIN SELECT RAISE(ABORT, 'characteristic_resolution rows are history and cannot change'); END;
