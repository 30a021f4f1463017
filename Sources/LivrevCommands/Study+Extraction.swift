import ArgumentParser
import LivrevReports
import LivrevStore

extension StudyCommand {
    struct Conflicts: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json]
        static let configuration = CommandConfiguration(
            commandName: "conflicts",
            abstract: "List study characteristics whose extractors disagree, each extractor's value side by side.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var snapshot: SnapshotOptions

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run(_ context: CommandContext) throws {
            let conflicts = try context.registry.characteristicExtraction(at: snapshot.revision(in: context)).conflicts
            if format == .json {
                Output.print(ExtractionOutput.conflictsJSON(conflicts).rendered(pretty: true))
            } else {
                Output.print(ExtractionOutput.conflictsText(conflicts), terminator: "")
            }
        }
    }

    struct Pending: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json]
        static let configuration = CommandConfiguration(
            commandName: "pending",
            abstract: "List study characteristics only one extractor has entered: who entered each, never the values.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var snapshot: SnapshotOptions

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run(_ context: CommandContext) throws {
            let pending = try context.registry.characteristicExtraction(at: snapshot.revision(in: context)).enteredOnce
            if format == .json {
                Output.print(ExtractionOutput.pendingJSON(pending).rendered(pretty: true))
            } else {
                Output.print(ExtractionOutput.pendingText(pending), terminator: "")
            }
        }
    }

    struct Resolve: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "resolve",
            abstract: "Settle a characteristic in conflict: accept one extractor's value, or give the right one.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The study.")
        var study: String

        @Argument(help: "The characteristic (its column name in 'study import').")
        var name: String

        @Option(help: "Take this extractor's value (or, when they have none, rule that there is none).")
        var accept: String?

        @Option(help: "The right value, as it would be typed in the CSV.")
        var value: String?

        func validate() throws {
            _ = try reviewerOptions.requireReviewer()
            guard (accept != nil) != (value != nil) else { throw ValidationError("give either '--accept NAME' or '--value V'") }
            if let value, value.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("'--value' must not be empty (use --accept NAME of an extractor who has none)")
            }
        }

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            let arbiter = try reviewerOptions.requireReviewer()
            try context.write(reviewer: arbiter) { revision in
                let choice: ResolutionChoice<String> =
                    if let accept { .accept(try registry.reviewer(named: accept)) } else { .value(value ?? "") }
                try registry.resolveCharacteristic(
                    study: study, name: name, choice: choice, arbiter: try registry.reviewer(named: arbiter),
                    revision: revision)
            }
            Output.print("Resolved \(study) / \(name)" + (accept.map { ": accepted \($0)'s value" } ?? ": \(value ?? "")"))
        }
    }
}
