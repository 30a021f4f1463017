import MetaAnalysis

/// Why an outcome cannot be analysed as asked.
public enum AnalysisError: Error, CustomStringConvertible {
    case measureDoesNotFit(outcome: String, measure: String, data: String)
    case needsCounts(outcome: String, method: PoolingMethod)
    case noSuchCharacteristic(String, known: [String])
    case needsInverseVariance(String)
    case measureOnGenericRows(outcome: String, measure: Measure)
    case correctionWithoutCounts(outcome: String, correction: Correction)
    case dropDoubleZeroOnProportions(outcome: String)
    case correctionWithTableMethod(method: PoolingMethod, correction: Correction)
    /// The model cannot be fitted, for metafor's reason (a refused estimator, one that fails to converge).
    case modelRefused(outcome: String, method: PoolingMethod, reason: MetaAnalysisError)

    public var description: String {
        switch self {
        case .measureDoesNotFit(let outcome, let measure, let data):
            "outcome '\(outcome)' has \(data); it cannot be pooled as \(measure)"
        case .needsCounts(let outcome, let method):
            "'--method \(method.rawValue)' needs 2×2 counts, and outcome '\(outcome)' has other rows"
        case .needsInverseVariance(let command):
            "'\(command)' pools with an inverse-variance model (FE, DL, REML, …), not Mantel–Haenszel or Peto"
        case .measureOnGenericRows(let outcome, let measure):
            "outcome '\(outcome)' has generic rows (an estimate with its CI, or yi with its SE): '--measure "
                + "\(measure.rawValue)' would relabel them, not convert them; leave '--measure' out"
        case .correctionWithoutCounts(let outcome, let correction):
            "'--correction \(correction.rawValue)' applies to counts, and outcome '\(outcome)' has generic rows "
                + "(an estimate with its CI, or yi with its SE)"
        case .dropDoubleZeroOnProportions(let outcome):
            "'--correction drop00' drops 2×2 tables without events in both arms, and outcome '\(outcome)' has "
                + "single-arm proportions"
        case .correctionWithTableMethod(let method, let correction):
            "'--correction \(correction.rawValue)' does not apply to '--method \(method.rawValue)': it pools the raw "
                + "counts, and its per-table rows add 1/2 to tables with a zero cell and leave double zeros out"
        case .modelRefused(let outcome, let method, let reason):
            "outcome '\(outcome)' cannot be pooled with '--method \(method.rawValue)': \(reason)"
        case .noSuchCharacteristic(let name, let known):
            "no study characteristic '\(name)' (recorded: \(known.joined(separator: ", ")))"
        }
    }
}
