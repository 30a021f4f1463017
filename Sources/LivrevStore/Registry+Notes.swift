import Foundation

/// A reviewer's note on a record.
package struct RecordNote: Equatable, Sendable {
    package let id: Int64
    package let record: Int64
    package let reviewer: String
    package let time: String
    package let text: String
}

extension Registry {
    /// Adds `reviewer`'s note to a record.
    ///
    /// - Throws: `StoreError.noSuchRecord`, `.invalidJudgement` for an empty note.
    package func addNote(record: Int64, text: String, reviewer: Reviewer, revision: Int64) throws {
        guard try connection.scalarInt("SELECT id FROM record WHERE id = ?", record) != nil else {
            throw StoreError.noSuchRecord(record)
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw StoreError.invalidJudgement("a note needs some text") }
        try connection.execute(
            "INSERT INTO record_note (revision, record_id, reviewer_id, text) VALUES (?, ?, ?, ?)",
            revision, record, reviewer.id, trimmed)
    }

    /// The notes `reader` may see (their own; an arbiter sees everyone's), of one record or of all,
    /// oldest first. Another screener's notes stay hidden: a note may say how its author voted.
    package func notes(record: Int64? = nil, visibleTo reader: Reviewer) throws -> [RecordNote] {
        let own = reader.role.mayArbitrate ? "" : " AND n.reviewer_id = \(reader.id)"
        let only = record.map { " AND n.record_id = \($0)" } ?? ""
        return try connection.prepare(
            """
            SELECT n.id, n.record_id, r.name, v.created_at, n.text
            FROM record_note n JOIN reviewer r ON r.id = n.reviewer_id JOIN revision v ON v.id = n.revision
            WHERE 1 = 1\(own)\(only)
            ORDER BY n.id
            """
        ).map { row in
            try RecordNote(
                id: row.int64("id"), record: row.int64("record_id"), reviewer: row.text("name") ?? "",
                time: row.text("created_at") ?? "", text: row.text("text") ?? "")

        }
    }
}
