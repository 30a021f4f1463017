-- What a reviewer reaches for while screening: withdrawing a decision, notes on a record,
-- the review's exclusion reasons, and the terms highlighted on a record card. All history:
-- a removal is a newer row (active = 0 or a withdrawal), never an UPDATE or DELETE.

-- A withdrawn vote: the reviewer's decision on (record, stage) recorded before this row's
-- revision no longer counts; the decision row stays in history. A later decision counts again.
CREATE TABLE decision_withdrawal (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    record_id   INTEGER NOT NULL REFERENCES record(id),
    stage       TEXT NOT NULL CHECK (stage IN ('title-abstract', 'full-text')),
    reviewer_id INTEGER NOT NULL REFERENCES reviewer(id)
);
CREATE INDEX decision_withdrawal_by_record ON decision_withdrawal(record_id, stage, reviewer_id);

-- A reviewer's note on a record. Shown to its author and to arbiters, never to the other
-- screener (a note may say how its author voted).
CREATE TABLE record_note (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    record_id   INTEGER NOT NULL REFERENCES record(id),
    reviewer_id INTEGER NOT NULL REFERENCES reviewer(id),
    text        TEXT NOT NULL
);
CREATE INDEX record_note_by_record ON record_note(record_id);

-- The review's full-text exclusion reasons, set once and offered wherever a reason is asked
-- for. Latest row per reason wins; active = 0 removes it from the list.
CREATE TABLE exclusion_reason (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    reason      TEXT NOT NULL,
    active      INTEGER NOT NULL CHECK (active IN (0, 1))
);

-- Words highlighted on a record card (terminal and served mode): 'include' terms suggest a
-- relevant record, 'exclude' terms an irrelevant one. Latest row per (list, term) wins.
CREATE TABLE screening_term (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    list        TEXT NOT NULL CHECK (list IN ('include', 'exclude')),
    term        TEXT NOT NULL,
    active      INTEGER NOT NULL CHECK (active IN (0, 1))
);

CREATE TRIGGER decision_withdrawal_is_history_u BEFORE UPDATE ON decision_withdrawal BEGIN SELECT RAISE(ABORT, 'decision_withdrawal rows are history and cannot change'); END;
CREATE TRIGGER decision_withdrawal_is_history_d BEFORE DELETE ON decision_withdrawal BEGIN SELECT RAISE(ABORT, 'decision_withdrawal rows are history and cannot change'); END;
CREATE TRIGGER record_note_is_history_u BEFORE UPDATE ON record_note BEGIN SELECT RAISE(ABORT, 'record_note rows are history and cannot change'); END;
CREATE TRIGGER record_note_is_history_d BEFORE DELETE ON record_note BEGIN SELECT RAISE(ABORT, 'record_note rows are history and cannot change'); END;
CREATE TRIGGER exclusion_reason_is_history_u BEFORE UPDATE ON exclusion_reason BEGIN SELECT RAISE(ABORT, 'exclusion_reason rows are history and cannot change'); END;
CREATE TRIGGER exclusion_reason_is_history_d BEFORE DELETE ON exclusion_reason BEGIN SELECT RAISE(ABORT, 'exclusion_reason rows are history and cannot change'); END;
CREATE TRIGGER screening_term_is_history_u BEFORE UPDATE ON screening_term BEGIN SELECT RAISE(ABORT, 'screening_term rows are history and cannot change'); END;
CREATE TRIGGER screening_term_is_history_d BEFORE DELETE ON screening_term BEGIN SELECT RAISE(ABORT, 'screening_term rows are history and cannot change'); END;
