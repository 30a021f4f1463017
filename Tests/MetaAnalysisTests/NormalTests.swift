import MetaAnalysis
import RealModule
import Testing

@Suite("Normal distribution")
struct NormalTests {
    // R 4.2 (this machine): sprintf("%.17g", qnorm(c(0.975, 1 - 0.05/72, 1e-10, 0.5)))
    @Test func quantileMatchesR() {
        #expect(Normal.quantile(0.975).isApproximatelyEqual(to: 1.9599639845400536, relativeTolerance: 1e-14))
        #expect(Normal.quantile(1 - 0.05 / 72).isApproximatelyEqual(to: 3.1969502291312533, relativeTolerance: 1e-12))
        #expect(Normal.quantile(1e-10).isApproximatelyEqual(to: -6.3613409024040557, relativeTolerance: 1e-12))
        #expect(Normal.quantile(0.5) == 0)
        #expect(Normal.quantile(0.975).isApproximatelyEqual(to: Normal.quantile975, relativeTolerance: 1e-15))
    }

    // R: sprintf("%.17g", 2 * pnorm(-1.28)); pnorm(-40) underflows only below 1e-300
    @Test func tailsKeepRelativePrecision() {
        #expect(Normal.twoSidedP(1.28).isApproximatelyEqual(to: 0.20054513590888412, relativeTolerance: 1e-13))
        #expect(Normal.upperTail(10).isApproximatelyEqual(to: 7.6198530241605269e-24, relativeTolerance: 1e-12))
    }
}
