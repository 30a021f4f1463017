import Foundation
import LivrevRanking
import LivrevReports
import LivrevStore

extension ReportBuilder {
    /// Title-abstract screening as a recall curve: includes found against final decisions in the
    /// order reached, the random-order line, and where the stopping rule passed (if it has).
    /// Nil before any final decision.
    func screeningSection() throws -> HTMLSection? {
        let sequence = try registry.finalDecisionSequence(stage: .titleAbstract, at: revision)
        guard !sequence.finalDecisions.isEmpty else { return nil }
        var found: [Int] = []
        var count = 0
        for include in sequence.finalDecisions {
            if include { count += 1 }
            found.append(count)
        }
        let rule = StoppingRule()
        let stop = rule.firstStop(labels: sequence.finalDecisions, total: sequence.records)
        let p = rule.pValue(labels: sequence.finalDecisions, total: sequence.records)
        let curve = RecallCurve(
            title: "Title-abstract screening", total: sequence.records, includes: max(1, sequence.includes), found: found,
            stop: stop.map { ($0, Double(found[$0 - 1]) / Double(max(1, sequence.includes))) })
        let verdict =
            p < 1 - rule.confidence
            ? "the stopping rule passes: recall ≥ 95% with 95% confidence"
            : "the stopping rule does not yet pass (p must fall below 0.05)"
        return HTMLSection(
            heading: "Screening",
            blocks: [
                .paragraph(
                    "\(sequence.finalDecisions.count) of \(sequence.records) records have a final title-abstract decision "
                        + "(\(sequence.includes) moved on); Callaghan & Müller-Hansen's test of recall < 95% gives "
                        + "p \(SVGFormat.pValue(p)): \(verdict)."),
                .figure(
                    curve.svgDocument(),
                    caption: "Includes found (as a share of those found so far) against records with a final decision, "
                        + "in the order decided; dashed: a random order."),
            ])
    }
}
