import RealModule

/// The fail-safe N: how many unpublished null studies would overturn a meta-analytic result.
///
/// Three definitions, each exactly as `metafor::fsn()` (its `type` argument):
///
/// - Rosenthal (1979), Stouffer's method: with zᵢ = yᵢ/√vᵢ and z̄ = |Σzᵢ| / √k,
///   N = max(0, k·(z̄ / z₁₋α)² − k), the number of zero-z studies that pull the one-tailed
///   combined p-value up to α. `pValue` is the one-tailed P(Z ≥ z̄).
/// - Orwin (1983): N = max(0, k·(ȳ − target)/target) with ȳ the (unweighted, or with
///   `weighted` the inverse-variance weighted) mean effect; the default target is ȳ/2, a target
///   of the wrong sign is flipped and a target of 0 gives N = ∞.
/// - Rosenberg (2005): with wᵢ = 1/vᵢ, N = max(0, k·[(Σwᵢyᵢ / z₁₋α/₂)² − Σwᵢ] / Σwᵢ), the number of
///   average-weight null studies that make the fixed-effect estimate non-significant two-sided;
///   `pValue` is the two-sided p of the fixed-effect z.
///
/// Like `fsn()`, N is rounded up unless it lies within √ε of an integer, where it is rounded.
///
/// Source: Rosenthal R (1979) doi:10.1037/0033-2909.86.3.638; Orwin RG (1983)
/// doi:10.3102/10769986008002157; Rosenberg MS (2005) doi:10.1111/j.0014-3820.2005.tb01004.x;
/// `metafor::fsn()`.
public struct FailSafeN: Sendable, Equatable {
    /// The definition used.
    public enum Method: String, Sendable, Equatable {
        case rosenthal = "Rosenthal"
        case orwin = "Orwin"
        case rosenberg = "Rosenberg"
    }

    /// The definition used.
    public let method: Method
    /// The fail-safe N, a whole number or +∞ (`fsnum`).
    public let failSafeN: Double
    /// The significance level (`alpha`); unused by Orwin's method.
    public let alpha: Double
    /// Rosenthal: one-tailed p of Stouffer's z; Rosenberg: two-tailed p of the fixed-effect z;
    /// Orwin: nil (`pval`).
    public let pValue: Double?
    /// Orwin and Rosenberg: the (weighted) mean effect; Rosenthal: nil (`meanes`).
    public let meanEffect: Double?
    /// Orwin: the target effect actually used, after any sign flip; otherwise nil (`target`).
    public let target: Double?

    /// Rosenthal's fail-safe N (`fsn(yi, vi)`, the default type).
    public static func rosenthal(yi: [Double], vi: [Double], alpha: Double = 0.05) throws(MetaAnalysisError) -> FailSafeN {
        try validate(yi: yi, vi: vi)
        let k = Double(yi.count)
        var sumZ = 0.0
        for i in yi.indices { sumZ += yi[i] / vi[i].squareRoot() }
        let zAverage = abs(sumZ / k.squareRoot())
        let critical = -Normal.quantile(alpha)
        let raw = max(0, k * (zAverage / critical) * (zAverage / critical) - k)
        return FailSafeN(
            method: .rosenthal, failSafeN: roundedLikeFsn(raw), alpha: alpha,
            pValue: Normal.upperTail(zAverage), meanEffect: nil, target: nil)
    }

    /// Orwin's fail-safe N (`fsn(yi, vi, type = "Orwin", target, weighted)`).
    ///
    /// `vi` is needed only when `weighted`; `target` defaults to half the mean effect.
    public static func orwin(
        yi: [Double], vi: [Double]? = nil, target: Double? = nil, weighted: Bool = false
    ) throws(MetaAnalysisError) -> FailSafeN {
        let mean: Double
        if weighted {
            guard let vi else { throw .invalidInput(row: 0, reason: "weighted Orwin fail-safe N needs sampling variances") }
            try validate(yi: yi, vi: vi)
            var sumW = 0.0, sumWY = 0.0
            for i in yi.indices {
                sumW += 1 / vi[i]
                sumWY += yi[i] / vi[i]
            }
            mean = sumWY / sumW
        } else {
            guard !yi.isEmpty else { throw .tooFewStudies(k: 0, needed: 1) }
            if let vi, vi.count != yi.count { throw lengthMismatch(yi.count, vi.count) }
            for i in yi.indices where !yi[i].isFinite { throw .invalidInput(row: i, reason: "effect size is not finite") }
            mean = yi.reduce(0, +) / Double(yi.count)
        }
        var goal = target ?? mean / 2
        let raw: Double
        if goal == 0 {
            raw = .infinity
        } else {
            if sign(goal) != sign(mean) { goal = -goal }
            raw = max(0, Double(yi.count) * (mean - goal) / goal)
        }
        return FailSafeN(
            method: .orwin, failSafeN: roundedLikeFsn(raw), alpha: 0.05,
            pValue: nil, meanEffect: mean, target: goal)
    }

    /// Rosenberg's fail-safe N (`fsn(yi, vi, type = "Rosenberg")`).
    public static func rosenberg(yi: [Double], vi: [Double], alpha: Double = 0.05) throws(MetaAnalysisError) -> FailSafeN {
        try validate(yi: yi, vi: vi)
        var sumW = 0.0, sumWY = 0.0
        for i in yi.indices {
            let w = 1 / vi[i]
            sumW += w
            sumWY += w * yi[i]
        }
        let mean = sumWY / sumW
        let z = mean / (1 / sumW).squareRoot()
        let critical = -Normal.quantile(alpha / 2)
        let wp = (sumWY / critical) * (sumWY / critical) - sumW
        let raw = max(0, Double(yi.count) * wp / sumW)
        return FailSafeN(
            method: .rosenberg, failSafeN: roundedLikeFsn(raw), alpha: alpha,
            pValue: Normal.twoSidedP(z), meanEffect: mean, target: nil)
    }

    /// `fsn()`'s final step: ceiling, unless within √ε of an integer, then nearest integer.
    static func roundedLikeFsn(_ value: Double) -> Double {
        if value.isFinite && abs(value - value.rounded()) >= Double.ulpOfOne.squareRoot() {
            return value.rounded(.up)
        }
        return value.rounded()
    }

    /// R's `sign()`: −1, 0 or 1.
    private static func sign(_ x: Double) -> Double {
        x > 0 ? 1 : (x < 0 ? -1 : 0)
    }

    private static func validate(yi: [Double], vi: [Double]) throws(MetaAnalysisError) {
        guard yi.count == vi.count else { throw lengthMismatch(yi.count, vi.count) }
        guard !yi.isEmpty else { throw .tooFewStudies(k: 0, needed: 1) }
        for i in yi.indices {
            guard yi[i].isFinite else { throw .invalidInput(row: i, reason: "effect size is not finite") }
            guard vi[i].isFinite, vi[i] > 0 else { throw .nonPositiveVariance(row: i) }
        }
    }

    private static func lengthMismatch(_ k: Int, _ v: Int) -> MetaAnalysisError {
        .invalidInput(row: min(k, v), reason: "yi has \(k) values but vi has \(v)")
    }
}
