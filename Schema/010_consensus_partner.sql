-- A consensus names both reviewers: the one who records it (the resolution's reviewer_id) and the
-- other one who agreed (`resolve --consensus --as ana --with ben`). One row per partner of a
-- consensus resolution, screening (`resolution`) or risk of bias (`rob_resolution`).
CREATE TABLE consensus_partner (
    id             INTEGER PRIMARY KEY,
    revision       INTEGER NOT NULL REFERENCES revision(id),
    resolved_table TEXT NOT NULL CHECK (resolved_table IN ('resolution', 'rob_resolution')),
    resolved_id    INTEGER NOT NULL,
    reviewer_id    INTEGER NOT NULL REFERENCES reviewer(id)
);
CREATE INDEX consensus_partner_by_resolution ON consensus_partner(resolved_table, resolved_id);

CREATE TRIGGER consensus_partner_is_history_u BEFORE UPDATE ON consensus_partner BEGIN SELECT RAISE(ABORT, 'consensus_partner rows are history and cannot change'); END;
CREATE TRIGGER consensus_partner_is_history_d BEFORE DELETE ON consensus_partner BEGIN SELECT RAISE(ABORT, 'consensus_partner rows are history and cannot change'); END;
