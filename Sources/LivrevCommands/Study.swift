import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev study add|link|list`: studies (trials) and the reports that describe them.
struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study", abstract: "Group reports (records) into studies (trials).",
        subcommands: [
            Add.self, Link.self, Unlink.self, List.self, ImportCharacteristics.self, Conflicts.self, Pending.self,
            Resolve.self,
        ])

    struct Add: RegistryCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a study, optionally with its reports.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The study's key, e.g. 'Hare 2009'.")
        var key: String

        @Option(name: .customLong("record"), parsing: .upToNextOption, help: "Records that report this study.")
        var records: [Int64] = []

        func validate() throws {
            try InputRules.name(key, "a study key")
        }

        func run(_ context: CommandContext) throws {
            try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try context.registry.addStudy(key, records: records, revision: revision)
            }
            Output.print("Added study \(key)" + (records.isEmpty ? "" : " with \(records.count) report(s)"))
        }
    }

    struct Link: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "link", abstract: "Link a record to a study as one of its reports.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The study's key.")
        var key: String

        @Argument(help: "The record id.")
        var record: Int64

        func run(_ context: CommandContext) throws {
            try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try context.registry.link(record: record, toStudy: key, revision: revision)
            }
            Output.print("Linked record \(record) to \(key)")
        }
    }

    struct Unlink: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "unlink",
            abstract: "Unlink a record from its study (a new fact; history keeps the link).")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The record id.")
        var record: Int64

        func run(_ context: CommandContext) throws {
            let key = try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try context.registry.unlink(record: record, revision: revision)
            }
            Output.print("Unlinked record \(record) from \(key)")
        }
    }

    struct List: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json]
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the studies and their reports.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var snapshot: SnapshotOptions

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @Option(help: "Show only these characteristics (comma-separated), e.g. country,patients_n.")
        var columns: String?

        func run(_ context: CommandContext) throws {
            let revision = try snapshot.revision(in: context)
            let studies = try context.registry.studies(at: revision)
            let table = try context.registry.characteristics(at: revision)
            let values = Dictionary(uniqueKeysWithValues: table.studies.map { ($0.study, $0.values) })
            let names = columns.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? table.names
            if format == .json {
                Output.print(
                    JSONValue.array(
                        studies.map { study in
                            let own = values[study.key] ?? [:]
                            return .object([
                                ("study", .string(study.key)), ("reports", .array(study.reports.map { .integer(Int($0)) })),
                                (
                                    "characteristics",
                                    .object(
                                        names.compactMap { name in
                                            own[name].map { (name, $0.number.map(JSONValue.number) ?? .string($0.text)) }
                                        })
                                ),
                            ])
                        }
                    ).rendered(pretty: true))
                return
            }
            let rows = studies.map { study in
                [study.key, String(study.reports.count)]
                    + names.map { Text.truncated(values[study.key]?[$0]?.text ?? "", to: 24) }
            }
            Output.print(TextTable(header: ["study", "reports"] + names, rows: rows).rendered(), terminator: "")
        }
    }
}
