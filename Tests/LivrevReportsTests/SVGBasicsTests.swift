import Foundation
import LivrevReports
import Testing

@Suite("SVG basics")
struct SVGBasicsTests {
    @Test func fixedDecimalsAreLocaleFreeAndNeverNegativeZero() {
        #expect(SVGFormat.fixed(-0.0004, decimals: 2) == "0.00")
        #expect(SVGFormat.fixed(-0.005, decimals: 2) == "-0.01")
        #expect(SVGFormat.fixed(1234.5, decimals: 1) == "1234.5")
        #expect(SVGFormat.fixed(0.125, decimals: 2) == "0.13")
        #expect(SVGFormat.coordinate(12.50) == "12.5")
        #expect(SVGFormat.coordinate(-0.001) == "0")
        #expect(SVGFormat.coordinate(40) == "40")
        #expect(SVGFormat.pValue(0.0004) == "< 0.001")
        #expect(SVGFormat.pValue(0.0917) == "= 0.092")
        #expect(SVGFormat.tick(0.5) == "0.5" && SVGFormat.tick(100) == "100" && SVGFormat.tick(0.01) == "0.01")
        #expect(SVGFormat.interval(0.854, 0.6, 1.214) == "0.85 [0.60, 1.21]")
        #expect(SVGFormat.fixed(.nan, decimals: 2) == "NA")
    }

    @Test func escapesTheFiveXMLCharactersAndDropsControlCharacters() {
        #expect(SVGDocument.escape("a & b < c > d \" e ' f\u{1}") == "a &amp; b &lt; c &gt; d &quot; e &apos; f")
    }

    @Test func documentHasTitleDescViewBoxAndFontStack() {
        var svg = SVGDocument(width: 100, height: 50, title: "T & t", description: "D")
        svg.text("x", x: 1, y: 2, anchor: .middle, bold: true)
        let text = svg.rendered()
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        #expect(
            text.contains("viewBox=\"0 0 100 50\"") && text.contains("<title>T &amp; t</title>")
                && text.contains("<desc>D</desc>"))
        #expect(text.contains("font-family=\"&apos;DejaVu Sans&apos;, Arial, sans-serif\""))
        _ = assertWellFormedSVG(text)
    }

    @Test func textWidthFollowsDejaVuSansAdvances() {
        // Digits are 1303/2048 em; the estimate is 3% generous.
        #expect(abs(TextMetrics.width("0000", size: 10) - 4 * 10 * 1303 / 2048 * 1.03) < 1e-9)
        #expect(TextMetrics.width("Total", size: 12, bold: true) > TextMetrics.width("Total", size: 12))
        #expect(TextMetrics.wrap("one two three four", maxWidth: 60, size: 12).count > 1)
    }

    @Test func degenerateInputsStillRenderWellFormedFigures() {
        let empty = ForestPlot(title: "No studies yet", measure: "Risk ratio", scale: .log, rows: [], overall: nil)
        _ = assertWellFormedSVG(empty.renderedSVG())
        let odd = ForestPlot(
            title: "Odd values", measure: "Odds ratio", scale: .log,
            rows: [
                ForestRow(study: "Zero lower bound", estimate: 0.5, lower: 0, upper: 3, weight: 0),
                ForestRow(study: "Not estimable", estimate: .nan, lower: .nan, upper: .nan),
                ForestRow(study: "Huge", estimate: 250, lower: 40, upper: 9000, weight: 10),
            ], overall: nil)
        let oddSVG = odd.renderedSVG()
        Snapshot.assertMatches(oddSVG, named: "forest-edge-cases")
        let parsed = assertWellFormedSVG(oddSVG)
        assertNoTextOverlaps(parsed)
        #expect(parsed.all("polygon", class: "ci-arrow").count == 2)
        let linear = ForestPlot(
            title: "One proportion", measure: "Proportion", scale: .linear,
            rows: [ForestRow(study: "Only", estimate: 0.3, lower: 0.3, upper: 0.3)], overall: nil
        ).withoutNullLine()
        let linearParsed = assertWellFormedSVG(linear.renderedSVG())
        #expect(linearParsed.all("text", class: "favours-left").isEmpty)
        #expect(linearParsed.all("text", class: "tick-label").count >= 2)
        let table = RiskOfBiasTable(title: "Empty", tool: .rob2, studies: [])
        _ = assertWellFormedSVG(table.trafficLightSVG())
        _ = assertWellFormedSVG(table.summarySVG())
        _ = assertWellFormedSVG(
            FunnelPlot(title: "No points", measure: "Odds ratio", scale: .log, pooled: 1, points: []).renderedSVG())
        _ = assertWellFormedSVG(CumulativeForest(title: "No steps", measure: "Odds ratio", scale: .log, steps: []).renderedSVG())
    }
}
