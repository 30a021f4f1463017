import Foundation
import LivrevReports
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Golden-file comparison for rendered figures and reports.
///
/// Goldens live in `Tests/LivrevReportsTests/Snapshots/` and are found from this file's path, so
/// Package.swift needs no resources. On a mismatch the test fails with the first differing line
/// and writes the actual output next to the golden as `<name>.actual.<ext>` (deleted again once
/// the output matches). Run with `LIVREV_UPDATE_SNAPSHOTS=1` to rewrite the goldens:
///
///     LIVREV_UPDATE_SNAPSHOTS=1 swift test --filter LivrevReportsTests
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func assertMatches(
        _ actual: String, named name: String, ext: String = "svg",
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let golden = directory.appendingPathComponent("\(name).\(ext)")
        let actualURL = directory.appendingPathComponent("\(name).actual.\(ext)")
        if ProcessInfo.processInfo.environment["LIVREV_UPDATE_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: golden, atomically: true, encoding: .utf8)
            try? FileManager.default.removeItem(at: actualURL)
            return
        }
        guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
            try? actual.write(to: actualURL, atomically: true, encoding: .utf8)
            Issue.record(
                "No golden \(golden.path); wrote \(actualURL.lastPathComponent). Run with LIVREV_UPDATE_SNAPSHOTS=1 to create it.",
                sourceLocation: sourceLocation)
            return
        }
        if expected == actual {
            try? FileManager.default.removeItem(at: actualURL)
            return
        }
        try? actual.write(to: actualURL, atomically: true, encoding: .utf8)
        let a = expected.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
        let index = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        let want = index < a.count ? a[index] : "<end of file>"
        let got = index < b.count ? b[index] : "<end of file>"
        Issue.record(
            """
            \(name).\(ext) differs from its golden at line \(index + 1):
              expected: \(want)
              actual:   \(got)
            Actual output written to \(actualURL.path).
            """, sourceLocation: sourceLocation)
    }
}

/// A parsed SVG (or XHTML-compatible HTML) document: every element with its attributes and text.
struct ParsedXML {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        /// The serial number of the innermost enclosing `<g>` (in opening order), if any.
        var group: Int?
        /// For a `<g>`, its own serial number.
        var serial: Int?
        var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
        func number(_ key: String) -> Double { Double(attributes[key] ?? "") ?? .nan }
    }

    var elements: [Element] = []
    var wellFormed = false
    var error: String?

    init(_ text: String) {
        let parser = XMLParser(data: Data(text.utf8))
        let delegate = Collector()
        parser.delegate = delegate
        wellFormed = parser.parse()
        error = parser.parserError.map { "\($0)" }
        elements = delegate.finished
    }

    /// The elements directly or indirectly inside the given `<g>`.
    func members(of group: Element) -> [Element] {
        elements.filter { $0.group == group.serial }
    }

    func all(_ name: String, class className: String? = nil) -> [Element] {
        elements.filter { element in element.name == name && (className.map { element.classes.contains($0) } ?? true) }
    }

    /// Estimated horizontal extent of a text element, from its anchor, size and weight.
    static func extent(_ text: Element) -> (left: Double, right: Double) {
        let width = TextMetricsProxy.width(
            text.text, size: text.number("font-size"), bold: text.attributes["font-weight"] == "bold")
        let x = text.number("x")
        switch text.attributes["text-anchor"] ?? "start" {
        case "middle": return (x - width / 2, x + width / 2)
        case "end": return (x - width, x)
        default: return (x, x + width)
        }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var stack: [Element] = []
        var finished: [Element] = []
        var groups: [Int] = []
        var opened = 0
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            var element = Element(name: name, attributes: attributes, text: "", group: groups.last)
            if name == "g" {
                element.serial = opened
                groups.append(opened)
                opened += 1
            }
            stack.append(element)
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !stack.isEmpty { stack[stack.count - 1].text += string }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if let last = stack.popLast() {
                if last.name == "g" { groups.removeLast() }
                finished.append(last)
            }
        }
    }
}

enum TextMetricsProxy {
    static func width(_ text: String, size: Double, bold: Bool) -> Double {
        TextMetrics.width(text, size: size.isNaN ? 12 : size, bold: bold)
    }
}

/// Checks shared by every SVG golden: well formed, title and desc first, sizes, font stack.
func assertWellFormedSVG(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) -> ParsedXML {
    let parsed = ParsedXML(svg)
    #expect(parsed.wellFormed, "not well-formed XML: \(parsed.error ?? "")", sourceLocation: sourceLocation)
    let root = parsed.all("svg").first
    #expect(root != nil, sourceLocation: sourceLocation)
    #expect(root?.attributes["viewBox"] != nil, sourceLocation: sourceLocation)
    #expect(Double(root?.attributes["width"] ?? "") != nil, sourceLocation: sourceLocation)
    #expect(Double(root?.attributes["height"] ?? "") != nil, sourceLocation: sourceLocation)
    #expect(root?.attributes["font-family"]?.contains("DejaVu Sans") == true, sourceLocation: sourceLocation)
    #expect(svg.contains("<title>") && svg.contains("<desc>"), sourceLocation: sourceLocation)
    #expect(!(parsed.all("title").first?.text.isEmpty ?? true), sourceLocation: sourceLocation)
    for bad in ["-0.00", "NaN", "nan", "\"inf", "\"-inf", ",inf", "-0\""] {
        #expect(!svg.contains(bad), "SVG contains \(bad)", sourceLocation: sourceLocation)
    }
    return parsed
}

/// Every text element stays inside the SVG and no two texts on the same baseline overlap.
func assertNoTextOverlaps(_ parsed: ParsedXML, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let root = parsed.all("svg").first else {
        Issue.record("no <svg> element", sourceLocation: sourceLocation)
        return
    }
    let width = root.number("width")
    var rows: [String: [(Double, Double, String)]] = [:]
    for text in parsed.all("text") where text.attributes["transform"] == nil {
        let box = ParsedXML.extent(text)
        #expect(
            box.left >= 0 && box.right <= width, "text '\(text.text)' runs outside the figure (\(box))",
            sourceLocation: sourceLocation)
        rows[text.attributes["y"] ?? "", default: []].append((box.left, box.right, text.text))
    }
    for (y, boxes) in rows {
        let sorted = boxes.sorted { $0.0 < $1.0 }
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            #expect(a.1 <= b.0 + 0.01, "texts overlap at y=\(y): '\(a.2)' and '\(b.2)'", sourceLocation: sourceLocation)
        }
    }
}
