/// A box of wrapped text in a flow diagram, sized from its content.
///
/// Each logical line wraps inside the box width (continuations keep the line's indent), so a
/// long exclusion reason makes the box taller instead of running out of it.
struct FlowBox {
    struct Line {
        var text: String
        var indent: Double = 0
        var bold = false
    }

    static let fontSize = 11.0
    static let lineHeight = 14.0
    static let padding = 8.0

    let width: Double
    /// Wrapped lines with their indents.
    let lines: [Line]
    var height: Double { Double(lines.count) * FlowBox.lineHeight + FlowBox.padding * 2 - 2 }

    init(width: Double, _ logical: [Line]) {
        self.width = width
        var wrapped: [Line] = []
        for line in logical {
            if line.text.isEmpty {
                wrapped.append(line)
                continue
            }
            let room = width - FlowBox.padding * 2 - line.indent
            let parts = TextMetrics.wrap(line.text, maxWidth: room - 2, size: FlowBox.fontSize, bold: line.bold)
            for (index, part) in parts.enumerated() {
                wrapped.append(Line(text: part, indent: line.indent + (index == 0 ? 0 : 10), bold: line.bold))
            }
        }
        lines = wrapped
    }

    init(width: Double, texts: [String]) {
        self.init(width: width, texts.map { Line(text: $0) })
    }

    /// Draws the box with its top-left corner at (x, y); `centred` centres every line.
    func draw(
        into svg: inout SVGDocument, x: Double, y: Double, fill: String = "#ffffff", centred: Bool = false,
        className: String = "flow-box"
    ) {
        svg.group(className: className) { svg in
            svg.rect(x: x, y: y, width: width, height: height, fill: fill, stroke: "#000000", strokeWidth: 1)
            for (index, line) in lines.enumerated() where !line.text.isEmpty {
                let baseline = y + FlowBox.padding + FlowBox.fontSize + Double(index) * FlowBox.lineHeight - 1
                if centred {
                    svg.text(line.text, x: x + width / 2, y: baseline, size: FlowBox.fontSize, anchor: .middle, bold: line.bold)
                } else {
                    svg.text(
                        line.text, x: x + FlowBox.padding + line.indent, y: baseline, size: FlowBox.fontSize, bold: line.bold)
                }
            }
        }
    }
}

extension SVGDocument {
    /// A straight horizontal or vertical arrow from (x1, y1) to (x2, y2) with a filled head.
    mutating func arrow(x1: Double, y1: Double, x2: Double, y2: Double, head: Double = 7) {
        let horizontal = abs(x2 - x1) >= abs(y2 - y1)
        let sign: Double = horizontal ? (x2 >= x1 ? 1 : -1) : (y2 >= y1 ? 1 : -1)
        group(className: "arrow") { svg in
            if horizontal {
                svg.line(x1: x1, y1: y1, x2: x2 - sign * head, y2: y2, stroke: "#000000", strokeWidth: 1.25)
                svg.polyline(
                    [(x2, y2), (x2 - sign * head, y2 - head / 2), (x2 - sign * head, y2 + head / 2)], closed: true,
                    fill: "#000000", stroke: nil)
            } else {
                svg.line(x1: x1, y1: y1, x2: x2, y2: y2 - sign * head, stroke: "#000000", strokeWidth: 1.25)
                svg.polyline(
                    [(x2, y2), (x2 - head / 2, y2 - sign * head), (x2 + head / 2, y2 - sign * head)], closed: true,
                    fill: "#000000", stroke: nil)
            }
        }
    }
}
