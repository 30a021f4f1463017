import MetaAnalysis
import RealModule
import Testing

@Suite("Mantel-Haenszel pooling")
struct MantelHaenszelTests {
    let fixture = LongFormatFixture("more_mh_peto")

    private func tables(_ c: String) -> (ai: [Double], n1i: [Double], ci: [Double], n2i: [Double]) {
        (fixture.vector(c, "ai"), fixture.vector(c, "n1i"), fixture.vector(c, "ci"), fixture.vector(c, "n2i"))
    }

    @Test(arguments: [Measure.OR, .RR, .RD])
    func pooledEstimateAndHeterogeneityMatchRmaMh(measure: Measure) throws {
        #expect(fixture.caseNames.count >= 25)
        let p = measure.rawValue
        for c in fixture.caseNames {
            let t = tables(c)
            let fit = try MantelHaenszel(ai: t.ai, n1i: t.n1i, ci: t.ci, n2i: t.n2i, measure: measure)
            expectClose(fit.estimate, fixture.scalar(c, p + "_beta"), "\(c) \(p) estimate")
            expectClose(fit.standardError, fixture.scalar(c, p + "_se"), "\(c) \(p) se")
            expectClose(fit.z, fixture.scalar(c, p + "_zval"), "\(c) \(p) z")
            expectClose(fit.pValue, fixture.scalar(c, p + "_pval"), "\(c) \(p) p")
            expectClose(fit.ciLower, fixture.scalar(c, p + "_cilb"), "\(c) \(p) ci.lb")
            expectClose(fit.ciUpper, fixture.scalar(c, p + "_ciub"), "\(c) \(p) ci.ub")
            expectClose(fit.q, fixture.scalar(c, p + "_QE"), "\(c) \(p) Q")
            expectClose(fit.qPValue, fixture.scalar(c, p + "_QEp"), "\(c) \(p) Q p")
            expectClose(fit.i2, fixture.scalar(c, p + "_I2"), "\(c) \(p) I2")
            expectClose(fit.h2, fixture.scalar(c, p + "_H2"), "\(c) \(p) H2")
            #expect(Double(fit.k) == fixture.scalar(c, p + "_k"), "\(c) \(p) k")
            #expect(Double(fit.kYi) == fixture.scalar(c, p + "_kyi"), "\(c) \(p) k.yi")
        }
    }

    @Test func oddsRatioTestsMatchRmaMh() throws {
        for c in fixture.caseNames {
            let t = tables(c)
            let fit = try MantelHaenszel(ai: t.ai, n1i: t.n1i, ci: t.ci, n2i: t.n2i)
            expectClose(fit.cochran?.statistic, fixture.scalar(c, "OR_CO"), "\(c) Cochran")
            expectClose(fit.cochran?.pValue, fixture.scalar(c, "OR_COp"), "\(c) Cochran p")
            expectClose(fit.cochranMantelHaenszel?.statistic, fixture.scalar(c, "OR_MH"), "\(c) CMH")
            expectClose(fit.cochranMantelHaenszel?.pValue, fixture.scalar(c, "OR_MHp"), "\(c) CMH p")
            expectClose(fit.breslowDay?.statistic, fixture.scalar(c, "OR_BD"), "\(c) Breslow-Day")
            expectClose(fit.breslowDay?.pValue, fixture.scalar(c, "OR_BDp"), "\(c) Breslow-Day p")
            expectClose(fit.tarone?.statistic, fixture.scalar(c, "OR_TA"), "\(c) Tarone")
            expectClose(fit.tarone?.pValue, fixture.scalar(c, "OR_TAp"), "\(c) Tarone p")
            #expect(Double((fit.breslowDay?.df ?? -1) + 1) == fixture.scalar(c, "OR_k.pos"), "\(c) k.pos")

            let plain = try MantelHaenszel(ai: t.ai, n1i: t.n1i, ci: t.ci, n2i: t.n2i, correct: false)
            expectClose(plain.cochran?.statistic, fixture.scalar(c, "ORnc_CO"), "\(c) Cochran, no correction")
            expectClose(plain.cochranMantelHaenszel?.statistic, fixture.scalar(c, "ORnc_MH"), "\(c) CMH, no correction")
            expectClose(plain.cochranMantelHaenszel?.pValue, fixture.scalar(c, "ORnc_MHp"), "\(c) CMH p, no correction")
        }
    }

    @Test func confidenceLevelIsHonoured() throws {
        for c in fixture.caseNames {
            let t = tables(c)
            let fit = try MantelHaenszel(ai: t.ai, n1i: t.n1i, ci: t.ci, n2i: t.n2i, measure: .RD, level: 0.90)
            expectClose(fit.ciLower, fixture.scalar(c, "RD90_cilb"), "\(c) 90% ci.lb")
            expectClose(fit.ciUpper, fixture.scalar(c, "RD90_ciub"), "\(c) 90% ci.ub")
        }
    }

    @Test func refusesImpossibleCounts() {
        #expect(throws: MetaAnalysisError.self) {
            try MantelHaenszel(ai: [5], n1i: [4], ci: [1], n2i: [10])
        }
        #expect(throws: MetaAnalysisError.self) {
            try MantelHaenszel(ai: [1, 2], n1i: [4, 5], ci: [1], n2i: [10])
        }
    }
}
