import RiskOfBias

/// The legend and domain key drawn under risk-of-bias traffic lights.
///
/// One line of coloured circles with the tool's levels ("Low", "Some concerns", "High"), then
/// one line per domain: "D1: Bias arising from the randomization process".
///
/// Source: robvis traffic-light layout, McGuinness & Higgins 2021, doi:10.1002/jrsm.1411.
struct RiskOfBiasLegend {
    static let size = 11.0
    static let lineHeight = 15.0
    let levels: [RiskOfBiasJudgement]
    let keyLines: [String]
    let top: Double
    let left: Double

    init(
        tool: RiskOfBiasTool, domains: [String], includesOverall: Bool, extraLevels: [RiskOfBiasJudgement] = [],
        top: Double, left: Double
    ) {
        levels = tool.judgements + extraLevels.filter { !tool.judgements.contains($0) }
        keyLines =
            domains.enumerated().map { "D\($0.offset + 1): \($0.element)" }
            + (includesOverall ? ["Overall: overall risk of bias"] : [])
        self.top = top
        self.left = left
    }

    init(columns: ForestRiskOfBiasColumns, top: Double, left: Double) {
        self.init(tool: columns.tool, domains: columns.domains, includesOverall: columns.includesOverall, top: top, left: left)
    }

    private var levelWidths: [Double] { levels.map { 20 + TextMetrics.width($0.displayName, size: RiskOfBiasLegend.size) + 14 } }

    var width: Double {
        let heading = TextMetrics.width("Risk of bias (\(levels.count) levels):", size: RiskOfBiasLegend.size, bold: true) + 10
        let row = heading + levelWidths.reduce(0, +)
        return max(row, keyLines.map { TextMetrics.width($0, size: RiskOfBiasLegend.size) }.max() ?? 0)
    }

    var bottom: Double { top + 18 + Double(keyLines.count) * RiskOfBiasLegend.lineHeight }

    func draw(into svg: inout SVGDocument) {
        let size = RiskOfBiasLegend.size
        svg.group(className: "rob-legend") { svg in
            let heading = "Risk of bias:"
            svg.text(heading, x: left, y: top + 4, size: size, bold: true)
            var x = left + TextMetrics.width(heading, size: size, bold: true) + 12
            for (index, level) in levels.enumerated() {
                svg.riskOfBiasLight(level, cx: x + 6, cy: top, r: 6)
                svg.text(level.displayName, x: x + 16, y: top + 4, size: size)
                x += levelWidths[index]
            }
            for (index, line) in keyLines.enumerated() {
                svg.text(
                    line, x: left, y: top + 22 + Double(index) * RiskOfBiasLegend.lineHeight, size: size, className: "rob-key")
            }
        }
    }
}
