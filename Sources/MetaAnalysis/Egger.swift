/// Egger's regression test for funnel-plot asymmetry (`metafor::regtest`).
///
/// The effect sizes are regressed on their standard errors; a slope different from zero
/// signals small-study effects. The intercept is the "limit estimate" (the effect of a study
/// with SE → 0).
///
/// Source: Egger M et al. (1997) doi:10.1136/bmj.315.7109.629; `metafor::regtest` with
/// `predictor = "sei"`.
public enum Egger {
    /// Which regression `regtest` fits.
    public enum Model: String, Sendable {
        /// `model = "rma"` (the default): mixed-effects meta-regression yi ~ sei with the same
        /// τ² method and test as the pooled model.
        case mixedEffects = "rma"
        /// `model = "lm"`: Egger's classical weighted linear regression (weights 1/vi, t on k − 2 df).
        case weightedRegression = "lm"
    }

    /// Runs the test; `method` and `test` should be those of the pooled analysis (ignored for `.weightedRegression`).
    ///
    /// With two studies the fixed-effect regression is saturated (two points, two coefficients):
    /// metafor still reports it (exact fit, z test on the model-based SE), and so does this.
    ///
    /// - Throws: `.tooFewStudies` when k < 3 (k < 2 for the fixed-effect model), and whatever
    ///   the fit throws.
    public static func test(
        _ effects: [EffectSize], model: Model = .mixedEffects,
        method: TauSquaredMethod = .restrictedMaximumLikelihood, test: WaldTest = .z,
        level: Double = 0.95
    ) throws -> EggerResult {
        let needed = model == .mixedEffects && method == .fixed ? 2 : 3
        guard effects.count >= needed else { throw MetaAnalysisError.tooFewStudies(k: effects.count, needed: needed) }
        var values: [Double] = []
        for e in effects { values.append(1); values.append(e.sei) }
        let design = DesignMatrix(rows: effects.count, columns: 2, values: values)
        let fit: ModelFit
        switch model {
        case .mixedEffects:
            fit = try ModelFit(
                y: effects.map(\.yi), v: effects.map(\.vi), design: design,
                method: method, test: test, level: level)
        case .weightedRegression:
            // lm(yi ~ sei, weights = 1/vi): WLS with residual variance Σwe²/(k − 2), t tests.
            fit = try ModelFit(
                y: effects.map(\.yi), v: effects.map(\.vi), design: design,
                method: .fixed, test: .knappHartung, level: level)
        }
        return EggerResult(
            model: model, statistic: fit.statistic[1], p: fit.pValues[1], df: fit.df,
            limitEstimate: fit.beta[0], limitCILower: fit.ciLower[0], limitCIUpper: fit.ciUpper[0])
    }
}

/// The result of Egger's test.
public struct EggerResult: Equatable, Sendable {
    public var model: Egger.Model
    /// z (or t) statistic of the slope on the standard error.
    public var statistic: Double
    /// Its two-sided p-value.
    public var p: Double
    /// Degrees of freedom of the t test (k − 2), nil for z.
    public var df: Int?
    /// The intercept: estimated effect as SE → 0, with its confidence interval.
    public var limitEstimate: Double
    public var limitCILower: Double
    public var limitCIUpper: Double
}
