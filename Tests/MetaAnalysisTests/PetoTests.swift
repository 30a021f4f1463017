import MetaAnalysis
import RealModule
import Testing

@Suite("Peto's odds ratio")
struct PetoTests {
    let fixture = LongFormatFixture("more_mh_peto")

    @Test func matchesRmaPeto() throws {
        var checked = 0
        for c in fixture.caseNames where fixture.scalar(c, "PETO_error") == 0 {
            let fit = try PetoOddsRatio(
                ai: fixture.vector(c, "ai"), n1i: fixture.vector(c, "n1i"),
                ci: fixture.vector(c, "ci"), n2i: fixture.vector(c, "n2i"))
            expectClose(fit.estimate, fixture.scalar(c, "PETO_beta"), "\(c) estimate")
            expectClose(fit.standardError, fixture.scalar(c, "PETO_se"), "\(c) se")
            expectClose(fit.z, fixture.scalar(c, "PETO_zval"), "\(c) z")
            expectClose(fit.pValue, fixture.scalar(c, "PETO_pval"), "\(c) p")
            expectClose(fit.ciLower, fixture.scalar(c, "PETO_cilb"), "\(c) ci.lb")
            expectClose(fit.ciUpper, fixture.scalar(c, "PETO_ciub"), "\(c) ci.ub")
            expectClose(fit.q, fixture.scalar(c, "PETO_QE"), "\(c) Q")
            expectClose(fit.qPValue, fixture.scalar(c, "PETO_QEp"), "\(c) Q p")
            expectClose(fit.i2, fixture.scalar(c, "PETO_I2"), "\(c) I2")
            expectClose(fit.h2, fixture.scalar(c, "PETO_H2"), "\(c) H2")
            #expect(Double(fit.k) == fixture.scalar(c, "PETO_k"), "\(c) k")
            #expect(Double(fit.kYi) == fixture.scalar(c, "PETO_kyi"), "\(c) k.yi")
            checked += 1
        }
        #expect(checked >= 25)
    }

    @Test func refusesTablesWithoutEvents() {
        #expect(throws: MetaAnalysisError.self) {
            try PetoOddsRatio(ai: [0, 0], n1i: [10, 12], ci: [0, 0], n2i: [11, 9])
        }
    }
}
