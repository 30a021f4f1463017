import Testing

@testable import LivrevRanking

@Suite("Callaghan & Müller-Hansen stopping rule")
struct StoppingRuleTests {
    /// p-values on hand-made reading orders agree with the published formula evaluated over every
    /// tail with R's phyper (scripts/reference/stopping_rule.R).
    @Test func pValuesMatchThePublishedFormula() throws {
        let cases = try ReferenceFixtures.csv("stopping_rule.csv")
        #expect(cases.count == 10)
        for entry in cases {
            let labels = (entry["labels"] ?? "").map { $0 == "1" }
            let total = try #require(entry["N"].flatMap { Int($0) })
            let target = try #require(entry["target"].flatMap { Double($0) })
            let expected = try #require(entry["p"].flatMap { Double($0) })
            let p = StoppingRule(targetRecall: target).pValue(labels: labels, total: total)
            #expect(abs(p - expected) <= 1e-12 + 1e-9 * expected, "\(entry["name"] ?? ""): \(p) vs \(expected)")
            #expect(StoppingRule(targetRecall: target).passes(labels: labels, total: total) == (expected < 0.05))
        }
    }

    /// Computing only the tails that start after an include gives the minimum over every tail.
    @Test func prunedTailsGiveTheMinimumOverAllTails() {
        var random = RandomSource(seed: 42)
        let rule = StoppingRule()
        for _ in 0..<200 {
            let total = 40 + random.below(200)
            let read = 1 + random.below(total)
            let labels = (0..<read).map { _ in random.below(read < 30 ? 4 : 12) == 0 }
            var every = 1.0
            let found = labels.count { $0 }
            for size in 1...read {
                let k = labels[(read - size)...].count { $0 }
                every = min(every, rule.tailPValue(size: size, includes: k, found: found, read: read, total: total))
            }
            #expect(abs(rule.pValue(labels: labels, total: total) - every) < 1e-12)
        }
    }

    /// The hypergeometric lower tail agrees with R: phyper(3, 10, 40, 12) and phyper(0, 1, 49, 20).
    @Test func hypergeometricMatchesR() {
        // R 4: phyper(3, 10, 40, 12) = 0.820943522794; phyper(0, 1, 49, 20) = 0.6
        #expect(abs(Hypergeometric(population: 50, successes: 10, draws: 12).cdf(3) - 0.820943522794) < 1e-11)
        #expect(abs(Hypergeometric(population: 50, successes: 1, draws: 20).cdf(0) - 0.6) < 1e-12)
    }

    /// The heuristic counts only the excludes since the last include.
    @Test func consecutiveExcludesCountsTheTrailingRun() {
        let labels = [true, false, false, true] + Array(repeating: false, count: 7)
        #expect(ConsecutiveExcludes.run(labels) == 7)
        #expect(ConsecutiveExcludes(count: 7).passes(labels))
        #expect(!ConsecutiveExcludes(count: 8).passes(labels))
    }
}
