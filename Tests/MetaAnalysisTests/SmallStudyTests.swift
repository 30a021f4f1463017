import RealModule
import Testing

@testable import MetaAnalysis

/// Egger's test (`regtest`), trim-and-fill (`trimfill`) and cumulative meta-analysis (`cumul`)
/// against metafor, on every fixture analysis where metafor produced them.
@Suite("Egger, trim-and-fill and cumulative match metafor")
struct SmallStudyTests {
    @Test(arguments: AnalysisFixture.all.filter { $0.raw["regtest"] != nil })
    func eggerMatchesRegtest(_ fixture: AnalysisFixture) throws {
        let egger = try Egger.test(fixture.effects, method: fixture.method, test: fixture.test)
        expectClose(egger.statistic, fixture.value("regtest", "zval"), "\(fixture.name) regtest zval")
        expectClose(egger.p, fixture.value("regtest", "pval"), "\(fixture.name) regtest pval")
        expectClose(egger.df.map(Double.init), fixture.value("regtest", "dfs"), "\(fixture.name) regtest df")
        expectClose(egger.limitEstimate, fixture.value("regtest", "est"), "\(fixture.name) limit estimate")
        expectClose(egger.limitCILower, fixture.value("regtest", "ci_lb"), "\(fixture.name) limit ci.lb")
        expectClose(egger.limitCIUpper, fixture.value("regtest", "ci_ub"), "\(fixture.name) limit ci.ub")

        // lm() with weights 1/vi fails where a vi is 0 (metafor gives no result): so must we.
        guard fixture.raw["regtest_lm"] != nil else {
            #expect(throws: MetaAnalysisError.zeroVarianceWithoutHeterogeneity) {
                try Egger.test(fixture.effects, model: .weightedRegression)
            }
            return
        }
        let classical = try Egger.test(fixture.effects, model: .weightedRegression)
        expectClose(classical.statistic, fixture.value("regtest_lm", "zval"), "\(fixture.name) lm t")
        expectClose(classical.p, fixture.value("regtest_lm", "pval"), "\(fixture.name) lm p")
        expectClose(classical.limitEstimate, fixture.value("regtest_lm", "est"), "\(fixture.name) lm limit")
        expectClose(classical.limitCILower, fixture.value("regtest_lm", "ci_lb"), "\(fixture.name) lm ci.lb")
    }

    @Test(arguments: AnalysisFixture.all.filter { $0.raw["trimfill"] != nil })
    func trimAndFillMatchesTrimfill(_ fixture: AnalysisFixture) throws {
        let result = try TrimAndFill.analyze(fixture.effects, method: fixture.method, test: fixture.test)
        let name = fixture.name
        #expect(Double(result.k0) == fixture.value("trimfill", "k0"), "\(name) k0")
        #expect(result.side.rawValue == fixture.section("trimfill")!["side"] as! String, "\(name) side")
        expectClose(result.seK0, fixture.value("trimfill", "se_k0"), "\(name) se.k0")
        expectClose(result.pooled.estimate, fixture.value("trimfill", "estimate"), "\(name) filled estimate")
        expectClose(result.pooled.se, fixture.value("trimfill", "se"), "\(name) filled se")
        expectClose(result.pooled.p, fixture.value("trimfill", "pval"), "\(name) filled p")
        expectClose(result.pooled.ciLower, fixture.value("trimfill", "ci_lb"), "\(name) filled ci.lb")
        expectClose(result.pooled.ciUpper, fixture.value("trimfill", "ci_ub"), "\(name) filled ci.ub")
        expectClose(result.pooled.tau2, fixture.value("trimfill", "tau2"), "\(name) filled tau2")
        let allY = fixture.values("trimfill", "yi")
        #expect(result.pooled.k == allY.count)
        for (i, e) in result.filled.enumerated() {
            expectClose(e.yi, allY[fixture.k + i], "\(name) filled yi \(i + 1)")
        }
    }

    @Test(arguments: AnalysisFixture.all.filter { $0.raw["cumul"] != nil })
    func cumulativeMatchesCumul(_ fixture: AnalysisFixture) throws {
        let steps = try Cumulative.analyze(fixture.effects, method: fixture.method, test: fixture.test)
        #expect(steps.count == fixture.k)
        let fields: [(String, KeyPath<CumulativeStep, Double>)] = [
            ("estimate", \.estimate), ("se", \.se), ("zval", \.statistic), ("pval", \.p), ("ci_lb", \.ciLower),
            ("ci_ub", \.ciUpper), ("Q", \.q), ("Qp", \.qP), ("tau2", \.tau2), ("I2", \.i2), ("H2", \.h2),
        ]
        for (key, path) in fields {
            let expected = fixture.values("cumul", key)
            // metafor reports no tau2 column for a fixed-effect cumul.
            if key == "tau2", fixture.method == .fixed, expected.isEmpty { continue }
            #expect(expected.count == steps.count, "\(fixture.name) cumul \(key) missing")
            guard expected.count == steps.count else { continue }
            for (i, step) in steps.enumerated() {
                expectClose(step[keyPath: path], expected[i], "\(fixture.name) cumul step \(i + 1) \(key)")
            }
        }
    }

    /// Prefix sums must reproduce step-by-step refits for every estimator on an outcome long
    /// enough (600 studies) for the series path to be used.
    @Test func cumulativePrefixSumsEqualRefits() throws {
        var effects: [EffectSize] = []
        var state: UInt64 = 99
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for i in 0..<600 {
            let vi = 0.01 + 0.4 * uniform()
            let z = (-2 * Double.log(uniform())).squareRoot() * Double.cos(2 * .pi * uniform())
            effects.append(EffectSize(yi: (i < 300 ? 0.5 : -0.1) + z * (vi + 0.1).squareRoot(), vi: vi))
        }
        for (method, test) in [
            (TauSquaredMethod.derSimonianLaird, WaldTest.z), (.derSimonianLaird, .knappHartung), (.fixed, .z),
            (.restrictedMaximumLikelihood, .z), (.pauleMandel, .knappHartung), (.maximumLikelihood, .z),
            (.empiricalBayes, .z), (.sidikJonkman, .z), (.hedges, .knappHartung),
        ] {
            let fast = try Cumulative.analyze(effects, method: method, test: test)
            let slow = Cumulative.refitSteps(effects, method: method, test: test, level: 0.95)
            for (a, b) in zip(fast, slow) {
                for path in [\CumulativeStep.estimate, \.se, \.p, \.ciLower, \.q, \.tau2, \.i2] {
                    #expect(
                        close(a[keyPath: path], b[keyPath: path], tolerance: 1e-9),
                        "\(method) \(test) step \(a.k): prefix \(a[keyPath: path]) refit \(b[keyPath: path])")
                }
            }
        }
    }

    @Test func eggerNeedsThreeStudies() {
        let two = [EffectSize(yi: 0.1, vi: 0.1), EffectSize(yi: 0.5, vi: 0.2)]
        #expect(throws: MetaAnalysisError.tooFewStudies(k: 2, needed: 3)) { try Egger.test(two) }
    }
}
