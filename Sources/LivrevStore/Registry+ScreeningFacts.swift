/// The screening facts of a whole registry (or one record) as of one revision.
package struct ScreeningFacts: Sendable {
    /// Records by id, in id order.
    package private(set) var records: [RecordFacts] = []
    private var position: [Int64: Int] = [:]
    /// The kind of every search, by search id.
    package var searchKinds: [Int64: SearchKind] = [:]

    package subscript(record id: Int64) -> RecordFacts? {
        position[id].map { records[$0] }
    }

    fileprivate mutating func append(_ facts: RecordFacts) {
        position[facts.id] = records.count
        records.append(facts)
    }

    fileprivate mutating func update(_ id: Int64, _ change: (inout RecordFacts) -> Void) {
        guard let index = position[id] else { return }
        change(&records[index])
    }

    package func status(of facts: RecordFacts) -> RecordStatus {
        facts.status(searchKind: searchKinds[facts.searchID] ?? .database, required: Registry.reviewersPerRecord)
    }
}

extension Registry {
    /// Reviewers who must screen each record independently.
    package static let reviewersPerRecord = 2

    /// Loads the screening facts as of `revision`, of every record or of one.
    ///
    /// Each table is read once in id order, so the latest row per key wins as history says.
    package func screeningFacts(at revision: Int64 = .max, record: Int64? = nil) throws -> ScreeningFacts {
        var facts = ScreeningFacts()
        for search in try searches(at: revision) {
            facts.searchKinds[search.id] = search.kind
        }
        let filter = record == nil ? "" : " AND record_id = ?"
        var arguments: [SQLBindable] = [revision]
        if let record { arguments.append(record) }
        let recordFilter = record == nil ? "" : " AND id = ?"
        try connection.prepare("SELECT id, search_id FROM record WHERE revision <= ?\(recordFilter) ORDER BY id")
            .forEachRow(arguments) { facts.append(RecordFacts(id: $0.int64(0), searchID: $0.int64(1))) }
        try connection.prepare(
            "SELECT record_id, duplicate_of FROM duplicate_mark WHERE revision <= ?\(filter) ORDER BY id"
        ).forEachRow(arguments) { row in
            let duplicateOf = row.isNull(1) ? nil : row.int64(1)
            facts.update(row.int64(0)) { $0.duplicateOf = duplicateOf }
        }
        for (table, isResolution) in [("decision", false), ("resolution", true)] {
            try connection.prepare(
                "SELECT record_id, stage, reviewer_id, decision, reason FROM \(table) WHERE revision <= ?\(filter) ORDER BY id"
            ).forEachRow(arguments) { row in
                guard let stage = ScreeningStage(rawValue: row.text(1) ?? ""),
                    let decision = ScreeningDecision(rawValue: row.text(3) ?? "")
                else { return }
                let vote = Vote(reviewerID: row.int64(2), decision: decision, reason: row.text(4))
                facts.update(row.int64(0)) { record in
                    if isResolution { record[stage].resolution = vote } else { record[stage].supersede(with: vote) }
                }
            }
        }
        try connection.prepare("SELECT record_id, retrieved FROM retrieval WHERE revision <= ?\(filter) ORDER BY id")
            .forEachRow(arguments) { row in
                let notRetrieved = row.int(1) == 0
                facts.update(row.int64(0)) { $0.notRetrieved = notRetrieved }
            }
        try connection.prepare("SELECT record_id, study_id FROM study_report WHERE revision <= ?\(filter) ORDER BY id")
            .forEachRow(arguments) { row in
                let studyID = row.isNull(1) ? nil : row.int64(1)
                facts.update(row.int64(0)) { $0.studyID = studyID }
            }
        return facts
    }

    /// The facts of one record.
    ///
    /// - Throws: `StoreError.noSuchRecord`.
    package func recordFacts(_ id: Int64, at revision: Int64 = .max) throws -> (RecordFacts, SearchKind) {
        let facts = try screeningFacts(at: revision, record: id)
        guard let record = facts[record: id] else { throw StoreError.noSuchRecord(id) }
        return (record, facts.searchKinds[record.searchID] ?? .database)
    }
}
