import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev screen next|decide|import`: blinded dual screening.
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen", abstract: "Screen records, blinded to the other reviewers' votes.",
        subcommands: [Next.self, Decide.self, ImportDecisions.self])

    struct Next: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json]
        static let configuration = CommandConfiguration(
            abstract: "Show the next record you have not decided at a stage; shows nothing of other reviewers' votes.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions
        @OptionGroup var stageOptions: StageOptions

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func validate() throws {
            _ = try reviewerOptions.requireReviewer()
        }

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            let name = try reviewerOptions.requireReviewer()
            let stage = stageOptions.stage
            let next = try registry.nextRecord(stage: stage, reviewer: try registry.reviewer(named: name))
            guard let next else {
                if format == .json {
                    Output.print("null")
                } else {
                    Output.print("Nothing left for \(name) at \(stage.rawValue).")
                }
                return
            }
            let record = try registry.recordDetail(next)
            if format == .json {
                Output.print(
                    JSONValue.object([
                        ("id", .integer(Int(record.id))), ("title", .string(record.title)),
                        ("authors", .array(record.authors.map(JSONValue.string))), ("year", .integer(record.year)),
                        ("journal", .string(record.journal)), ("doi", .string(record.doi)), ("pmid", .string(record.pmid)),
                        ("abstract", .string(record.abstract)),
                    ]).rendered(pretty: true))
                return
            }
            Output.print(RecordCard(record: record).rendered(), terminator: "")
            let choices = stage.decisions.map(\.rawValue).joined(separator: "|")
            let reason = stage == .fullText ? " [--reason TEXT]" : ""
            Output.print("\nDecide: livrev screen decide \(record.id) \(choices) --stage \(stage.rawValue) --as \(name)\(reason)")
        }
    }

    struct Decide: RegistryCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record your decision on a record; a later decision of yours supersedes it (both stay in history).")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions
        @OptionGroup var stageOptions: StageOptions

        @OptionGroup var vote: DecisionArguments

        func validate() throws {
            _ = try reviewerOptions.requireReviewer()
            try vote.validate(at: stageOptions.stage)
        }

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            let name = try reviewerOptions.requireReviewer()
            try context.write(reviewer: name) { revision in
                try registry.decide(
                    record: vote.record, stage: stageOptions.stage, decision: vote.decision, reason: vote.reason,
                    reviewer: try registry.reviewer(named: name), revision: revision)
            }
            Output.print(
                "Recorded \(vote.decision.rawValue) on record \(vote.record) at \(stageOptions.stage.rawValue) for \(name)")
        }
    }
}

/// A record laid out for a reviewer to read.
struct RecordCard {
    let record: RecordDetail

    func rendered() -> String {
        var lines = ["Record \(record.id)", "Title:    \(record.title)"]
        if !record.authors.isEmpty { lines.append("Authors:  \(record.authors.joined(separator: "; "))") }
        let source = [record.journal, record.year.map(String.init)].compactMap { $0 }.joined(separator: ", ")
        if !source.isEmpty { lines.append("Source:   \(source)") }
        if let doi = record.doi { lines.append("DOI:      \(doi)") }
        if let pmid = record.pmid { lines.append("PMID:     \(pmid)") }
        if let abstract = record.abstract, !abstract.isEmpty {
            lines.append("")
            lines += RecordCard.wrapped(abstract, width: 78)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
