import MetaAnalysis
import Testing

/// `Pooling.fit` against `rma()` + `predict()` for every analysis in the fixtures.
@Suite("Pooling matches rma")
struct PoolingTests {
    @Test(arguments: AnalysisFixture.all)
    func everyFieldMatchesRma(_ fixture: AnalysisFixture) throws {
        let result = try Pooling.fit(fixture.effects, method: fixture.method, test: fixture.test)
        let name = fixture.name
        #expect(result.k == Int(fixture.value("fit", "k")!))
        expectClose(result.estimate, fixture.value("fit", "estimate"), "\(name) estimate")
        expectClose(result.se, fixture.value("fit", "se"), "\(name) se")
        expectClose(result.statistic, fixture.value("fit", "zval"), "\(name) statistic")
        expectClose(result.p, fixture.value("fit", "pval"), "\(name) p")
        expectClose(result.ciLower, fixture.value("fit", "ci_lb"), "\(name) ci.lb")
        expectClose(result.ciUpper, fixture.value("fit", "ci_ub"), "\(name) ci.ub")
        expectClose(result.tau2, fixture.value("fit", "tau2"), "\(name) tau2")
        expectClose(result.tau, fixture.value("fit", "tau"), "\(name) tau")
        expectClose(result.i2, fixture.value("fit", "I2"), "\(name) I2")
        expectClose(result.h2, fixture.value("fit", "H2"), "\(name) H2")
        expectClose(result.q, fixture.value("fit", "QE"), "\(name) Q")
        expectClose(result.qP, fixture.value("fit", "QEp"), "\(name) Q p")
        #expect(result.qDF == fixture.k - 1)
        expectClose(result.piLower, fixture.value("fit", "pi_lb"), "\(name) pi.lb")
        expectClose(result.piUpper, fixture.value("fit", "pi_ub"), "\(name) pi.ub")
        #expect(result.test.rawValue == fixture.section("fit")!["test_used"] as! String)
        let expectedWeights = array(fixture.raw["weights"])
        #expect(result.weights.count == expectedWeights.count)
        for (i, w) in result.weights.enumerated() { expectClose(w, expectedWeights[i], "\(name) weight \(i + 1)") }
    }

    @Test func noStudiesIsAnError() {
        #expect(throws: MetaAnalysisError.tooFewStudies(k: 0, needed: 1)) { try Pooling.fit([], method: .derSimonianLaird) }
    }

    @Test func nonPositiveVarianceNamesTheRow() {
        let effects = [EffectSize(yi: 0.1, vi: 0.2), EffectSize(yi: 0.3, vi: -0.01)]
        #expect(throws: MetaAnalysisError.nonPositiveVariance(row: 2)) { try Pooling.fit(effects) }
    }
}
