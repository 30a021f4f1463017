/// A record whose reviewers disagree at a stage and that nobody has resolved.
package struct ScreeningConflict: Equatable, Sendable {
    package let record: Int64
    package let stage: ScreeningStage
    /// Reviewer name → current decision, in team order.
    package let decisions: [(reviewer: String, decision: ScreeningDecision)]

    package static func == (lhs: ScreeningConflict, rhs: ScreeningConflict) -> Bool {
        lhs.record == rhs.record && lhs.stage == rhs.stage
            && lhs.decisions.map(\.reviewer) == rhs.decisions.map(\.reviewer)
            && lhs.decisions.map(\.decision) == rhs.decisions.map(\.decision)
    }
}

extension Registry {
    /// Records `reviewer`'s decision on a record; a later decision by the same reviewer supersedes it.
    ///
    /// - Throws: `StoreError.noSuchRecord`; `.notScreenable` for a duplicate, a previous-version
    ///   report or a full text that was not retrieved; `.stageNotReached` for a full-text decision
    ///   before the title-abstract outcome moves the record on; `.invalidDecision` for `maybe` at
    ///   full text or a full-text exclusion without a reason.
    package func decide(
        record id: Int64, stage: ScreeningStage, decision: ScreeningDecision, reason: String?,
        reviewer: Reviewer, revision: Int64
    ) throws {
        try checkDecision(decision, reason: reason, stage: stage, record: id)
        let reason = try reviewReason(reason, stage: stage, decision: decision)
        let (record, kind) = try recordFacts(id)
        try checkScreenable(record, kind: kind, stage: stage)
        try insertVote(
            into: "decision", record: id, stage: stage, decision: decision, reason: reason,
            reviewer: reviewer, revision: revision)
    }

    /// Records the final decision on a conflict: by an arbiter, or by consensus of the two reviewers
    /// who voted (`reviewer` records it, `partner` is the other; both are recorded).
    ///
    /// - Throws: `StoreError.noConflict` when the reviewers agree or have not all voted,
    ///   `.notAnArbiter` / `.notAParty` when `reviewer` (or `partner`) may not resolve it.
    package func resolve(
        record id: Int64, stage: ScreeningStage, decision: ScreeningDecision, reason: String?,
        reviewer: Reviewer, consensus partner: Reviewer?, revision: Int64
    ) throws {
        try checkDecision(decision, reason: reason, stage: stage, record: id)
        let reason = try reviewReason(reason, stage: stage, decision: decision)
        let (record, kind) = try recordFacts(id)
        try checkScreenable(record, kind: kind, stage: stage)
        guard record[stage].outcome(required: Registry.reviewersPerRecord) == .conflict else {
            throw StoreError.noConflict(record: id, stage: stage)
        }
        if let partner {
            for party in [reviewer, partner] where !record[stage].votes.contains(where: { $0.reviewerID == party.id }) {
                throw StoreError.notAParty(reviewer: party.name, record: id)
            }
            guard partner.id != reviewer.id else { throw StoreError.notAParty(reviewer: partner.name, record: id) }
        } else if !reviewer.role.mayArbitrate {
            throw StoreError.notAnArbiter(reviewer: reviewer.name)
        }
        try connection.execute(
            """
            INSERT INTO resolution (revision, record_id, stage, reviewer_id, decision, reason, consensus)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, revision, id, stage.rawValue, reviewer.id, decision.rawValue, reason, partner != nil)
        if let partner { try recordPartner(partner, of: "resolution", revision: revision) }
    }

    /// Records the other reviewer of the consensus resolution just inserted.
    func recordPartner(_ partner: Reviewer, of table: String, revision: Int64) throws {
        try connection.execute(
            "INSERT INTO consensus_partner (revision, resolved_table, resolved_id, reviewer_id) VALUES (?, ?, ?, ?)",
            revision, table, connection.lastInsertRowID, partner.id)
    }

    /// Marks a record's full text as not retrieved (or, with `retrieved`, as obtained after all).
    ///
    /// - Throws: `StoreError.stageNotReached` unless the record moved on from title-abstract screening.
    package func setRetrieval(record id: Int64, retrieved: Bool, reason: String?, revision: Int64) throws {
        let (record, kind) = try recordFacts(id)
        try checkScreenable(record, kind: kind, stage: .fullText, retrieving: true)
        try connection.execute(
            "INSERT INTO retrieval (revision, record_id, retrieved, reason) VALUES (?, ?, ?, ?)",
            revision, id, retrieved, reason)
    }

    /// Records in conflict at `stage`, in record order.
    package func conflicts(stage: ScreeningStage, at revision: Int64 = .max) throws -> [ScreeningConflict] {
        let facts = try screeningFacts(at: revision)
        let team = try reviewers(at: revision)
        let order = Dictionary(uniqueKeysWithValues: team.enumerated().map { ($1.id, $0) })
        return facts.records.compactMap { record in
            let status = facts.status(of: record)
            let inConflict = stage == .titleAbstract ? status == .conflictTitleAbstract : status == .conflictFullText
            guard inConflict else { return nil }
            let votes = record[stage].votes.sorted { (order[$0.reviewerID] ?? 0) < (order[$1.reviewerID] ?? 0) }
            return ScreeningConflict(
                record: record.id, stage: stage,
                decisions: votes.map { vote in
                    (team.first { $0.id == vote.reviewerID }?.name ?? "?", vote.decision)
                })
        }
    }

    /// The lowest-numbered record that `reviewer` has not decided at `stage` and that still needs
    /// a reviewer there, leaving out the records in `skipping`; nil when there is none. Reveals
    /// nothing of other reviewers' votes. The imported order of `nextRecord(stage:reviewer:skipping:order:)`.
    ///
    /// Reads the record-state cache (records awaiting decisions at the stage, by id), so it costs
    /// one index probe per awaiting record the reviewer has already decided, not one per record.
    func nextImportedRecord(stage: ScreeningStage, reviewer: Reviewer, skipping: Set<Int64>) throws -> Int64? {
        let head = try headRevision()
        let awaiting: RecordStatus = stage == .titleAbstract ? .awaitingTitleAbstract : .awaitingFullText
        guard try connection.scalarInt("SELECT as_of FROM record_state_head") == head else {
            // A stale cache (a file from before it existed): derive from the facts.
            let facts = try screeningFacts()
            return facts.records.first { record in
                facts.status(of: record) == awaiting && !skipping.contains(record.id)
                    && !record[stage].votes.contains { $0.reviewerID == reviewer.id }
            }?.id
        }
        let skipped =
            skipping.isEmpty ? "" : " AND s.record_id NOT IN (\(skipping.sorted().map(String.init).joined(separator: ",")))"
        return try connection.scalarInt(
            """
            SELECT s.record_id FROM record_state s
            WHERE s.status = ?1\(skipped)
              AND NOT EXISTS (
                SELECT 1 FROM decision d WHERE d.record_id = s.record_id AND d.stage = ?2 AND d.reviewer_id = ?3
                  AND NOT EXISTS (
                    SELECT 1 FROM decision_withdrawal w
                    WHERE w.record_id = d.record_id AND w.stage = d.stage AND w.reviewer_id = d.reviewer_id
                      AND w.revision > d.revision))
            ORDER BY s.record_id LIMIT 1
            """, awaiting.rawValue, stage.rawValue, reviewer.id)
    }

    // MARK: - Rules

    private func checkDecision(_ decision: ScreeningDecision, reason: String?, stage: ScreeningStage, record: Int64) throws {
        guard stage.decisions.contains(decision) else {
            throw StoreError.invalidDecision(record: record, reason: "'\(decision.rawValue)' is not a \(stage.rawValue) decision")
        }
        if stage == .fullText, decision == .exclude, (reason ?? "").isEmpty {
            throw StoreError.invalidDecision(record: record, reason: "a full-text exclusion needs a reason")
        }
    }

    /// A full-text exclusion's reason as the review's list spells it (a number picks from the list).
    private func reviewReason(_ reason: String?, stage: ScreeningStage, decision: ScreeningDecision) throws -> String? {
        guard stage == .fullText, decision == .exclude, let reason else { return reason }
        return try listedReason(reason)
    }

    /// Whether `record` may be voted on at `stage` (or, with `retrieving`, have its retrieval recorded).
    private func checkScreenable(
        _ record: RecordFacts, kind: SearchKind, stage: ScreeningStage, retrieving: Bool = false
    ) throws {
        if kind == .previous {
            throw StoreError.notScreenable(record: record.id, reason: "it is a report of the previous version of the review")
        }
        if let original = record.duplicateOf {
            throw StoreError.notScreenable(record: record.id, reason: "it is marked a duplicate of record \(original)")
        }
        guard stage == .fullText else { return }
        switch record.titleAbstract.outcome(required: Registry.reviewersPerRecord) {
        case .awaiting(let votes):
            throw StoreError.stageNotReached(
                record: record.id,
                reason: "title-abstract screening is not complete (\(votes) of \(Registry.reviewersPerRecord) decisions)")
        case .conflict:
            throw StoreError.stageNotReached(record: record.id, reason: "its title-abstract conflict is not resolved")
        case .decided(let decision, _):
            if !decision.movesOn {
                throw StoreError.stageNotReached(record: record.id, reason: "it was excluded at title-abstract")
            }
        }
        if record.notRetrieved, !retrieving {
            throw StoreError.notScreenable(
                record: record.id,
                reason: "its full text was marked not retrieved (if it was obtained: 'livrev retrieve \(record.id) --retrieved')")
        }
    }

    private func insertVote(
        into table: String, record: Int64, stage: ScreeningStage, decision: ScreeningDecision, reason: String?,
        reviewer: Reviewer, revision: Int64
    ) throws {
        try connection.execute(
            "INSERT INTO \(table) (revision, record_id, stage, reviewer_id, decision, reason) VALUES (?, ?, ?, ?, ?, ?)",
            revision, record, stage.rawValue, reviewer.id, decision.rawValue, reason)
    }
}
