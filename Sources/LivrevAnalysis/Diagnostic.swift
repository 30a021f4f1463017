/// A diagnostic's result, or why it has none: too few rows, a method it does not apply to, an
/// estimator that failed. Nothing is dropped silently.
public enum Diagnostic<Value: Sendable>: Sendable {
    case computed(Value)
    case notComputed(reason: String)

    /// The value, when there is one.
    public var value: Value? {
        if case .computed(let value) = self { return value }
        return nil
    }

    /// Why there is no value.
    public var reason: String? {
        if case .notComputed(let reason) = self { return reason }
        return nil
    }

    /// Runs `compute`, keeping a thrown error's description as the reason.
    static func attempt(_ compute: () throws -> Value) -> Diagnostic {
        do {
            return .computed(try compute())
        } catch {
            return .notComputed(reason: "\(error)")
        }
    }
}

/// Reasons several diagnostics share.
enum DiagnosticReason {
    static let noPooledEstimate = "no pooled estimate"
    static let countsMethod = "not computed for Mantel–Haenszel or Peto pooling"
}
