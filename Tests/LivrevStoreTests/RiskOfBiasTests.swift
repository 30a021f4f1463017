import RiskOfBias
import Testing

@testable import LivrevStore

@Suite("Risk of bias")
struct RiskOfBiasTests {
    @Test func pairsAgreeConflictAndResolveWithTheFinalDerivedNeverTyped() throws {
        let test = try TestRegistry()
        let registry = test.registry
        try registry.write(reviewer: nil, command: "study") { try registry.addStudy("Hare 2009", records: [], revision: $0) }
        func judge(_ domain: String, _ level: String, by reviewer: Reviewer) throws {
            try registry.write(reviewer: reviewer.name, command: "rob") { revision in
                try registry.setRiskOfBias(
                    study: "Hare 2009", tool: .rob2, domain: domain, judgement: level, support: nil,
                    reviewer: reviewer, revision: revision)
            }
        }
        for domain in RiskOfBiasTool.rob2.domainKeys {
            try judge(domain, "low", by: test.ana)
            try judge(domain, domain == "missing_outcome_data" ? "some concerns" : "low", by: test.ben)
        }
        #expect(try registry.riskOfBiasDomains(tool: .rob2).filter(\.inConflict).map(\.domain) == ["missing_outcome_data"])
        #expect(try registry.riskOfBiasSummaries(tool: .rob2).first?.overall == .low)  // the conflict is not final yet
        #expect(throws: StoreError.notAnArbiter(reviewer: "ana")) {
            try registry.write(reviewer: "ana", command: "resolve") { revision in
                try registry.resolveRiskOfBias(
                    study: "Hare 2009", tool: .rob2, domain: "D3", judgement: "low", support: nil,
                    reviewer: test.ana, consensus: nil, revision: revision)
            }
        }
        try registry.write(reviewer: "cy", command: "resolve") { revision in
            try registry.resolveRiskOfBias(
                study: "Hare 2009", tool: .rob2, domain: "D3", judgement: "some concerns",
                support: "attrition 20%", reviewer: test.cy, consensus: nil, revision: revision)
        }
        var summary = try #require(try registry.riskOfBiasSummaries(tool: .rob2).first)
        #expect(summary.overall == .someConcerns)
        #expect(!summary.overridden)
        // A recorded override of the overall judgement (e.g. several some-concerns lowering confidence).
        try judge("overall", "high", by: test.ana)
        try judge("overall", "high", by: test.ben)
        summary = try #require(try registry.riskOfBiasSummaries(tool: .rob2).first)
        #expect(summary.overall == .high)
        #expect(summary.overridden)
    }
}
