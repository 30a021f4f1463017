import Foundation

/// A Cochrane risk-of-bias tool: its domains, its judgement levels, and how the overall judgement follows.
package enum RiskOfBiasTool: String, CaseIterable, Sendable {
    /// RoB 1 (Higgins 2011, doi:10.1136/bmj.d5928): seven domains, low / unclear / high.
    case rob1
    /// RoB 2 (Sterne 2019, doi:10.1136/bmj.l4898): five domains, low / some concerns / high.
    case rob2

    package var domains: [String] {
        switch self {
        case .rob1:
            [
                "random_sequence_generation", "allocation_concealment", "blinding_participants_personnel",
                "blinding_outcome_assessment", "incomplete_outcome_data", "selective_reporting", "other_bias",
            ]
        case .rob2:
            [
                "randomization_process", "deviations_from_intended_interventions", "missing_outcome_data",
                "measurement_of_the_outcome", "selection_of_the_reported_result",
            ]
        }
    }

    /// The judgements the tool allows, from best to worst.
    package var levels: [String] {
        switch self {
        case .rob1: ["low", "unclear", "high"]
        case .rob2: ["low", "some_concerns", "high"]
        }
    }

    /// The domain under which an overall judgement is recorded (a RoB 2 override).
    package static let overall = "overall"

    /// The level as the tool spells it, accepting "some concerns", "Some-Concerns" and the like.
    package func level(_ text: String) -> String? {
        let key = text.lowercased().trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        return levels.contains(key) ? key : nil
    }

    /// The domain as the tool names it, accepting spaces or hyphens for underscores and "D1"…"Dn".
    package func domain(_ text: String) -> String? {
        let key = text.lowercased().trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        if key == RiskOfBiasTool.overall { return key }
        if key.hasPrefix("d"), let number = Int(key.dropFirst()), (1...domains.count).contains(number) {
            return domains[number - 1]
        }
        return domains.contains(key) ? key : nil
    }

    /// The overall judgement the tool's algorithm gives for these domain judgements (nil when none).
    ///
    /// RoB 2 (Sterne 2019, Table 2): low when every domain is low; high when any domain is high;
    /// otherwise some concerns. The tool also lets reviewers judge "high" when some concerns in
    /// several domains substantially lower confidence: that is a reviewer's call, recorded as an
    /// override of domain `overall`, never guessed here. RoB 1 (Cochrane Handbook 5.1, Table 8.7.a):
    /// low when all assessed domains are low, high when any is high, otherwise unclear.
    package func overall(_ judgements: [String]) -> String? {
        guard !judgements.isEmpty else { return nil }
        if judgements.contains("high") { return "high" }
        if judgements.allSatisfy({ $0 == "low" }) { return "low" }
        return levels[1]
    }
}
