/// Why an outcome cannot be analysed as asked.
public enum AnalysisError: Error, CustomStringConvertible {
    case measureDoesNotFit(outcome: String, measure: String, data: String)
    case needsCounts(outcome: String, method: PoolingMethod)
    case noSuchCharacteristic(String, known: [String])
    case needsInverseVariance(String)

    public var description: String {
        switch self {
        case .measureDoesNotFit(let outcome, let measure, let data):
            "outcome '\(outcome)' has \(data); it cannot be pooled as \(measure)"
        case .needsCounts(let outcome, let method):
            "'--method \(method.rawValue)' needs 2×2 counts, and outcome '\(outcome)' has other rows"
        case .needsInverseVariance(let command):
            "'\(command)' pools with an inverse-variance model (FE, DL, REML, …), not Mantel–Haenszel or Peto"
        case .noSuchCharacteristic(let name, let known):
            "no study characteristic '\(name)' (recorded: \(known.joined(separator: ", ")))"
        }
    }
}
