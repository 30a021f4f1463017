import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev dedup [--dry-run] [--undo RECORD]`: mark duplicates, never delete.
struct Dedup: RegistryCommand, FormattedCommand {
    static let formats: [OutputFormat] = [.text, .json]
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Mark duplicate records (same PMID, DOI with the same title, register number, or title + authors + year).",
        discussion: "Marks, never deletes. --dry-run lists what it would mark; --undo RECORD takes a wrong mark back.")

    @OptionGroup var registryOptions: RegistryOptions
    @OptionGroup var reviewerOptions: ReviewerOptions

    @Flag(help: "List what would be marked, and change nothing.")
    var dryRun = false

    @Option(help: "Output format: text or json (an array of {record, duplicate_of, reason, score}).")
    var format: OutputFormat = .text

    @Option(help: "Undo the duplicate mark of this record; dedup will leave it alone from then on.")
    var undo: Int64?

    func validate() throws {
        if dryRun && undo != nil { throw ValidationError("'--dry-run' and '--undo' are mutually exclusive") }
    }

    func run(_ context: CommandContext) throws {
        let registry = context.registry
        if let undo {
            try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try registry.undoDuplicateMark(record: undo, revision: revision)
            }
            Output.print("Record \(undo) is no longer marked a duplicate")
            return
        }
        let marks: [DuplicateMark]
        if dryRun {
            marks = try registry.findDuplicates()
        } else {
            marks = try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                let marks = try registry.findDuplicates()
                try registry.markDuplicates(marks, revision: revision)
                return marks
            }
        }
        if format == .json {
            let items = marks.map { mark in
                JSONValue.object([
                    ("record", .integer(Int(mark.record))), ("duplicate_of", .integer(Int(mark.duplicateOf))),
                    ("reason", .string(mark.reason)), ("score", .number(mark.score)),
                ])
            }
            Output.print(JSONValue.array(items).rendered(pretty: true))
            return
        }
        Output.print(Self.text(marks, dryRun: dryRun), terminator: "")
    }

    /// The marks as a text table, then how many were (or would be) marked.
    static func text(_ marks: [DuplicateMark], dryRun: Bool) -> String {
        let rows = marks.map { [String($0.record), String($0.duplicateOf), $0.reason] }
        let table = rows.isEmpty ? "" : TextTable(header: ["record", "duplicate_of", "reason"], rows: rows).rendered()
        return table + (dryRun ? "Would mark \(marks.count) duplicates\n" : "Marked \(marks.count) duplicates\n")
    }
}
