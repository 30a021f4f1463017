import RealModule

/// A point estimate with a confidence interval.
public struct Interval: Equatable, Sendable {
    public var estimate: Double
    public var lower: Double
    public var upper: Double
}

/// Confidence intervals for the heterogeneity parameters by the Q-profile method (`confint.rma.uni`).
public struct HeterogeneityIntervals: Equatable, Sendable {
    public var tau2: Interval
    public var tau: Interval
    /// I² in percent.
    public var i2: Interval
    public var h2: Interval
}

extension Pooling {
    /// Q-profile confidence intervals for τ², τ, I² and H², as `confint(rma(...))`.
    ///
    /// The bounds solve Q(τ²) = Σ(yᵢ − μ̂(τ²))²/(vᵢ + τ²) = χ²_{k−1; 1−α/2} (lower) and χ²_{k−1; α/2}
    /// (upper) with R's `uniroot` on [0, max(100, 10·τ̂²)]; a bound is 0 when Q(0) is already below its
    /// critical value, and the search limit when the root lies beyond it. I² and H² bounds follow
    /// from the τ² bounds with the typical within-study variance, as metafor does.
    ///
    /// Source: Viechtbauer W (2007) doi:10.1002/sim.2514; `metafor::confint.rma.uni` (type "QP").
    ///
    /// - Throws: `.noRandomEffects` for `.fixed`, `.tooFewStudies` when k < 2.
    public static func heterogeneityIntervals(
        _ effects: [EffectSize], method: TauSquaredMethod = .restrictedMaximumLikelihood,
        level: Double = 0.95
    ) throws -> HeterogeneityIntervals {
        guard method != .fixed else { throw MetaAnalysisError.noRandomEffects }
        let k = effects.count
        guard k >= 2 else { throw MetaAnalysisError.tooFewStudies(k: k, needed: 2) }
        let y = effects.map(\.yi), v = effects.map(\.vi)
        guard !v.contains(0) else { throw MetaAnalysisError.heterogeneityIntervalNeedsPositiveVariances }
        let design = DesignMatrix.intercept(k)
        let model = try ModelFit(y: y, v: v, design: design, method: method, test: .z, level: level)
        let alpha = 1 - level
        let critUpper = ChiSquared.quantile(1 - alpha / 2, df: Double(k - 1))
        let critLower = ChiSquared.quantile(alpha / 2, df: Double(k - 1))
        let minimum = min(0, model.tau2), maximum = max(100, model.tau2 * 10, minimum * 10)
        let q: (Double) -> Double = { t in WeightedFit(y: y, weights: v.map { 1 / ($0 + t) }, design: design)?.rss ?? .nan }
        let qAtMax = q(maximum), qAtMin = q(minimum)
        func root(_ target: Double) -> Double {
            zeroin(
                lower: minimum, upper: maximum, fLower: qAtMin - target, fUpper: qAtMax - target,
                tolerance: TauSquaredControl.rootTolerance, maxIterations: 1000
            ) { q($0) - target } ?? .nan
        }
        var lower = Double.nan, upper = Double.nan
        if qAtMin < critLower {
            lower = minimum
            upper = minimum
        } else {
            upper = qAtMax > critLower ? maximum : root(critLower)
        }
        if qAtMax > critUpper {
            lower = maximum
            upper = maximum
        } else {
            lower = qAtMin < critUpper ? minimum : root(critUpper)
        }
        guard let fixedFit = WeightedFit(y: y, weights: v.map { 1 / $0 }, design: design) else {
            throw MetaAnalysisError.singularDesign(columns: 1)
        }
        let typical = Double(k - 1) / fixedFit.traceP(design)
        func i2(_ t: Double) -> Double { 100 * t / (typical + t) }
        func h2(_ t: Double) -> Double { t / typical + 1 }
        return HeterogeneityIntervals(
            tau2: Interval(estimate: model.tau2, lower: lower, upper: upper),
            tau: Interval(
                estimate: model.tau2.squareRoot(), lower: lower >= 0 ? lower.squareRoot() : .nan,
                upper: upper >= 0 ? upper.squareRoot() : .nan),
            i2: Interval(estimate: model.i2, lower: i2(lower), upper: i2(upper)),
            h2: Interval(estimate: model.h2, lower: h2(lower), upper: h2(upper)))
    }
}
