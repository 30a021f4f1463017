/// One thing `check` found wrong or odd in the registry.
package struct ConsistencyFinding: Equatable, Sendable {
    package enum Severity: String, Sendable, Comparable {
        case error
        case warning
        case info

        package static func < (lhs: Severity, rhs: Severity) -> Bool {
            rank(lhs) < rank(rhs)
        }

        private static func rank(_ severity: Severity) -> Int {
            switch severity {
            case .error: 0
            case .warning: 1
            case .info: 2
            }
        }
    }

    package let severity: Severity
    /// A stable name for the kind of finding, e.g. "prisma-arithmetic".
    package let code: String
    package let message: String
    /// The rows involved, e.g. "Zang 2022 · Cardiac disorders · Chest pain: 2/12 vs 0/4 (row 118)".
    package let rows: [String]
}
