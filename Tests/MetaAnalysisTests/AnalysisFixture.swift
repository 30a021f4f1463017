import Foundation
import MetaAnalysis

/// One analysis recorded by `scripts/reference/common.R` (`full_analysis`): inputs and metafor's results.
struct AnalysisFixture: @unchecked Sendable {
    let name: String
    let raw: [String: Any]

    static func load(_ file: String) -> [AnalysisFixture] {
        required(Fixture.json(file) as? [[String: Any]], "a list of analyses in \(file)").map {
            AnalysisFixture(name: required($0["name"] as? String, "a name in \(file)"), raw: $0)
        }
    }

    static let all: [AnalysisFixture] = load("seed_review") + load("metadat_sets") + load("parity_sets")

    var method: TauSquaredMethod {
        required((raw["method"] as? String).flatMap(TauSquaredMethod.init), "a known method in \(name)")
    }
    var test: WaldTest { required((raw["test"] as? String).flatMap(WaldTest.init), "a known test in \(name)") }
    var yi: [Double] { array(raw["yi"]).map { required($0, "yi without NA in \(name)") } }
    var vi: [Double] { array(raw["vi"]).map { required($0, "vi without NA in \(name)") } }
    var effects: [EffectSize] { zip(yi, vi).map { EffectSize(yi: $0, vi: $1) } }
    var k: Int { yi.count }

    func section(_ key: String) -> [String: Any]? { raw[key] as? [String: Any] }

    /// A number from a section; nil for NA / null / absent.
    func value(_ section: String, _ key: String) -> Double? {
        number(self.section(section)?[key])
    }

    func values(_ section: String, _ key: String) -> [Double?] {
        array(self.section(section)?[key])
    }
}

func number(_ any: Any?) -> Double? {
    guard let n = any as? NSNumber else { return nil }
    return n.doubleValue
}

/// jsonlite unboxes length-1 vectors; accept a bare number as a one-element array.
func array(_ any: Any?) -> [Double?] {
    if let list = any as? [Any] { return list.map(number) }
    if let n = number(any) { return [n] }
    return []
}
