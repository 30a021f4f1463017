import MetaAnalysis
import RealModule
import Testing

/// Every value in Fixtures/distributions.csv comes from R 4.2 (scripts/reference/distributions.R).
@Suite("t, χ² and incomplete beta against R")
struct DistributionTests {
    static let rows = Fixture.csv("distributions")

    func check(_ fn: String, tolerance: Double, _ compute: (Double, Double) -> Double) {
        let selected = Self.rows.filter { $0["fn"] == fn }
        #expect(!selected.isEmpty)
        for row in selected {
            func number(_ key: String) -> Double { required(row[key].flatMap { Double($0) }, "a number in \(key)") }
            let x = number("x"), df = number("df"), expected = number("expected")
            let actual = compute(x, df)
            // Relative precision matters in the tails: a p of 1e-30 must not come back as 0.
            let ok = actual.isApproximatelyEqual(to: expected, absoluteTolerance: 1e-300, relativeTolerance: tolerance)
            #expect(ok, "\(fn)(\(x), df = \(df)): R \(expected), got \(actual)")
        }
    }

    @Test func tCdfAndTailsMatchPt() {
        check("pt", tolerance: 1e-10) { StudentT.cdf($0, df: $1) }
        check("pt_upper", tolerance: 1e-10) { StudentT.upperTail($0, df: $1) }
        check("pt_two", tolerance: 1e-10) { StudentT.twoSidedP($0, df: $1) }
    }

    @Test func tQuantileMatchesQt() {
        check("qt", tolerance: 1e-10) { StudentT.quantile($0, df: $1) }
    }

    @Test func chiSquaredMatchesPchisq() {
        check("pchisq", tolerance: 1e-10) { ChiSquared.cdf($0, df: $1) }
        check("pchisq_upper", tolerance: 1e-10) { ChiSquared.upperTail($0, df: $1) }
    }

    @Test func chiSquaredQuantileMatchesQchisq() {
        check("qchisq", tolerance: 1e-10) { ChiSquared.quantile($0, df: $1) }
    }

    @Test func incompleteBetaMatchesPbeta() {
        let groups = Set(Self.rows.compactMap { $0["fn"] }.filter { $0.hasPrefix("pbeta_") })
        #expect(groups.count == 5)
        for name in groups {
            let parts = name.split(separator: "_")
            let a = Double(parts[1])!, b = Double(parts[2])!
            check(name, tolerance: 1e-10) { x, _ in SpecialFunctions.regularizedBeta(x, a, b) }
        }
    }

    @Test func fUpperTailMatchesPf() {
        let groups = Set(Self.rows.compactMap { $0["fn"] }.filter { $0.hasPrefix("pf_upper_") })
        #expect(groups.count == 5)
        for name in groups {
            let d2 = Double(name.split(separator: "_")[2])!
            check(name, tolerance: 1e-10) { f, d1 in FisherF.upperTail(f, d1: d1, d2: d2) }
        }
    }

    @Test func knappHartungCriticalValueForTwoStudies() {
        // qt(0.975, 1) = 12.706204736174707: the reason k = 2 knha intervals are so wide.
        #expect(StudentT.quantile(0.975, df: 1).isApproximatelyEqual(to: 12.706204736174707, relativeTolerance: 1e-12))
    }
}
