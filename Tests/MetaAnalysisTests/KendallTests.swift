import MetaAnalysis
import RealModule
import Testing

@Suite("Exact null distribution of Kendall's statistic")
struct KendallTests {
    let fixture = LongFormatFixture("more_ranktest")

    @Test func cdfMatchesRPKendall() {
        let cases = fixture.caseNames.filter { $0.hasPrefix("pkendall_") }
        #expect(cases.count >= 30)
        for c in cases {
            let n = Int(fixture.scalar(c, "n")!), q = Int(fixture.scalar(c, "q")!)
            expectClose(Kendall.cdf(q, n: n), fixture.scalar(c, "cdf"), c)
        }
    }

    /// R's counts overflow beyond n = 170 (cor.test returns NaN); the probability recurrence does not.
    @Test func exactPValuesStayFiniteBeyond170() {
        let n = 400, pairs = n * (n - 1) / 2
        let median = Kendall.cdf(pairs / 2, n: n)
        #expect(median > 0.5 && median < 0.51)
        let p = Kendall.twoSidedP(concordant: pairs / 2 + 2500, n: n)
        #expect(p.isFinite && p > 0 && p < 1)
        #expect(Kendall.twoSidedP(concordant: pairs, n: n) < 1e-300)
    }

    /// The distribution is symmetric about M/2, so both tails give the same two-sided p.
    @Test func twoSidedPIsSymmetric() {
        for n in [4, 9, 20] {
            let pairs = n * (n - 1) / 2
            for t in stride(from: 0, through: pairs, by: max(1, pairs / 7)) {
                expectClose(
                    Kendall.twoSidedP(concordant: t, n: n), Kendall.twoSidedP(concordant: pairs - t, n: n),
                    "n = \(n), T = \(t)", tolerance: 1e-14)
            }
        }
    }
}
