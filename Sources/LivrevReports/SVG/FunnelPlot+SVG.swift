import Foundation

extension FunnelPlot {
    /// The funnel plot as a standalone SVG: effect across (log scale with natural-scale labels for
    /// ratios), standard error down (0 at the top), the pseudo-95% region ±1.96·SE around the
    /// pooled estimate, and trim-and-fill's imputed studies as hollow circles with a legend.
    public func renderedSVG() -> String { svgDocument().rendered() }

    /// The funnel plot as an `SVGDocument`.
    public func svgDocument() -> SVGDocument {
        let margin = 12.0, plotWidth = 380.0, plotHeight = 300.0
        let all = points + imputed
        let seMaxData = all.map(\.standardError).filter { $0.isFinite && $0 > 0 }.max() ?? 1
        let seStep = EffectAxis.niceStep(seMaxData / 4)
        let seMax = (seMaxData / seStep - 1e-9).rounded(.up) * seStep
        func t(_ v: Double) -> Double { scale == .log ? Foundation.log(v) : v }
        func natural(_ v: Double) -> Double { scale == .log ? Foundation.exp(v) : v }
        let centre = t(pooled)
        var tValues = [centre - 1.96 * seMax, centre + 1.96 * seMax] + all.map { t($0.estimate) }.filter(\.isFinite)
        if let adjustedPooled { tValues.append(t(adjustedPooled)) }
        let (low, high) = (tValues.min() ?? centre, tValues.max() ?? centre)  // never empty: it holds the region's edges
        let pad = (high - low) * 0.04
        let limits = (natural(low - pad), natural(high + pad))
        let left = margin + 64, top = margin + 30
        let axis = EffectAxis(scale: scale, values: [], includeNull: nil, limits: limits, left: left, right: left + plotWidth)
        func y(_ se: Double) -> Double { top + se / seMax * plotHeight }
        let bottom = top + plotHeight

        let legend = legendEntries()
        let legendTop = bottom + 52
        let legendWidth = legend.map { 30 + TextMetrics.width($0.1, size: 11) }.max() ?? 0
        let width =
            max(left + plotWidth + 20, margin + legendWidth, margin + TextMetrics.width(title, size: 14, bold: true)) + margin
        let height = legendTop + Double(legend.count) * 16 + margin
        var desc =
            "Funnel plot of \(points.count) studies: \(SVGDocument.inSentence(measure)) against standard error, pooled estimate \(SVGFormat.effect(pooled))"
        if !imputed.isEmpty { desc += ", \(imputed.count) studies imputed by trim-and-fill" }
        if let adjustedPooled { desc += ", adjusted estimate \(SVGFormat.effect(adjustedPooled))" }
        var svg = SVGDocument(width: width.rounded(.up), height: height.rounded(.up), title: title, description: desc + ".")
        svg.text(title, x: margin, y: margin + 14, size: 14, bold: true, className: "plot-title")

        // Pseudo-95% confidence region and the pooled estimate.
        let apex = (axis.x(natural(centre)), y(0))
        let baseLeft = (axis.x(natural(centre - 1.96 * seMax)), y(seMax))
        let baseRight = (axis.x(natural(centre + 1.96 * seMax)), y(seMax))
        svg.polyline(
            [apex, baseLeft, baseRight], closed: true, fill: "#EDEDED", stroke: "#777777", strokeWidth: 0.75,
            className: "funnel-region")
        svg.line(x1: apex.0, y1: top, x2: apex.0, y2: bottom, stroke: "#000000", strokeWidth: 1, className: "pooled-line")
        if let adjustedPooled {
            let x = axis.x(adjustedPooled)
            svg.line(
                x1: x, y1: top, x2: x, y2: bottom, stroke: "#B22222", strokeWidth: 1, dash: "5 3", className: "adjusted-line")
        }
        svg.rect(x: left, y: top, width: plotWidth, height: plotHeight, fill: "none", stroke: "#000000", strokeWidth: 0.75)

        for point in points where point.estimate.isFinite && point.standardError.isFinite {
            svg.circle(
                cx: axis.clampedX(point.estimate), cy: y(point.standardError), r: 4, fill: "#1F4E79",
                stroke: "#ffffff", strokeWidth: 0.5, className: "study-point")
        }
        for point in imputed where point.estimate.isFinite && point.standardError.isFinite {
            svg.circle(
                cx: axis.clampedX(point.estimate), cy: y(point.standardError), r: 4, fill: "#ffffff",
                stroke: "#B22222", strokeWidth: 1.25, className: "imputed-point")
        }

        // Axes.
        svg.effectAxis(axis, y: bottom, fontSize: 11)
        let xLabel = scale == .log ? "\(measure) (log scale)" : measure
        svg.text(xLabel, x: left + plotWidth / 2, y: bottom + 36, size: 12, anchor: .middle, bold: true)
        var se = 0.0
        while se <= seMax + seStep * 1e-6 {
            svg.line(x1: left - 4, y1: y(se), x2: left, y2: y(se), stroke: "#000000")
            svg.text(SVGFormat.tick(se), x: left - 7, y: y(se) + 4, size: 11, anchor: .end, className: "se-label")
            se += seStep
        }
        svg.text(standardErrorLabel, x: margin + 12, y: top + plotHeight / 2, size: 12, anchor: .middle, bold: true, rotate: -90)

        // Legend.
        for (index, entry) in legend.enumerated() {
            let ly = legendTop + Double(index) * 16
            switch entry.0 {
            case "point": svg.circle(cx: margin + 10, cy: ly - 4, r: 4, fill: "#1F4E79")
            case "imputed": svg.circle(cx: margin + 10, cy: ly - 4, r: 4, fill: "#ffffff", stroke: "#B22222", strokeWidth: 1.25)
            case "pooled": svg.line(x1: margin, y1: ly - 4, x2: margin + 20, y2: ly - 4, stroke: "#000000")
            case "adjusted": svg.line(x1: margin, y1: ly - 4, x2: margin + 20, y2: ly - 4, stroke: "#B22222", dash: "5 3")
            default: svg.rect(x: margin, y: ly - 10, width: 20, height: 12, fill: "#EDEDED", stroke: "#777777", strokeWidth: 0.75)
            }
            svg.text(entry.1, x: margin + 28, y: ly, size: 11, className: "legend")
        }
        return svg
    }

    private func legendEntries() -> [(String, String)] {
        var entries = [("point", "Studies (n = \(points.count))")]
        if !imputed.isEmpty { entries.append(("imputed", "Studies imputed by trim-and-fill (n = \(imputed.count))")) }
        entries.append(("pooled", "Pooled estimate \(SVGFormat.effect(pooled))"))
        if let adjustedPooled {
            entries.append(("adjusted", "Trim-and-fill adjusted estimate \(SVGFormat.effect(adjustedPooled))"))
        }
        entries.append(("region", "Pseudo-95% confidence region (±1.96 × SE)"))
        return entries
    }
}
