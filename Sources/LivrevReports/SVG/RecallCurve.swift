/// A screening recall curve: includes found against records screened, beside the line a random
/// reading order follows on average, with where a stopping rule says one may stop.
public struct RecallCurve: Sendable {
    public var title: String
    /// Records to screen in all.
    public var total: Int
    /// Includes in all (for a simulation) or found so far (for a review in progress).
    public var includes: Int
    /// `found[i]`: includes among the first `i + 1` records screened.
    public var found: [Int]
    /// Records screened and recall where the stopping rule passed, if it did.
    public var stop: (screened: Int, recall: Double)?
    /// Vertical marks, e.g. where each version of a living review opened.
    public var marks: [(screened: Int, label: String)] = []

    public init(title: String, total: Int, includes: Int, found: [Int], stop: (screened: Int, recall: Double)?) {
        self.title = title
        self.total = total
        self.includes = includes
        self.found = found
        self.stop = stop
    }
}

extension RecallCurve {
    /// The curve as a standalone SVG file.
    public func renderedSVG() -> String { svgDocument().rendered() }

    /// The curve as an `SVGDocument`: recall (0–100%) up, records screened across.
    public func svgDocument() -> SVGDocument {
        let left = 64.0, top = 44.0, plotWidth = 420.0, plotHeight = 260.0
        let bottom = top + plotHeight
        let width = left + plotWidth + 24, height = bottom + 84
        let n = max(total, 1)
        let denominator = Double(max(includes, 1))
        func x(_ screened: Double) -> Double { left + screened / Double(n) * plotWidth }
        func y(_ recall: Double) -> Double { bottom - recall * plotHeight }
        let screened = found.count
        let last = found.last ?? 0
        var desc = "Recall curve: \(last) of \(includes) includes found after \(screened) of \(total) records screened"
        if let stop {
            desc += "; the stopping rule passes after \(stop.screened) records, recall \(SVGFormat.percent(stop.recall * 100))"
        }
        var svg = SVGDocument(width: width, height: height, title: title, description: desc + ".")
        svg.text(title, x: 12, y: 24, size: 14, bold: true, className: "plot-title")
        // Axes, grid and ticks.
        for step in 0...4 {
            let recall = Double(step) / 4
            svg.line(x1: left, y1: y(recall), x2: left + plotWidth, y2: y(recall), stroke: "#e0e0e0")
            svg.text("\(step * 25)%", x: left - 6, y: y(recall) + 4, size: 11, anchor: .end)
        }
        for tick in Self.ticks(upTo: n) {
            svg.line(x1: x(Double(tick)), y1: bottom, x2: x(Double(tick)), y2: bottom + 4)
            svg.text(String(tick), x: x(Double(tick)), y: bottom + 17, size: 11, anchor: .middle)
        }
        svg.line(x1: left, y1: bottom, x2: left + plotWidth, y2: bottom)
        svg.line(x1: left, y1: top, x2: left, y2: bottom)
        svg.text("Records screened", x: left + plotWidth / 2, y: bottom + 34, size: 12, anchor: .middle)
        svg.text("Recall", x: 16, y: top + plotHeight / 2, size: 12, anchor: .middle, rotate: -90)
        for mark in marks {
            svg.line(
                x1: x(Double(mark.screened)), y1: top, x2: x(Double(mark.screened)), y2: bottom, stroke: "#999999",
                dash: "2 3")
            svg.text(mark.label, x: x(Double(mark.screened)) + 3, y: top + 11, size: 10, fill: "#555555")
        }
        // The random order's expected recall, then the curve itself.
        svg.line(x1: x(0), y1: y(0), x2: x(Double(n)), y2: y(1), stroke: "#888888", dash: "5 4", className: "random")
        var points: [(Double, Double)] = [(x(0), y(0))]
        var previous = 0
        for (index, count) in found.enumerated() where count != previous || index == found.count - 1 {
            points.append((x(Double(index)), y(Double(previous) / denominator)))
            points.append((x(Double(index + 1)), y(Double(count) / denominator)))
            previous = count
        }
        svg.polyline(points, stroke: "#1f5fa8", strokeWidth: 2, className: "recall")
        var legend: [(String, String, String?)] = [
            ("#1f5fa8", "prioritised order", nil), ("#888888", "random order (expected)", "5 4"),
        ]
        if let stop {
            svg.circle(cx: x(Double(stop.screened)), cy: y(stop.recall), r: 5, fill: "#c0392b", className: "stop")
            legend.append(("#c0392b", "stopping rule passes (\(stop.screened) records)", nil))
        }
        for (index, entry) in legend.enumerated() {
            let rowY = bottom + 54 + Double(index / 2) * 16
            let rowX = left + Double(index % 2) * 210
            if entry.2 == nil && entry.0 == "#c0392b" {
                svg.circle(cx: rowX + 9, cy: rowY - 4, r: 5, fill: entry.0)
            } else {
                svg.line(x1: rowX, y1: rowY - 4, x2: rowX + 18, y2: rowY - 4, stroke: entry.0, strokeWidth: 2, dash: entry.2)
            }
            svg.text(entry.1, x: rowX + 24, y: rowY, size: 11)
        }
        return svg
    }

    /// Round tick values from 0 to `n` (about five of them).
    static func ticks(upTo n: Int) -> [Int] {
        let raw = Double(n) / 5
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        let size = max(1, Int(step))
        return Array(stride(from: 0, through: n, by: size))
    }
}
