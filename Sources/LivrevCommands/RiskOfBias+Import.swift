import ArgumentParser
import LivrevStore
import RiskOfBias

extension RiskOfBiasCommand {
    struct ImportJudgements: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import judgements from a CSV file: study,domain,judgement[,support].",
            discussion: """
                With --final the rows are agreed judgements (a published review migrated into livrev) and need no \
                second reviewer. A study judged twice on one domain in the file keeps its later row, with a warning.
                """)

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions
        @OptionGroup var toolOption: ToolOption

        @Argument(help: "The CSV file.")
        var file: String

        @Flag(help: "The judgements are final (agreed), e.g. from a published review.")
        var final = false

        func validate() throws {
            _ = try reviewerOptions.requireReviewer()
        }

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            let name = try reviewerOptions.requireReviewer()
            let tool = toolOption.tool
            try InputFile.require(file)
            let (count, warnings) = try context.write(reviewer: name) { revision in
                try Self.record(
                    file: file, tool: tool, by: try registry.reviewer(named: name), final: final, in: registry,
                    revision: revision)
            }
            warnings.forEach { Output.error("Warning: \($0)") }
            Output.print("Recorded \(count) \(tool.rawValue) judgements\(final ? " (final)" : "") for \(name) from \(file)")
        }

        /// Records every judgement of `file` by `reviewer` as part of `revision`; returns how many,
        /// and a warning for each domain the file judges twice differently (the later row stands).
        ///
        /// - Throws: `CommandError.unknownInRow` for a study not in the registry; the file's own errors.
        static func record(
            file: String, tool: RiskOfBiasTool, by reviewer: Reviewer, final: Bool, in registry: Registry, revision: Int64
        ) throws -> (count: Int, warnings: [String]) {
            let rows = try RiskOfBiasFile.read(file, tool: tool)
            var warnings: [String] = []
            var seen: [String: (RiskOfBiasLevel, Int)] = [:]
            for row in rows {
                guard try registry.studyID(row.study) != nil else {
                    throw CommandError.unknownInRow(file: file, line: row.line, message: "no study '\(row.study)'")
                }
                let key = row.study + "\u{0}" + row.domain
                if let (earlier, line) = seen[key], earlier != row.judgement {
                    warnings.append(
                        "\(file):\(row.line): \(row.study) \(row.domain) is \(row.judgement.rawValue) here but "
                            + "\(earlier.rawValue) on line \(line); the later row stands")
                }
                seen[key] = (row.judgement, row.line)
                try registry.setRiskOfBias(
                    study: row.study, tool: tool, domain: row.domain, judgement: row.judgement.rawValue, support: row.support,
                    reviewer: reviewer, final: final, revision: revision)
            }
            return (rows.count, warnings)
        }
    }
}
