-- An outcome's sequential-monitoring plan (trial sequential analysis): the anticipated control
-- risk (NULL: the control arms' pooled proportion), relative risk reduction, errors and the
-- heterogeneity adjustment. Latest row per outcome wins, so every snapshot is monitored with the
-- plan that stood then, and a changed plan is history like everything else.
CREATE TABLE analysis_plan (
    id           INTEGER PRIMARY KEY,
    revision     INTEGER NOT NULL REFERENCES revision(id),
    outcome_id   INTEGER NOT NULL REFERENCES outcome(id),
    control_risk REAL CHECK (control_risk IS NULL OR (control_risk > 0 AND control_risk < 1)),
    rrr          REAL NOT NULL CHECK (rrr > -1 AND rrr < 1 AND rrr <> 0),
    alpha        REAL NOT NULL CHECK (alpha > 0 AND alpha < 1),
    power        REAL NOT NULL CHECK (power > 0 AND power < 1),
    adjustment   TEXT NOT NULL CHECK (adjustment IN ('d2', 'i2', 'none'))
);
CREATE INDEX analysis_plan_by_outcome ON analysis_plan(outcome_id);

CREATE TRIGGER analysis_plan_is_history_u BEFORE UPDATE ON analysis_plan BEGIN SELECT RAISE(ABORT, 'analysis_plan rows are history and cannot change'); END;
CREATE TRIGGER analysis_plan_is_history_d BEFORE DELETE ON analysis_plan BEGIN SELECT RAISE(ABORT, 'analysis_plan rows are history and cannot change'); END;
