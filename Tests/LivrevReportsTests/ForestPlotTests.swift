import Foundation
import LivrevReports
import Testing

@Suite("Forest plot SVG")
struct ForestPlotTests {
    @Test func largeForestMatchesGoldenAndStaysReadable() throws {
        let plot = Fixtures.largeForest
        let svg = plot.renderedSVG()
        Snapshot.assertMatches(svg, named: "forest-44-rob2")
        let parsed = assertWellFormedSVG(svg)
        assertNoTextOverlaps(parsed)
        let labels = parsed.all("text", class: "study-label")
        #expect(labels.count == 44)
        #expect(labels.map(\.text) == plot.groups[0].rows.map(\.displayLabel))
        // Rows at least 16 px apart at 12 px font.
        let ys = labels.map { $0.number("y") }
        #expect(zip(ys, ys.dropFirst()).allSatisfy { $1 - $0 >= 16 })
        // Labels end before the next column starts (the first text to their right in the same row).
        for label in labels {
            let right = ParsedXML.extent(label).right
            let sameRow = parsed.all("text").filter { $0.attributes["y"] == label.attributes["y"] && $0.text != label.text }
            let nextLeft = sameRow.map { ParsedXML.extent($0).left }.filter { $0 > label.number("x") }.min() ?? .infinity
            #expect(right + 4 <= nextLeft, "label '\(label.text)' runs into the next column")
        }
        // One traffic light per domain and overall on every row, plus the legend's three.
        #expect(parsed.all("g", class: "rob-light").count == 44 * 6 + 3)
        #expect(svg.contains("&amp; &lt;escaping&gt; &quot;test&quot;"))
        #expect(svg.contains("Heterogeneity: τ² = 0.38; Q = 46.51, df = 43 (p = 0.092); I² = 24.8%"))
        #expect(svg.contains("Test for overall effect: z = 1.98 (p = 0.048)"))
    }

    @Test func pooledDiamondIsCentredOnTheEstimateOfALogAxis() throws {
        let parsed = ParsedXML(Fixtures.largeForest.renderedSVG())
        let ticks = Dictionary(
            parsed.all("text", class: "tick-label").map { ($0.text, $0.number("x")) }, uniquingKeysWith: { a, _ in a })
        let (x05, x1, x2) = (try #require(ticks["0.5"]), try #require(ticks["1"]), try #require(ticks["2"]))
        #expect(abs((x1 - x05) - (x2 - x1)) < 0.02, "log axis: 0.5→1 and 1→2 are equally long")
        let diamond = try #require(parsed.all("polygon", class: "pooled-diamond").first)
        let points = diamond.attributes["points"]!.split(separator: " ").map { $0.split(separator: ",").map { Double($0)! } }
        let centre = points[1][0]
        let expected = x1 + (x2 - x1) * log2(0.87)
        #expect(abs(centre - expected) < 0.05)
        #expect(abs(points[0][0] - (x1 + (x2 - x1) * log2(0.76))) < 0.05)
        #expect(parsed.all("rect", class: "prediction-interval").count == 1)
    }

    @Test func favoursSidesFollowTheDirection() throws {
        let adverse = ParsedXML(Fixtures.largeForest.renderedSVG())
        #expect(adverse.all("text", class: "favours-left").first?.text == "Favours treatment")
        #expect(adverse.all("text", class: "favours-right").first?.text == "Favours control")
        var acronym = Fixtures.riskDifferenceForest
        acronym.treatmentName = "CBT"
        acronym.controlName = "Usual care"
        let parsedAcronym = ParsedXML(acronym.renderedSVG())
        #expect(parsedAcronym.all("text", class: "favours-left").first?.text == "Favours CBT")
        #expect(parsedAcronym.all("text", class: "favours-right").first?.text == "Favours usual care")
        let beneficial = ParsedXML(Fixtures.subgroupForest.renderedSVG())
        #expect(beneficial.all("text", class: "favours-left").first?.text == "Favours placebo")
        #expect(beneficial.all("text", class: "favours-right").first?.text == "Favours stem cells")
    }

    @Test func subgroupsHaveHeadingsSubtotalsAndTheDifferenceTest() throws {
        let svg = Fixtures.subgroupForest.renderedSVG()
        Snapshot.assertMatches(svg, named: "forest-subgroups-rob1")
        let parsed = assertWellFormedSVG(svg)
        assertNoTextOverlaps(parsed)
        #expect(parsed.all("text", class: "subgroup-heading").map(\.text) == ["1.1 Adults", "1.2 Children"])
        #expect(parsed.all("polygon", class: "subtotal-diamond").count == 2)
        #expect(parsed.all("polygon", class: "pooled-diamond").count == 1)
        #expect(parsed.all("text", class: "study-label").count == 9)
        #expect(svg.contains("Test for subgroup differences: Q = 3.84, df = 1 (p = 0.050); I² = 74.0%"))
        // Larger weight, larger square.
        let squares = parsed.all("rect", class: "study-square").map { $0.number("width") }
        let weights = Fixtures.subgroupForest.groups.flatMap(\.rows).compactMap(\.weight)
        let heaviest = weights.indices.max { weights[$0] < weights[$1] }!
        #expect(squares[heaviest] == squares.max())
    }

    @Test func linearAxisWithAnArrowForAnIntervalOffTheAxis() throws {
        var plot = Fixtures.riskDifferenceForest
        plot.axisLimits = (-0.2, 0.2)
        let svg = plot.renderedSVG()
        Snapshot.assertMatches(svg, named: "forest-risk-difference")
        let parsed = assertWellFormedSVG(svg)
        assertNoTextOverlaps(parsed)
        #expect(parsed.all("polygon", class: "ci-arrow").count == 1)
        let ticks = parsed.all("text", class: "tick-label")
        let xs = ticks.map { $0.number("x") }
        let steps = zip(xs, xs.dropFirst()).map { $1 - $0 }
        #expect(steps.allSatisfy { abs($0 - steps[0]) < 0.02 }, "linear axis: equal steps")
        #expect(ticks.map(\.text).contains("0"))
    }
}
