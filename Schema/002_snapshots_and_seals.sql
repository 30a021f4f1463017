-- Named versions of the review, and the seal that makes hand edits evident.

-- A snapshot names the registry as it was at one revision (at_revision, the head when
-- it was taken). Creating one copies nothing: every read "as of" it is bounded by
-- at_revision. Names are unique and, like every fact, immutable.
CREATE TABLE snapshot (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES revision(id),
    name        TEXT NOT NULL UNIQUE,
    at_revision INTEGER NOT NULL REFERENCES revision(id),
    note        TEXT
);

-- One seal per revision: BLAKE2b over the previous seal, the revision row and every
-- fact row the revision added. `livrev verify` recomputes the chain.
CREATE TABLE revision_seal (
    revision    INTEGER PRIMARY KEY REFERENCES revision(id),
    hash        TEXT NOT NULL
);

CREATE TRIGGER snapshot_is_history_u BEFORE UPDATE ON snapshot BEGIN SELECT RAISE(ABORT, 'snapshot rows are history and cannot change'); END;
CREATE TRIGGER snapshot_is_history_d BEFORE DELETE ON snapshot BEGIN SELECT RAISE(ABORT, 'snapshot rows are history and cannot change'); END;
CREATE TRIGGER revision_seal_is_history_u BEFORE UPDATE ON revision_seal BEGIN SELECT RAISE(ABORT, 'revision_seal rows are history and cannot change'); END;
CREATE TRIGGER revision_seal_is_history_d BEFORE DELETE ON revision_seal BEGIN SELECT RAISE(ABORT, 'revision_seal rows are history and cannot change'); END;
