import RealModule

/// Pooling of effect sizes: fixed-effect and random-effects meta-analysis (`metafor::rma`).
///
/// Every number matches `metafor` 3.8-1's `rma.uni` and `predict.rma` to 1e-6; see
/// `scripts/reference/*.R` for the reference computations the tests compare against.
public enum Pooling {
    /// Pools effect sizes with the chosen τ² estimator and test, as `rma(yi, vi, method, test)`.
    ///
    /// Weights are 1/(vᵢ + τ²); the estimate is the weighted mean, its variance 1/Σw (times
    /// the Knapp–Hartung factor s² = Σwᵢ(yᵢ − μ̂)²/(k − 1) when `test == .knappHartung`, then
    /// with t on k − 1 df). Q, its p, I² = 100·τ²/(τ² + s²) with the typical within-study
    /// variance s² = (k − 1)Σw/((Σw)² − Σw²) (from Q for the fixed-effect model), H² and the
    /// prediction interval μ̂ ± crit·√(SE² + τ²) (none for the fixed-effect model) follow metafor.
    /// With k = 1, τ² = 0 and a z test are used, as metafor does.
    ///
    /// Source: `metafor::rma.uni`, `metafor::predict.rma`; DerSimonian R, Laird N (1986)
    /// doi:10.1016/0197-2456(86)90046-2; Knapp G, Hartung J (2003) doi:10.1002/sim.1482;
    /// Higgins JPT, Thompson SG (2002) doi:10.1002/sim.1186.
    ///
    /// - Throws: `MetaAnalysisError.tooFewStudies` for no rows, `.nonPositiveVariance` for a
    ///   vi ≤ 0, `.didNotConverge` when an iterative estimator fails as it would in metafor.
    public static func fit(
        _ effects: [EffectSize], method: TauSquaredMethod = .restrictedMaximumLikelihood,
        test: WaldTest = .z, level: Double = 0.95
    ) throws -> PooledEstimate {
        let model = try ModelFit(
            y: effects.map(\.yi), v: effects.map(\.vi), design: .intercept(effects.count),
            method: method, test: test, level: level)
        return PooledEstimate(model)
    }
}

/// The result of pooling: summary estimate, its test and interval, heterogeneity, prediction interval.
///
/// Estimates are on the analysis scale (e.g. log OR); back-transform with `Transform`.
public struct PooledEstimate: Equatable, Sendable {
    /// Number of studies pooled.
    public var k: Int
    public var method: TauSquaredMethod
    /// The test actually used (metafor switches to z when k = 1).
    public var test: WaldTest
    /// The pooled estimate μ̂.
    public var estimate: Double
    /// Its standard error (Knapp–Hartung scaled when `test == .knappHartung`).
    public var se: Double
    /// z or t statistic μ̂/SE.
    public var statistic: Double
    /// Two-sided p-value of `statistic`.
    public var p: Double
    public var ciLower: Double
    public var ciUpper: Double
    /// Degrees of freedom of the t test (k − 1) under Knapp–Hartung, nil for z.
    public var df: Int?
    /// Between-study variance τ² and its square root.
    public var tau2: Double
    public var tau: Double
    /// I² in percent.
    public var i2: Double
    public var h2: Double
    /// Cochran's Q, its degrees of freedom k − 1 and p-value.
    public var q: Double
    public var qDF: Int
    public var qP: Double
    /// Prediction interval for a new study's true effect; nil for the fixed-effect model.
    public var piLower: Double?
    public var piUpper: Double?
    /// Each study's weight in percent (100·wᵢ/Σw, metafor's `weights()`).
    public var weights: [Double]

    init(_ m: ModelFit) {
        k = m.k
        method = m.method
        test = m.test
        estimate = m.beta[0]
        se = m.se[0]
        statistic = m.statistic[0]
        p = m.pValues[0]
        ciLower = m.ciLower[0]
        ciUpper = m.ciUpper[0]
        df = m.df
        tau2 = m.tau2
        tau = m.tau2.squareRoot()
        i2 = m.i2
        h2 = m.h2
        q = m.q
        qDF = m.k - 1
        qP = m.qP
        if m.method == .fixed {
            piLower = nil
            piUpper = nil
        } else {
            let half = m.criticalValue * (m.se[0] * m.se[0] + m.tau2).squareRoot()
            piLower = m.beta[0] - half
            piUpper = m.beta[0] + half
        }
        let total = m.weights.reduce(0, +)
        weights = m.weights.map { 100 * $0 / total }
    }
}
