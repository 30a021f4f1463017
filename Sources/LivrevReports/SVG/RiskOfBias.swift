import Foundation
import RiskOfBias

/// One risk-of-bias judgement, as a traffic light shows it.
///
/// RoB 2 uses low / some concerns / high; RoB 1 uses low / unclear / high. Each level has a
/// colour and a symbol (+, ?, −) so that the figure also reads in greyscale and for
/// colour-blind readers; `noInformation` is drawn as a blue "i" for a judgement not yet made.
///
/// Source: McGuinness LA, Higgins JPT (2021). Risk-of-bias VISualization (robvis). Res Syn Meth
/// 12:55–61. doi:10.1002/jrsm.1411 (colours); RevMan 5 risk-of-bias symbols.
public enum RiskOfBiasJudgement: String, Sendable, CaseIterable {
    case low
    case someConcerns = "some concerns"
    case unclear
    case high
    case noInformation = "no information"

    /// The robvis fill colour.
    public var colour: String {
        switch self {
        case .low: return "#02C100"
        case .someConcerns, .unclear: return "#E2DF07"
        case .high: return "#BF0000"
        case .noInformation: return "#4EA1F7"
        }
    }

    /// The symbol drawn in the circle.
    public var symbol: String {
        switch self {
        case .low: return "+"
        case .someConcerns, .unclear: return "?"
        case .high: return "−"
        case .noInformation: return "i"
        }
    }

    /// The legend wording: "Low", "Some concerns", "Unclear", "High", "No information".
    public var displayName: String {
        switch self {
        case .low: return "Low"
        case .someConcerns: return "Some concerns"
        case .unclear: return "Unclear"
        case .high: return "High"
        case .noInformation: return "No information"
        }
    }

    /// The order of levels from best to worst, for stacking summary bars.
    var rank: Int {
        switch self {
        case .low: return 0
        case .someConcerns, .unclear: return 1
        case .high: return 2
        case .noInformation: return 3
        }
    }
}

extension RiskOfBiasJudgement {
    /// The light for a judgement the tool defines.
    public init(_ level: RiskOfBiasLevel) {
        switch level {
        case .low: self = .low
        case .someConcerns: self = .someConcerns
        case .unclear: self = .unclear
        case .high: self = .high
        }
    }
}

extension RiskOfBiasTool {
    /// The lights a legend lists, best first: the tool's levels.
    var judgements: [RiskOfBiasJudgement] { levels.map(RiskOfBiasJudgement.init) }
}

extension SVGDocument {
    /// A traffic-light circle with its symbol; + and − are drawn as strokes so they centre exactly.
    mutating func riskOfBiasLight(_ judgement: RiskOfBiasJudgement, cx: Double, cy: Double, r: Double) {
        let ink = judgement == .someConcerns || judgement == .unclear ? "#000000" : "#ffffff"
        group(className: "rob-light", tooltip: judgement.displayName) { svg in
            svg.circle(cx: cx, cy: cy, r: r, fill: judgement.colour, stroke: "#333333", strokeWidth: 0.5)
            let arm = r * 0.5, weight = max(1.5, r * 0.22)
            switch judgement {
            case .low:
                svg.line(x1: cx - arm, y1: cy, x2: cx + arm, y2: cy, stroke: ink, strokeWidth: weight)
                svg.line(x1: cx, y1: cy - arm, x2: cx, y2: cy + arm, stroke: ink, strokeWidth: weight)
            case .high:
                svg.line(x1: cx - arm, y1: cy, x2: cx + arm, y2: cy, stroke: ink, strokeWidth: weight)
            default:
                svg.text(judgement.symbol, x: cx, y: cy + r * 0.45, size: r * 1.3, anchor: .middle, bold: true, fill: ink)
            }
        }
    }
}
