/// Why a meta-analytic computation refused its input or failed.
///
/// Messages are lower-case and name the offending input, so the CLI can print them verbatim.
public enum MetaAnalysisError: Error, Equatable, CustomStringConvertible {
    /// Fewer studies than the method needs.
    case tooFewStudies(k: Int, needed: Int)
    /// A sampling variance that is negative or not finite.
    case nonPositiveVariance(row: Int)
    /// An estimator that divides by the sampling variances, given one that is 0 (metafor's
    /// "DL estimator cannot be used when there are non-positive sampling variances in the data").
    case nonPositiveVariances(estimator: String)
    /// A study with sampling variance 0 in a model with τ² = 0 would get infinite weight
    /// (metafor's "Division by zero when computing the inverse variance weights").
    case zeroVarianceWithoutHeterogeneity
    /// A heterogeneity interval asked of data with a sampling variance of 0 (metafor's "Cannot
    /// compute CI for tau^2 when there are non-positive sampling variances in the data").
    case heterogeneityIntervalNeedsPositiveVariances
    /// Paule–Mandel's Q(τ²) is still above its target at the top of the search interval
    /// (metafor's "Value of 'tau2.max' too low").
    case searchLimitTooLow(estimator: String, limit: Double)
    /// R's `uniroot` search for τ² failed (metafor's "Error in iterative search for tau2 using uniroot()").
    case rootSearchFailed(estimator: String)
    /// An effect size or count that is not finite or not valid.
    case invalidInput(row: Int, reason: String)
    /// Design parameters that do not describe a possible trial (a required information size's
    /// control risk, relative risk reduction, α or power): no data row is at fault.
    case impossibleDesign(reason: String)
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
            return "sampling variance in row \(row) is negative or not finite"
        case let .nonPositiveVariances(estimator):
            return "\(estimator) estimator cannot be used when there are non-positive sampling variances in the data"
                + " (a row has variance 0)"
        case .zeroVarianceWithoutHeterogeneity:
            return "division by zero when computing the inverse variance weights:"
                + " a row has sampling variance 0 and τ² is 0"
        case .heterogeneityIntervalNeedsPositiveVariances:
            return "cannot compute a CI for τ² when there are non-positive sampling variances in the data"
        case let .searchLimitTooLow(estimator, limit):
            let shown = limit == limit.rounded() && abs(limit) < 1e15 ? String(Int(limit)) : "\(limit)"
            return "\(estimator): value of tau2.max (\(shown)) too low: Q(τ²) is still above k − 1 there;"
                + " switch to another method"
        case let .rootSearchFailed(estimator):
            return "\(estimator): error in the iterative search for τ² (uniroot)"
        case let .invalidInput(row, reason):
            return "invalid input in row \(row): \(reason)"
        case let .impossibleDesign(reason):
            return reason
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
