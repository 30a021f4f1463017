import LivrevStore

/// How `data import` and `study import` record what they read: as values that count at once
/// (single-mode extraction, or `--final` by an arbiter), or as one extractor's own entries (dual).
enum ExtractionRecording {
    /// Single mode: the values count as imported.
    case recorded
    /// `--final`: agreed values (a published review migrated into livrev), by this arbiter.
    case final(String)
    /// Dual mode: this extractor's own entries, counted once a second extractor agrees.
    case entries(String)

    /// - Throws: `CommandError.needsReviewer` when the mode needs `--as` and there is none.
    init(_ registry: Registry, reviewer: ReviewerOptions, final: Bool) throws {
        try self.init(registry, reviewer: reviewer.resolvedName, final: final)
    }

    /// - Throws: `CommandError.needsReviewer` when the mode needs a reviewer and `reviewer` is nil.
    init(_ registry: Registry, reviewer: String?, final: Bool) throws {
        let name = reviewer.flatMap { $0.isEmpty ? nil : $0 }
        if final {
            guard let name else {
                throw CommandError.needsReviewer("--final records agreed values: say which arbiter you are with '--as NAME'")
            }
            self = .final(name)
            return
        }
        switch try registry.extractionMode() {
        case .single:
            self = .recorded
        case .dual:
            guard let name else {
                throw CommandError.needsReviewer(
                    "this review extracts in pairs: say whose extraction this is with '--as NAME' (or import "
                        + "agreed values with '--final --as ARBITER'; 'livrev extraction mode single' turns pairs off)")
            }
            self = .entries(name)
        }
    }

    /// For `--final`: the reviewer must exist and be an arbiter.
    ///
    /// - Throws: `StoreError.noSuchReviewer`, `.mayNotConsolidate`.
    func checkFinal(_ registry: Registry) throws {
        guard case .final(let name) = self else { return }
        guard try registry.reviewer(named: name).role.mayArbitrate else {
            throw StoreError.mayNotConsolidate(reviewer: name, action: "import values as final")
        }
    }

    /// Appended to the import's summary line.
    var suffix: String {
        switch self {
        case .recorded: ""
        case .final: " as final (agreed) values"
        case .entries(let name): " as \(name)'s extraction"
        }
    }
}
