/// Where one reviewer stands at one stage: what the interactive screener's progress line says.
package struct ScreeningProgress: Equatable, Sendable {
    /// Records the reviewer has a current decision on, among those screenable at the stage.
    package let decided: Int
    /// Records screenable at the stage (title-abstract: every record that is not a duplicate or a
    /// previous-version report; full text: every record that moved on and whose text was retrieved).
    package let total: Int
    /// The reviewer's current includes (and maybes) among `decided`.
    package let included: Int
    /// Unresolved conflicts at the stage (visible: both votes are in).
    package let conflicts: Int
}

extension Registry {
    /// Withdraws `reviewer`'s current decision on a record at a stage: a new fact; the decision
    /// stays in history, and the record waits for this reviewer again.
    ///
    /// - Throws: `StoreError.noDecisionToWithdraw` when the reviewer has no current decision there;
    ///   `.laterStageDecided` when withdrawing a title-abstract vote of a record that already has
    ///   full-text votes (withdraw those first).
    package func withdrawDecision(record id: Int64, stage: ScreeningStage, reviewer: Reviewer, revision: Int64) throws {
        let (record, _) = try recordFacts(id)
        guard record[stage].votes.contains(where: { $0.reviewerID == reviewer.id }) else {
            throw StoreError.noDecisionToWithdraw(record: id, stage: stage, reviewer: reviewer.name)
        }
        if stage == .titleAbstract, !record.fullText.votes.isEmpty || record.fullText.resolution != nil {
            throw StoreError.laterStageDecided(record: id)
        }
        try connection.execute(
            "INSERT INTO decision_withdrawal (revision, record_id, stage, reviewer_id) VALUES (?, ?, ?, ?)",
            revision, id, stage.rawValue, reviewer.id)
    }

    /// The record of `reviewer`'s most recent decision at `stage` that still counts, if any: what
    /// "undo my last decision" withdraws.
    package func lastDecisionRecord(stage: ScreeningStage, reviewer: Reviewer) throws -> Int64? {
        try connection.scalarInt(
            """
            SELECT d.record_id FROM decision d
            WHERE d.reviewer_id = ?1 AND d.stage = ?2
              AND NOT EXISTS (
                SELECT 1 FROM decision_withdrawal w
                WHERE w.record_id = d.record_id AND w.stage = d.stage AND w.reviewer_id = d.reviewer_id
                  AND w.revision > d.revision)
            ORDER BY d.id DESC LIMIT 1
            """, reviewer.id, stage.rawValue)
    }

    /// The reviewer's progress at a stage. Depends on the other reviewers' votes only through
    /// conflicts, which show once both votes are in.
    package func screeningProgress(stage: ScreeningStage, reviewer: Reviewer) throws -> ScreeningProgress {
        let screenable: Set<RecordStatus> =
            stage == .titleAbstract
            ? [
                .awaitingTitleAbstract, .conflictTitleAbstract, .excludedTitleAbstract, .notRetrieved, .awaitingFullText,
                .conflictFullText, .excludedFullText, .included,
            ] : [.awaitingFullText, .conflictFullText, .excludedFullText, .included]
        let conflict: RecordStatus = stage == .titleAbstract ? .conflictTitleAbstract : .conflictFullText
        var eligible = Set<Int64>()
        var conflicts = 0
        for summary in try recordSummaries() where screenable.contains(summary.status) {
            eligible.insert(summary.id)
            if summary.status == conflict { conflicts += 1 }
        }
        var decided = 0
        var included = 0
        try connection.prepare(
            """
            SELECT d.record_id, d.decision FROM decision d
            WHERE d.reviewer_id = ?1 AND d.stage = ?2
              AND d.id = (SELECT max(e.id) FROM decision e
                          WHERE e.record_id = d.record_id AND e.stage = d.stage AND e.reviewer_id = d.reviewer_id)
              AND NOT EXISTS (
                SELECT 1 FROM decision_withdrawal w
                WHERE w.record_id = d.record_id AND w.stage = d.stage AND w.reviewer_id = d.reviewer_id
                  AND w.revision > d.revision)
            """
        ).forEachRow([reviewer.id, stage.rawValue]) { row in
            guard eligible.contains(try row.int64("record_id")) else { return }
            decided += 1
            if try row.value("decision", as: ScreeningDecision.self) != .exclude { included += 1 }

        }
        return ScreeningProgress(decided: decided, total: eligible.count, included: included, conflicts: conflicts)
    }
}
