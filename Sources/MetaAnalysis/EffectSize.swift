import RealModule

/// One study's effect estimate `yi` on the analysis scale and its sampling variance `vi`.
///
/// Ratio measures (OR, RR) are on the log scale, proportions on the logit (PLO) or
/// Freeman–Tukey double-arcsine (PFT) scale, exactly as `metafor::escalc` returns them.
///
/// Source: Viechtbauer W (2010). Conducting meta-analyses in R with the metafor package.
/// J Stat Softw 36(3). doi:10.18637/jss.v036.i03 (`escalc`).
public struct EffectSize: Equatable, Sendable {
    /// The effect on the analysis scale (log OR, log RR, RD, logit, double arcsine, …).
    public var yi: Double
    /// The sampling variance of `yi`.
    public var vi: Double

    /// An effect from an estimate and its sampling variance.
    public init(yi: Double, vi: Double) {
        self.yi = yi
        self.vi = vi
    }

    /// An effect from an estimate and its standard error (vi = sei²).
    public init(yi: Double, sei: Double) {
        self.init(yi: yi, vi: sei * sei)
    }

    /// The standard error √vi.
    public var sei: Double { vi.squareRoot() }

    /// A generic row reported as a ratio (OR, RR, HR) with its 95% confidence interval.
    ///
    /// yi = log(estimate), sei = (log(upper) − log(lower)) / (2 · Φ⁻¹(0.975)).
    /// Returns nil when any of the three numbers is not positive and finite, or when
    /// upper ≤ lower.
    public static func ratioWithConfidenceInterval(estimate: Double, lower: Double, upper: Double) -> EffectSize? {
        guard estimate > 0, lower > 0, upper > lower, estimate.isFinite, upper.isFinite else { return nil }
        let sei = (Double.log(upper) - Double.log(lower)) / (2 * Normal.quantile975)
        return EffectSize(yi: Double.log(estimate), sei: sei)
    }
}

/// The effect-size measures livrev computes from counts, named as in `metafor::escalc`.
public enum Measure: String, CaseIterable, Sendable {
    /// Log odds ratio.
    case OR
    /// Log risk ratio.
    case RR
    /// Risk difference.
    case RD
    /// Logit-transformed single-arm proportion.
    case PLO
    /// Freeman–Tukey double-arcsine-transformed single-arm proportion.
    case PFT
}

/// What to add to cells before computing an effect from counts.
///
/// `metafor` is the `escalc` default for OR, RR, RD and PLO: add `add` (1/2) to every cell of a
/// table that has a zero cell (`to = "only0"`), keeping double-zero tables (`drop00 = FALSE`).
/// For PFT escalc adds nothing by default, so `metafor` means `none` there.
public enum ZeroCellCorrection: Equatable, Sendable {
    /// escalc's default per measure (`add = 1/2, to = "only0"`, or nothing for PFT).
    case metafor
    /// Add nothing; a zero cell then gives an undefined effect and the row is dropped.
    case none
    /// Add `add` to every cell of every table (`to = "all"`).
    case all(add: Double)
    /// Drop tables with zero events (or zero non-events) in both arms, then apply `metafor` (`drop00 = TRUE`).
    case dropDoubleZero

    /// `.all(add: 0.5)`.
    public static let allHalf = ZeroCellCorrection.all(add: 0.5)
}
