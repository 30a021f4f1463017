import LivrevAnalysis

extension SequentialResult {
    /// The TSA chart: the cumulative z-curve against accrued participants, the monitoring boundaries
    /// (and futility bounds), the conventional ±1.96 lines and the required information size.
    public func chart() -> SVGDocument {
        let width = 760.0, height = 440.0
        let left = 64.0, right = 150.0, top = 48.0, bottom = 64.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let largestN = Double(max(adjustedRequiredInformationSize, looks.last?.participants ?? 0))
        let xMax = niceCeiling(largestN * 1.08)
        let drawn = looks.flatMap { [abs($0.z), $0.boundary ?? 0] }.filter(\.isFinite)
        let zMax = min(8, max(4, (drawn.max() ?? 4).rounded(.up)))
        func x(_ n: Double) -> Double { left + plotWidth * n / xMax }
        func y(_ z: Double) -> Double { top + plotHeight * (zMax - min(max(z, -zMax), zMax)) / (2 * zMax) }

        var svg = SVGDocument(
            width: width, height: height, title: "Trial sequential analysis: \(outcome)",
            description: "Cumulative z-curve of \(outcome) with O'Brien–Fleming-type monitoring boundaries")
        svg.text("Trial sequential analysis — \(outcome)", x: left, y: 24, size: 14, bold: true)
        svg.text(
            "\(measure.rawValue), \(method.name); RIS \(SVGFormat.grouped(adjustedRequiredInformationSize)) participants",
            x: left, y: 40, size: 11, fill: "#444444")
        svg.rect(x: left, y: top, width: plotWidth, height: plotHeight, stroke: "#999999")
        // Axes and grid.
        var tick = -zMax
        while tick <= zMax {
            svg.line(x1: left - 4, y1: y(tick), x2: left, y2: y(tick), stroke: "#666666")
            svg.text(SVGFormat.fixed(tick, decimals: 0), x: left - 8, y: y(tick) + 4, size: 10, anchor: .end)
            tick += 2
        }
        for step in 0...4 {
            let n = xMax * Double(step) / 4
            svg.line(x1: x(n), y1: top + plotHeight, x2: x(n), y2: top + plotHeight + 4, stroke: "#666666")
            svg.text(SVGFormat.grouped(Int(n.rounded())), x: x(n), y: top + plotHeight + 18, size: 10, anchor: .middle)
        }
        svg.text("Cumulative participants", x: left + plotWidth / 2, y: height - 20, size: 11, anchor: .middle)
        svg.text("Cumulative z", x: 18, y: top + plotHeight / 2, size: 11, anchor: .middle, rotate: -90)
        svg.line(x1: left, y1: y(0), x2: left + plotWidth, y2: y(0), stroke: "#bbbbbb")
        for z in [1.96, -1.96] {
            svg.line(x1: left, y1: y(z), x2: left + plotWidth, y2: y(z), stroke: "#2b8a3e", dash: "6 4", className: "naive")
        }
        // The required information size.
        let ris = Double(adjustedRequiredInformationSize)
        if ris <= xMax {
            svg.line(x1: x(ris), y1: top, x2: x(ris), y2: top + plotHeight, stroke: "#c92a2a", dash: "2 3", className: "ris")
            svg.text("RIS", x: x(ris) + 4, y: top + 12, size: 10, fill: "#c92a2a")
        }
        // Boundaries through the looks at which they exist.
        let bounded = looks.compactMap { look in look.boundary.map { (Double(look.participants), $0) } }
        for sign in [1.0, -1.0] where !bounded.isEmpty {
            svg.polyline(bounded.map { (x($0.0), y(sign * $0.1)) }, stroke: "#c92a2a", strokeWidth: 2, className: "boundary")
        }
        let futile = looks.compactMap { look in look.futility.map { (Double(look.participants), $0) } }
        if !futile.isEmpty {
            svg.polyline(futile.map { (x($0.0), y($0.1)) }, stroke: "#e8590c", strokeWidth: 1.5, className: "futility")
        }
        // The z-curve.
        let curve = [(x(0), y(0))] + looks.map { (x(Double($0.participants)), y($0.z)) }
        svg.polyline(curve, stroke: "#1c3f95", strokeWidth: 2, className: "z-curve")
        for look in looks {
            svg.group(
                className: "look",
                tooltip: "\(look.label): n = \(SVGFormat.grouped(look.participants)), z = \(SVGFormat.fixed(look.z, decimals: 2))"
            ) { group in
                group.circle(cx: x(Double(look.participants)), cy: y(look.z), r: 3.5, fill: "#1c3f95")
            }
        }
        // Legend.
        let legendX = left + plotWidth + 14
        let entries: [(String, String, String?)] =
            [("z-curve", "#1c3f95", nil), ("monitoring boundary", "#c92a2a", nil), ("z = ±1.96", "#2b8a3e", "6 4")]
            + (futile.isEmpty ? [] : [("futility bound", "#e8590c", nil)]) + [("required information", "#c92a2a", "2 3")]
        for (index, entry) in entries.enumerated() {
            let rowY = top + 10 + Double(index) * 18
            svg.line(x1: legendX, y1: rowY, x2: legendX + 22, y2: rowY, stroke: entry.1, strokeWidth: 2, dash: entry.2)
            svg.text(entry.0, x: legendX + 28, y: rowY + 4, size: 10)
        }
        return svg
    }

    /// 1, 2 or 5 times a power of ten at or above `value`.
    private func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        for factor in [1.0, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10] where factor * power >= value { return factor * power }
        return 10 * power
    }
}
