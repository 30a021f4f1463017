import MetaAnalysis

/// An outcome pooled per level of a study characteristic, with the test for subgroup differences.
///
/// The test is metafor's omnibus QM for the characteristic as a categorical moderator
/// (`rma(yi, vi, mods = ~ factor(level), method)`), χ² on (levels − 1) df.
public struct SubgroupResult: Sendable {
    /// QM, its degrees of freedom and p.
    public struct Test: Equatable, Sendable {
        public var qm: Double
        public var df: Int
        public var p: Double
    }

    public var outcome: String
    public var characteristic: String
    /// Each level with its own pooled analysis, in first-seen order.
    public var levels: [(level: String, pooled: PooledOutcome)]
    /// The test, or why there is none (fewer than two levels with data, Mantel–Haenszel or Peto, a failed fit).
    public var test: Diagnostic<Test>
}

/// `pool --subgroup CHARACTERISTIC`: pooled per level, and the moderator test for the difference.
public enum SubgroupAnalysis {
    /// The level a study without a value for the characteristic is put in.
    public static let notRecorded = "(not recorded)"

    /// Pools `rows` per level; `levels` maps a study to its value of `characteristic` (missing or
    /// empty: not recorded).
    public static func pool(
        _ outcome: AnalysisOutcome, rows: [AnalysisRow], characteristic: String, levels levelOf: [String: String],
        specification: AnalysisSpecification, excluded: [String: String] = [:], snapshot: String? = nil
    ) throws -> SubgroupResult {
        var order: [String] = []
        var groups: [String: [AnalysisRow]] = [:]
        for row in rows where excluded[row.study] == nil {
            let level = levelOf[row.study].flatMap { $0.isEmpty ? nil : $0 } ?? notRecorded
            if groups[level] == nil { order.append(level) }
            groups[level, default: []].append(row)
        }
        var levels: [(level: String, pooled: PooledOutcome)] = []
        for level in order {
            levels.append(
                (
                    level,
                    try OutcomeAnalysis.pool(
                        outcome, rows: groups[level] ?? [], specification: specification, snapshot: snapshot)
                ))
        }
        return SubgroupResult(
            outcome: outcome.name, characteristic: characteristic, levels: levels,
            test: moderatorTest(levels, specification: specification))
    }

    /// The moderator test over the rows that have an effect, labelled by their level.
    private static func moderatorTest(
        _ levels: [(level: String, pooled: PooledOutcome)], specification: AnalysisSpecification
    ) -> Diagnostic<SubgroupResult.Test> {
        var effects: [EffectSize] = []
        var labels: [String] = []
        for (level, pooled) in levels {
            effects += pooled.effects
            labels += Array(repeating: level, count: pooled.rows.count)
        }
        guard Set(labels).count >= 2 else { return .notComputed(reason: "needs two levels with data") }
        guard let method = specification.method.tauSquared else {
            return .notComputed(reason: DiagnosticReason.countsMethod)
        }
        return .attempt {
            let fit = try MetaRegression.fit(effects, groups: labels, method: method, test: specification.test)
            return SubgroupResult.Test(qm: fit.qm, df: fit.qmDF, p: fit.qmP)
        }
    }
}
