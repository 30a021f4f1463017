-- Served mode (`livrev serve`): who may do what, and how they sign in. Both are history: a new
-- role or a new password is a newer row for the same reviewer, never an UPDATE.

-- A reviewer's role from this row's revision on: 'reviewer' screens and judges, 'arbiter' also
-- resolves conflicts, 'lead' also adds reviewers and changes roles in the server. Without a row
-- the role is reviewer.role (a 'lead' is written there as 'arbiter', which it includes).
CREATE TABLE reviewer_role (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    reviewer_id INTEGER NOT NULL REFERENCES reviewer(id),
    role        TEXT NOT NULL CHECK (role IN ('reviewer', 'arbiter', 'lead'))
);
CREATE INDEX reviewer_role_by_reviewer ON reviewer_role(reviewer_id);

-- A reviewer's password from this row's revision on, as a slow salted hash (bcrypt, "$2b$…").
-- The password itself is never stored, and never appears in a revision's command line.
CREATE TABLE reviewer_password (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    reviewer_id INTEGER NOT NULL REFERENCES reviewer(id),
    hash        TEXT NOT NULL CHECK (hash LIKE '$2%')
);
CREATE INDEX reviewer_password_by_reviewer ON reviewer_password(reviewer_id);

CREATE TRIGGER reviewer_role_is_history_u BEFORE UPDATE ON reviewer_role BEGIN SELECT RAISE(ABORT, 'reviewer_role rows are history and cannot change'); END;
CREATE TRIGGER reviewer_role_is_history_d BEFORE DELETE ON reviewer_role BEGIN SELECT RAISE(ABORT, 'reviewer_role rows are history and cannot change'); END;
CREATE TRIGGER reviewer_password_is_history_u BEFORE UPDATE ON reviewer_password BEGIN SELECT RAISE(ABORT, 'reviewer_password rows are history and cannot change'); END;
CREATE TRIGGER reviewer_password_is_history_d BEFORE DELETE ON reviewer_password BEGIN SELECT RAISE(ABORT, 'reviewer_password rows are history and cannot change'); END;
