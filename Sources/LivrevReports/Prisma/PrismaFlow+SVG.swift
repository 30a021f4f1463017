extension PrismaFlow {
    /// The PRISMA 2020 flow diagram as a standalone SVG file, in the official template's layout.
    ///
    /// Phase labels (Identification, Screening, Included) sit rotated in blue bars in the left
    /// margin; the main flow runs down the middle column and each removal or exclusion branches
    /// right, with every exclusion reason and its count. For an updated review (`previous`
    /// set) the updated-review template is used: a "Previous studies" column whose counts join
    /// the new studies in "Total studies included in review". Work still under way is listed
    /// in a note under the diagram.
    ///
    /// Source: Page MJ et al. (2021). The PRISMA 2020 statement. BMJ 372:n71. doi:10.1136/bmj.n71
    /// (flow diagram templates for new and updated reviews, databases and registers only).
    public func renderedSVG() -> String { svgDocument().rendered() }

    /// The flow diagram as an `SVGDocument`, e.g. to inline in an HTML report.
    public func svgDocument() -> SVGDocument {
        typealias Line = FlowBox.Line
        let margin = 12.0, barWidth = 26.0, columnWidth = 270.0, rightWidth = 270.0, previousWidth = 230.0
        let rowGap = 34.0, columnGap = 50.0, headerHeight = 30.0
        let barX = margin
        let previousX = barX + barWidth + 14
        let mainX = previous == nil ? previousX : previousX + previousWidth + columnGap
        let rightX = mainX + columnWidth + columnGap
        let width = rightX + rightWidth + margin

        func n(_ value: Int) -> String { "(n = \(value))" }
        var identified = [Line(text: "Records identified from:"), Line(text: "Databases \(n(databaseTotal))", indent: 10)]
        identified += databases.map { Line(text: "\($0.0) \(n($0.1))", indent: 22) }
        identified.append(Line(text: "Registers \(n(registerTotal))", indent: 10))
        identified += registers.map { Line(text: "\($0.0) \(n($0.1))", indent: 22) }
        var excludedLines = [Line(text: "Reports excluded \(n(reportsExcludedTotal)):")]
        excludedLines += reportsExcluded.map { Line(text: "\($0.0) \(n($0.1))", indent: 10) }
        let newLabel = previous == nil ? "Studies included in review" : "New studies included in review"
        let reportsLabel = previous == nil ? "Reports of included studies" : "Reports of new included studies"

        var rows: [(main: FlowBox, right: FlowBox?)] = [
            (
                FlowBox(width: columnWidth, identified),
                FlowBox(
                    width: rightWidth,
                    [
                        Line(text: "Records removed before screening:"),
                        Line(text: "Duplicate records removed \(n(duplicatesRemoved))", indent: 10),
                    ])
            ),
            (
                FlowBox(width: columnWidth, texts: ["Records screened", n(recordsScreened)]),
                FlowBox(width: rightWidth, texts: ["Records excluded", n(recordsExcluded)])
            ),
            (
                FlowBox(width: columnWidth, texts: ["Reports sought for retrieval", n(reportsSought)]),
                FlowBox(width: rightWidth, texts: ["Reports not retrieved", n(reportsNotRetrieved)])
            ),
            (
                FlowBox(width: columnWidth, texts: ["Reports assessed for eligibility", n(reportsAssessed)]),
                FlowBox(width: rightWidth, excludedLines)
            ),
            (
                FlowBox(
                    width: columnWidth, texts: ["\(newLabel) \(n(studiesIncluded))", "\(reportsLabel) \(n(reportsIncluded))"]),
                nil
            ),
        ]
        if previous != nil {
            rows.append(
                (
                    FlowBox(
                        width: columnWidth,
                        texts: [
                            "Total studies included in review \(n(totalStudies))",
                            "Reports of total included studies \(n(totalReports))",
                        ]), nil
                ))
        }
        let previousBox = previous.map {
            FlowBox(
                width: previousWidth,
                texts: [
                    "Studies included in previous version of review \(n($0.studies))", "",
                    "Reports of studies included in previous version of review \(n($0.reports))",
                ])
        }

        let titleLines = TextMetrics.wrap(
            "PRISMA 2020 flow diagram: \(title)", maxWidth: width - 2 * margin, size: 13, bold: true)
        let headerTop = margin + Double(titleLines.count) * 17 + 8
        var rowHeights: [Double] = rows.enumerated().map { index, row in
            var height = max(row.main.height, row.right?.height ?? 0)
            if index == 0, let previousBox { height = max(height, previousBox.height) }
            return height
        }
        let lastRow = rows.count - 1
        let phases = [("Identification", 0, 0), ("Screening", 1, 3), ("Included", 4, lastRow)]
        for (label, first, last) in phases {
            // A phase bar is at least as tall as its rotated label; spread any shortfall over its rows.
            let span = rowHeights[first...last].reduce(0, +) + Double(last - first) * rowGap
            let deficit = TextMetrics.width(label, size: 12, bold: true) + 16 - span
            if deficit > 0 {
                for index in first...last { rowHeights[index] += deficit / Double(last - first + 1) }
            }
        }
        var top = headerTop + headerHeight + 16
        var rowTops: [Double] = []
        for height in rowHeights {
            rowTops.append(top)
            top += height + rowGap
        }
        let diagramBottom = top - rowGap
        let waiting = pending.filter { $0.count > 0 }
        let noteLines =
            waiting.isEmpty ? [] : ["Not yet counted above (work under way):"] + waiting.map { "\($0.label): \($0.count)" }
        let height = diagramBottom + (noteLines.isEmpty ? 0 : 16 + Double(noteLines.count) * 15) + margin

        var desc = "PRISMA 2020 flow diagram: \(databaseTotal + registerTotal) records identified, \(recordsScreened) screened, "
        desc += "\(reportsAssessed) reports assessed, \(studiesIncluded) \(previous == nil ? "" : "new ")studies included"
        if previous != nil { desc += ", \(totalStudies) studies in total" }
        var svg = SVGDocument(
            width: width.rounded(.up), height: height.rounded(.up), title: "PRISMA 2020 flow diagram: \(title)",
            description: desc + ".")
        for (index, line) in titleLines.enumerated() {
            svg.text(line, x: margin, y: margin + 13 + Double(index) * 17, size: 13, bold: true)
        }

        // Header bars.
        let gold = "#F7C95C"
        if previous != nil {
            PrismaFlow.header(
                "Previous studies", x: previousX, width: previousWidth, y: headerTop, height: headerHeight, fill: gold, into: &svg
            )
        }
        PrismaFlow.header(
            previous == nil
                ? "Identification of studies via databases and registers"
                : "Identification of new studies via databases and registers",
            x: mainX, width: rightX + rightWidth - mainX, y: headerTop, height: headerHeight, fill: gold, into: &svg)

        // Phase bars.
        for (label, first, last) in phases {
            let y1 = rowTops[first], y2 = rowTops[last] + rowHeights[last]
            svg.group(className: "phase") { svg in
                svg.rect(x: barX, y: y1, width: barWidth, height: y2 - y1, fill: "#A6C8EA", stroke: "#5B8DB8", cornerRadius: 4)
                svg.text(label, x: barX + barWidth / 2 + 4, y: (y1 + y2) / 2, size: 12, anchor: .middle, bold: true, rotate: -90)
            }
        }

        // Boxes and arrows.
        for (index, row) in rows.enumerated() {
            let rowMid = rowTops[index] + rowHeights[index] / 2
            let mainTop = rowMid - row.main.height / 2
            row.main.draw(into: &svg, x: mainX, y: mainTop, className: "prisma-box")
            if let right = row.right {
                right.draw(into: &svg, x: rightX, y: rowMid - right.height / 2, className: "prisma-box")
                svg.arrow(x1: mainX + columnWidth, y1: rowMid, x2: rightX, y2: rowMid)
            }
            if index > 0 {
                let previousBottom = rowTops[index - 1] + rowHeights[index - 1] / 2 + rows[index - 1].main.height / 2
                svg.arrow(x1: mainX + columnWidth / 2, y1: previousBottom, x2: mainX + columnWidth / 2, y2: mainTop)
            }
        }
        if let previousBox {
            previousBox.draw(into: &svg, x: previousX, y: rowTops[0], className: "prisma-box")
            let x = previousX + previousWidth / 2
            let totalMid = rowTops[lastRow] + rowHeights[lastRow] / 2
            svg.line(x1: x, y1: rowTops[0] + previousBox.height, x2: x, y2: totalMid, stroke: "#000000", strokeWidth: 1.25)
            svg.arrow(x1: x, y1: totalMid, x2: mainX, y2: totalMid)
        }
        for (index, line) in noteLines.enumerated() {
            svg.text(
                line, x: margin, y: diagramBottom + 26 + Double(index) * 15, size: 11, bold: index == 0, className: "pending-note"
            )
        }
        return svg
    }

    private static func header(
        _ text: String, x: Double, width: Double, y: Double, height: Double, fill: String,
        into svg: inout SVGDocument
    ) {
        svg.group(className: "phase-header") { svg in
            svg.rect(x: x, y: y, width: width, height: height, fill: fill, stroke: "#B8860B", cornerRadius: 4)
            svg.text(text, x: x + width / 2, y: y + height / 2 + 4.5, size: 12, anchor: .middle, bold: true)
        }
    }
}
