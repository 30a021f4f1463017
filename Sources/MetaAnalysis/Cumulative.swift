/// Cumulative meta-analysis: the pooled result after each study is added in a given order (`metafor::cumul`).
///
/// Step i pools studies 1…i with the same τ² method and test (metafor uses a z test while
/// only one study is in). No step is refitted from scratch: Q and the moment estimators come from
/// prefix sums, the iterative estimators replay metafor's iteration on prefix series sums
/// (`SeriesSums`); results are exact to rounding and the usual cost is O(k) overall. Paule–Mandel
/// is the exception: its steps are refitted (O(k²)), because its search bracket depends on R's
/// `mad()` of each prefix; so are outcomes with a sampling variance of 0, whose Σ1/v is infinite.
///
/// Source: `metafor::cumul.rma.uni`; Lau J et al. (1992) doi:10.1056/NEJM199207233270406.
public enum Cumulative {
    /// The pooled estimate after each study, in the order given (sort `effects` first, e.g. by year).
    ///
    /// A step whose estimator fails (as metafor's would) is all NaN.
    /// - Throws: `.nonPositiveVariance` or `.invalidInput` for an invalid row.
    public static func analyze(
        _ effects: [EffectSize], method: TauSquaredMethod = .restrictedMaximumLikelihood,
        test: WaldTest = .z, level: Double = 0.95
    ) throws -> [CumulativeStep] {
        for (row, e) in effects.enumerated() {
            guard e.vi.isFinite, e.vi >= 0 else { throw MetaAnalysisError.nonPositiveVariance(row: row + 1) }
            guard e.yi.isFinite else { throw MetaAnalysisError.invalidInput(row: row + 1, reason: "effect size is not finite") }
        }
        if effects.isEmpty { return [] }
        // PM's search bracket needs R's mad() of every prefix; without an incremental exact MAD
        // that would cost O(k² log k), more than plain refits.
        // A sampling variance of 0 makes the prefix sums infinite: refit those rare outcomes too.
        if method == .pauleMandel || effects.contains(where: { $0.vi == 0 }) {
            return refitSteps(effects, method: method, test: test, level: level)
        }
        return seriesSteps(effects, method: method, test: test, level: level)
    }

    /// Every step as a full refit (any estimator).
    static func refitSteps(
        _ effects: [EffectSize], method: TauSquaredMethod, test: WaldTest,
        level: Double
    ) -> [CumulativeStep] {
        var steps: [CumulativeStep] = []
        steps.reserveCapacity(effects.count)
        for n in 1..<(effects.count + 1) {
            guard let pooled = try? Pooling.fit(Array(effects[0..<n]), method: method, test: test, level: level) else {
                steps.append(.undefined(k: n))
                continue
            }
            steps.append(
                CumulativeStep(
                    k: n, estimate: pooled.estimate, se: pooled.se, statistic: pooled.statistic,
                    p: pooled.p, ciLower: pooled.ciLower, ciUpper: pooled.ciUpper,
                    q: pooled.q, qDF: pooled.qDF, tau2: pooled.tau2, i2: pooled.i2, h2: pooled.h2))
        }
        return steps
    }
}

/// One step of a cumulative meta-analysis.
public struct CumulativeStep: Equatable, Sendable {
    /// Number of studies pooled so far.
    public var k: Int
    public var estimate: Double
    public var se: Double
    public var statistic: Double
    public var p: Double
    public var ciLower: Double
    public var ciUpper: Double
    /// Cochran's Q of the first k studies on `qDF` = k − 1 degrees of freedom.
    public var q: Double
    public var qDF: Int
    public var tau2: Double
    public var i2: Double
    public var h2: Double

    public init(
        k: Int, estimate: Double, se: Double, statistic: Double, p: Double, ciLower: Double, ciUpper: Double,
        q: Double, qDF: Int, tau2: Double, i2: Double, h2: Double
    ) {
        self.k = k
        self.estimate = estimate
        self.se = se
        self.statistic = statistic
        self.p = p
        self.ciLower = ciLower
        self.ciUpper = ciUpper
        self.q = q
        self.qDF = qDF
        self.tau2 = tau2
        self.i2 = i2
        self.h2 = h2
    }

    /// The p-value of `q` (1 for a single study), computed on access.
    public var qP: Double { qDF > 0 ? ChiSquared.upperTail(q, df: Double(qDF)) : 1 }
}

extension CumulativeStep {
    /// The pooled result of the first `k` studies, from the sums the deletion diagnostics use.
    init(k: Int, _ fit: LeaveOneOut) {
        self.init(
            k: k, estimate: fit.estimate, se: fit.se, statistic: fit.statistic, p: fit.p, ciLower: fit.ciLower,
            ciUpper: fit.ciUpper, q: fit.q, qDF: fit.qDF, tau2: fit.tau2, i2: fit.i2, h2: fit.h2)
    }

    /// A step whose estimator fails: undefined, as `cumul()` leaves NA.
    static func undefined(k: Int) -> CumulativeStep {
        CumulativeStep(
            k: k, estimate: .nan, se: .nan, statistic: .nan, p: .nan, ciLower: .nan, ciUpper: .nan, q: .nan,
            qDF: k - 1, tau2: .nan, i2: .nan, h2: .nan)
    }
}
