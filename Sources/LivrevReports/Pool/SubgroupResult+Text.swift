import LivrevAnalysis

extension SubgroupResult {
    /// `pool --subgroup --format json`: each level's pooled object, led by its level, and the test.
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
            (
                "test",
                test.value.map { .object([("qm", .number($0.qm)), ("df", .integer($0.df)), ("p", .number($0.p))]) } ?? .null
            ),
        ])
    }

    public func renderedText(width: Int? = TextTable.terminalWidth) -> String {
        var text = "\(outcome) by \(characteristic)\n\n"
        text += PooledOutcome.summaryTable(
            levels.map { level in
                var pooled = level.pooled
                pooled.outcome = "\(characteristic) = \(level.level)"
                return pooled
            }, width: width)
        if let test = test.value {
            let p = levels.first?.pooled.pText(test.p) ?? String(test.p)
            text += "Test for subgroup differences: QM(\(test.df)) = \(levels.first?.pooled.f(test.qm, 3) ?? ""), p = \(p)"
            text += test.p < 0.05 ? ": the levels differ.\n" : ": no evidence that the levels differ.\n"
        } else {
            text += "Test for subgroup differences: not available (needs two levels with data).\n"
        }
        return text
    }
}
