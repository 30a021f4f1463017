import ArgumentParser
import LivrevStore

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
            var warnings: [String] = []
            let count = try context.write(reviewer: name) { revision in
                let reviewer = try registry.reviewer(named: name)
                let csv = try CSVReader(path: file)
                let studyColumn = try csv.requiredColumn("study")
                let domainColumn = try csv.requiredColumn("domain")
                let judgementColumn = try csv.requiredColumn("judgement")
                let supportColumn = csv.column("support")
                var seen: [String: (String, Int)] = [:]
                var count = 0
                try csv.forEach { row in
                    let study = csv.string(studyColumn, in: row) ?? ""
                    guard try registry.studyID(study) != nil else {
                        throw CommandError.unknownInRow(file: file, line: row.line, message: "no study '\(study)'")
                    }
                    guard let domain = tool.domain(csv.string(domainColumn, in: row) ?? "") else {
                        throw csv.invalid(
                            domainColumn, row, expected: "a \(tool.rawValue) domain (\(tool.domains.joined(separator: ", ")))")
                    }
                    guard let judgement = tool.level(csv.string(judgementColumn, in: row) ?? "") else {
                        throw csv.invalid(
                            judgementColumn, row,
                            expected: "a \(tool.rawValue) judgement (\(tool.levels.joined(separator: ", ")))")
                    }
                    if let (earlier, line) = seen[study + "\u{0}" + domain], earlier != judgement {
                        warnings.append(
                            "\(file):\(row.line): \(study) \(domain) is \(judgement) here but \(earlier) on line \(line); the later row stands"
                        )
                    }
                    seen[study + "\u{0}" + domain] = (judgement, row.line)
                    try registry.setRiskOfBias(
                        study: study, tool: tool, domain: domain, judgement: judgement,
                        support: supportColumn.flatMap { csv.string($0, in: row) }, reviewer: reviewer, final: final,
                        revision: revision)
                    count += 1
                }
                return count
            }
            warnings.forEach { Output.error("Warning: \($0)") }
            Output.print("Recorded \(count) \(tool.rawValue) judgements\(final ? " (final)" : "") for \(name) from \(file)")
        }
    }
}
