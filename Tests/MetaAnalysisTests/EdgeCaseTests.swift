import MetaAnalysis
import Testing

/// Where metafor refuses or fails, livrev must do the same (fixture: edge_cases.json).
@Suite("Edge cases behave as metafor")
struct EdgeCaseTests {
    static var fixture: [String: Any] { required(Fixture.json("edge_cases") as? [String: Any], "an object") }

    static func effects(_ key: String) -> [EffectSize] {
        let section = required(fixture[key] as? [String: Any], "section \(key)")
        return zip(array(section["yi"]), array(section["vi"])).map {
            EffectSize(yi: required($0, "yi in \(key)"), vi: required($1, "vi in \(key)"))
        }
    }

    @Test func remlThatDoesNotConvergeInMetaforThrows() throws {
        let section = Self.fixture["reml_nonconvergence"] as! [String: Any]
        #expect(section["error"] as? Bool == true)
        let effects = Self.effects("reml_nonconvergence")
        #expect(throws: MetaAnalysisError.didNotConverge(estimator: "REML (Fisher scoring)", iterations: 101)) {
            try Pooling.fit(effects, method: .restrictedMaximumLikelihood)
        }
        // The closed-form estimator still works on the same data.
        let dl = try Pooling.fit(effects, method: .derSimonianLaird)
        expectClose(dl.tau2, number(section["dl_tau2"]), "DL tau2 on the same data")
    }

    @Test func knappHartungOnFixedEffectModelScalesLikeMetafor() throws {
        let section = Self.fixture["fixed_knha"] as! [String: Any]
        let result = try Pooling.fit(Self.effects("fixed_knha"), method: .fixed, test: .knappHartung)
        expectClose(result.estimate, number(section["estimate"]), "estimate")
        expectClose(result.se, number(section["se"]), "se")
        expectClose(result.statistic, number(section["tval"]), "t")
        expectClose(result.p, number(section["pval"]), "p")
        expectClose(result.ciLower, number(section["ci_lb"]), "ci.lb")
        expectClose(result.ciUpper, number(section["ci_ub"]), "ci.ub")
        expectClose(result.i2, number(section["I2"]), "I2 from Q")
        expectClose(result.h2, number(section["H2"]), "H2 from Q")
        #expect(result.piLower == nil && result.piUpper == nil)
    }

    @Test func errorMessagesNameTheInput() {
        #expect(
            MetaAnalysisError.nonPositiveVariance(row: 3).description == "sampling variance in row 3 is negative or not finite")
        #expect(
            MetaAnalysisError.didNotConverge(estimator: "REML (Fisher scoring)", iterations: 101).description
                == "REML (Fisher scoring) did not converge in 101 iterations")
    }
}
