import RiskOfBias
import Testing

@Suite("Risk-of-bias tools")
struct RiskOfBiasToolTests {
    /// RoB 2's overall judgement (Sterne 2019, Table 2 of the tool): low only when every domain is
    /// low; high when any domain is high; otherwise some concerns.
    @Test(arguments: [
        ([.low, .low, .low, .low, .low], RiskOfBiasLevel.low) as ([RiskOfBiasLevel], RiskOfBiasLevel),
        ([.low, .someConcerns, .low, .low, .low], .someConcerns),
        ([.someConcerns, .someConcerns, .someConcerns, .low, .low], .someConcerns),
        ([.low, .low, .high, .low, .low], .high),
        ([.someConcerns, .high, .someConcerns, .low, .low], .high),
    ])
    func rob2OverallFollowsTheToolsAlgorithm(domains: [RiskOfBiasLevel], overall: RiskOfBiasLevel) {
        #expect(RiskOfBiasTool.rob2.overall(domains) == overall)
    }

    @Test func rob1OverallIsHighWithAnyHighAndUnclearOtherwise() {
        #expect(RiskOfBiasTool.rob1.overall([.low, .unclear, .low]) == .unclear)
        #expect(RiskOfBiasTool.rob1.overall([.low, .high]) == .high)
        #expect(RiskOfBiasTool.rob1.overall([.low, .low]) == .low)
        #expect(RiskOfBiasTool.rob1.overall([]) == nil)
    }

    @Test func domainsAndLevelsAreReadAsReviewersWriteThem() {
        #expect(RiskOfBiasTool.rob2.domain("D2") == "deviations_from_intended_interventions")
        #expect(RiskOfBiasTool.rob2.level("Some concerns") == .someConcerns)
        #expect(RiskOfBiasTool.rob1.level("some concerns") == nil)
        #expect(RiskOfBiasTool.rob1.domain("charm") == nil)
    }

    /// One list: the keys the registry stores and the headings figures print come in the same order.
    @Test func everyDomainHasItsKeyAndTheToolsHeading() {
        #expect(RiskOfBiasTool.rob1.domains.count == 7)
        #expect(RiskOfBiasTool.rob2.domains.count == 5)
        #expect(RiskOfBiasTool.rob1.domains[1].heading == "Allocation concealment (selection bias)")
        #expect(
            RiskOfBiasTool.rob2.domain("D3").flatMap { key in RiskOfBiasTool.rob2.domains.first { $0.key == key } }?.heading
                == "Bias due to missing outcome data")
    }
}
