import RealModule

/// Case-deletion diagnostics of a pooled analysis (`metafor::influence.rma.uni`, `rstudent`,
/// `cooks.distance`, `hatvalues`, `weights`, `leave1out`).
///
/// For every study i the model is refitted without it (same τ² method and test), giving the
/// externally studentized residual (yᵢ − μ̂₋ᵢ)/√(s²₋ᵢ(vᵢ + τ²₋ᵢ) + Var(μ̂₋ᵢ)), DFFITS, Cook's
/// distance (μ̂ − μ̂₋ᵢ)²/Var(μ̂), the covariance ratio Var(μ̂₋ᵢ)/Var(μ̂), DFBETAS, τ²₋ᵢ and Q₋ᵢ,
/// plus the hat value wᵢ/Σw and the weight in percent.
///
/// Cost: no deletion is refitted from scratch. Q₋ᵢ, and τ²₋ᵢ for FE, DL and HE, come from running
/// sums in O(1); the random-effects sums Σⱼ≠ᵢ 1/(vⱼ + τ²₋ᵢ) (and their y-weighted versions) from
/// power series around cached values of τ² whose truncation error is bounded below 1e-16
/// relative (`SeriesSums`). The iterative estimators (REML, ML, EB, PM, SJ) replay metafor's own
/// iteration for each deletion (same start, steps, stopping rule, `uniroot` path) on those
/// series. Where a bound does not hold
/// the sum is taken directly in O(k), so results are exact to rounding; the usual cost is O(k)
/// overall, the worst case O(k²).
///
/// Source: Viechtbauer W, Cheung MWL (2010) doi:10.1002/jrsm.11; `metafor::influence.rma.uni`.
public enum Influence {
    /// Deletion diagnostics for the model `Pooling.fit(effects, method:, test:)`.
    ///
    /// - Throws: `.tooFewStudies` when k < 2 (metafor refuses k = 1) and whatever the fit throws.
    public static func diagnostics(
        _ effects: [EffectSize], method: TauSquaredMethod = .restrictedMaximumLikelihood,
        test: WaldTest = .z, level: Double = 0.95
    ) throws -> InfluenceDiagnostics {
        let k = effects.count
        guard k >= 2 else { throw MetaAnalysisError.tooFewStudies(k: k, needed: 2) }
        let y = effects.map(\.yi), v = effects.map(\.vi)
        let full = try ModelFit(y: y, v: v, design: .intercept(k), method: method, test: test, level: level)
        // A sampling variance of 0 defeats the running sums (Σ1/v is infinite); those rare models
        // are refitted per deletion, as metafor does.
        let deletions =
            v.contains(0)
            ? refittedDeletions(y: y, v: v, method: method, test: test, level: level)
            : seriesDeletions(y: y, v: v, full: full, method: method, test: test, level: level)
        return assemble(y: y, v: v, full: full, deletions: deletions)
    }

    /// The Bonferroni threshold for |rstudent| at family-wise α: Φ⁻¹(1 − α/(2k)).
    public static func bonferroniThreshold(k: Int, alpha: Double = 0.05) -> Double {
        Normal.quantile(1 - alpha / (2 * Double(k)))
    }

    /// Every leave-one-out model, each refitted from scratch (O(k²)).
    static func refittedDeletions(
        y: [Double], v: [Double], method: TauSquaredMethod, test: WaldTest, level: Double
    ) -> [DeletionFit] {
        (0..<y.count).map {
            (try? DeletionFit.refit(y: y, v: v, deleting: $0, method: method, test: test, level: level)) ?? .undefined
        }
    }

    /// Every leave-one-out model from the full model's running sums (O(k) each).
    static func seriesDeletions(
        y: [Double], v: [Double], full: ModelFit, method: TauSquaredMethod, test: WaldTest, level: Double
    ) -> [DeletionFit] {
        var series = SeriesDeletions(y: y, v: v, full: full, method: method)
        let alpha = 1 - level
        let critical = (
            z: Normal.quantile(1 - alpha / 2),
            t: y.count > 2 ? StudentT.quantile(1 - alpha / 2, df: Double(y.count - 2)) : .nan
        )
        return (0..<y.count).map { series.deletion($0, method: method, test: test, critical: critical) }
    }

    /// The diagnostics of each study from the full model and its deletions.
    static func assemble(y: [Double], v: [Double], full: ModelFit, deletions: [DeletionFit]) -> InfluenceDiagnostics {
        let k = y.count
        let sumW = full.weights.reduce(0, +)
        let beta = full.beta[0]
        let vb = full.covariance[0, 0]
        var studies: [StudyInfluence] = []
        studies.reserveCapacity(k)
        for i in 0..<k {
            let d = deletions[i]
            let hat = full.weights[i] / sumW
            var residual = y[i] - d.estimate
            if abs(residual) < 100 * Double.ulpOfOne { residual = 0 }
            let residualSE = (v[i] * d.s2w + d.variance + d.tau2 * d.s2w).squareRoot()
            let difference = beta - d.estimate
            studies.append(
                StudyInfluence(
                    residual: residual, residualSE: residualSE, rstudent: residual / residualSE,
                    dffits: difference / (d.s2w * hat * (d.tau2 + v[i])).squareRoot(),
                    cooksDistance: difference * difference / vb,
                    covarianceRatio: d.variance / vb,
                    dfbetas: difference / (d.s2w * d.varianceAllRows).squareRoot(),
                    hat: hat, weight: 100 * hat,
                    leaveOneOut: d.summary))
        }
        return InfluenceDiagnostics(studies: studies, bonferroniThreshold: bonferroniThreshold(k: k))
    }
}

/// Deletion diagnostics for all studies, in input order.
public struct InfluenceDiagnostics: Equatable, Sendable {
    public var studies: [StudyInfluence]
    /// Φ⁻¹(1 − 0.05/(2k)): a |rstudent| above it flags an outlier after Bonferroni correction.
    public var bonferroniThreshold: Double
}

/// One study's influence on the pooled result.
public struct StudyInfluence: Equatable, Sendable {
    /// yᵢ − μ̂₋ᵢ (the deleted residual) and its standard error (`rstudent()$resid`, `$se`).
    public var residual: Double
    public var residualSE: Double
    /// The externally studentized residual (`rstudent()$z`).
    public var rstudent: Double
    public var dffits: Double
    public var cooksDistance: Double
    public var covarianceRatio: Double
    public var dfbetas: Double
    /// The hat value wᵢ/Σw (`hatvalues()`).
    public var hat: Double
    /// The weight in percent (`weights()`).
    public var weight: Double
    /// The meta-analysis without this study (`leave1out()`, with `tau2.del` and `QE.del`).
    public var leaveOneOut: LeaveOneOut
}

/// The pooled result without one study.
public struct LeaveOneOut: Equatable, Sendable {
    public var estimate: Double
    public var se: Double
    public var statistic: Double
    public var p: Double
    public var ciLower: Double
    public var ciUpper: Double
    /// Cochran's Q of the remaining k − 1 studies, on `qDF` = k − 2 degrees of freedom.
    public var q: Double
    public var qDF: Int
    public var tau2: Double
    public var i2: Double
    public var h2: Double

    /// The p-value of `q` (1 when a single study remains), computed on access: for very large k
    /// the χ² tail costs more than everything else in a deletion.
    public var qP: Double { qDF > 0 ? ChiSquared.upperTail(q, df: Double(qDF)) : 1 }
}
