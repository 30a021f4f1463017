import LivrevReports
import MetaAnalysis

/// How a `PooledOutcome`'s analysis-scale numbers are shown in figures: on the natural scale
/// (exp for ratio measures, back-transformed proportions), with the measure's name for a reader.
struct EffectScaleMapping {
    /// qnorm(0.975): per-row Wald intervals yi ± z·√vi, as metafor's forest() draws them.
    static let z975 = 1.959963984540054

    let measure: String
    /// Sample sizes of single-arm rows, for the double-arcsine back-transform of pooled values.
    let sampleSizes: [Double]

    init(_ pooled: PooledOutcome) {
        measure = pooled.measure
        sampleSizes = pooled.rows.compactMap { row in row.counts.count == 1 ? Arm(row.counts[0]).map { Double($0.total) } : nil }
    }

    var isRatio: Bool { !["RD", "PLO", "PFT", "GEN"].contains(measure) }
    var isProportion: Bool { measure == "PLO" || measure == "PFT" }
    var scale: EffectScale { isRatio ? .log : .linear }

    /// The column heading: "Odds ratio", "Risk difference", "Proportion", ….
    var measureName: String {
        switch measure {
        case "OR": "Odds ratio"
        case "RR": "Risk ratio"
        case "RD": "Risk difference"
        case "HR": "Hazard ratio"
        case "PLO", "PFT": "Proportion"
        case "GEN": "Effect"
        default: "Ratio (\(measure))"
        }
    }

    /// A pooled (or interval) value on the natural scale.
    func natural(_ y: Double) -> Double {
        switch measure {
        case "PLO": Transform.inverseLogit(y)
        case "PFT": Transform.inverseFreemanTukey(y, sampleSizes: sampleSizes)
        default: isRatio ? Transform.exp(y) : y
        }
    }

    /// One row's value on the natural scale; double-arcsine rows use their own n.
    func natural(_ y: Double, n: Int?) -> Double {
        if measure == "PFT", let n { return Transform.inverseFreemanTukey(y, n: Double(n)) }
        return natural(y)
    }

    /// The method line under the measure heading, e.g. "IV, Random (DL), 95% CI".
    static func methodLine(_ pooled: PooledOutcome) -> String {
        let ci = pooled.ciMethod == "hksj" ? "95% CI (HKSJ)" : "95% CI"
        switch pooled.method {
        case "MH": return "M-H, Fixed, \(ci)"
        case "PETO": return "Peto, Fixed, \(ci)"
        case "FE": return "IV, Fixed, \(ci)"
        default: return "IV, Random (\(pooled.method)), \(ci)"
        }
    }

    /// "9/34" as events and total.
    struct Arm {
        let events: Int
        let total: Int
        init?(_ text: String) {
            let parts = text.split(separator: "/")
            guard parts.count == 2, let events = Int(parts[0]), let total = Int(parts[1]) else { return nil }
            self.events = events
            self.total = total
        }
        var forest: ForestArm { ForestArm(events: events, total: total) }
    }
}
