/// The input of a funnel plot: each study's effect against its standard error.
///
/// Effects are on the natural scale; standard errors are those of the analysed scale (of the
/// log ratio for ratio measures). Trim-and-fill's imputed studies and adjusted estimate are
/// optional and drawn hollow and dashed.
///
/// Source: Sterne JAC et al. (2011). Recommendations for examining and interpreting funnel plot
/// asymmetry. BMJ 343:d4002. doi:10.1136/bmj.d4002; Duval S, Tweedie R (2000) Biometrics 56:455–63.
public struct FunnelPlot: Sendable {
    public var title: String
    /// The measure, e.g. "Odds ratio"; the axis says "(log scale)" for ratio measures.
    public var measure: String
    public var scale: EffectScale
    /// The pooled estimate the pseudo-95% region is centred on (natural scale).
    public var pooled: Double
    public var points: [FunnelPoint]
    public var imputed: [FunnelPoint]
    /// The trim-and-fill adjusted estimate, drawn as a dashed line.
    public var adjustedPooled: Double?
    public var standardErrorLabel: String

    public init(
        title: String, measure: String, scale: EffectScale, pooled: Double, points: [FunnelPoint],
        imputed: [FunnelPoint] = [], adjustedPooled: Double? = nil, standardErrorLabel: String? = nil
    ) {
        self.title = title
        self.measure = measure
        self.scale = scale
        self.pooled = pooled
        self.points = points
        self.imputed = imputed
        self.adjustedPooled = adjustedPooled
        self.standardErrorLabel =
            standardErrorLabel ?? (scale == .log ? "Standard error of log \(SVGDocument.inSentence(measure))" : "Standard error")
    }
}

/// One study in a funnel plot.
public struct FunnelPoint: Sendable {
    public var label: String?
    public var estimate: Double
    public var standardError: Double
    public init(label: String? = nil, estimate: Double, standardError: Double) {
        self.label = label
        self.estimate = estimate
        self.standardError = standardError
    }
}
