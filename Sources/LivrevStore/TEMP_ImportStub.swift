// TEMPORARY: replaced by the import branch.
package struct ImportedRecord: Equatable, Sendable {
    package var title: String
    package var abstract: String?
    package var authors: [String]
    package var year: Int?
    package var journal: String?
    package var doi: String?
    package var pmid: String?
    package var registryNumbers: [String]
    package var line: Int
}
package enum RecordKeys {
    package static func normalizedDOI(_ s: String) -> String { s.lowercased() }
    package static func normalizedTitle(_ s: String) -> String { s.lowercased() }
    package static func firstAuthorSurname(_ s: String) -> String { s.lowercased() }
}
package enum ImportError: Error {}
