import LivrevAnalysis
import LivrevReports
import MetaAnalysis

/// Builds a funnel plot from a pooled result: each row's effect against its standard error, the
/// pseudo-95% region around the pooled estimate, and optionally trim-and-fill's imputed studies.
///
/// Ratio measures are drawn on a log axis (natural-scale labels); differences and proportions on
/// the analysis scale itself (RD, logit or double-arcsine), where the funnel is symmetric.
enum FunnelFigure {
    /// The funnel; with trim-and-fill's imputed studies and adjusted estimate when the analysis ran it.
    static func plot(_ pooled: PooledOutcome) -> FunnelPlot? {
        guard let estimate = pooled.estimate, !pooled.rows.isEmpty else { return nil }
        let mapping = EffectScaleMapping(pooled)
        func shown(_ y: Double) -> Double { mapping.isRatio ? Transform.exp(y) : y }
        let measure =
            mapping.isRatio
            ? mapping.measureName : (pooled.measure == .measure(.RD) ? "Risk difference" : pooled.scaleName.capitalizedFirst)
        var plot = FunnelPlot(
            title: "\(ForestFigure.title(pooled)): funnel plot", measure: measure, scale: mapping.scale,
            pooled: shown(estimate),
            points: pooled.rows.map { FunnelPoint(label: $0.study, estimate: shown($0.yi), standardError: $0.vi.squareRoot()) })
        if let fill = pooled.trimAndFill?.value {
            plot.imputed = fill.filled.map { FunnelPoint(estimate: shown($0.yi), standardError: $0.vi.squareRoot()) }
            plot.adjustedPooled = shown(fill.pooled.estimate)
        }
        return plot
    }
}

extension String {
    /// "logit proportion" → "Logit proportion".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
