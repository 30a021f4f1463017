import Foundation
import MetaAnalysis
import Testing

/// Required information size, α-spending and monitoring boundaries against rpact 3.3.4
/// (`scripts/reference/sequential.R` → `Fixtures/sequential.json`).
@Suite("Trial sequential analysis: information size and boundaries")
struct SequentialBoundariesTests {
    private let fixture = Fixture.json("sequential") as? [String: Any] ?? [:]

    private func cases(_ key: String) -> [[String: Any]] {
        required(fixture[key] as? [[String: Any]], key)
    }

    private func numbers(_ value: Any?) -> [Double?] {
        (value as? [Any] ?? []).map { ($0 as? NSNumber)?.doubleValue }
    }

    @Test func theTSAManualsSmokingCessationExampleNeeds5218Or4410Participants() throws {
        // The TSA manual: P_C = 14 %, α 5 %, β 20 %; a 20 % relative increase and a 20 % reduction.
        #expect(
            try RequiredInformationSize(controlRisk: 0.14, relativeRiskReduction: -0.2, alpha: 0.05, power: 0.8)
                .participants == 5218)
        #expect(
            try RequiredInformationSize(controlRisk: 0.14, relativeRiskReduction: 0.2, alpha: 0.05, power: 0.8)
                .participants == 4410)
    }

    @Test func requiredInformationSizeMatchesTheFormulaInR() throws {
        let all = cases("ris")
        #expect(all.count >= 6)
        for c in all {
            let size = try RequiredInformationSize(
                controlRisk: required(c["control_risk"] as? Double, "control_risk"),
                relativeRiskReduction: required(c["rrr"] as? Double, "rrr"),
                alpha: required(c["alpha"] as? Double, "alpha"), power: required(c["power"] as? Double, "power"))
            expectClose(size.exact, c["ris_exact"] as? Double, "RIS for \(c)", tolerance: 1e-9)
            #expect(size.participants == c["ris"] as? Int, "\(c)")
        }
    }

    @Test func impossiblePlansAreRefusedWithTheirReason() {
        for (risk, rrr, reason) in [
            (0.0, 0.2, "control risk"), (1.0, 0.2, "control risk"), (0.3, 0.0, "relative risk reduction"),
            (0.3, 1.0, "relative risk reduction"), (0.3, -1.0, "relative risk reduction"), (0.8, -0.5, "not a proportion"),
        ] {
            #expect {
                try RequiredInformationSize(controlRisk: risk, relativeRiskReduction: rrr, alpha: 0.05, power: 0.8)
            } throws: { error in
                String(describing: error).contains(reason)
            }
        }
    }

    @Test func diversityIsOneMinusTheRatioOfFixedToRandomVariance() {
        // Three studies with τ² = 0.1: v_F = 1/(1/0.1+1/0.2+1/0.4) = 0.0571…, v_R = 1/(1/0.2+1/0.3+1/0.5).
        let d2 = RequiredInformationSize.diversity(variances: [0.1, 0.2, 0.4], tau2: 0.1)
        let fixed = 1 / (10.0 + 5 + 2.5), random = 1 / (5.0 + 1 / 0.3 + 2)
        #expect(close(d2, 1 - fixed / random, tolerance: 1e-12))
        #expect(RequiredInformationSize.diversity(variances: [0.1, 0.2], tau2: 0) == 0)
    }

    @Test func obrienFlemingSpendingIsLanDeMetsFormula() {
        for c in cases("spending") {
            let t = required(c["t"] as? Double, "t")
            let spent = LanDeMets.obrienFleming(spending: 0.025, at: t)
            expectClose(spent, c["per_side"] as? Double, "α*(\(t))", tolerance: 1e-12)
        }
        #expect(abs(LanDeMets.obrienFleming(spending: 0.025, at: 1) - 0.025) < 1e-15)
        #expect(LanDeMets.obrienFleming(spending: 0.025, at: 0) == 0)
    }

    /// rpact's grid is coarse where a look adds little information (t = 0.30 → 0.31) or follows one
    /// that spent almost nothing: there it is off by up to 1.4e-4 from the exact multivariate-normal
    /// value (mvtnorm's Miwa algorithm), which these boundaries match to 1e-6 everywhere.
    private static let rpactGridTolerance = 2e-4

    @Test func efficacyBoundariesMatchTheExactMultivariateNormalAndRpact() {
        let all = cases("boundaries")
        #expect(all.count >= 7)
        for c in all {
            let t = numbers(c["t"]).compactMap { $0 }
            let alpha = required(c["alpha"] as? Double, "alpha")
            let rpactTolerance = c["rpact_accurate"] as? Bool == true ? 1e-6 : Self.rpactGridTolerance
            let found = SequentialBoundaries.efficacy(informationFractions: t, alpha: alpha)
            #expect(found.count == t.count)
            for (index, exact) in numbers(c["efficacy_exact"]).enumerated() {
                expectClose(found[index], exact, "boundary \(index + 1) at t = \(t) against Miwa")
            }
            for (index, expected) in numbers(c["efficacy"]).enumerated() {
                if let expected {
                    expectClose(found[index], expected, "boundary \(index + 1) at t = \(t)", tolerance: rpactTolerance)
                } else {
                    // rpact gives up (Inf) where a look spends almost nothing; the boundary is out of reach.
                    #expect(found[index] > 7, "boundary \(index + 1) at t = \(t): \(found[index])")
                }
            }
        }
    }

    @Test func theIssuesFourLookExampleGivesTheTextbookBoundaries() {
        let found = SequentialBoundaries.efficacy(informationFractions: [0.25, 0.5, 0.75, 1], alpha: 0.05)
        for (value, expected) in zip(found, [4.3326, 2.9631, 2.3590, 2.0141]) {
            #expect(abs(value - expected) < 5e-5, "\(found)")
        }
    }

    @Test func nonBindingFutilityBoundariesMatchRpact() {
        for c in cases("boundaries") {
            let t = numbers(c["t"]).compactMap { $0 }
            let alpha = required(c["alpha"] as? Double, "alpha"), beta = required(c["beta"] as? Double, "beta")
            // Where rpact's efficacy boundaries are off (above), its drift and futility bounds follow them.
            let tolerance = c["rpact_accurate"] as? Bool == true ? 1e-6 : 3e-3
            let futility = SequentialBoundaries.futility(informationFractions: t, alpha: alpha, beta: beta)
            expectClose(futility.inflation, c["inflation"] as? Double, "inflation at t = \(t)", tolerance: tolerance)
            for (index, expected) in numbers(c["futility"]).enumerated() {
                expectClose(
                    futility.bounds[index], expected, "futility bound \(index + 1) at t = \(t)", tolerance: tolerance)
            }
        }
    }
}
