import RiskOfBias

extension RiskOfBiasTable {
    /// The traffic-light plot as a standalone SVG: studies down, domains D1…Dn (and Overall)
    /// across, a coloured circle with +, ? or − in every cell, the legend and domain key below.
    ///
    /// Source: robvis `rob_traffic_light`, doi:10.1002/jrsm.1411.
    public func trafficLightSVG() -> String { trafficLightDocument().rendered() }

    /// The traffic-light plot as an `SVGDocument`.
    public func trafficLightDocument() -> SVGDocument {
        let margin = 12.0, size = 12.0, rowHeight = 24.0, radius = 8.5
        let headings = domains.indices.map { "D\($0 + 1)" } + (hasOverall ? ["Overall"] : [])
        let labelWidth = max(
            TextMetrics.width("Study", size: size, bold: true),
            studies.map { TextMetrics.width($0.key, size: size) }.max() ?? 0)
        let columnWidths = headings.map { max(34, TextMetrics.width($0, size: size, bold: true) + 10) }
        let tableLeft = margin + labelWidth + 14
        let tableWidth = columnWidths.reduce(0, +)
        let titleY = margin + 14
        let headerY = titleY + 40
        let bodyTop = headerY + 10
        let bodyBottom = bodyTop + Double(studies.count) * rowHeight
        let legend = RiskOfBiasLegend(
            tool: tool, domains: domains, includesOverall: hasOverall, extraLevels: extraLevels,
            top: bodyBottom + 22, left: margin)
        let width =
            max(tableLeft + tableWidth, margin + legend.width, margin + TextMetrics.width(title, size: 14, bold: true)) + margin
        let height = legend.bottom + margin
        let desc =
            "Risk-of-bias traffic-light plot (\(tool.name)) of \(studies.count) studies across \(domains.count) domains"
            + (hasOverall ? " and the overall judgement." : ".")
        var svg = SVGDocument(width: width.rounded(.up), height: height.rounded(.up), title: title, description: desc)
        svg.text(title, x: margin, y: titleY, size: 14, bold: true, className: "plot-title")
        svg.text("Study", x: margin, y: headerY, size: size, bold: true)
        var x = tableLeft
        var centres: [Double] = []
        for (index, heading) in headings.enumerated() {
            centres.append(x + columnWidths[index] / 2)
            svg.text(heading, x: x + columnWidths[index] / 2, y: headerY, size: size, anchor: .middle, bold: true)
            x += columnWidths[index]
        }
        svg.text("Risk of bias domains", x: tableLeft + tableWidth / 2, y: headerY - 16, size: size, anchor: .middle, bold: true)
        for (row, study) in studies.enumerated() {
            let top = bodyTop + Double(row) * rowHeight, mid = top + rowHeight / 2
            svg.group(className: "rob-row") { svg in
                if row % 2 == 0 {
                    svg.rect(
                        x: margin - 4, y: top, width: tableLeft + tableWidth - margin + 4, height: rowHeight, fill: "#F2F2F2")
                }
                svg.text(study.key, x: margin, y: mid + 4.2, size: size, className: "study-label")
                for index in domains.indices {
                    svg.riskOfBiasLight(judgement(study, index), cx: centres[index], cy: mid, r: radius)
                }
                if hasOverall {
                    svg.riskOfBiasLight(study.overall ?? .noInformation, cx: centres[centres.count - 1], cy: mid, r: radius + 1)
                }
            }
        }
        if hasOverall, let last = centres.last {
            let left = last - columnWidths[columnWidths.count - 1] / 2
            svg.line(x1: left, y1: bodyTop - 2, x2: left, y2: bodyBottom + 2, stroke: "#999999", strokeWidth: 1)
        }
        legend.draw(into: &svg)
        return svg
    }

    /// The summary plot as a standalone SVG: one 100% stacked bar per domain (and overall) of the
    /// share of studies — or of weight, when every study has one — at each level.
    ///
    /// Source: robvis `rob_summary`, doi:10.1002/jrsm.1411; Cochrane Handbook section 7.4.
    public func summarySVG() -> String { summaryDocument().rendered() }

    /// The summary plot as an `SVGDocument`.
    public func summaryDocument() -> SVGDocument {
        let margin = 12.0, size = 12.0, pitch = 28.0, barHeight = 18.0, barWidth = 420.0
        let labels = domains + (hasOverall ? ["Overall risk of bias"] : [])
        let labelWidth = labels.map { TextMetrics.width($0, size: size, bold: $0 == "Overall risk of bias") }.max() ?? 0
        let barLeft = margin + labelWidth + 14
        let titleY = margin + 14
        let subtitle =
            isWeighted
            ? "Share of weight in the analysis (\(tool.name))" : "Share of studies, n = \(studies.count) (\(tool.name))"
        let legendY = titleY + 42
        let bodyTop = legendY + 16
        let axisY = bodyTop + Double(labels.count) * pitch + 2
        let levels = tool.judgements + extraLevels
        let legendWidths = levels.map { 18 + TextMetrics.width($0.displayName, size: 11) + 16 }
        let width =
            max(
                barLeft + barWidth + 20, margin + legendWidths.reduce(0, +),
                margin + TextMetrics.width(title, size: 14, bold: true)) + margin
        let height = axisY + 26 + margin
        var desc = "Risk-of-bias summary (\(tool.name)): "
        desc += labels.indices.map { index -> String in
            let low = proportions(domain: index < domains.count ? index : nil).first { $0.0 == .low }?.1 ?? 0
            return "\(labels[index]) \(SVGFormat.percent(low * 100, decimals: 0)) low"
        }.joined(separator: "; ")
        var svg = SVGDocument(width: width.rounded(.up), height: height.rounded(.up), title: title, description: desc + ".")
        svg.text(title, x: margin, y: titleY, size: 14, bold: true, className: "plot-title")
        svg.text(subtitle, x: margin, y: titleY + 18, size: 11, italic: true)
        var x = margin
        for (index, level) in levels.enumerated() {
            svg.rect(x: x, y: legendY - 10, width: 12, height: 12, fill: level.colour, stroke: "#333333", strokeWidth: 0.5)
            svg.text(level.displayName, x: x + 17, y: legendY, size: 11)
            x += legendWidths[index]
        }
        for (row, label) in labels.enumerated() {
            let top = bodyTop + Double(row) * pitch
            let isOverall = row >= domains.count
            svg.text(
                label, x: barLeft - 8, y: top + barHeight / 2 + 4.2, size: size, anchor: .end, bold: isOverall,
                className: "domain-label")
            var left = barLeft
            svg.group(className: "summary-bar") { svg in
                for (level, share) in proportions(domain: isOverall ? nil : row) {
                    let w = share * barWidth
                    svg.group(className: "bar-segment", tooltip: "\(level.displayName): \(SVGFormat.percent(share * 100))") {
                        svg in
                        svg.rect(
                            x: left, y: top, width: w, height: barHeight, fill: level.colour, stroke: "#ffffff", strokeWidth: 0.5)
                        let text = SVGFormat.percent(share * 100, decimals: 0)
                        if TextMetrics.width(text, size: 10, bold: true) + 6 <= w {
                            let ink = level == .someConcerns || level == .unclear ? "#000000" : "#ffffff"
                            svg.text(
                                text, x: left + w / 2, y: top + barHeight / 2 + 3.6, size: 10, anchor: .middle, bold: true,
                                fill: ink)
                        }
                    }
                    left += w
                }
            }
        }
        svg.line(x1: barLeft, y1: axisY, x2: barLeft + barWidth, y2: axisY, stroke: "#000000")
        for step in 0...4 {
            let x = barLeft + barWidth * Double(step) / 4
            svg.line(x1: x, y1: axisY, x2: x, y2: axisY + 4, stroke: "#000000")
            svg.text("\(step * 25)%", x: x, y: axisY + 16, size: 11, anchor: .middle, className: "tick-label")
        }
        return svg
    }
}
