import RealModule
import Testing

@testable import MetaAnalysis

/// Case-deletion diagnostics against `influence()`, `rstudent()`, `cooks.distance()`,
/// `hatvalues()`, `weights()` and `leave1out()` (fixtures: seed_review.json, metadat_sets.json).
@Suite("Influence diagnostics match metafor")
struct InfluenceTests {
    @Test(arguments: AnalysisFixture.all.filter { $0.raw["influence"] != nil })
    func everyRowMatches(_ fixture: AnalysisFixture) throws {
        let result = try Influence.diagnostics(fixture.effects, method: fixture.method, test: fixture.test)
        let name = fixture.name
        #expect(result.studies.count == fixture.k)
        expectClose(result.bonferroniThreshold, number(fixture.raw["bonferroni"]), "\(name) bonferroni")
        let columns: [(String, String, KeyPath<StudyInfluence, Double>)] = [
            ("rstudent", "z", \.rstudent), ("rstudent", "resid", \.residual), ("rstudent", "se", \.residualSE),
            ("influence", "dffits", \.dffits), ("influence", "cooks", \.cooksDistance),
            ("influence", "cov_r", \.covarianceRatio), ("influence", "hat", \.hat),
            ("influence", "weight", \.weight), ("influence", "dfbetas", \.dfbetas),
            ("influence", "tau2_del", \.leaveOneOut.tau2), ("influence", "QE_del", \.leaveOneOut.q),
            ("leave1out", "estimate", \.leaveOneOut.estimate), ("leave1out", "se", \.leaveOneOut.se),
            ("leave1out", "zval", \.leaveOneOut.statistic), ("leave1out", "pval", \.leaveOneOut.p),
            ("leave1out", "ci_lb", \.leaveOneOut.ciLower), ("leave1out", "ci_ub", \.leaveOneOut.ciUpper),
            ("leave1out", "Qp", \.leaveOneOut.qP), ("leave1out", "I2", \.leaveOneOut.i2),
            ("leave1out", "H2", \.leaveOneOut.h2),
        ]
        for (section, key, path) in columns {
            let expected = fixture.values(section, key)
            #expect(expected.count == fixture.k, "\(name) \(section)$\(key) missing from fixture")
            guard expected.count == fixture.k else { continue }
            for (i, study) in result.studies.enumerated() {
                expectClose(study[keyPath: path], expected[i], "\(name) row \(i + 1) \(section)$\(key)")
            }
        }
        let cooks = array(fixture.raw["cooks_distance"])
        for (i, study) in result.studies.enumerated() {
            expectClose(study.cooksDistance, cooks[i], "\(name) cooks.distance \(i + 1)")
        }
    }

    /// The same diagnostics with every deletion refitted from scratch (metafor's way).
    static func refitted(_ effects: [EffectSize], method: TauSquaredMethod, test: WaldTest) throws -> InfluenceDiagnostics {
        let y = effects.map(\.yi), v = effects.map(\.vi)
        let full = try ModelFit(y: y, v: v, design: .intercept(y.count), method: method, test: test, level: 0.95)
        let deletions = Influence.refittedDeletions(y: y, v: v, method: method, test: test, level: 0.95)
        return Influence.assemble(y: y, v: v, full: full, deletions: deletions)
    }

    /// The running-sum path must reproduce plain refits, including deletions that move τ² a lot.
    @Test(arguments: AnalysisFixture.all.filter { $0.k >= 2 })
    func fastPathEqualsRefits(_ fixture: AnalysisFixture) throws {
        for method in TauSquaredMethod.allCases {
            for test in WaldTest.allCases {
                // Where the model itself is refused (FE, DL, PM with a vi of 0), so are its deletions.
                if (try? Pooling.fit(fixture.effects, method: method, test: test)) == nil {
                    #expect(throws: MetaAnalysisError.self) {
                        try Influence.diagnostics(fixture.effects, method: method, test: test)
                    }
                    continue
                }
                let fast = try Influence.diagnostics(fixture.effects, method: method, test: test, level: 0.95)
                let slow = try Self.refitted(fixture.effects, method: method, test: test)
                for (a, b) in zip(fast.studies, slow.studies) {
                    for path in [
                        \StudyInfluence.rstudent, \.cooksDistance, \.dffits, \.dfbetas, \.covarianceRatio,
                        \.leaveOneOut.tau2, \.leaveOneOut.estimate, \.leaveOneOut.p, \.leaveOneOut.i2,
                    ] {
                        #expect(
                            close(a[keyPath: path], b[keyPath: path], tolerance: 1e-9),
                            "\(fixture.name) \(method) \(test): fast \(a[keyPath: path]) refit \(b[keyPath: path])")
                    }
                }
            }
        }
    }

    /// A large heterogeneous synthetic outcome: every deletion shifts τ² a little, so the
    /// series paths are exercised on hundreds of rows (compared with exact refits).
    @Test func fastPathEqualsRefitsOnLargeOutcome() throws {
        var effects: [EffectSize] = []
        var state: UInt64 = 42
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for i in 0..<600 {
            let vi = 0.01 + 0.5 * uniform()
            let yi =
                0.3 + (i % 97 == 0 ? 3.0 : 0) + (-2 * Double.log(uniform())).squareRoot() * Double.cos(2 * .pi * uniform())
                * (vi + 0.2).squareRoot()
            effects.append(EffectSize(yi: yi, vi: vi))
        }
        for (method, test) in [
            (TauSquaredMethod.fixed, WaldTest.z), (.derSimonianLaird, .z), (.derSimonianLaird, .knappHartung),
            (.restrictedMaximumLikelihood, .z), (.pauleMandel, .knappHartung),
        ] {
            let fast = try Influence.diagnostics(effects, method: method, test: test, level: 0.95)
            let slow = try Self.refitted(effects, method: method, test: test)
            var worst = 0.0
            for (a, b) in zip(fast.studies, slow.studies) {
                for path in [\StudyInfluence.rstudent, \.cooksDistance, \.dffits, \.leaveOneOut.tau2, \.leaveOneOut.se] {
                    let scale = max(abs(b[keyPath: path]), 1e-300)
                    worst = max(worst, abs(a[keyPath: path] - b[keyPath: path]) / scale)
                }
            }
            // Cook's distance and DFFITS rest on μ̂ − μ̂₋ᵢ, about 1e-3 of μ̂ at k = 600, so the
            // refits' own rounding limits agreement to roughly 1e-8 relative there.
            #expect(worst < 1e-7, "\(method) \(test): largest relative difference \(worst)")
        }
    }

    /// The benchmark case: one outcome with 100,000 rows and all diagnostics. Checks sampled
    /// deletions against exact refits; the whole call must not be O(k²).
    @Test func hundredThousandRowsWithSampledRefits() throws {
        var effects: [EffectSize] = []
        var state: UInt64 = 7
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<100_000 {
            let vi = 0.02 + uniform()
            let z = (-2 * Double.log(uniform())).squareRoot() * Double.cos(2 * .pi * uniform())
            effects.append(EffectSize(yi: -0.2 + z * (vi + 0.05).squareRoot(), vi: vi))
        }
        let y = effects.map(\.yi), v = effects.map(\.vi)
        for method in [TauSquaredMethod.derSimonianLaird, .restrictedMaximumLikelihood] {
            let clock = ContinuousClock()
            let start = clock.now
            let result = try Influence.diagnostics(effects, method: method, test: .z)
            let elapsed = clock.now - start
            #expect(result.studies.count == 100_000)
            #expect(elapsed < .seconds(60), "100,000-row \(method) diagnostics took \(elapsed)")
            for i in [0, 1, 4_999, 50_000, 99_999] {
                let exact = try DeletionFit.refit(y: y, v: v, deleting: i, method: method, test: .z, level: 0.95)
                #expect(close(result.studies[i].leaveOneOut.tau2, exact.tau2, tolerance: 1e-9))
                #expect(close(result.studies[i].leaveOneOut.estimate, exact.estimate, tolerance: 1e-9))
                #expect(close(result.studies[i].leaveOneOut.se, exact.summary.se, tolerance: 1e-9))
            }
        }
    }

    @Test func oneStudyIsRefused() {
        #expect(throws: MetaAnalysisError.tooFewStudies(k: 1, needed: 2)) {
            try Influence.diagnostics([EffectSize(yi: 0.2, vi: 0.1)], method: .derSimonianLaird)
        }
    }
}
