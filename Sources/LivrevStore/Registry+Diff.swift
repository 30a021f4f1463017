/// How one kind of fact changed between two revisions.
package struct FactChange: Equatable, Sendable {
    /// The kind, in the review's words: "records", "decisions", …
    package let kind: String
    /// New keys.
    package let added: Int
    /// Keys that had a value before and got a new one.
    package let corrected: Int
    /// Facts withdrawn (retracted rows, undone marks, unlinked reports).
    package let retracted: Int
}

extension Registry {
    /// The kinds of fact, each with the columns that identify one fact.
    private static let factKinds: [(kind: String, table: String, key: [String])] = [
        ("searches", "search", ["id"]),
        ("records", "record", ["id"]),
        ("duplicate marks", "duplicate_mark", ["record_id"]),
        ("decisions", "decision", ["record_id", "stage", "reviewer_id"]),
        ("resolutions", "resolution", ["record_id", "stage"]),
        ("retrievals", "retrieval", ["record_id"]),
        ("studies", "study", ["id"]),
        ("study reports", "study_report", ["record_id"]),
        ("characteristics", "characteristic", ["study_id", "name"]),
        ("outcomes", "outcome", ["id"]),
        ("outcome rows", "outcome_row", ["id"]),
        ("risk-of-bias judgements", "rob_judgement", ["study_id", "tool", "domain", "reviewer_id"]),
        ("risk-of-bias resolutions", "rob_resolution", ["study_id", "tool", "domain"]),
        ("extracted outcome rows", "outcome_entry", ["extractor_id", "study_id", "outcome_id", "label"]),
        ("outcome row resolutions", "outcome_resolution", ["study_id", "outcome_id", "label"]),
        ("extracted characteristics", "characteristic_entry", ["extractor_id", "study_id", "name"]),
        ("characteristic resolutions", "characteristic_resolution", ["study_id", "name"]),
    ]

    /// What was added, corrected or retracted after revision `from` up to and including `to`.
    package func factChanges(from: Int64, to: Int64) throws -> [FactChange] {
        try Registry.factKinds.map { kind, table, key in
            let match = key.map { "old.\($0) IS new.\($0)" }.joined(separator: " AND ")
            let counts =
                try connection.prepare(
                    """
                    SELECT count(*) AS added,
                           sum(EXISTS (SELECT 1 FROM \(table) old WHERE \(match) AND old.revision <= ?1)) AS replacing
                    FROM \(table) new WHERE new.revision > ?1 AND new.revision <= ?2
                    """
                ).first([from, to]) { try ($0.int("added"), $0.int("replacing")) } ?? (0, 0)

            var retracted = 0
            switch table {
            case "outcome_row":
                retracted = Int(
                    try connection.scalarInt(
                        "SELECT count(*) FROM outcome_row_retraction WHERE revision > ? AND revision <= ?", from, to) ?? 0)
            case "duplicate_mark":
                retracted = Int(
                    try connection.scalarInt(
                        "SELECT count(*) FROM duplicate_mark WHERE duplicate_of IS NULL AND revision > ? AND revision <= ?",
                        from, to) ?? 0)
            case "outcome_entry":
                retracted = Int(
                    try connection.scalarInt(
                        "SELECT count(*) FROM outcome_entry WHERE withdrawn = 1 AND revision > ? AND revision <= ?", from, to)
                        ?? 0)
            case "study_report":
                retracted = Int(
                    try connection.scalarInt(
                        "SELECT count(*) FROM study_report WHERE study_id IS NULL AND revision > ? AND revision <= ?", from, to)
                        ?? 0)
            default: break
            }
            return FactChange(
                kind: kind, added: counts.0 - counts.1, corrected: counts.1 - retractedCorrections(table, retracted),
                retracted: retracted)
        }
    }

    /// Retractions recorded as new rows for an existing key count as retractions, not corrections.
    private func retractedCorrections(_ table: String, _ retracted: Int) -> Int {
        ["duplicate_mark", "study_report", "outcome_entry"].contains(table) ? retracted : 0
    }
}
