import LivrevAnalysis
import LivrevReports
import MetaAnalysis

/// How a `PooledOutcome`'s analysis-scale numbers are shown in figures: on the natural scale
/// (exp for ratio measures, back-transformed proportions), with the measure's name for a reader.
struct EffectScaleMapping {
    let measure: EffectMeasure
    /// Sample sizes of single-arm rows, for the double-arcsine back-transform of pooled values.
    let sampleSizes: [Double]

    init(_ pooled: PooledOutcome) {
        self.init(measure: pooled.measure, rows: pooled.rows)
    }

    init(measure: EffectMeasure, rows: [PooledOutcome.Row] = []) {
        self.measure = measure
        sampleSizes = rows.compactMap { row in
            if case .singleArm(let arm) = row.data { return Double(arm.total) }
            return nil
        }
    }

    var isRatio: Bool { measure.isRatio }
    var isProportion: Bool { measure.isProportion }
    var scale: EffectScale { isRatio ? .log : .linear }

    /// The column heading: "Odds ratio", "Risk difference", "Proportion", ….
    var measureName: String {
        switch measure {
        case .measure(.OR): "Odds ratio"
        case .measure(.RR): "Risk ratio"
        case .measure(.RD): "Risk difference"
        case .measure(.PLO), .measure(.PFT): "Proportion"
        case .ratio("HR"): "Hazard ratio"
        case .ratio(let name): "Ratio (\(name))"
        case .generic: "Effect"
        }
    }

    /// A pooled (or interval) value on the natural scale.
    func natural(_ y: Double) -> Double {
        switch measure {
        case .measure(.PLO): Transform.inverseLogit(y)
        case .measure(.PFT): Transform.inverseFreemanTukey(y, sampleSizes: sampleSizes)
        default: isRatio ? Transform.exp(y) : y
        }
    }

    /// One row's value on the natural scale; double-arcsine rows use their own n.
    func natural(_ y: Double, n: Int?) -> Double {
        if measure == .measure(.PFT), let n { return Transform.inverseFreemanTukey(y, n: Double(n)) }
        return natural(y)
    }

    /// The method line under the measure heading, e.g. "IV, Random (DL), 95% CI".
    static func methodLine(method: PoolingMethod, ciMethod: CIMethod) -> String {
        let ci = ciMethod == .hksj ? "95% CI (HKSJ)" : "95% CI"
        switch method {
        case .MH: return "M-H, Fixed, \(ci)"
        case .PETO: return "Peto, Fixed, \(ci)"
        case .FE: return "IV, Fixed, \(ci)"
        default: return "IV, Random (\(method.rawValue)), \(ci)"
        }
    }

    static func methodLine(_ pooled: PooledOutcome) -> String {
        methodLine(method: pooled.method, ciMethod: pooled.ciMethod)
    }
}

extension ArmCounts {
    var forest: ForestArm { ForestArm(events: events, total: total) }
}
