/// A stage's screening so far, in the order records reached their final decision: what the
/// stopping rule and the recall curve read.
package struct FinalDecisionSequence: Equatable, Sendable {
    /// Records to screen at the stage (title-abstract: every record that is not a duplicate or a
    /// previous-version report; full text: those that moved on and whose text was retrieved).
    package let records: Int
    /// Final decisions (agreed or resolved) in the order they became final; true = include.
    package let finalDecisions: [Bool]
    package let conflicts: Int
    package let awaiting: Int

    package var includes: Int { finalDecisions.count { $0 } }
}

extension Registry {
    /// The final decisions at `stage` in the order they were reached.
    ///
    /// A record's decision became final with the last vote or resolution that stands on it, so
    /// the order is by that revision, then by the order its rows were written (a `screen import`
    /// writes one revision, line by line). Only final outcomes are read — every vote
    /// behind them is disclosed — so the result is the same for every reviewer. `maybe` counts
    /// as include.
    package func finalDecisionSequence(stage: ScreeningStage, at revision: Int64 = .max) throws -> FinalDecisionSequence {
        let facts = try screeningFacts(at: revision)
        // When each record's last vote or resolution was written: its revision, then its row (the
        // order of the lines of one `screen import`, which is one revision).
        var reached: [Int64: (revision: Int64, row: Int64)] = [:]
        for table in ["decision", "resolution"] {
            try connection.prepare(
                """
                SELECT record_id, max(revision) AS reached, max(id) AS last FROM \(table)
                WHERE stage = ? AND revision <= ? GROUP BY record_id
                """
            ).forEachRow([stage.rawValue, revision]) { row in
                let record = try row.int64("record_id")
                let written = (revision: try row.int64("reached"), row: try row.int64("last"))
                if let earlier = reached[record], earlier.revision >= written.revision { return }
                reached[record] = written
            }
        }
        var total = 0
        var conflicts = 0
        var awaiting = 0
        var decided: [(revision: Int64, row: Int64, id: Int64, include: Bool)] = []
        for record in facts.records {
            let kind = facts.searchKinds[record.searchID] ?? .database
            guard kind != .previous, record.duplicateOf == nil else { continue }
            if stage == .fullText {
                guard record.titleAbstract.outcome(required: Self.reviewersPerRecord).decision?.movesOn == true,
                    !record.notRetrieved
                else { continue }
            }
            total += 1
            switch record[stage].outcome(required: Self.reviewersPerRecord) {
            case .awaiting: awaiting += 1
            case .conflict: conflicts += 1
            case .decided(let decision, _):
                let written = reached[record.id] ?? (0, 0)
                decided.append((written.revision, written.row, record.id, decision.movesOn))
            }
        }
        decided.sort { ($0.revision, $0.row, $0.id) < ($1.revision, $1.row, $1.id) }
        return FinalDecisionSequence(
            records: total, finalDecisions: decided.map(\.include), conflicts: conflicts, awaiting: awaiting)
    }
}
