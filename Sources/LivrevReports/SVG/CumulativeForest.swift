/// The input of a cumulative forest plot: the pooled estimate after each step.
///
/// A step is one study added (label "+ Hare 2009"), or one snapshot or year of the living
/// review; each carries the pooled estimate and its 95% CI (natural scale) after that step.
///
/// Source: Lau J et al. (1992). Cumulative meta-analysis of therapeutic trials for myocardial
/// infarction. N Engl J Med 327:248–54. doi:10.1056/NEJM199207233270406
public struct CumulativeForest: Sendable {
    public var title: String
    public var measure: String
    public var method: String?
    public var scale: EffectScale
    public var nullValue: Double?
    public var direction: EffectDirection
    public var treatmentName: String
    public var controlName: String
    /// Heading of the label column, e.g. "Study added" or "Snapshot".
    public var stepHeading: String
    public var steps: [CumulativeForestRow]

    public init(
        title: String, measure: String, method: String? = nil, scale: EffectScale, nullValue: Double? = nil,
        direction: EffectDirection = .lowerFavoursTreatment, treatmentName: String = "Treatment",
        controlName: String = "Control", stepHeading: String = "Study added", steps: [CumulativeForestRow]
    ) {
        self.title = title
        self.measure = measure
        self.method = method
        self.scale = scale
        self.nullValue = nullValue ?? scale.defaultNull
        self.direction = direction
        self.treatmentName = treatmentName
        self.controlName = controlName
        self.stepHeading = stepHeading
        self.steps = steps
    }
}

/// One row of a cumulative forest: a step of a cumulative meta-analysis on the natural scale.
public struct CumulativeForestRow: Sendable {
    public var label: String
    /// Studies pooled after this step.
    public var studies: Int?
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    public init(label: String, studies: Int? = nil, estimate: Double, lower: Double, upper: Double) {
        self.label = label
        self.studies = studies
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
    }
}

extension CumulativeForest {
    /// The cumulative forest as a standalone SVG: one row per step with the pooled estimate as a
    /// diamond across its 95% CI, on the same axis conventions as `ForestPlot`.
    public func renderedSVG() -> String { svgDocument().rendered() }

    /// The cumulative forest as an `SVGDocument`.
    public func svgDocument() -> SVGDocument {
        let margin = 12.0, f = 12.0, small = 11.0, rowHeight = 18.0, gap = 16.0, plotWidth = 280.0
        func w(_ text: String, bold: Bool = false) -> Double { TextMetrics.width(text, size: f, bold: bold) }
        let labelWidth = max(w(stepHeading, bold: true), steps.map { w($0.label) }.max() ?? 0)
        let hasCounts = steps.contains { $0.studies != nil }
        let countRight = margin + labelWidth + gap + w("Studies", bold: true)
        let estimateLeft = hasCounts ? countRight + gap : margin + labelWidth + gap
        let estimateWidth = max(
            w(measure, bold: true), w(method ?? "95% CI", bold: true),
            steps.map { w(SVGFormat.interval($0.estimate, $0.lower, $0.upper)) }.max() ?? 0)
        let estimateRight = estimateLeft + estimateWidth
        let plotLeft = estimateRight + gap + 6
        let axis = EffectAxis(
            scale: scale, values: steps.flatMap { [$0.estimate, $0.lower, $0.upper] }, includeNull: nullValue,
            left: plotLeft, right: plotLeft + plotWidth, fontSize: small)
        let top = margin + 30, headerBottom = top + 36
        let bodyTop = headerBottom + 6
        let axisY = bodyTop + Double(steps.count) * rowHeight + 4
        let favoursY = axisY + 8 + small + 16
        var width = plotLeft + plotWidth + margin + 10
        width = max(width, margin * 2 + TextMetrics.width(title, size: 14, bold: true))
        if let nullValue, direction != .unstated {
            width = max(
                width,
                axis.x(nullValue) + SVGDocument.favoursWidth(treatment: treatmentName, control: controlName, fontSize: small)
                    + margin)
        }
        let height = favoursY + margin
        var desc =
            "Cumulative forest plot of \(steps.count) steps, \(SVGDocument.inSentence(measure)) on a \(scale == .log ? "log" : "linear") scale"
        if let last = steps.last {
            desc +=
                "; after the last step \(SVGFormat.effect(last.estimate)) (95% CI \(SVGFormat.effect(last.lower)) to \(SVGFormat.effect(last.upper)))"
        }
        var svg = SVGDocument(width: width.rounded(.up), height: height.rounded(.up), title: title, description: desc + ".")
        svg.text(title, x: margin, y: margin + 14, size: 14, bold: true, className: "plot-title")
        let h1 = top + 13, h2 = top + 29
        svg.text(stepHeading, x: margin, y: h2, size: f, bold: true)
        if hasCounts { svg.text("Studies", x: countRight, y: h2, size: f, anchor: .end, bold: true) }
        svg.text(measure, x: estimateRight, y: h1, size: f, anchor: .end, bold: true)
        svg.text(method ?? "95% CI", x: estimateRight, y: h2, size: f, anchor: .end, bold: true)
        svg.text(measure, x: plotLeft + plotWidth / 2, y: h1, size: f, anchor: .middle, bold: true)
        svg.text("Cumulative, 95% CI", x: plotLeft + plotWidth / 2, y: h2, size: f, anchor: .middle, bold: true)
        svg.line(x1: margin, y1: headerBottom, x2: plotLeft + plotWidth, y2: headerBottom, stroke: "#000000", strokeWidth: 0.75)
        if let nullValue, axis.contains(nullValue) {
            let x = axis.x(nullValue)
            svg.line(x1: x, y1: bodyTop, x2: x, y2: axisY, stroke: "#000000", strokeWidth: 0.75, className: "null-line")
        }
        for (index, step) in steps.enumerated() {
            let mid = bodyTop + Double(index) * rowHeight + rowHeight / 2, baseline = mid + f * 0.35
            let isLast = index == steps.count - 1
            svg.group(className: "cumulative-step") { svg in
                svg.text(step.label, x: margin, y: baseline, size: f, bold: isLast, className: "step-label")
                if let studies = step.studies {
                    svg.text(String(studies), x: countRight, y: baseline, size: f, anchor: .end, bold: isLast)
                }
                svg.text(
                    SVGFormat.interval(step.estimate, step.lower, step.upper), x: estimateRight, y: baseline, size: f,
                    anchor: .end, bold: isLast)
                svg.intervalWhisker(axis, lower: step.lower, upper: step.upper, y: mid)
                svg.diamond(
                    axis, estimate: step.estimate, lower: min(max(step.lower, axis.lower), step.estimate),
                    upper: max(min(step.upper, axis.upper), step.estimate), y: mid, halfHeight: 5,
                    fill: isLast ? "#000000" : "#1F4E79", className: "step-diamond")
            }
        }
        svg.effectAxis(axis, y: axisY, fontSize: small)
        if let nullValue, axis.contains(nullValue) {
            svg.favoursLabels(
                axis, null: nullValue, direction: direction, treatment: treatmentName,
                control: controlName, y: favoursY, fontSize: small)
        }
        return svg
    }
}
