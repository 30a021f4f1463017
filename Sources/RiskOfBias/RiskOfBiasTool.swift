import Foundation

/// A risk-of-bias judgement, as the tools define them and the registry stores them.
public enum RiskOfBiasLevel: String, CaseIterable, Sendable {
    case low
    case someConcerns = "some_concerns"
    case unclear
    case high
}

/// A Cochrane risk-of-bias tool: its domains (the key the registry stores and the heading a figure
/// shows, in the tool's order), its judgement levels, and how the overall judgement follows. Storage,
/// analysis and figures all read this one list.
public enum RiskOfBiasTool: String, CaseIterable, Sendable {
    /// RoB 1 (Higgins 2011, doi:10.1136/bmj.d5928): seven domains, low / unclear / high.
    case rob1
    /// RoB 2 (Sterne 2019, doi:10.1136/bmj.l4898): five domains, low / some concerns / high.
    case rob2

    /// One domain of the tool.
    public struct Domain: Equatable, Sendable {
        /// The registry's key, e.g. `allocation_concealment`.
        public let key: String
        /// The tool's own wording, e.g. "Allocation concealment (selection bias)".
        public let heading: String
    }

    /// The tool's name as a figure or a sentence cites it: "RoB 1", "RoB 2".
    public var name: String { self == .rob1 ? "RoB 1" : "RoB 2" }

    /// The tool's domains, in its order (D1…Dn).
    public var domains: [Domain] {
        switch self {
        case .rob1:
            [
                Domain(key: "random_sequence_generation", heading: "Random sequence generation (selection bias)"),
                Domain(key: "allocation_concealment", heading: "Allocation concealment (selection bias)"),
                Domain(
                    key: "blinding_participants_personnel",
                    heading: "Blinding of participants and personnel (performance bias)"),
                Domain(key: "blinding_outcome_assessment", heading: "Blinding of outcome assessment (detection bias)"),
                Domain(key: "incomplete_outcome_data", heading: "Incomplete outcome data (attrition bias)"),
                Domain(key: "selective_reporting", heading: "Selective reporting (reporting bias)"),
                Domain(key: "other_bias", heading: "Other bias"),
            ]
        case .rob2:
            [
                Domain(key: "randomization_process", heading: "Bias arising from the randomization process"),
                Domain(
                    key: "deviations_from_intended_interventions",
                    heading: "Bias due to deviations from intended interventions"),
                Domain(key: "missing_outcome_data", heading: "Bias due to missing outcome data"),
                Domain(key: "measurement_of_the_outcome", heading: "Bias in measurement of the outcome"),
                Domain(key: "selection_of_the_reported_result", heading: "Bias in selection of the reported result"),
            ]
        }
    }

    /// The domains' registry keys, in order.
    public var domainKeys: [String] { domains.map(\.key) }

    /// The judgements the tool allows, from best to worst.
    public var levels: [RiskOfBiasLevel] {
        switch self {
        case .rob1: [.low, .unclear, .high]
        case .rob2: [.low, .someConcerns, .high]
        }
    }

    /// The domain under which an overall judgement is recorded (a RoB 2 override).
    public static let overall = "overall"

    /// The level as the tool spells it, accepting "some concerns", "Some-Concerns" and the like.
    public func level(_ text: String) -> RiskOfBiasLevel? {
        RiskOfBiasLevel(rawValue: Self.key(text)).flatMap { levels.contains($0) ? $0 : nil }
    }

    /// The domain's key, accepting spaces or hyphens for underscores and "D1"…"Dn"; `overall` too.
    public func domain(_ text: String) -> String? {
        let key = Self.key(text)
        if key == Self.overall { return key }
        let keys = domainKeys
        if key.hasPrefix("d"), let number = Int(key.dropFirst()), (1...keys.count).contains(number) {
            return keys[number - 1]
        }
        return keys.contains(key) ? key : nil
    }

    /// The overall judgement the tool's algorithm gives for these domain judgements (nil when none).
    ///
    /// RoB 2 (Sterne 2019, Table 2): low when every domain is low; high when any domain is high;
    /// otherwise some concerns. The tool also lets reviewers judge "high" when some concerns in
    /// several domains substantially lower confidence: that is a reviewer's call, recorded as an
    /// override of domain `overall`, never guessed here. RoB 1 (Cochrane Handbook 5.1, Table 8.7.a):
    /// low when all assessed domains are low, high when any is high, otherwise unclear.
    public func overall(_ judgements: [RiskOfBiasLevel]) -> RiskOfBiasLevel? {
        guard !judgements.isEmpty else { return nil }
        if judgements.contains(.high) { return .high }
        if judgements.allSatisfy({ $0 == .low }) { return .low }
        return levels[1]
    }

    private static func key(_ text: String) -> String {
        text.lowercased().trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
    }
}
