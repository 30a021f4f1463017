/// A minimal builder for self-contained, deterministic SVG figures.
///
/// Shapes and text are appended in drawing order; `rendered()` writes an SVG 1.1 document
/// with explicit width, height and viewBox, a `<title>` and `<desc>` for screen readers, one
/// font-family stack, a white background and no ids, scripts or external references, so
/// several figures can be inlined in one HTML page and the output is byte-for-byte
/// reproducible. All text and attribute values are XML-escaped.
///
/// Source: W3C SVG 1.1 (Second Edition), sections 5.4 (title/desc) and 7.7 (viewBox).
public struct SVGDocument: Sendable {
    public static let fontFamily = "'DejaVu Sans', Arial, sans-serif"

    public var width: Double
    public var height: Double
    public var title: String
    public var description: String
    public private(set) var body: [String] = []
    private var depth = 1

    public init(width: Double, height: Double, title: String, description: String) {
        self.width = width
        self.height = height
        self.title = title
        self.description = description
    }

    /// How text is aligned on its x position.
    public enum Anchor: String, Sendable { case start, middle, end }

    // MARK: - Shapes

    public mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String = "none", stroke: String? = nil,
        strokeWidth: Double = 1, cornerRadius: Double = 0, className: String? = nil
    ) {
        var attributes: [(String, String)] = [("x", c(x)), ("y", c(y)), ("width", c(width)), ("height", c(height))]
        if cornerRadius > 0 { attributes.append(("rx", c(cornerRadius))) }
        attributes += paint(fill: fill, stroke: stroke, strokeWidth: strokeWidth)
        element("rect", attributes, className: className)
    }

    public mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#000000", strokeWidth: Double = 1,
        dash: String? = nil, className: String? = nil
    ) {
        var attributes: [(String, String)] = [("x1", c(x1)), ("y1", c(y1)), ("x2", c(x2)), ("y2", c(y2))]
        attributes += [("stroke", stroke), ("stroke-width", c(strokeWidth))]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        element("line", attributes, className: className)
    }

    /// An open polyline (`closed == false`) or a filled polygon (`closed == true`).
    public mutating func polyline(
        _ points: [(Double, Double)], closed: Bool = false, fill: String = "none", stroke: String? = "#000000",
        strokeWidth: Double = 1, className: String? = nil
    ) {
        let list = points.map { "\(c($0.0)),\(c($0.1))" }.joined(separator: " ")
        var attributes: [(String, String)] = [("points", list)]
        attributes += paint(fill: fill, stroke: stroke, strokeWidth: strokeWidth)
        element(closed ? "polygon" : "polyline", attributes, className: className)
    }

    /// A path from already formatted path data (build it with `SVGFormat.coordinate`).
    public mutating func path(
        _ data: String, fill: String = "none", stroke: String? = "#000000", strokeWidth: Double = 1,
        className: String? = nil
    ) {
        element("path", [("d", data)] + paint(fill: fill, stroke: stroke, strokeWidth: strokeWidth), className: className)
    }

    public mutating func circle(
        cx: Double, cy: Double, r: Double, fill: String = "#000000", stroke: String? = nil, strokeWidth: Double = 1,
        className: String? = nil
    ) {
        let attributes: [(String, String)] = [("cx", c(cx)), ("cy", c(cy)), ("r", c(r))]
        element("circle", attributes + paint(fill: fill, stroke: stroke, strokeWidth: strokeWidth), className: className)
    }

    /// A line of text; `rotate` turns it (degrees, clockwise) about its anchor point.
    public mutating func text(
        _ content: String, x: Double, y: Double, size: Double = 12, anchor: Anchor = .start, bold: Bool = false,
        italic: Bool = false, fill: String = "#000000", rotate: Double? = nil, className: String? = nil
    ) {
        var attributes: [(String, String)] = [("x", c(x)), ("y", c(y)), ("font-size", c(size))]
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        if bold { attributes.append(("font-weight", "bold")) }
        if italic { attributes.append(("font-style", "italic")) }
        if fill != "#000000" { attributes.append(("fill", fill)) }
        if let rotate { attributes.append(("transform", "rotate(\(c(rotate)) \(c(x)) \(c(y)))")) }
        var open = "<text"
        if let className { open += " class=\"\(SVGDocument.escape(className))\"" }
        for (name, value) in attributes { open += " \(name)=\"\(SVGDocument.escape(value))\"" }
        append(open + ">" + SVGDocument.escape(content) + "</text>")
    }

    /// A group of elements, e.g. one forest row, with an optional class and tooltip title.
    public mutating func group(className: String? = nil, tooltip: String? = nil, _ build: (inout SVGDocument) -> Void) {
        append(className.map { "<g class=\"\(SVGDocument.escape($0))\">" } ?? "<g>")
        depth += 1
        if let tooltip { append("<title>\(SVGDocument.escape(tooltip))</title>") }
        build(&self)
        depth -= 1
        append("</g>")
    }

    // MARK: - Output

    /// The standalone SVG file, starting with the XML declaration and ending with a newline.
    public func rendered() -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + renderedElement()
    }

    /// The `<svg>` element alone, for inlining in HTML.
    public func renderedElement() -> String {
        let w = c(width), h = c(height)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(w)\" height=\"\(h)\""
        out += " viewBox=\"0 0 \(w) \(h)\" role=\"img\""
        out += " font-family=\"\(SVGDocument.escape(SVGDocument.fontFamily))\" font-size=\"12\">\n"
        out += "  <title>\(SVGDocument.escape(title))</title>\n"
        out += "  <desc>\(SVGDocument.escape(description))</desc>\n"
        out += "  <rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
        out += body.joined(separator: "\n")
        if !body.isEmpty { out += "\n" }
        return out + "</svg>\n"
    }

    /// Escapes the five XML special characters and drops control characters XML 1.0 forbids.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: - Private

    private func c(_ value: Double) -> String { SVGFormat.coordinate(value) }

    private func paint(fill: String, stroke: String?, strokeWidth: Double) -> [(String, String)] {
        var attributes = [("fill", fill)]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", c(strokeWidth))] }
        return attributes
    }

    private mutating func element(_ name: String, _ attributes: [(String, String)], className: String?) {
        var out = "<\(name)"
        if let className { out += " class=\"\(SVGDocument.escape(className))\"" }
        for (key, value) in attributes { out += " \(key)=\"\(SVGDocument.escape(value))\"" }
        append(out + "/>")
    }

    private mutating func append(_ line: String) {
        body.append(String(repeating: "  ", count: depth) + line)
    }
}
