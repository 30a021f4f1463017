/// An outcome pooled per level of a study characteristic, with the test for subgroup differences.
///
/// The test is metafor's omnibus QM for the characteristic as a categorical moderator
/// (`rma(yi, vi, mods = ~ factor(level), method)`), χ² on (levels − 1) df.
public struct SubgroupResult: Sendable {
    public var outcome: String
    public var characteristic: String
    /// Each level with its own pooled analysis, in first-seen order.
    public var levels: [(level: String, pooled: PooledOutcome)]
    /// QM, its df and p; nil when fewer than two levels can be compared.
    public var test: (qm: Double, df: Int, p: Double)?

    public init(
        outcome: String, characteristic: String, levels: [(level: String, pooled: PooledOutcome)],
        test: (qm: Double, df: Int, p: Double)?
    ) {
        self.outcome = outcome
        self.characteristic = characteristic
        self.levels = levels
        self.test = test
    }

    public var json: JSONValue {
        .object([
            ("outcome", .string(outcome)), ("subgroup", .string(characteristic)),
            (
                "levels",
                .array(
                    levels.map { level in
                        guard case .object(let members) = level.pooled.json else { return level.pooled.json }
                        return .object([("level", .string(level.level))] + members)
                    })
            ),
            ("test", test.map { .object([("qm", .number($0.qm)), ("df", .integer($0.df)), ("p", .number($0.p))]) } ?? .null),
        ])
    }

    public func renderedText() -> String {
        var text = "\(outcome) by \(characteristic)\n\n"
        text += PooledOutcome.summaryTable(
            levels.map { level in
                var pooled = level.pooled
                pooled.outcome = "\(characteristic) = \(level.level)"
                return pooled
            })
        if let test {
            let p = levels.first?.pooled.pText(test.p) ?? String(test.p)
            text += "Test for subgroup differences: QM(\(test.df)) = \(levels.first?.pooled.f(test.qm, 3) ?? ""), p = \(p)"
            text += test.p < 0.05 ? ": the levels differ.\n" : ": no evidence that the levels differ.\n"
        } else {
            text += "Test for subgroup differences: not available (needs two levels with data).\n"
        }
        return text
    }
}
