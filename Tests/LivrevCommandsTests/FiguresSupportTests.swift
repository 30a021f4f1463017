import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The demo registry, built once for the figure, report and export tests (they only read it).
enum DemoRegistry {
    static let runner: CommandRunner? = {
        guard let livrev = try? CommandRunner(), (try? livrev.run(["demo", "--db", livrev.registryPath]))?.status == 0 else {
            return nil
        }
        return livrev
    }()

    static func get() throws -> CommandRunner { try #require(runner, "livrev demo failed") }
}

/// An SVG or XHTML file parsed with Foundation's XMLParser: well-formedness, and elements by class.
struct ParsedXML {
    let root: String
    /// How many elements carry each class name.
    let classes: [String: Int]
    /// The text of every <text> element, in order.
    let texts: [String]

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try self.init(data: data)
    }

    init(data: Data) throws {
        let parser = XMLParser(data: data)
        let delegate = Collector()
        parser.delegate = delegate
        guard parser.parse() else {
            throw ParseError(
                description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)")
        }
        root = delegate.root ?? ""
        classes = delegate.classes
        texts = delegate.texts
    }

    struct ParseError: Error, CustomStringConvertible { let description: String }

    private final class Collector: NSObject, XMLParserDelegate {
        var root: String?
        var classes: [String: Int] = [:]
        var texts: [String] = []
        private var inText = false
        private var current = ""

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if root == nil { root = name }
            for cls in (attributes["class"] ?? "").split(separator: " ") { classes[String(cls), default: 0] += 1 }
            if name == "text" { inText = true; current = "" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { texts.append(current); inText = false }
        }
    }
}
