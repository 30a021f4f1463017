/// The screening facts of a whole registry (or of some records) as of one revision.
package struct ScreeningFacts: Sendable {
    /// Records in id order.
    package private(set) var records: [RecordFacts] = []
    /// Position in `records` of record id `i`, at index `i - firstID`; -1 for ids not loaded.
    private var position: [Int32] = []
    private var firstID: Int64 = 0
    /// The kind of every search, by search id.
    package var searchKinds: [Int64: SearchKind] = [:]

    package subscript(record id: Int64) -> RecordFacts? {
        index(of: id).map { records[$0] }
    }

    private func index(of id: Int64) -> Int? {
        let offset = id - firstID
        guard offset >= 0, offset < position.count, position[Int(offset)] >= 0 else { return nil }
        return Int(position[Int(offset)])
    }

    fileprivate mutating func load(_ ids: [(Int64, Int64)]) {
        guard let first = ids.first?.0, let last = ids.last?.0 else { return }
        firstID = first
        position = Array(repeating: -1, count: Int(last - first) + 1)
        records.reserveCapacity(ids.count)
        for (id, search) in ids {
            position[Int(id - first)] = Int32(records.count)
            records.append(RecordFacts(id: id, searchID: search))
        }
    }

    fileprivate mutating func update(_ id: Int64, _ change: (inout RecordFacts) -> Void) {
        guard let index = index(of: id) else { return }
        change(&records[index])
    }

    package func status(of facts: RecordFacts) -> RecordStatus {
        facts.status(searchKind: searchKinds[facts.searchID] ?? .database, required: Registry.reviewersPerRecord)
    }
}

extension Registry {
    /// Reviewers who must screen each record independently.
    package static let reviewersPerRecord = 2

    /// Loads the screening facts as of `revision`, of every record or of the records in `only`.
    ///
    /// Each table is read once in id order, so the latest row per key wins, as history says.
    /// Stages and decisions are mapped from their stored words by `Row.value(_:as:)`.
    package func screeningFacts(at revision: Int64 = .max, only: Set<Int64>? = nil) throws -> ScreeningFacts {
        var facts = ScreeningFacts()
        for search in try searches(at: revision) {
            facts.searchKinds[search.id] = search.kind
        }
        // With a few records, read their rows through the id and record_id indexes; otherwise scan.
        let list = only.flatMap { $0.count <= 500 ? $0.sorted().map(String.init).joined(separator: ",") : nil }
        let filter = list.map { " AND record_id IN (\($0))" } ?? ""
        var ids: [(Int64, Int64)] = []
        try connection.prepare(
            "SELECT id, search_id FROM record WHERE revision <= ?\(list.map { " AND id IN (\($0))" } ?? "") ORDER BY id"
        ).forEachRow([revision]) {
            let id = try $0.int64("id")
            if only?.contains(id) ?? true { ids.append((id, try $0.int64("search_id"))) }
        }
        facts.load(ids)
        try connection.prepare(
            "SELECT record_id, duplicate_of FROM duplicate_mark WHERE revision <= ?\(filter) ORDER BY id"
        ).forEachRow([revision]) { row in
            let duplicateOf = try row.optionalInt64("duplicate_of")
            facts.update(try row.int64("record_id")) { $0.duplicateOf = duplicateOf }
        }
        // Withdrawals (few) are merged into the decisions by revision: a withdrawal removes the votes
        // recorded before it, and a later decision counts again.
        var withdrawals: [(revision: Int64, record: Int64, stage: ScreeningStage, reviewer: Int64)] = []
        try connection.prepare(
            "SELECT revision, record_id, stage, reviewer_id FROM decision_withdrawal WHERE revision <= ?\(filter) ORDER BY id"
        ).forEachRow([revision]) { row in
            withdrawals.append(
                try (row.int64("revision"), row.int64("record_id"), row.value("stage"), row.int64("reviewer_id")))
        }
        var nextWithdrawal = 0
        func withdraw(before bound: Int64) {
            while nextWithdrawal < withdrawals.count, withdrawals[nextWithdrawal].revision < bound {
                let withdrawal = withdrawals[nextWithdrawal]
                facts.update(withdrawal.record) { $0[withdrawal.stage].withdraw(reviewerID: withdrawal.reviewer) }
                nextWithdrawal += 1
            }
        }
        for (table, isResolution) in [("decision", false), ("resolution", true)] {
            try connection.prepare(
                "SELECT record_id, stage, reviewer_id, decision, reason, revision FROM \(table) WHERE revision <= ?\(filter) ORDER BY id"
            ).forEachRow([revision]) { row in
                let stage = try row.value("stage", as: ScreeningStage.self)
                let vote = try Vote(
                    reviewerID: row.int64("reviewer_id"), decision: row.value("decision"), reason: row.text("reason"))
                if !isResolution { withdraw(before: try row.int64("revision")) }
                facts.update(try row.int64("record_id")) { record in
                    if isResolution { record[stage].resolution = vote } else { record[stage].supersede(with: vote) }
                }
            }
            if !isResolution { withdraw(before: .max) }
        }
        try connection.prepare("SELECT record_id, retrieved FROM retrieval WHERE revision <= ?\(filter) ORDER BY id")
            .forEachRow([revision]) { row in
                let notRetrieved = try !row.bool("retrieved")
                facts.update(try row.int64("record_id")) { $0.notRetrieved = notRetrieved }
            }
        try connection.prepare("SELECT record_id, study_id FROM study_report WHERE revision <= ?\(filter) ORDER BY id")
            .forEachRow([revision]) { row in
                let studyID = try row.optionalInt64("study_id")
                facts.update(try row.int64("record_id")) { $0.studyID = studyID }

            }
        return facts
    }

    /// The facts of one record.
    ///
    /// - Throws: `StoreError.noSuchRecord`.
    package func recordFacts(_ id: Int64, at revision: Int64 = .max) throws -> (RecordFacts, SearchKind) {
        let facts = try screeningFacts(at: revision, only: [id])
        guard let record = facts[record: id] else { throw StoreError.noSuchRecord(id) }
        return (record, facts.searchKinds[record.searchID] ?? .database)
    }
}
