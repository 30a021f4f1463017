import Foundation
import LivrevReports
import Testing

@Suite("Funnel and cumulative forest SVG")
struct FunnelAndCumulativeTests {
    static var funnel: FunnelPlot {
        let points = (0..<20).map { i -> FunnelPoint in
            let (b, se) = Fixtures.effect(i)
            return FunnelPoint(label: "Study \(i + 1)", estimate: exp(b * 0.6 - 0.15 + (se > 0.5 ? -0.25 : 0)), standardError: se)
        }
        let imputed = [
            FunnelPoint(estimate: exp(0.35), standardError: 0.62), FunnelPoint(estimate: exp(0.21), standardError: 0.55),
            FunnelPoint(estimate: exp(0.48), standardError: 0.69),
        ]
        return FunnelPlot(
            title: "Funnel plot: serious adverse events", measure: "Odds ratio", scale: .log, pooled: 0.82,
            points: points, imputed: imputed, adjustedPooled: 0.9)
    }

    static var cumulative: CumulativeForest {
        let names = [
            "Hare 2009", "Ito 2012", "Jensen 2014", "Kowalski 2016", "Lund 2018", "Mora 2019", "Nakamura 2021", "Olsen 2023",
        ]
        let steps = names.enumerated().map { index, name -> CumulativeForestRow in
            let k = Double(index + 1)
            let estimate = 0.55 + 0.3 * (1 - 1 / k), half = 1.6 / (k + 1).squareRoot()
            return CumulativeForestRow(
                label: "+ \(name)", studies: index + 1, estimate: estimate,
                lower: estimate * exp(-half), upper: estimate * exp(half))
        }
        return CumulativeForest(
            title: "Cumulative meta-analysis by year of publication", measure: "Odds ratio",
            method: "IV, Random, 95% CI", scale: .log, steps: steps)
    }

    @Test func funnelHasRegionPointsImputedAndInvertedSE() throws {
        let plot = Self.funnel
        let svg = plot.renderedSVG()
        Snapshot.assertMatches(svg, named: "funnel-trim-and-fill")
        let parsed = assertWellFormedSVG(svg)
        assertNoTextOverlaps(parsed)
        #expect(parsed.all("circle", class: "study-point").count == 20)
        #expect(parsed.all("circle", class: "imputed-point").count == 3)
        #expect(parsed.all("circle", class: "imputed-point").allSatisfy { $0.attributes["fill"] == "#ffffff" })
        // Standard error 0 at the top: labels go down as SE grows.
        let se = parsed.all("text", class: "se-label")
        #expect(se.first?.text == "0")
        #expect(zip(se, se.dropFirst()).allSatisfy { $0.number("y") < $1.number("y") })
        // Region is symmetric about the pooled line, whose x matches the log axis.
        let line = try #require(parsed.all("line", class: "pooled-line").first)
        let region = try #require(parsed.all("polygon", class: "funnel-region").first)
        let xs = region.attributes["points"]!.split(separator: " ").map { Double($0.split(separator: ",")[0])! }
        #expect(abs(xs[0] - line.number("x1")) < 0.01)
        #expect(abs((xs[0] - xs[1]) - (xs[2] - xs[0])) < 0.02)
        let ticks = Dictionary(
            parsed.all("text", class: "tick-label").map { ($0.text, $0.number("x")) }, uniquingKeysWith: { a, _ in a })
        let (x05, x1) = (try #require(ticks["0.5"]), try #require(ticks["1"]))
        #expect(abs(line.number("x1") - (x1 + (x1 - x05) * log2(0.82))) < 0.05)
        #expect(svg.contains("Studies imputed by trim-and-fill (n = 3)"))
    }

    @Test func funnelWithoutTrimAndFillOnALinearScale() {
        let plot = FunnelPlot(
            title: "Funnel plot: mean difference in pain (0–10)", measure: "Mean difference", scale: .linear,
            pooled: -0.8,
            points: (0..<9).map { FunnelPoint(estimate: -0.8 + Double($0 % 5 - 2) * 0.3, standardError: 0.1 + Double($0) * 0.06) }
        )
        let svg = plot.renderedSVG()
        Snapshot.assertMatches(svg, named: "funnel-linear")
        let parsed = assertWellFormedSVG(svg)
        assertNoTextOverlaps(parsed)
        #expect(parsed.all("circle", class: "imputed-point").isEmpty)
        #expect(!svg.contains("trim-and-fill"))
    }

    @Test func cumulativeForestHasOneRowPerStep() throws {
        let plot = Self.cumulative
        let svg = plot.renderedSVG()
        Snapshot.assertMatches(svg, named: "cumulative-forest")
        let parsed = assertWellFormedSVG(svg)
        assertNoTextOverlaps(parsed)
        #expect(parsed.all("text", class: "step-label").map(\.text) == plot.steps.map(\.label))
        let diamonds = parsed.all("polygon", class: "step-diamond")
        #expect(diamonds.count == plot.steps.count)
        let ticks = Dictionary(
            parsed.all("text", class: "tick-label").map { ($0.text, $0.number("x")) }, uniquingKeysWith: { a, _ in a })
        let (x1, x2) = (try #require(ticks["1"]), try #require(ticks["2"]))
        for (diamond, step) in zip(diamonds, plot.steps) {
            let centre = Double(diamond.attributes["points"]!.split(separator: " ")[1].split(separator: ",")[0])!
            #expect(abs(centre - (x1 + (x2 - x1) * log2(step.estimate))) < 0.05)
        }
        #expect(parsed.all("text", class: "favours-left").first?.text == "Favours treatment")
    }
}
