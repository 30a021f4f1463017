/// The first decisions of two reviewers on the records both decided at one stage.
package struct DecisionPairs: Sendable {
    package let first: Reviewer
    package let second: Reviewer
    /// One (first's, second's) first decision per record both decided, in record order.
    package let decisions: [(ScreeningDecision, ScreeningDecision)]
    /// Records on which either reviewer changed their vote after the two votes were in and disagreed.
    package let changedAfterConflict: Int
}

extension Registry {
    /// For every pair of reviewers who both decided some record at `stage`, each one's *first*
    /// decision on those records, as Covidence's inter-rater export uses: a reviewer who changes a
    /// vote once the conflict shows changes the outcome, not the agreement. Duplicates and
    /// previous-version reports are left out, as they are not screened.
    ///
    /// Source: McHugh, "Interrater reliability: the kappa statistic", Biochem Med 2012,
    /// https://doi.org/10.11613/BM.2012.031 (agreement of independent ratings).
    package func decisionPairs(stage: ScreeningStage, at revision: Int64 = .max) throws -> [DecisionPairs] {
        let facts = try screeningFacts(at: revision)
        let team = try reviewers(at: revision)
        var history: [Int64: [(reviewer: Int64, decision: ScreeningDecision)]] = [:]
        try connection.prepare(
            "SELECT record_id, reviewer_id, decision FROM decision WHERE stage = ? AND revision <= ? ORDER BY id"
        ).forEachRow([stage.rawValue, revision]) { row in
            history[try row.int64("record_id"), default: []].append(try (row.int64("reviewer_id"), row.value("decision")))
        }

        var pairs: [[Int64]: (decisions: [(ScreeningDecision, ScreeningDecision)], changed: Int)] = [:]
        for record in facts.records where record.duplicateOf == nil {
            guard facts.searchKinds[record.searchID] != .previous, let votes = history[record.id] else { continue }
            var voters: [Int64] = []
            for vote in votes where !voters.contains(vote.reviewer) { voters.append(vote.reviewer) }
            voters.sort()
            for (i, a) in voters.enumerated() {
                for b in voters[(i + 1)...] {
                    let pair = votes.filter { $0.reviewer == a || $0.reviewer == b }
                    guard let firstA = pair.first(where: { $0.reviewer == a }),
                        let firstB = pair.first(where: { $0.reviewer == b })
                    else { continue }
                    pairs[[a, b], default: ([], 0)].decisions.append((firstA.decision, firstB.decision))
                    if Registry.changedAfterConflict(pair) { pairs[[a, b], default: ([], 0)].changed += 1 }
                }
            }
        }
        return pairs.keys.sorted { $0.lexicographicallyPrecedes($1) }.compactMap { key in
            guard let first = team.first(where: { $0.id == key[0] }),
                let second = team.first(where: { $0.id == key[1] }),
                let pair = pairs[key]
            else { return nil }
            return DecisionPairs(first: first, second: second, decisions: pair.decisions, changedAfterConflict: pair.changed)
        }
    }

    /// Whether, in one record's votes by two reviewers (oldest first), a reviewer changed their
    /// vote after both had voted and disagreed (the conflict showed).
    private static func changedAfterConflict(_ votes: [(reviewer: Int64, decision: ScreeningDecision)]) -> Bool {
        var current: [Int64: ScreeningDecision] = [:]
        var conflictShown = false
        for vote in votes {
            if conflictShown, let before = current[vote.reviewer], before != vote.decision { return true }
            current[vote.reviewer] = vote.decision
            if current.count == 2, Set(current.values.map(\.movesOn)).count == 2 { conflictShown = true }
        }
        return false
    }
}
