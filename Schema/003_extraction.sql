-- What a review extracts: study characteristics, outcomes and their data rows, risk of bias.

-- A characteristic of a study (Table 2 of a review). Latest per (study, name); numbers stay
-- numbers (value_number set), text stays verbatim (value_text always holds what was typed).
CREATE TABLE characteristic (
    id           INTEGER PRIMARY KEY,
    revision     INTEGER NOT NULL REFERENCES revision(id),
    study_id     INTEGER NOT NULL REFERENCES study(id),
    name         TEXT NOT NULL,
    value_text   TEXT,
    value_number REAL
);
CREATE INDEX characteristic_by_study ON characteristic(study_id, name);

-- An outcome, e.g. an adverse-event category, with its default effect measure.
CREATE TABLE outcome (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    name        TEXT NOT NULL UNIQUE,
    measure     TEXT NOT NULL CHECK (measure IN ('OR', 'RR', 'RD', 'PLO', 'PFT', 'GEN'))
);

-- One effect of one study on one outcome, as extracted. Rows are never corrected in place:
-- a correction retracts the row (outcome_row_retraction) and adds a new one.
CREATE TABLE outcome_row (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    study_id    INTEGER NOT NULL REFERENCES study(id),
    outcome_id  INTEGER NOT NULL REFERENCES outcome(id),
    kind        TEXT NOT NULL CHECK (kind IN ('dichotomous', 'generic', 'single-arm')),
    label       TEXT,
    event_name  TEXT,
    year        INTEGER,
    events_t    INTEGER CHECK (events_t >= 0),
    n_t         INTEGER CHECK (n_t >= 0),
    events_c    INTEGER CHECK (events_c >= 0),
    n_c         INTEGER CHECK (n_c >= 0),
    events      INTEGER CHECK (events >= 0),
    n           INTEGER CHECK (n >= 0),
    measure     TEXT,                     -- generic rows: the scale the estimate was reported on
    estimate    REAL,
    ci_lower    REAL,
    ci_upper    REAL,
    yi          REAL,
    sei         REAL,
    source_file TEXT,
    source_line INTEGER
);
CREATE INDEX outcome_row_by_outcome ON outcome_row(outcome_id);

CREATE TABLE outcome_row_retraction (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    row_id      INTEGER NOT NULL REFERENCES outcome_row(id),
    reason      TEXT
);
CREATE INDEX outcome_row_retraction_by_row ON outcome_row_retraction(row_id);

-- A reviewer's risk-of-bias judgement on one domain of one study. Latest per
-- (study, tool, domain, reviewer). Domain 'overall' for RoB 2 is an override of the
-- tool's algorithm; otherwise the overall judgement is derived.
CREATE TABLE rob_judgement (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    study_id    INTEGER NOT NULL REFERENCES study(id),
    tool        TEXT NOT NULL CHECK (tool IN ('rob1', 'rob2')),
    domain      TEXT NOT NULL,
    judgement   TEXT NOT NULL,
    reviewer_id INTEGER NOT NULL REFERENCES reviewer(id),
    support     TEXT
);
CREATE INDEX rob_judgement_by_study ON rob_judgement(study_id, tool, domain);

-- The final word on a risk-of-bias conflict. Latest per (study, tool, domain).
CREATE TABLE rob_resolution (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    study_id    INTEGER NOT NULL REFERENCES study(id),
    tool        TEXT NOT NULL CHECK (tool IN ('rob1', 'rob2')),
    domain      TEXT NOT NULL,
    judgement   TEXT NOT NULL,
    reviewer_id INTEGER NOT NULL REFERENCES reviewer(id),
    consensus   INTEGER NOT NULL CHECK (consensus IN (0, 1)),
    support     TEXT
);

-- A stored pool result: the analysis specification, the revision it read, a hash of its
-- inputs and the exact bytes it printed. A cache that is checked, never the truth.
CREATE TABLE pool_result (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    spec        TEXT NOT NULL,
    at_revision INTEGER NOT NULL REFERENCES revision(id),
    input_hash  TEXT NOT NULL,
    output      TEXT NOT NULL
);

CREATE TRIGGER characteristic_is_history_u BEFORE UPDATE ON characteristic BEGIN SELECT RAISE(ABORT, 'characteristic rows are history and cannot change'); END;
CREATE TRIGGER characteristic_is_history_d BEFORE DELETE ON characteristic BEGIN SELECT RAISE(ABORT, 'characteristic rows are history and cannot change'); END;
CREATE TRIGGER outcome_is_history_u BEFORE UPDATE ON outcome BEGIN SELECT RAISE(ABORT, 'outcome rows are history and cannot change'); END;
CREATE TRIGGER outcome_is_history_d BEFORE DELETE ON outcome BEGIN SELECT RAISE(ABORT, 'outcome rows are history and cannot change'); END;
CREATE TRIGGER outcome_row_is_history_u BEFORE UPDATE ON outcome_row BEGIN SELECT RAISE(ABORT, 'outcome_row rows are history and cannot change'); END;
CREATE TRIGGER outcome_row_is_history_d BEFORE DELETE ON outcome_row BEGIN SELECT RAISE(ABORT, 'outcome_row rows are history and cannot change'); END;
CREATE TRIGGER outcome_row_retraction_is_history_u BEFORE UPDATE ON outcome_row_retraction BEGIN SELECT RAISE(ABORT, 'outcome_row_retraction rows are history and cannot change'); END;
CREATE TRIGGER outcome_row_retraction_is_history_d BEFORE DELETE ON outcome_row_retraction BEGIN SELECT RAISE(ABORT, 'outcome_row_retraction rows are history and cannot change'); END;
CREATE TRIGGER rob_judgement_is_history_u BEFORE UPDATE ON rob_judgement BEGIN SELECT RAISE(ABORT, 'rob_judgement rows are history and cannot change'); END;
CREATE TRIGGER rob_judgement_is_history_d BEFORE DELETE ON rob_judgement BEGIN SELECT RAISE(ABORT, 'rob_judgement rows are history and cannot change'); END;
CREATE TRIGGER rob_resolution_is_history_u BEFORE UPDATE ON rob_resolution BEGIN SELECT RAISE(ABORT, 'rob_resolution rows are history and cannot change'); END;
CREATE TRIGGER rob_resolution_is_history_d BEFORE DELETE ON rob_resolution BEGIN SELECT RAISE(ABORT, 'rob_resolution rows are history and cannot change'); END;
CREATE TRIGGER pool_result_is_history_u BEFORE UPDATE ON pool_result BEGIN SELECT RAISE(ABORT, 'pool_result rows are history and cannot change'); END;
CREATE TRIGGER pool_result_is_history_d BEFORE DELETE ON pool_result BEGIN SELECT RAISE(ABORT, 'pool_result rows are history and cannot change'); END;
