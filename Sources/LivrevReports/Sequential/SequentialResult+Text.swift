import LivrevAnalysis
import MetaAnalysis

extension SequentialConclusion {
    /// The verdict in words (for an adverse event, fewer events with treatment is the benefit).
    public var sentence: String {
        switch self {
        case .firmEvidence(let look, let z, let boundary, let fewerEvents):
            "firm evidence of \(fewerEvents ? "benefit (fewer events with treatment)" : "harm (more events with treatment)"): "
                + "the z-curve crossed the monitoring boundary at \(look) "
                + "(z = \(SVGFormat.fixed(z, decimals: 2)), boundary ±\(SVGFormat.fixed(boundary, decimals: 2)))"
        case .futility(let look, let z, let bound):
            "futility boundary crossed at \(look) (z = \(SVGFormat.fixed(z, decimals: 2)), "
                + "futility bound \(SVGFormat.fixed(bound, decimals: 2))): the anticipated effect is unlikely"
        case .informationReached(let participants, let required):
            "the required information size is reached (\(SVGFormat.grouped(participants)) of "
                + "\(SVGFormat.grouped(required)) participants) without crossing a boundary: the anticipated effect is unlikely"
        case .notYetConclusive(let fraction, let required, let more):
            "not yet conclusive: \(SVGFormat.fixed(fraction * 100, decimals: 1))% of the required "
                + "\(SVGFormat.grouped(required)) participants; about \(SVGFormat.grouped(more)) more needed"
        }
    }
}

extension SequentialResult {
    /// SPEC's `sequential --format json` object; estimates and intervals on the analysis scale.
    public var json: JSONValue {
        .object([
            ("outcome", .string(outcome)), ("measure", .string(measure.rawValue)), ("method", .string(method.rawValue)),
            ("control_risk", .number(controlRisk)), ("rrr", .number(plan.relativeRiskReduction)),
            ("alpha", .number(plan.alpha)), ("power", .number(plan.power)),
            ("ris", .integer(requiredInformationSize)), ("adjusted_ris", .integer(adjustedRequiredInformationSize)),
            ("adjustment", .string(plan.adjustment.rawValue)), ("d2", .number(d2)), ("i2", .number(i2)),
            (
                "looks",
                .array(
                    looks.map { look in
                        .object([
                            ("label", .string(look.label)), ("n", .integer(look.participants)),
                            ("information_fraction", .number(look.informationFraction)), ("z", .number(look.z)),
                            ("boundary", .number(look.boundary)), ("futility", .number(look.futility)),
                            ("estimate", .number(look.estimate)), ("se", .number(look.se)),
                            ("ci_lower", .number(look.ciLower)), ("ci_upper", .number(look.ciUpper)),
                            ("tsa_ci_lower", .number(look.tsaCILower)), ("tsa_ci_upper", .number(look.tsaCIUpper)),
                        ])
                    })
            ),
            ("conclusion", .string(conclusion.sentence)),
        ])
    }

    /// The text `sequential` prints: the plan, the information size, one line per look, the verdict.
    public func renderedText() -> String {
        let ratio = measure != .RD
        func natural(_ value: Double?) -> String {
            guard let value else { return "—" }
            return SVGFormat.effect(ratio ? Double.exp(value) : value)
        }
        let scale = ratio ? measure.rawValue : "RD"
        let risk = SVGFormat.fixed(controlRisk * 100, decimals: 1)
        let change = SVGFormat.fixed(abs(plan.relativeRiskReduction) * 100, decimals: 0)
        let direction = plan.relativeRiskReduction > 0 ? "reduction" : "increase"
        var text = "Trial sequential analysis of \(outcome) (\(scale), \(method.name))\n\n"
        text += "Plan: control risk \(risk)%, a \(change)% relative \(direction), "
        text += "α \(SVGFormat.fixed(plan.alpha * 100, decimals: 1))% two-sided, "
        text += "power \(SVGFormat.fixed(plan.power * 100, decimals: 0))%\n"
        let heterogeneity: String
        switch plan.adjustment {
        case .d2: heterogeneity = "adjusted for diversity D² = \(SVGFormat.fixed(d2 * 100, decimals: 1))%"
        case .i2: heterogeneity = "adjusted for I² = \(SVGFormat.fixed(i2 * 100, decimals: 1))%"
        case .none: heterogeneity = "not adjusted for heterogeneity"
        }
        text += "Required information size: \(SVGFormat.grouped(requiredInformationSize)) participants; "
        text += "\(SVGFormat.grouped(adjustedRequiredInformationSize)) \(heterogeneity)\n\n"
        let rows = looks.map { look in
            [
                look.label, SVGFormat.grouped(look.participants), SVGFormat.fixed(look.informationFraction, decimals: 3),
                SVGFormat.fixed(look.z, decimals: 2), look.boundary.map { "±" + SVGFormat.fixed($0, decimals: 2) } ?? "—",
                look.futility.map { SVGFormat.fixed($0, decimals: 2) } ?? "—",
                "\(natural(look.estimate)) [\(natural(look.ciLower)), \(natural(look.ciUpper))]",
                "[\(natural(look.tsaCILower)), \(natural(look.tsaCIUpper))]",
            ]
        }
        text += TextTable(
            header: ["look", "n", "t", "z", "boundary", "futility", "\(scale) [95% CI]", "TSA-adjusted CI"], rows: rows
        ).rendered()
        return text + "\n" + conclusion.sentence.prefix(1).uppercased() + conclusion.sentence.dropFirst() + ".\n"
    }
}
