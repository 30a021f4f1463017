import MetaAnalysis
import RealModule
import Testing

@Suite("Fail-safe N")
struct FailSafeNTests {
    let fixture = LongFormatFixture("more_fsn")

    private func check(_ result: FailSafeN, _ c: String, _ prefix: String) {
        expectClose(result.failSafeN, fixture.scalar(c, prefix + "_fsnum"), "\(c) \(prefix) fail-safe N", tolerance: 0)
        expectClose(result.alpha, fixture.scalar(c, prefix + "_alpha"), "\(c) \(prefix) alpha")
        expectClose(result.pValue, fixture.scalar(c, prefix + "_pval"), "\(c) \(prefix) p-value")
        expectClose(result.meanEffect, fixture.scalar(c, prefix + "_meanes"), "\(c) \(prefix) mean effect")
        expectClose(result.target, fixture.scalar(c, prefix + "_target"), "\(c) \(prefix) target")
    }

    @Test func rosenthalMatchesMetafor() throws {
        for c in fixture.caseNames {
            let yi = fixture.vector(c, "yi"), vi = fixture.vector(c, "vi")
            check(try FailSafeN.rosenthal(yi: yi, vi: vi), c, "rosenthal")
            check(try FailSafeN.rosenthal(yi: yi, vi: vi, alpha: 0.01), c, "rosenthal01")
        }
    }

    @Test func orwinMatchesMetafor() throws {
        for c in fixture.caseNames {
            let yi = fixture.vector(c, "yi"), vi = fixture.vector(c, "vi")
            check(try FailSafeN.orwin(yi: yi), c, "orwin")
            check(try FailSafeN.orwin(yi: yi, target: 0.2), c, "orwin_t02")
            check(try FailSafeN.orwin(yi: yi, target: 0), c, "orwin_t0")
            check(try FailSafeN.orwin(yi: yi, vi: vi, weighted: true), c, "orwin_w")
        }
    }

    @Test func rosenbergMatchesMetafor() throws {
        for c in fixture.caseNames {
            check(try FailSafeN.rosenberg(yi: fixture.vector(c, "yi"), vi: fixture.vector(c, "vi")), c, "rosenberg")
        }
    }

    @Test func failSafeNIsAWholeNumber() throws {
        // Orwin's default target ȳ/2 gives k·(ȳ − ȳ/2)/(ȳ/2) = k up to rounding: fsn() rounds, not ceils.
        let result = try FailSafeN.orwin(yi: [0.3, 0.1, 0.7])
        #expect(result.failSafeN == 3)
    }
}
