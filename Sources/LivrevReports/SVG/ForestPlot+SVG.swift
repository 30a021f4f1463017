import Foundation

extension ForestPlot {
    /// The forest plot as a standalone SVG file.
    ///
    /// Squares are sized by weight, whiskers that run off the axis end in arrows, pooled
    /// estimates are diamonds (a bar under each shows its prediction interval), and the
    /// heterogeneity and overall-effect lines follow each pooled estimate, RevMan-style.
    public func renderedSVG() -> String { svgDocument().rendered() }

    /// The forest plot as an `SVGDocument`, e.g. to inline its `renderedElement()` in HTML.
    public func svgDocument() -> SVGDocument {
        let layout = ForestLayout(self)
        let f = ForestLayout.fontSize, small = ForestLayout.smallSize
        let top = ForestLayout.margin + 30
        let headerBottom = top + 36
        let bodyHeight = layout.items.reduce(0) { $0 + $1.height }
        let axisY = headerBottom + 6 + bodyHeight + 4
        let favoursY = axisY + 8 + small + 16
        let legend = riskOfBias.map { columns in
            let used = Set(groups.flatMap(\.rows).flatMap(\.riskOfBias))
            return RiskOfBiasLegend(
                tool: columns.tool, domains: columns.domains, includesOverall: columns.includesOverall,
                extraLevels: RiskOfBiasJudgement.allCases.filter { used.contains($0) }, top: favoursY + 14,
                left: ForestLayout.margin)
        }
        var width = layout.contentRight + ForestLayout.margin
        width = max(width, ForestLayout.margin * 2 + TextMetrics.width(title, size: 14, bold: true))
        for case .note(let text) in layout.items {
            width = max(width, ForestLayout.margin * 2 + TextMetrics.width(text, size: small))
        }
        if let null = nullValue, direction != .unstated {
            width = max(
                width,
                layout.axis.x(null) + SVGDocument.favoursWidth(treatment: treatmentName, control: controlName, fontSize: small)
                    + ForestLayout.margin)
        }
        if let legend { width = max(width, legend.width + ForestLayout.margin * 2) }
        let height = (legend.map { $0.bottom } ?? favoursY) + ForestLayout.margin

        let studyCount = groups.reduce(0) { $0 + $1.rows.count }
        var desc =
            "Forest plot of \(studyCount) \(studyCount == 1 ? "study" : "studies"), \(SVGDocument.inSentence(measure)) on a \(scale == .log ? "log" : "linear") scale"
        if let overall {
            desc +=
                "; pooled \(SVGFormat.effect(overall.estimate)) (95% CI \(SVGFormat.effect(overall.lower)) to \(SVGFormat.effect(overall.upper)))"
        }
        var svg = SVGDocument(width: width.rounded(.up), height: height.rounded(.up), title: title, description: desc + ".")
        svg.text(title, x: ForestLayout.margin, y: ForestLayout.margin + 14, size: 14, bold: true, className: "plot-title")

        // Column headings.
        let h1 = top + 13, h2 = top + 29
        svg.text("Study or subgroup", x: layout.studyX, y: h2, size: f, bold: true)
        if layout.hasArms {
            // One arm (single-arm rows) needs no arm names above its events and totals.
            for (index, name) in [treatmentName, controlName].prefix(layout.armCount).enumerated() {
                let centre = (layout.armRights[index * 2] - layout.armWidth + layout.armRights[index * 2 + 1]) / 2
                if layout.armCount == 2 { svg.text(name, x: centre, y: h1, size: f, anchor: .middle, bold: true) }
                svg.text("Events", x: layout.armRights[index * 2], y: h2, size: f, anchor: .end, bold: true)
                svg.text("Total", x: layout.armRights[index * 2 + 1], y: h2, size: f, anchor: .end, bold: true)
            }
        }
        if layout.hasWeights { svg.text("Weight", x: layout.weightRight, y: h2, size: f, anchor: .end, bold: true) }
        svg.text(measure, x: layout.estimateRight, y: h1, size: f, anchor: .end, bold: true)
        svg.text(method ?? "95% CI", x: layout.estimateRight, y: h2, size: f, anchor: .end, bold: true)
        let plotCentre = (layout.axis.left + layout.axis.right) / 2
        svg.text(measure, x: plotCentre, y: h1, size: f, anchor: .middle, bold: true)
        svg.text(method ?? "95% CI", x: plotCentre, y: h2, size: f, anchor: .middle, bold: true)
        for (index, heading) in layout.robHeadings.enumerated() {
            svg.text(heading, x: layout.robCentres[index], y: h2, size: f, anchor: .middle, bold: true)
        }
        if !layout.robHeadings.isEmpty, let first = layout.robCentres.first, let last = layout.robCentres.last {
            svg.text("Risk of bias", x: (first + last) / 2, y: h1, size: f, anchor: .middle, bold: true)
        }
        svg.line(
            x1: ForestLayout.margin, y1: headerBottom, x2: layout.contentRight, y2: headerBottom, stroke: "#000000",
            strokeWidth: 0.75)

        // Rows.
        var y = headerBottom + 6
        var nullSegments: [(Double, Double)] = []
        for item in layout.items {
            let mid = y + item.height / 2, baseline = mid + f * 0.35
            switch item {
            case .note:
                break
            default:
                if let last = nullSegments.last, abs(last.1 - y) < 0.01 {
                    nullSegments[nullSegments.count - 1].1 = y + item.height
                } else {
                    nullSegments.append((y, y + item.height))
                }
            }
            switch item {
            case .heading(let text):
                svg.text(text, x: layout.studyX, y: baseline, size: f, bold: true, className: "subgroup-heading")
            case .study(let row):
                drawStudy(row, layout: layout, into: &svg, mid: mid, baseline: baseline)
            case .summary(let s, let isTotal):
                drawSummary(s, isTotal: isTotal, layout: layout, into: &svg, mid: mid, baseline: baseline)
            case .prediction(let lo, let hi):
                svg.text("Prediction interval", x: layout.studyX, y: baseline, size: f)
                svg.text(
                    "[\(SVGFormat.effect(lo)), \(SVGFormat.effect(hi))]", x: layout.estimateRight, y: baseline, size: f,
                    anchor: .end)
                let x1 = layout.axis.clampedX(lo), x2 = layout.axis.clampedX(hi)
                svg.rect(
                    x: x1, y: mid - 2.5, width: max(x2 - x1, 1), height: 5, fill: "#B22222", stroke: nil,
                    className: "prediction-interval")
                svg.intervalWhisker(layout.axis, lower: lo, upper: hi, y: mid, colour: "#B22222")
            case .totalEvents(let t, let c):
                svg.text("Total events", x: layout.studyX, y: baseline, size: f)
                if let t { svg.text(String(t.events), x: layout.armRights[0], y: baseline, size: f, anchor: .end) }
                if let c, layout.armCount == 2 {
                    svg.text(String(c.events), x: layout.armRights[2], y: baseline, size: f, anchor: .end)
                }
            case .note(let text):
                svg.text(text, x: layout.studyX, y: baseline - 1, size: small, className: "statistics")
            case .spacer:
                break
            }
            y += item.height
        }
        if let null = nullValue, layout.axis.contains(null) {
            let x = layout.axis.x(null)
            for segment in nullSegments {
                svg.line(
                    x1: x, y1: segment.0, x2: x, y2: min(segment.1, axisY), stroke: "#000000", strokeWidth: 0.75,
                    className: "null-line")
            }
        }
        svg.effectAxis(layout.axis, y: axisY, fontSize: small)
        if let null = nullValue, layout.axis.contains(null) {
            svg.favoursLabels(
                layout.axis, null: null, direction: direction, treatment: treatmentName,
                control: controlName, y: favoursY, fontSize: small)
        }
        legend?.draw(into: &svg)
        return svg
    }

    private func drawStudy(_ row: ForestRow, layout: ForestLayout, into svg: inout SVGDocument, mid: Double, baseline: Double) {
        let f = ForestLayout.fontSize
        svg.group(className: "study-row") { svg in
            svg.text(row.displayLabel, x: layout.studyX, y: baseline, size: f, className: "study-label")
            if layout.hasArms {
                for (index, arm) in [row.treatment, row.control].prefix(layout.armCount).enumerated() {
                    guard let arm else { continue }
                    svg.text(String(arm.events), x: layout.armRights[index * 2], y: baseline, size: f, anchor: .end)
                    svg.text(String(arm.total), x: layout.armRights[index * 2 + 1], y: baseline, size: f, anchor: .end)
                }
            }
            if let weight = row.weight {
                svg.text(SVGFormat.percent(weight), x: layout.weightRight, y: baseline, size: f, anchor: .end)
            }
            svg.text(
                SVGFormat.interval(row.estimate, row.lower, row.upper), x: layout.estimateRight, y: baseline, size: f,
                anchor: .end)
            svg.intervalWhisker(layout.axis, lower: row.lower, upper: row.upper, y: mid)
            if row.estimate.isFinite, layout.axis.contains(row.estimate) {
                let side = layout.squareSide(row.weight), x = layout.axis.x(row.estimate)
                svg.rect(
                    x: x - side / 2, y: mid - side / 2, width: side, height: side, fill: "#1F4E79", className: "study-square")
            }
            for (index, judgement) in row.riskOfBias.prefix(layout.robCentres.count).enumerated() {
                svg.riskOfBiasLight(judgement, cx: layout.robCentres[index], cy: mid, r: 7)
            }
        }
    }

    private func drawSummary(
        _ s: ForestSummary, isTotal: Bool, layout: ForestLayout, into svg: inout SVGDocument,
        mid: Double, baseline: Double
    ) {
        let f = ForestLayout.fontSize
        svg.text(s.label, x: layout.studyX, y: baseline, size: f, bold: true, className: "summary-label")
        if layout.hasArms {
            for (index, arm) in [s.treatment, s.control].prefix(layout.armCount).enumerated() {
                guard let arm else { continue }
                svg.text(String(arm.total), x: layout.armRights[index * 2 + 1], y: baseline, size: f, anchor: .end, bold: true)
            }
        }
        if let weight = s.weight {
            svg.text(SVGFormat.percent(weight), x: layout.weightRight, y: baseline, size: f, anchor: .end, bold: true)
        }
        svg.text(
            SVGFormat.interval(s.estimate, s.lower, s.upper), x: layout.estimateRight, y: baseline, size: f, anchor: .end,
            bold: true)
        svg.diamond(
            layout.axis, estimate: s.estimate, lower: s.lower, upper: s.upper, y: mid,
            fill: isTotal ? "#000000" : "#555555", className: isTotal ? "pooled-diamond" : "subtotal-diamond")
    }
}
