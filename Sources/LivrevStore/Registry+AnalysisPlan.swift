/// An outcome's stored sequential-monitoring plan, as `outcome plan` recorded it.
package struct StoredAnalysisPlan: Equatable, Sendable {
    package var outcome: String
    /// nil: the control arms' pooled proportion.
    package var controlRisk: Double?
    package var relativeRiskReduction: Double
    package var alpha: Double
    package var power: Double
    /// "d2", "i2" or "none".
    package var adjustment: String

    package init(
        outcome: String, controlRisk: Double?, relativeRiskReduction: Double, alpha: Double, power: Double,
        adjustment: String
    ) {
        self.outcome = outcome
        self.controlRisk = controlRisk
        self.relativeRiskReduction = relativeRiskReduction
        self.alpha = alpha
        self.power = power
        self.adjustment = adjustment
    }
}

extension Registry {
    /// Records `plan` for its outcome; it replaces the outcome's earlier plan from this revision on.
    ///
    /// - Throws: `StoreError.noSuchOutcome`.
    package func setAnalysisPlan(_ plan: StoredAnalysisPlan, revision: Int64) throws {
        let outcome = try outcome(named: plan.outcome)
        try connection.execute(
            """
            INSERT INTO analysis_plan (revision, outcome_id, control_risk, rrr, alpha, power, adjustment)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, revision, outcome.id, plan.controlRisk, plan.relativeRiskReduction, plan.alpha, plan.power,
            plan.adjustment)
    }

    /// The plan of every outcome that has one as of `revision`, in the order the outcomes were added.
    package func analysisPlans(at revision: Int64 = .max) throws -> [StoredAnalysisPlan] {
        try connection.prepare(
            """
            SELECT o.name, p.control_risk, p.rrr, p.alpha, p.power, p.adjustment
            FROM analysis_plan p JOIN outcome o ON o.id = p.outcome_id
            WHERE p.id = (SELECT max(q.id) FROM analysis_plan q WHERE q.outcome_id = p.outcome_id AND q.revision <= ?)
            ORDER BY o.id
            """
        ).map([revision]) {
            try StoredAnalysisPlan(
                outcome: $0.text("name") ?? "", controlRisk: $0.optionalDouble("control_risk"),
                relativeRiskReduction: $0.double("rrr"), alpha: $0.double("alpha"), power: $0.double("power"),
                adjustment: $0.text("adjustment") ?? "d2")

        }
    }
}
