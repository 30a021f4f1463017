import LivrevAnalysis

/// How one outcome's pooled result changed between two versions of the review.
public struct OutcomeChange: Sendable {
    public var outcome: String
    public var before: PooledOutcome?
    public var after: PooledOutcome?

    /// Pairs the outcomes of two versions by name, in the later version's order, then outcomes that disappeared.
    public static func pair(before: [PooledOutcome], after: [PooledOutcome]) -> [OutcomeChange] {
        let old = Dictionary(before.map { ($0.outcome, $0) }, uniquingKeysWith: { first, _ in first })
        let newNames = Set(after.map(\.outcome))
        return after.map { OutcomeChange(outcome: $0.outcome, before: old[$0.outcome], after: $0) }
            + before.filter { !newNames.contains($0.outcome) }.map { OutcomeChange(outcome: $0.outcome, before: $0, after: nil) }
    }

    public var json: JSONValue {
        func side(_ pooled: PooledOutcome?) -> JSONValue {
            guard let pooled else { return .null }
            return .object([
                ("k", .integer(pooled.k)), ("estimate", .number(pooled.estimate)), ("ci_lower", .number(pooled.ciLower)),
                ("ci_upper", .number(pooled.ciUpper)), ("p", .number(pooled.p)), ("tau2", .number(pooled.tau2)),
                ("i2", .number(pooled.i2)),
            ])
        }
        return .object([("outcome", .string(outcome)), ("before", side(before)), ("after", side(after))])
    }

    /// One line per outcome: k, estimate [CI], τ², I² before → after, and what the change means.
    public static func table(_ changes: [OutcomeChange], width: Int? = TextTable.terminalWidth) -> String {
        func describe(_ pooled: PooledOutcome?) -> String {
            guard let pooled, let estimate = pooled.estimate, let lower = pooled.ciLower, let upper = pooled.ciUpper else {
                return "—"
            }
            return "\(pooled.f(estimate, 3)) [\(pooled.f(lower, 2)), \(pooled.f(upper, 2))]"
        }
        let rows = changes.map { change -> [String] in
            let k = "\(change.before.map { String($0.k) } ?? "0") → \(change.after.map { String($0.k) } ?? "0")"
            let tau2 = [change.before?.tau2, change.after?.tau2].map { $0.map { SVGFormat.fixed($0, decimals: 4) } ?? "—" }
            let i2 = [change.before?.i2, change.after?.i2].map { $0.map { SVGFormat.fixed($0, decimals: 1) } ?? "—" }
            return [
                change.outcome, k, describe(change.before), describe(change.after), "\(tau2[0]) → \(tau2[1])",
                "\(i2[0]) → \(i2[1])", change.verdict,
            ]
        }
        return TextTable(
            header: ["outcome", "k", "before", "after", "τ²", "I² %", "change"], rows: rows, droppable: [4],
            wrapping: [0, 6]
        ).rendered(width: width)
    }

    /// What changed, in words: new, gone, significance gained or lost, or the same conclusion.
    public var verdict: String {
        guard let after, after.p != nil else { return before == nil ? "no data" : "no longer pooled" }
        guard let before, let oldP = before.p, let newP = after.p else { return "new" }
        if before.k == after.k, before.estimate == after.estimate { return "unchanged" }
        switch (oldP < 0.05, newP < 0.05) {
        case (false, true): return "now significant"
        case (true, false): return "no longer significant"
        default:
            let flipped = (before.estimate ?? 0) * (after.estimate ?? 0) < 0
            return flipped ? "direction reversed" : "same conclusion"
        }
    }
}
