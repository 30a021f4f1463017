/// The current decisions of two reviewers on the records both decided at one stage.
package struct DecisionPairs: Sendable {
    package let first: Reviewer
    package let second: Reviewer
    /// One (first's, second's) decision per record both decided, in record order.
    package let decisions: [(ScreeningDecision, ScreeningDecision)]
}

extension Registry {
    /// For every pair of reviewers who both decided some record at `stage`, their decisions on
    /// those records (current ones: a later vote by the same reviewer replaces the earlier).
    /// Duplicates and previous-version reports are left out, as they are not screened.
    package func decisionPairs(stage: ScreeningStage, at revision: Int64 = .max) throws -> [DecisionPairs] {
        let facts = try screeningFacts(at: revision)
        let team = try reviewers(at: revision)
        var pairs: [[Int64]: [(ScreeningDecision, ScreeningDecision)]] = [:]
        for record in facts.records where record.duplicateOf == nil {
            guard facts.searchKinds[record.searchID] != .previous else { continue }
            let votes = record[stage].votes
            for (i, a) in votes.enumerated() {
                for b in votes[(i + 1)...] {
                    let (x, y) = a.reviewerID < b.reviewerID ? (a, b) : (b, a)
                    pairs[[x.reviewerID, y.reviewerID], default: []].append((x.decision, y.decision))
                }
            }
        }
        return pairs.keys.sorted { $0.lexicographicallyPrecedes($1) }.compactMap { key in
            guard let first = team.first(where: { $0.id == key[0] }),
                let second = team.first(where: { $0.id == key[1] }),
                let decisions = pairs[key]
            else { return nil }
            return DecisionPairs(first: first, second: second, decisions: decisions)
        }
    }
}
