import Foundation
import RiskOfBias
import Testing

@testable import LivrevReports

@Suite("Risk-of-bias SVG")
struct RiskOfBiasTests {
    static var rob2: RiskOfBiasTable {
        let studies = (0..<12).map { i -> RiskOfBiasStudy in
            let judgements = (0..<5).map { Fixtures.judgement(i, $0, tool: .rob2) }
            let overall: RiskOfBiasJudgement = [.low, .someConcerns, .low, .high][(i * 3) % 4]
            return RiskOfBiasStudy(
                key: [
                    "Hare 2009", "Ito 2012", "Jensen 2014", "Kowalski 2016", "Lund 2018", "Mora 2007",
                    "Nakamura 2010", "Olsen 2013", "Park 2020", "Quinn 2001", "Rossi 2005",
                    "Sato 2008 <pilot & main phase>",
                ][i], judgements: judgements, overall: overall)
        }
        return RiskOfBiasTable(title: "Risk of bias (RoB 2): all-cause mortality", tool: .rob2, studies: studies)
    }

    static var rob1: RiskOfBiasTable {
        let studies = (0..<6).map { i -> RiskOfBiasStudy in
            var judgements = (0..<7).map { Fixtures.judgement(i, $0, tool: .rob1) }
            if i == 4 { judgements[6] = .noInformation }
            return RiskOfBiasStudy(
                key: "Study \(i + 1) (\(2000 + i * 3))", judgements: judgements, weight: Double([30, 10, 20, 15, 5, 20][i]))
        }
        return RiskOfBiasTable(title: "Risk of bias (RoB 1), weighted by analysis weight", tool: .rob1, studies: studies)
    }

    @Test func rob2TrafficLightHasOneLightPerCellAndALegend() {
        let svg = Self.rob2.trafficLightSVG()
        Snapshot.assertMatches(svg, named: "rob2-traffic-light")
        let parsed = assertWellFormedSVG(svg)
        assertNoTextOverlaps(parsed)
        #expect(parsed.all("text", class: "study-label").count == 12)
        #expect(parsed.all("g", class: "rob-light").count == 12 * 6 + 3)
        #expect(parsed.all("text", class: "rob-key").map(\.text).first == "D1: Bias arising from the randomization process")
        #expect(svg.contains("Sato 2008 &lt;pilot &amp; main phase&gt;"))
    }

    @Test func rob2SummaryBarsAreFullWidthShares() throws {
        let table = Self.rob2
        let svg = table.summarySVG()
        Snapshot.assertMatches(svg, named: "rob2-summary")
        let parsed = assertWellFormedSVG(svg)
        assertNoTextOverlaps(parsed)
        let bars = parsed.all("g", class: "summary-bar")
        #expect(bars.count == 6)
        for bar in bars {
            let segmentGroups = Set(parsed.elements.filter { $0.group == bar.serial }.compactMap(\.serial))
            let segments = parsed.elements.filter { element in
                element.name == "rect" && segmentGroups.contains(element.group ?? -1)
            }
            let total = segments.reduce(0) { $0 + $1.number("width") }
            #expect(abs(total - 420) < 0.05, "each bar spans 100%")
        }
        let lowShare = table.proportions(domain: 0).first { $0.0 == .low }!.1
        let expected = Double(table.studies.filter { $0.judgements[0] == .low }.count) / 12
        #expect(abs(lowShare - expected) < 1e-12)
    }

    @Test func rob1SummaryIsWeightedAndShowsNoInformation() throws {
        let table = Self.rob1
        #expect(table.isWeighted)
        let svg = table.summarySVG()
        Snapshot.assertMatches(svg, named: "rob1-summary-weighted")
        let parsed = assertWellFormedSVG(svg)
        assertNoTextOverlaps(parsed)
        #expect(parsed.all("text", class: "domain-label").count == 7, "RoB 1 has no overall bar here")
        let other = table.proportions(domain: 6)
        #expect(abs((other.first { $0.0 == .noInformation }?.1 ?? 0) - 0.05) < 1e-12, "study 5 carries 5% of the weight")
        #expect(svg.contains("Unclear") && svg.contains("No information"))
        let traffic = table.trafficLightSVG()
        Snapshot.assertMatches(traffic, named: "rob1-traffic-light")
        let trafficParsed = assertWellFormedSVG(traffic)
        assertNoTextOverlaps(trafficParsed)
        #expect(trafficParsed.all("g", class: "rob-light").count == 6 * 7 + 4)
    }

    /// A legend lists exactly the tool's levels, worded as the tool words them.
    @Test func legendLevelsAreTheToolsLevels() {
        #expect(RiskOfBiasTool.rob2.judgements.map(\.displayName) == ["Low", "Some concerns", "High"])
        #expect(RiskOfBiasTool.rob1.judgements.map(\.displayName) == ["Low", "Unclear", "High"])
    }
}
