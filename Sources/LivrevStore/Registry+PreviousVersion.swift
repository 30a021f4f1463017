extension Registry {
    /// Records the previous version's flow counts as published (e.g. `records_identified` 987).
    ///
    /// These are the only counts livrev takes from a person rather than deriving them: a review
    /// migrated into livrev brings its published flow along, and `check` tests their arithmetic.
    package func recordPublishedPreviousCounts(_ counts: [(stage: String, count: Int, note: String?)], revision: Int64) throws {
        let statement = try connection.prepare(
            "INSERT INTO previous_count (revision, stage, count, note) VALUES (?, ?, ?, ?)")
        for entry in counts {
            try statement.run([revision, entry.stage, entry.count, entry.note])
        }
    }

    /// The previous version's published counts as of `revision`, latest per stage, in first-recorded order.
    package func publishedPreviousCounts(at revision: Int64 = .max) throws -> [(stage: String, count: Int)] {
        var order: [String] = []
        var latest: [String: Int] = [:]
        try connection.prepare("SELECT stage, count FROM previous_count WHERE revision <= ? ORDER BY id")
            .forEachRow([revision]) { row in
                let stage = try row.text("stage") ?? ""
                if latest[stage] == nil { order.append(stage) }
                latest[stage] = try row.int("count")

            }
        return order.map { ($0, latest[$0] ?? 0) }
    }
}
