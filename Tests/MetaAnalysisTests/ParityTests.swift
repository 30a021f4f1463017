import MetaAnalysis
import Testing

/// Issue 10's metafor-parity items that are not a `full_analysis` record (fixture:
/// parity_extras.json from scripts/reference/parity_sets.R): refusals with metafor's reasons,
/// Egger's test at k = 2 under FE, and the per-table rows, CMH and Tarone tests of rma.mh/rma.peto.
@Suite("metafor parity beyond the pooled line")
struct ParityTests {
    static var fixture: [String: Any] { required(Fixture.json("parity_extras") as? [String: Any], "an object") }

    static func effects(_ section: [String: Any]) -> [EffectSize] {
        zip(array(section["yi"]), array(section["vi"])).map {
            EffectSize(yi: required($0, "yi without NA"), vi: required($1, "vi without NA"))
        }
    }

    /// A risk difference of a double-zero table without correction has vi = 0: metafor refuses
    /// FE (infinite weight), DL and PM (they divide by vᵢ), and gives no τ² interval.
    @Test func zeroVarianceRefusalsGiveMetaforsReasons() throws {
        let section = required(Self.fixture["rd_none"] as? [String: Any], "rd_none")
        let effects = Self.effects(section)
        #expect(effects.filter { $0.vi == 0 }.count == 1)
        let refusals = required(section["refusals"] as? [[String: Any]], "refusals")
        #expect(refusals.count == 6)
        for refusal in refusals {
            let method = TauSquaredMethod(rawValue: refusal["method"] as! String)!
            let test = WaldTest(rawValue: refusal["test"] as! String)!
            let message = refusal["message"] as! String
            let expected: MetaAnalysisError =
                method == .fixed ? .zeroVarianceWithoutHeterogeneity : .nonPositiveVariances(estimator: method.rawValue)
            #expect(throws: expected, "\(method) \(test): metafor says \(message)") {
                try Pooling.fit(effects, method: method, test: test)
            }
            // The reason names what metafor names.
            let key = method == .fixed ? "division by zero" : "non-positive sampling variances"
            #expect(message.lowercased().contains(key) && expected.description.contains(key))
        }
        #expect((section["confint_message"] as? String)?.contains("non-positive sampling variances") == true)
        #expect(throws: MetaAnalysisError.heterogeneityIntervalNeedsPositiveVariances) {
            try Pooling.heterogeneityIntervals(effects, method: .restrictedMaximumLikelihood)
        }
    }

    @Test func pauleMandelSaysItsSearchLimitIsTooLow() {
        let section = required(Self.fixture["pm_too_low"] as? [String: Any], "pm_too_low")
        #expect((section["message"] as? String)?.contains("'tau2.max' too low") == true)
        #expect(throws: MetaAnalysisError.searchLimitTooLow(estimator: "PM", limit: 100)) {
            try Pooling.fit(Self.effects(section), method: .pauleMandel)
        }
        #expect(MetaAnalysisError.searchLimitTooLow(estimator: "PM", limit: 100).description.contains("tau2.max (100) too low"))
    }

    @Test func eggerAtTwoStudiesUnderFixedEffectIsTheSaturatedFit() throws {
        let cases = required(Self.fixture["egger_k2"] as? [[String: Any]], "egger_k2")
        #expect(cases.count == 3)
        for (n, section) in cases.enumerated() {
            let effects = Self.effects(section)
            let egger = try Egger.test(effects, method: .fixed)
            expectClose(egger.statistic, number(section["zval"]), "case \(n) zval")
            expectClose(egger.p, number(section["pval"]), "case \(n) pval")
            expectClose(egger.limitEstimate, number(section["est"]), "case \(n) est")
            expectClose(egger.limitCILower, number(section["ci_lb"]), "case \(n) ci.lb")
            expectClose(egger.limitCIUpper, number(section["ci_ub"]), "case \(n) ci.ub")
            #expect(egger.df == nil)
            // Random-effects models have a τ² to estimate too: metafor refuses at k = 2.
            #expect((section["dl_message"] as? String)?.contains("larger than the number of observations") == true)
            #expect(throws: MetaAnalysisError.tooFewStudies(k: 2, needed: 3)) {
                try Egger.test(effects, method: .derSimonianLaird)
            }
        }
    }

    @Test func mantelHaenszelAndPetoRowsTestsAndPooledLine() throws {
        let tables = required(Self.fixture["tables"] as? [[String: Any]], "tables")
        #expect(tables.count == 4)
        for table in tables {
            let name = table["name"] as! String
            let ai = array(table["ai"]).map { $0! }, n1i = array(table["n1i"]).map { $0! }
            let ci = array(table["ci"]).map { $0! }, n2i = array(table["n2i"]).map { $0! }
            func expectRows(_ rows: [EffectSize?], _ section: [String: Any], _ what: String) {
                let yi = array(section["yi"]), vi = array(section["vi"])
                #expect(rows.count == yi.count, "\(name) \(what) rows")
                for (i, row) in rows.enumerated() {
                    expectClose(row?.yi, yi[i], "\(name) \(what) row \(i + 1) yi")
                    expectClose(row?.vi, vi[i], "\(name) \(what) row \(i + 1) vi")
                }
                #expect(rows.compactMap { $0 }.count == Int(number(section["k_yi"])!), "\(name) \(what) k.yi")
            }
            for measure in [Measure.OR, .RR, .RD] {
                let section = table[measure.rawValue] as! [String: Any]
                expectRows(
                    try TwoByTwoRows.mantelHaenszel(ai: ai, n1i: n1i, ci: ci, n2i: n2i, measure: measure), section,
                    "MH \(measure.rawValue)")
                let mh = try MantelHaenszel(ai: ai, n1i: n1i, ci: ci, n2i: n2i, measure: measure)
                expectClose(mh.estimate, number(section["estimate"]), "\(name) MH \(measure.rawValue) estimate")
                expectClose(mh.standardError, number(section["se"]), "\(name) MH \(measure.rawValue) se")
                expectClose(mh.q, number(section["QE"]), "\(name) MH \(measure.rawValue) Q")
                if measure == .OR {
                    expectClose(mh.cochranMantelHaenszel?.statistic, number(section["MH"]), "\(name) CMH")
                    expectClose(mh.cochranMantelHaenszel?.pValue, number(section["MHp"]), "\(name) CMH p")
                    expectClose(mh.tarone?.statistic, number(section["TA"]), "\(name) Tarone")
                    expectClose(mh.tarone?.pValue, number(section["TAp"]), "\(name) Tarone p")
                    expectClose(mh.cochran?.statistic, number(section["CO"]), "\(name) Cochran")
                    expectClose(mh.breslowDay?.statistic, number(section["BD"]), "\(name) Breslow–Day")
                }
            }
            let section = table["PETO"] as! [String: Any]
            expectRows(try TwoByTwoRows.peto(ai: ai, n1i: n1i, ci: ci, n2i: n2i), section, "Peto")
            let peto = try PetoOddsRatio(ai: ai, n1i: n1i, ci: ci, n2i: n2i)
            expectClose(peto.estimate, number(section["estimate"]), "\(name) Peto estimate")
            expectClose(peto.standardError, number(section["se"]), "\(name) Peto se")
            expectClose(peto.q, number(section["QE"]), "\(name) Peto Q")
        }
    }
}
