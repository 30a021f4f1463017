/// How a review records new outcome data and characteristics.
package enum ExtractionMode: String, CaseIterable, Sendable {
    /// Each value row is entered by two extractors independently and counts once they agree or an
    /// arbiter resolves it.
    case dual
    /// Rows count as soon as they are imported (the only way before dual extraction existed).
    case single
}

extension Registry {
    /// The extraction mode as of `revision`: the latest one recorded, `single` when none was
    /// (a registry made before dual extraction existed keeps working as it did).
    package func extractionMode(at revision: Int64 = .max) throws -> ExtractionMode {
        let text = try connection.scalarText(
            "SELECT mode FROM extraction_mode WHERE revision <= ? ORDER BY id DESC LIMIT 1", revision)
        return text.flatMap(ExtractionMode.init(rawValue:)) ?? .single
    }

    /// Records the extraction mode from this revision on. Rows already entered keep their state.
    package func setExtractionMode(_ mode: ExtractionMode, revision: Int64) throws {
        try connection.execute("INSERT INTO extraction_mode (revision, mode) VALUES (?, ?)", revision, mode.rawValue)
    }
}
