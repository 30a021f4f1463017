/// A self-contained HTML5 report: title, table of contents and ordered sections.
///
/// Everything is inline — CSS in a `<style>` element, figures as inline SVG — with no scripts,
/// no external URLs and no timestamps, so the file opens offline, prints cleanly and is
/// byte-for-byte reproducible. The markup is also well-formed XML (XHTML-compatible), which
/// the tests check with an XML parser.
///
/// For example:
///
///     HTMLReport(title: "Stem cells for heart failure", sections: [
///         HTMLSection(heading: "Flow of studies", blocks: [.figure(prisma.svgDocument(), caption: "PRISMA 2020")]),
///     ]).rendered()
///
/// Source: WHATWG HTML Living Standard (the HTML syntax); PRISMA 2020 reporting items 16–23.
public struct HTMLReport: Sendable {
    public var title: String
    /// A line under the title, e.g. "Snapshot 2026-11 · 41 studies".
    public var subtitle: String?
    public var sections: [HTMLSection]
    /// Text of the page footer, e.g. the registry and snapshot the report was built from.
    public var footer: String?

    public init(title: String, subtitle: String? = nil, sections: [HTMLSection], footer: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
        self.footer = footer
    }
}

/// A section of a report: a heading, its blocks in order, then its subsections.
public struct HTMLSection: Sendable {
    public var heading: String
    public var blocks: [HTMLBlock]
    public var subsections: [HTMLSection]

    public init(heading: String, blocks: [HTMLBlock] = [], subsections: [HTMLSection] = []) {
        self.heading = heading
        self.blocks = blocks
        self.subsections = subsections
    }
}

/// One piece of content in a report section.
public enum HTMLBlock: Sendable {
    /// A paragraph of plain text (escaped; no markup).
    case paragraph(String)
    /// Pre-formatted text in a monospaced block, e.g. the plain-text PRISMA diagram or a statistics summary.
    case preformatted(String)
    /// A bulleted list of plain-text items.
    case list([String])
    /// A table; cells that look numeric are right-aligned.
    case table(caption: String?, header: [String], rows: [[String]])
    /// An inline SVG figure with an optional caption.
    case figure(SVGDocument, caption: String?)
    /// A highlighted note, e.g. a check finding: `level` is "info", "warning" or "error".
    case callout(level: String, text: String)
}
