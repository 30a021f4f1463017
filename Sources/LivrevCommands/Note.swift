import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev note add|list`: a reviewer's notes on records.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Notes on records: yours to read (and the arbiter's), never the other screener's.",
        subcommands: [Add.self, List.self])

    struct Add: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a note to a record (the log shows that you added one, not what it says).")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The record id.")
        var record: Int64

        @Argument(help: "The note.")
        var text: String

        func validate() throws {
            _ = try reviewerOptions.requireReviewer()
        }

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            let name = try reviewerOptions.requireReviewer()
            // The note's words stay out of the log's command line: a note may say how its author voted.
            let command = CommandContext.commandLine(["note", "add", String(record), "--as", name])
            try registry.write(reviewer: name, command: command) { revision in
                try registry.addNote(record: record, text: text, reviewer: try registry.reviewer(named: name), revision: revision)
            }
            Output.print("Added a note to record \(record)")
        }
    }

    struct List: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json]
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the notes you may read: your own (an arbiter reads everyone's).")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "Only this record's notes.")
        var record: Int64?

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func validate() throws {
            _ = try reviewerOptions.requireReviewer()
        }

        func run(_ context: CommandContext) throws {
            let reader = try context.registry.reviewer(named: try reviewerOptions.requireReviewer())
            let notes = try context.registry.notes(record: record, visibleTo: reader)
            if format == .json {
                Output.print(
                    JSONValue.array(
                        notes.map {
                            .object([
                                ("record", .integer(Int($0.record))), ("reviewer", .string($0.reviewer)),
                                ("time", .string($0.time)), ("text", .string($0.text)),
                            ])
                        }
                    ).rendered(pretty: true))
                return
            }
            guard !notes.isEmpty else {
                Output.print("No notes" + (record.map { " on record \($0)" } ?? ""))
                return
            }
            let rows = notes.map { [String($0.record), $0.reviewer, String($0.time.prefix(16)), Printable.plain($0.text)] }
            Output.print(TextTable(header: ["record", "reviewer", "time", "note"], rows: rows).rendered(), terminator: "")
        }
    }
}
