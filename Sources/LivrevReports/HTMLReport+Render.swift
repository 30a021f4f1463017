extension HTMLReport {
    /// The complete HTML file, ending with a newline.
    public func rendered() -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>\(esc(title))</title>\n<style>\n\(HTMLReport.stylesheet)</style>\n</head>\n<body>\n"
        out += "<header>\n<h1>\(esc(title))</h1>\n"
        if let subtitle { out += "<p class=\"subtitle\">\(esc(subtitle))</p>\n" }
        out += "</header>\n"
        out += tableOfContents()
        out += "<main>\n"
        for (index, section) in sections.enumerated() {
            out += render(section, id: "s\(index + 1)", level: 2)
        }
        out += "</main>\n"
        if let footer { out += "<footer>\(esc(footer))</footer>\n" }
        return out + "</body>\n</html>\n"
    }

    private func tableOfContents() -> String {
        guard !sections.isEmpty else { return "" }
        var out = "<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n"
        for (index, section) in sections.enumerated() {
            let id = "s\(index + 1)"
            out += "<li><a href=\"#\(id)\">\(esc(section.heading))</a>"
            if !section.subsections.isEmpty {
                out += "\n<ol>\n"
                for (subIndex, sub) in section.subsections.enumerated() {
                    out += "<li><a href=\"#\(id)-\(subIndex + 1)\">\(esc(sub.heading))</a></li>\n"
                }
                out += "</ol>\n"
            }
            out += "</li>\n"
        }
        return out + "</ol>\n</nav>\n"
    }

    private func render(_ section: HTMLSection, id: String, level: Int) -> String {
        let h = "h\(min(level, 6))"
        var out = "<section id=\"\(id)\">\n<\(h)>\(esc(section.heading))</\(h)>\n"
        for block in section.blocks { out += render(block) }
        for (index, sub) in section.subsections.enumerated() {
            out += render(sub, id: "\(id)-\(index + 1)", level: level + 1)
        }
        return out + "</section>\n"
    }

    private func render(_ block: HTMLBlock) -> String {
        switch block {
        case .paragraph(let text):
            return "<p>\(esc(text))</p>\n"
        case .preformatted(let text):
            return "<pre>\(esc(text, keepNewlines: true))</pre>\n"
        case .list(let items):
            return "<ul>\n" + items.map { "<li>\(esc($0))</li>\n" }.joined() + "</ul>\n"
        case .callout(let level, let text):
            let kind = ["info", "warning", "error"].contains(level) ? level : "info"
            return "<p class=\"callout \(kind)\"><strong>\(esc(kind.capitalized)):</strong> \(esc(text))</p>\n"
        case .figure(let svg, let caption):
            var out = "<figure>\n" + svg.renderedElement()
            if let caption { out += "<figcaption>\(esc(caption))</figcaption>\n" }
            return out + "</figure>\n"
        case .table(let caption, let header, let rows):
            var numeric = Array(repeating: !rows.isEmpty, count: header.count)
            for row in rows {
                for (index, cell) in row.prefix(header.count).enumerated()
                where !["", "—", "-", "NA"].contains(cell) && !HTMLReport.looksNumeric(cell) {
                    numeric[index] = false
                }
            }
            func cellTag(_ tag: String, _ text: String, _ index: Int) -> String {
                let cls = index < numeric.count && numeric[index] ? " class=\"num\"" : ""
                return "<\(tag)\(cls)>\(esc(text))</\(tag)>"
            }
            var out = "<div class=\"table-wrap\">\n<table>\n"
            if let caption { out += "<caption>\(esc(caption))</caption>\n" }
            out +=
                "<thead>\n<tr>" + header.enumerated().map { cellTag("th", $0.element, $0.offset) }.joined()
                + "</tr>\n</thead>\n<tbody>\n"
            for row in rows {
                let cells = (0..<header.count).map { index in cellTag("td", index < row.count ? row[index] : "", index) }
                out += "<tr>" + cells.joined() + "</tr>\n"
            }
            return out + "</tbody>\n</table>\n</div>\n"
        }
    }

    private func esc(_ text: String, keepNewlines: Bool = false) -> String {
        guard keepNewlines else { return SVGDocument.escape(text) }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { SVGDocument.escape(String($0)) }.joined(
            separator: "\n")
    }

    static func looksNumeric(_ cell: String) -> Bool {
        cell.contains { $0.isNumber } && cell.allSatisfy { $0.isNumber || " -+.,%[]()−–".contains($0) }
    }

    /// The inline stylesheet: readable on screen, clean on paper (figures never split across pages).
    static let stylesheet = """
        :root { color-scheme: light; }
        body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a;
          background: #ffffff; max-width: 1200px; margin: 0 auto; padding: 24px 32px; }
        header { border-bottom: 2px solid #1F4E79; margin-bottom: 16px; }
        h1 { font-size: 26px; margin: 0 0 4px; color: #1F4E79; }
        h2 { font-size: 21px; margin: 32px 0 8px; color: #1F4E79; border-bottom: 1px solid #d0d7de; }
        h3 { font-size: 17px; margin: 24px 0 6px; }
        h4, h5, h6 { font-size: 15px; margin: 16px 0 4px; }
        .subtitle { margin: 0 0 12px; color: #555555; }
        nav.toc { background: #f6f8fa; border: 1px solid #d0d7de; padding: 8px 20px; margin: 16px 0; }
        nav.toc h2 { font-size: 16px; margin: 4px 0; border: none; }
        nav.toc ol { margin: 4px 0; padding-left: 22px; }
        a { color: #1F4E79; }
        p { margin: 8px 0; max-width: 60em; }
        pre { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 12.5px; line-height: 1.2;
          background: #f6f8fa; border: 1px solid #d0d7de; padding: 10px 12px; overflow-x: auto; }
        figure { margin: 16px 0; break-inside: avoid; page-break-inside: avoid; }
        figure svg { max-width: 100%; height: auto; display: block; }
        figcaption { font-size: 13px; color: #444444; margin-top: 4px; }
        .table-wrap { overflow-x: auto; margin: 12px 0; }
        table { border-collapse: collapse; font-size: 13px; }
        caption { text-align: left; font-weight: bold; padding: 4px 0; }
        th, td { border-bottom: 1px solid #d0d7de; padding: 4px 10px; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #1a1a1a; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .callout { border-left: 4px solid #1F4E79; background: #eef4fa; padding: 6px 10px; }
        .callout.warning { border-color: #B8860B; background: #fdf6e3; }
        .callout.error { border-color: #BF0000; background: #fbeaea; }
        footer { margin-top: 40px; border-top: 1px solid #d0d7de; font-size: 12px; color: #555555; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11pt; }
          nav.toc { page-break-after: always; }
          h2 { page-break-after: avoid; }
          pre, table { page-break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
        }

        """
}
