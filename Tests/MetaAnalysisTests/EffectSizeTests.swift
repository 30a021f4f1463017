import MetaAnalysis
import Testing

/// Effect sizes from counts against `metafor::escalc` (fixtures: seed_review.json, metadat_sets.json).
@Suite("Effect sizes match escalc")
struct EffectSizeTests {
    static func correction(_ name: String) -> ZeroCellCorrection {
        switch name {
        case "none": return .none
        case "all": return .allHalf
        case "dropDoubleZero": return .dropDoubleZero
        default: return .metafor
        }
    }

    @Test(arguments: AnalysisFixture.all.filter { $0.raw["counts"] != nil })
    func rowsMatchEscalc(_ fixture: AnalysisFixture) {
        let counts = fixture.section("counts")!
        let measure = Measure(rawValue: fixture.raw["measure"] as! String)!
        let correction = Self.correction(fixture.raw["correction"] as! String)
        let expectedY = array(fixture.raw["escalc_yi"]), expectedV = array(fixture.raw["escalc_vi"])
        for row in expectedY.indices {
            // Missing counts (NA in the data set) give no effect, as escalc gives NA.
            let c = { (key: String) in array(counts[key]).count > row ? array(counts[key])[row] : nil }
            var effect: EffectSize?
            if measure == .PLO || measure == .PFT {
                if let xi = c("xi"), let ni = c("ni") {
                    effect = EffectSize.proportion(events: xi, total: ni, measure: measure, correction: correction)
                }
            } else if let ai = c("ai"), let n1i = c("n1i"), let ci = c("ci"), let n2i = c("n2i") {
                effect = EffectSize.twoByTwo(
                    eventsTreatment: ai, nTreatment: n1i, eventsControl: ci, nControl: n2i,
                    measure: measure, correction: correction)
            }
            // A row metafor drops (NA) must come back nil; every kept row must match yi and vi.
            expectClose(effect?.yi, expectedY[row], "\(fixture.name) row \(row + 1) yi")
            expectClose(effect?.vi, expectedV[row], "\(fixture.name) row \(row + 1) vi")
        }
    }

    @Test func ratioWithConfidenceIntervalMatchesR() {
        let fixture = AnalysisFixture.all.first { $0.name == "generic ratio CI REML" }!
        let generic = fixture.section("generic")!
        let estimates = array(generic["estimate"]), lower = array(generic["lower"]), upper = array(generic["upper"])
        for row in estimates.indices {
            let effect = EffectSize.ratioWithConfidenceInterval(estimate: estimates[row]!, lower: lower[row]!, upper: upper[row]!)
            expectClose(effect?.yi, fixture.yi[row], "generic row \(row + 1) yi", tolerance: 1e-12)
            expectClose(effect?.vi, fixture.vi[row], "generic row \(row + 1) vi", tolerance: 1e-12)
        }
    }

    @Test func invalidCountsGiveNil() {
        #expect(EffectSize.twoByTwo(eventsTreatment: 5, nTreatment: 4, eventsControl: 1, nControl: 10, measure: .OR) == nil)
        #expect(EffectSize.twoByTwo(eventsTreatment: -1, nTreatment: 4, eventsControl: 1, nControl: 10, measure: .RR) == nil)
        #expect(EffectSize.proportion(events: 3, total: 0, measure: .PLO) == nil)
    }

    @Test func measureRawValuesAreMetaforNames() {
        #expect(Measure.allCases.map(\.rawValue) == ["OR", "RR", "RD", "PLO", "PFT"])
    }
}

extension AnalysisFixture: CustomTestStringConvertible {
    var testDescription: String { name }
}
