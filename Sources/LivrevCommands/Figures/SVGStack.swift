import Foundation
import LivrevReports

/// Several SVG figures stacked top to bottom in one SVG document (nested `<svg>` elements), so
/// that a pair such as the risk-of-bias traffic lights and summary bars is one valid file.
enum SVGStack {
    static func rendered(_ documents: [SVGDocument], title: String, gap: Double = 16) -> String {
        let width = documents.map(\.width).max() ?? 0
        var y = 0.0
        var inner = ""
        for document in documents {
            let element = document.renderedElement()
            // Position the nested figure: x, y are valid attributes of an inner <svg>.
            inner += element.replacingOccurrences(
                of: "<svg xmlns=\"http://www.w3.org/2000/svg\" ",
                with: "<svg x=\"0\" y=\"\(number(y))\" ", options: .anchored)
            y += document.height + gap
        }
        let height = max(0, y - gap)
        let w = number(width), h = number(height)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" role=\"img\">\n"
            + "<title>\(SVGDocument.escape(title))</title>\n"
            + "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n" + inner + "</svg>\n"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
