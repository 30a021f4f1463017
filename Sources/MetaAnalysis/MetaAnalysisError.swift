/// Why a meta-analytic computation refused its input or failed.
///
/// Messages are lower-case and name the offending input, so the CLI can print them verbatim.
public enum MetaAnalysisError: Error, Equatable, CustomStringConvertible {
    /// Fewer studies than the method needs.
    case tooFewStudies(k: Int, needed: Int)
    /// A sampling variance that is zero, negative or not finite.
    case nonPositiveVariance(row: Int)
    /// An effect size or count that is not finite or not valid.
    case invalidInput(row: Int, reason: String)
    /// An iterative estimator did not converge within its iteration limit.
    case didNotConverge(estimator: String, iterations: Int)
    /// The design matrix of a meta-regression is rank deficient.
    case singularDesign(columns: Int)
    /// The analysis needs a random-effects model but was given the fixed-effect one.
    case noRandomEffects
    /// Moderator rows do not match the number of effect sizes.
    case dimensionMismatch(expected: Int, got: Int)

    public var description: String {
        switch self {
        case let .tooFewStudies(k, needed):
            return "too few studies: k = \(k), need at least \(needed)"
        case let .nonPositiveVariance(row):
            return "sampling variance in row \(row) is not positive and finite"
        case let .invalidInput(row, reason):
            return "invalid input in row \(row): \(reason)"
        case let .didNotConverge(estimator, iterations):
            return "\(estimator) did not converge in \(iterations) iterations"
        case let .singularDesign(columns):
            return "design matrix with \(columns) columns is singular (moderators are collinear)"
        case .noRandomEffects:
            return "the fixed-effect model has no between-study variance to give an interval for"
        case let .dimensionMismatch(expected, got):
            return "moderator matrix has \(got) rows, expected \(expected)"
        }
    }
}
