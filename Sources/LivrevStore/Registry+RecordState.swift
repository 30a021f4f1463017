/// What PRISMA and screening need to know of one record: where it came from and where it stands.
package struct RecordSummary: Equatable, Sendable {
    package let id: Int64
    package let searchID: Int64
    package let status: RecordStatus
    /// The full-text exclusion reason, for an excluded full text.
    package let reason: String?
    package let studyID: Int64?
}

extension ScreeningFacts {
    /// Every loaded record's summary, in id order.
    package var summaries: [RecordSummary] {
        records.map { record in
            let status = status(of: record)
            var reason: String?
            if status == .excludedFullText,
                case .decided(_, let why) = record.fullText.outcome(required: Registry.reviewersPerRecord)
            {
                reason = why ?? "no reason recorded"
            }
            return RecordSummary(
                id: record.id, searchID: record.searchID, status: status, reason: reason,
                studyID: record.studyID)
        }
    }
}

extension Registry {
    /// Tables whose new rows change the state of the records they name.
    private static let recordColumns = [
        ("record", "id"), ("decision", "record_id"), ("resolution", "record_id"), ("retrieval", "record_id"),
        ("duplicate_mark", "record_id"), ("study_report", "record_id"),
        ("decision_withdrawal", "record_id"),
    ]

    /// Brings the record-state cache up to `revision` (inside that revision's transaction): the records
    /// the revision touched are derived again from their facts, or every record when the cache was stale.
    func refreshRecordStates(since marks: [(table: String, id: Int64)], revision: Int64) throws {
        let asOf = try connection.scalarInt("SELECT as_of FROM record_state_head") ?? 0
        let previous = try connection.scalarInt("SELECT max(id) FROM revision WHERE id < ?", revision) ?? 0
        var touched: Set<Int64>? = []
        if asOf == previous {
            for (table, column) in Registry.recordColumns {
                let mark = marks.first { $0.table == table }?.id ?? 0
                // No DISTINCT: it would walk a record_id index whole instead of the few new rows by rowid.
                try connection.prepare("SELECT \(column) FROM \(table) WHERE id > ?").forEachRow([mark]) {
                    touched?.insert(try $0.int64(column))
                }
            }
        } else {
            touched = nil
            try connection.execute("DELETE FROM record_state")
        }
        if touched?.isEmpty == false || touched == nil {
            let upsert = try connection.prepare(
                """
                INSERT INTO record_state (record_id, search_id, status, reason, study_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (record_id) DO UPDATE SET
                    search_id = excluded.search_id, status = excluded.status, reason = excluded.reason,
                    study_id = excluded.study_id
                """)
            for summary in try screeningFacts(only: touched).summaries {
                try upsert.run([summary.id, summary.searchID, summary.status.rawValue, summary.reason, summary.studyID])
            }
        }
        try connection.execute("UPDATE record_state_head SET as_of = ?", revision)
    }

    /// Every record's summary as of `revision`: from the cache at the head when it is current,
    /// otherwise derived from the facts.
    package func recordSummaries(at revision: Int64 = .max) throws -> [RecordSummary] {
        let head = try headRevision()
        if revision >= head, try connection.scalarInt("SELECT as_of FROM record_state_head") == head {
            return try connection.prepare(
                "SELECT record_id, search_id, status, reason, study_id FROM record_state ORDER BY record_id"
            ).map { row in
                try RecordSummary(
                    id: row.int64("record_id"), searchID: row.int64("search_id"), status: row.value("status"),
                    reason: row.text("reason"), studyID: row.optionalInt64("study_id"))

            }
        }
        return try screeningFacts(at: revision).summaries
    }
}
