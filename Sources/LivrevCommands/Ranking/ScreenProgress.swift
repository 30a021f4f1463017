import ArgumentParser
import Foundation
import LivrevRanking
import LivrevReports
import LivrevStore

extension ScreenCommand {
    /// `livrev screen progress --stage S`: how far screening is, and whether it is safe to stop.
    struct Progress: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json]
        static let configuration = CommandConfiguration(
            commandName: "progress",
            abstract: "Show screening progress at a stage and whether the statistical stopping rule says you may stop.",
            discussion: """
                Reads the stage's final decisions (agreed or resolved) in the order they were reached. The \
                stopping rule is Callaghan & Müller-Hansen (2020): a hypergeometric test of 'recall is below the \
                target' over the screened tail; when its p-value is below 1 - confidence you may stop. The run \
                of consecutive excludes is shown too, as the heuristic it is: it guarantees no recall.
                """)

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var stageOptions: StageOptions

        @Option(help: "The recall to be confident of, as a fraction.")
        var targetRecall = 0.95

        @Option(help: "The confidence, as a fraction (p must fall below 1 minus this).")
        var confidence = 0.95

        @Option(help: "Consecutive excludes the heuristic asks for.")
        var consecutive = 100

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func validate() throws {
            guard targetRecall > 0, targetRecall < 1 else { throw ValidationError("'--target-recall' must lie in (0, 1)") }
            guard confidence > 0, confidence < 1 else { throw ValidationError("'--confidence' must lie in (0, 1)") }
            guard consecutive > 0 else { throw ValidationError("'--consecutive' must be 1 or more") }
        }

        func run(_ context: CommandContext) throws {
            let progress = try context.registry.finalDecisionSequence(stage: stageOptions.stage)
            let rule = StoppingRule(targetRecall: targetRecall, confidence: confidence)
            let p = rule.pValue(labels: progress.finalDecisions, total: progress.records)
            let passes = !progress.finalDecisions.isEmpty && p < 1 - confidence
            let run = ConsecutiveExcludes.run(progress.finalDecisions)
            if format == .json {
                Output.print(
                    JSONValue.object([
                        ("stage", .string(stageOptions.stage.rawValue)), ("records", .integer(progress.records)),
                        ("screened", .integer(progress.finalDecisions.count)), ("includes", .integer(progress.includes)),
                        ("conflicts", .integer(progress.conflicts)), ("awaiting", .integer(progress.awaiting)),
                        (
                            "stopping_rule",
                            .object([
                                ("method", .string("Callaghan & Müller-Hansen 2020")),
                                ("target_recall", .number(targetRecall)), ("confidence", .number(confidence)),
                                ("p_value", .number(p)), ("passes", .bool(passes)),
                            ])
                        ),
                        (
                            "heuristic",
                            .object([
                                ("consecutive_excludes", .integer(run)), ("threshold", .integer(consecutive)),
                                ("passes", .bool(run >= consecutive)),
                            ])
                        ),
                    ]).rendered(pretty: true))
                return
            }
            Output.print(text(progress, p: p, passes: passes, run: run), terminator: "")
        }

        private func text(_ progress: FinalDecisionSequence, p: Double, passes: Bool, run: Int) -> String {
            let target = String(format: "%g%%", targetRecall * 100)
            let level = String(format: "%g%%", confidence * 100)
            var lines = [
                "Screening progress at \(stageOptions.stage.rawValue)",
                "  records to screen    \(progress.records)",
                "  final decisions      \(progress.finalDecisions.count)"
                    + " (\(progress.conflicts) in conflict, \(progress.awaiting) awaiting votes)",
                "  includes found       \(progress.includes)",
                "Stopping rule (Callaghan & Müller-Hansen 2020), H0: recall < \(target)",
                "  p \(SVGFormat.pValue(p))",
            ]
            if passes {
                lines.append("  You can stop here: recall ≥ \(target) with \(level) confidence.")
            } else {
                lines.append("  Keep screening: that needs p < \(String(format: "%g", 1 - confidence)).")
            }
            lines.append("Heuristic (no guarantee of recall): \(run) consecutive excludes at the end")
            lines.append(
                run >= consecutive
                    ? "  That reaches the \(consecutive) many teams stop at; the rule above is the one to trust."
                    : "  Teams often stop at \(consecutive); the rule above is the one to trust.")
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
