import MetaAnalysis
import Testing

/// `MetaRegression.fit` against `rma(yi, vi, mods = X)` on dat.bcg (fixture: metadat_regression.json).
@Suite("Meta-regression matches rma with moderators")
struct MetaRegressionTests {
    static let fixtures = AnalysisFixture.load("metadat_regression")

    @Test(arguments: fixtures)
    func coefficientsAndTestsMatch(_ fixture: AnalysisFixture) throws {
        let rows = (fixture.raw["X"] as! [Any]).map { array($0).map { $0! } }
        let result = try MetaRegression.fit(
            fixture.effects, moderators: rows, intercept: false,
            method: fixture.method, test: fixture.test)
        let name = fixture.name
        let keys = ["beta", "se", "zval", "pval", "ci_lb", "ci_ub"]
        let actual: [[Double]] = [
            result.coefficients.map(\.estimate), result.coefficients.map(\.se),
            result.coefficients.map(\.statistic), result.coefficients.map(\.p),
            result.coefficients.map(\.ciLower), result.coefficients.map(\.ciUpper),
        ]
        for (key, values) in zip(keys, actual) {
            let expected = array(fixture.raw[key])
            #expect(values.count == expected.count)
            for (i, value) in values.enumerated() { expectClose(value, expected[i], "\(name) \(key)[\(i)]") }
        }
        expectClose(result.tau2, number(fixture.raw["tau2"]), "\(name) tau2")
        expectClose(result.q, number(fixture.raw["QE"]), "\(name) QE")
        expectClose(result.qP, number(fixture.raw["QEp"]), "\(name) QEp")
        expectClose(result.qm, number(fixture.raw["QM"]), "\(name) QM")
        expectClose(result.qmP, number(fixture.raw["QMp"]), "\(name) QMp")
        expectClose(result.i2, number(fixture.raw["I2"]), "\(name) I2")
        expectClose(result.h2, number(fixture.raw["H2"]), "\(name) H2")
        #expect(Double(result.qmDF) == array(fixture.raw["QMdf"])[0])
    }

    @Test func subgroupFitMatchesDummyCoding() throws {
        // dat.bcg allocation: alternate / random / systematic, as model.matrix(~alloc) codes it.
        let fixture = Self.fixtures.first { $0.name == "alloc REML z" }!
        let rows = (fixture.raw["X"] as! [Any]).map { array($0).map { $0! } }
        let groups = rows.map { $0[1] == 1 ? "random" : ($0[2] == 1 ? "systematic" : "alternate") }
        let result = try MetaRegression.fit(fixture.effects, groups: groups, method: .restrictedMaximumLikelihood)
        expectClose(result.qm, number(fixture.raw["QM"]), "subgroup QM")
        expectClose(result.qmP, number(fixture.raw["QMp"]), "subgroup QMp")
    }

    @Test func collinearModeratorsAreRefused() {
        let effects = (0..<5).map { EffectSize(yi: Double($0), vi: 0.1) }
        let rows = (0..<5).map { [Double($0), 2 * Double($0)] }
        #expect(throws: MetaAnalysisError.singularDesign(columns: 3)) {
            try MetaRegression.fit(effects, moderators: rows, method: .derSimonianLaird)
        }
    }
}
