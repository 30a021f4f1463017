import MetaAnalysis
import Testing

/// Back-transformed proportions (`predict(..., transf = transf.ilogit / transf.ipft.hm)`) and
/// Q-profile heterogeneity intervals (`confint(rma)`), against metadat_sets.json and seed_review.json.
@Suite("Back-transformations and Q-profile intervals match metafor")
struct BackTransformAndIntervalTests {
    @Test(arguments: AnalysisFixture.all.filter { $0.raw["backtransformed"] != nil })
    func proportionsBackTransform(_ fixture: AnalysisFixture) throws {
        let pooled = try Pooling.fit(fixture.effects, method: fixture.method, test: fixture.test)
        let measure = fixture.raw["measure"] as! String
        let sizes = array(fixture.section("counts")!["ni"]).map { $0! }
        let transform: (Double) -> Double =
            measure == "PLO"
            ? { Transform.inverseLogit($0) }
            : { Transform.inverseFreemanTukey($0, sampleSizes: sizes) }
        let name = fixture.name
        expectClose(transform(pooled.estimate), fixture.value("backtransformed", "pred"), "\(name) pooled proportion")
        expectClose(transform(pooled.ciLower), fixture.value("backtransformed", "ci_lb"), "\(name) ci.lb")
        expectClose(transform(pooled.ciUpper), fixture.value("backtransformed", "ci_ub"), "\(name) ci.ub")
        expectClose(pooled.piLower.map(transform), fixture.value("backtransformed", "pi_lb"), "\(name) pi.lb")
        expectClose(pooled.piUpper.map(transform), fixture.value("backtransformed", "pi_ub"), "\(name) pi.ub")
    }

    @Test(arguments: AnalysisFixture.all.filter { $0.raw["confint_tau2"] != nil })
    func qProfileIntervals(_ fixture: AnalysisFixture) throws {
        let intervals = try Pooling.heterogeneityIntervals(fixture.effects, method: fixture.method)
        for (key, interval) in [
            ("confint_tau2", intervals.tau2), ("confint_tau", intervals.tau),
            ("confint_I2", intervals.i2), ("confint_H2", intervals.h2),
        ] {
            let expected = array(fixture.raw[key])
            #expect(expected.count == 3, "\(fixture.name) \(key) missing")
            guard expected.count == 3 else { continue }
            expectClose(interval.estimate, expected[0], "\(fixture.name) \(key) estimate")
            expectClose(interval.lower, expected[1], "\(fixture.name) \(key) lower")
            expectClose(interval.upper, expected[2], "\(fixture.name) \(key) upper")
        }
    }

    @Test func fixedEffectHasNoHeterogeneityInterval() {
        let effects = [EffectSize(yi: 0.1, vi: 0.1), EffectSize(yi: 0.5, vi: 0.2), EffectSize(yi: 0.2, vi: 0.05)]
        #expect(throws: MetaAnalysisError.noRandomEffects) { try Pooling.heterogeneityIntervals(effects, method: .fixed) }
    }
}
